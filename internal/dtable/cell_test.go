package dtable

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian/internal/rat"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The input kinds, as assess's tables name them.
const (
	numberInput = "number"
	textInput   = "text"
)

// mustRat parses a decimal or a fraction "n/d" for the tests.
func mustRat(t testing.TB, s string) rat.Rat {
	t.Helper()
	if a, b, ok := strings.Cut(s, "/"); ok {
		var n, d int64
		_, err := fmt.Sscan(a, &n)
		require.NoError(t, err)
		_, err = fmt.Sscan(b, &d)
		require.NoError(t, err)
		r, err := rat.New(n, d)
		require.NoError(t, err)
		return r
	}
	r, err := rat.Parse(s)
	require.NoError(t, err, s)
	return r
}

// compileCell parses and compiles one cell for an input kind.
func compileCell(src, kind string) (Cell, error) {
	ut, err := Parse(src)
	if err != nil {
		return Cell{}, err
	}
	var c Cell
	var cerr *CellError
	if kind == textInput {
		c, cerr = TextCell(src, ut)
	} else {
		c, cerr = NumberCell(src, ut)
	}
	if cerr != nil {
		return Cell{}, cerr
	}
	return c, nil
}

// matchNum is the direct meaning of an item: the brute-force oracle the
// compiled interval sets are checked against.
func itemMatchNum(it *Item, x rat.Rat) bool {
	switch it.Op {
	case "=":
		return x.Cmp(it.A) == 0
	case "<":
		return x.Cmp(it.A) < 0
	case "<=":
		return x.Cmp(it.A) <= 0
	case ">":
		return x.Cmp(it.A) > 0
	case ">=":
		return x.Cmp(it.A) >= 0
	}
	lo, hi := x.Cmp(it.A), x.Cmp(it.B)
	return (lo > 0 || (lo == 0 && !it.AOpen)) && (hi < 0 || (hi == 0 && !it.BOpen))
}

// oracleNum evaluates a parsed test item by item, without intervals.
func oracleNum(t Test, x rat.Rat) bool {
	if t.Any {
		return true
	}
	in := false
	for i := range t.Items {
		if itemMatchNum(&t.Items[i], x) {
			in = true
		}
	}
	return in != t.Not
}

func oracleText(t Test, s string) bool {
	if t.Any {
		return true
	}
	in := false
	for _, it := range t.Items {
		if it.S == s {
			in = true
		}
	}
	return in != t.Not
}

// samples returns values that decide every question about sets bounded by
// the given numbers: the numbers, the midpoints between consecutive ones,
// and a value beyond each end.
func samples(bounds []rat.Rat) []rat.Rat {
	bs := slices.Clone(bounds)
	slices.SortFunc(bs, func(a, b rat.Rat) int { return a.Cmp(b) })
	bs = slices.CompactFunc(bs, func(a, b rat.Rat) bool { return a.Cmp(b) == 0 })
	if len(bs) == 0 {
		return []rat.Rat{rat.Zero}
	}
	out := slices.Clone(bs)
	half := rat.Rat{N: 1, D: 2}
	for i := 1; i < len(bs); i++ {
		a, err1 := bs[i-1].Mul(half)
		b, err2 := bs[i].Mul(half)
		if err1 == nil && err2 == nil {
			if m, err := a.Add(b); err == nil {
				out = append(out, m)
			}
		}
	}
	if v, err := bs[0].Sub(rat.One); err == nil {
		out = append(out, v)
	}
	if v, err := bs[len(bs)-1].Add(rat.One); err == nil {
		out = append(out, v)
	}
	return out
}

func itemBounds(t Test) []rat.Rat {
	var out []rat.Rat
	for _, it := range t.Items {
		if !it.Str {
			out = append(out, it.A)
			if it.Op == ".." {
				out = append(out, it.B)
			}
		}
	}
	return out
}

