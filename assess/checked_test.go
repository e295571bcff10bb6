package assess_test

import (
	"encoding/json"
	"errors"
	"math"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hugeScheme is the case: a component max of 2^63−1 with weight
// 0.3, whose weighted max overflows int64.
func hugeScheme() assess.Scheme {
	return assess.Scheme{
		Name: "huge",
		Components: []assess.Component{
			{ID: "big", Weight: n("0.3"), Max: n("9223372036854775807"), Indicators: []assess.Indicator{
				{ID: "x", Max: n("9223372036854775807"), Method: &assess.Method{Kind: assess.Direct}}}},
			{ID: "small", Weight: n("0.7"), Max: n("100"), Indicators: []assess.Indicator{
				{ID: "y", Max: n("100"), Method: &assess.Method{Kind: assess.Direct}}}},
		},
		Bands: []assess.Band{{Grade: "好", From: n("90")}, {Grade: "差", From: n("0"), To: n("90")}},
	}
}

func messages(err error) []string {
	var out []string
	for _, p := range dangjian.ProblemsOf(err) {
		out = append(out, p.Error())
	}
	return out
}

func TestCompileOverflow(t *testing.T) {
	tests := []struct {
		name string
		edit func(*assess.Scheme)
		want string
	}{
		{"max × weight", func(*assess.Scheme) {},
			`components[0].max: arithmetic out of range: max × weight 0.3: arithmetic overflow ("9223372036854775807")`},
		{"sum of the indicators' maxima", func(s *assess.Scheme) {
			s.Components[0].Weight = n("1")
			s.Components = s.Components[:1]
			s.Components[0].Indicators = append(s.Components[0].Indicators,
				assess.Indicator{ID: "z", Max: n("1"), Method: &assess.Method{Kind: assess.Direct}})
		}, `components[0]: arithmetic out of range: 9223372036854775807 + 1: arithmetic overflow`},
		{"sum of the weighted maxima", func(s *assess.Scheme) {
			s.Components[0].Weight = n("0.5")
			s.Components[0].Max, s.Components[0].Indicators[0].Max = n("9223372036854775807"), n("9223372036854775807")
			s.Components[1].Weight = n("0.5")
			s.Components[1].Weight = n("0.5")
			s.Components[0].Weight = n("0.5")
			s.Components[1].Max, s.Components[1].Indicators[0].Max = n("9223372036854775807"), n("9223372036854775807")
		}, `components[1].max: arithmetic out of range: 4611686018427387903.5 + 4611686018427387903.5: arithmetic overflow`},
		{"bonus cap", func(s *assess.Scheme) {
			s.Components = s.Components[1:]
			s.Components[0].Weight = n("1")
			s.Bonus = &assess.Bonus{Cap: n("9223372036854775807"), Items: []assess.Item{{ID: "a", Points: n("1")}}}
		}, `bonus.cap: arithmetic out of range: 100 + 9223372036854775807: arithmetic overflow`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := hugeScheme()
			tt.edit(&s)
			sc, err := assess.Compile(s)
			require.Error(t, err, "max %v", sc)
			assert.True(t, errors.Is(err, dangjian.ErrOverflow), "%v", err)
			assert.True(t, errors.Is(err, assess.ErrArithmetic), "%v", err)
			assert.Equal(t, []string{tt.want}, messages(err), "the overflow alone: no check on the unknown sum")
		})
	}
}

func TestVoteCountOverflow(t *testing.T) {
	sc, err := assess.Compile(workedScheme())
	require.NoError(t, err)
	for _, tt := range []struct {
		name   string
		counts map[string]int
		want   string
	}{
		{"the tally over the groups (the leaders' 3 好)", map[string]int{"好": math.MaxInt},
			`votes.votes.members.counts.好 (id "S1"): arithmetic out of range: the vote count overflows the total ("9223372036854775807")`},
		{"raters with 不了解", map[string]int{"较好": math.MaxInt - 1, "不了解": 2},
			`votes.votes.members.counts.不了解 (id "S1"): arithmetic out of range: the vote count overflows the total ("2")`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			sub := workedSubject()
			sub.Votes["votes"]["members"] = assess.Ballots{Counts: tt.counts}
			for _, explain := range []bool{false, true} {
				var err error
				if explain {
					_, err = sc.Explain(sub)
				} else {
					_, err = sc.Score(sub)
				}
				require.Error(t, err)
				assert.True(t, errors.Is(err, dangjian.ErrOverflow), "%v", err)
				assert.Contains(t, messages(err), tt.want)
			}
		})
	}
}

// A cohort result whose ballots overflow the valid-vote total is an error
// naming the level, not a share computed from a wrapped (negative) total.
func TestGraderBallotOverflow(t *testing.T) {
	p := grFour()
	p.Downgrades = []assess.Downgrade{{ID: "cha-third", When: assess.VoteShare{Level: "差", Share: assess.MustShare("1/3"), Compare: assess.AtLeast},
		Effect: assess.SetGrade, Grade: "差", Reason: "差票", Source: "S1"}}
	g, err := assess.NewGrader(p)
	require.NoError(t, err)
	r := grRes("a", "95", "")
	r.Ballots = assess.Tally{{Level: "好", Count: math.MaxInt}, {Level: "差", Count: 3}}
	_, err = g.Grade([]assess.Result{r})
	require.Error(t, err)
	assert.True(t, errors.Is(err, dangjian.ErrOverflow), "%v", err)
	assert.Contains(t, messages(err), `results[0].ballots.差 (id "a"): arithmetic out of range: the valid votes overflow the total ("3")`)
}

