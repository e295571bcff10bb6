package assess

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/rat"
)

// GradePolicy is how a cohort of scored subjects is graded: the grade
// order, optional bands over the total, the quotas, the vote-share
// downgrade rules, the tie-break keys, the ranking style, whether quotas
// and ranks apply per category, who is scored but not graded, and which
// grades are awards. It is data (JSON, lowerCamel keys); compile it with
// [NewGrader], which checks it and reports every problem.
//
// Grading works on [Result] values alone, in this order:
//
//  1. the starting grade: the band of the total when the policy has
//     Bands, otherwise the scorer's grade (Result.Grade);
//  2. the subject's gates (Result.Gates): set_grade (直接定级; of several,
//     the lowest grade wins), then cap_grade, then not_grade and, for
//     AwardGrades, no_award; zero is already in the total;
//  3. the downgrade rules, in the policy's order;
//  4. the quotas, best grade first, over the cohort (or each category)
//     in its order: total, tie-break keys, subject ID.
//
// A grade barred to a subject by a cap, a not_grade, a no_award gate or a
// downgrade rule is never taken through the quotas: a subject over a quota
// falls to the next lower grade it may take. A set_grade gate may raise a
// grade (直接定级 of a 先进 organization) but never above a cap or onto a
// barred grade; every other gate and rule only lowers. Under the break
// tie policy a cap, not_grade or no_award gate never improves the gated
// subject's final grade. Under all_in and all_out it can: a tie group's
// fate depends on its size, so a subject capped out of a tied pool may
// leave the others in it better placed (all_out: the tie dissolves and
// the remaining subject keeps the grade instead of falling to compete
// with the capped one).
//
// Without policy bands the scorer's grade already reflects the gates;
// applying them again changes nothing, unless the scorer applied them in
// another order, and then these steps show the difference.
type GradePolicy struct {
	Name string `json:"name"`
	// Note says what the policy is and which of its numbers are local
	// practice or unverified.
	Note    string   `json:"note,omitempty"`
	Sources []Source `json:"sources,omitempty"`
	// Grades is the grade order, best first: 好, 较好, 一般, 差; 优秀,
	// 合格, 基本合格, 不合格; 五星 … 一星.
	Grades []string `json:"grades"`
	// Bands, when set, grade the total afresh: half-open [from, to)
	// intervals without gap or overlap, the highest open above, better
	// bands for better grades. Without bands the scorer's grade is used.
	Bands      []Band      `json:"bands,omitempty"`
	Quotas     []Quota     `json:"quotas,omitempty"`
	Downgrades []Downgrade `json:"downgrades,omitempty"`
	// TieBreak lists the keys beyond the total, in order.
	TieBreak []TieKey `json:"tieBreak,omitempty"`
	// Ranking is the rank style; empty means [Competition].
	Ranking RankStyle `json:"ranking,omitempty"`
	// PerCategory applies the quotas and the ranks within each category
	// (Result.Category; "按单位类别排出名次") instead of over the cohort.
	PerCategory bool `json:"perCategory,omitempty"`
	// Ungraded names the subjects that are scored but not graded.
	Ungraded *Ungraded `json:"ungraded,omitempty"`
	// AwardGrades are the grades a subject hit by a no_award gate (不得评优)
	// may not take. Empty: no_award does not affect the grade, only
	// Graded.Eligible.
	AwardGrades []string `json:"awardGrades,omitempty"`
}

// Comparison is how a vote share is compared with its threshold.
//
// Deprecated: use [dangjian.Comparison]; the JSON codes ("more_than",
// "at_least") are the same.
type Comparison = dangjian.Comparison

const (
	// MoreThan: the share exceeds the threshold (超过).
	//
	// Deprecated: use [dangjian.MoreThan].
	MoreThan = dangjian.MoreThan
	// AtLeast: the share reaches the threshold (达到, 以上 read inclusively).
	//
	// Deprecated: use [dangjian.AtLeast].
	AtLeast = dangjian.AtLeast
)

