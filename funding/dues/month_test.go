package dues_test

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding/dues"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// monthPipeline runs ComputeMonth into a ledger in a buffer, which reset
// empties; it returns the ledger, the report and how often the roster was
// opened.
func monthPipeline(t *testing.T, roster []byte, opts dues.MonthOptions) (string, dues.MonthReport, int) {
	t.Helper()
	var out bytes.Buffer
	lw, err := dues.NewLedgerWriterWith(&out, dues.LedgerOptions{PayingOrg: true})
	require.NoError(t, err)
	opens := 0
	open := func() (io.ReadCloser, error) {
		opens++
		return io.NopCloser(bytes.NewReader(roster)), nil
	}
	reset := func() error {
		out.Reset()
		lw, err = dues.NewLedgerWriterWith(&out, dues.LedgerOptions{PayingOrg: true})
		return err
	}
	rep, err := dues.ComputeMonth(open, reset, opts, func(r dues.LedgerRow) error { return lw.Write(r) })
	require.NoError(t, err)
	require.NoError(t, lw.Flush())
	return out.String(), rep, opens
}

// ComputeMonth writes what ReadRoster, Rules.Monthly and WriteLedger write
// for the whole roster, with the same problems, on a generated roster
// with repeated IDs, bad rows and rows the rules refuse; the rows not
// computed are counted by line.
func TestComputeMonthEqualsSlice(t *testing.T) {
	data := genRoster(20_000, 11)
	for _, trace := range []bool{false, true} {
		month := dangjian.MustParseDate("2024-06-01")
		want, wantPs := slicePipeline(t, data, dues.Rules2017(), month)
		got, rep, opens := monthPipeline(t, data, dues.MonthOptions{Rules: dues.Rules2017(), Month: month, Trace: trace})
		assert.Equal(t, 2, opens, "a repeated ID: read twice")
		assert.True(t, want == got, "the ledgers differ")
		assert.Equal(t, problemSet(wantPs), problemSet(rep.Problems))
		lines := map[int]bool{}
		for _, p := range rep.Problems {
			lines[p.Line] = true
		}
		assert.Equal(t, len(lines), rep.NotComputed)
		assert.Equal(t, strings.Count(got, "\n")-1, rep.Summary.Members)
		assert.Empty(t, rep.Warnings)
	}
}

// A clean roster is read once; a JSON roster reads as the CSV one does;
// the problems are capped at MaxProblems, the rest counted; an error of
// out, reset or open is returned as it is.
func TestComputeMonthEdges(t *testing.T) {
	month := dangjian.MustParseDate("2024-06-01")
	csv := []byte("id,name,category,base\nA,a,employed,3000\nB,b,student,\n")
	json := []byte(`[{"id":"A","name":"a","category":"employed","base":"3000"},{"id":"B","name":"b","category":"student"}]`)
	got, rep, opens := monthPipeline(t, csv, dues.MonthOptions{Rules: dues.Rules2017(), Month: month})
	assert.Equal(t, 1, opens)
	assert.Zero(t, rep.NotComputed)
	gotJSON, _, _ := monthPipeline(t, json, dues.MonthOptions{Rules: dues.Rules2017(), Month: month, JSON: true})
	assert.Equal(t, got, gotJSON)

	bad := []byte("id,name,category,base\n1,,nobody,\n2,,nobody,\n3,,nobody,\n4,,student,\n")
	_, rep, _ = monthPipeline(t, bad, dues.MonthOptions{Rules: dues.Rules2017(), Month: month,
		Scan: dues.ScanOptions{Limits: dangjian.Limits{MaxProblems: 2}}})
	require.Len(t, rep.Problems, 3)
	assert.Contains(t, rep.Problems[2].Detail, "1 more problem not listed")
	assert.Equal(t, 3, rep.NotComputed)

	boom := errors.New("boom")
	open := func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(csv)), nil }
	_, err := dues.ComputeMonth(open, nil, dues.MonthOptions{Rules: dues.Rules2017(), Month: month},
		func(dues.LedgerRow) error { return boom })
	assert.Same(t, boom, err)
	_, err = dues.ComputeMonth(func() (io.ReadCloser, error) { return nil, boom }, nil, dues.MonthOptions{Rules: dues.Rules2017(), Month: month},
		func(dues.LedgerRow) error { return nil })
	assert.Same(t, boom, err)
	repeated := []byte("id,name,category,base\nA,a,employed,3000\nA,b,student,\n")
	_, err = dues.ComputeMonth(func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(repeated)), nil },
		func() error { return boom }, dues.MonthOptions{Rules: dues.Rules2017(), Month: month}, func(dues.LedgerRow) error { return nil })
	assert.Same(t, boom, err)
	_, err = dues.ComputeMonth(func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader("id,salary\n")), nil },
		nil, dues.MonthOptions{Rules: dues.Rules2017(), Month: month}, func(dues.LedgerRow) error { return nil })
	assert.ErrorIs(t, err, dangjian.ErrHeader)
}
