package dues_test

import (
	"fmt"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding/dues"
)

// A roster read within limits, with a small budget for the check of
// repeated IDs: the warning says from which line new IDs are not checked;
// the IDs kept are still checked, and every row is passed.
func ExampleScanRosterWith() {
	var roster strings.Builder
	roster.WriteString("id,name,category,base\n")
	for i := range 400 {
		fmt.Fprintf(&roster, "M%03d,,student,\n", i)
	}
	roster.WriteString("M001,,student,\n") // kept: its repeat is found
	opts := dues.ScanOptions{
		Limits:     dangjian.Limits{MaxRecords: 1000},
		MaxIDBytes: 12 << 10,
		Warn:       func(p *dangjian.Problem) { fmt.Println("warning:", p.Line, p.Code(), p.Value) },
	}
	good := 0
	err := dues.ScanRosterWith(strings.NewReader(roster.String()), opts, func(r dues.RosterRow, bad dangjian.Problems) error {
		if bad != nil {
			fmt.Println(bad[len(bad)-1])
			return nil
		}
		good++
		return nil
	})
	fmt.Println(good, "good rows;", err)
	// Output:
	// warning: 317 ids_not_checked 12288
	// line 402, column 1: id (id "M001"): duplicate ID: first on line 3 ("M001")
	// 400 good rows; <nil>
}

// A limit met ends the reading with one problem naming it.
func ExampleScanRosterJSONWith() {
	in := `[{"id": "a", "category": "student"}, {"id": "b", "category": "student"}, {"id": "c", "category": "student"}]`
	err := dues.ScanRosterJSONWith(strings.NewReader(in), dues.ScanOptions{Limits: dangjian.Limits{MaxRecords: 2}},
		func(r dues.RosterRow, bad dangjian.Problems) error {
			fmt.Println(r.Member.ID)
			return nil
		})
	fmt.Println(err)
	// Output:
	// a
	// b
	// line 1, column 74: [2]: exceeds a limit: more than 2 elements (limit 2 elements; raise it with MaxRecords or the program's -max-rows)
}

// At most MaxProblems problems are listed, then one counts the rest.
func ExampleReadRosterWith() {
	in := "id,name,category,base\n1,,nobody,\n2,,nobody,\n3,,nobody,\n4,,student,\n"
	rows, err := dues.ReadRosterWith(strings.NewReader(in), dues.ScanOptions{Limits: dangjian.Limits{MaxProblems: 1}})
	fmt.Println(len(rows), "good row")
	for _, p := range dangjian.ProblemsOf(err) {
		fmt.Println(p.Code(), p.Line)
	}
	// Output:
	// 1 good row
	// invalid 2
	// limit 0
}

// The JSON roster's reader with options, collected.
func ExampleDecodeRosterJSONWith() {
	in := `[{"id": "a", "category": "student"}, {"id": "a", "category": "student"}]`
	rows, err := dues.DecodeRosterJSONWith(strings.NewReader(in), dues.ScanOptions{MaxIDBytes: -1})
	fmt.Println(len(rows), "rows")
	for _, p := range dangjian.ProblemsOf(err) {
		fmt.Println(p)
	}
	// Output:
	// 0 rows
	// line 1, column 9: [0].id (id "a"): duplicate ID: repeated at [1] ("a")
	// line 1, column 45: [1].id (id "a"): duplicate ID: first at [0] ("a")
}