func TestUnaryTestSyntax(t *testing.T) {
	tests := []struct {
		name, cell, kind string
		in, out          []string
	}{
		{"dash/any", "-", numberInput, []string{"0", "-5", "1000000"}, nil},
		{"empty/any", "", numberInput, []string{"0", "7.5"}, nil},
		{"dash-with-spaces/any", "  -  ", numberInput, []string{"3"}, nil},
		{"less", "< 36", numberInput, []string{"35", "35.999", "-100"}, []string{"36", "37"}},
		{"less-no-space", "<36", numberInput, []string{"35"}, []string{"36"}},
		{"less-equal", "<= 36", numberInput, []string{"36", "0"}, []string{"36.001"}},
		{"greater", "> 36", numberInput, []string{"36.5"}, []string{"36", "0"}},
		{"greater-equal", ">= 36", numberInput, []string{"36", "100"}, []string{"35.99"}},
		{"equal", "= 36", numberInput, []string{"36", "36.000"}, []string{"35", "36.01"}},
		{"bare-number", "36", numberInput, []string{"36"}, []string{"35"}},
		{"negative", "-2", numberInput, []string{"-2"}, []string{"2"}},
		{"decimal", "0.5", numberInput, []string{"1/2", "0.50"}, []string{"0.4"}},
		{"closed-interval/includes-both-ends", "[20..39]", numberInput, []string{"20", "39", "30"}, []string{"19.99", "39.01"}},
		{"open-start-paren", "(20..39]", numberInput, []string{"20.001", "39"}, []string{"20"}},
		{"open-start-bracket", "]20..39]", numberInput, []string{"20.001", "39"}, []string{"20"}},
		{"open-end-paren", "[20..39)", numberInput, []string{"20", "38.999"}, []string{"39"}},
		{"open-end-bracket", "[20..39[", numberInput, []string{"20"}, []string{"39"}},
		{"open-both-brackets", "]20..39[", numberInput, []string{"21", "38.5"}, []string{"20", "39"}},
		{"open-both-parens", "(20..39)", numberInput, []string{"21"}, []string{"20", "39"}},
		{"interval-spaces", "[ 20 .. 39 ]", numberInput, []string{"20", "39"}, []string{"40"}},
		{"negative-interval", "[-10..-5]", numberInput, []string{"-10", "-5"}, []string{"-4", "-11"}},
		{"point-interval", "[5..5]", numberInput, []string{"5"}, []string{"5.1"}},
		{"number-list", "1,2,3", numberInput, []string{"1", "2", "3"}, []string{"1.5", "4", "0"}},
		{"mixed-list", "< 10, > 20", numberInput, []string{"9", "21"}, []string{"10", "15", "20"}},
		{"merged-list", "[1..5], [3..8]", numberInput, []string{"1", "4", "8"}, []string{"0.5", "8.5"}},
		{"touching-list", "[1..2), [2..3]", numberInput, []string{"2", "1", "3"}, []string{"3.5"}},
		{"gap-list", "(1..2), (2..3)", numberInput, []string{"1.5", "2.5"}, []string{"2", "1", "3"}},
		{"not-less", "not(< 36)", numberInput, []string{"36", "40"}, []string{"35"}},
		{"not-interval", "not([20..39])", numberInput, []string{"19", "40"}, []string{"20", "39"}},
		{"not-list", "not(1, 2)", numberInput, []string{"0", "1.5", "3"}, []string{"1", "2"}},
		{"not-spaces", "not ( 5 )", numberInput, []string{"4"}, []string{"5"}},
		{"not-gap-list", "not((1..2), (2..3))", numberInput, []string{"2", "1", "3", "0"}, []string{"1.5"}},
		{"text", `"A"`, textInput, []string{"A"}, []string{"B", "a", ""}},
		{"text-list", `"A","B"`, textInput, []string{"A", "B"}, []string{"C"}},
		{"text-equal", `= "A"`, textInput, []string{"A"}, []string{"B"}},
		{"text-not", `not("A")`, textInput, []string{"B", ""}, []string{"A"}},
		{"text-not-list", `not("A", "B")`, textInput, []string{"C"}, []string{"A", "B"}},
		{"text-empty-string", `""`, textInput, []string{""}, []string{" "}},
		{"text-chinese", `"村", "社区"`, textInput, []string{"村", "社区"}, []string{"机关", "村 "}},
		{"text-escaped-quote", `"a\"b"`, textInput, []string{`a"b`}, []string{`a\"b`}},
		{"text-escaped-backslash", `"a\\b"`, textInput, []string{`a\b`}, []string{`a\\b`}},
		{"text-any", "-", textInput, []string{"", "任何"}, nil},
		{"text-duplicates", `"A", "A"`, textInput, []string{"A"}, []string{"B"}},
		{"long-number-list/bisection", "1, 3, 5, 7, 9, 11, 13, 15, 17, [19..21), (21..23], > 30", numberInput,
			[]string{"1", "9", "17", "19", "20.5", "22", "23", "30.01"}, []string{"0", "2", "18", "21", "23.5", "30"}},
		{"long-number-negation/bisection", "not(1, 3, 5, 7, 9, 11, 13, 15, 17)", numberInput,
			[]string{"0", "2", "18", "9.5"}, []string{"1", "9", "17"}},
		{"long-text-list/bisection", `"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"`, textInput,
			[]string{"a", "e", "j"}, []string{"k", "", "aa"}},
		{"long-text-negation/bisection", `not("a", "b", "c", "d", "e", "f", "g", "h", "i", "j")`, textInput,
			[]string{"k", ""}, []string{"a", "j"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := compileCell(tt.cell, tt.kind)
			require.NoError(t, err)
			check := func(v string, want bool) {
				if tt.kind == textInput {
					assert.Equalf(t, want, c.MatchText(v), "%q in %s", v, tt.cell)
				} else {
					assert.Equalf(t, want, c.MatchNum(mustRat(t, v)), "%s in %s", v, tt.cell)
				}
			}
			for _, v := range tt.in {
				check(v, true)
			}
			for _, v := range tt.out {
				check(v, false)
			}
		})
	}
}

