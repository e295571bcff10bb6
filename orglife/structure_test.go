package orglife

import (
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// owed returns the periods of rule that org owes, in order.
func owed(c *Checker, org, rule string) []string {
	var out []string
	for pc := range c.Periods() {
		if pc.Org == org && pc.Rule == rule && pc.Required > 0 {
			out = append(out, pc.Period)
		}
	}
	return out
}

func months(from, to int) []string {
	var out []string
	for m := from; m <= to; m++ {
		out = append(out, dangjian.NewDate(2024, 1, 1).AddMonths(m - 1).String()[:7])
	}
	return out
}

// Who owes a 支委会 and a 党小组会: the structure of the tree, and a
// branch reaching 7 full members mid-year.
func TestStructure(t *testing.T) {
	tests := []struct {
		name string
		opt  Options
		org  string
		rule string
		want []string
	}{
		{"a branch of 9 owes a 支委会 each month", Options{}, "B1", "ORGLIFE-COMMITTEE-MONTHLY", months(1, 12)},
		{"a branch of 5 owes none", Options{}, "B2", "ORGLIFE-COMMITTEE-MONTHLY", nil},
		{"a party group owes a 党小组会 each month", Options{}, "G1", "ORGLIFE-GROUP-MONTHLY", months(1, 12)},
		{"a branch owes no 党小组会 itself", Options{}, "B1", "ORGLIFE-GROUP-MONTHLY", nil},
		{"a branch without groups owes none", Options{}, "B2", "ORGLIFE-GROUP-MONTHLY", nil},
		{"a committee owes no 党员大会", Options{}, "C", "ORGLIFE-MEMBER-QUARTERLY", nil},
		{"reaching 7 on 10 June: owed from June (the period's last day)",
			Options{Histories: map[string]History{"B2": {Full: []Step{{On: d("2024-06-10"), Full: 7}}}}},
			"B2", "ORGLIFE-COMMITTEE-MONTHLY", months(6, 12)},
		{"reaching 7 on 1 July: owed from July",
			Options{Histories: map[string]History{"B2": {Full: []Step{{On: d("2024-07-01"), Full: 7}}}}},
			"B2", "ORGLIFE-COMMITTEE-MONTHLY", months(7, 12)},
		{"reaching 7 on 30 June, which is June's last day",
			Options{Histories: map[string]History{"B2": {Full: []Step{{On: d("2024-06-30"), Full: 7}}}}},
			"B2", "ORGLIFE-COMMITTEE-MONTHLY", months(6, 12)},
		{"reaching 7 in June, committee elected 15 July",
			Options{Histories: map[string]History{"B2": {Full: []Step{{On: d("2024-06-10"), Full: 7}}, CommitteeFrom: d("2024-07-15")}}},
			"B2", "ORGLIFE-COMMITTEE-MONTHLY", months(7, 12)},
		{"falling to 6 on 1 October: owed to September",
			Options{Histories: map[string]History{"B1": {Full: []Step{{On: d("2024-10-01"), Full: 6}}}}},
			"B1", "ORGLIFE-COMMITTEE-MONTHLY", months(1, 9)},
		{"dissolved on 15 May: owed to April, and Q1",
			Options{Histories: map[string]History{"B1": {Dissolved: d("2024-05-15")}}},
			"B1", "ORGLIFE-MEMBER-QUARTERLY", []string{"2024-Q1"}},
		{"founded on 15 May: Q2 on (at the quarter's end)",
			Options{Histories: map[string]History{"B2": {Founded: d("2024-05-15")}}},
			"B2", "ORGLIFE-MEMBER-QUARTERLY", []string{"2024-Q2", "2024-Q3", "2024-Q4"}},
		{"founded on 15 May: the year is owed",
			Options{Histories: map[string]History{"B2": {Founded: d("2024-05-15")}}},
			"B2", "ORGLIFE-LIFE-YEARLY", []string{"2024"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newChecker(t, NationalRules(), "2024-01-01", "2025-01-01", tt.opt)
			assert.Equal(t, tt.want, owed(c, tt.org, tt.rule))
		})
	}
}

// What each Partial asks of a branch founded on 15 May (a 366-day year:
// 231 days) and of the quarter it was founded in (48 of 91 days).
func TestPartial(t *testing.T) {
	opt := Options{Histories: map[string]History{"B2": {Founded: d("2024-05-15")}}}
	tests := []struct {
		partial   Partial
		count     int
		yearWant  int
		q2Want    int
		monthWant int // May: 17 of 31 days
	}{
		{AtEnd, 1, 1, 1, 1},
		{WholeOnly, 1, 0, 0, 0},
		{AnyDay, 1, 1, 1, 1},
		{Prorate, 1, 1, 1, 1},  // 231/366, 48/91, 17/31 all round to 1
		{Prorate, 4, 3, 2, 2},  // 924/366 = 2.52 → 3; 192/91 = 2.1 → 2; 68/31 = 2.19 → 2
		{Prorate, 12, 8, 6, 7}, // 2772/366 = 7.57 → 8; 576/91 = 6.33 → 6; 204/31 = 6.58 → 7
	}
	for _, tt := range tests {
		t.Run(tt.partial.String(), func(t *testing.T) {
			mk := func(id string, u Unit) Rule {
				return Rule{Rule: dangjian.Rule{ID: id, Source: LibraryChoice("test")}, Check: Frequency, Modality: dangjian.Usually,
					Type: Lecture, Kinds: branches, Unit: u, Count: tt.count, Partial: tt.partial}
			}
			for _, u := range []struct {
				unit   Unit
				period string
				want   int
			}{{Year, "2024", tt.yearWant}, {Quarter, "2024-Q2", tt.q2Want}, {Month, "2024-05", tt.monthWant}} {
				rs := NationalRules().With(mk("T-"+u.unit.String(), u.unit))
				c := newChecker(t, rs, "2024-01-01", "2025-01-01", opt)
				_, req, _ := count(c, "B2", "T-"+u.unit.String(), u.period)
				assert.Equal(t, u.want, req, u.unit.String())
			}
		})
	}
	assert.Equal(t, 0, Prorate.required(1, 182, 365, true), "182 of 365 rounds down")
	assert.Equal(t, 1, Prorate.required(1, 183, 365, true), "183 of 365 rounds up")
}

// One sitting counted as several types, as far as the rules allow.
func TestCombinedMeetings(t *testing.T) {
	tests := []struct {
		name string
		m    Meeting
		want map[string]int // rule → held in its period covering 2024-12-20
	}{
		{"a 党员大会 held as the 组织生活会 counts for both",
			Meeting{Org: "B1", Type: MemberMeeting, Also: []Type{LifeMeeting}, Date: d("2024-12-20"), Expected: 9, Present: 9},
			map[string]int{"ORGLIFE-MEMBER-QUARTERLY": 1, "ORGLIFE-LIFE-YEARLY": 1}},
		{"a 组织生活会 with 民主评议 counts for both, not as a 党员大会",
			Meeting{Org: "B1", Type: LifeMeeting, Also: []Type{Review, MemberMeeting}, Date: d("2024-12-20"), Expected: 9, Present: 9},
			map[string]int{"ORGLIFE-LIFE-YEARLY": 1, "ORGLIFE-REVIEW-YEARLY": 1, "ORGLIFE-MEMBER-QUARTERLY": 0}},
		{"a 主题党日 with a 党员大会 counts for both",
			Meeting{Org: "B1", Type: PartyDay, Also: []Type{MemberMeeting}, Date: d("2024-12-20"), Expected: 9, Present: 9},
			map[string]int{"ORGLIFE-PARTYDAY-MONTHLY": 1, "ORGLIFE-MEMBER-QUARTERLY": 1}},
		{"a 党员大会 on the 党日 counts for the 党日",
			Meeting{Org: "B1", Type: MemberMeeting, Also: []Type{PartyDay}, Date: d("2024-12-20"), Expected: 9, Present: 9},
			map[string]int{"ORGLIFE-PARTYDAY-MONTHLY": 1, "ORGLIFE-MEMBER-QUARTERLY": 1}},
		{"谈心谈话 cannot be combined into a 组织生活会",
			Meeting{Org: "B1", Type: Talk, Also: []Type{LifeMeeting}, Date: d("2024-12-20"), Expected: 2, Present: 2},
			map[string]int{"ORGLIFE-TALK-YEARLY": 1, "ORGLIFE-LIFE-YEARLY": 0}},
		{"a 支委会 below its quorum is held as nothing",
			Meeting{Org: "B1", Type: Committee, Also: []Type{LifeMeeting}, Date: d("2024-12-20"), Expected: 5, Present: 2},
			map[string]int{"ORGLIFE-COMMITTEE-MONTHLY": 0, "ORGLIFE-LIFE-YEARLY": 0}},
	}
	period := map[string]string{"ORGLIFE-MEMBER-QUARTERLY": "2024-Q4", "ORGLIFE-LIFE-YEARLY": "2024", "ORGLIFE-REVIEW-YEARLY": "2024",
		"ORGLIFE-PARTYDAY-MONTHLY": "2024-12", "ORGLIFE-TALK-YEARLY": "2024", "ORGLIFE-COMMITTEE-MONTHLY": "2024-12"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newChecker(t, NationalRules(), "2024-01-01", "2025-01-01", Options{})
			require.NoError(t, c.Add(tt.m))
			for rule, want := range tt.want {
				held, _, _ := count(c, "B1", rule, period[rule])
				assert.Equal(t, want, held, rule)
			}
		})
	}
}

