package csvtable

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// fastReader reads the records of a csv.Reader, the same records, field
// positions, input offsets and errors, faster for the plain lines of most
// files: a line that is whole in the buffer and holds no double quote and
// no carriage return is split on its commas straight from the buffered
// bytes; any other line (a quote, a CR, a line that goes on past the
// buffer, the last line without its newline) is read by the csv.Reader
// itself, from the same buffer. The csv.Reader reads its input through
// the bufio.Reader given (csv.NewReader keeps a bufio.Reader of at least
// 4,096 bytes as it is), line by line with ReadSlice, so between two
// records the buffer holds exactly the input the csv.Reader has not read.
//
// The fast path is taken only under settings it reproduces: Comma ',',
// no Comment and FieldsPerRecord < 0; ReuseRecord and TrimLeadingSpace are
// followed as set (LazyQuotes matters only for lines with a quote, which
// go to the csv.Reader). The positions the csv.Reader reports (FieldPos,
// InputOffset, a ParseError's lines) count only what it read: the lines
// and bytes read by the fast path are added to them.
type fastReader struct {
	br *bufio.Reader
	cr *csv.Reader
	on bool // the buffer is the csv.Reader's own, so the fast path may be taken

	extraLines int   // lines read by the fast path (blank lines included)
	extraBytes int64 // bytes read by the fast path
	csvLines   int   // lines the csv.Reader has read, as it numbers them

	fast   bool     // the last record was read by the fast path
	line   int      // its line
	rec    []string // its fields (reused under ReuseRecord)
	starts []int    // the 1-based byte column of each of its fields
	ends   []int    // the end of each of its fields in text
	text   []byte   // its fields' text, one after the other
}

// newFastReader returns a fastReader over br, with the csv.Reader's
// default settings; set them through its field cr.
func newFastReader(br *bufio.Reader) *fastReader {
	cr := csv.NewReader(br)
	return &fastReader{br: br, cr: cr, on: fastCSV && br.Size() >= 4096}
}

// fastCSV turns the fast path on; off, every record is the csv.Reader's
// (the tests compare the two).
var fastCSV = true

// Read reads one record, as csv.Reader.Read does.
func (f *fastReader) Read() ([]string, error) {
	cr := f.cr
	if f.on && cr.Comma == ',' && cr.Comment == 0 && cr.FieldsPerRecord < 0 {
		for {
			buf, _ := f.br.Peek(f.br.Buffered())
			nl := bytes.IndexByte(buf, '\n')
			if nl < 0 {
				break
			}
			if nl == 0 { // a blank line: skipped, as the csv.Reader does
				_, _ = f.br.Discard(1)
				f.extraLines++
				f.extraBytes++
				continue
			}
			line := buf[:nl]
			if bytes.IndexByte(line, '"') >= 0 || bytes.IndexByte(line, '\r') >= 0 {
				break
			}
			rec := f.split(line)
			_, _ = f.br.Discard(nl + 1)
			f.extraLines++
			f.extraBytes += int64(nl + 1)
			f.fast = true
			f.line = f.csvLines + f.extraLines
			return rec, nil
		}
	}
	f.fast = false
	rec, err := cr.Read()
	if pe, ok := err.(*csv.ParseError); ok {
		// The csv.Reader goes on at the line after the one it failed on.
		f.csvLines = pe.Line
		pe.StartLine += f.extraLines
		pe.Line += f.extraLines
	} else if err == nil {
		f.csvLines = csvLastLine(cr, rec)
	}
	return rec, err
}

// csvLastLine returns the last line of the record rec the csv.Reader cr
// just read, as cr numbers lines: a record goes on past the line it
// starts on only inside a quoted field, whose text keeps each line break
// it spans as one '\n' (the csv.Reader turns CRLF into LF).
func csvLastLine(cr *csv.Reader, rec []string) int {
	line, _ := cr.FieldPos(0)
	for _, s := range rec {
		line += strings.Count(s, "\n")
	}
	return line
}

// split splits line, a line without its newline, with no quote and no CR,
// into fields as the csv.Reader does, and notes where each starts. As the
// csv.Reader does, the fields are one string, without the commas.
func (f *fastReader) split(line []byte) []string {
	text, ends, starts := f.text[:0], f.ends[:0], f.starts[:0]
	trim := f.cr.TrimLeadingSpace
	for i := 0; ; {
		j := bytes.IndexByte(line[i:], ',')
		end := len(line)
		if j >= 0 {
			end = i + j
		}
		k := i
		if trim && k < end && mayBeSpace[line[k]] {
			k = skipSpace(line, k, end)
		}
		text = append(text, line[k:end]...)
		ends = append(ends, len(text))
		starts = append(starts, k+1)
		if j < 0 {
			break
		}
		i = end + 1
	}
	rec := f.rec[:0]
	if !f.cr.ReuseRecord {
		rec = make([]string, 0, len(ends))
	}
	s, prev := string(text), 0
	for _, e := range ends {
		rec = append(rec, s[prev:e])
		prev = e
	}
	f.rec, f.starts, f.ends, f.text = rec, starts, ends, text
	return rec
}

// skipSpace returns the offset of the first byte of s[k:end] that does not
// start a space (unicode.IsSpace, as the csv.Reader trims), end if none.
func skipSpace(s []byte, k, end int) int {
	for k < end {
		r, size := utf8.DecodeRune(s[k:end])
		if !unicode.IsSpace(r) {
			break
		}
		k += size
	}
	return k
}

// mayBeSpace tells whether a byte is an ASCII space or the first byte of
// a Unicode space's UTF-8 encoding.
var mayBeSpace = func() (t [256]bool) {
	var b [utf8.UTFMax]byte
	for _, r16 := range unicode.White_Space.R16 {
		for r := rune(r16.Lo); r <= rune(r16.Hi); r += rune(r16.Stride) {
			utf8.EncodeRune(b[:], r)
			t[b[0]] = true
		}
	}
	for _, r32 := range unicode.White_Space.R32 {
		for r := rune(r32.Lo); r <= rune(r32.Hi); r += rune(r32.Stride) {
			utf8.EncodeRune(b[:], r)
			t[b[0]] = true
		}
	}
	for c := range utf8.RuneSelf {
		if unicode.IsSpace(rune(c)) {
			t[c] = true
		}
	}
	return t
}()

// FieldPos returns the line and column of field i of the last record, as
// csv.Reader.FieldPos does.
func (f *fastReader) FieldPos(i int) (line, column int) {
	if f.fast {
		return f.line, f.starts[i]
	}
	line, column = f.cr.FieldPos(i)
	return line + f.extraLines, column
}

// InputOffset returns the offset of the end of the last record, as
// csv.Reader.InputOffset does.
func (f *fastReader) InputOffset() int64 { return f.cr.InputOffset() + f.extraBytes }
