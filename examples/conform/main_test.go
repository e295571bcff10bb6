package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian/internal/golden"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runArgs runs the program and returns its exit status, standard output
// and standard error.
func runArgs(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	status := run(args, strings.NewReader(stdin), &out, &errOut)
	return status, out.String(), errOut.String()
}

// The built-in sample differs from its export in the ways a platform
// does, in each format: the golden files hold the whole output.
func TestSampleGolden(t *testing.T) {
	for _, format := range []string{"text", "json", "csv"} {
		t.Run(format, func(t *testing.T) {
			args := []string{}
			if format != "text" {
				args = []string{"-format", format}
			}
			status, out, errOut := runArgs(t, "", args...)
			assert.Equal(t, exitDiffer, status, errOut)
			golden.Check(t, filepath.Join("testdata", "sample."+format+".golden"), []byte(out))
			if format == "text" {
				assert.Empty(t, errOut)
				assert.True(t, strings.HasSuffix(out, "\n8 of 17 differ\n"), out)
			} else {
				assert.Equal(t, "8 of 17 differ\n", errOut)
			}
			if format == "json" {
				var v map[string]any
				require.NoError(t, json.Unmarshal([]byte(out), &v))
				assert.EqualValues(t, 8, v["differ"])
				assert.Len(t, v["differences"], 8)
			}
		})
	}
}

// Each kind on its own files, in text: the golden file holds the output.
func TestKindsGolden(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"tax", []string{"-kind", "tax", "-in", "testdata/payroll.csv", "-got", "testdata/tax-got.csv"}},
		{"org", []string{"-kind", "org", "-in", "../orgchart/testdata/tree.csv", "-got", "testdata/org-got.csv", "-date", "2025-06-30"}},
		{"assess", []string{"-kind", "assess", "-scheme", "../assess/testdata/flat-scheme.json", "-in", "../assess/testdata/flat.csv",
			"-got", "testdata/assess-got.csv"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, out, errOut := runArgs(t, "", tt.args...)
			assert.Equal(t, exitDiffer, status, errOut)
			assert.Empty(t, errOut)
			golden.Check(t, filepath.Join("testdata", tt.name+".text.golden"), []byte(out))
		})
	}
}

// JSON output stays one valid object in every case: no difference, and
// an input that cannot be read.
func TestJSONAlwaysValid(t *testing.T) {
	roster := filepath.Join("testdata", "roster.csv")
	tests := []struct {
		name     string
		args     []string
		status   int
		problems int
	}{
		{"clean", []string{"-got", "testdata/clean-got.csv"}, exitSame, 0},
		{"bad header", []string{"-got", "testdata/bad-header-got.csv"}, exitInput, 2},
		{"bad cells", []string{"-got", "testdata/bad-cells-got.csv"}, exitInput, 3},
		{"limit", []string{"-got", "testdata/got.csv", "-max-rows", "3"}, exitInput, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"-kind", "dues", "-in", roster, "-date", "2024-06-01", "-format", "json"}, tt.args...)
			status, out, errOut := runArgs(t, "", args...)
			assert.Equal(t, tt.status, status, errOut)
			var v struct {
				Differences []map[string]any `json:"differences"`
				Compared    *int             `json:"compared"`
				Problems    []map[string]any `json:"problems"`
			}
			require.NoError(t, json.Unmarshal([]byte(out), &v), out)
			require.NotNil(t, v.Compared)
			assert.Len(t, v.Problems, tt.problems)
			for _, p := range v.Problems {
				assert.NotEmpty(t, p["file"])
			}
		})
	}
}

// A ledger examples/dues writes is a GOT: the roster against its own
// ledger, in Chinese, agrees.
func TestLedgerIsGot(t *testing.T) {
	status, out, errOut := runArgs(t, "", "-kind", "dues", "-in", "../dues/testdata/sample.csv", "-got", "../dues/testdata/sample.zh.csv.golden",
		"-date", "2024-06-15")
	assert.Equal(t, exitSame, status, errOut)
	assert.Equal(t, "0 of 16 differ\n", out)
}

