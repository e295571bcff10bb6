package compare_test

import (
	"io"
	"os"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/conformance/compare"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// INPUT in JSON, as examples/dues, examples/assess and examples/orgchart
// read it, by the name's extension.
func TestJSONInputs(t *testing.T) {
	read := func(path string) string {
		b, err := os.ReadFile(path)
		require.NoError(t, err)
		return string(b)
	}
	scheme, policy, err := compare.LoadScheme("yanji-shuzhi")
	require.NoError(t, err)
	tests := []struct {
		name, in, input, got string
		kind                 compare.Kind
		date                 string
		compared, differ     int
		first                compare.Difference
	}{
		{name: "dues", in: "roster.json", kind: compare.Dues, date: "2024-06-01",
			input: `[{"id": "01", "name": "张伟", "category": "在职", "base": "1003"}, {"id": "02", "name": "李娜", "category": "employed", "base": "4800"}]`,
			got:   "id,dues\n01,5.01\n02,48.00\n", compared: 2, differ: 1,
			first: compare.Difference{Status: compare.Differs, ID: "01", Line: 2, Library: "5.02", Platform: "5.01"}},
		{name: "assess", in: "subjects.json", kind: compare.Assess, date: "2024-12-31",
			input: read("../../examples/assess/testdata/sample.json"),
			got:   "id,total,grade\ncommunity-1,82.57,好\n", compared: 12, differ: 12,
			first: compare.Difference{Status: compare.Differs, ID: "community-1", Line: 2, Library: "82.57 较好", Platform: "82.57 好"}},
		{name: "org", in: "tree.json", kind: compare.Org, date: "2025-06-30",
			input: read("../../orgmodel/testdata/json/small.json"),
			got:   "id\nnowhere\n", compared: 4, differ: 4, // three organizations flagged, and one GOT invents
			first: compare.Difference{Status: compare.MissingFromGot, ID: "e95cf4cf-c425-536e-971b-91455de6c167", Library: "flagged"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var diffs []compare.Difference
			opts := compare.Options{Date: dangjian.MustParseDate(tt.date)}
			if tt.kind == compare.Assess {
				opts.Scheme, opts.Policy = scheme, policy
			}
			rep, err := compare.Compare(compare.Input{Kind: tt.kind, Name: tt.in, GotName: "got.csv",
				Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(tt.input)), nil },
				Got:  strings.NewReader(tt.got)}, opts,
				func(d compare.Difference) error { diffs = append(diffs, d); return nil })
			require.NoError(t, err)
			assert.Empty(t, rep.Problems)
			assert.Equal(t, tt.compared, rep.Compared)
			assert.Equal(t, tt.differ, rep.Differ)
			require.NotEmpty(t, diffs)
			d := diffs[0]
			assert.Equal(t, tt.first, compare.Difference{Status: d.Status, ID: d.ID, Line: d.Line, Library: d.Library, Platform: d.Platform})
		})
	}
}
