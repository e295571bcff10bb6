package assess_test

import (
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var n = assess.MustNum

func lv(name, points string) assess.Level { return assess.Level{Name: name, Points: n(points)} }

// workedScheme exercises every method but tables. Its numbers are the
// test's own.
func workedScheme() assess.Scheme {
	votes := []assess.Level{lv("好", "100"), lv("较好", "80"), lv("一般", "60"), lv("差", "40")}
	return assess.Scheme{
		Name: "worked example", Year: 2025,
		Sources:  []assess.Source{{ID: "S1", Source: dangjian.Source{Doc: "测试方案", Confidence: dangjian.LocalPractice}}},
		Rounding: []assess.RoundPoint{{At: "component", Places: 2, Mode: dangjian.HalfUp}, {At: "total", Places: 2, Mode: dangjian.HalfUp}},
		Components: []assess.Component{
			{ID: "daily", Name: "日常考核", Weight: n("0.6"), Max: n("100"), Source: "S1", Indicators: []assess.Indicator{
				{ID: "meetings", Name: "组织生活", Max: n("30"), Method: &assess.Method{Kind: assess.Deductions, Clauses: []assess.Clause{
					{ID: "missed", Points: n("0.5"), Cap: n("10"), Source: "S1"},
					{ID: "discipline", Levels: []assess.Level{lv("诫勉", "1"), lv("轻处分", "3"), lv("重处分", "5")}},
					{ID: "attendance", Threshold: n("70"), PerPoint: n("0.2")},
				}}},
				{ID: "tasks", Name: "任务清单", Max: n("20"), Method: &assess.Method{Kind: assess.Checklist, Items: []assess.Item{
					{ID: "a", Points: n("5")}, {ID: "b", Points: n("5")}, {ID: "c", Points: n("10")}, {ID: "d", Points: n("5")}}}},
				{ID: "coverage", Name: "覆盖率", Max: n("20"), Method: &assess.Method{Kind: assess.Ratio, Target: n("100")}},
				{ID: "project", Name: "书记项目", Max: n("30"), Method: &assess.Method{Kind: assess.Direct}},
			}},
			{ID: "review", Name: "述职评议", Weight: n("0.4"), Max: n("100"), Indicators: []assess.Indicator{
				{ID: "votes", Name: "民主测评", Max: n("100"), Method: &assess.Method{Kind: assess.Votes, Levels: votes, Scale: n("100"), Unknown: "不了解",
					Groups: []assess.Group{{ID: "leaders", Weight: n("0.2")}, {ID: "members", Weight: n("0.4")}, {ID: "masses", Weight: n("0.4"), MinRaters: 5}}}},
			}},
		},
		Bonus: &assess.Bonus{Cap: n("5"), Items: []assess.Item{{ID: "award", Points: n("1"), Cap: n("2")}, {ID: "innovation", Points: n("3")}}},
		Gates: []assess.Gate{
			{ID: "veto", Flag: "corruption", Effect: assess.Zero, Reason: "一票否决"},
			{ID: "cap", Flag: "not_good", Effect: assess.NotGrade, Grade: "好", Reason: "不得评为好"},
			{ID: "award", Flag: "censured", Effect: assess.NoAward, Reason: "不得评优"},
		},
		Bands: []assess.Band{{Grade: "好", From: n("90")}, {Grade: "较好", From: n("80"), To: n("90")}, {Grade: "一般", From: n("60"), To: n("80")}, {Grade: "差", From: n("0"), To: n("60")}},
	}
}

func workedSubject() assess.Subject {
	return assess.Subject{ID: "S1", Category: "街道",
		Values:  map[string]assess.Num{"coverage": n("85"), "project": n("26.5")},
		Checked: map[string][]string{"tasks": {"a", "c", "d"}},
		Events: map[string][]assess.Event{"meetings": {
			{Clause: "missed", Count: 3},
			{Clause: "discipline", Level: "轻处分", Case: "A"},
			{Clause: "discipline", Level: "诫勉", Case: "A"},
			{Clause: "attendance", Value: n("65.5")},
		}},
		Votes: map[string]map[string]assess.Ballots{"votes": {
			"leaders": {Counts: map[string]int{"好": 3, "较好": 1}},
			"members": {Counts: map[string]int{"好": 10, "较好": 5, "一般": 1, "不了解": 2}},
			"masses":  {Counts: map[string]int{"好": 12, "较好": 6, "一般": 2, "差": 1}, Issued: 25, Returned: 21},
		}},
		Bonus: map[string]int{"award": 3, "innovation": 1},
	}
}

// The worked example, computed by hand:
//
//	meetings   30 − (3 × 0.5 + 3 [case A once] + ⌊70 − 65.5⌋ × 0.2) = 30 − 5.3 = 24.7
//	tasks      5 + 10 + 5 = 20;  coverage 85/100 × 20 = 17;  project 26.5
//	daily      88.2 → × 0.6 = 52.92
//	votes      leaders (300 + 80)/4 = 95; members 1460/16 = 91.25 (不了解 excluded);
//	           masses 1840/21; 0.2 × 95 + 0.4 × 91.25 + 0.4 × 1840/21 = 55.5 + 736/21 = 1901.5/21
//	           = 90.547619… → 90.55 (component, half-up) → × 0.4 = 36.22
//	bonus      award 3 → capped 2; innovation 3; pool 5 (cap 5)
//	total      52.92 + 36.22 + 5 = 94.14 → 好
func TestWorkedExample(t *testing.T) {
	sc, err := assess.Compile(workedScheme())
	require.NoError(t, err)
	res, err := sc.Explain(workedSubject())
	require.NoError(t, err)
	assert.Equal(t, "94.14", res.Total.String())
	assert.Equal(t, "好", res.Grade)
	assert.Equal(t, "105", res.Max.String())
	require.Len(t, res.Components, 2)
	assert.Equal(t, "88.2", res.Components[0].Exact.String())
	assert.Equal(t, "52.92", res.Components[0].Weighted.String())
	assert.Equal(t, "3803/42", res.Components[1].Exact.String(), "the exact vote score is a fraction")
	assert.Equal(t, "90.55", res.Components[1].Score.String())
	assert.Equal(t, "36.22", res.Components[1].Weighted.String())
	assert.Equal(t, "5", res.Bonus.String())
	assert.True(t, res.Eligible)
	assert.Equal(t, assess.Tally{{Level: "好", Count: 25}, {Level: "较好", Count: 12}, {Level: "一般", Count: 3}, {Level: "差", Count: 1}}, res.Ballots, "in the scheme's level order")
	require.NotNil(t, res.Trace)
	assert.Equal(t, "94.14", res.Trace.Value)
	meetings := res.Trace.Children[0].Children[0]
	assert.Equal(t, "meetings", meetings.ID)
	assert.Equal(t, "24.7", meetings.Value)
	att, _ := meetings.Inputs.Get("attendance")
	assert.Equal(t, "−0.8", att)
	missed, ok := meetings.Sources.Get("missed")
	require.True(t, ok, "a clause's own source is in the trace")
	assert.Equal(t, "测试方案", missed.Doc)
	_, ok = meetings.Sources.Get("attendance")
	assert.False(t, ok)

	// The trace can be switched off; the scores are the same.
	plain, err := sc.Score(workedSubject())
	require.NoError(t, err)
	assert.Nil(t, plain.Trace)
	assert.Equal(t, res.Total, plain.Total)

	// Gates.
	sub := workedSubject()
	sub.Flags = map[string]bool{"not_good": true}
	g, err := sc.Score(sub)
	require.NoError(t, err)
	assert.Equal(t, "较好", g.Grade, "不得评为好")
	assert.Equal(t, "94.14", g.Total.String(), "the score is unchanged")
	sub.Flags = map[string]bool{"corruption": true, "censured": true}
	g, err = sc.Score(sub)
	require.NoError(t, err)
	assert.Equal(t, "0", g.Total.String())
	assert.Equal(t, "差", g.Grade)
	assert.False(t, g.Eligible)
	require.Len(t, g.Gates, 2)
}

// A set grade (直接定级) is the lowest of several, and never above a cap.
func TestGradeGatesOrder(t *testing.T) {
	s := workedScheme()
	s.Gates = append(s.Gates,
		assess.Gate{ID: "set-good", Flag: "honoured", Effect: assess.SetGrade, Grade: "好", Reason: "直接定级"},
		assess.Gate{ID: "set-fair", Flag: "warned", Effect: assess.SetGrade, Grade: "一般", Reason: "直接定级"},
		assess.Gate{ID: "cap-fair", Flag: "capped", Effect: assess.CapGrade, Grade: "一般", Reason: "最高一般"})
	sc, err := assess.Compile(s)
	require.NoError(t, err)
	tests := []struct {
		flags []string
		want  string
	}{
		{nil, "好"},
		{[]string{"warned"}, "一般"},
		{[]string{"honoured", "warned"}, "一般"},
		{[]string{"honoured", "capped"}, "一般"},
		{[]string{"corruption", "honoured"}, "好"},
		{[]string{"honoured", "not_good"}, "较好"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.flags, "+"), func(t *testing.T) {
			sub := workedSubject()
			sub.Flags = map[string]bool{}
			for _, f := range tt.flags {
				sub.Flags[f] = true
			}
			res, err := sc.Score(sub)
			require.NoError(t, err)
			assert.Equal(t, tt.want, res.Grade)
		})
	}
}
