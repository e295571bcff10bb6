package assess_test

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/dangjian-go/dangjian/assess"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRankStyles(t *testing.T) {
	totals := []string{"90", "85", "90", "80", "80", "70"}
	tests := []struct {
		name  string
		style assess.RankStyle
		keys  []assess.TieKey
		want  []int
	}{
		{"default is competition", "", nil, []int{1, 1, 3, 4, 4, 6}},
		{"competition", assess.Competition, nil, []int{1, 1, 3, 4, 4, 6}},
		{"dense", assess.Dense, nil, []int{1, 1, 2, 3, 3, 4}},
		{"a subject key: no shared ranks", assess.Competition, []assess.TieKey{{By: assess.TieSubject}}, []int{1, 2, 3, 4, 5, 6}},
		{"bonus separates the 80s", assess.Dense, []assess.TieKey{{By: assess.TieBonus}}, []int{1, 1, 2, 3, 4, 5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rs []assess.Result
			for i, tot := range totals {
				r := grRes(string(rune('a'+i)), tot, "")
				if i == 4 {
					r.Bonus = grTotal("1")
				}
				rs = append(rs, r)
			}
			p := grFour()
			p.Ranking = tt.style
			p.TieBreak = tt.keys
			out := grGrade(t, p, rs)
			order := []string{"a", "c", "b", "e", "d", "f"}
			if len(tt.keys) == 0 || tt.keys[0].By == assess.TieSubject {
				order = []string{"a", "c", "b", "d", "e", "f"}
			}
			assert.Equal(t, order, grOrder(out))
			assert.Equal(t, tt.want, grRanks(out))
			for i, s := range out.Subjects {
				assert.Equal(t, i+1, s.Order)
			}
		})
	}
}

// More 好 votes first: a ballots key.
func TestRankByBallots(t *testing.T) {
	a, b := grRes("a", "88", ""), grRes("b", "88", "")
	a.Ballots, b.Ballots = assess.Tally{{Level: "好", Count: 10}}, assess.Tally{{Level: "好", Count: 12}}
	p := grFour()
	p.TieBreak = []assess.TieKey{{By: assess.TieBallots, Level: "好"}}
	out := grGrade(t, p, []assess.Result{a, b})
	assert.Equal(t, []string{"b", "a"}, grOrder(out))
	assert.Equal(t, []int{1, 2}, grRanks(out))
}

// Ungraded subjects keep their place in the order but take no rank and
// no place among the ranks.
func TestRankSkipsUngraded(t *testing.T) {
	rs := []assess.Result{grRes("a", "90", ""), grRes("b", "95", ""), grRes("c", "85", "")}
	rs[1].Category = "预备党员"
	p := grFour()
	p.Ungraded = &assess.Ungraded{Categories: []string{"预备党员"}, Reason: "不评定等次"}
	out := grGrade(t, p, rs)
	assert.Equal(t, []string{"b", "a", "c"}, grOrder(out))
	assert.Equal(t, []int{0, 1, 2}, grRanks(out))
	assert.True(t, out.Subjects[0].Ungraded)
	assert.Empty(t, out.Subjects[0].Grade)
	assert.Equal(t, assess.StepUngraded, out.Subjects[0].Steps[0].Kind)
}

// Shuffling the cohort changes nothing: the same grades, ranks, order and
// reasons, byte for byte, under every tie policy and rank style, per
// category or not.
func TestShuffleInvariance(t *testing.T) {
	grades := []string{"好", "较好", "一般", "差"}
	r := rand.New(rand.NewPCG(5, 6))
	for trial := 0; trial < 200; trial++ {
		p := grFour()
		p.Bands = nil
		p.AwardGrades = []string{"好"}
		ties := []assess.TiePolicy{assess.TiesBreak, assess.TiesAllIn, assess.TiesAllOut}[trial%3]
		p.Quotas = []assess.Quota{grQuota("好", "0.3", ties), grQuota("较好", "1/3", ties)}
		p.Ranking = []assess.RankStyle{assess.Competition, assess.Dense}[r.IntN(2)]
		p.PerCategory = r.IntN(2) == 0
		if r.IntN(2) == 0 {
			p.TieBreak = []assess.TieKey{{By: assess.TieComponent, Component: "daily"}}
		}
		p.Downgrades = []assess.Downgrade{{ID: "D", When: assess.VoteShare{Level: "差", Share: assess.MustShare("1/3"), Compare: assess.MoreThan},
			Effect: assess.CapGrade, Grade: "一般", Reason: "r", Source: "S1"}}
		g, err := assess.NewGrader(p)
		require.NoError(t, err)
		rs := grRandomCohort(r, 1+r.IntN(40), grades, true)
		want, err := g.Grade(rs)
		require.NoError(t, err)
		shuffled := slices.Clone(rs)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		got, err := g.Grade(shuffled)
		require.NoError(t, err)
		require.Equal(t, grMarshal(t, want), grMarshal(t, got), "trial %d", trial)
		// Ranks follow the style: competition ranks equal the count ahead
		// plus one; dense ranks go up by one at a time.
		if p.PerCategory {
			continue
		}
		prev := 0
		for i, s := range got.Subjects {
			switch {
			case i == 0:
				require.Equal(t, 1, s.Rank)
			case s.Rank != prev && p.Ranking == assess.Dense:
				require.Equal(t, prev+1, s.Rank)
			case s.Rank != prev:
				require.Equal(t, i+1, s.Rank)
			}
			prev = s.Rank
		}
	}
}
