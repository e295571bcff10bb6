package dues_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/dues"
)

// A roster streamed to a ledger: each row is computed and written as it
// is read, and a bad row is reported while the good ones go on.
func ExampleScanRoster() {
	const roster = "id,name,category,base,voluntary\n" +
		"01,Zhang,employed,4800,\n" +
		"02,Li,employed,\"3,000.00\",\n" +
		"03,Wang,retired,5200.50,1000\n"
	calc, err := dues.Rules2017().Compile()
	if err != nil {
		panic(err)
	}
	lw, err := dues.NewLedgerWriter(os.Stdout, dangjian.English)
	if err != nil {
		panic(err)
	}
	var tally dues.Tally
	err = dues.ScanRoster(strings.NewReader(roster), func(r dues.RosterRow, bad dangjian.Problems) error {
		if bad != nil {
			for _, p := range bad {
				fmt.Fprintln(os.Stdout, "bad:", p)
			}
			return nil
		}
		d, err := calc.Monthly(r.Member, dangjian.MustParseDate("2024-06-01"))
		if err != nil {
			return err
		}
		if err := tally.Add(d); err != nil {
			return err
		}
		return lw.Write(dues.LedgerRow{Name: r.Member.Name, Dues: d})
	})
	if err == nil {
		err = lw.Flush()
	}
	if err != nil {
		fmt.Println(err)
	}
	sum, _ := tally.Summary()
	fmt.Println(sum.Members, sum.Total, sum.LumpSumMembers)
	// Output:
	// bad: line 3, column 4: base (id "02"): invalid value: grouping commas are not accepted: write 3000.00, not 3,000.00 ("3,000.00")
	// id,name,category,base,rate,dues,rule,voluntary,total,capped,lump_sum,reduced,not_yet_due
	// 01,Zhang,employed,4800.00,0.01,48.00,DUES-WAGE-2,0.00,48.00,false,false,false,false
	// 03,Wang,retired,5200.50,0.01,52.01,DUES-PENSION-2,1000.00,1052.01,false,true,false,false
	// 2 1100.01 [03]
}

func ExampleCalculator_Monthly() {
	calc, err := dues.Rules2017().Compile()
	if err != nil {
		panic(err)
	}
	june := dangjian.MustParseDate("2024-06-01")
	for _, m := range []dues.Member{
		{ID: "01", Category: dues.Employed, Base: funding.MustParseMoney("6234.50")},
		{ID: "02", Category: dues.AnnualSalary, Base: funding.MustParseMoney("80000")},
		{ID: "03", Category: dues.Employed, Base: funding.MustParseMoney("4000"), ProbationarySince: dangjian.MustParseDate("2024-07-10")},
	} {
		d, err := calc.Monthly(m, june)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(d.Member, d.Amount, d.Rule, d.Capped, d.NotYetDue, len(d.Steps))
	}
	// Output:
	// 01 93.52 DUES-WAGE-3 false false 0
	// 02 1000.00 DUES-CAP-1000 true false 0
	// 03 0.00 DUES-PROBATIONARY false true 0
}

func ExampleNewLedgerWriter() {
	lw, err := dues.NewLedgerWriter(os.Stdout, dangjian.Chinese)
	if err != nil {
		panic(err)
	}
	d, _ := dues.Rules2017().Monthly(dues.Member{ID: "01", Category: dues.Student}, dangjian.MustParseDate("2024-06-01"))
	if err := lw.Write(dues.LedgerRow{Name: "张伟", Dues: d}); err != nil {
		panic(err)
	}
	if err := lw.Flush(); err != nil {
		panic(err)
	}
	// Output:
	// 编号,姓名,党员类别,计算基数,比例,党费,规则,自愿多交,合计,封顶,大额党费,少交免交,尚未起交
	// 01,张伟,学生,,,0.20,DUES-FLAT-020,0.00,0.20,否,否,否,否
}

func ExampleScanRosterJSON() {
	const roster = `[{"id": "01", "name": "张伟", "category": "在职", "base": "6234.50"},
 {"id": "02", "category": "farmer", "flatAmount": "0.001"},
 {"id": "03", "category": "student"}]`
	rules := dues.Rules2017()
	err := dues.ScanRosterJSON(strings.NewReader(roster), func(r dues.RosterRow, bad dangjian.Problems) error {
		if bad != nil {
			fmt.Println("line", r.Line, "bad:", bad)
			return nil
		}
		d, err := rules.Monthly(r.Member, dangjian.MustParseDate("2024-06-01"))
		if err != nil {
			return err
		}
		fmt.Println("line", r.Line, d.Member, d.Amount, d.Rule)
		return nil
	})
	fmt.Println(err)
	// Output:
	// line 1 01 93.52 DUES-WAGE-3
	// line 2 bad: line 2, column 51: [1].flatAmount (id "02"): finer than a fen ("0.001")
	// line 3 03 0.20 DUES-FLAT-020
	// <nil>
}

// A Tally sums a month's dues as they are computed, without keeping them:
// what Summarize gives for a slice, for a stream of any length.
func ExampleTally() {
	rules := dues.Rules2017()
	month := dangjian.MustParseDate("2024-06-01")
	var t dues.Tally
	for _, m := range []dues.Member{
		{ID: "01", Category: dues.Employed, Base: funding.MustParseMoney("6234.50")},
		{ID: "02", Category: dues.Retired, Base: funding.MustParseMoney("4200")},
		{ID: "03", Category: dues.Student},
	} {
		d, err := rules.Monthly(m, month)
		if err != nil {
			fmt.Println(err)
			return
		}
		if err := t.Add(d); err != nil {
			fmt.Println(err)
			return
		}
	}
	s, err := t.Summary()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.Members, "members, dues", s.Dues, "total", s.Total)
	// Output:
	// 3 members, dues 114.72 total 114.72
}
