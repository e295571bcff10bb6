package assess_test

import (
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
	"github.com/stretchr/testify/require"
)

func demoScorer(t testing.TB, bands bool) *assess.Scorer {
	s := assess.Scheme{
		Name: "demo",
		Components: []assess.Component{{
			ID: "work", Name: "工作", Weight: assess.MustNum("1"), Max: assess.MustNum("100"),
			Indicators: []assess.Indicator{{ID: "tasks", Name: "任务", Max: assess.MustNum("100"),
				Method: &assess.Method{Kind: assess.Direct}}},
		}},
	}
	if bands {
		s.Bands = []assess.Band{{Grade: "好", From: assess.MustNum("90")}, {Grade: "一般", From: assess.MustNum("0"), To: assess.MustNum("90")}}
	}
	sc, err := assess.Compile(s)
	require.NoError(t, err)
	return sc
}

func demoResults(t testing.TB, sc *assess.Scorer, scores map[string]string) []assess.Result {
	var out []assess.Result
	for _, id := range []string{"d", "=cmd", "b", "a", "c"} {
		v, ok := scores[id]
		if !ok {
			continue
		}
		res, err := sc.Score(assess.Subject{ID: id, Category: "社区", Values: map[string]assess.Num{"tasks": assess.MustNum(v)}})
		require.NoError(t, err)
		out = append(out, res)
	}
	return out
}

func TestRanking(t *testing.T) {
	scores := map[string]string{"a": "95", "b": "80", "c": "95", "d": "120", "=cmd": "80"}
	for _, tc := range []struct {
		name   string
		bands  bool
		graded bool
		csv    string
	}{
		{name: "by total: shared ranks, then by ID", csv: `order,rank,subject,category,total,work,bonus,band,grade,eligible,remarks
1,1,d,社区,100,100,0,,,true,tasks: 120 clamped to 100
2,2,a,社区,95,95,0,,,true,
3,2,c,社区,95,95,0,,,true,
4,4,'=cmd,社区,80,80,0,,,true,
5,4,b,社区,80,80,0,,,true,
`},
		{name: "graded", bands: true, graded: true, csv: `order,rank,subject,category,total,work,bonus,band,grade,eligible,remarks
1,1,d,社区,100,100,0,好,好,true,tasks: 120 clamped to 100
2,2,a,社区,95,95,0,好,好,true,
3,2,c,社区,95,95,0,好,好,true,
4,4,'=cmd,社区,80,80,0,一般,一般,true,
5,4,b,社区,80,80,0,一般,一般,true,
`},
		{name: "bands, ranked by total", bands: true, csv: `order,rank,subject,category,total,work,bonus,band,grade,eligible,remarks
1,1,d,社区,100,100,0,好,好,true,tasks: 120 clamped to 100
2,2,a,社区,95,95,0,好,好,true,
3,2,c,社区,95,95,0,好,好,true,
4,4,'=cmd,社区,80,80,0,一般,一般,true,
5,4,b,社区,80,80,0,一般,一般,true,
`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sc := demoScorer(t, tc.bands)
			results := demoResults(t, sc, scores)
			var g *assess.Grader
			if tc.graded {
				var err error
				g, err = assess.NewGrader(assess.GradePolicy{Name: "p", Grades: sc.Grades(), Ranking: assess.Competition})
				require.NoError(t, err)
			}
			r, err := assess.NewRanking(sc, results, g)
			require.NoError(t, err)
			require.Equal(t, []string{"work"}, r.Components)
			require.Equal(t, tc.graded, r.Grading != nil)
			var b strings.Builder
			require.NoError(t, r.WriteCSV(&b))
			require.Equal(t, tc.csv, b.String())
			b.Reset()
			require.NoError(t, r.WriteCSV(&b, dangjian.RawText))
			require.Contains(t, b.String(), "\n4,4,=cmd,")
			row, ok := r.Row("c")
			require.True(t, ok)
			require.Equal(t, 3, row.Order)
			require.Equal(t, 2, row.Rank)
			_, ok = r.Row("zz")
			require.False(t, ok)
		})
	}
	// A grading's problems are NewRanking's.
	sc := demoScorer(t, true)
	results := demoResults(t, sc, scores)
	results[1].Subject = "d"
	g, err := assess.NewGrader(assess.GradePolicy{Name: "p", Grades: sc.Grades()})
	require.NoError(t, err)
	_, err = assess.NewRanking(sc, results, g)
	require.ErrorIs(t, err, dangjian.ErrDuplicate)
}
