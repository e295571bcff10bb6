package assess_test

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/dangjian-go/dangjian/assess"
)

const exampleScheme = `{
  "name": "示例",
  "rounding": [{"at": "total", "places": 2, "mode": "half_up"}],
  "components": [
    {"id": "daily", "name": "日常考核", "weight": "0.7", "max": "100", "indicators": [
      {"id": "meetings", "name": "三会一课", "max": "60", "method": {"kind": "deductions",
        "clauses": [{"id": "missed", "points": "2", "cap": "20"}]}},
      {"id": "project", "name": "书记项目", "max": "40", "method": {"kind": "direct"}}
    ]},
    {"id": "review", "name": "述职评议", "weight": "0.3", "max": "100", "indicators": [
      {"id": "votes", "name": "民主测评", "max": "100", "method": {"kind": "votes", "scale": "100", "unknown": "不了解",
        "levels": [{"name": "好", "points": "100"}, {"name": "较好", "points": "80"}, {"name": "一般", "points": "60"}, {"name": "差", "points": "40"}],
        "groups": [{"id": "members", "weight": "1"}]}}
    ]}
  ],
  "gates": [{"id": "veto", "flag": "violation", "effect": "zero", "reason": "一票否决"}],
  "bands": [{"grade": "好", "from": "90"}, {"grade": "较好", "from": "80", "to": "90"}, {"grade": "一般", "from": "60", "to": "80"}, {"grade": "差", "from": "0", "to": "60"}]
}`

func ExampleCompile() {
	s, err := assess.DecodeScheme(strings.NewReader(exampleScheme))
	if err != nil {
		panic(err)
	}
	sc, err := assess.Compile(s)
	if err != nil {
		panic(err)
	}
	fmt.Println(sc.Name(), sc.Max(), sc.Grades())

	// A scheme whose weights do not sum to 1 does not compile.
	s.Components[1].Weight = assess.MustNum("0.2")
	_, err = assess.Compile(s)
	fmt.Println(err)
	// Output:
	// 示例 100 [好 较好 一般 差]
	// components: weights do not sum to 1: component weights sum to 0.9, not exactly 1 ("0.9")
}

func exampleSubject() assess.Subject {
	var sub assess.Subject
	err := json.Unmarshal([]byte(`{"id": "A", "values": {"project": "34"},
	  "events": {"meetings": [{"clause": "missed", "count": 3}]},
	  "votes": {"votes": {"members": {"counts": {"好": 14, "较好": 5, "一般": 2, "不了解": 1}}}}}`), &sub)
	if err != nil {
		panic(err)
	}
	return sub
}

// meetings 60 − 3 × 2 = 54; project 34; daily 88 × 0.7 = 61.6.
// votes (1400 + 400 + 120) / 21 = 640/7 = 91.428…; × 0.3 = 192/7.
// total 308/5 + 192/7 = 3116/35 = 89.028… → 89.03 (half-up) → 较好.
func ExampleScorer_Score() {
	s, _ := assess.DecodeScheme(strings.NewReader(exampleScheme))
	sc, _ := assess.Compile(s)
	res, err := sc.Score(exampleSubject())
	if err != nil {
		panic(err)
	}
	fmt.Println(res.Total, res.Grade)
	for _, c := range res.Components {
		fmt.Println(c.ID, c.Exact, c.Weighted)
	}
	// Output:
	// 89.03 较好
	// daily 88 61.6
	// review 640/7 192/7
}

func ExampleScorer_Explain() {
	s, _ := assess.DecodeScheme(strings.NewReader(exampleScheme))
	sc, _ := assess.Compile(s)
	res, _ := sc.Explain(exampleSubject())
	var walk func(n *assess.Node, depth int)
	walk = func(n *assess.Node, depth int) {
		fmt.Printf("%s%s %s = %s\n", strings.Repeat("  ", depth), n.ID, n.Method, n.Value)
		for _, c := range n.Children {
			walk(c, depth+1)
		}
	}
	walk(res.Trace, 0)
	// Output:
	// total  = 89.03
	//   daily  = 88
	//     meetings deductions = 54
	//     project direct = 34
	//   review  = 91.428571
	//     votes votes = 91.428571
}

// A gate vetoes the score (一票否决).
func ExampleScorer_Score_gate() {
	s, _ := assess.DecodeScheme(strings.NewReader(exampleScheme))
	sc, _ := assess.Compile(s)
	sub := exampleSubject()
	sub.Flags = map[string]bool{"violation": true}
	res, _ := sc.Score(sub)
	fmt.Println(res.Total, res.Grade, res.Gates[0].Reason)
	// Output: 0 差 一票否决
}

func ExampleDecodeSubjects() {
	subs, err := assess.DecodeSubjects(strings.NewReader(`{"subjects": [{"id": "A"}, {"id": "B", "category": "社区"}]}`))
	fmt.Println(len(subs), subs[1].Category, err)
	_, err = assess.DecodeSubjects(strings.NewReader(`[{"id": "A", "colour": "red"}]`))
	fmt.Println(err != nil)
	// Output:
	// 2 社区 <nil>
	// true
}

