package tax_test

import (
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding/tax"
)

// FuzzReadPayroll reads any text as a payroll and withholds over it: it
// never panics or hangs; each row is passed once, in line order, as a
// good row with its withholding or as a bad row with problems that have a
// kind, the row's line and a column within the header; nothing withheld is
// negative; and the reader alone passes the same rows.
func FuzzReadPayroll(f *testing.F) {
	for _, s := range []string{
		"id,month,gross,social_insurance,special_deductions\na,2024-01,9000,900,0\na,2024-02,9000,900,0\n",
		"工号,月份,应发工资,社保个人缴纳,专项附加扣除,年内首次取得工资,上年低收入\nA,2020-07,1,0,0,是,否\nB,2021-01,1,0,0,否,是\nA,2020-06,1,0,0,1,0\n",
		"id,month,gross,social_insurance,special_deductions\nx,2024-13,1e3,-1,0.001\n,,,,\ny,2018-12,1\n",
		"id,month,gross,social_insurance,special_deductions\nz,9999-12,92233720368547758.07,0,0\nz,9999-12,1,0,0\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		lim := dangjian.Limits{MaxBytes: 1 << 16, MaxRecordBytes: 1 << 12}
		var scanned []int
		scanErr := tax.ScanPayrollWith(strings.NewReader(in), lim, func(row tax.PayrollRow, bad dangjian.Problems) error {
			scanned = append(scanned, row.Line)
			return nil
		})
		prev := 0
		var lines []int
		err := tax.WithholdStream(strings.NewReader(in), lim, func(row tax.PayrollRow, l tax.Line, bad dangjian.Problems) error {
			if row.Line <= prev {
				t.Fatalf("row on line %d after line %d", row.Line, prev)
			}
			prev = row.Line
			lines = append(lines, row.Line)
			if bad == nil {
				if l.Withheld.IsNegative() || l.Month != row.Month.Month || l.BasicRule == "" {
					t.Fatalf("line %d: %+v", row.Line, l)
				}
				return nil
			}
			for _, p := range bad {
				if p.Kind == nil || p.Line != row.Line || p.Column < 0 || p.Message() == "" {
					t.Fatalf("problem %#v of the row on line %d", p, row.Line)
				}
			}
			return nil
		})
		if (err == nil) != (scanErr == nil) || len(lines) != len(scanned) {
			t.Fatalf("withholding passed %v (%v), the reader %v (%v)", lines, err, scanned, scanErr)
		}
		for _, p := range dangjian.ProblemsOf(err) {
			if p.Kind == nil {
				t.Fatalf("problem without a kind: %#v", p)
			}
		}
	})
}
