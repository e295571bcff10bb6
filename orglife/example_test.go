package orglife_test

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/orglife"
	"github.com/dangjian-go/dangjian/orgmodel"
)

const exampleTree = `id,parent_id,kind,domain,name,full_members,probationary_members
C,,党委,社区,某社区党委,0,0
B1,C,党支部,社区,第一党支部,9,1
B2,C,党支部,社区,第二党支部,5,0
`

func tree() *orgmodel.Tree {
	recs, err := orgmodel.ReadCSV(strings.NewReader(exampleTree))
	if err != nil {
		panic(err)
	}
	t, err := orgmodel.Build(recs)
	if err != nil {
		panic(err)
	}
	return t
}

var (
	q1From = dangjian.MustParseDate("2024-01-01")
	q1To   = dangjian.MustParseDate("2024-04-01")
)

// A quarter of one branch's meetings checked against the national rules:
// the shortfalls per period and a 支委会 below its quorum, each a finding
// with its rule, severity, period and source.
func Example() {
	c, err := orglife.NewChecker(tree(), orglife.NationalRules(), q1From, q1To, orglife.Options{})
	if err != nil {
		panic(err)
	}
	in := `org_id,type,date,expected,present
B1,支部党员大会,2024-03-28,10,9
B1,主题党日,2024-01-20,10,10
B1,主题党日,2024-02-20,10,10
B1,主题党日,2024-03-20,10,10
B1,支委会,2024-01-05,5,5
B1,支委会,2024-02-05,5,2
`
	rows, stop := c.AddCSV(strings.NewReader(in), dangjian.Limits{})
	fmt.Println(len(rows), stop)
	for _, f := range c.Findings() {
		if f.Subject == "B1" {
			fmt.Printf("%s %s %s=%s: %s [%s]\n", f.Severity, f.Rule, f.Field, f.Value, f.Message, f.Source)
		}
	}
	// Output:
	// 0 <nil>
	// warning ORGLIFE-COMMITTEE-MONTHLY period=2024-02: 支部委员会: 0 held in 2024-02, 1 required (short 1) [中国共产党支部工作条例（试行） 第十二条 [verified]]
	// warning ORGLIFE-COMMITTEE-MONTHLY period=2024-03: 支部委员会: 0 held in 2024-03, 1 required (short 1) [中国共产党支部工作条例（试行） 第十二条 [verified]]
	// error ORGLIFE-COMMITTEE-QUORUM present=2/5: 支部委员会 on 2024-02-05: 2 of 5 members present, the quorum is at least 1/2; the sitting is not held [中国共产党支部工作条例（试行） 第十二条 [verified]]
}

// The national rules, with their periods and sources.
func ExampleNationalRules() {
	for _, r := range orglife.NationalRules().Rules {
		fmt.Println(r.ID, r.Check, r.Type, r.Modality, r.Source.Confidence)
	}
	// Output:
	// ORGLIFE-MEMBER-QUARTERLY frequency member_meeting usually verified
	// ORGLIFE-COMMITTEE-MONTHLY frequency committee_meeting usually verified
	// ORGLIFE-GROUP-MONTHLY frequency group_meeting usually verified
	// ORGLIFE-PARTYDAY-MONTHLY frequency party_day must reported
	// ORGLIFE-LIFE-YEARLY frequency life_meeting must reported
	// ORGLIFE-REVIEW-YEARLY frequency member_review usually reported
	// ORGLIFE-TALK-YEARLY frequency heart_talk usually reported
	// ORGLIFE-VOTE-QUORUM quorum member_meeting must verified
	// ORGLIFE-COMMITTEE-QUORUM quorum committee_meeting must verified
}