func TestAddRefuses(t *testing.T) {
	good := Meeting{Org: "B1", Type: MemberMeeting, Date: d("2024-03-01"), Expected: 9, Present: 8, Line: 7, ID: "M1"}
	tests := []struct {
		name string
		edit func(m *Meeting)
		kind *dangjian.Kind
		path string
	}{
		{"unknown org", func(m *Meeting) { m.Org = "X9" }, dangjian.ErrUnknownRef, "org_id"},
		{"no org", func(m *Meeting) { m.Org = "" }, dangjian.ErrMissing, "org_id"},
		{"no type", func(m *Meeting) { m.Type = 0 }, dangjian.ErrInvalid, "type"},
		{"no date", func(m *Meeting) { m.Date = dangjian.Date{} }, dangjian.ErrMissing, "date"},
		{"negative", func(m *Meeting) { m.Present = -1 }, dangjian.ErrNegative, "present"},
		{"too many", func(m *Meeting) { m.Expected = MaxCount + 1 }, dangjian.ErrOverflow, "expected"},
		{"none expected", func(m *Meeting) { m.Expected, m.Present = 0, 0 }, dangjian.ErrInvalid, "expected"},
		{"more present than expected", func(m *Meeting) { m.Present = 10 }, dangjian.ErrInconsistent, "present"},
		{"vote: more present than expected", func(m *Meeting) { m.Voting, m.VotingExpected, m.VotingPresent = true, 5, 6 }, dangjian.ErrInconsistent, "voting_present"},
		{"vote: more with a vote than expected", func(m *Meeting) { m.Voting, m.VotingExpected, m.VotingPresent = true, 10, 6 }, dangjian.ErrInconsistent, "voting_expected"},
		{"vote: none expected", func(m *Meeting) { m.Voting = true }, dangjian.ErrInvalid, "voting_expected"},
		{"bad combined type", func(m *Meeting) { m.Also = []Type{99} }, dangjian.ErrInvalid, "also"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newChecker(t, NationalRules(), "2024-01-01", "2025-01-01", Options{})
			m := good
			tt.edit(&m)
			err := c.Add(m)
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.kind)
			p := dangjian.AsProblem(err)
			assert.Equal(t, tt.path, p.Path)
			assert.Equal(t, 7, p.Line)
			assert.Equal(t, int64(0), c.Meetings())
		})
	}
}

