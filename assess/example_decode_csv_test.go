package assess_test

import (
	"fmt"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
)

// DecodeSubjectsCSVFunc reads a spreadsheet of subjects one row at a time
// for a flat scheme: the rows that read are handed over, each problem is
// reported with its line and column, and the rows after it go on.
func ExampleDecodeSubjectsCSVFunc() {
	s := assess.Scheme{
		Name: "demo",
		Components: []assess.Component{{
			ID: "work", Name: "工作", Weight: assess.MustNum("1"), Max: assess.MustNum("100"),
			Indicators: []assess.Indicator{{ID: "tasks", Name: "任务", Max: assess.MustNum("100"),
				Method: &assess.Method{Kind: assess.Direct}}},
		}},
	}
	in := strings.NewReader("id,category,tasks\nA,社区,92.5\nB,村,many\nC,村,88\n")
	err := assess.DecodeSubjectsCSVFunc(in, s, func(sub assess.Subject) error {
		fmt.Println(sub.ID, sub.Category, sub.Values["tasks"])
		return nil
	})
	for _, p := range dangjian.ProblemsOf(err) {
		fmt.Println(p)
	}
	// Output:
	// A 社区 92.5
	// C 村 88
	// line 3, column 3: tasks (id "B"): invalid value: not a decimal number ("many")
}
