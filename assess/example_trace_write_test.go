package assess_test

import (
	"fmt"
	"os"

	"github.com/dangjian-go/dangjian/assess"
)

// A subject's trace, printed as an indented tree and written as CSV.
func ExampleNode_WriteText() {
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
	res, err := sc.Explain(assess.Subject{ID: "A", Values: map[string]assess.Num{"tasks": assess.MustNum("120")}})
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := res.Trace.WriteText(os.Stdout, ""); err != nil {
		fmt.Println(err)
	}
	if err := res.Trace.WriteCSV(os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// total demo = 100
	//   work 工作 = 100 of 100
	//     · inputs: weight 1; weighted 100
	//     tasks 任务 = 100 of 100 (direct)
	//       · inputs: value 120
	//       · rule: min(max(value, 0), max)
	//       · note: tasks: value 120 clamped to [0, 100]
	// depth,id,name,method,max,exact,value,rounding,rule,inputs,notes,source
	// 0,total,demo,,,100,100,,,,,
	// 1,work,工作,,100,100,100,,,weight 1; weighted 100,,
	// 2,tasks,任务,direct,100,100,100,,"min(max(value, 0), max)",value 120,"tasks: value 120 clamped to [0, 100]",
}
