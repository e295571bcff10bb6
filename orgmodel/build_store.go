package orgmodel

// orgStore holds the organizations a builder reads, by input index: the
// caller's slice (Build, which copies what it keeps), or the blocks a
// reader filled ([ReadTreeCSV], which hands them over), so that records
// read from a file are never joined into one slice before the tree copies
// them into pre-order.
type orgStore struct {
	blocks [][]Org
	shift  uint // index i is blocks[i>>shift][i&mask]
	mask   int
	n      int
	owned  bool // the blocks are the builder's: assemble may release them
}

// sliceStore returns a store over orgs, which stays the caller's.
func sliceStore(orgs []Org) orgStore {
	return orgStore{blocks: [][]Org{orgs}, shift: 31, mask: 1<<31 - 1, n: len(orgs)}
}

// org returns organization i.
func (s *orgStore) org(i int) *Org { return &s.blocks[i>>s.shift][i&s.mask] }

// blockShift sets the size of the blocks an orgBlocks fills: 1<<blockShift
// organizations, about 15 MB.
const blockShift = 16

// orgBlocks collects organizations in blocks of a fixed size that are never
// copied while they grow.
type orgBlocks struct {
	blocks  [][]Org
	n       int
	pending bool // next gave a slot that is not committed
}

// next returns the zeroed slot of the next organization, which commit
// adds: a reader parses a row straight into it. A slot that is not
// committed is given again, zeroed, by the next call.
func (c *orgBlocks) next() *Org {
	k := c.n >> blockShift
	if k == len(c.blocks) {
		// The first block grows as a slice does, so that a small table
		// takes little memory; the next ones are made full size.
		if k > 0 {
			c.blocks = append(c.blocks, make([]Org, 0, 1<<blockShift))
		} else {
			c.blocks = append(c.blocks, nil)
		}
	}
	b := &c.blocks[k]
	if len(*b) == cap(*b) {
		*b = append(*b, Org{})
	} else {
		*b = (*b)[:len(*b)+1] // zero: never used, or zeroed by drop
	}
	c.pending = true
	return &(*b)[len(*b)-1]
}

// commit adds the organization in the slot next gave.
func (c *orgBlocks) commit() {
	c.pending = false
	c.n++
}

// drop gives back the slot next gave, not committed.
func (c *orgBlocks) drop() {
	if c.pending {
		k := c.n >> blockShift
		last := len(c.blocks[k]) - 1
		c.blocks[k][last] = Org{}
		c.blocks[k] = c.blocks[k][:last]
		c.pending = false
	}
}

// store hands the blocks over to a builder.
func (c *orgBlocks) store() orgStore {
	return orgStore{blocks: c.blocks, shift: blockShift, mask: 1<<blockShift - 1, n: c.n, owned: true}
}

// join returns the organizations in one slice of the exact length (nil
// when there are none).
func (c *orgBlocks) join() []Org {
	switch len(c.blocks) {
	case 0:
		return nil
	case 1:
		return c.blocks[0]
	}
	out := make([]Org, 0, c.n)
	for k, b := range c.blocks {
		out = append(out, b...)
		c.blocks[k] = nil
	}
	return out
}

// at returns the organization at pre-order position p.
func (t *Tree) at(p int32) *Org { return t.orgs.org(int(p)) }
