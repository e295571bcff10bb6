package due_test

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/due"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/dues"
	"github.com/dangjian-go/dangjian/orglife"
	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/google/uuid"
)

const exampleTree = `id,parent_id,kind,domain,name,full_members,probationary_members,elected
C,,党委,社区,某社区党委,30,2,2021-06-15
B1,C,党支部,企业,某公司党支部,9,1,2022-09-01
V,C,党支部,村,某村党支部,12,0,
`

func exampleSetup() (*orgmodel.Tree, *orgmodel.Validator) {
	recs, err := orgmodel.ReadCSV(strings.NewReader(exampleTree))
	if err != nil {
		panic(err)
	}
	who := uuid.MustParse("00000000-0000-4000-8000-000000000001")
	recs.People = []orgmodel.Person{{ID: who, Name: "李明", Status: orgmodel.FullMember, FullSince: dangjian.MustParseDate("2010-01-01")}}
	recs.Assignments = []orgmodel.Assignment{{ID: uuid.MustParse("00000000-0000-4000-8000-00000000000a"), Person: who,
		Role: orgmodel.FirstSecretary, To: orgmodel.CSVID("V"), Start: dangjian.MustParseDate("2023-07-01")}}
	tree, err := orgmodel.Build(recs)
	if err != nil {
		panic(err)
	}
	v, err := orgmodel.NewValidator(orgmodel.NationalRules())
	if err != nil {
		panic(err)
	}
	return tree, v
}

func exampleChecker(tree *orgmodel.Tree) *orglife.Checker {
	c, err := orglife.NewChecker(tree, orglife.NationalRules().With(orglife.LectureQuarterly()),
		dangjian.MustParseDate("2025-04-01"), dangjian.MustParseDate("2025-07-01"), orglife.Options{})
	if err != nil {
		panic(err)
	}
	for _, ty := range []orglife.Type{orglife.MemberMeeting, orglife.PartyDay, orglife.Committee} {
		if err := c.Add(orglife.Meeting{Org: "B1", Type: ty, Date: dangjian.MustParseDate("2025-06-10"), Expected: 10, Present: 9}); err != nil {
			panic(err)
		}
	}
	return c
}

// One question: what is due or overdue on 2025-06-20 within three months,
// from the terms, the dispatches and one branch's meetings.
func Example() {
	tree, v := exampleSetup()
	asOf := dangjian.MustParseDate("2025-06-20")
	cal, err := due.New(asOf, asOf.AddMonths(3), nil)
	if err != nil {
		panic(err)
	}
	for _, it := range cal.Sorted(due.Terms(tree, v), due.Dispatches(tree, v), due.Meetings(exampleChecker(tree))) {
		if it.Org == "V" && it.What == due.Meeting {
			continue // the village branch's meetings: left out here
		}
		fmt.Println(it.Due, it.Status, it.Days, it.What.Label(), it.Org, it.Period, it.Rule)
	}
	// Output:
	// 2025-04-30 overdue 51 组织生活 B1 2025-04 ORGLIFE-COMMITTEE-MONTHLY
	// 2025-04-30 overdue 51 组织生活 B1 2025-04 ORGLIFE-PARTYDAY-MONTHLY
	// 2025-05-31 overdue 20 组织生活 B1 2025-05 ORGLIFE-COMMITTEE-MONTHLY
	// 2025-05-31 overdue 20 组织生活 B1 2025-05 ORGLIFE-PARTYDAY-MONTHLY
	// 2025-06-30 upcoming 10 组织生活 B1 2025-Q2 ORGLIFE-LECTURE-QUARTERLY
	// 2025-07-01 upcoming 11 选派期满 V  ORG-FIRSTSEC-TERM-2021
	// 2025-09-01 upcoming 73 任期届满换届 B1  ORG-TERM-OVERDUE
}

func ExampleNew() {
	asOf := dangjian.MustParseDate("2025-06-20")
	cal, err := due.New(asOf, asOf.AddMonths(6), nil) // nil: the default lead times
	fmt.Println(cal.AsOf(), cal.Until(), err)
	_, err = due.New(asOf, dangjian.MustParseDate("2025-01-01"), nil)
	fmt.Println(err)
	// Output:
	// 2025-06-20 2025-12-20 <nil>
	// until: invalid value: the horizon is before the date 2025-06-20 ("2025-01-01")
}

