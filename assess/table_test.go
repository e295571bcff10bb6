package assess

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/dangjian-go/dangjian/internal/rat"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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

func requireRat(t *testing.T, want string, got rat.Rat) {
	t.Helper()
	w := mustRat(t, want)
	require.Truef(t, w.Cmp(got) == 0, "want %s, got %s", w, got)
}

// table builds a one-input number table for the tests.
func numTable(policy HitPolicy, agg Aggregation, outputs []string, rules ...string) Table {
	t := Table{HitPolicy: policy, Aggregation: agg, Inputs: []TableInput{{Name: "x", Kind: NumberInput}}}
	for _, o := range outputs {
		t.Outputs = append(t.Outputs, MustNum(o))
	}
	for _, r := range rules {
		id, rest, _ := strings.Cut(r, ":")
		when, pts, _ := strings.Cut(rest, "->")
		t.Rules = append(t.Rules, TableRule{ID: id, When: []string{strings.TrimSpace(when)}, Points: MustNum(strings.TrimSpace(pts))})
	}
	return t
}

func mustCompile(t testing.TB, tb Table, max string) *compiledTable {
	t.Helper()
	ct, ps := tb.compile("table", mustRat(t, max))
	require.Empty(t, problemStrings(ps))
	ownSlots(ct)
	return ct
}

// ownSlots gives each input a table reads a slot of its own, as a scheme's
// layout would (a table compiled on its own has none).
func ownSlots(ct *compiledTable) {
	ct.slots = make([]int32, len(ct.inputs))
	for k, ti := range ct.inputs {
		ct.slots[k] = int32(k)
		if !ti.read {
			ct.slots[k] = -1
		}
	}
}

func problemStrings(ps []*Problem) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Error()
	}
	return out
}

// evalSub evaluates a table compiled on its own (without a scheme's
// layout) on a subject: each read input gets a slot of its own.
func evalSub(ct *compiledTable, sub *Subject) (rat.Rat, []string, []string, error) {
	return ct.eval(tableInputOf(ct, sub))
}

func tableInputOf(ct *compiledTable, sub *Subject) *Input {
	n := len(ct.inputs)
	in := &Input{nums: make([]Num, n), texts: make([]string, n), textSet: make([]bool, n)}
	if ct.slots == nil {
		ownSlots(ct)
	}
	for k, ti := range ct.inputs {
		if ct.slots[k] < 0 {
			continue
		}
		if ti.text {
			in.texts[k], in.textSet[k] = sub.Fields[ti.name]
		} else {
			in.nums[k] = sub.Values[ti.name]
		}
	}
	return in
}

func subjectX(x string) *Subject { return &Subject{ID: "s", Values: map[string]Num{"x": MustNum(x)}} }

