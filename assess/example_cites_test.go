package assess_test

import (
	"fmt"
	"strings"

	"github.com/dangjian-go/dangjian/assess"
)

// A number's own source: the clause's 0.5 per missed meeting is the local
// document's, its cap of 3 the library's own; the component's weight is
// the library's too. The trace cites each number the score used to its
// own source (ID#field), beside the clause's source (ID).
func ExampleCites() {
	s, err := assess.DecodeScheme(strings.NewReader(`{
  "name": "cites",
  "sources": [
    {"id": "bluu", "doc": "考核评分表（某地）", "confidence": "local_practice", "note": "每少开1次专题会扣0.5分"},
    {"id": "ours", "doc": "本库取值", "confidence": "library_choice"}
  ],
  "components": [
    {"id": "daily", "name": "日常考核", "weight": "1", "max": "10", "source": "bluu", "cites": {"weight": "ours", "max": "ours"},
     "indicators": [
      {"id": "meetings", "name": "例会", "max": "10", "source": "ours", "method": {"kind": "deductions", "clauses": [
        {"id": "missed", "name": "每少开1次", "points": "0.5", "cap": "3", "source": "bluu", "cites": {"cap": "ours"}}
      ]}}
    ]}
  ]
}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	sc, err := assess.Compile(s)
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := sc.Explain(assess.Subject{ID: "A", Events: map[string][]assess.Event{"meetings": {{Clause: "missed", Count: 8}}}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("total", res.Total)
	for _, n := range []*assess.Node{res.Trace.Children[0], res.Trace.Children[0].Children[0]} {
		for _, c := range n.Sources {
			fmt.Printf("%s: %s\n", c.Key(), c.Source)
		}
	}
	// Output:
	// total 7
	// daily#weight: 本库取值 [library_choice]
	// daily#max: 本库取值 [library_choice]
	// meetings#max: 本库取值 [library_choice]
	// missed: 考核评分表（某地） [local_practice]
	// missed#points: 考核评分表（某地） [local_practice]
	// missed#cap: 本库取值 [library_choice]
}

// A reference scheme's trace says whose each number is: in 民主评议党员 the
// procedure is the 支部工作条例's, the vote points are the library's own.
func ExampleCites_Of() {
	s, err := assess.Reference("minzhu-pingyi")
	if err != nil {
		fmt.Println(err)
		return
	}
	sc, err := assess.Compile(s)
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := sc.Explain(assess.Subject{ID: "张伟", Votes: map[string]map[string]assess.Ballots{
		"votes": {"members": {Counts: map[string]int{"优秀": 6, "合格": 3, "不了解": 1}}}}})
	if err != nil {
		fmt.Println(err)
		return
	}
	votes := res.Trace.Children[0].Children[0]
	fmt.Println(votes.ID+":", votes.Source.Confidence)
	for _, of := range []string{"levels", "unknown"} {
		src, _ := votes.Sources.Of("votes", of)
		fmt.Printf("votes#%s: %s\n", of, src.Confidence)
	}
	src, _ := votes.Sources.Of("members", "minRaters")
	fmt.Println("members#minRaters:", src.Confidence)
	// Output:
	// votes: verified
	// votes#levels: library_choice
	// votes#unknown: local_practice
	// members#minRaters: library_choice
}
