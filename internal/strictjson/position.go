package strictjson

import (
	"sort"
	"unicode/utf8"
)

// Source is the input of one decoding: its bytes and, made on first use,
// the offsets where its lines start.
type Source struct {
	data   []byte
	starts []int // offsets where lines start; starts[0] is 0
	// line0, col0 are the position of data[0] in a larger input
	// (NewSourceAt); 0 for a whole input.
	line0, col0 int
}

// NewSource returns the source of data; data is not copied.
func NewSource(data []byte) *Source { return &Source{data: data} }

// Bytes returns the input.
func (s *Source) Bytes() []byte { return s.data }

// Position returns the 1-based line and character column of byte offset
// off (clamped to the input; len(data) is the end of the input).
func (s *Source) Position(off int) (line, col int) {
	if s.starts == nil {
		s.starts = []int{0}
		for i, c := range s.data {
			if c == '\n' {
				s.starts = append(s.starts, i+1)
			}
		}
	}
	off = min(max(off, 0), len(s.data))
	l := sort.Search(len(s.starts), func(i int) bool { return s.starts[i] > off }) - 1
	line, col = l+1, utf8.RuneCount(s.data[s.starts[l]:off])+1
	if s.line0 > 0 {
		if line == 1 {
			col += s.col0 - 1
		}
		line += s.line0 - 1
	}
	return line, col
}

// NewSourceAt returns the source of data, a part of a larger input that
// starts at the 1-based line and column given: its positions are those of
// the larger input, while its offsets start at 0 at data[0]. data is not
// copied. A [Stream] gives such sources for the values it captures.
func NewSourceAt(data []byte, line, col int) *Source {
	return &Source{data: data, line0: max(line, 1), col0: max(col, 1)}
}

// Line returns the 1-based line of byte offset off.
func (s *Source) Line(off int) int {
	l, _ := s.Position(off)
	return l
}
