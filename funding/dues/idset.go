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
// line (5 bytes) and bytes go in chunks of at most 1 MiB, and an
// open-addressed table of 64-bit slots (the top 24 bits of the ID's hash,
// its offset in the chunks and its length), at most three quarters full,
// finds them. The table is indexed by the top bits of the hash, so that
// growing it (up to 2^24 slots) moves each slot by its stored bits, in
// order, without hashing an ID again. A member costs its ID's bytes, 5
// bytes of length and line and 8 to 16 bytes of table (a million members
// with IDs of eight characters: about 30 MB). An ID longer than 255
// bytes, or a line beyond 2^31, goes in a plain map.
//
// The set holds at most budget bytes (chunks, table and map together,
// counting both tables while the table grows); budget < 0 is no limit.
// Once an ID does not fit, the set is full: it no longer grows, and add
// reports each new ID as not recorded, while IDs already in it are still
// found.
type idSet struct {
	hash   func(string) uint64
	slots  []uint64 // 0: empty; else hash>>40 << 40 | offset << 8 | length
	shift  uint     // 64 - log2(len(slots)): a hash's slot is hash >> shift
	n      int      // IDs in the slots
	chunks [][]byte // per ID: its length (a byte), its line (int32, negated once reported), its bytes
	long   map[string]int

	budget int64 // the most bytes the set may hold; < 0: no limit
	used   int64 // bytes held: the chunks' capacity, the table, the long IDs
	full   bool  // an ID did not fit in the budget
}

const (
	idChunk      = 1 << 20
	idFirstChunk = 4 << 10
	idMaxOff     = 1<<32 - 1 // offsets fit in 32 bits: 4 GiB of IDs
	idFPShift    = 40        // a slot's top 24 bits are the hash's
	idLongCost   = 64        // a long ID's bytes in the map, besides the ID
)

// idPlaceBySlot is the largest table whose slots are placed by their
// stored hash bits when it grows (2^24: the 24 bits a slot holds); a test
// lowers it to check the other way.
var idPlaceBySlot = 1 << (64 - idFPShift)

// newIDSet returns an empty set that may hold budget bytes (< 0: no
// limit).
func newIDSet(budget int64) *idSet {
	seed := maphash.MakeSeed()
	return &idSet{hash: func(s string) uint64 { return maphash.String(seed, s) }, budget: budget}
}

// fits reports whether n more bytes fit in the budget.
func (s *idSet) fits(n int64) bool { return s.budget < 0 || s.used+n <= s.budget }

// add records that id is on line. If id was given before, it returns the
// line of its first row, true, and whether the repetition was reported
// before this call; it then counts as reported. A new ID that does not fit
// in the budget is not recorded: add returns recorded false (and the set
// is full from then on).
func (s *idSet) add(id string, line int) (first int, repeated, reported, recorded bool) {
	if len(id) > 255 || line > math.MaxInt32 || line < 1 {
		return s.addLong(id, line)
	}
	if len(s.slots) == 0 || (s.n+1)*4 > len(s.slots)*3 {
		if !s.grow() {
			// The table cannot grow: an ID already in it is still found.
			if len(s.slots) > 0 {
				if first, reported, ok := s.find(id); ok {
					return first, true, reported, true
				}
			}
			if l, ok := s.long[id]; ok {
				return s.longSeen(id, l)
			}
			s.full = true
			return 0, false, false, false
		}
	}
	h := s.hash(id)
	fp := h >> idFPShift
	i := h >> s.shift
	mask := uint64(len(s.slots) - 1)
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
			return int(-l), true, true, true
		}
		binary.LittleEndian.PutUint32(rec[1:], uint32(-l))
		return int(l), true, false, true
	}
	if l, ok := s.long[id]; ok {
		return s.longSeen(id, l)
	}
	off, ok := s.room(5 + len(id))
	if !ok {
		s.full = true
		return 0, false, false, false
	}
	c := &s.chunks[len(s.chunks)-1]
	*c = append(*c, byte(len(id)))
	*c = binary.LittleEndian.AppendUint32(*c, uint32(line))
	*c = append(*c, id...)
	s.slots[i] = fp<<idFPShift | off<<8 | uint64(len(id))
	s.n++
	return 0, false, false, true
}

