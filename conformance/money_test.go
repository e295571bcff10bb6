package conformance_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/conformance"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/dues"
	"github.com/dangjian-go/dangjian/funding/tax"
)

// recorder is a testing.TB that records what a Check function reports.
type recorder struct {
	testing.TB
	errors, logs []string
	fatal        bool
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, a ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, a...))
}
func (r *recorder) Fatalf(format string, a ...any) { r.fatal = true; r.Errorf(format, a...) }
func (r *recorder) Logf(format string, a ...any)   { r.logs = append(r.logs, fmt.Sprintf(format, a...)) }
func (r *recorder) find(sub string) (string, bool) {
	for _, e := range r.errors {
		if strings.Contains(e, sub) {
			return e, true
		}
	}
	return "", false
}

// libraryDues is the library's own answer.
func libraryDues(c conformance.DuesCase) (string, error) {
	rs, err := dues.RulesFor(c.Month)
	if err != nil {
		return "", err
	}
	d, err := rs.Monthly(c.Member, c.Month)
	return d.Amount.String(), err
}

func TestCheckDuesPassesTheLibrary(t *testing.T) {
	var rec recorder
	conformance.CheckDues(&rec, libraryDues)
	assert.Empty(t, rec.errors)
	cs, err := conformance.DuesCases()
	require.NoError(t, err)
	assert.Greater(t, len(cs), 9001+100)
	files := conformance.DuesFiles()
	assert.Contains(t, files, "dues/whole-yuan-2017.csv")
	assert.Contains(t, files, "dues/brackets-2008.csv")
}

// wrongBound puts a base on a bracket edge into the higher bracket, as
// the integer edges 3001/5001/10001 of §12.3 do the other way round.
func wrongBound(c conformance.DuesCase) (string, error) {
	if c.Roster["base"] == "" || c.Member.Category != dues.Employed {
		return libraryDues(c)
	}
	b := c.Member.Base.Fen()
	rate := int64(20) // per mille × 10: 0.5 % = 5, …
	switch {
	case b < 300000:
		rate = 5
	case b < 500000:
		rate = 10
	case b < 1000000:
		rate = 15
	}
	fen := (b*rate + 500) / 1000 // half-up
	if c.RuleSet == "2017" {
		fen = min(fen, 100000) // the cap of 1000 元
	}
	return funding.Fen(fen).String(), nil
}

func TestCheckDuesReportsAWrongFunction(t *testing.T) {
	var rec recorder
	conformance.CheckDues(&rec, wrongBound, "dues/brackets-2017.csv")
	require.False(t, rec.fatal)
	e, ok := rec.find("case employed-3000.00 ")
	require.True(t, ok, "%q", rec.errors)
	assert.Contains(t, e, "conformance/dues/brackets-2017.csv:")
	assert.Contains(t, e, "category=employed base=3000.00")
	assert.Contains(t, e, "month 2024-06, rules of 2017")
	assert.Contains(t, e, "want dues 15.00 (DUES-WAGE-1), got 30.00")
	assert.Contains(t, e, "the library's rules: DUES-ROUND;DUES-WAGE-1")
	for _, c := range []string{"employed-5000.00 ", "employed-10000.00 "} {
		_, ok := rec.find("case " + c)
		assert.True(t, ok, c)
	}
	assert.Len(t, rec.errors, 3, "only the three edges differ: %q", rec.errors)
}

func TestCheckDuesCapsTheReport(t *testing.T) {
	var rec recorder
	conformance.CheckDues(&rec, func(conformance.DuesCase) (string, error) { return "0.01", nil }, "dues/whole-yuan-2017.csv")
	require.Len(t, rec.errors, conformance.MaxReported+1)
	assert.Contains(t, rec.errors[conformance.MaxReported], "8981 more of its 9001 vectors differ")
}

func TestCheckDuesRefusalsAndSkips(t *testing.T) {
	var rec recorder
	conformance.CheckDues(&rec, func(c conformance.DuesCase) (string, error) {
		if c.Roster["reduction"] != "" && c.Want.Problem == "" {
			return "", conformance.ErrSkip
		}
		if c.Want.Problem != "" {
			return "5.00", nil // accepts what the library refuses
		}
		return libraryDues(c)
	}, "dues/provisions-2008.csv")
	e, ok := rec.find("case hardship-retired-branch-only ")
	require.True(t, ok, "%q", rec.errors)
	assert.Contains(t, e, "want a refusal (bad_member), got dues 5.00")
	assert.Len(t, rec.errors, 5) // the five refusals of 2008: the branch's study after the approval, four branch-only reductions
	assert.Equal(t, []string{"conformance: 12 dues vectors skipped"}, rec.logs)

	rec = recorder{}
	conformance.CheckDues(&rec, func(conformance.DuesCase) (string, error) { return "", errors.New("boom") }, "dues/payslips-2017.csv")
	e, ok = rec.find("case organ ")
	require.True(t, ok)
	assert.Contains(t, e, "want dues 45.25 (DUES-WAGE-2), got error boom")
	assert.Contains(t, e, "employer=organ position_wage=1800")

	rec = recorder{}
	conformance.CheckDues(&rec, libraryDues, "dues/nothing.csv")
	assert.True(t, rec.fatal)
	_, err := conformance.DuesCases("dues/nothing.csv")
	assert.ErrorContains(t, err, "no vector file dues/nothing.csv")
}

