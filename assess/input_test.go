package assess_test

import (
	"encoding/json"
	"errors"
	"github.com/dangjian-go/dangjian"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/dangjian-go/dangjian/assess"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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
// denominator) that Explain does not: this compares the two paths on
// thousands of random subjects, invalid ones included.
func TestScoringPathsAgree(t *testing.T) {
	type cohort struct {
		name string
		sc   *assess.Scorer
		subs []assess.Subject
	}
	worked, err := assess.Compile(workedScheme())
	require.NoError(t, err)
	r := rand.New(rand.NewPCG(8, 9))
	var ws []assess.Subject
	for i := range 2000 {
		ws = append(ws, randomSubject(r, "w"+strconv.Itoa(i)))
	}
	var messy []assess.Subject
	for i := range 3000 {
		messy = append(messy, messySubject(r, "m"+strconv.Itoa(i)))
	}
	cohorts := []cohort{{"worked", worked, ws}, {"worked/messy", worked, messy}}
	for _, name := range assess.ReferenceNames() {
		s, err := assess.Reference(name)
		require.NoError(t, err)
		sc, err := assess.Compile(s)
		require.NoError(t, err)
		f, err := os.Open(filepath.Join("testdata", "reference", name+".subjects.json"))
		require.NoError(t, err)
		subs, err := assess.DecodeSubjects(f)
		f.Close()
		require.NoError(t, err)
		cohorts = append(cohorts, cohort{"reference/" + name, sc, subs})
	}
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

// The positional form, built by hand: the worked example's subject slot by
// slot gives the worked example's result.
func TestInputByHand(t *testing.T) {
	sc, err := assess.Compile(workedScheme())
	require.NoError(t, err)
	l := sc.Layout()
	must := func(s assess.Slot, err error) assess.Slot {
		t.Helper()
		require.NoError(t, err)
		return s
	}
	in := sc.NewInput()
	in.Reset("S1", "街道")
	require.NoError(t, in.SetNum(must(l.Value("coverage")), n("85")))
	require.NoError(t, in.SetNum(must(l.Value("project")), n("26.5")))
	for _, item := range []string{"a", "c", "d"} {
		require.NoError(t, in.SetBool(must(l.Item("tasks", item)), true))
	}
	require.NoError(t, in.AddEvent(must(l.Clause("meetings", "missed")), assess.Event{Count: 3}))
	disc := must(l.Clause("meetings", "discipline"))
	require.NoError(t, in.AddEvent(disc, assess.Event{Level: "轻处分", Case: "A"}))
	require.NoError(t, in.AddEvent(disc, assess.Event{Clause: "discipline", Level: "诫勉", Case: "A"}))
	require.NoError(t, in.AddEvent(must(l.Clause("meetings", "attendance")), assess.Event{Value: n("65.5")}))
	votes := map[string]map[string]int{
		"leaders": {"好": 3, "较好": 1},
		"members": {"好": 10, "较好": 5, "一般": 1, "不了解": 2},
		"masses":  {"好": 12, "较好": 6, "一般": 2, "差": 1},
	}
	for g, counts := range votes {
		for level, k := range counts {
			require.NoError(t, in.SetCount(must(l.Level("votes", g, level)), k))
		}
	}
	require.NoError(t, in.SetBallots(must(l.Group("votes", "masses")), 25, 21))
	require.NoError(t, in.SetCount(must(l.Bonus("award")), 3))
	require.NoError(t, in.SetCount(must(l.Bonus("innovation")), 1))

	got, err := sc.ScoreInput(in)
	require.NoError(t, err)
	want, err := sc.Score(workedSubject())
	require.NoError(t, err)
	assert.Equal(t, want, got)
	assert.Equal(t, "94.14", got.Total.String())

	t.Run("reset", func(t *testing.T) {
		in.Reset("empty", "")
		_, err := sc.ScoreInput(in)
		var ie dangjian.Problems
		require.ErrorAs(t, err, &ie)
		assert.Equal(t, `values.coverage (id "empty"): invalid input: no actual value for ratio indicator "coverage" (and 1 more problems)`, err.Error())
	})
	t.Run("paths", func(t *testing.T) {
		assert.Equal(t, "votes.votes.members.counts.不了解", must(l.Level("votes", "members", "不了解")).Path())
		assert.Equal(t, "checked.tasks.c", must(l.Item("tasks", "c")).Path())
		assert.Equal(t, assess.LevelSlot, must(l.Level("votes", "members", "好")).Kind())
		var paths []string
		for _, s := range l.Slots() {
			paths = append(paths, s.Path())
		}
		assert.Equal(t, []string{"values.coverage", "values.project",
			"checked.tasks.a", "checked.tasks.b", "checked.tasks.c", "checked.tasks.d",
			"events.meetings.missed", "events.meetings.discipline", "events.meetings.attendance",
			"votes.votes.leaders", "votes.votes.members", "votes.votes.masses",
			"votes.votes.leaders.counts.好", "votes.votes.leaders.counts.较好", "votes.votes.leaders.counts.一般", "votes.votes.leaders.counts.差", "votes.votes.leaders.counts.不了解",
			"votes.votes.members.counts.好", "votes.votes.members.counts.较好", "votes.votes.members.counts.一般", "votes.votes.members.counts.差", "votes.votes.members.counts.不了解",
			"votes.votes.masses.counts.好", "votes.votes.masses.counts.较好", "votes.votes.masses.counts.一般", "votes.votes.masses.counts.差", "votes.votes.masses.counts.不了解",
			"bonus.award", "bonus.innovation", "flags.corruption", "flags.not_good", "flags.censured"}, paths)
	})
}

// Looking up a slot that does not exist, and using a slot with the wrong
// setter or another scheme's input, are errors naming what is wrong.
func TestInputErrors(t *testing.T) {
	sc, err := assess.Compile(workedScheme())
	require.NoError(t, err)
	other, err := assess.Compile(workedScheme())
	require.NoError(t, err)
	l := sc.Layout()
	lookups := []struct {
		name string
		f    func() (assess.Slot, error)
		want string
	}{
		{"value", func() (assess.Slot, error) { return l.Value("nope") }, `invalid input: no indicator or table reads the value "nope"`},
		{"field", func() (assess.Slot, error) { return l.Field("unit") }, `invalid input: no table reads the text field "unit"`},
		{"item of a non-checklist", func() (assess.Slot, error) { return l.Item("votes", "a") }, `invalid input: "votes" is not a checklist indicator of the scheme`},
		{"item", func() (assess.Slot, error) { return l.Item("tasks", "z") }, `invalid input: "z" is not an item of the checklist "tasks"`},
		{"clause", func() (assess.Slot, error) { return l.Clause("meetings", "z") }, `invalid input: "z" is not a clause of the indicator "meetings"`},
		{"group", func() (assess.Slot, error) { return l.Group("votes", "z") }, `invalid input: "z" is not a rater group of the indicator "votes"`},
		{"level", func() (assess.Slot, error) { return l.Level("votes", "leaders", "优") }, `invalid input: "优" is not a level of the indicator "votes"`},
		{"empty level", func() (assess.Slot, error) { return l.Level("votes", "leaders", "") }, `invalid input: "" is not a level of the indicator "votes"`},
		{"bonus", func() (assess.Slot, error) { return l.Bonus("z") }, `invalid input: "z" is not a bonus item`},
		{"flag", func() (assess.Slot, error) { return l.Flag("z") }, `invalid input: no gate reads the flag "z"`},
	}
	for _, tt := range lookups {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.f()
			require.ErrorIs(t, err, assess.ErrInput)
			assert.EqualError(t, err, tt.want)
		})
	}
	in := sc.NewInput()
	item, _ := l.Item("tasks", "a")
	clause, _ := l.Clause("meetings", "missed")
	foreign, _ := other.Layout().Value("coverage")
	assert.EqualError(t, in.SetNum(item, n("1")), "invalid input: slot item checked.tasks.a is of kind item, not value")
	assert.EqualError(t, in.SetNum(assess.Slot{}, n("1")), "invalid input: the zero Slot addresses no input")
	assert.EqualError(t, in.SetNum(foreign, n("1")), "invalid input: slot value values.coverage belongs to another scheme's layout")
	assert.EqualError(t, in.AddEvent(clause, assess.Event{Clause: "discipline"}),
		`invalid input: event names clause "discipline" but the slot is clause events.meetings.missed`)
	_, err = sc.ScoreInput(other.NewInput())
	assert.EqualError(t, err, "invalid input: the input was not made by this scorer's NewInput")
	_, err = sc.ScoreInput(nil)
	require.ErrorIs(t, err, assess.ErrInput)
	assert.True(t, errors.Is(sc.Fill(other.NewInput(), workedSubject()), assess.ErrInput))
}

