package strictjson

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// scanContainer reads the container at the start of in with a Scanner:
// the offset after its end, or false when the scanner reports a problem
// before it.
func scanContainer(in []byte) (int, bool) {
	sc := NewScanner(NewSource(in))
	t, p := sc.Next()
	if p != nil || (t.Kind != BeginObject && t.Kind != BeginArray) {
		return 0, false
	}
	if p := sc.Skip(t); p != nil {
		return 0, false
	}
	return sc.Offset(), true
}

// checkSkip: skipRest accepts only what the scanner accepts, ending where
// it ends, and accepts every container the scanner accepts that is
// followed by a byte and nested less than 63 deep.
func checkSkip(t *testing.T, in []byte) {
	if len(in) == 0 || (in[0] != '{' && in[0] != '[') {
		return
	}
	end, ok := skipRest(in, 1, in[0] == '{', 1, MaxDepth)
	want, wok := scanContainer(in)
	if ok {
		require.True(t, wok, "skipRest accepted what the scanner rejects: %q", in)
		require.Equal(t, want, end, "%q", in)
		return
	}
	if wok && want < len(in) {
		// only nesting may make the fast path give up on a whole value
		sc := NewScanner(NewSource(in[:want]))
		deep := 0
		for {
			tok, p := sc.Next()
			if p != nil || tok.Kind == End {
				break
			}
			deep = max(deep, sc.Depth())
		}
		require.GreaterOrEqual(t, deep, 63, "skipRest gave up on %q", in)
	}
}

func TestSkipRest(t *testing.T) {
	for _, s := range []string{
		`{}`, `[]`, `{} `, `[] `, `{"a":[1,-2.5e+3,"x\"y",true,false,null],"b":{}} `, `[1,] `, `{"a" 1} `, `["\ud800"] `,
		"[\"\xff\"] ", "{\"\xc9\xe7\xc7\xf8\": \"\xbb\xfa\xb9\xd8\"} ", `[01] `, `[1e] `, `{"名字":"张伟"} `, `[tru] `, `[true `,
		`{"a":{"b":[{"c":"\u00e9"}]}} `, `[1, x] `, `[1`, `[1 `, `{"a":1,} `, `{,} `, `[,1] `, `{"a":1 "b":2} `, `["\x"] `,
		"[\"a\tb\"] ", `[-] `, `[-0] `, `[0.] `, `[.5] `, `[1.5e+] `, `[1.5E-7] `, `[nul] `, `[null,fals] `, `{"a":[}] `, `[{]] `,
		`[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]] `,
	} {
		checkSkip(t, []byte(s))
	}
	end, ok := skipRest([]byte(`[{"id":"a"},{"id":"b"}] `), 2, true, 2, MaxDepth)
	require.True(t, ok)
	require.Equal(t, 11, end)
}

// FuzzSkipRest: the fast path of Stream.Value agrees with the scanner.
func FuzzSkipRest(f *testing.F) {
	for _, s := range []string{`{"a":[1,-2.5e+3,"x\"y",true,false,null],"b":{}} `, `[1,] `, "[\"\xff\"] ", `[{"id":"s1","values":{"x":"1"}}] `} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) { checkSkip(t, in) })
}