func ExampleParseNum() {
	x, _ := assess.ParseNum("0.30")
	fmt.Println(x)
	_, err := assess.ParseNum("1e3")
	fmt.Println(err)
	// Output:
	// 0.3
	// invalid value: want a decimal number ("1e3")
}

func ExampleDecodeScheme() {
	_, err := assess.DecodeScheme(strings.NewReader(`{"name": "x", "colour": "red"}`))
	fmt.Println(err)
	s, err := assess.DecodeScheme(strings.NewReader(exampleScheme))
	fmt.Println(s.Name, len(s.Components), err)
	// Output:
	// line 1, column 15: colour: unknown field: want name, version, year, jurisdiction, note, sources, cites, rounding, components, bonus, extra, gates or bands ("colour")
	// 示例 2 <nil>
}

// A Score is exact; Fixed shows it after a rounding point, Decimal when it
// is a decimal, and Cmp compares two scores without rounding either.
func ExampleScore() {
	s, _ := assess.DecodeScheme(strings.NewReader(exampleScheme))
	sc, _ := assess.Compile(s)
	res, _ := sc.Score(exampleSubject())
	review := res.Components[1].Exact
	_, isDecimal := review.Decimal()
	fmt.Println(review, isDecimal, res.Total.Fixed(2), res.Total.Cmp(review), res.Total.Cmp(sc.Max()))
	// Output: 640/7 false 89.03 -1 -1
}

func ExampleMustNum() {
	w := assess.MustNum("0.30")
	d, _ := w.Decimal()
	fmt.Println(w, d.StringFixed(2))
	// Output: 0.3 0.30
}

func ExampleScorer_Grades() {
	s, _ := assess.DecodeScheme(strings.NewReader(exampleScheme))
	sc, _ := assess.Compile(s)
	fmt.Println(sc.Name(), sc.Max(), sc.Grades())
	// Output: 示例 100 [好 较好 一般 差]
}

// The positional form: look the slots up once, then fill one Input per
// subject and score it into one Result, without a map lookup or an
// allocation per subject.
//
// s1: meetings 60 (no events) + project 38 = 98 × 0.7 = 68.6; votes
// (18 × 100 + 2 × 60) / 20 = 96 × 0.3 = 28.8; total 97.4 → 好.
// s2: 60 + 8.5 = 68.5 × 0.7 = 47.95; (9 × 100 + 11 × 60) / 20 = 78 × 0.3 =
// 23.4; total 71.35 → 一般.
func ExampleScorer_ScoreInto() {
	s, err := assess.DecodeScheme(strings.NewReader(exampleScheme))
	if err != nil {
		panic(err)
	}
	sc, err := assess.Compile(s)
	if err != nil {
		panic(err)
	}
	l := sc.Layout()
	project, _ := l.Value("project")
	good, _ := l.Level("votes", "members", "好")
	fair, _ := l.Level("votes", "members", "一般")
	in := sc.NewInput()
	var res assess.Result
	for _, sub := range []struct {
		id, project string
		good, fair  int
	}{{"s1", "38", 18, 2}, {"s2", "8.5", 9, 11}} {
		in.Reset(sub.id, "")
		_ = in.SetNum(project, assess.MustNum(sub.project))
		_ = in.SetCount(good, sub.good)
		_ = in.SetCount(fair, sub.fair)
		if err := sc.ScoreInto(&res, in); err != nil {
			panic(err)
		}
		fmt.Println(res.Subject, res.Total, res.Grade)
	}
	// Output:
	// s1 97.4 好
	// s2 71.35 一般
}

// Fill converts a Subject to the positional form; ScoreInput scores it as
// Score scores the Subject.
func ExampleScorer_Fill() {
	s, _ := assess.DecodeScheme(strings.NewReader(exampleScheme))
	sc, _ := assess.Compile(s)
	in := sc.NewInput()
	if err := sc.Fill(in, exampleSubject()); err != nil {
		panic(err)
	}
	res, err := sc.ScoreInput(in)
	if err != nil {
		panic(err)
	}
	fmt.Println(res.Subject, res.Total, res.Grade)

	// What does not fit the scheme is reported.
	bad := exampleSubject()
	bad.Votes["votes"]["leaders"] = assess.Ballots{Counts: map[string]int{"好": 3}}
	fmt.Println(sc.Fill(in, bad))
	// Output:
	// A 89.03 较好
	// votes.votes.leaders (id "A"): invalid input: not a rater group of the indicator ("leaders")
}

