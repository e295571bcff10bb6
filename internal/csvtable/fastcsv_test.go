package csvtable

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dangjian-go/dangjian"
)

// chunkReader hands its text on in reads of at most n bytes, so that the
// buffer of a bufio.Reader over it often ends inside a line.
type chunkReader struct {
	b []byte
	n int
}

func (c *chunkReader) Read(p []byte) (int, error) {
	if len(c.b) == 0 {
		return 0, io.EOF
	}
	n := min(len(p), c.n, len(c.b))
	copy(p, c.b[:n])
	c.b = c.b[n:]
	return n, nil
}

// readerSettings are the csv.Reader settings a differential run uses.
type readerSettings struct {
	trim, reuse, lazy bool
	fields            int
}

func (s readerSettings) set(cr *csv.Reader) {
	cr.TrimLeadingSpace, cr.ReuseRecord, cr.LazyQuotes, cr.FieldsPerRecord = s.trim, s.reuse, s.lazy, s.fields
}

// readRecords reads every record of a reader with Read, FieldPos and
// InputOffset as a csv.Reader's, and renders what it gives, record by
// record: the fields, the position of each field, the offset and the
// error (a ParseError's fields in full).
func readRecords(read func() ([]string, error), pos func(int) (int, int), off func() int64) []string {
	var out []string
	for range 100_000 {
		rec, err := read()
		s := fmt.Sprintf("%q", rec)
		if err == nil {
			for i := range rec {
				l, c := pos(i)
				s += fmt.Sprintf(" %d:%d", l, c)
			}
		}
		s += fmt.Sprintf(" @%d", off())
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			s += fmt.Sprintf(" ParseError{%d %d %d %v}", pe.StartLine, pe.Line, pe.Column, pe.Err)
		} else if err != nil {
			s += " " + err.Error()
		}
		out = append(out, s)
		if err != nil && pe == nil {
			break
		}
	}
	return out
}

// requireSameAsCSV checks that a fastReader over data, read through a
// buffer of bufSize bytes filled in reads of chunk bytes, gives what a
// csv.Reader gives.
func requireSameAsCSV(t *testing.T, data []byte, chunk, bufSize int, s readerSettings) {
	t.Helper()
	ref := csv.NewReader(bytes.NewReader(data))
	s.set(ref)
	want := readRecords(ref.Read, ref.FieldPos, ref.InputOffset)
	fr := newFastReader(bufio.NewReaderSize(&chunkReader{b: data, n: max(chunk, 1)}, bufSize))
	s.set(fr.cr)
	got := readRecords(fr.Read, fr.FieldPos, fr.InputOffset)
	require.Equal(t, want, got, "input %q chunk %d buffer %d settings %+v", data, chunk, bufSize, s)
}

var fastCSVCases = []struct {
	name, in string
}{
	{"plain", "id,name\nA,甲\nB,乙\n"},
	{"no final newline", "id,name\nA,甲\nB,乙"},
	{"blank lines", "\n\nid,name\n\nA,甲\n\n\nB,乙\n\n"},
	{"only blank lines", "\n\n\n"},
	{"empty", ""},
	{"empty fields", ",\n,,\na,,b\n"},
	{"leading space", "id, name\n  A ,\t甲\n"},
	{"unicode spaces", "a,\u3000b\n\u00a0c,\u2028d\n\u0085e,\u202ff\n"},
	{"all space fields", "a,  \n  ,b\n   \n"},
	{"invalid UTF-8", "a,\xe3\n\xc2,b\n\xe3\x80,c\n\xff\xfe,d\n"},
	{"quoted", "a,\"b,c\"\nd,e\n"},
	{"quoted across lines", "a,\"b\nc\nd\"\ne,f\n\"g\n\",h\ni,j"},
	{"quoted CRLF across lines", "a,\"b\r\nc\"\r\nd,e\r\nf,g\n"},
	{"CRLF", "a,b\r\nc,d\r\n\r\ne,f\n"},
	{"CR at end", "a,b\nc,d\r"},
	{"lone CR", "a,b\rc\nd,e\n"},
	{"bare quote", "a,b\"c\nd,e\n"},
	{"bad quote", "a,\"b\"c\nd,e\nf,g\n"},
	{"unterminated quote", "a,b\nc,\"d\ne,f\n"},
	{"quote at end of quoted line", "a,\"b\"\nc,d\n"},
	{"space then quote", "a, \"b, c\"\nd,e\n"},
	{"long line", "a," + strings.Repeat("x", 10_000) + "\nb,c\n"},
	{"many rows", strings.Repeat("M1,张伟,employed,note text\n", 500)},
}

func TestFastReaderSameAsCSV(t *testing.T) {
	settings := []readerSettings{
		{trim: true, reuse: true, fields: -1},
		{fields: -1},
		{trim: true, lazy: true, fields: -1},
		{trim: true, reuse: true, fields: 0},
		{trim: true, fields: 2},
	}
	for _, tc := range fastCSVCases {
		t.Run(tc.name, func(t *testing.T) {
			for _, s := range settings {
				for _, chunk := range []int{1, 3, 7, 64, 1 << 20} {
					requireSameAsCSV(t, []byte(tc.in), chunk, 4096, s)
				}
			}
		})
	}
}

