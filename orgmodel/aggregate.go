package orgmodel

import "github.com/google/uuid"

// Stats are the figures of a subtree that an annual statistics report
// (党内统计) needs: organizations by kind and by domain, grassroots
// organizations, and full and probationary members.
type Stats struct {
	// Orgs counts every organization of the subtree, party groups included.
	Orgs int64 `json:"orgs"`
	// Grassroots counts the grassroots organizations ([Kind.IsGrassroots]).
	Grassroots int64 `json:"grassroots"`
	// ByKind and ByDomain count organizations; keys encode as the English
	// codes. Domains not recorded count under DomainUnknown ("").
	ByKind   map[Kind]int64   `json:"byKind"`
	ByDomain map[Domain]int64 `json:"byDomain"`
	// Members totals the members of the subtree. A party group's members
	// are counted in its branch, never again.
	Members Members `json:"members"`
}

// Aggregate returns the statistics of the subtree under id, and false for
// an unknown ID. It scans the subtree's contiguous range once.
func (t *Tree) Aggregate(id uuid.UUID) (Stats, bool) {
	p, ok := t.index.get(id)
	if !ok {
		return Stats{}, false
	}
	return t.aggregate(p), true
}

// AggregateAll returns the statistics of the whole tree.
func (t *Tree) AggregateAll() Stats {
	var s Stats
	s.ByKind, s.ByDomain = map[Kind]int64{}, map[Domain]int64{}
	for _, r := range t.roots {
		a := t.aggregate(r)
		s.Orgs += a.Orgs
		s.Grassroots += a.Grassroots
		s.Members = s.Members.Add(a.Members)
		for k, v := range a.ByKind {
			s.ByKind[k] += v
		}
		for d, v := range a.ByDomain {
			s.ByDomain[d] += v
		}
	}
	return s
}

func (t *Tree) aggregate(p int32) Stats {
	var kinds [16]int64
	var domains [64]int64
	for q := p; q < t.end[p]; q++ {
		kinds[t.at(q).Kind&15]++
		domains[t.at(q).Domain&63]++
	}
	s := Stats{ByKind: map[Kind]int64{}, ByDomain: map[Domain]int64{}, Members: t.total[p]}
	for k, n := range kinds {
		if n == 0 {
			continue
		}
		s.ByKind[Kind(k)] = n
		s.Orgs += n
		if Kind(k).IsGrassroots() {
			s.Grassroots += n
		}
	}
	for d, n := range domains {
		if n > 0 {
			s.ByDomain[Domain(d)] = n
		}
	}
	return s
}

// Totals returns the member totals of the subtree under id without
// counting organizations: an O(1) lookup.
func (t *Tree) Totals(id uuid.UUID) (Members, bool) {
	p, ok := t.index.get(id)
	if !ok {
		return Members{}, false
	}
	return t.total[p], true
}

// Add returns the sum of s and o: the figures of two disjoint subtrees
// together (two streets, every park). Its maps are new: neither s's nor o's
// are changed.
func (s Stats) Add(o Stats) Stats {
	out := Stats{Orgs: s.Orgs + o.Orgs, Grassroots: s.Grassroots + o.Grassroots, Members: s.Members.Add(o.Members),
		ByKind: make(map[Kind]int64, len(s.ByKind)), ByDomain: make(map[Domain]int64, len(s.ByDomain))}
	for _, m := range []map[Kind]int64{s.ByKind, o.ByKind} {
		for k, n := range m {
			out.ByKind[k] += n
		}
	}
	for _, m := range []map[Domain]int64{s.ByDomain, o.ByDomain} {
		for d, n := range m {
			out.ByDomain[d] += n
		}
	}
	return out
}
