package dues_test

import (
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding/dues"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The limits of a reading: rows (or members), one row's (or member's)
// bytes, the input's bytes; each met ends the reading with one problem
// naming it, after the rows before it were passed. -1 is no limit.
func TestScanRosterLimits(t *testing.T) {
	csvRoster := "id,name,category,base\nA,a,employed,100\nB,b,employed,200\nC,c,employed,300\n"
	jsonRoster := `[{"id":"A","category":"employed","base":"100"},{"id":"B","category":"employed","base":"200"},{"id":"C","category":"employed","base":"300"}]`
	scans := map[string]struct {
		roster string
		scan   func(string, dues.ScanOptions, func(dues.RosterRow, dangjian.Problems) error) error
	}{
		"csv": {csvRoster, func(s string, o dues.ScanOptions, f func(dues.RosterRow, dangjian.Problems) error) error {
			return dues.ScanRosterWith(strings.NewReader(s), o, f)
		}},
		"json": {jsonRoster, func(s string, o dues.ScanOptions, f func(dues.RosterRow, dangjian.Problems) error) error {
			return dues.ScanRosterJSONWith(strings.NewReader(s), o, f)
		}},
	}
	for name, sc := range scans {
		t.Run(name, func(t *testing.T) {
			tests := []struct {
				lim    dangjian.Limits
				passed int
				detail string
			}{
				{dangjian.Limits{MaxRecords: 3}, 3, ""},
				{dangjian.Limits{MaxRecords: 2}, 2, "more than 2 "},
				{dangjian.Limits{MaxRecords: -1}, 3, ""},
				{dangjian.Limits{MaxRecordBytes: 20}, 0, "longer than 20 bytes"},
				{dangjian.Limits{MaxBytes: int64(len(sc.roster) - 5)}, -1, "longer than"},
				{dangjian.Limits{MaxBytes: int64(len(sc.roster))}, 3, ""},
			}
			for _, tt := range tests {
				var ids []string
				err := sc.scan(sc.roster, dues.ScanOptions{Limits: tt.lim}, func(r dues.RosterRow, ps dangjian.Problems) error {
					require.Nil(t, ps)
					ids = append(ids, r.Member.ID)
					return nil
				})
				if tt.detail == "" {
					require.NoError(t, err, "%+v", tt.lim)
					assert.Equal(t, []string{"A", "B", "C"}, ids)
					continue
				}
				require.ErrorIs(t, err, dangjian.ErrLimit, "%+v", tt.lim)
				ps := dangjian.ProblemsOf(err)
				require.Len(t, ps, 1)
				assert.Contains(t, ps[0].Detail, tt.detail)
				assert.Positive(t, ps[0].Line)
				if tt.passed >= 0 {
					assert.Len(t, ids, tt.passed, "%+v", tt.lim)
				}
			}
		})
	}
}

// ReadRosterWith and DecodeRosterJSONWith list MaxProblems problems, then
// one that counts the rest.
func TestReadRosterMaxProblems(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,name,category,base\n")
	for i := range 5 {
		b.WriteString("X" + string(rune('0'+i)) + ",x,nobody,1\n")
	}
	b.WriteString("G,g,employed,100\n")
	rows, err := dues.ReadRosterWith(strings.NewReader(b.String()), dues.ScanOptions{Limits: dangjian.Limits{MaxProblems: 2}})
	require.Len(t, rows, 1, "the good row")
	ps := dangjian.ProblemsOf(err)
	require.Len(t, ps, 3)
	assert.Equal(t, []int{2, 3}, []int{ps[0].Line, ps[1].Line})
	assert.ErrorIs(t, ps[2], dangjian.ErrLimit)
	assert.Contains(t, ps[2].Detail, "more problems not listed (limit 2 problems")

	_, err = dues.DecodeRosterJSONWith(strings.NewReader(`[{"id":"1"},{"id":"2"},{"id":"3"}]`),
		dues.ScanOptions{Limits: dangjian.Limits{MaxProblems: 1}})
	ps = dangjian.ProblemsOf(err)
	require.Len(t, ps, 2)
	assert.Contains(t, ps[1].Detail, "2 more problems not listed")
}
