package dues_test

import (
	"fmt"
	"os"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/dues"
)

// A month's summary, as the program prints it under the ledger: the rows
// the rules could not compute are counted by the caller.
func ExampleLedgerSummary_WriteText() {
	month := dangjian.MustParseDate("2024-06-01")
	calc, err := dues.Rules2017().Compile()
	if err != nil {
		panic(err)
	}
	var tally dues.Tally
	for _, m := range []dues.Member{
		{ID: "A1", Category: dues.Employed, Base: funding.MustParseMoney("2500.00")},
		{ID: "A2", Category: dues.Employed, Base: funding.MustParseMoney("5000.00"), Voluntary: funding.MustParseMoney("1000")},
		{ID: "S1", Category: dues.Student},
	} {
		d, err := calc.Monthly(m, month)
		if err != nil {
			panic(err)
		}
		if err := tally.Add(d); err != nil {
			panic(err)
		}
	}
	sum, err := tally.Summary()
	if err != nil {
		panic(err)
	}
	if err := sum.WriteText(os.Stdout, month, dues.Rules2017().Name, 1); err != nil {
		fmt.Println(err)
	}
	// Output:
	// 2024-06, rules 2017: 3 members computed, 1 rows not computed
	//   employed         2  dues      62.50  voluntary    1000.00
	//   student          1  dues       0.20  voluntary       0.00
	// dues 62.70 + voluntary 1000.00 = total 1062.70
	// lump sums to remit to the Centre in full: 1000.00 (A2)
	// ordinary dues (the total less the lump sums): 62.70
}
