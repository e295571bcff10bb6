package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"github.com/dangjian-go/dangjian/internal/golden"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

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

const asOf = "2025-06-30"

const (
	summaryTree   = "7 findings as of 2025-06-30: error 0, warning 7, info 0\n"
	summaryErrors = "9 findings as of 2025-06-30: error 6, warning 2, info 1\n"
)

func TestGolden(t *testing.T) {
	cases := []struct {
		name   string
		args   []string
		code   int
		stderr string // for the chart formats: the summary
	}{
		{"tree.text", []string{"-in", "testdata/tree.csv"}, 0, ""},
		{"tree.json", []string{"-in", "testdata/tree.csv", "-format", "json"}, 0, ""},
		{"tree.mermaid", []string{"-in", "testdata/tree.csv", "-format", "mermaid"}, 0, summaryTree},
		{"tree.dot", []string{"-in", "testdata/tree.csv", "-format", "dot"}, 0, summaryTree},
		{"errors.text", []string{"-in", "testdata/errors.csv"}, 1, ""},
		{"errors.json", []string{"-in", "testdata/errors.csv", "-format", "json"}, 1, ""},
		{"errors.mermaid", []string{"-in", "testdata/errors.csv", "-format", "mermaid"}, 1, summaryErrors},
		{"errors.dot", []string{"-in", "testdata/errors.csv", "-format", "dot"}, 1, summaryErrors},
		// -root by UUID: the state enterprise's subtree has one error.
		{"errors-root-uuid.text", []string{"-in", "testdata/errors.csv", "-root", "3f2504e0-4f89-41d3-9a0c-0305e82c3301"}, 1, ""},
		// -root by the file's own code, one level deep.
		{"errors-root-code.mermaid", []string{"-in", "testdata/errors.csv", "-format", "mermaid", "-root", "yl", "-depth", "1"}, 1,
			"5 findings as of 2025-06-30: error 5, warning 0, info 0\n"},
		// A branch without findings: exit 0 although the file has errors elsewhere.
		{"errors-root-leaf.dot", []string{"-in", "testdata/errors.csv", "-format", "dot", "-root", "yl.sx.1"}, 0,
			"0 findings as of 2025-06-30: error 0, warning 0, info 0\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := runWith(t, "", append(c.args, "-date", asOf)...)
			assert.Equal(t, c.code, r.code, "stderr: %s", r.stderr)
			assert.Equal(t, c.stderr, r.stderr)
			checkGolden(t, c.name, r.stdout)
		})
	}
}

// The built-in sample is testdata/tree.csv.
func TestBuiltInSample(t *testing.T) {
	for _, format := range []string{"text", "json", "mermaid", "dot"} {
		t.Run(format, func(t *testing.T) {
			builtIn := runWith(t, "", "-format", format, "-date", asOf)
			file := runWith(t, "", "-in", "testdata/tree.csv", "-format", format, "-date", asOf)
			assert.Equal(t, file, builtIn)
		})
	}
	// What CI runs: no arguments, today's date. The sample records no
	// running term, so it has no error finding on any date.
	t.Run("no-arguments", func(t *testing.T) {
		r := runWith(t, "")
		assert.Equal(t, 0, r.code, "stderr: %s", r.stderr)
		assert.Empty(t, r.stderr)
		assert.Contains(t, r.stdout, ": error 0, warning 7, info 0\n")
	})
	for _, d := range []string{"2018-07-01", "2030-01-01", "2099-12-31"} {
		t.Run("date-"+d, func(t *testing.T) {
			r := runWith(t, "", "-date", d)
			assert.Equal(t, 0, r.code, "stdout: %s", r.stdout)
		})
	}
}

func TestJSONFields(t *testing.T) {
	r := runWith(t, "", "-in", "testdata/errors.csv", "-format", "json", "-date", asOf)
	require.Equal(t, 1, r.code)
	var fs []map[string]any
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &fs))
	require.Len(t, fs, 9)
	for _, f := range fs {
		for _, k := range []string{"rule", "severity", "subject", "name", "line", "message", "source"} {
			assert.Contains(t, f, k)
		}
	}
	assert.Equal(t, "ORG-BRANCH-MIN-3", fs[0]["rule"])
	assert.Equal(t, "error", fs[0]["severity"])
	assert.Equal(t, "yl.cx", fs[0]["subject"], "the organization's id as the file writes it")
	assert.EqualValues(t, 4, fs[0]["line"], "the line of its row")

	t.Run("no-findings-is-an-empty-array", func(t *testing.T) {
		r := runWith(t, "", "-in", "testdata/errors.csv", "-format", "json", "-root", "yl.sx.1", "-date", asOf)
		assert.Equal(t, 0, r.code)
		assert.Equal(t, "[]\n", r.stdout)
	})
}

