package orgmodel

import (
	"iter"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/google/uuid"
)

// Tree is an immutable organization tree (a forest, if the records have
// several roots) with the people, posts, bodies, sites and grids linked to
// it. Build one with [Build].
//
// Organizations are laid out in depth-first pre-order, children in the
// order of the records, so every subtree is a contiguous range: traversal,
// paths and aggregates use no recursion and work at any depth.
//
// A Tree is safe for concurrent use by multiple goroutines. Methods return
// copies; nothing a caller does to a returned value changes the tree.
type Tree struct {
	orgs   orgStore  // pre-order
	parent []int32   // pre-order position of the parent; -1 for a root
	end    []int32   // the subtree of p is [p, end[p])
	depth  []int32   // 0 for a root
	total  []Members // subtree member totals (party groups not added)
	roots  []int32
	index  idIndex // ID → pre-order position

	people        []Person
	personIdx     map[uuid.UUID]int32
	posts         []Post  // sorted by body, then role
	postsByPerson []int32 // indexes into posts, sorted by person
	assignments   []Assignment
	bodies        []Body
	bodyIdx       map[uuid.UUID]int32
	sites         []Site
	grids         []Grid
	gridIdx       map[uuid.UUID]int32
	ids           map[uuid.UUID]string // the caller's text of derived IDs (Records.ids)
	approvalKinds uint16               // bit k set: some organization records an approval of kind k
	projects      int                  // how many organizations record a project
}

// recordsApprovals reports whether some organization of the tree records
// an approval of kind k.
func (t *Tree) recordsApprovals(k ApprovalKind) bool { return t.approvalKinds&(1<<(k&15)) != 0 }

// Len returns the number of organizations.
func (t *Tree) Len() int { return t.orgs.n }

// Roots returns the IDs of the roots, in record order.
func (t *Tree) Roots() []uuid.UUID {
	out := make([]uuid.UUID, len(t.roots))
	for i, r := range t.roots {
		out[i] = t.at(r).ID
	}
	return out
}

// Has reports whether the tree holds an organization with this ID.
func (t *Tree) Has(id uuid.UUID) bool { _, ok := t.index.get(id); return ok }

// Org returns a copy of the organization with this ID.
func (t *Tree) Org(id uuid.UUID) (Org, bool) {
	p, ok := t.index.get(id)
	if !ok {
		return Org{}, false
	}
	return t.org(p), true
}

func (t *Tree) org(p int32) Org {
	o := t.orgs.unpack(t.at(p))
	o.Approvals = slices.Clone(o.Approvals)
	if o.Project != nil {
		pr := *o.Project
		o.Project = &pr
	}
	return o
}

// Parent returns the parent's ID; false for a root or an unknown ID.
func (t *Tree) Parent(id uuid.UUID) (uuid.UUID, bool) {
	p, ok := t.index.get(id)
	if !ok || t.parent[p] < 0 {
		return uuid.Nil, false
	}
	return t.at(t.parent[p]).ID, true
}

// Depth returns the number of ancestors (0 for a root); false for an unknown ID.
func (t *Tree) Depth(id uuid.UUID) (int, bool) {
	p, ok := t.index.get(id)
	if !ok {
		return 0, false
	}
	return int(t.depth[p]), true
}

// Children returns the IDs of the direct children, in record order.
func (t *Tree) Children(id uuid.UUID) []uuid.UUID {
	p, ok := t.index.get(id)
	if !ok {
		return nil
	}
	var out []uuid.UUID
	for c := p + 1; c < t.end[p]; c = t.end[c] {
		out = append(out, t.at(c).ID)
	}
	return out
}

// Ancestors returns the IDs of the ancestors, nearest first.
func (t *Tree) Ancestors(id uuid.UUID) []uuid.UUID {
	p, ok := t.index.get(id)
	if !ok {
		return nil
	}
	out := make([]uuid.UUID, 0, t.depth[p])
	for q := t.parent[p]; q >= 0; q = t.parent[q] {
		out = append(out, t.at(q).ID)
	}
	return out
}

// Path returns the IDs from the root down to id, inclusive.
func (t *Tree) Path(id uuid.UUID) []uuid.UUID {
	a := t.Ancestors(id)
	if a == nil && !t.Has(id) {
		return nil
	}
	slices.Reverse(a)
	return append(a, id)
}

// PathString returns the names from the root down to id, joined by " / ".
func (t *Tree) PathString(id uuid.UUID) string {
	p, ok := t.index.get(id)
	if !ok {
		return ""
	}
	return t.pathString(p)
}