func TestNewCheckerRefuses(t *testing.T) {
	tree := buildTree(t, testTree)
	_, err := NewChecker(tree, NationalRules(), d("2024-01-01"), d("2024-01-01"), Options{})
	assert.ErrorIs(t, err, dangjian.ErrInvalid)
	_, err = NewChecker(tree, NationalRules(), d("2024-01-01"), d("2025-01-01"), Options{Histories: map[string]History{"nope": {}}})
	assert.ErrorIs(t, err, dangjian.ErrUnknownRef)
	_, err = NewChecker(tree, NationalRules(), d("2024-01-01"), d("2025-01-01"),
		Options{Histories: map[string]History{"B1": {Full: []Step{{On: d("2024-05-01")}, {On: d("2024-01-01")}}}}})
	assert.ErrorIs(t, err, dangjian.ErrInvalid)
	_, err = NewChecker(tree, RuleSet{Rules: []Rule{{}}}, d("2024-01-01"), d("2025-01-01"), Options{})
	assert.ErrorIs(t, err, dangjian.ErrBadRule)
}

// A period's surplus does not cover another's shortfall; shortfall
// findings carry the period.
func TestShortfallFindings(t *testing.T) {
	c := newChecker(t, NationalRules(), "2024-01-01", "2025-01-01", Options{})
	require.NoError(t, c.Add(meeting("B2", MemberMeeting, "2024-01-10")))
	require.NoError(t, c.Add(meeting("B2", MemberMeeting, "2024-02-10")))
	require.NoError(t, c.Add(meeting("B2", MemberMeeting, "2024-03-10")))
	var got []dangjian.Finding
	for _, f := range c.Findings() {
		if f.Subject == "B2" && f.Rule == "ORGLIFE-MEMBER-QUARTERLY" {
			got = append(got, f)
		}
	}
	require.Len(t, got, 3)
	assert.Equal(t, "period", got[0].Field)
	assert.Equal(t, "2024-Q2", got[0].Value)
	assert.Equal(t, d("2024-04-01"), got[0].On)
	assert.Equal(t, dangjian.Warning, got[0].Severity)
	assert.Equal(t, "member_meeting", got[0].Ref)
	assert.Equal(t, 5, got[0].Line)
	assert.Equal(t, "某社区党委 / 第二党支部", got[0].Name)
	assert.Equal(t, "第十一条", got[0].Source.Article)
	for _, s := range c.Summary() {
		if s.Org == "B2" && s.Type == MemberMeeting {
			assert.Equal(t, Tally{Org: "B2", Name: "某社区党委 / 第二党支部", Type: MemberMeeting, Required: 4, Held: 3, Shortfall: 3}, s)
		}
	}
}