func TestHitPolicies(t *testing.T) {
	// Four nested rules; at x = 9 all match. Outputs in priority order.
	rules := []string{"a: [0..10] -> 2", "b: [5..10] -> 5", "c: [8..10] -> 3", "d: 9 -> 1"}
	outputs := []string{"5", "3", "2", "1"}
	noMatch := []string{"no rule matched: 0 points (DMN's result is null)"}
	tests := []struct {
		name   string
		policy HitPolicy
		agg    Aggregation
		x      string
		points string
		hit    []string
		notes  []string
	}{
		{"FIRST/all-match", HitFirst, "", "9", "2", []string{"a"}, nil},
		{"FIRST/two-match", HitFirst, "", "6", "2", []string{"a"}, nil},
		{"FIRST/none", HitFirst, "", "11", "0", nil, noMatch},
		{"F/one-letter", "F", "", "9", "2", []string{"a"}, nil},
		{"PRIORITY/all-match", HitPriority, "", "9", "5", []string{"b"},
			[]string{"PRIORITY: 4 rules matched (a, b, c, d); b wins with 5 points, first in the outputs list"}},
		{"PRIORITY/three-match", HitPriority, "", "8", "5", []string{"b"},
			[]string{"PRIORITY: 3 rules matched (a, b, c); b wins with 5 points, first in the outputs list"}},
		{"PRIORITY/one", HitPriority, "", "3", "2", []string{"a"}, nil},
		{"PRIORITY/none", "P", "", "-1", "0", nil, noMatch},
		{"COLLECT/list-summed-and-clamped", HitCollect, "", "9", "10", []string{"a", "b", "c", "d"},
			[]string{"COLLECT: 4 rules matched; the list of points [2, 5, 3, 1] is summed to 11", "11 points exceed the max 10: clamped to 10"}},
		{"COLLECT/list-summed", "C", "", "6", "7", []string{"a", "b"},
			[]string{"COLLECT: 2 rules matched; the list of points [2, 5] is summed to 7"}},
		{"COLLECT/one", HitCollect, "", "1", "2", []string{"a"}, nil},
		{"COLLECT/none", HitCollect, "", "11", "0", nil, noMatch},
		{"C+/sum-clamped", HitCollect, AggSum, "9", "10", []string{"a", "b", "c", "d"}, []string{"11 points exceed the max 10: clamped to 10"}},
		{"C+/sum", "C+", "", "6", "7", []string{"a", "b"}, nil},
		{"C</min", HitCollect, AggMin, "9", "1", []string{"a", "b", "c", "d"}, nil},
		{"C</symbol", "C<", "", "6", "2", []string{"a", "b"}, nil},
		{"C>/max", HitCollect, AggMax, "9", "5", []string{"a", "b", "c", "d"}, nil},
		{"C>/symbol", HitCollect, ">", "8", "5", []string{"a", "b", "c"}, nil},
		{"C#/count", HitCollect, AggCount, "9", "4", []string{"a", "b", "c", "d"}, nil},
		{"C#/count-one", "C#", "", "1", "1", []string{"a"}, nil},
		{"C#/count-none", HitCollect, "#", "20", "0", nil, noMatch},
		{"RULE ORDER/summed", HitRuleOrder, "", "8", "10", []string{"a", "b", "c"},
			[]string{"RULE ORDER: 3 rules matched; the list of points [2, 5, 3] is summed to 10"}},
		{"R/one-letter", "R", "", "6", "7", []string{"a", "b"},
			[]string{"RULE ORDER: 2 rules matched; the list of points [2, 5] is summed to 7"}},
		{"OUTPUT ORDER/summed", HitOutputOrder, "", "8", "10", []string{"b", "c", "a"},
			[]string{"OUTPUT ORDER: 3 rules matched; the list of points [5, 3, 2] is summed to 10"}},
		{"O/all", "O", "", "9", "10", []string{"b", "c", "a", "d"},
			[]string{"OUTPUT ORDER: 4 rules matched; the list of points [5, 3, 2, 1] is summed to 11", "11 points exceed the max 10: clamped to 10"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ct := mustCompile(t, numTable(tt.policy, tt.agg, outputs, rules...), "10")
			pts, hit, notes, err := evalSub(ct, subjectX(tt.x))
			require.NoError(t, err)
			requireRat(t, tt.points, pts)
			assert.Equal(t, tt.hit, hit)
			assert.Equal(t, tt.notes, notes)
		})
	}
}

func TestHitUniqueAndAny(t *testing.T) {
	t.Run("UNIQUE/bands", func(t *testing.T) {
		for _, policy := range []HitPolicy{"", "U", HitUnique} {
			ct := mustCompile(t, numTable(policy, "", nil, "hi: [90..100] -> 5", "mid: [60..90) -> 3", "lo: [0..60) -> 0"), "5")
			for x, want := range map[string]string{"90": "hi", "89.99": "mid", "60": "mid", "59.5": "lo", "0": "lo", "100": "hi"} {
				_, hit, notes, err := evalSub(ct, subjectX(x))
				require.NoError(t, err)
				assert.Equal(t, []string{want}, hit, x)
				assert.Empty(t, notes)
			}
			pts, hit, notes, err := evalSub(ct, subjectX("100.5"))
			require.NoError(t, err)
			requireRat(t, "0", pts)
			assert.Nil(t, hit)
			assert.Equal(t, []string{"no rule matched: 0 points (DMN's result is null)"}, notes)
		}
	})
	t.Run("ANY/overlap-with-same-points", func(t *testing.T) {
		ct := mustCompile(t, numTable(HitAny, "", nil, "a: >= 80 -> 4", "b: [90..100] -> 4", "c: < 80 -> 1"), "5")
		pts, hit, notes, err := evalSub(ct, subjectX("95"))
		require.NoError(t, err)
		requireRat(t, "4", pts)
		assert.Equal(t, []string{"a", "b"}, hit)
		assert.Equal(t, []string{"ANY: 2 rules matched (a, b), all with 4 points"}, notes)
		pts, hit, notes, err = evalSub(ct, subjectX("85"))
		require.NoError(t, err)
		requireRat(t, "4", pts)
		assert.Equal(t, []string{"a"}, hit)
		assert.Nil(t, notes)
	})
	// Compile rules out both runtime errors; build the tables as FIRST and
	// switch the policy to reach them.
	t.Run("UNIQUE/runtime-double-match", func(t *testing.T) {
		ct := mustCompile(t, numTable(HitFirst, "", nil, "a: >= 1 -> 1", "b: >= 2 -> 2"), "5")
		ct.policy = HitUnique
		_, _, _, err := evalSub(ct, subjectX("3"))
		require.ErrorIs(t, err, ErrTable)
		assert.EqualError(t, err, `table: decision table is inconsistent: UNIQUE rules "a" and "b" both match`)
	})
	t.Run("ANY/runtime-different-points", func(t *testing.T) {
		ct := mustCompile(t, numTable(HitFirst, "", nil, "a: >= 1 -> 1", "b: >= 2 -> 2"), "5")
		ct.policy = HitAny
		_, _, _, err := evalSub(ct, subjectX("3"))
		require.ErrorIs(t, err, ErrTable)
		assert.EqualError(t, err, `table: decision table is inconsistent: ANY rules "a" (1 points) and "b" (2 points) both match`)
	})
}

