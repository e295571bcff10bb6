package assess

import (
	"slices"
	"strconv"

	"github.com/dangjian-go/dangjian/internal/rat"
)

// deductions: max less the deductions of the events, 扣完为止 (never below
// 0). Each event deducts per occurrence, by its severity level, or per
// percentage point below the clause's threshold; within one case only the
// largest deduction counts (同一案件不累计扣分); each clause's total is
// capped at its cap.
func (r *run) deductions(n *cNode, tn *Node) rat.Rat {
	type caseDed struct {
		cas    string
		clause int32
		v      rat.Rat
	}
	k := len(n.m.order)
	var sbuf [8]rat.Rat
	var hbuf [8]bool
	var cbuf [2]caseDed
	sums, hits, cases := sbuf[:0], hbuf[:0], cbuf[:0]
	if k <= len(sbuf) {
		sums, hits = sbuf[:k], hbuf[:k]
	} else {
		sums, hits = make([]rat.Rat, k), make([]bool, k)
	}
	events := r.in.events
	i := -1 // the event's index among the indicator's
	j := 0
	if !r.in.mixed { // grouped leaf by leaf: this leaf's run starts at the cursor
		j = r.evPos
	}
	for ; j < len(events); j++ {
		ie := &events[j]
		if ie.ded != n.m.ded {
			if ie.ded > n.m.ded && !r.in.mixed {
				break
			}
			continue
		}
		i++
		if ie.clause < 0 { // named no clause of the indicator: reported when filled
			continue
		}
		e := &ie.e
		cl := r.s.lay.clauses[ie.clause].cl
		count := int64(e.Count)
		if count == 0 {
			count = 1
		}
		if count < 0 {
			r.ps.addf(evPath(n.id, i)+".count", strconv.Itoa(e.Count), ErrInput, "a count is not negative")
			continue
		}
		var v rat.Rat
		var err error
		switch {
		case cl.levels != nil:
			lv, ok := cl.levels[e.Level]
			if !ok {
				r.ps.addf(evPath(n.id, i)+".level", e.Level, ErrInput, "not a severity level of clause %q", cl.id)
				continue
			}
			v, err = lv.MulInt(count)
		case cl.perPointKind:
			if !e.Value.IsSet() {
				r.ps.addf(evPath(n.id, i)+".value", "", ErrInput, "a per-point clause needs the event's value")
				continue
			}
			v, err = perPoint(cl, e.Value.rat())
		default:
			v, err = cl.points.MulInt(count)
		}
		if err != nil {
			r.ps.addErr(evPath(n.id, i), "", ErrArithmetic, err)
			continue
		}
		if e.Case == "" {
			if hits[cl.idx] {
				sums[cl.idx] = r.add(n.id, sums[cl.idx], v)
			} else {
				sums[cl.idx], hits[cl.idx] = v, true
			}
			continue
		}
		j := slices.IndexFunc(cases, func(d caseDed) bool { return d.cas == e.Case })
		switch {
		case j < 0:
			cases = append(cases, caseDed{cas: e.Case, clause: cl.idx, v: v})
		case v.Cmp(cases[j].v) > 0:
			if r.trace {
				r.note(tn, "%s: case %q counted once: %s replaces %s", n.id, e.Case, v, cases[j].v)
			}
			cases[j] = caseDed{cas: e.Case, clause: cl.idx, v: v}
		default:
			if r.trace {
				r.note(tn, "%s: case %q counted once: %s not added", n.id, e.Case, v)
			}
		}
	}
	if !r.in.mixed {
		r.evPos = j
	}
	for _, c := range cases {
		if hits[c.clause] {
			sums[c.clause] = r.add(n.id, sums[c.clause], c.v)
		} else {
			sums[c.clause], hits[c.clause] = c.v, true
		}
	}
	total := rat.Zero
	if tn != nil {
		k := 0
		for _, h := range hits {
			k += btoi(h)
		}
		tn.Inputs = r.pairs(k)
	}
	for j, cl := range n.m.order { // clause order: deterministic
		if !hits[j] {
			continue
		}
		v := sums[j]
		if cl.hasCap && v.Cmp(cl.cap) > 0 {
			if r.trace {
				r.note(tn, "%s: clause %s deducts %s, capped at %s", n.id, cl.id, v, cl.cap)
			}
			v = cl.cap
		}
		total = r.add(n.id, total, v)
		if tn != nil {
			tn.Inputs = append(tn.Inputs, Pair{Key: cl.id})
			start := len(r.text)
			r.text = append(r.text, "−"...)
			r.appendRat(v)
			r.cut(&tn.Inputs[len(tn.Inputs)-1].Value, start)
			r.cite(tn, cl.id, cl.source, cl.cites, cap(tn.Inputs)*n.m.citeRoom)
		}
	}
	score, err := n.max.Sub(total)
	if err != nil {
		r.ps.addErr(n.id, "", ErrArithmetic, err)
		return rat.Zero
	}
	if tn != nil {
		tn.Rule = "max(max − deductions, 0) (扣完为止)"
	}
	if score.Sign() < 0 {
		if r.trace {
			r.note(tn, "%s: deductions %s exceed %s: 扣完为止 at 0", n.id, total, n.max)
		}
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

// evPath is the path of a deduction event in the Subject form.
func evPath(id string, i int) string { return "events." + id + "[" + strconv.Itoa(i) + "]" }
