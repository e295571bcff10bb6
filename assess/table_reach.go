package assess

import (
	"strconv"

	"github.com/dangjian-go/dangjian/internal/dtable"
)

// maxRegionBoxes bounds the memory of the reachability check of a FIRST
// table: the part of a rule's region that no earlier rule covers is kept
// as a union of boxes, and a rule whose union grows past this many boxes
// is not judged (the table gets an [ErrReachLimit] warning rather than a
// guess).
var maxRegionBoxes = 4096 // a variable for the tests only

// unreachable reports the rules of a FIRST table that can never fire: the
// rules before each one match everything it matches. The check is exact:
// the rule's region (one cell per input) less each earlier rule's region,
// box by box, until nothing is left. Its work is taken from budget, shared
// by the scheme's tables; when the budget runs out, or a rule's uncovered
// part splits into more than maxRegionBoxes boxes, the rules not judged
// are named in one ErrReachLimit warning for the table, never guessed.
func (ct *compiledTable) unreachable(ps *problems, budget *reachBudget) {
	fine, firstFine := 0, ""
	for j := 1; j < len(ct.rules); j++ {
		i, v := ct.coveredBy(j, budget)
		switch v {
		case covered:
			ps.addf(ct.path+".rules["+strconv.Itoa(j)+"]", ct.rules[j].id, ErrUnreachable,
				"FIRST: the rules before %q match everything it matches (the last needed is %q)", ct.rules[j].id, ct.rules[i].id)
		case tooFine:
			if fine == 0 {
				firstFine = ct.rules[j].id
			}
			fine++
		case outOfBudget:
			ps.addf(ct.path, ct.rules[j].id, ErrReachLimit,
				"FIRST: which rules can never fire was judged for %d of the table's %d rules: the scheme's work budget of %d cell operations ran out at rule %q (raise it with assess.WithReachBudget)",
				j, len(ct.rules), budget.limit, ct.rules[j].id)
			return
		}
	}
	if fine > 0 {
		ps.addf(ct.path, firstFine, ErrReachLimit,
			"FIRST: whether %d rules (the first %q) can never fire was not judged: the part of each that the rules before it leave split into more than %d boxes",
			fine, firstFine, maxRegionBoxes)
	}
}

// verdict is the outcome of checking one rule.
type verdict int

const (
	reachable   verdict = iota // some part of the rule is left
	covered                    // the rules before it match everything it matches
	tooFine                    // its uncovered part grew past maxRegionBoxes
	outOfBudget                // the work budget ran out
)

// coveredBy reports whether the rules before rule j match everything it
// matches, and then the last of them needed.
func (ct *compiledTable) coveredBy(j int, budget *reachBudget) (int, verdict) {
	if budget.left <= 0 {
		return 0, outOfBudget
	}
	left := [][]dtable.Cell{ct.rules[j].cells}
	var next [][]dtable.Cell // the two lists take turns, so neither is reallocated often
	for i := 0; i < j; i++ {
		next = next[:0]
		for _, box := range left {
			var work int
			next, work = dtable.SubtractBox(next, box, ct.rules[i].cells)
			if !budget.spend(work) {
				return 0, outOfBudget
			}
			if len(next) > maxRegionBoxes {
				return 0, tooFine
			}
		}
		if len(next) == 0 {
			return i, covered
		}
		left, next = next, left
	}
	return 0, reachable
}
