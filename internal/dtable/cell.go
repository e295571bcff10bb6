package dtable

import (
	"fmt"
	"slices"

	"github.com/dangjian-go/dangjian/internal/rat"
)

// Cell is a compiled cell: a union of intervals for a number input, a set
// or co-set of strings for a text input.
type Cell struct {
	Any  bool
	Text bool
	Ivs  []Interval // number: normalized, non-empty
	Vals []string   // text: sorted, unique
	Co   bool       // text: every string except vals
	Src  string
}

// shortList is the longest list matched by a linear scan; longer ones are
// searched by bisection.
const shortList = 8

// MatchNum reports whether a number cell matches x.
func (c *Cell) MatchNum(x rat.Rat) bool {
	if c.Any {
		return true
	}
	if len(c.Ivs) <= shortList {
		for i := range c.Ivs {
			if c.Ivs[i].Contains(x) {
				return true
			}
		}
		return false
	}
	// The first interval that does not end below x is the only candidate.
	i, _ := slices.BinarySearchFunc(c.Ivs, x, func(iv Interval, x rat.Rat) int {
		if iv.Hi.Inf {
			return 1
		}
		if c := iv.Hi.V.Cmp(x); c != 0 || !iv.Hi.Open {
			return c
		}
		return -1
	})
	return i < len(c.Ivs) && c.Ivs[i].Contains(x)
}

// MatchText reports whether a text cell matches s.
func (c *Cell) MatchText(s string) bool {
	if c.Any {
		return true
	}
	if len(c.Vals) <= shortList {
		for _, v := range c.Vals {
			if v == s {
				return !c.Co
			}
		}
		return c.Co
	}
	_, found := slices.BinarySearch(c.Vals, s)
	return found != c.Co
}

// NumberCell compiles a parsed test for a number input.
func NumberCell(src string, t Test) (Cell, *CellError) {
	c := Cell{Src: src}
	if t.Any {
		c.Any, c.Ivs = true, []Interval{{Lo: Bound{Inf: true}, Hi: Bound{Inf: true}}}
		return c, nil
	}
	ivs := make([]Interval, 0, len(t.Items))
	for i := range t.Items {
		it := &t.Items[i]
		if it.Str {
			return Cell{}, &CellError{Off: it.Start, Msg: fmt.Sprintf("want a number for a number input, found text %q", it.S)}
		}
		var iv Interval
		switch it.Op {
		case "=":
			iv = Interval{Lo: Bound{V: it.A}, Hi: Bound{V: it.A}}
		case "<", "<=":
			iv = Interval{Lo: Bound{Inf: true}, Hi: Bound{V: it.A, Open: it.Op == "<"}}
		case ">", ">=":
			iv = Interval{Lo: Bound{V: it.A, Open: it.Op == ">"}, Hi: Bound{Inf: true}}
		default:
			iv = Interval{Lo: Bound{V: it.A, Open: it.AOpen}, Hi: Bound{V: it.B, Open: it.BOpen}}
			if iv.Empty() {
				return Cell{}, &CellError{Off: it.Start, Msg: fmt.Sprintf("interval %s matches no value", src[it.Start:it.End])}
			}
		}
		ivs = append(ivs, iv)
	}
	c.Ivs = Normalize(ivs)
	if t.Not {
		c.Ivs = Complement(c.Ivs)
	}
	if len(c.Ivs) == 0 {
		return Cell{}, &CellError{Off: -1, Msg: "the test matches no value"}
	}
	c.Ivs = slices.Clip(c.Ivs)
	return c, nil
}

// TextCell compiles a parsed test for a text input.
func TextCell(src string, t Test) (Cell, *CellError) {
	c := Cell{Src: src, Text: true}
	if t.Any {
		c.Any, c.Co = true, true
		return c, nil
	}
	for i := range t.Items {
		it := &t.Items[i]
		if !it.Str || it.Op != "=" {
			return Cell{}, &CellError{Off: it.Start, Msg: fmt.Sprintf("want a quoted string for a text input, found %q", src[it.Start:it.End])}
		}
		c.Vals = append(c.Vals, it.S)
	}
	slices.Sort(c.Vals)
	c.Vals = slices.Clip(slices.Compact(c.Vals))
	c.Co = t.Not
	return c, nil
}
