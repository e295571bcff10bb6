package dues

import "github.com/dangjian-go/dangjian"

// The kinds of this package's problems, each under a root kind of
// package dangjian; their codes are listed in package funding (kinds.go)
// and are stable.
var (
	// ErrBadMember: bad input to [Rules.Monthly] or the batch path.
	ErrBadMember = dangjian.NewKind("bad_member", "bad member input", dangjian.ErrInvalid)
	// ErrBadPayslip: a payslip the base policy cannot read.
	ErrBadPayslip = dangjian.NewKind("bad_payslip", "bad payslip", dangjian.ErrInvalid)
	// ErrBadLedger: a bad payment ledger given to [Rules.Arrears].
	ErrBadLedger = dangjian.NewKind("bad_dues_ledger", "bad dues ledger", dangjian.ErrInvalid)
	// ErrBadRules: a dues rule set that cannot compute an input.
	ErrBadRules = dangjian.NewKind("bad_dues_rules", "bad dues rules", dangjian.ErrBadRule)
	// ErrNotCompilable: rules [Rules.Compile] cannot compile exactly.
	ErrNotCompilable = dangjian.NewKind("dues_not_compilable", "rules cannot be compiled exactly", dangjian.ErrBadRule)
	// ErrIDsNotChecked: a warning that the check for repeated IDs reached
	// its memory budget ([ScanOptions].MaxIDBytes): from its line on, an
	// ID not seen before is not checked for repeats. The rows are still
	// read and computed.
	ErrIDsNotChecked = dangjian.NewKind("ids_not_checked", "repeated IDs not checked", dangjian.ErrLimit)
)
