package assess

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/rat"
	"github.com/stretchr/testify/require"
)

// Totals and keys that are not whole millionths are kept exact, and
// order with the others as fractions do.
func TestCohortExactValues(t *testing.T) {
	sc, err := Compile(Scheme{Name: "demo", Components: []Component{{ID: "work", Name: "工作", Weight: MustNum("1"), Max: MustNum("100"),
		Indicators: []Indicator{{ID: "tasks", Name: "任务", Max: MustNum("100"), Method: &Method{Kind: Direct}}}}}})
	require.NoError(t, err)
	totals := []rat.Rat{{N: 1, D: 3}, {N: 333333, D: 1000000}, {N: 1, D: 3}, {N: 2, D: 3}, {N: 1, D: 2}, {N: 1, D: 7000000}, {N: 0, D: 1},
		{N: 9_000_000_000_000, D: 1}, {N: 1, D: 2}}
	var results []Result
	for i, tot := range totals {
		res, err := sc.Score(Subject{ID: string(rune('a' + i)), Values: map[string]Num{"tasks": MustNum("1")}})
		require.NoError(t, err)
		res.Total = scoreOf(tot)
		res.Components[0].Score = scoreOf(totals[len(totals)-1-i])
		results = append(results, res)
	}
	for _, p := range []*GradePolicy{nil, {Name: "p", Grades: []string{"好", "差"}, Bands: []Band{{Grade: "好", From: MustNum("0.5")}, {Grade: "差", From: MustNum("0"), To: MustNum("0.5")}},
		TieBreak: []TieKey{{By: TieComponent, Component: "work", Order: Asc}}}} {
		var g *Grader
		if p != nil {
			g, err = NewGrader(*p)
			require.NoError(t, err)
		}
		r, err := NewRanking(sc, results, g)
		require.NoError(t, err)
		var want, got bytes.Buffer
		require.NoError(t, r.WriteCSV(&want))
		c, err := NewCohort(sc, g)
		require.NoError(t, err)
		for i := range results {
			c.Add(&results[i])
		}
		require.NoError(t, c.Finish())
		require.NoError(t, c.WriteCSV(&got))
		require.Equal(t, want.String(), got.String())
		require.Contains(t, got.String(), ",1/3,")
		require.NotEmpty(t, c.exact)
	}
}

// Quotas at a cut-off with ties, under each tie policy and base, with a
// grade barred below: a Cohort demotes, and refuses, as Grade does.
func TestCohortQuotaTies(t *testing.T) {
	sc, err := Compile(Scheme{Name: "demo", Components: []Component{{ID: "work", Name: "工作", Weight: MustNum("1"), Max: MustNum("100"),
		Indicators: []Indicator{{ID: "tasks", Name: "任务", Max: MustNum("100"), Method: &Method{Kind: Direct}}}}}})
	require.NoError(t, err)
	mk := func(totals []int64, gates map[int]GateHit) []Result {
		var out []Result
		for i, tot := range totals {
			res, err := sc.Score(Subject{ID: string(rune('a' + i)), Category: []string{"x", "y"}[i%2], Values: map[string]Num{"tasks": MustNum("1")}})
			require.NoError(t, err)
			res.Total = scoreOf(rat.Int(tot))
			res.Components[0].Score = scoreOf(rat.Int(tot % 3))
			if h, ok := gates[i]; ok {
				res.Gates = []GateHit{h}
			}
			out = append(out, res)
		}
		return out
	}
	cohorts := map[string][]Result{
		"ties":         mk([]int64{95, 95, 95, 95, 92, 92, 91, 88, 88, 88, 70, 95}, nil),
		"barred":       mk([]int64{95, 95, 95, 93, 92}, map[int]GateHit{3: {Gate: "g", Effect: NotGrade, Grade: "较好"}}),
		"nowhere":      mk([]int64{95, 95, 95, 93}, map[int]GateHit{3: {Gate: "g", Effect: NotGrade, Grade: "较好"}, 2: {Gate: "h", Effect: NotGrade, Grade: "一般"}}),
		"no quota hit": mk([]int64{70, 60}, nil),
	}
	for _, ties := range []TiePolicy{TiesBreak, TiesAllIn, TiesAllOut} {
		for _, base := range []QuotaBase{BaseGraded, BaseAll} {
			for _, per := range []bool{false, true} {
				p := GradePolicy{Name: "p", Grades: []string{"好", "较好", "一般"}, PerCategory: per,
					Sources: []Source{{ID: "q", Source: dangjian.Source{Doc: "名额", Confidence: dangjian.Unverified}}},
					Bands:   []Band{{Grade: "好", From: MustNum("90")}, {Grade: "较好", From: MustNum("80"), To: MustNum("90")}, {Grade: "一般", From: MustNum("0"), To: MustNum("80")}},
					Quotas: []Quota{{Grade: "好", Max: MustShare("1/3"), Count: CountFloor, Ties: ties, Base: base, Modality: dangjian.Must, Source: "q"},
						{Grade: "较好", Max: MustShare("1/4"), Count: CountHalfUp, Ties: ties, Base: base, Modality: dangjian.Must, Source: "q"}},
					TieBreak: []TieKey{{By: TieComponent, Component: "work"}}}
				g, err := NewGrader(p)
				require.NoError(t, err)
				for name, results := range cohorts {
					what := fmt.Sprintf("%s, %s, %s, per category %v", name, ties, base, per)
					var want, got bytes.Buffer
					r, werr := NewRanking(sc, results, g)
					if werr == nil {
						require.NoError(t, r.WriteCSV(&want))
					}
					c, err := NewCohort(sc, g)
					require.NoError(t, err)
					for i := range results {
						c.Add(&results[i])
					}
					gerr := c.Finish()
					if werr != nil {
						require.Error(t, gerr, what)
						require.Equal(t, werr.Error(), gerr.Error(), what)
						continue
					}
					require.NoError(t, gerr, what)
					require.NoError(t, c.WriteCSV(&got))
					require.Equal(t, want.String(), got.String(), what)
					require.Equal(t, r.Grading.Groups, c.Groups(), what)
				}
			}
		}
	}
}