func TestExitStatus(t *testing.T) {
	roster := filepath.Join("testdata", "roster.csv")
	tests := []struct {
		name   string
		args   []string
		stdin  string
		status int
		out    string // in standard output
		errOut string // in standard error
	}{
		{"clean", []string{"-kind", "dues", "-in", roster, "-got", "testdata/clean-got.csv", "-date", "2024-06-15"}, "", exitSame, "0 of 16 differ\n", ""},
		{"clean csv", []string{"-kind", "党费", "-in", roster, "-got", "testdata/clean-got.csv", "-date", "2024-06-15", "-format", "csv"}, "",
			exitSame, "status,id,month,rule,got_line,input_line,library,platform,rules,causes,detail\n", "0 of 16 differ"},
		{"got on stdin", []string{"-kind", "dues", "-in", roster, "-got", "-", "-date", "2024-06-15"}, "id,dues\n01,45.26\n", exitDiffer,
			"stdin:2: 01: library 45.25, platform 45.26", "",
		},
		{"sample explicitly", []string{"-kind", "dues", "-in", roster, "-got", "testdata/got.csv", "-date", "2024-06-01"}, "", exitDiffer, "8 of 17 differ\n", ""},
		{"bad header", []string{"-kind", "dues", "-in", roster, "-got", "testdata/bad-header-got.csv", "-date", "2024-06-01"}, "", exitInput, "",
			"testdata/bad-header-got.csv"},
		{"bad cells", []string{"-kind", "dues", "-in", roster, "-got", "testdata/bad-cells-got.csv", "-date", "2024-06-01"}, "", exitInput,
			"of 14 differ\n", `testdata/bad-cells-got.csv:3:2: dues (id "02"): invalid value`},
		{"missing file", []string{"-kind", "dues", "-in", "testdata/nothing.csv", "-got", "testdata/got.csv"}, "", exitInput, "", "nothing.csv"},
		{"no got", []string{"-kind", "dues", "-in", roster}, "", exitInput, "", "needs -in and -got"},
		{"bad kind", []string{"-kind", "salary", "-in", roster, "-got", roster}, "", exitInput, "", "-kind \"salary\""},
		{"bad format", []string{"-format", "xml"}, "", exitInput, "", "-format \"xml\""},
		{"bad date", []string{"-date", "2024-13-01"}, "", exitInput, "", "-date"},
		{"rows limit", []string{"-kind", "dues", "-in", roster, "-got", "testdata/got.csv", "-date", "2024-06-01", "-max-rows", "3"}, "", exitInput, "",
			"limit"},
		{"help", []string{"-h"}, "", exitSame, "", "usage: conform"},
		{"assess without scheme", []string{"-kind", "assess", "-in", roster, "-got", roster}, "", exitInput, "", "needs -scheme"},
		{"scheme for dues", []string{"-kind", "dues", "-in", roster, "-got", roster, "-scheme", "jifen"}, "", exitInput, "", "-scheme is for"},
		{"unknown scheme", []string{"-kind", "assess", "-scheme", "nosuch", "-in", roster, "-got", roster}, "", exitInput, "", "neither a reference scheme"},
		{"both stdin", []string{"-kind", "dues", "-in", "-", "-got", "-"}, "", exitInput, "", "both be standard input"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, out, errOut := runArgs(t, tt.stdin, tt.args...)
			assert.Equal(t, tt.status, status, "stdout:\n%s\nstderr:\n%s", out, errOut)
			assert.Contains(t, out, tt.out)
			assert.Contains(t, errOut, tt.errOut)
		})
	}
}

// -encoding gbk (or gb18030, a superset) reads INPUT and GOT saved by
// Excel on a Chinese Windows: the comparison is the UTF-8 files'; without
// it, or with a byte that is not GBK, the file is refused with its line
// and column (exit 2).
func TestEncoding(t *testing.T) {
	utf8Args := []string{"-kind", "dues", "-in", "testdata/roster.csv", "-got", "testdata/got.csv", "-date", "2024-06-01"}
	_, utf8Out, _ := runArgs(t, "", utf8Args...)
	gbkArgs := []string{"-kind", "dues", "-in", "testdata/roster.gbk.csv", "-got", "testdata/got.gbk.csv", "-date", "2024-06-01"}
	for _, enc := range []string{"gbk", "GB18030", "cp936"} {
		t.Run(enc, func(t *testing.T) {
			status, out, errOut := runArgs(t, "", append(gbkArgs, "-encoding", enc)...)
			assert.Equal(t, exitDiffer, status, errOut)
			assert.Empty(t, errOut)
			golden.Check(t, filepath.Join("testdata", "gbk.text.golden"), []byte(out))
			assert.Equal(t, utf8Out, strings.NewReplacer("roster.gbk.csv", "roster.csv", "got.gbk.csv", "got.csv").Replace(out),
				"the same comparison as the UTF-8 files'")
		})
	}
	t.Run("roster on standard input", func(t *testing.T) {
		roster, err := os.ReadFile("testdata/roster.gbk.csv")
		require.NoError(t, err)
		status, out, errOut := runArgs(t, string(roster), "-kind", "dues", "-in", "-", "-got", "testdata/got.gbk.csv", "-date", "2024-06-01", "-encoding", "gbk")
		assert.Equal(t, exitDiffer, status, errOut)
		assert.True(t, strings.HasSuffix(out, "\n8 of 17 differ\n"), out)
	})
	tests := []struct {
		name   string
		args   []string
		errOut string
	}{
		{"GBK read as UTF-8", gbkArgs, `testdata/got.gbk.csv:1:1: invalid header: column name is not UTF-8: save the file as UTF-8, not GBK ("\xb1\xe0\xba\xc5")`},
		{"GBK roster, UTF-8 export", []string{"-kind", "dues", "-in", "testdata/roster.gbk.csv", "-got", "testdata/clean-got.csv", "-date", "2024-06-01"},
			`testdata/roster.gbk.csv:1:1: invalid header`},
		{"a byte that is not GBK", []string{"-kind", "dues", "-in", "testdata/roster.gbk.csv", "-got", "testdata/bad-gbk-got.csv", "-date", "2024-06-01", "-encoding", "gbk"},
			"conform: testdata/bad-gbk-got.csv:3:4: not valid UTF-8: not GBK text either: check the file's encoding\n"},
		{"unknown encoding", append(gbkArgs, "-encoding", "big5"), `invalid value "big5" for flag -encoding`},
		{"the sample", []string{"-encoding", "gbk"}, "-encoding is for -in and -got: the built-in sample is UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, out, errOut := runArgs(t, "", tt.args...)
			assert.Equal(t, exitInput, status, out)
			assert.Contains(t, errOut, tt.errOut)
		})
	}
}

