package dues_test

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding/dues"
)

// A month's ledger from a roster of any size: the rows of an ID that
// repeats are left out (the roster is read again for that), with the
// problems, the rows not computed and the summary in the report.
func ExampleComputeMonth() {
	roster := "id,name,category,base\nA1,张伟,employed,6234.50\nA2,李娜,employed,2000\nA1,王芳,retired,4000\nS1,赵磊,student,\n"
	open := func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(roster)), nil }
	var ledger bytes.Buffer
	lw, err := dues.NewLedgerWriter(&ledger, dangjian.English)
	if err != nil {
		panic(err)
	}
	reset := func() error { // the second reading writes the ledger again
		ledger.Reset()
		lw, err = dues.NewLedgerWriter(&ledger, dangjian.English)
		return err
	}
	opts := dues.MonthOptions{Rules: dues.Rules2017(), Month: dangjian.MustParseDate("2024-06-01")}
	rep, err := dues.ComputeMonth(open, reset, opts, func(r dues.LedgerRow) error { return lw.Write(r) })
	if err == nil {
		err = lw.Flush()
	}
	if err != nil {
		fmt.Println(err)
		return
	}
	os.Stdout.Write(ledger.Bytes())
	for _, p := range rep.Problems {
		fmt.Println(p)
	}
	fmt.Println(rep.NotComputed, "rows not computed;", rep.Summary.Members, "members, dues", rep.Summary.Dues)
	// Output:
	// id,name,category,base,rate,dues,rule,voluntary,total,capped,lump_sum,reduced,not_yet_due
	// A2,李娜,employed,2000.00,0.005,10.00,DUES-WAGE-1,0.00,10.00,false,false,false,false
	// S1,赵磊,student,,,0.20,DUES-FLAT-020,0.00,0.20,false,false,false,false
	// line 2, column 1: id (id "A1"): duplicate ID: repeated on line 4 ("A1")
	// line 4, column 1: id (id "A1"): duplicate ID: first on line 2 ("A1")
	// 2 rows not computed; 2 members, dues 10.20
}
