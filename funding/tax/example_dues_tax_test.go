package tax_test

import (
	"fmt"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/dues"
	"github.com/dangjian-go/dangjian/funding/tax"
)

// The dues base from gross pay: the income tax of each month comes from the
// cumulative withholding method, and the payslip with that tax gives the
// base. Taxable income is 16000 − 5000 − 3600 = 7400 a month: January's
// cumulative 7400 is taxed at 3 % (222.00); by December the cumulative 88800
// is in the 10 % bracket and the month withholds 740.00. The same gross pay
// gives a smaller base late in the year — one reason the 2017 notice fixes
// the amount once a year.
func ExampleWithhold_duesBase() {
	gross := funding.MustParseMoney("16000")
	own := map[string]funding.Money{"pension": funding.MustParseMoney("1280"), "medical": funding.MustParseMoney("320"),
		"unemployment": funding.MustParseMoney("80"), "housing": funding.MustParseMoney("1920")}
	var months []tax.Month
	for m := 1; m <= 12; m++ {
		months = append(months, tax.Month{Month: m, Income: gross, Pension: own["pension"], Medical: own["medical"],
			Unemployment: own["unemployment"], HousingFund: own["housing"]})
	}
	year, err := tax.Withhold(2024, months)
	if err != nil {
		panic(err)
	}
	for _, m := range []int{1, 12} {
		line, _ := year.Month(m)
		ps := &dues.Payslip{Employer: dues.Enterprise,
			Items:     []dues.PayItem{{Kind: dues.BasicWage, Amount: gross}},
			IncomeTax: line.Withheld, Pension: own["pension"], Medical: own["medical"], Unemployment: own["unemployment"], HousingFund: own["housing"]}
		d17, _ := dues.Rules2017().Monthly(dues.Member{Category: dues.Employed, Payslip: ps}, dangjian.NewDate(2024, 1, 1).AddMonths(m-1))
		fmt.Printf("month %2d: tax %8s, 2017 base %s, dues %s\n", m, line.Withheld, d17.Base, d17.Amount)
	}
	// Output:
	// month  1: tax   222.00, 2017 base 12178.00, dues 243.56
	// month 12: tax   740.00, 2017 base 11660.00, dues 233.20
}
