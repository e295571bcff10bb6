package assess

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/dangjian-go/dangjian/internal/rat"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// twoInputs is a FIRST table on a text input and a number input.
func twoInputs(rules ...[3]string) Table {
	t := Table{HitPolicy: HitFirst, Inputs: []TableInput{{Name: "unit", Kind: TextInput}, {Name: "rate", Kind: NumberInput}}}
	for _, r := range rules {
		t.Rules = append(t.Rules, TableRule{ID: r[0], When: []string{r[1], r[2]}, Points: MustNum("1")})
	}
	return t
}

// A FIRST rule whose region the rules before it cover, together or alone,
// is reported as a warning; a rule with any part left is not.
func TestFirstUnreachable(t *testing.T) {
	tests := []struct {
		name  string
		table Table
		want  []string // the rules that can never fire
	}{
		{"a catch-all first", numTable(HitFirst, "", nil, "a: - -> 1", "b: >= 5 -> 2", "c: < 0 -> 3"), []string{"b", "c"}},
		{"covered by one", numTable(HitFirst, "", nil, "a: [0..10] -> 2", "b: [5..10] -> 5"), []string{"b"}},
		{"covered by two together", numTable(HitFirst, "", nil, "a: [0..5] -> 1", "b: [5..10] -> 2", "c: [2..8] -> 3"), []string{"c"}},
		{"a gap at an open bound", numTable(HitFirst, "", nil, "a: [0..5) -> 1", "b: (5..10] -> 2", "c: [2..8] -> 3"), nil},
		{"partly covered", numTable(HitFirst, "", nil, "a: [0..5] -> 1", "b: [3..8] -> 2"), nil},
		{"a list and a negation", numTable(HitFirst, "", nil, "a: 1, 2, 3 -> 1", "b: not(1, 2, 3) -> 2", "c: - -> 3"), []string{"c"}},
		{"disjoint", numTable(HitFirst, "", nil, "a: < 60 -> 0", "b: [60..80) -> 3", "c: >= 80 -> 5"), nil},
		{"touching pieces", numTable(HitFirst, "", nil, "a: [0..1), [1..2] -> 1", "b: [3..4] -> 2", "c: [0..2] -> 3", "d: [0..4] -> 4", "e: [0..2], [3..4] -> 5"), []string{"c", "e"}},
		{"text and number: covered in both", twoInputs(
			[3]string{"a", `"村","社区"`, ">= 90"},
			[3]string{"b", `not("村")`, "-"},
			[3]string{"c", `"社区"`, "[95..100]"}), []string{"c"}},
		{"text and number: a value left", twoInputs(
			[3]string{"a", `"村"`, ">= 90"},
			[3]string{"b", `not("村","社区")`, "-"},
			[3]string{"c", `"社区"`, ">= 95"}), nil},
		{"text co-sets", twoInputs(
			[3]string{"a", `not("村")`, "-"},
			[3]string{"b", `"村"`, "< 50"},
			[3]string{"c", `-`, "[0..40]"}), []string{"c"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ct, ps := tt.table.compile("table", MustNum("5").rat())
			require.Empty(t, problemStrings(ps), "a FIRST table with dead rules still compiles")
			var got []string
			for _, w := range ct.warnings {
				require.True(t, errors.Is(w, ErrUnreachable))
				got = append(got, w.Value)
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// The warning names the table's path in the scheme and the rule, and
// Scorer.Warnings hands it out; the scheme compiles and scores as before.
func TestScorerWarnings(t *testing.T) {
	tb := numTable(HitFirst, "", nil, "a: >= 0 -> 1", "b: [1..2] -> 2")
	s := Scheme{Name: "s", Components: []Component{{ID: "c", Name: "c", Weight: MustNum("1"), Max: MustNum("6"),
		Indicators: []Indicator{{ID: "leaf", Name: "leaf", Max: MustNum("6"), Method: &Method{Kind: TableMethod, Table: &tb}}}}}}
	sc, err := Compile(s)
	require.NoError(t, err)
	ws := sc.Warnings()
	require.Len(t, ws, 1)
	assert.EqualError(t, ws[0], `components[0].indicators[0].method.table.rules[1]: rule can never fire: FIRST: the rules before "b" match everything it matches (the last needed is "a")`)
	ws[0] = nil
	assert.NotNil(t, sc.Warnings()[0], "a copy")
	res, err := sc.Score(Subject{ID: "x", Values: map[string]Num{"x": MustNum("1.5")}})
	require.NoError(t, err)
	assert.Equal(t, "1", res.Total.String())
}

// The check gives up, rather than guessing, when the uncovered part of a
// rule splits into too many boxes: with no room for a box, a rule covered
// only by two others together is not reported, and the table gets a
// warning that its check was not completed, naming the rules not judged.
func TestFirstUnreachableBound(t *testing.T) {
	tb := twoInputs(
		[3]string{"a", `"村","社区"`, ">= 90"},
		[3]string{"b", `not("村")`, "-"},
		[3]string{"c", `-`, "[95..100]"})
	ct, _ := tb.compile("table", MustNum("5").rat())
	require.Len(t, ct.warnings, 1, "c is covered by a and b together")
	defer func(n int) { maxRegionBoxes = n }(maxRegionBoxes)
	maxRegionBoxes = 0
	ct, ps := tb.compile("table", MustNum("5").rat())
	require.Empty(t, problemStrings(ps))
	require.Len(t, ct.warnings, 1, "too fine to judge: no guess")
	assert.True(t, errors.Is(ct.warnings[0], ErrReachLimit))
	assert.EqualError(t, ct.warnings[0], `table: reachability check not completed: FIRST: whether 2 rules (the first "b") can never fire was not judged: the part of each that the rules before it leave split into more than 0 boxes`)
}

// The verdict of the box subtraction equals brute force on random FIRST
// tables over a text input and a number input: a rule can never fire
// exactly when no sample matches it without matching a rule before it. The
// samples are exhaustive for these cells: every endpoint, every midpoint
// between endpoints, a value beyond each end, and every string plus one
// that no cell names.
func TestFirstUnreachableBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(41, 42))
	ends := []int{0, 2, 4, 6, 8}
	numCell := func() string {
		a, b := ends[r.IntN(len(ends))], ends[r.IntN(len(ends))]
		if a > b {
			a, b = b, a
		}
		open := []string{"[", "("}[r.IntN(2)]
		close := []string{"]", ")"}[r.IntN(2)]
		switch r.IntN(6) {
		case 0:
			return "-"
		case 1:
			return fmt.Sprintf(">= %d", a)
		case 2:
			return fmt.Sprintf("< %d", b)
		case 3:
			return fmt.Sprintf("%d", a)
		case 4:
			if a == b {
				return fmt.Sprintf("not(%d)", a)
			}
			return fmt.Sprintf("not(%s%d..%d%s)", open, a, b, close)
		}
		if a == b {
			return fmt.Sprintf("%d, %d", a, b+2)
		}
		return fmt.Sprintf("%s%d..%d%s", open, a, b, close)
	}
	words := []string{"a", "b", "c"}
	textCell := func() string {
		switch r.IntN(4) {
		case 0:
			return "-"
		case 1:
			return fmt.Sprintf("not(%q)", words[r.IntN(3)])
		case 2:
			return fmt.Sprintf("%q, %q", words[r.IntN(3)], words[r.IntN(3)])
		}
		return fmt.Sprintf("%q", words[r.IntN(3)])
	}
	var nums []rat.Rat
	for x := -2; x <= 20; x++ { // halves from −1 to 10: endpoints, midpoints and beyond
		nums = append(nums, rat.Rat{N: int64(x), D: 2})
	}
	texts := append(slices.Clone(words), "z")
	checked, dead := 0, 0
	for trial := 0; trial < 3000; trial++ {
		var rules [][3]string
		for i := range 2 + r.IntN(4) {
			rules = append(rules, [3]string{"r" + strconv.Itoa(i), textCell(), numCell()})
		}
		tb := twoInputs(rules...)
		ct, ps := tb.compile("table", MustNum("5").rat())
		if len(ps) > 0 {
			continue // a cell that matches nothing, say
		}
		got := map[string]bool{}
		for _, w := range ct.warnings {
			require.True(t, errors.Is(w, ErrUnreachable), "checked in full within the default budget: %v", w)
			got[w.Value] = true
		}
		for j := range ct.rules {
			reach := false
			for _, s := range texts {
				for _, x := range nums {
					txts, xs := []string{s, ""}, []rat.Rat{rat.Zero, x}
					if !ct.rules[j].match(ct.inputs, xs, txts) {
						continue
					}
					first := true
					for i := 0; i < j; i++ {
						if ct.rules[i].match(ct.inputs, xs, txts) {
							first = false
							break
						}
					}
					reach = reach || first
				}
			}
			checked++
			if !reach {
				dead++
			}
			require.Equal(t, !reach && j > 0, got[ct.rules[j].id], "rules %v, rule %s", rules, ct.rules[j].id)
		}
	}
	t.Logf("%d rules checked, %d can never fire", checked, dead)
	require.Greater(t, dead, 100, "the property is exercised")
}
