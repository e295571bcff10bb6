package due_test

import (
	"bytes"
	"encoding/json"
	"slices"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/due"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/dues"
	"github.com/dangjian-go/dangjian/internal/golden"
	"github.com/dangjian-go/dangjian/orglife"
	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const asOf = "2025-06-20"

// allItems returns the fixture's items of every source.
func allItems(t *testing.T) []due.Item {
	t.Helper()
	tree, v := fixture(t)
	ds, err := due.Dues(dues.Rules2017(), "B1", "m1", ledger(), d(asOf))
	require.NoError(t, err)
	var out []due.Item
	for _, s := range []func(func(due.Item) bool){due.Terms(tree, v), due.Dispatches(tree, v), due.Meetings(fixtureChecker(t, tree)), slices.Values(ds)} {
		for it := range s {
			out = append(out, it)
		}
	}
	return out
}

func find(items []due.Item, what due.What, org, period string) (due.Item, bool) {
	for _, it := range items {
		if it.What == what && it.Org == org && it.Period == period {
			return it, true
		}
	}
	return due.Item{}, false
}

// TestSources: what each source gives, and what it leaves out.
func TestSources(t *testing.T) {
	items := allItems(t)
	for _, tc := range []struct {
		name        string
		what        due.What
		org, period string
		due, rule   string
		basis, ref  string
		absent      bool
	}{
		{name: "term from the election date", what: due.TermEnd, org: "B1", due: "2025-03-01", rule: "ORG-TERM-OVERDUE", basis: "ORG-TERM-BRANCH-3"},
		{name: "community term of 5 years", what: due.TermEnd, org: "C", due: "2026-06-15", rule: "ORG-TERM-OVERDUE", basis: "ORG-TERM-VILLAGE-COMMUNITY-5"},
		{name: "recorded due date", what: due.TermEnd, org: "B2", due: "2025-10-31", rule: "ORG-TERM-OVERDUE", basis: "ORG-TERM-BRANCH-3"},
		{name: "renewed term: nothing due", what: due.TermEnd, org: "B3", absent: true},
		{name: "no election date: nothing due", what: due.TermEnd, org: "V", absent: true},
		{name: "running dispatch", what: due.DispatchEnd, org: "V", due: "2025-07-01", rule: "ORG-FIRSTSEC-TERM-2021", ref: "00000000-0000-4000-8000-00000000000a"},
		{name: "lecture short in Q2", what: due.Meeting, org: "B2", period: "2025-Q2", due: "2025-06-30", rule: "ORGLIFE-MEMBER-QUARTERLY", ref: "member_meeting"},
		{name: "committee owed by a branch of 9", what: due.Meeting, org: "B1", period: "2025-05", due: "2025-05-31", rule: "ORGLIFE-COMMITTEE-MONTHLY", ref: "committee_meeting"},
		{name: "no committee below 7 full members", what: due.Meeting, org: "B2", period: "2025-05", due: "2025-05-31", rule: "ORGLIFE-PARTYDAY-MONTHLY", ref: "party_day"},
		{name: "met in April: nothing due", what: due.Meeting, org: "B1", period: "2025-04", absent: true},
		{name: "back pay of February", what: due.DuesBackPay, org: "B1", period: "2025-02", due: "2025-08-31", rule: "DUES-BACK-PAY-6"},
		{name: "back pay of June", what: due.DuesBackPay, org: "B1", period: "2025-06", due: "2025-12-31", rule: "DUES-BACK-PAY-6"},
		{name: "a month with nothing due", what: due.DuesBackPay, org: "B1", period: "2025-05", absent: true},
		{name: "closed run of 3: no lapse", what: due.DuesLapse, org: "B1", period: "2025-02..2025-04", absent: true},
		{name: "open run: lapse at its 6th month", what: due.DuesLapse, org: "B1", period: "2025-06", due: "2025-10-31", rule: "DUES-LAPSE-6"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			it, ok := find(items, tc.what, tc.org, tc.period)
			if tc.what == due.Meeting && ok && tc.ref != "" {
				// Several meeting items share a period: pick the type.
				for _, x := range items {
					if x.What == due.Meeting && x.Org == tc.org && x.Period == tc.period && x.Ref == tc.ref {
						it = x
					}
				}
			}
			if tc.absent {
				assert.False(t, ok, "%+v", it)
				return
			}
			require.True(t, ok)
			assert.Equal(t, tc.due, it.Due.String())
			assert.Equal(t, tc.rule, it.Rule)
			assert.Equal(t, tc.basis, it.Basis)
			if tc.ref != "" {
				assert.Equal(t, tc.ref, it.Ref)
			}
			assert.True(t, it.Source.Confidence.IsValid(), "cited with a confidence mark")
			assert.NotEmpty(t, it.Detail)
		})
	}
}

