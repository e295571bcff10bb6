package assess

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// firstTablesScheme generates a scheme of two FIRST tables of n rules
// each over three number inputs, every rule a random box of intervals:
// the part of a rule that no earlier rule covers splits into many boxes,
// which is what made the reachability check take 28 s at n = 300 and
// never finish at n = 1,000.
func firstTablesScheme(n int) Scheme {
	r := rand.New(rand.NewPCG(uint64(n), 10))
	cell := func() string {
		a, b := r.IntN(100), r.IntN(100)
		if a > b {
			a, b = b, a
		}
		return fmt.Sprintf("%s%d..%d%s", []string{"[", "("}[r.IntN(2)], a, b+1, []string{"]", ")"}[r.IntN(2)])
	}
	table := func() *Table {
		t := &Table{HitPolicy: HitFirst, Inputs: []TableInput{{Name: "x", Kind: NumberInput}, {Name: "y", Kind: NumberInput}, {Name: "z", Kind: NumberInput}}}
		for i := range n {
			t.Rules = append(t.Rules, TableRule{ID: "r" + strconv.Itoa(i), When: []string{cell(), cell(), cell()}, Points: MustNum("1")})
		}
		return t
	}
	leaf := func(id string) Indicator {
		return Indicator{ID: id, Name: id, Max: MustNum("5"), Method: &Method{Kind: TableMethod, Table: table()}}
	}
	return Scheme{Name: "first tables", Components: []Component{{ID: "c", Name: "c", Weight: MustNum("1"), Max: MustNum("10"),
		Indicators: []Indicator{leaf("t1"), leaf("t2")}}},
		Bands: []Band{{Grade: "all", From: MustNum("0")}}}
}

// The generated schemes are the size of the issue's: 41 KB of JSON for
// two tables of 300 rules.
func TestFirstTablesSchemeSize(t *testing.T) {
	b, err := json.Marshal(firstTablesScheme(300))
	require.NoError(t, err)
	assert.InDelta(t, 41_000, len(b), 2_000)
}

// reachWarnings splits a scorer's warnings: the rules reported dead (path
// and rule) and the tables whose check was not completed (path → the
// first rule not judged).
func reachWarnings(t *testing.T, sc *Scorer) (dead []string, incomplete map[string]string) {
	t.Helper()
	incomplete = map[string]string{}
	for _, w := range sc.Warnings() {
		switch {
		case errors.Is(w, ErrUnreachable):
			dead = append(dead, w.Path+" "+w.Value)
		case errors.Is(w, ErrReachLimit):
			require.True(t, errors.Is(w, ErrLimit), "a kind of dangjian.ErrLimit")
			incomplete[w.Path] = w.Value
		default:
			t.Fatalf("unexpected warning %v", w)
		}
	}
	return dead, incomplete
}

const (
	table1 = "components[0].indicators[0].method.table"
	table2 = "components[0].indicators[1].method.table"
)

// Two FIRST tables of 300 rules each are checked in full within the
// default budget (they took 28 s before the budget and the disjoint-box
// shortcut).
func TestFirstTablesChecked(t *testing.T) {
	sc, err := Compile(firstTablesScheme(300))
	require.NoError(t, err)
	dead, incomplete := reachWarnings(t, sc)
	assert.Empty(t, incomplete, "fully checked")
	assert.NotEmpty(t, dead)
}

