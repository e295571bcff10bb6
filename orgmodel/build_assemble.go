package orgmodel

import (
	"cmp"
	"maps"
	"slices"

	"github.com/google/uuid"
)

// assemble lays the organizations out in pre-order and computes the
// subtree ranges, depths and member totals. The builder's compact records
// (packOrgs' copy of the caller's, or the blocks a reader filled) become
// the tree's own, laid out in place: no second copy is ever made.
func (b *builder) assemble(order, parent []int32, full, prob map[int32]int64) *Tree {
	n := len(order)
	t := &Tree{
		parent: make([]int32, n),
		end:    make([]int32, n),
		depth:  make([]int32, n),
		total:  make([]Members, n),
		index:  b.index,
	}
	t.orgs = b.orgs
	permute(&t.orgs, order)
	// The index held input indexes: the same positions when the records
	// came in pre-order, else it is made again.
	t.index.store = &t.orgs
	if !identity(order) {
		t.index = newIDIndex(&t.orgs, n)
		for p := range int32(n) {
			t.index.insert(p)
		}
	}
	pos := make([]int32, n) // input index → pre-order position
	for p, i := range order {
		pos[i] = int32(p)
	}
	// The approvals of all organizations share one backing array, a copy
	// of the caller's.
	// Projects are the store's own copies already (orgBlocks.add).
	nap := 0
	for _, e := range t.orgs.ext {
		nap += len(e.Approvals)
		if e.Project != nil {
			t.projects++
		}
	}
	approvals := make([]Approval, 0, nap)
	for k, e := range t.orgs.ext {
		if e.Approvals != nil {
			j := len(approvals)
			approvals = append(approvals, e.Approvals...)
			t.orgs.ext[k].Approvals = approvals[j:len(approvals):len(approvals)]
		}
	}
	for _, a := range approvals {
		t.approvalKinds |= 1 << (a.Kind & 15)
	}
	for p, i := range order {
		o := t.at(int32(p))
		if full != nil {
			if f, ok := full[i]; ok || prob[i] > 0 {
				o.Members = Members{Full: f, Probationary: prob[i]}
			}
		}
		if parent[i] < 0 {
			t.parent[p] = -1
			t.roots = append(t.roots, int32(p))
		} else {
			t.parent[p] = pos[parent[i]]
			t.depth[p] = t.depth[t.parent[p]] + 1
		}
		t.end[p] = int32(p) + 1
	}
	for p := n - 1; p >= 0; p-- {
		o := t.at(int32(p))
		if o.Kind != PartyGroup {
			t.total[p] = t.total[p].Add(o.Members)
		}
		if q := t.parent[p]; q >= 0 {
			t.total[q] = t.total[q].Add(t.total[p])
			if t.end[p] > t.end[q] {
				t.end[q] = t.end[p]
			}
		}
	}
	t.side(b.recs)
	return t
}

// permute lays the organizations of s out in place so that position p
// holds the one that was at order[p], following each cycle of the
// permutation once: nothing is copied when order is the identity (records
// in pre-order, as WriteCSV writes them).
func permute(s *orgStore, order []int32) {
	var done []bool
	for start := range order {
		if order[start] == int32(start) || done != nil && done[start] {
			continue
		}
		if done == nil {
			done = make([]bool, len(order))
		}
		tmp := *s.org(start)
		j := start
		for {
			k := int(order[j])
			done[j] = true
			if k == start {
				*s.org(j) = tmp
				break
			}
			*s.org(j) = *s.org(k)
			j = k
		}
	}
}

// side copies and indexes the tables beside the tree.
func (t *Tree) side(r *Records) {
	t.people = slices.Clone(r.People)
	t.personIdx = make(map[uuid.UUID]int32, len(t.people))
	for i, p := range t.people {
		t.personIdx[p.ID] = int32(i)
	}
	t.posts = slices.Clone(r.Posts)
	slices.SortStableFunc(t.posts, func(a, b Post) int {
		if c := cmpUUID(a.Body, b.Body); c != 0 {
			return c
		}
		return cmp.Compare(a.Role, b.Role)
	})
	t.postsByPerson = make([]int32, len(t.posts))
	for i := range t.postsByPerson {
		t.postsByPerson[i] = int32(i)
	}
	slices.SortStableFunc(t.postsByPerson, func(a, b int32) int { return cmpUUID(t.posts[a].Person, t.posts[b].Person) })
	t.assignments = slices.Clone(r.Assignments)
	t.bodies = make([]Body, len(r.Bodies))
	t.bodyIdx = make(map[uuid.UUID]int32, len(r.Bodies))
	for i, body := range r.Bodies {
		body.Members = slices.Clone(body.Members)
		body.MemberUnits = slices.Clone(body.MemberUnits)
		if body.Chair != nil {
			c := *body.Chair
			c.Order = slices.Clone(c.Order)
			body.Chair = &c
		}
		t.bodies[i] = body
		t.bodyIdx[body.ID] = int32(i)
	}
	t.sites = slices.Clone(r.Sites)
	t.grids = slices.Clone(r.Grids)
	t.ids = maps.Clone(r.ids)
	t.gridIdx = make(map[uuid.UUID]int32, len(t.grids))
	for i, g := range t.grids {
		t.gridIdx[g.ID] = int32(i)
	}
}

func cmpUUID(a, b uuid.UUID) int {
	for i := range a {
		if a[i] != b[i] {
			return cmp.Compare(a[i], b[i])
		}
	}
	return 0
}

// identity reports whether order[p] == p for every p.
func identity(order []int32) bool {
	for p, i := range order {
		if int(i) != p {
			return false
		}
	}
	return true
}
