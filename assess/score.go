package assess

import (
	"errors"
	"fmt"
	"math"

	"github.com/dangjian-go/dangjian/internal/rat"
)

// Score scores one subject exactly, without a trace. See [Scorer.Explain];
// for the fastest path, [Scorer.ScoreInto] with a positional [Input].
func (s *Scorer) Score(sub Subject) (Result, error) {
	var res Result
	if err := s.scoreSubject(&sub, false, &res); err != nil {
		return Result{}, err
	}
	return res, nil
}

// Explain scores one subject and attaches the trace: a tree keyed by
// component and indicator ID with the inputs read, the rule applied, the
// exact and the displayed value, and the source.
func (s *Scorer) Explain(sub Subject) (Result, error) {
	var res Result
	if err := s.scoreSubject(&sub, true, &res); err != nil {
		return Result{}, err
	}
	return res, nil
}

// ScoreInput scores a positional input exactly, without a trace. It gives
// the same result as [Scorer.Score] on the same data.
func (s *Scorer) ScoreInput(in *Input) (Result, error) {
	var res Result
	if err := s.ScoreInto(&res, in); err != nil {
		return Result{}, err
	}
	return res, nil
}

// ExplainInput scores a positional input with the trace, as
// [Scorer.Explain] does.
func (s *Scorer) ExplainInput(in *Input) (Result, error) {
	var res Result
	if err := s.checkLayout(in); err != nil {
		return Result{}, err
	}
	if err := s.score(in, true, false, &res, nil); err != nil {
		return Result{}, err
	}
	return res, nil
}

// ScoreInto scores a positional input into res without a trace, reusing
// res's memory (its Components, Gates, Ballots and Clamped slices): a
// loop that scores into one Result per goroutine does not allocate. On an
// error res is reset to the zero Result but keeps its memory.
func (s *Scorer) ScoreInto(res *Result, in *Input) error {
	if err := s.checkLayout(in); err != nil {
		return err
	}
	return s.score(in, false, false, res, nil)
}

// ExplainInto scores a positional input into res with the trace, reusing
// res's memory as [Scorer.ScoreInto] does, the trace's nodes, inputs and
// sources included: a loop that explains into one Result per goroutine
// (writing each trace out, say) allocates only the trace's texts. The
// previous trace in res is overwritten: copy what you keep, or use
// [Scorer.ExplainInput], which returns a new trace every time.
func (s *Scorer) ExplainInto(res *Result, in *Input) error {
	if err := s.checkLayout(in); err != nil {
		return err
	}
	return s.score(in, true, true, res, nil)
}

func (s *Scorer) checkLayout(in *Input) error {
	if in == nil || in.l != s.lay {
		return problemf(ErrInput, "the input was not made by this scorer's NewInput")
	}
	return nil
}

// Name returns the scheme's name; Max the highest total a subject can
// score (weighted component maxima plus the bonus cap).
func (s *Scorer) Name() string { return s.name }
func (s *Scorer) Max() Score   { return scoreOf(s.max) }

// Grades returns the grades of the bands, best first.
func (s *Scorer) Grades() []string { return append([]string(nil), s.grades...) }

type run struct {
	s       *Scorer
	in      *Input
	trace   bool
	ps      problems
	notes   []string
	clamped []Clamp // Result.Clamped, in the result's buffer
	slab    []Node  // the trace's nodes, allocated at once
	kids    []*Node // the trace's children slices, allocated at once
	pslab   []Pair  // room for the trace's inputs, allocated in chunks
	text    []byte  // the trace's texts (see cut)
	cslab   []Cite  // room for the trace's sources, allocated in chunks
	ballots []int   // valid votes per level name (Layout.ballots), when more than bb holds
	bb      [8]int
	voted   bool // some ballot counted
	evPos   int  // the next deduction event, when they are grouped by leaf
}

// scoreSubject fills a pooled input from the subject, reporting what does
// not fit the scheme (unknown keys, items, clauses, groups and levels),
// and scores it.
func (s *Scorer) scoreSubject(sub *Subject, trace bool, res *Result) error {
	in, _ := s.inputs.Get().(*Input)
	if in == nil {
		in = s.NewInput()
	}
	var ps problems
	s.fill(in, sub, &ps)
	err := s.score(in, trace, false, res, ps.list)
	in.release()
	s.inputs.Put(in)
	return err
}

