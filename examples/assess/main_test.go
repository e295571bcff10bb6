package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/dangjian-go/dangjian/internal/golden"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian/assess"
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

// The numbers in the goldens come from the library; TestSampleTotals pins
// the subjects worked out by hand in assess/reference_test.go and
// TestFlatCSV the flat scheme's, so that -update cannot silently accept a
// change.
func TestGolden(t *testing.T) {
	flat := []string{"-scheme", "testdata/flat-scheme.json", "-input", "testdata/flat.csv"}
	cases := []struct {
		name string
		args []string
	}{
		{"default.txt", nil},
		{"default.json", []string{"-format", "json"}},
		{"default.csv", []string{"-format", "csv"}},
		{"explain.txt", []string{"-explain", "community-1"}},
		{"explain.json", []string{"-explain", "community-1", "-format", "json"}},
		{"explain.csv", []string{"-explain", "community-1", "-format", "csv"}},
		{"explain-veto.txt", []string{"-explain", "village-1"}},
		{"flat.txt", flat},
		{"flat-policy.txt", append(flat, "-policy", "testdata/flat-policy.json")},
		{"flat-by-category.csv", append(flat, "-by-category", "-format", "csv")},
		// Subject IDs and categories a spreadsheet would run as formulas
		// are written with a quote in front; scores stay numbers.
		{"hostile.csv", []string{"-scheme", "testdata/flat-scheme.json", "-input", "testdata/hostile.csv", "-format", "csv"}},
		{"minzhu.txt", []string{"-scheme", "minzhu-pingyi", "-input", "../../assess/testdata/reference/minzhu-pingyi.subjects.json"}},
		{"minzhu-explain.txt", []string{"-scheme", "minzhu-pingyi", "-input", "../../assess/testdata/reference/minzhu-pingyi.subjects.json", "-explain", "M2"}},
		{"xingji.txt", []string{"-scheme", "xingji", "-input", "../../assess/testdata/reference/xingji.subjects.json"}},
		{"jifen.csv", []string{"-scheme", "jifen", "-input", "../../assess/testdata/reference/jifen.subjects.json", "-format", "csv"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := runWith(t, "", c.args...)
			require.Equal(t, exitOK, r.code, "stderr: %s", r.stderr)
			assert.Empty(t, r.stderr)
			checkGolden(t, c.name, r.stdout)
		})
	}
}

// cohortOut decodes the json output.
func cohortOut(t *testing.T, stdout string) cohortJSON {
	t.Helper()
	var out cohortJSON
	require.NoError(t, json.Unmarshal([]byte(stdout), &out))
	return out
}

func TestSampleTotals(t *testing.T) {
	r := runWith(t, "", "-format", "json")
	require.Equal(t, exitOK, r.code, r.stderr)
	out := cohortOut(t, r.stdout)
	require.Len(t, out.Results, 12)
	require.NotNil(t, out.Grading)
	totals := map[string]string{}
	for _, res := range out.Results {
		totals[res.Subject] = res.Total.String()
	}
	// By hand (assess/reference_test.go): 82.57, 103.87, 0 (一票否决), 83.11.
	assert.Equal(t, "82.57", totals["community-1"])
	assert.Equal(t, "103.87", totals["street-1"])
	assert.Equal(t, "0", totals["village-1"])
	assert.Equal(t, "83.11", totals["community-2"])
	// community-5 has community-2's inputs: tied, they share rank 2 in 社区
	// (测评名次可以并列), and community-1 is 4th.
	ranks := map[string]int{}
	grades := map[string]string{}
	for _, g := range out.Grading.Subjects {
		ranks[g.Subject], grades[g.Subject] = g.Rank, g.Grade
	}
	assert.Equal(t, 2, ranks["community-2"])
	assert.Equal(t, 2, ranks["community-5"])
	assert.Equal(t, 4, ranks["community-1"])
	assert.Equal(t, "较好", grades["street-1"], "held_accountable: not 好 despite 103.87")
	assert.Equal(t, "差", grades["village-1"])
	// Ranked within 村, 社区, 街道.
	var cats []string
	for _, g := range out.Grading.Groups {
		cats = append(cats, g.Category)
	}
	assert.Equal(t, []string{"村", "社区", "街道"}, cats)
}

