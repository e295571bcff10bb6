package assess

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/rat"
)

// gsub is one subject while a cohort is graded.
type gsub struct {
	idx    int
	id     string
	res    *Result
	group  string
	graded bool
	total  rat.Rat
	keyv   []rat.Rat
	band   int
	cur    int
	rank   int
	bars   []string // by grade index: the rule barring the grade, or ""
	steps  []GradeStep
}

func (s *gsub) step(st GradeStep) { s.steps = append(s.steps, st) }

// nextBelow returns the best grade below gi the subject may take, or -1.
func (s *gsub) nextBelow(gi int) int {
	for j := gi + 1; j < len(s.bars); j++ {
		if s.bars[j] == "" {
			return j
		}
	}
	return -1
}

// bar bars grade gi by rule, keeping the first rule that barred it.
func (s *gsub) bar(gi int, rule string) {
	if s.bars[gi] == "" {
		s.bars[gi] = rule
	}
}

// Grade grades a cohort. It checks every result first (subject IDs
// present and distinct, grades and gates known to the policy, tie-break
// components present, ballots not negative) and reports every problem in
// a [dangjian.Problems]; then it grades as [GradePolicy] describes. The output
// does not depend on the order of results. Results are read, never
// modified.
func (g *Grader) Grade(results []Result) (*Grading, error) {
	var ps problems
	subs := make([]*gsub, len(results))
	seen := make(map[string]int, len(results))
	for i := range results {
		subs[i] = g.prepare(i, &results[i], seen, &ps)
	}
	if u := g.p.Ungraded; u != nil {
		for k, id := range u.Subjects {
			if _, ok := seen[id]; !ok {
				ps.addf("ungraded.subjects["+strconv.Itoa(k)+"]", id, ErrUnknownRef, "not a subject of the cohort")
			}
		}
	}
	if len(ps.list) > 0 {
		return nil, ps.withIDs("results", func(i int) string { return results[i].Subject })
	}
	slices.SortFunc(subs, g.cmpOrder)
	for lo := 0; lo < len(subs); {
		hi := lo + 1
		for hi < len(subs) && subs[hi].group == subs[lo].group {
			hi++
		}
		g.applyQuotas(subs[lo:hi], &ps)
		g.rank(subs[lo:hi])
		lo = hi
	}
	if len(ps.list) > 0 {
		return nil, ps.withIDs("results", func(i int) string { return results[i].Subject })
	}
	out := &Grading{Policy: g.p.Name, Subjects: make([]Graded, len(subs))}
	for i, s := range subs {
		gd := Graded{Subject: s.id, Category: s.res.Category, Total: s.res.Total, Order: i + 1, Rank: s.rank,
			Ungraded: !s.graded, Eligible: s.res.Eligible, Steps: s.steps}
		if s.graded {
			gd.Band, gd.Recommended = g.p.Grades[s.band], g.p.Grades[s.cur]
			gd.Grade = gd.Recommended
			for gi, rule := range s.bars {
				if rule != "" {
					gd.Barred = append(gd.Barred, BarredGrade{Grade: g.p.Grades[gi], Rule: rule})
				}
			}
		}
		out.Subjects[i] = gd
	}
	out.Groups = g.summarize(out.Subjects, &ps)
	if len(ps.list) > 0 {
		return nil, ps.withIDs("results", func(i int) string { return results[i].Subject })
	}
	return out, nil
}

