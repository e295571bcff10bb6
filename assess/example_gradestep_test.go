package assess_test

import (
	"fmt"

	"github.com/dangjian-go/dangjian/assess"
)

// A grading step on one line, as the text reports print it.
func ExampleGradeStep_String() {
	fmt.Println(assess.GradeStep{Kind: assess.StepQuota, Rule: "quota:优秀", From: "优秀", To: "良好", Reason: "over the 20 % quota"})
	fmt.Println(assess.GradeStep{Kind: assess.StepBand, To: "良好", Reason: "total 86.50 in [80, 90)"})
	// Output:
	// quota quota:优秀 优秀 → 良好: over the 20 % quota
	// band → 良好: total 86.50 in [80, 90)
}