// A total in no band is an error naming the subject, the total and the
// bands' range, never the lowest grade. Compile checks that the bands
// cover [0, max]; a total rounded up (Up, 2 places) past a max of 100.001
// lands beyond a closed top band ending at 100.005.
func TestTotalInNoBand(t *testing.T) {
	s := assess.Scheme{
		Name:     "rounded past the top",
		Rounding: []assess.RoundPoint{{At: "total", Places: 2, Mode: dangjian.Up}},
		Components: []assess.Component{{ID: "c", Weight: n("1"), Max: n("100.001"), Indicators: []assess.Indicator{
			{ID: "x", Max: n("100.001"), Method: &assess.Method{Kind: assess.Direct}}}}},
		Bands: []assess.Band{{Grade: "好", From: n("90"), To: n("100.005")}, {Grade: "差", From: n("0"), To: n("90")}},
	}
	sc, err := assess.Compile(s)
	require.NoError(t, err)
	res, err := sc.Score(assess.Subject{ID: "T1", Values: map[string]assess.Num{"x": n("95")}})
	require.NoError(t, err)
	assert.Equal(t, "好", res.Grade)
	for _, explain := range []bool{false, true} {
		sub := assess.Subject{ID: "T1", Values: map[string]assess.Num{"x": n("100.001")}}
		var err error
		if explain {
			res, err = sc.Explain(sub)
		} else {
			res, err = sc.Score(sub)
		}
		require.Error(t, err)
		assert.Empty(t, res.Grade, "no fallback to the lowest grade")
		assert.True(t, errors.Is(err, assess.ErrBands), "%v", err)
		assert.Equal(t, []string{`total (id "T1"): bands do not cover the score range exactly once: the total 100.01 falls in no band: the bands cover [0, 100.005) ("100.01")`}, messages(err))
	}
}

// A key of a subject's values or fields that nothing in the scheme reads
// is an input problem of kind ErrUnknownField, with the subject's ID, in
// Fill, Score and Explain. The positional path cannot name an unknown key:
// Layout.Value and Layout.Field refuse it.
func TestUnknownValuesAndFields(t *testing.T) {
	sc, err := assess.Compile(workedScheme())
	require.NoError(t, err)
	sub := workedSubject()
	sub.Values["colour"] = n("1")
	sub.Values["aaa"] = n("2")
	sub.Fields = map[string]string{"unit": "村"}
	want := []string{
		`values.aaa (id "S1"): unknown field: no indicator or table reads this value ("aaa")`,
		`values.colour (id "S1"): unknown field: no indicator or table reads this value ("colour")`,
		`fields.unit (id "S1"): unknown field: no decision table reads this text field ("unit")`,
	}
	_, err = sc.Score(sub)
	assert.True(t, errors.Is(err, dangjian.ErrUnknownField), "%v", err)
	assert.Equal(t, want, messages(err))
	_, err = sc.Explain(sub)
	assert.Equal(t, want, messages(err))
	in := sc.NewInput()
	err = sc.Fill(in, sub)
	assert.Equal(t, want, messages(err))

	_, err = sc.Layout().Value("colour")
	assert.True(t, errors.Is(err, dangjian.ErrInvalid), "%v", err)
	_, err = sc.Layout().Field("unit")
	assert.True(t, errors.Is(err, dangjian.ErrInvalid), "%v", err)
}

// A direct value outside [0, max] is clamped, and the clamp is in the
// result (Clamped, and so in its JSON) from every entry point, not only in
// Explain's trace and notes.
func TestClampedIsInTheResult(t *testing.T) {
	sc, err := assess.Compile(workedScheme())
	require.NoError(t, err)
	sub := workedSubject()
	sub.Values["project"] = n("45") // max 30
	want := []string{"project: 45 clamped to 30"}

	res, err := sc.Score(sub)
	require.NoError(t, err)
	assert.Equal(t, want, clamps(res.Clamped))
	b, err := json.Marshal(res)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"clamped":[{"indicator":"project","value":"45","to":"30"}]`)

	res, err = sc.Explain(sub)
	require.NoError(t, err)
	assert.Equal(t, want, clamps(res.Clamped))
	assert.Contains(t, res.Notes, "project: value 45 clamped to [0, 30]")

	in := sc.NewInput()
	require.NoError(t, sc.Fill(in, sub))
	var into assess.Result
	require.NoError(t, sc.ScoreInto(&into, in))
	assert.Equal(t, want, clamps(into.Clamped))
	sub.Values["project"] = n("-1")
	require.NoError(t, sc.Fill(in, sub))
	require.NoError(t, sc.ScoreInto(&into, in))
	assert.Equal(t, []string{"project: -1 clamped to 0"}, clamps(into.Clamped), "the buffer is reused, not appended to")
	sub.Values["project"] = n("20")
	require.NoError(t, sc.Fill(in, sub))
	require.NoError(t, sc.ScoreInto(&into, in))
	assert.Empty(t, into.Clamped)
	res, err = sc.Score(sub)
	require.NoError(t, err)
	assert.Nil(t, res.Clamped)
}

func clamps(cs []assess.Clamp) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.String())
	}
	return out
}