// prepare checks one result and works out its grade up to the quotas.
func (g *Grader) prepare(i int, r *Result, seen map[string]int, ps *problems) *gsub {
	path := "results[" + strconv.Itoa(i) + "]"
	s := &gsub{idx: i, id: r.Subject, res: r, total: r.Total.rat(), bars: make([]string, len(g.p.Grades))}
	if g.p.PerCategory {
		s.group = r.Category
	}
	switch j, dup := seen[r.Subject]; {
	case r.Subject == "":
		ps.addf(path+".subject", "", ErrInput, "a result names its subject")
	case dup:
		ps.addf(path+".subject", r.Subject, ErrDuplicate, "also results[%d]", j)
	default:
		seen[r.Subject] = i
	}
	s.keyv = make([]rat.Rat, len(g.keys))
	for k, key := range g.keys {
		v, ok := key.keyValue(r)
		if !ok {
			ps.addf(path+".components", key.Component, ErrInput, "no component %q for tie-break key %d", key.Component, k)
		}
		s.keyv[k] = v
	}
	for i, v := range r.Ballots {
		if v.Count < 0 {
			ps.addf(path+".ballots."+v.Level, strconv.Itoa(v.Count), ErrInput, "a vote count is not negative")
		}
		if slices.ContainsFunc(r.Ballots[:i], func(w LevelVotes) bool { return w.Level == v.Level }) {
			ps.addf(path+".ballots."+v.Level, v.Level, ErrInput, "a level is counted once")
		}
	}
	if u := g.p.Ungraded; u != nil && (g.ungCat[r.Category] || g.ungSub[r.Subject]) {
		s.step(GradeStep{Kind: StepUngraded, Reason: u.Reason, Source: g.source(u.Source)})
		return s
	}
	s.graded = true
	if len(g.bands) > 0 {
		b, ok := g.bandOf(s.total)
		if !ok {
			ps.addf(path+".total", s.total.String(), ErrInput, "the total falls in no band of the policy")
			return s
		}
		s.band = b.grade
		span := "[" + b.from.String() + ", " + b.to.String() + ")"
		if b.open {
			span = "[" + b.from.String() + ", ∞)"
		}
		s.step(GradeStep{Kind: StepBand, To: g.p.Grades[b.grade], Reason: "total " + s.total.String() + " in the band " + span})
	} else {
		gi, ok := g.index[r.Grade]
		if !ok {
			if r.Grade == "" {
				ps.addf(path+".grade", "", ErrInput, "the result has no grade and the policy no bands")
			} else {
				ps.addf(path+".grade", r.Grade, ErrUnknownRef, "not a grade of the policy")
			}
			return s
		}
		s.band = gi
		s.step(GradeStep{Kind: StepScored, To: r.Grade, Reason: "the scorer's grade: the band of the total after the subject's gates"})
	}
	s.cur = s.band
	g.applyGates(s, path, ps)
	g.applyDowngrades(s, path, ps)
	return s
}

func (g *Grader) bandOf(total rat.Rat) (pBand, bool) {
	for _, b := range g.bands {
		if total.Cmp(b.from) >= 0 && (b.open || total.Cmp(b.to) < 0) {
			return b, true
		}
	}
	return pBand{}, false
}

