package strictjson_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/strictjson"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tokens scans in and renders each token as kind@offset:raw (a key with a
// trailing ":"), or returns the problem.
func tokens(in string, root string) ([]string, *dangjian.Problem) {
	sc := strictjson.NewScanner(strictjson.NewSource([]byte(in)))
	sc.Root = root
	var out []string
	for {
		t, p := sc.Next()
		if p != nil {
			return out, p
		}
		if t.Kind == strictjson.End {
			return out, nil
		}
		s := fmt.Sprintf("%c@%d:%s", t.Kind, t.Off, t.Raw)
		if t.Key {
			s += ":"
		}
		out = append(out, s)
	}
}

func TestScannerTokens(t *testing.T) {
	got, p := tokens(` {"a": [1, -2.5e+3, "x\"y"], "b": {}, "c": [true, false, null]} `, "")
	require.Nil(t, p)
	assert.Equal(t, []string{
		"{@1:{", `"@2:"a":`, "[@7:[", "0@8:1", "0@11:-2.5e+3", `"@20:"x\"y"`, "]@26:]",
		`"@29:"b":`, "{@34:{", "}@35:}", `"@38:"c":`, "[@43:[", "t@44:true", "f@50:false", "n@57:null", "]@61:]", "}@62:}",
	}, got)
}

func TestScannerSyntax(t *testing.T) {
	tests := []struct {
		name, in, root string
		kind           *dangjian.Kind
		path           string
		line, col      int
		detail         string
	}{
		{"empty", "", "", dangjian.ErrSyntax, "", 1, 1, "empty input, want a JSON value"},
		{"only space", " \n ", "", dangjian.ErrSyntax, "", 2, 2, "empty input, want a JSON value"},
		{"byte order mark", "\uFEFF{}", "", dangjian.ErrEncoding, "", 1, 1, "a byte order mark is not allowed"},
		{"GBK in a value", "{\"a\": [\"x\",\n \"\xc9\xe7\xc7\xf8\"]}", "", dangjian.ErrEncoding, "a[1]", 2, 3, strictjson.DetailNotUTF8},
		{"GBK in a key", "{\"名\": 1, \"\xbb\xfa\xb9\xd8\": 2}", "", dangjian.ErrEncoding, "", 1, 11, strictjson.DetailNotUTF8},
		{"a byte that is not UTF-8 after UTF-8", "[\"社区\xff\"]", "", dangjian.ErrEncoding, "[0]", 1, 5, strictjson.DetailNotUTF8},
		{"trailing data", `[] []`, "", dangjian.ErrSyntax, "", 1, 4, "unexpected data after the JSON value"},
		{"trailing comma in an object", "{\"a\":\n{\"x\":1,}}", "", dangjian.ErrSyntax, "a", 2, 8, "unexpected '}', want a string key"},
		{"trailing comma in an array", `[1,]`, "subjects", dangjian.ErrSyntax, "subjects[1]", 1, 4, "unexpected ']', want a value"},
		{"truncated object", `[{"id":"a"`, "", dangjian.ErrSyntax, "[0]", 1, 11, `unexpected end of input, want "," or "}"`},
		{"truncated array", `{"a":[`, "", dangjian.ErrSyntax, "a[0]", 1, 7, "unexpected end of input, want a value"},
		{"missing colon", `{"a" 1}`, "", dangjian.ErrSyntax, "", 1, 6, `unexpected '1', want ":" after a key`},
		{"a key that is not a string", `{a:1}`, "", dangjian.ErrSyntax, "", 1, 2, "unexpected 'a', want a string key"},
		{"leading zero", `{"b":[0,01]}`, "", dangjian.ErrSyntax, "b[1]", 1, 9, "invalid number: a leading zero"},
		{"bare minus", `[-]`, "", dangjian.ErrSyntax, "[0]", 1, 2, "invalid number"},
		{"bad exponent", `[1e]`, "", dangjian.ErrSyntax, "[0]", 1, 2, "invalid number"},
		{"bad escape", `["a\x"]`, "", dangjian.ErrSyntax, "[0]", 1, 4, "invalid escape in a string"},
		{"short unicode escape", `["\u12"]`, "", dangjian.ErrSyntax, "[0]", 1, 3, "invalid escape in a string"},
		{"control character", "[\"a\tb\"]", "", dangjian.ErrSyntax, "[0]", 1, 4, "control character in a string"},
		{"unterminated string", `{"名字": "张`, "", dangjian.ErrSyntax, "名字", 1, 8, "unterminated string"},
		{"columns count characters", `{"名字": x}`, "", dangjian.ErrSyntax, "名字", 1, 8, "unexpected 'x', want a value"},
		{"single quotes", "[\n  {\"id\": 'a'}]", "", dangjian.ErrSyntax, "[0].id", 2, 10, `unexpected '\'', want a value`},
		{"a literal misspelt", `[nul]`, "", dangjian.ErrSyntax, "[0]", 1, 2, "unexpected 'n', want a value"},
		{"escaped key in the path", `{"a\"b": [}`, "", dangjian.ErrSyntax, `a"b[0]`, 1, 11, "unexpected '}', want a value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, p := tokens(tt.in, tt.root)
			require.NotNil(t, p)
			assert.Same(t, tt.kind, p.Kind)
			assert.Equal(t, tt.path, p.Path)
			assert.Equal(t, tt.line, p.Line, "line")
			assert.Equal(t, tt.col, p.Column, "column")
			assert.Equal(t, tt.detail, p.Detail)
		})
	}
}

