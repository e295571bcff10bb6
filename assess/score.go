package assess

import (
	"errors"
	"fmt"
	"sort"
	"strconv"

	"github.com/dangjian-go/dangjian/internal/rat"
)

// Score scores one subject exactly, without a trace. See [Scorer.Explain].
func (s *Scorer) Score(sub Subject) (Result, error) { return s.score(&sub, false) }

// Explain scores one subject and attaches the trace: a tree keyed by
// component and indicator ID with the inputs read, the rule applied, the
// exact and the displayed value, and the source.
func (s *Scorer) Explain(sub Subject) (Result, error) { return s.score(&sub, true) }

// Name returns the scheme's name; Max the highest total a subject can
// score (weighted component maxima plus the bonus cap).
func (s *Scorer) Name() string { return s.name }
func (s *Scorer) Max() Score   { return scoreOf(s.max) }

// Grades returns the grades of the bands, best first.
func (s *Scorer) Grades() []string { return append([]string(nil), s.grades...) }

type run struct {
	s       *Scorer
	sub     *Subject
	trace   bool
	ps      problems
	notes   []string
	ballots map[string]int
	// keys of the input maps the scoring read; when a map has more keys
	// than were read, checkInput looks for the unknown ones.
	usedChecked, usedEvents, usedVotes, usedBonus, usedFlags int
}

func (s *Scorer) score(sub *Subject, trace bool) (Result, error) {
	r := &run{s: s, sub: sub, trace: trace}
	res := Result{Subject: sub.ID, Category: sub.Category, Max: scoreOf(s.max), Eligible: true}
	var root *Node
	if trace {
		root = &Node{ID: "total", Name: s.name}
	}
	total := rat.Zero
	for _, c := range s.comps {
		exact := rat.Zero
		var cn *Node
		if trace {
			cn = &Node{ID: c.id, Name: c.name, Max: c.max.String(), Source: c.source}
		}
		for _, n := range c.nodes {
			v, nn := r.node(n)
			exact = r.add(c.id, exact, v)
			if cn != nil {
				cn.Children = append(cn.Children, nn)
			}
		}
		rounded, how := r.round("component", exact)
		weighted, err := rounded.Mul(c.weight)
		if err != nil {
			r.ps.add(c.id, "", fmt.Errorf("%w: %v", ErrArithmetic, err))
		}
		total = r.add("total", total, weighted)
		res.Components = append(res.Components, ComponentResult{ID: c.id, Name: c.name, Exact: scoreOf(exact), Score: scoreOf(rounded),
			Weight: c.weightText, Weighted: scoreOf(weighted)})
		if cn != nil {
			cn.Exact, cn.Value, cn.Rounding = exact.String(), rounded.String(), how
			cn.Inputs = map[string]string{"weight": c.weightText, "weighted": weighted.String()}
			root.Children = append(root.Children, cn)
		}
	}
	if b := s.bonus; b != nil {
		bonus, bn := r.bonus(b)
		res.Bonus = scoreOf(bonus)
		total = r.add("bonus", total, bonus)
		if root != nil {
			root.Children = append(root.Children, bn)
		}
	}
	exactTotal := total
	for _, g := range s.gates {
		set, given := sub.Flags[g.Flag]
		if given {
			r.usedFlags++
		}
		if !set {
			continue
		}
		res.Gates = append(res.Gates, GateHit{Gate: g.ID, Effect: g.Effect, Grade: g.Grade, Reason: g.Reason, Source: g.source})
		switch g.Effect {
		case Zero:
			total = rat.Zero
		case NoAward:
			res.Eligible = false
		}
	}
	r.checkInput()
	final, how := r.round("total", total)
	res.Total = scoreOf(final)
	res.Grade = s.gradeOf(final, res.Gates)
	res.Ballots, res.Notes = r.ballots, r.notes
	if root != nil {
		root.Exact, root.Value, root.Rounding = exactTotal.String(), final.String(), how
		for _, g := range res.Gates {
			root.Notes = append(root.Notes, fmt.Sprintf("gate %s (%s): %s", g.Gate, g.Effect, g.Reason))
		}
		res.Trace = root
	}
	if len(r.ps.list) > 0 {
		return Result{}, &InputError{Subject: sub.ID, Problems: r.ps.list}
	}
	return res, nil
}

// InputError lists every problem of one subject's input.
type InputError struct {
	Subject  string
	Problems []*Problem
}

func (e *InputError) Error() string {
	if len(e.Problems) == 0 {
		return fmt.Sprintf("assess: subject %q: invalid input", e.Subject)
	}
	msg := fmt.Sprintf("assess: subject %q: %s", e.Subject, e.Problems[0].Error()[len("assess: "):])
	if len(e.Problems) > 1 {
		msg += fmt.Sprintf(" (and %d more problems)", len(e.Problems)-1)
	}
	return msg
}

// Unwrap returns the problems.
func (e *InputError) Unwrap() []error {
	out := make([]error, len(e.Problems))
	for i, p := range e.Problems {
		out[i] = p
	}
	return out
}

