package assess_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
	"github.com/stretchr/testify/require"
)

func flatScheme(t testing.TB) assess.Scheme {
	data, err := os.ReadFile("../examples/assess/testdata/flat-scheme.json")
	require.NoError(t, err)
	s, err := assess.DecodeScheme(bytes.NewReader(data))
	require.NoError(t, err)
	return s
}

func csvSubjects(r io.Reader, s assess.Scheme) ([]assess.Subject, error) {
	var out []assess.Subject
	err := assess.DecodeSubjectsCSVFunc(r, s, func(sub assess.Subject) error {
		out = append(out, sub)
		return nil
	})
	return out, err
}

func TestDecodeSubjectsCSVFunc(t *testing.T) {
	s := flatScheme(t)
	for _, tc := range []struct {
		name, in string
		ids      []string
		problems []string
	}{
		{name: "good", in: "id,category,meetings,type,flag:veto,bonus:award\na,社区,95,社区,yes,2\nb,,,,,\n", ids: []string{"a", "b"}},
		{name: "bad cells, the rest go on", in: "id,meetings,flag:veto,bonus:award\na,1x,maybe,-1\nb,2,,\n,3,,\n",
			ids: []string{"b"}, problems: []string{
				`line 2, column 2: meetings (id "a"): invalid value: not a decimal number ("1x")`,
				`line 2, column 3: flag:veto (id "a"): invalid value: want true, false, 1, 0 or empty ("maybe")`,
				`line 2, column 4: bonus:award (id "a"): invalid value: want a count ("-1")`,
				`line 4: id: missing value: a row names its subject`,
			}},
		{name: "unknown column", in: "id,colour\na,1\n", problems: []string{
			`line 1, column 2: colour: invalid header: unknown column: want id, category, meetings, dues, area, score, type, flag:veto, bonus:award, bonus:innovation ("colour")`}},
		{name: "width", in: "id,meetings\na\nb,1\n", ids: []string{"b"}, problems: []string{
			`line 2 (id "a"): invalid value: 1 fields, the header has 2`}},
		{name: "GBK", in: "id,category\na,\xc9\xe7\xc7\xf8\nb,x\n", ids: []string{"b"}, problems: []string{
			`line 2, column 2: category (id "a"): not valid UTF-8: save the file as UTF-8, not GBK ("\xc9\xe7\xc7\xf8")`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, r := range []io.Reader{strings.NewReader(tc.in), iotest.OneByteReader(strings.NewReader(tc.in))} {
				subs, err := csvSubjects(r, s)
				var ids []string
				for _, sub := range subs {
					ids = append(ids, sub.ID)
				}
				require.Equal(t, tc.ids, ids)
				var got []string
				for _, p := range dangjian.ProblemsOf(err) {
					got = append(got, p.Error())
				}
				require.Equal(t, tc.problems, got)
			}
		})
	}
	subs, err := csvSubjects(strings.NewReader("id,meetings,type,flag:veto,bonus:award\na,95,社区,1,2\n"), s)
	require.NoError(t, err)
	require.Equal(t, []assess.Subject{{ID: "a", Values: map[string]assess.Num{"meetings": assess.MustNum("95")},
		Fields: map[string]string{"type": "社区"}, Flags: map[string]bool{"veto": true}, Bonus: map[string]int{"award": 2}}}, subs)
}

// A scheme CSV cannot feed is refused before anything is read; fn's
// error stops the reading.
func TestDecodeSubjectsCSVFuncRefuses(t *testing.T) {
	s, err := assess.Reference("jifen")
	require.NoError(t, err)
	_, err = csvSubjects(strings.NewReader("id\na\n"), s)
	require.ErrorIs(t, err, dangjian.ErrInvalid)
	require.Contains(t, err.Error(), "need JSON input")
	stop := errors.New("stop")
	n := 0
	err = assess.DecodeSubjectsCSVFunc(strings.NewReader("id\na\nb\nc\n"), flatScheme(t), func(assess.Subject) error {
		n++
		return stop
	})
	require.Equal(t, stop, err)
	require.Equal(t, 1, n)
}

// rows generates a CSV of n subjects without holding it.
type rows struct {
	n, i int
	buf  []byte
}

func (r *rows) Read(p []byte) (int, error) {
	for len(r.buf) < len(p) && r.i <= r.n {
		if r.i == 0 {
			r.buf = append(r.buf, "id,meetings,score\n"...)
		} else {
			r.buf = fmt.Appendf(r.buf, "s%d,%d,%d.5\n", r.i, r.i%100, r.i%90)
		}
		r.i++
	}
	if len(r.buf) == 0 {
		return 0, io.EOF
	}
	k := copy(p, r.buf)
	r.buf = r.buf[k:]
	return k, nil
}

// The rows are handed over as they are read: the first subject arrives
// long before the end of a 200,000-row input.
func TestDecodeSubjectsCSVFuncStreams(t *testing.T) {
	r := &rows{n: 200000}
	n, firstAt := 0, 0
	err := assess.DecodeSubjectsCSVFunc(r, flatScheme(t), func(sub assess.Subject) error {
		if n == 0 {
			firstAt = r.i
		}
		n++
		return nil
	})
	require.NoError(t, err)
	require.Equal(t, 200000, n)
	require.Less(t, firstAt, 10000)
}

// Reading any bytes as CSV subjects never panics, and a subject read
// scores or reports an error, never panics.
func FuzzDecodeSubjectsCSVFunc(f *testing.F) {
	s := flatScheme(f)
	sc, err := assess.Compile(s)
	require.NoError(f, err)
	if data, err := os.ReadFile("../examples/assess/testdata/flat.csv"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("id,meetings,flag:veto,bonus:award\na,1e3,yes,99999999999999999999\n"))
	f.Add([]byte("\ufeffid,category,type,area\n\"a\",\"社区\",\"社\"\"区\",-5\n"))
	f.Add([]byte("id\n\n\n"))
	f.Add([]byte("id,category\na,\xc9\xe7\xc7\xf8\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_ = assess.DecodeSubjectsCSVFunc(bytes.NewReader(data), s, func(sub assess.Subject) error {
			_, _ = sc.Explain(sub)
			return nil
		})
	})
}