// The flat scheme's subjects, by hand:
//
//	c01  work 95/100 × 40 + 30 + 30 (社区, 620 ≥ 500) = 98 × 0.6 = 58.8;
//	     92 × 0.4 = 36.8; award 1: 96.6
//	c02  32 + 29.25 + 20 (社区 under 500: any ≥ 200) = 81.25 × 0.6 = 48.75;
//	     85.5 × 0.4 = 34.2; innovation 2: 84.95
//	v01  100 × 0.6 = 60; 88 × 0.4 = 35.2; award 3 → 2, innovation 2 → pool
//	     capped at 3: 98.2
//	v02  24 + 27 + 10 = 61 × 0.6 = 36.6; 70 × 0.4 = 28; 64.6, veto: 0
//
// Under the policy 优秀 ≤ ⌊4 / 4⌋ = 1: v01 优秀, c01 合格.
func TestFlatCSV(t *testing.T) {
	args := []string{"-scheme", "testdata/flat-scheme.json", "-input", "testdata/flat.csv", "-format", "json"}
	for _, tc := range []struct {
		name   string
		args   []string
		grades map[string]string
	}{
		{"scheme grades", args, map[string]string{"c01": "优秀", "c02": "合格", "v01": "优秀", "v02": "不合格"}},
		{"policy quota", append(args, "-policy", "testdata/flat-policy.json"), map[string]string{"c01": "合格", "c02": "合格", "v01": "优秀", "v02": "不合格"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runWith(t, "", tc.args...)
			require.Equal(t, exitOK, r.code, r.stderr)
			out := cohortOut(t, r.stdout)
			want := map[string]string{"c01": "96.6", "c02": "84.95", "v01": "98.2", "v02": "0"}
			for _, res := range out.Results {
				assert.Equal(t, want[res.Subject], res.Total.String(), res.Subject)
			}
			for _, g := range out.Grading.Subjects {
				assert.Equal(t, tc.grades[g.Subject], g.Grade, g.Subject)
			}
		})
	}
	t.Run("stdin", func(t *testing.T) {
		csvData, err := os.ReadFile("testdata/flat.csv")
		require.NoError(t, err)
		a := runWith(t, string(csvData), "-scheme", "testdata/flat-scheme.json", "-input", "-")
		b := runWith(t, "", "-scheme", "testdata/flat-scheme.json", "-input", "testdata/flat.csv")
		require.Equal(t, exitOK, a.code, a.stderr)
		assert.Equal(t, b.stdout, a.stdout)
	})
	t.Run("same as JSON", func(t *testing.T) {
		s, err := assess.DecodeScheme(strings.NewReader(mustRead(t, "testdata/flat-scheme.json")))
		require.NoError(t, err)
		var subs []assess.Subject
		err = assess.DecodeSubjectsCSVFunc(strings.NewReader(mustRead(t, "testdata/flat.csv")), s, func(sub assess.Subject) error {
			subs = append(subs, sub)
			return nil
		})
		require.NoError(t, err)
		b, err := json.Marshal(subs)
		require.NoError(t, err)
		a := runWith(t, string(b), "-scheme", "testdata/flat-scheme.json", "-input", "-", "-format", "csv")
		c := runWith(t, "", "-scheme", "testdata/flat-scheme.json", "-input", "testdata/flat.csv", "-format", "csv")
		require.Equal(t, exitOK, a.code, a.stderr)
		assert.Equal(t, c.stdout, a.stdout)
	})
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(b)
}

// A scheme without bands is ranked by total, with shared ranks: a and b
// score 100 × 0.6 + 80 × 0.4 = 92; c (20 + 15 + 10) × 0.6 + 50 × 0.4 = 47.
func TestNoBands(t *testing.T) {
	s, err := assess.DecodeScheme(strings.NewReader(mustRead(t, "testdata/flat-scheme.json")))
	require.NoError(t, err)
	s.Bands, s.Gates = nil, nil
	b, err := json.Marshal(s)
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "nobands.json")
	require.NoError(t, os.WriteFile(path, b, 0o644))
	csvData := "id,meetings,dues,type,area,score\na,100,100,村,400,80\nb,100,100,社区,600,80\nc,50,50,村,0,50\n"
	r := runWith(t, csvData, "-scheme", path, "-input", "-", "-format", "csv")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Equal(t, `order,rank,subject,category,total,work,review,bonus,band,grade,eligible,remarks
1,1,a,,92,100,80,0,,,true,
2,1,b,,92,100,80,0,,,true,
3,3,c,,47,45,50,0,,,true,
`, r.stdout)
	r = runWith(t, csvData, "-scheme", path, "-input", "-")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "no bands: ranked by total")
	r = runWith(t, csvData, "-scheme", path, "-input", "-", "-explain", "c")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "rank 3 by total")
}

