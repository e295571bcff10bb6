package assess

import "github.com/dangjian-go/dangjian"

// DefaultReachBudget is the work budget of the reachability check of FIRST
// decision tables for a whole scheme, in cell operations (see
// [WithReachBudget]). It is large enough for any hand-written table (two
// machine-made tables of 300 three-input rules each need 5.3 million), and
// small enough that a larger machine-made scheme is given up on well within
// a second: on a 2-core machine 10 million operations take 0.25 to 0.35 s.
const DefaultReachBudget = 10_000_000

// ErrReachLimit marks a warning, not an error: the reachability check of
// a FIRST table did not finish within its work budget ([WithReachBudget])
// or its bound on the uncovered region, so some of the table's rules were
// not judged (code "reachability_not_checked"; a kind of
// [dangjian.ErrLimit]). A rule not judged is never reported as dead.
var ErrReachLimit = dangjian.NewKind("reachability_not_checked", "reachability check not completed", dangjian.ErrLimit)

// A CompileOption changes how [Compile] checks a scheme.
type CompileOption func(*compileConfig)

type compileConfig struct {
	reach int64
}

// WithReachBudget sets the total work budget of the reachability check of
// FIRST decision tables across the whole scheme, in cell operations (one
// cell of a rule's region compared with, intersected with, subtracted from
// or copied for another: a table of n rules over k inputs needs at least
// about n²·k/2). The default is [DefaultReachBudget]. When the budget runs
// out the check stops: the rules judged so far keep their warnings, and
// each table not fully checked gets one warning of kind [ErrReachLimit]
// naming the table and the first rule not judged. Compile's other checks
// and the compiled scorer are the same whatever the budget. n ≤ 0 turns
// the check off (every FIRST table with two rules or more gets the
// warning).
func WithReachBudget(n int64) CompileOption {
	return func(c *compileConfig) { c.reach = max(n, 0) }
}

func compileConfigOf(opts []CompileOption) compileConfig {
	c := compileConfig{reach: DefaultReachBudget}
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	return c
}

// reachBudget is what is left of the reachability check's work budget,
// shared by every table of a scheme.
type reachBudget struct {
	limit, left int64
}

func newReachBudget(n int64) *reachBudget { return &reachBudget{limit: n, left: n} }

// spend takes n units; false when the budget is spent.
func (b *reachBudget) spend(n int) bool {
	b.left -= int64(n)
	return b.left >= 0
}