func TestTableInputs(t *testing.T) {
	tb := Table{HitPolicy: HitFirst,
		Inputs: []TableInput{{Name: "unit", Kind: TextInput}, {Name: "meetings", Kind: NumberInput}, {Name: "unused", Kind: NumberInput}},
		Rules: []TableRule{
			{ID: "village", When: []string{`"村","社区"`, ">= 12", "-"}, Points: MustNum("5")},
			{ID: "other", When: []string{`not("村","社区")`, ">= 10", ""}, Points: MustNum("5")},
			{ID: "rest", When: []string{"-", "-", "-"}, Points: MustNum("0")},
		}}
	ct := mustCompile(t, tb, "5")
	t.Run("unread-input-may-be-missing", func(t *testing.T) {
		pts, hit, _, err := evalSub(ct, &Subject{Fields: map[string]string{"unit": "机关"}, Values: map[string]Num{"meetings": MustNum("10")}})
		require.NoError(t, err)
		requireRat(t, "5", pts)
		assert.Equal(t, []string{"other"}, hit)
	})
	t.Run("missing-number", func(t *testing.T) {
		_, _, _, err := evalSub(ct, &Subject{Fields: map[string]string{"unit": "村"}})
		require.ErrorIs(t, err, ErrInput)
		assert.EqualError(t, err, `values.meetings: invalid input: no value for the table input "meetings" at table`)
	})
	t.Run("missing-text", func(t *testing.T) {
		_, _, _, err := evalSub(ct, &Subject{Values: map[string]Num{"meetings": MustNum("10")}})
		require.ErrorIs(t, err, ErrInput)
		var p *Problem
		require.ErrorAs(t, err, &p)
		assert.Equal(t, "fields.unit", p.Path)
		assert.EqualError(t, err, `fields.unit: invalid input: no text for the table input "unit" at table`)
	})
	t.Run("inputs-read", func(t *testing.T) {
		got := ct.inputsRead(tableInputOf(ct, &Subject{Fields: map[string]string{"unit": "村"}, Values: map[string]Num{"meetings": MustNum("12.0"), "unused": MustNum("1")}}), nil).Map()
		assert.Equal(t, map[string]string{"unit": `"村"`, "meetings": "12"}, got)
	})
	t.Run("many-inputs", func(t *testing.T) {
		// More inputs than eval's stack buffers hold.
		tb := Table{HitPolicy: HitFirst}
		s := &Subject{Values: map[string]Num{}}
		when := []string{}
		for i := range 12 {
			name := fmt.Sprintf("x%d", i)
			tb.Inputs = append(tb.Inputs, TableInput{Name: name, Kind: NumberInput})
			when = append(when, fmt.Sprintf(">= %d", i))
			s.Values[name] = MustNum(fmt.Sprint(i))
		}
		tb.Rules = []TableRule{{ID: "all", When: when, Points: MustNum("1")}}
		ct := mustCompile(t, tb, "1")
		pts, hit, _, err := evalSub(ct, s)
		require.NoError(t, err)
		requireRat(t, "1", pts)
		assert.Equal(t, []string{"all"}, hit)
		s.Values["x11"] = MustNum("10.99")
		_, hit, _, err = evalSub(ct, s)
		require.NoError(t, err)
		assert.Nil(t, hit)
	})
}