func ExampleCalendar_Items() {
	tree, v := exampleSetup()
	cal, _ := due.New(dangjian.MustParseDate("2025-06-20"), dangjian.Date{}, nil) // no horizon
	for it := range cal.Items(due.Terms(tree, v)) {
		fmt.Println(it.Org, it.Due, it.Status, it.Days, it.Basis)
	}
	// Output:
	// C 2026-06-15 upcoming 360 ORG-TERM-VILLAGE-COMMUNITY-5
	// B1 2025-09-01 upcoming 73 ORG-TERM-BRANCH-3
}

func ExampleCalendar_Sorted() {
	items := []due.Item{
		{What: due.TermEnd, Org: "B", Due: dangjian.MustParseDate("2025-09-01"), Rule: "ORG-TERM-OVERDUE"},
		{What: due.TermEnd, Org: "A", Due: dangjian.MustParseDate("2025-03-01"), Rule: "ORG-TERM-OVERDUE"},
	}
	cal, _ := due.New(dangjian.MustParseDate("2025-06-20"), dangjian.Date{}, nil)
	for _, it := range cal.Sorted(slices.Values(items)) {
		fmt.Println(it.Org, it.Due, it.Status)
	}
	// Output:
	// A 2025-03-01 overdue
	// B 2025-09-01 upcoming
}

// The reminders to schedule in the next nine months, whatever the due
// dates: the 6-month reminder of a term due in 2026.
func ExampleCalendar_Reminders() {
	tree, v := exampleSetup()
	asOf := dangjian.MustParseDate("2025-06-01")
	cal, _ := due.New(asOf, asOf.AddMonths(9), nil)
	for _, r := range cal.Reminders(due.Terms(tree, v), due.Dispatches(tree, v)) {
		fmt.Println(r.On, r.Before, r.Item.What, r.Item.Org, r.Item.Due)
	}
	// Output:
	// 2025-06-01 P1M dispatch_end V 2025-07-01
	// 2025-06-01 P3M term_end B1 2025-09-01
	// 2025-08-01 P1M term_end B1 2025-09-01
	// 2025-12-15 P6M term_end C 2026-06-15
}

func ExampleCalendar_Place() {
	it := due.Item{What: due.DispatchEnd, Org: "V", Due: dangjian.MustParseDate("2025-07-01"), Rule: "ORG-FIRSTSEC-TERM-2021"}
	cal, _ := due.New(dangjian.MustParseDate("2025-06-01"), dangjian.Date{}, nil)
	cal.Place(&it)
	fmt.Println(it.Status, it.Days, it.LeadRule, it.Leads)
	// Output:
	// upcoming 30 DUE-LEAD-DISPATCH [{P3M 2025-04-01} {P1M 2025-06-01}]
}

func ExampleTerms() {
	tree, v := exampleSetup()
	for it := range due.Terms(tree, v) {
		fmt.Println(it.Org, it.Due, it.Rule, it.Basis, it.Source.Confidence)
	}
	// Output:
	// C 2026-06-15 ORG-TERM-OVERDUE ORG-TERM-VILLAGE-COMMUNITY-5 reported
	// B1 2025-09-01 ORG-TERM-OVERDUE ORG-TERM-BRANCH-3 reported
}

func ExampleDispatches() {
	tree, v := exampleSetup()
	for it := range due.Dispatches(tree, v) {
		fmt.Println(it.Org, it.Due, it.Rule, it.Detail)
	}
	// Output:
	// V 2025-07-01 ORG-FIRSTSEC-TERM-2021 第一书记 李明, serving since 2023-07-01, reaches the usual 2 years on 2025-07-01
}

func ExampleMeetings() {
	tree, _ := exampleSetup()
	for it := range due.Meetings(exampleChecker(tree)) {
		if it.Org == "B1" {
			fmt.Println(it.Period, it.Due, it.Ref, it.Detail)
		}
	}
	// Output:
	// 2025-04 2025-04-30 committee_meeting 支部委员会: 0 of 1 held in 2025-04 (short 1)
	// 2025-05 2025-05-31 committee_meeting 支部委员会: 0 of 1 held in 2025-05 (short 1)
	// 2025-04 2025-04-30 party_day 主题党日: 0 of 1 held in 2025-04 (short 1)
	// 2025-05 2025-05-31 party_day 主题党日: 0 of 1 held in 2025-05 (short 1)
	// 2025-Q2 2025-06-30 party_lecture 党课: 0 of 1 held in 2025-Q2 (short 1)
}

