package assess_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
	"github.com/stretchr/testify/require"
)

type failWriter struct{ n int }

func (f *failWriter) Write(b []byte) (int, error) {
	if f.n <= 0 {
		return 0, errors.New("disk full")
	}
	f.n--
	return len(b), nil
}

func TestTraceWrite(t *testing.T) {
	sc := demoScorer(t, false)
	res, err := sc.Explain(assess.Subject{ID: "=A", Values: map[string]assess.Num{"tasks": assess.MustNum("50")}})
	require.NoError(t, err)
	res.Trace.Name = "=cmd" // a formula-like name is guarded in CSV, not in text
	for _, tc := range []struct {
		name string
		text []dangjian.CSVText
		want string
	}{
		{name: "guarded", want: "0,total,'=cmd,"},
		{name: "raw", text: []dangjian.CSVText{dangjian.RawText}, want: "0,total,=cmd,"},
	} {
		var b strings.Builder
		require.NoError(t, res.Trace.WriteCSV(&b, tc.text...), tc.name)
		require.Contains(t, b.String(), tc.want, tc.name)
	}
	var b strings.Builder
	require.NoError(t, res.Trace.WriteText(&b, "> "))
	require.True(t, strings.HasPrefix(b.String(), "> total =cmd = 50\n>   work"), b.String())
	require.EqualError(t, res.Trace.WriteText(&failWriter{n: 2}, ""), "disk full")
	var none *assess.Node
	b.Reset()
	require.NoError(t, none.WriteCSV(&b))
	require.Equal(t, "depth,id,name,method,max,exact,value,rounding,rule,inputs,notes,source,number_sources\n", b.String())
	b.Reset()
	require.NoError(t, none.WriteText(&b, ""))
	require.Empty(t, b.String())
}