func TestBadInput(t *testing.T) {
	for _, tc := range []struct {
		name  string
		stdin string
		args  []string
		code  int
		want  []string // lines or substrings of stderr
	}{
		{"unknown flag", "", []string{"-nope"}, exitInput, []string{"flag provided but not defined: -nope"}},
		{"extra argument", "", []string{"extra"}, exitInput, []string{`assess: unexpected argument "extra"`}},
		{"bad format", "", []string{"-format", "xml"}, exitInput, []string{`assess: -format "xml": want text, json or csv`}},
		{"input needed", "", []string{"-scheme", "jifen"}, exitInput, []string{"assess: -input is required with -scheme jifen: the built-in sample is for yanji-shuzhi"}},
		{"unknown scheme", "", []string{"-scheme", "yanji", "-input", "-"}, exitInput,
			[]string{"yanji: refers to an unknown ID: -scheme names neither a reference scheme (jifen, minzhu-pingyi, xingji, yanji-shuzhi) nor a file"}},
		{"missing scheme file", "", []string{"-scheme", "testdata/none.json", "-input", "-"}, exitInput, []string{"testdata/none.json: invalid value: -scheme cannot be read: open testdata/none.json"}},
		{"scheme does not compile", "", []string{"-scheme", "testdata/badscheme.json", "-input", "testdata/flat.csv"}, exitInput, []string{
			`testdata/badscheme.json: components[0].max: points are inconsistent: the indicators' maxima sum to 5 ("10")`,
			`testdata/badscheme.json: components: weights do not sum to 1: component weights sum to 0.5, not exactly 1 ("0.5")`,
			`testdata/badscheme.json: bands: bands do not cover the score range exactly once: scores from 0 to 5 have no band ("5")`}},
		{"missing input", "", []string{"-input", "testdata/none.json"}, exitInput, []string{"testdata/none.json: invalid value: cannot be read: open testdata/none.json"}},
		{"bad JSON", "[{", []string{"-input", "-"}, exitInput, []string{"stdin:1:3: subjects[0]: malformed input: unexpected end of input, want a string key"}},
		{"every subject problem", "", []string{"-input", "testdata/badsubjects.json"}, exitInput, []string{
			`testdata/badsubjects.json: subjects[0].checked.yanshi[1] (id "x1"): invalid input: not an item of the checklist, or repeated ("no_such_item")`,
			`testdata/badsubjects.json: subjects[0].values.pinpai (id "x1"): invalid input: no value for direct indicator "pinpai"`,
			`testdata/badsubjects.json: subjects[0].votes.ceping.leaders (id "x1"): invalid input: 2 raters, fewer than the group's minimum of 3: the 测评 must be held again ("2")`,
			`testdata/badsubjects.json: subjects[0].flags.typo (id "x1"): invalid input: no gate reads this flag ("typo")`,
			`testdata/badsubjects.json: subjects[1].events.yashi[0].clause (id "x2"): invalid input: not a clause of the indicator ("nope")`,
			`testdata/badsubjects.json: subjects[1].bonus.project_award_city (id "x2"): invalid input: a count is not negative ("-1")`}},
		{"unknown values and fields keys", `[{"id":"a","values":{"meetings":"1","dues":"1","area":"1","score":"1"},"fields":{"type":"村"}},{"id":"b","values":{"meetings":"1","dues":"1","area":"1","score":"1","colour":"2"},"fields":{"type":"村","unit":"x"}}]`,
			[]string{"-scheme", "testdata/flat-scheme.json", "-input", "-"}, exitInput, []string{
				`stdin: subjects[1].values.colour (id "b"): unknown field: no indicator or table reads this value ("colour")`,
				`stdin: subjects[1].fields.unit (id "b"): unknown field: no decision table reads this text field ("unit")`}},
		{"duplicate subjects", `[{"id":"a","values":{"meetings":"1","dues":"1","area":"1","score":"1"},"fields":{"type":"村"}},{"id":"a","values":{"meetings":"1","dues":"1","area":"1","score":"1"},"fields":{"type":"村"}}]`,
			[]string{"-scheme", "testdata/flat-scheme.json", "-input", "-"}, exitInput, []string{`stdin: results[1].subject (id "a"): duplicate ID: also results[0] ("a")`}},
		{"unknown explain ID", "", []string{"-explain", "nobody"}, exitInput, []string{"assess: -explain nobody: no such subject in the input"}},
		{"CSV for a deep scheme", "id,jianshi\na,1\n", []string{"-input", "-"}, exitInput, []string{
			"stdin: invalid value: CSV input needs a scheme whose leaves are direct, ratio or table indicators; yashi (deductions), yanshi (checklist), zhendi (deductions), duiwu (checklist), fuwu (checklist), zaiti (deductions), ceping (votes) need JSON input"}},
		{"CSV header problems", "id,meetings,meetings,nope,flag:typo\n", []string{"-scheme", "testdata/flat-scheme.json", "-input", "-"}, exitInput, []string{
			`stdin:1:3: meetings: invalid header: column "meetings" repeats column "meetings"`,
			`stdin:1:4: nope: invalid header: unknown column: want id, category, meetings, dues, area, score, type, flag:veto, bonus:award, bonus:innovation ("nope")`,
			`stdin:1:5: flag:typo: invalid header: unknown column: want id, category, meetings, dues, area, score, type, flag:veto, bonus:award, bonus:innovation ("flag:typo")`}},
		{"CSV without id", "meetings\n1\n", []string{"-scheme", "testdata/flat-scheme.json", "-input", "-"}, exitInput, []string{"stdin:1: id: invalid header: missing required column"}},
		{"CSV cell problems", "id,meetings,flag:veto,bonus:award\na,x,maybe,-1\n,1,,\n", []string{"-scheme", "testdata/flat-scheme.json", "-input", "-"}, exitInput, []string{
			`stdin:2:2: meetings (id "a"): invalid value: not a decimal number ("x")`,
			`stdin:2:3: flag:veto (id "a"): invalid value: want true, false, 1, 0 or empty ("maybe")`,
			`stdin:2:4: bonus:award (id "a"): invalid value: want a count ("-1")`,
			`stdin:3: id: missing value: a row names its subject`}},
		{"CSV row length", "id,meetings\na,1,2\n", []string{"-scheme", "testdata/flat-scheme.json", "-input", "-"}, exitInput, []string{`stdin:2 (id "a"): invalid value: 3 fields, the header has 2`}},
		{"CSV that is not CSV", "id,meetings\na,\"1\"x\n", []string{"-scheme", "testdata/flat-scheme.json", "-input", "-"}, exitInput, []string{
			`stdin:2: malformed input: extraneous or missing " in quoted-field (byte 5 of the line)`}},
		{"CSV names are matched as written", "ID,Meetings\na,1\n", []string{"-scheme", "testdata/flat-scheme.json", "-input", "-"}, exitInput, []string{
			`stdin:1:1: ID: invalid header: unknown column: want id`, `stdin:1:2: Meetings: invalid header: unknown column`,
			`stdin:1: id: invalid header: missing required column`}},
		{"empty CSV", "", []string{"-scheme", "testdata/flat-scheme.json", "-input", "-"}, exitInput, []string{"stdin:1: invalid header: no header row"}},
		{"help", "", []string{"-h"}, exitOK, []string{"usage: assess"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runWith(t, tc.stdin, tc.args...)
			assert.Equal(t, tc.code, r.code)
			assert.Empty(t, r.stdout, "nothing is printed for a partial cohort")
			for _, w := range tc.want {
				assert.Contains(t, r.stderr, w)
			}
		})
	}
}

