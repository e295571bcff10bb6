package dues_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding/dues"
)

// A mobile member holding a 流动党员活动证 may pay at the inflow
// organization (DUES-MOBILE-INFLOW). The home branch's roster names it in
// paying_org (流入地党组织): the member's dues are computed as usual, and the
// summary counts them there, not at home, so that no one is counted twice.
func ExamplePaidElsewhere() {
	const roster = `id,name,category,base,paying_org
M1,甲,employed,2500.00,
M3,丙,employed,6234.50,某街道流动党员党支部
`
	month := dangjian.MustParseDate("2024-06-01")
	rows, err := dues.ReadRoster(strings.NewReader(roster))
	if err != nil {
		fmt.Println(err)
		return
	}
	var tally dues.Tally
	for _, r := range rows {
		d, err := dues.Rules2017().Monthly(r.Member, month)
		if err != nil {
			fmt.Println(err)
			return
		}
		if err := tally.Add(d); err != nil {
			fmt.Println(err)
			return
		}
	}
	sum, err := tally.Summary()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("at home:", sum.Members, sum.Total)
	for _, e := range sum.PaidElsewhere {
		fmt.Println("at", e.Org+":", e.Members, e.Total)
	}
	// Output:
	// at home: 1 12.50
	// at 某街道流动党员党支部: [M3] 93.52
}

// A ledger that records who collected each row: the paying_org column,
// last, empty where the roster's own organization collected.
func ExampleNewLedgerWriterWith() {
	month := dangjian.MustParseDate("2024-06-01")
	lw, err := dues.NewLedgerWriterWith(os.Stdout, dues.LedgerOptions{Lang: dangjian.English, PayingOrg: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	rows, err := dues.ReadRoster(strings.NewReader("id,name,category,base,inflow_org\nM1,,employed,2500,\nM3,,employed,6234.50,某街道流动党员党支部\n"))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range rows {
		d, err := dues.Rules2017().Monthly(r.Member, month)
		if err != nil {
			fmt.Println(err)
			return
		}
		if err := lw.Write(dues.LedgerRow{Dues: d}); err != nil {
			fmt.Println(err)
			return
		}
	}
	if err := lw.Flush(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// id,name,category,base,rate,dues,rule,voluntary,total,capped,lump_sum,reduced,not_yet_due,paying_org
	// M1,,employed,2500.00,0.005,12.50,DUES-WAGE-1,0.00,12.50,false,false,false,false,
	// M3,,employed,6234.50,0.015,93.52,DUES-WAGE-3,0.00,93.52,false,false,false,false,某街道流动党员党支部
}

// The home branch sends M3 to the inflow organization; M2 pays at home but
// is on the inflow organization's roster too: counted twice.
func ExampleRules_CheckInflow() {
	home, err := dues.ReadRoster(strings.NewReader("id,name,category,base,paying_org\nM2,乙,employed,5000,\nM3,丙,employed,6234.50,某街道流动党员党支部\n"))
	if err != nil {
		fmt.Println(err)
		return
	}
	inflow, err := dues.ReadRoster(strings.NewReader("id,name,category,base\nM3,丙,employed,6234.50\nM2,乙,employed,5000\n"))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range dues.Rules2017().CheckInflow(home, "某街道流动党员党支部", inflow) {
		fmt.Println(f.Rule, f.Severity, f.Subject, f.Line)
		fmt.Println(f.Message)
	}
	// Output:
	// DUES-MOBILE-INFLOW warning M2 2
	// M2 is on the home roster, paying at home, and on the roster of 某街道流动党员党支部 (line 3): the month's dues are counted twice
}
