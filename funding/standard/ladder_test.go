package standard_test

import (
	"fmt"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/standard"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// illustrativeLadder is a made-up 三岗十八级 ladder for tests: ILLUSTRATIVE,
// not any place's table (no national table exists). Base 3000.00 a month;
// level L has coefficient 1 + 0.05 × (L − 1), so level 1 pays 3000.00 and
// level 18 pays 5550.00; a step every 3 years; the reported level ranges.
func illustrativeLadder() standard.Ladder {
	l := standard.Ladder{
		Rule: dangjian.Rule{ID: "ILLUSTRATIVE-LADDER", Source: dangjian.Source{Doc: "illustrative table for tests (not a real table)",
			Confidence: dangjian.Unverified, Note: "made up: no national coefficient table has been identified"}},
		Name: "示例三岗十八级（虚构）", Illustrative: true,
		Base: stdYuan("3000"), Levels: standard.DefaultLevelRanges(), YearsPerStep: 3, Rounding: funding.DefaultRounding(),
	}
	for lv := 1; lv <= 18; lv++ {
		l.Coefficients = append(l.Coefficients, funding.MustParseRate(fmt.Sprintf("%d.%02d", 1+(lv-1)*5/100, (lv-1)*5%100)))
	}
	return l
}

func TestDefaultLevelRanges(t *testing.T) {
	r := standard.DefaultLevelRanges()
	tests := []struct {
		post     standard.CommunityPost
		low, top int
	}{
		{standard.CommunityHead, 7, 18},
		{standard.CommunityDeputy, 4, 15},
		{standard.CommunityStaff, 1, 12},
	}
	for _, tt := range tests {
		t.Run(tt.post.String(), func(t *testing.T) {
			got, ok := r.For(tt.post)
			require.True(t, ok)
			assert.Equal(t, standard.LevelRange{Low: tt.low, High: tt.top}, got)
			assert.Equal(t, 11, got.High-got.Low, "twelve levels each")
		})
	}
	_, ok := r.For(standard.CommunityPostUnknown)
	assert.False(t, ok)
}

// TestLadderLevelRanges checks each post's level range on the illustrative
// ladder: the ends start, one beyond each end is an error.
func TestLadderLevelRanges(t *testing.T) {
	l := illustrativeLadder()
	tests := []struct {
		post    standard.CommunityPost
		start   int
		ok      bool
		monthly string
	}{
		{standard.CommunityHead, 6, false, ""},
		{standard.CommunityHead, 7, true, "3900.00"},
		{standard.CommunityHead, 18, true, "5550.00"},
		{standard.CommunityHead, 19, false, ""},
		{standard.CommunityDeputy, 3, false, ""},
		{standard.CommunityDeputy, 4, true, "3450.00"},
		{standard.CommunityDeputy, 15, true, "5100.00"},
		{standard.CommunityDeputy, 16, false, ""},
		{standard.CommunityStaff, 0, false, ""},
		{standard.CommunityStaff, 1, true, "3000.00"},
		{standard.CommunityStaff, 12, true, "4650.00"},
		{standard.CommunityStaff, 13, false, ""},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%d", tt.post, tt.start), func(t *testing.T) {
			res, err := l.Pay(tt.post, tt.start, 0)
			if !tt.ok {
				require.Error(t, err)
				assert.ErrorIs(t, err, standard.ErrBadLadder)
				assert.Contains(t, err.Error(), fmt.Sprintf("input.startLevel: bad ladder: outside the %s range", tt.post))
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.start, res.Level)
			assert.Equal(t, stdYuan(tt.monthly), res.Monthly)
			annual, _ := res.Monthly.MulInt(12)
			assert.Equal(t, annual, res.Annual)
			assert.True(t, res.Illustrative)
		})
	}
}

