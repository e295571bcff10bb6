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
// no rule IDs: every number that a part of a scheme carries is an entry
// whose ID is the scheme name and the path of the part
// ("yanji-shuzhi/daily/sanshi/yashi/work_day"), with the source the part
// cites.
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

// scheme catalogues the scheme called name, returned by table.
func (c *collector) scheme(name, table string, s assess.Scheme) {
	family := "Reference scheme " + name
	ct := newCites(c, s.Name, s.Sources)
	c.note("assess", family, s.Note, s.Sources)
	add := func(id, value, src, wording string) {
		c.add(Entry{Area: "assess", Family: family, Table: table, ID: name + "/" + id, Value: value,
			Source: ct.of(name+"/"+id, src), Wording: wording})
	}
	if len(s.Rounding) > 0 {
		rs := make([]string, len(s.Rounding))
		for i, r := range s.Rounding {
			rs[i] = fmt.Sprintf("%s to %d places %s", r.At, r.Places, r.Mode)
		}
		add("rounding", strings.Join(rs, "; "), "", "")
	}
	for _, comp := range s.Components {
		add(comp.ID, "weight "+comp.Weight.String()+", max "+comp.Max.String(), comp.Source, comp.Name)
		for _, ind := range comp.Indicators {
			c.indicator(add, comp.ID, ind)
		}
	}
	for _, pool := range []struct {
		id string
		b  *assess.Bonus
	}{{"bonus", s.Bonus}, {"extra", s.Extra}} {
		if pool.b == nil {
			continue
		}
		add(pool.id, "at most "+pool.b.Cap.String()+" in all", pool.b.Source, "")
		for _, it := range pool.b.Items {
			add(pool.id+"/"+it.ID, item(it), it.Source, it.Name)
		}
	}
	for _, g := range s.Gates {
		add("gates/"+g.ID, gate(g.Flag, g.Effect, g.Grade), g.Source, g.Reason)
	}
	if len(s.Bands) > 0 {
		add("bands", bands(s.Bands), "", "")
	}
}

func (c *collector) indicator(add func(id, value, src, wording string), parent string, ind assess.Indicator) {
	path := parent + "/" + ind.ID
	mx := "max " + ind.Max.String()
	if len(ind.Children) > 0 {
		add(path, mx+" (the sum of its children)", ind.Source, ind.Name)
		for _, ch := range ind.Children {
			c.indicator(add, path, ch)
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
		add(path, mx+"; the input points", ind.Source, ind.Name)
	case assess.Ratio:
		add(path, mx+"; actual ÷ "+m.Target.String()+" × max", ind.Source, ind.Name)
	case assess.Checklist:
		add(path, mx+"; checklist", ind.Source, ind.Name)
		for _, it := range m.Items {
			add(path+"/"+it.ID, item(it), it.Source, it.Name)
		}
	case assess.Deductions:
		add(path, mx+"; deductions, not below 0", ind.Source, ind.Name)
		for _, cl := range m.Clauses {
			add(path+"/"+cl.ID, clause(cl), cl.Source, cl.Name)
		}
	case assess.Votes:
		v := mx + "; votes " + levels(m.Levels) + " on a scale of " + m.Scale.String()
		if m.Unknown != "" {
			v += ", " + m.Unknown + " not a valid vote"
		}
		gs := make([]string, len(m.Groups))
		for i, g := range m.Groups {
			gs[i] = fmt.Sprintf("%s weight %s", g.ID, g.Weight)
			if g.MinRaters != 0 {
				gs[i] += fmt.Sprintf(" (at least %d raters)", g.MinRaters)
			}
		}
		add(path, v+"; groups "+strings.Join(gs, ", "), ind.Source, ind.Name)
	case assess.TableMethod:
		if m.Table == nil {
			c.fail("%s: a table method without a table", path)
			return
		}
		ins := make([]string, len(m.Table.Inputs))
		for i, in := range m.Table.Inputs {
			ins[i] = in.Name
		}
		add(path, fmt.Sprintf("%s; decision table on %s, hit policy %s", mx, strings.Join(ins, ", "), m.Table.HitPolicy), ind.Source, ind.Name)
		for _, r := range m.Table.Rules {
			add(path+"/"+r.ID, "when "+strings.Join(r.When, " | ")+": "+r.Points.String(), r.Source, "")
		}
	default:
		c.fail("%s: method %q is not catalogued", path, m.Kind)
	}
}

func item(it assess.Item) string {
	v := it.Points.String() + " each"
	if it.Cap.IsSet() {
		v += ", at most " + it.Cap.String()
	}
	return v
}

func clause(cl assess.Clause) string {
	var v string
	switch {
	case len(cl.Levels) > 0:
		v = "by level: " + levels(cl.Levels)
	case cl.Threshold.IsSet():
		v = cl.PerPoint.String() + " per percentage point below " + cl.Threshold.String()
		if cl.Proportional {
			v += " (proportional)"
		} else {
			v += " (whole points)"
		}
	default:
		v = cl.Points.String() + " per occurrence"
	}
	if cl.Cap.IsSet() {
		v += ", at most " + cl.Cap.String()
	}
	return v
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
		add("bands", bands(p.Bands), "", "", "")
	}
	for _, q := range p.Quotas {
		v := fmt.Sprintf("at most %s of the %s base (count %s, ties %s)", q.Max, q.Base, q.Count, q.Ties)
		add("quota/"+q.Grade, v, modality(q.Modality), q.Source, q.Note)
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
