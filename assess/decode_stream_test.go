package assess_test

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
	"github.com/stretchr/testify/require"
)

// streamSubjects collects what DecodeSubjectsFunc passes on.
func streamSubjects(r io.Reader) ([]assess.Subject, error) {
	var out []assess.Subject
	err := assess.DecodeSubjectsFunc(r, func(s assess.Subject) error {
		out = append(out, s)
		return nil
	})
	return out, err
}

// sameAsDecodeSubjects checks that DecodeSubjectsFunc, fed in pieces of
// every size, gives what DecodeSubjects gives: the same subjects, or the
// same problems.
func sameAsDecodeSubjects(t *testing.T, in []byte) {
	t.Helper()
	want, wantErr := assess.DecodeSubjects(bytes.NewReader(in))
	for name, r := range map[string]io.Reader{
		"whole":    bytes.NewReader(in),
		"one byte": iotest.OneByteReader(bytes.NewReader(in)),
		"half":     iotest.HalfReader(bytes.NewReader(in)),
	} {
		got, err := streamSubjects(r)
		if wantErr != nil {
			require.Error(t, err, "%s: %q", name, in)
			require.Equal(t, wantErr.Error(), err.Error(), "%s: %q", name, in)
			require.Equal(t, dangjian.ProblemsOf(wantErr), dangjian.ProblemsOf(err), "%s: %q", name, in)
			continue
		}
		require.NoError(t, err, "%s: %q", name, in)
		require.Equal(t, len(want), len(got), "%s: %q", name, in)
		if len(want) > 0 {
			require.Equal(t, want, got, "%s: %q", name, in)
		}
	}
}

var streamCases = []string{
	"[{\"id\":\"S1\"},\n {\"id\":\"S2\",\"colour\":\"red\"}]",
	`{"subjects":[{"id":"a","values":{"x":"abc","y":true},"bonus":{"b":1.5},"flags":{"f":"yes"}},{"category":7,"id":"b"}]}`,
	`[{"id":"a","id":"b","values":{"x":"1","x":"2"}}]`, `[{"ID":"a"}]`,
	`[{"id":"a","events":{"m":[{"clause":"c","count":"2"}]},"votes":{"v":{"g":{"counts":{"好":-1},"issued":1e400}}}}]`,
	`[{"id":"a","bonus":{"b":99999999999999999999}}]`, `"x"`, `7`, `null`, `[]`, `{}`, ` [ null ] `,
	"[{\"id\":\"a\",\n\"values\":{\"x\":1,}}]", `[{"id":"a"`, `[] []`, ``, "\xEF\xBB\xBF[]", "[{\"id\":\"a\xff\"}]",
	`[{"id":"a","bonus":{"b":01}}]`, `{"subjects": "x"}`, `{"subjects": {"a": [1]}}`, `{"subjects": null}`,
	`{"other": 1, "subjects": [{"id": "a"}], "subjects": [], "Subjects": 2}`, `{"subjects": [{"id": "a"}]} x`,
	"[\n  {\"id\": \"a\", \"category\": \"社区\", \"values\": {\"jianshi\": \"87.5\"}, \"checked\": {\"yanshi\": [\"documents\"]}},\n  {\"id\": \"b\", \"flags\": {\"f\": true}, \"bonus\": {\"x\": 2}}\n]",
}

func TestDecodeSubjectsFuncAsDecodeSubjects(t *testing.T) {
	for _, in := range streamCases {
		sameAsDecodeSubjects(t, []byte(in))
	}
	// A large cohort, and one with a bad subject far in.
	var b strings.Builder
	b.WriteString("[\n")
	for i := 0; i < 3000; i++ {
		b.WriteString(`{"id": "名` + strings.Repeat("x", i%7) + `", "values": {"v": "1.5"}, "events": {"e": [{"clause": "c", "count": 2}]}},` + "\n")
	}
	good := b.String() + `{"id": "last"}]`
	sameAsDecodeSubjects(t, []byte(good))
	sameAsDecodeSubjects(t, []byte(b.String()+`{"id": "last", "colour": 1}]`))
	sameAsDecodeSubjects(t, []byte(b.String()+`{"id": "last", "values": {"v": 1.5.}}]`))
}

// The good subjects go on past a bad one; an error of fn stops the reading.
func TestDecodeSubjectsFuncGoesOn(t *testing.T) {
	var ids []string
	err := assess.DecodeSubjectsFunc(strings.NewReader(`[{"id":"a"},{"id":"b","colour":1},{"id":"c"}]`), func(s assess.Subject) error {
		ids = append(ids, s.ID)
		return nil
	})
	require.ErrorIs(t, err, dangjian.ErrUnknownField)
	require.Equal(t, []string{"a", "c"}, ids)

	stop := errors.New("enough")
	ids = nil
	err = assess.DecodeSubjectsFunc(strings.NewReader(`[{"id":"a"},{"id":"b"},{"id":"c"}]`), func(s assess.Subject) error {
		ids = append(ids, s.ID)
		if s.ID == "b" {
			return stop
		}
		return nil
	})
	require.Same(t, stop, err)
	require.Equal(t, []string{"a", "b"}, ids)
}

// DecodeSubjectsFunc reads any input as DecodeSubjects does.
func FuzzDecodeSubjectsFunc(f *testing.F) {
	for _, s := range streamCases {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		sameAsDecodeSubjects(t, in)
	})
}

// One subject longer than the stream's window ends the input with a
// problem naming the limit, never holding more.
func TestDecodeSubjectsFuncLimit(t *testing.T) {
	in := `[{"id": "a"}, {"id": "` + strings.Repeat("x", 17<<20) + `"}]`
	n := 0
	err := assess.DecodeSubjectsFunc(strings.NewReader(in), func(assess.Subject) error { n++; return nil })
	require.ErrorIs(t, err, dangjian.ErrLimit)
	require.Equal(t, 1, n)
}

// Subjects longer than the stream's chunk (64 KiB), with lines inside,
// and a problem after them: the same problems at the same lines and
// columns as DecodeSubjects.
func TestDecodeSubjectsFuncLongSubjects(t *testing.T) {
	var b strings.Builder
	b.WriteString("[\n")
	for i := 0; i < 6; i++ {
		b.WriteString(`{"id": "s` + strings.Repeat("名", i) + `", "checked": {"c": [` + "\n")
		for j := 0; j < 9000; j++ {
			b.WriteString(`"item",` + "\n")
		}
		b.WriteString(`"last"]}},` + "\n")
	}
	b.WriteString(`{"id": "z", "values": {"v": "x"}, "colour": 1}]`)
	sameAsDecodeSubjects(t, []byte(b.String()))
	_, err := streamSubjects(strings.NewReader(b.String()))
	require.ErrorIs(t, err, dangjian.ErrUnknownField)
}
