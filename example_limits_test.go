package dangjian_test

import (
	"fmt"

	"github.com/dangjian-go/dangjian"
)

// The bounds of a Limits, with the defaults applied: zero means the
// default, a negative value no limit.
func ExampleLimits() {
	lim := dangjian.Limits{MaxRecords: 5000, MaxProblems: -1}
	fmt.Println(lim.Bytes(), lim.Records(), lim.RecordBytes(), lim.Problems())
	// Output:
	// 68719476736 5000 1048576 -1
}

// A ProblemCap lists the first problems of a reading and counts the rest.
func ExampleNewProblemCap() {
	lim := dangjian.Limits{MaxProblems: 2}
	c := dangjian.NewProblemCap(lim.Problems())
	for line := 2; line <= 6; line++ {
		c.Add(&dangjian.Problem{Kind: dangjian.ErrMissing, Path: "base", Line: line})
	}
	fmt.Println(c.Len(), "problems,", c.More(), "only counted")
	for _, p := range c.Problems() {
		fmt.Println(p)
	}
	// Output:
	// 5 problems, 3 only counted
	// line 2: base: missing value
	// line 3: base: missing value
	// exceeds a limit: 3 more problems not listed (limit 2 problems; raise it with MaxProblems or the program's -max-problems) ("3")
}