func TestBadRows(t *testing.T) {
	t.Run("build-fails", func(t *testing.T) {
		r := runWith(t, "", "-in", "testdata/badrows.csv", "-date", asOf)
		assert.Equal(t, 1, r.code)
		assert.Empty(t, r.stdout, "no findings when the tree cannot be built")
		checkGolden(t, "badrows.stderr", r.stderr)
	})
	t.Run("build-succeeds", func(t *testing.T) {
		in := "id,parent_id,kind,domain,name,full_members,probationary_members\n" +
			"a,,committee,community,社区党委,3,0\n" +
			"a.1,a,branch,community,第一党支部,x,0\n" +
			"a.2,a,branch,community,第二党支部,5,0\n"
		r := runWith(t, in, "-in", "-", "-date", asOf)
		assert.Equal(t, 1, r.code, "bad rows fail the run even without error findings")
		assert.Equal(t, "stdin:3:6: full_members (id \"a.1\"): invalid value: not a base-10 integer (\"x\")\n", r.stderr)
		assert.Contains(t, r.stdout, "ORG-CMTE-BELOW-100")
		assert.Contains(t, r.stdout, ": error 0, warning 1, info 0\n")
	})
}

func TestUnreadableInput(t *testing.T) {
	cases := []struct {
		name   string
		stdin  string
		args   []string
		stderr string // a substring
	}{
		{"missing-file", "", []string{"-in", "testdata/no-such-file.csv"}, "orgchart: open testdata/no-such-file.csv: no such file or directory"},
		{"empty-input", "", []string{"-in", "-"}, "stdin:1: invalid header: no header row\n"},
		{"unknown-column", "编号,上级编号,组织类别,领域,名称,正式党员,预备党员,备注\n", []string{"-in", "-"}, "stdin:1:8: 备注: invalid header: unknown column (\"备注\")\n"},
		{"missing-column", "id,kind,name\n", []string{"-in", "-"}, "stdin:1: parent_id: invalid header: missing required column\n"},
		{"not-csv", "id,parent_id,kind,domain,name,full_members,probationary_members\na,,\"党委\"x,,n,1,0\n", []string{"-in", "-"}, "stdin:2: malformed input: extraneous or missing \" in quoted-field (byte 11 of the line)\n"},
		{"bad-json", "", []string{"-in", "testdata/bad.json"}, "testdata/bad.json:3:24: orgs[1].kind (id \"1002\"): invalid value: unknown kind \"支队\"\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := runWith(t, c.stdin, c.args...)
			assert.Equal(t, 2, r.code)
			assert.Empty(t, r.stdout)
			assert.Contains(t, r.stderr, c.stderr)
		})
	}
}

func TestFlags(t *testing.T) {
	cases := []struct {
		name   string
		args   []string
		code   int
		stderr string // a substring
	}{
		{"unknown-flag", []string{"-colour"}, 2, "flag provided but not defined: -colour"},
		{"bad-format", []string{"-format", "svg"}, 2, `orgchart: -format "svg": want text, json, mermaid or dot`},
		{"bad-date", []string{"-date", "30/06/2025"}, 2, `orgchart: -date: dangjian: ParseDate("30/06/2025"): want YYYY-MM-DD`},
		{"bad-depth", []string{"-depth", "-1"}, 2, `orgchart: -depth "-1": must not be negative`},
		{"not-a-number", []string{"-depth", "two"}, 2, `invalid value "two" for flag -depth`},
		{"bad-max-depth", []string{"-max-depth", "0"}, 2, `orgchart: -max-depth "0": must be positive`},
		{"max-depth-not-a-number", []string{"-max-depth", "deep"}, 2, `invalid value "deep" for flag -max-depth`},
		{"extra-argument", []string{"tree.csv"}, 2, `orgchart: unexpected argument "tree.csv"`},
		{"unknown-root", []string{"-root", "nowhere"}, 2, `orgchart: -root "nowhere": no such organization in built-in sample`},
		{"unknown-root-uuid", []string{"-root", "3f2504e0-4f89-41d3-9a0c-0305e82c3301"}, 2, `-root "3f2504e0-4f89-41d3-9a0c-0305e82c3301": no such organization`},
		{"help", []string{"-h"}, 0, "usage: orgchart"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := runWith(t, "", c.args...)
			assert.Equal(t, c.code, r.code)
			assert.Empty(t, r.stdout)
			assert.Contains(t, r.stderr, c.stderr)
		})
	}
}

