package tax_test

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/tax"
)

// A full year at 20000 a month with 4500 of own insurance and housing fund:
// the withholding rises in April, when the cumulative taxable income passes
// 36000.
func ExampleWithhold() {
	var months []tax.Month
	for m := 1; m <= 12; m++ {
		months = append(months, tax.Month{
			Month:   m,
			Income:  funding.MustParseMoney("20000"),
			Pension: funding.MustParseMoney("1600"), Medical: funding.MustParseMoney("400"),
			Unemployment: funding.MustParseMoney("100"), HousingFund: funding.MustParseMoney("2400"),
		})
	}
	y, err := tax.Withhold(2024, months)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range y.Lines[2:5] {
		fmt.Println(l.Month, l.Cumulative.Taxable, l.Tax.Bracket.ID, l.Tax.Tax, l.Withheld)
	}
	fmt.Println("year:", y.Withheld)
	// Output:
	// 3 31500.00 TAX-CUM-2019-1 945.00 315.00
	// 4 42000.00 TAX-CUM-2019-2 1680.00 735.00
	// 5 52500.00 TAX-CUM-2019-2 2730.00 1050.00
	// year: 10080.00
}

// A new hire from October with one child and tier-2 rent: the basic
// deduction counts the months employed, and each line lists the rules it
// applied.
func ExampleRules_Withhold() {
	r := tax.NationalRules()
	var months []tax.Month
	for m := 10; m <= 12; m++ {
		months = append(months, tax.Month{
			Month: m, Income: funding.MustParseMoney("16000"),
			Deductions: tax.Deductions{Children: 1, RentTier: tax.RentTier2},
		})
	}
	y, err := r.Withhold(2024, months)
	if err != nil {
		fmt.Println(err)
		return
	}
	l := y.Lines[2]
	fmt.Println("employed months:", l.EmployedMonths)
	fmt.Println("cumulative basic deduction:", l.Cumulative.BasicDeduction)
	fmt.Println("cumulative special additional:", l.Cumulative.AdditionalDeductions)
	fmt.Println("cumulative taxable:", l.Cumulative.Taxable)
	fmt.Println("withheld:", l.Withheld, "of", y.Withheld)
	fmt.Println(l.Rules)
	// Output:
	// employed months: 3
	// cumulative basic deduction: 15000.00
	// cumulative special additional: 9300.00
	// cumulative taxable: 23700.00
	// withheld: 237.00 of 711.00
	// [TAX-CUM-METHOD-2019 TAX-BASIC-2019 TAX-SAD-CHILD-2023 TAX-SAD-RENT-2019-T2 TAX-CUM-2019-1 TAX-ROUND]
}

// The after-tax pay of a month, which the 2008 dues base starts from:
// income less the tax withheld and the member's own insurance and housing
// fund.
func ExampleYear_Month() {
	months := []tax.Month{
		{Month: 1, Income: funding.MustParseMoney("12000"), Pension: funding.MustParseMoney("960"), HousingFund: funding.MustParseMoney("1440")},
		{Month: 2, Income: funding.MustParseMoney("12000"), Pension: funding.MustParseMoney("960"), HousingFund: funding.MustParseMoney("1440")},
	}
	y, err := tax.Withhold(2025, months)
	if err != nil {
		fmt.Println(err)
		return
	}
	l, ok := y.Month(2)
	fmt.Println(ok, l.Input.Income, l.Withheld, l.SpecialDeductions, l.AfterTax)
	_, ok = y.Month(3)
	fmt.Println(ok)
	// Output:
	// true 12000.00 138.00 2400.00 9462.00
	// false
}

// The separate tax on a 全年一次性奖金: the row is chosen on bonus ÷ 12 and the
// quick deduction taken once, so one fen above 36000 costs 2310 more.
func ExampleBonus() {
	for _, s := range []string{"36000.00", "36000.01"} {
		c, err := tax.Bonus(funding.MustParseMoney(s), dangjian.MustParseDate("2025-01-20"))
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(s, c.Bracket.ID, c.Exact, c.Tax, c.Rules)
	}
	// Output:
	// 36000.00 TAX-MON-2019-1 1080 1080.00 [TAX-BONUS-2024 TAX-MON-2019-1 TAX-ROUND]
	// 36000.01 TAX-MON-2019-2 3390.001 3390.00 [TAX-BONUS-2024 TAX-MON-2019-2 TAX-ROUND]
}

// After 2027 the national rules have no separate bonus taxation: the bonus
// goes with the month's wages.
func ExampleRules_BonusTax() {
	r := tax.NationalRules()
	_, err := r.BonusTax(funding.MustParseMoney("50000"), dangjian.MustParseDate("2028-01-20"))
	fmt.Println(errors.Is(err, funding.ErrNoTaxRule))
	fmt.Println(err)
	// Output:
	// true
	// on: no rule in force: no separate taxation of the 全年一次性奖金: add the bonus to the month's wages ("2028-01-20")
}

