package csvtable

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/dangjian-go/dangjian"
)

// Header is where a file has each column of a [Spec].
type Header struct {
	// Line is the line the header starts on (1 unless blank lines come
	// first).
	Line int
	// Width is the number of fields of the header, which every row must
	// have.
	Width  int
	fields []int    // field index of each column, -1 if absent
	names  []string // each column's name as the header wrote it
	extras []Extra
}

// Extra is a header field that [Spec.Extra] accepted.
type Extra struct {
	Field int    // 0-based field index
	Name  string // the name as the header wrote it, trimmed
	Key   string // the key Spec.Extra gave
}

// Field returns the 0-based field index of column c, or -1 if the header
// does not have it.
func (h *Header) Field(c int) int { return h.fields[c] }

// Has reports whether the header has column c.
func (h *Header) Has(c int) bool { return h.fields[c] >= 0 }

// Name returns column c's name as the header wrote it ("" if absent).
func (h *Header) Name(c int) string { return h.names[c] }

// fieldName returns the name the header gives field i: a column's or an
// extra's ("" for none).
func (h *Header) fieldName(i int) string {
	for c, f := range h.fields {
		if f == i {
			return h.names[c]
		}
	}
	for _, x := range h.extras {
		if x.Field == i {
			return x.Name
		}
	}
	return ""
}

// Extras returns the fields that Spec.Extra accepted, in header order.
func (h *Header) Extras() []Extra { return h.extras }

// Details of header problems.
const (
	DetailNoHeader       = "no header row"
	DetailHeaderNotUTF8  = "column name is not UTF-8: save the file as UTF-8, not GBK"
	DetailEmptyName      = "empty column name"
	DetailUnknownColumn  = "unknown column"
	DetailMissingColumn  = "missing required column"
	detailRepeatedColumn = "column %q repeats column %q"
)

// Match reads a header record that starts on line against s. It reports
// every problem, all of kind [dangjian.ErrHeader]: a name that is not
// UTF-8 (which also wraps [dangjian.ErrEncoding]), empty, unknown or that
// repeats an earlier one, in field order, then each required column that
// is missing, in s's order. The names it keeps are copies, so rec may be
// reused.
func (s *Spec) Match(rec []string, line int) (*Header, dangjian.Problems) {
	h := &Header{Line: line, Width: len(rec), fields: make([]int, len(s.Columns)), names: make([]string, len(s.Columns))}
	for c := range h.fields {
		h.fields[c] = -1
	}
	var bad dangjian.Problems
	problem := func(i int, path, value string, detail string) *dangjian.Problem {
		p := &dangjian.Problem{Kind: dangjian.ErrHeader, Path: strings.Clone(path), Line: line, Column: i + 1,
			Value: strings.Clone(value), Detail: detail}
		bad.Add(p)
		return p
	}
	var keys map[string]string // extra key → first name
	for i, cell := range rec {
		name := strings.TrimSpace(cell)
		switch {
		case !utf8.ValidString(name):
			problem(i, "", name, DetailHeaderNotUTF8).Err = dangjian.ErrEncoding
			continue
		case name == "":
			problem(i, "", "", DetailEmptyName)
			continue
		}
		if c := s.lookup(name); c >= 0 {
			if h.fields[c] >= 0 {
				problem(i, name, name, fmt.Sprintf(detailRepeatedColumn, name, h.names[c]))
				continue
			}
			h.fields[c], h.names[c] = i, strings.Clone(name)
			continue
		}
		var key string
		ok := false
		if s.Extra != nil {
			key, ok = s.Extra(name)
		}
		if !ok {
			problem(i, name, name, DetailUnknownColumn)
			continue
		}
		if first, dup := keys[key]; dup {
			problem(i, name, name, fmt.Sprintf(detailRepeatedColumn, name, first))
			continue
		}
		if keys == nil {
			keys = map[string]string{}
		}
		name = strings.Clone(name)
		keys[key] = name
		h.extras = append(h.extras, Extra{Field: i, Name: name, Key: key})
	}
	for c := range s.Columns {
		if s.Columns[c].Required && h.fields[c] < 0 {
			problem(-1, s.Columns[c].Name, "", DetailMissingColumn)
		}
	}
	return h, bad
}
