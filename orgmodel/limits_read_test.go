package orgmodel_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rowsCSV returns a table of a committee and n branches under it, each
// with bad members when bad.
func rowsCSV(n int, bad bool) string {
	var b strings.Builder
	b.WriteString("id,parent_id,kind,domain,name,full_members,probationary_members\n0,,local_committee,,市委,0,0\n")
	for i := 1; i <= n; i++ {
		m := "5"
		if bad {
			m = "x"
		}
		b.WriteString(strconv.Itoa(i) + ",0,branch,,支部" + strconv.Itoa(i) + "," + m + ",0\n")
	}
	return b.String()
}

// TestReadCSVLimits: MaxRecords exactly met reads, one more stops at that
// row; a row longer than MaxRecordBytes stops; the problems of bad rows
// are listed up to MaxProblems and the rest counted; -1 lifts a limit.
func TestReadCSVLimits(t *testing.T) {
	in := rowsCSV(9, false) // 10 rows
	for _, read := range []struct {
		name string
		fn   func(string, dangjian.Limits) (int, error)
	}{
		{"ReadCSVWith", func(s string, lim dangjian.Limits) (int, error) {
			recs, err := orgmodel.ReadCSVWith(strings.NewReader(s), lim)
			return len(recs.Orgs), err
		}},
		{"ReadTreeCSVWith", func(s string, lim dangjian.Limits) (int, error) {
			tree, err := orgmodel.ReadTreeCSVWith(strings.NewReader(s), orgmodel.BuildOptions{}, lim)
			if tree == nil {
				return 0, err
			}
			return tree.Len(), err
		}},
	} {
		t.Run(read.name, func(t *testing.T) {
			n, err := read.fn(in, dangjian.Limits{MaxRecords: 10})
			require.NoError(t, err)
			assert.Equal(t, 10, n)

			n, err = read.fn(in, dangjian.Limits{MaxRecords: 9})
			assert.Zero(t, n)
			ps := dangjian.ProblemsOf(err)
			require.Len(t, ps, 1)
			assert.ErrorIs(t, ps[0], dangjian.ErrLimit)
			assert.Equal(t, 11, ps[0].Line, "the tenth row")
			assert.Contains(t, ps[0].Detail, "MaxRecords")
			assert.Contains(t, ps[0].Detail, "-max-rows")

			long := strings.Replace(in, "支部5,", strings.Repeat("长", 100)+",", 1)
			n, err = read.fn(long, dangjian.Limits{MaxRecordBytes: 200})
			assert.Zero(t, n)
			ps = dangjian.ProblemsOf(err)
			require.Len(t, ps, 1)
			assert.ErrorIs(t, ps[0], dangjian.ErrLimit)
			assert.Equal(t, 7, ps[0].Line)
			assert.Contains(t, ps[0].Detail, "-max-record-bytes")
			n, err = read.fn(long, dangjian.Limits{MaxRecordBytes: -1, MaxRecords: -1})
			require.NoError(t, err)
			assert.Equal(t, 10, n)

			bad := rowsCSV(30, true)
			_, err = read.fn(bad, dangjian.Limits{MaxProblems: 5})
			ps = dangjian.ProblemsOf(err)
			require.Len(t, ps, 6)
			for _, p := range ps[:5] {
				assert.Equal(t, "invalid", p.Code())
			}
			assert.ErrorIs(t, ps[5], dangjian.ErrLimit)
			assert.Equal(t, "25", ps[5].Value)
			assert.Equal(t, "25 more problems not listed (limit 5 problems; raise it with MaxProblems or the program's -max-problems)", ps[5].Detail)
			_, err = read.fn(bad, dangjian.Limits{MaxProblems: -1})
			assert.Len(t, dangjian.ProblemsOf(err), 30)
			_, err = read.fn(bad, dangjian.Limits{})
			assert.Len(t, dangjian.ProblemsOf(err), 30, "within the default")
		})
	}
}

// TestDecodeJSONLimits: MaxBytes and MaxRecords bound DecodeJSONWith.
func TestDecodeJSONLimits(t *testing.T) {
	in := `{"orgs":[{"id":"1","kind":"local_committee","name":"市委","members":{"full":0,"probationary":0}},
{"id":"2","parent":"1","kind":"branch","name":"支部","members":{"full":5,"probationary":0}}]}`
	recs, err := orgmodel.DecodeJSONWith(strings.NewReader(in), dangjian.Limits{MaxRecords: 2, MaxBytes: int64(len(in))})
	require.NoError(t, err)
	assert.Len(t, recs.Orgs, 2)

	_, err = orgmodel.DecodeJSONWith(strings.NewReader(in), dangjian.Limits{MaxRecords: 1})
	ps := dangjian.ProblemsOf(err)
	require.Len(t, ps, 1)
	assert.ErrorIs(t, ps[0], dangjian.ErrLimit)
	assert.Equal(t, "orgs[1]", ps[0].Path)
	assert.Equal(t, "2", ps[0].ID)
	assert.Equal(t, 2, ps[0].Line)
	assert.Contains(t, ps[0].Detail, "more than 1 elements")

	_, err = orgmodel.DecodeJSONWith(strings.NewReader(in), dangjian.Limits{MaxBytes: 10})
	ps = dangjian.ProblemsOf(err)
	require.Len(t, ps, 1)
	assert.ErrorIs(t, ps[0], dangjian.ErrLimit)
	assert.Equal(t, 1, ps[0].Line)
	assert.Equal(t, 11, ps[0].Column)
	assert.Contains(t, ps[0].Detail, "longer than 10 bytes")

	_, err = orgmodel.DecodeJSONWith(strings.NewReader(in), dangjian.Limits{MaxBytes: -1, MaxRecords: -1})
	require.NoError(t, err)
}
