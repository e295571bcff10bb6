package strictjson_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/strictjson"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// records reads the array r holds with Record, as a decoder does, and
// returns each element's text and the problem that ended the input.
func records(r io.Reader, lim dangjian.Limits) ([]string, *dangjian.Problem) {
	st := strictjson.NewStreamWith(r, lim)
	st.Root = "rows"
	if _, p := st.Next(); p != nil {
		return nil, p
	}
	var out []string
	for st.More() {
		t, p := st.Next()
		if p != nil {
			return out, p
		}
		src, p := st.Record(t)
		if p != nil {
			return out, p
		}
		out = append(out, string(src.Bytes()))
	}
	if _, p := st.Next(); p != nil { // ']'
		return out, p
	}
	if _, p := st.Next(); p != nil { // End
		return out, p
	}
	return out, nil
}

func TestStreamLimits(t *testing.T) {
	in := "[\n{\"a\":1},\n{\"a\":22},\n{\"a\":333}\n]" // 32 bytes; elements of 7, 8 and 9 bytes
	type where struct {
		Path         string
		Line, Column int
		Detail       string
	}
	tests := []struct {
		name string
		in   string
		lim  dangjian.Limits
		got  []string
		bad  *where
	}{
		{name: "defaults", in: in, got: []string{`{"a":1}`, `{"a":22}`, `{"a":333}`}},
		{name: "elements at the limit", in: in, lim: dangjian.Limits{MaxRecords: 3}, got: []string{`{"a":1}`, `{"a":22}`, `{"a":333}`}},
		{name: "elements over the limit", in: in, lim: dangjian.Limits{MaxRecords: 2}, got: []string{`{"a":1}`, `{"a":22}`},
			bad: &where{"rows[2]", 4, 1, "more than 2 elements (limit 2 elements; raise it with MaxRecords or the program's -max-rows)"}},
		{name: "no element limit", in: "[" + strings.Repeat("1,", 999) + "1]", lim: dangjian.Limits{MaxRecords: -1},
			got: strings.Split(strings.Repeat("1,", 999)+"1", ",")},
		{name: "element bytes at the limit", in: in, lim: dangjian.Limits{MaxRecordBytes: 9}, got: []string{`{"a":1}`, `{"a":22}`, `{"a":333}`}},
		{name: "element bytes over the limit", in: in, lim: dangjian.Limits{MaxRecordBytes: 8}, got: []string{`{"a":1}`, `{"a":22}`},
			bad: &where{"rows[2]", 4, 1, "an element longer than 8 bytes (limit 8 bytes; raise it with MaxRecordBytes or the program's -max-record-bytes)"}},
		{name: "no element bytes limit", in: `["` + strings.Repeat("x", 20<<20) + `"]`, lim: dangjian.Limits{MaxRecordBytes: -1},
			got: []string{`"` + strings.Repeat("x", 20<<20) + `"`}},
		{name: "input bytes at the limit", in: in, lim: dangjian.Limits{MaxBytes: 32}, got: []string{`{"a":1}`, `{"a":22}`, `{"a":333}`}},
		// The stream reads ahead: the elements in the chunk where the
		// input goes over the limit are not returned.
		{name: "input bytes over the limit", in: in, lim: dangjian.Limits{MaxBytes: 31},
			bad: &where{"rows", 5, 1, "the input is longer than 31 bytes (limit 31 bytes; raise it with MaxBytes)"}},
		{name: "input bytes over the limit, far ahead", in: in + strings.Repeat(" ", 300<<10), lim: dangjian.Limits{MaxBytes: 200 << 10},
			got: []string{`{"a":1}`, `{"a":22}`, `{"a":333}`},
			bad: &where{"rows", 5, 204770, "the input is longer than 204,800 bytes (limit 204,800 bytes; raise it with MaxBytes)"}},
		{name: "input bytes over the limit in an element", in: in, lim: dangjian.Limits{MaxBytes: 12},
			bad: &where{"rows", 3, 2, "the input is longer than 12 bytes (limit 12 bytes; raise it with MaxBytes)"}},
		{name: "no input bytes limit", in: in, lim: dangjian.Limits{MaxBytes: -1}, got: []string{`{"a":1}`, `{"a":22}`, `{"a":333}`}},
	}
	for _, tt := range tests {
		for rname, r := range readers([]byte(tt.in)) {
			t.Run(tt.name+"/"+rname, func(t *testing.T) {
				got, p := records(r, tt.lim)
				assert.Equal(t, tt.got, got)
				if tt.bad == nil {
					require.Nil(t, p)
					return
				}
				require.NotNil(t, p)
				assert.Equal(t, dangjian.ErrLimit, p.Kind)
				assert.Equal(t, *tt.bad, where{p.Path, p.Line, p.Column, p.Detail})
			})
		}
	}
}

