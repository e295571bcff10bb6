package assess

import (
	"slices"
	"strconv"
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
	left := [][]cell{ct.rules[j].cells}
	for i := 0; i < j; i++ {
		var next [][]cell
		for _, box := range left {
			next = append(next, subtractBox(box, ct.rules[i].cells)...)
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

// subtractBox returns box less sub as disjoint boxes: for each input k, the
// part of box that sub's cells match on inputs before k but not on k.
func subtractBox(box, sub []cell) [][]cell {
	var out [][]cell
	prefix := slices.Clone(box)
	for k := range box {
		if rest := cellAndNot(&prefix[k], &sub[k]); !rest.isEmpty() {
			nb := slices.Clone(prefix)
			nb[k] = rest
			out = append(out, nb)
		}
		prefix[k] = cellAnd(&prefix[k], &sub[k])
		if prefix[k].isEmpty() {
			return out // sub does not meet box past this input: the rest of box is kept above
		}
	}
	return out
}

// isEmpty reports whether a cell matches no value.
func (c *cell) isEmpty() bool {
	if c.any {
		return false
	}
	if c.text {
		return !c.co && len(c.vals) == 0
	}
	return len(c.ivs) == 0
}

// numIvs returns a number cell's intervals, "-" as the whole line.
func (c *cell) numIvs() []interval {
	if c.any {
		return []interval{{lo: bound{inf: true}, hi: bound{inf: true}}}
	}
	return c.ivs
}

// textSet returns a text cell as a set or co-set of strings, "-" as the
// co-set of nothing.
func (c *cell) textSet() ([]string, bool) {
	if c.any {
		return nil, true
	}
	return c.vals, c.co
}

// cellAnd returns the values both cells match.
func cellAnd(a, b *cell) cell {
	if a.text {
		av, aco := a.textSet()
		bv, bco := b.textSet()
		return textCellOf(andSets(av, aco, bv, bco))
	}
	return cell{ivs: normalize(andIvs(a.numIvs(), b.numIvs()))}
}

// cellAndNot returns the values a matches and b does not.
func cellAndNot(a, b *cell) cell {
	if a.text {
		av, aco := a.textSet()
		bv, bco := b.textSet()
		return textCellOf(andSets(av, aco, bv, !bco))
	}
	return cell{ivs: normalize(andIvs(a.numIvs(), complement(b.numIvs())))}
}

func textCellOf(vals []string, co bool) cell { return cell{text: true, vals: vals, co: co} }

// andIvs intersects two normalized interval lists; the callers normalize
// the result (pieces may touch), as complement needs.
func andIvs(a, b []interval) []interval {
	var out []interval
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if iv := intersect(a[i], b[j]); !iv.empty() {
			out = append(out, iv)
		}
		if cmpHi(a[i].hi, b[j].hi) < 0 {
			i++
		} else {
			j++
		}
	}
	return out
}

// andSets intersects two sets or co-sets of sorted strings.
func andSets(a []string, aco bool, b []string, bco bool) ([]string, bool) {
	in := func(xs []string, x string) bool { _, ok := slices.BinarySearch(xs, x); return ok }
	switch {
	case aco && bco: // everything but either list
		u := append(slices.Clone(a), b...)
		slices.Sort(u)
		return slices.Compact(u), true
	case aco:
		a, b = b, a
		fallthrough
	case bco: // a less b
		var out []string
		for _, x := range a {
			if !in(b, x) {
				out = append(out, x)
			}
		}
		return out, false
	}
	var out []string
	for _, x := range a {
		if in(b, x) {
			out = append(out, x)
		}
	}
	return out, false
}
