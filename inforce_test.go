package dangjian_test

import (
	"errors"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/dangjian-go/dangjian"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func tr(id, from, to, topic string) testRule {
	var p dangjian.Period
	if from != "" {
		p.From = dangjian.MustParseDate(from)
	}
	if to != "" {
		p.To = dangjian.MustParseDate(to)
	}
	return testRule{dangjian.Rule{ID: id, Period: p, Source: src()}, topic}
}

func ids(rs []testRule) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}

func TestInForce(t *testing.T) {
	table := []testRule{
		tr("A-OLD", "", "2017-01-01", "a"),
		tr("A-NEW", "2017-01-01", "", "a"),
		tr("B", "2010-01-01", "2020-01-01", "b"),
		tr("C-ALWAYS", "", "", "c"),
	}
	topic := func(t string) func(testRule) bool { return func(r testRule) bool { return r.topic == t } }
	tests := []struct {
		name  string
		on    string
		match func(testRule) bool
		want  string // "" for none
		all   []string
	}{
		{"last day of the old window", "2016-12-31", topic("a"), "A-OLD", []string{"A-OLD"}},
		{"From is inside", "2017-01-01", topic("a"), "A-NEW", []string{"A-NEW"}},
		{"To is outside", "2020-01-01", topic("b"), "", nil},
		{"day before To", "2019-12-31", topic("b"), "B", []string{"B"}},
		{"day before From", "2009-12-31", topic("b"), "", nil},
		{"open both ends", "1900-01-01", topic("c"), "C-ALWAYS", []string{"C-ALWAYS"}},
		{"nil matches all, first in table order", "2015-06-01", nil, "A-OLD", []string{"A-OLD", "B", "C-ALWAYS"}},
		{"no such topic", "2015-06-01", topic("z"), "", nil},
		{"zero date: only rules with no start", "", nil, "A-OLD", []string{"A-OLD", "C-ALWAYS"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var on dangjian.Date
			if tt.on != "" {
				on = dangjian.MustParseDate(tt.on)
			}
			got, ok := dangjian.InForce(table, on, tt.match)
			assert.Equal(t, tt.want != "", ok)
			assert.Equal(t, tt.want, got.ID)
			assert.Equal(t, tt.all, ids(dangjian.AllInForce(table, on, tt.match)))
			var each []string
			for i, r := range dangjian.EachInForce(table, on, tt.match) {
				assert.Equal(t, table[i], r)
				each = append(each, r.ID)
			}
			assert.Equal(t, tt.all, each)
		})
	}
}

func TestOneInForce(t *testing.T) {
	d := dangjian.MustParseDate
	table := []testRule{
		tr("A-OLD", "", "2017-01-01", "a"),
		tr("A-NEW", "2017-01-01", "", "a"),
		tr("A-BAD", "2018-01-01", "2019-01-01", "a"), // overlaps A-NEW
	}
	a := func(r testRule) bool { return r.topic == "a" }

	got, err := dangjian.OneInForce(table, d("2016-05-01"), "topic a", a)
	require.NoError(t, err)
	assert.Equal(t, "A-OLD", got.ID)

	_, err = dangjian.OneInForce(table, d("2018-05-01"), "topic a", a)
	require.Error(t, err)
	assert.True(t, errors.Is(err, dangjian.ErrAmbiguousRule))
	assert.True(t, errors.Is(err, dangjian.ErrBadRule))
	assert.Equal(t, `topic a: more than one rule in force: the rules' periods overlap on 2018-05-01 ("2018-05-01") [A-NEW, A-BAD]`, err.Error())

	_, err = dangjian.OneInForce(table, d("2018-05-01"), "topic b", func(r testRule) bool { return r.topic == "b" })
	require.Error(t, err)
	assert.True(t, errors.Is(err, dangjian.ErrNoRule))
	assert.Equal(t, `topic b: no rule in force: none in force on 2018-05-01 ("2018-05-01")`, err.Error())
	var p *dangjian.Problem
	require.True(t, errors.As(err, &p))
	assert.Equal(t, "no_rule", p.Code())
	assert.Equal(t, "2018-05-01", p.Value)

	_, err = dangjian.OneInForce[testRule](nil, dangjian.Date{}, "", nil)
	assert.Equal(t, `no rule in force: none in force on the zero date`, err.Error())
}

// randDate returns a date in 2000..2003, or the zero date one time in
// twenty when zero is allowed.
func randDate(r *rand.Rand, zero bool) dangjian.Date {
	if zero && r.IntN(20) == 0 {
		return dangjian.Date{}
	}
	return dangjian.NewDate(2000, time.January, 1).AddDays(r.IntN(4 * 366))
}

