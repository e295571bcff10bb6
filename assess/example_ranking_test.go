package assess_test

import (
	"fmt"
	"os"

	"github.com/dangjian-go/dangjian/assess"
)

// NewRanking puts a scored cohort in its order (here by total, without a
// policy: shared ranks, then the subject ID) and WriteCSV writes it.
func ExampleNewRanking() {
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
	var results []assess.Result
	for id, v := range map[string]string{"A": "92.5", "B": "88", "C": "92.5"} {
		res, err := sc.Score(assess.Subject{ID: id, Values: map[string]assess.Num{"tasks": assess.MustNum(v)}})
		if err != nil {
			fmt.Println(err)
			return
		}
		results = append(results, res)
	}
	r, err := assess.NewRanking(sc, results, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, row := range r.Rows() {
		fmt.Println(row.Order, row.Rank, row.Result.Subject, row.Result.Total)
	}
	if err := r.WriteCSV(os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// 1 1 A 92.5
	// 2 1 C 92.5
	// 3 3 B 88
	// order,rank,subject,category,total,work,bonus,band,grade,eligible,remarks
	// 1,1,A,,92.5,92.5,0,,,true,
	// 2,1,C,,92.5,92.5,0,,,true,
	// 3,3,B,,88,88,0,,,true,
}