// VoteShare is a condition on a subject's ballots: the share of Level
// among the valid votes (every level of Result.Ballots; 不了解 and void
// groups are already out) compared with Share. A subject without valid
// votes never meets it.
type VoteShare struct {
	Level   string              `json:"level"`
	Share   Share               `json:"share"`
	Compare dangjian.Comparison `json:"compare"`
	// Of names the denominator; only "valid" (the default) is known.
	Of string `json:"of,omitempty"`
}

// Downgrade is a vote-share rule applied after the gates and before the
// quotas: when the condition holds, Effect applies with Grade:
// set_grade forces the grade down to Grade ("差 votes over 1/3: 差"),
// cap_grade caps it there ("grade at most 一般"), not_grade bars it ("cannot
// be 好"). A downgrade rule never raises a grade, so set_grade and
// cap_grade differ only in the reason recorded. Such rules are local
// practice or unverified (ASSESSMENT-PRACTICE.md §A2.7, §A5: the "差票超过
// 1/3" rule is not verified for 述职评议); none applies unless a policy
// lists it.
type Downgrade struct {
	ID     string     `json:"id"`
	When   VoteShare  `json:"when"`
	Effect GateEffect `json:"effect"`
	Grade  string     `json:"grade"`
	Reason string     `json:"reason"`
	// Source is the ID of one of the policy's sources; every rule cites
	// one.
	Source string `json:"source"`
}

// StepKind names a step of a subject's grading.
type StepKind string

const (
	StepBand      StepKind = "band"      // the band of the total (policy bands)
	StepScored    StepKind = "scored"    // the scorer's grade, taken as it is
	StepGate      StepKind = "gate"      // a gate of the subject's result
	StepDowngrade StepKind = "downgrade" // a vote-share rule
	StepQuota     StepKind = "quota"     // a quota's cut-off
	StepUngraded  StepKind = "ungraded"  // scored, not graded
	StepOverride  StepKind = "override"  // a recorded decision
)

// GradeStep is one reason of a subject's grade: what applied (the gate or
// rule ID, "quota:优秀"), the grade before and after, why, and the source.
// From equals To when the rule applied without changing the grade.
type GradeStep struct {
	Kind   StepKind         `json:"kind"`
	Rule   string           `json:"rule,omitempty"`
	From   string           `json:"from,omitempty"`
	To     string           `json:"to,omitempty"`
	Reason string           `json:"reason"`
	Source *dangjian.Source `json:"source,omitempty"`
}

// BarredGrade is a grade a subject may not take, and the gate or rule
// that bars it.
type BarredGrade struct {
	Grade string `json:"grade"`
	Rule  string `json:"rule"`
}

// Graded is one subject of a grading: its total, its place in the
// cohort's order (1-based, over the whole output), its rank (within its
// category under PerCategory; 0 when not graded), the starting grade
// (Band: the band of the total under policy bands, otherwise the scorer's
// grade), the computed grade (Recommended), the final grade (Grade: the
// recommendation or an override), the grades barred to it, and every
// step, in order. A subject scored but not graded has Ungraded set and no
// grade.
type Graded struct {
	Subject     string        `json:"subject"`
	Category    string        `json:"category,omitempty"`
	Total       Score         `json:"total"`
	Order       int           `json:"order"`
	Rank        int           `json:"rank,omitempty"`
	Ungraded    bool          `json:"ungraded,omitempty"`
	Band        string        `json:"band,omitempty"`
	Recommended string        `json:"recommended,omitempty"`
	Grade       string        `json:"grade,omitempty"`
	Eligible    bool          `json:"eligible"`
	Barred      []BarredGrade `json:"barred,omitempty"`
	Steps       []GradeStep   `json:"steps"`
	Override    *Override     `json:"override,omitempty"`
}

// GradeCount is how many subjects of a group hold a grade.
type GradeCount struct {
	Grade string `json:"grade"`
	Count int    `json:"count"`
}

// GroupSummary is one group of a grading (the cohort, or one category
// under PerCategory): its size, how many were graded, the final count per
// grade, and the use of each quota.
type GroupSummary struct {
	Category string       `json:"category,omitempty"`
	Subjects int          `json:"subjects"`
	Graded   int          `json:"graded"`
	Grades   []GradeCount `json:"grades"`
	Quotas   []QuotaUse   `json:"quotas,omitempty"`
}

