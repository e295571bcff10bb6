package orglife

import (
	"errors"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNationalRulesCheck(t *testing.T) {
	require.NoError(t, NationalRules().Check())
	rs := NationalRules().With(LectureQuarterly(), PartyDayAttendance()).
		Without("ORGLIFE-VOTE-QUORUM", "ORGLIFE-COMMITTEE-QUORUM").With(StrictVoteQuorum(), CommitteeQuorumTwoThirds())
	require.NoError(t, rs.Check())
	for _, r := range rs.Rules {
		assert.NotEmpty(t, r.Text, r.ID)
		assert.True(t, r.Source.Confidence.IsValid(), r.ID)
	}
	// Two frequency rules of one type in force at once overlap on a topic.
	bad := NationalRules().With(LectureQuarterly(), LectureMonthly())
	require.Error(t, bad.Check())
	assert.True(t, errors.Is(bad.Check(), dangjian.ErrBadRule))
}

func TestRuleSetCheckParameters(t *testing.T) {
	base := func() Rule {
		r, _ := NationalRules().Rule("ORGLIFE-MEMBER-QUARTERLY")
		return r
	}
	q := func() Rule {
		r, _ := NationalRules().Rule("ORGLIFE-VOTE-QUORUM")
		return r
	}
	tests := []struct {
		name string
		edit func(r *Rule)
		from func() Rule
		path string
	}{
		{"no check", func(r *Rule) { r.Check = CheckUnknown }, base, "rules[0].check"},
		{"no modality", func(r *Rule) { r.Modality = 0 }, base, "rules[0].modality"},
		{"no type", func(r *Rule) { r.Type = 0 }, base, "rules[0].type"},
		{"no unit", func(r *Rule) { r.Unit = 0 }, base, "rules[0].unit"},
		{"zero count", func(r *Rule) { r.Count = 0 }, base, "rules[0].count"},
		{"label on a quarter", func(r *Rule) { r.ByYearLabel = true }, base, "rules[0].byYearLabel"},
		{"combined with itself", func(r *Rule) { r.CombinedWith = []Type{MemberMeeting} }, base, "rules[0].combinedWith"},
		{"no basis", func(r *Rule) { r.Basis = 0 }, q, "rules[0].basis"},
		{"no cmp", func(r *Rule) { r.Cmp = 0 }, q, "rules[0].cmp"},
		{"num over den", func(r *Rule) { r.Num = 3 }, q, "rules[0].num/den"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.from()
			tt.edit(&r)
			err := RuleSet{Name: "t", Rules: []Rule{r}}.Check()
			require.Error(t, err)
			ps := dangjian.ProblemsOf(err)
			assert.Equal(t, tt.path, ps[0].Path)
			assert.ErrorIs(t, err, dangjian.ErrBadRule)
		})
	}
}

func TestWithWithoutAreValues(t *testing.T) {
	rs := NationalRules()
	n := len(rs.Rules)
	with := rs.With(LectureQuarterly())
	assert.Len(t, rs.Rules, n)
	assert.Len(t, with.Rules, n+1)
	without := with.Without("ORGLIFE-LECTURE-QUARTERLY", "ORGLIFE-TALK-YEARLY")
	assert.Len(t, without.Rules, n-1)
	r, ok := with.Rule("ORGLIFE-LECTURE-QUARTERLY")
	require.True(t, ok)
	r.Count = 5
	replaced := with.With(r)
	got, _ := replaced.Rule("ORGLIFE-LECTURE-QUARTERLY")
	assert.Equal(t, 5, got.Count)
	orig, _ := with.Rule("ORGLIFE-LECTURE-QUARTERLY")
	assert.Equal(t, 1, orig.Count)
}