type failWriter struct{}

var errFull = errors.New("disk full")

func (failWriter) Write([]byte) (int, error) { return 0, errFull }

func TestWriteError(t *testing.T) {
	for _, format := range []string{"text", "json", "csv"} {
		t.Run(format, func(t *testing.T) {
			var errOut bytes.Buffer
			assert.Equal(t, exitOutput, run([]string{"-format", format}, strings.NewReader(""), failWriter{}, &errOut))
			assert.Contains(t, errOut.String(), "assess: writing the output: disk full")
		})
	}
}

// A value clamped to its indicator's max is in every output, not only in
// -explain's trace: a remark in text and CSV, "clamped" in JSON, and its
// own section in -explain.
func TestClampedVisible(t *testing.T) {
	in := "id,meetings,dues,type,area,score\na,100,100,村,300,120\n"
	args := []string{"-scheme", "testdata/flat-scheme.json", "-input", "-"}
	for _, tt := range []struct {
		format, want string
	}{
		{"text", "score: 120 clamped to 100"},
		{"csv", "score: 120 clamped to 100"},
		{"json", `"clamped": [
        {
          "indicator": "score",
          "value": "120",
          "to": "100"
        }
      ]`},
	} {
		r := runWith(t, in, append(args, "-format", tt.format)...)
		require.Equal(t, 0, r.code, r.stderr)
		assert.Contains(t, r.stdout, tt.want, tt.format)
	}
	r := runWith(t, in, append(args, "-explain", "a")...)
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "\nclamped:\n  score: 120 clamped to 100\n")
}

