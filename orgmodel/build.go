package orgmodel

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strconv"

	"github.com/dangjian-go/dangjian"
	"github.com/google/uuid"
)

// BuildOptions adjust [BuildWith]. The zero value uses [DefaultNesting].
type BuildOptions struct {
	// Nesting replaces the default nesting table when non-nil.
	Nesting *Nesting
}

// Build builds an immutable [Tree] from records with [DefaultNesting]. It
// checks every record and returns a [dangjian.Problems] listing every
// problem: missing or duplicate IDs ([ErrMissingID], [dangjian.ErrDuplicate]),
// unknown parents and references ([ErrUnknownParent],
// [dangjian.ErrUnknownRef]), cycles ([ErrCycle]), kinds that cannot sit
// under their parent's kind ([ErrNesting]), negative counts
// ([dangjian.ErrNegative]), member counts that disagree with a member list
// ([ErrMemberMismatch]) and invalid values ([dangjian.ErrInvalid]).
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
	b := builder{recs: &recs, nest: nest}
	return b.build()
}

type builder struct {
	recs     *Records
	nest     Nesting
	problems dangjian.Problems
	index    map[uuid.UUID]int32 // org ID → input index
	others   map[uuid.UUID]byte  // body ('b') and grid ('g') IDs
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
	o := &b.recs.Orgs[i]
	p := &dangjian.Problem{Kind: k, Path: at("orgs", i, sub), ID: o.keyText(), Line: o.Line,
		Value: value, Rule: rule, Detail: detail}
	b.problems.Add(p)
}

