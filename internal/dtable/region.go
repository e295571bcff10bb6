package dtable

import (
	"slices"
)

// SubtractBox appends box less sub to dst as disjoint boxes: for each
// input k, the part of box that sub's cells match on inputs before k but
// not on k. A box that sub does not meet is appended as it is, not copied.
//
// work is what the subtraction spent, in cell operations: for each input
// whose cells it compares, intersects or subtracts, one plus the
// intervals and strings of both cells (what the operation sweeps), and
// one for each cell it copies into a new box. The reachability check of
// FIRST tables counts it against its budget; it is at least 1.
func SubtractBox(dst [][]Cell, box, sub []Cell) (out [][]Cell, work int) {
	out = dst
	for k := range box {
		work += opCost(&box[k], &sub[k])
		if !Meet(&box[k], &sub[k]) {
			return append(out, box), work // disjoint: box is kept whole
		}
	}
	prefix := slices.Clone(box)
	work += len(box)
	for k := range box {
		work += 2 * opCost(&prefix[k], &sub[k])
		if rest := cellAndNot(&prefix[k], &sub[k]); !rest.IsEmpty() {
			nb := slices.Clone(prefix)
			nb[k] = rest
			out = append(out, nb)
			work += len(nb)
		}
		prefix[k] = cellAnd(&prefix[k], &sub[k])
	}
	return out, work
}

// opCost is the work of one operation on two cells: one, plus the
// intervals and strings it sweeps.
func opCost(a, b *Cell) int { return 1 + len(a.Ivs) + len(a.Vals) + len(b.Ivs) + len(b.Vals) }

// IsEmpty reports whether a cell matches no value.
func (c *Cell) IsEmpty() bool {
	if c.Any {
		return false
	}
	if c.Text {
		return !c.Co && len(c.Vals) == 0
	}
	return len(c.Ivs) == 0
}

// numIvs returns a number cell's intervals, "-" as the whole line.
func (c *Cell) numIvs() []Interval {
	if c.Any {
		return []Interval{{Lo: Bound{Inf: true}, Hi: Bound{Inf: true}}}
	}
	return c.Ivs
}

// textSet returns a text cell as a set or co-set of strings, "-" as the
// co-set of nothing.
func (c *Cell) textSet() ([]string, bool) {
	if c.Any {
		return nil, true
	}
	return c.Vals, c.Co
}

// cellAnd returns the values both cells match.
func cellAnd(a, b *Cell) Cell {
	if a.Text {
		av, aco := a.textSet()
		bv, bco := b.textSet()
		return textCellOf(andSets(av, aco, bv, bco))
	}
	return Cell{Ivs: Normalize(andIvs(a.numIvs(), b.numIvs()))}
}

// cellAndNot returns the values a matches and b does not.
func cellAndNot(a, b *Cell) Cell {
	if a.Text {
		av, aco := a.textSet()
		bv, bco := b.textSet()
		return textCellOf(andSets(av, aco, bv, !bco))
	}
	return Cell{Ivs: Normalize(andIvs(a.numIvs(), Complement(b.numIvs())))}
}

func textCellOf(vals []string, co bool) Cell { return Cell{Text: true, Vals: vals, Co: co} }

// andIvs intersects two normalized interval lists; the callers normalize
// the result (pieces may touch), as Complement needs.
func andIvs(a, b []Interval) []Interval {
	var out []Interval
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if iv := Intersect(a[i], b[j]); !iv.Empty() {
			out = append(out, iv)
		}
		if CmpHi(a[i].Hi, b[j].Hi) < 0 {
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
