package orglife

import (
	"math/rand/v2"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/stretchr/testify/require"
)

// shortfall sums every shortfall of the window.
func shortfall(c *Checker) (short, held int) {
	for pc := range c.Periods() {
		short += pc.Shortfall
		held += pc.Held
	}
	return short, held
}

// Adding a meeting never raises the shortfall and never lowers what was
// held, in any order; the counts do not depend on the order of the
// meetings. (What a bridge into a score relies on: more meetings never
// mean more shortfall.)
func TestPropertyMoreMeetingsNeverMoreShortfall(t *testing.T) {
	rs := NationalRules().With(LectureQuarterly())
	orgs := []string{"C", "B1", "G1", "B2"}
	types := Types()
	rng := rand.New(rand.NewPCG(13, 2024))
	for run := range 50 {
		var ms []Meeting
		for range rng.IntN(80) {
			exp := int64(1 + rng.IntN(12))
			m := Meeting{Org: orgs[rng.IntN(len(orgs))], Type: types[rng.IntN(len(types))],
				Date:     dangjian.NewDate(2023+rng.IntN(3), 1, 1).AddDays(rng.IntN(366)),
				Expected: exp, Present: rng.Int64N(exp + 1)}
			if rng.IntN(4) == 0 {
				m.Also = []Type{types[rng.IntN(len(types))]}
			}
			if rng.IntN(3) == 0 {
				m.Voting, m.VotingExpected = true, 1+rng.Int64N(exp)
				m.VotingPresent = rng.Int64N(min(m.VotingExpected, m.Present) + 1)
			}
			if rng.IntN(5) == 0 {
				m.Year = 2023 + rng.IntN(3)
			}
			ms = append(ms, m)
		}
		c := newChecker(t, rs, "2024-01-01", "2025-01-01", Options{})
		short, held := shortfall(c)
		for _, m := range ms {
			require.NoError(t, c.Add(m))
			s, h := shortfall(c)
			require.LessOrEqual(t, s, short, "run %d: %+v raised the shortfall", run, m)
			require.GreaterOrEqual(t, h, held, "run %d", run)
			short, held = s, h
		}
		// The same meetings in reverse order: the same counts and findings.
		r := newChecker(t, rs, "2024-01-01", "2025-01-01", Options{})
		for i := len(ms) - 1; i >= 0; i-- {
			require.NoError(t, r.Add(ms[i]))
		}
		require.Equal(t, c.Summary(), r.Summary(), "run %d", run)
		require.Equal(t, len(c.Findings()), len(r.Findings()), "run %d", run)
	}
}