// workedCohort is the worked scheme, compiled, and n random subjects of it
// (randomSubject, seeded) that it scores without error.
func workedCohort(t *testing.T, n int, seed uint64) (*assess.Scorer, []assess.Subject) {
	t.Helper()
	sc, err := assess.Compile(workedScheme())
	require.NoError(t, err)
	r := rand.New(rand.NewPCG(seed, seed+1))
	subs := make([]assess.Subject, 0, n)
	for i := 0; len(subs) < n; i++ {
		sub := randomSubject(r, "w"+strconv.Itoa(i))
		if _, err := sc.Score(sub); err == nil {
			subs = append(subs, sub)
		}
	}
	return sc, subs
}

// ScoreInto reusing one Result and one Input allocates nothing.
func TestScoreIntoNoAlloc(t *testing.T) {
	sc, subs := workedCohort(t, 50, 3)
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
	fresh := testing.AllocsPerRun(100, func() {
		for _, sub := range subs {
			if err := sc.Fill(in, sub); err != nil {
				t.Fatal(err)
			}
			if _, err := sc.ExplainInput(in); err != nil {
				t.Fatal(err)
			}
		}
	})
	t.Logf("%d subjects: ExplainInto %.0f allocations, ExplainInput %.0f", len(subs), allocs, fresh)
	// The worked scheme's trace has about nine texts per subject (its
	// tables, cases and caps make more than place/yanji's scheme, which
	// stays within four); -race adds about one (sync.Pool drops items).
	assert.LessOrEqual(t, allocs, float64(12*len(subs)), "the texts, and notes where there are any")
	assert.Less(t, allocs, 0.7*fresh, "fewer than a fresh trace: the nodes are reused")
}