// find looks id up in the table without adding it; a repetition it
// finds counts as reported from then on, as in add.
func (s *idSet) find(id string) (first int, reported, ok bool) {
	h := s.hash(id)
	fp := h >> idFPShift
	mask := uint64(len(s.slots) - 1)
	for i := h >> s.shift; s.slots[i] != 0; i = (i + 1) & mask {
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
		return int(l), false, true
	}
	return 0, false, false
}

// room makes room for n bytes at the end of the chunks and returns their
// offset; false beyond the offsets a slot holds or the budget. The first
// chunk starts small and doubles up to a full chunk (a roster of a few
// rows takes a few kilobytes); the next ones are full chunks.
func (s *idSet) room(n int) (uint64, bool) {
	k := len(s.chunks)
	if k > 0 && cap(s.chunks[k-1])-len(s.chunks[k-1]) >= n {
		return uint64(k-1)*idChunk + uint64(len(s.chunks[k-1])), true
	}
	if k == 1 && cap(s.chunks[0]) < idChunk {
		// The first chunk doubles in place: its offsets stay as they are.
		old := s.chunks[0]
		size := min(2*cap(old), idChunk)
		if !s.fits(int64(size)) {
			return 0, false
		}
		c := make([]byte, len(old), size)
		copy(c, old)
		s.used += int64(size - cap(old))
		s.chunks[0] = c
		return s.room(n)
	}
	size := idChunk
	if k == 0 {
		size = idFirstChunk
	}
	if uint64(k+1)*idChunk > idMaxOff || !s.fits(int64(size)) {
		return 0, false
	}
	s.chunks = append(s.chunks, make([]byte, 0, size))
	s.used += int64(size)
	return uint64(k)*idChunk + uint64(len(s.chunks[k])), true
}

// record returns the length, line and bytes of the ID in slot, in place.
func (s *idSet) record(slot uint64) []byte {
	off := (slot >> 8) & idMaxOff
	c := s.chunks[off/idChunk]
	o := off % idChunk
	return c[o : o+5+slot&0xFF]
}

// addLong is add for the IDs of the plain map.
func (s *idSet) addLong(id string, line int) (first int, repeated, reported, recorded bool) {
	if l, ok := s.long[id]; ok {
		return s.longSeen(id, l)
	}
	if len(s.slots) > 0 && len(id) <= 255 {
		if first, reported, ok := s.find(id); ok {
			return first, true, reported, true
		}
	}
	cost := int64(len(id)) + idLongCost
	if !s.fits(cost) {
		s.full = true
		return 0, false, false, false
	}
	if s.long == nil {
		s.long = map[string]int{}
	}
	s.long[string([]byte(id))] = line // a copy: id keeps its row alive
	s.used += cost
	return 0, false, false, true
}

// longSeen is add for an ID of the map seen before on line l.
func (s *idSet) longSeen(id string, l int) (first int, repeated, reported, recorded bool) {
	if l < 0 {
		return -l, true, true, true
	}
	s.long[id] = -l
	return l, true, false, true
}

// grow doubles the table (1024 slots at first); false when the new table
// does not fit in the budget beside the old one. Up to 2^24 slots, each
// slot's new place is read from its stored hash bits, in table order; a
// larger table hashes the IDs again, walking the chunks in order.
func (s *idSet) grow() bool {
	size := max(2*len(s.slots), 1024)
	if !s.fits(8 * int64(size)) {
		return false
	}
	slots := make([]uint64, size)
	shift := uint(64 - bitsLen(size))
	mask := uint64(size - 1)
	if size <= idPlaceBySlot {
		for _, slot := range s.slots {
			if slot == 0 {
				continue
			}
			i := slot >> shift
			for slots[i] != 0 {
				i = (i + 1) & mask
			}
			slots[i] = slot
		}
	} else {
		for k, c := range s.chunks {
			for o := 0; o < len(c); {
				n := int(c[o])
				h := s.hash(string(c[o+5 : o+5+n]))
				i := h >> shift
				for slots[i] != 0 {
					i = (i + 1) & mask
				}
				slots[i] = h>>idFPShift<<idFPShift | (uint64(k)*idChunk+uint64(o))<<8 | uint64(n)
				o += 5 + n
			}
		}
	}
	s.used += 8 * int64(size-len(s.slots))
	s.slots, s.shift = slots, shift
	return true
}

// bitsLen is log2 of the power of two n.
func bitsLen(n int) int {
	b := 0
	for n > 1 {
		n >>= 1
		b++
	}
	return b
}