func TestUnaryTestErrors(t *testing.T) {
	tests := []struct{ name, cell, kind, want string }{
		{"comparison-without-operand", "<", numberInput, `want a number or a quoted string after "<" at offset 1`},
		{"comparison-with-word", "< x", numberInput, "want a number at offset 2"},
		{"bare-word", "abc", numberInput, "unexpected 'a' at offset 0"},
		{"bare-chinese-word", "村", textInput, "unexpected '村' at offset 0"},
		{"invalid-utf8", "\xff", numberInput, "unexpected byte 0xff at offset 0"},
		{"replacement-character", "\ufffd", numberInput, "unexpected '\ufffd' at offset 0"},
		{"full-width-space", "\u3000", numberInput, `unexpected '\u3000' at offset 0`},
		{"trailing-comma", "1,", numberInput, "want a test at offset 2"},
		{"leading-comma", ",1", numberInput, "want a test at offset 0"},
		{"double-comma", "1,,2", numberInput, "want a test at offset 2"},
		{"missing-comma", "1 2", numberInput, "unexpected '2' at offset 2"},
		{"unclosed-interval", "[1..2", numberInput, `want "]", ")" or "[" to close the interval at offset 5`},
		{"interval-comma", "[1,2]", numberInput, `want ".." in the interval at offset 2`},
		{"interval-no-end", "[1..]", numberInput, "want a number at offset 4"},
		{"interval-text-bound", `["a".."b"]`, textInput, "want a number at offset 1"},
		{"unterminated-string", `"abc`, textInput, "unterminated string at offset 0"},
		{"bad-escape", `"a\x"`, textInput, `bad escape (want \" or \\) at offset 2`},
		{"unclosed-not", "not(1", numberInput, `want ")" to close not( at offset 5`},
		{"not-without-paren", "not 1", numberInput, `want "(" after not at offset 4`},
		{"nested-not", "not(not(1))", numberInput, "not(...) takes a list of tests and cannot be nested at offset 4"},
		{"empty-not", "not()", numberInput, "want a test at offset 4"},
		{"dash-in-list", "1, -", numberInput, `"-" (any value) stands alone at offset 3`},
		{"dash-number-space", "- 5", numberInput, `"-" (any value) stands alone at offset 0`},
		{"not-dash", "not(-)", numberInput, `"-" (any value) stands alone at offset 4`},
		{"overflow", "99999999999999999999", numberInput, "number 99999999999999999999 out of range at offset 0"},
		{"too-many-places", "0.00000000000000000001", numberInput, "number 0.00000000000000000001 out of range at offset 0"},
		{"double-dot", ">= 1.2.3", numberInput, "unexpected '.' at offset 6"},
		{"trailing-dot", "1.", numberInput, "unexpected '.' at offset 1"},
		{"leading-dot", ".5", numberInput, "unexpected '.' at offset 0"},
		{"not-equal", "!= 3", numberInput, "unexpected '!' at offset 0"},
		{"double-operator", "<=>", numberInput, "want a number at offset 2"},
		{"exponent", "1e3", numberInput, "unexpected 'e' at offset 1"},
		{"text-for-number", `"A"`, numberInput, `want a number for a number input, found text "A" at offset 0`},
		{"text-comparison-for-number", `1, < "A"`, numberInput, `want a number for a number input, found text "A" at offset 3`},
		{"number-for-text", "1", textInput, `want a quoted string for a text input, found "1" at offset 0`},
		{"comparison-for-text", `"a", < "b"`, textInput, `want a quoted string for a text input, found "< \"b\"" at offset 5`},
		{"interval-for-text", "[1..2]", textInput, `want a quoted string for a text input, found "[1..2]" at offset 0`},
		{"empty-interval", "[5..3]", numberInput, "interval [5..3] matches no value at offset 0"},
		{"empty-half-open-interval", "1, (5..5]", numberInput, "interval (5..5] matches no value at offset 3"},
		{"empty-negation", "not(< 5, >= 5)", numberInput, "the test matches no value"},
		{"empty-negation-points", "not(< 5, 5, > 5)", numberInput, "the test matches no value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := compileCell(tt.cell, tt.kind)
			require.Error(t, err)
			var ce *CellError
			require.ErrorAs(t, err, &ce)
			assert.Equal(t, tt.want, err.Error())
			assert.LessOrEqual(t, ce.Off, len(tt.cell))
		})
	}
}

