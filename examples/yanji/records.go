package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
	"github.com/dangjian-go/dangjian/bridge"
	"github.com/dangjian-go/dangjian/funding/dues"
	"github.com/dangjian-go/dangjian/orglife"
	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/dangjian-go/dangjian/place/yanji"
)

// records is what the library finds in the city's own records for the
// assessment year: orglife over a year of generated meeting records
// ([yanji.Meetings]), funding/dues' arrears over a year of generated dues
// ledgers ([yanji.DuesLedgers]; the city's records have no payments, so
// these are deterministic illustrative ones) and orgmodel's findings as of
// the year's last day, each indexed by the caller's id of its
// organization.
type records struct {
	year     int
	rules    orglife.RuleSet
	meetings int
	counted  int64
	summary  []orglife.Tally
	findings map[string][]dangjian.Finding // orglife, orgmodel and dues findings, by organization
	periods  map[string][]orglife.PeriodCount
	lapses   int // members with a lapse of six months or more
	members  int // ledgers read
}

// readRecords checks the year's records of the city.
func readRecords(t *orgmodel.Tree, year int) (*records, error) {
	r := &records{year: year, rules: orglife.NationalRules(), findings: map[string][]dangjian.Finding{}, periods: map[string][]orglife.PeriodCount{}}
	from, to := dangjian.NewDate(year, 1, 1), dangjian.NewDate(year+1, 1, 1)
	c, err := orglife.NewChecker(t, r.rules, from, to, orglife.Options{})
	if err != nil {
		return nil, err
	}
	ms := yanji.Meetings(t, year)
	r.meetings = len(ms)
	for _, m := range ms {
		if err := c.Add(m); err != nil {
			return nil, err
		}
	}
	r.counted = c.Meetings()
	r.summary = c.Summary()
	for pc := range c.Periods() {
		r.periods[pc.Org] = append(r.periods[pc.Org], pc)
	}
	for _, f := range c.Findings() {
		if f.Field == "period" {
			continue // shortfalls are read from the periods
		}
		r.findings[f.Subject] = append(r.findings[f.Subject], f)
	}
	yearEnd := to.AddDays(-1)
	rep, err := orgmodel.Validate(t, yanji.Rules(), yearEnd)
	if err != nil {
		return nil, err
	}
	for _, f := range rep.Findings {
		r.findings[f.Subject] = append(r.findings[f.Subject], f)
	}
	rules := dues.Rules2017()
	for _, l := range yanji.DuesLedgers(t, year) {
		fs, err := rules.Arrears(l.Member, l.Payments, yearEnd)
		if err != nil {
			return nil, err
		}
		r.members++
		for _, f := range fs {
			if f.Rule == "DUES-LAPSE-6" {
				r.lapses++
			}
			r.findings[l.Org] = append(r.findings[l.Org], f)
		}
	}
	return r, nil
}

// of gathers the record of the organizations under (and including) the
// organization o.
func (r *records) of(t *orgmodel.Tree, o orgmodel.Org) bridge.Record {
	rec := bridge.Record{LifeRules: &r.rules}
	for _, sub := range t.Subtree(o.ID) {
		id := t.IDText(sub.ID)
		rec.Findings = append(rec.Findings, r.findings[id]...)
		rec.Periods = append(rec.Periods, r.periods[id]...)
	}
	return rec
}

// printLife prints the organizational-life section: per type, what the
// city's organizations owed, held and missed over the year, and the
// quorum failures.
func printLife(w io.Writer, c *city) {
	r := c.records
	fmt.Fprintf(w, "rules %s; year %d; %d meeting records generated (illustrative: yanji.Meetings), %d counted\n",
		r.rules.Name, r.year, r.meetings, r.counted)
	type sum struct{ required, held, short, quorum, orgsShort int }
	byType := map[orglife.Type]*sum{}
	for _, tl := range r.summary {
		s := byType[tl.Type]
		if s == nil {
			s = &sum{}
			byType[tl.Type] = s
		}
		s.required += tl.Required
		s.held += tl.Held
		s.short += tl.Shortfall
		s.quorum += tl.QuorumFailures
		if tl.Shortfall > 0 {
			s.orgsShort++
		}
	}
	fmt.Fprintf(w, "  %-30s %8s %6s %6s %11s %7s\n", "type", "required", "held", "short", "orgs short", "quorum")
	for _, ty := range orglife.Types() {
		s := byType[ty]
		if s == nil {
			continue
		}
		fmt.Fprintf(w, "  %s %8d %6d %6d %11d %7d\n", padDisplay(ty.Label()+" "+ty.String(), 30), s.required, s.held, s.short, s.orgsShort, s.quorum)
	}
	fmt.Fprintf(w, "dues (illustrative ledgers: yanji.DuesLedgers): %d members, %d with six months or more unpaid at the year's end (DUES-LAPSE-6)\n",
		r.members, r.lapses)
}