// A JSON tree is read as the CSV one is: the same findings and charts, and
// the same subjects (the files' own ids).
func TestJSONInput(t *testing.T) {
	for _, name := range []string{"tree", "errors"} {
		for _, format := range []string{"text", "mermaid", "dot"} {
			t.Run(name+"/"+format, func(t *testing.T) {
				csv := runWith(t, "", "-in", "testdata/"+name+".csv", "-format", format, "-date", asOf)
				js := runWith(t, "", "-in", "testdata/"+name+".in.json", "-format", format, "-date", asOf)
				assert.Equal(t, csv, js)
			})
		}
		t.Run(name+"/json", func(t *testing.T) {
			csv := runWith(t, "", "-in", "testdata/"+name+".csv", "-format", "json", "-date", asOf)
			js := runWith(t, "", "-in", "testdata/"+name+".in.json", "-format", "json", "-date", asOf)
			assert.Equal(t, csv.code, js.code)
			var a, b []map[string]any
			require.NoError(t, json.Unmarshal([]byte(csv.stdout), &a))
			require.NoError(t, json.Unmarshal([]byte(js.stdout), &b))
			require.Len(t, b, len(a))
			for i := range a {
				assert.NotEqual(t, a[i]["line"], nil)
				delete(a[i], "line") // the lines of two different files
				delete(b[i], "line")
			}
			assert.Equal(t, a, b)
		})
	}
	t.Run("-root by a JSON id", func(t *testing.T) {
		r := runWith(t, "", "-in", "testdata/errors.in.json", "-root", "yl", "-format", "mermaid", "-depth", "1", "-date", asOf)
		assert.Equal(t, 1, r.code)
		checkGolden(t, "errors-root-code.mermaid", r.stdout)
	})
}

// With -format json, input problems are a JSON object on standard output,
// and the exit status is 2.
func TestProblemsJSON(t *testing.T) {
	cases := []struct {
		name  string
		stdin string
		args  []string
	}{
		{"badrows", "", []string{"-in", "testdata/badrows.csv"}},
		{"bad-json", "", []string{"-in", "testdata/bad.json"}},
		{"header", "id,kind,name\n", []string{"-in", "-"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := runWith(t, c.stdin, append(c.args, "-format", "json", "-date", asOf)...)
			assert.Equal(t, 2, r.code)
			assert.Empty(t, r.stderr)
			var out struct {
				Problems []map[string]any `json:"problems"`
			}
			require.NoError(t, json.Unmarshal([]byte(r.stdout), &out), r.stdout)
			require.NotEmpty(t, out.Problems)
			for _, p := range out.Problems {
				assert.Contains(t, p, "code")
				assert.Contains(t, p, "message")
				assert.Contains(t, p, "line")
			}
			checkGolden(t, "problems-"+c.name+".json", r.stdout)
		})
	}
}

// Member totals beyond int64 are a build problem, never a wrapped total
// that no rule finds: exit 1 with the problem on standard error, or exit 2
// with -format json, like every build problem.
func TestMemberTotalsOverflow(t *testing.T) {
	in := "id,parent_id,kind,domain,name,full_members,probationary_members\n" +
		"a,,committee,community,社区党委,3,0\n" +
		"a.1,a,branch,community,第一党支部,9223372036854775807,1\n"
	r := runWith(t, in, "-in", "-", "-date", asOf)
	assert.Equal(t, 1, r.code)
	assert.Empty(t, r.stdout, "no findings when the tree cannot be built")
	assert.Equal(t, `stdin:3: orgs[1].members (id "a.1"): out of range: full and probationary members together exceed 9223372036854775807 ("full 9223372036854775807, probationary 1")`+"\n", r.stderr)

	r = runWith(t, in, "-in", "-", "-date", asOf, "-format", "json")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stdout, `"code": "overflow"`)
	assert.Contains(t, r.stdout, `"path": "orgs[1].members"`)
}

// chainCSV is a chain of n committees, each under the previous one, with no
// members: every one has a finding.
func chainCSV(n int) string {
	var b strings.Builder
	b.WriteString("编号,上级编号,组织类别,领域,名称,正式党员,预备党员,覆盖单位数,选举日期\n")
	for i := range n {
		parent := ""
		if i > 0 {
			parent = "c" + strconv.Itoa(i-1)
		}
		fmt.Fprintf(&b, "c%d,%s,党委,,第%d委员会,0,0,,\n", i, parent, i)
	}
	return b.String()
}