// A local rule set: a quarterly 党课, and the strict reading of the vote
// quorum in place of the national one.
func ExampleRuleSet_With() {
	rs := orglife.NationalRules().With(orglife.LectureQuarterly()).
		Without("ORGLIFE-VOTE-QUORUM").With(orglife.StrictVoteQuorum())
	rs.Name = "某市"
	fmt.Println(rs.Check(), len(rs.Rules))
	r, _ := rs.Rule("ORGLIFE-LECTURE-QUARTERLY")
	fmt.Println(r.Unit, r.Count, r.Source.Confidence)
	// Output:
	// <nil> 10
	// quarter 1 local_practice
}

// The other 党课 frequencies the notes give are local rules too.
func ExampleLectureTwiceYearly() {
	for _, r := range []orglife.Rule{orglife.LectureQuarterly(), orglife.LectureTwiceYearly(), orglife.LectureMonthly()} {
		fmt.Println(r.ID, r.Count, "per", r.Unit)
	}
	// Output:
	// ORGLIFE-LECTURE-QUARTERLY 1 per quarter
	// ORGLIFE-LECTURE-TWICE-YEARLY 2 per year
	// ORGLIFE-LECTURE-MONTHLY 1 per month
}

// Exactly half of those with a vote: enough under the national reading of
// 半数以上, not under the strict one.
func ExampleStrictVoteQuorum() {
	m := orglife.Meeting{Org: "B1", Type: orglife.MemberMeeting, Date: dangjian.MustParseDate("2024-03-01"),
		Expected: 10, Present: 9, Voting: true, VotingExpected: 8, VotingPresent: 4}
	for _, rs := range []orglife.RuleSet{orglife.NationalRules(),
		orglife.NationalRules().Without("ORGLIFE-VOTE-QUORUM").With(orglife.StrictVoteQuorum())} {
		c, _ := orglife.NewChecker(tree(), rs, q1From, q1To, orglife.Options{})
		_ = c.Add(m)
		failed := 0
		for _, f := range c.Findings() {
			if f.Field == "voting_present" {
				failed++
			}
		}
		fmt.Println(failed)
	}
	// Output:
	// 0
	// 1
}

// Other presets for With: a two-thirds committee quorum, an 80 %
// attendance floor for the 主题党日.
func ExampleCommitteeQuorumTwoThirds() {
	for _, r := range []orglife.Rule{orglife.CommitteeQuorumTwoThirds(), orglife.PartyDayAttendance()} {
		fmt.Println(r.ID, r.Basis, r.Cmp, r.Num, r.Den, r.Voids)
	}
	// Output:
	// ORGLIFE-COMMITTEE-QUORUM-2-3 attendance at_least 2 3 true
	// ORGLIFE-PARTYDAY-ATTENDANCE-80 attendance at_least 4 5 false
}

// A value the library chose is cited to the library.
func ExampleLibraryChoice() {
	r, _ := orglife.NationalRules().Rule("ORGLIFE-VOTE-QUORUM")
	fmt.Println(r.Reading.Doc, r.Reading.Confidence)
	// Output:
	// dangjian（本库取值） library_choice
}

// Types read from English codes, Chinese labels and aliases.
func ExampleParseType() {
	for _, s := range []string{"party_day", "支部委员会", "支委会", "党员大会", "民主评议"} {
		t, err := orglife.ParseType(s)
		fmt.Println(t, t.Label(), err)
	}
	_, err := orglife.ParseType("meeting")
	fmt.Println(err != nil)
	// Output:
	// party_day 主题党日 <nil>
	// committee_meeting 支部委员会 <nil>
	// committee_meeting 支部委员会 <nil>
	// member_meeting 支部党员大会 <nil>
	// member_review 民主评议党员 <nil>
	// true
}

// Meetings added one at a time, in any order; a branch of 5 full members
// owes no 支委会, and a branch reaching 7 on 10 February owes it from
// February (the period's last day decides).
func ExampleNewChecker() {
	opt := orglife.Options{Histories: map[string]orglife.History{
		"B2": {Full: []orglife.Step{{On: dangjian.MustParseDate("2024-02-10"), Full: 7}}},
	}}
	c, err := orglife.NewChecker(tree(), orglife.NationalRules(), q1From, q1To, opt)
	if err != nil {
		panic(err)
	}
	for pc := range c.Periods() {
		if pc.Org == "B2" && pc.Type == orglife.Committee {
			fmt.Println(pc.Period, pc.Required)
		}
	}
	// Output:
	// 2024-02 1
	// 2024-03 1
}