// contains is the definition of a half-open window, stated with Compare.
func contains(p dangjian.Period, d dangjian.Date) bool {
	return (p.From.IsZero() || p.From.Compare(d) <= 0) && (p.To.IsZero() || d.Compare(p.To) < 0)
}

// TestInForceProperty: over random tables of dated versions that tile the
// time line (as CheckRules requires of one topic), InForce finds exactly
// the version whose window [From, To) holds the date, and OneInForce
// agrees; over random tables with arbitrary windows AllInForce is the
// filter by definition, InForce its first element and OneInForce succeeds
// exactly when there is one.
func TestInForceProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 5))
	for range 2000 {
		// Tiling: sorted distinct cut dates, first and last open or not.
		var cuts []dangjian.Date
		for range r.IntN(5) {
			cuts = append(cuts, randDate(r, false))
		}
		slices.SortFunc(cuts, dangjian.Date.Compare)
		cuts = slices.Compact(cuts)
		bounds := append(append([]dangjian.Date{{}}, cuts...), dangjian.Date{})
		if r.IntN(2) == 0 && len(cuts) > 0 {
			bounds = bounds[1:] // the first version has a start
		}
		var tiles []testRule
		for i := 0; i+1 < len(bounds); i++ {
			tiles = append(tiles, testRule{dangjian.Rule{ID: string(rune('A' + i)), Period: dangjian.Period{From: bounds[i], To: bounds[i+1]}, Source: src()}, "t"})
		}
		r.Shuffle(len(tiles), func(i, j int) { tiles[i], tiles[j] = tiles[j], tiles[i] })
		require.NoError(t, dangjian.CheckRules(tiles, func(x testRule) string { return x.topic }))
		on := randDate(r, true)
		var want []testRule
		for _, x := range tiles {
			if contains(x.Period, on) {
				want = append(want, x)
			}
		}
		require.LessOrEqual(t, len(want), 1)
		got, ok := dangjian.InForce(tiles, on, nil)
		one, err := dangjian.OneInForce(tiles, on, "t", nil)
		if len(want) == 1 {
			require.True(t, ok)
			require.Equal(t, want[0], got)
			require.NoError(t, err)
			require.Equal(t, want[0], one)
		} else {
			require.False(t, ok, "%s in %v", on, tiles)
			require.ErrorIs(t, err, dangjian.ErrNoRule)
		}

		// Arbitrary windows, possibly overlapping, with a match.
		var any []testRule
		for i := range r.IntN(6) {
			var p dangjian.Period
			if r.IntN(3) > 0 {
				p.From = randDate(r, false)
			}
			if r.IntN(3) > 0 {
				p.To = randDate(r, false)
			}
			any = append(any, testRule{dangjian.Rule{ID: string(rune('a' + i)), Period: p}, string(rune('x' + r.IntN(2)))})
		}
		match := func(x testRule) bool { return x.topic == "x" }
		var all []testRule
		for _, x := range any {
			if contains(x.Period, on) && match(x) {
				all = append(all, x)
			}
		}
		require.Equal(t, all, dangjian.AllInForce(any, on, match))
		first, ok := dangjian.InForce(any, on, match)
		require.Equal(t, len(all) > 0, ok)
		if ok {
			require.Equal(t, all[0], first)
		}
		one, err = dangjian.OneInForce(any, on, "x", match)
		switch len(all) {
		case 0:
			require.ErrorIs(t, err, dangjian.ErrNoRule)
		case 1:
			require.NoError(t, err)
			require.Equal(t, all[0], one)
		default:
			require.ErrorIs(t, err, dangjian.ErrAmbiguousRule)
		}
	}
}

func TestInForceDoesNotAllocate(t *testing.T) {
	table := []testRule{tr("A-OLD", "", "2017-01-01", "a"), tr("A-NEW", "2017-01-01", "", "a")}
	on := dangjian.MustParseDate("2020-01-01")
	match := func(r testRule) bool { return r.topic == "a" }
	n := testing.AllocsPerRun(100, func() {
		if _, ok := dangjian.InForce(table, on, match); !ok {
			t.Fatal("none")
		}
		if _, err := dangjian.OneInForce(table, on, "a", match); err != nil {
			t.Fatal(err)
		}
		n := 0
		for range dangjian.EachInForce(table, on, match) {
			n++
		}
		if n != 1 {
			t.Fatal(n)
		}
	})
	assert.Zero(t, n)
}