func TestTableCompileProblems(t *testing.T) {
	in := func(name, kind string) TableInput { return TableInput{Name: name, Kind: kind} }
	rule := func(id, points string, when ...string) TableRule {
		r := TableRule{ID: id, When: when}
		if points != "" {
			r.Points = MustNum(points)
		}
		return r
	}
	x := []TableInput{in("x", NumberInput)}
	tests := []struct {
		name  string
		table Table
		want  []string
	}{
		{"unknown-hit-policy", Table{HitPolicy: "first", Inputs: x, Rules: []TableRule{rule("a", "1", "-")}},
			[]string{`table.hitPolicy: invalid value: want UNIQUE, FIRST, PRIORITY, ANY, COLLECT, RULE ORDER or OUTPUT ORDER (or U, F, P, A, C, C+, C<, C>, C#, R, O) ("first")`}},
		{"unknown-aggregation", Table{HitPolicy: "C", Aggregation: "AVG", Inputs: x, Rules: []TableRule{rule("a", "1", "-")}},
			[]string{`table.aggregation: invalid value: want SUM, MIN, MAX or COUNT (or +, <, >, #) ("AVG")`}},
		{"aggregation-without-collect", Table{HitPolicy: "FIRST", Aggregation: "SUM", Inputs: x, Rules: []TableRule{rule("a", "1", "-")}},
			[]string{`table.aggregation: decision table is inconsistent: an aggregation needs the COLLECT hit policy, not FIRST ("SUM")`}},
		{"conflicting-aggregations", Table{HitPolicy: "C+", Aggregation: "MIN", Inputs: x, Rules: []TableRule{rule("a", "1", "-")}},
			[]string{`table.aggregation: decision table is inconsistent: hit policy C+ already aggregates by SUM ("MIN")`}},
		{"agreeing-aggregations", Table{HitPolicy: "C+", Aggregation: "+", Inputs: x, Rules: []TableRule{rule("a", "1", "-")}}, nil},
		{"no-inputs-no-rules", Table{},
			[]string{"table.inputs: invalid value: a table needs at least one input",
				"table.rules: invalid value: a table needs at least one rule"}},
		{"bad-inputs", Table{Inputs: []TableInput{in("", NumberInput), in("x", "int"), in("x", TextInput)}, Rules: []TableRule{rule("a", "1", "-", "-", "-")}},
			[]string{"table.inputs[0].name: invalid value: an input needs a name",
				`table.inputs[1].kind: invalid value: want "number" or "text" ("int")`,
				`table.inputs[2].name: duplicate ID: also at inputs[1] ("x")`}},
		{"rule-ids", Table{HitPolicy: "F", Inputs: x, Rules: []TableRule{rule("", "1", "1"), rule("a", "1", "2"), rule("a", "1", "3")}},
			[]string{"table.rules[0].id: invalid value: empty ID",
				`table.rules[2].id: duplicate ID: also at rules[1] ("a")`}},
		{"cell-count", Table{HitPolicy: "F", Inputs: x, Rules: []TableRule{rule("a", "1", "1", "2"), rule("b", "1")}},
			[]string{`table.rules[0].when: decision table is inconsistent: rule "a" has 2 tests for 1 inputs`,
				`table.rules[1].when: decision table is inconsistent: rule "b" has 0 tests for 1 inputs`}},
		{"cell-syntax", Table{HitPolicy: "F", Inputs: x, Rules: []TableRule{rule("a", "1", "< x"), rule("", "1", "[1..2")}},
			[]string{`table.rules[0].when[0]: invalid value: rule "a", input "x": want a number at offset 2 ("< x")`,
				"table.rules[1].id: invalid value: empty ID",
				`table.rules[1].when[0]: invalid value: rule "rules[1]", input "x": want "]", ")" or "[" to close the interval at offset 5 ("[1..2")`}},
		{"cell-syntax-beyond-inputs", Table{HitPolicy: "F", Inputs: x, Rules: []TableRule{rule("a", "1", "1", "<")}},
			[]string{`table.rules[0].when: decision table is inconsistent: rule "a" has 2 tests for 1 inputs`,
				`table.rules[0].when[1]: invalid value: rule "a": want a number or a quoted string after "<" at offset 1`}},
		{"cell-kind", Table{HitPolicy: "F", Inputs: []TableInput{in("x", NumberInput), in("unit", TextInput)}, Rules: []TableRule{rule("a", "1", `"A"`, "1")}},
			[]string{`table.rules[0].when[0]: invalid value: rule "a", input "x": want a number for a number input, found text "A" at offset 0 ("\"A\"")`,
				`table.rules[0].when[1]: invalid value: rule "a", input "unit": want a quoted string for a text input, found "1" at offset 0`}},
		{"cell-empty", Table{HitPolicy: "F", Inputs: x, Rules: []TableRule{rule("a", "1", "[3..1]"), rule("b", "1", "not(-1, < 0, >-1)")}},
			[]string{`table.rules[0].when[0]: invalid value: rule "a", input "x": interval [3..1] matches no value at offset 0 ("[3..1]")`,
				`table.rules[1].when[0]: invalid value: rule "b", input "x": the test matches no value ("not(-1, < 0, >-1)")`}},
		{"points", Table{HitPolicy: "F", Inputs: x, Rules: []TableRule{rule("a", "", "1"), rule("b", "-1", "2"), rule("c", "10.5", "3"), rule("d", "10", "4")}},
			[]string{`table.rules[0].points: points are inconsistent: rule "a" gives no points`,
				`table.rules[1].points: points are inconsistent: rule "b": points lie in [0, 10] ("-1")`,
				`table.rules[2].points: points are inconsistent: rule "c": points lie in [0, 10] ("10.5")`}},
		{"count-needs-no-points", Table{HitPolicy: "C#", Inputs: x, Rules: []TableRule{rule("a", "", "1")}}, nil},
		{"priority-needs-outputs", Table{HitPolicy: "P", Inputs: x, Rules: []TableRule{rule("a", "1", "1")}},
			[]string{"table.outputs: decision table is inconsistent: PRIORITY needs the outputs list, in priority order"}},
		{"output-order-needs-outputs", Table{HitPolicy: "O", Inputs: x, Rules: []TableRule{rule("a", "1", "1")}},
			[]string{"table.outputs: decision table is inconsistent: OUTPUT ORDER needs the outputs list, in priority order"}},
		{"outputs", Table{HitPolicy: "P", Inputs: x, Outputs: []Num{MustNum("5"), MustNum("5.0"), MustNum("11"), {}}, Rules: []TableRule{rule("a", "5", "1"), rule("b", "3", "2")}},
			[]string{`table.outputs[1]: duplicate ID: also at outputs[0] ("5")`,
				`table.outputs[2]: points are inconsistent: outputs lie in [0, 10] ("11")`,
				`table.outputs[3]: points are inconsistent: outputs lie in [0, 10] ("0")`,
				`table.rules[1].points: decision table is inconsistent: rule "b": points 3 are not in the outputs list ("3")`}},
		{"outputs-constrain-any-policy", Table{HitPolicy: "F", Inputs: x, Outputs: []Num{MustNum("1")}, Rules: []TableRule{rule("a", "2", "1")}},
			[]string{`table.rules[0].points: decision table is inconsistent: rule "a": points 2 are not in the outputs list ("2")`}},
		{"unique-overlaps", Table{Inputs: []TableInput{in("rate", NumberInput), in("unit", TextInput)}, Rules: []TableRule{
			rule("r1", "5", "[90..100]", "-"),
			rule("r2", "4", "[80..90]", `"村"`),
			rule("r3", "3", "[70..80)", `not("村")`),
			rule("r4", "2", "(70..80]", `"村", "社区"`),
			rule("r5", "0", "< 70", "-"),
		}},
			[]string{`table.rules[1]: decision table is inconsistent: UNIQUE rules "r1" and "r2" overlap: both match rate = 90, unit = "村"`,
				`table.rules[3]: decision table is inconsistent: UNIQUE rules "r2" and "r4" overlap: both match rate = 80, unit = "村"`,
				`table.rules[3]: decision table is inconsistent: UNIQUE rules "r3" and "r4" overlap: both match rate = 75, unit = "社区"`}},
		{"unique-duplicate-rows", Table{Inputs: x, Rules: []TableRule{rule("a", "1", "-"), rule("b", "1", "")}},
			[]string{`table.rules[1]: decision table is inconsistent: UNIQUE rules "a" and "b" overlap: both match every subject`}},
		{"unique-touching-at-open-bounds", Table{Inputs: x, Rules: []TableRule{rule("a", "1", "< 60"), rule("b", "2", "[60..80)"), rule("c", "3", "]80..90]"), rule("d", "4", "[80..80]"), rule("e", "5", "> 90")}}, nil},
		{"any-overlap-different-points", Table{HitPolicy: "A", Inputs: x, Rules: []TableRule{rule("a", "4", ">= 80"), rule("b", "4", "[90..100]"), rule("c", "3", "(85..95)")}},
			[]string{`table.rules[2]: decision table is inconsistent: ANY rules "a" (4 points) and "c" (3 points) overlap: both match x = 90`,
				`table.rules[2]: decision table is inconsistent: ANY rules "b" (4 points) and "c" (3 points) overlap: both match x = 90`}},
		{"first-may-overlap", Table{HitPolicy: "F", Inputs: x, Rules: []TableRule{rule("a", "1", "-"), rule("b", "1", "-")}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ps := tt.table.compile("table", rat.Int(10))
			assert.Equal(t, tt.want, nilIfEmpty(problemStrings(ps)))
		})
	}
}