// The first and the last day of each kind of period.
func TestPeriodBoundaries(t *testing.T) {
	tests := []struct {
		name   string
		m      Meeting
		rule   string
		period string
		held   int
	}{
		{"quarter's first day", meeting("B1", MemberMeeting, "2024-04-01"), "ORGLIFE-MEMBER-QUARTERLY", "2024-Q2", 1},
		{"quarter's last day", meeting("B1", MemberMeeting, "2024-03-31"), "ORGLIFE-MEMBER-QUARTERLY", "2024-Q1", 1},
		{"quarter's last day is not the next quarter", meeting("B1", MemberMeeting, "2024-03-31"), "ORGLIFE-MEMBER-QUARTERLY", "2024-Q2", 0},
		{"month's last day", meeting("B1", PartyDay, "2024-01-31"), "ORGLIFE-PARTYDAY-MONTHLY", "2024-01", 1},
		{"month's first day", meeting("B1", PartyDay, "2024-02-01"), "ORGLIFE-PARTYDAY-MONTHLY", "2024-02", 1},
		{"leap day", meeting("B1", PartyDay, "2024-02-29"), "ORGLIFE-PARTYDAY-MONTHLY", "2024-02", 1},
		{"year's first day", meeting("B1", Talk, "2024-01-01"), "ORGLIFE-TALK-YEARLY", "2024", 1},
		{"year's last day", meeting("B1", Talk, "2024-12-31"), "ORGLIFE-TALK-YEARLY", "2024", 1},
		{"before the window", meeting("B1", Talk, "2023-12-31"), "ORGLIFE-TALK-YEARLY", "2024", 0},
		{"the window's end is out", meeting("B1", Talk, "2025-01-01"), "ORGLIFE-TALK-YEARLY", "2024", 0},
		{"年度 label counts a January sitting for the year before",
			Meeting{Org: "B1", Type: LifeMeeting, Date: d("2025-01-15"), Year: 2024, Expected: 9, Present: 9}, "ORGLIFE-LIFE-YEARLY", "2024", 1},
		{"no label: the date's year",
			Meeting{Org: "B1", Type: LifeMeeting, Date: d("2024-01-15"), Expected: 9, Present: 9}, "ORGLIFE-LIFE-YEARLY", "2024", 1},
		{"a label of another year takes it out",
			Meeting{Org: "B1", Type: LifeMeeting, Date: d("2024-01-15"), Year: 2023, Expected: 9, Present: 9}, "ORGLIFE-LIFE-YEARLY", "2024", 0},
		{"the label is for yearly label rules only",
			Meeting{Org: "B1", Type: Talk, Date: d("2025-01-15"), Year: 2024, Expected: 9, Present: 9}, "ORGLIFE-TALK-YEARLY", "2024", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newChecker(t, NationalRules(), "2024-01-01", "2025-01-01", Options{})
			require.NoError(t, c.Add(tt.m))
			held, req, found := count(c, "B1", tt.rule, tt.period)
			require.True(t, found)
			assert.Equal(t, 1, req)
			assert.Equal(t, tt.held, held)
		})
	}
}

func TestHalfYearAndWindowCut(t *testing.T) {
	rs := NationalRules().With(Rule{Rule: dangjian.Rule{ID: "T-HALF", Source: LibraryChoice("test")}, Check: Frequency,
		Modality: dangjian.Usually, Type: Lecture, Unit: HalfYear, Count: 2, Kinds: branches, Text: "t"})
	// A window from mid-February: January is cut and not checked, nor
	// Q1 or H1 or the year.
	c := newChecker(t, rs, "2024-02-15", "2025-01-01", Options{})
	require.NoError(t, c.Add(meeting("B1", Lecture, "2024-06-30")))
	require.NoError(t, c.Add(meeting("B1", Lecture, "2024-07-01")))
	_, _, found := count(c, "B1", "T-HALF", "2024-H1")
	assert.False(t, found)
	held, req, found := count(c, "B1", "T-HALF", "2024-H2")
	require.True(t, found)
	assert.Equal(t, [2]int{1, 2}, [2]int{held, req})
	_, _, found = count(c, "B1", "ORGLIFE-PARTYDAY-MONTHLY", "2024-02")
	assert.False(t, found)
	_, req, _ = count(c, "B1", "ORGLIFE-PARTYDAY-MONTHLY", "2024-03")
	assert.Equal(t, 1, req)
}

// Before 2018-10-28 no central rule is in force; a period is owed under
// the version in force on its last day.
func TestRulesInForceFrom2018(t *testing.T) {
	c := newChecker(t, NationalRules(), "2018-01-01", "2019-01-01", Options{})
	for _, tt := range []struct {
		rule, period string
		owed         bool
	}{
		{"ORGLIFE-PARTYDAY-MONTHLY", "2018-09", false},
		{"ORGLIFE-PARTYDAY-MONTHLY", "2018-10", true},
		{"ORGLIFE-MEMBER-QUARTERLY", "2018-Q3", false},
		{"ORGLIFE-MEMBER-QUARTERLY", "2018-Q4", true},
		{"ORGLIFE-LIFE-YEARLY", "2018", true},
	} {
		_, req, _ := count(c, "B1", tt.rule, tt.period)
		assert.Equal(t, tt.owed, req == 1, tt.rule+" "+tt.period)
	}
}

