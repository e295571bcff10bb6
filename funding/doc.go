// Package funding computes the money side of grassroots party work exactly:
// party dues (党费), funding and salary standards, budgets over an
// organization tree, enterprise party-work funds and the income tax that
// the dues base depends on.
//
// # Invariants
//
// Amounts are [Money]: an int64 count of fen (分), parsed from and printed as
// decimal text, encoded in JSON as strings. No binary floating point is used on a
// money path, including parsing. Rates and coefficients are exact decimals
// ([Rate]). Amounts are rounded only at declared points, with a named
// [Rounding]: the default is half-up to the fen (四舍五入), and no national
// rule on rounding dues has been found, so the mode is configurable. An
// exact product is rounded once, never twice.
//
// The zero Money is 0.00 and an identity for Add. Arithmetic reports
// [ErrOverflow] instead of wrapping; nothing panics on input.
//
// Values of this package are immutable and safe for concurrent use.
//
// # Usage
//
//	m, err := funding.ParseMoney("6234.50")
//	dues, err := funding.MulRate(m, funding.MustParseRate("1.5%"), funding.DefaultRounding())
//	fmt.Println(dues) // 93.52
package funding
