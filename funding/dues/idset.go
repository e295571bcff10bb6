package dues

import (
	"encoding/binary"
	"hash/maphash"
	"math"
)

// idSet is the set of member IDs a roster has given so far, each with the
// line of its first row and whether it was reported as repeated: the one
// thing [ScanRoster] keeps from row to row. It is built to be small and
// to hold no pointers the garbage collector must scan: each ID's length,
// line (5 bytes) and bytes go in 1 MiB chunks, and an open-addressed table of
// 64-bit slots (16 bits of the ID's hash, its length and its offset in the
// chunks), at most three quarters full, finds them. A member costs its
// ID's bytes, 5 bytes of length and line and 8 to 16 bytes of table (a million
// members with IDs of eight characters: about 30 MB). An ID longer than
// 255 bytes, or a line beyond 2^31, goes in a plain map.
type idSet struct {
	hash   func(string) uint64
	slots  []uint64 // 0: empty; else hash>>48 << 48 | offset << 8 | length
	n      int      // IDs in the slots
	chunks [][]byte // per ID: its length (a byte), its line (int32, negated once reported), its bytes
	long   map[string]int
}

const (
	idChunk   = 1 << 20
	idMaxOff  = 1<<40 - 1 // offsets fit in 40 bits: a terabyte of IDs
	idFPShift = 48
)

func newIDSet() *idSet {
	seed := maphash.MakeSeed()
	return &idSet{hash: func(s string) uint64 { return maphash.String(seed, s) }}
}

// add records that id is on line. If id was given before, it returns the
// line of its first row, true, and whether the repetition was reported
// before this call; it then counts as reported.
func (s *idSet) add(id string, line int) (first int, repeated, reported bool) {
	if len(id) > 255 {
		return s.addLong(id, line)
	}
	if (s.n+1)*4 > len(s.slots)*3 {
		s.grow()
	}
	h := s.hash(id)
	fp := h >> idFPShift
	mask := uint64(len(s.slots) - 1)
	i := h & mask
	for ; s.slots[i] != 0; i = (i + 1) & mask {
		slot := s.slots[i]
		if slot>>idFPShift != fp || int(slot&0xFF) != len(id) {
			continue
		}
		rec := s.record(slot)
		if string(rec[5:]) != id {
			continue
		}
		l := int32(binary.LittleEndian.Uint32(rec[1:]))
		if l < 0 {
			return int(-l), true, true
		}
		binary.LittleEndian.PutUint32(rec[1:], uint32(-l))
		return int(l), true, false
	}
	off, ok := s.room(5 + len(id))
	if _, isLong := s.long[id]; isLong || !ok || line > math.MaxInt32 || line < 1 {
		return s.addLong(id, line)
	}
	c := &s.chunks[len(s.chunks)-1]
	*c = append(*c, byte(len(id)))
	*c = binary.LittleEndian.AppendUint32(*c, uint32(line))
	*c = append(*c, id...)
	s.slots[i] = fp<<idFPShift | off<<8 | uint64(len(id))
	s.n++
	return 0, false, false
}

// room makes room for n bytes at the end of the chunks and returns their
// offset; false beyond the offsets a slot holds.
func (s *idSet) room(n int) (uint64, bool) {
	k := len(s.chunks)
	if k == 0 || cap(s.chunks[k-1])-len(s.chunks[k-1]) < n {
		if uint64(k+1)*idChunk > idMaxOff {
			return 0, false
		}
		s.chunks = append(s.chunks, make([]byte, 0, idChunk))
		k++
	}
	return uint64(k-1)*idChunk + uint64(len(s.chunks[k-1])), true
}

// record returns the length, line and bytes of the ID in slot, in place.
func (s *idSet) record(slot uint64) []byte {
	off := (slot >> 8) & idMaxOff
	c := s.chunks[off/idChunk]
	o := off % idChunk
	return c[o : o+5+slot&0xFF]
}

// addLong is add for the IDs of the plain map.
func (s *idSet) addLong(id string, line int) (first int, repeated, reported bool) {
	if s.long == nil {
		s.long = map[string]int{}
	}
	l, ok := s.long[id]
	switch {
	case !ok:
		s.long[string([]byte(id))] = line // a copy: id keeps its row alive
		return 0, false, false
	case l < 0:
		return -l, true, true
	}
	s.long[id] = -l
	return l, true, false
}

// grow doubles the table. It walks the chunks in order, hashing each ID
// again: reading them in the table's order would jump about memory.
func (s *idSet) grow() {
	size := max(2*len(s.slots), 1024)
	slots := make([]uint64, size)
	mask := uint64(size - 1)
	for k, c := range s.chunks {
		for o := 0; o < len(c); {
			n := int(c[o])
			h := s.hash(string(c[o+5 : o+5+n]))
			i := h & mask
			for slots[i] != 0 {
				i = (i + 1) & mask
			}
			slots[i] = h>>idFPShift<<idFPShift | (uint64(k)*idChunk+uint64(o))<<8 | uint64(n)
			o += 5 + n
		}
	}
	s.slots = slots
}
