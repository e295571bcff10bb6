package orgmodel

import (
	"github.com/dangjian-go/dangjian"
	"github.com/google/uuid"
)

// OrgsOf returns, in tree order, the organizations of kind k in domain d:
// OrgsOf(WorkCommittee, Street) lists a city's street work committees
// (街道党工委), OrgsOf(WorkCommittee, Park) its parks'. It returns nil when
// there are none.
func (t *Tree) OrgsOf(k Kind, d Domain) []Org {
	var out []Org
	for p := range int32(t.orgs.n) {
		if t.at(p).Kind == k && t.at(p).Domain == d {
			out = append(out, t.org(p))
		}
	}
	return out
}

// DomainTopsIn is [Tree.DomainTops] within the subtree under id: the IDs,
// in tree order, of the organizations of domain d beneath id (or id itself)
// that are the top of their domain. DomainTopsIn(street, Community) lists a
// street's communities. It returns nil for an unknown ID.
func (t *Tree) DomainTopsIn(id uuid.UUID, d Domain) []uuid.UUID {
	p, ok := t.index.get(id)
	if !ok {
		return nil
	}
	var out []uuid.UUID
	for q := p; q < t.end[p]; q++ {
		if t.at(q).Domain == d && t.isDomainTop(q) {
			out = append(out, t.at(q).ID)
		}
	}
	return out
}

// CountYiJianTiao counts, among the organizations of domain d that are the
// top of their domain ([Tree.DomainTops]: one per village or community),
// those whose secretary also directs the villagers' or residents' committee
// on date on ([Tree.YiJianTiao]). It returns that count and the number of
// organizations looked at: the share of 一肩挑 villages is held/of.
func (t *Tree) CountYiJianTiao(d Domain, on dangjian.Date) (held, of int) {
	for _, id := range t.DomainTops(d) {
		of++
		if _, ok := t.YiJianTiao(id, on); ok {
			held++
		}
	}
	return held, of
}