func (t *Tree) pathString(p int32) string {
	// Collect the path root first (on the stack for the usual depths) and
	// write it into a builder of the exact size: one allocation.
	var stack [16]int32
	path := stack[:0]
	if d := int(t.depth[p]) + 1; d > len(stack) {
		path = make([]int32, 0, d)
	}
	size := 0
	for q := p; q >= 0; q = t.parent[q] {
		path = append(path, q)
		size += len(t.orgs.name(t.at(q))) + len(" / ")
	}
	var sb strings.Builder
	sb.Grow(size - len(" / "))
	for k := len(path) - 1; k >= 0; k-- {
		sb.WriteString(t.orgs.name(t.at(path[k])))
		if k > 0 {
			sb.WriteString(" / ")
		}
	}
	return sb.String()
}

// IsAncestor reports whether a is a proper ancestor of d.
func (t *Tree) IsAncestor(a, d uuid.UUID) bool {
	pa, ok1 := t.index.get(a)
	pd, ok2 := t.index.get(d)
	return ok1 && ok2 && pa < pd && pd < t.end[pa]
}

// Subtree yields the organization with this ID and every organization under
// it, in pre-order, with each one's depth below id (0 for id itself). It
// yields nothing for an unknown ID. The yielded values are copies.
func (t *Tree) Subtree(id uuid.UUID) iter.Seq2[int, Org] {
	return func(yield func(int, Org) bool) {
		p, ok := t.index.get(id)
		if !ok {
			return
		}
		base := t.depth[p]
		for q := p; q < t.end[p]; q++ {
			if !yield(int(t.depth[q]-base), t.org(q)) {
				return
			}
		}
	}
}

// All yields every organization of the tree in pre-order with its depth.
func (t *Tree) All() iter.Seq2[int, Org] {
	return func(yield func(int, Org) bool) {
		for q := range t.orgs.n {
			if !yield(int(t.depth[q]), t.org(int32(q))) {
				return
			}
		}
	}
}

// Person returns the person with this ID.
func (t *Tree) Person(id uuid.UUID) (Person, bool) {
	i, ok := t.personIdx[id]
	if !ok {
		return Person{}, false
	}
	return t.people[i], true
}

// Posts returns the posts held in the body (an organization, a [Body] or a
// [Grid]) with this ID, ordered by role.
func (t *Tree) Posts(body uuid.UUID) []Post {
	lo, hi := t.postRange(body)
	return slices.Clone(t.posts[lo:hi])
}

func (t *Tree) postRange(body uuid.UUID) (int, int) {
	lo := sort.Search(len(t.posts), func(i int) bool { return cmpUUID(t.posts[i].Body, body) >= 0 })
	hi := lo
	for hi < len(t.posts) && t.posts[hi].Body == body {
		hi++
	}
	return lo, hi
}

// PostsOf returns every post the person holds or held, in any body.
func (t *Tree) PostsOf(person uuid.UUID) []Post {
	ix := t.postsByPerson
	lo := sort.Search(len(ix), func(i int) bool { return cmpUUID(t.posts[ix[i]].Person, person) >= 0 })
	var out []Post
	for k := lo; k < len(ix) && t.posts[ix[k]].Person == person; k++ {
		out = append(out, t.posts[ix[k]])
	}
	return out
}

// Holder returns the person who holds role in body on date d.
func (t *Tree) Holder(body uuid.UUID, role Role, d dangjian.Date) (uuid.UUID, bool) {
	lo, hi := t.postRange(body)
	for _, p := range t.posts[lo:hi] {
		if p.Role == role && p.ActiveOn(d) {
			return p.Person, true
		}
	}
	return uuid.Nil, false
}

// YiJianTiao reports whether, on date d, the secretary of the organization
// org also directs a villagers' or residents' committee linked to it (一肩挑:
// 《中国共产党农村工作条例》 and 农村条例). It returns that person.
func (t *Tree) YiJianTiao(org uuid.UUID, d dangjian.Date) (uuid.UUID, bool) {
	sec, ok := t.Holder(org, Secretary, d)
	if !ok {
		return uuid.Nil, false
	}
	for _, b := range t.bodies {
		if b.Org != org {
			continue
		}
		role := VillagersDirector
		switch b.Kind {
		case VillagersCommittee:
		case ResidentsCommittee:
			role = ResidentsDirector
		default:
			continue
		}
		if dir, ok := t.Holder(b.ID, role, d); ok && dir == sec {
			return sec, true
		}
	}
	return uuid.Nil, false
}

// Assignments returns the dispatch assignments to the organization with
// this ID (uuid.Nil: all of them).
func (t *Tree) Assignments(to uuid.UUID) []Assignment {
	var out []Assignment
	for _, a := range t.assignments {
		if to == uuid.Nil || a.To == to {
			out = append(out, a)
		}
	}
	return out
}

// Body returns the body with this ID.
func (t *Tree) Body(id uuid.UUID) (Body, bool) {
	i, ok := t.bodyIdx[id]
	if !ok {
		return Body{}, false
	}
	return cloneBody(t.bodies[i]), true
}

