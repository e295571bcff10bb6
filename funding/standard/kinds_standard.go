package standard

import "github.com/dangjian-go/dangjian"

// The kinds of this package's problems, each under a root kind of
// package dangjian; their codes are listed in package funding (kinds.go)
// and are stable.
var (
	// ErrBadStandard: a bad item or field of a [Set] set.
	ErrBadStandard = dangjian.NewKind("bad_standard", "bad standard", dangjian.ErrInvalid)
	// ErrBadFloor: a bad pay floor or floor input.
	ErrBadFloor = dangjian.NewKind("bad_floor", "bad floor", dangjian.ErrInvalid)
	// ErrBadLadder: a bad pay ladder or ladder input.
	ErrBadLadder = dangjian.NewKind("bad_ladder", "bad ladder", dangjian.ErrInvalid)
	// ErrBadGrowth: a bad adjustment (index or peg) input.
	ErrBadGrowth = dangjian.NewKind("bad_adjustment", "bad adjustment", dangjian.ErrInvalid)
)