// TestMeetingsWholeCount: each shortfall of the checker is one item.
func TestMeetingsWholeCount(t *testing.T) {
	tree, _ := fixture(t)
	c := fixtureChecker(t, tree)
	short := 0
	for pc := range c.Periods() {
		if pc.Shortfall > 0 {
			short++
		}
	}
	n := 0
	for it := range due.Meetings(c) {
		n++
		assert.Equal(t, due.Meeting, it.What)
	}
	assert.Equal(t, short, n)
	assert.NotZero(t, n)
}

// place returns the item placed on a calendar as of day.
func place(t *testing.T, it due.Item, day string) due.Item {
	t.Helper()
	cal, err := due.New(d(day), dangjian.Date{}, nil)
	require.NoError(t, err)
	cal.Place(&it)
	return it
}

// TestBoundaries: for an item of each source, the day its first lead
// fires, the day before the due day, the due day and the day after; and
// the finding of the module's own check appears on the day after the due
// date, not on it.
func TestBoundaries(t *testing.T) {
	items := allItems(t)
	tree, v := fixture(t)
	findingOn := func(rule, subject string, day dangjian.Date) bool {
		rep, err := v.Validate(tree, day)
		require.NoError(t, err)
		return slices.ContainsFunc(rep.Findings, func(f dangjian.Finding) bool { return f.Rule == rule && f.Subject == subject })
	}
	for _, tc := range []struct {
		name    string
		what    due.What
		org     string
		period  string
		finding func(day dangjian.Date) bool
	}{
		{"term", due.TermEnd, "B1", "", func(day dangjian.Date) bool { return findingOn("ORG-TERM-OVERDUE", "B1", day) }},
		{"recorded term", due.TermEnd, "B2", "", func(day dangjian.Date) bool { return findingOn("ORG-TERM-OVERDUE", "B2", day) }},
		{"dispatch", due.DispatchEnd, "V", "", func(day dangjian.Date) bool { return findingOn("ORG-FIRSTSEC-TERM-2021", "V", day) }},
		{"back pay", due.DuesBackPay, "B1", "2025-02", func(day dangjian.Date) bool {
			// Paid on day: a finding when later than the deadline.
			l := ledger()
			l[1].Paid, l[1].On = l[1].Due, day
			fs, err := dues.Rules2017().Arrears("m1", l, day)
			require.NoError(t, err)
			return slices.ContainsFunc(fs, func(f dangjian.Finding) bool { return f.Rule == "DUES-BACK-PAY-6" })
		}},
		{"lapse", due.DuesLapse, "B1", "2025-06", func(day dangjian.Date) bool {
			// The months after the ledger stay unpaid.
			l := ledger()
			for m := d("2025-07-01"); !m.After(day); m = m.AddMonths(1) {
				l = append(l, dues.Payment{Month: m, Due: funding.MustParseMoney("12.00")})
			}
			fs, err := dues.Rules2017().Arrears("m1", l, day)
			require.NoError(t, err)
			return slices.ContainsFunc(fs, func(f dangjian.Finding) bool { return f.Rule == "DUES-LAPSE-6" && f.On.After(d("2025-06-01")) })
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			it, ok := find(items, tc.what, tc.org, tc.period)
			require.True(t, ok)
			dueDay := it.Due
			placed := place(t, it, dueDay.String())
			require.NotEmpty(t, placed.Leads)
			fire := placed.Leads[0].On

			got := place(t, it, fire.String())
			assert.Equal(t, due.Upcoming, got.Status)
			cal, err := due.New(fire, fire, nil)
			require.NoError(t, err)
			rs := cal.Reminders(slices.Values([]due.Item{it}))
			require.Len(t, rs, 1, "the longest lead fires on its day")
			assert.Equal(t, placed.Leads[0].Before, rs[0].Before)
			cal, err = due.New(fire.AddDays(1), fire.AddDays(1), nil)
			require.NoError(t, err)
			for _, r := range cal.Reminders(slices.Values([]due.Item{it})) {
				assert.NotEqual(t, placed.Leads[0].Before, r.Before, "not the day after")
			}

			got = place(t, it, dueDay.AddDays(-1).String())
			assert.Equal(t, due.Upcoming, got.Status)
			assert.Equal(t, 1, got.Days)
			got = place(t, it, dueDay.String())
			assert.Equal(t, due.DueToday, got.Status)
			assert.Equal(t, 0, got.Days)
			got = place(t, it, dueDay.AddDays(1).String())
			assert.Equal(t, due.Overdue, got.Status)
			assert.Equal(t, 1, got.Days)

			assert.False(t, tc.finding(dueDay), "no finding on the due day")
			assert.True(t, tc.finding(dueDay.AddDays(1)), "a finding the day after")
		})
	}
}

