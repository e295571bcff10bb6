package orgmodel

import (
	"hash/maphash"

	"github.com/google/uuid"
)

// idIndex finds an organization by its ID: an open-addressing hash table
// of positions in an orgStore, whose organizations hold the keys. A slot
// is 4 bytes (the position plus one; 0 is empty), a fifth of what a
// map[uuid.UUID]int32 takes per organization, and it is filled without
// hashing a key twice. The hash is seeded at random, so that no input can
// make the probes long on purpose.
type idIndex struct {
	slots []int32
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
	return idIndex{slots: make([]int32, size), mask: uint64(size - 1), store: store, seed: maphash.MakeSeed()}
}

func (x *idIndex) hash(id uuid.UUID) uint64 { return maphash.Bytes(x.seed, id[:]) }

// find returns the slot of id: the one that holds it, or the empty one
// where it goes.
func (x *idIndex) find(id uuid.UUID) uint64 {
	i := x.hash(id) & x.mask
	for {
		v := x.slots[i]
		if v == 0 || x.store.org(int(v-1)).ID == id {
			return i
		}
		i = (i + 1) & x.mask
	}
}

// get returns the position of the organization with this ID.
func (x *idIndex) get(id uuid.UUID) (int32, bool) {
	if x.slots == nil {
		return 0, false
	}
	v := x.slots[x.find(id)]
	return v - 1, v != 0
}

// has reports whether the index holds id.
func (x *idIndex) has(id uuid.UUID) bool { _, ok := x.get(id); return ok }

// insert adds the organization at position p under its ID, unless the
// index holds that ID already: then it returns false and keeps the first.
func (x *idIndex) insert(p int32) bool {
	i := x.find(x.store.org(int(p)).ID)
	if x.slots[i] != 0 {
		return false
	}
	x.slots[i] = p + 1
	x.n++
	return true
}

// len returns the number of IDs the index holds.
func (x *idIndex) len() int { return x.n }