func ExampleDues() {
	m := funding.MustParseMoney
	ledger := []dues.Payment{
		{Month: dangjian.MustParseDate("2025-03-01"), Due: m("12.00"), Paid: m("12.00"), On: dangjian.MustParseDate("2025-03-05")},
		{Month: dangjian.MustParseDate("2025-04-01"), Due: m("12.00")},
		{Month: dangjian.MustParseDate("2025-05-01"), Due: m("12.00")},
	}
	items, err := due.Dues(dues.Rules2017(), "B1", "m-0001", ledger, dangjian.MustParseDate("2025-05-20"))
	if err != nil {
		panic(err)
	}
	for _, it := range items {
		fmt.Println(it.What, it.Member, it.Period, it.Due, it.Rule)
	}
	// Output:
	// dues_back_pay m-0001 2025-04 2025-10-31 DUES-BACK-PAY-6
	// dues_back_pay m-0001 2025-05 2025-11-30 DUES-BACK-PAY-6
	// dues_lapse m-0001 2025-04..2025-05 2025-08-31 DUES-LAPSE-6
}

func ExampleWriteCSV() {
	it := due.Item{What: due.TermEnd, Org: "B1", Name: "=某公司党支部", Due: dangjian.MustParseDate("2025-09-01"), Rule: "ORG-TERM-OVERDUE",
		Source: dangjian.Source{Doc: "中国共产党基层组织选举工作条例", Confidence: dangjian.Reported}}
	cal, _ := due.New(dangjian.MustParseDate("2025-06-20"), dangjian.Date{}, nil)
	if err := due.WriteCSV(os.Stdout, cal.Items(slices.Values([]due.Item{it}))); err != nil {
		panic(err)
	}
	// Output:
	// what,what_label,status,status_label,days,due,org,name,line,member,ref,period,rule,basis,confidence,source,lead_rule,leads,detail
	// term_end,任期届满换届,upcoming,未到期,73,2025-09-01,B1,'=某公司党支部,,,,,ORG-TERM-OVERDUE,,reported,中国共产党基层组织选举工作条例,DUE-LEAD-TERM,P6M 2025-03-01; P3M 2025-06-01; P1M 2025-08-01,
}

func ExampleItem_MarshalJSON() {
	it := due.Item{What: due.DuesBackPay, Org: "B1", Member: "m-0001", Period: "2025-04", Due: dangjian.MustParseDate("2025-10-31"),
		Rule: "DUES-BACK-PAY-6", Source: dangjian.Source{Doc: "关于中国共产党党费收缴、使用和管理的规定", Article: "第十二条", Confidence: dangjian.Verified}}
	cal, _ := due.New(dangjian.MustParseDate("2025-06-20"), dangjian.Date{}, nil)
	cal.Place(&it)
	b, _ := json.Marshal(it)
	fmt.Println(string(b))
	// Output:
	// {"what":"dues_back_pay","whatLabel":"补交党费期限","org":"B1","member":"m-0001","period":"2025-04","due":"2025-10-31","status":"upcoming","statusLabel":"未到期","days":133,"rule":"DUES-BACK-PAY-6","source":{"doc":"关于中国共产党党费收缴、使用和管理的规定","article":"第十二条","confidence":"verified"},"leadRule":"DUE-LEAD-DUES-BACK-PAY","leads":[{"before":"P1M","on":"2025-09-30"}]}
}

func ExampleParseLead() {
	l, err := due.ParseLead("P1M7D")
	fmt.Println(l.Months, l.Days, l, err)
	_, err = due.ParseLead("one month")
	fmt.Println(err)
	// Output:
	// 1 7 P1M7D <nil>
	// due: ParseLead("one month"): want an ISO 8601 duration of years, months and days such as P6M or P1M7D
}

func ExampleLead_Before() {
	fmt.Println(due.Lead{Months: 1}.Before(dangjian.MustParseDate("2025-03-31")))
	fmt.Println(due.Lead{Months: 6}.Before(dangjian.MustParseDate("2025-03-01")))
	// Output:
	// 2025-02-28
	// 2024-09-01
}

