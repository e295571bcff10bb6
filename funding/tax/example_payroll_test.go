package tax_test

import (
	"fmt"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/tax"
)

// A payroll of two members, their rows interleaved: a graduate hired in
// July 2024 with no wage income earlier in the year (公告2020年第13号: the
// basic deduction counts 7 × 5000 in July), and a member whose previous
// year with the employer was a low-income one (公告2020年第19号: 60000 from
// January). A repeated month is a problem of its row; the rows after it go
// on.
func ExampleWithholdStream() {
	in := strings.NewReader(`id,month,gross,social_insurance,special_deductions,first_wage_income_this_year,prior_year_low_income
G1,2024-07,20000.00,2000.00,0,true,false
L1,2024-07,8000.00,800.00,0,false,true
G1,2024-08,20000.00,2000.00,0,true,false
G1,2024-08,20000.00,2000.00,0,true,false
G1,2024-09,20000.00,2000.00,0,true,false
`)
	err := tax.WithholdStream(in, dangjian.Limits{}, func(row tax.PayrollRow, l tax.Line, bad dangjian.Problems) error {
		if bad != nil {
			fmt.Println(bad)
			return nil
		}
		fmt.Printf("%s %d-%02d withheld %s (cumulative basic deduction %s, %s)\n", row.ID, row.Year, row.Month.Month,
			l.Withheld, l.Cumulative.BasicDeduction, l.BasicRule)
		return nil
	})
	fmt.Println(err)
	// Output:
	// G1 2024-07 withheld 0.00 (cumulative basic deduction 35000.00, TAX-BASIC-FIRSTWAGE-2020)
	// L1 2024-07 withheld 0.00 (cumulative basic deduction 60000.00, TAX-BASIC-LOWINCOME-2021)
	// G1 2024-08 withheld 0.00 (cumulative basic deduction 40000.00, TAX-BASIC-FIRSTWAGE-2020)
	// line 5, column 2: month (id "G1"): bad month: the member's month 2024-08 is repeated ("2024-08")
	// G1 2024-09 withheld 270.00 (cumulative basic deduction 45000.00, TAX-BASIC-FIRSTWAGE-2020)
	// <nil>
}

// ScanPayroll reads the rows alone, with a problem for each bad cell.
func ExampleScanPayroll() {
	in := strings.NewReader("工号,月份,应发工资,社保个人缴纳,专项附加扣除\n" +
		"A1,2024-03,9000.00,900.00,1500.00\n" +
		"A2,2024-3,9000.00,900,\n")
	err := tax.ScanPayroll(in, func(row tax.PayrollRow, bad dangjian.Problems) error {
		if bad != nil {
			fmt.Println(bad)
			return nil
		}
		fmt.Println(row.ID, row.Year, row.Month.Month, row.Month.Income, row.Month.SocialInsurance, row.Month.AdditionalAmount)
		return nil
	})
	fmt.Println(err)
	// Output:
	// A1 2024 3 9000.00 900.00 1500.00
	// line 3, column 2: 月份 (id "A2"): bad month: want a month of the tax year as YYYY-MM, such as 2024-03 ("2024-3")
	// <nil>
}

// A Withholder takes rows from anywhere, keeping one running state a
// member.
func ExampleNewWithholder() {
	w := tax.NewWithholder()
	for m := 1; m <= 3; m++ {
		l, bad := w.Add(tax.PayrollRow{ID: "M1", Year: 2024,
			Month: tax.Month{Month: m, Income: funding.MustParseMoney("15000"), SocialInsurance: funding.MustParseMoney("1500")}})
		if bad != nil {
			fmt.Println(bad)
			continue
		}
		fmt.Println(m, l.Cumulative.Taxable, l.Withheld)
	}
	fmt.Println(w.Members(), "member")
	// Output:
	// 1 8500.00 255.00
	// 2 17000.00 255.00
	// 3 25500.00 255.00
	// 1 member
}