func TestDuesCases(t *testing.T) {
	cs, err := conformance.DuesCases("dues/provisions-2017.csv")
	require.NoError(t, err)
	byName := map[string]conformance.DuesCase{}
	for _, c := range cs {
		byName[c.Name] = c
	}
	c := byName["hardship-retired-branch-only"]
	assert.Equal(t, "2017", c.RuleSet)
	assert.Equal(t, dues.Retired, c.Member.Category)
	assert.Equal(t, conformance.DuesWant{Base: "3000.00", Rate: "0.005", Dues: "5.00", Rule: "DUES-HARDSHIP-RETIREE-2017", Total: "5.00", Flags: []string{"reduced"}}, c.Want)
	assert.Contains(t, c.Rules, "DUES-HARDSHIP-RETIREE-2017")
	assert.Equal(t, "2024-03-10", c.Roster["reduction_branch_on"])

	// A mobile member: the roster's paying_org is read into the member,
	// and the expected collector is the inflow organization.
	cs, err = conformance.DuesCases("dues/mobile-2017.csv")
	require.NoError(t, err)
	byName = map[string]conformance.DuesCase{}
	for _, c := range cs {
		byName[c.Name] = c
	}
	c = byName["inflow-high"]
	assert.Equal(t, "深圳市某街道流动党员党支部", c.Member.PayingOrg)
	assert.Equal(t, conformance.DuesWant{Base: "60000.00", Rate: "0.02", Dues: "1000.00", Rule: "DUES-CAP-1000", Total: "1000.00",
		Flags: []string{"capped"}, PayingOrg: "深圳市某街道流动党员党支部"}, c.Want)
	assert.Contains(t, c.Rules, "DUES-MOBILE-INFLOW")
	assert.Empty(t, byName["home-employed"].Want.PayingOrg)
}

// libraryTax withholds a case's months with the library.
func libraryTax(c conformance.TaxCase) ([]string, error) {
	w := tax.NewWithholder()
	var out []string
	for _, m := range c.Months {
		l, bad := w.Add(m.Row)
		if len(bad) > 0 {
			return nil, bad
		}
		out = append(out, l.Withheld.String())
	}
	return out, nil
}

func TestCheckTaxPassesTheLibrary(t *testing.T) {
	var rec recorder
	conformance.CheckTax(&rec, libraryTax)
	assert.Empty(t, rec.errors)
	cs, err := conformance.TaxCases()
	require.NoError(t, err)
	assert.Greater(t, len(cs), 10)
	for _, c := range cs {
		for _, m := range c.Months {
			assert.Equal(t, c.Member, m.Row.ID)
			assert.Equal(t, c.Year, m.Row.Year)
		}
	}
}

// monthlyTax withholds each month on its own with the monthly table, as
// §12.5's platforms do, ignoring the facts of 2020.
func monthlyTax(c conformance.TaxCase) ([]string, error) {
	r := tax.NationalRules()
	var out []string
	for _, m := range c.Months {
		in := m.Row.Month
		taxable, err := in.Income.Sub(funding.MustParseMoney("5000"))
		if err == nil {
			taxable, err = taxable.Sub(in.SocialInsurance)
		}
		if err == nil {
			taxable, err = taxable.Sub(in.AdditionalAmount)
		}
		if err != nil {
			return nil, err
		}
		if taxable.IsNegative() {
			taxable = funding.Fen(0)
		}
		calc, err := r.MonthlyTax(taxable, dangjian.NewDate(m.Row.Year, time.Month(in.Month), 1))
		if err != nil {
			return nil, err
		}
		out = append(out, calc.Tax.String())
	}
	return out, nil
}

func TestCheckTaxReportsAWrongFunction(t *testing.T) {
	var rec recorder
	conformance.CheckTax(&rec, monthlyTax, "tax/facts-2021.csv")
	require.False(t, rec.fatal)
	e, ok := rec.find("case low-income-fact-2021-01 ")
	require.True(t, ok, "%q", rec.errors)
	assert.Contains(t, e, "conformance/tax/facts-2021.csv:")
	assert.Contains(t, e, "prior_year_low_income=true")
	assert.Contains(t, e, "want withheld 0.00, got 12.00")
	assert.Contains(t, e, "TAX-BASIC-LOWINCOME-2021")

	rec = recorder{}
	conformance.CheckTax(&rec, func(c conformance.TaxCase) ([]string, error) {
		out, _ := libraryTax(c)
		return out, nil
	}, "tax/facts-2020.csv")
	e, ok = rec.find("member first-wage-before-rule, 2020")
	require.True(t, ok, "%q", rec.errors)
	assert.Contains(t, e, "want a refusal (no_rule)")
	assert.Len(t, rec.errors, 1)
}
