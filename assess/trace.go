package assess

import (
	"unsafe"

	"github.com/dangjian-go/dangjian/internal/rat"
)

// The trace's memory: nodes, their children, inputs and sources come from
// slabs allocated once per trace (or reused by ExplainInto), and the texts
// from one byte buffer.

// traceMem is the memory of a trace that ExplainInto reuses.
type traceMem struct {
	nodes []Node
	kids  []*Node
	pairs []Pair
	cites []Cite
}

// newNode returns a trace node from the run's slab, with room for k
// children.
func (r *run) newNode(k int) *Node {
	n := &r.slab[0]
	r.slab = r.slab[1:]
	if k > 0 {
		n.Children, r.kids = r.kids[:0:k], r.kids[k:]
	}
	return n
}

// pairs returns room for k inputs of a trace node from the run's slab.
func (r *run) pairs(k int) Pairs {
	if k == 0 {
		return nil
	}
	if k > len(r.pslab) { // a new chunk
		r.pslab = make([]Pair, max(k, min(32, r.s.lay.pairs)))
	}
	p := r.pslab[:0:k]
	r.pslab = r.pslab[k:]
	return p
}

// cites returns room for k sources of a trace node from the run's slab.
func (r *run) cites(k int) Cites {
	if k == 0 {
		return nil
	}
	if k > len(r.cslab) { // a new chunk
		r.cslab = make([]Cite, max(k, min(16, r.s.lay.cites)))
	}
	c := r.cslab[:0:k]
	r.cslab = r.cslab[k:]
	return c
}

// exactValue sets a trace node's exact and displayed values, sharing the
// text when they are equal, and its rounding.
func (r *run) exactValue(tn *Node, exact, v rat.Rat, how string) {
	if !r.ratText(&tn.Exact, exact) {
		start := len(r.text)
		r.text = exact.Append(r.text)
		r.cut(&tn.ExactFraction, start)
	}
	if v == exact {
		tn.Value = tn.Exact
	} else {
		r.ratText(&tn.Value, v)
	}
	tn.Rounding = how
}

// A trace's texts are appended to one byte buffer and cut from it as
// strings without a copy (unsafe.String): one allocation for most of them.
// This is sound because bytes once cut are never written again: the
// buffer is only appended to, and when append outgrows it, it moves to a
// new array and the strings cut so far keep the old one alive.

// ratText sets *dst to v's text as JSON has it (a decimal, rounded to
// JSONPlaces places when v is not one); it reports whether the text is
// exact.
func (r *run) ratText(dst *string, v rat.Rat) bool {
	start := len(r.text)
	var exact bool
	r.text, exact = v.AppendRounded(r.text, JSONPlaces)
	r.cut(dst, start)
	return exact
}

// appendRat appends v's text as JSON has it (see ratText).
func (r *run) appendRat(v rat.Rat) {
	r.text, _ = v.AppendRounded(r.text, JSONPlaces)
}

// cut sets *dst to the text appended since start.
func (r *run) cut(dst *string, start int) {
	if n := len(r.text) - start; n > 0 {
		*dst = unsafe.String(&r.text[start], n)
	} else {
		*dst = ""
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