// TestLadderSteps checks the step boundaries: one level for every full 3
// years (2 years: none; exactly 3: one), capped at the top of the range.
func TestLadderSteps(t *testing.T) {
	l := illustrativeLadder()
	tests := []struct {
		post          standard.CommunityPost
		start, years  int
		steps, level  int
		capped        bool
		monthly, note string
	}{
		{standard.CommunityStaff, 1, 0, 0, 1, false, "3000.00", ""},
		{standard.CommunityStaff, 1, 2, 0, 1, false, "3000.00", "2 years: no step yet"},
		{standard.CommunityStaff, 1, 3, 1, 2, false, "3150.00", "exactly 3 years: one step"},
		{standard.CommunityStaff, 1, 5, 1, 2, false, "3150.00", ""},
		{standard.CommunityStaff, 1, 6, 2, 3, false, "3300.00", "exactly 6 years: two steps"},
		{standard.CommunityStaff, 1, 32, 10, 11, false, "4500.00", ""},
		{standard.CommunityStaff, 1, 33, 11, 12, false, "4650.00", "the top, reached exactly"},
		{standard.CommunityStaff, 1, 36, 12, 12, true, "4650.00", "capped"},
		{standard.CommunityHead, 7, 2, 0, 7, false, "3900.00", ""},
		{standard.CommunityHead, 7, 3, 1, 8, false, "4050.00", ""},
		{standard.CommunityHead, 16, 6, 2, 18, false, "5550.00", ""},
		{standard.CommunityHead, 16, 9, 3, 18, true, "5550.00", ""},
		{standard.CommunityDeputy, 4, 30, 10, 14, false, "4950.00", ""},
		{standard.CommunityDeputy, 4, 100, 33, 15, true, "5100.00", ""},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%d+%dy", tt.post, tt.start, tt.years), func(t *testing.T) {
			res, err := l.Pay(tt.post, tt.start, tt.years)
			require.NoError(t, err)
			assert.Equal(t, tt.steps, res.StepsEarned)
			assert.Equal(t, tt.level, res.Level)
			assert.Equal(t, tt.capped, res.Capped)
			assert.Equal(t, stdYuan(tt.monthly), res.Monthly)
			assert.Equal(t, stdYuan("3000"), res.Base)
			assert.Equal(t, l.Coefficients[tt.level-1], res.Coefficient)
			require.NotNil(t, res.Rounding)
			assert.Equal(t, "ILLUSTRATIVE-LADDER", res.Ladder)
		})
	}
}

// TestLadderRounding checks that Base × coefficient is rounded once, with
// the ladder's declared rounding: 2958.00 × 1.0333 = 3056.5014.
func TestLadderRounding(t *testing.T) {
	l := standard.Ladder{
		Rule:         dangjian.Rule{ID: "ILLUSTRATIVE-ROUNDING", Source: dangjian.Source{Doc: "illustrative", Confidence: dangjian.Unverified}},
		Illustrative: true, Base: stdYuan("2958"), Coefficients: []funding.Rate{funding.MustParseRate("1"), funding.MustParseRate("1.0333"), funding.MustParseRate("1.0335")},
		Levels:       standard.LevelRanges{Head: standard.LevelRange{Low: 1, High: 3}, Deputy: standard.LevelRange{Low: 1, High: 3}, Staff: standard.LevelRange{Low: 1, High: 3}},
		YearsPerStep: 3,
	}
	tests := []struct {
		name     string
		rounding funding.Rounding
		level    int
		exact    string
		monthly  string
	}{
		{"half up", funding.DefaultRounding(), 2, "3056.5014", "3056.50"},
		{"ceiling", funding.Rounding{Places: 2, Mode: dangjian.Ceiling}, 2, "3056.5014", "3056.51"},
		{"whole yuan half up", funding.Rounding{Places: 0, Mode: dangjian.HalfUp}, 2, "3056.5014", "3057.00"},
		{"half up, below the half fen", funding.DefaultRounding(), 3, "3057.093", "3057.09"},
		{"half even", funding.Rounding{Places: 1, Mode: dangjian.HalfEven}, 1, "2958", "2958.00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := l
			l.Rounding = tt.rounding
			res, err := l.Pay(standard.CommunityStaff, tt.level, 0)
			require.NoError(t, err)
			assert.Equal(t, tt.exact, res.Exact)
			assert.Equal(t, stdYuan(tt.monthly), res.Monthly)
			require.NotNil(t, res.Rounding)
			assert.Equal(t, tt.rounding, *res.Rounding)
		})
	}
}

func TestLadderDegreeCredits(t *testing.T) {
	levels := illustrativeLadder()
	levels.Degrees = standard.DegreeCredits{Bachelor: 1, Master: 2, Doctor: 3}
	years := illustrativeLadder()
	years.Degrees = standard.DegreeCredits{Bachelor: 1, Master: 3, Doctor: 5, AsYears: true}
	tests := []struct {
		name         string
		l            standard.Ladder
		degree       standard.Degree
		years, level int
	}{
		{"no degree", levels, standard.NoDegree, 0, 1},
		{"本科 +1 level", levels, standard.Bachelor, 0, 2},
		{"硕士 +2 levels", levels, standard.Master, 0, 3},
		{"博士 +3 levels, plus a step", levels, standard.Doctor, 3, 5},
		{"本科 +1 year: 2 years become 3", years, standard.Bachelor, 2, 2},
		{"本科 +1 year: 1 year stays under 3", years, standard.Bachelor, 1, 1},
		{"硕士 +3 years", years, standard.Master, 0, 2},
		{"博士 +5 years: 1 year becomes 6", years, standard.Doctor, 1, 3},
		{"博士 +3 levels, capped", levels, standard.Doctor, 30, 12},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := tt.l.PayFor(standard.PayInput{Post: standard.CommunityStaff, StartLevel: 1, YearsOfService: tt.years, Degree: tt.degree})
			require.NoError(t, err)
			assert.Equal(t, tt.level, res.Level)
			assert.Equal(t, tt.degree, res.Degree)
		})
	}
}