// Add refuses a record no counting can use, and one for an organization
// the tree does not have.
func ExampleChecker_Add() {
	c, _ := orglife.NewChecker(tree(), orglife.NationalRules(), q1From, q1To, orglife.Options{})
	fmt.Println(c.Add(orglife.Meeting{Org: "B1", Type: orglife.PartyDay, Date: dangjian.MustParseDate("2024-01-20"), Expected: 10, Present: 9}))
	fmt.Println(c.Add(orglife.Meeting{Org: "B9", Type: orglife.PartyDay, Date: dangjian.MustParseDate("2024-01-20"), Expected: 10, Present: 9, Line: 3}))
	fmt.Println(c.Add(orglife.Meeting{Org: "B1", Type: orglife.PartyDay, Date: dangjian.MustParseDate("2024-01-20"), Expected: 10, Present: 11}))
	fmt.Println(c.Meetings())
	// Output:
	// <nil>
	// line 3: org_id: refers to an unknown ID: no organization with this id in the tree ("B9")
	// present: inconsistent values: more present than expected ("11")
	// 1
}

// Meeting.Check is what Add checks first.
func ExampleMeeting_Check() {
	m := orglife.Meeting{Org: "B1", Type: orglife.MemberMeeting, Date: dangjian.MustParseDate("2024-01-20"),
		Expected: 10, Present: 9, Voting: true, VotingExpected: 9, VotingPresent: 10}
	fmt.Println(m.Check())
	// Output:
	// voting_present: inconsistent values: more members with a vote present than expected ("10")
}

// The per-period counts a bridge into a scoring scheme reads.
func ExampleChecker_Periods() {
	c, _ := orglife.NewChecker(tree(), orglife.NationalRules(), q1From, q1To, orglife.Options{})
	_ = c.Add(orglife.Meeting{Org: "B2", Type: orglife.PartyDay, Date: dangjian.MustParseDate("2024-01-20"), Expected: 5, Present: 5})
	_ = c.Add(orglife.Meeting{Org: "B2", Type: orglife.PartyDay, Date: dangjian.MustParseDate("2024-01-27"), Expected: 5, Present: 5})
	for pc := range c.Periods() {
		if pc.Org == "B2" {
			fmt.Println(pc.Rule, pc.Period, pc.Required, pc.Held, pc.Shortfall)
		}
	}
	// Output:
	// ORGLIFE-MEMBER-QUARTERLY 2024-Q1 1 0 1
	// ORGLIFE-PARTYDAY-MONTHLY 2024-01 1 2 0
	// ORGLIFE-PARTYDAY-MONTHLY 2024-02 1 0 1
	// ORGLIFE-PARTYDAY-MONTHLY 2024-03 1 0 1
}

// The summary per organization and type over the window.
func ExampleChecker_Summary() {
	c, _ := orglife.NewChecker(tree(), orglife.NationalRules(), q1From, q1To, orglife.Options{})
	_ = c.Add(orglife.Meeting{Org: "B2", Type: orglife.PartyDay, Date: dangjian.MustParseDate("2024-01-20"), Expected: 5, Present: 5})
	for _, s := range c.Summary() {
		if s.Org == "B2" {
			fmt.Println(s.Type.Label(), s.Required, s.Held, s.Shortfall, s.QuorumFailures)
		}
	}
	// Output:
	// 支部党员大会 1 0 1 0
	// 主题党日 3 1 2 0
}

