package compare

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/csvtable"
)

// Format is the output format of a [Writer].
type Format int

// The formats.
const (
	FormatUnknown Format = iota
	// Text: one line per difference, then the likely cause and the
	// summary line "N of M differ".
	Text
	// JSON: one object: "differences", then "compared", "differ",
	// "causes" and "problems".
	JSON
	// CSV: a header, then one row per difference ([Writer] guards text
	// cells against formulas).
	CSV
)

// ParseFormat parses text, json or csv (any case; also 文本).
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "text", "文本":
		return Text, nil
	case "json":
		return JSON, nil
	case "csv":
		return CSV, nil
	}
	return FormatUnknown, &dangjian.Problem{Kind: dangjian.ErrInvalid, Path: "format", Value: s, Detail: "want text, json or csv"}
}

// String returns text, json or csv.
func (f Format) String() string {
	switch f {
	case Text:
		return "text"
	case JSON:
		return "json"
	case CSV:
		return "csv"
	}
	return "Format(" + strconv.Itoa(int(f)) + ")"
}

// CSVHeader is the header of the CSV output.
var CSVHeader = []string{"status", "id", "month", "rule", "got_line", "input_line", "library", "platform", "rules", "causes", "detail"}

// Writer writes differences as they come, in a [Format], then the report.
// It holds one difference at a time, whatever their number.
type Writer struct {
	f        Format
	bw       *bufio.Writer
	cw       *csvtable.Writer
	in, got  string // the files' names, for the text's locations
	n        int
	err      error
	rowCells []string
}

// NewWriter returns a writer of format f to w. in and got name INPUT and
// GOT in the text's locations ("got.csv:12"). text says how CSV text
// cells are written (at most one; [dangjian.GuardFormulas] by default).
func NewWriter(w io.Writer, f Format, in, got string, text ...dangjian.CSVText) (*Writer, error) {
	wr := &Writer{f: f, bw: bufio.NewWriterSize(w, 64<<10), in: in, got: got}
	switch f {
	case Text:
	case JSON:
		wr.bw.WriteString("{\n  \"differences\": [")
	case CSV:
		cw, err := csvtable.NewWriter(wr.bw, text...)
		if err != nil {
			return nil, err
		}
		wr.cw = cw
		if err := cw.Write(CSVHeader); err != nil {
			return nil, err
		}
	default:
		return nil, &dangjian.Problem{Kind: dangjian.ErrInvalid, Path: "format", Value: f.String(), Detail: "want text, json or csv"}
	}
	return wr, nil
}

// Write writes one difference.
func (w *Writer) Write(d Difference) error {
	if w.err != nil {
		return w.err
	}
	switch w.f {
	case Text:
		w.bw.WriteString(w.TextLine(d))
		w.bw.WriteByte('\n')
	case JSON:
		b, err := json.MarshalIndent(d, "    ", "  ")
		if err != nil {
			w.err = err
			return err
		}
		if w.n > 0 {
			w.bw.WriteByte(',')
		}
		w.bw.WriteString("\n    ")
		w.bw.Write(b)
	case CSV:
		w.rowCells = append(w.rowCells[:0], d.Status.String(), w.cw.Text(d.ID), w.cw.Text(d.Month), w.cw.Text(d.Rule),
			lineCell(d.Line), lineCell(d.InputLine), w.cw.Text(d.Library), w.cw.Text(d.Platform),
			w.cw.Text(rulesText(d.Rules, false)), causeCodes(d.Causes), w.cw.Text(d.Detail))
		if err := w.cw.Write(w.rowCells); err != nil {
			w.err = err
			return err
		}
	}
	w.n++
	return nil
}

// Close writes the end: for text the likely cause ([Report.Likely]) and
// the summary line "N of M differ"; for JSON the report; for CSV
// nothing more. It flushes the output.
func (w *Writer) Close(r Report) error {
	if w.err != nil {
		return w.err
	}
	switch w.f {
	case Text:
		if s := r.LikelyText(); s != "" {
			w.bw.WriteString(s + "\n")
		}
		w.bw.WriteString(r.Summary() + "\n")
	case JSON:
		if w.n > 0 {
			w.bw.WriteString("\n  ")
		}
		w.bw.WriteString("],\n")
		tail := struct {
			Compared int               `json:"compared"`
			Differ   int               `json:"differ"`
			Causes   []CauseCount      `json:"causes"`
			Problems dangjian.Problems `json:"problems"`
		}{r.Compared, r.Differ, r.Causes, r.Problems}
		if tail.Causes == nil {
			tail.Causes = []CauseCount{}
		}
		if tail.Problems == nil {
			tail.Problems = dangjian.Problems{}
		}
		b, err := json.MarshalIndent(tail, "", "  ")
		if err != nil {
			return err
		}
		w.bw.Write(b[2:]) // the fields, after "{\n"
		w.bw.WriteByte('\n')
	case CSV:
		w.cw.Flush()
		if err := w.cw.Error(); err != nil {
			return err
		}
	}
	return w.bw.Flush()
}

