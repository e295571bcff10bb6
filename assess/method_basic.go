package assess

import (
	"fmt"
	"slices"

	"github.com/dangjian-go/dangjian/internal/rat"
)

// direct: the input points, clamped to [0, max].
func (r *run) direct(n *cNode, tn *Node) rat.Rat {
	in, ok := r.sub.Values[n.id]
	if !ok || !in.IsSet() {
		r.ps.add("values."+n.id, "", fmt.Errorf("%w: no value for direct indicator %q", ErrInput, n.id))
		return rat.Zero
	}
	v := in.rat()
	if tn != nil {
		tn.Inputs = map[string]string{"value": v.String()}
		tn.Rule = "min(max(value, 0), max)"
	}
	if c := v.Clamp(rat.Zero, n.max); c.Cmp(v) != 0 {
		r.note(tn, "%s: value %s clamped to [0, %s]", n.id, v, n.max)
		return c
	}
	return v
}

// checklist: the points of the items checked, at most max.
func (r *run) checklist(n *cNode, tn *Node) rat.Rat {
	sum := rat.Zero
	checked, given := r.sub.Checked[n.id]
	if given {
		r.usedChecked++
	}
	for i, id := range checked {
		it, ok := n.m.items[id]
		if !ok || slices.Contains(checked[:i], id) {
			r.ps.add(fmt.Sprintf("checked.%s[%d]", n.id, i), id, fmt.Errorf("%w: not an item of the checklist, or repeated", ErrInput))
			continue
		}
		sum = r.add(n.id, sum, it.points)
		if tn != nil {
			if tn.Inputs == nil {
				tn.Inputs = map[string]string{}
			}
			tn.Inputs[id] = it.points.String()
			tn.cite(id, it.source)
		}
	}
	if tn != nil {
		tn.Rule = "min(sum of the items checked, max)"
	}
	if sum.Cmp(n.max) > 0 {
		r.note(tn, "%s: checklist %s capped at %s", n.id, sum, n.max)
		return n.max
	}
	return sum
}

// ratio: actual / target × max, at most max and not below 0.
func (r *run) ratio(n *cNode, tn *Node) rat.Rat {
	in, ok := r.sub.Values[n.id]
	if !ok || !in.IsSet() {
		r.ps.add("values."+n.id, "", fmt.Errorf("%w: no actual value for ratio indicator %q", ErrInput, n.id))
		return rat.Zero
	}
	q, err := in.rat().Quo(n.m.target)
	if err == nil {
		q, err = q.Mul(n.max)
	}
	if err != nil {
		r.ps.add("values."+n.id, in.String(), fmt.Errorf("%w: %v", ErrArithmetic, err))
		return rat.Zero
	}
	if tn != nil {
		tn.Inputs = map[string]string{"actual": in.String(), "target": n.m.target.String()}
		tn.Rule = "min(actual / target × max, max)"
	}
	return q.Clamp(rat.Zero, n.max)
}

// bonus: each item's points × occurrences, capped per item, the pool
// capped at its cap.
func (r *run) bonus(b *cBonus) (rat.Rat, *Node) {
	var tn *Node
	if r.trace {
		tn = &Node{ID: "bonus", Name: "加分", Max: b.cap.String(), Method: "bonus", Source: b.source, Inputs: map[string]string{}}
	}
	sum := rat.Zero
	for _, id := range b.order {
		k, given := r.sub.Bonus[id]
		if !given {
			continue
		}
		r.usedBonus++
		it := b.items[id]
		if k < 0 {
			r.ps.add("bonus."+id, fmt.Sprint(k), fmt.Errorf("%w: a count is not negative", ErrInput))
			continue
		}
		v, err := it.points.MulInt(int64(k))
		if err != nil {
			r.ps.add("bonus."+id, fmt.Sprint(k), fmt.Errorf("%w: %v", ErrArithmetic, err))
			continue
		}
		if it.hasCap && v.Cmp(it.cap) > 0 {
			r.note(tn, "bonus %s: %s capped at %s", id, v, it.cap)
			v = it.cap
		}
		sum = r.add("bonus", sum, v)
		if tn != nil {
			tn.Inputs[id] = fmt.Sprintf("%d × %s = %s", k, it.points, v)
			tn.cite(id, it.source)
		}
	}
	exact := sum
	if sum.Cmp(b.cap) > 0 {
		r.note(tn, "bonus pool %s capped at %s (加分 ≤ %s)", sum, b.cap, b.cap)
		sum = b.cap
	}
	if tn != nil {
		tn.Rule = "min(sum of the items, cap)"
		tn.Exact, tn.Value = exact.String(), sum.String()
	}
	return sum, tn
}
