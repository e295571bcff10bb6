package orgmodel

import (
	"bufio"
	"errors"
	"io"
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/dangjian-go/dangjian"
)

// FindingFormat is the output format of a [FindingWriter].
type FindingFormat uint8

const (
	// TextFindings writes one finding per line, tab-separated: severity,
	// rule, path (Name) and message, with tabs, line breaks and other
	// control characters in the path and message turned into spaces; then,
	// on Close, the summary line ([Summary.String]).
	TextFindings FindingFormat = iota
	// JSONFindings writes a JSON array of the findings, indented as
	// json.Encoder with SetEscapeHTML(false) and SetIndent("  ", "  ")
	// writes each element (see [dangjian.Finding.MarshalJSON]): "[]" when
	// there are none.
	JSONFindings
)

// Summary counts findings by severity, as of a date.
type Summary struct {
	AsOf   dangjian.Date
	n      int
	counts [dangjian.Error + 1]int
}

// Add counts f.
func (s *Summary) Add(f *dangjian.Finding) {
	s.n++
	if f.Severity <= dangjian.Error {
		s.counts[f.Severity]++
	}
}

// Len returns the number of findings counted.
func (s *Summary) Len() int { return s.n }

// Count returns the number of findings of severity sev counted.
func (s *Summary) Count(sev dangjian.Severity) int {
	if sev > dangjian.Error {
		return 0
	}
	return s.counts[sev]
}

// String returns the summary line, without a line break: "3 findings as of
// 2025-06-30: error 1, warning 2, info 0".
func (s *Summary) String() string {
	b := strconv.AppendInt(nil, int64(s.n), 10)
	b = append(b, " findings as of "...)
	b = append(b, s.AsOf.String()...)
	b = append(b, ':')
	for i, sev := range [...]dangjian.Severity{dangjian.Error, dangjian.Warning, dangjian.Info} {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, ' ')
		b = append(b, sev.String()...)
		b = append(b, ' ')
		b = strconv.AppendInt(b, int64(s.counts[sev]), 10)
	}
	return string(b)
}

// FindingWriter writes findings one at a time, as they come from
// [Validator.ValidateFunc], so that a program never holds them all; it
// counts them as it goes ([FindingWriter.Summary]). It buffers its output:
// call Close at the end, which also ends the output (the summary line, or
// the end of the JSON array). The first error of w stops the writing and
// is returned by every later call.
type FindingWriter struct {
	w      *bufio.Writer
	format FindingFormat
	sum    Summary
	buf    []byte // the output of one finding
	js     []byte // its compact JSON
	err    error
}

// NewFindingWriter returns a writer of findings as of asOf to w, in format.
func NewFindingWriter(w io.Writer, format FindingFormat, asOf dangjian.Date) *FindingWriter {
	return &FindingWriter{w: bufio.NewWriterSize(w, 1<<16), format: format, sum: Summary{AsOf: asOf}}
}

// Write writes f and counts it.
func (fw *FindingWriter) Write(f *dangjian.Finding) error {
	if fw.err != nil {
		return fw.err
	}
	b := fw.buf[:0]
	switch fw.format {
	case JSONFindings:
		if fw.sum.n == 0 {
			b = append(b, "[\n  "...)
		} else {
			b = append(b, ",\n  "...)
		}
		js, err := f.AppendJSON(fw.js[:0])
		if err != nil {
			fw.err = err
			return err
		}
		fw.js = js
		b = indentJSON(b, js, "  ", "  ")
	default:
		b = append(b, f.Severity.String()...)
		b = append(b, '\t')
		b = append(b, f.Rule...)
		b = append(b, '\t')
		b = appendOneLine(b, f.Name)
		b = append(b, '\t')
		b = appendOneLine(b, f.Message)
		b = append(b, '\n')
	}
	fw.sum.Add(f)
	fw.buf = b
	_, fw.err = fw.w.Write(b)
	return fw.err
}

// Summary returns the counts of the findings written so far.
func (fw *FindingWriter) Summary() Summary { return fw.sum }

