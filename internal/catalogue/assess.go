package catalogue

import (
	"fmt"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
	"github.com/dangjian-go/dangjian/place/yanji"
)

// assess catalogues the reference schemes of assess and of the places
// (place/yanji's yanji-shuzhi), and their grading policies. Schemes have
// no rule IDs: every part of a scheme is an entry whose ID is the scheme
// name and the path of the part ("yanji-shuzhi/daily/sanshi/yashi/work_day"),
// with the source the part cites, and every number it carries an entry
// whose ID adds "#" and the field ("…/work_day#cap"), with its own source
// (see scheme).
func (c *collector) assess() {
	for _, name := range assess.ReferenceNames() {
		s, err := assess.Reference(name)
		if err != nil {
			c.fail("%w", err)
			continue
		}
		c.scheme(name, fmt.Sprintf("assess.Reference(%q)", name), s)
		p, err := assess.ReferencePolicy(name)
		if err != nil {
			c.fail("%w", err)
			continue
		}
		c.policy(name, fmt.Sprintf("assess.ReferencePolicy(%q)", name), p)
	}
	s, err := yanji.Scheme()
	if err != nil {
		c.fail("%w", err)
		return
	}
	c.scheme(yanji.SchemeName, "yanji.Scheme", s)
	c.policy(yanji.SchemeName, "yanji.Policy", yanji.Policy())
}

// cites resolves the source IDs of one scheme or policy.
type cites struct {
	c       *collector
	owner   string // the scheme or policy name, for uncited entries
	sources map[string]dangjian.Source
}

func newCites(c *collector, owner string, srcs []assess.Source) cites {
	m := make(map[string]dangjian.Source, len(srcs))
	for _, s := range srcs {
		m[s.ID] = s.Source
	}
	return cites{c: c, owner: owner, sources: m}
}

// of returns the citation for a source ID; "" gives an [Uncited] entry.
func (ct cites) of(path, id string) Source {
	if id == "" {
		return Source{Doc: ct.owner, Article: "note", Confidence: Uncited,
			Note: "the data cites no source for this part; the note of its scheme or policy says which numbers are the library's own"}
	}
	s, ok := ct.sources[id]
	if !ok {
		ct.c.fail("%s cites unknown source %q", path, id)
		return Source{}
	}
	out := source(s)
	out.Note = parts("source "+id, out.Note)
	return out
}

// note records the note and the sources of a scheme or policy.
func (c *collector) note(area, family, note string, srcs []assess.Source) {
	fn := FamilyNote{Area: area, Family: family, Note: oneLine(note)}
	for _, s := range srcs {
		fn.Sources = append(fn.Sources, SourceRef{ID: s.ID, Source: source(s.Source)})
	}
	if fn.Note != "" || len(fn.Sources) > 0 {
		c.notes = append(c.notes, fn)
	}
}

// scheme catalogues the scheme called name, returned by table. Each part
// is an entry cited to the part's source, its value saying what the part
// does; each number of the part is an entry of its own, ID the part's
// and "#" and the field ("yanji-shuzhi/review/ceping#levels",
// "yanji-shuzhi/review/ceping/groups/leaders#weight"), cited to the
// source the part's cites name for it, else to the part's.
func (c *collector) scheme(name, table string, s assess.Scheme) {
	family := "Reference scheme " + name
	ct := newCites(c, s.Name, s.Sources)
	c.note("assess", family, s.Note, s.Sources)
	add := func(id, value, src, wording string) {
		c.add(Entry{Area: "assess", Family: family, Table: table, ID: name + "/" + id, Value: value,
			Source: ct.of(name+"/"+id, src), Wording: wording})
	}
	// num adds the entry of one number of the part id, whose source is
	// src and whose cites are cites.
	num := func(id, field, value, src string, cites map[string]string) {
		if own, ok := cites[field]; ok {
			src = own
		}
		add(id+"#"+field, value, src, "")
	}
	if len(s.Rounding) > 0 {
		rs := make([]string, len(s.Rounding))
		for i, r := range s.Rounding {
			rs[i] = fmt.Sprintf("%s to %d places %s", r.At, r.Places, r.Mode)
		}
		add("rounding", strings.Join(rs, "; "), s.Cites["rounding"], "")
	}
	for _, comp := range s.Components {
		add(comp.ID, "component: the sum of its indicators, weighted into the total", comp.Source, comp.Name)
		num(comp.ID, "weight", comp.Weight.String(), comp.Source, comp.Cites)
		num(comp.ID, "max", comp.Max.String(), comp.Source, comp.Cites)
		for _, ind := range comp.Indicators {
			c.indicator(add, num, comp.ID, ind)
		}
	}
	for _, pool := range []struct {
		id string
		b  *assess.Bonus
	}{{"bonus", s.Bonus}, {"extra", s.Extra}} {
		if pool.b == nil {
			continue
		}
		add(pool.id, "a pool of bonus points added to the total, capped", pool.b.Source, "")
		num(pool.id, "cap", pool.b.Cap.String(), pool.b.Source, pool.b.Cites)
		for _, it := range pool.b.Items {
			item(add, num, pool.id+"/"+it.ID, "bonus item: points per occurrence", it)
		}
	}
	for _, g := range s.Gates {
		add("gates/"+g.ID, gate(g.Flag, g.Effect, ""), g.Source, g.Reason)
		if g.Grade != "" {
			num("gates/"+g.ID, "grade", g.Grade, g.Source, g.Cites)
		}
	}
	if len(s.Bands) > 0 {
		add("bands", bands(s.Bands), s.Cites["bands"], "")
	}
}