// -rules names the dues rule set, as examples/dues -rules does: the set
// in force on -date gives the comparison without it; a set not in force
// then, another name, or another kind is a flag error.
func TestRules(t *testing.T) {
	args := []string{"-kind", "dues", "-in", "testdata/roster.csv", "-got", "testdata/got.csv"}
	_, out2017, _ := runArgs(t, "", append(args, "-date", "2024-06-01")...)
	status, out, errOut := runArgs(t, "", append(args, "-date", "2024-06-01", "-rules", "2017")...)
	assert.Equal(t, exitDiffer, status, errOut)
	assert.Equal(t, out2017, out)

	status, out, errOut = runArgs(t, "", append(args, "-date", "2016-06-15", "-rules", "2008")...)
	assert.Equal(t, exitDiffer, status, errOut)
	golden.Check(t, filepath.Join("testdata", "rules-2008.text.golden"), []byte(out))
	assert.Contains(t, out, "DUES-BASE-2008")
	assert.NotContains(t, out, "DUES-BASE-2017")

	tests := []struct {
		name   string
		args   []string
		errOut string
	}{
		{"not in force", append(args, "-date", "2024-06-01", "-rules", "2008"), "conform: -rules 2008 are in force for [2008-04-01, 2017-01-01), not for 2024-06-01"},
		{"not in force yet", append(args, "-date", "2016-12-31", "-rules", "2017"), "conform: -rules 2017 are in force for [2017-01-01, …), not for 2016-12-01"},
		{"unknown", append(args, "-date", "2024-06-01", "-rules", "2016"), `conform: -rules "2016": want 2008 or 2017`},
		{"another kind", []string{"-kind", "tax", "-in", "testdata/payroll.csv", "-got", "testdata/tax-got.csv", "-rules", "2017"}, "conform: -rules is for -kind dues"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, out, errOut := runArgs(t, "", tt.args...)
			assert.Equal(t, exitInput, status, out)
			assert.Contains(t, errOut, tt.errOut)
		})
	}
}

// A member ID on two rows or more of INPUT leaves every row of it out,
// with a problem on each, as examples/dues does; GOT's rows of those
// members are neither compared nor missing from INPUT (exit 2: rows have
// problems).
func TestRepeatedInputID(t *testing.T) {
	status, out, errOut := runArgs(t, "", "-kind", "dues", "-in", "testdata/roster-repeat.csv", "-got", "testdata/got.csv", "-date", "2024-06-01")
	assert.Equal(t, exitInput, status, errOut)
	golden.Check(t, filepath.Join("testdata", "repeat.text.golden"), []byte(out))
	assert.NotContains(t, out, ": 02:")
	assert.NotContains(t, out, ": 03:")
	assert.True(t, strings.HasSuffix(out, "\n6 of 15 differ\n"), out)
	for _, p := range []string{
		`roster-repeat.csv:3:1: 编号 (id "02"): duplicate ID: repeated on line 6`,
		`roster-repeat.csv:6:1: 编号 (id "02"): duplicate ID: first on line 3`,
		`roster-repeat.csv:4:1: 编号 (id "03"): duplicate ID: repeated on line 7`,
		`roster-repeat.csv:7:1: 编号 (id "03"): duplicate ID: first on line 4`,
		`roster-repeat.csv:8:1: 编号 (id "03"): duplicate ID: first on line 4`,
	} {
		assert.Contains(t, errOut, p)
	}
	// The same on standard input, copied to be read twice.
	roster, err := os.ReadFile("testdata/roster-repeat.csv")
	require.NoError(t, err)
	status, stdinOut, errOut := runArgs(t, string(roster), "-kind", "dues", "-in", "-", "-got", "testdata/got.csv", "-date", "2024-06-01")
	assert.Equal(t, exitInput, status, errOut)
	assert.Equal(t, strings.ReplaceAll(out, "testdata/roster-repeat.csv", "stdin"), stdinOut)
}