// Close ends the output, flushes it and returns the first error of the
// writing. It does not close the underlying writer.
func (fw *FindingWriter) Close() error {
	if fw.err != nil {
		return fw.err
	}
	switch {
	case fw.format == JSONFindings && fw.sum.n == 0:
		fw.w.WriteString("[]\n")
	case fw.format == JSONFindings:
		fw.w.WriteString("\n]\n")
	default:
		fw.w.WriteString(fw.sum.String())
		fw.w.WriteByte('\n')
	}
	fw.err = fw.w.Flush()
	return fw.err
}

// appendOneLine appends s with tabs, line breaks and other control
// characters turned into spaces, so that a field stays in its column and
// its line, and each byte that is not UTF-8 into U+FFFD, as strings.Map
// does.
func appendOneLine(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				c = ' '
			}
			b = append(b, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b = utf8.AppendRune(b, utf8.RuneError)
		case unicode.IsControl(r):
			b = append(b, ' ')
		default:
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	return b
}

// indentJSON appends src, compact JSON as json.Marshal writes it, to dst
// indented as json.Indent(dst, src, prefix, indent) would: a new line,
// prefix and one indent per level after an opening bracket and each comma,
// ": " after a key, and empty objects and arrays kept as {} and []. It does
// not validate src.
func indentJSON(dst, src []byte, prefix, indent string) []byte {
	depth := 0
	newline := func() {
		dst = append(dst, '\n')
		dst = append(dst, prefix...)
		for range depth {
			dst = append(dst, indent...)
		}
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch c {
		case '"':
			j := i + 1
			for j < len(src) && src[j] != '"' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			dst = append(dst, src[i:min(j+1, len(src))]...)
			i = j
		case '{', '[':
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				dst = append(dst, c, src[i+1])
				i++
				continue
			}
			dst = append(dst, c)
			depth++
			newline()
		case '}', ']':
			depth--
			newline()
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, ':', ' ')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// findingBatch is the number of findings WriteFindings hands from the
// validation to the writing at a time.
const findingBatch = 512

// WriteFindings validates t as of asOf and writes every finding that keep
// accepts (all of them when keep is nil) to w in format, as a
// [FindingWriter] does, then ends the output; it returns the counts of the
// findings written. The validation and the writing run side by side, on
// two goroutines, handing findings over in small batches: the findings
// are never held together, and on a machine with two cores or more the
// whole takes about the time of the slower of the two. keep is called on
// the validating goroutine, one finding at a time. The error is
// [Validator.ValidateFunc]'s or the first error of writing, which stops
// the validation.
func (v *Validator) WriteFindings(w io.Writer, t *Tree, asOf dangjian.Date, format FindingFormat, keep func(*dangjian.Finding) bool) (Summary, error) {
	if err := v.check(t, asOf); err != nil {
		return Summary{AsOf: asOf}, err
	}
	fw := NewFindingWriter(w, format, asOf)
	full := make(chan []dangjian.Finding, 4)
	free := make(chan []dangjian.Finding, 4)
	for range cap(free) {
		free <- make([]dangjian.Finding, 0, findingBatch)
	}
	stop := make(chan struct{}) // closed when the writing fails
	done := make(chan error, 1)
	go func() {
		var err error
		for batch := range full {
			for i := range batch {
				if err == nil {
					err = fw.Write(&batch[i])
					if err != nil {
						close(stop)
					}
				}
			}
			clear(batch) // let the strings go
			free <- batch[:0]
		}
		done <- err
	}()
	errStopped := errors.New("writing failed")
	batch := <-free
	err := v.ValidateFunc(t, asOf, func(f *dangjian.Finding) error {
		if keep != nil && !keep(f) {
			return nil
		}
		batch = append(batch, *f)
		if len(batch) < findingBatch {
			return nil
		}
		select {
		case full <- batch:
		case <-stop:
			return errStopped
		}
		select {
		case batch = <-free:
		case <-stop:
			return errStopped
		}
		return nil
	})
	if err == nil && len(batch) > 0 {
		select {
		case full <- batch:
		case <-stop:
		}
	}
	close(full)
	werr := <-done
	if err == nil || errors.Is(err, errStopped) {
		err = werr
	}
	if err == nil {
		err = fw.Close()
	}
	return fw.Summary(), err
}