func TestTableLimits(t *testing.T) {
	t.Run("too-many-rules", func(t *testing.T) {
		tb := numTable(HitFirst, "", nil)
		for i := range MaxTableRules + 1 {
			tb.Rules = append(tb.Rules, TableRule{ID: fmt.Sprint(i), When: []string{"-"}, Points: MustNum("1")})
		}
		_, ps := tb.compile("table", rat.Int(1))
		assert.Equal(t, []string{`table.rules: exceeds a limit: more than 2000 rules ("2001")`}, problemStrings(ps))
	})
	t.Run("overlap-reports-are-bounded", func(t *testing.T) {
		tb := numTable(HitUnique, "", nil)
		for i := range 10 {
			tb.Rules = append(tb.Rules, TableRule{ID: fmt.Sprint(i), When: []string{"-"}, Points: MustNum("1")})
		}
		tb.Rules[0].Points = MustNum("2") // one more problem, not an overlap
		_, ps := tb.compile("table", rat.Int(1))
		require.Len(t, ps, 1+maxOverlapReports+1)
		assert.Equal(t, `table.rules[0].points: points are inconsistent: rule "0": points lie in [0, 1] ("2")`, ps[0].Error())
		assert.Equal(t, `table.rules[1]: decision table is inconsistent: UNIQUE rules "0" and "1" overlap: both match every subject`, ps[1].Error())
		assert.Equal(t, `table.rules: decision table is inconsistent: 25 more overlapping pairs ("25")`, ps[len(ps)-1].Error())
		for _, p := range ps[1:] {
			assert.ErrorIs(t, p, ErrTable)
		}
	})
	t.Run("many-rules-compile", func(t *testing.T) {
		ct := mustCompile(t, disjointTable(500), "1")
		_, hit, _, err := evalSub(ct, subjectX("499.5"))
		require.NoError(t, err)
		assert.Equal(t, []string{"499"}, hit)
	})
}

