package strictjson

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/dangjian-go/dangjian"
)

// DefaultMaxWindow is the most input a [Stream] holds at once unless told
// otherwise: the bound on one token, or on one value it captures with
// [Stream.Value].
const DefaultMaxWindow = 16 << 20

// streamChunk is how much a Stream reads at a time.
const streamChunk = 64 << 10

// lookahead is the input a Stream wants after the position of a syntax
// error before it takes the error as the input's and not as the window's
// end: a token's longest look ahead (an escape \uXXXX, a rune) and the
// value a problem quotes (a string not UTF-8 is quoted up to
// 4×MaxValueLen bytes).
const lookahead = 4*dangjian.MaxValueLen + 16

// Stream reads one JSON value from an [io.Reader] as a [Scanner] reads it
// from bytes: the same tokens (with offsets from the start of the input)
// and the same problems, at the same paths, lines and columns. It holds
// only a window of the input that slides on as it reads: the token being
// read, or the value being captured with [Stream.Value], and a chunk of
// what follows. A token's Raw, and the bytes of a captured value, are
// valid until the next call.
//
// A token or captured value longer than MaxWindow bytes is a problem of
// kind [dangjian.ErrLimit]; an error of the reader is a problem too (the
// reader's own *[dangjian.Problem] as it is, as textenc's reader gives;
// otherwise one of kind [dangjian.ErrInvalid] whose Err is the error),
// returned when it is met: the stream reads ahead a chunk at a time, so
// tokens before the error in that chunk are not returned.
type Stream struct {
	// Root is the path of the document's value ("" unless set).
	Root string
	// MaxDepth bounds the nesting; 0 means [MaxDepth].
	MaxDepth int
	// SkipBOM makes a leading byte order mark white space.
	SkipBOM bool
	// MaxWindow bounds the window; 0 means [DefaultMaxWindow]. If
	// Limits.MaxRecordBytes is set and larger, the window holds an element
	// of that size (and has no bound if it is negative).
	MaxWindow int
	// Limits bounds the input (MaxBytes: a problem of kind
	// [dangjian.ErrLimit] where the input goes over it), and the elements
	// read with [Stream.Record] (MaxRecords, MaxRecordBytes). The zero
	// value means the defaults ([NewStreamWith]).
	Limits dangjian.Limits

	r       io.Reader
	sc      Scanner // over buf
	buf     []byte  // the window: buf[0] is at offset base of the input
	base    int
	eof     bool
	started bool
	pin     int // an offset that must stay in the window, or -1
	// buf[0] is at line baseLine, column baseCol.
	baseLine, baseCol int
	// mark is a known position: offset markOff is at line markLine,
	// column markCol; it never moves back, and stays in the window.
	markOff, markLine, markCol int
	snap                       []frame

	n         int64  // bytes read from r
	records   int64  // elements read with Record
	recording bool   // Record is reading an element, pinned
	recPath   string // its path
}

// NewStream returns a stream over r.
func NewStream(r io.Reader) *Stream {
	return &Stream{r: r, pin: -1, baseLine: 1, baseCol: 1, markLine: 1, markCol: 1}
}

// Depth returns the number of open arrays and objects.
func (s *Stream) Depth() int { return len(s.sc.frames) }

// Path returns the path of the value being read, as [Scanner.Path] does.
func (s *Stream) Path() string { return s.sc.Path() }

// Offset returns the offset, from the start of the input, just after the
// last token read.
func (s *Stream) Offset() int { return s.base + s.sc.pos }

func (s *Stream) start() {
	s.sc.Root, s.sc.MaxDepth, s.sc.SkipBOM = s.Root, s.MaxDepth, s.SkipBOM
	if s.started {
		return
	}
	s.started = true
	s.resetSource()
}

// Position returns the line and column of offset off of the input, for
// the offset of the last token Next returned or a later one in the window
// (as the offsets asked grow; 0, 0 for one before an offset asked already,
// or after the window).
func (s *Stream) Position(off int) (line, col int) {
	if off < s.markOff || off > s.base+len(s.buf) {
		return 0, 0
	}
	return s.posOf(off)
}

// Problem returns a problem at offset off, placed as [Stream.Position]
// places it, as [Source.Problem] makes one.
func (s *Stream) Problem(k *dangjian.Kind, off int, path, value, detail string) *dangjian.Problem {
	line, col := s.Position(off)
	return &dangjian.Problem{Kind: k, Path: path, Line: line, Column: col, Value: dangjian.Cut(value), Detail: detail}
}

// resetSource points the scanner at the window, after the window changed.
func (s *Stream) resetSource() {
	s.sc.src = NewSourceAt(s.buf, s.baseLine, s.baseCol)
	s.sc.data = s.buf
}

// Next returns the next token, End after the document's value, or the
// problem that ends the input, as [Scanner.Next] does. The token's Off is
// from the start of the input.
func (s *Stream) Next() (Token, *dangjian.Problem) {
	s.start()
	for {
		if s.sc.err != nil {
			return Token{}, s.sc.err
		}
		pos, state := s.sc.pos, s.sc.state
		s.snap = append(s.snap[:0], s.sc.frames...)
		t, p := s.sc.Next()
		switch {
		case s.eof,
			p == nil && s.sc.pos < len(s.buf),
			p != nil && len(s.buf)-s.sc.pos >= lookahead:
			if p != nil {
				return Token{}, p
			}
			t.Off += s.base
			return t, nil
		}
		// The token may go on past the window: read more and scan again.
		s.sc.pos, s.sc.state, s.sc.err = pos, state, nil
		s.sc.frames = append(s.sc.frames[:0], s.snap...)
		s.fill()
	}
}

