package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian/funding/dues"
	"github.com/dangjian-go/dangjian/internal/golden"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// result is what one run of the program did.
type result struct {
	code           int
	stdout, stderr string
}

func runWith(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return result{code, out.String(), errOut.String()}
}

// checkGolden compares got with testdata/<name>.golden; go test -update
// rewrites it.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", name+".golden"), []byte(got))
}

// The sample's amounts for June 2024 (rules 2017) were derived by hand
// before the goldens were written; TestSampleAmounts pins the ones that
// test a rule, so that -update cannot silently accept a change.
func TestGolden(t *testing.T) {
	cases := []struct {
		name string
		args []string
		code int
	}{
		{"sample.csv", []string{"-in", "testdata/sample.csv", "-date", "2024-06-01"}, 0},
		{"sample.zh.csv", []string{"-in", "testdata/sample.csv", "-date", "2024-06-15", "-lang", "zh"}, 0},
		{"sample.json", []string{"-in", "testdata/sample.csv", "-date", "2024-06-30", "-format", "json"}, 0},
		// The 2008 rules: income tax only, the whole 事业单位 绩效 and the
		// retirement allowance count; no cap; the probationary member is
		// not yet due.
		{"sample-2016.csv", []string{"-in", "testdata/sample.csv", "-date", "2016-06-01"}, 0},
		{"badrows.csv", []string{"-in", "testdata/badrows.csv", "-date", "2024-06-01"}, 1},
		// -format json with input problems: {"problems": [...], "dues": [...]}, exit 2.
		{"badrows.json", []string{"-in", "testdata/badrows.csv", "-date", "2024-06-01", "-format", "json"}, 2},
		{"badrows.roster.json", []string{"-in", "testdata/badrows.roster.json", "-date", "2024-06-01"}, 1},
		{"badrows.roster.json.json", []string{"-in", "testdata/badrows.roster.json", "-date", "2024-06-01", "-format", "json"}, 2},
		// A mobile member paying at the inflow organization: -paying-org
		// adds the ledger's column; the summary counts M3 and M4 there.
		{"mobile.csv", []string{"-in", "testdata/mobile.csv", "-date", "2024-06-01", "-paying-org"}, 0},
		// Without it, the ledger cannot say who collected: nothing written, exit 1.
		{"mobile.nocolumn.csv", []string{"-in", "testdata/mobile.csv", "-date", "2024-06-01"}, 1},
		{"mobile.json", []string{"-in", "testdata/mobile.csv", "-date", "2024-06-01", "-format", "json"}, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := runWith(t, "", c.args...)
			assert.Equal(t, c.code, r.code, "stderr: %s", r.stderr)
			checkGolden(t, c.name, r.stdout)
			checkGolden(t, c.name+".stderr", r.stderr)
		})
	}
}

func TestSampleAmounts(t *testing.T) {
	r := runWith(t, "", "-date", "2024-06-01", "-format", "json")
	require.Equal(t, 0, r.code, r.stderr)
	var results []dues.Result
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &results))
	require.Len(t, results, 16)
	want := map[string]struct{ amount, total, rule string }{
		"01": {"45.25", "45.25", "DUES-WAGE-2"},       // 机关: 6300 − 85 − 520 − 130 − 780 − 260 = 4525.00 × 1 %
		"02": {"75.67", "75.67", "DUES-WAGE-3"},       // 事业单位: 6900 − 1855.50 = 5044.50 × 1.5 % = 75.6675
		"03": {"42.93", "42.93", "DUES-WAGE-2"},       // 企业: 5500 − 1207.50 = 4292.50 × 1 % = 42.925
		"04": {"93.52", "143.52", "DUES-WAGE-3"},      // 6234.50 × 1.5 % = 93.5175; voluntary 50
		"05": {"52.00", "52.00", "DUES-PENSION-2"},    // basic pension 5200 only (2017)
		"06": {"5.00", "5.00", "DUES-HARDSHIP"},       // 15.00 reduced to 5.00
		"07": {"1000.00", "1000.00", "DUES-CAP-1000"}, // payout month 86000 × 2 % = 1720 → cap
		"08": {"240.00", "240.00", "DUES-WAGE-4"},     // 12000 × 2 %
		"09": {"42.50", "42.50", "DUES-WAGE-2"},       // (4200 + 3900 + 4651) / 3 × 1 % = 42.503…
		"10": {"0.50", "0.50", "DUES-FLAT-FARMER"},    // the branch's choice
		"11": {"0.20", "0.20", "DUES-FLAT-FARMER"},    // the default
		"12": {"0.20", "0.20", "DUES-FLAT-020"},       // student
		"13": {"0.20", "0.20", "DUES-FLAT-020"},       // unemployed
		"14": {"0.20", "0.20", "DUES-FLAT-020"},       // low income
		"15": {"0.00", "0.00", "DUES-PROBATIONARY"},   // since 2024-07-10: not yet due
		"16": {"15.00", "1015.00", "DUES-WAGE-1"},     // 3000 × 0.5 %; a lump sum of 1000
	}
	for _, d := range results {
		w, ok := want[d.Member]
		require.True(t, ok, d.Member)
		assert.Equal(t, w.amount, d.Amount.String(), d.Member)
		assert.Equal(t, w.total, d.Total.String(), d.Member)
		assert.Equal(t, w.rule, d.Rule, d.Member)
		assert.NotEmpty(t, d.Steps, "the trace of %s", d.Member)
	}
}

