package conformance_test

import (
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian/conformance"
	"github.com/dangjian-go/dangjian/funding/dues"
)

// printer is a testing.TB for the examples: it prints what a Check
// function reports. In a test, pass the test's own t.
type printer struct {
	testing.TB
	n int
}

func (p *printer) Helper()                        {}
func (p *printer) Errorf(format string, a ...any) { p.n++; fmt.Printf(format+"\n", a...) }
func (p *printer) Fatalf(format string, a ...any) { p.Errorf(format, a...) }
func (p *printer) Logf(format string, a ...any)   { fmt.Printf(format+"\n", a...) }

// myDues is a platform's own dues function for employed members with a
// given base: 规定 第二条 in exact rationals, half-up to the fen, the 2017
// cap. Everything else is skipped.
func myDues(c conformance.DuesCase) (string, error) {
	base, ok := new(big.Rat).SetString(c.Roster["base"])
	if c.Member.Category != dues.Employed || !ok || c.Roster["reduction"] != "" || c.Roster["probationary_since"] != "" {
		return "", conformance.ErrSkip
	}
	rate := "0.02"
	for _, b := range []struct{ upTo, rate string }{{"3000", "0.005"}, {"5000", "0.01"}, {"10000", "0.015"}} {
		if upTo, _ := new(big.Rat).SetString(b.upTo); base.Cmp(upTo) <= 0 {
			rate = b.rate
			break
		}
	}
	r, _ := new(big.Rat).SetString(rate)
	fen := new(big.Rat).Mul(base, r)
	fen.Mul(fen, big.NewRat(100, 1)).Add(fen, big.NewRat(1, 2))
	n := new(big.Int).Quo(fen.Num(), fen.Denom())
	if c.RuleSet == "2017" && n.Cmp(big.NewInt(100000)) > 0 {
		n.SetInt64(100000)
	}
	return new(big.Rat).SetFrac(n, big.NewInt(100)).FloatString(2), nil
}

func ExampleCheckDues() {
	// In a test: conformance.CheckDues(t, myDues)
	t := &printer{}
	conformance.CheckDues(t, myDues, "dues/brackets-2017.csv", "dues/whole-yuan-2017.csv")
	fmt.Println(t.n, "differ")

	// A function with the float pattern of many platforms is reported
	// vector by vector: the case, its inputs, want and got, and the rules.
	float := func(c conformance.DuesCase) (string, error) {
		if c.Name != "employed-3001.50" {
			return myDues(c)
		}
		return "30.01", nil // 3001.5 × 0.01 = 30.014999… in binary
	}
	t = &printer{}
	conformance.CheckDues(t, float, "dues/brackets-2017.csv")
	// Output:
	// conformance: 23 dues vectors skipped
	// 0 differ
	// conformance/dues/brackets-2017.csv:9: case employed-3001.50 (category=employed base=3001.50; month 2024-06, rules of 2017): want dues 30.02 (DUES-WAGE-2), got 30.01; the library's rules: DUES-ROUND;DUES-WAGE-2
	// conformance: 23 dues vectors skipped
}

func ExampleDuesCases() {
	cs, err := conformance.DuesCases("dues/brackets-2017.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range cs[5:8] {
		fmt.Println(c.Name, c.Member.Base, c.Want.Rate, c.Want.Dues, c.Want.Rule, strings.Join(c.Rules, ";"))
	}
	// Output:
	// employed-3000.00 3000.00 0.005 15.00 DUES-WAGE-1 DUES-ROUND;DUES-WAGE-1
	// employed-3000.01 3000.01 0.01 30.00 DUES-WAGE-2 DUES-ROUND;DUES-WAGE-2
	// employed-3001.50 3001.50 0.01 30.02 DUES-WAGE-2 DUES-ROUND;DUES-WAGE-2
}

func ExampleDuesFiles() {
	fmt.Println(strings.Join(conformance.DuesFiles(), "\n"))
	// Output:
	// dues/brackets-2008.csv
	// dues/brackets-2017.csv
	// dues/mobile-2008.csv
	// dues/mobile-2017.csv
	// dues/payslips-2008.csv
	// dues/payslips-2017.csv
	// dues/provisions-2008.csv
	// dues/provisions-2017.csv
	// dues/whole-yuan-2017.csv
}

// myTax is a platform's own cumulative withholding (预扣率表一), in fen,
// for members without the 2020 facts; cases with a fact are skipped.
func myTax(c conformance.TaxCase) ([]string, error) {
	table := []struct{ upTo, pct, quick int64 }{ // 元, %, 元
		{36000, 3, 0}, {144000, 10, 2520}, {300000, 20, 16920}, {420000, 25, 31920},
		{660000, 30, 52920}, {960000, 35, 85920}, {1 << 50, 45, 181920},
	}
	var cum, withheld int64 // fen
	var out []string
	for i, m := range c.Months {
		if m.Row.Month.FirstWageIncome || m.Row.Month.PriorYearLowIncome {
			return nil, conformance.ErrSkip
		}
		in := m.Row.Month
		cum += in.Income.Fen() - in.SocialInsurance.Fen() - in.AdditionalAmount.Fen()
		taxable := max(cum-int64(i+1)*500000, 0)
		row := table[0]
		for _, r := range table {
			row = r
			if taxable <= r.upTo*100 {
				break
			}
		}
		tax := (taxable*row.pct+50)/100 - row.quick*100 // half-up to the fen
		w := max(tax-withheld, 0)
		withheld += w
		out = append(out, fmt.Sprintf("%d.%02d", w/100, w%100))
	}
	return out, nil
}

func ExampleCheckTax() {
	// In a test: conformance.CheckTax(t, myTax)
	t := &printer{}
	conformance.CheckTax(t, myTax)
	fmt.Println(t.n, "differ")
	// Output:
	// conformance: 5 tax cases skipped
	// 0 differ
}

func ExampleTaxCases() {
	cs, err := conformance.TaxCases("tax/facts-2021.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	c := cs[0]
	last := c.Months[len(c.Months)-1]
	fmt.Println(c.Member, c.Year, len(c.Months), "months; December:", last.Want.Withheld, last.Want.CumulativeBasic, strings.Join(last.Rules, ";"))
	// Output:
	// low-income-fact 2021 12 months; December: 144.00 60000.00 TAX-BASIC-LOWINCOME-2021;TAX-CUM-2019-1;TAX-CUM-METHOD-2019;TAX-ROUND
}

func ExampleTaxFiles() {
	fmt.Println(strings.Join(conformance.TaxFiles(), "\n"))
	// Output:
	// tax/facts-2020.csv
	// tax/facts-2021.csv
	// tax/withholding-2024.csv
}

func ExampleRuleSet() {
	// The version every vector names: the month of the catalogue's latest
	// rule start and 12 hex digits of the SHA-256 of rules.json.
	v := conformance.RuleSet()
	month, hash, _ := strings.Cut(v, ".")
	fmt.Println(len(month), len(hash))
	// Output: 7 12
}
