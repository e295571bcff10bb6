package csvtable

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/dangjian-go/dangjian"
)

// formulaStart reports whether a cell that starts with c is one a
// spreadsheet runs as a formula (OWASP: '=', '+', '-', '@', tab, CR).
func formulaStart(c byte) bool {
	switch c {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

// formula reports whether s, after any single quotes in front, starts
// with a formula's first character: a cell that [Guard] writes with one
// more quote in front.
func formula(s string) bool {
	s = strings.TrimLeft(s, "'")
	return s != "" && formulaStart(s[0])
}

// Guard returns text cell s as [dangjian.GuardFormulas] writes it: with a
// single quote in front when it starts with a character that makes a
// spreadsheet run it as a formula ('=', '+', '-', '@', tab, carriage
// return), or with single quotes before such a character (so that
// [Unguard] gives back s itself), else as it is.
func Guard(s string) string {
	if formula(s) {
		return "'" + s
	}
	return s
}

// Unguard returns the cell s as it was before [Guard], if Guard could have
// written s: without the first of the single quotes in front of a
// formula's first character: "'=1" reads "=1", and a cell of two quotes
// before "=1" reads one quote before it. Any
// other cell is returned as it is.
func Unguard(s string) string {
	if len(s) > 1 && s[0] == '\'' && formula(s[1:]) {
		return s[1:]
	}
	return s
}

// Writer is the writer step the module's CSV writers share: a csv.Writer
// that writes text cells as a [dangjian.CSVText] says.
type Writer struct {
	*csv.Writer
	raw bool
}

// NewWriter returns a writer to w whose text cells are written as text
// says: at most one [dangjian.CSVText], [dangjian.GuardFormulas] if none.
// An unknown CSVText, or more than one, is a problem of kind
// [dangjian.ErrInvalid] at path "text".
func NewWriter(w io.Writer, text ...dangjian.CSVText) (*Writer, error) {
	if len(text) > 1 {
		return nil, &dangjian.Problem{Kind: dangjian.ErrInvalid, Path: "text", Value: strconv.Itoa(len(text)),
			Detail: "give at most one CSVText"}
	}
	raw := false
	if len(text) == 1 {
		switch text[0] {
		case dangjian.GuardFormulas:
		case dangjian.RawText:
			raw = true
		default:
			return nil, &dangjian.Problem{Kind: dangjian.ErrInvalid, Path: "text", Value: strconv.Itoa(int(text[0])),
				Detail: "want GuardFormulas or RawText"}
		}
	}
	return &Writer{Writer: csv.NewWriter(w), raw: raw}, nil
}

// Text returns text cell s as the writer writes it: [Guard]ed, or as it
// is under [dangjian.RawText]. Numbers, dates and the module's own codes
// do not go through Text.
func (w *Writer) Text(s string) string {
	if w.raw {
		return s
	}
	return Guard(s)
}

// unguardTrim returns a trimmed cell without the quote Guard put in front.
func unguardTrim(s string) string {
	s = strings.TrimSpace(s)
	if u := Unguard(s); len(u) < len(s) {
		return strings.TrimSpace(u)
	}
	return s
}
