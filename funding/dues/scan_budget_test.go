package dues_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding/dues"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// budgetRoster is a roster of n members M00000… (lines 2…n+1), then a
// repeat of each ID in again (lines n+2…).
func budgetRoster(n int, again ...int) string {
	var b strings.Builder
	b.WriteString("id,name,category,base\n")
	for i := range n {
		fmt.Fprintf(&b, "M%05d,m,employed,3000.00\n", i)
	}
	for _, i := range again {
		fmt.Fprintf(&b, "M%05d,m,employed,3000.00\n", i)
	}
	return b.String()
}

// scanAll runs ScanRosterWith and returns the good rows' IDs, the bad
// rows' problems and the warnings passed to Warn.
func scanAll(t *testing.T, roster string, opts dues.ScanOptions) (good int, bad dangjian.Problems, warned dangjian.Problems, err error) {
	t.Helper()
	if opts.Warn == nil {
		opts.Warn = func(p *dangjian.Problem) { warned = append(warned, p) }
	}
	err = dues.ScanRosterWith(strings.NewReader(roster), opts, func(r dues.RosterRow, ps dangjian.Problems) error {
		if ps == nil {
			good++
		}
		bad = append(bad, ps...)
		return nil
	})
	return good, bad, warned, err
}

// A small budget: the set fills on the way, one warning says from which
// line, the IDs kept before are still checked, the later ones are not,
// and every row is passed.
func TestScanRosterIDBudget(t *testing.T) {
	// 12 KiB: the table's first 1024 slots (5 KiB) and the first 4 KiB
	// chunk, 273 IDs of 6 bytes with their length, line and hash bits.
	roster := budgetRoster(1000, 3, 900)
	good, bad, warned, err := scanAll(t, roster, dues.ScanOptions{MaxIDBytes: 12 << 10})
	require.NoError(t, err)
	require.Len(t, warned, 1)
	w := warned[0]
	assert.ErrorIs(t, w, dangjian.ErrLimit)
	assert.ErrorIs(t, w, dues.ErrIDsNotChecked)
	assert.Equal(t, 2+273, w.Line, "the first ID not kept")
	assert.Equal(t, "id", w.Path)
	assert.Equal(t, "12288", w.Value)
	assert.Contains(t, w.Detail, "from this line on, an ID not seen before is not checked for repeats")
	assert.Contains(t, w.Detail, "MaxIDBytes")
	assert.Equal(t, 1, w.Column)
	assert.Contains(t, w.Detail, "-max-id-memory")
	// M00003 was kept: its repeat is found; M00900 was not: its repeat is
	// not (and the warning said it would not be).
	require.Len(t, bad, 2)
	assert.Equal(t, []int{5, 1002}, []int{bad[0].Line, bad[1].Line})
	assert.Equal(t, "M00003", bad[1].ID)
	assert.Equal(t, 1001, good, "1002 rows less M00003's repeat: M00900's repeat is not checked")

	t.Run("no Warn: the warning is the scan's error, after every row", func(t *testing.T) {
		n := 0
		err := dues.ScanRosterWith(strings.NewReader(roster), dues.ScanOptions{MaxIDBytes: 12 << 10},
			func(dues.RosterRow, dangjian.Problems) error { n++; return nil })
		assert.Equal(t, 1002, n)
		ps := dangjian.ProblemsOf(err)
		require.Len(t, ps, 1)
		assert.Equal(t, w, ps[0])
	})
	t.Run("ReadRoster: the default budget holds them all", func(t *testing.T) {
		_, err := dues.ReadRoster(strings.NewReader(roster))
		ps := dangjian.ProblemsOf(err)
		require.Len(t, ps, 4, "both pairs of repeats")
	})
	t.Run("no limit", func(t *testing.T) {
		_, bad, warned, err := scanAll(t, roster, dues.ScanOptions{MaxIDBytes: -1})
		require.NoError(t, err)
		assert.Empty(t, warned)
		assert.Len(t, bad, 4)
	})
	t.Run("a budget too small for any ID", func(t *testing.T) {
		good, bad, warned, err := scanAll(t, roster, dues.ScanOptions{MaxIDBytes: 1})
		require.NoError(t, err)
		require.Len(t, warned, 1)
		assert.Equal(t, 2, warned[0].Line)
		assert.Empty(t, bad)
		assert.Equal(t, 1002, good)
	})
}

