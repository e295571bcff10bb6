package assess

import (
	"strconv"

	"github.com/dangjian-go/dangjian/internal/dtable"
)

// maxRegionBoxes bounds the reachability check of a FIRST table: the part
// of a rule's region that no earlier rule covers is kept as a union of
// boxes, and a table whose union grows past this many boxes is not judged
// (no problem is reported for it rather than a guess).
var maxRegionBoxes = 4096 // a variable for the tests only

// unreachable reports the rules of a FIRST table that can never fire: the
// rules before each one match everything it matches. The check is exact:
// the rule's region (one cell per input) less each earlier rule's region,
// box by box, until nothing or the bound is left.
func (ct *compiledTable) unreachable(ps *problems) {
	for j := 1; j < len(ct.rules); j++ {
		if i, ok := ct.coveredBy(j); ok {
			ps.addf(ct.path+".rules["+strconv.Itoa(j)+"]", ct.rules[j].id, ErrUnreachable,
				"FIRST: the rules before %q match everything it matches (the last needed is %q)", ct.rules[j].id, ct.rules[i].id)
		}
	}
}

// coveredBy reports whether the rules before rule j match everything it
// matches, and the last of them needed; false too when the uncovered part
// grows past maxRegionBoxes.
func (ct *compiledTable) coveredBy(j int) (int, bool) {
	left := [][]dtable.Cell{ct.rules[j].cells}
	for i := 0; i < j; i++ {
		var next [][]dtable.Cell
		for _, box := range left {
			next = append(next, dtable.SubtractBox(box, ct.rules[i].cells)...)
			if len(next) > maxRegionBoxes {
				return 0, false // too fine to judge
			}
		}
		if len(next) == 0 {
			return i, true
		}
		left = next
	}
	return 0, false
}
