package strictjson_test

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/strictjson"
	"github.com/stretchr/testify/require"
)

// scanned is what a scanner or a stream reads from an input: its tokens
// (kind, offset, bytes), the paths after each, and the problem that ends
// it.
type scanned struct {
	Tokens []string
	Paths  []string
	P      *dangjian.Problem
}

func tokenText(t strictjson.Token) string {
	return string(t.Kind) + "@" + strconv.Itoa(t.Off) + ":" + string(t.Raw)
}

func scanAll(in []byte) scanned {
	sc := strictjson.NewScanner(strictjson.NewSource(in))
	sc.Root = "root"
	var out scanned
	for n := 0; n < len(in)+3; n++ {
		t, p := sc.Next()
		if p != nil {
			out.P = p
			return out
		}
		out.Tokens = append(out.Tokens, tokenText(t))
		out.Paths = append(out.Paths, sc.Path())
		if t.Kind == strictjson.End {
			return out
		}
	}
	panic("the scanner does not end")
}

func streamAll(r io.Reader, limit int) scanned {
	st := strictjson.NewStream(r)
	st.Root = "root"
	st.MaxWindow = limit
	var out scanned
	for n := 0; n < 1<<20; n++ {
		t, p := st.Next()
		if p != nil {
			out.P = p
			return out
		}
		out.Tokens = append(out.Tokens, tokenText(t))
		out.Paths = append(out.Paths, st.Path())
		if t.Kind == strictjson.End {
			return out
		}
	}
	panic("the stream does not end")
}

// readers gives the input in pieces of every size that matters: a byte at
// a time, halves, and whole.
func readers(in []byte) map[string]io.Reader {
	return map[string]io.Reader{
		"whole":    bytes.NewReader(in),
		"one byte": iotest.OneByteReader(bytes.NewReader(in)),
		"half":     iotest.HalfReader(bytes.NewReader(in)),
		"data+EOF": iotest.DataErrReader(bytes.NewReader(in)),
	}
}

func TestStreamAsScanner(t *testing.T) {
	long := `"` + strings.Repeat("长", 100000) + `"`
	many := "[" + strings.Repeat(`{"id":"a","v":[1,2.5,"x"]},`+"\n", 20000) + `{"id":"z"}]`
	for _, in := range []string{
		``, ` `, `{}`, `[]`, `{"a":[1,-2.5e+3,"x\"y",true,false,null],"b":{}}`, `[1,]`, `{"a" 1}`, `"\ud800"`,
		"\"\xff\"", "{\"\xc9\xe7\xc7\xf8\": \"\xbb\xfa\xb9\xd8\"}", `01`, `[1e]`, `{"名字":"张伟"}`, " [ ] ", `[] []`, "\uFEFF[]",
		`{"a":{"b":[{"c":"\u00e9"}]}}`, `[tru]`, `[true`, `{"a":`, `{"a"`, `"abc`, "[\n1,\n\"名\xff\"]", `[1, x]`, long, many,
		"[\n" + strings.Repeat("  {\"k\": \"值\"},\n", 5000) + "  {\"k\": \"\xe5\"}\n]",
	} {
		want := scanAll([]byte(in))
		for name, r := range readers([]byte(in)) {
			got := streamAll(r, 0)
			require.Equal(t, want, got, "%s: %.60q", name, in)
		}
	}
}

func TestStreamLimitAndReadError(t *testing.T) {
	in := `[` + `"` + strings.Repeat("x", 300000) + `"]`
	got := streamAll(strings.NewReader(in), 100000)
	require.ErrorIs(t, got.P, dangjian.ErrLimit)
	require.Equal(t, "root", got.P.Path)

	boom := errors.New("disk on fire")
	got = streamAll(io.MultiReader(strings.NewReader(`[1, 2`), iotest.ErrReader(boom)), 0)
	require.ErrorIs(t, got.P, dangjian.ErrInvalid)
	require.ErrorIs(t, got.P, boom)

	enc := &dangjian.Problem{Kind: dangjian.ErrEncoding, Line: 3, Column: 2}
	got = streamAll(io.MultiReader(strings.NewReader(`[1`), iotest.ErrReader(enc)), 0)
	require.Same(t, enc, got.P)
}

// A stream holds one value at a time: Value gives each element of a large
// array placed where it is in the input, and the window stays small.
func TestStreamValue(t *testing.T) {
	var b strings.Builder
	b.WriteString("[\n")
	for i := 0; i < 50000; i++ {
		if i > 0 {
			b.WriteString(",\n")
		}
		b.WriteString(`  {"id": "名` + strconv.Itoa(i) + `", "x": [1, 2, {"y": null}]}`)
	}
	b.WriteString("\n]")
	in := b.String()
	st := strictjson.NewStream(iotest.HalfReader(strings.NewReader(in)))
	st.MaxWindow = 1 << 10 // every element is far shorter
	tok, p := st.Next()
	require.Nil(t, p)
	require.Equal(t, strictjson.BeginArray, tok.Kind)
	n := 0
	for st.More() {
		tok, p := st.Next()
		require.Nil(t, p)
		src, p := st.Value(tok)
		require.Nil(t, p)
		require.Equal(t, in[tok.Off:st.Offset()], string(src.Bytes()))
		line, col := src.Position(0)
		require.Equal(t, []int{n + 2, 3}, []int{line, col})
		sc := strictjson.NewScanner(src)
		sc.Root = strictjson.Elem("subjects", n)
		for {
			tok, p := sc.Next()
			require.Nil(t, p)
			if tok.Kind == strictjson.End {
				break
			}
		}
		n++
	}
	require.Equal(t, 50000, n)
	tok, p = st.Next()
	require.Nil(t, p)
	require.Equal(t, strictjson.EndArray, tok.Kind)
	tok, p = st.Next()
	require.Nil(t, p)
	require.Equal(t, strictjson.End, tok.Kind)
}

func TestSourceAt(t *testing.T) {
	src := strictjson.NewSourceAt([]byte("ab\n名c"), 7, 5)
	for _, c := range []struct{ off, line, col int }{{0, 7, 5}, {2, 7, 7}, {3, 8, 1}, {6, 8, 2}} {
		l, col := src.Position(c.off)
		require.Equal(t, []int{c.line, c.col}, []int{l, col}, "offset %d", c.off)
	}
}