// Grading is the graded cohort: the subjects in the cohort's order
// (category under PerCategory, total descending, tie-break keys, subject
// ID), whatever the order of the input, and a summary per group. A
// Grading is a plain value; [Grader.Override] returns a new one and
// leaves its argument unchanged.
type Grading struct {
	Policy   string         `json:"policy"`
	Groups   []GroupSummary `json:"groups"`
	Subjects []Graded       `json:"subjects"`
}

// Grader is a compiled [GradePolicy]. Build it once with [NewGrader] and
// grade many cohorts with [Grader.Grade]. A Grader is immutable and safe
// for concurrent use by multiple goroutines.
type Grader struct {
	p        GradePolicy
	index    map[string]int
	sources  map[string]dangjian.Source
	quotas   []*Quota // by grade index
	quotaIdx []int    // by grade index: the quota's index in the policy
	bands    []pBand  // best first
	keys     []TieKey
	ungCat   map[string]bool
	ungSub   map[string]bool
	award    []bool // by grade index
}

type pBand struct {
	grade    int // -1 for an unknown grade (a problem already reported)
	name     string
	from, to rat.Rat
	open     bool
}

// Policy returns a copy of the policy the grader was built from.
func (g *Grader) Policy() GradePolicy { return clonePolicy(g.p) }

// Grades returns the grade order, best first.
func (g *Grader) Grades() []string { return slices.Clone(g.p.Grades) }

func clonePolicy(p GradePolicy) GradePolicy {
	p.Sources = slices.Clone(p.Sources)
	p.Grades = slices.Clone(p.Grades)
	p.Bands = slices.Clone(p.Bands)
	p.Quotas = slices.Clone(p.Quotas)
	p.Downgrades = slices.Clone(p.Downgrades)
	p.TieBreak = slices.Clone(p.TieBreak)
	p.AwardGrades = slices.Clone(p.AwardGrades)
	if p.Ungraded != nil {
		u := *p.Ungraded
		u.Categories = slices.Clone(u.Categories)
		u.Subjects = slices.Clone(u.Subjects)
		p.Ungraded = &u
	}
	return p
}

// NewGrader checks a policy and compiles it. Every problem is reported,
// with its path, in a [dangjian.Problems]: grades present and distinct;
// sources with IDs and documents; bands over known grades, half-open,
// without gap or overlap, open above and ordered like the grades; one
// quota per grade, not on the lowest grade, with a share in [0, 1], a
// known count rounding, base, tie policy and modality, and a source;
// downgrade rules with IDs, a level, a share, a comparison, a known
// effect and grade, a reason and a source; tie-break keys complete, with
// a subject key only last; a known rank style; ungraded lists without
// empty entries; award grades known.
func NewGrader(p GradePolicy) (*Grader, error) {
	p = clonePolicy(p)
	var ps problems
	g := &Grader{p: p, index: map[string]int{}, sources: map[string]dangjian.Source{}}
	if p.Name == "" {
		ps.addf("name", "", ErrInvalid, "a policy needs a name")
	}
	for i, src := range p.Sources {
		path := "sources[" + strconv.Itoa(i) + "]"
		switch {
		case src.ID == "":
			ps.addf(path+".id", "", ErrInvalid, "empty")
		case hasKey(g.sources, src.ID):
			ps.add(path+".id", src.ID, ErrDuplicate)
		default:
			g.sources[src.ID] = src.Source
		}
		if src.Doc == "" {
			ps.addf(path+".doc", src.ID, ErrInvalid, "a source names its document")
		}
	}
	if len(p.Grades) == 0 {
		ps.addf("grades", "", ErrInvalid, "a policy lists its grades, best first")
	}
	for i, gr := range p.Grades {
		path := "grades[" + strconv.Itoa(i) + "]"
		switch {
		case strings.TrimSpace(gr) == "":
			ps.addf(path, gr, ErrInvalid, "empty grade")
		case hasKey(g.index, gr):
			ps.add(path, gr, ErrDuplicate)
		default:
			g.index[gr] = i
		}
	}
	n := len(p.Grades)
	g.quotas, g.quotaIdx, g.award = make([]*Quota, n), make([]int, n), make([]bool, n)
	g.checkBands(&ps)
	g.checkQuotas(&ps)
	g.checkDowngrades(&ps)
	g.checkKeys(&ps)
	switch p.Ranking {
	case "", Competition, Dense:
	default:
		ps.addf("ranking", string(p.Ranking), ErrInvalid, "want competition or dense")
	}
	g.checkUngraded(&ps)
	for i, a := range p.AwardGrades {
		if gi, ok := g.grade(&ps, "awardGrades["+strconv.Itoa(i)+"]", a); ok {
			g.award[gi] = true
		}
	}
	if len(ps.list) > 0 {
		return nil, ps.list
	}
	return g, nil
}