// A scheme or policy file over 16 MiB is refused with a problem naming the
// limit, without reading it all.
func TestLargeFilesRefused(t *testing.T) {
	big := filepath.Join(t.TempDir(), "big.json")
	require.NoError(t, os.WriteFile(big, bytes.Repeat([]byte(" "), maxFileBytes+1), 0o644))
	r := runWith(t, "", "-scheme", big, "-input", "testdata/flat.csv")
	require.Equal(t, exitInput, r.code)
	require.Equal(t, big+": exceeds a limit: larger than 16 MiB, the most a scheme or policy file may hold\n", r.stderr)
	r = runWith(t, "", "-policy", big)
	require.Equal(t, exitInput, r.code)
	require.Contains(t, r.stderr, "larger than 16 MiB")
}

// -max-rows, -max-record-bytes and -max-problems bound the input and the
// problems listed; the list ends with the count of the rest.
func TestLimitFlags(t *testing.T) {
	r := runWith(t, "", "-max-rows", "3")
	require.Equal(t, exitInput, r.code)
	require.Regexp(t, `^built-in sample:\d+:\d+: subjects\[3\]: exceeds a limit: .*MaxRecords.*-max-rows`, r.stderr)
	r = runWith(t, "", "-max-rows", "12")
	require.Equal(t, exitOK, r.code, r.stderr)
	r = runWith(t, "", "-max-record-bytes", "100")
	require.Equal(t, exitInput, r.code)
	require.Contains(t, r.stderr, "-max-record-bytes")
	r = runWith(t, "id,meetings\na,1\nb,2\nc,3\n", "-scheme", "testdata/flat-scheme.json", "-input", "-", "-max-rows", "2")
	require.Equal(t, exitInput, r.code)
	require.Regexp(t, `^stdin:4: exceeds a limit: .*-max-rows`, r.stderr)

	bad := "id,meetings\na,x\nb,y\nc,z\nd,w\n"
	r = runWith(t, bad, "-scheme", "testdata/flat-scheme.json", "-input", "-", "-max-problems", "1")
	require.Equal(t, exitInput, r.code)
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	require.Len(t, lines, 2, r.stderr)
	require.Contains(t, lines[0], `meetings (id "a")`)
	require.Contains(t, lines[1], "3 more problems not listed (limit 1 problems")
	r = runWith(t, bad, "-scheme", "testdata/flat-scheme.json", "-input", "-", "-max-problems", "1", "-format", "json")
	require.Equal(t, exitInput, r.code)
	var out struct {
		Problems []struct{ Code, Value, Detail string }
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &out))
	require.Len(t, out.Problems, 2)
	require.Equal(t, "limit", out.Problems[1].Code)
	require.Equal(t, "3", out.Problems[1].Value)
	r = runWith(t, bad, "-scheme", "testdata/flat-scheme.json", "-input", "-", "-max-problems", "-1")
	require.Len(t, strings.Split(strings.TrimSpace(r.stderr), "\n"), 4, r.stderr)

	// Scoring problems are capped too: an unknown value in every subject.
	var subs strings.Builder
	subs.WriteString("[")
	for i := range 5 {
		if i > 0 {
			subs.WriteString(",")
		}
		fmt.Fprintf(&subs, `{"id":"s%d","values":{"colour":"1"}}`, i)
	}
	subs.WriteString("]")
	r = runWith(t, subs.String(), "-scheme", "testdata/flat-scheme.json", "-input", "-", "-max-problems", "2")
	require.Equal(t, exitInput, r.code)
	lines = strings.Split(strings.TrimSpace(r.stderr), "\n")
	require.Len(t, lines, 3, r.stderr)
	require.Contains(t, lines[2], "more problems not listed (limit 2 problems")
}