// Quorums: exactly half present, either reading of 半数以上.
func TestQuorumBoundaries(t *testing.T) {
	strict := NationalRules().Without("ORGLIFE-VOTE-QUORUM").With(StrictVoteQuorum())
	vote := func(present, expected int64) Meeting {
		return Meeting{Org: "B1", Type: MemberMeeting, Date: d("2024-03-01"), Expected: 10, Present: 9,
			Voting: true, VotingExpected: expected, VotingPresent: present}
	}
	committee := func(present, expected int64) Meeting {
		return Meeting{Org: "B1", Type: Committee, Date: d("2024-03-01"), Expected: expected, Present: present}
	}
	tests := []struct {
		name     string
		rs       RuleSet
		m        Meeting
		fail     string // the rule failed, "" for none
		rule     string // the frequency rule
		period   string
		heldWant int
	}{
		{"vote: exactly half, inclusive reading", NationalRules(), vote(4, 8), "", "ORGLIFE-MEMBER-QUARTERLY", "2024-Q1", 1},
		{"vote: exactly half, strict reading", strict, vote(4, 8), "ORGLIFE-VOTE-QUORUM-STRICT", "ORGLIFE-MEMBER-QUARTERLY", "2024-Q1", 1},
		{"vote: one over half, strict reading", strict, vote(5, 8), "", "ORGLIFE-MEMBER-QUARTERLY", "2024-Q1", 1},
		{"vote: below half still held", NationalRules(), vote(3, 8), "ORGLIFE-VOTE-QUORUM", "ORGLIFE-MEMBER-QUARTERLY", "2024-Q1", 1},
		{"vote: odd base, half rounded down fails", NationalRules(), vote(3, 7), "ORGLIFE-VOTE-QUORUM", "ORGLIFE-MEMBER-QUARTERLY", "2024-Q1", 1},
		{"vote: odd base, 4 of 7 meets", NationalRules(), vote(4, 7), "", "ORGLIFE-MEMBER-QUARTERLY", "2024-Q1", 1},
		{"no vote recorded: no vote quorum", NationalRules(), Meeting{Org: "B1", Type: MemberMeeting, Date: d("2024-03-01"), Expected: 10, Present: 1}, "", "ORGLIFE-MEMBER-QUARTERLY", "2024-Q1", 1},
		{"vote outside the window: not checked", NationalRules(), func() Meeting { m := vote(1, 8); m.Date = d("2023-12-31"); return m }(), "", "ORGLIFE-MEMBER-QUARTERLY", "2024-Q1", 0},
		{"a vote on the window's first day is checked", NationalRules(), func() Meeting { m := vote(1, 8); m.Date = d("2024-01-01"); return m }(), "ORGLIFE-VOTE-QUORUM", "ORGLIFE-MEMBER-QUARTERLY", "2024-Q1", 1},
		{"committee: exactly half meets", NationalRules(), committee(3, 6), "", "ORGLIFE-COMMITTEE-MONTHLY", "2024-03", 1},
		{"committee: below half is not held", NationalRules(), committee(2, 5), "ORGLIFE-COMMITTEE-QUORUM", "ORGLIFE-COMMITTEE-MONTHLY", "2024-03", 0},
		{"committee: two thirds, 3 of 5 fails", NationalRules().Without("ORGLIFE-COMMITTEE-QUORUM").With(CommitteeQuorumTwoThirds()), committee(3, 5), "ORGLIFE-COMMITTEE-QUORUM-2-3", "ORGLIFE-COMMITTEE-MONTHLY", "2024-03", 0},
		{"committee: two thirds, 4 of 6 meets", NationalRules().Without("ORGLIFE-COMMITTEE-QUORUM").With(CommitteeQuorumTwoThirds()), committee(4, 6), "", "ORGLIFE-COMMITTEE-MONTHLY", "2024-03", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newChecker(t, tt.rs, "2024-01-01", "2025-01-01", Options{})
			require.NoError(t, c.Add(tt.m))
			var failed []string
			for _, f := range c.Findings() {
				if f.Field != "period" {
					failed = append(failed, f.Rule)
					assert.Equal(t, dangjian.Error, f.Severity)
					assert.Equal(t, "B1", f.Subject)
					assert.Equal(t, tt.m.Date, f.On)
				}
			}
			if tt.fail == "" {
				assert.Empty(t, failed)
			} else {
				assert.Equal(t, []string{tt.fail}, failed)
			}
			held, _, _ := count(c, "B1", tt.rule, tt.period)
			assert.Equal(t, tt.heldWant, held)
		})
	}
}

// TestFindingsFunc: the streamed findings are Findings, in order, and an
// error of the callback stops them.
func TestFindingsFunc(t *testing.T) {
	c := newChecker(t, NationalRules(), "2024-01-01", "2025-01-01", Options{})
	for _, m := range []Meeting{
		{Org: "B1", Type: Committee, Date: d("2024-02-05"), Expected: 5, Present: 2, ID: "m1"},
		{Org: "B1", Type: MemberMeeting, Date: d("2024-03-05"), Expected: 10, Present: 3, Voting: true, VotingExpected: 9, VotingPresent: 3, Line: 7},
		{Org: "B2", Type: Committee, Date: d("2024-01-05"), Expected: 3, Present: 1},
	} {
		require.NoError(t, c.Add(m))
	}
	all := c.Findings()
	var got []dangjian.Finding
	require.NoError(t, c.FindingsFunc(func(f *dangjian.Finding) error {
		got = append(got, *f)
		return nil
	}))
	assert.Equal(t, all, got)
	assert.Equal(t, 3, c.QuorumFailures())
	quorum := 0
	for _, f := range all {
		if f.Field != "period" {
			quorum++
			assert.NotEmpty(t, f.Name)
			assert.Contains(t, f.Message, "present, the quorum is")
		}
	}
	assert.Equal(t, 3, quorum)
	stop := errors.New("stop")
	n := 0
	assert.ErrorIs(t, c.FindingsFunc(func(*dangjian.Finding) error { n++; return stop }), stop)
	assert.Equal(t, 1, n)
}
