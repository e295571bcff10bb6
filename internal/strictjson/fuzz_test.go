package strictjson_test

import (
	"encoding/json"
	"errors"
	"io"
	"testing"
	"unicode/utf8"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/strictjson"
	"github.com/stretchr/testify/require"
)

// FuzzScanner: the scanner always ends, never panics, and accepts exactly
// what encoding/json accepts as one value (but a byte order mark, which it
// rejects, nesting deeper than its limit, and a string or key that is not
// UTF-8, which it rejects as an encoding problem); its string tokens unquote
// as encoding/json unquotes them, and its tokens' offsets grow.
func FuzzScanner(f *testing.F) {
	for _, s := range []string{
		``, `{}`, `[]`, `{"a":[1,-2.5e+3,"x\"y",true,false,null],"b":{}}`, `[1,]`, `{"a" 1}`, `"\ud800"`,
		"\"\xff\"", "{\"\xc9\xe7\xc7\xf8\": \"\xbb\xfa\xb9\xd8\"}", `01`, `[1e]`, `{"名字":"张伟"}`, " [ ] ", `[] []`, "\uFEFF[]", `{"a":{"b":[{"c":"\u00e9"}]}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		sc := strictjson.NewScanner(strictjson.NewSource(in))
		var values []json.RawMessage // every string value or key, to compare
		last := -1
		for n := 0; ; n++ {
			require.Less(t, n, len(in)+2, "the scanner does not end")
			tok, p := sc.Next()
			if p != nil {
				require.NotNil(t, p.Kind)
				require.GreaterOrEqual(t, p.Line, 1)
				require.GreaterOrEqual(t, p.Column, 1)
				if errors.Is(p, dangjian.ErrEncoding) && !strictjson.HasBOM(in) {
					require.False(t, utf8.Valid(in), "an encoding problem (%v) in UTF-8: %q", p, in)
					require.Equal(t, strictjson.DetailNotUTF8, p.Detail)
					return
				}
				if !strictjson.HasBOM(in) && sc.Depth() < strictjson.MaxDepth {
					require.False(t, json.Valid(in), "rejected (%v) what encoding/json accepts: %q", p, in)
				}
				return
			}
			if tok.Kind == strictjson.End {
				break
			}
			require.Greater(t, tok.Off, last)
			last = tok.Off
			if tok.Kind == strictjson.String {
				values = append(values, tok.Raw)
			}
		}
		require.True(t, json.Valid(in), "accepted what encoding/json rejects: %q", in)
		for _, raw := range values {
			var std string
			require.NoError(t, json.Unmarshal(raw, &std))
			got, _ := strictjson.Unquote(raw)
			require.Equal(t, std, got)
		}
	})
}

// FuzzStream: a Stream reads any input as the Scanner reads the same
// bytes (the same tokens, offsets, paths and problem), whatever the pieces
// its reader gives it.
func FuzzStream(f *testing.F) {
	for _, s := range []string{
		``, `{}`, `[1,]`, `{"a":[1,-2.5e+3,"x\"y",true,false,null],"b":{}}`, "\"\xff\"", "\uFEFF[]", `[tru]`, `{"a"`,
		"[\n1,\n\"名\xff\"]", `[{"id":"a","values":{"x":"1.5"}},{"id":"b"}]`,
	} {
		f.Add([]byte(s), uint8(1))
	}
	f.Fuzz(func(t *testing.T, in []byte, piece uint8) {
		want := scanAll(in)
		got := streamAll(&pieces{data: in, n: int(piece%16) + 1}, 0)
		require.Equal(t, want, got, "%q in pieces of %d", in, int(piece%16)+1)
	})
}

// pieces reads data n bytes at a time.
type pieces struct {
	data []byte
	n    int
}

func (p *pieces) Read(b []byte) (int, error) {
	if len(p.data) == 0 {
		return 0, io.EOF
	}
	k := copy(b[:min(len(b), p.n)], p.data)
	p.data = p.data[k:]
	return k, nil
}