// grade resolves a grade name, reporting an unknown one.
func (g *Grader) grade(ps *problems, path, name string) (int, bool) {
	i, ok := g.index[name]
	if !ok {
		ps.addf(path, name, ErrUnknownRef, "not a grade of the policy")
	}
	return i, ok
}

// ref checks a source reference; required says the field must be set.
func (g *Grader) ref(ps *problems, path, id string, required bool) {
	switch {
	case id == "" && required:
		ps.addf(path, "", ErrInvalid, "cite one of the policy's sources")
	case id != "" && !hasKey(g.sources, id):
		ps.add(path, id, ErrUnknownRef)
	}
}

func (g *Grader) source(id string) *dangjian.Source {
	if id == "" {
		return nil
	}
	s := g.sources[id]
	return &s
}

func (g *Grader) checkBands(ps *problems) {
	if len(g.p.Bands) == 0 {
		return
	}
	seen := map[string]bool{}
	for i, b := range g.p.Bands {
		path := "bands[" + strconv.Itoa(i) + "]"
		gi, ok := g.grade(ps, path+".grade", b.Grade)
		if ok && seen[b.Grade] {
			ps.addf(path+".grade", b.Grade, ErrBands, "each band has its own grade")
		}
		seen[b.Grade] = true
		if !ok {
			gi = -1
		}
		pb := pBand{grade: gi, name: b.Grade, from: b.From.rat(), to: b.To.rat(), open: !b.To.IsSet()}
		if !b.From.IsSet() {
			ps.addf(path+".from", "", ErrBands, "a band has a lower bound")
		}
		if !pb.open && pb.to.Cmp(pb.from) <= 0 {
			ps.addf(path+".to", b.To.String(), ErrBands, "[%s, %s) is empty", pb.from, pb.to)
		}
		g.bands = append(g.bands, pb)
	}
	slices.SortStableFunc(g.bands, func(a, b pBand) int { return b.from.Cmp(a.from) })
	if !g.bands[0].open {
		ps.addf("bands", g.bands[0].to.String(), ErrBands, "totals from %s up have no band", g.bands[0].to)
	}
	for i := 1; i < len(g.bands); i++ {
		hi, lo := g.bands[i-1], g.bands[i]
		name := func(b pBand) string { return b.name }
		switch {
		case lo.open:
			ps.addf("bands", name(lo), ErrBands, "only the highest band is open above, not %q", name(lo))
		case lo.to.Cmp(hi.from) < 0:
			ps.addf("bands", fmt.Sprintf("[%s, %s)", lo.to, hi.from), ErrBands, "a gap between %q and %q", name(lo), name(hi))
		case lo.to.Cmp(hi.from) > 0:
			ps.addf("bands", fmt.Sprintf("[%s, %s)", hi.from, lo.to), ErrBands, "%q and %q overlap", name(lo), name(hi))
		}
		if hi.grade >= 0 && lo.grade >= 0 && hi.grade >= lo.grade {
			ps.addf("bands", name(lo), ErrBands, "band %q lies below band %q but is not a lower grade", name(lo), name(hi))
		}
	}
}