// messySubject is a random subject of the worked scheme with what real
// input gets wrong or unusual: missing, void and all-不了解 rater groups,
// negative counts, unknown keys, levels and items, repeated items, cases,
// events without a value, flags.
func messySubject(r *rand.Rand, id string) assess.Subject {
	sub := randomSubject(r, id)
	maybe := func(k int) bool { return r.IntN(k) == 0 }
	votes := sub.Votes["votes"]
	for _, g := range []string{"leaders", "members", "masses"} {
		b := votes[g]
		switch {
		case maybe(12):
			delete(votes, g)
			continue
		case maybe(12):
			b.Issued, b.Returned = 10, 12 // void
		case maybe(12):
			b.Counts = map[string]int{"不了解": 6}
		case maybe(40):
			b.Counts["差"] = -1
		case maybe(40):
			b.Counts["优"] = 2
		case maybe(40):
			b.Issued = -1
		}
		votes[g] = b
	}
	if maybe(40) {
		votes["others"] = assess.Ballots{Counts: map[string]int{"好": 1}}
	}
	if maybe(3) {
		sub.Checked = map[string][]string{"tasks": []string{"a", "b", "c", "d"}[:r.IntN(5)]}
	}
	if maybe(40) {
		sub.Checked["tasks"] = append(sub.Checked["tasks"], "a", "z")
	}
	if maybe(4) {
		sub.Events["meetings"] = append(sub.Events["meetings"],
			assess.Event{Clause: "discipline", Level: []string{"诫勉", "轻处分", "重处分"}[r.IntN(3)], Case: "K"},
			assess.Event{Clause: "discipline", Level: "重处分", Case: "K"})
	}
	if maybe(40) {
		sub.Events["meetings"] = append(sub.Events["meetings"], assess.Event{Clause: "attendance"})
	}
	if maybe(40) {
		sub.Events["meetings"] = append(sub.Events["meetings"], assess.Event{Clause: "nope"}, assess.Event{Clause: "missed", Count: -2})
	}
	if maybe(40) {
		sub.Events["unknown"] = []assess.Event{{Clause: "x"}}
	}
	if maybe(5) {
		sub.Flags = map[string]bool{"corruption": maybe(2), "not_good": maybe(2), "censured": maybe(2)}
	}
	if maybe(40) {
		sub.Flags = map[string]bool{"nope": true}
	}
	if maybe(40) {
		sub.Bonus["nope"] = 1
	}
	if maybe(40) {
		sub.Bonus["award"] = -1
	}
	if maybe(20) {
		delete(sub.Values, "project")
	}
	return sub
}

// One Scorer shared by goroutines, each with its own Input and Result,
// gives every goroutine the results a single goroutine gets (run with
// -race).
func TestInputConcurrent(t *testing.T) {
	sc, subs := workedCohort(t, 400, 5)
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
	sc, subs := workedCohort(t, 300, 23)
	l := sc.Layout()
	r := rand.New(rand.NewPCG(21, 22))
	for _, sub := range subs {
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
	sc, subs := workedCohort(t, 200, 31)
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
