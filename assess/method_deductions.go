package assess

import (
	"fmt"
	"slices"

	"github.com/dangjian-go/dangjian/internal/rat"
)

// deductions: max less the deductions of the events, 扣完为止 (never below
// 0). Each event deducts per occurrence, by its severity level, or per
// percentage point below the clause's threshold; within one case only the
// largest deduction counts (同一案件不累计扣分); each clause's total is
// capped at its cap.
func (r *run) deductions(n *cNode, tn *Node) rat.Rat {
	type ded struct {
		clause *cClause
		cas    string
		v      rat.Rat
	}
	events, given := r.sub.Events[n.id]
	if given {
		r.usedEvents++
	}
	var buf [16]ded
	all := buf[:0]
	for i, e := range events {
		path := fmt.Sprintf("events.%s[%d]", n.id, i)
		cl, ok := n.m.clauses[e.Clause]
		if !ok {
			r.ps.add(path+".clause", e.Clause, fmt.Errorf("%w: not a clause of the indicator", ErrInput))
			continue
		}
		count := int64(e.Count)
		if count == 0 {
			count = 1
		}
		if count < 0 {
			r.ps.add(path+".count", fmt.Sprint(e.Count), fmt.Errorf("%w: a count is not negative", ErrInput))
			continue
		}
		var v rat.Rat
		var err error
		switch {
		case cl.levels != nil:
			lv, ok := cl.levels[e.Level]
			if !ok {
				r.ps.add(path+".level", e.Level, fmt.Errorf("%w: not a severity level of clause %q", ErrInput, cl.id))
				continue
			}
			v, err = lv.MulInt(count)
		case cl.perPointKind:
			if !e.Value.IsSet() {
				r.ps.add(path+".value", "", fmt.Errorf("%w: a per-point clause needs the event's value", ErrInput))
				continue
			}
			v, err = perPoint(cl, e.Value.rat())
		default:
			v, err = cl.points.MulInt(count)
		}
		if err != nil {
			r.ps.add(path, "", fmt.Errorf("%w: %v", ErrArithmetic, err))
			continue
		}
		if e.Case != "" {
			j := slices.IndexFunc(all, func(d ded) bool { return d.cas == e.Case })
			if j >= 0 {
				if v.Cmp(all[j].v) > 0 {
					r.note(tn, "%s: case %q counted once: %s replaces %s", n.id, e.Case, v, all[j].v)
					all[j] = ded{clause: cl, cas: e.Case, v: v}
				} else {
					r.note(tn, "%s: case %q counted once: %s not added", n.id, e.Case, v)
				}
				continue
			}
		}
		all = append(all, ded{clause: cl, cas: e.Case, v: v})
	}
	total := rat.Zero
	if tn != nil {
		tn.Inputs = map[string]string{}
	}
	for _, cl := range n.m.order { // clause order: deterministic
		v, any := rat.Zero, false
		for _, d := range all {
			if d.clause == cl {
				v, any = r.add(n.id, v, d.v), true
			}
		}
		if !any {
			continue
		}
		if cl.hasCap && v.Cmp(cl.cap) > 0 {
			r.note(tn, "%s: clause %s deducts %s, capped at %s", n.id, cl.id, v, cl.cap)
			v = cl.cap
		}
		total = r.add(n.id, total, v)
		if tn != nil {
			tn.Inputs[cl.id] = "−" + v.String()
			tn.cite(cl.id, cl.source)
		}
	}
	score, err := n.max.Sub(total)
	if err != nil {
		r.ps.add(n.id, "", fmt.Errorf("%w: %v", ErrArithmetic, err))
		return rat.Zero
	}
	if tn != nil {
		tn.Rule = "max(max − deductions, 0) (扣完为止)"
	}
	if score.Sign() < 0 {
		r.note(tn, "%s: deductions %s exceed %s: 扣完为止 at 0", n.id, total, n.max)
		return rat.Zero
	}
	return score
}

// perPoint is the deduction of a per-point clause for a value: PerPoint for
// every percentage point below the threshold, whole points unless the
// clause is proportional.
func perPoint(cl *cClause, value rat.Rat) (rat.Rat, error) {
	below, err := cl.threshold.Sub(value)
	if err != nil || below.Sign() <= 0 {
		return rat.Zero, err
	}
	if !cl.proportional {
		below = rat.Int(below.N / below.D) // whole percentage points (floor of a positive value)
	}
	return below.Mul(cl.perPoint)
}