func TestScannerDepth(t *testing.T) {
	in := strings.Repeat("[", 600) + strings.Repeat("]", 600)
	_, p := tokens(in, "")
	require.NotNil(t, p)
	assert.Same(t, dangjian.ErrLimit, p.Kind)
	assert.Equal(t, 1, p.Line)
	assert.Equal(t, strictjson.MaxDepth+1, p.Column)
	assert.Equal(t, "arrays and objects nested deeper than 512 levels", p.Detail)

	sc := strictjson.NewScanner(strictjson.NewSource([]byte(in)))
	sc.MaxDepth = 1000
	for {
		tok, p := sc.Next()
		require.Nil(t, p)
		if tok.Kind == strictjson.End {
			break
		}
	}
}

func TestScannerSkipBOMAndMore(t *testing.T) {
	sc := strictjson.NewScanner(strictjson.NewSource([]byte("\uFEFF[ {\"a\": [1, {\"b\": 2}]}, 3 ]")))
	sc.SkipBOM = true
	tok, p := sc.Next()
	require.Nil(t, p)
	require.Equal(t, strictjson.BeginArray, tok.Kind)
	require.True(t, sc.More())
	tok, _ = sc.Next()
	require.Equal(t, strictjson.BeginObject, tok.Kind)
	assert.Equal(t, "[0]", sc.Path())
	require.Nil(t, sc.Skip(tok))
	assert.Equal(t, 1, sc.Depth())
	require.True(t, sc.More())
	tok, _ = sc.Next()
	assert.Equal(t, "3", tok.Text())
	assert.Equal(t, "", sc.Path(), "after a complete value, the path is its container's")
	assert.False(t, sc.More())
	tok, _ = sc.Next()
	assert.Equal(t, strictjson.EndArray, tok.Kind)
	tok, p = sc.Next()
	require.Nil(t, p)
	assert.Equal(t, strictjson.End, tok.Kind)
}

// A syntax error is returned again by every later call, and More is false.
func TestScannerStopsAtTheFirstError(t *testing.T) {
	sc := strictjson.NewScanner(strictjson.NewSource([]byte(`[1 2]`)))
	sc.Next()
	sc.Next()
	_, p := sc.Next()
	require.NotNil(t, p)
	assert.False(t, sc.More())
	_, again := sc.Next()
	assert.Same(t, p, again)
}

