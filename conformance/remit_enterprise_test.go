package conformance_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dangjian-go/dangjian/conformance"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/enterprise"
	"github.com/dangjian-go/dangjian/funding/remit"
)

func libraryRemit(c conformance.RemitCase) (conformance.RemitAnswer, error) {
	p, err := remit.NewPolicy(c.Name, c.Policy...)
	if err != nil {
		return conformance.RemitAnswer{}, err
	}
	r, err := remit.Split(c.Collected, c.LumpSums, p, c.Year)
	if err != nil {
		return conformance.RemitAnswer{}, err
	}
	a := conformance.RemitAnswer{Amounts: map[string]string{}, Remainder: r.Remainder.String()}
	for _, l := range r.Lines {
		a.Amounts[l.Rule] = l.Amount.String()
	}
	return a, nil
}

func TestCheckRemit(t *testing.T) {
	var rec recorder
	conformance.CheckRemit(&rec, libraryRemit)
	assert.Empty(t, rec.errors)

	// Truncating each share to the fen instead of rounding half-up, and
	// forgetting the lump sums.
	rec = recorder{}
	conformance.CheckRemit(&rec, func(c conformance.RemitCase) (conformance.RemitAnswer, error) {
		a, err := libraryRemit(c)
		if err != nil {
			return a, err
		}
		if c.Name == "centre-half-fen-up" {
			a.Amounts["DUES-REMIT-CENTRE-5PCT"], a.Remainder = "0.01", "0.29"
		}
		delete(a.Amounts, "DUES-LUMP-CENTRE")
		a.Amounts["X"] = "1"
		return a, nil
	})
	e, ok := rec.find("case centre-half-fen-up ")
	require.True(t, ok, "%q", rec.errors)
	assert.Contains(t, e, "year 2024, policy DUES-REMIT-CENTRE-5PCT, collected 0.30")
	assert.Contains(t, e, "DUES-REMIT-CENTRE-5PCT: want 0.02, got 0.01")
	assert.Contains(t, e, "remainder: want 0.28, got 0.29")
	assert.Contains(t, e, "X: want none, got 1")
	e, ok = rec.find("case centre-with-lump-sums ")
	require.True(t, ok)
	assert.Contains(t, e, "DUES-LUMP-CENTRE: want 5000.00, got none")

	rec = recorder{}
	conformance.CheckRemit(&rec, func(c conformance.RemitCase) (conformance.RemitAnswer, error) {
		if c.Name == "lump-sum-below-1000" {
			return conformance.RemitAnswer{}, nil
		}
		return libraryRemit(c)
	})
	require.Len(t, rec.errors, 1)
	assert.Contains(t, rec.errors[0], "want a refusal (lump_sum_too_small)")

	cs, err := conformance.RemitCases()
	require.NoError(t, err)
	assert.Equal(t, []conformance.RemitLine{{"DUES-REMIT-CENTRE-5PCT", "6172.84", "2025-04-30"}}, cs[0].Want.Lines)
}

func libraryNonPublic(c conformance.NonPublicCase) (string, error) {
	pol := enterprise.NonPublicPolicy{Jurisdiction: c.Jurisdiction}
	if c.ProvisionRate != "" {
		r, err := funding.ParseRate(c.ProvisionRate)
		if err != nil {
			return "", err
		}
		pol.ProvisionRate = r
	}
	r, err := enterprise.NonPublicDeduction(c.Year, c.Payroll, c.Spending, pol)
	return r.Deductible.String(), err
}

func librarySOE(l conformance.SOELedger) ([]conformance.SOEAnswer, error) {
	years := make([]enterprise.SOEYear, len(l.Years))
	for i, y := range l.Years {
		years[i] = enterprise.SOEYear{Year: y.Year, PriorPayroll: y.PriorPayroll, Payroll: y.Payroll, Spending: y.Spending, OtherSources: y.OtherSources}
	}
	rs, err := enterprise.SOEFunds(years, enterprise.SOEPolicy{})
	if err != nil {
		return nil, err
	}
	out := make([]conformance.SOEAnswer, len(rs))
	for i, r := range rs {
		out[i] = conformance.SOEAnswer{Allocation: r.Allocation.String(), Closing: r.Closing.String()}
		if r.Deductible != nil {
			out[i].Deductible = r.Deductible.String()
		}
	}
	return out, nil
}

func TestCheckEnterprise(t *testing.T) {
	var rec recorder
	conformance.CheckNonPublic(&rec, libraryNonPublic)
	conformance.CheckSOE(&rec, librarySOE)
	assert.Empty(t, rec.errors)

	// The whole spending deducted, no cap.
	rec = recorder{}
	conformance.CheckNonPublic(&rec, func(c conformance.NonPublicCase) (string, error) { return c.Spending.String(), nil })
	e, ok := rec.find("case above-cap ")
	require.True(t, ok, "%q", rec.errors)
	assert.Contains(t, e, "want deductible 12345.68 (cap 12345.68), got 15000.00; rules: ENT-NP-DEDUCT-1PCT")
	_, ok = rec.find("case before-42-2013 ")
	assert.True(t, ok, "a year before 42号 must be refused")

	// The 2 % stop read as "at least" instead of "more than".
	rec = recorder{}
	conformance.CheckSOE(&rec, func(l conformance.SOELedger) ([]conformance.SOEAnswer, error) {
		out, err := librarySOE(l)
		if l.Name == "stop-at-exactly-2pct" {
			out[2] = conformance.SOEAnswer{Allocation: "0.00", Closing: "100000.00", Deductible: "0.00"}
		}
		return out, err
	})
	require.Len(t, rec.errors, 1, "%q", rec.errors)
	assert.Contains(t, rec.errors[0], "case stop-at-exactly-2pct-2022 (prior payroll 5000000.00")
	assert.Contains(t, rec.errors[0], "opening 100000.00, stop false")
	assert.Contains(t, rec.errors[0], `allocation: want "50000.00", got "0.00"`)
	assert.True(t, strings.Contains(rec.errors[0], "ENT-SOE-CARRY-STOP-2PCT"))

	ls, err := conformance.SOELedgers()
	require.NoError(t, err)
	assert.Equal(t, "carry-and-stop", ls[0].Name)
	assert.Len(t, ls[0].Years, 6)
}
