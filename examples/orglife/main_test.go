package main

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian/internal/golden"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func runArgs(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// The built-in sample, in each format: findings of both severities, so
// exit 1.
func TestSampleGolden(t *testing.T) {
	for _, format := range []string{"text", "json", "csv"} {
		t.Run(format, func(t *testing.T) {
			args := []string{}
			if format != "text" {
				args = []string{"-format", format}
			}
			code, out, errOut := runArgs(t, "", args...)
			assert.Equal(t, exitFindings, code)
			assert.Empty(t, errOut)
			golden.Check(t, "testdata/sample."+format+".golden", []byte(out))
		})
	}
}

// The sample's files given as flags give the same output as no flags.
func TestFlagsMatchSample(t *testing.T) {
	_, want, _ := runArgs(t, "")
	code, got, _ := runArgs(t, "", "-tree", "testdata/tree.csv", "-in", "testdata/meetings.csv", "-from", "2024-01-01", "-to", "2025-01-01")
	assert.Equal(t, exitFindings, code)
	assert.Equal(t, want, got)
	code, got, _ = runArgs(t, mustRead(t, "testdata/meetings.csv"), "-tree", "testdata/tree.csv", "-in", "-", "-from", "2024-01-01", "-to", "2025-01-01")
	assert.Equal(t, exitFindings, code)
	assert.Equal(t, want, got)
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(data)
}

// Bad rows are reported by line while good rows count.
func TestBadRows(t *testing.T) {
	code, out, errOut := runArgs(t, "", "-tree", "testdata/tree.csv", "-in", "testdata/bad.csv", "-from", "2024-01-01", "-to", "2024-04-01", "-format", "json")
	assert.Equal(t, exitFindings, code)
	assert.Empty(t, errOut)
	golden.Check(t, "testdata/bad.json.golden", []byte(out))
	var doc struct {
		Problems []struct {
			Line int    `json:"line"`
			Code string `json:"code"`
		} `json:"problems"`
		Summary []struct {
			Org  string `json:"org"`
			Type string `json:"type"`
			Held int    `json:"held"`
		} `json:"summary"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	var lines []int
	for _, p := range doc.Problems {
		lines = append(lines, p.Line)
	}
	assert.Equal(t, []int{3, 4, 5, 6, 7}, lines)
	held := map[string]int{}
	for _, s := range doc.Summary {
		if s.Type == "party_day" {
			held[s.Org] = s.Held
		}
	}
	assert.Equal(t, 1, held["jx.1"])
	assert.Equal(t, 1, held["jx.2"])

	code, _, errOut = runArgs(t, "", "-tree", "testdata/tree.csv", "-in", "testdata/bad.csv", "-from", "2024-01-01", "-to", "2024-04-01")
	assert.Equal(t, exitFindings, code)
	golden.Check(t, "testdata/bad.stderr.golden", []byte(errOut))
}

func TestJSONInput(t *testing.T) {
	code, out, errOut := runArgs(t, "", "-tree", "testdata/tree.csv", "-in", "testdata/meetings.json", "-from", "2024-01-01", "-to", "2024-04-01", "-format", "csv")
	assert.Equal(t, exitFindings, code)
	assert.Contains(t, errOut, "meetings.json:4:")
	assert.Contains(t, out, "ORGLIFE-VOTE-QUORUM,error,jx.2")
	golden.Check(t, "testdata/json-input.csv.golden", []byte(out))
}

// A window with no error finding exits 0: a month in which every branch
// held its 主题党日 and the committees met.
func TestExitZero(t *testing.T) {
	in := "org_id,type,date,expected,present\n" +
		"jx.1,主题党日,2024-01-15,13,12\njx.2,主题党日,2024-01-15,8,8\njx.3,主题党日,2024-01-15,5,5\njx.4,主题党日,2024-01-15,5,5\n"
	code, out, _ := runArgs(t, in, "-tree", "testdata/tree.csv", "-in", "-", "-from", "2024-01-01", "-to", "2024-02-01")
	assert.Equal(t, exitOK, code, out)
	assert.Contains(t, out, "0 error")
}

func TestUnreadable(t *testing.T) {
	tests := []struct {
		name  string
		stdin string
		args  []string
		want  string
	}{
		{"bad format", "", []string{"-format", "xml"}, "-format"},
		{"tree without meetings", "", []string{"-tree", "testdata/tree.csv"}, "both -tree and -in"},
		{"bad date", "", []string{"-tree", "testdata/tree.csv", "-in", "testdata/meetings.csv", "-from", "2024-13-01", "-to", "2025-01-01"}, "-from"},
		{"no window", "", []string{"-tree", "testdata/tree.csv", "-in", "testdata/meetings.csv"}, "-from"},
		{"empty window", "", []string{"-from", "2024-01-01", "-to", "2024-01-01"}, "after"},
		{"missing file", "", []string{"-tree", "testdata/nope.csv", "-in", "testdata/meetings.csv", "-from", "2024-01-01", "-to", "2025-01-01"}, "nope.csv"},
		{"bad tree", "", []string{"-tree", "testdata/meetings.csv", "-in", "testdata/meetings.csv", "-from", "2024-01-01", "-to", "2025-01-01"}, "header"},
		{"bad header", "a,b\n", []string{"-tree", "testdata/tree.csv", "-in", "-", "-from", "2024-01-01", "-to", "2025-01-01"}, "stdin:1"},
		{"not CSV", "org_id,type,date,expected,present\n\"x\"y\n", []string{"-tree", "testdata/tree.csv", "-in", "-", "-from", "2024-01-01", "-to", "2025-01-01"}, "malformed"},
		{"a limit", "org_id,type,date,expected,present\njx.1,党课,2024-01-01,3,3\njx.1,党课,2024-01-02,3,3\n", []string{"-tree", "testdata/tree.csv", "-in", "-", "-from", "2024-01-01", "-to", "2025-01-01", "-max-rows", "1"}, "-max-rows"},
		{"an argument", "", []string{"x"}, "unexpected"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runArgs(t, tt.stdin, tt.args...)
			assert.Equal(t, exitInput, code)
			assert.Empty(t, out)
			assert.Contains(t, errOut, tt.want)
		})
	}
}

func TestMaxProblems(t *testing.T) {
	code, _, errOut := runArgs(t, "", "-tree", "testdata/tree.csv", "-in", "testdata/bad.csv", "-from", "2024-01-01", "-to", "2024-04-01", "-max-problems", "2")
	assert.Equal(t, exitFindings, code)
	assert.Equal(t, 3, strings.Count(errOut, "\n"), errOut)
	assert.Contains(t, errOut, "3 more problems")
}