func (r *run) add(path string, a, b rat.Rat) rat.Rat {
	s, err := a.Add(b)
	if err != nil {
		r.ps.add(path, "", fmt.Errorf("%w: %v", ErrArithmetic, err))
		return a
	}
	return s
}

// round applies the declared rounding point at, if any.
func (r *run) round(at string, v rat.Rat) (rat.Rat, string) {
	rp, ok := r.s.round[at]
	if !ok {
		return v, ""
	}
	out, err := v.Round(rp.Places, rp.Mode)
	if err != nil {
		r.ps.add(at, v.String(), fmt.Errorf("%w: %v", ErrArithmetic, err))
		return v, ""
	}
	if !r.trace {
		return out, ""
	}
	return out, rp.Mode.String() + " to " + strconv.Itoa(int(rp.Places)) + " places"
}

// checkInput reports input keys the scheme does not know. Scoring counts
// the keys it reads; a map is walked only when it holds more.
func (r *run) checkInput() {
	if len(r.sub.Flags) != r.usedFlags {
		for k := range r.sub.Flags {
			if !r.s.flags[k] {
				r.ps.add("flags."+k, k, fmt.Errorf("%w: no gate reads this flag", ErrInput))
			}
		}
	}
	if len(r.sub.Checked) != r.usedChecked {
		for k := range r.sub.Checked {
			r.known("checked."+k, k, Checklist)
		}
	}
	if len(r.sub.Events) != r.usedEvents {
		for k := range r.sub.Events {
			r.known("events."+k, k, Deductions)
		}
	}
	if len(r.sub.Votes) != r.usedVotes {
		for k := range r.sub.Votes {
			r.known("votes."+k, k, Votes)
		}
	}
	if len(r.sub.Bonus) == r.usedBonus {
		return
	}
	if r.s.bonus != nil {
		for k := range r.sub.Bonus {
			if !hasKey(r.s.bonus.items, k) {
				r.ps.add("bonus."+k, k, fmt.Errorf("%w: not a bonus item", ErrInput))
			}
		}
	} else if len(r.sub.Bonus) > 0 {
		r.ps.add("bonus", "", fmt.Errorf("%w: the scheme has no bonus pool", ErrInput))
	}
}

func (r *run) known(path, id string, kind MethodKind) {
	n, ok := r.s.leaves[id]
	if !ok || n.m == nil || n.m.kind != kind {
		r.ps.add(path, id, fmt.Errorf("%w: not a %s indicator of the scheme", ErrInput, kind))
	}
}

// node scores an indicator: a leaf by its method, a composite as the sum
// of its children.
func (r *run) node(n *cNode) (rat.Rat, *Node) {
	var tn *Node
	if r.trace {
		tn = &Node{ID: n.id, Name: n.name, Max: n.max.String(), Source: n.source}
	}
	var v rat.Rat
	if n.m == nil {
		v = rat.Zero
		for _, ch := range n.children {
			cv, cn := r.node(ch)
			v = r.add(n.id, v, cv)
			if tn != nil {
				tn.Children = append(tn.Children, cn)
			}
		}
		if tn != nil {
			tn.Method = "sum"
			tn.Exact, tn.Value = v.String(), v.String()
		}
		return v, tn
	}
	v = r.leaf(n, tn)
	exact := v
	v, how := r.round("indicator", v)
	if tn != nil {
		tn.Method = string(n.m.kind)
		tn.Exact, tn.Value, tn.Rounding = exact.String(), v.String(), how
	}
	return v, tn
}

func (r *run) leaf(n *cNode, tn *Node) rat.Rat {
	switch n.m.kind {
	case Direct:
		return r.direct(n, tn)
	case Checklist:
		return r.checklist(n, tn)
	case Deductions:
		return r.deductions(n, tn)
	case Ratio:
		return r.ratio(n, tn)
	case Votes:
		return r.votes(n, tn)
	case TableMethod:
		v, hit, notes, err := n.m.table.eval(r.sub)
		if err != nil {
			var p *Problem
			if errors.As(err, &p) {
				r.ps.list = append(r.ps.list, p)
			} else {
				r.ps.add("values", n.id, err)
			}
			return rat.Zero
		}
		if tn != nil {
			tn.Inputs = n.m.table.inputsRead(r.sub)
			tn.Rule = joinIDs(hit)
			tn.Notes = append(tn.Notes, notes...)
		}
		return v
	}
	return rat.Zero
}

func joinIDs(ids []string) string {
	s := ""
	for i, id := range ids {
		if i > 0 {
			s += ","
		}
		s += id
	}
	return s
}

// note records a decision of the scorer. Notes, like the trace, are
// recorded by Explain only: Score skips the formatting for speed.
func (r *run) note(tn *Node, format string, args ...any) {
	if !r.trace {
		return
	}
	msg := fmt.Sprintf(format, args...)
	r.notes = append(r.notes, msg)
	if tn != nil {
		tn.Notes = append(tn.Notes, msg)
	}
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
