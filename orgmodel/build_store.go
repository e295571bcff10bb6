package orgmodel

import (
	"math"
	"strings"

	"github.com/google/uuid"
)

// orgRec is the compact record of one organization that a builder and a
// [Tree] keep: the fields of [Org] without its strings and slices, which
// are held beside the records (the text in an arena of large blocks, the
// rare fields in a side table), so that the record holds no pointer. The
// collector then never scans the records (at a million organizations they
// are most of the live heap), and a record takes 120 bytes instead of
// Org's 208. [orgStore.unpack] makes an Org of a record where the API hands
// one out.
//
// A field added to Org goes here when it is a number, a date or an enum
// (a dangjian.Date takes 4 bytes: two of them, after Term, make the
// record 128 bytes), and into orgBlocks.add and orgStore.unpack, which
// copy the fields one way and the other (TestOrgRecEveryField fails until
// they do); a string goes into the text (textRef and textOf), a slice or a
// field most organizations leave empty into orgExt.
type orgRec struct {
	ID        uuid.UUID
	Parent    uuid.UUID
	Members   Members
	Term      Term
	Line      int
	Units     int
	text      textRef // Name, Code, Key and ParentKey
	ext       int32   // 1 + the index of the record's orgExt; 0: none
	Kind      Kind
	Domain    Domain
	Selection Selection
	keyIsCode bool // the key is the code, kept once (text.n[2] is 0)
}

// textRef locates the strings of a record in its store's text: the name,
// the code, the key and the parent's key, one after the other in block
// blk from offset off (less than arenaBlock: a block holds the text of
// rows while it has room, or the text of one row). When the record's
// keyIsCode is set, the key is the code (a CSV row whose code cell is
// empty or repeats its id), kept once.
type textRef struct {
	blk uint32
	off uint32
	n   [4]uint32 // lengths: name, code, key, parent's key
}

// maxText is the longest text a field of a record can hold; a variable
// for the tests.
var maxText = int(min(uint64(math.MaxInt), 1<<32-1))

// orgExt holds the fields of a record that most organizations leave empty.
type orgExt struct {
	Grid      uuid.UUID
	Approvals []Approval
	Project   *Project // the store's own copy
}

// orgStore holds the organizations a builder reads, by input index, and
// then the tree's, in pre-order: compact records in blocks of a fixed size,
// their text and their rare fields.
type orgStore struct {
	blocks [][]orgRec
	n      int
	text   []string // the blocks of text textRef.blk indexes
	ext    []orgExt
}

// blockShift sets the size of the blocks of records: 1<<blockShift
// organizations, about 7.5 MB.
const blockShift = 16

// org returns the record of organization i.
func (s *orgStore) org(i int) *orgRec { return &s.blocks[i>>blockShift][i&(1<<blockShift-1)] }

// textOf returns field k (0 name, 1 code, 2 key, 3 parent's key) of o.
func (s *orgStore) textOf(o *orgRec, k int) string {
	r := &o.text
	if k == 2 && o.keyIsCode {
		k = 1
	}
	if r.n[k] == 0 {
		return ""
	}
	off := int(r.off)
	for j := range k {
		off += int(r.n[j])
	}
	return s.text[r.blk][off : off+int(r.n[k])]
}

// name returns the name of o.
func (s *orgStore) name(o *orgRec) string {
	if o.text.n[0] == 0 {
		return ""
	}
	off := int(o.text.off)
	return s.text[o.text.blk][off : off+int(o.text.n[0])]
}

// keyText returns the caller's ID of o: its key, or its ID as text ("" for
// the nil UUID), as Org.keyText does.
func (s *orgStore) keyText(o *orgRec) string {
	if k := s.textOf(o, 2); k != "" {
		return k
	}
	if o.ID == uuid.Nil {
		return ""
	}
	return o.ID.String()
}

// approvals returns the approvals of o, which stay the store's.
func (s *orgStore) approvals(o *orgRec) []Approval {
	if o.ext == 0 {
		return nil
	}
	return s.ext[o.ext-1].Approvals
}

// grid returns the grid of o.
func (s *orgStore) grid(o *orgRec) uuid.UUID {
	if o.ext == 0 {
		return uuid.Nil
	}
	return s.ext[o.ext-1].Grid
}

// unpack returns the Org o is the record of; its Approvals are the
// store's.
func (s *orgStore) unpack(o *orgRec) Org {
	return Org{
		ID: o.ID, Parent: o.Parent, Kind: o.Kind, Domain: o.Domain,
		Name: s.name(o), Code: s.textOf(o, 1), Members: o.Members, Units: o.Units,
		Grid: s.grid(o), Selection: o.Selection, Term: o.Term, Approvals: s.approvals(o),
		Project: s.project(o), Key: s.textOf(o, 2), ParentKey: s.textOf(o, 3), Line: o.Line,
	}
}