type (
	addFunc func(id, value, src, wording string)
	numFunc func(id, field, value, src string, cites map[string]string)
)

func (c *collector) indicator(add addFunc, num numFunc, parent string, ind assess.Indicator) {
	path := parent + "/" + ind.ID
	maxNum := func() { num(path, "max", ind.Max.String(), ind.Source, ind.Cites) }
	if len(ind.Children) > 0 {
		add(path, "the sum of its children", ind.Source, ind.Name)
		maxNum()
		for _, ch := range ind.Children {
			c.indicator(add, num, path, ch)
		}
		return
	}
	m := ind.Method
	if m == nil {
		c.fail("%s: a leaf without a method", path)
		return
	}
	switch m.Kind {
	case assess.Direct:
		add(path, "the input points, within [0, max]", ind.Source, ind.Name)
		maxNum()
	case assess.Ratio:
		add(path, "actual ÷ target × max, at most max", ind.Source, ind.Name)
		maxNum()
		num(path, "target", m.Target.String(), ind.Source, ind.Cites)
	case assess.Checklist:
		add(path, "checklist: the points of the items checked, at most max", ind.Source, ind.Name)
		maxNum()
		for _, it := range m.Items {
			item(add, num, path+"/"+it.ID, "checklist item", it)
		}
	case assess.Deductions:
		add(path, "deductions from max, not below 0", ind.Source, ind.Name)
		maxNum()
		for _, cl := range m.Clauses {
			clause(add, num, path+"/"+cl.ID, cl)
		}
	case assess.Votes:
		gs := make([]string, len(m.Groups))
		for i, g := range m.Groups {
			gs[i] = g.ID
		}
		add(path, "votes: each rater group's points per valid vote averaged, the groups weighted, scaled to max; groups "+strings.Join(gs, ", "),
			ind.Source, ind.Name)
		maxNum()
		num(path, "levels", levels(m.Levels), ind.Source, ind.Cites)
		num(path, "scale", m.Scale.String(), ind.Source, ind.Cites)
		if m.Unknown != "" {
			num(path, "unknown", m.Unknown+" not a valid vote", ind.Source, ind.Cites)
		}
		for _, g := range m.Groups {
			gp := path + "/groups/" + g.ID
			num(gp, "weight", g.Weight.String(), ind.Source, g.Cites)
			if g.MinRaters != 0 {
				num(gp, "minRaters", fmt.Sprintf("at least %d raters", g.MinRaters), ind.Source, g.Cites)
			}
		}
	case assess.TableMethod:
		if m.Table == nil {
			c.fail("%s: a table method without a table", path)
			return
		}
		ins := make([]string, len(m.Table.Inputs))
		for i, in := range m.Table.Inputs {
			ins[i] = in.Name
		}
		add(path, fmt.Sprintf("decision table on %s, hit policy %s", strings.Join(ins, ", "), m.Table.HitPolicy), ind.Source, ind.Name)
		maxNum()
		for _, r := range m.Table.Rules {
			add(path+"/"+r.ID, "when "+strings.Join(r.When, " | ")+": "+r.Points.String(), r.Source, "")
		}
	default:
		c.fail("%s: method %q is not catalogued", path, m.Kind)
	}
}

// item catalogues a checklist or bonus item: the item, its points and its
// cap.
func item(add addFunc, num numFunc, id, what string, it assess.Item) {
	add(id, what, it.Source, it.Name)
	num(id, "points", it.Points.String(), it.Source, it.Cites)
	if it.Cap.IsSet() {
		num(id, "cap", "at most "+it.Cap.String(), it.Source, it.Cites)
	}
}

