package assess_test

import (
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/dangjian-go/dangjian/assess"
)

// benchCohort is n subjects on the worked scheme (9-indicator-sized, 30
// votes each: three groups of ten).
func benchCohort(n int) []assess.Subject {
	r := rand.New(rand.NewPCG(2025, 1))
	out := make([]assess.Subject, n)
	for i := range out {
		s := randomSubject(r, "s"+strconv.Itoa(i))
		ten := func() map[string]int {
			a, b := r.IntN(8), r.IntN(3)
			return map[string]int{"好": a, "较好": b, "一般": 10 - a - b}
		}
		s.Votes = map[string]map[string]assess.Ballots{"votes": {"leaders": {Counts: ten()}, "members": {Counts: ten()}, "masses": {Counts: ten()}}}
		out[i] = s
	}
	return out
}

var sinkResult assess.Result

func BenchmarkScore(b *testing.B) {
	sc, err := assess.Compile(workedScheme())
	if err != nil {
		b.Fatal(err)
	}
	subs := benchCohort(100_000)
	for _, mode := range []struct {
		name  string
		trace bool
	}{{"trace=off", false}, {"trace=on", true}} {
		b.Run(mode.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				s := subs[i%len(subs)]
				var err error
				if mode.trace {
					sinkResult, err = sc.Explain(s)
				} else {
					sinkResult, err = sc.Score(s)
				}
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "subjects/s")
		})
	}
}
