package standard_test

import (
	"errors"
	"fmt"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/standard"
	"github.com/dangjian-go/dangjian/place/yanji"
)

func ExampleItemCodes() {
	for _, c := range standard.ItemCodes()[:4] {
		fmt.Println(c, c.Label())
	}
	// Output:
	// village_operating_funds 村级运转经费
	// village_office_funds 村级组织办公经费
	// village_secretary_pay 村书记报酬
	// village_cadre_pay 其他村干部报酬
}

func ExampleParseItemCode() {
	for _, s := range []string{"社区工作经费", "red_collar_allowance", "村书记年薪", "党费"} {
		c, err := standard.ParseItemCode(s)
		fmt.Println(c, err)
	}
	// Output:
	// community_work_funds <nil>
	// red_collar_allowance <nil>
	// village_secretary_pay <nil>
	//  invalid value: unknown item code: want village_operating_funds, village_office_funds, village_secretary_pay, village_cadre_pay, regional_party_building_funds, community_work_funds, community_committee_pay, non_public_work_funds, dispatched_branch_work_funds, red_collar_allowance, village_office_upgrade, street_community_hardware, non_public_venues or the Chinese label ("党费")
}

func ExampleParsePer() {
	p, err := standard.ParsePer("月薪")
	fmt.Println(p, p.Label(), err)
	// Output:
	// per_person_month 每人每月 <nil>
}

func ExamplePer_IsTotal() {
	fmt.Println(standard.PerBranch.IsTotal(), standard.TotalOverPeriod.IsTotal())
	// Output:
	// false true
}

func ExampleSet_Item() {
	s := yanji.Standards()
	// The per-unit standard, not the 500余万 total of the same item.
	it, ok := s.Item(standard.NonPublicWorkFunds, dangjian.MustParseDate("2025-06-30"))
	fmt.Println(ok, it.ID, it.Amount, it.Per)
	// Output:
	// true YJ-NONPUBLIC-BRANCH-FUNDS 2000.00 per_branch
}

func ExampleSet_ByCode() {
	for _, it := range yanji.Standards().ByCode(standard.NonPublicWorkFunds) {
		fmt.Println(it.ID, it.Amount, it.Per, it.LowerBound)
	}
	// Output:
	// YJ-NONPUBLIC-BRANCH-FUNDS 2000.00 per_branch false
	// YJ-NONPUBLIC-FUNDS-ISSUED 5000000.00 total true
}

func ExampleSet_ByID() {
	it, ok := yanji.Standards().ByID("YJ-COMMUNITY-COMMITTEE-PAY")
	fmt.Println(ok, it.Code.Label(), it.Amount, it.Per.Label(), it.Text)
	// Output:
	// true 社区“两委”成员薪酬 3310.00 每人每月 社区“两委”成员月平均薪酬达3310元
}

func ExampleSet_With() {
	s := yanji.Standards()
	raised, _ := s.ByID("YJ-VILLAGE-SECRETARY-PAY")
	raised.Amount = funding.MustParseMoney("36000")
	t := s.With(raised)
	a, _ := s.ByID("YJ-VILLAGE-SECRETARY-PAY")
	b, _ := t.ByID("YJ-VILLAGE-SECRETARY-PAY")
	fmt.Println(a.Amount, b.Amount, len(s.Items) == len(t.Items))
	// Output:
	// 28000.00 36000.00 true
}

func ExampleSet_Without() {
	s := yanji.Standards().Without("YJ-RED-COLLAR-ALLOWANCE", "YJ-VILLAGE-OFFICE-UPGRADE")
	fmt.Println(len(yanji.Standards().Items), len(s.Items))
	// Output:
	// 13 11
}

func ExampleSet_Check() {
	s := yanji.Standards()
	s.Items = append(s.Items[:1:1], standard.Standard{
		Rule: dangjian.Rule{ID: "X", Source: dangjian.Source{Doc: "x", Confidence: dangjian.LocalPractice}},
		Code: standard.VillageSecretaryPay, Per: standard.PerPersonYear, Years: 2,
	})
	err := s.Check()
	var pe *dangjian.Problem
	fmt.Println(errors.Is(err, standard.ErrBadStandard), errors.As(err, &pe), pe.Path)
	for _, p := range dangjian.ProblemsOf(err) {
		fmt.Println(p)
	}
	// Output:
	// true true items[1] ("X").amount
	// items[1] ("X").amount: bad standard: must be positive ("0.00")
	// items[1] ("X").years: bad standard: only a total spans years ("2")
}

