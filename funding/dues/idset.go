package dues

import (
	"encoding/binary"
	"hash/maphash"
	"math"
	"math/bits"
)

// idSet is the set of member IDs a roster has given so far, each with the
// line of its first row and whether it was reported as repeated: the one
// thing [ScanRoster] keeps from row to row. It is built to be small, to
// hold no pointers the garbage collector must scan, and to touch little
// memory at random: each ID's length, line, the top 32 bits of its hash
// (9 bytes) and its bytes go in chunks of at most 1 MiB, in the order
// read; an open-addressed table, at most three quarters full, finds them.
// The table is two arrays: a control byte per slot (0: empty; else 7
// bits of the ID's hash), which a lookup reads, and the slot's offset in
// the chunks (4 bytes), which it reads only where the control byte
// matches — so a new ID costs a look at the control bytes (a megabyte for
// a million IDs), not at the chunks. The table is indexed by the top bits
// of the hash, and grows by walking the chunks in order with the hash bits
// stored there, never hashing an ID again. A member costs its ID's bytes,
// 9 bytes in the chunks and 5 to 10 bytes of table (a million members with
// IDs of eight characters: about 27 MB). An ID longer than 255 bytes, or
// a line beyond 2^31, goes in a plain map.
//
// The set holds at most budget bytes (chunks, table and map together,
// counting both tables while the table grows); budget < 0 is no limit.
// Once an ID does not fit, the set is full: it no longer grows, and add
// reports each new ID as not recorded, while IDs already in it are still
// found.
type idSet struct {
	hash   func(string) uint64
	ctrl   []uint8  // per slot: 0 empty, else 0x80 | 7 bits of the hash
	slots  []uint32 // per slot: the offset of its ID's record in the chunks
	shift  uint     // 32 - log2(len(slots)): a hash's slot is hash>>32 >> shift
	n      int      // IDs in the slots
	chunks [][]byte // per ID: its length (a byte), its line (int32, negated once reported), hash>>32 (uint32), aux, its bytes
	long   map[string]longID

	// With auxLen 8, each ID keeps two more numbers (a JSON roster's
	// member index and column): add stores aux with a new ID, and sets aux
	// to the first's on a repeat.
	auxLen int
	aux    [2]uint32

	budget int64 // the most bytes the set may hold; < 0: no limit
	used   int64 // bytes held: the chunks' capacity, the table, the long IDs
	full   bool  // an ID did not fit in the budget
}

const (
	idChunk      = 1 << 20
	idFirstChunk = 4 << 10
	idMaxOff     = 1<<32 - 1 // offsets fit in 32 bits: 4 GiB of IDs
	idHeader     = 9         // a record's length, line and hash bits
	idLongCost   = 64        // a long ID's bytes in the map, besides the ID
	idSlotBytes  = 5         // a control byte and an offset
)

// longID is what the map keeps of a long ID.
type longID struct {
	line int // negated once reported
	aux  [2]uint32
}

// newIDSet returns an empty set that may hold budget bytes (< 0: no
// limit).
func newIDSet(budget int64) *idSet {
	seed := maphash.MakeSeed()
	return &idSet{hash: func(s string) uint64 { return maphash.String(seed, s) }, budget: budget}
}

// newIDSetAux is newIDSet for IDs that keep two more numbers ([idSet.aux]).
func newIDSetAux(budget int64) *idSet {
	s := newIDSet(budget)
	s.auxLen = 8
	return s
}

// header is the length of a record before its ID's bytes.
func (s *idSet) header() int { return idHeader + s.auxLen }

// fits reports whether n more bytes fit in the budget.
func (s *idSet) fits(n int64) bool { return s.budget < 0 || s.used+n <= s.budget }

