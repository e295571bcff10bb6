package yanji_test

import (
	"encoding/json"
	"math/rand/v2"
	"runtime"
	"strconv"
	"sync"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
	"github.com/dangjian-go/dangjian/place/yanji"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The scheme is the richest the module ships (nine indicators of five
// methods, three rater groups, a bonus pool, gates): these tests and
// benchmarks run the engine's scoring paths on a large synthetic cohort of
// the city's secretaries.

// cohort is n synthetic secretaries under the scheme
// (nine indicators and the 民主测评), each with 30 votes (three rater groups
// of ten), a few deduction events, checked items, values with one decimal,
// an occasional bonus and, rarely, a gate's flag. Deterministic in seed.
func cohort(n int, seed uint64) []assess.Subject {
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

// scorer is the scheme, compiled.
func scorer(tb testing.TB) *assess.Scorer {
	tb.Helper()
	s, err := yanji.Scheme()
	require.NoError(tb, err)
	sc, err := assess.Compile(s)
	require.NoError(tb, err)
	return sc
}

// scoreOnly drops what only Explain records, for comparing a result of
// Score with one of Explain.
func scoreOnly(r assess.Result) assess.Result {
	out := assess.Result{Subject: r.Subject, Category: r.Category, Total: r.Total, Max: r.Max, Components: r.Components,
		Bonus: r.Bonus, Gates: r.Gates, Grade: r.Grade, Eligible: r.Eligible, Ballots: r.Ballots}
	if len(out.Gates) == 0 { // ScoreInto keeps its buffers, empty
		out.Gates = nil
	}
	if len(out.Ballots) == 0 {
		out.Ballots = nil
	}
	return out
}

// same asserts two ways of scoring one subject agree: the same result, or
// the same error.
func same(t *testing.T, want assess.Result, wantErr error, got assess.Result, gotErr error, what string) {
	t.Helper()
	if wantErr != nil {
		require.Error(t, gotErr, what)
		assert.Equal(t, wantErr.Error(), gotErr.Error(), what)
		return
	}
	require.NoError(t, gotErr, what)
	assert.Equal(t, scoreOnly(want), scoreOnly(got), what)
}

// Every way of scoring gives the same result on the same data: Score on the
// Subject, Explain on it, ScoreInput and ExplainInput on the Input that
// Fill makes of it, and ScoreInto reusing one Result. Score takes integer
// shortcuts (the votes of whole points by weights of a common small
// denominator) that Explain does not: this compares the paths on 3000
// synthetic secretaries and on the worked ones.
func TestScoringPathsAgree(t *testing.T) {
	type set struct {
		name string
		sc   *assess.Scorer
		subs []assess.Subject
	}
	_, sc, worked := loadScheme(t)
	cohorts := []set{{"synthetic", sc, cohort(3000, 11)}, {"worked", sc, worked}}
	for _, c := range cohorts {
		t.Run(c.name, func(t *testing.T) {
			in := c.sc.NewInput()
			var into, exInto assess.Result
			invalid := 0
			for _, sub := range c.subs {
				want, wantErr := c.sc.Score(sub)
				if wantErr != nil {
					invalid++
				}
				ex, exErr := c.sc.Explain(sub)
				same(t, want, wantErr, ex, exErr, sub.ID+": Explain")
				fillErr := c.sc.Fill(in, sub)
				if fillErr != nil {
					require.Error(t, wantErr, "%s: Fill reports what Score reports", sub.ID)
					var ie dangjian.Problems
					require.ErrorAs(t, wantErr, &ie)
					continue
				}
				got, gotErr := c.sc.ScoreInput(in)
				same(t, want, wantErr, got, gotErr, sub.ID+": ScoreInput")
				exIn, exInErr := c.sc.ExplainInput(in)
				same(t, ex, exErr, exIn, exInErr, sub.ID+": ExplainInput")
				if exErr == nil {
					assert.Equal(t, ex.Trace, exIn.Trace, sub.ID)
				}
				intoErr := c.sc.ScoreInto(&into, in)
				same(t, want, wantErr, into, intoErr, sub.ID+": ScoreInto")
				exIntoErr := c.sc.ExplainInto(&exInto, in)
				same(t, ex, exErr, exInto, exIntoErr, sub.ID+": ExplainInto")
				if exErr == nil {
					assert.Equal(t, ex.Trace, exInto.Trace, sub.ID+": ExplainInto's trace")
				}
			}
			t.Logf("%d subjects, %d invalid", len(c.subs), invalid)
		})
	}
}

// ScoreInto reusing one Result and one Input allocates nothing.
func TestScoreIntoNoAlloc(t *testing.T) {
	sc := scorer(t)
	subs := cohort(50, 3)
	in := sc.NewInput()
	var res assess.Result
	allocs := testing.AllocsPerRun(100, func() {
		for _, sub := range subs {
			if err := sc.Fill(in, sub); err != nil {
				t.Fatal(err)
			}
			if err := sc.ScoreInto(&res, in); err != nil {
				t.Fatal(err)
			}
		}
	})
	assert.Zero(t, allocs)

	// ExplainInto reuses the trace's memory: it allocates the texts only.
	allocs = testing.AllocsPerRun(100, func() {
		for _, sub := range subs {
			if err := sc.Fill(in, sub); err != nil {
				t.Fatal(err)
			}
			if err := sc.ExplainInto(&res, in); err != nil {
				t.Fatal(err)
			}
		}
	})
	assert.LessOrEqual(t, allocs, float64(4*len(subs)), "the texts, and notes where there are any")
}

// One Scorer shared by goroutines, each with its own Input and Result,
// gives every goroutine the results a single goroutine gets (run with
// -race).
func TestInputConcurrent(t *testing.T) {
	sc := scorer(t)
	subs := cohort(400, 5)
	want := make([]assess.Result, len(subs))
	for i, sub := range subs {
		var err error
		want[i], err = sc.Score(sub)
		require.NoError(t, err)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			in := sc.NewInput()
			var res assess.Result
			for i := g; i < len(subs); i += 2 {
				if err := sc.Fill(in, subs[i]); err != nil {
					t.Error(err)
					return
				}
				if err := sc.ScoreInto(&res, in); err != nil {
					t.Error(err)
					return
				}
				if res.Total != want[i].Total || res.Grade != want[i].Grade {
					t.Errorf("%s: %s %s, want %s %s", subs[i].ID, res.Total, res.Grade, want[i].Total, want[i].Grade)
				}
				if g%2 == 0 {
					if _, err := sc.Explain(subs[i]); err != nil {
						t.Error(err)
					}
				}
			}
		}()
	}
	wg.Wait()
}

// Events added in any order score as events added leaf by leaf: the
// scorer's cursor over grouped events and its full scan over mixed ones
// agree.
func TestEventsAnyOrder(t *testing.T) {
	sc := scorer(t)
	l := sc.Layout()
	r := rand.New(rand.NewPCG(21, 22))
	for _, sub := range cohort(300, 23) {
		grouped := sc.NewInput()
		require.NoError(t, sc.Fill(grouped, sub))
		want, err := sc.ScoreInput(grouped)
		require.NoError(t, err)

		mixed := sc.NewInput()
		noEvents := sub
		noEvents.Events = nil
		require.NoError(t, sc.Fill(mixed, noEvents))
		type ev struct {
			ind string
			e   assess.Event
		}
		var all []ev
		for ind, es := range sub.Events {
			for _, e := range es {
				all = append(all, ev{ind, e})
			}
		}
		r.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
		for _, x := range all {
			slot, err := l.Clause(x.ind, x.e.Clause)
			require.NoError(t, err)
			require.NoError(t, mixed.AddEvent(slot, x.e))
		}
		got, err := sc.ScoreInput(mixed)
		require.NoError(t, err)
		assert.Equal(t, want, got, sub.ID)
	}
}

// A trace's texts are cut from a shared buffer: traces kept while others
// are made must not change (the buffer is only ever appended to).
func TestTracesStayIntact(t *testing.T) {
	sc := scorer(t)
	subs := cohort(200, 31)
	kept := make([]assess.Result, len(subs))
	for i, sub := range subs {
		var err error
		kept[i], err = sc.Explain(sub)
		require.NoError(t, err)
	}
	for i, sub := range subs {
		again, err := sc.Explain(sub)
		require.NoError(t, err)
		require.Equal(t, again.Trace, kept[i].Trace, sub.ID)
		b1, err := json.Marshal(kept[i])
		require.NoError(t, err)
		b2, err := json.Marshal(again)
		require.NoError(t, err)
		require.JSONEq(t, string(b2), string(b1))
	}
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

// BenchmarkInput scores a cohort of 100k secretaries on the
// scheme, 30 votes each, from the positional form: each
// secretary's Input is filled beforehand (the Subjects are not kept), and
// the scorer reuses one Result (ScoreInto, ExplainInto). Without and with
// the trace; trace=on/new makes a new trace for every subject
// (ExplainInput), as a caller that keeps them all must.
func BenchmarkInput(b *testing.B) {
	sc := scorer(b)
	subs := cohort(100_000, 2025)
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

// BenchmarkSubject scores the same cohort from the Subject form (maps),
// which fills a pooled Input on every call; and times Fill alone.
func BenchmarkSubject(b *testing.B) {
	sc := scorer(b)
	subs := cohort(100_000, 2025)
	runtime.GC()
	runBench(b, "trace=off", len(subs), func(i int) (err error) { sinkResult, err = sc.Score(subs[i]); return })
	runBench(b, "trace=on", len(subs), func(i int) (err error) { sinkResult, err = sc.Explain(subs[i]); return })
	in := sc.NewInput()
	runBench(b, "Fill", len(subs), func(i int) error { return sc.Fill(in, subs[i]) })
}

// BenchmarkInput1k is BenchmarkInput on a cohort of 1,000: the
// inputs stay in the CPU caches, so this is the scorer's own cost.
func BenchmarkInput1k(b *testing.B) {
	sc := scorer(b)
	subs := cohort(1_000, 2025)
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
