package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dangjian-go/dangjian/assess"
)

// -test runs a file of scheme test cases: exit 0 when every case passes,
// 1 when one fails, 2 on a file that cannot be read or has problems; the
// outputs are golden.
func TestCasesFlag(t *testing.T) {
	dir := t.TempDir()
	unknown := filepath.Join(dir, "unknown.json")
	require.NoError(t, os.WriteFile(unknown, []byte(`{"scheme": "nosuch", "cases": [{"name": "n", "subjects": [{"id": "a"}], "expect": [{"id": "a", "total": "1"}]}]}`), 0o600))
	tests := []struct {
		name   string
		args   []string
		code   int
		golden string // of stdout, "" for none
		stderr string // a part of stderr
	}{
		{"pass", []string{"-test", "testdata/cases-jifen.json"}, exitPass, "cases-jifen.txt", ""},
		{"pass json", []string{"-test", "testdata/cases-jifen.json", "-format", "json"}, exitPass, "", ""},
		{"fail", []string{"-test", "testdata/cases-failing.json"}, exitFail, "cases-failing.txt", ""},
		{"fail json", []string{"-test", "testdata/cases-failing.json", "-format", "json"}, exitFail, "cases-failing.json", ""},
		{"malformed", []string{"-test", "testdata/cases-malformed.json"}, exitInput, "", "testdata/cases-malformed.json:11:31: cases[0].expect[0].total (id \"J1\")"},
		{"malformed json", []string{"-test", "testdata/cases-malformed.json", "-format", "json"}, exitInput, "cases-malformed.json", ""},
		{"max problems", []string{"-test", "testdata/cases-malformed.json", "-max-problems", "1"}, exitInput, "", "exceeds a limit: 8 more problems not listed"},
		{"missing file", []string{"-test", "testdata/no-such.json"}, exitInput, "", "testdata/no-such.json: invalid value: -test cannot be read"},
		{"unknown scheme", []string{"-test", unknown}, exitInput, "", "not a scheme this program knows; they are jifen, minzhu-pingyi, xingji, yanji-shuzhi"},
		{"with -scheme", []string{"-test", "testdata/cases-jifen.json", "-scheme", "xingji"}, exitInput, "", "-test takes only -format and -max-problems"},
		{"csv", []string{"-test", "testdata/cases-jifen.json", "-format", "csv"}, exitInput, "", "-test: -format text or json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runWith(t, "", tt.args...)
			assert.Equal(t, tt.code, r.code, "stderr: %s", r.stderr)
			if tt.golden != "" {
				checkGolden(t, tt.golden, r.stdout)
			}
			if tt.stderr != "" {
				assert.Contains(t, r.stderr, tt.stderr)
			} else {
				assert.Empty(t, r.stderr)
			}
		})
	}
}

// The json report decodes into the library's report, a failure with the
// subject's trace.
func TestCasesJSON(t *testing.T) {
	r := runWith(t, "", "-test", "testdata/cases-failing.json", "-format", "json")
	require.Equal(t, exitFail, r.code)
	var rep assess.CaseReport
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &rep))
	assert.Equal(t, 1, rep.Passed)
	assert.Equal(t, 1, rep.Failed)
	require.Len(t, rep.Cases[0].Failures, 1)
	f := rep.Cases[0].Failures[0]
	assert.Equal(t, "J1", f.Subject)
	assert.Equal(t, []assess.CaseDiff{{Field: "total", Want: "91.2", Got: "91.1"}, {Field: "grade", Want: "合格", Got: "优秀"}}, f.Diffs)
	require.NotNil(t, f.Result.Trace)
	assert.True(t, strings.HasPrefix(f.Result.Trace.Name, "党员积分"))
}
