package assess_test

import (
	"math/rand/v2"
	"runtime"
	"strconv"
	"testing"

	"github.com/dangjian-go/dangjian/assess"
)

// yanjiCohort is n synthetic secretaries under the Yanji reference scheme
// (nine indicators and the 民主测评), each with 30 votes (three rater groups
// of ten), a few deduction events, checked items, values with one decimal,
// an occasional bonus and, rarely, a gate's flag. Deterministic in seed.
func yanjiCohort(n int, seed uint64) []assess.Subject {
	r := rand.New(rand.NewPCG(seed, 7))
	cats := []string{"街道", "社区", "村"}
	num := func(lo, hi int) assess.Num { // one decimal in [lo, hi]
		return assess.MustNum(strconv.FormatFloat(float64(lo*10+r.IntN((hi-lo)*10+1))/10, 'f', 1, 64))
	}
	pick := func(items []string) []string {
		var out []string
		for _, it := range items {
			if r.IntN(4) != 0 {
				out = append(out, it)
			}
		}
		return out
	}
	events := func(clauses []string, k int) []assess.Event {
		var out []assess.Event
		for range r.IntN(k + 1) {
			out = append(out, assess.Event{Clause: clauses[r.IntN(len(clauses))], Count: 1 + r.IntN(3)})
		}
		return out
	}
	ten := func(unknown bool) assess.Ballots {
		a := 3 + r.IntN(8)
		b := r.IntN(11 - a)
		c := r.IntN(11 - a - b)
		d := 10 - a - b - c
		counts := map[string]int{"好": a, "较好": b, "一般": c, "差": d}
		if unknown && d > 0 {
			counts["差"], counts["不了解"] = d-1, 1
		}
		return assess.Ballots{Counts: counts}
	}
	out := make([]assess.Subject, n)
	for i := range out {
		s := assess.Subject{ID: "s" + strconv.Itoa(i), Category: cats[i%3],
			Values: map[string]assess.Num{"jianshi": num(60, 110), "baozhang": num(70, 100), "pinpai": num(0, 10)},
			Checked: map[string][]string{
				"yanshi": pick([]string{"documents", "organs_in_community", "four_lists", "four_level", "cadres_serve"}),
				"duiwu":  pick([]string{"first_secretary", "reserve_pool", "community_workers", "nonpublic_instructors"}),
				"fuwu":   pick([]string{"creation_targets", "service_posts", "service_actions", "joint_agreements"}),
			},
			Events: map[string][]assess.Event{
				"yashi":  events([]string{"leading_group", "contact_point", "work_day", "regular_meeting", "dual_duty"}, 3),
				"zhendi": append(events([]string{"venue_standard", "venue_misuse"}, 1), assess.Event{Clause: "platform_use", Value: num(80, 100)}),
				"zaiti":  events([]string{"dangjian_plus", "five_step", "three_heads", "love_market"}, 2),
			},
			Votes: map[string]map[string]assess.Ballots{"ceping": {"leaders": ten(false), "members": ten(true), "masses": ten(true)}},
		}
		if r.IntN(5) == 0 {
			s.Bonus = map[string]int{"project_award_city": 1 + r.IntN(2)}
		}
		if r.IntN(50) == 0 {
			s.Flags = map[string]bool{"censured": true}
		}
		out[i] = s
	}
	return out
}

func yanjiScheme(tb testing.TB) *assess.Scorer {
	s, err := assess.Reference("yanji-shuzhi")
	if err != nil {
		tb.Fatal(err)
	}
	sc, err := assess.Compile(s)
	if err != nil {
		tb.Fatal(err)
	}
	return sc
}

var sinkResult assess.Result

func runBench(b *testing.B, name string, n int, f func(i int) error) {
	b.Run(name, func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if err := f(i % n); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "subjects/s")
	})
}

// BenchmarkYanjiInput scores a cohort of 100k secretaries on the Yanji
// reference scheme, 30 votes each, from the positional form: each
// secretary's Input is filled beforehand (the Subjects are not kept), and
// the scorer reuses one Result (ScoreInto, ExplainInto). Without and with
// the trace; trace=on/new makes a new trace for every subject
// (ExplainInput), as a caller that keeps them all must.
func BenchmarkYanjiInput(b *testing.B) {
	sc := yanjiScheme(b)
	subs := yanjiCohort(100_000, 2025)
	ins := make([]*assess.Input, len(subs))
	for i, sub := range subs {
		ins[i] = sc.NewInput()
		if err := sc.Fill(ins[i], sub); err != nil {
			b.Fatal(err)
		}
	}
	subs = nil
	runtime.GC()
	var res, tres assess.Result
	runBench(b, "trace=off", len(ins), func(i int) error { return sc.ScoreInto(&res, ins[i]) })
	runBench(b, "trace=on", len(ins), func(i int) error { return sc.ExplainInto(&tres, ins[i]) })
	runBench(b, "trace=on/new", len(ins), func(i int) (err error) { sinkResult, err = sc.ExplainInput(ins[i]); return })
}

// BenchmarkYanjiSubject scores the same cohort from the Subject form (maps),
// which fills a pooled Input on every call; and times Fill alone.
func BenchmarkYanjiSubject(b *testing.B) {
	sc := yanjiScheme(b)
	subs := yanjiCohort(100_000, 2025)
	runtime.GC()
	runBench(b, "trace=off", len(subs), func(i int) (err error) { sinkResult, err = sc.Score(subs[i]); return })
	runBench(b, "trace=on", len(subs), func(i int) (err error) { sinkResult, err = sc.Explain(subs[i]); return })
	in := sc.NewInput()
	runBench(b, "Fill", len(subs), func(i int) error { return sc.Fill(in, subs[i]) })
}

// BenchmarkYanjiInput1k is BenchmarkYanjiInput on a cohort of 1,000: the
// inputs stay in the CPU caches, so this is the scorer's own cost.
func BenchmarkYanjiInput1k(b *testing.B) {
	sc := yanjiScheme(b)
	subs := yanjiCohort(1_000, 2025)
	ins := make([]*assess.Input, len(subs))
	for i, sub := range subs {
		ins[i] = sc.NewInput()
		if err := sc.Fill(ins[i], sub); err != nil {
			b.Fatal(err)
		}
	}
	var res, tres assess.Result
	runBench(b, "trace=off", len(ins), func(i int) error { return sc.ScoreInto(&res, ins[i]) })
	runBench(b, "trace=on", len(ins), func(i int) error { return sc.ExplainInto(&tres, ins[i]) })
	runBench(b, "trace=on/new", len(ins), func(i int) (err error) { sinkResult, err = sc.ExplainInput(ins[i]); return })
}