// TestHorizon: an item due after the horizon is left out of Items but
// its leads inside the horizon are reminders; overdue items stay.
func TestHorizon(t *testing.T) {
	items := allItems(t)
	cal, err := due.New(d(asOf), d("2025-09-30"), nil)
	require.NoError(t, err)
	listed := cal.Sorted(slices.Values(items))
	_, ok := find(listed, due.TermEnd, "B2", "")
	assert.False(t, ok, "due 2025-10-31, after the horizon")
	_, ok = find(listed, due.TermEnd, "B1", "")
	assert.True(t, ok, "overdue: always listed")
	rs := cal.Reminders(slices.Values(items))
	assert.True(t, slices.ContainsFunc(rs, func(r due.Reminder) bool {
		return r.Item.What == due.TermEnd && r.Item.Org == "B2" && r.On == d("2025-07-31")
	}), "the 3-month reminder of a term due after the horizon")
}

func TestNewProblems(t *testing.T) {
	_, err := due.New(dangjian.Date{}, dangjian.Date{}, nil)
	ps := dangjian.ProblemsOf(err)
	require.Len(t, ps, 1)
	assert.Equal(t, "asOf", ps[0].Path)
	_, err = due.New(d(asOf), d("2025-01-01"), nil)
	ps = dangjian.ProblemsOf(err)
	require.Len(t, ps, 1)
	assert.Equal(t, "until", ps[0].Path)

	bad := due.DefaultLeads().With(due.LeadRule{Rule: dangjian.Rule{ID: "X"}, What: due.TermEnd, Unit: orglife.Month,
		Before: []due.Lead{{Months: -1}}})
	_, err = due.New(d(asOf), dangjian.Date{}, bad)
	ps = dangjian.ProblemsOf(err)
	var paths []string
	for _, p := range ps {
		paths = append(paths, p.Path)
		assert.Equal(t, "X", p.ID)
	}
	assert.Equal(t, []string{"leads[8].unit", "leads[8].source.confidence", "leads[8].before[0]"}, paths)
}

func TestLeadText(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want due.Lead
		text string
		bad  bool
	}{
		{in: "P6M", want: due.Lead{Months: 6}, text: "P6M"},
		{in: "p7d", want: due.Lead{Days: 7}, text: "P7D"},
		{in: "P1M15D", want: due.Lead{Months: 1, Days: 15}, text: "P1M15D"},
		{in: "P1Y", want: due.Lead{Months: 12}, text: "P12M"},
		{in: "P0D", want: due.Lead{}, text: "P0D"},
		{in: "P100Y", want: due.Lead{Months: 1200}, text: "P1200M"},
		{in: "P101Y", bad: true},
		{in: "P7D1M", bad: true},
		{in: "P6", bad: true},
		{in: "6M", bad: true},
		{in: "P", bad: true},
		{in: "P1W", bad: true},
		{in: "P-1M", bad: true},
		{in: "P9999999D", bad: true},
	} {
		t.Run(tc.in, func(t *testing.T) {
			l, err := due.ParseLead(tc.in)
			if tc.bad {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tc.in)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, l)
			assert.Equal(t, tc.text, l.String())
		})
	}
	assert.Equal(t, d("2025-02-28"), due.Lead{Months: 1}.Before(d("2025-03-31")), "clamped to the month's end")
}

