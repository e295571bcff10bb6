package assess_test

import (
	"errors"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/dangjian-go/dangjian/assess"
	"github.com/stretchr/testify/require"
)

func randomSubject(r *rand.Rand, id string) assess.Subject {
	sub := workedSubject()
	sub.ID = id
	sub.Values = map[string]assess.Num{"coverage": n(itoa(r.IntN(130))), "project": n(itoa(r.IntN(35)))}
	counts := func() map[string]int {
		return map[string]int{"好": r.IntN(20), "较好": r.IntN(10), "一般": r.IntN(5), "差": r.IntN(5), "不了解": r.IntN(3)}
	}
	sub.Votes = map[string]map[string]assess.Ballots{"votes": {
		"leaders": {Counts: counts()}, "members": {Counts: counts()}, "masses": {Counts: counts()}}}
	sub.Events = map[string][]assess.Event{"meetings": {{Clause: "missed", Count: r.IntN(30)}, {Clause: "attendance", Value: n(itoa(r.IntN(100)))}}}
	sub.Bonus = map[string]int{"award": r.IntN(4), "innovation": r.IntN(3)}
	return sub
}

func itoa(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoa(i/10) + digits[i%10:i%10+1]
}

// One more 好 vote never lowers a score; a gate never raises one; every
// score lies within [0, max + bonus].
func TestScoreProperties(t *testing.T) {
	sc, err := assess.Compile(workedScheme())
	require.NoError(t, err)
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 500; i++ {
		sub := randomSubject(r, "s")
		base, err := sc.Score(sub)
		if errors.Is(err, assess.ErrInput) {
			continue // too few raters in a group: the 测评 is invalid, no score to compare
		}
		require.NoError(t, err)
		require.GreaterOrEqual(t, base.Total.Cmp(assess.Score{}), 0)
		require.LessOrEqual(t, base.Total.Cmp(sc.Max()), 0)
		for _, g := range []string{"leaders", "members", "masses"} {
			more := sub
			more.Votes = map[string]map[string]assess.Ballots{"votes": {}}
			for k, v := range sub.Votes["votes"] {
				c := map[string]int{}
				for l, x := range v.Counts {
					c[l] = x
				}
				more.Votes["votes"][k] = assess.Ballots{Counts: c}
			}
			more.Votes["votes"][g].Counts["好"]++
			up, err := sc.Score(more)
			require.NoError(t, err)
			require.GreaterOrEqual(t, up.Total.Cmp(base.Total), 0, "one more 好 in %s lowered %s to %s", g, base.Total, up.Total)
		}
		for _, flag := range []string{"corruption", "not_good", "censured"} {
			gated := sub
			gated.Flags = map[string]bool{flag: true}
			g, err := sc.Score(gated)
			require.NoError(t, err)
			require.LessOrEqual(t, g.Total.Cmp(base.Total), 0)
			grades := sc.Grades()
			require.GreaterOrEqual(t, index(grades, g.Grade), index(grades, base.Grade), "a gate never improves the grade")
		}
	}
}

func index(xs []string, x string) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}

// A Scorer is shared by goroutines safely (run under -race).
func TestScorerConcurrent(t *testing.T) {
	sc, err := assess.Compile(workedScheme())
	require.NoError(t, err)
	want, err := sc.Explain(workedSubject())
	require.NoError(t, err)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				got, err := sc.Explain(workedSubject())
				if err != nil || got.Total != want.Total {
					t.Errorf("concurrent score differs: %v %v", got.Total, err)
					return
				}
			}
		}()
	}
	wg.Wait()
}
