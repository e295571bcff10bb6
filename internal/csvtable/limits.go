package csvtable

import (
	"errors"
	"io"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/limitmsg"
)

// bufSize is the size of the buffer between the input and the csv.Reader.
const bufSize = 64 << 10

// Errors of the source, turned into limit problems by the Reader.
var (
	errTooManyBytes  = errors.New("csvtable: input over MaxBytes")
	errRecordTooLong = errors.New("csvtable: record over MaxRecordBytes")
)

// source counts the bytes the csv.Reader's buffer takes from the input. It
// refuses the byte after the MaxBytes-th, and refuses to read on once the
// record being read is longer than MaxRecordBytes: under a buffer that
// fills only when it holds no end of line, every byte taken since the
// record started belongs to that record (or to the blank lines before
// it), so the csv.Reader never holds more than the limit and one buffer
// of a single record, whatever one cell holds.
type source struct {
	r        io.Reader
	n        int64 // bytes taken from r
	maxBytes int64 // -1: no limit
	maxRec   int64 // -1: no limit
	start    int64 // where the record being read starts, as the csv.Reader counts (after any byte order mark)
	bom      int64 // bytes of a byte order mark skipped
	err      error // the limit met, once met
}

func (s *source) Read(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	if s.maxRec >= 0 && s.n-s.bom-s.start > s.maxRec {
		s.err = errRecordTooLong
		return 0, s.err
	}
	if s.maxBytes >= 0 {
		left := s.maxBytes - s.n
		if left <= 0 {
			// At the limit: the input may end here; a byte more is over it.
			var one [1]byte
			n, err := io.ReadFull(s.r, one[:])
			if n > 0 {
				s.err = errTooManyBytes
				return 0, s.err
			}
			if err == io.ErrUnexpectedEOF {
				err = io.EOF
			}
			return 0, err
		}
		if int64(len(p)) > left {
			p = p[:left]
		}
	}
	n, err := s.r.Read(p)
	s.n += int64(n)
	return n, err
}

// OpenWith is [Open] bounded by lim: the Reader refuses an input longer
// than lim.Bytes(), a table of more rows than lim.Records() (the header is
// not a row; blank rows are), and a record (the header or a row, all its
// lines, with any blank lines before it) longer than lim.RecordBytes()
// bytes. A limit met ends the reading: [Reader.Next] returns false and
// [Reader.Err] returns a [dangjian.Problems] of one problem of kind
// [dangjian.ErrLimit], at the line where the refused record starts, whose
// detail names the limit, its value and how to raise it. Only
// lim.Problems() is not the Reader's: the caller caps its own problems
// ([dangjian.ProblemCap]).
func OpenWith(r io.Reader, s *Spec, lim dangjian.Limits) (*Reader, error) {
	src := &source{r: r, maxBytes: lim.Bytes(), maxRec: int64(lim.RecordBytes())}
	return open(src, s, lim.Records())
}

// limitProblem returns the problem for a limit met while reading a record
// that starts on line: nil if err is none of the source's.
func (src *source) limitProblem(err error, line int) dangjian.Problems {
	var detail string
	switch err {
	case errTooManyBytes:
		detail = limitmsg.Bytes(src.maxBytes)
	case errRecordTooLong:
		detail = limitmsg.RecordBytes(src.maxRec, "a record")
	default:
		return nil
	}
	return dangjian.Problems{{Kind: dangjian.ErrLimit, Line: line, Detail: detail}}
}

// tooManyRows returns the problem for the row on line, one more than max.
func tooManyRows(max int64, line int) dangjian.Problems {
	return dangjian.Problems{{Kind: dangjian.ErrLimit, Line: line, Detail: limitmsg.Records(max, "rows")}}
}

// startLine returns the line the record the csv.Reader failed on starts,
// as far as it read it: the line of its first field, else the line after
// the last row's first line (prev).
func (t *Reader) startLine(rec []string, prev int) int {
	if len(rec) > 0 {
		line, _ := t.cr.FieldPos(0)
		return line
	}
	return prev + 1
}

// readErr turns an error of the csv.Reader, met reading a record whose
// partial fields are rec, into the Reader's error.
func (t *Reader) readErr(err error, rec []string, prev int) error {
	if ps := t.src.limitProblem(err, t.startLine(rec, prev)); ps != nil {
		return ps
	}
	return SyntaxProblem(err)
}

// endRecord moves the start of the next record to the end of the one
// just read, and reports whether that one is longer than the limit (the
// source refuses only what goes over the limit by a buffer). It is
// inlined: a few instructions a row.
func (t *Reader) endRecord() (over bool) {
	src := t.src
	end := t.cr.InputOffset()
	over = src.maxRec >= 0 && end-src.start > src.maxRec
	src.start = end
	return over
}

// limitMet returns the problem for the row just read: longer than the
// record limit if over, else one row over the row limit.
func (t *Reader) limitMet(over bool) dangjian.Problems {
	if over {
		return t.src.recordTooLong(t.line)
	}
	return tooManyRows(t.maxRows, t.line)
}

// recordTooLong returns the problem for a record on line over the limit.
func (src *source) recordTooLong(line int) dangjian.Problems {
	return src.limitProblem(errRecordTooLong, line)
}
