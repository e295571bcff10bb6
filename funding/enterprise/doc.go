// Package enterprise computes enterprise party-work funds: the deduction a
// non-public enterprise may take for party-work spending
// ([NonPublicDeduction]: 1 % of payroll, 组通字〔2014〕42号, with local
// provision rates) and the funds of a state-owned enterprise over years
// ([SOEFunds]: the allocation, the deduction cap, the carry-forward and the
// dues-first rule, with the ledger chained from year to year). The rules are
// data ([Rules]: each a [Rule] with its ID, window, jurisdiction and
// source); a year's rules are those in force on 31 December, when its
// accounts close.
//
// # Invariants
//
// Amounts are [funding.Money] (exact fen) and rates exact decimals; every
// product is rounded once with the policy's rounding (half-up to the fen
// by default), and every result carries a trace of its steps. The zero
// [NonPublicPolicy] and [SOEPolicy] mean the national rules and the default
// rounding. Every problem of the input is reported with its path
// (years[2].payroll); nothing panics on input. Policies, rules and results
// are values, safe for concurrent use by multiple goroutines.
//
// # Usage
//
//	r, err := enterprise.NonPublicDeduction(2024, funding.MustParseMoney("1234567.89"),
//		funding.MustParseMoney("15000"), enterprise.NonPublicPolicy{})
//	fmt.Println(r.Rule, r.Cap, r.Deductible) // ENT-NP-DEDUCT-1PCT 12345.68 12345.68
package enterprise
