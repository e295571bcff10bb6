package conformance

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/tax"
)

// TaxCase is one member's months of one tax year in a tax vector file, in
// order: the cumulative method needs them together.
type TaxCase struct {
	// File is the vector file ("tax/withholding-2024.csv").
	File string
	// Member is the member's ID in the payroll; Year the tax year.
	Member string
	Year   int
	Months []TaxMonth
}

// TaxMonth is one vector of a [TaxCase]: one payroll row and the tax the
// library withholds for it.
type TaxMonth struct {
	// Line locates the vector in its file; Name is its case name.
	Line int
	Name string
	// Row is the payroll row as tax.ScanPayroll reads it
	// (conformance/tax/payroll/); Payroll holds its cells by column name,
	// as the file writes them.
	Row     tax.PayrollRow
	Payroll map[string]string
	Want    TaxWant
	// Rules are the IDs of the rules the library applied.
	Rules []string
}

// TaxWant is what the library computes for a month: the tax withheld
// (本期应预扣预缴税额), the cumulative basic deduction, the cumulative
// taxable income and the cumulative tax, as decimal text with two places.
// When Problem is set (a dangjian.Kind code: a fact on a month before its
// rule, for one), the other fields are empty.
type TaxWant struct {
	Withheld, CumulativeBasic, CumulativeTaxable, CumulativeTax string
	Problem                                                     string
}

// taxPayrollCols are the payroll columns of a tax vector file, in order.
var taxPayrollCols = []string{"id", "month", "gross", "social_insurance", "special_deductions", "first_wage_income_this_year", "prior_year_low_income"}

// TaxFiles returns the names of the tax vector files, sorted.
func TaxFiles() []string {
	fs, _ := filesOf("tax", nil)
	return fs
}

// TaxCases returns the member-years of the named tax files (all of them
// when none is named), in file order of their first month. An error means
// the embedded set is stale or damaged, or a file is not one of
// [TaxFiles].
func TaxCases(files ...string) ([]TaxCase, error) {
	return casesIn("tax", files, taxCases)
}

func taxCases(name string) ([]TaxCase, error) {
	rows, err := readVectors(name, append(taxPayrollCols[:5:5], "expected_withheld")...)
	if err != nil {
		return nil, err
	}
	payroll, err := moneyFiles.ReadFile("tax/payroll/" + strings.TrimPrefix(name, "tax/"))
	if err != nil {
		return nil, err
	}
	var prs []tax.PayrollRow
	err = tax.ScanPayroll(bytes.NewReader(payroll), func(row tax.PayrollRow, bad dangjian.Problems) error {
		if len(bad) > 0 {
			return bad
		}
		prs = append(prs, row)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("conformance/tax/payroll/%s: %w", strings.TrimPrefix(name, "tax/"), err)
	}
	if len(prs) != len(rows) {
		return nil, fmt.Errorf("conformance/%s: %d vectors but %d payroll rows", name, len(rows), len(prs))
	}
	var out []TaxCase
	at := map[string]int{}
	for i, r := range rows {
		pr := prs[i]
		if pr.ID != r.cells["id"] {
			return nil, fmt.Errorf("%s: the payroll's row %d is member %q, not %q", r.where(), i+1, pr.ID, r.cells["id"])
		}
		m := TaxMonth{Line: r.line, Name: r.cells["case"], Row: pr, Payroll: map[string]string{}, Rules: r.rules(),
			Want: TaxWant{Withheld: r.cells["expected_withheld"], CumulativeBasic: r.cells["expected_cumulative_basic"],
				CumulativeTaxable: r.cells["expected_cumulative_taxable"], CumulativeTax: r.cells["expected_cumulative_tax"],
				Problem: r.cells["expected_problem"]}}
		for _, c := range taxPayrollCols {
			m.Payroll[c] = r.cells[c]
		}
		key := fmt.Sprintf("%s\x00%d", pr.ID, pr.Year)
		j, ok := at[key]
		if !ok {
			j = len(out)
			at[key] = j
			out = append(out, TaxCase{File: name, Member: pr.ID, Year: pr.Year})
		}
		out[j].Months = append(out[j].Months, m)
	}
	return out, nil
}

// CheckTax runs fn on every member-year of the tax vectors (of the named
// files; all when none is named) and reports each month whose withheld
// tax differs with t.Errorf: the file and line, the case, the month's
// payroll cells, the library's tax and fn's, the library's cumulative
// figures and the rules that decided them. fn returns the tax withheld in
// each month of the case, in order, as decimal text in 元 (compared
// exactly), or an error: a case with a month the library refuses
// (TaxWant.Problem set) wants an error other than [ErrSkip]; [ErrSkip]
// skips the case. At most [MaxReported] failing months of a file are
// reported one by one. A file that cannot be read is reported with
// t.Fatalf.
func CheckTax(t testing.TB, fn func(TaxCase) ([]string, error), files ...string) {
	t.Helper()
	names, err := filesOf("tax", files)
	if err != nil {
		t.Fatalf("%v", err)
		return
	}
	skipped := 0
	for _, name := range names {
		cs, err := taxCases(name)
		if err != nil {
			t.Fatalf("%v", err)
			return
		}
		rep := &reporter{t: t, file: name}
		for _, c := range cs {
			rep.total += len(c.Months)
			got, err := fn(c)
			if errors.Is(err, ErrSkip) {
				skipped++
				continue
			}
			refused := ""
			for _, m := range c.Months {
				if m.Want.Problem != "" {
					refused = m.Want.Problem
				}
			}
			switch {
			case refused != "" && err == nil:
				rep.fail("conformance/%s: member %s, %d: want a refusal (%s), got withheld %s", c.File, c.Member, c.Year, refused, strings.Join(got, ";"))
				continue
			case refused != "":
				continue
			case err != nil:
				rep.fail("conformance/%s: member %s, %d: got error %v", c.File, c.Member, c.Year, err)
				continue
			case len(got) != len(c.Months):
				rep.fail("conformance/%s: member %s, %d: want %d months withheld, got %d", c.File, c.Member, c.Year, len(c.Months), len(got))
				continue
			}
			for i, m := range c.Months {
				if msg := taxDiff(m.Want, got[i]); msg != "" {
					rep.fail("conformance/%s:%d: case %s (%s): %s; the library's cumulative basic deduction %s, taxable %s, tax %s; rules: %s",
						c.File, m.Line, m.Name, inputs(m.Payroll, taxPayrollCols), msg, m.Want.CumulativeBasic, m.Want.CumulativeTaxable,
						m.Want.CumulativeTax, strings.Join(m.Rules, ";"))
				}
			}
		}
		rep.done()
	}
	if skipped > 0 {
		t.Logf("conformance: %d tax cases skipped", skipped)
	}
}

func taxDiff(w TaxWant, got string) string {
	g, err := funding.ParseMoney(strings.TrimSpace(got))
	if err != nil {
		return fmt.Sprintf("want withheld %s, got %q, not an amount in 元", w.Withheld, got)
	}
	if g.String() != w.Withheld {
		return fmt.Sprintf("want withheld %s, got %s", w.Withheld, g)
	}
	return ""
}