func ExampleDefaultLeads() {
	for _, r := range due.DefaultLeads() {
		fmt.Println(r.ID, r.What, r.Unit, r.Before, r.Source.Confidence)
	}
	// Output:
	// DUE-LEAD-TERM term_end  [P6M P3M P1M] library_choice
	// DUE-LEAD-DISPATCH dispatch_end  [P3M P1M] library_choice
	// DUE-LEAD-MEETING-MONTH meeting month [P7D] library_choice
	// DUE-LEAD-MEETING-QUARTER meeting quarter [P1M P7D] library_choice
	// DUE-LEAD-MEETING-HALFYEAR meeting half_year [P2M P1M] library_choice
	// DUE-LEAD-MEETING-YEAR meeting year [P3M P1M] library_choice
	// DUE-LEAD-DUES-BACK-PAY dues_back_pay  [P1M] library_choice
	// DUE-LEAD-DUES-LAPSE dues_lapse  [P1M P7D] library_choice
}

// A city reminds of its quarterly 党课 two months ahead, and of a 换届 a
// year ahead besides the defaults.
func ExampleLeads_With() {
	ls := due.DefaultLeads().With(
		due.LeadRule{Rule: dangjian.Rule{ID: "CITY-LEAD-LECTURE", Source: dangjian.Source{Doc: "某市党建工作提醒办法", Confidence: dangjian.LocalPractice}},
			What: due.Meeting, For: []string{"ORGLIFE-LECTURE-QUARTERLY"}, Before: []due.Lead{{Months: 2}}},
		due.LeadRule{Rule: dangjian.Rule{ID: "DUE-LEAD-TERM", Source: dangjian.Source{Doc: "某市党建工作提醒办法", Confidence: dangjian.LocalPractice}},
			What: due.TermEnd, Before: []due.Lead{{Months: 12}, {Months: 6}, {Months: 3}}},
	)
	r, _ := ls.For(&due.Item{What: due.Meeting, Rule: "ORGLIFE-LECTURE-QUARTERLY", Unit: orglife.Quarter})
	fmt.Println(r.ID, r.Before)
	r, _ = ls.For(&due.Item{What: due.TermEnd})
	fmt.Println(r.ID, r.Before, r.Source.Confidence)
	fmt.Println(len(ls.Without("CITY-LEAD-LECTURE")))
	// Output:
	// CITY-LEAD-LECTURE [P2M]
	// DUE-LEAD-TERM [P12M P6M P3M] local_practice
	// 8
}

func ExampleLeads_For() {
	r, ok := due.DefaultLeads().For(&due.Item{What: due.Meeting, Unit: orglife.Year})
	fmt.Println(r.ID, r.Before, ok)
	// Output:
	// DUE-LEAD-MEETING-YEAR [P3M P1M] true
}

func ExampleLeads_Check() {
	err := due.Leads{{Rule: dangjian.Rule{ID: "X"}, What: due.TermEnd}}.Check()
	for _, p := range dangjian.ProblemsOf(err) {
		fmt.Println(p.Path, p.ID, p.Detail)
	}
	// Output:
	// leads[0].source.confidence X a lead rule cites its source with a confidence mark
	// leads[0].before X a lead rule needs at least one lead
}

func ExampleStatusOn() {
	dueOn := dangjian.MustParseDate("2025-03-01")
	for _, day := range []string{"2025-02-28", "2025-03-01", "2025-03-02"} {
		s, n := due.StatusOn(dueOn, dangjian.MustParseDate(day))
		fmt.Println(day, s, s.Label(), n)
	}
	// Output:
	// 2025-02-28 upcoming 未到期 1
	// 2025-03-01 due 今日到期 0
	// 2025-03-02 overdue 已逾期 1
}

func ExampleParseWhat() {
	for _, s := range []string{"term_end", "换届", "补交党费期限"} {
		w, err := due.ParseWhat(s)
		fmt.Println(w, w.Label(), err)
	}
	// Output:
	// term_end 任期届满换届 <nil>
	// term_end 任期届满换届 <nil>
	// dues_back_pay 补交党费期限 <nil>
}

func ExampleParseStatus() {
	s, err := due.ParseStatus("已逾期")
	fmt.Println(s, err)
	// Output:
	// overdue <nil>
}

func ExampleCompare() {
	a := due.Item{What: due.TermEnd, Org: "A", Due: dangjian.MustParseDate("2025-03-01")}
	b := due.Item{What: due.Meeting, Org: "A", Due: dangjian.MustParseDate("2025-03-01")}
	fmt.Println(due.Compare(a, b), due.Compare(b, a))
	// Output:
	// -1 1
}

func ExampleWhats() {
	for _, w := range due.Whats() {
		fmt.Println(w, w.Label())
	}
	// Output:
	// term_end 任期届满换届
	// dispatch_end 选派期满
	// meeting 组织生活
	// dues_back_pay 补交党费期限
	// dues_lapse 连续未交党费
}