// A yearly finding carries its period as Field "period" and Value "2024".
func ExampleChecker_Findings() {
	c, _ := orglife.NewChecker(tree(), orglife.NationalRules(), q1From, dangjian.MustParseDate("2025-01-01"), orglife.Options{})
	for _, f := range c.Findings() {
		if f.Subject == "B2" && f.Rule == "ORGLIFE-LIFE-YEARLY" {
			fmt.Println(f.Field, f.Value, f.On, f.Severity, f.Name)
		}
	}
	// Output:
	// period 2024 2024-01-01 error 某社区党委 / 第二党支部
}

// Reading a CSV of meetings: Chinese headers, bad rows reported by line.
func ExampleScanCSV() {
	in := `组织编号,会议类型,日期,应到人数,实到人数
B1,党课,2024-03-01,10,9
B1,党课,2024-03-01,10,十
`
	err := orglife.ScanCSV(strings.NewReader(in), func(m orglife.Meeting, bad dangjian.Problems) error {
		if bad != nil {
			fmt.Println(bad)
			return nil
		}
		fmt.Println(m.Line, m.Org, m.Type, m.Date, m.Present)
		return nil
	})
	fmt.Println(err)
	// Output:
	// 2 B1 party_lecture 2024-03-01 9
	// line 3, column 5: 实到人数 (id "B1"): invalid value: not a base-10 count ("十")
	// <nil>
}

// ScanCSVWith reads within limits.
func ExampleScanCSVWith() {
	in := "org_id,type,date,expected,present\nB1,party_day,2024-01-20,5,5\nB1,party_day,2024-02-20,5,5\n"
	err := orglife.ScanCSVWith(strings.NewReader(in), dangjian.Limits{MaxRecords: 1}, func(orglife.Meeting, dangjian.Problems) error { return nil })
	fmt.Println(dangjian.ProblemsOf(err)[0].Kind.Code())
	// Output:
	// limit
}

// Reading meetings from JSON.
func ExampleScanJSON() {
	in := `[{"org": "B1", "type": "组织生活会", "also": ["民主评议党员"], "date": "2025-01-10", "year": 2024, "expected": 9, "present": 9},
 {"org": "B1", "type": "party_day", "date": "2024-01-20", "expected": 9, "present": 10}]`
	err := orglife.ScanJSON(strings.NewReader(in), func(m orglife.Meeting, bad dangjian.Problems) error {
		if bad != nil {
			fmt.Println(bad)
			return nil
		}
		fmt.Println(m.Line, m.Type, m.Also, m.Year)
		return nil
	})
	fmt.Println(err)
	// Output:
	// 1 life_meeting [member_review] 2024
	// line 2, column 85: [1].present (id "B1"): inconsistent values: more present than expected ("10")
	// <nil>
}

// ScanJSONWith reads within limits.
func ExampleScanJSONWith() {
	err := orglife.ScanJSONWith(strings.NewReader(`[{}, {}]`), dangjian.Limits{MaxRecords: 1}, func(orglife.Meeting, dangjian.Problems) error { return nil })
	fmt.Println(dangjian.ProblemsOf(err)[0].Kind.Code())
	// Output:
	// limit
}

// AddJSON counts the good elements and lists the problems of the bad ones.
func ExampleChecker_AddJSON() {
	c, _ := orglife.NewChecker(tree(), orglife.NationalRules(), q1From, q1To, orglife.Options{})
	rows, stop := c.AddJSON(strings.NewReader(`[{"org": "B1", "type": "party_day", "date": "2024-01-20", "expected": 9, "present": 9},
{"org": "B7", "type": "party_day", "date": "2024-01-20", "expected": 9, "present": 9}]`), dangjian.Limits{})
	fmt.Println(c.Meetings(), rows, stop)
	// Output:
	// 1 line 2, column 9: [1].org (id "B7"): refers to an unknown ID: no organization with this id in the tree ("B7") <nil>
}

