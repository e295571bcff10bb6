package assess_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"github.com/dangjian-go/dangjian"

	"github.com/dangjian-go/dangjian/assess"
)

// tableScheme wraps a decision table as the only leaf of a one-component
// scheme.
func tableScheme(max string, t *assess.Table) assess.Scheme {
	return assess.Scheme{
		Name: "table example",
		Components: []assess.Component{{ID: "daily", Name: "日常考核", Weight: assess.MustNum("1"), Max: assess.MustNum(max),
			Indicators: []assess.Indicator{{ID: "leaf", Name: "党课", Max: assess.MustNum(max),
				Method: &assess.Method{Kind: assess.TableMethod, Table: t}}}}},
	}
}

// A UNIQUE table bands 党课 attendance. The bands' edges are exact: 80
// belongs to [80..90) and 79.99 to [70..80).
func ExampleTable() {
	table := &assess.Table{
		HitPolicy: assess.HitUnique,
		Inputs:    []assess.TableInput{{Name: "attendance", Kind: assess.NumberInput}},
		Rules: []assess.TableRule{
			{ID: "A90", When: []string{"[90..100]"}, Points: assess.MustNum("6")},
			{ID: "A80", When: []string{"[80..90)"}, Points: assess.MustNum("5")},
			{ID: "A70", When: []string{"[70..80)"}, Points: assess.MustNum("4")},
			{ID: "A0", When: []string{"< 70"}, Points: assess.MustNum("0")},
		},
	}
	scorer, err := assess.Compile(tableScheme("6", table))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, v := range []string{"80", "79.99", "100"} {
		res, err := scorer.Explain(assess.Subject{ID: v, Values: map[string]assess.Num{"attendance": assess.MustNum(v)}})
		if err != nil {
			fmt.Println(err)
			return
		}
		leaf := res.Trace.Children[0].Children[0]
		fmt.Printf("attendance %s: rule %s, %s points\n", v, leaf.Rule, res.Total)
	}
	// Output:
	// attendance 80: rule A80, 5 points
	// attendance 79.99: rule A70, 4 points
	// attendance 100: rule A90, 6 points
}

// Rules of a UNIQUE table that can match the same subject do not compile.
// Bands written as integers, "80（含）—90", share their edges; each shared
// edge is reported with both rules and a value they share.
func ExampleTable_overlap() {
	table := &assess.Table{
		Inputs: []assess.TableInput{{Name: "score", Kind: assess.NumberInput}},
		Rules: []assess.TableRule{
			{ID: "五星", When: []string{">= 90"}, Points: assess.MustNum("5")},
			{ID: "四星", When: []string{"[80..90]"}, Points: assess.MustNum("4")},
			{ID: "三星", When: []string{"[70..80)"}, Points: assess.MustNum("3")},
			{ID: "其他", When: []string{"< 70"}, Points: assess.MustNum("0")},
		},
	}
	_, err := assess.Compile(tableScheme("5", table))
	var ce dangjian.Problems
	if errors.As(err, &ce) {
		for _, p := range ce {
			fmt.Println(p)
		}
	}
	fmt.Println(errors.Is(err, assess.ErrTable))
	// Output:
	// components[0].indicators[0].method.table.rules[1]: decision table is inconsistent: UNIQUE rules "五星" and "四星" overlap: both match score = 90
	// true
}

// A PRIORITY table picks, among the matching rules, the one whose points
// come first in the outputs list: here a disciplinary veto (0 points) wins
// over the attendance rules. Tables are data: this one is JSON.
func ExampleHitPolicy() {
	var table assess.Table
	err := json.Unmarshal([]byte(`{
		"hitPolicy": "PRIORITY",
		"inputs": [{"name": "discipline", "kind": "text"}, {"name": "attendance", "kind": "number"}],
		"outputs": ["0", "2", "6"],
		"rules": [
			{"id": "veto", "when": ["\"警告\", \"严重警告\"", "-"], "points": "0"},
			{"id": "low", "when": ["-", "< 60"], "points": "2"},
			{"id": "base", "when": ["-", "-"], "points": "6"}
		]}`), &table)
	if err != nil {
		fmt.Println(err)
		return
	}
	scorer, err := assess.Compile(tableScheme("6", &table))
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := scorer.Explain(assess.Subject{ID: "s1",
		Fields: map[string]string{"discipline": "警告"},
		Values: map[string]assess.Num{"attendance": assess.MustNum("50")}})
	if err != nil {
		fmt.Println(err)
		return
	}
	leaf := res.Trace.Children[0].Children[0]
	fmt.Println(res.Total, leaf.Rule)
	fmt.Println(leaf.Notes[0])
	// Output:
	// 0 veto
	// PRIORITY: 3 rules matched (veto, low, base); veto wins with 0 points, first in the outputs list
}

// A COLLECT table without an aggregation returns DMN's list of outputs;
// this library sums the list to score the leaf, and says so in the trace.
// With an aggregation (SUM, MIN, MAX, COUNT, or C+, C<, C>, C#) the result
// is the aggregate.
func ExampleAggregation() {
	for _, agg := range []assess.Aggregation{assess.AggNone, assess.AggMax, assess.AggCount} {
		table := &assess.Table{
			HitPolicy:   assess.HitCollect,
			Aggregation: agg,
			Inputs:      []assess.TableInput{{Name: "award", Kind: assess.TextInput}, {Name: "innovation", Kind: assess.NumberInput}},
			Rules: []assess.TableRule{
				{ID: "award", When: []string{`"市级", "省级"`, "-"}, Points: assess.MustNum("1")},
				{ID: "innovation", When: []string{"-", ">= 1"}, Points: assess.MustNum("2")},
			},
		}
		scorer, err := assess.Compile(tableScheme("3", table))
		if err != nil {
			fmt.Println(err)
			return
		}
		res, err := scorer.Explain(assess.Subject{ID: "s1",
			Fields: map[string]string{"award": "省级"},
			Values: map[string]assess.Num{"innovation": assess.MustNum("1")}})
		if err != nil {
			fmt.Println(err)
			return
		}
		leaf := res.Trace.Children[0].Children[0]
		fmt.Printf("%q: %s points (rules %s) %q\n", agg, res.Total, leaf.Rule, leaf.Notes)
	}
	// Output:
	// "": 3 points (rules award,innovation) ["COLLECT: 2 rules matched; the list of points [1, 2] is summed to 3"]
	// "MAX": 2 points (rules award,innovation) []
	// "COUNT": 2 points (rules award,innovation) []
}