// clause catalogues a deduction clause: its form and each of its numbers.
func clause(add addFunc, num numFunc, id string, cl assess.Clause) {
	switch {
	case len(cl.Levels) > 0:
		add(id, "deduction by severity level", cl.Source, cl.Name)
		num(id, "levels", levels(cl.Levels), cl.Source, cl.Cites)
	case cl.Threshold.IsSet():
		form := "deduction per percentage point below the threshold (whole points)"
		if cl.Proportional {
			form = "deduction per percentage point below the threshold (proportional)"
		}
		add(id, form, cl.Source, cl.Name)
		num(id, "threshold", cl.Threshold.String(), cl.Source, cl.Cites)
		num(id, "perPoint", cl.PerPoint.String()+" per percentage point", cl.Source, cl.Cites)
	default:
		add(id, "deduction per occurrence", cl.Source, cl.Name)
		num(id, "points", cl.Points.String()+" per occurrence", cl.Source, cl.Cites)
	}
	if cl.Cap.IsSet() {
		num(id, "cap", "at most "+cl.Cap.String(), cl.Source, cl.Cites)
	}
}

func levels(ls []assess.Level) string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = l.Name + " " + l.Points.String()
	}
	return strings.Join(out, ", ")
}

func gate(flag string, e assess.GateEffect, grade string) string {
	return "flag " + flag + ": " + effect(e, grade)
}

func effect(e assess.GateEffect, grade string) string {
	if grade == "" {
		return string(e)
	}
	return string(e) + " " + grade
}

func bands(bs []assess.Band) string {
	out := make([]string, len(bs))
	for i, b := range bs {
		to := "…"
		if b.To.IsSet() {
			to = b.To.String()
		}
		out[i] = fmt.Sprintf("%s [%s, %s)", b.Grade, b.From, to)
	}
	return strings.Join(out, "; ")
}

// policy catalogues the grading policy of the scheme called name,
// returned by table.
func (c *collector) policy(name, table string, p assess.GradePolicy) {
	family := "Grading policy " + name
	ct := newCites(c, p.Name, p.Sources)
	c.note("assess", family, p.Note, p.Sources)
	add := func(id, value, mod, src, wording string) {
		c.add(Entry{Area: "assess", Family: family, Table: table, ID: name + "/policy/" + id, Value: value, Modality: mod,
			Source: ct.of(name+"/policy/"+id, src), Wording: wording})
	}
	if len(p.Bands) > 0 {
		add("bands", bands(p.Bands), "", p.Cites["bands"], "")
	}
	// A quota's entry is its share, cited to the source its cites name
	// for max, else to its own; its count rounding, tie policy and base
	// are entries of their own (quota/优秀#count).
	for _, q := range p.Quotas {
		src := func(field string) string {
			if own, ok := q.Cites[field]; ok {
				return own
			}
			return q.Source
		}
		id := "quota/" + q.Grade
		add(id, fmt.Sprintf("at most %s", q.Max), modality(q.Modality), src("max"), q.Note)
		count := q.Count
		if count == "" {
			count = assess.CountFloor
		}
		add(id+"#count", "the count rounded "+string(count), "", src("count"), "")
		add(id+"#ties", "ties at the cut-off "+string(q.Ties), "", src("ties"), "")
		base := q.Base
		if base == "" {
			base = assess.BaseGraded
		}
		v := "of the " + string(base) + " subjects"
		if r := q.Reading; r != nil {
			v += fmt.Sprintf("; the text says %s, literally %s (GradePolicy.Literal)", r.Text, r.Literal)
		}
		add(id+"#base", v, "", src("base"), "")
	}
	for _, d := range p.Downgrades {
		of := d.When.Of
		if of == "" {
			of = "valid"
		}
		v := fmt.Sprintf("when the share of %s among %s votes is %s %s: %s", d.When.Level, of, d.When.Compare, d.When.Share, effect(d.Effect, d.Grade))
		add("downgrade/"+d.ID, v, "", d.Source, d.Reason)
	}
	ranking := p.Ranking
	if ranking == "" {
		ranking = assess.Competition
	}
	var per string
	if p.PerCategory {
		per = "within each category"
	}
	keys := make([]string, len(p.TieBreak))
	for i, k := range p.TieBreak {
		keys[i] = string(k.By)
		switch {
		case k.Component != "":
			keys[i] += " " + k.Component
		case k.Level != "":
			keys[i] += " " + k.Level
		}
		if k.Order != "" {
			keys[i] += " " + string(k.Order)
		}
	}
	add("ranking", parts(string(ranking)+" ranks", per, labelled("ties broken by", strings.Join(keys, ", ")),
		labelled("no_award gates bar", strings.Join(p.AwardGrades, ", "))), "", "", "")
	if u := p.Ungraded; u != nil {
		add("ungraded", parts(labelled("categories", strings.Join(u.Categories, ", ")), labelled("subjects", strings.Join(u.Subjects, ", ")))+": scored, not graded",
			"", u.Source, u.Reason)
	}
}
