package enterprise

import "github.com/dangjian-go/dangjian"

// The kinds of this package's problems, each under a root kind of
// package dangjian; their codes are listed in package funding (kinds.go)
// and are stable.
var (
	// ErrLedgerChain: a year's opening balance is not the previous year's closing.
	ErrLedgerChain = dangjian.NewKind("ledger_chain", "breaks the ledger chain", dangjian.ErrInconsistent)
)
