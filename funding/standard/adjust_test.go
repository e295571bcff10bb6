package standard_test

import (
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/standard"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestIndexRoundingPoint checks that each declared rounding point is
// applied exactly as declared. 3310.00 (Yanji's community pay) grown 3.5 %
// a year for 3 years:
//
//   - at the end: 3310 × 1.035³ = 3310 × 1.108717875 = 3669.85616625 →
//     3669.86, rounded once;
//   - each year: 3425.85 (exact) → 3545.75475 → 3545.75 → 3669.85125 →
//     3669.85.
//
// The two differ by a fen, so a mix-up shows.
func TestIndexRoundingPoint(t *testing.T) {
	g := standard.Growth{Rule: "TEST-GROWTH-3.5", Rate: funding.MustParseRate("3.5%"), Years: 3, Rounding: funding.DefaultRounding()}
	tests := []struct {
		name   string
		point  standard.RoundingPoint
		exact  []string
		amount []string // "" where the year is not rounded
		want   string
		final  string
	}{
		{"at the end", standard.RoundAtEnd,
			[]string{"3425.85", "3545.75475", "3669.85616625"}, []string{"", "", "3669.86"}, "3669.86", "3669.85616625"},
		{"each year", standard.RoundEachYear,
			[]string{"3425.85", "3545.75475", "3669.85125"}, []string{"3425.85", "3545.75", "3669.85"}, "3669.85", "3669.85125"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := g
			g.Point = tt.point
			res, err := standard.Index(stdYuan("3310"), g)
			require.NoError(t, err)
			assert.Equal(t, stdYuan(tt.want), res.Amount)
			assert.Equal(t, tt.final, res.Exact)
			assert.Equal(t, "index", res.Method)
			assert.Equal(t, "TEST-GROWTH-3.5", res.Rule)
			assert.Equal(t, tt.point, res.Point)
			require.Len(t, res.ByYear, 3)
			for i, y := range res.ByYear {
				assert.Equal(t, i+1, y.Year)
				assert.Equal(t, tt.exact[i], y.Exact, "year %d", y.Year)
				if tt.amount[i] == "" {
					assert.Nil(t, y.Amount, "year %d is carried exactly", y.Year)
				} else {
					require.NotNil(t, y.Amount)
					assert.Equal(t, stdYuan(tt.amount[i]), *y.Amount)
				}
			}
		})
	}
}

func TestIndex(t *testing.T) {
	tests := []struct {
		name     string
		amount   string
		rate     string
		years    int
		point    standard.RoundingPoint
		rounding funding.Rounding
		want     string
	}{
		{"zero years", "28000", "5%", 0, standard.RoundAtEnd, funding.DefaultRounding(), "28000.00"},
		{"one year exact", "28000", "5%", 1, standard.RoundEachYear, funding.DefaultRounding(), "29400.00"},
		{"five years at the end", "28000", "5%", 5, standard.RoundAtEnd, funding.DefaultRounding(), "35735.88"},
		{"five years each year", "28000", "5%", 5, standard.RoundEachYear, funding.DefaultRounding(), "35735.89"},
		{"a fall", "1000", "-10%", 2, standard.RoundAtEnd, funding.DefaultRounding(), "810.00"},
		{"to the yuan, down", "1000", "2.5%", 3, standard.RoundAtEnd, funding.Rounding{Places: 0, Mode: dangjian.Down}, "1076.00"},
		{"to the yuan, down, each year", "1000", "2.5%", 3, standard.RoundEachYear, funding.Rounding{Places: 0, Mode: dangjian.Down}, "1076.00"},
		{"zero amount", "0", "5%", 3, standard.RoundAtEnd, funding.DefaultRounding(), "0.00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := standard.Index(stdYuan(tt.amount), standard.Growth{Rate: funding.MustParseRate(tt.rate), Years: tt.years, Point: tt.point, Rounding: tt.rounding})
			require.NoError(t, err)
			assert.Equal(t, stdYuan(tt.want), res.Amount)
			assert.Len(t, res.ByYear, tt.years)
			assert.Equal(t, tt.rounding, res.Rounding)
		})
	}
}