// More reports whether the open array or object has another element or
// field, as [Scanner.More] does.
func (s *Stream) More() bool {
	s.start()
	for {
		if s.sc.err != nil {
			return false
		}
		i := SkipSpace(s.buf, s.sc.pos)
		if i < len(s.buf) || s.eof {
			return i < len(s.buf) && s.buf[i] != ']' && s.buf[i] != '}'
		}
		s.fill()
	}
}

// Value reads the rest of the value whose first token t Next has just
// returned (nothing more for a scalar, up to the matching end for an array
// or object) and returns the value's bytes as a [Source] placed at t's line
// and column: a [Scanner] over it reads the value again with the positions
// of the whole input, its offsets starting at 0 at t. Only one value is
// held at a time.
func (s *Stream) Value(t Token) (*Source, *dangjian.Problem) {
	line, col := s.posOf(t.Off)
	s.pin = t.Off
	defer func() { s.pin = -1 }()
	if t.Kind == BeginObject || t.Kind == BeginArray {
		limit := s.MaxDepth
		if limit <= 0 {
			limit = MaxDepth
		}
		// The fast path: the whole value is in the window and the scanner
		// would accept it; anything else is read token by token.
		if end, ok := skipRest(s.buf, s.sc.pos, t.Kind == BeginObject, len(s.sc.frames), limit); ok {
			s.sc.pos = end
			s.sc.frames = s.sc.frames[:len(s.sc.frames)-1]
			s.sc.after()
			return NewSourceAt(s.buf[t.Off-s.base:s.sc.pos], line, col), nil
		}
		for depth := len(s.sc.frames) - 1; len(s.sc.frames) > depth; {
			if _, p := s.Next(); p != nil {
				return nil, p
			}
		}
	}
	return NewSourceAt(s.buf[t.Off-s.base:s.sc.pos], line, col), nil
}

// posOf returns the line and column of offset off, at or after the mark,
// and moves the mark there.
func (s *Stream) posOf(off int) (line, col int) {
	s.markLine, s.markCol = advance(s.markLine, s.markCol, s.buf[s.markOff-s.base:off-s.base])
	s.markOff = off
	return s.markLine, s.markCol
}

// advance returns the position after seg of a text at line, col.
func advance(line, col int, seg []byte) (int, int) {
	if nl := bytes.Count(seg, []byte{'\n'}); nl > 0 {
		return line + nl, 1 + utf8.RuneCount(seg[bytes.LastIndexByte(seg, '\n')+1:])
	}
	return line, col + utf8.RuneCount(seg)
}

// fill drops what the scanner no longer needs from the window and reads
// until the window is full (so that a token is scanned again once per
// chunk, not once per Read); at the end of the input it sets eof, and on a read error or a
// window over its limit it ends the scanning with a problem.
func (s *Stream) fill() {
	keep := s.sc.pos
	if s.pin >= 0 {
		keep = min(keep, s.pin-s.base)
	}
	keep = min(keep, s.markOff-s.base) // the mark stays in the window
	if s.recordOver() {
		return
	}
	if keep > 0 && keep >= len(s.buf)/2 {
		s.baseLine, s.baseCol = advance(s.baseLine, s.baseCol, s.buf[:keep])
		n := copy(s.buf, s.buf[keep:])
		s.buf = s.buf[:n]
		s.base += keep
		s.sc.pos -= keep
		for i := range s.sc.frames { // their keys pointed into the window
			s.sc.frames[i].key = bytes.Clone(s.sc.frames[i].key)
		}
	}
	limit := s.windowLimit()
	if cap(s.buf)-len(s.buf) < streamChunk/2 {
		if limit >= 0 && len(s.buf) >= limit {
			s.resetSource()
			s.sc.fail(dangjian.ErrLimit, s.sc.pos, s.sc.Path(), "a token or value longer than "+strconv.Itoa(limit)+" bytes")
			return
		}
		grow := max(2*cap(s.buf), streamChunk)
		if limit >= 0 {
			grow = min(grow, max(limit, len(s.buf)+streamChunk/2))
		}
		nb := make([]byte, len(s.buf), grow)
		copy(nb, s.buf)
		for i := range s.sc.frames {
			s.sc.frames[i].key = bytes.Clone(s.sc.frames[i].key)
		}
		s.buf = nb
	}
	for {
		n, err := s.read(s.buf[len(s.buf):cap(s.buf)])
		s.buf = s.buf[:len(s.buf)+n]
		if err == io.EOF {
			s.eof = true
		} else if err == errOverBytes {
			s.overBytes()
			return
		} else if err != nil {
			s.resetSource()
			var p *dangjian.Problem
			if !errors.As(err, &p) {
				p = &dangjian.Problem{Kind: dangjian.ErrInvalid, Detail: "cannot be read: " + err.Error(), Err: err}
			}
			s.sc.err = p
			return
		}
		if len(s.buf) == cap(s.buf) || s.eof {
			break
		}
	}
	s.resetSource()
}
