package xiamen_test

import (
	"fmt"

	"github.com/dangjian-go/dangjian/funding/standard"
	"github.com/dangjian-go/dangjian/place/xiamen"
)

func ExampleLadder2009() {
	l := xiamen.Ladder2009()
	fmt.Println(l.ID, l.Source.Doc, l.Source.Confidence, len(l.Steps), "steps, one every", l.YearsPerStep, "years")
	for _, years := range []int{0, 1, 2, 22, 30} {
		r, _ := l.Pay(standard.CommunityStaff, 1, years)
		fmt.Println(years, "years: step", r.Level, r.Monthly, r.Capped)
	}
	// Output:
	// XM-2009-COMMUNITY-STEPS 厦民〔2009〕32号 local_practice 12 steps, one every 2 years
	// 0 years: step 1 900.00 false
	// 1 years: step 1 900.00 false
	// 2 years: step 2 930.00 false
	// 22 years: step 12 1440.00 false
	// 30 years: step 12 1440.00 true
}
