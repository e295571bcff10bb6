package orgmodel_test

import (
	"math/rand/v2"
	"testing"

	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOrgsOf(t *testing.T) {
	tree, _ := small(t)
	tests := []struct {
		name string
		kind orgmodel.Kind
		dom  orgmodel.Domain
		want []string
	}{
		{"street work committees", orgmodel.WorkCommittee, orgmodel.Street, []string{"街道党工委"}},
		{"community branches, tree order", orgmodel.Branch, orgmodel.Community, []string{"网格一支部", "网格二支部"}},
		{"kind and domain must both match", orgmodel.Branch, orgmodel.NonPublicEnterprise, nil},
		{"domain not recorded", orgmodel.LocalCommittee, orgmodel.DomainUnknown, []string{"市委"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, o := range tree.OrgsOf(tt.kind, tt.dom) {
				got = append(got, o.Name)
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestDomainTopsIn(t *testing.T) {
	tree, _ := small(t)
	tests := []struct {
		name string
		root uuid.UUID
		dom  orgmodel.Domain
		want []uuid.UUID
	}{
		{"a street's communities", id("street"), orgmodel.Community, []uuid.UUID{id("comm")}},
		{"the whole tree", id("city"), orgmodel.NonPublicEnterprise, []uuid.UUID{id("ent")}},
		{"the root itself when it tops its domain", id("comm"), orgmodel.Community, []uuid.UUID{id("comm")}},
		{"branches under a top are not tops", id("grid1"), orgmodel.Community, nil},
		{"unknown ID", id("nope"), orgmodel.Community, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tree.DomainTopsIn(tt.root, tt.dom))
		})
	}
}

// Property: over random trees, the domain tops within each root, in root
// order, are the tree's domain tops, and the sum of the roots' statistics
// by Stats.Add is AggregateAll.
func TestDomainTopsInAndStatsAddProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for round := 0; round < 20; round++ {
		recs := randomTree(r, 1+r.IntN(300))
		// A second root, so that sums run over more than one subtree.
		recs.Orgs = append(recs.Orgs, orgmodel.Org{ID: id("second-root"), Kind: orgmodel.LocalCommittee, Domain: orgmodel.Organ},
			orgmodel.Org{ID: id("second-root-child"), Parent: id("second-root"), Kind: orgmodel.Branch, Domain: orgmodel.Village, Members: orgmodel.Members{Full: 7}})
		tree, err := orgmodel.Build(recs)
		require.NoError(t, err)
		sum := orgmodel.Stats{}
		for _, d := range orgmodel.Domains() {
			var tops []uuid.UUID
			for _, root := range tree.Roots() {
				tops = append(tops, tree.DomainTopsIn(root, d)...)
			}
			require.Equal(t, tree.DomainTops(d), tops, "domain %s", d)
		}
		for _, root := range tree.Roots() {
			s, _ := tree.Aggregate(root)
			sum = sum.Add(s)
		}
		require.Equal(t, tree.AggregateAll(), sum)
	}
}

func TestStatsAddLeavesItsArguments(t *testing.T) {
	a := orgmodel.Stats{Orgs: 1, ByKind: map[orgmodel.Kind]int64{orgmodel.Branch: 1}, ByDomain: map[orgmodel.Domain]int64{orgmodel.Village: 1},
		Members: orgmodel.Members{Full: 3}}
	b := orgmodel.Stats{Orgs: 2, Grassroots: 2, ByKind: map[orgmodel.Kind]int64{orgmodel.Branch: 2}, Members: orgmodel.Members{Probationary: 1}}
	s := a.Add(b)
	assert.Equal(t, orgmodel.Stats{Orgs: 3, Grassroots: 2, ByKind: map[orgmodel.Kind]int64{orgmodel.Branch: 3},
		ByDomain: map[orgmodel.Domain]int64{orgmodel.Village: 1}, Members: orgmodel.Members{Full: 3, Probationary: 1}}, s)
	assert.Equal(t, int64(1), a.ByKind[orgmodel.Branch], "a's map is not changed")
	assert.Equal(t, int64(2), b.ByKind[orgmodel.Branch], "b's map is not changed")
	assert.NotNil(t, orgmodel.Stats{}.Add(orgmodel.Stats{}).ByKind, "the sum has maps, as Aggregate's results do")
}

func TestCountYiJianTiao(t *testing.T) {
	village := func(key string) orgmodel.Org {
		return orgmodel.Org{ID: id(key), Parent: townshipID, Kind: orgmodel.Branch, Domain: orgmodel.Village, Name: key, Members: orgmodel.Members{Full: 5}}
	}
	recs := env(village("v1"), village("v2"),
		orgmodel.Org{ID: id("v2g"), Parent: id("v2"), Kind: orgmodel.PartyGroup, Domain: orgmodel.Village, Name: "group"})
	recs.Bodies = []orgmodel.Body{
		{ID: id("vc1"), Kind: orgmodel.VillagersCommittee, Org: id("v1")},
		{ID: id("vc2"), Kind: orgmodel.VillagersCommittee, Org: id("v2")},
	}
	recs.People = []orgmodel.Person{{ID: id("zhao"), Status: orgmodel.FullMember}, {ID: id("qian"), Status: orgmodel.FullMember}, {ID: id("sun")}}
	recs.Posts = []orgmodel.Post{
		{Person: id("zhao"), Body: id("v1"), Role: orgmodel.Secretary, Start: day("2021-01-01")},
		{Person: id("zhao"), Body: id("vc1"), Role: orgmodel.VillagersDirector, Start: day("2021-06-01")},
		{Person: id("qian"), Body: id("v2"), Role: orgmodel.Secretary, Start: day("2021-01-01")},
		{Person: id("sun"), Body: id("vc2"), Role: orgmodel.VillagersDirector, Start: day("2021-01-01")},
	}
	tree, err := orgmodel.Build(recs)
	require.NoError(t, err)
	tests := []struct {
		name     string
		dom      orgmodel.Domain
		on       string
		held, of int
	}{
		{"one of two villages", orgmodel.Village, "2022-01-01", 1, 2},
		{"before the secretary took the second post", orgmodel.Village, "2021-03-01", 0, 2},
		{"no communities", orgmodel.Community, "2022-01-01", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			held, of := tree.CountYiJianTiao(tt.dom, day(tt.on))
			assert.Equal(t, [2]int{tt.held, tt.of}, [2]int{held, of})
		})
	}
}