// Bodies returns every body linked to the organization org (uuid.Nil: all).
func (t *Tree) Bodies(org uuid.UUID) []Body {
	var out []Body
	for _, b := range t.bodies {
		if org == uuid.Nil || b.Org == org {
			out = append(out, cloneBody(b))
		}
	}
	return out
}

func cloneBody(b Body) Body {
	b.Members = slices.Clone(b.Members)
	b.MemberUnits = slices.Clone(b.MemberUnits)
	if b.Chair != nil {
		c := *b.Chair
		c.Order = slices.Clone(c.Order)
		b.Chair = &c
	}
	return b
}

// Sites returns the sites of the subtree under org (uuid.Nil: all sites).
func (t *Tree) Sites(org uuid.UUID) []Site {
	var out []Site
	for _, s := range t.sites {
		if org == uuid.Nil || s.Org == org || t.IsAncestor(org, s.Org) {
			out = append(out, s)
		}
	}
	return out
}

// Grids returns the grids of the subtree under org (uuid.Nil: all grids).
func (t *Tree) Grids(org uuid.UUID) []Grid {
	var out []Grid
	for _, g := range t.grids {
		if org == uuid.Nil || g.Org == org || t.IsAncestor(org, g.Org) {
			out = append(out, g)
		}
	}
	return out
}

// Records returns a deep copy of the records the tree holds, organizations
// in pre-order. Building a tree from them gives an equal tree.
func (t *Tree) Records() Records {
	r := Records{Orgs: make([]Org, t.orgs.n)}
	for i := range t.orgs.n {
		r.Orgs[i] = t.org(int32(i))
	}
	r.People = slices.Clone(t.people)
	r.Posts = slices.Clone(t.posts)
	r.Assignments = slices.Clone(t.assignments)
	for _, b := range t.bodies {
		r.Bodies = append(r.Bodies, cloneBody(b))
	}
	r.Sites = slices.Clone(t.sites)
	r.Grids = slices.Clone(t.grids)
	r.ids = maps.Clone(t.ids)
	return r
}

// IsDomainTop reports whether the organization with this ID is the top of
// its domain: a root, or an organization whose parent works in another
// domain. A village's or community's own party organization is the top of
// its domain; its grid branches and party groups are not. It reports false
// for an unknown ID.
func (t *Tree) IsDomainTop(id uuid.UUID) bool {
	p, ok := t.index.get(id)
	return ok && t.isDomainTop(p)
}

func (t *Tree) isDomainTop(p int32) bool {
	q := t.parent[p]
	return q < 0 || t.at(q).Domain != t.at(p).Domain
}

// DomainTops returns, in tree order, the IDs of the organizations of domain
// d that are the top of their domain (see [Tree.IsDomainTop]): one per
// village, per community, per enterprise with its own organization. Counting
// them answers "how many villages have a party organization".
func (t *Tree) DomainTops(d Domain) []uuid.UUID {
	var out []uuid.UUID
	for p := range int32(t.orgs.n) {
		if t.at(p).Domain == d && t.isDomainTop(p) {
			out = append(out, t.at(p).ID)
		}
	}
	return out
}

// Lookup returns the ID of the organization the caller names by id: its
// [Org.Key] as read from a file ("1001", "1.3"), or its UUID in any form
// uuid.Parse accepts. A finding's Subject and a problem's ID are such
// names, so Lookup finds the organization they are about:
//
//	id, ok := tree.Lookup(f.Subject)
//	org, _ := tree.Org(id)
func (t *Tree) Lookup(id string) (uuid.UUID, bool) {
	if looksLikeUUID(id) {
		if u, err := uuid.Parse(id); err == nil {
			return u, t.Has(u)
		}
	}
	u := CSVID(id)
	return u, t.Has(u)
}

// IDText returns the caller's own name of an ID in the tree: an
// organization's [Org.Key], or the text a person's, body's, site's or
// grid's ID was read from, else the UUID as text ("" for uuid.Nil). It is
// the name problems and findings use.
func (t *Tree) IDText(id uuid.UUID) string {
	if p, ok := t.index.get(id); ok {
		return t.orgs.keyText(t.at(p))
	}
	if s, ok := t.ids[id]; ok {
		return s
	}
	if id == uuid.Nil {
		return ""
	}
	return id.String()
}

// approval converts an approval of the tree for a finding.
func (t *Tree) approval(a *Approval) *dangjian.Approval {
	if a == nil {
		return nil
	}
	return &dangjian.Approval{Kind: a.Kind.String(), Rule: a.Rule, By: t.IDText(a.By), ByName: a.ByName, On: a.On, Ref: a.Ref}
}