func TestLeadsFor(t *testing.T) {
	ls := due.DefaultLeads().With(due.LeadRule{Rule: dangjian.Rule{ID: "LOCAL-LECTURE", Source: dangjian.Source{Doc: "x", Confidence: dangjian.LocalPractice}},
		What: due.Meeting, For: []string{"ORGLIFE-LECTURE-QUARTERLY"}, Before: []due.Lead{{Months: 2}}})
	for _, tc := range []struct {
		it   due.Item
		want string
	}{
		{due.Item{What: due.Meeting, Rule: "ORGLIFE-LECTURE-QUARTERLY", Unit: orglife.Quarter}, "LOCAL-LECTURE"},
		{due.Item{What: due.Meeting, Rule: "ORGLIFE-MEMBER-QUARTERLY", Unit: orglife.Quarter}, "DUE-LEAD-MEETING-QUARTER"},
		{due.Item{What: due.Meeting, Rule: "X", Unit: orglife.Month}, "DUE-LEAD-MEETING-MONTH"},
		{due.Item{What: due.TermEnd}, "DUE-LEAD-TERM"},
		{due.Item{What: due.Meeting}, ""},
	} {
		r, ok := ls.For(&tc.it)
		assert.Equal(t, tc.want != "", ok)
		assert.Equal(t, tc.want, r.ID)
	}
	assert.Len(t, ls.Without("LOCAL-LECTURE", "DUE-LEAD-TERM"), len(due.DefaultLeads())-1)
	require.NoError(t, due.DefaultLeads().Check())
	for _, r := range due.DefaultLeads() {
		assert.Equal(t, dangjian.LibraryChoice, r.Source.Confidence, r.ID)
	}
}

func TestEnums(t *testing.T) {
	for _, w := range due.Whats() {
		got, err := due.ParseWhat(w.Label())
		require.NoError(t, err)
		assert.Equal(t, w, got)
		got, err = due.ParseWhat(w.String())
		require.NoError(t, err)
		assert.Equal(t, w, got)
	}
	for _, s := range []due.Status{due.Upcoming, due.DueToday, due.Overdue} {
		got, err := due.ParseStatus(s.Label())
		require.NoError(t, err)
		assert.Equal(t, s, got)
	}
	_, err := due.ParseWhat("nope")
	assert.ErrorContains(t, err, `"nope"`)
}

func TestDuesBadLedger(t *testing.T) {
	l := ledger()
	l[2].Month = l[1].Month
	_, err := due.Dues(dues.Rules2017(), "B1", "m1", l, d(asOf))
	ps := dangjian.ProblemsOf(err)
	require.NotEmpty(t, ps)
	assert.Equal(t, "m1", ps[0].ID)
	assert.Equal(t, "ledger[2].month", ps[0].Path)
}

func TestNilSources(t *testing.T) {
	var v *orgmodel.Validator
	for _, s := range []func(func(due.Item) bool){due.Terms(nil, v), due.Dispatches(nil, v), due.Meetings(nil)} {
		for range s {
			t.Fatal("a nil source yields nothing")
		}
	}
}

// TestGolden: the fixture's calendar as JSON and CSV.
func TestGolden(t *testing.T) {
	cal, err := due.New(d(asOf), d("2025-12-20"), nil)
	require.NoError(t, err)
	items := cal.Sorted(slices.Values(allItems(t)))
	b, err := json.MarshalIndent(items, "", "  ")
	require.NoError(t, err)
	golden.Check(t, "testdata/calendar.golden.json", append(b, '\n'))

	rs := cal.Reminders(slices.Values(allItems(t)))
	b, err = json.MarshalIndent(rs, "", "  ")
	require.NoError(t, err)
	golden.Check(t, "testdata/reminders.golden.json", append(b, '\n'))

	var buf bytes.Buffer
	require.NoError(t, due.WriteCSV(&buf, slices.Values(items)))
	golden.Check(t, "testdata/calendar.golden.csv", buf.Bytes())
}

func TestCSVGuards(t *testing.T) {
	var buf bytes.Buffer
	it := due.Item{What: due.Meeting, Org: "=cmd()", Due: d(asOf), Rule: "R", Detail: "+1"}
	require.NoError(t, due.WriteCSV(&buf, slices.Values([]due.Item{it})))
	assert.Contains(t, buf.String(), ",'=cmd(),")
	assert.Contains(t, buf.String(), ",'+1\n")
	buf.Reset()
	require.NoError(t, due.WriteCSV(&buf, slices.Values([]due.Item{it}), dangjian.RawText))
	assert.Contains(t, buf.String(), ",=cmd(),")
}