func ExampleVillageFloors() {
	for _, f := range standard.VillageFloors() {
		if f.Code == standard.VillageSecretaryPay {
			fmt.Println(f.ID, f.Jurisdiction, f.Post, f.Multiplier, f.MinPerYear, f.MinPerMonth, f.Period, f.Source.Confidence)
		}
	}
	// Output:
	// NAT-2020-VILLAGE-SECRETARY-2X national main 2 0.00 0.00 [2020-06-01, …) unverified
	// HB-2021-VILLAGE-MAIN-2X 湖北省 main 2 0.00 0.00 [2021-01-01, …) local_practice
	// HB-2021-VILLAGE-MAIN-4W 湖北省 main 0 40000.00 0.00 [2021-01-01, 2022-01-01) local_practice
	// SC-2020-VILLAGE-SECRETARY-2X 四川省 main 2 0.00 3000.00 [2020-01-01, …) local_practice
	// JN-2025-VILLAGE-MAIN-2X 福建省建宁县 main 2 0.00 0.00 [2025-01-01, …) local_practice
	// JN-2025-VILLAGE-YJT-120 福建省建宁县 yi_jian_tiao 2 0.00 0.00 [2025-01-01, …) local_practice
}

func ExampleValidateFloors() {
	floors := standard.VillageFloors()
	fmt.Println(standard.ValidateFloors(floors))
	floors[0].MinPerYear = funding.Money{}
	fmt.Println(standard.ValidateFloors(floors))
	// Output:
	// <nil>
	// floors[0] ("NAT-2020-VILLAGE-FUNDS-11W").multiplier: bad floor: no part set: need a multiplier, minPerYear or minPerMonth
}