// ctrlOf is the control byte of the top 32 bits of a hash: bits 0–6 of
// them, which the index (their top bits) does not use below 2^25 slots.
func ctrlOf(hi uint32) uint8 { return 0x80 | uint8(hi&0x7F) }

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
			if _, ok := s.long[id]; ok {
				return s.longSeen(id)
			}
			s.full = true
			return 0, false, false, false
		}
	}
	hi := uint32(s.hash(id) >> 32)
	c := ctrlOf(hi)
	mask := uint32(len(s.slots) - 1)
	i := hi >> s.shift
	for ; s.ctrl[i] != 0; i = (i + 1) & mask {
		if s.ctrl[i] != c {
			continue
		}
		if first, reported, ok := s.match(s.slots[i], hi, id); ok {
			return first, true, reported, true
		}
	}
	if _, ok := s.long[id]; ok {
		return s.longSeen(id)
	}
	off, ok := s.room(s.header() + len(id))
	if !ok {
		s.full = true
		return 0, false, false, false
	}
	k := &s.chunks[len(s.chunks)-1]
	*k = append(*k, byte(len(id)))
	*k = binary.LittleEndian.AppendUint32(*k, uint32(line))
	*k = binary.LittleEndian.AppendUint32(*k, hi)
	if s.auxLen > 0 {
		*k = binary.LittleEndian.AppendUint32(*k, s.aux[0])
		*k = binary.LittleEndian.AppendUint32(*k, s.aux[1])
	}
	*k = append(*k, id...)
	s.ctrl[i], s.slots[i] = c, uint32(off)
	s.n++
	return 0, false, false, true
}

// match reports whether the record at off is id, whose hash's top bits
// are hi; if it is, it returns its first line and whether it was reported,
// and marks it reported.
func (s *idSet) match(off uint32, hi uint32, id string) (first int, reported, ok bool) {
	rec := s.record(off)
	h := s.header()
	if int(rec[0]) != len(id) || binary.LittleEndian.Uint32(rec[5:]) != hi || string(rec[h:h+len(id)]) != id {
		return 0, false, false
	}
	if s.auxLen > 0 {
		s.aux = [2]uint32{binary.LittleEndian.Uint32(rec[idHeader:]), binary.LittleEndian.Uint32(rec[idHeader+4:])}
	}
	l := int32(binary.LittleEndian.Uint32(rec[1:]))
	if l < 0 {
		return int(-l), true, true
	}
	binary.LittleEndian.PutUint32(rec[1:], uint32(-l))
	return int(l), false, true
}

// find looks id up in the table without adding it; a repetition it
// finds counts as reported from then on, as in add.
func (s *idSet) find(id string) (first int, reported, ok bool) {
	hi := uint32(s.hash(id) >> 32)
	c := ctrlOf(hi)
	mask := uint32(len(s.slots) - 1)
	for i := hi >> s.shift; s.ctrl[i] != 0; i = (i + 1) & mask {
		if s.ctrl[i] != c {
			continue
		}
		if first, reported, ok := s.match(s.slots[i], hi, id); ok {
			return first, reported, true
		}
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

// record returns the record at offset off, from its length byte to the
// end of its chunk.
func (s *idSet) record(off uint32) []byte {
	return s.chunks[off/idChunk][off%idChunk:]
}

// addLong is add for the IDs of the plain map.
func (s *idSet) addLong(id string, line int) (first int, repeated, reported, recorded bool) {
	if _, ok := s.long[id]; ok {
		return s.longSeen(id)
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
		s.long = map[string]longID{}
	}
	s.long[string([]byte(id))] = longID{line, s.aux} // a copy: id keeps its row alive
	s.used += cost
	return 0, false, false, true
}

// longSeen is add for an ID of the map, seen before.
func (s *idSet) longSeen(id string) (first int, repeated, reported, recorded bool) {
	l := s.long[id]
	if s.auxLen > 0 {
		s.aux = l.aux
	}
	if l.line < 0 {
		return -l.line, true, true, true
	}
	s.long[id] = longID{-l.line, l.aux}
	return l.line, true, false, true
}

// grow doubles the table (1024 slots at first); false when the new table
// does not fit in the budget beside the old one. It walks the chunks in
// order and places each ID by the hash bits stored with it.
func (s *idSet) grow() bool {
	size := max(2*len(s.slots), 1024)
	if size > 1<<32 || !s.fits(idSlotBytes*int64(size)) {
		return false
	}
	ctrl, slots := make([]uint8, size), make([]uint32, size)
	shift := uint(32 - bits.Len(uint(size-1)))
	mask := uint32(size - 1)
	for k, c := range s.chunks {
		for o := 0; o < len(c); {
			hi := binary.LittleEndian.Uint32(c[o+5:])
			i := hi >> shift
			for ctrl[i] != 0 {
				i = (i + 1) & mask
			}
			ctrl[i], slots[i] = ctrlOf(hi), uint32(k*idChunk+o)
			o += s.header() + int(c[o])
		}
	}
	s.used += idSlotBytes * int64(size-len(s.slots))
	s.ctrl, s.slots, s.shift = ctrl, slots, shift
	return true
}
