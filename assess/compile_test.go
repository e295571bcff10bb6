package assess_test

import (
	"errors"
	"github.com/dangjian-go/dangjian"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian/assess"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCompileProblems(t *testing.T) {
	tests := []struct {
		name     string
		edit     func(*assess.Scheme)
		sentinel error
		want     string
	}{
		{"weights do not sum to 1", func(s *assess.Scheme) { s.Components[0].Weight = n("0.5") }, assess.ErrWeights,
			`components: weights do not sum to 1: component weights sum to 0.9, not exactly 1 ("0.9")`},
		{"group weights", func(s *assess.Scheme) { s.Components[1].Indicators[0].Method.Groups[0].Weight = n("0.25") }, assess.ErrWeights,
			`components[1].indicators[0].method.groups: weights do not sum to 1: group weights sum to 1.05, not exactly 1 ("1.05")`},
		{"component max", func(s *assess.Scheme) { s.Components[0].Max = n("90") }, assess.ErrPoints,
			`components[0].max: points are inconsistent: the indicators' maxima sum to 100 ("90")`},
		{"duplicate ID", func(s *assess.Scheme) { s.Components[0].Indicators[1].ID = "meetings" }, assess.ErrDuplicate,
			`components[0].indicators[1].id: duplicate ID: also at components[0].indicators[0].id ("meetings")`},
		{"unknown source", func(s *assess.Scheme) { s.Components[0].Indicators[0].Source = "S9" }, assess.ErrUnknownRef,
			`components[0].indicators[0].source: refers to an unknown ID ("S9")`},
		{"band gap", func(s *assess.Scheme) { s.Bands[1].To = n("89.5") }, assess.ErrBands,
			`bands: bands do not cover the score range exactly once: a gap between "较好" and "好" ("[89.5, 90)")`},
		{"band overlap", func(s *assess.Scheme) { s.Bands[2].To = n("81") }, assess.ErrBands,
			`bands: bands do not cover the score range exactly once: "一般" and "较好" overlap ("[80, 81)")`},
		{"bands start above 0", func(s *assess.Scheme) { s.Bands[3].From = n("10") }, assess.ErrBands,
			`bands: bands do not cover the score range exactly once: scores from 0 to 10 have no band ("10")`},
		{"bands end below the maximum", func(s *assess.Scheme) { s.Bands[0].To = n("100") }, assess.ErrBands,
			`bands: bands do not cover the score range exactly once: scores from 100 to the maximum 105 have no band ("100")`},
		{"level above the scale", func(s *assess.Scheme) { s.Components[1].Indicators[0].Method.Levels[0].Points = n("120") }, assess.ErrPoints,
			`components[1].indicators[0].method.levels[0].points: points are inconsistent: a level's points lie in [0, scale] ("120")`},
		{"clause with two forms", func(s *assess.Scheme) { s.Components[0].Indicators[0].Method.Clauses[0].Threshold = n("70") }, assess.ErrInvalid,
			`components[0].indicators[0].method.clauses[0]: invalid value: a clause deducts per occurrence (points), by severity (levels) or per percentage point (threshold, perPoint): exactly one ("missed")`},
		{"gate to an unknown grade", func(s *assess.Scheme) { s.Gates[1].Grade = "优秀" }, assess.ErrUnknownRef,
			`gates[1].grade: refers to an unknown ID: not a grade of the bands ("优秀")`},
		{"forbidding the lowest grade", func(s *assess.Scheme) { s.Gates[1].Grade = "差" }, assess.ErrInvalid,
			`gates[1].grade: invalid value: the lowest grade cannot be forbidden: there is none below it ("差")`},
		{"rounding without mode", func(s *assess.Scheme) { s.Rounding[0].Mode = 0 }, assess.ErrInvalid,
			`rounding[0].mode: invalid value: a rounding point names its mode`},
		{"unknown method", func(s *assess.Scheme) { s.Components[0].Indicators[3].Method.Kind = "magic" }, assess.ErrInvalid,
			`components[0].indicators[3].method.kind: invalid value: want direct, checklist, deductions, ratio, votes or table ("magic")`},
		{"ratio without target", func(s *assess.Scheme) { s.Components[0].Indicators[2].Method.Target = assess.Num{} }, assess.ErrInvalid,
			`components[0].indicators[2].method.target: invalid value: a ratio needs a positive target ("0")`},
		{"no bonus cap", func(s *assess.Scheme) { s.Bonus.Cap = assess.Num{} }, assess.ErrPoints,
			`bonus.cap: points are inconsistent: a bonus pool has a cap (加分 ≤ N) ("0")`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := workedScheme()
			tt.edit(&s)
			sc, err := assess.Compile(s)
			require.Error(t, err)
			assert.Nil(t, sc)
			assert.True(t, errors.Is(err, tt.sentinel), "%v", err)
			var ce dangjian.Problems
			require.ErrorAs(t, err, &ce)
			var msgs []string
			for _, p := range ce {
				msgs = append(msgs, p.Error())
			}
			assert.Contains(t, msgs, tt.want)
		})
	}
}