// The built-in sample is testdata/sample.csv, and has no bad row on any
// date the rules cover.
func TestBuiltInSample(t *testing.T) {
	for _, args := range [][]string{{"-date", "2024-06-01"}, {"-date", "2024-06-01", "-format", "json"}, {"-date", "2016-06-01", "-lang", "zh"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			builtIn := runWith(t, "", args...)
			file := runWith(t, "", append(args, "-in", "testdata/sample.csv")...)
			assert.Equal(t, file, builtIn)
		})
	}
	// What CI runs: no arguments, today's date.
	t.Run("no-arguments", func(t *testing.T) {
		r := runWith(t, "")
		assert.Equal(t, 0, r.code, "stderr: %s", r.stderr)
		assert.Contains(t, r.stderr, ": 16 members computed\n")
		assert.NotContains(t, r.stderr, "not computed")
	})
	for _, d := range []string{"2008-04-01", "2016-12-31", "2017-01-01", "2030-01-01", "9999-12-31"} {
		t.Run("date-"+d, func(t *testing.T) {
			r := runWith(t, "", "-date", d)
			assert.Equal(t, 0, r.code, "stderr: %s", r.stderr)
			assert.Contains(t, r.stderr, ": 16 members computed\n")
		})
	}
}

// A JSON roster computes as the CSV roster it was written from: the same
// ledger, the same JSON dues, the same summary.
func TestJSONRosterAsCSV(t *testing.T) {
	for _, args := range [][]string{{"-date", "2024-06-01"}, {"-date", "2016-06-01"}, {"-date", "2024-06-01", "-format", "json"}, {"-lang", "zh", "-date", "2024-06-15"}} {
		csv := runWith(t, "", append([]string{"-in", "testdata/sample.csv"}, args...)...)
		js := runWith(t, "", append([]string{"-in", "testdata/sample.roster.json"}, args...)...)
		require.Equal(t, 0, js.code, js.stderr)
		assert.Equal(t, csv.stdout, js.stdout, "%v", args)
		assert.Equal(t, csv.stderr, js.stderr, "%v", args)
	}
	data, err := os.ReadFile("testdata/sample.roster.json")
	require.NoError(t, err)
	r := runWith(t, string(data), "-in", "-", "-date", "2024-06-01")
	assert.Equal(t, 0, r.code, "standard input starting with [ is JSON: %s", r.stderr)
	assert.Equal(t, runWith(t, "", "-in", "testdata/sample.csv", "-date", "2024-06-01").stdout, r.stdout)
}

// With -format json, input problems are a JSON object on standard output
// and the exit status is 2, whether the file cannot be read or rows are
// bad.
func TestFormatJSONProblems(t *testing.T) {
	type problem struct {
		Code, Path, ID, File, Value, Message string
		Line, Column                         int
	}
	var out struct {
		Problems []problem
		Dues     []dues.Result
	}
	r := runWith(t, "id,name,salary\n", "-in", "-", "-format", "json")
	assert.Equal(t, 2, r.code)
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &out), r.stdout)
	assert.Equal(t, []problem{
		{Code: "header", Path: "salary", File: "stdin", Value: "salary", Line: 1, Column: 3, Message: "invalid header: unknown column"},
		{Code: "header", Path: "category", File: "stdin", Line: 1, Message: "invalid header: missing required column"},
	}, out.Problems)
	assert.Empty(t, out.Dues)

	r = runWith(t, "[{\"id\": \"a\", \"category\": \"employed\", \"base\": \"x\"},\n {\"id\": \"b\", \"category\": \"student\"}]", "-in", "-", "-format", "json", "-date", "2024-06-01")
	assert.Equal(t, 2, r.code)
	out.Problems, out.Dues = nil, nil
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &out), r.stdout)
	require.Len(t, out.Problems, 1)
	assert.Equal(t, problem{Code: "invalid", Path: "[0].base", ID: "a", File: "stdin", Line: 1, Column: 46, Value: "x",
		Message: "invalid value: want an amount in yuan such as 6234.50: digits with at most two decimal places"}, out.Problems[0])
	require.Len(t, out.Dues, 1, "the good members are still computed")
	assert.Equal(t, "b", out.Dues[0].Member)

	r = runWith(t, "[{\"id\": \"a\",", "-in", "-", "-format", "json")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stdout, `"code": "syntax"`)
	assert.Contains(t, r.stderr, "dues: stdin:1:13: [0]: malformed input: unexpected end of input, want a string key")
}

