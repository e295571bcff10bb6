package orgmodel

import (
	"bufio"
	"io"
	"runtime"
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
	enc    *dangjian.FindingEncoder
	err    error
}

// NewFindingWriter returns a writer of findings as of asOf to w, in format.
func NewFindingWriter(w io.Writer, format FindingFormat, asOf dangjian.Date) *FindingWriter {
	return &FindingWriter{w: bufio.NewWriterSize(w, 1<<16), format: format, sum: Summary{AsOf: asOf}, enc: newFindingEncoder()}
}

// Write writes f and counts it.
func (fw *FindingWriter) Write(f *dangjian.Finding) error {
	if fw.err != nil {
		return fw.err
	}
	b, err := appendFinding(fw.buf[:0], fw.enc, f, fw.format, fw.sum.n == 0)
	fw.buf = b
	if err != nil {
		fw.err = err
		return err
	}
	fw.sum.Add(f)
	_, fw.err = fw.w.Write(b)
	return fw.err
}

// jsonSep is what comes before each finding but the first in the JSON
// format; jsonOpen comes before the first. They have the same length.
const (
	jsonSep  = ",\n  "
	jsonOpen = "[\n  "
)

// newFindingEncoder returns an encoder of findings in the JSON format.
func newFindingEncoder() *dangjian.FindingEncoder { return dangjian.NewFindingEncoder("  ", "  ") }

// appendFinding appends to b what a FindingWriter in format writes for f,
// the first finding written when first is true; enc, from
// newFindingEncoder, encodes the JSON format. On an error
// (MarshalJSON's, for an undefined severity or confidence) b is returned
// as it was.
func appendFinding(b []byte, enc *dangjian.FindingEncoder, f *dangjian.Finding, format FindingFormat, first bool) ([]byte, error) {
	switch format {
	case JSONFindings:
		n := len(b)
		if first {
			b = append(b, jsonOpen...)
		} else {
			b = append(b, jsonSep...)
		}
		b, err := enc.AppendJSONIndent(b, f)
		if err != nil {
			return b[:n], err
		}
		return b, nil
	default:
		b = append(b, f.Severity.String()...)
		b = append(b, '\t')
		b = append(b, f.Rule...)
		b = append(b, '\t')
		b = appendOneLine(b, f.Name)
		b = append(b, '\t')
		b = appendOneLine(b, f.Message)
		b = append(b, '\n')
		return b, nil
	}
}

// writeEncoded writes enc, the findings fs encoded by appendFinding one
// after the other as findings that are not the first, and counts them;
// err, if not nil, is the encoding error of the finding after fs, which
// stops the writing after them.
func (fw *FindingWriter) writeEncoded(enc []byte, fs []Finding, err error) error {
	if fw.err != nil {
		return fw.err
	}
	if len(fs) > 0 {
		if fw.format == JSONFindings && fw.sum.n == 0 {
			if _, fw.err = fw.w.WriteString(jsonOpen); fw.err != nil {
				return fw.err
			}
			enc = enc[len(jsonSep):]
		}
		for i := range fs {
			fw.sum.Add(&fs[i])
		}
		if _, fw.err = fw.w.Write(enc); fw.err != nil {
			return fw.err
		}
	}
	if err != nil {
		fw.err = err
	}
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

// validateChunk is the number of organizations one job of WriteFindings
// validates.
const validateChunk = 2048

// WriteFindings validates t as of asOf and writes every finding that keep
// accepts (all of them when keep is nil) to w in format, as a
// [FindingWriter] given the findings of [Validator.Validate] in order
// does, then ends the output; it returns the counts of the findings
// written. The tree is validated in chunks of organizations on as many
// goroutines as GOMAXPROCS allows (at most four), while the calling
// goroutine writes the findings of each chunk in turn: the output is the
// same as a sequential run's, only a few chunks' findings are held at a
// time, and on a machine with two cores or more the whole takes little
// more than the time of writing. keep is called on the calling goroutine,
// once per finding, in order. The error is Validate's, before anything is
// written, or the first error of writing, which stops the validation.
func (v *Validator) WriteFindings(w io.Writer, t *Tree, asOf dangjian.Date, format FindingFormat, keep func(*dangjian.Finding) bool) (Summary, error) {
	if err := v.check(t, asOf); err != nil {
		return Summary{AsOf: asOf}, err
	}
	// Without keep, the workers also encode their findings, so that the
	// calling goroutine only writes bytes: the encoding is most of the
	// writing's time, and it runs in parallel too.
	encode := keep == nil
	type job struct {
		lo, hi int            // organizations [lo, hi); lo < 0 for the other rules
		out    chan []Finding // the job's findings, sent once
		enc    []byte         // with encode, the findings encoded (appendFinding), all but the first
		n      int            // with encode, the findings encoded
		err    error          // with encode, the error of finding n
	}
	workers := min(max(runtime.GOMAXPROCS(0), 1), 4)
	jobs := make(chan *job)
	order := make(chan *job, 2*workers) // the jobs in order, for the writer
	stop := make(chan struct{})         // closed when the writing fails
	free := make(chan []Finding, 4*workers)
	freeEnc := make(chan []byte, 4*workers)
	go func() {
		defer close(order)
		defer close(jobs)
		n := t.orgs.n
		// The chunks of organizations, then one last job for the other
		// rules (sites, dispatches, bodies), whatever n is: the loop once
		// ran that job only when n was a multiple of validateChunk, and the
		// findings of those rules were lost on any other tree.
		for lo := 0; ; lo += validateChunk {
			last := lo >= n
			j := &job{lo: lo, hi: min(lo+validateChunk, n), out: make(chan []Finding, 1)}
			if last {
				j.lo = -1 // the last job: the other rules
			}
			select {
			case jobs <- j:
			case <-stop:
				return
			}
			select {
			case order <- j:
			case <-stop:
				return
			}
			if last {
				return
			}
		}
	}()
	for range workers {
		go func() {
			var fs []Finding
			fenc := newFindingEncoder()
			c := checker{v: v, t: t, asOf: asOf, dueOrg: -1, nameOrg: -1,
				each: func(f *Finding) error { fs = append(fs, *f); return nil }}
			for j := range jobs {
				select {
				case fs = <-free:
				default:
					fs = nil
				}
				if j.lo < 0 {
					c.others()
				} else {
					c.orgs(j.lo, j.hi)
				}
				if encode && len(fs) > 0 {
					var enc []byte
					select {
					case enc = <-freeEnc:
					default:
					}
					for j.n < len(fs) {
						if enc, j.err = appendFinding(enc, fenc, &fs[j.n], format, false); j.err != nil {
							break
						}
						j.n++
					}
					j.enc = enc
				}
				j.out <- fs
			}
		}()
	}
	fw := NewFindingWriter(w, format, asOf)
	var err error
	for j := range order {
		fs := <-j.out
		if encode {
			if err == nil {
				if err = fw.writeEncoded(j.enc, fs[:j.n], j.err); err != nil {
					close(stop)
				}
			}
			select {
			case freeEnc <- j.enc[:0]:
			default:
			}
		} else {
			for i := range fs {
				if err == nil && (keep == nil || keep(&fs[i])) {
					if err = fw.Write(&fs[i]); err != nil {
						close(stop)
					}
				}
			}
		}
		clear(fs) // let the strings go
		select {
		case free <- fs[:0]:
		default:
		}
	}
	if err == nil {
		err = fw.Close()
	}
	return fw.Summary(), err
}
