// Package funding computes the money side of grassroots party work exactly:
// party dues (党费), where collected dues go, enterprise party-work funds,
// funding and salary standards (budgets over an organization tree are in
// the sub-package funding/budget, the only part that imports orgmodel), and the
// individual income tax that the dues base depends on.
//
// # Party dues
//
// [DuesRules] is a dated rule set: [Dues2008] (中组发〔2008〕3号, from
// 2008-04-01) and [Dues2017] (组电明字〔2017〕5号; its day is not verified,
// 2017-01-01 is assumed); [DuesRulesFor] picks the one in force on a date.
// Each holds the wage and pension scales (bracket bounds inclusive; the rate
// applies to the whole base, 全额累进), the flat amounts (农民 0.20–1.00 元,
// 学生, 下岗失业, 低保/抚恤/救济 0.20 元), the base policy (2008: included pay
// items less income tax; 2017: its exclusion list, 基础性绩效 only for 事业单位,
// the basic pension only for retired members), the monthly cap (2017: 1000 元,
// "一般", on by default; voluntary payments above it allowed), and the
// provisions on self-employed and annual-salary members, probationary
// members, hardship reductions, lump sums, back pay and lapses, each a rule
// with an ID, an effective window and its source.
//
// [DuesRules.Monthly] computes one member's month with a full trace (the
// rule, the base, the rate, the exact amount and the rounding applied);
// [DuesRules.Compile] gives a [DuesCalculator] whose Batch computes the same
// amounts for many members without allocating; [DuesRules.Arrears] flags
// back pay beyond 6 months and 6 consecutive unpaid months.
//
// # Rounding
//
// No national rule on rounding party dues has been found: not to the fen,
// the jiao or the yuan, not half-up, up or down. Existing platforms each pick
// one silently. This package rounds once, at the monthly amount, with a
// declared [Rounding]; the default is half-up to the fen (四舍五入到分), and
// a caller who follows a local rule sets another (to the jiao, up).
//
// # Invariants
//
// Amounts are [Money]: an int64 count of fen (分), parsed from and printed as
// decimal text, encoded in JSON as strings. No binary floating point is used
// on a money path, including parsing. Rates and coefficients are exact
// decimals ([Rate]). An exact product or quotient is rounded once, never
// twice. The zero Money is 0.00 and an identity for Add; arithmetic reports
// [ErrOverflow] instead of wrapping; nothing panics on input. Rule sets are
// values returned fresh by their functions: changing one changes nothing
// else. Values of this package, rule sets and compiled calculators included,
// are immutable and safe for concurrent use by multiple goroutines.
//
// # Usage
//
//	rs, err := funding.DuesRulesFor(dangjian.MustParseDate("2024-06-01"))
//	d, err := rs.Monthly(funding.Member{Category: funding.Employed, Base: funding.MustParseMoney("6234.50")}, month)
//	fmt.Println(d.Amount, d.Rule) // 93.52 DUES-WAGE-3
package funding