// standIn is the input the records cannot give, the same for every
// secretary, so that the ranking differs only by what the records show:
// the assessment group's 现场评分 (pinpai), the ratios (jianshi,
// baozhang), the platform's use, the checklist items no record speaks
// to, the democratic-review votes, no bonus and no gate.
func standIn(code, category string) assess.Subject {
	b := func(counts map[string]int) assess.Ballots { return assess.Ballots{Counts: counts} }
	return assess.Subject{ID: code, Category: category,
		Values: map[string]assess.Num{"jianshi": assess.MustNum("95"), "baozhang": assess.MustNum("100"), "pinpai": assess.MustNum("8")},
		Checked: map[string][]string{
			"yanshi": {"documents", "organs_in_community", "four_lists", "four_level", "cadres_serve"},
			"duiwu":  {"first_secretary", "reserve_pool", "community_workers", "nonpublic_instructors"},
			"fuwu":   {"creation_targets", "service_posts", "service_actions", "joint_agreements"},
		},
		Events: map[string][]assess.Event{"zhendi": {{Clause: "platform_use", Value: assess.MustNum("95")}}},
		Votes: map[string]map[string]assess.Ballots{"ceping": {
			"leaders": b(map[string]int{"好": 2, "较好": 1}),
			"members": b(map[string]int{"好": 7, "较好": 3, "一般": 1}),
			"masses":  b(map[string]int{"好": 6, "较好": 4, "一般": 1, "不了解": 1}),
		}},
	}
}

// lineTags abbreviates the mapping lines in the ranking.
var lineTags = map[string]string{"three_one_short": "会", "yearly_short": "年", "quorum_failed": "法", "term_overdue": "届", "dues_lapse": "费"}

// appliedText renders what the records put into a secretary's input:
// "会4 费1" (meetings short, dues lapses, …).
func appliedText(as []bridge.Applied) string {
	var parts []string
	for _, a := range as {
		parts = append(parts, fmt.Sprintf("%s%d", lineTags[a.Line], a.Units))
	}
	return strings.Join(parts, " ")
}

// printTrace prints the deductions of one secretary with the findings
// that caused them.
func printTrace(w io.Writer, a *assessment, code string) {
	as := a.applied[code]
	fmt.Fprintf(w, "trace of %s %s (%s):\n", code, a.orgs[code].Name, a.results[code].Total)
	for _, ap := range as {
		fmt.Fprintf(w, "  %s ← line %s: %d units, %d events\n", ap.Slot, ap.Line, ap.Units, ap.Events)
		for i, l := range ap.Links {
			if i == 4 {
				fmt.Fprintf(w, "      … %d more\n", len(ap.Links)-4)
				break
			}
			what := l.Rule
			if l.Ref != "" {
				what += " " + l.Ref
			}
			if l.Period != "" {
				what += " " + l.Period
			}
			src := l.Source.Doc
			if l.Source.Article != "" {
				src += " " + l.Source.Article
			}
			fmt.Fprintf(w, "      %s ×%d, %s (%s)\n", what, l.Units, lastPart(a.names[l.Subject], l.Subject), src)
		}
	}
}

// lastPart is the last part of an organization's path, or fallback.
func lastPart(path, fallback string) string {
	if path == "" {
		return fallback
	}
	if i := strings.LastIndex(path, " / "); i >= 0 {
		return path[i+3:]
	}
	return path
}

// mostDeducted returns the code of the secretary the records cost most
// (ties by code), in category cat.
func mostDeducted(a *assessment, cat string) string {
	var best string
	var bestN int
	codes := make([]string, 0, len(a.applied))
	for code := range a.applied {
		codes = append(codes, code)
	}
	slices.Sort(codes)
	for _, code := range codes {
		if a.category[code] != cat {
			continue
		}
		n := 0
		for _, ap := range a.applied[code] {
			n += len(ap.Links)
		}
		if n > bestN {
			best, bestN = code, n
		}
	}
	return best
}
