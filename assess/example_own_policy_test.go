package assess_test

import (
	"fmt"

	"github.com/dangjian-go/dangjian/assess"
)

// OwnPolicy grades a cohort by the scheme's own bands when no policy comes
// with the scheme: no quotas, the cohort ranked by total.
func ExampleScorer_OwnPolicy() {
	sc, err := assess.Compile(assess.Scheme{
		Name: "demo",
		Components: []assess.Component{{
			ID: "work", Name: "工作", Weight: assess.MustNum("1"), Max: assess.MustNum("100"),
			Indicators: []assess.Indicator{{ID: "tasks", Name: "任务", Max: assess.MustNum("100"),
				Method: &assess.Method{Kind: assess.Direct}}},
		}},
		Bands: []assess.Band{
			{Grade: "好", From: assess.MustNum("90")},
			{Grade: "一般", From: assess.MustNum("0"), To: assess.MustNum("90")},
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	policy, graded := sc.OwnPolicy(false)
	fmt.Println(graded, policy.Name, policy.Grades)
	g, err := assess.NewGrader(policy)
	if err != nil {
		fmt.Println(err)
		return
	}
	var results []assess.Result
	for _, v := range []string{"92.5", "88"} {
		res, err := sc.Score(assess.Subject{ID: "S" + v, Values: map[string]assess.Num{"tasks": assess.MustNum(v)}})
		if err != nil {
			fmt.Println(err)
			return
		}
		results = append(results, res)
	}
	r, err := assess.NewRanking(sc, results, g)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, row := range r.Rows() {
		fmt.Println(row.Rank, row.Result.Subject, row.Grade())
	}
	// Output:
	// true demo（按总分排名） [好 一般]
	// 1 S92.5 好
	// 2 S88 一般
}
