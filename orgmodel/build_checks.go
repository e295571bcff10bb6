package orgmodel

import (
	"fmt"
	"strconv"

	"github.com/dangjian-go/dangjian"
	"github.com/google/uuid"
)

func (b *builder) indexOthers() {
	b.others = make(map[uuid.UUID]byte, len(b.recs.Bodies)+len(b.recs.Grids))
	claim := func(field string, i int, id uuid.UUID, tag byte) {
		if id == uuid.Nil {
			b.problem(field, i, "id", id, "", ErrMissingID, "")
			return
		}
		inOrgs := b.index.has(id)
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

func (b *builder) isOrg(id uuid.UUID) bool { return b.index.has(id) }

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

// checkApprovals checks each organization's approvals and its project.
func (b *builder) checkApprovals() {
	if len(b.orgs.ext) == 0 {
		return // no organization records an approval, a grid or a project
	}
	for i := range b.orgs.n {
		o := b.orgs.org(i)
		if pr := b.orgs.project(o); pr != nil {
			if pr.Start.IsZero() {
				b.orgProblem(i, "project.start", "", "", dangjian.ErrMissing, "a project needs its first day")
			} else if !pr.End.IsZero() && pr.End.Before(pr.Start) {
				b.orgProblem(i, "project.end", pr.End.String(), "", dangjian.ErrInvalid, "the last day is before the first ("+pr.Start.String()+")")
			}
		}
		for j, a := range b.orgs.approvals(o) {
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
		oi, ok := b.index.get(p.Org)
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
	m := b.orgs.org(int(oi)).Members
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
	if len(b.orgs.ext) == 0 {
		return // no organization records a grid (nor an approval)
	}
	for i := range b.orgs.n {
		if g := b.orgs.grid(b.orgs.org(i)); g != uuid.Nil && b.others[g] != 'g' {
			b.orgProblem(i, "grid", b.text(g), "", dangjian.ErrUnknownRef, "")
		}
	}
}