func (g *Grader) checkQuotas(ps *problems) {
	n := len(g.p.Grades)
	for i := range g.p.Quotas {
		q := &g.p.Quotas[i]
		path := "quotas[" + strconv.Itoa(i) + "]"
		if gi, ok := g.grade(ps, path+".grade", q.Grade); ok {
			switch {
			case g.quotas[gi] != nil:
				ps.addf(path+".grade", q.Grade, ErrDuplicate, "one quota per grade")
			case gi == n-1:
				ps.addf(path+".grade", q.Grade, ErrInvalid, "a quota on the lowest grade leaves nowhere to fall")
			default:
				g.quotas[gi], g.quotaIdx[gi] = q, i
			}
		}
		if !q.Max.IsSet() {
			ps.addf(path+".max", "", ErrInvalid, "a quota gives its share (0.3, 1/3, 30%%)")
		}
		if _, ok := q.Count.mode(); !ok {
			ps.addf(path+".count", string(q.Count), ErrInvalid, "want floor, ceiling or half_up")
		}
		switch q.Ties {
		case TiesBreak, TiesAllIn, TiesAllOut:
		case "":
			ps.addf(path+".ties", "", ErrInvalid, "a quota says what happens to ties at the cut-off: break, all_in or all_out")
		default:
			ps.addf(path+".ties", string(q.Ties), ErrInvalid, "want break, all_in or all_out")
		}
		switch q.Base {
		case "", BaseGraded, BaseAll:
		default:
			ps.addf(path+".base", string(q.Base), ErrInvalid, "want graded or all")
		}
		if q.Modality != dangjian.Must && q.Modality != dangjian.Usually && q.Modality != dangjian.May {
			ps.addf(path+".modality", q.Modality.String(), ErrInvalid, "a quota says how binding it is: must (不超过) or usually (一般不超过)")
		}
		g.ref(ps, path+".source", q.Source, true)
	}
}

func (g *Grader) checkDowngrades(ps *problems) {
	ids := map[string]bool{}
	for i, d := range g.p.Downgrades {
		path := "downgrades[" + strconv.Itoa(i) + "]"
		switch {
		case d.ID == "":
			ps.addf(path+".id", "", ErrInvalid, "a rule has an ID")
		case ids[d.ID]:
			ps.add(path+".id", d.ID, ErrDuplicate)
		}
		ids[d.ID] = true
		if d.When.Level == "" {
			ps.addf(path+".when.level", "", ErrInvalid, "a vote-share rule names a level (差)")
		}
		if !d.When.Share.IsSet() {
			ps.addf(path+".when.share", "", ErrInvalid, "a vote-share rule gives its share (1/3)")
		}
		switch d.When.Compare {
		case MoreThan, AtLeast:
		default:
			ps.addf(path+".when.compare", d.When.Compare.String(), ErrInvalid, "want more_than (超过) or at_least (达到)")
		}
		if d.When.Of != "" && d.When.Of != "valid" {
			ps.addf(path+".when.of", d.When.Of, ErrInvalid, "only the valid votes are known as a denominator")
		}
		gi, ok := g.grade(ps, path+".grade", d.Grade)
		switch d.Effect {
		case SetGrade, CapGrade:
		case NotGrade:
			if ok && gi == len(g.p.Grades)-1 {
				ps.addf(path+".grade", d.Grade, ErrInvalid, "barring the lowest grade leaves nowhere to fall")
			}
		default:
			ps.addf(path+".effect", string(d.Effect), ErrInvalid, "want set_grade, cap_grade or not_grade")
		}
		if d.Reason == "" {
			ps.addf(path+".reason", d.ID, ErrInvalid, "a rule gives its reason")
		}
		g.ref(ps, path+".source", d.Source, true)
	}
}

