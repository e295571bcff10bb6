package csvtable

import (
	"bufio"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/dangjian-go/dangjian"
)

// Reader streams the rows of a table under a matched header. It holds one
// row at a time: the record Next reads replaces the previous one, so a
// caller keeps a cell past the next call to Next only by keeping the
// string (which keeps its row's text alive) or a copy of it.
type Reader struct {
	cr      *fastReader // encoding/csv, with a fast path for plain lines
	h       *Header
	idField int
	rec     []string
	line    int
	id      string
	err     error
	src     *source    // the counted input
	rows    int64      // rows read
	maxRows int64      // -1: no limit
	watch   *utf8Watch // what of the input is known to be UTF-8
	valid   bool       // every cell of rec is UTF-8
}

// Open reads the header of the table r holds against s. The text is
// UTF-8; a byte order mark is skipped, CRLF line endings are accepted,
// space before an opening quote is skipped (so that ` "a, b"` is one
// quoted cell) and blank lines are skipped.
//
// When the header has a problem, Open returns the header's problems
// ([Spec.Match]), a [dangjian.Problems] of kind [dangjian.ErrHeader]; no
// header row at all is one such problem. A file that is not CSV is a
// problem of kind [dangjian.ErrSyntax] (see [SyntaxProblem]), and an error
// of r is returned as it is. The Reader is returned with the problems of
// the header, for a caller that checks more of the header (columns one
// requires only with another); it is nil on any other error.
//
// Open reads within the default [dangjian.Limits]; see [OpenWith].
func Open(r io.Reader, s *Spec) (*Reader, error) {
	return OpenWith(r, s, dangjian.Limits{})
}

// open is [OpenWith] over the counted input src.
func open(src *source, s *Spec, maxRows int64) (*Reader, error) {
	// The watch sees the bytes src takes, in order: its offsets are src's.
	watch := newUTF8Watch(src.r)
	src.r = watch
	br := bufio.NewReaderSize(src, bufSize)
	if b, _ := br.Peek(3); len(b) == 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		_, _ = br.Discard(3)
		src.bom = 3
	}
	cr := newFastReader(br)
	cr.cr.ReuseRecord = true
	cr.cr.FieldsPerRecord = -1
	cr.cr.TrimLeadingSpace = true
	t := &Reader{cr: cr, idField: -1, src: src, maxRows: maxRows, watch: watch}
	rec, err := cr.Read()
	if err == io.EOF {
		return nil, dangjian.Problems{{Kind: dangjian.ErrHeader, Line: 1, Detail: DetailNoHeader}}
	}
	if err != nil {
		return nil, t.readErr(err, rec, 0)
	}
	line, _ := cr.FieldPos(0)
	if t.endRecord() {
		return nil, src.recordTooLong(line)
	}
	h, bad := s.Match(rec, line)
	t.h, t.line = h, line
	if c := s.index(s.ID); s.ID != "" && c >= 0 {
		t.idField = h.fields[c]
	}
	return t, bad.Err()
}

// Header returns the table's header.
func (t *Reader) Header() *Header { return t.h }

// Next reads the next row; false at the end of the table or on an error,
// which Err returns. Every row is returned, whatever its width: see
// [Reader.WidthProblem].
func (t *Reader) Next() bool {
	if t.err != nil {
		return false
	}
	rec, err := t.cr.Read()
	if err != nil {
		t.rec, t.id = nil, ""
		if err != io.EOF {
			t.err = t.readErr(err, rec, t.line)
		}
		return false
	}
	t.line, _ = t.cr.FieldPos(0)
	t.rows++
	if over := t.endRecord(); over || (t.maxRows >= 0 && t.rows > t.maxRows) {
		t.rec, t.id, t.err = nil, "", t.limitMet(over)
		return false
	}
	t.rec = rec
	t.id = ""
	// A row read before any text that may not be UTF-8 is UTF-8: its
	// cells need no check of their own.
	t.valid = t.cr.InputOffset()+t.src.bom <= t.watch.validTo()
	if i := t.idField; i >= 0 && i < len(rec) {
		// The id names the row in its problems, even a row of the wrong
		// width.
		if s := unguardTrim(rec[i]); s != "" && (t.valid || utf8.ValidString(s)) {
			t.id = s
		}
	}
	return true
}

// Err returns the error that stopped Next: nil at the end of the table, a
// [dangjian.Problems] of kind [dangjian.ErrSyntax] for text that is not
// CSV, of kind [dangjian.ErrLimit] for a limit met ([OpenWith]), or the
// error of the underlying reader as it is.
func (t *Reader) Err() error { return t.err }

// Line returns the line the current row starts on.
func (t *Reader) Line() int { return t.line }

// ID returns the current row's id cell, as [Reader.At] gives it; "" if the Spec names no
// id column or the cell is empty or not UTF-8.
func (t *Reader) ID() string { return t.id }

// DetailNotUTF8 is the detail of the problem, of kind
// [dangjian.ErrEncoding], for a cell that is not UTF-8: most often a file
// that Excel on a Chinese Windows saved as "CSV" in GBK.
const DetailNotUTF8 = "save the file as UTF-8, not GBK"

// EncodingProblems returns a problem of kind [dangjian.ErrEncoding] for
// each cell of the current row that is not UTF-8, in field order (nil if
// every cell is UTF-8): Path is the column's name as the header wrote it,
// Column the field's position, Value the cell as written and Detail
// [DetailNotUTF8]. A reader reports them and skips the row, as it does a
// [Reader.WidthProblem]: in a file of another encoding, no text cell of the
// row can be trusted (in GBK, "社区" and "机关" both become the same
// replacement text once decoded as UTF-8), so nothing is read from it.
// To read a GBK or GB18030 file on purpose, transcode it first (package
// textenc).
func (t *Reader) EncodingProblems() dangjian.Problems {
	if t.valid {
		return nil
	}
	var bad dangjian.Problems
	for i, c := range t.rec {
		if utf8.ValidString(c) {
			continue
		}
		bad.Add(t.FieldProblem(i, t.h.fieldName(i), dangjian.Cut(strings.TrimSpace(c)), dangjian.ErrEncoding, DetailNotUTF8))
	}
	return bad
}

// Blank reports whether every cell of the current row is empty or space.
func (t *Reader) Blank() bool {
	for _, c := range t.rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// Cell returns column c of the current row, trimmed; "" if the header does
// not have the column.
func (t *Reader) Cell(c int) string { return t.At(t.h.fields[c]) }

// At returns field i of the current row, trimmed; "" if i < 0 or the row
// is shorter. A cell that a writer guarded against formulas ([Guard]: a
// single quote in front of '=', '+', '-', '@', tab or CR) is returned
// without the quote, so that a file written with [dangjian.GuardFormulas]
// reads back as its text.
func (t *Reader) At(i int) string {
	if i < 0 || i >= len(t.rec) {
		return ""
	}
	return unguardTrim(t.rec[i])
}

// FieldLine returns the line field i of the current row starts on; the
// row's line if i is not a field of the row.
func (t *Reader) FieldLine(i int) int {
	if i < 0 || i >= len(t.rec) {
		return t.line
	}
	line, _ := t.cr.FieldPos(i)
	return line
}
