package catalogue

import (
	"errors"
	"fmt"
	"strings"

	"github.com/dangjian-go/dangjian"
)

// Uncited is the confidence mark of an entry whose number the data cites no
// source for (a grading policy's ranking; a scheme's bands or rounding
// points where the scheme's cites name no source); the scheme's note says
// which of its numbers are the library's own. It is the
// only mark of the catalogue that is not a [dangjian.Confidence].
const Uncited = "uncited"

// Entry is one rule of the catalogue: where it lives, its ID, its value as
// exact text, its window and its source.
type Entry struct {
	// Area is the package the rule belongs to: "orgmodel", "orglife",
	// "funding", "assess" or "due".
	Area string `json:"area"`
	// Family names the rule family: one table of RULES.md.
	Family string `json:"family"`
	// Table names the exported function(s) that return the rule.
	Table string `json:"table"`
	// ID is the rule's stable ID. For assess reference schemes, which
	// have no rule IDs, it is the scheme name and the path of the part,
	// and for one number of the part "#" and the field ("…/work_day#cap").
	ID string `json:"id"`
	// Value is the rule's threshold, rate, amount or bounds as exact text.
	Value string `json:"value"`
	// Scope says what the rule applies to, where the rule selects.
	Scope string `json:"scope,omitempty"`
	// Modality is the code of the rule's modality, where it has one.
	Modality string `json:"modality,omitempty"`
	// Period is the effective window; empty dates are open ends.
	Period Period `json:"period"`
	// Source is the citation.
	Source Source `json:"source"`
	// Wording quotes the rule's text, where the table holds it.
	Wording string `json:"wording,omitempty"`
}

// Period is the half-open window [From, To) as ISO dates; "" is open.
type Period struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// Source is the citation of an entry. Confidence is a [dangjian.Confidence]
// code or [Uncited].
type Source struct {
	Doc        string `json:"doc"`
	Article    string `json:"article,omitempty"`
	URL        string `json:"url,omitempty"`
	Confidence string `json:"confidence"`
	Note       string `json:"note,omitempty"`
}

func period(p dangjian.Period) Period { return Period{From: p.From.String(), To: p.To.String()} }

func source(s dangjian.Source) Source {
	return Source{Doc: s.Doc, Article: s.Article, URL: s.URL, Confidence: s.Confidence.String(), Note: s.Note}
}

// header fills an entry's ID, period and source from a rule header.
func header(e Entry, h dangjian.Rule) Entry {
	e.ID = h.ID
	e.Period = period(h.Period)
	e.Source = source(h.Source)
	return e
}

func modality(m dangjian.Modality) string { return m.String() }

// Catalogue is every rule of the module, with notes on the families whose
// tables carry one.
type Catalogue struct {
	Rules []Entry `json:"rules"`
	// Notes are the notes of the families that have one: an assess
	// reference scheme's or policy's note and its list of sources.
	Notes []FamilyNote `json:"notes"`
}

// FamilyNote is what a table says about itself: an assess scheme's note
// (which of its numbers are the library's own) and the sources its parts
// cite by ID.
type FamilyNote struct {
	Area    string      `json:"area"`
	Family  string      `json:"family"`
	Note    string      `json:"note,omitempty"`
	Sources []SourceRef `json:"sources,omitempty"`
}

// SourceRef is a source with the ID that parts of a scheme cite it by.
type SourceRef struct {
	ID string `json:"id"`
	Source
}

// Build walks every rule table of the module, in a fixed order (orgmodel,
// orglife, funding, assess, due; each table in the order its function returns it), and
// returns one entry per rule. A rule that two tables share (the dues scales
// of 2008 and 2017) is listed once, naming both tables; a shared ID whose
// content differs between the tables is an error, as is a table that
// cannot be read. The result is the same on every call.
func Build() (Catalogue, error) {
	var c collector
	c.orgmodel()
	c.orglife()
	c.funding()
	c.assess()
	c.due()
	if len(c.errs) > 0 {
		return Catalogue{}, errors.Join(c.errs...)
	}
	return Catalogue{Rules: c.entries, Notes: c.notes}, nil
}

// collector gathers the entries, merging a rule that several tables share.
type collector struct {
	entries []Entry
	notes   []FamilyNote
	index   map[string]int
	errs    []error
}

func (c *collector) fail(format string, args ...any) {
	c.errs = append(c.errs, fmt.Errorf("catalogue: "+format, args...))
}

// add appends e, or, when an entry with e's ID is already in, adds e's
// table to it if everything else is the same and reports an error if not.
func (c *collector) add(e Entry) {
	if c.index == nil {
		c.index = map[string]int{}
	}
	e.Value = oneLine(e.Value)
	e.Scope = oneLine(e.Scope)
	if i, ok := c.index[e.ID]; ok {
		prev := c.entries[i]
		cmp := prev
		cmp.Table = e.Table
		if cmp != e {
			c.fail("rule %q differs between %s and %s", e.ID, prev.Table, e.Table)
			return
		}
		if !strings.Contains(", "+prev.Table+", ", ", "+e.Table+", ") {
			c.entries[i].Table = prev.Table + ", " + e.Table
		}
		return
	}
	c.index[e.ID] = len(c.entries)
	c.entries = append(c.entries, e)
}

// oneLine folds runs of white space (new lines included) to one space.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// list joins the codes of values with ", ".
func list[T fmt.Stringer](xs []T) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = x.String()
	}
	return strings.Join(parts, ", ")
}

// parts joins the non-empty parts with "; ".
func parts(ps ...string) string {
	var out []string
	for _, p := range ps {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "; ")
}

// labelled returns "label value", or "" when value is "".
func labelled(label, value string) string {
	if value == "" {
		return ""
	}
	return label + " " + value
}
