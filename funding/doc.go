// Package funding is the vocabulary of money shared by the funding
// packages: [Money] (an exact count of fen), [Rate] (an exact decimal),
// [Rounding] (places and mode, applied once), the trace [Step] that every
// computation records, and the problem kinds that more than one of them
// report ([ErrSubFen], [ErrOverflow], [ErrBadRounding], [ErrRateOutOfRange],
// [ErrYearOutOfRange], [ErrBadPolicy]).
//
// The computations are in one package per sub-domain:
//
//   - funding/dues: party dues (党费): categories, the 2008 and 2017 rule
//     sets, one member's month with a trace, the batch calculator, payslips
//     and base policies, arrears, the roster readers (CSV and JSON) and the
//     ledger writer;
//   - funding/tax: the individual income tax the dues base depends on
//     (cumulative withholding, the separate bonus tax, the tax rules);
//   - funding/remit: where collected dues go (shares remitted up, returned
//     down, lump sums to the Centre);
//   - funding/enterprise: enterprise party-work funds (the non-public
//     deduction, SOE funds over years);
//   - funding/standard: funding and pay standards, village pay floors,
//     community pay ladders and indexed adjustments;
//   - funding/budget: the budget over an organization tree, the only
//     funding package that imports orgmodel.
//
// A place's own data lives in a package of its own: Yanji's standards in
// place/yanji, Xiamen's ladder in place/xiamen.
//
// # Rounding
//
// No national rule on rounding party dues has been found: not to the fen,
// the jiao or the yuan, not half-up, up or down. Existing platforms each pick
// one silently. These packages round once, at the amount, with a declared
// [Rounding]; the default ([DefaultRounding]) is half-up to the fen
// (四舍五入到分), and a caller who follows a local rule sets another (to the
// jiao, up).
//
// # Invariants
//
// Amounts are [Money]: an int64 count of fen (分), parsed from and printed as
// decimal text, encoded in JSON as strings. No binary floating point is used
// on a money path, including parsing. Rates and coefficients are exact
// decimals ([Rate]). An exact product or quotient is rounded once, never
// twice. The zero Money is 0.00 and an identity for Add; the zero Rate is 0;
// the zero Rounding is invalid (a caller states one, or takes
// [DefaultRounding]). Arithmetic reports [ErrOverflow] instead of wrapping;
// nothing panics on input. Every value of this package is immutable and
// safe for concurrent use by multiple goroutines.
//
// Every error of the funding packages is a *[dangjian.Problem] or a
// [dangjian.Problems] list of them (see kinds.go for the codes).
//
// # Usage
//
//	m, err := funding.ParseMoney("6234.50")
//	r := funding.MustParseRate("1.5%")
//	d, err := funding.MulRate(m, r, funding.DefaultRounding())
//	fmt.Println(d) // 93.52
package funding
