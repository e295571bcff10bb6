// Package tax computes the individual income tax on wages (工资、薪金所得)
// that the dues base depends on: cumulative withholding over a tax year
// ([Withhold], [Rules.Withhold]; 累计预扣法), the separate tax on a
// 全年一次性奖金 ([Bonus], [Rules.BonusTax]), and the rules behind them
// ([Rules], [NationalRules]): both rate tables, the basic deduction, the
// special additional deductions and the rounding point, each value with
// its rule ID, effective window and source.
//
// # Payroll files and withholding over a stream
//
// [ScanPayroll] and [ScanPayrollWith] read a payroll file, the form an
// employer's payroll system exports and the conformance kit uses (-kind
// tax), as a stream of [PayrollRow]s: CSV in UTF-8 with the columns
//
//	id                            编号, 工号             required
//	month                         月份, 所属月份          required, YYYY-MM
//	gross                         应发工资, 收入, 本期收入  required, 元 (Month.Income)
//	social_insurance              社保个人缴纳, 专项扣除    required column, empty = 0 (Month.SocialInsurance)
//	special_deductions            专项附加扣除            required column, empty = 0 (Month.AdditionalAmount)
//	first_wage_income_this_year   年内首次取得工资         optional (Month.FirstWageIncome)
//	prior_year_low_income         上年低收入              optional (Month.PriorYearLowIncome)
//
// Amounts are exact 元 read by [funding.ParseMoney] (never a float); the
// facts are true/false, 是/否 or 1/0, empty for false. Each bad cell is a
// [dangjian.Problem] with the row's Line, the Column, the Path (the
// column's name as the header writes it) and the ID; good rows go on.
//
// [WithholdStream] (and [Rules.WithholdStream]) reads a payroll and
// withholds over it with a [Withholder]: rows of many members in any
// interleaving, each member's months of a year in increasing order (a
// month repeated or out of order is a problem of its row, of kind
// [ErrMonth]), one [Line] a row with the month's withholding, the
// cumulative figures and the rules that decided them. It keeps per member
// only the running state of the year (about 130 bytes and the ID), so its
// memory is members × a few words, whatever the number of rows. A
// member's first month in the stream is the first month of employment in
// the year unless a fact says otherwise.
//
// # Limits
//
// The payroll readers take a [dangjian.Limits] (ScanPayrollWith,
// WithholdStream; ScanPayroll reads within the defaults): the input's bytes
// (64 GiB), its rows (200,000,000) and the bytes of one row (1 MiB). A
// limit met ends the reading with a problem of kind [dangjian.ErrLimit]
// naming the limit and how to raise it (MaxRecords or the programs'
// -max-rows, MaxRecordBytes or -max-record-bytes, MaxBytes). The problems
// of the rows go to the caller's function, which caps them as it likes
// (MaxProblems, [dangjian.ProblemCap]).
//
// # The withholding facts of 2020
//
// Two facts a month may carry change the cumulative basic deduction
// (累计减除费用), each under a dated rule ([Rules.FirstWage],
// [Rules.LowIncome]); [Line.BasicRule] names the rule that decided it:
//
//   - [Month.FirstWageIncome], 国家税务总局公告2020年第13号, in force from
//     2020-07-01 (TAX-BASIC-FIRSTWAGE-2020): "对一个纳税年度内首次取得工资、
//     薪金所得的居民个人，扣缴义务人在预扣预缴个人所得税时，可按照5000元/月乘以纳税人当年截至本月月份数计算累计减除费用"
//     — a graduate hired in July deducts 7 × 5000 = 35000 in July, not 5000.
//   - [Month.PriorYearLowIncome], 国家税务总局公告2020年第19号, in force from
//     2021-01-01 (TAX-BASIC-LOWINCOME-2021): for a resident paid by this
//     employer every month of the previous full year with at most 60000 元
//     of wages, "累计减除费用自1月份起直接按照全年6万元计算扣除" — 60000 in
//     every month of the year.
//
// A fact holds for the whole year (a month that differs from the member's
// earlier months is a problem, as are both facts at once: a new hire is not
// employed since January), and a fact on a month outside its rule's dates
// is a problem of kind [dangjian.ErrNoRule] ("no rule in force on
// 2020-06-01 for a first wage income of the year …"), never ignored.
// Whether the taxpayer qualifies is the caller's fact.
//
// # Invariants
//
// Amounts are [funding.Money] (exact fen), rates exact decimals; the exact
// tax (income × rate − quick deduction) is rounded once with the declared
// [RoundingRule] (half-up to the fen by default: no national rounding rule
// has been found). A year's months are checked together and every problem
// is reported with its path (months[2].income); nothing panics on input.
// The zero [Rules] has no tables, and every computation on it reports the
// missing rules as problems: take [NationalRules]. Rule sets are values
// ([NationalRules] returns a fresh copy; the With… methods return new
// sets), and rule sets and results are safe for concurrent use by multiple
// goroutines.
//
// # Usage
//
//	months := []tax.Month{{Month: 1, Income: funding.MustParseMoney("20000"), Pension: funding.MustParseMoney("1600")}}
//	y, err := tax.Withhold(2024, months)
//	fmt.Println(y.Withheld, y.Lines[0].Tax.Bracket.ID)
package tax
