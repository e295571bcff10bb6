package bridge_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
	"github.com/dangjian-go/dangjian/bridge"
	"github.com/dangjian-go/dangjian/orglife"
)

// A branch short of one 党员大会 and two 党课, overdue for its 换届 and
// with one member six months unpaid, scored through the mapping of
// testdata (40 − 3 × 0.5 − 2 − ⌊6/3⌋ = 34.5 of 组织生活, 0 of 重点任务, 25
// given): each deduction printed with the findings that caused it.
func Example() {
	sf, _ := os.Open("testdata/scheme.json")
	defer sf.Close()
	s, err := assess.DecodeScheme(sf)
	if err != nil {
		fmt.Println(err)
		return
	}
	mf, _ := os.Open("testdata/mapping.json")
	defer mf.Close()
	m, err := bridge.Decode(mf)
	if err != nil {
		fmt.Println(err)
		return
	}
	b, err := bridge.Compile(m, s)
	if err != nil {
		fmt.Println(err)
		return
	}
	member, _ := orglife.ParseType("支部党员大会")
	lecture, _ := orglife.ParseType("党课")
	rec := bridge.Record{
		Periods: []orglife.PeriodCount{
			{Org: "B1", Rule: "LIFE-MEMBER-Q", Type: member, Period: "2024-Q1", Required: 1, Shortfall: 1},
			{Org: "B1", Rule: "LIFE-LECTURE-Q", Type: lecture, Period: "2024-Q3", Required: 2, Shortfall: 2},
		},
		Findings: []dangjian.Finding{
			{Rule: "ORG-TERM-OVERDUE", Subject: "B1", Source: dangjian.Source{Doc: "支部工作条例", Article: "第二十条"}},
			{Rule: "DUES-LAPSE-6", Subject: "M7", Value: "6", Source: dangjian.Source{Doc: "党费规定", Article: "第十三条"}},
		},
	}
	sc := b.Scorer()
	in := sc.NewInput()
	in.Reset("B1", "")
	// What the records cannot give: the assessment group's own score.
	project, _ := sc.Layout().Value("project")
	_ = in.SetNum(project, assess.MustNum("25"))
	applied, err := b.Apply(in, rec)
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := sc.ScoreInput(in)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("total", res.Total, res.Grade)
	for _, a := range applied {
		var causes []string
		for _, l := range a.Links {
			c := l.Rule + " " + l.Subject
			if l.Period != "" {
				c += " " + l.Period
			}
			if l.Source.Article != "" {
				c += " (" + l.Source.Doc + l.Source.Article + ")"
			}
			causes = append(causes, c)
		}
		fmt.Printf("%s: %d events ← %s\n", a.Slot, a.Events, strings.Join(causes, "; "))
	}
	// Output:
	// total 59.5 一般
	// events.life.missed: 3 events ← LIFE-MEMBER-Q B1 2024-Q1; LIFE-LECTURE-Q B1 2024-Q3
	// events.life.term: 1 events ← ORG-TERM-OVERDUE B1 (支部工作条例第二十条)
	// flags.overdue: 0 events ← ORG-TERM-OVERDUE B1 (支部工作条例第二十条)
	// events.life.arrears: 2 events ← DUES-LAPSE-6 M7 (党费规定第十三条)
	// checked.duty.dues_clean: 0 events ← DUES-LAPSE-6 M7 (党费规定第十三条)
}

// Compile checks every line against the scheme and reports every
// problem with its path.
func ExampleCompile() {
	sf, _ := os.Open("testdata/scheme.json")
	defer sf.Close()
	s, _ := assess.DecodeScheme(sf)
	_, err := bridge.Compile(bridge.Mapping{Lines: []bridge.Line{
		{ID: "a", Target: "values.project", Count: bridge.Findings, Rules: []string{"ORG-TERM-OVERDUE"}},
		{ID: "b", Target: "events.life.missed", Count: bridge.Shortfall, Types: []string{"茶话会"}},
	}}, s)
	for _, p := range dangjian.ProblemsOf(err) {
		fmt.Println(p.Path, p.Kind.Code())
	}
	// Output:
	// lines[0].target invalid
	// lines[1].types[0] invalid
}

// Decode reads a mapping strictly: an unknown key or a value of the wrong
// type is a problem with its JSON path, line and column.
func ExampleDecode() {
	_, err := bridge.Decode(strings.NewReader(`{"name": "demo", "lines": [
  {"id": "missed", "target": "events.life.missed", "count": "shortfall", "typs": ["党课"]}
]}`))
	for _, p := range dangjian.ProblemsOf(err) {
		fmt.Println(p.Line, p.Path, p.Kind.Code())
	}
	// Output:
	// 2 lines[0].typs unknown_field
}
