package conformance

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dangjian-go/dangjian"
)

func TestParseVectors(t *testing.T) {
	rs := RuleSet()
	good := "case,x,rules,ruleset\na,1,R1;R2,RS\nb,\"2,3\",R1,RS\n"
	rows, err := parseVectors("f.csv", []byte(strings.ReplaceAll(good, "RS", rs)), "x")
	require.NoError(t, err)
	require.Len(t, rows, 2)
	assert.Equal(t, "2,3", rows[1].cells["x"])
	assert.Equal(t, 3, rows[1].line)
	assert.Equal(t, []string{"R1", "R2"}, rows[0].rules())

	for name, tc := range map[string]struct {
		in, kind, want string
		required       []string
	}{
		"stale":        {"case,rules,ruleset\na,R,2020-01.000000000000\n", "invalid", "run go run ./internal/conformgen", nil},
		"duplicate":    {"case,rules,ruleset\na,R,RS\na,R,RS\n", "duplicate", "case named twice", nil},
		"no rules":     {"case,rules,ruleset\na,,RS\n", "missing", "every vector names its rules", nil},
		"no case":      {"case,rules,ruleset\n,R,RS\n", "missing", "every vector has a case name", nil},
		"width":        {"case,rules,ruleset\na,R\n", "invalid", "2 fields", nil},
		"not utf-8":    {"case,rules,ruleset\na\xff,R,RS\n", "encoding", "UTF-8", nil},
		"no x column":  {"case,rules,ruleset\na,R,RS\n", "header", "", []string{"x"}},
		"not csv":      {"case,rules,ruleset\n\"a,R,RS\n", "syntax", "", nil},
		"empty header": {"", "", "", nil},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := parseVectors("f.csv", []byte(strings.ReplaceAll(tc.in, "RS", rs)), tc.required...)
			require.Error(t, err)
			if tc.want != "" {
				assert.ErrorContains(t, err, tc.want)
			}
			var ps dangjian.Problems
			if tc.kind != "" && errors.As(err, &ps) {
				assert.Equal(t, tc.kind, ps[0].Kind.Code())
				assert.Equal(t, "conformance/f.csv", ps[0].File)
				if line := map[string]int{"header": 1, "duplicate": 3}[tc.kind]; line != 0 {
					assert.Equal(t, line, ps[0].Line)
				} else {
					assert.Equal(t, 2, ps[0].Line)
				}
			}
		})
	}
}

// FuzzParseVectors: any input is read or refused, never a panic, and a
// row that is read has a case, rules and the library's rule set.
func FuzzParseVectors(f *testing.F) {
	f.Add([]byte("case,rules,ruleset\na,R," + RuleSet() + "\n"))
	f.Add([]byte("case,x,rules,ruleset\na,\"1\n2\",R;S," + RuleSet() + "\nb,,R,x\n"))
	f.Add([]byte("\uFEFFcase,rules,ruleset\r\na,R," + RuleSet() + "\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, err := parseVectors("f.csv", data)
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for _, r := range rows {
			if r.cells["case"] == "" || seen[r.cells["case"]] || r.cells["rules"] == "" || r.cells["ruleset"] != RuleSet() {
				t.Fatalf("bad row read: %v", r.cells)
			}
			seen[r.cells["case"]] = true
		}
	})
}

func TestEmbeddedFilesParse(t *testing.T) {
	for _, dir := range []string{"dues", "tax", "remit", "enterprise"} {
		names, err := filesOf(dir, nil)
		require.NoError(t, err)
		require.NotEmpty(t, names, dir)
		for _, n := range names {
			_, err := readVectors(n)
			assert.NoError(t, err, n)
		}
	}
}