func ExampleRules_CumulativeTax() {
	r := tax.NationalRules()
	for _, s := range []string{"36000.00", "36000.01"} {
		c, _ := r.CumulativeTax(funding.MustParseMoney(s), dangjian.MustParseDate("2024-03-01"))
		fmt.Println(s, c.Bracket.Level, c.Bracket.Rate.Percent(), c.Bracket.QuickDeduction, c.Exact, c.Tax, c.Rounded)
	}
	// Output:
	// 36000.00 1 3% 0.00 1080 1080.00 false
	// 36000.01 2 10% 2520.00 1080.001 1080.00 true
}

func ExampleRules_MonthlyTax() {
	c, _ := tax.NationalRules().MonthlyTax(funding.MustParseMoney("12000.01"), dangjian.MustParseDate("2024-03-01"))
	fmt.Println(c.Table.Label(), c.Bracket.ID, c.Exact, c.Tax)
	// Output:
	// 按月换算后的综合所得税率表 TAX-MON-2019-3 990.002 990.00
}

func ExampleRules_NonResidentWageTax() {
	c, _ := tax.NationalRules().NonResidentWageTax(funding.MustParseMoney("20000"), dangjian.MustParseDate("2024-03-01"))
	fmt.Println(c.Income, c.Deduction, c.Taxable, c.Tax, c.Rules)
	// Output:
	// 20000.00 5000.00 15000.00 1590.00 [TAX-NR-BASIC-2019 TAX-MON-2019-3 TAX-ROUND]
}

// The same declaration before and after 国发〔2023〕13号.
func ExampleRules_AdditionalDeductions() {
	r := tax.NationalRules()
	d := tax.Deductions{Children: 1, InfantsHalf: 1, ElderlyShare: funding.MustParseMoney("1000")}
	for _, on := range []string{"2022-12-01", "2023-01-01"} {
		lines, total, err := r.AdditionalDeductions(d, dangjian.MustParseDate(on))
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(on, total)
		for _, l := range lines {
			fmt.Println(" ", l.Item.Label(), l.Amount, l.Rule)
		}
	}
	// Output:
	// 2022-12-01 2500.00
	//   子女教育 1000.00 TAX-SAD-CHILD-2019
	//   3岁以下婴幼儿照护 500.00 TAX-SAD-INFANT-2022
	//   赡养老人 1000.00 TAX-SAD-ELDERLY-2019
	// 2023-01-01 4000.00
	//   子女教育 2000.00 TAX-SAD-CHILD-2023
	//   3岁以下婴幼儿照护 1000.00 TAX-SAD-INFANT-2023
	//   赡养老人 1000.00 TAX-SAD-ELDERLY-2023
}

func ExampleNationalRules() {
	r := tax.NationalRules()
	for _, b := range r.Brackets {
		if b.Table != tax.CumulativeTable {
			continue
		}
		upTo := b.UpTo.String()
		if b.Open {
			upTo = "…"
		}
		fmt.Println(b.ID, b.Over, upTo, b.Rate.Percent(), b.QuickDeduction, b.Source.Confidence)
	}
	// Output:
	// TAX-CUM-2019-1 0.00 36000.00 3% 0.00 verified
	// TAX-CUM-2019-2 36000.00 144000.00 10% 2520.00 verified
	// TAX-CUM-2019-3 144000.00 300000.00 20% 16920.00 verified
	// TAX-CUM-2019-4 300000.00 420000.00 25% 31920.00 verified
	// TAX-CUM-2019-5 420000.00 660000.00 30% 52920.00 verified
	// TAX-CUM-2019-6 660000.00 960000.00 35% 85920.00 verified
	// TAX-CUM-2019-7 960000.00 … 45% 181920.00 verified
}

// Check catches a typo in a quick deduction: it must keep the tax
// continuous at the row's lower bound.
func ExampleRules_Check() {
	r := tax.NationalRules()
	fmt.Println(r.Check())
	r.Brackets[1].QuickDeduction = funding.MustParseMoney("2250")
	fmt.Println(r.Check())
	// Output:
	// <nil>
	// cumulative table in force on 2019-01-01: bad tax rules: row "TAX-CUM-2019-2": quick deduction 2250.00, want 2520.00 to keep the tax continuous at 36000.00
}

func ExampleRules_Rules() {
	for _, h := range tax.NationalRules().Rules() {
		if h.Source.Confidence == dangjian.Verified && h.Period.From == dangjian.MustParseDate("2023-01-01") {
			fmt.Println(h.ID, h.Period)
		}
	}
	// Output:
	// TAX-SAD-INFANT-2023 [2023-01-01, …)
	// TAX-SAD-ELDERLY-2023 [2023-01-01, …)
}

