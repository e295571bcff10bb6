package csvtable

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dangjian-go/dangjian"
)

// RowCopy is a row of a table taken from a [Reader] with [Reader.Copy],
// to be parsed later, on another goroutine, through a [RowView]: a reader
// that parses rows while the next ones are read. Its cells are the row's
// own strings (encoding/csv makes new ones for each row), so a copy stays
// valid after the Reader moves on.
type RowCopy struct {
	cells []string
	line  int
	lines []int // the line of each field, when the row spans lines; nil otherwise
	id    string
	valid bool // the row was read before any text that may not be UTF-8 (Reader.valid)
}

// Copy copies the current row into r, reusing r's memory.
func (t *Reader) Copy(r *RowCopy) {
	r.cells = append(r.cells[:0], t.rec...)
	r.line, r.id, r.valid = t.line, t.id, t.valid
	r.lines = r.lines[:0]
	if n := len(t.rec); n > 1 {
		if last, _ := t.cr.FieldPos(n - 1); last != t.line {
			for i := range n {
				line, _ := t.cr.FieldPos(i)
				r.lines = append(r.lines, line)
			}
		}
	}
}

// RowView reads copied rows as a [Reader] reads its current row: the same
// cells, lines and problems. Load a row with [RowView.Load].
type RowView struct {
	h   *Header
	row *RowCopy
}

// View returns a view of rows copied from t.
func (t *Reader) View() *RowView { return &RowView{h: t.h, row: &RowCopy{}} }

// Load makes r the view's current row.
func (v *RowView) Load(r *RowCopy) { v.row = r }

// Line returns the line the current row starts on.
func (v *RowView) Line() int { return v.row.line }

// ID returns the current row's id, as [Reader.ID] does.
func (v *RowView) ID() string { return v.row.id }

// Cell returns column c of the current row, as [Reader.Cell] does.
func (v *RowView) Cell(c int) string { return v.At(v.h.fields[c]) }

// At returns field i of the current row, as [Reader.At] does.
func (v *RowView) At(i int) string {
	if i < 0 || i >= len(v.row.cells) {
		return ""
	}
	return trimCell(v.row.cells[i])
}

// trimCell returns unguardTrim(s), without its work for a cell that has
// no space at either end and no guard, most cells.
func trimCell(s string) string {
	if s == "" || trimEdge[s[0]]&plainFirst == 0 {
		return unguardTrim(s)
	}
	if last := s[len(s)-1]; trimEdge[last]&plainLast == 0 {
		if last < utf8.RuneSelf {
			return unguardTrim(s)
		}
		// The last byte of a Unicode space, or of another character.
		if r, _ := utf8.DecodeLastRuneInString(s); unicode.IsSpace(r) {
			return unguardTrim(s)
		}
	}
	return s
}

// trimEdge tells, for the first and the last byte of a cell, whether
// unguardTrim surely leaves that end as it is: its bits plainFirst (the
// byte is neither space, nor the first byte of a Unicode space, nor the
// quote of a guard) and plainLast (the byte is neither space nor the last
// byte of a Unicode space). The Unicode spaces beyond ASCII (U+0085,
// U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000)
// begin with C2, E1, E2 or E3 and end with one of 80-8A, 9F, A0, A8, A9,
// AF or 85.
var trimEdge = func() (t [256]uint8) {
	for c := '!'; c < 0x80; c++ {
		t[c] = plainFirst | plainLast
	}
	t['\''] &^= plainFirst
	for c := 0x80; c < 0x100; c++ {
		t[c] = plainFirst | plainLast
	}
	for _, c := range []byte{0xC2, 0xE1, 0xE2, 0xE3} {
		t[c] &^= plainFirst
	}
	for _, c := range []byte{0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8A, 0x9F, 0xA0, 0xA8, 0xA9, 0xAF} {
		t[c] &^= plainLast
	}
	return t
}()

const (
	plainFirst = 1 << iota
	plainLast
)

// FieldLine returns the line field i of the current row starts on, as
// [Reader.FieldLine] does.
func (v *RowView) FieldLine(i int) int {
	if i < 0 || i >= len(v.row.cells) || len(v.row.lines) == 0 {
		return v.row.line
	}
	return v.row.lines[i]
}

// Problem is [Reader.Problem] for the current row.
func (v *RowView) Problem(c int, value string, k *dangjian.Kind, detail string) *dangjian.Problem {
	return v.FieldProblem(v.h.fields[c], v.h.names[c], value, k, detail)
}

// FieldProblem is [Reader.FieldProblem] for the current row.
func (v *RowView) FieldProblem(i int, path, value string, k *dangjian.Kind, detail string) *dangjian.Problem {
	return v.ProblemAt(v.FieldLine(i), i, path, value, k, detail)
}

// ProblemAt is [Reader.ProblemAt] for the current row.
func (v *RowView) ProblemAt(line, i int, path, value string, k *dangjian.Kind, detail string) *dangjian.Problem {
	p := &dangjian.Problem{Kind: k, Path: path, ID: strings.Clone(v.row.id), Line: line,
		Value: strings.Clone(value), Detail: detail}
	if i >= 0 {
		p.Column = i + 1
	}
	return p
}

// RowProblem is [Reader.RowProblem] for the current row.
func (v *RowView) RowProblem(k *dangjian.Kind, detail string) *dangjian.Problem {
	return v.ProblemAt(v.row.line, -1, "", "", k, detail)
}

// WidthProblem is [Reader.WidthProblem] for the current row.
func (v *RowView) WidthProblem() *dangjian.Problem {
	if len(v.row.cells) == v.h.Width {
		return nil
	}
	return v.RowProblem(dangjian.ErrInvalid, fmt.Sprintf("%d fields, the header has %d", len(v.row.cells), v.h.Width))
}

// EncodingProblems is [Reader.EncodingProblems] for the current row.
func (v *RowView) EncodingProblems() dangjian.Problems {
	if v.row.valid {
		return nil
	}
	var bad dangjian.Problems
	for i, c := range v.row.cells {
		if utf8.ValidString(c) {
			continue
		}
		bad.Add(v.FieldProblem(i, v.h.fieldName(i), dangjian.Cut(strings.TrimSpace(c)), dangjian.ErrEncoding, DetailNotUTF8))
	}
	return bad
}