func TestCellOverlap(t *testing.T) {
	tests := []struct {
		name, kind, a, b string
		want             string // "" when the cells share no value
	}{
		{"closed-ends-touch", numberInput, "[20..39]", "[39..50]", "= 39"},
		{"open-end-touches-closed-start", numberInput, "[20..39)", "[39..50]", ""},
		{"closed-end-touches-open-start", numberInput, "[20..39]", "(39..50]", ""},
		{"bracket-open-end", numberInput, "[20..39[", "[39..50]", ""},
		{"complementary-comparisons", numberInput, "< 60", ">= 60", ""},
		{"shared-point", numberInput, "<= 60", ">= 60", "= 60"},
		{"any-and-point", numberInput, "-", "5", "= 5"},
		{"not-point-and-point", numberInput, "not(5)", "5", ""},
		{"not-point-and-interval", numberInput, "not(5)", "[5..6]", "= 6"},
		{"open-intervals", numberInput, "(1..2)", "(1..2)", "= 1.5"},
		{"rays-up", numberInput, "> 1", "> 2", "= 3"},
		{"rays-down", numberInput, "< 1", "< 2", "= 0"},
		{"lists", numberInput, "1,2,3", "3,4", "= 3"},
		{"disjoint-lists", numberInput, "1,2", "3,4", ""},
		{"gap-list-and-gap", numberInput, "(1..2), (2..3)", "2", ""},
		{"equal-numbers-written-differently", numberInput, "1.50", "[1.5..1.5]", "= 1.5"},
		{"witness-overflows-midpoint", numberInput, "(9223372036854775806..9223372036854775807)", "> 0",
			"in (9223372036854775806..9223372036854775807)"},
		{"witness-overflows-ray", numberInput, "> 9223372036854775807", "> 0", "in (9223372036854775807..+∞)"},
		{"witness-on-negative-ray", numberInput, "< -5", "< 0", "= -6"},
		{"text-lists", textInput, `"A","B"`, `"B","C"`, `= "B"`},
		{"text-disjoint", textInput, `"A"`, `"B"`, ""},
		{"text-and-its-negation", textInput, `"A"`, `not("A")`, ""},
		{"text-negations", textInput, `not("A")`, `not("B")`, `not in ("A", "B")`},
		{"text-list-and-negation", textInput, `"A","B"`, `not("A")`, `= "B"`},
		{"text-any-and-negation", textInput, "-", `not("A")`, `not in ("A")`},
		{"text-any-and-value", textInput, "-", `"A"`, `= "A"`},
		{"text-any-and-any", textInput, "-", "-", "any text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := compileCell(tt.a, tt.kind)
			require.NoError(t, err)
			b, err := compileCell(tt.b, tt.kind)
			require.NoError(t, err)
			ok, w := Overlap(&a, &b)
			assert.Equal(t, tt.want != "", ok)
			assert.Equal(t, tt.want, w)
			ok2, _ := Overlap(&b, &a)
			assert.Equal(t, ok, ok2, "overlap is symmetric")
			assert.Equal(t, ok, Meet(&a, &b), "meet agrees with overlap")
			assert.Equal(t, ok, Meet(&b, &a), "meet agrees with overlap")
		})
	}
}