// Replacing a value known only from a secondary page: a platform that has
// checked 国发〔2022〕8号 marks the 2022 infant deduction verified. The national rules are not
// changed.
func ExampleRules_WithAdditional() {
	r := tax.NationalRules()
	checked := r.WithAdditional(tax.AdditionalDeduction{
		Rule: dangjian.Rule{
			ID:     "TAX-SAD-INFANT-2022",
			Period: dangjian.Period{From: dangjian.MustParseDate("2022-01-01"), To: dangjian.MustParseDate("2023-01-01")},
			Source: dangjian.Source{Doc: "国发〔2022〕8号", Confidence: dangjian.Verified, URL: "https://www.gov.cn/"},
		},
		Item: tax.InfantCare, Monthly: funding.MustParseMoney("1000"), Splittable: true,
	})
	for _, rs := range []tax.Rules{r, checked} {
		for _, a := range rs.Additional {
			if a.ID == "TAX-SAD-INFANT-2022" {
				fmt.Println(a.ID, a.Monthly, a.Source.Confidence)
			}
		}
	}
	fmt.Println(checked.Check())
	// Output:
	// TAX-SAD-INFANT-2022 1000.00 reported
	// TAX-SAD-INFANT-2022 1000.00 verified
	// <nil>
}

func ExampleRules_WithRounding() {
	r := tax.NationalRules()
	down := r.WithRounding(tax.RoundingRule{
		Rule:     dangjian.Rule{ID: "TAX-ROUND-DOWN", Source: dangjian.Source{Doc: "某平台配置", Confidence: dangjian.LocalPractice}},
		Rounding: funding.Rounding{Places: 2, Mode: dangjian.Down},
	})
	for _, rs := range []tax.Rules{r, down} {
		c, _ := rs.CumulativeTax(funding.MustParseMoney("100.50"), dangjian.MustParseDate("2024-01-01"))
		fmt.Println(c.Exact, c.Tax, c.Rounding, c.Rules)
	}
	// Output:
	// 3.015 3.02 half_up to 0.01 [TAX-CUM-2019-1 TAX-ROUND]
	// 3.015 3.01 down to 0.01 [TAX-CUM-2019-1 TAX-ROUND-DOWN]
}

func ExampleRules_Clone() {
	r := tax.NationalRules()
	c := r.Clone()
	c.Basic[0].Monthly = funding.MustParseMoney("6000")
	fmt.Println(r.Basic[0].Monthly, c.Basic[0].Monthly)
	// Output:
	// 5000.00 6000.00
}

// Every problem of the input is reported at once, with its field path.
func ExampleWithhold_problems() {
	_, err := tax.Withhold(2021, []tax.Month{
		{Month: 1, Income: funding.MustParseMoney("9000"), Deductions: tax.Deductions{Infants: 1}},
		{Month: 2, Income: funding.MustParseMoney("9000"), Deductions: tax.Deductions{HousingLoan: true, RentTier: tax.RentTier1}},
	})
	for _, p := range dangjian.ProblemsOf(err) {
		fmt.Println(p.Code(), p)
	}
	// Output:
	// no_rule months[0].deductions.infants: no rule in force: no 3岁以下婴幼儿照护 deduction in force on 2021-01-01 ("1")
	// tax_declaration months[1].deductions.rentTier: declaration not allowed: 住房贷款利息 and 住房租金 cannot both be claimed ("tier1")
}

func ExampleParseRentTier() {
	for _, s := range []string{"tier2", "市辖区户籍人口不超过100万的城市", "省会城市"} {
		v, err := tax.ParseRentTier(s)
		fmt.Println(v, v.Label(), v.IsValid(), err)
	}
	_, err := tax.ParseRentTier("tier4")
	fmt.Println(err)
	// Output:
	// tier2 市辖区户籍人口超过100万的城市 true <nil>
	// tier3 市辖区户籍人口不超过100万的城市 true <nil>
	// tier1 直辖市、省会（首府）城市、计划单列市以及国务院确定的其他城市 true <nil>
	// invalid value: unknown rent tier: want tier1, tier2, tier3 or the Chinese label ("tier4")
}

func ExampleParseDeductionItem() {
	v, _ := tax.ParseDeductionItem("赡养老人")
	b, _ := json.Marshal(v)
	var back tax.DeductionItem
	_ = json.Unmarshal([]byte(`"婴幼儿照护"`), &back)
	fmt.Println(v, string(b), back, back.Label())
	// Output:
	// elderly_support "elderly_support" infant_care 3岁以下婴幼儿照护
}

func ExampleParseTable() {
	v, _ := tax.ParseTable("预扣率表一")
	text, _ := v.MarshalText()
	var back tax.Table
	_ = back.UnmarshalText([]byte("monthly"))
	fmt.Println(string(text), v.Label(), v.IsValid(), back.Label())
	// Output:
	// cumulative 个人所得税预扣率表一 true 按月换算后的综合所得税率表
}
