package assess_test

import (
	"fmt"
	"os"
	"strings"

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
	// depth,id,name,method,max,exact,value,rounding,rule,inputs,notes,source,number_sources
	// 0,total,demo,,,100,100,,,,,,
	// 1,work,工作,,100,100,100,,,weight 1; weighted 100,,,
	// 2,tasks,任务,direct,100,100,100,,"min(max(value, 0), max)",value 120,"tasks: value 120 clamped to [0, 100]",,
}

// Where a number's source differs from its part's (a weight the scheme's
// author chose under a regulation's component), the text trace says so
// under the node, and the CSV trace's number_sources column gives every
// number's source.
func ExampleNode_WriteText_numberSources() {
	s, err := assess.DecodeScheme(strings.NewReader(sourcedScheme))
	if err != nil {
		fmt.Println(err)
		return
	}
	sc, err := assess.Compile(s)
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := sc.Explain(assess.Subject{ID: "a",
		Events:  map[string][]assess.Event{"d": {{Clause: "late"}}},
		Checked: map[string][]string{"k": {"plan"}}})
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := res.Trace.Children[0].WriteText(os.Stdout, ""); err != nil {
		fmt.Println(err)
	}
	// Output:
	// c 考核 = 12 of 20
	//   · inputs: weight 1; weighted 12
	//   · source: 某办法 第五条 [verified]
	//   · source of weight 1, max 20: 作者自定 [library_choice]
	//   d 扣分 = 8 of 10 (deductions)
	//     · inputs: late −2
	//     · rule: max(max − deductions, 0) (扣完为止)
	//     · source of late points 2: 某细则 [local_practice]
	//     · source of late cap 3: 作者自定 [library_choice]
	//   k 清单 = 4 of 10 (checklist)
	//     · inputs: plan 4
	//     · rule: min(sum of the items checked, max)
	//     · source of plan points 4: 作者自定 [library_choice]
}