func TestLadderErrors(t *testing.T) {
	tests := []struct {
		name string
		edit func(*standard.Ladder)
		in   standard.PayInput
		want []string
	}{
		{"unknown post", nil, standard.PayInput{Post: 0, StartLevel: 1}, []string{`input.post: unknown post`}},
		{"negative years", nil, standard.PayInput{Post: standard.CommunityStaff, StartLevel: 1, YearsOfService: -1}, []string{`input.yearsOfService: must be 0..100 ("-1")`}},
		{"too many years", nil, standard.PayInput{Post: standard.CommunityStaff, StartLevel: 1, YearsOfService: 101}, []string{`("101")`}},
		{"unknown degree", nil, standard.PayInput{Post: standard.CommunityStaff, StartLevel: 1, Degree: 7}, []string{`input.degree: unknown degree`}},
		{"every input problem", nil, standard.PayInput{Post: standard.CommunityHead, StartLevel: 1, YearsOfService: -3, Degree: 9},
			[]string{"input.startLevel", "input.yearsOfService", "input.degree"}},
		{"both tables", func(l *standard.Ladder) { l.Steps = []funding.Money{stdYuan("1")} }, standard.PayInput{Post: standard.CommunityStaff, StartLevel: 1},
			[]string{"ladder.steps: set coefficients or steps, not both"}},
		{"no table", func(l *standard.Ladder) { l.Coefficients = nil }, standard.PayInput{Post: standard.CommunityStaff, StartLevel: 1},
			[]string{"ladder.coefficients: no table"}},
		{"bad table", func(l *standard.Ladder) {
			l.Base = funding.Money{}
			l.Coefficients[3] = funding.MustParseRate("-1")
			l.Coefficients = l.Coefficients[:15]
			l.YearsPerStep = 0
			l.Rounding = funding.Rounding{}
			l.Degrees.Master = -1
			l.ID = ""
		}, standard.PayInput{Post: standard.CommunityStaff, StartLevel: 1},
			[]string{`ladder.base: must be positive ("0.00")`, `ladder.coefficients[3]: must be positive ("-1")`,
				`ladder.levels.head: need 1 ≤ low ≤ high ≤ 15 (the table's levels) ("7–18")`,
				`ladder.yearsPerStep: must be positive`, `ladder.rounding: invalid rounding`, `ladder.degrees.master: must be 0..100 ("-1")`,
				`empty ID`}},
		{"upside-down range", func(l *standard.Ladder) { l.Levels.Staff = standard.LevelRange{Low: 5, High: 2} }, standard.PayInput{Post: standard.CommunityHead, StartLevel: 7},
			[]string{`ladder.levels.staff: need 1 ≤ low ≤ high ≤ 18 (the table's levels) ("5–2")`}},
		{"zero step", func(l *standard.Ladder) {
			l.Coefficients = nil
			l.Steps = make([]funding.Money, 18)
		}, standard.PayInput{Post: standard.CommunityHead, StartLevel: 7},
			[]string{`ladder.steps[0]: must be positive`, `ladder.steps[17]: must be positive`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := illustrativeLadder()
			if tt.edit != nil {
				tt.edit(&l)
			}
			_, err := l.PayFor(tt.in)
			require.Error(t, err)
			for _, w := range tt.want {
				assert.Contains(t, errText(err), w)
			}
		})
	}
}

func TestLadderEnums(t *testing.T) {
	for in, want := range map[string]standard.CommunityPost{"head": standard.CommunityHead, "正职": standard.CommunityHead, "社区副职": standard.CommunityDeputy, "其他工作人员": standard.CommunityStaff} {
		got, err := standard.ParseCommunityPost(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got)
	}
	_, err := standard.ParseCommunityPost("")
	assert.Error(t, err)
	for in, want := range map[string]standard.Degree{"": standard.NoDegree, "本科": standard.Bachelor, "master": standard.Master, "博士研究生": standard.Doctor} {
		got, err := standard.ParseDegree(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got)
	}
	_, err = standard.ParseDegree("大专")
	assert.ErrorIs(t, err, dangjian.ErrInvalid)
	assert.Contains(t, err.Error(), `invalid value: unknown degree: want `)
	assert.Contains(t, err.Error(), `("大专")`)
}

func TestLadderConcurrent(t *testing.T) {
	l := illustrativeLadder()
	want, err := l.Pay(standard.CommunityDeputy, 4, 9)
	require.NoError(t, err)
	done := make(chan standard.PayResult, 8)
	for range 8 {
		go func() {
			r, _ := l.Pay(standard.CommunityDeputy, 4, 9)
			done <- r
		}()
	}
	for range 8 {
		assert.Equal(t, want, <-done)
	}
	stdAssertLowerCamel(t, want)
}
