package assess

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/rat"
)

// Grader is a compiled [GradePolicy]. Build it once with [NewGrader] and
// grade many cohorts with [Grader.Grade]. A Grader is immutable and safe
// for concurrent use by multiple goroutines.
type Grader struct {
	p       GradePolicy
	index   map[string]int
	sources map[string]dangjian.Source
	quotas  []*Quota // by grade index
	// quotaCites: the sources of each quota's numbers, by grade index
	quotaCites [][]Cite
	quotaIdx   []int   // by grade index: the quota's index in the policy
	bands      []pBand // best first
	keys       []TieKey
	ungCat     map[string]bool
	ungSub     map[string]bool
	award      []bool // by grade index
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
	g.quotas, g.quotaIdx, g.award, g.quotaCites = make([]*Quota, n), make([]int, n), make([]bool, n), make([][]Cite, n)
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
	for _, f := range sortedKeys(g.p.Cites) {
		switch {
		case f != "bands":
			ps.addf("cites."+f, f, dangjian.ErrUnknownField, "a policy cites only bands")
		case len(g.p.Bands) == 0:
			ps.addf("cites."+f, f, ErrInvalid, "the policy sets no bands to cite")
		default:
			g.ref(ps, "cites."+f, g.p.Cites[f], true)
		}
	}
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
		if r := q.Reading; r != nil {
			switch {
			case r.Literal != BaseGraded && r.Literal != BaseAll:
				ps.addf(path+".reading.literal", string(r.Literal), ErrInvalid, "want graded or all")
			case r.Text == "":
				ps.addf(path+".reading.text", "", ErrInvalid, "a reading quotes the base as its text words it")
			}
		}
		if q.Modality != dangjian.Must && q.Modality != dangjian.Usually && q.Modality != dangjian.May {
			ps.addf(path+".modality", q.Modality.String(), ErrInvalid, "a quota says how binding it is: must (不超过) or usually (一般不超过)")
		}
		g.ref(ps, path+".source", q.Source, true)
		for _, f := range sortedKeys(q.Cites) {
			if !slices.Contains(quotaNums, f) {
				ps.addf(path+".cites."+f, f, dangjian.ErrUnknownField, "a quota cites only %s", joinOr(quotaNums))
				continue
			}
			g.ref(ps, path+".cites."+f, q.Cites[f], true)
		}
		if gi, ok := g.index[q.Grade]; ok && g.quotas[gi] == q {
			var cs []Cite
			for _, f := range quotaNums {
				id := q.Source
				if own, ok := q.Cites[f]; ok && own != "" {
					id = own
				}
				if src := g.source(id); src != nil {
					cs = append(cs, Cite{ID: q.Grade, Of: f, Source: src})
				}
			}
			g.quotaCites[gi] = cs
		}
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
