package tax_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding/tax"
)

// BenchmarkWithholdStream: a payroll of 10,000 members × 12 months, the
// members' rows interleaved month by month, read and withheld.
func BenchmarkWithholdStream(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("id,month,gross,social_insurance,special_deductions,first_wage_income_this_year,prior_year_low_income\n")
	const members = 10_000
	for m := 1; m <= 12; m++ {
		for i := range members {
			fmt.Fprintf(&sb, "M%05d,2024-%02d,%d.50,%d.00,1500,false,%t\n", i, m, 6000+i%30000, 600+i%3000, i%7 == 0)
		}
	}
	in := sb.String()
	b.SetBytes(int64(len(in)))
	b.ResetTimer()
	for range b.N {
		err := tax.WithholdStream(strings.NewReader(in), dangjian.Limits{}, func(_ tax.PayrollRow, _ tax.Line, bad dangjian.Problems) error {
			if bad != nil {
				b.Fatal(bad)
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*members*12), "ns/row")
}