func (s *Scorer) score(in *Input, trace, reuse bool, res *Result, pre []*Problem) error {
	r := run{s: s, in: in, trace: trace, ps: problems{list: pre}}
	if n := len(s.lay.ballots); n > len(r.bb) {
		r.ballots = make([]int, n)
	}
	comps, gates, ballots, mem := res.Components[:0], res.Gates[:0], res.Ballots[:0], res.mem
	r.clamped = res.Clamped[:0]
	*res = Result{Subject: in.ID, Category: in.Category, Max: scoreOf(s.max), Eligible: true, mem: mem}
	if comps == nil {
		comps = make([]ComponentResult, 0, len(s.comps))
	}
	var root *Node
	if trace {
		if reuse {
			if mem == nil || len(mem.nodes) != s.lay.nodes || len(mem.pairs) != s.lay.pairs || len(mem.cites) != s.lay.cites {
				mem = &traceMem{nodes: make([]Node, s.lay.nodes), kids: make([]*Node, s.lay.nodes-1),
					pairs: make([]Pair, s.lay.pairs), cites: make([]Cite, s.lay.cites)}
			} else {
				clear(mem.nodes)
				clear(mem.kids)
				clear(mem.pairs)
				clear(mem.cites)
			}
			res.mem = mem
			r.slab, r.kids, r.pslab, r.cslab = mem.nodes, mem.kids, mem.pairs, mem.cites
		} else {
			r.slab, r.kids = make([]Node, s.lay.nodes), make([]*Node, s.lay.nodes-1)
		}
		// The texts always get a new buffer: strings cut from it must
		// never change, even in a trace the caller kept by mistake.
		r.text = make([]byte, 0, 12*(2*s.lay.nodes+s.lay.pairs))
		root = r.newNode(len(s.comps) + btoi(s.bonus != nil) + btoi(s.extra != nil))
		root.ID, root.Name, root.Sources = "total", s.name, s.cites
	}
	total := rat.Zero
	for _, c := range s.comps {
		exact := rat.Zero
		var cn *Node
		if trace {
			cn = r.newNode(len(c.nodes))
			cn.ID, cn.Name, cn.Max, cn.Source, cn.Sources = c.id, c.name, c.maxText, c.source, c.cites
		}
		if trace {
			for _, n := range c.nodes {
				v, nn := r.node(n)
				exact = r.add(c.id, exact, v)
				cn.Children = append(cn.Children, nn)
			}
		} else {
			// Without a trace no composite's sum is shown: the
			// component is the sum of its leaves, each rounded at the
			// indicator rounding point, the same exact value.
			for _, n := range c.leaves {
				v := r.leaf(n, nil)
				v, _ = r.round(atIndicator, v)
				exact = r.add(c.id, exact, v)
			}
		}
		rounded, how := r.round(atComponent, exact)
		weighted, err := rounded.Mul(c.weight)
		if err != nil {
			r.ps.addErr(c.id, "", ErrArithmetic, err)
		}
		total = r.add("total", total, weighted)
		comps = append(comps, ComponentResult{ID: c.id, Name: c.name, Exact: scoreOf(exact), Score: scoreOf(rounded),
			Weight: c.weightText, Weighted: scoreOf(weighted)})
		if cn != nil {
			r.exactValue(cn, exact, rounded, how)
			cn.Inputs = append(r.pairs(2), Pair{"weight", c.weightText}, Pair{Key: "weighted"})
			r.ratText(&cn.Inputs[1].Value, weighted)
			root.Children = append(root.Children, cn)
		}
	}
	res.Components = comps
	for _, b := range [2]*cBonus{s.bonus, s.extra} {
		if b == nil {
			continue
		}
		bonus, bn := r.bonus(b)
		if b == s.bonus {
			res.Bonus = scoreOf(bonus)
		} else {
			x := scoreOf(bonus)
			res.Extra = &x
		}
		total = r.add(b.id, total, bonus)
		if root != nil {
			root.Children = append(root.Children, bn)
		}
	}
	exactTotal := total
	for i := range s.gates {
		g := &s.gates[i]
		if !in.flags[g.flag] {
			continue
		}
		gates = append(gates, GateHit{Gate: g.ID, Effect: g.Effect, Grade: g.Grade, Reason: g.Reason, Source: g.source, GradeSource: g.gradeSource})
		switch g.Effect {
		case Zero:
			total = rat.Zero
		case NoAward:
			res.Eligible = false
		}
	}
	if len(gates) > 0 || cap(gates) > 0 {
		res.Gates = gates // ScoreInto keeps the buffer; Score's stays nil without gates
	}
	final, how := r.round(atTotal, total)
	res.Total = scoreOf(final)
	var graded bool
	if res.Grade, graded = s.gradeOf(final, res.Gates); !graded {
		r.ps.addf("total", final.String(), ErrBands, "the total %s falls in no band: the bands cover %s", final, s.bandsSpan())
	}
	if r.voted {
		if ballots == nil {
			ballots = make(Tally, 0, len(s.lay.ballots))
		}
		for i, name := range s.lay.ballots {
			if k := r.ballot(i); k > 0 {
				ballots = append(ballots, LevelVotes{name, k})
			}
		}
		res.Ballots = ballots
	} else if cap(ballots) > 0 {
		res.Ballots = ballots // ScoreInto keeps the buffer
	}
	if len(r.clamped) > 0 || cap(r.clamped) > 0 {
		res.Clamped = r.clamped // ScoreInto keeps the buffer; Score's stays nil when nothing is clamped
	}
	res.Notes = r.notes
	if root != nil {
		r.exactValue(root, exactTotal, final, how)
		for _, g := range res.Gates {
			root.Notes = append(root.Notes, fmt.Sprintf("gate %s (%s): %s", g.Gate, g.Effect, g.Reason))
		}
		res.Trace = root
	}
	if len(r.ps.list) > 0 {
		*res = Result{Components: comps[:0], Gates: gates[:0], Ballots: ballots[:0], Clamped: r.clamped[:0], mem: res.mem}
		return withID(r.ps.list, in.ID)
	}
	return nil
}