func TestStdin(t *testing.T) {
	in := "id,name,category,base\nx,某人,employed,5000.01\ny,,student,\n"
	r := runWith(t, in, "-in", "-", "-date", "2024-06-01")
	assert.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, "id,name,category,base,rate,dues,rule,voluntary,total,capped,lump_sum,reduced,not_yet_due\n"+
		"x,某人,employed,5000.01,0.015,75.00,DUES-WAGE-3,0.00,75.00,false,false,false,false\n"+
		"y,,student,,,0.20,DUES-FLAT-020,0.00,0.20,false,false,false,false\n", r.stdout)

	t.Run("bad rows from stdin", func(t *testing.T) {
		r := runWith(t, "id,name,category,base\nx,,employed,-1\n", "-in", "-", "-date", "2024-06-01")
		assert.Equal(t, 1, r.code)
		assert.True(t, strings.HasPrefix(r.stderr, "stdin:2:4: base (id \"x\"): must not be negative (\"-1\")\n"), r.stderr)
		assert.Equal(t, "id,name,category,base,rate,dues,rule,voluntary,total,capped,lump_sum,reduced,not_yet_due\n", r.stdout)
	})
	t.Run("a flat category's base of 0 is no base", func(t *testing.T) {
		r := runWith(t, "id,name,category,base\ny,,student,0\nz,,学生,0.00\n", "-in", "-", "-date", "2024-06-01")
		assert.Equal(t, 0, r.code, r.stderr)
		assert.Equal(t, "id,name,category,base,rate,dues,rule,voluntary,total,capped,lump_sum,reduced,not_yet_due\n"+
			"y,,student,,,0.20,DUES-FLAT-020,0.00,0.20,false,false,false,false\n"+
			"z,,student,,,0.20,DUES-FLAT-020,0.00,0.20,false,false,false,false\n", r.stdout)
		r = runWith(t, "id,name,category,base\ny,,student,5\n", "-in", "-", "-date", "2024-06-01")
		assert.Equal(t, 1, r.code)
		assert.Contains(t, r.stderr, "takes no base")
	})
	t.Run("no rows: an empty array", func(t *testing.T) {
		r := runWith(t, "id,name,category,base\n", "-in", "-", "-date", "2024-06-01", "-format", "json")
		assert.Equal(t, 0, r.code, r.stderr)
		assert.Equal(t, "[]\n", r.stdout)
	})
}

func TestExitTwo(t *testing.T) {
	cases := []struct {
		name   string
		stdin  string
		args   []string
		stderr string // the first line of standard error
	}{
		{"missing file", "", []string{"-in", "testdata/nope.csv"}, "dues: open testdata/nope.csv: no such file or directory"},
		{"bad header", "id,name,salary\n", []string{"-in", "-"},
			`dues: stdin:1:3: salary: invalid header: unknown column ("salary") (and 1 more problems)`},
		{"not csv", "id,name,category,base\nx,\"a\"b,employed,1\n", []string{"-in", "-"},
			`dues: stdin:2: malformed input: extraneous or missing " in quoted-field (byte 5 of the line)`},
		{"empty input", "", []string{"-in", "-"}, "dues: stdin:1: invalid header: no header row"},
		{"bad format", "", []string{"-format", "xml"}, `dues: -format "xml": want csv or json`},
		{"bad lang", "", []string{"-lang", "fr"}, `dues: -lang "fr": want en or zh`},
		{"bad date", "", []string{"-date", "2024-6-1"}, `dues: -date: dangjian: ParseDate("2024-6-1"): want YYYY-MM-DD`},
		{"before 2008", "", []string{"-date", "2008-03-31"}, `dues: -date 2008-03-01: no rule in force: no dues rules before 2008-04-01 (the older scale is not modelled) ("2008-03-01")`},
		{"bad rules", "", []string{"-rules", "2020"}, `dues: -rules "2020": want 2008 or 2017`},
		{"rules out of their period", "", []string{"-rules", "2008", "-date", "2024-06-01"},
			"dues: -rules 2008 are in force for [2008-04-01, 2017-01-01), not for 2024-06-01"},
		{"rules out of their period, 2017", "", []string{"-rules", "2017", "-date", "2016-12-31"},
			"dues: -rules 2017 are in force for [2017-01-01, …), not for 2016-12-01"},
		{"unexpected argument", "", []string{"roster.csv"}, `dues: unexpected argument "roster.csv"`},
		{"unknown flag", "", []string{"-output", "x"}, "flag provided but not defined: -output"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := runWith(t, c.stdin, c.args...)
			assert.Equal(t, 2, r.code)
			assert.Empty(t, r.stdout)
			first, _, _ := strings.Cut(r.stderr, "\n")
			assert.Equal(t, c.stderr, first)
		})
	}
	t.Run("forced rules in their period", func(t *testing.T) {
		r := runWith(t, "", "-rules", "2008", "-date", "2016-06-01")
		assert.Equal(t, 0, r.code, r.stderr)
		assert.Equal(t, runWith(t, "", "-date", "2016-06-01"), r)
	})
	t.Run("help", func(t *testing.T) {
		r := runWith(t, "", "-h")
		assert.Equal(t, 0, r.code)
		assert.Contains(t, r.stderr, "usage: dues [-in roster.csv|roster.json]")
	})
}