func (g *Grader) checkKeys(ps *problems) {
	for i, k := range g.p.TieBreak {
		path := "tieBreak[" + strconv.Itoa(i) + "]"
		switch k.By {
		case TieComponent:
			if k.Component == "" {
				ps.addf(path+".component", "", ErrInvalid, "a component key names the component")
			}
		case TieBallots:
			if k.Level == "" {
				ps.addf(path+".level", "", ErrInvalid, "a ballots key names the level")
			}
		case TieBonus:
		case TieSubject:
			if i != len(g.p.TieBreak)-1 {
				ps.addf(path+".by", string(k.By), ErrInvalid, "the subject ID is only the last key")
			}
			if k.Order == Desc {
				ps.addf(path+".order", string(k.Order), ErrInvalid, "subject IDs sort ascending")
			}
		default:
			ps.addf(path+".by", string(k.By), ErrInvalid, "want component, bonus, ballots or subject")
		}
		if k.By != TieComponent && k.Component != "" {
			ps.addf(path+".component", k.Component, ErrInvalid, "only a component key names a component")
		}
		if k.By != TieBallots && k.Level != "" {
			ps.addf(path+".level", k.Level, ErrInvalid, "only a ballots key names a level")
		}
		switch k.Order {
		case "", Desc, Asc:
		default:
			ps.addf(path+".order", string(k.Order), ErrInvalid, "want desc or asc")
		}
	}
	g.keys = g.p.TieBreak
}

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
		return nil, ps.list
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
		return nil, ps.list
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
		return nil, ps.list
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
			valid += int64(v.Count)
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
				Allowed: allowed, Demoted: demoted[gi], Recommended: rec[gi], Final: final[gi], Source: g.source(q.Source)}
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

// The source of the star preset (ASSESSMENT-PRACTICE.md §A2.7).
const (
	docStar2023 = "2023年党支部评星定级办法（某市，地名隐去）"
	urlStar2023 = "wm114.cn/wen/238/474775.html"
	srcStar2023 = "star-2023"
)

// StarRating returns a 党支部评星定级 policy (a fresh value) after one city's
// 2023 办法 (local practice, wording verified): 五星 from 90, 四星 80, 三星
// 70, 二星 60, 一星 below 60, and 五星 at most 30 % of the branches
// ("五星级党支部每年评定数量不超过总数的30%", [dangjian.Must]).
//
// The text writes the bands as integers ("80（含）—89分"); they are read as
// half-open intervals [80, 90), so 89.5 is 四星 and no total falls between
// bands. The count is floored; ties at the cut-off are all left out; ranks
// are competition ranks. Other places use other stars and shares (五星创评
// about 10 %; 星级化管理 10 / 40 / 30 %): copy and edit the policy.
func StarRating() GradePolicy {
	return GradePolicy{
		Name: "党支部评星定级",
		Note: "local practice (one city, 2023); bands read as half-open intervals; count floored and ties all_out are the library's readings",
		Sources: []Source{{ID: srcStar2023, Source: dangjian.Source{Doc: docStar2023, URL: urlStar2023, Confidence: dangjian.LocalPractice,
			Note: "一般总分为90分（含）以上可评定为五星级…60分以下…一星级; 五星级党支部每年评定数量不超过总数的30%"}}},
		Grades: []string{"五星", "四星", "三星", "二星", "一星"},
		Bands: []Band{
			{Grade: "五星", From: MustNum("90")},
			{Grade: "四星", From: MustNum("80"), To: MustNum("90")},
			{Grade: "三星", From: MustNum("70"), To: MustNum("80")},
			{Grade: "二星", From: MustNum("60"), To: MustNum("70")},
			{Grade: "一星", From: MustNum("0"), To: MustNum("60")},
		},
		Quotas: []Quota{{Grade: "五星", Max: MustShare("0.3"), Count: CountFloor, Ties: TiesAllOut, Base: BaseGraded,
			Modality: dangjian.Must, Source: srcStar2023, Note: "五星级党支部每年评定数量不超过总数的30%"}},
		Ranking: Competition,
	}
}

// MarshalJSON encodes the graded subject with its fields' keys, the total
// as a decimal string, and "exactFractions" ({"total": "2898/31"}) when
// the total is not a decimal.
func (g Graded) MarshalJSON() ([]byte, error) {
	type plain Graded
	return json.Marshal(struct {
		plain
		ExactFractions map[string]string `json:"exactFractions,omitempty"`
	}{plain(g), fractions("total", g.Total)})
}

// UnmarshalJSON decodes what MarshalJSON encodes, taking the exact total
// from "exactFractions".
func (g *Graded) UnmarshalJSON(b []byte) error {
	type plain Graded
	w := struct {
		*plain
		ExactFractions map[string]Score `json:"exactFractions"`
	}{plain: (*plain)(g)}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	if s, ok := w.ExactFractions["total"]; ok {
		g.Total = s
	}
	return nil
}