// Fail ends the output of a comparison that stopped on err (an input
// that cannot be read, a limit met): the differences written so far stay,
// and for JSON the object is closed with the report's counts at zero and
// err's problems, so that it stays valid JSON; text and CSV get nothing
// more (the summary line is not written: nothing was compared whole). It
// flushes the output.
func (w *Writer) Fail(err error) error {
	if w.err != nil {
		return w.err
	}
	if w.f == JSON {
		ps := dangjian.ProblemsOf(err)
		if ps == nil { // an error of a reader, not of the input's text
			ps = dangjian.Problems{{Kind: dangjian.ErrInvalid, Detail: err.Error()}}
		}
		return w.Close(Report{Problems: ps})
	}
	if w.cw != nil {
		w.cw.Flush()
	}
	return w.bw.Flush()
}

// TextLine returns the text line of d: where it is (GOT's file and line,
// or INPUT's when GOT lacks the row), the key, the two values, the
// rules with their sources and the likely causes.
func (w *Writer) TextLine(d Difference) string {
	var b strings.Builder
	switch {
	case d.Line > 0:
		fmt.Fprintf(&b, "%s:%d: ", nameOr(w.got, "GOT"), d.Line)
	case d.InputLine > 0:
		fmt.Fprintf(&b, "%s:%d: ", nameOr(w.in, "INPUT"), d.InputLine)
	}
	b.WriteString(d.Key())
	b.WriteString(": library ")
	b.WriteString(valueOr(d.Library))
	b.WriteString(", platform ")
	b.WriteString(valueOr(d.Platform))
	if len(d.Rules) > 0 {
		b.WriteString("; rules ")
		b.WriteString(rulesText(d.Rules, true))
	}
	switch {
	case len(d.Causes) > 0:
		b.WriteString("; cause: ")
		for i, c := range d.Causes {
			if i > 0 {
				b.WriteString(" or ")
			}
			b.WriteString(c.Text())
		}
	case d.Status == Differs:
		b.WriteString("; cause: not found")
	}
	if d.Detail != "" {
		b.WriteString(" (" + d.Detail + ")")
	}
	return b.String()
}

// Summary returns the summary line: "N of M differ".
func (r Report) Summary() string {
	return fmt.Sprintf("%d of %d differ", r.Differ, r.Compared)
}

// Likely returns the cause that reproduces every difference and is
// against no agreeing row, if one does: the platform's pattern.
func (r Report) Likely() (Cause, bool) {
	if r.Differ == 0 || len(r.Causes) == 0 {
		return CauseUnknown, false
	}
	c := r.Causes[0]
	return c.Cause, c.Rows == r.Differ && c.Against == 0
}

// LikelyText returns the line that names [Report.Likely]'s cause ("likely
// cause of every difference: float: BigDecimal(double) HALF_UP"), or ""
// when no cause explains them all.
func (r Report) LikelyText() string {
	c, ok := r.Likely()
	if !ok {
		return ""
	}
	return "likely cause of every difference: " + c.Text()
}

func nameOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func valueOr(s string) string {
	if s == "" {
		return "(no row)"
	}
	return s
}

func lineCell(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// rulesText writes rules as "ID (source)" joined by ", ", or, without
// sources, their IDs joined by spaces.
func rulesText(rs []RuleRef, sources bool) string {
	var b strings.Builder
	for i, r := range rs {
		if i > 0 {
			if sources {
				b.WriteString(", ")
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(r.ID)
		if sources && r.Source != "" {
			b.WriteString(" (" + r.Source + ")")
		}
	}
	return b.String()
}

func causeCodes(cs []Cause) string {
	s := make([]string, len(cs))
	for i, c := range cs {
		s[i] = c.String()
	}
	return strings.Join(s, " ")
}