// TestFastReaderTakesFastPath checks that plain lines in the buffer do not
// go to the csv.Reader, and that lines with a quote or a CR do.
func TestFastReaderTakesFastPath(t *testing.T) {
	fr := newFastReader(bufio.NewReaderSize(strings.NewReader("a,b\nc,\"d\"\ne,f\r\ng,h\n"), 4096))
	fr.cr.FieldsPerRecord = -1
	var fast []bool
	for {
		_, err := fr.Read()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		fast = append(fast, fr.fast)
	}
	// The first line: nothing is buffered yet, so the csv.Reader reads it
	// (and fills the buffer).
	require.Equal(t, []bool{false, false, false, true}, fast)
	line, _ := fr.FieldPos(1)
	require.Equal(t, 4, line)
}

// TestReaderLinesAfterQuotedRows checks the Reader's lines and problems
// when rows read by the fast path and rows read by encoding/csv alternate.
func TestReaderLinesAfterQuotedRows(t *testing.T) {
	in := "\ufeffid,name,kind,note\n\nM1,\"张\n伟\",employed,x\nM2,李,retired,y\n\"M3\",王,employed,\"bad\"quote\n"
	tr, err := Open(strings.NewReader(in), &testSpec)
	require.NoError(t, err)
	var lines []int
	for tr.Next() {
		lines = append(lines, tr.Line())
	}
	require.Equal(t, []int{3, 5}, lines)
	ps := dangjian.ProblemsOf(tr.Err())
	require.Len(t, ps, 1)
	require.Equal(t, 6, ps[0].Line)
}

func FuzzFastReader(f *testing.F) {
	for _, tc := range fastCSVCases {
		if len(tc.in) < 200 {
			f.Add([]byte(tc.in), uint8(3), uint8(0))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, chunk, flags uint8) {
		if len(data) > 1<<14 {
			return
		}
		s := readerSettings{trim: flags&1 != 0, reuse: flags&2 != 0, lazy: flags&4 != 0, fields: -1}
		if flags&8 != 0 {
			s.fields = 0
		}
		requireSameAsCSV(t, data, int(chunk), 4096, s)
	})
}

// readTable reads every row of in as a Reader under lim, with the fast
// path on or off, and renders the rows (line, id, cells, field lines,
// encoding problems) and the error.
func readTable(in string, lim dangjian.Limits, fast bool) []string {
	defer func(on bool) { fastCSV = on }(fastCSV)
	fastCSV = fast
	t, err := OpenWith(strings.NewReader(in), &testSpec, lim)
	out := []string{fmt.Sprintf("open: %v", err)}
	if t == nil {
		return out
	}
	for t.Next() {
		s := fmt.Sprintf("%d %q %q %v", t.Line(), t.ID(), t.rec, t.EncodingProblems())
		for i := range t.rec {
			s += fmt.Sprintf(" %d", t.FieldLine(i))
		}
		out = append(out, s)
	}
	return append(out, fmt.Sprintf("err: %v", t.Err()))
}

// TestReaderFastSameAsCSV checks that the Reader gives the same rows,
// lines and problems, limits included, with the fast path as without it.
func TestReaderFastSameAsCSV(t *testing.T) {
	hdr := "id,name,kind\n"
	plain := strings.Repeat("7,a,x\n", 100)
	tests := []struct {
		name, in string
		lim      dangjian.Limits
	}{
		{"plain rows, then one over the record limit", hdr + plain + "8,aaaaaaaaaaaaaaaaaaaaaaaa,x\n9,a,x\n", dangjian.Limits{MaxRecordBytes: 16}},
		{"blank lines count in the record", hdr + "1,a,x\n" + strings.Repeat("\n", 20) + "2,a,x\n", dangjian.Limits{MaxRecordBytes: 16}},
		{"a record at the limit, then one a byte over", hdr + plain + "1,abcdefgh,x\n12,abcdefgh,x\n", dangjian.Limits{MaxRecordBytes: 13}},
		{"row limit", hdr + plain, dangjian.Limits{MaxRecords: 50}},
		{"byte limit", hdr + plain, dangjian.Limits{MaxBytes: 300}},
		{"byte limit at the end", hdr + plain, dangjian.Limits{MaxBytes: int64(len(hdr + plain))}},
		{"default record limit", hdr + plain + "2," + strings.Repeat("a", 1<<20) + ",x\n", dangjian.Limits{}},
		{"BOM and quoted rows between plain ones", "\ufeff" + hdr + plain + "\"3\",\"a\nb\",x\n" + plain + "4,\"c\"d,x\n" + plain, dangjian.Limits{}},
		{"not UTF-8", hdr + plain + "5,\xd5\xc5,x\n" + plain, dangjian.Limits{}},
		{"guarded and spaced cells", hdr + "6, '=a ,\u3000x\n" + plain, dangjian.Limits{}},
		{"no final newline", hdr + plain + "10,a,x", dangjian.Limits{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := readTable(tt.in, tt.lim, false)
			require.Equal(t, want, readTable(tt.in, tt.lim, true))
		})
	}
}

// FuzzReaderFast: the Reader gives the same rows, lines and problems with
// the fast path as without it, under small limits too.
func FuzzReaderFast(f *testing.F) {
	f.Add([]byte("id,name,kind\n1,a,x\n\n2,\"b\nc\",y\n3, d ,z"), uint16(0), uint8(0))
	f.Add([]byte("\ufeffid,name,kind\n1,abcdefgh,x\n12,abcdefgh,x\n"), uint16(13), uint8(3))
	f.Fuzz(func(t *testing.T, data []byte, maxRec uint16, maxRows uint8) {
		if len(data) > 1<<14 {
			return
		}
		lim := dangjian.Limits{MaxRecordBytes: int(maxRec), MaxRecords: int64(maxRows)}
		in := string(data)
		require.Equal(t, readTable(in, lim, false), readTable(in, lim, true))
	})
}
