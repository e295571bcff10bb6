// Package money is the money families of the conformance set: the dues
// vectors (conformance/dues/), the payroll tax vectors (conformance/tax/),
// the remittance shares (conformance/remit/) and the enterprise work
// funds (conformance/enterprise/). [Files] computes every expected value
// with the library's own calculators (funding/dues, funding/tax,
// funding/remit, funding/enterprise), reading the inputs through the
// library's readers where the library has one (a dues roster, a payroll
// file), so that the files hold exactly what the library does; the
// package's tests recompute every expected value a second way, with
// math/big from the rule texts, and fail on any disagreement.
//
// Files is deterministic and holds no state: the same rule-set version
// gives the same bytes on every call; it is safe for concurrent use.
//
// # Usage
//
//	files, err := money.Files(conformance.RuleSet()) // "dues/brackets-2017.csv" → bytes, …
package money
