package dues_test

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/dues"
)

func ExampleRules_Monthly() {
	rs, _ := dues.RulesFor(dangjian.MustParseDate("2024-06-01"))
	d, err := rs.Monthly(dues.Member{ID: "001", Category: dues.Employed, Base: funding.MustParseMoney("6234.50")}, dangjian.MustParseDate("2024-06-01"))
	if err != nil {
		panic(err)
	}
	fmt.Println(d.Amount, d.Rule, d.Rate, d.Rate.Percent(), d.Exact, d.Rounding)
	for _, s := range d.Steps {
		how := s.Note
		if s.Rounding != nil {
			how = "(" + s.Exact + ", " + s.Rounding.String() + ")"
		}
		fmt.Println(strings.TrimSpace(fmt.Sprintf("%-12s %-8s %s %s", s.Rule, s.What, s.Value, how)))
	}
	// Output:
	// 93.52 DUES-WAGE-3 0.015 1.5% 93.5175 half_up to 0.01
	// base     6234.50
	// DUES-WAGE-3  rate     0.015 of the whole base (wage scale, up to 10000.00 inclusive)
	// exact    93.5175
	// DUES-ROUND   rounded  93.52 (93.5175, half_up to 0.01)
}

// A base one fen above a bracket edge pays the higher rate on the whole base.
func ExampleRules_Monthly_bracketEdge() {
	rs := dues.Rules2017()
	for _, base := range []string{"3000.00", "3000.01"} {
		d, _ := rs.Monthly(dues.Member{Category: dues.Employed, Base: funding.MustParseMoney(base)}, dangjian.MustParseDate("2024-06-01"))
		fmt.Println(base, d.Amount, d.Rule)
	}
	// Output:
	// 3000.00 15.00 DUES-WAGE-1
	// 3000.01 30.00 DUES-WAGE-2
}

// The same payslip under the 2008 and the 2017 rules.
func ExampleRules_Monthly_payslip() {
	ps := &dues.Payslip{
		Employer: dues.PublicInstitution,
		Items: []dues.PayItem{
			{Kind: dues.PostWage, Amount: funding.MustParseMoney("3000")},
			{Kind: dues.BasicPerformance, Amount: funding.MustParseMoney("1500")},
			{Kind: dues.IncentivePerformance, Amount: funding.MustParseMoney("2000")},
		},
		IncomeTax: funding.MustParseMoney("45"), Pension: funding.MustParseMoney("480"), HousingFund: funding.MustParseMoney("720"),
	}
	m := dues.Member{Category: dues.Employed, Payslip: ps}
	d08, _ := dues.Rules2008().Monthly(m, dangjian.MustParseDate("2016-06-01"))
	d17, _ := dues.Rules2017().Monthly(m, dangjian.MustParseDate("2018-06-01"))
	fmt.Println("2008:", d08.Base, d08.Amount)
	fmt.Println("2017:", d17.Base, d17.Amount)
	// Output:
	// 2008: 6455.00 96.83
	// 2017: 3255.00 32.55
}

func ExampleRules2008() {
	rs := dues.Rules2008()
	fmt.Println(rs.Name, rs.Period, rs.Cap.On, rs.AnnualFix, rs.Base.ID)
	// Output: 2008 [2008-04-01, 2017-01-01) false false DUES-BASE-2008
}

func ExampleRules2017() {
	rs := dues.Rules2017()
	fmt.Println(rs.Name, rs.Period, rs.Cap.Amount, rs.Cap.Modality.Label(), rs.AnnualFix)
	// Output: 2017 [2017-01-01, …) 1000.00 一般 true
}

func ExampleRulesFor() {
	for _, d := range []string{"2016-12-31", "2017-01-01", "2008-03-31"} {
		rs, err := dues.RulesFor(dangjian.MustParseDate(d))
		fmt.Println(d, rs.Name, err)
	}
	// Output:
	// 2016-12-31 2008 <nil>
	// 2017-01-01 2017 <nil>
	// 2008-03-31  no rule in force: no dues rules before 2008-04-01 (the older scale is not modelled) ("2008-03-31")
}

func ExampleCalculator_Batch() {
	c, err := dues.Rules2017().Compile()
	if err != nil {
		panic(err)
	}
	in := []dues.BatchInput{
		{Category: dues.Employed, Base: funding.MustParseMoney("4500")},
		{Category: dues.Retired, Base: funding.MustParseMoney("5200")},
		{Category: dues.Student},
		{Category: dues.AnnualSalary, Base: funding.MustParseMoney("180000")},
	}
	out := make([]funding.Money, len(in))
	if err := c.Batch(in, out); err != nil {
		panic(err)
	}
	fmt.Println(out)
	// Output: [45.00 52.00 0.20 1000.00]
}

func ExampleCalculator_Amount() {
	c, _ := dues.Rules2008().Compile()
	m, _ := c.Amount(dues.AnnualSalary, funding.MustParseMoney("180000"))
	fmt.Println(m, "(no cap before 2017)")
	// Output: 3600.00 (no cap before 2017)
}

func ExampleRules_Compile() {
	rs := dues.Rules2017()
	rs.Rounding = funding.Rounding{Places: 1, Mode: dangjian.Ceiling} // a platform that rounds up to the 角
	c, _ := rs.Compile()
	m, _ := c.Amount(dues.Employed, funding.MustParseMoney("6234.50"))
	fmt.Println(m)
	// Output: 93.60
}

