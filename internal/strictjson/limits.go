package strictjson

import (
	"errors"
	"io"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/limitmsg"
)

// errOverBytes is the error of the input once it goes over MaxBytes.
var errOverBytes = errors.New("strictjson: input over MaxBytes")

// NewStreamWith returns a stream over r bounded by lim ([Stream.Limits]).
func NewStreamWith(r io.Reader, lim dangjian.Limits) *Stream {
	s := NewStream(r)
	s.Limits = lim
	return s
}

// Record reads an element of the array the stream streams, as
// [Stream.Value] reads a value, and counts it against s.Limits: the
// element after the MaxRecords-th, and an element longer than
// MaxRecordBytes bytes, are each a problem of kind [dangjian.ErrLimit] at
// the element's first token, with the element's path, that ends the input.
// While it reads an element, the window is bounded by MaxRecordBytes (and
// a look ahead and a chunk) instead of MaxWindow, so an element over the
// limit is refused once about the limit of it is read, whatever it holds.
// The element's first token is read by [Stream.Next] before Record, within
// MaxWindow (or within a MaxRecordBytes the caller set larger): a scalar
// element, one string of up to MaxWindow bytes, is refused once read.
//
// A decoder calls Record for each element of the array it streams (the
// records), and Value for anything else.
func (s *Stream) Record(t Token) (*Source, *dangjian.Problem) {
	s.start()
	if s.sc.err != nil {
		return nil, s.sc.err
	}
	path := s.sc.Path()
	s.recPath = path
	s.records++
	if max := s.Limits.Records(); max >= 0 && s.records > max {
		return nil, s.stop(t.Off, path, limitmsg.Records(max, "elements"))
	}
	s.recording = true
	src, p := s.Value(t)
	s.recording = false
	if p != nil {
		return nil, p
	}
	if max := s.Limits.RecordBytes(); max >= 0 && len(src.Bytes()) > max {
		return nil, s.stop(t.Off, path, limitmsg.RecordBytes(int64(max), "an element"))
	}
	return src, nil
}

// Records returns the number of elements [Stream.Record] was given: those
// it read, and one it refused.
func (s *Stream) Records() int64 { return s.records }

// stop ends the input with a problem of kind [dangjian.ErrLimit] at offset
// off of the input (in the window, at or after the mark).
func (s *Stream) stop(off int, path, detail string) *dangjian.Problem {
	line, col := s.Position(off)
	s.sc.err = &dangjian.Problem{Kind: dangjian.ErrLimit, Path: path, Line: line, Column: col, Detail: detail}
	return s.sc.err
}

// windowLimit returns the most the window may hold (-1 for no limit):
// while Record reads an element, what the window holds before the
// element, the element's limit, a look ahead and a chunk; otherwise
// MaxWindow, or the bound of an element if the caller set one larger.
func (s *Stream) windowLimit() int {
	if s.recording && s.pin >= 0 {
		max := s.Limits.RecordBytes()
		if max < 0 {
			return -1
		}
		return s.pin - s.base + max + lookahead + streamChunk
	}
	w := s.MaxWindow
	if w <= 0 {
		w = DefaultMaxWindow
	}
	// An element's first token is read before Record: the window holds
	// one within a MaxRecordBytes the caller set, if that is larger.
	switch rec := s.Limits.RecordBytes(); {
	case s.Limits.MaxRecordBytes == 0:
	case rec < 0:
		return -1
	case rec+lookahead+streamChunk > w:
		return rec + lookahead + streamChunk
	}
	return w
}

// recordOver ends the input, and reports true, if the element Record is
// reading is over its limit already: everything in the window from the
// element's start is the element, but for a look ahead.
func (s *Stream) recordOver() bool {
	if !s.recording || s.pin < 0 {
		return false
	}
	max := s.Limits.RecordBytes()
	if max < 0 || s.base+len(s.buf)-s.pin <= max+lookahead {
		return false
	}
	s.resetSource()
	s.stop(s.pin, s.recPath, limitmsg.RecordBytes(int64(max), "an element"))
	return true
}

// read reads from the input into p, within MaxBytes: at the limit, it
// reads one byte more to tell the end of the input (io.EOF) from an input
// over the limit (errOverBytes, the byte dropped).
func (s *Stream) read(p []byte) (int, error) {
	max := s.Limits.Bytes()
	if max < 0 {
		n, err := s.r.Read(p)
		s.n += int64(n)
		return n, err
	}
	left := max - s.n
	if left <= 0 {
		var one [1]byte
		n, err := io.ReadFull(s.r, one[:])
		if n > 0 {
			return 0, errOverBytes
		}
		if err == io.ErrUnexpectedEOF {
			err = io.EOF
		}
		return 0, err
	}
	if int64(len(p)) > left {
		p = p[:left]
	}
	n, err := s.r.Read(p)
	s.n += int64(n)
	return n, err
}

// overBytes ends the input, at the end of the window, for an input over
// MaxBytes.
func (s *Stream) overBytes() {
	s.resetSource()
	s.sc.fail(dangjian.ErrLimit, len(s.buf), s.sc.Path(), limitmsg.Bytes(s.Limits.Bytes()))
}
