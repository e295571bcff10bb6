package money

import (
	"fmt"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding/tax"
	"github.com/dangjian-go/dangjian/internal/conformgen/vecfile"
)

// PayrollColumns are the payroll columns of a tax vector file, named as
// tax.ScanPayroll reads them.
var PayrollColumns = []string{"id", "month", "gross", "social_insurance", "special_deductions", "first_wage_income_this_year", "prior_year_low_income"}

// TaxExpected are the expected-value columns of a tax vector file.
var TaxExpected = []string{"expected_withheld", "expected_cumulative_basic", "expected_cumulative_taxable", "expected_cumulative_tax", "expected_problem"}

// payMonth is one row of a payroll: a member's month.
type payMonth struct {
	id, month, gross, social, special string
	firstWage, lowIncome              bool
}

// year12 gives a member twelve months of year y with the same pay, each
// month changed by over (month number → gross).
func year12(id string, y int, gross, social, special string, over map[int]string) []payMonth {
	var ms []payMonth
	for m := 1; m <= 12; m++ {
		g := gross
		if o, ok := over[m]; ok {
			g = o
		}
		ms = append(ms, payMonth{id: id, month: fmt.Sprintf("%04d-%02d", y, m), gross: g, social: social, special: special})
	}
	return ms
}

// from gives a member the months from..12 of year y with the same pay
// and facts.
func from(id string, y, first int, gross, social string, firstWage, lowIncome bool) []payMonth {
	var ms []payMonth
	for m := first; m <= 12; m++ {
		ms = append(ms, payMonth{id: id, month: fmt.Sprintf("%04d-%02d", y, m), gross: gross, social: social, firstWage: firstWage, lowIncome: lowIncome})
	}
	return ms
}

func cat(parts ...[]payMonth) []payMonth {
	var out []payMonth
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func taxFiles(ruleset string) (map[string][]byte, error) {
	files := map[string][]payMonth{
		"tax/withholding-2024.csv": cat(
			year12("below-threshold", 2024, "5000.00", "500.00", "", nil),
			year12("first-bracket", 2024, "8000.00", "0", "", nil),
			year12("edge-36000", 2024, "41000.00", "0", "", map[int]string{2: "5000.00", 3: "5000.01"}),
			year12("crosses-10pct", 2024, "12000.00", "1200.00", "2000.00", nil),
			year12("crosses-20-25pct", 2024, "40000.00", "3000.00", "3000.00", nil),
			year12("reaches-45pct", 2024, "100000.00", "5000.00", "", nil),
			year12("low-month-clamped", 2024, "20000.00", "2000.00", "1000.00", map[int]string{5: "1000.00", 6: "1000.00", 12: "60000.00"}),
			year12("rounding", 2024, "8333.33", "0", "", nil),
			from("hired-july-no-fact", 2024, 7, "15000.00", "1500.00", false, false),
		),
		"tax/facts-2020.csv": cat(
			from("first-wage-july", 2020, 7, "15000.00", "1500.00", true, false),
			from("hired-july-no-fact", 2020, 7, "15000.00", "1500.00", false, false),
			from("first-wage-october", 2020, 10, "30000.00", "3000.00", true, false),
			[]payMonth{{id: "first-wage-before-rule", month: "2020-06", gross: "15000.00", social: "1500.00", firstWage: true}},
		),
		"tax/facts-2021.csv": cat(
			year12("low-income-fact", 2021, "6000.00", "600.00", "", nil),
			year12("low-income-no-fact", 2021, "6000.00", "600.00", "", nil),
			year12("low-income-fact-raise", 2021, "9000.00", "900.00", "1000.00", nil),
		),
	}
	for i := range files["tax/facts-2021.csv"] {
		if row := &files["tax/facts-2021.csv"][i]; row.id != "low-income-no-fact" {
			row.lowIncome = true
		}
	}
	out := map[string][]byte{}
	for path, rows := range files {
		vec, payroll, err := renderTax(ruleset, rows)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		out[path] = vec
		out["tax/payroll/"+strings.TrimPrefix(path, "tax/")] = payroll
	}
	return out, nil
}

func flag(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// renderTax withholds over the payroll with the library's stream reader
// and returns the vector file and the payroll file.
func renderTax(ruleset string, rows []payMonth) (vec, payroll []byte, err error) {
	payroll = appendRecord(nil, PayrollColumns)
	for _, r := range rows {
		payroll = appendRecord(payroll, []string{r.id, r.month, r.gross, r.social, r.special, flag(r.firstWage), flag(r.lowIncome)})
	}
	header := append(append([]string{"case"}, PayrollColumns...), TaxExpected...)
	t := vecfile.NewTable(ruleset, append(header, vecfile.RulesColumn, vecfile.RuleSetColumn)...)
	i := 0
	err = tax.WithholdStream(strings.NewReader(string(payroll)), dangjian.Limits{}, func(_ tax.PayrollRow, l tax.Line, bad dangjian.Problems) error {
		if i >= len(rows) {
			return fmt.Errorf("more lines than rows")
		}
		r := rows[i]
		i++
		cells := map[string]string{
			"case": r.id + "-" + r.month, "id": r.id, "month": r.month, "gross": r.gross, "social_insurance": r.social,
			"special_deductions": r.special, "first_wage_income_this_year": flag(r.firstWage), "prior_year_low_income": flag(r.lowIncome),
		}
		for _, c := range TaxExpected {
			cells[c] = ""
		}
		if len(bad) > 0 {
			cells["expected_problem"] = bad[0].Kind.Code()
			rule := bad[0].Rule
			if rule == "" && r.firstWage {
				rule = "TAX-BASIC-FIRSTWAGE-2020"
			}
			if rule == "" {
				return fmt.Errorf("case %s: %w", cells["case"], bad)
			}
			t.Row(cells, rule)
			return nil
		}
		cells["expected_withheld"] = l.Withheld.String()
		cells["expected_cumulative_basic"] = l.Cumulative.BasicDeduction.String()
		cells["expected_cumulative_taxable"] = l.Cumulative.Taxable.String()
		cells["expected_cumulative_tax"] = l.Tax.Tax.String()
		t.Row(cells, l.Rules...)
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	if i != len(rows) {
		return nil, nil, fmt.Errorf("%d lines for %d rows", i, len(rows))
	}
	vec, err = t.Bytes()
	return vec, payroll, err
}