// disjointTable has n UNIQUE rules [i..i+1) that do not overlap.
func disjointTable(n int) Table {
	tb := numTable(HitUnique, "", nil)
	for i := range n {
		tb.Rules = append(tb.Rules, TableRule{ID: fmt.Sprint(i), When: []string{fmt.Sprintf("[%d..%d)", i, i+1)}, Points: MustNum("1")})
	}
	return tb
}

// BenchmarkTableCompileMaxRules measures the exact overlap check, which is
// quadratic, on the largest table allowed.
func BenchmarkTableCompileMaxRules(b *testing.B) {
	tb := disjointTable(MaxTableRules)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, ps := tb.compile("table", rat.Int(1)); len(ps) > 0 {
			b.Fatal(ps[0])
		}
	}
}

func TestTableJSON(t *testing.T) {
	tb := numTable(HitCollect, AggSum, []string{"1"}, "a: [1..2] -> 1")
	tb.Rules[0].Source = "S1"
	b, err := json.Marshal(tb)
	require.NoError(t, err)
	assert.JSONEq(t, `{"hitPolicy":"COLLECT","aggregation":"SUM","inputs":[{"name":"x","kind":"number"}],"outputs":["1"],
		"rules":[{"id":"a","when":["[1..2]"],"points":"1","source":"S1"}]}`, string(b))
	var back Table
	require.NoError(t, json.Unmarshal(b, &back))
	b2, err := json.Marshal(back)
	require.NoError(t, err)
	assert.JSONEq(t, string(b), string(b2))
}

