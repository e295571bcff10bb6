package orgmodel_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/orgmodel"
)

// A table with more rows than MaxRecords is refused at the first row too
// many, with a problem naming the limit.
func ExampleReadCSVWith() {
	const table = "编号,上级编号,组织类别,领域,名称,正式党员,预备党员\n" +
		"1,,党委,村,某镇党委,30,1\n" +
		"1.1,1,党支部,村,某村党支部,7,2\n" +
		"1.2,1,党支部,村,另一村党支部,4,0\n"
	recs, err := orgmodel.ReadCSVWith(strings.NewReader(table), dangjian.Limits{MaxRecords: 2})
	fmt.Println(len(recs.Orgs))
	fmt.Println(err)
	// Output:
	// 0
	// line 4: exceeds a limit: more than 2 rows (limit 2 rows; raise it with MaxRecords or the program's -max-rows)
}

// Problems of bad rows beyond MaxProblems are counted in one last problem.
func ExampleReadTreeCSVWith() {
	table := "编号,上级编号,组织类别,领域,名称,正式党员,预备党员\n1,,党委,村,某镇党委,30,1\n"
	for i := range 5 {
		table += fmt.Sprintf("1.%d,1,党支部,村,村党支部,七,0\n", i)
	}
	tree, err := orgmodel.ReadTreeCSVWith(strings.NewReader(table), orgmodel.BuildOptions{}, dangjian.Limits{MaxProblems: 2})
	fmt.Println(tree.Len())
	for _, p := range dangjian.ProblemsOf(err) {
		fmt.Println(p)
	}
	// Output:
	// 1
	// line 3, column 6: 正式党员 (id "1.0"): invalid value: not a base-10 integer ("七")
	// line 4, column 6: 正式党员 (id "1.1"): invalid value: not a base-10 integer ("七")
	// exceeds a limit: 3 more problems not listed (limit 2 problems; raise it with MaxProblems or the program's -max-problems) ("3")
}

// A JSON tree is bounded by MaxBytes and, table by table, MaxRecords.
func ExampleDecodeJSONWith() {
	const in = `{"orgs": [
  {"id": "1", "kind": "local_committee", "name": "市委", "members": {"full": 0, "probationary": 0}},
  {"id": "2", "parent": "1", "kind": "branch", "name": "支部", "members": {"full": 5, "probationary": 0}}
]}`
	_, err := orgmodel.DecodeJSONWith(strings.NewReader(in), dangjian.Limits{MaxRecords: 1})
	fmt.Println(err)
	_, err = orgmodel.DecodeJSONWith(strings.NewReader(in), dangjian.Limits{MaxBytes: 100})
	fmt.Println(err)
	// Output:
	// line 3: orgs[1] (id "2"): exceeds a limit: more than 1 elements (limit 1 elements; raise it with MaxRecords or the program's -max-rows)
	// line 2, column 86: exceeds a limit: the input is longer than 100 bytes (limit 100 bytes; raise it with MaxBytes)
}

// A program prints the problems of its input, naming the file.
func ExampleWriteProblems() {
	const table = "id,parent_id,kind,domain,name,full_members,probationary_members\n" +
		"1,,committee,village,某镇党委,30,1\n" +
		"1.1,1,branch,village,某村党支部,七,2\n"
	_, err := orgmodel.ReadTreeCSV(strings.NewReader(table), orgmodel.BuildOptions{})
	if err := orgmodel.WriteProblems(os.Stdout, "tree.csv", dangjian.ProblemsOf(err), orgmodel.TextFindings); err != nil {
		fmt.Println(err)
	}
	// Output:
	// tree.csv:3:6: full_members (id "1.1"): invalid value: not a base-10 integer ("七")
}
