package enterprise_test

import (
	"errors"
	"fmt"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/enterprise"
)

// A 非公 enterprise with a wage bill of 1,234,567.89 元 spent 15,000 元 on
// party work in 2024: 1 % of the wage bill, 12,345.6789, rounds half-up to
// 12,345.68, and the rest of the spending is not deductible.
func ExampleNonPublicDeduction() {
	r, err := enterprise.NonPublicDeduction(2024,
		funding.MustParseMoney("1234567.89"), funding.MustParseMoney("15000"), enterprise.NonPublicPolicy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Rule, "cap", r.Cap, "deductible", r.Deductible, "not deductible", r.NonDeductible)
	for _, s := range r.Trace[1:] {
		line := fmt.Sprintf("%s %s = %s = %s", s.Rule, s.What, s.Formula, s.Value)
		if s.Rounding != nil {
			line += fmt.Sprintf(" (exact %s, %s)", s.Exact, s.Rounding)
		}
		fmt.Println(line)
	}
	// Output:
	// ENT-NP-DEDUCT-1PCT cap 12345.68 deductible 12345.68 not deductible 2654.32
	// ENT-NP-DEDUCT-1PCT cap = payroll × capRate = 12345.68 (exact 12345.6789, half_up to 0.01)
	// ENT-NP-DEDUCT-1PCT deductible = min(spending, cap) = 12345.68
	// ENT-NP-DEDUCT-1PCT nonDeductible = spending − deductible = 2654.32
}

// A district of 成都 sets 0.5 % as the rate its enterprises list; the
// deduction cap stays the national 1 %.
func ExampleNonPublicDeduction_chengdu() {
	r, err := enterprise.NonPublicDeduction(2024, funding.MustParseMoney("2000000"), funding.MustParseMoney("8000"),
		enterprise.NonPublicPolicy{Jurisdiction: "成都市", ProvisionRate: funding.MustParseRate("0.5%")})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("provision", *r.Provision, r.ProvisionRule)
	fmt.Println("cap", r.Cap, "deductible", r.Deductible)

	// A rate above the national cap is refused.
	_, err = enterprise.NonPublicDeduction(2024, funding.MustParseMoney("2000000"), funding.MustParseMoney("8000"),
		enterprise.NonPublicPolicy{Jurisdiction: "成都市", ProvisionRate: funding.MustParseRate("1.2%")})
	fmt.Println(errors.Is(err, funding.ErrRateOutOfRange))
	// Output:
	// provision 10000.00 ENT-NP-RATE-CHENGDU
	// cap 20000.00 deductible 8000.00
	// true
}

func entMoneyPtr(s string) *funding.Money { m := funding.MustParseMoney(s); return &m }

