package orgmodel

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/dangjian-go/dangjian"
	"github.com/google/uuid"
)

// BuildOptions adjust [BuildWith]. The zero value uses [DefaultNesting]
// and [DefaultMaxDepth].
type BuildOptions struct {
	// Nesting replaces the default nesting table when non-nil.
	Nesting *Nesting
	// MaxDepth is the deepest an organization may lie below its root, in
	// levels; zero (or less) means [DefaultMaxDepth]. A deeper tree is
	// refused with one problem of kind [dangjian.ErrLimit] naming the
	// limit, the first organization too deep and how many are.
	MaxDepth int
}

// Build builds an immutable [Tree] from records with [DefaultNesting]. It
// checks every record and returns a [dangjian.Problems] listing every
// problem: missing or duplicate IDs ([ErrMissingID], [dangjian.ErrDuplicate]),
// unknown parents and references ([ErrUnknownParent],
// [dangjian.ErrUnknownRef]), cycles ([ErrCycle]), kinds that cannot sit
// under their parent's kind ([ErrNesting]), negative counts
// ([dangjian.ErrNegative]), member counts that disagree with a member list
// ([ErrMemberMismatch]), member totals beyond int64 — an organization's,
// a subtree's or the forest's ([dangjian.ErrOverflow], at the deepest
// organization where the total overflows) —, invalid values
// ([dangjian.ErrInvalid]) and a tree deeper than [DefaultMaxDepth] levels
// ([dangjian.ErrLimit]; [BuildWith] raises the limit).
//
// Each problem names the record by the caller's own ID (its [Org.Key] or
// the text it was read from, else the UUID) and quotes references the same
// way. Path is the field path ("orgs[3].parent"); a problem about an
// organization read by [ReadCSV] or [DecodeJSON] also gives its [Org.Line]
// (the line of its row or of its object), so that a program can point at
// the record in the file it read. Build copies what it keeps:
// changing recs afterwards does not change the tree.
//
// Where an organization has members listed in recs.People and zero counts,
// its counts are filled in from the list.
func Build(recs Records) (*Tree, error) { return BuildWith(recs, BuildOptions{}) }

// BuildWith is [Build] with options.
func BuildWith(recs Records, opt BuildOptions) (*Tree, error) {
	nest := DefaultNesting()
	if opt.Nesting != nil {
		nest = *opt.Nesting
	}
	orgs, problems := packOrgs(recs.Orgs)
	if problems != nil {
		return nil, problems.Err()
	}
	b := builder{recs: &recs, orgs: orgs, nest: nest, maxDepth: opt.maxDepth()}
	return b.build()
}

// packOrgs returns the compact records of orgs, their text copied; the
// problems name the fields longer than a record can hold (maxText bytes),
// and the records are then not made.
func packOrgs(orgs []Org) (orgStore, dangjian.Problems) {
	var problems dangjian.Problems
	for i := range orgs {
		o := &orgs[i]
		for _, f := range [...]struct {
			name string
			n    int
		}{{"name", len(o.Name)}, {"code", len(o.Code)}, {"id", len(o.Key)}, {"parent", len(o.ParentKey)}} {
			if f.n > maxText {
				problems.Add(&dangjian.Problem{Kind: dangjian.ErrLimit, Path: at("orgs", i, f.name), ID: o.keyText(), Line: o.Line,
					Detail: "text longer than " + strconv.Itoa(maxText) + " bytes"})
			}
		}
	}
	if problems != nil {
		return orgStore{}, problems
	}
	var c orgBlocks
	for i := range orgs {
		c.add(&orgs[i])
	}
	return c.store(), nil
}

type builder struct {
	recs     *Records
	orgs     orgStore // recs.Orgs, or the blocks a reader filled
	nest     Nesting
	maxDepth int
	problems dangjian.Problems
	index    idIndex            // org ID → input index (the first with the ID)
	others   map[uuid.UUID]byte // body ('b') and grid ('g') IDs
	// dupIDs records that two organizations share an ID; until then an
	// organization found by its ID anywhere is the one the index holds.
	dupIDs bool
}

// problem records a problem about field sub of record i of the table
// field, whose ID is id.
func (b *builder) problem(field string, i int, sub string, id uuid.UUID, value string, k *dangjian.Kind, detail string) {
	b.problems.Add(&dangjian.Problem{Kind: k, Path: at(field, i, sub), ID: b.recs.idText(id), Value: value, Detail: detail})
}

// orgProblem records a problem about field sub of organization i.
func (b *builder) orgProblem(i int, sub, value, rule string, k *dangjian.Kind, detail string) {
	o := b.orgs.org(i)
	p := &dangjian.Problem{Kind: k, Path: at("orgs", i, sub), ID: b.orgs.keyText(o), Line: o.Line,
		Value: value, Rule: rule, Detail: detail}
	b.problems.Add(p)
}

