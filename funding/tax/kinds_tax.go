package tax

import "github.com/dangjian-go/dangjian"

// The kinds of this package's problems, each under a root kind of
// package dangjian; their codes are listed in package funding (kinds.go)
// and are stable.
var (
	// ErrBadRules: a tax rule set that fails its checks.
	ErrBadRules = dangjian.NewKind("bad_tax_rules", "bad tax rules", dangjian.ErrBadRule)
	// ErrMonth: a month of a tax year that is missing, repeated or out of order.
	ErrMonth = dangjian.NewKind("bad_tax_month", "bad month", dangjian.ErrInvalid)
	// ErrDeclaration: a deduction declared where the rules allow none.
	ErrDeclaration = dangjian.NewKind("tax_declaration", "declaration not allowed", dangjian.ErrInvalid)
)