func TestIndexErrors(t *testing.T) {
	good := standard.Growth{Rate: funding.MustParseRate("3%"), Years: 2, Point: standard.RoundAtEnd, Rounding: funding.DefaultRounding()}
	tests := []struct {
		name   string
		amount string
		edit   func(*standard.Growth)
		want   []string
	}{
		{"negative amount", "-1", nil, []string{`amount: must not be negative ("-1.00")`}},
		{"rate of -100 %", "1", func(g *standard.Growth) { g.Rate = funding.MustParseRate("-100%") }, []string{`growth.rate: must be more than -1 (−100 %) ("-1")`}},
		{"negative years", "1", func(g *standard.Growth) { g.Years = -1 }, []string{`growth.years: must be 0..100 ("-1")`}},
		{"too many years", "1", func(g *standard.Growth) { g.Years = 101 }, []string{`("101")`}},
		{"no point", "1", func(g *standard.Growth) { g.Point = 0 }, []string{"growth.point: not set: declare at_end or each_year"}},
		{"no rounding", "1", func(g *standard.Growth) { g.Rounding = funding.Rounding{} }, []string{"growth.rounding: invalid rounding"}},
		{"everything", "-1", func(g *standard.Growth) { *g = standard.Growth{Rate: funding.MustParseRate("-2"), Years: -1} },
			[]string{"amount:", "growth.rate", "growth.years", "growth.point", "growth.rounding"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := good
			if tt.edit != nil {
				tt.edit(&g)
			}
			_, err := standard.Index(stdYuan(tt.amount), g)
			require.Error(t, err)
			assert.ErrorIs(t, err, standard.ErrBadGrowth)
			for _, w := range tt.want {
				assert.Contains(t, errText(err), w)
			}
		})
	}
	// Growth past the range of Money is an error, not a wrap.
	_, err := standard.Index(stdYuan("90000000000000000"), standard.Growth{Rate: funding.MustParseRate("100%"), Years: 1, Point: standard.RoundAtEnd, Rounding: funding.DefaultRounding()})
	assert.ErrorIs(t, err, funding.ErrOverflow)
}

// TestPeg checks pegging to a reference income: twice 14000.00 is
// 28000.00 exactly; 2.4 × 11666.67 = 28000.008 is rounded once as declared.
func TestPeg(t *testing.T) {
	tests := []struct {
		name, ref, mult string
		rounding        funding.Rounding
		exact, want     string
	}{
		{"exact", "14000", "2", funding.DefaultRounding(), "28000", "28000.00"},
		{"half up", "11666.67", "2.4", funding.DefaultRounding(), "28000.008", "28000.01"},
		{"down", "11666.67", "2.4", funding.Rounding{Places: 2, Mode: dangjian.Down}, "28000.008", "28000.00"},
		{"to the yuan", "11666.67", "2.4", funding.Rounding{Places: 0, Mode: dangjian.HalfUp}, "28000.008", "28000.00"},
		{"zero", "0", "2", funding.DefaultRounding(), "0", "0.00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := standard.Peg(stdYuan(tt.ref), funding.MustParseRate(tt.mult), tt.rounding)
			require.NoError(t, err)
			assert.Equal(t, "peg", res.Method)
			assert.Equal(t, tt.exact, res.Exact)
			assert.Equal(t, stdYuan(tt.want), res.Amount)
			assert.Equal(t, stdYuan(tt.ref), res.Reference)
		})
	}
	_, err := standard.Peg(stdYuan("-1"), funding.MustParseRate("-2"), funding.Rounding{})
	require.Error(t, err)
	assert.ErrorIs(t, err, standard.ErrBadGrowth)
	for _, w := range []string{"reference: must not be negative", "multiplier: must not be negative", "rounding: invalid rounding"} {
		assert.Contains(t, errText(err), w)
	}
}

func TestRoundingPointParse(t *testing.T) {
	for in, want := range map[string]standard.RoundingPoint{"at_end": standard.RoundAtEnd, "期末一次": standard.RoundAtEnd, "逐年": standard.RoundEachYear, "EACH_YEAR": standard.RoundEachYear} {
		got, err := standard.ParseRoundingPoint(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got)
	}
	_, err := standard.ParseRoundingPoint("never")
	assert.ErrorIs(t, err, dangjian.ErrInvalid)
	assert.Contains(t, err.Error(), `invalid value: unknown rounding point: want `)
	assert.Contains(t, err.Error(), `("never")`)
	stdAssertLowerCamel(t, standard.Adjustment{ByYear: []standard.AdjustedYear{{Year: 1}}})
}