// text returns the caller's text of an ID: an organization's key, or the
// text the ID was read from, or the UUID.
func (b *builder) text(id uuid.UUID) string {
	if i, ok := b.index.get(id); ok {
		return b.orgs.keyText(b.orgs.org(int(i)))
	}
	return b.recs.idText(id)
}

// enumText returns an enum value for a problem: its code, or its number
// when it is not defined (never the Go form "Kind(200)").
func enumText[E interface {
	~uint8
	String() string
	IsValid() bool
}](v E) string {
	if v.IsValid() {
		return v.String()
	}
	return strconv.Itoa(int(v))
}

func at(field string, i int, sub string) string {
	return field + "[" + strconv.Itoa(i) + "]." + sub
}

func (b *builder) build() (*Tree, error) {
	n := b.orgs.n
	if n > 1<<31-2 {
		b.problems.Add(&dangjian.Problem{Kind: dangjian.ErrLimit, Path: "orgs", Value: strconv.Itoa(n), Detail: "too many organizations"})
		return nil, b.problems.Err()
	}
	if n >= parallelBuildMin {
		if t, done, err := b.buildOnce(true); done {
			return t, err
		}
		// An ID repeats: everything again, in order.
		b.problems, b.dupIDs, b.others = nil, false, nil
	}
	t, _, err := b.buildOnce(false)
	return t, err
}

// buildOnce builds the tree, with the first pass on two goroutines when
// parallel is set (firstPassParallel); done is false when it was and an
// ID repeats, and the work is to be done again in order. For a plain table
// (organizations alone, none recording an approval or a grid, every parent
// near its organization) the index is made while the later checks, which
// never look at it, run.
func (b *builder) buildOnce(parallel bool) (t *Tree, done bool, err error) {
	n := b.orgs.n
	parent := make([]int32, n)
	var unique <-chan bool // the index being made, while the checks need not look at it
	if parallel {
		unique = b.firstPassParallel(parent)
		if !b.plain(parent) {
			if !<-unique {
				return nil, false, nil
			}
			unique = nil
		}
	} else {
		b.index = newIDIndex(&b.orgs, n)
		b.checkOrgs(true)
		b.nearbyParents(parent)
	}
	b.indexOthers()
	b.resolveParents(parent)
	order := b.preorder(parent)
	b.checkDepth(order, parent, b.maxDepth)

	b.checkApprovals()
	full, prob := b.checkPeople()
	b.checkTotals(order, parent, full, prob)
	b.checkPosts()
	b.checkAssignments()
	b.checkBodies()
	b.checkSites()
	b.checkGrids()
	if unique != nil && !<-unique {
		return nil, false, nil
	}
	if len(b.problems) > 0 {
		return nil, true, b.problems.Err()
	}
	return b.assemble(order, parent, full, prob), true, nil
}

// plain reports whether the records are organizations alone, none of them
// recording an approval or a grid, each with its parent near it
// (nearbyParents found them all): the checks after the first pass then
// never look at the ID index.
func (b *builder) plain(parent []int32) bool {
	r := b.recs
	if len(b.orgs.ext) > 0 || len(r.People)+len(r.Posts)+len(r.Assignments)+len(r.Bodies)+len(r.Sites)+len(r.Grids) > 0 {
		return false
	}
	return !slices.Contains(parent, parentFar)
}

// parallelBuildMin is the fewest organizations for which the first pass
// runs on two goroutines; a variable for the tests.
var parallelBuildMin = 1 << 14

// firstPassParallel indexes the organizations on one goroutine while it
// checks each one's own fields (checkOrgs) and finds the parents near each
// one (nearbyParents) on this one. The index is done when the channel
// gives false (an ID repeats: the work is to be done again in order, so
// that the repeat's problem goes among its organization's own and parents
// are found by the index only) or true; nothing may look at b.index until
// then.
func (b *builder) firstPassParallel(parent []int32) <-chan bool {
	b.index = newIDIndex(&b.orgs, b.orgs.n)
	unique := make(chan bool, 1)
	go func() {
		ok := true
		for i := range b.orgs.n {
			if id := b.orgs.org(i).ID; id != uuid.Nil && !b.index.insert(int32(i)) {
				ok = false
			}
		}
		unique <- ok
	}()
	b.checkOrgs(false)
	b.nearbyParents(parent)
	return unique
}

