package assess_test

import (
	"fmt"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
)

// ScoreSubjectsFunc scores a cohort as it is read, one subject at a time:
// fn gets each result (reused for the next subject: keep what you need),
// or the subject's scoring problems with its place in the input; the
// subjects that do not decode are the error at the end.
func ExampleScorer_ScoreSubjectsFunc() {
	sc, err := assess.Compile(assess.Scheme{
		Name: "demo",
		Components: []assess.Component{{
			ID: "work", Name: "工作", Weight: assess.MustNum("1"), Max: assess.MustNum("100"),
			Indicators: []assess.Indicator{{ID: "tasks", Name: "任务", Max: assess.MustNum("100"),
				Method: &assess.Method{Kind: assess.Direct}}},
		}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	in := strings.NewReader(`[
 {"id": "A", "values": {"tasks": "92.5"}},
 {"id": "B", "values": {"tasks": "88"}},
 {"id": "C", "values": {"colour": "1"}},
 {"id": "D", "values": {"tasks": "many"}}
]`)
	err = sc.ScoreSubjectsFunc(in, assess.StreamOptions{}, func(i int, res *assess.Result, err error) error {
		if err != nil {
			for _, p := range dangjian.ProblemsOf(err) {
				fmt.Println(p)
			}
			return nil
		}
		fmt.Println(i, res.Subject, res.Total)
		return nil
	})
	fmt.Println(err)
	// Output:
	// 0 A 92.5
	// 1 B 88
	// subjects[2].values.colour (id "C"): unknown field: no indicator or table reads this value ("colour")
	// subjects[2].values.tasks (id "C"): invalid input: no value for direct indicator "tasks"
	// line 5, column 34: subjects[3].values.tasks (id "D"): invalid value: want a decimal number ("many")
}