// checkCellAgainstOracle checks a parsed cell's compiled set against the
// item-by-item meaning on values that decide every question about it.
func checkCellAgainstOracle(t *testing.T, src string) {
	ut, err := Parse(src)
	if err != nil {
		var ce *CellError
		require.ErrorAs(t, err, &ce)
		require.NotEmpty(t, ce.Msg)
		require.LessOrEqual(t, ce.Off, len(src))
		return
	}
	if c, cerr := NumberCell(src, ut); cerr == nil {
		xs := thin(samples(itemBounds(ut)))
		for _, x := range xs {
			require.Equalf(t, oracleNum(ut, x), c.MatchNum(x), "%s at %s (set %v)", src, x, c.Ivs)
		}
		// The set is normalized: sorted, disjoint, not touching.
		for i := 1; i < len(c.Ivs); i++ {
			require.False(t, Joins(c.Ivs[i-1].Hi, c.Ivs[i].Lo), "%s: %v", src, c.Ivs)
		}
		// Its complement holds exactly the other values.
		co := Complement(c.Ivs)
		for _, x := range xs {
			in := slices.ContainsFunc(co, func(iv Interval) bool { return iv.Contains(x) })
			require.NotEqual(t, c.MatchNum(x), in, "%s at %s", src, x)
		}
	} else if !ut.Any {
		require.NotEmpty(t, cerr.Msg)
	}
	if c, cerr := TextCell(src, ut); cerr == nil {
		for _, s := range thin(append(textSamples(ut), "", "other")) {
			require.Equalf(t, oracleText(ut, s), c.MatchText(s), "%s at %q", src, s)
		}
	}
}

// thin keeps at most 300 evenly spread samples, so that the quadratic
// oracle stays fast on long fuzzed cells.
func thin[T any](xs []T) []T {
	const most = 300
	if len(xs) <= most {
		return xs
	}
	out := make([]T, 0, most)
	for i := range most {
		out = append(out, xs[i*len(xs)/most])
	}
	return out
}

func textSamples(ut Test) []string {
	var out []string
	for _, it := range ut.Items {
		if it.Str {
			out = append(out, it.S, it.S+"x")
		}
	}
	return out
}

// checkOverlapAgainstOracle checks that two number cells overlap exactly
// when a deciding value lies in both, and that the witness does.
func checkOverlapAgainstOracle(t *testing.T, a, b string) {
	ua, err1 := Parse(a)
	ub, err2 := Parse(b)
	if err1 != nil || err2 != nil {
		return
	}
	ca, e1 := NumberCell(a, ua)
	cb, e2 := NumberCell(b, ub)
	if e1 != nil || e2 != nil {
		return
	}
	brute := false
	for _, x := range samples(append(itemBounds(ua), itemBounds(ub)...)) {
		if ca.MatchNum(x) && cb.MatchNum(x) {
			brute = true
		}
	}
	iv, ok := NumOverlap(&ca, &cb)
	require.Equalf(t, brute, ok, "%s ∩ %s", a, b)
	require.Equalf(t, brute, Meet(&ca, &cb), "%s ∩ %s", a, b)
	if ok {
		if w, wok := iv.Witness(); wok {
			require.Truef(t, ca.MatchNum(w) && cb.MatchNum(w), "witness %s of %s ∩ %s", w, a, b)
		}
	}
}