func (r *run) add(path string, a, b rat.Rat) rat.Rat {
	s, err := a.Add(b)
	if err != nil {
		r.ps.addErr(path, "", ErrArithmetic, err)
		return a
	}
	return s
}

// ballot returns the valid votes counted at level name i.
func (r *run) ballot(i int) int {
	if r.ballots != nil {
		return r.ballots[i]
	}
	return r.bb[i]
}

// count adds k (≥ 0) valid votes at level name i; false, changing
// nothing, if the level's total would overflow.
func (r *run) count(i int32, k int) bool {
	c := &r.bb[i]
	if r.ballots != nil {
		c = &r.ballots[i]
	}
	if *c > math.MaxInt-k {
		return false
	}
	*c += k
	r.voted = true
	return true
}

// round applies the declared rounding point at, if any.
func (r *run) round(at int, v rat.Rat) (rat.Rat, string) {
	ra := &r.s.rounds[at]
	if !ra.ok {
		return v, ""
	}
	out, err := v.Round(ra.rp.Places, ra.rp.Mode)
	if err != nil {
		r.ps.addErr(ra.at, v.String(), ErrArithmetic, err)
		return v, ""
	}
	return out, ra.how
}

// node scores an indicator: a leaf by its method, a composite as the sum
// of its children.
func (r *run) node(n *cNode) (rat.Rat, *Node) {
	var tn *Node
	if r.trace {
		tn = r.newNode(len(n.children))
		tn.ID, tn.Name, tn.Max, tn.Source, tn.Sources = n.id, n.name, n.maxText, n.source, n.cites
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
			r.exactValue(tn, v, v, "")
		}
		return v, tn
	}
	v = r.leaf(n, tn)
	exact := v
	v, how := r.round(atIndicator, v)
	if tn != nil {
		tn.Method = string(n.m.kind)
		r.exactValue(tn, exact, v, how)
	}
	return v, tn
}

func (r *run) leaf(n *cNode, tn *Node) rat.Rat {
	switch n.m.op {
	case opDirect:
		return r.direct(n, tn)
	case opChecklist:
		return r.checklist(n, tn)
	case opDeductions:
		return r.deductions(n, tn)
	case opRatio:
		return r.ratio(n, tn)
	case opVotes:
		return r.votes(n, tn)
	case opTable:
		v, hit, notes, err := n.m.table.eval(r.in)
		if err != nil {
			var p *Problem
			if errors.As(err, &p) {
				r.ps.list = append(r.ps.list, p)
			} else {
				r.ps.addErr("values", n.id, ErrInput, err)
			}
			return rat.Zero
		}
		if tn != nil {
			tn.Inputs = n.m.table.inputsRead(r.in, r.pairs(len(n.m.table.inputs)))
			tn.Rule = joinIDs(hit)
			for _, id := range hit {
				r.cite(tn, id, n.m.ruleSrc[id], nil, len(hit))
			}
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