// A state-owned enterprise whose prior-year wages are 1,000,000 元 a year:
// 1 % (10,000) is allocated each year until the carry-forward exceeds 2 %
// (20,000); in 2021 the stop applies, and in 2022 allocation resumes.
func ExampleSOEFunds() {
	wages := funding.MustParseMoney("1000000")
	years := []enterprise.SOEYear{
		{Year: 2018, PriorPayroll: wages, Payroll: wages, Spending: funding.MustParseMoney("0")},
		{Year: 2019, PriorPayroll: wages, Payroll: wages, Spending: funding.MustParseMoney("0")},
		{Year: 2020, PriorPayroll: wages, Payroll: wages, Spending: funding.MustParseMoney("5000")},
		{Year: 2021, PriorPayroll: wages, Payroll: wages, Spending: funding.MustParseMoney("8000")},
		{Year: 2022, PriorPayroll: wages, Payroll: wages, Spending: funding.MustParseMoney("12000"), OtherSources: funding.MustParseMoney("1500")},
	}
	res, err := enterprise.SOEFunds(years, enterprise.SOEPolicy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range res {
		fmt.Println(r.Year, "opening", r.Opening, "stop", r.StopApplied, "allocation", r.Allocation,
			"charged", r.Charged, "closing", r.Closing, "deductible", *r.Deductible)
	}
	// Output:
	// 2018 opening 0.00 stop false allocation 10000.00 charged 0.00 closing 10000.00 deductible 0.00
	// 2019 opening 10000.00 stop false allocation 10000.00 charged 0.00 closing 20000.00 deductible 0.00
	// 2020 opening 20000.00 stop false allocation 10000.00 charged 5000.00 closing 25000.00 deductible 5000.00
	// 2021 opening 25000.00 stop true allocation 0.00 charged 8000.00 closing 17000.00 deductible 8000.00
	// 2022 opening 17000.00 stop false allocation 10000.00 charged 10500.00 closing 16500.00 deductible 10000.00
}

// Before 38号, the 1989 rule met party activity funds from retained dues
// first and the shortfall from management expenses.
func ExampleSOEFunds_rule1989() {
	res, err := enterprise.SOEFunds([]enterprise.SOEYear{
		{Year: 2016, PriorPayroll: funding.MustParseMoney("500000"), Payroll: funding.MustParseMoney("520000"),
			Spending: funding.MustParseMoney("6000"), OtherSources: funding.MustParseMoney("2500")},
		{Year: 2017, PriorPayroll: funding.MustParseMoney("520000"), Payroll: funding.MustParseMoney("540000"),
			Spending: funding.MustParseMoney("3000")},
	}, enterprise.SOEPolicy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range res {
		fmt.Println(r.Year, r.Rules, "allocation", r.Allocation, "closing", r.Closing, "deduction computed", r.Deductible != nil)
	}
	// Output:
	// 2016 [ENT-1989-DUES-FIRST] allocation 3500.00 closing 0.00 deduction computed false
	// 2017 [ENT-SOE-ALLOC-1PCT ENT-SOE-CARRY-STOP-2PCT ENT-SOE-CARRY ENT-SOE-DEDUCT-1PCT] allocation 5200.00 closing 2200.00 deduction computed true
}

// Every problem of the input is reported, each naming its field.
func ExampleSOEFunds_errors() {
	_, err := enterprise.SOEFunds([]enterprise.SOEYear{
		{Year: 2018, Spending: funding.MustParseMoney("-1")},
		{Year: 2020, Opening: entMoneyPtr("5")},
	}, enterprise.SOEPolicy{})
	for _, p := range dangjian.ProblemsOf(err) {
		fmt.Println(p.Code(), p)
	}
	var fe *dangjian.Problem
	fmt.Println(errors.As(err, &fe), fe.Path, errors.Is(err, enterprise.ErrLedgerChain))
	// Output:
	// negative years[0].spending: must not be negative ("-1.00")
	// ledger_chain years[1].year: breaks the ledger chain: want 2019, the year after years[0] ("2020")
	// true years[0].spending true
}

func ExampleRules() {
	for _, r := range enterprise.Rules() {
		fmt.Println(r.ID, r.Period, r.Rate.Percent(), r.Source.Confidence)
	}
	// Output:
	// ENT-NP-DEDUCT-1PCT [2014-12-05, …) 1% verified
	// ENT-NP-RATE-CHENGDU [2015-01-01, …) 1% local_practice
	// ENT-SOE-ALLOC-1PCT [2017-01-01, …) 1% verified
	// ENT-SOE-DEDUCT-1PCT [2017-01-01, …) 1% verified
	// ENT-SOE-CARRY [2017-01-01, …) 0% verified
	// ENT-SOE-CARRY-STOP-2PCT [2017-01-01, …) 2% verified
	// ENT-1989-DUES-FIRST [1989-01-01, 2017-01-01) 0% verified
}

func ExampleParseRuleKind() {
	k, err := enterprise.ParseRuleKind("累计结转停止安排")
	fmt.Println(k, k.Label(), err)
	_, err = enterprise.ParseRuleKind("bonus")
	fmt.Println(err)
	// Output:
	// soe_carry_stop 累计结转停止安排 <nil>
	// invalid value: unknown enterprise rule kind: want nonpublic_deduction_cap, local_provision_rate, soe_allocation, soe_deduction_cap, soe_carry_forward, soe_carry_stop, dues_first or the Chinese label ("bonus")
}

func ExampleNonPublicDeduction_noRule() {
	_, err := enterprise.NonPublicDeduction(2013, funding.MustParseMoney("100000"), funding.MustParseMoney("100"), enterprise.NonPublicPolicy{})
	fmt.Println(err)
	fmt.Println(errors.Is(err, dangjian.ErrNoRule))
	// Output:
	// year: no rule in force: no nonpublic_deduction_cap rule (national) in force on 2013-12-31 ("2013")
	// true
}