func ExampleRules_Arrears() {
	var ledger []dues.Payment
	for m := 1; m <= 7; m++ {
		p := dues.Payment{Month: dangjian.MustParseDate(fmt.Sprintf("2024-%02d-01", m)), Due: funding.MustParseMoney("30")}
		if m == 1 {
			p.Paid, p.On = p.Due, dangjian.MustParseDate("2024-01-10")
		}
		ledger = append(ledger, p)
	}
	findings, _ := dues.Rules2017().Arrears("0042", ledger, dangjian.MustParseDate("2024-07-31"))
	for _, f := range findings {
		fmt.Println(f.Rule, f.Severity, f.Subject, f.Field, f.On, f.Value, f.Message)
	}
	b, _ := json.Marshal(findings[0])
	fmt.Println(string(b))
	// Output:
	// DUES-LAPSE-6 error 0042 ledger[6] 2024-07-01 6 6 consecutive months unpaid up to 2024-07: 按自行脱党处理 unless the branch finds a proper reason
	// {"rule":"DUES-LAPSE-6","severity":"error","subject":"0042","field":"ledger[6]","value":"6","on":"2024-07-01","message":"6 consecutive months unpaid up to 2024-07: 按自行脱党处理 unless the branch finds a proper reason","source":{"doc":"关于中国共产党党费收缴、使用和管理的规定（中组发〔2008〕3号）","article":"第十三条","confidence":"verified","note":"the library flags 6 consecutive unpaid months; whether there was a proper reason is for the branch to judge"}}
}

func ExampleBasePolicy_Base() {
	ps := dues.Payslip{Employer: dues.Pensioner, Items: []dues.PayItem{
		{Kind: dues.BasicPension, Amount: funding.MustParseMoney("4800")},
		{Kind: dues.PensionAllowance, Amount: funding.MustParseMoney("600")},
	}}
	for _, rs := range []dues.Rules{dues.Rules2008(), dues.Rules2017()} {
		b, _ := rs.Base.Base(ps)
		fmt.Println(rs.Name, b.Base, b.Rules)
	}
	// Output:
	// 2008 5400.00 [DUES-BASE-2008 DUES-BASE-2008-PENSIONER]
	// 2017 4800.00 [DUES-BASE-2017 DUES-BASE-2017-PENSIONER]
}

func ExampleParseCategory() {
	for _, s := range []string{"在职", "retired", "退休", "年薪制"} {
		c, _ := dues.ParseCategory(s)
		fmt.Println(c, c.Label(), c.Scale())
	}
	// Output:
	// employed 在职 wage
	// retired 离退休 pension
	// retired 离退休 pension
	// annual_salary 年薪制 wage
}

// From 2017 a branch fixes each member's monthly amount at the start of the
// year (年初核定): here from the average of last year's monthly bases,
// computed on the exact average and rounded once.
func ExampleRules_Monthly_annualFix() {
	var last []funding.Money
	for m := 0; m < 12; m++ {
		last = append(last, funding.MustParseMoney("4980.00"))
	}
	last[8] = funding.MustParseMoney("5480.00") // a raise in September, reversed in October
	d, _ := dues.Rules2017().Monthly(dues.Member{Category: dues.Employed, Months: last}, dangjian.MustParseDate("2025-01-01"))
	fmt.Println(d.BaseExact, d.Base, d.Amount, d.Steps[0].Rule)
	// Output: 60260.00/12 5021.67 75.33 DUES-REFIX-ANNUAL
}

func ExampleCategories() {
	for _, c := range dues.Categories() {
		fmt.Println(c, c.Label(), c.IsFlat())
	}
	// Output:
	// employed 在职 false
	// retired 离退休 false
	// farmer 农民 true
	// student 学生 true
	// unemployed 下岗失业 true
	// low_income 低保抚恤救济 true
	// self_employed 个体经营 false
	// annual_salary 年薪制 false
}

func ExampleParseItemKind() {
	for _, s := range []string{"交通补贴", "基础性绩效", "incentive_performance"} {
		k, _ := dues.ParseItemKind(s)
		fmt.Println(s, "→", k, k.Label())
	}
	// Output:
	// 交通补贴 → reform_subsidy 改革性补贴
	// 基础性绩效 → basic_performance 基础性绩效工资
	// incentive_performance → incentive_performance 奖励性绩效工资
}

func ExampleParseEmployer() {
	e, _ := dues.ParseEmployer("事业单位")
	fmt.Println(e)
	// Output: public_institution
}

func ExampleRules_Rules() {
	n := 0
	for _, r := range dues.Rules2017().Rules() {
		if r.Source.Confidence == dangjian.Verified {
			n++
		}
	}
	fmt.Println(len(dues.Rules2017().Rules()), n)
	// Output: 26 23
}

// The 2017 notice's day is not known; an organization that applied it
// from a known day says so, and its months before that day keep the 2008
// rules, without a note in the trace.
func ExampleAssumptions_RulesFor() {
	a := dues.DefaultAssumptions()
	rs, _ := a.RulesFor(dangjian.MustParseDate("2017-03-01"))
	fmt.Println(rs.Name, a.From2017.Decides(dangjian.MustParseDate("2017-03-01")))

	a.From2017 = dangjian.AssumedDate{ID: dues.AssumeFrom2017, Date: dangjian.MustParseDate("2017-04-01")}
	rs, _ = a.RulesFor(dangjian.MustParseDate("2017-03-01"))
	fmt.Println(rs.Name, a.From2017.Decides(dangjian.MustParseDate("2017-03-01")))
	// Output:
	// 2017 true
	// 2008 false
}