// project returns o's project (the store's copy), or nil.
func (s *orgStore) project(o *orgRec) *Project {
	if o.ext == 0 {
		return nil
	}
	return s.ext[o.ext-1].Project
}

// arenaBlock is the size of the blocks of text: the text of about a
// thousand rows.
const arenaBlock = 32 << 10

// orgBlocks collects organizations as compact records in blocks that are
// never copied while they grow, their text in blocks of arenaBlock bytes,
// one allocation per block rather than one per row.
type orgBlocks struct {
	s       orgStore
	cur     strings.Builder // the text block being filled: s.text[len(s.text)] once full
	scratch Org
}

// next returns a zeroed Org to parse a row into, which commit adds. A
// reader's strings in it need only live until commit, which copies them.
func (c *orgBlocks) next() *Org {
	c.scratch = Org{}
	return &c.scratch
}

// commit adds the organization next gave. It returns -1, or the field
// (0 name, 1 code, 2 key, 3 parent's key) longer than maxText, and then
// adds nothing.
func (c *orgBlocks) commit() int { return c.add(&c.scratch) }

// drop forgets the organization next gave.
func (c *orgBlocks) drop() { c.scratch = Org{} }

// add adds a compact copy of o. It returns -1, or the field (0 name, 1
// code, 2 key, 3 parent's key) longer than maxText, and then adds nothing.
func (c *orgBlocks) add(o *Org) int {
	keyIsCode := o.Key != "" && o.Key == o.Code
	key := o.Key
	if keyIsCode {
		key = ""
	}
	fields := [4]string{o.Name, o.Code, key, o.ParentKey}
	total := 0
	for j, f := range fields {
		if len(f) > maxText {
			return j
		}
		total += len(f)
	}
	k := c.s.n >> blockShift
	if k == len(c.s.blocks) {
		// The first block grows as a slice does, so that a small table
		// takes little memory; the next ones are made full size.
		if k > 0 {
			c.s.blocks = append(c.s.blocks, make([]orgRec, 0, 1<<blockShift))
		} else {
			c.s.blocks = append(c.s.blocks, nil)
		}
	}
	b := &c.s.blocks[k]
	*b = append(*b, orgRec{
		ID: o.ID, Parent: o.Parent, Members: o.Members, Term: o.Term, Line: o.Line, Units: o.Units,
		Kind: o.Kind, Domain: o.Domain, Selection: o.Selection,
	})
	r := &(*b)[len(*b)-1]
	c.s.n++
	if o.Grid != uuid.Nil || o.Approvals != nil || o.Project != nil {
		e := orgExt{Grid: o.Grid, Approvals: o.Approvals}
		if o.Project != nil {
			pr := *o.Project // the tree keeps its own copy
			e.Project = &pr
		}
		c.s.ext = append(c.s.ext, e)
		r.ext = int32(len(c.s.ext))
	}
	r.keyIsCode = keyIsCode
	if total == 0 {
		return -1
	}
	if c.cur.Cap()-c.cur.Len() < total {
		// A new block; the strings of the old one stay valid (a Builder
		// never writes over what it has written).
		if c.cur.Len() > 0 {
			c.s.text = append(c.s.text, c.cur.String())
		}
		c.cur = strings.Builder{}
		c.cur.Grow(max(total, arenaBlock))
	}
	r.text.blk = uint32(len(c.s.text))
	r.text.off = uint32(c.cur.Len())
	for j, f := range fields {
		r.text.n[j] = uint32(len(f))
		c.cur.WriteString(f)
	}
	return -1
}

// store hands the records over to a builder.
func (c *orgBlocks) store() orgStore {
	if c.cur.Len() > 0 {
		c.s.text = append(c.s.text, c.cur.String())
		c.cur = strings.Builder{}
	}
	s := c.s
	c.s = orgStore{}
	return s
}

// join returns the organizations as Orgs in one slice of the exact length
// (nil when there are none).
func (c *orgBlocks) join() []Org {
	s := c.store()
	if s.n == 0 {
		return nil
	}
	out := make([]Org, s.n)
	for i := range out {
		out[i] = s.unpack(s.org(i))
	}
	return out
}

// at returns the organization at pre-order position p.
func (t *Tree) at(p int32) *orgRec { return t.orgs.org(int(p)) }
