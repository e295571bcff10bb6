// Package bench compares the dangjian library with what a platform would
// write instead, on the same work, and runs the library at national scale.
//
// Two workloads, each done three ways and checked against each other before
// anything is timed:
//
//   - party dues for a batch of members: the library's compiled batch path
//     ([LibraryDues]), a straightforward per-member shopspring/decimal
//     implementation ([DecimalDues]) and a float64 implementation of the
//     kind found in existing platforms ([FloatDues]);
//   - the Yanji duty-report scheme (yanji.Scheme(), place/yanji) on a
//     synthetic cohort: the library's compiled scorer ([LibraryScorer]: its
//     positional Input form, and the Subject maps), the
//     scheme written as github.com/expr-lang/expr expressions in float64
//     ([ExprScorer]) and a hand-written float64 loop ([FloatScorer]).
//
// The commands bench/ratios and bench/national print the ratios and run the
// national-scale job; README.md has the figures.
package bench
