package assess

import (
	"bytes"
	"testing"

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