func TestPosition(t *testing.T) {
	src := strictjson.NewSource([]byte("ab\n名字x\n\n\xffy"))
	for _, tt := range []struct{ off, line, col int }{
		{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {9, 2, 3}, {10, 2, 4}, {11, 3, 1}, {12, 4, 1}, {13, 4, 2}, {14, 4, 3}, {99, 4, 3}, {-1, 1, 1},
	} {
		line, col := src.Position(tt.off)
		assert.Equal(t, [2]int{tt.line, tt.col}, [2]int{line, col}, "offset %d", tt.off)
	}
}

func TestPaths(t *testing.T) {
	assert.Equal(t, "name", strictjson.Field("", "name"))
	assert.Equal(t, "orgs[3].parent", strictjson.Field(strictjson.Elem("orgs", 3), "parent"))
	assert.Equal(t, "[2].base", strictjson.Field(strictjson.Elem("", 2), "base"))
}

func TestUnquote(t *testing.T) {
	for _, tt := range []struct {
		raw, want string
		ok        bool
	}{
		{`"plain"`, "plain", true},
		{`"名字"`, "名字", true},
		{`"a\"b\\c\/d\b\f\n\r\t"`, "a\"b\\c/d\b\f\n\r\t", true},
		{`"\u00e9\ud83d\ude00"`, "é😀", true},
		{`"\ud800x"`, "\uFFFDx", true},
		{`"\udc00"`, "\uFFFD", true},
		{"\"a\xffb\"", "a\uFFFDb", false},
		{"\"\\n\xff\"", "\n\uFFFD", false},
		{"\"\xe5\xad0\"", "\uFFFD\uFFFD0", false},
	} {
		got, ok := strictjson.Unquote([]byte(tt.raw))
		assert.Equal(t, tt.want, got, tt.raw)
		assert.Equal(t, tt.ok, ok, tt.raw)
		if ok {
			var std string
			require.NoError(t, json.Unmarshal([]byte(tt.raw), &std))
			assert.Equal(t, std, got, "as encoding/json: %s", tt.raw)
		}
	}
}

func TestInvalidUTF8AndBOM(t *testing.T) {
	assert.Equal(t, -1, strictjson.InvalidUTF8([]byte("名字")))
	assert.Equal(t, 6, strictjson.InvalidUTF8([]byte("名字\xff")))
	assert.True(t, strictjson.HasBOM([]byte("\uFEFF[]")))
	assert.False(t, strictjson.HasBOM([]byte("[]")))
}

func TestIsInteger(t *testing.T) {
	for in, want := range map[string]bool{"0": true, "-12": true, "1.0": false, "1e3": false, "-": false, "": false, `"1"`: false} {
		assert.Equal(t, want, strictjson.IsInteger([]byte(in)), in)
	}
}

func TestFields(t *testing.T) {
	f := strictjson.NewFields("id", "name", "parentId", "id")
	assert.Equal(t, 3, f.Len())
	i, ok := f.Lookup("parentId")
	assert.True(t, ok)
	assert.Equal(t, 2, i)
	_, ok = f.LookupBytes([]byte("ParentID"))
	assert.False(t, ok)
	assert.Equal(t, `keys are case-sensitive: the field is "parentId"`, f.Unknown("ParentID"))
	assert.Equal(t, "want id, name or parentId", f.Unknown("colour"))
	assert.Equal(t, "want id", strictjson.NewFields("id").Unknown("x"))
	assert.Equal(t, "want no field", strictjson.NewFields().Unknown("x"))
}

func TestSeen(t *testing.T) {
	var s strictjson.Seen
	for _, i := range []int{0, 63, 64, 200} {
		assert.False(t, s.Has(i))
		assert.False(t, s.Add(i), "%d first", i)
		assert.True(t, s.Add(i), "%d again", i)
		assert.True(t, s.Has(i))
	}
	assert.False(t, s.Has(1))
}

func TestProblemAndFillID(t *testing.T) {
	src := strictjson.NewSource([]byte("[\n {\"id\": \"名\", \"x\": 1}]"))
	p := src.Problem(dangjian.ErrUnknownField, 15, "[0].x", strings.Repeat("长", 40), "want id")
	assert.Equal(t, 2, p.Line)
	assert.Equal(t, 12, p.Column)
	assert.Equal(t, dangjian.Cut(strings.Repeat("长", 40)), p.Value)
	inner := &dangjian.Problem{Kind: dangjian.ErrInvalid, ID: "inner"}
	ps := dangjian.Problems{p, inner}
	strictjson.FillID(ps, "M1")
	assert.Equal(t, "M1", p.ID)
	assert.Equal(t, "inner", inner.ID, "the innermost record's ID stays")
	strictjson.FillID(ps, "")
	assert.Equal(t, "M1", p.ID)
}

func TestSkipSpaceAndWord(t *testing.T) {
	data := []byte(" \t\r\n nul,l")
	assert.Equal(t, 5, strictjson.SkipSpace(data, 0))
	assert.Equal(t, 2, strictjson.SkipSpace([]byte("  "), 0))
	assert.Equal(t, "nul", string(strictjson.Word(data, 5)))
	assert.Equal(t, "[", string(strictjson.Word([]byte("[{"), 0)))
	assert.Equal(t, `"x`, string(strictjson.Word([]byte(`"x"`), 0)))
	assert.Nil(t, strictjson.Word(data, len(data)))
}
