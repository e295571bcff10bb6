package orgmodel

import (
	"hash/maphash"

	"github.com/google/uuid"
)

// idIndex finds an organization by its ID: an open-addressing hash table
// of positions in an orgStore, whose organizations hold the keys. A slot
// is 8 bytes: 32 bits of the key's hash, which spare looking at the
// organization of a slot whose hash differs, and the position plus one (0
// is an empty slot); at most half full, it takes less than half of what a
// map[uuid.UUID]int32 does. The hash is seeded at random, so that no
// input can make the probes long on purpose.
type idIndex struct {
	slots []uint64
	mask  uint64
	n     int
	store *orgStore
	seed  maphash.Seed
}

// newIDIndex returns an empty index for up to n organizations of store.
func newIDIndex(store *orgStore, n int) idIndex {
	size := 16
	for size < 2*n { // at most half full
		size *= 2
	}
	return idIndex{slots: make([]uint64, size), mask: uint64(size - 1), store: store, seed: maphash.MakeSeed()}
}

func (x *idIndex) hash(id uuid.UUID) uint64 { return maphash.Bytes(x.seed, id[:]) }

// find returns the slot of id: the one that holds it, or the empty one
// where it goes, and the tag a slot of id holds above its position.
func (x *idIndex) find(id uuid.UUID) (uint64, uint64) {
	h := x.hash(id)
	tag := h &^ (1<<32 - 1)
	i := h & x.mask
	for {
		v := x.slots[i]
		if v == 0 || v&^(1<<32-1) == tag && x.store.org(int(uint32(v)-1)).ID == id {
			return i, tag
		}
		i = (i + 1) & x.mask
	}
}

// get returns the position of the organization with this ID.
func (x *idIndex) get(id uuid.UUID) (int32, bool) {
	if x.slots == nil {
		return 0, false
	}
	i, _ := x.find(id)
	v := x.slots[i]
	return int32(uint32(v)) - 1, v != 0
}

// has reports whether the index holds id.
func (x *idIndex) has(id uuid.UUID) bool { _, ok := x.get(id); return ok }

// insert adds the organization at position p under its ID, unless the
// index holds that ID already: then it returns false and keeps the first.
func (x *idIndex) insert(p int32) bool {
	i, tag := x.find(x.store.org(int(p)).ID)
	if x.slots[i] != 0 {
		return false
	}
	x.slots[i] = tag | uint64(p+1)
	x.n++
	return true
}

// len returns the number of IDs the index holds.
func (x *idIndex) len() int { return x.n }
