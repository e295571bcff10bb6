package conformance_test

import (
	"fmt"

	"github.com/dangjian-go/dangjian/conformance"
)

// fenOf returns amount × num/den rounded half-up to the fen, for
// non-negative amounts in fen.
func fenOf(fen, num, den int64) int64 { return (2*fen*num + den) / (2 * den) }

func yuan(fen int64) string { return fmt.Sprintf("%d.%02d", fen/100, fen%100) }

// myRemit sends the Centre its 5 % and the lump sums; other policies are
// skipped.
func myRemit(c conformance.RemitCase) (conformance.RemitAnswer, error) {
	if len(c.Policy) != 1 || c.Policy[0] != "DUES-REMIT-CENTRE-5PCT" || c.Want.Problem != "" {
		return conformance.RemitAnswer{}, conformance.ErrSkip
	}
	centre := fenOf(c.Collected.Fen(), 5, 100)
	a := conformance.RemitAnswer{Amounts: map[string]string{"DUES-REMIT-CENTRE-5PCT": yuan(centre)}, Remainder: yuan(c.Collected.Fen() - centre)}
	if c.LumpSums.Fen() > 0 {
		a.Amounts["DUES-LUMP-CENTRE"] = yuan(c.LumpSums.Fen())
	}
	return a, nil
}

func ExampleCheckRemit() {
	t := &printer{}
	conformance.CheckRemit(t, myRemit)
	fmt.Println(t.n, "differ")
	// Output:
	// conformance: 10 remit vectors skipped
	// 0 differ
}

func ExampleRemitCases() {
	cs, _ := conformance.RemitCases()
	c := cs[0]
	fmt.Println(c.Name, c.Collected, c.Want.Lines, c.Want.Remainder)
	// Output: centre-5pct 123456.78 [{DUES-REMIT-CENTRE-5PCT 6172.84 2025-04-30}] 117283.94
}

// myDeduction applies 42号's cap of 1 % of the payroll; local rates and
// years before 2014 are skipped.
func myDeduction(c conformance.NonPublicCase) (string, error) {
	if c.Jurisdiction != "" || c.Year < 2014 {
		return "", conformance.ErrSkip
	}
	return yuan(min(c.Spending.Fen(), fenOf(c.Payroll.Fen(), 1, 100))), nil
}

func ExampleCheckNonPublic() {
	t := &printer{}
	conformance.CheckNonPublic(t, myDeduction)
	fmt.Println(t.n, "differ")
	// Output:
	// conformance: 3 nonpublic vectors skipped
	// 0 differ
}

func ExampleNonPublicCases() {
	cs, _ := conformance.NonPublicCases()
	for _, c := range cs[3:5] {
		fmt.Println(c.Name, c.Payroll, c.Want.Cap)
	}
	// Output:
	// cap-half-fen-up 1234567.50 12345.68
	// cap-below-half-fen 1234567.49 12345.67
}

// mySOE runs 38号's ledger: 1 % of the prior year's wages unless the
// carry-forward exceeds 2 % of them; ledgers with years before 2017 are
// skipped.
func mySOE(l conformance.SOELedger) ([]conformance.SOEAnswer, error) {
	var open int64
	var out []conformance.SOEAnswer
	for _, y := range l.Years {
		if y.Year < 2017 {
			return nil, conformance.ErrSkip
		}
		alloc := int64(0)
		if open*100 <= y.PriorPayroll.Fen()*2 { // stop only when strictly above 2 %
			alloc = fenOf(y.PriorPayroll.Fen(), 1, 100)
		}
		charged := max(y.Spending.Fen()-y.OtherSources.Fen(), 0)
		open = max(open+alloc-charged, 0)
		out = append(out, conformance.SOEAnswer{Allocation: yuan(alloc), Closing: yuan(open),
			Deductible: yuan(min(charged, fenOf(y.Payroll.Fen(), 1, 100)))})
	}
	return out, nil
}

func ExampleCheckSOE() {
	t := &printer{}
	conformance.CheckSOE(t, mySOE)
	fmt.Println(t.n, "differ")
	// Output:
	// conformance: 1 SOE ledgers skipped
	// 0 differ
}

func ExampleSOELedgers() {
	ls, _ := conformance.SOELedgers()
	for _, y := range ls[0].Years[2:4] {
		fmt.Println(y.Name, y.Want.Opening, y.Want.Stop, y.Want.Allocation, y.Want.Closing)
	}
	// Output:
	// carry-and-stop-2020 165000.00 false 110000.00 255000.00
	// carry-and-stop-2021 255000.00 true 0.00 235000.00
}