// The default budget holds a million members with IDs of 16 bytes.
func TestScanRosterDefaultBudgetHoldsAMillion(t *testing.T) {
	if testing.Short() {
		t.Skip("a million rows")
	}
	var b strings.Builder
	b.WriteString("id,name,category,base\n")
	for i := range 1_000_000 {
		fmt.Fprintf(&b, "ID-%013d,,student,\n", i) // 16 bytes
	}
	fmt.Fprintf(&b, "ID-%013d,,student,\n", 999_999)
	good, bad, warned, err := scanAll(t, b.String(), dues.ScanOptions{})
	require.NoError(t, err)
	assert.Empty(t, warned)
	assert.Equal(t, 1_000_000, good)
	assert.Len(t, bad, 2, "the last ID's repeat is found")
}

// A JSON roster's check has the same budget: the warning is at the id of
// the first member not kept, and a repeat of a member kept still names
// where it was first, by path, line and column.
func TestScanRosterJSONIDBudget(t *testing.T) {
	var b strings.Builder
	b.WriteString("[\n")
	for i := range 1000 {
		fmt.Fprintf(&b, "  {\"id\": \"M%05d\", \"category\": \"student\"},\n", i)
	}
	b.WriteString("  {\"id\": \"M00003\", \"category\": \"student\"},\n  {\"id\": \"M00900\", \"category\": \"student\"}\n]\n")
	var warned, bad dangjian.Problems
	good := 0
	err := dues.ScanRosterJSONWith(strings.NewReader(b.String()), dues.ScanOptions{MaxIDBytes: 12 << 10,
		Warn: func(p *dangjian.Problem) { warned = append(warned, p) }},
		func(r dues.RosterRow, ps dangjian.Problems) error {
			if ps == nil {
				good++
			}
			bad = append(bad, ps...)
			return nil
		})
	require.NoError(t, err)
	require.Len(t, warned, 1)
	w := warned[0]
	assert.ErrorIs(t, w, dues.ErrIDsNotChecked)
	// 12 KiB: 5 KiB of table and a 4 KiB chunk, 178 IDs of 6 bytes with 17
	// bytes of header each (length, line, hash bits, index and column).
	assert.Equal(t, "[178].id", w.Path)
	assert.Equal(t, []int{180, 10}, []int{w.Line, w.Column})
	require.Len(t, bad, 2)
	assert.Equal(t, "[3].id", bad[0].Path)
	assert.Equal(t, []int{5, 10}, []int{bad[0].Line, bad[0].Column})
	assert.Equal(t, "repeated at [1000]", bad[0].Detail)
	assert.Equal(t, "first at [3]", bad[1].Detail)
	assert.Equal(t, 1001, good)

	_, err = dues.DecodeRosterJSONWith(strings.NewReader(b.String()), dues.ScanOptions{MaxIDBytes: 12 << 10})
	ps := dangjian.ProblemsOf(err)
	require.Len(t, ps, 3)
	assert.Equal(t, w.Error(), ps[1].Error(), "the warning among the problems, in line order")
}

func TestScanOptionsIDBudget(t *testing.T) {
	assert.Equal(t, dues.DefaultMaxIDBytes, dues.ScanOptions{}.IDBudget())
	assert.Equal(t, int64(-1), dues.ScanOptions{MaxIDBytes: -7}.IDBudget())
	assert.Equal(t, int64(5), dues.ScanOptions{MaxIDBytes: 5}.IDBudget())
}