// AddCSV counts the good rows and lists the problems of the bad ones.
func ExampleChecker_AddCSV() {
	c, _ := orglife.NewChecker(tree(), orglife.NationalRules(), q1From, q1To, orglife.Options{})
	rows, stop := c.AddCSV(strings.NewReader("org_id,type,date,expected,present\nB1,party_day,2024-01-20,9,9\nB7,party_day,2024-01-20,9,9\n"), dangjian.Limits{})
	fmt.Println(c.Meetings(), rows, stop)
	// Output:
	// 1 line 3, column 1: org_id (id "B7"): refers to an unknown ID: no organization with this id in the tree ("B7") <nil>
}

// Every meeting type, with its code and label.
func ExampleTypes() {
	for _, t := range orglife.Types() {
		fmt.Println(t, t.Label())
	}
	// Output:
	// member_meeting 支部党员大会
	// committee_meeting 支部委员会
	// group_meeting 党小组会
	// party_lecture 党课
	// party_day 主题党日
	// life_meeting 组织生活会
	// member_review 民主评议党员
	// heart_talk 谈心谈话
}

// A meeting's JSON is what ScanJSON reads; the voting pair only for a vote.
func ExampleMeeting_MarshalJSON() {
	m := orglife.Meeting{Org: "B1", Type: orglife.LifeMeeting, Also: []orglife.Type{orglife.Review},
		Date: dangjian.MustParseDate("2025-01-10"), Year: 2024, Expected: 9, Present: 9}
	b, _ := json.Marshal(m)
	fmt.Println(string(b))
	m = orglife.Meeting{Org: "B1", Type: orglife.MemberMeeting, Date: dangjian.MustParseDate("2024-03-28"),
		Expected: 9, Present: 8, Voting: true, VotingExpected: 8, VotingPresent: 0}
	b, _ = json.Marshal(m)
	fmt.Println(string(b))
	// Output:
	// {"org":"B1","type":"life_meeting","also":["member_review"],"date":"2025-01-10","year":2024,"expected":9,"present":9}
	// {"org":"B1","type":"member_meeting","date":"2024-03-28","expected":9,"present":8,"votingExpected":8,"votingPresent":0}
}

// Period labels, as findings carry them.
func ExampleUnit_Label() {
	fmt.Println(orglife.Month.Label(2024*12+2), orglife.Quarter.Label(2024*4+1), orglife.HalfYear.Label(2024*2+1), orglife.Year.Label(2024))
	// Output:
	// 2024-03 2024-Q2 2024-H2 2024
}

// Meetings counts what Add accepted.
func ExampleChecker_Meetings() {
	c, _ := orglife.NewChecker(tree(), orglife.NationalRules(), q1From, q1To, orglife.Options{})
	_ = c.Add(orglife.Meeting{Org: "B1", Type: orglife.Talk, Date: dangjian.MustParseDate("2024-01-20"), Expected: 2, Present: 2})
	_ = c.Add(orglife.Meeting{Org: "B1", Type: orglife.Talk})
	fmt.Println(c.Meetings())
	// Output:
	// 1
}

func ExampleChecker_Tree() {
	c, err := orglife.NewChecker(tree(), orglife.NationalRules(), q1From, q1To, orglife.Options{})
	if err != nil {
		panic(err)
	}
	from, to := c.Window()
	fmt.Println(c.Tree().Len(), from, to)
	// Output:
	// 3 2024-01-01 2024-04-01
}

// Counting the findings of a large run without keeping them: each is
// handed over in turn, in the order of Findings.
func ExampleChecker_FindingsFunc() {
	c, err := orglife.NewChecker(tree(), orglife.NationalRules(), q1From, q1To, orglife.Options{})
	if err != nil {
		panic(err)
	}
	_ = c.Add(orglife.Meeting{Org: "B1", Type: orglife.Committee, Date: dangjian.MustParseDate("2024-02-05"), Expected: 5, Present: 2})
	bySeverity := map[dangjian.Severity]int{}
	err = c.FindingsFunc(func(f *dangjian.Finding) error {
		bySeverity[f.Severity]++
		return nil
	})
	fmt.Println(bySeverity[dangjian.Error], bySeverity[dangjian.Warning], c.QuorumFailures(), err)
	// Output:
	// 7 5 1 <nil>
}