// checkOrgs reports the problems of each organization's own fields, in
// order: a missing ID, and with index a repeated one (inserting the ID in
// the index), an unknown kind, domain or selection, negative counts.
func (b *builder) checkOrgs(index bool) {
	for i := range b.orgs.n {
		o := b.orgs.org(i)
		if o.ID == uuid.Nil {
			b.orgProblem(i, "id", "", "", ErrMissingID, "")
		} else if index && !b.index.insert(int32(i)) {
			b.dupIDs = true
			b.orgProblem(i, "id", b.orgs.keyText(o), "", dangjian.ErrDuplicate, "")
		}
		if o.Kind == KindUnknown {
			b.orgProblem(i, "kind", "", "", dangjian.ErrMissing, "kind not set")
		} else if !o.Kind.IsValid() {
			b.orgProblem(i, "kind", enumText(o.Kind), "", dangjian.ErrInvalid, "")
		}
		if o.Domain != DomainUnknown && !o.Domain.IsValid() {
			b.orgProblem(i, "domain", enumText(o.Domain), "", dangjian.ErrInvalid, "")
		}
		if o.Selection != SelectionUnknown && !o.Selection.IsValid() {
			b.orgProblem(i, "selection", enumText(o.Selection), "", dangjian.ErrInvalid, "")
		}
		if o.Members.Full < 0 {
			b.orgProblem(i, "members.full", strconv.FormatInt(o.Members.Full, 10), "", dangjian.ErrNegative, "")
		}
		if o.Members.Probationary < 0 {
			b.orgProblem(i, "members.probationary", strconv.FormatInt(o.Members.Probationary, 10), "", dangjian.ErrNegative, "")
		}
		if o.Units < 0 {
			b.orgProblem(i, "units", strconv.Itoa(o.Units), "", dangjian.ErrNegative, "")
		}
		if o.Term.Number < 0 {
			b.orgProblem(i, "term.number", strconv.Itoa(o.Term.Number), "", dangjian.ErrNegative, "")
		}
	}
}

// Marks of parent, beside the parent's input index.
const (
	parentRoot    = -1 // no parent
	parentUnknown = -2 // a parent that is not in the records
	parentFar     = -3 // not found near the organization: look it up
)

// nearbyParents sets parent[i] to the parent of organization i when it is
// near (nearbyParent), parentRoot for a root, else parentFar.
func (b *builder) nearbyParents(parent []int32) {
	for i := range b.orgs.n {
		parent[i] = parentRoot
		if b.orgs.org(i).Parent == uuid.Nil {
			continue
		}
		p, ok := b.nearbyParent(parent, i)
		if !ok {
			p = parentFar
		}
		parent[i] = p
	}
}

// resolveParents looks up in the index the parents nearbyParents did not
// find and reports, in order, the roots that may not be roots, the
// unknown parents (parentUnknown) and the kinds that may not sit under
// their parent's.
func (b *builder) resolveParents(parent []int32) {
	for i := range b.orgs.n {
		o := b.orgs.org(i)
		if o.Parent == uuid.Nil {
			if o.Kind.IsValid() && !b.nest.AllowsRoot(o.Kind) {
				b.orgProblem(i, "parent", "", b.nest.ID, ErrNesting, fmt.Sprintf("a %s (%s) cannot be a root", o.Kind, o.Kind.Label()))
			}
			continue
		}
		p := parent[i]
		if p == parentFar {
			q, ok := b.index.get(o.Parent)
			if !ok {
				v := b.orgs.textOf(o, 3)
				if v == "" {
					v = b.text(o.Parent)
				}
				b.orgProblem(i, "parent", v, "", ErrUnknownParent, "")
				parent[i] = parentUnknown
				continue
			}
			p, parent[i] = q, q
		}
		pk := b.orgs.org(int(p)).Kind
		if o.Kind.IsValid() && pk.IsValid() && !b.nest.Allows(pk, o.Kind) {
			b.orgProblem(i, "kind", fmt.Sprintf("%s under %s", o.Kind.Label(), pk.Label()), b.nest.ID, ErrNesting, "")
		}
	}
}

// nearbyParentDepth bounds the ancestors nearbyParent looks at.
const nearbyParentDepth = 8

// nearbyParent looks for the parent of organization i among the previous
// organization and its nearest ancestors, which is where it is when the
// records come in pre-order or grouped by parent: a lookup without hashing.
// It gives up when IDs are not unique, so that it never finds another
// organization than the index would.
func (b *builder) nearbyParent(parent []int32, i int) (int32, bool) {
	if b.dupIDs {
		return -1, false
	}
	id := b.orgs.org(i).Parent
	q := int32(i) - 1
	for k := 0; k < nearbyParentDepth && q >= 0; k++ {
		if b.orgs.org(int(q)).ID == id {
			return q, true
		}
		q = parent[q]
	}
	return -1, false
}