// text returns the caller's text of an ID: an organization's key, or the
// text the ID was read from, or the UUID.
func (b *builder) text(id uuid.UUID) string {
	if i, ok := b.index[id]; ok && i >= 0 && int(i) < len(b.recs.Orgs) && b.recs.Orgs[i].ID == id {
		return b.recs.Orgs[i].keyText()
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
	orgs := b.recs.Orgs
	n := len(orgs)
	if n > 1<<31-2 {
		b.problems.Add(&dangjian.Problem{Kind: dangjian.ErrLimit, Path: "orgs", Value: strconv.Itoa(n), Detail: "too many organizations"})
		return nil, b.problems.Err()
	}
	b.index = make(map[uuid.UUID]int32, n)
	for i := range orgs {
		o := &orgs[i]
		if o.ID == uuid.Nil {
			b.orgProblem(i, "id", "", "", ErrMissingID, "")
		} else if !b.dupIDs {
			// One map operation per ID while there are no duplicates: a
			// length that does not grow means the ID was there already.
			before := len(b.index)
			b.index[o.ID] = int32(i)
			if len(b.index) == before {
				b.dupIDs = true
				b.index[o.ID] = firstWithID(orgs[:i], o.ID)
				b.orgProblem(i, "id", o.keyText(), "", dangjian.ErrDuplicate, "")
			}
		} else if _, dup := b.index[o.ID]; dup {
			b.orgProblem(i, "id", o.keyText(), "", dangjian.ErrDuplicate, "")
		} else {
			b.index[o.ID] = int32(i)
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
	b.indexOthers()

	// Resolve parents.
	parent := make([]int32, n)
	for i := range orgs {
		o := &orgs[i]
		parent[i] = -1
		if o.Parent == uuid.Nil {
			if o.Kind.IsValid() && !b.nest.AllowsRoot(o.Kind) {
				b.orgProblem(i, "parent", "", b.nest.ID, ErrNesting, fmt.Sprintf("a %s (%s) cannot be a root", o.Kind, o.Kind.Label()))
			}
			continue
		}
		p, ok := b.nearbyParent(parent, i)
		if !ok {
			p, ok = b.index[o.Parent]
		}
		if !ok {
			v := o.ParentKey
			if v == "" {
				v = b.text(o.Parent)
			}
			b.orgProblem(i, "parent", v, "", ErrUnknownParent, "")
			parent[i] = -2
			continue
		}
		parent[i] = p
		pk := orgs[p].Kind
		if o.Kind.IsValid() && pk.IsValid() && !b.nest.Allows(pk, o.Kind) {
			b.orgProblem(i, "kind", fmt.Sprintf("%s under %s", o.Kind.Label(), pk.Label()), b.nest.ID, ErrNesting, "")
		}
	}
	order := b.preorder(parent)

	b.checkApprovals()
	full, prob := b.checkPeople()
	b.checkPosts()
	b.checkAssignments()
	b.checkBodies()
	b.checkSites()
	b.checkGrids()
	if len(b.problems) > 0 {
		return nil, b.problems.Err()
	}
	return b.assemble(order, parent, full, prob), nil
}

// firstWithID returns the index of the first organization with this ID.
func firstWithID(orgs []Org, id uuid.UUID) int32 {
	for i := range orgs {
		if orgs[i].ID == id {
			return int32(i)
		}
	}
	return -1 // not reached: the caller saw the ID in orgs
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
	orgs := b.recs.Orgs
	id := orgs[i].Parent
	q := int32(i) - 1
	for k := 0; k < nearbyParentDepth && q >= 0; k++ {
		if orgs[q].ID == id {
			return q, true
		}
		q = parent[q]
	}
	return -1, false
}

// preorder lays the forest out in depth-first pre-order, children in input
// order, without recursion. Nodes it cannot reach from a root lie on or
// under a cycle; each cycle is reported once.
func (b *builder) preorder(parent []int32) []int32 {
	n := len(parent)
	// Children in CSR form, in input order.
	start := make([]int32, n+1)
	for _, p := range parent {
		if p >= 0 {
			start[p+1]++
		}
	}
	for i := 0; i < n; i++ {
		start[i+1] += start[i]
	}
	kids := make([]int32, start[n])
	fill := slices.Clone(start[:n])
	for i, p := range parent {
		if p >= 0 {
			kids[fill[p]] = int32(i)
			fill[p]++
		}
	}
	order := make([]int32, 0, n)
	seen := make([]bool, n)
	stack := make([]int32, 0, 64)
	for r := 0; r < n; r++ {
		if parent[r] >= 0 {
			continue
		}
		stack = append(stack[:0], int32(r))
		for len(stack) > 0 {
			v := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			seen[v] = true
			order = append(order, v)
			for k := start[v+1] - 1; k >= start[v]; k-- {
				stack = append(stack, kids[k])
			}
		}
	}
	if len(order) < n {
		b.reportCycles(parent, seen)
	}
	return order
}

func (b *builder) reportCycles(parent []int32, seen []bool) {
	stamp := make([]int32, len(parent))
	for s := range parent {
		if seen[s] || stamp[s] != 0 {
			continue
		}
		v := int32(s)
		for v >= 0 && !seen[v] && stamp[v] == 0 {
			stamp[v] = int32(s) + 1
			v = parent[v]
		}
		if v < 0 || seen[v] || stamp[v] != int32(s)+1 {
			continue // reaches a root, an unknown parent or a cycle already reported
		}
		// v is on a new cycle: list its members in input order.
		var members []int32
		for u := v; ; {
			members = append(members, u)
			u = parent[u]
			if u == v {
				break
			}
		}
		slices.Sort(members)
		ids := ""
		for k, m := range members {
			if k == 5 {
				ids += fmt.Sprintf(" … (%d in all)", len(members))
				break
			}
			if k > 0 {
				ids += " → "
			}
			ids += b.recs.Orgs[m].keyText()
		}
		b.orgProblem(int(members[0]), "parent", "", "", ErrCycle, ids)
	}
}

func (b *builder) indexOthers() {
	b.others = make(map[uuid.UUID]byte, len(b.recs.Bodies)+len(b.recs.Grids))
	claim := func(field string, i int, id uuid.UUID, tag byte) {
		if id == uuid.Nil {
			b.problem(field, i, "id", id, "", ErrMissingID, "")
			return
		}
		_, inOrgs := b.index[id]
		if _, dup := b.others[id]; dup || inOrgs {
			b.problem(field, i, "id", id, b.text(id), dangjian.ErrDuplicate, "")
			return
		}
		b.others[id] = tag
	}
	for i := range b.recs.Bodies {
		claim("bodies", i, b.recs.Bodies[i].ID, 'b')
	}
	for i := range b.recs.Grids {
		claim("grids", i, b.recs.Grids[i].ID, 'g')
	}
}

func (b *builder) isOrg(id uuid.UUID) bool { _, ok := b.index[id]; return ok }

// refOrg checks that ref, in field sub of record i of the table field
// (whose ID is id), names an organization.
func (b *builder) refOrg(field string, i int, sub string, id, ref uuid.UUID, required bool) {
	if ref == uuid.Nil {
		if required {
			b.problem(field, i, sub, id, "", ErrMissingID, "")
		}
		return
	}
	if !b.isOrg(ref) {
		b.problem(field, i, sub, id, b.text(ref), dangjian.ErrUnknownRef, "")
	}
}

func (b *builder) checkApprovals() {
	for i := range b.recs.Orgs {
		for j, a := range b.recs.Orgs[i].Approvals {
			if a.Kind.IsValid() && (a.By == uuid.Nil || b.isOrg(a.By)) {
				continue // nothing to report: skip building the path
			}
			p := "approvals[" + strconv.Itoa(j) + "]"
			if !a.Kind.IsValid() {
				b.orgProblem(i, p+".kind", enumText(a.Kind), "", dangjian.ErrInvalid, "")
			}
			if a.By != uuid.Nil && !b.isOrg(a.By) {
				b.orgProblem(i, p+".by", b.text(a.By), "", dangjian.ErrUnknownRef, "")
			}
		}
	}
}

// checkPeople validates people and derives per-org member counts from the
// member lists (nil when no one is listed).
func (b *builder) checkPeople() (full, prob map[int32]int64) {
	seen := make(map[uuid.UUID]bool, len(b.recs.People))
	for i, p := range b.recs.People {
		switch {
		case p.ID == uuid.Nil:
			b.problem("people", i, "id", p.ID, "", ErrMissingID, "")
		case seen[p.ID]:
			b.problem("people", i, "id", p.ID, b.text(p.ID), dangjian.ErrDuplicate, "")
		default:
			seen[p.ID] = true
		}
		if p.Status != StatusUnknown && !p.Status.IsValid() {
			b.problem("people", i, "status", p.ID, enumText(p.Status), dangjian.ErrInvalid, "")
		}
		if p.Org == uuid.Nil {
			continue
		}
		oi, ok := b.index[p.Org]
		if !ok {
			b.problem("people", i, "org", p.ID, b.text(p.Org), dangjian.ErrUnknownRef, "")
			continue
		}
		switch p.Status {
		case FullMember:
			if full == nil {
				full, prob = map[int32]int64{}, map[int32]int64{}
			}
			full[oi]++
		case Probationary:
			if full == nil {
				full, prob = map[int32]int64{}, map[int32]int64{}
			}
			prob[oi]++
		default:
			b.problem("people", i, "status", p.ID, enumText(p.Status), dangjian.ErrInvalid,
				"a person placed in an organization must be a full or probationary member")
		}
	}
	for oi := range full {
		b.compareCounts(oi, full[oi], prob[oi])
	}
	for oi := range prob {
		if _, done := full[oi]; !done {
			b.compareCounts(oi, 0, prob[oi])
		}
	}
	return full, prob
}

func (b *builder) compareCounts(oi int32, f, p int64) {
	m := b.recs.Orgs[oi].Members
	if m == (Members{}) || (m.Full == f && m.Probationary == p) {
		return
	}
	b.orgProblem(int(oi), "members", fmt.Sprintf("full %d, probationary %d; listed %d and %d", m.Full, m.Probationary, f, p), "", ErrMemberMismatch, "")
}

// person checks that the person field of record i of the table field
// names a listed person.
func (b *builder) person(field string, i int, id, ref uuid.UUID, people map[uuid.UUID]bool) {
	if ref == uuid.Nil {
		b.problem(field, i, "person", id, "", ErrMissingID, "")
	} else if !people[ref] {
		b.problem(field, i, "person", id, b.text(ref), dangjian.ErrUnknownRef, "")
	}
}

func (b *builder) peopleSet() map[uuid.UUID]bool {
	s := make(map[uuid.UUID]bool, len(b.recs.People))
	for _, p := range b.recs.People {
		s[p.ID] = true
	}
	return s
}

func (b *builder) checkPosts() {
	if len(b.recs.Posts) == 0 {
		return
	}
	people := b.peopleSet()
	for i, p := range b.recs.Posts {
		b.person("posts", i, uuid.Nil, p.Person, people)
		if p.Body == uuid.Nil {
			b.problem("posts", i, "body", uuid.Nil, "", ErrMissingID, "")
		} else if _, other := b.others[p.Body]; !other && !b.isOrg(p.Body) {
			b.problem("posts", i, "body", uuid.Nil, b.text(p.Body), dangjian.ErrUnknownRef, "")
		}
		if !p.Role.IsValid() {
			b.problem("posts", i, "role", uuid.Nil, enumText(p.Role), dangjian.ErrInvalid, "")
		}
		if p.Selection != SelectionUnknown && !p.Selection.IsValid() {
			b.problem("posts", i, "selection", uuid.Nil, enumText(p.Selection), dangjian.ErrInvalid, "")
		}
		if !p.Start.IsZero() && !p.End.IsZero() && !p.Start.Before(p.End) {
			b.problem("posts", i, "end", uuid.Nil, p.End.String(), dangjian.ErrInvalid, "end is not after start")
		}
	}
}

func (b *builder) checkAssignments() {
	if len(b.recs.Assignments) == 0 {
		return
	}
	people := b.peopleSet()
	for i, a := range b.recs.Assignments {
		b.person("assignments", i, a.ID, a.Person, people)
		if !a.Role.IsValid() {
			b.problem("assignments", i, "role", a.ID, enumText(a.Role), dangjian.ErrInvalid, "")
		}
		b.refOrg("assignments", i, "from", a.ID, a.From, false)
		b.refOrg("assignments", i, "to", a.ID, a.To, true)
		if a.Start.IsZero() {
			b.problem("assignments", i, "start", a.ID, "", dangjian.ErrMissing, "a dispatch needs a start date")
		} else if !a.End.IsZero() && !a.Start.Before(a.End) {
			b.problem("assignments", i, "end", a.ID, a.End.String(), dangjian.ErrInvalid, "end is not after start")
		}
	}
}

func (b *builder) checkBodies() {
	for i, body := range b.recs.Bodies {
		if !body.Kind.IsValid() {
			b.problem("bodies", i, "kind", body.ID, enumText(body.Kind), dangjian.ErrInvalid, "")
		}
		b.refOrg("bodies", i, "org", body.ID, body.Org, false)
		members := make(map[uuid.UUID]bool, len(body.Members))
		for j, m := range body.Members {
			b.refOrg("bodies", i, "members["+strconv.Itoa(j)+"]", body.ID, m, true)
			members[m] = true
		}
		if len(body.Members) > 0 && !body.Kind.IsCoordination() {
			b.problem("bodies", i, "members", body.ID, enumText(body.Kind), dangjian.ErrInvalid,
				"only a coordination body has member organizations")
		}
		if body.Chair != nil {
			for j, c := range body.Chair.Order {
				if !members[c] {
					b.problem("bodies", i, "chair.order["+strconv.Itoa(j)+"]", body.ID, b.text(c), dangjian.ErrUnknownRef,
						"the chair rotates among the body's member organizations")
				}
			}
			if body.Chair.Months <= 0 {
				b.problem("bodies", i, "chair.months", body.ID, strconv.Itoa(body.Chair.Months), dangjian.ErrInvalid, "must be positive")
			}
		}
	}
}

func (b *builder) checkSites() {
	seen := make(map[uuid.UUID]bool, len(b.recs.Sites))
	for i, s := range b.recs.Sites {
		switch {
		case s.ID == uuid.Nil:
			b.problem("sites", i, "id", s.ID, "", ErrMissingID, "")
		case seen[s.ID]:
			b.problem("sites", i, "id", s.ID, b.text(s.ID), dangjian.ErrDuplicate, "")
		default:
			seen[s.ID] = true
		}
		if !s.Kind.IsValid() {
			b.problem("sites", i, "kind", s.ID, enumText(s.Kind), dangjian.ErrInvalid, "")
		}
		b.refOrg("sites", i, "org", s.ID, s.Org, false)
		if s.Area.IsNegative() {
			b.problem("sites", i, "area", s.ID, s.Area.String(), dangjian.ErrNegative, "")
		}
	}
}

func (b *builder) checkGrids() {
	for i, g := range b.recs.Grids {
		b.refOrg("grids", i, "org", g.ID, g.Org, true)
		if g.Type != GridUnknown && !g.Type.IsValid() {
			b.problem("grids", i, "type", g.ID, enumText(g.Type), dangjian.ErrInvalid, "")
		}
	}
	for i, o := range b.recs.Orgs {
		if o.Grid != uuid.Nil && b.others[o.Grid] != 'g' {
			b.orgProblem(i, "grid", b.text(o.Grid), "", dangjian.ErrUnknownRef, "")
		}
	}
}

// assemble copies the organizations into pre-order and computes the
// subtree ranges, depths and member totals.
func (b *builder) assemble(order, parent []int32, full, prob map[int32]int64) *Tree {
	n := len(order)
	t := &Tree{
		orgs:   make([]Org, n),
		parent: make([]int32, n),
		end:    make([]int32, n),
		depth:  make([]int32, n),
		total:  make([]Members, n),
		index:  b.index,
	}
	pos := make([]int32, n) // input index → pre-order position
	for p, i := range order {
		pos[i] = int32(p)
	}
	// The approvals of all organizations share one backing array.
	nap := 0
	for i := range b.recs.Orgs {
		nap += len(b.recs.Orgs[i].Approvals)
	}
	approvals := make([]Approval, 0, nap)
	for p, i := range order {
		t.orgs[p] = b.recs.Orgs[i]
		o := &t.orgs[p]
		if o.Approvals != nil {
			k := len(approvals)
			approvals = append(approvals, o.Approvals...)
			o.Approvals = approvals[k:len(approvals):len(approvals)]
		}
		if full != nil {
			if f, ok := full[i]; ok || prob[i] > 0 {
				o.Members = Members{Full: f, Probationary: prob[i]}
			}
		}
		if int(i) != p {
			t.index[o.ID] = int32(p) // the index held the input index
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
		if t.orgs[p].Kind != PartyGroup {
			t.total[p] = t.total[p].Add(t.orgs[p].Members)
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
