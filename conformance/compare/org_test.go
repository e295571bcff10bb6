package compare_test

import (
	"os"
	"testing"

	"github.com/dangjian-go/dangjian/conformance/compare"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The flagged organizations of the orgchart sample tree, compared as a
// set and as (id, rule) pairs.
func TestOrg(t *testing.T) {
	tree, err := os.ReadFile("../../examples/orgchart/testdata/tree.csv")
	require.NoError(t, err)
	type row struct {
		status compare.Status
		key    string
		detail string
	}
	tests := []struct {
		name     string
		got      string
		compared int
		want     []row
	}{
		{"sets agree", "编号,备注\nyj.jx,\nyj.jx.ly,\nyj.jx.ly.1.1,\nyj.jx.ly.2,\nyj.jx.fg,\nyj.jx.fg.1,\nyj.jg.zz,\n", 7, nil},
		{"sets differ", "id\nyj.jx\nyj.jx.ly\nyj.jx.ly.1.1\nyj.jx.ly.2\nyj.jx.fg\nyj.jx.fg.1\nyj.jx.ly.1\nnowhere\n", 9, []row{
			{compare.MissingFromGot, "yj.jg.zz", "not at least 50"},
			{compare.MissingFromInput, "yj.jx.ly.1", "the library's rules do not flag it"},
			{compare.MissingFromInput, "nowhere", "no such organization in INPUT"},
		}},
		{"pairs", "id,rule\nyj.jx,ORG-DISPATCHED-NO-TERM\nyj.jx.ly,ORG-CMTE-BELOW-100-OTHER\nyj.jx.ly.1.1,ORG-GROUP-SIZE\n" +
			"yj.jx.ly.2,ORG-BRANCH-MIN-3\nyj.jx.fg,ORG-CMTE-BELOW-100-OTHER\nyj.jx.fg.1,ORG-JOINT-UNITS-5\nyj.jg.zz,ORG-GB-BELOW-50\n", 8, []row{
			{compare.MissingFromGot, "yj.jx.ly.2 ORG-BRANCH-SOFTCAP-50", "more than 50"},
			{compare.MissingFromInput, "yj.jx.ly.2 ORG-BRANCH-MIN-3", "on this rule"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			diffs, rep, err := runCompare(t, compare.Org, "2025-06-30", string(tree), tt.got)
			require.NoError(t, err)
			assert.Empty(t, rep.Problems)
			var rows []row
			for _, d := range diffs {
				rows = append(rows, row{d.Status, d.Key(), ""})
				if d.Status == compare.MissingFromGot {
					assert.Equal(t, "flagged", d.Library)
					assert.NotEmpty(t, d.Rules)
					assert.NotZero(t, d.InputLine)
				} else {
					assert.Equal(t, "flagged", d.Platform)
					assert.NotZero(t, d.Line)
				}
			}
			var want []row
			for i, w := range tt.want {
				want = append(want, row{w.status, w.key, ""})
				if i < len(diffs) {
					assert.Contains(t, diffs[i].Detail, w.detail)
				}
			}
			assert.Equal(t, want, rows)
			assert.Equal(t, tt.compared, rep.Compared)
			assert.Equal(t, len(tt.want), rep.Differ)
		})
	}
}