// Slots lists every input of a scheme by its path, for a positional
// importer's columns.
func ExampleLayout_Slots() {
	s, _ := assess.DecodeScheme(strings.NewReader(exampleScheme))
	sc, _ := assess.Compile(s)
	for _, slot := range sc.Layout().Slots() {
		fmt.Printf("%-6s %s\n", slot.Kind(), slot.Path())
	}
	// Output:
	// value  values.project
	// clause events.meetings.missed
	// group  votes.votes.members
	// level  votes.votes.members.counts.好
	// level  votes.votes.members.counts.较好
	// level  votes.votes.members.counts.一般
	// level  votes.votes.members.counts.差
	// level  votes.votes.members.counts.不了解
	// flag   flags.violation
}

// ExplainInto writes one trace after another into the same Result, reusing
// its memory: for streaming traces out. Tally and Pairs are the ballots and a
// trace node's inputs, in the scheme's order.
func ExampleScorer_ExplainInto() {
	s, _ := assess.DecodeScheme(strings.NewReader(exampleScheme))
	sc, _ := assess.Compile(s)
	in := sc.NewInput()
	if err := sc.Fill(in, exampleSubject()); err != nil {
		panic(err)
	}
	var res assess.Result
	if err := sc.ExplainInto(&res, in); err != nil {
		panic(err)
	}
	fmt.Println(res.Total, res.Ballots.Get("好"), res.Ballots.Map())
	meetings := res.Trace.Children[0].Children[0]
	missed, _ := meetings.Inputs.Get("missed")
	fmt.Println(meetings.ID, meetings.Value, missed)
	// Output:
	// 89.03 14 map[一般:2 好:14 较好:5]
	// meetings 54 −6
}

// An Input filled slot by slot: events under a clause, a flag set, a rater
// group's ballots issued and returned. By hand: meetings 60 − 2 × 2 = 56,
// project 30, daily 86 × 0.7 = 60.2; votes 20 好 of 20 = 100 × 0.3 = 30;
// total 90.2 → 好. The veto then sets the total to 0.
func ExampleInput() {
	s, _ := assess.DecodeScheme(strings.NewReader(exampleScheme))
	sc, _ := assess.Compile(s)
	l := sc.Layout()
	missed, _ := l.Clause("meetings", "missed")
	project, _ := l.Value("project")
	members, _ := l.Group("votes", "members")
	good, _ := l.Level("votes", "members", "好")
	violation, _ := l.Flag("violation")

	in := sc.NewInput()
	in.Reset("B", "")
	_ = in.AddEvent(missed, assess.Event{Count: 2})
	_ = in.SetNum(project, assess.MustNum("30"))
	_ = in.SetCount(good, 20)
	_ = in.SetBallots(members, 22, 20)
	res, err := sc.ScoreInput(in)
	fmt.Println(res.Total, res.Grade, err)

	_ = in.SetBool(violation, true) // 一票否决
	res, _ = sc.ScoreInput(in)
	fmt.Println(res.Total, res.Grade, res.Gates[0].Reason)

	// A setter checks the slot's kind.
	fmt.Println(in.SetBool(project, true))
	// Output:
	// 90.2 好 <nil>
	// 0 差 一票否决
	// invalid input: slot value values.project is of kind value, not item
}

// The layout of the reference schemes: the slots of a checklist item and
// of a rater group's level (xingji) and of a bonus item (jifen), by the
// paths errors use.
func ExampleLayout_Item() {
	s, _ := assess.Reference("xingji")
	sc, _ := assess.Compile(s)
	l := sc.Layout()
	item, _ := l.Item("development", "plan")
	level, _ := l.Level("satisfaction", "masses", "不了解")
	j, _ := assess.Reference("jifen")
	jc, _ := assess.Compile(j)
	bonus, _ := jc.Layout().Bonus("volunteer")
	fmt.Println(item)
	fmt.Println(bonus)
	fmt.Println(level)
	_, err := l.Item("development", "nope")
	fmt.Println(err)
	// Output:
	// item checked.development.plan
	// bonus bonus.volunteer
	// level votes.satisfaction.masses.counts.不了解
	// invalid input: "nope" is not an item of the checklist "development"
}

// A FIRST table whose second rule the first one covers compiles, with a
// warning: the rule can never fire.
func ExampleScorer_Warnings() {
	s, _ := assess.DecodeScheme(strings.NewReader(`{"name": "w", "components": [{"id": "c", "name": "c", "weight": "1", "max": "5",
	  "indicators": [{"id": "rate", "name": "到课率", "max": "5", "method": {"kind": "table", "table": {"hitPolicy": "FIRST",
	    "inputs": [{"name": "rate", "kind": "number"}],
	    "rules": [{"id": "good", "when": [">= 80"], "points": "5"}, {"id": "top", "when": [">= 90"], "points": "4"}]}}}]}]}`))
	sc, err := assess.Compile(s)
	fmt.Println(err)
	for _, w := range sc.Warnings() {
		fmt.Println(w)
	}
	// Output:
	// <nil>
	// components[0].indicators[0].method.table.rules[1]: rule can never fire: FIRST: the rules before "top" match everything it matches (the last needed is "good")
}
