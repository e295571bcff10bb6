package assess_test

import (
	"fmt"
	"strings"

	"github.com/dangjian-go/dangjian/assess"
)

// DecodeSubjectsFunc hands over one subject at a time, so that a cohort is
// scored as it is read; a subject with a problem is reported and the
// others go on.
func ExampleDecodeSubjectsFunc() {
	in := strings.NewReader("[\n {\"id\": \"A\"},\n {\"id\": \"B\", \"colour\": \"red\"},\n {\"id\": \"C\", \"category\": \"社区\"}\n]")
	err := assess.DecodeSubjectsFunc(in, func(s assess.Subject) error {
		fmt.Println(strings.TrimSpace(s.ID + " " + s.Category))
		return nil
	})
	fmt.Println(err)
	// Output:
	// A
	// C 社区
	// line 3, column 14: subjects[1].colour (id "B"): unknown field: want id, category, values, fields, checked, events, votes, bonus or flags ("colour")
}