// TestTableEvalNoAlloc pins the common path: a single-hit policy selecting
// one rule, and no match at all, allocate nothing.
func TestTableEvalNoAlloc(t *testing.T) {
	tb := Table{HitPolicy: HitFirst, Inputs: []TableInput{{Name: "unit", Kind: TextInput}, {Name: "rate", Kind: NumberInput}},
		Rules: []TableRule{
			{ID: "a", When: []string{`"村"`, ">= 90"}, Points: MustNum("5")},
			{ID: "b", When: []string{`"村"`, "[60..90)"}, Points: MustNum("3")},
			{ID: "c", When: []string{`not("村")`, "-"}, Points: MustNum("4")},
		}}
	s := &Subject{Fields: map[string]string{"unit": "村"}, Values: map[string]Num{"rate": MustNum("75.5")}}
	for _, policy := range []HitPolicy{HitFirst, HitUnique, HitAny, HitCollect, HitRuleOrder} {
		tb.HitPolicy = policy
		ct := mustCompile(t, tb, "5")
		in := tableInputOf(ct, s)
		allocs := testing.AllocsPerRun(200, func() {
			if _, hit, _, err := ct.eval(in); err != nil || len(hit) != 1 {
				t.Fatal(hit, err)
			}
		})
		assert.Zero(t, allocs, policy)
		miss := tableInputOf(ct, &Subject{Fields: map[string]string{"unit": "村"}, Values: map[string]Num{"rate": MustNum("10")}})
		allocs = testing.AllocsPerRun(200, func() {
			if _, hit, _, err := ct.eval(miss); err != nil || hit != nil {
				t.Fatal(hit, err)
			}
		})
		assert.Zero(t, allocs, policy)
	}
}

func TestTableConcurrent(t *testing.T) {
	ct := mustCompile(t, numTable(HitPriority, "", []string{"5", "3", "2", "1"}, "a: [0..10] -> 2", "b: [5..10] -> 5", "c: [8..10] -> 3", "d: 9 -> 1"), "10")
	xs := []string{"0", "5", "8", "9", "9.5", "11"}
	want := make([]string, len(xs))
	for i, x := range xs {
		p, hit, notes, err := evalSub(ct, subjectX(x))
		require.NoError(t, err)
		want[i] = fmt.Sprint(p, hit, notes)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 500 {
				i := (g + k) % len(xs)
				p, hit, notes, err := evalSub(ct, subjectX(xs[i]))
				if got := fmt.Sprint(p, hit, notes); err != nil || got != want[i] {
					errs <- fmt.Sprintf("x=%s: %s, %v", xs[i], got, err)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// ---------------------------------------------------------------------
// Golden tables.

type goldenCase struct {
	Name   string            `json:"name"`
	Values map[string]Num    `json:"values,omitempty"`
	Fields map[string]string `json:"fields,omitempty"`
	Points string            `json:"points,omitempty"`
	Hit    []string          `json:"hit,omitempty"`
	Notes  []string          `json:"notes,omitempty"`
	Error  string            `json:"error,omitempty"`
}

type goldenTable struct {
	Name     string       `json:"name"`
	Note     string       `json:"note,omitempty"`
	Max      Num          `json:"max"`
	Table    Table        `json:"table"`
	Problems []string     `json:"problems,omitempty"`
	Cases    []goldenCase `json:"cases,omitempty"`
}

type goldenFile struct {
	About  string        `json:"about"`
	Source string        `json:"source"`
	Tables []goldenTable `json:"tables"`
}

func TestTableGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "table", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".json"), func(t *testing.T) {
			b, err := os.ReadFile(file)
			require.NoError(t, err)
			dec := json.NewDecoder(strings.NewReader(string(b)))
			dec.DisallowUnknownFields()
			var g goldenFile
			require.NoError(t, dec.Decode(&g))
			require.NotEmpty(t, g.About, "a golden file says what it checks")
			require.NotEmpty(t, g.Source, "a golden file names where its numbers come from")
			require.NotEmpty(t, g.Tables)
			for _, gt := range g.Tables {
				t.Run(gt.Name, func(t *testing.T) {
					require.True(t, gt.Max.IsSet(), "max")
					require.True(t, len(gt.Cases) > 0 || len(gt.Problems) > 0, "a golden table has cases or problems")
					ct, ps := gt.Table.compile("table", gt.Max.rat())
					require.Equal(t, gt.Problems, nilIfEmpty(problemStrings(ps)))
					if len(ps) > 0 {
						return
					}
					for _, c := range gt.Cases {
						t.Run(c.Name, func(t *testing.T) {
							pts, hit, notes, err := evalSub(ct, &Subject{ID: c.Name, Values: c.Values, Fields: c.Fields})
							if c.Error != "" {
								require.EqualError(t, err, c.Error)
								return
							}
							require.NoError(t, err)
							requireRat(t, c.Points, pts)
							assert.Equal(t, c.Hit, hit)
							assert.Equal(t, c.Notes, notes)
						})
					}
				})
			}
		})
	}
}