// byteGen generates `[{"s":"xxx…"}]` with a string of n bytes, counting
// the bytes read from it.
type byteGen struct {
	n, pos, read int64
}

func (g *byteGen) Read(p []byte) (int, error) {
	const head, tail = `[{"s":"`, `"}]`
	total := int64(len(head)) + g.n + int64(len(tail))
	k := 0
	for ; k < len(p) && g.pos < total; k++ {
		switch {
		case g.pos < int64(len(head)):
			p[k] = head[g.pos]
		case g.pos < int64(len(head))+g.n:
			p[k] = 'x'
		default:
			p[k] = tail[g.pos-int64(len(head))-g.n]
		}
		g.pos++
	}
	g.read += int64(k)
	if k == 0 {
		return 0, io.EOF
	}
	return k, nil
}

// Records counts the elements Record read, the refused one included.
func TestStreamRecords(t *testing.T) {
	st := strictjson.NewStreamWith(strings.NewReader(`[1, 2, 3]`), dangjian.Limits{MaxRecords: 2})
	_, p := st.Next()
	require.Nil(t, p)
	for st.More() {
		tok, p := st.Next()
		require.Nil(t, p)
		if _, p := st.Record(tok); p != nil {
			assert.ErrorIs(t, p, dangjian.ErrLimit)
			break
		}
	}
	assert.Equal(t, int64(3), st.Records())
	_, p = st.Next()
	assert.ErrorIs(t, p, dangjian.ErrLimit, "the limit ends the input")
}

// TestStreamHugeElement: an element holding a 200 MB string is refused
// after about 1 MiB of input and of memory, with a problem naming the
// limit at the element's start.
func TestStreamHugeElement(t *testing.T) {
	g := &byteGen{n: 200 << 20}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	got, p := records(iotest.HalfReader(g), dangjian.Limits{})
	runtime.ReadMemStats(&after)
	assert.Empty(t, got)
	require.NotNil(t, p)
	assert.Equal(t, dangjian.ErrLimit, p.Kind)
	assert.Equal(t, "rows[0]", p.Path)
	assert.Equal(t, []int{1, 2}, []int{p.Line, p.Column})
	assert.Contains(t, p.Detail, "MaxRecordBytes")
	assert.Less(t, g.read, int64(dangjian.DefaultMaxRecordBytes+4<<16), "bytes read")
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(12<<20), "bytes allocated")
}

// FuzzStreamRecord reads any text as a streamed array within small limits:
// the elements Record returns are those an unbounded reading returns, up to
// a problem of kind ErrLimit (or the same problem the unbounded reading
// ends with), whatever the reader's chunks; and limits the text stays
// within never stop it.
func FuzzStreamRecord(f *testing.F) {
	f.Add([]byte(`[{"a":1},{"b":[2,3]},"x"]`), int64(40), int64(2), 9)
	f.Add([]byte("[\n1,\n2]"), int64(-1), int64(0), -1)
	f.Add([]byte(`{"a":1}`), int64(3), int64(1), 1)
	f.Fuzz(func(t *testing.T, in []byte, maxBytes, maxRecords int64, maxRec int) {
		lim := dangjian.Limits{MaxBytes: maxBytes % 512, MaxRecords: maxRecords % 16, MaxRecordBytes: maxRec % 512}
		all, allP := records(bytes.NewReader(in), dangjian.Limits{MaxBytes: -1, MaxRecords: -1, MaxRecordBytes: -1})
		for name, r := range readers(in) {
			got, p := records(r, lim)
			if len(got) > len(all) || strings.Join(got, "\x00") != strings.Join(all[:len(got)], "\x00") {
				t.Fatalf("%s: elements %q, unbounded %q", name, got, all)
			}
			if n := lim.Records(); n >= 0 && int64(len(got)) > n {
				t.Fatalf("%s: %d elements over the limit %d", name, len(got), n)
			}
			if p != nil && errors.Is(p, dangjian.ErrLimit) && strings.Contains(p.Detail, "raise it with") {
				// Record may be called once more than the elements read, for
				// an element that then fails.
				if (lim.Bytes() < 0 || lim.Bytes() >= int64(len(in))) && (lim.Records() < 0 || lim.Records() > int64(len(all))) &&
					(lim.RecordBytes() < 0 || lim.RecordBytes() >= len(in)) {
					t.Fatalf("%s: a limit met by a text within every limit: %v", name, p)
				}
				continue
			}
			if fmt.Sprint(p) != fmt.Sprint(allP) || len(got) != len(all) {
				t.Fatalf("%s: no limit met, yet %q %v; unbounded %q %v", name, got, p, all, allP)
			}
		}
	})
}
