package assess_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/dangjian-go/dangjian/assess"
)

// A Cohort ranks a cohort of any size in a few dozen bytes a subject:
// each result is added as it is scored (and may then be reused), and the
// ranking is written once every subject is in.
func ExampleNewCohort() {
	sc, err := assess.Compile(assess.Scheme{
		Name: "demo",
		Components: []assess.Component{{
			ID: "work", Name: "工作", Weight: assess.MustNum("1"), Max: assess.MustNum("100"),
			Indicators: []assess.Indicator{{ID: "tasks", Name: "任务", Max: assess.MustNum("100"),
				Method: &assess.Method{Kind: assess.Direct}}},
		}},
		Bands: []assess.Band{{Grade: "好", From: assess.MustNum("90")}, {Grade: "一般", From: assess.MustNum("0"), To: assess.MustNum("90")}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	g, err := assess.NewGrader(assess.GradePolicy{Name: "demo", Grades: sc.Grades()})
	if err != nil {
		fmt.Println(err)
		return
	}
	c, err := assess.NewCohort(sc, g)
	if err != nil {
		fmt.Println(err)
		return
	}
	in := strings.NewReader(`[{"id": "A", "values": {"tasks": "88"}}, {"id": "B", "values": {"tasks": "92.5"}}, {"id": "C", "values": {"tasks": "92.5"}}]`)
	err = sc.ScoreSubjectsFunc(in, assess.StreamOptions{}, func(i int, res *assess.Result, err error) error {
		if err != nil {
			return err
		}
		c.Add(res)
		return nil
	})
	if err == nil {
		err = c.Finish()
	}
	if err == nil {
		err = c.WriteCSV(os.Stdout)
	}
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// order,rank,subject,category,total,work,bonus,band,grade,eligible,remarks
	// 1,1,B,,92.5,92.5,0,好,好,true,
	// 2,1,C,,92.5,92.5,0,好,好,true,
	// 3,3,A,,88,88,0,一般,一般,true,
}