func ExampleCheckFloors() {
	// Yanji's 村书记年薪 (2.8万) against the national 2× floor, for a county
	// whose prior-year rural per-capita disposable income is 14000.01.
	var floors []standard.Floor
	for _, f := range standard.VillageFloors() {
		if f.ID == "NAT-2020-VILLAGE-SECRETARY-2X" {
			floors = append(floors, f)
		}
	}
	rep, err := standard.CheckFloors(yanji.Standards(), floors, standard.FloorInputs{
		AsOf: dangjian.MustParseDate("2025-06-30"), RuralIncome: funding.MustParseMoney("14000.01"),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	r := rep.Results[0]
	fmt.Println(r.Rule, r.Standard, r.Met, r.Severity)
	fmt.Println("floor", r.Floor, "=", r.Multiplier, "×", r.RuralIncome, "(", r.Exact, r.Rounding, ")")
	fmt.Println("amount", r.Amount, "gap", r.Gap, r.Source.Confidence)
	if f, ok := r.Finding(); ok {
		fmt.Println(f.Severity, f.Subject, f.Message)
	}
	// Output:
	// NAT-2020-VILLAGE-SECRETARY-2X YJ-VILLAGE-SECRETARY-PAY false error
	// floor 28000.02 = 2 × 14000.01 ( 28000.02 ceiling to 0.01 )
	// amount 28000.00 gap -0.02 unverified
	// error YJ-VILLAGE-SECRETARY-PAY village_secretary_pay (main): 28000.00 a year is below the floor of 28000.02 a year (income part) by 0.02
}

func ExampleFloorReport_Shortfalls() {
	rep, err := standard.CheckFloors(yanji.Standards(), standard.VillageFloors(), standard.FloorInputs{
		AsOf: dangjian.MustParseDate("2025-06-30"), RuralIncome: funding.MustParseMoney("14000"),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(rep.Results), "checked;", len(rep.Skipped), "skipped:", rep.Skipped[0].Rule)
	for _, r := range rep.Shortfalls() {
		fmt.Println(r.Rule, r.Post, r.Binding, r.Floor, r.Gap)
	}
	// Output:
	// 12 checked; 1 skipped: HB-2021-VILLAGE-OFFICE-2W
	// SC-2020-VILLAGE-SECRETARY-2X main per_month 36000.00 -8000.00
	// JN-2025-VILLAGE-YJT-120 yi_jian_tiao income 33600.00 -5600.00
	// JN-2025-VILLAGE-DEPUTY-80 deputy income 22400.00 -400.00
}

func ExampleParseCadrePost() {
	p, err := standard.ParseCadrePost("一肩挑")
	fmt.Println(p, p.Label(), err)
	// Output:
	// yi_jian_tiao 一肩挑 <nil>
}

// exampleLadder is an ILLUSTRATIVE ladder, not any place's table: no
// national coefficient table has been identified. Base 3000.00 a month;
// level L has coefficient 1 + 0.05 × (L − 1); a step every 3 years.
func exampleLadder() standard.Ladder {
	l := standard.Ladder{
		Rule: dangjian.Rule{ID: "ILLUSTRATIVE", Source: dangjian.Source{Doc: "illustrative (made up)", Confidence: dangjian.Unverified}},
		Name: "示例（虚构）", Illustrative: true,
		Base:         funding.MustParseMoney("3000"),
		Levels:       standard.DefaultLevelRanges(),
		YearsPerStep: 3,
		Rounding:     funding.DefaultRounding(),
	}
	for lv := 0; lv < 18; lv++ {
		l.Coefficients = append(l.Coefficients, funding.MustParseRate(fmt.Sprintf("%d.%02d", 1+lv*5/100, lv*5%100)))
	}
	return l
}

func ExampleDefaultLevelRanges() {
	r := standard.DefaultLevelRanges()
	fmt.Println(r.Head, r.Deputy, r.Staff)
	// Output:
	// {7 18} {4 15} {1 12}
}

func ExampleLevelRanges_For() {
	r, ok := standard.DefaultLevelRanges().For(standard.CommunityDeputy)
	fmt.Println(r.Low, r.High, ok)
	// Output:
	// 4 15 true
}

func ExampleLadder_Validate() {
	l := exampleLadder()
	fmt.Println(l.Validate())
	l.YearsPerStep = 0
	l.Coefficients = l.Coefficients[:12]
	for _, p := range dangjian.ProblemsOf(l.Validate()) {
		fmt.Println(p)
	}
	// Output:
	// <nil>
	// ladder.levels.head: bad ladder: need 1 ≤ low ≤ high ≤ 12 (the table's levels) ("7–18")
	// ladder.levels.deputy: bad ladder: need 1 ≤ low ≤ high ≤ 12 (the table's levels) ("4–15")
	// ladder.yearsPerStep: bad ladder: must be positive ("0")
}

func ExampleLadder_Pay() {
	l := exampleLadder() // illustrative
	for _, years := range []int{2, 3, 6} {
		r, err := l.Pay(standard.CommunityHead, 7, years)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(years, "years: level", r.Level, r.Base, "×", r.Coefficient, "=", r.Monthly, "a month,", r.Annual, "a year", r.Illustrative)
	}
	_, err := l.Pay(standard.CommunityHead, 6, 0)
	fmt.Println(err)
	// Output:
	// 2 years: level 7 3000.00 × 1.3 = 3900.00 a month, 46800.00 a year true
	// 3 years: level 8 3000.00 × 1.35 = 4050.00 a month, 48600.00 a year true
	// 6 years: level 9 3000.00 × 1.4 = 4200.00 a month, 50400.00 a year true
	// input.startLevel: bad ladder: outside the head range 7–18 ("6")
}

func ExampleLadder_PayFor() {
	l := exampleLadder() // illustrative
	l.Degrees = standard.DegreeCredits{Bachelor: 1, Master: 2, Doctor: 3}
	r, _ := l.PayFor(standard.PayInput{Post: standard.CommunityStaff, StartLevel: 1, YearsOfService: 4, Degree: standard.Master})
	fmt.Println(r.StepsEarned, r.DegreeLevels, r.Level, r.Monthly)
	// Output:
	// 1 2 4 3450.00
}

func ExampleParseCommunityPost() {
	p, err := standard.ParseCommunityPost("副职")
	fmt.Println(p, p.Label(), err)
	// Output:
	// deputy 副职 <nil>
}

func ExampleParseDegree() {
	d, err := standard.ParseDegree("硕士")
	fmt.Println(d, d.Label(), err)
	// Output:
	// master 硕士 <nil>
}

func ExampleIndex() {
	// Yanji's 3310元 grown 3.5 % a year for 3 years, rounded once at the end.
	g := standard.Growth{Rate: funding.MustParseRate("3.5%"), Years: 3, Point: standard.RoundAtEnd, Rounding: funding.DefaultRounding()}
	a, _ := standard.Index(funding.MustParseMoney("3310"), g)
	fmt.Println(a.Amount, a.Exact, a.Point)
	// Rounded every year instead: a fen less.
	g.Point = standard.RoundEachYear
	b, _ := standard.Index(funding.MustParseMoney("3310"), g)
	for _, y := range b.ByYear {
		fmt.Println(y.Year, y.Exact, *y.Amount)
	}
	// Output:
	// 3669.86 3669.85616625 at_end
	// 1 3425.85 3425.85
	// 2 3545.75475 3545.75
	// 3 3669.85125 3669.85
}

func ExamplePeg() {
	a, _ := standard.Peg(funding.MustParseMoney("11666.67"), funding.MustParseRate("2.4"), funding.DefaultRounding())
	fmt.Println(a.Method, a.Exact, a.Amount, a.Rounding)
	// Output:
	// peg 28000.008 28000.01 half_up to 0.01
}

func ExampleParseRoundingPoint() {
	p, err := standard.ParseRoundingPoint("逐年")
	fmt.Println(p, err)
	// Output:
	// each_year <nil>
}

func ExampleIndex_problem() {
	_, err := standard.Index(funding.MustParseMoney("-1"), standard.Growth{})
	var pe *dangjian.Problem
	if errors.As(err, &pe) {
		fmt.Println(pe.Path, pe.Value, errors.Is(err, standard.ErrBadGrowth))
	}
	// Output:
	// amount -1.00 true
}

// Yanji's 社区工作经费 of 20万元 states neither its basis nor its period:
// the library reads it per community per year, and a caller who reads it
// as a total takes that reading instead.
func ExampleStandard_ReadAs() {
	set := yanji.Standards()
	it, _ := set.Item(standard.CommunityWorkFunds, dangjian.MustParseDate("2025-01-01"))
	fmt.Println(it.Per, it.Reading.Unstated, it.Reading.Alternatives)
	total, err := it.ReadAs(standard.TotalOverPeriod)
	fmt.Println(total.Per, total.Reading.Alternatives, err)
	// Output:
	// per_community_year basis and period [total]
	// total [per_community_year] <nil>
}