// Two FIRST tables of 1,000 rules each (which never finished) spend the
// default budget within the first table: the check stops there, and each
// table gets one warning naming it and the first rule not judged (r1 for
// the second, not checked at all); the scheme compiles. With the budget
// raised the check completes.
func TestFirstTablesBudget(t *testing.T) {
	s := firstTablesScheme(1000)
	sc, err := Compile(s)
	require.NoError(t, err, "the scheme compiles whatever the budget")
	_, incomplete := reachWarnings(t, sc)
	require.Len(t, incomplete, 2)
	assert.Equal(t, "r1", incomplete[table2])
	var msgs []string
	for _, w := range sc.Warnings() {
		if errors.Is(w, ErrReachLimit) {
			msgs = append(msgs, w.Error())
		}
	}
	require.Len(t, msgs, 2)
	assert.Regexp(t, `^`+regexp.QuoteMeta(table1)+`: reachability check not completed: FIRST: which rules can never fire was judged for \d+ of the table's 1000 rules: the scheme's work budget of 10000000 cell operations ran out at rule "r\d+" \(raise it with assess.WithReachBudget\)$`, msgs[0])
	assert.Equal(t, table2+`: reachability check not completed: FIRST: which rules can never fire was judged for 1 of the table's 1000 rules: the scheme's work budget of 10000000 cell operations ran out at rule "r1" (raise it with assess.WithReachBudget)`, msgs[1])

	sc, err = Compile(s, WithReachBudget(1<<40))
	require.NoError(t, err)
	_, incomplete = reachWarnings(t, sc)
	assert.Empty(t, incomplete, "raised, the budget suffices")
}

// Whatever the budget, a rule reported dead is dead (it is one the full
// check reports), every rule before the first one not judged is judged,
// and every table not fully checked is named, the later ones too.
func TestFirstTablesBudgetNeverGuesses(t *testing.T) {
	s := firstTablesScheme(300)
	sc, err := Compile(s, WithReachBudget(1<<40))
	require.NoError(t, err)
	all, incomplete := reachWarnings(t, sc)
	require.Empty(t, incomplete)
	for _, budget := range []int64{0, 1, 1000, 100_000, 1_000_000, 4_000_000} {
		sc, err := Compile(s, WithReachBudget(budget))
		require.NoError(t, err)
		dead, incomplete := reachWarnings(t, sc)
		require.Subset(t, all, dead, "budget %d", budget)
		require.NotEmpty(t, incomplete, "budget %d", budget)
		// Every dead rule of a table before the one where the budget ran
		// out is reported.
		for _, d := range all {
			path, rule, _ := strings.Cut(d, " ") // "….table.rules[j] rj": rule rj is the table's j-th
			table, _, _ := strings.Cut(path, ".rules[")
			if stop, ok := incomplete[table]; ok && ruleIndex(rule) >= ruleIndex(stop) {
				continue // not judged
			}
			assert.Contains(t, dead, d, "budget %d: judged, so reported", budget)
		}
		if budget < 1_000_000 {
			assert.Contains(t, incomplete, table2, "budget %d: the second table is named too", budget)
		}
	}
	sc, err = Compile(s, WithReachBudget(0))
	require.NoError(t, err)
	dead, incomplete := reachWarnings(t, sc)
	assert.Empty(t, dead)
	assert.Equal(t, map[string]string{table1: "r1", table2: "r1"}, incomplete, "no budget: nothing judged, both tables named")
}

func ruleIndex(id string) int {
	n, err := strconv.Atoi(strings.TrimPrefix(id, "r"))
	if err != nil {
		panic(id)
	}
	return n
}

// BenchmarkCompileFirstTables compiles two FIRST tables of 1,000 rules
// each with the default budget (the target: under 1 s), and of
// 300 rules each, checked in full.
func BenchmarkCompileFirstTables(b *testing.B) {
	for _, n := range []int{300, 1000} {
		s := firstTablesScheme(n)
		b.Run(strconv.Itoa(n)+"x2", func(b *testing.B) {
			for range b.N {
				if _, err := Compile(s); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestErrReachLimitKind(t *testing.T) {
	assert.Equal(t, "reachability_not_checked", ErrReachLimit.Code())
	assert.Same(t, ErrReachLimit, dangjian.KindOf("reachability_not_checked"))
	assert.Same(t, dangjian.ErrLimit, ErrReachLimit.Parent())
}
