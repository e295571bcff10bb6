package assess_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
)

// A case file names a reference scheme (or gives a scheme), and says what
// each subject of a case must get: the total exactly, and its grade and
// rank if given. Failing expectations come with the subject's trace.
func ExampleRunCases() {
	file := `{"scheme": "jifen", "cases": [{
	  "name": "a member vetoed to 0",
	  "subjects": [{"id": "J3",
	    "values": {"study_sessions": "6", "study_notes": "4", "study_reflections": "4", "three_meetings": "4", "party_day": "4"},
	    "votes": {"review": {"members": {"counts": {"优秀": 10}}}},
	    "flags": {"crime": true}}],
	  "expect": [{"id": "J3", "total": "0", "grade": "不合格", "rank": 1}]}]}`
	rep, err := assess.RunCases(strings.NewReader(file), assess.CaseOptions{File: "cases.json"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d passed, %d failed\n", rep.Passed, rep.Failed)
	// Output:
	// 1 passed, 0 failed
}

// DecodeCases reports every problem of a case file with its path, line
// and column; a total is never read through a float.
func ExampleDecodeCases() {
	file := `{"scheme": "jifen", "cases": [{"name": "n",
	  "subjects": [{"id": "a"}],
	  "expect": [{"id": "a", "total": 87.6e0}, {"id": "b", "total": "87.63", "Grade": "优秀"}]}]}`
	_, err := assess.DecodeCases(strings.NewReader(file))
	for _, p := range dangjian.ProblemsOf(err) {
		fmt.Println(p)
	}
	// Output:
	// line 3, column 36: cases[0].expect[0].total (id "a"): invalid value: want a total as a decimal ("87.63") or a fraction n/d ("87.6e0")
	// line 3, column 45: cases[0].expect[1].id (id "b"): refers to an unknown ID: the case has no subject of this ID ("b")
	// line 3, column 75: cases[0].expect[1].Grade (id "b"): unknown field: keys are case-sensitive: the field is "grade" ("Grade")
}

// Run resolves a scheme's name through CaseOptions.Resolve: here a scheme
// of the caller's own, graded by its bands and ranked by total. A total
// written with more places than the scheme rounds to is a problem, since
// no score could ever match it.
func ExampleCases_Run() {
	s, err := assess.DecodeScheme(strings.NewReader(tinyScheme))
	if err != nil {
		fmt.Println(err)
		return
	}
	resolve := func(name string) (assess.Scheme, *assess.GradePolicy, error) {
		if name != "tiny" {
			return assess.Scheme{}, nil, &dangjian.Problem{Kind: dangjian.ErrUnknownRef, Value: name}
		}
		return s, nil, nil // no policy: the bands grade, the total ranks
	}
	cs, err := assess.DecodeCases(strings.NewReader(`{"scheme": "tiny", "cases": [{"name": "n",
	  "subjects": [{"id": "x", "values": {"a": "55.555", "b": "35"}}],
	  "expect": [{"id": "x", "total": "90.555"}]}]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = cs.Run(assess.CaseOptions{Resolve: resolve})
	fmt.Println(err)
	// Output:
	// line 3, column 36: cases[0].expect[0].total (id "x"): invalid value: written with 3 decimal places, but the scheme rounds the total to 2: it could never be got ("90.555")
}

// WriteText prints each case, and under a failing one what differs and
// the subject's trace.
func ExampleCaseReport_WriteText() {
	file := `{"scheme": ` + tinyScheme + `, "cases": [{"name": "one fen off",
	  "subjects": [{"id": "x", "values": {"a": "55.555", "b": "35"}}],
	  "expect": [{"id": "x", "total": "90.55", "grade": "优秀"}]}]}`
	rep, err := assess.RunCases(strings.NewReader(file), assess.CaseOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := rep.WriteText(os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// scheme 示例
	// FAIL one fen off (line 6)
	//   x (line 8): total want 90.55, got 90.56
	//     total 示例 = 90.56 (exact 90.555, half_up to 2 places)
	//       c 考核 = 90.555 of 100
	//         · inputs: weight 1; weighted 90.555
	//         a 甲 = 55.555 of 60 (direct)
	//           · inputs: value 55.555
	//           · rule: min(max(value, 0), max)
	//         b 乙 = 35 of 40 (direct)
	//           · inputs: value 35
	//           · rule: min(max(value, 0), max)
	// 0 of 1 cases pass
}

// A total is an exact decimal as written, or a fraction for a scheme that
// does not round its total.
func ExampleParseExpectedTotal() {
	t, _ := assess.ParseExpectedTotal("87.630")
	fmt.Println(t, t.IsSet())
	_, err := assess.ParseExpectedTotal("8.763e1")
	fmt.Println(err)
	// Output:
	// 87.630 true
	// invalid value: want a total as a decimal ("87.63") or a fraction n/d ("8.763e1")
}