// A chain of 30,000 committees (1 MB of CSV, which took the program down
// with "out of memory", exit 2) is refused at once with one problem naming
// the depth limit; with -max-depth raised it is validated, each finding's
// path at most NameLevels names long, so the output is linear in the chain.
func TestDeepChain(t *testing.T) {
	const n = 30_000
	in := chainCSV(n)
	require.Greater(t, len(in), 1_000_000)

	r := runWith(t, in, "-in", "-", "-date", asOf)
	assert.Equal(t, 1, r.code, "the tree cannot be built")
	assert.Empty(t, r.stdout)
	assert.Equal(t, `stdin:1003: orgs[1001].parent (id "c1001"): exceeds a limit: deeper than the limit of 1000 levels below its root (raise it with BuildOptions.MaxDepth); 28999 organizations in all lie deeper ("1001")`+"\n", r.stderr)

	r = runWith(t, in, "-in", "-", "-date", asOf, "-format", "json")
	assert.Equal(t, 2, r.code, "-format json: input problems")
	assert.Contains(t, r.stdout, `"code": "limit"`)

	r = runWith(t, in, "-in", "-", "-date", asOf, "-format", "json", "-max-depth", strconv.Itoa(n))
	require.Empty(t, r.stderr)
	var fs []struct{ Subject, Name string }
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &fs))
	require.Len(t, fs, n, "a finding for every committee")
	last := fs[n-1]
	assert.Equal(t, "c29999", last.Subject)
	assert.True(t, strings.HasPrefix(last.Name, "第0委员会 / … (29984 levels) / 第29985委员会 / "), last.Name)
	assert.Less(t, len(r.stdout), 1000*n, "output linear in the chain")
}

// TestLimits: -max-problems lists that many input problems and counts the
// rest in one last problem, in text and in JSON; -max-rows and
// -max-record-bytes stop the reading with a problem naming the limit
// (exit 2); the flags are checked.
func TestLimits(t *testing.T) {
	r := runWith(t, "", "-in", "testdata/badrows.csv", "-date", asOf, "-max-problems", "2")
	assert.Equal(t, 1, r.code, "as without the limit")
	assert.Empty(t, r.stdout)
	assert.Equal(t, `testdata/badrows.csv:3:6: 正式党员 (id "a.1"): invalid value: not a base-10 integer ("十二")`+"\n"+
		`testdata/badrows.csv:4:3: 组织类别 (id "a.2"): invalid value: unknown kind "党部"`+"\n"+
		`testdata/badrows.csv: exceeds a limit: 4 more problems not listed (limit 2 problems; raise it with MaxProblems or the program's -max-problems) ("4")`+"\n", r.stderr)

	r = runWith(t, "", "-in", "testdata/badrows.csv", "-date", asOf, "-max-problems", "2", "-format", "json")
	assert.Equal(t, 2, r.code)
	var out struct {
		Problems []struct{ Code, Value, Path string }
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &out))
	require.Len(t, out.Problems, 3)
	assert.Equal(t, "limit", out.Problems[2].Code)
	assert.Equal(t, "4", out.Problems[2].Value)

	r = runWith(t, "", "-in", "testdata/badrows.csv", "-date", asOf, "-max-problems", "-1")
	assert.Equal(t, 1, r.code)
	checkGolden(t, "badrows.stderr", r.stderr)

	r = runWith(t, "", "-in", "testdata/tree.csv", "-date", asOf, "-max-rows", "3")
	assert.Equal(t, 2, r.code)
	assert.Empty(t, r.stdout)
	assert.Equal(t, "testdata/tree.csv:5: exceeds a limit: more than 3 rows (limit 3 rows; raise it with MaxRecords or the program's -max-rows)\n", r.stderr)
	r = runWith(t, "", "-in", "testdata/tree.in.json", "-date", asOf, "-max-rows", "1", "-format", "json")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stdout, `"code": "limit"`)
	assert.Contains(t, r.stdout, `"path": "orgs[1]"`)

	r = runWith(t, "", "-in", "testdata/tree.csv", "-date", asOf, "-max-record-bytes", "40")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "raise it with MaxRecordBytes or the program's -max-record-bytes")

	want := runWith(t, "", "-in", "testdata/tree.csv", "-date", asOf)
	for _, flags := range [][]string{{"-max-rows", "-1"}, {"-max-record-bytes", "-1"}, {"-max-problems", "0"}} {
		got := runWith(t, "", append([]string{"-in", "testdata/tree.csv", "-date", asOf}, flags...)...)
		assert.Equal(t, want, got, "%v", flags)
	}
	r = runWith(t, "", "-max-rows", "many")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, `invalid value "many" for flag -max-rows`)
}
