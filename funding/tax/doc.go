// Package tax computes the individual income tax on wages (工资、薪金所得)
// that the dues base depends on: cumulative withholding over a tax year
// ([Withhold], [Rules.Withhold]; 累计预扣法), the separate tax on a
// 全年一次性奖金 ([Bonus], [Rules.BonusTax]), and the rules behind them
// ([Rules], [NationalRules]): both rate tables, the basic deduction, the
// special additional deductions and the rounding point, each value with
// its rule ID, effective window and source.
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
