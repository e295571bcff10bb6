package assess

import (
	"strconv"

	"github.com/dangjian-go/dangjian/internal/rat"
)

// direct: the input points, clamped to [0, max].
func (r *run) direct(n *cNode, tn *Node) rat.Rat {
	in := r.in.nums[n.m.vslot]
	if !in.IsSet() {
		r.ps.addf("values."+n.id, "", ErrInput, "no value for direct indicator %q", n.id)
		return rat.Zero
	}
	v := in.rat()
	if tn != nil {
		tn.Inputs = append(r.pairs(1), Pair{Key: "value"})
		r.ratText(&tn.Inputs[0].Value, v)
		tn.Rule = "min(max(value, 0), max)"
	}
	if c := v.Clamp(rat.Zero, n.max); c.Cmp(v) != 0 {
		r.clamped = append(r.clamped, Clamp{Indicator: n.id, Value: scoreOf(v), To: scoreOf(c)})
		if r.trace {
			r.note(tn, "%s: value %s clamped to [0, %s]", n.id, v, n.max)
		}
		return c
	}
	return v
}

// checklist: the points of the items checked, at most max.
func (r *run) checklist(n *cNode, tn *Node) rat.Rat {
	m := n.m
	if tn == nil && m.ipts != nil { // whole points: an integer sum
		var s int64
		for i, on := range r.in.checked[m.item0 : m.item0+int32(len(m.iorder))] {
			if on {
				s += m.ipts[i]
			}
		}
		return rat.Int(s).Min(n.max)
	}
	sum := rat.Zero
	checked := r.in.checked[m.item0 : m.item0+int32(len(m.iorder))]
	k := 0 // items checked: the room the trace needs
	if tn != nil {
		for _, on := range checked {
			k += btoi(on)
		}
	}
	for i, on := range checked {
		if !on {
			continue
		}
		it := &r.s.lay.items[m.item0+int32(i)]
		sum = r.add(n.id, sum, it.it.points)
		if tn != nil {
			if tn.Inputs == nil {
				tn.Inputs = r.pairs(k)
			}
			tn.Inputs = append(tn.Inputs, Pair{it.id, it.it.pointsText})
			r.cite(tn, it.id, it.it.source, it.it.cites, k*n.m.citeRoom)
		}
	}
	if tn != nil {
		tn.Rule = "min(sum of the items checked, max)"
	}
	if sum.Cmp(n.max) > 0 {
		if r.trace {
			r.note(tn, "%s: checklist %s capped at %s", n.id, sum, n.max)
		}
		return n.max
	}
	return sum
}

// ratio: actual / target × max, at most max and not below 0.
func (r *run) ratio(n *cNode, tn *Node) rat.Rat {
	in := r.in.nums[n.m.vslot]
	if !in.IsSet() {
		r.ps.addf("values."+n.id, "", ErrInput, "no actual value for ratio indicator %q", n.id)
		return rat.Zero
	}
	q, err := in.rat().Mul(n.m.maxPerTgt) // actual × (max / target)
	if err != nil {
		r.ps.addErr("values."+n.id, in.String(), ErrArithmetic, err)
		return rat.Zero
	}
	if tn != nil {
		tn.Inputs = append(r.pairs(2), Pair{Key: "actual"}, Pair{"target", n.m.targetText})
		r.ratText(&tn.Inputs[0].Value, in.rat())
		tn.Rule = "min(actual / target × max, max)"
	}
	return q.Clamp(rat.Zero, n.max)
}

// bonus: each item's points × occurrences, capped per item, the pool
// capped at its cap. The same for the extra pool (另行加分).
func (r *run) bonus(b *cBonus) (rat.Rat, *Node) {
	var tn *Node
	if r.trace {
		tn = r.newNode(0)
		k := 0
		for _, set := range r.in.bonusSet {
			k += btoi(set)
		}
		tn.ID, tn.Name, tn.Max, tn.Method, tn.Source, tn.Inputs = b.id, b.name, b.capText, "bonus", b.source, r.pairs(k)
		tn.Sources = b.cites
	}
	sum := rat.Zero
	for i, id := range b.order {
		slot := b.base + int32(i)
		if !r.in.bonusSet[slot] {
			continue
		}
		k := r.in.bonus[slot]
		it := b.items[id]
		if k < 0 {
			r.ps.addf("bonus."+id, strconv.Itoa(k), ErrInput, "a count is not negative")
			continue
		}
		v, err := it.points.MulInt(int64(k))
		if err != nil {
			r.ps.addErr("bonus."+id, strconv.Itoa(k), ErrArithmetic, err)
			continue
		}
		if it.hasCap && v.Cmp(it.cap) > 0 {
			if r.trace {
				r.note(tn, "bonus %s: %s capped at %s", id, v, it.cap)
			}
			v = it.cap
		}
		sum = r.add(b.id, sum, v)
		if tn != nil {
			tn.Inputs = append(tn.Inputs, Pair{Key: id})
			start := len(r.text)
			r.text = strconv.AppendInt(r.text, int64(k), 10)
			r.text = append(r.text, " × "...)
			r.text = append(r.text, it.pointsText...)
			r.text = append(r.text, " = "...)
			r.appendRat(v)
			r.cut(&tn.Inputs[len(tn.Inputs)-1].Value, start)
			r.cite(tn, id, it.source, it.cites, cap(tn.Inputs)*b.citeRoom)
		}
	}
	exact := sum
	if sum.Cmp(b.cap) > 0 {
		if r.trace {
			r.note(tn, "%s pool %s capped at %s (%s ≤ %s)", b.id, sum, b.cap, b.name, b.cap)
		}
		sum = b.cap
	}
	if tn != nil {
		tn.Rule = "min(sum of the items, cap)"
		r.exactValue(tn, exact, sum, "")
	}
	return sum, tn
}