// applyGates applies the subject's gates: set_grade (the lowest of several
// wins), cap_grade, then not_grade and no_award.
func (g *Grader) applyGates(s *gsub, path string, ps *problems) {
	gates := s.res.Gates
	idx := make([]int, len(gates))
	for j, h := range gates {
		p := path + ".gates[" + strconv.Itoa(j) + "]"
		switch h.Effect {
		case Zero, NoAward:
		case SetGrade, CapGrade, NotGrade:
			gi, ok := g.index[h.Grade]
			if !ok {
				ps.addf(p+".grade", h.Grade, ErrUnknownRef, "not a grade of the policy")
				idx[j] = -1
				continue
			}
			idx[j] = gi
		default:
			ps.addf(p+".effect", string(h.Effect), ErrInvalid, "want zero, cap_grade, not_grade, no_award or set_grade")
			idx[j] = -1
		}
	}
	step := func(h GateHit, from int, to int, note string) {
		st := GradeStep{Kind: StepGate, Rule: h.Gate, From: g.p.Grades[from], To: g.p.Grades[to], Reason: h.Reason + note}
		if !h.Source.IsZero() {
			src := h.Source
			st.Source = &src
		}
		s.step(st)
	}
	set := false
	for j, h := range gates {
		if h.Effect != SetGrade || idx[j] < 0 {
			continue
		}
		from, to := s.cur, idx[j]
		note := " (set_grade: graded directly)"
		if set && to < from {
			to, note = from, " (set_grade: another set_grade gate sets a lower grade, which wins)"
		}
		set = true
		s.cur = to
		step(h, from, to, note)
	}
	for j, h := range gates {
		if h.Effect != CapGrade || idx[j] < 0 {
			continue
		}
		for k := 0; k < idx[j]; k++ {
			s.bar(k, h.Gate)
		}
		from := s.cur
		s.cur = max(s.cur, idx[j])
		step(h, from, s.cur, " (cap_grade: at most "+g.p.Grades[idx[j]]+")")
	}
	for j, h := range gates {
		if h.Effect == NotGrade && idx[j] >= 0 {
			s.bar(idx[j], h.Gate)
		}
		if h.Effect == NoAward {
			for k, a := range g.award {
				if a {
					s.bar(k, h.Gate)
				}
			}
		}
	}
	for j, h := range gates {
		var note string
		switch {
		case h.Effect == NotGrade && idx[j] >= 0:
			note = " (not_grade: not " + h.Grade + ")"
		case h.Effect == NoAward && len(g.p.AwardGrades) > 0:
			note = " (no_award: not " + strings.Join(g.p.AwardGrades, ", ") + ")"
		case h.Effect == NoAward:
			note = " (no_award: not eligible for awards; the policy names no award grade)"
		case h.Effect == Zero:
			note = " (zero: already in the total)"
		default:
			continue
		}
		from := s.cur
		if s.bars[s.cur] != "" {
			next := s.nextBelow(s.cur)
			if next < 0 {
				ps.addf(path+".gates["+strconv.Itoa(j)+"]", h.Gate, ErrInput, "bars %s and every lower grade", g.p.Grades[s.cur])
				return
			}
			s.cur = next
		}
		step(h, from, s.cur, note)
	}
	if s.bars[s.cur] != "" { // a set_grade onto a barred grade with no not_grade step after it
		next := s.nextBelow(s.cur)
		if next < 0 {
			ps.addf(path+".gates", g.p.Grades[s.cur], ErrInput, "the gates bar every grade from %s down", g.p.Grades[s.cur])
			return
		}
		s.step(GradeStep{Kind: StepGate, Rule: s.bars[s.cur], From: g.p.Grades[s.cur], To: g.p.Grades[next], Reason: "the grade is barred; the next lower one it may take"})
		s.cur = next
	}
}

