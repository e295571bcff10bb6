package assess_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
	"github.com/stretchr/testify/require"
)

// subjectsJSON is n subjects, the i-th bad (an unknown key) where bad(i).
func subjectsJSON(n int, bad func(int) bool) string {
	var b strings.Builder
	b.WriteString("[\n")
	for i := range n {
		if i > 0 {
			b.WriteString(",\n")
		}
		if bad(i) {
			fmt.Fprintf(&b, `{"id":"s%d","colour":"red"}`, i)
		} else {
			fmt.Fprintf(&b, `{"id":"s%d","values":{"jianshi":"90"}}`, i)
		}
	}
	b.WriteString("\n]")
	return b.String()
}

func subjectsCSV(n int, bad func(int) bool) string {
	var b strings.Builder
	b.WriteString("id,meetings\n")
	for i := range n {
		if bad(i) {
			fmt.Fprintf(&b, "s%d,x\n", i)
		} else {
			fmt.Fprintf(&b, "s%d,%d\n", i, i)
		}
	}
	return b.String()
}

// readers runs the three subject readers over the same subjects within lim,
// returning how many subjects each passed on and its error.
func limitReaders(t *testing.T, n int, bad func(int) bool, lim dangjian.Limits) map[string]struct {
	n   int
	err error
} {
	out := map[string]struct {
		n   int
		err error
	}{}
	var k int
	err := assess.DecodeSubjectsFuncWith(strings.NewReader(subjectsJSON(n, bad)), lim, func(assess.Subject) error { k++; return nil })
	out["json"] = struct {
		n   int
		err error
	}{k, err}
	k = 0
	err = yanjiScorer(t).ScoreSubjectsFunc(strings.NewReader(subjectsJSON(n, bad)), assess.StreamOptions{Limits: lim},
		func(int, *assess.Result, error) error { k++; return nil })
	out["score"] = struct {
		n   int
		err error
	}{k, err}
	k = 0
	err = assess.DecodeSubjectsCSVFuncWith(strings.NewReader(subjectsCSV(n, bad)), flatScheme(t), lim, func(assess.Subject) error { k++; return nil })
	out["csv"] = struct {
		n   int
		err error
	}{k, err}
	return out
}

func none(int) bool { return false }

func TestSubjectReadersLimits(t *testing.T) {
	t.Run("records at the limit", func(t *testing.T) {
		for name, r := range limitReaders(t, 5, none, dangjian.Limits{MaxRecords: 5}) {
			require.NoError(t, r.err, name)
			require.Equal(t, 5, r.n, name)
		}
	})
	t.Run("records over the limit", func(t *testing.T) {
		for name, r := range limitReaders(t, 6, none, dangjian.Limits{MaxRecords: 5}) {
			ps := dangjian.ProblemsOf(r.err)
			require.Len(t, ps, 1, name)
			require.True(t, errors.Is(ps[0], dangjian.ErrLimit), name)
			require.Contains(t, ps[0].Detail, "MaxRecords", name)
			require.Contains(t, ps[0].Detail, "-max-rows", name)
			require.Equal(t, 7, ps[0].Line, name) // the 6th subject's line (CSV: after the header)
			require.Equal(t, 5, r.n, name)
		}
	})
	t.Run("no limit", func(t *testing.T) {
		for name, r := range limitReaders(t, 6, none, dangjian.Limits{MaxRecords: -1, MaxRecordBytes: -1, MaxBytes: -1}) {
			require.NoError(t, r.err, name)
			require.Equal(t, 6, r.n, name)
		}
	})
	t.Run("record bytes", func(t *testing.T) {
		for name, r := range limitReaders(t, 3, none, dangjian.Limits{MaxRecordBytes: 8}) {
			ps := dangjian.ProblemsOf(r.err)
			require.Len(t, ps, 1, name)
			require.True(t, errors.Is(ps[0], dangjian.ErrLimit), name)
			require.Contains(t, ps[0].Detail, "MaxRecordBytes", name)
			require.Equal(t, 0, r.n, name)
		}
	})
	t.Run("bytes", func(t *testing.T) {
		for name, r := range limitReaders(t, 100, none, dangjian.Limits{MaxBytes: 200}) {
			ps := dangjian.ProblemsOf(r.err)
			require.Len(t, ps, 1, name)
			require.True(t, errors.Is(ps[0], dangjian.ErrLimit), name)
			require.Contains(t, ps[0].Detail, "MaxBytes", name)
			require.Less(t, r.n, 40, name) // of 100
		}
	})
	t.Run("problems", func(t *testing.T) {
		odd := func(i int) bool { return i%2 == 1 }
		for name, r := range limitReaders(t, 20, odd, dangjian.Limits{MaxProblems: 3}) {
			ps := dangjian.ProblemsOf(r.err)
			require.Len(t, ps, 4, name)
			last := ps[3]
			require.True(t, errors.Is(last, dangjian.ErrLimit), name)
			require.Equal(t, "7", last.Value, name)
			require.Contains(t, last.Detail, "7 more problems not listed", name)
			require.Equal(t, 10, r.n, name)
		}
		for name, r := range limitReaders(t, 20, odd, dangjian.Limits{MaxProblems: -1}) {
			require.Len(t, dangjian.ProblemsOf(r.err), 10, name)
		}
	})
}
