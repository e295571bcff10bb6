package remit

import "github.com/dangjian-go/dangjian"

// The kinds of this package's problems, each under a root kind of
// package dangjian; their codes are listed in package funding (kinds.go)
// and are stable.
var (
	// ErrOverdrawn: the shares of a remittance take more than the dues collected.
	ErrOverdrawn = dangjian.NewKind("remit_overdrawn", "shares take more than the dues collected", dangjian.ErrInconsistent)
	// ErrLumpSumTooSmall: a lump sum under 1000 元.
	ErrLumpSumTooSmall = dangjian.NewKind("lump_sum_too_small", "lump sums are payments of 1000 元 or more", dangjian.ErrInvalid)
)