func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}

// ---------------------------------------------------------------------
// Properties and fuzzing.

func BenchmarkTableEval(b *testing.B) {
	tb := Table{HitPolicy: HitUnique, Inputs: []TableInput{{Name: "unit", Kind: TextInput}, {Name: "rate", Kind: NumberInput}},
		Rules: []TableRule{
			{ID: "a", When: []string{`"村","社区"`, ">= 90"}, Points: MustNum("5")},
			{ID: "b", When: []string{`"村","社区"`, "[80..90)"}, Points: MustNum("4")},
			{ID: "c", When: []string{`"村","社区"`, "[60..80)"}, Points: MustNum("3")},
			{ID: "d", When: []string{`"村","社区"`, "< 60"}, Points: MustNum("0")},
			{ID: "e", When: []string{`not("村","社区")`, "-"}, Points: MustNum("5")},
		}}
	ct := mustCompile(b, tb, "5")
	in := tableInputOf(ct, &Subject{Fields: map[string]string{"unit": "社区"}, Values: map[string]Num{"rate": MustNum("72.5")}})
	b.ReportAllocs()
	var sink rat.Rat
	b.ResetTimer()
	for range b.N {
		p, _, _, err := ct.eval(in)
		if err != nil {
			b.Fatal(err)
		}
		sink = p
	}
	_ = sink
}

// TestTableThroughScorer pins how the scheme compiler and the scorer
// report a table's problems: with the table's path in the scheme, and the
// input's path in the subject.
func TestTableThroughScorer(t *testing.T) {
	scheme := func(tb *Table) Scheme {
		return Scheme{Name: "s", Components: []Component{{ID: "c", Name: "c", Weight: MustNum("1"), Max: MustNum("6"),
			Indicators: []Indicator{{ID: "leaf", Name: "leaf", Max: MustNum("6"), Method: &Method{Kind: TableMethod, Table: tb}}}}}}
	}
	tb := numTable(HitUnique, "", nil, "hi: >= 60 -> 6", "lo: <= 60 -> 0")
	_, err := Compile(scheme(&tb))
	require.ErrorIs(t, err, ErrTable)
	assert.EqualError(t, err, `components[0].indicators[0].method.table.rules[1]: decision table is inconsistent: UNIQUE rules "hi" and "lo" overlap: both match x = 60`)

	tb = numTable(HitUnique, "", nil, "hi: >= 60 -> 6", "lo: < 60 -> 0")
	sc, err := Compile(scheme(&tb))
	require.NoError(t, err)
	_, err = sc.Score(Subject{ID: "s1"})
	require.ErrorIs(t, err, ErrInput)
	assert.EqualError(t, err, `values.x (id "s1"): invalid input: no value for the table input "x" at components[0].indicators[0].method.table`)
	res, err := sc.Explain(Subject{ID: "s1", Values: map[string]Num{"x": MustNum("60")}})
	require.NoError(t, err)
	assert.Equal(t, "6", res.Total.String())
	assert.Equal(t, "hi", res.Trace.Children[0].Children[0].Rule)
}
