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
	return l + 1, utf8.RuneCount(s.data[s.starts[l]:off]) + 1
}

// Line returns the 1-based line of byte offset off.
func (s *Source) Line(off int) int {
	l, _ := s.Position(off)
	return l
}