// randomCell writes a random number cell over small bounds.
func randomCell(r *rand.Rand) string {
	num := func() string {
		n := r.IntN(9) - 2
		if r.IntN(4) == 0 {
			return fmt.Sprintf("%d.5", n)
		}
		return fmt.Sprint(n)
	}
	item := func() string {
		switch r.IntN(4) {
		case 0:
			return []string{"<", "<=", ">", ">=", "=", ""}[r.IntN(6)] + " " + num()
		case 1:
			return num()
		}
		a, b := num(), num()
		return "[(]"[r.IntN(3):][:1] + a + ".." + b + "])["[r.IntN(3):][:1]
	}
	if r.IntN(10) == 0 {
		return "-"
	}
	items := []string{item()}
	for r.IntN(2) == 0 {
		items = append(items, item())
	}
	if r.IntN(5) == 0 { // long enough to be searched by bisection
		for range 8 + r.IntN(12) {
			items = append(items, item())
		}
	}
	s := strings.Join(items, ", ")
	if r.IntN(3) == 0 {
		s = "not(" + s + ")"
	}
	return s
}

func randomTextCell(r *rand.Rand) string {
	if r.IntN(8) == 0 {
		return "-"
	}
	var q []string
	for range 1 + r.IntN(12) {
		q = append(q, `"`+"abcdef"[r.IntN(6):][:1]+`"`)
	}
	s := strings.Join(q, ", ")
	if r.IntN(2) == 0 {
		s = "not(" + s + ")"
	}
	return s
}

func TestCellProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		a, b := randomCell(r), randomCell(r)
		checkCellAgainstOracle(t, a)
		checkOverlapAgainstOracle(t, a, b)
	}
	// Text cells: a fresh string decides every co-set question.
	for range 3000 {
		a, b := randomTextCell(r), randomTextCell(r)
		checkCellAgainstOracle(t, a)
		ca, err := compileCell(a, textInput)
		require.NoError(t, err)
		cb, err := compileCell(b, textInput)
		require.NoError(t, err)
		brute := false
		for _, s := range []string{"a", "b", "c", "d", "e", "f", "fresh"} {
			brute = brute || (ca.MatchText(s) && cb.MatchText(s))
		}
		ok, w := Overlap(&ca, &cb)
		require.Equalf(t, brute, ok, "%s ∩ %s", a, b)
		require.Equalf(t, brute, Meet(&ca, &cb), "%s ∩ %s", a, b)
		if v, quoted := strings.CutPrefix(w, "= "); quoted {
			u, err := strconv.Unquote(v)
			require.NoError(t, err)
			require.True(t, ca.MatchText(u) && cb.MatchText(u), "witness %s of %s ∩ %s", w, a, b)
		}
	}
}

// fuzzSeeds are cells of every form, well-formed or not.
var fuzzSeeds = []string{
	"-", "", "< 36", "<= 36", "> 36", ">= 36", "= 36", "36", "-2.5", "[20..39]", "(20..39]", "[20..39)", "]20..39[",
	`"A","B"`, `not("A")`, "1,2,3", "not(< 36)", "not([20..39], 50)", "< 10, > 20", "[1..2), [2..3]", "(1..2), (2..3)",
	`"a\"b"`, "not(", "[1..", `"`, "not(not(1))", "99999999999999999999", "\xff", "村",
}

// FuzzUnaryTest: parsing any cell never panics; an error carries a
// message and an offset within the cell; a parsed cell's compiled set
// agrees with the item-by-item meaning on every deciding value.
func FuzzUnaryTest(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		checkCellAgainstOracle(t, src)
	})
}

// FuzzCellOverlap: two number cells overlap exactly when a deciding value
// lies in both, and the reported witness lies in both.
func FuzzCellOverlap(f *testing.F) {
	for i, s := range fuzzSeeds {
		f.Add(s, fuzzSeeds[(i*7+3)%len(fuzzSeeds)])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		checkOverlapAgainstOracle(t, a, b)
	})
}