// applyDowngrades applies the policy's vote-share rules.
func (g *Grader) applyDowngrades(s *gsub, path string, ps *problems) {
	if len(g.p.Downgrades) == 0 {
		return
	}
	valid := int64(0)
	for _, v := range s.res.Ballots {
		if v.Count > 0 {
			var ok bool
			if valid, ok = add64(valid, int64(v.Count)); !ok {
				ps.addf(path+".ballots."+v.Level, strconv.Itoa(v.Count), ErrArithmetic, "the valid votes overflow the total")
				return
			}
		}
	}
	for _, d := range g.p.Downgrades {
		gi := g.index[d.Grade]
		src := g.source(d.Source)
		if valid == 0 {
			s.step(GradeStep{Kind: StepDowngrade, Rule: d.ID, From: g.p.Grades[s.cur], To: g.p.Grades[s.cur], Source: src,
				Reason: "no valid votes: the rule does not apply"})
			continue
		}
		count := int64(max(s.res.Ballots.Get(d.When.Level), 0))
		share, err := rat.New(count, valid)
		if err != nil {
			ps.addf(path+".ballots", "", ErrArithmetic, "%v", err)
			return
		}
		c := share.Cmp(d.When.Share.rat())
		hit := d.When.Compare.HoldsCmp(c)
		word := map[dangjian.Comparison]string{MoreThan: "more than", AtLeast: "at least"}[d.When.Compare]
		if !hit {
			s.step(GradeStep{Kind: StepDowngrade, Rule: d.ID, From: g.p.Grades[s.cur], To: g.p.Grades[s.cur], Source: src,
				Reason: fmt.Sprintf("%s votes %d of %d valid (%s), not %s %s: the rule does not apply", d.When.Level, count, valid, share, word, d.When.Share)})
			continue
		}
		cond := fmt.Sprintf("%s votes %d of %d valid (%s), %s %s", d.When.Level, count, valid, share, word, d.When.Share)
		from := s.cur
		switch d.Effect {
		case SetGrade, CapGrade:
			for k := 0; k < gi; k++ {
				s.bar(k, d.ID)
			}
			s.cur = max(s.cur, gi)
		case NotGrade:
			s.bar(gi, d.ID)
			if s.cur == gi {
				next := s.nextBelow(gi)
				if next < 0 {
					ps.addf(path, s.id, ErrInput, "downgrade rule %s bars %s and every lower grade", d.ID, d.Grade)
					return
				}
				s.cur = next
			}
		}
		s.step(GradeStep{Kind: StepDowngrade, Rule: d.ID, From: g.p.Grades[from], To: g.p.Grades[s.cur], Source: src,
			Reason: d.Reason + " (" + cond + "; " + string(d.Effect) + " " + d.Grade + ")"})
	}
}

// summarize counts grades and quota use per group of a grading's
// subjects (in the cohort's order).
func (g *Grader) summarize(subjects []Graded, ps *problems) []GroupSummary {
	var out []GroupSummary
	for lo := 0; lo < len(subjects); {
		hi := lo + 1
		cat := ""
		if g.p.PerCategory {
			cat = subjects[lo].Category
			for hi < len(subjects) && subjects[hi].Category == cat {
				hi++
			}
		} else {
			hi = len(subjects)
		}
		members := subjects[lo:hi]
		sum := GroupSummary{Category: cat, Subjects: len(members)}
		final := make([]int, len(g.p.Grades))
		rec := make([]int, len(g.p.Grades))
		demoted := make([]int, len(g.p.Grades))
		for _, m := range members {
			if m.Ungraded {
				continue
			}
			sum.Graded++
			if gi, ok := g.index[m.Grade]; ok {
				final[gi]++
			}
			if gi, ok := g.index[m.Recommended]; ok {
				rec[gi]++
			}
			for _, st := range m.Steps {
				if gi, ok := g.index[st.From]; ok && st.Kind == StepQuota && st.From != st.To {
					demoted[gi]++
				}
			}
		}
		for gi, gr := range g.p.Grades {
			sum.Grades = append(sum.Grades, GradeCount{Grade: gr, Count: final[gi]})
			q := g.quotas[gi]
			if q == nil {
				continue
			}
			base := sum.Graded
			if q.Base == BaseAll {
				base = sum.Subjects
			}
			allowed, err := q.allowed(base)
			if err != nil {
				ps.addAt("quotas["+strconv.Itoa(g.quotaIdx[gi])+"].max", q.Max.String(), err)
			}
			u := QuotaUse{Grade: gr, Max: q.Max, Count: q.Count.orDefault(), Ties: q.Ties, Modality: q.Modality, Base: base,
				Of: q.Base.orDefault(), Reading: q.Reading, Allowed: allowed, Demoted: demoted[gi], Recommended: rec[gi], Final: final[gi], Source: g.source(q.Source), Cites: g.quotaCites[gi]}
			u.Over = max(u.Final-u.Allowed, 0)
			sum.Quotas = append(sum.Quotas, u)
		}
		out = append(out, sum)
		lo = hi
	}
	if out == nil {
		out = []GroupSummary{}
	}
	return out
}
