package csvtable_test

import (
	"fmt"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/csvtable"
)

// A table of members with a required id and name and an optional age; the
// header may name the columns in English (any case) or in Chinese.
func Example() {
	const (
		colID = iota
		colName
		colAge
	)
	spec := csvtable.Spec{
		Columns: []csvtable.Column{
			{Name: "id", Chinese: "编号", Required: true},
			{Name: "name", Chinese: "姓名", Required: true},
			{Name: "age", Chinese: "年龄", Aliases: []string{"岁数"}},
		},
		ID: "id",
	}
	const in = "编号,Name,岁数\n" +
		"m1,Ann,34\n" +
		"m2,Bob,thirty\n" +
		"m3,Cy\n"
	t, err := csvtable.Open(strings.NewReader(in), &spec)
	if err != nil {
		fmt.Println(err)
		return
	}
	var bad dangjian.Problems
	for t.Next() {
		if p := t.WidthProblem(); p != nil {
			bad.Add(p)
			continue
		}
		if age := t.Cell(colAge); strings.Trim(age, "0123456789") != "" {
			bad.Add(t.Problem(colAge, age, dangjian.ErrInvalid, "want a number of years"))
			continue
		}
		fmt.Printf("line %d: %s is %s\n", t.Line(), t.Cell(colName), t.Cell(colAge))
	}
	if err := t.Err(); err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range bad {
		fmt.Println(p)
	}

	_, err = csvtable.Open(strings.NewReader("id,colour\n"), &spec)
	for _, p := range dangjian.ProblemsOf(err) {
		fmt.Println(p)
	}
	// Output:
	// line 2: Ann is 34
	// line 3, column 3: 岁数 (id "m2"): invalid value: want a number of years ("thirty")
	// line 4 (id "m3"): invalid value: 2 fields, the header has 3
	// line 1, column 2: colour: invalid header: unknown column ("colour")
	// line 1: name: invalid header: missing required column
}

// A reading bounded to two rows: the third row ends it with a problem
// naming the limit and how to raise it. Problems of the rows themselves
// are the caller's, capped with a dangjian.ProblemCap.
func ExampleOpenWith() {
	spec := csvtable.Spec{Columns: []csvtable.Column{{Name: "id", Required: true}}, ID: "id"}
	in := "id\nm1\nm2\nm3\n"
	t, err := csvtable.OpenWith(strings.NewReader(in), &spec, dangjian.Limits{MaxRecords: 2})
	if err != nil {
		fmt.Println(err)
		return
	}
	for t.Next() {
		fmt.Println("row", t.Cell(0))
	}
	fmt.Println(t.Err())
	// Output:
	// row m1
	// row m2
	// line 4: exceeds a limit: more than 2 rows (limit 2 rows; raise it with MaxRecords or the program's -max-rows)
}