func TestCompileReportsEveryProblem(t *testing.T) {
	s := workedScheme()
	s.Name = ""
	s.Components[0].Weight = n("0.5")
	s.Components[1].Indicators[0].Max = n("90")
	s.Gates[0].Reason = ""
	_, err := assess.Compile(s)
	var ce dangjian.Problems
	require.ErrorAs(t, err, &ce)
	assert.GreaterOrEqual(t, len(ce), 4)
}

func TestDepthLimit(t *testing.T) {
	leaf := assess.Indicator{ID: "leaf", Max: n("1"), Method: &assess.Method{Kind: assess.Direct}}
	node := leaf
	for i := 0; i < assess.MaxDepth+2; i++ {
		node = assess.Indicator{ID: "n" + string(rune('a'+i)), Max: n("1"), Children: []assess.Indicator{node}}
	}
	s := assess.Scheme{Name: "deep", Components: []assess.Component{{ID: "c", Weight: n("1"), Max: n("1"), Indicators: []assess.Indicator{node}}}}
	_, err := assess.Compile(s)
	require.ErrorIs(t, err, assess.ErrLimit)
}

func TestInputProblems(t *testing.T) {
	sc, err := assess.Compile(workedScheme())
	require.NoError(t, err)
	tests := []struct {
		name string
		edit func(*assess.Subject)
		want string
	}{
		{"missing direct value", func(s *assess.Subject) { delete(s.Values, "project") }, `values.project (id "S1"): invalid input: no value for direct indicator "project"`},
		{"unknown checklist item", func(s *assess.Subject) { s.Checked["tasks"] = []string{"z"} }, `checked.tasks[0] (id "S1"): invalid input: not an item of the checklist, or repeated ("z")`},
		{"unknown flag", func(s *assess.Subject) { s.Flags = map[string]bool{"typo": true} }, `flags.typo (id "S1"): invalid input: no gate reads this flag ("typo")`},
		{"unknown level", func(s *assess.Subject) { s.Votes["votes"]["leaders"].Counts["优"] = 1 }, `votes.votes.leaders.counts.优 (id "S1"): invalid input: not a level of the indicator ("优")`},
		{"unknown clause", func(s *assess.Subject) { s.Events["meetings"][0].Clause = "x" }, `events.meetings[0].clause (id "S1"): invalid input: not a clause of the indicator ("x")`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sub := workedSubject()
			tt.edit(&sub)
			_, err := sc.Score(sub)
			require.ErrorIs(t, err, assess.ErrInput)
			assert.Contains(t, err.Error(), tt.want)
			for _, p := range dangjian.ProblemsOf(err) {
				assert.Equal(t, "S1", p.ID)
			}
		})
	}
}

func TestVoidAndThinGroups(t *testing.T) {
	sc, err := assess.Compile(workedScheme())
	require.NoError(t, err)
	sub := workedSubject()
	sub.Votes["votes"]["masses"] = assess.Ballots{Counts: map[string]int{"好": 30}, Issued: 25, Returned: 30}
	res, err := sc.Explain(sub)
	require.NoError(t, err)
	// masses void: (0.2 × 95 + 0.4 × 91.25) / 0.6 = 92.5
	assert.Equal(t, "92.5", res.Components[1].Score.String())
	assert.Contains(t, strings.Join(res.Notes, "\n"), "rater group masses is void: 30 ballots returned, 25 issued")
	sub.Votes["votes"]["masses"] = assess.Ballots{Counts: map[string]int{"好": 3, "不了解": 1}}
	_, err = sc.Score(sub)
	require.ErrorIs(t, err, assess.ErrInput)
	assert.Contains(t, err.Error(), `votes.votes.masses (id "S1"): invalid input: 4 raters, fewer than the group's minimum of 5: the 测评 must be held again ("4")`)
	sub.Votes["votes"]["masses"] = assess.Ballots{Counts: map[string]int{"不了解": 6}}
	res, err = sc.Score(sub)
	require.NoError(t, err)
	assert.Equal(t, "92.5", res.Components[1].Score.String(), "all 不了解: the group does not count")
}
