package orgmodel_test

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBuildProblems(t *testing.T) {
	a, b, c := id("a"), id("b"), id("c")
	tests := []struct {
		name     string
		recs     orgmodel.Records
		sentinel error
		want     string // the first problem's message
	}{
		{"missing ID", orgmodel.Records{Orgs: []orgmodel.Org{{Kind: orgmodel.Branch}}}, orgmodel.ErrMissingID,
			"orgs[0].id: missing ID"},
		{"duplicate ID", orgmodel.Records{Orgs: []orgmodel.Org{{ID: a, Kind: orgmodel.Committee}, {ID: a, Kind: orgmodel.Branch}}}, orgmodel.ErrDuplicateID,
			`orgs[1].id (id "` + a.String() + `"): duplicate ID ("` + a.String() + `")`},
		{"unknown parent", orgmodel.Records{Orgs: []orgmodel.Org{{ID: a, Parent: b, Kind: orgmodel.Branch}}}, orgmodel.ErrUnknownParent,
			`orgs[0].parent (id "` + a.String() + `"): unknown parent ("` + b.String() + `")`},
		{"invalid kind", orgmodel.Records{Orgs: []orgmodel.Org{{ID: a}}}, orgmodel.ErrInvalidValue,
			`orgs[0].kind (id "` + a.String() + `"): missing value: kind not set`},
		{"undefined kind", orgmodel.Records{Orgs: []orgmodel.Org{{ID: a, Kind: 200}}}, dangjian.ErrInvalid,
			`orgs[0].kind (id "` + a.String() + `"): invalid value ("200")`},
		{"negative count", orgmodel.Records{Orgs: []orgmodel.Org{{ID: a, Kind: orgmodel.Branch, Members: orgmodel.Members{Full: -1}}}}, orgmodel.ErrNegative,
			`orgs[0].members.full (id "` + a.String() + `"): must not be negative ("-1")`},
		{"nesting", orgmodel.Records{Orgs: []orgmodel.Org{{ID: a, Kind: orgmodel.Branch}, {ID: b, Parent: a, Kind: orgmodel.Committee}}}, orgmodel.ErrNesting,
			`orgs[1].kind (id "` + b.String() + `"): kind cannot sit under its parent's kind ("党委 under 党支部") [ORG-NEST]`},
		{"party group as root", orgmodel.Records{Orgs: []orgmodel.Org{{ID: a, Kind: orgmodel.PartyGroup}}}, orgmodel.ErrNesting,
			`orgs[0].parent (id "` + a.String() + `"): kind cannot sit under its parent's kind: a party_group (党小组) cannot be a root [ORG-NEST]`},
		{"cycle", orgmodel.Records{Orgs: []orgmodel.Org{{ID: a, Parent: c, Kind: orgmodel.Committee}, {ID: b, Parent: a, Kind: orgmodel.Committee}, {ID: c, Parent: b, Kind: orgmodel.Committee}}}, orgmodel.ErrCycle,
			`orgs[0].parent (id "` + a.String() + `"): parent links form a cycle: ` + a.String() + ` → ` + b.String() + ` → ` + c.String()},
		{"self parent", orgmodel.Records{Orgs: []orgmodel.Org{{ID: a, Parent: a, Kind: orgmodel.Committee}}}, orgmodel.ErrCycle,
			`orgs[0].parent (id "` + a.String() + `"): parent links form a cycle: ` + a.String()},
		{"post in an unknown body", orgmodel.Records{Orgs: []orgmodel.Org{{ID: a, Kind: orgmodel.Committee}},
			People: []orgmodel.Person{{ID: b}}, Posts: []orgmodel.Post{{Person: b, Body: c, Role: orgmodel.Secretary}}}, orgmodel.ErrUnknownRef,
			`posts[0].body: refers to an unknown ID ("` + c.String() + `")`},
		{"member list disagrees", orgmodel.Records{Orgs: []orgmodel.Org{{ID: a, Kind: orgmodel.Branch, Members: orgmodel.Members{Full: 5}}},
			People: []orgmodel.Person{{ID: b, Status: orgmodel.FullMember, Org: a}}}, orgmodel.ErrMemberMismatch,
			`orgs[0].members (id "` + a.String() + `"): member counts differ from the member list ("full 5, probationary 0; listed 1 and 0")`},
		{"body ID used by an org", orgmodel.Records{Orgs: []orgmodel.Org{{ID: a, Kind: orgmodel.Committee}},
			Bodies: []orgmodel.Body{{ID: a, Kind: orgmodel.LeadingGroup}}}, orgmodel.ErrDuplicateID,
			`bodies[0].id (id "` + a.String() + `"): duplicate ID ("` + a.String() + `")`},
		{"chair outside the members", orgmodel.Records{Orgs: []orgmodel.Org{{ID: a, Kind: orgmodel.Committee}, {ID: b, Parent: a, Kind: orgmodel.Branch}},
			Bodies: []orgmodel.Body{{ID: c, Kind: orgmodel.JointConference, Members: []uuid.UUID{a}, Chair: &orgmodel.Rotation{Order: []uuid.UUID{b}, Months: 12}}}}, orgmodel.ErrUnknownRef,
			`bodies[0].chair.order[0] (id "` + c.String() + `"): refers to an unknown ID: the chair rotates among the body's member organizations ("` + b.String() + `")`},
		{"negative area", orgmodel.Records{Orgs: []orgmodel.Org{{ID: a, Kind: orgmodel.Committee}},
			Sites: []orgmodel.Site{{ID: b, Kind: orgmodel.MemberStation, Org: a, Area: decimal.RequireFromString("-1.5")}}}, orgmodel.ErrNegative,
			`sites[0].area (id "` + b.String() + `"): must not be negative ("-1.5")`},
		{"dispatch without a start", orgmodel.Records{Orgs: []orgmodel.Org{{ID: a, Kind: orgmodel.Committee}},
			People: []orgmodel.Person{{ID: b}}, Assignments: []orgmodel.Assignment{{ID: c, Person: b, Role: orgmodel.FirstSecretary, To: a}}}, orgmodel.ErrInvalidValue,
			`assignments[0].start (id "` + c.String() + `"): missing value: a dispatch needs a start date`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tree, err := orgmodel.Build(tt.recs)
			require.Error(t, err)
			assert.Nil(t, tree)
			assert.ErrorIs(t, err, tt.sentinel)
			var ps dangjian.Problems
			require.ErrorAs(t, err, &ps)
			assert.Equal(t, tt.want, ps[0].Error())
		})
	}
}

func TestBuildReportsEveryProblem(t *testing.T) {
	recs := orgmodel.Records{Orgs: []orgmodel.Org{
		{ID: id("a"), Kind: orgmodel.Committee},
		{ID: id("b"), Parent: id("x"), Kind: orgmodel.Branch},
		{ID: id("c"), Parent: id("a"), Kind: orgmodel.Branch, Members: orgmodel.Members{Probationary: -2}},
		{ID: id("d"), Parent: id("c"), Kind: orgmodel.Committee},
	}}
	_, err := orgmodel.Build(recs)
	var ps dangjian.Problems
	require.ErrorAs(t, err, &ps)
	var paths []string
	for _, p := range ps {
		paths = append(paths, p.Path)
	}
	assert.ElementsMatch(t, []string{"orgs[2].members.probationary", "orgs[1].parent", "orgs[3].kind"}, paths)
	assert.Contains(t, err.Error(), "(and 2 more problems)")
}

func small(t *testing.T) (*orgmodel.Tree, orgmodel.Records) {
	t.Helper()
	recs := orgmodel.Records{Orgs: []orgmodel.Org{
		{ID: id("city"), Kind: orgmodel.LocalCommittee, Name: "市委"},
		{ID: id("street"), Parent: id("city"), Kind: orgmodel.WorkCommittee, Domain: orgmodel.Street, Name: "街道党工委"},
		{ID: id("comm"), Parent: id("street"), Kind: orgmodel.Committee, Domain: orgmodel.Community, Name: "社区党委", Members: orgmodel.Members{Full: 5}},
		{ID: id("grid1"), Parent: id("comm"), Kind: orgmodel.Branch, Domain: orgmodel.Community, Name: "网格一支部", Members: orgmodel.Members{Full: 20, Probationary: 2}},
		{ID: id("grp"), Parent: id("grid1"), Kind: orgmodel.PartyGroup, Domain: orgmodel.Community, Name: "1号楼党小组", Members: orgmodel.Members{Full: 6}},
		{ID: id("grid2"), Parent: id("comm"), Kind: orgmodel.Branch, Domain: orgmodel.Community, Name: "网格二支部", Members: orgmodel.Members{Full: 10}},
		{ID: id("ent"), Parent: id("street"), Kind: orgmodel.JointBranch, Domain: orgmodel.NonPublicEnterprise, Name: "商务楼宇联合党支部", Members: orgmodel.Members{Full: 4, Probationary: 1}, Units: 4},
	}}
	tree, err := orgmodel.Build(recs)
	require.NoError(t, err)
	return tree, recs
}

func TestTraversal(t *testing.T) {
	tree, _ := small(t)
	assert.Equal(t, 7, tree.Len())
	assert.Equal(t, []uuid.UUID{id("city")}, tree.Roots())
	assert.Equal(t, []uuid.UUID{id("grid1"), id("grid2")}, tree.Children(id("comm")))
	assert.Equal(t, []uuid.UUID{id("grid1"), id("comm"), id("street"), id("city")}, tree.Ancestors(id("grp")))
	assert.Equal(t, []uuid.UUID{id("city"), id("street"), id("comm")}, tree.Path(id("comm")))
	assert.Equal(t, "市委 / 街道党工委 / 社区党委 / 网格一支部 / 1号楼党小组", tree.PathString(id("grp")))
	p, ok := tree.Parent(id("ent"))
	assert.True(t, ok)
	assert.Equal(t, id("street"), p)
	_, ok = tree.Parent(id("city"))
	assert.False(t, ok)
	d, _ := tree.Depth(id("grp"))
	assert.Equal(t, 4, d)
	assert.True(t, tree.IsAncestor(id("street"), id("grp")))
	assert.False(t, tree.IsAncestor(id("grp"), id("street")))
	assert.False(t, tree.IsAncestor(id("grid2"), id("grp")))
	assert.Nil(t, tree.Path(id("nope")))
	assert.Nil(t, tree.Children(id("nope")))

	var names []string
	var depths []int
	for depth, o := range tree.Subtree(id("comm")) {
		names = append(names, o.Name)
		depths = append(depths, depth)
	}
	assert.Equal(t, []string{"社区党委", "网格一支部", "1号楼党小组", "网格二支部"}, names)
	assert.Equal(t, []int{0, 1, 2, 1}, depths)
	n := 0
	for range tree.All() {
		n++
		if n == 3 {
			break // early exit is honoured
		}
	}
	assert.Equal(t, 3, n)
}

func TestAggregate(t *testing.T) {
	tree, _ := small(t)
	s, ok := tree.Aggregate(id("street"))
	require.True(t, ok)
	assert.Equal(t, int64(6), s.Orgs)
	assert.Equal(t, int64(4), s.Grassroots, "committee, two branches, joint branch")
	assert.Equal(t, orgmodel.Members{Full: 39, Probationary: 3}, s.Members, "the party group's 6 are counted in its branch")
	assert.Equal(t, int64(2), s.ByKind[orgmodel.Branch])
	assert.Equal(t, int64(1), s.ByKind[orgmodel.PartyGroup])
	assert.Equal(t, int64(4), s.ByDomain[orgmodel.Community])
	all := tree.AggregateAll()
	assert.Equal(t, int64(7), all.Orgs)
	m, _ := tree.Totals(id("city"))
	assert.Equal(t, all.Members, m)
	_, ok = tree.Aggregate(id("nope"))
	assert.False(t, ok)
}

// randomTree builds a random valid tree of n organizations.
func randomTree(r *rand.Rand, n int) orgmodel.Records {
	recs := orgmodel.Records{Orgs: make([]orgmodel.Org, n)}
	recs.Orgs[0] = orgmodel.Org{ID: id("r0"), Kind: orgmodel.LocalCommittee, Name: "root"}
	for i := 1; i < n; i++ {
		var parent int
		var kind orgmodel.Kind
		for {
			parent = r.IntN(i)
			switch pk := recs.Orgs[parent].Kind; {
			case pk == orgmodel.PartyGroup:
				continue
			case pk.IsBranch():
				kind = orgmodel.PartyGroup
			default:
				kind = []orgmodel.Kind{orgmodel.Committee, orgmodel.GeneralBranch, orgmodel.Branch, orgmodel.JointBranch}[r.IntN(4)]
				if pk == orgmodel.GeneralBranch && (kind == orgmodel.Committee || kind == orgmodel.GeneralBranch) {
					kind = orgmodel.Branch
				}
			}
			break
		}
		recs.Orgs[i] = orgmodel.Org{ID: id("r" + strconv.Itoa(i)), Parent: recs.Orgs[parent].ID, Kind: kind,
			Domain: orgmodel.Domains()[r.IntN(len(orgmodel.Domains()))], Name: "o" + strconv.Itoa(i),
			Members: orgmodel.Members{Full: r.Int64N(60), Probationary: r.Int64N(5)}}
	}
	// Shuffle the records: order must not matter for totals.
	r.Shuffle(n, func(i, j int) { recs.Orgs[i], recs.Orgs[j] = recs.Orgs[j], recs.Orgs[i] })
	return recs
}

// Property: a subtree's aggregates equal the sum over its children plus
// itself (a party group adds an organization but no members).
func TestAggregateProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 20; round++ {
		recs := randomTree(r, 1+r.IntN(400))
		tree, err := orgmodel.Build(recs)
		require.NoError(t, err)
		for _, o := range recs.Orgs {
			s, ok := tree.Aggregate(o.ID)
			require.True(t, ok)
			want := orgmodel.Stats{Orgs: 1, ByKind: map[orgmodel.Kind]int64{o.Kind: 1}, ByDomain: map[orgmodel.Domain]int64{o.Domain: 1}}
			if o.Kind.IsGrassroots() {
				want.Grassroots = 1
			}
			if o.Kind != orgmodel.PartyGroup {
				want.Members = o.Members
			}
			for _, c := range tree.Children(o.ID) {
				cs, _ := tree.Aggregate(c)
				want.Orgs += cs.Orgs
				want.Grassroots += cs.Grassroots
				want.Members = want.Members.Add(cs.Members)
				for k, v := range cs.ByKind {
					want.ByKind[k] += v
				}
				for d, v := range cs.ByDomain {
					want.ByDomain[d] += v
				}
			}
			require.Equal(t, want, s, "org %s", o.Name)
		}
		all := tree.AggregateAll()
		var members orgmodel.Members
		for _, o := range recs.Orgs {
			if o.Kind != orgmodel.PartyGroup {
				members = members.Add(o.Members)
			}
		}
		assert.Equal(t, members, all.Members)
		assert.Equal(t, int64(len(recs.Orgs)), all.Orgs)
	}
}

// A chain of 200,000 organizations: no recursion limit anywhere.
func TestDeepChain(t *testing.T) {
	const n = 200_000
	recs := orgmodel.Records{Orgs: make([]orgmodel.Org, n)}
	for i := range recs.Orgs {
		o := orgmodel.Org{ID: id("c" + strconv.Itoa(i)), Kind: orgmodel.Committee, Name: "c", Members: orgmodel.Members{Full: 1}}
		if i > 0 {
			o.Parent = recs.Orgs[i-1].ID
		}
		recs.Orgs[i] = o
	}
	tree, err := orgmodel.BuildWith(recs, orgmodel.BuildOptions{MaxDepth: n})
	require.NoError(t, err)
	last := recs.Orgs[n-1].ID
	assert.Len(t, tree.Ancestors(last), n-1)
	d, _ := tree.Depth(last)
	assert.Equal(t, n-1, d)
	m, _ := tree.Totals(recs.Orgs[0].ID)
	assert.Equal(t, int64(n), m.Full)
	_, err = orgmodel.Validate(tree, orgmodel.NationalRules(), day("2025-01-01"))
	require.NoError(t, err)
	// A cycle of the same length is found without recursion too.
	recs.Orgs[0].Parent = last
	_, err = orgmodel.BuildWith(recs, orgmodel.BuildOptions{MaxDepth: n})
	assert.ErrorIs(t, err, orgmodel.ErrCycle)
	assert.Contains(t, err.Error(), "(200000 in all)")
}

func TestTreeIsImmutable(t *testing.T) {
	recs := env(with(subject(orgmodel.GeneralBranch, orgmodel.School, 40, 0), approved(orgmodel.Threshold)))
	tree, err := orgmodel.Build(recs)
	require.NoError(t, err)
	before := tree.Records()

	recs.Orgs[2].Name = "changed"
	recs.Orgs[2].Approvals[0].Ref = "changed"
	o, _ := tree.Org(subjectID)
	o.Approvals[0].Ref = "changed too"
	for _, x := range tree.All() {
		if len(x.Approvals) > 0 {
			x.Approvals[0].By = uuid.Nil
		}
	}
	rs := orgmodel.NationalRules()
	_, err = orgmodel.Validate(tree, rs, day("2025-01-01"))
	require.NoError(t, err)
	assert.Equal(t, before, tree.Records(), "neither the records, returned values nor validation change the tree")
	assert.Equal(t, orgmodel.NationalRules(), rs, "validation does not change the rule set")
}

func TestRecordsRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	recs := randomTree(r, 300)
	tree, err := orgmodel.Build(recs)
	require.NoError(t, err)
	again, err := orgmodel.Build(tree.Records())
	require.NoError(t, err)
	assert.Equal(t, tree.Records(), again.Records())
	assert.Equal(t, tree.AggregateAll(), again.AggregateAll())
}

func TestMemberListDerivesCounts(t *testing.T) {
	recs := env(subject(orgmodel.Branch, orgmodel.School, 0, 0))
	for i := 0; i < 4; i++ {
		st := orgmodel.FullMember
		if i == 3 {
			st = orgmodel.Probationary
		}
		recs.People = append(recs.People, orgmodel.Person{ID: id("m" + strconv.Itoa(i)), Name: "党员", Status: st, Org: subjectID})
	}
	tree, err := orgmodel.Build(recs)
	require.NoError(t, err)
	o, _ := tree.Org(subjectID)
	assert.Equal(t, orgmodel.Members{Full: 3, Probationary: 1}, o.Members)
	recs.People = append(recs.People, orgmodel.Person{ID: id("x"), Status: orgmodel.NonMember, Org: subjectID})
	_, err = orgmodel.Build(recs)
	assert.ErrorIs(t, err, orgmodel.ErrInvalidValue)
}

func TestPostsAndYiJianTiao(t *testing.T) {
	recs := env(with(subject(orgmodel.Branch, orgmodel.Village, 12, 0), func(o *orgmodel.Org) { o.Parent = townshipID }))
	recs.Bodies = []orgmodel.Body{{ID: id("vc"), Kind: orgmodel.VillagersCommittee, Name: "村民委员会", Org: subjectID}}
	recs.People = []orgmodel.Person{{ID: id("wang"), Name: "王书记", Status: orgmodel.FullMember}, {ID: id("li"), Name: "李主任"}}
	recs.Posts = []orgmodel.Post{
		{Person: id("wang"), Body: subjectID, Role: orgmodel.Secretary, Selection: orgmodel.Elected, Start: day("2021-01-01")},
		{Person: id("li"), Body: id("vc"), Role: orgmodel.VillagersDirector, Selection: orgmodel.Elected, Start: day("2018-01-01"), End: day("2021-06-01")},
		{Person: id("wang"), Body: id("vc"), Role: orgmodel.VillagersDirector, Selection: orgmodel.Elected, Start: day("2021-06-01")},
	}
	tree, err := orgmodel.Build(recs)
	require.NoError(t, err)
	who, ok := tree.YiJianTiao(subjectID, day("2022-01-01"))
	assert.True(t, ok)
	assert.Equal(t, id("wang"), who)
	_, ok = tree.YiJianTiao(subjectID, day("2021-03-01"))
	assert.False(t, ok, "before June 2021 the director was someone else")
	assert.Len(t, tree.PostsOf(id("wang")), 2)
	assert.Len(t, tree.Posts(id("vc")), 2)
	h, ok := tree.Holder(id("vc"), orgmodel.VillagersDirector, day("2020-01-01"))
	assert.True(t, ok)
	assert.Equal(t, id("li"), h)
	assert.Len(t, tree.Bodies(subjectID), 1)
	p, ok := tree.Person(id("li"))
	assert.True(t, ok)
	assert.Equal(t, "李主任", p.Name)
}

func TestRotation(t *testing.T) {
	a, b, c := id("a"), id("b"), id("c")
	r := orgmodel.Rotation{Order: []uuid.UUID{a, b, c}, Start: day("2024-03-15"), Months: 6}
	tests := []struct {
		date string
		want uuid.UUID
		ok   bool
	}{
		{"2024-03-14", uuid.Nil, false},
		{"2024-03-15", a, true},
		{"2024-09-14", a, true},
		{"2024-09-15", b, true},
		{"2025-03-15", c, true},
		{"2025-09-15", a, true},
	}
	for _, tt := range tests {
		t.Run(tt.date, func(t *testing.T) {
			got, ok := r.ChairOn(day(tt.date))
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.want, got)
		})
	}
	_, ok := orgmodel.Rotation{}.ChairOn(day("2025-01-01"))
	assert.False(t, ok)
}

// Trees and validators are safe for concurrent use: run under -race.
func TestConcurrentUse(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	recs := randomTree(r, 2000)
	tree, err := orgmodel.Build(recs)
	require.NoError(t, err)
	v, err := orgmodel.NewValidator(orgmodel.NationalRules())
	require.NoError(t, err)
	want, err := v.Validate(tree, day("2025-01-01"))
	require.NoError(t, err)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got, err := v.Validate(tree, day("2025-01-01"))
			assert.NoError(t, err)
			assert.Equal(t, want, got)
			for _, o := range recs.Orgs[:50] {
				tree.Aggregate(o.ID)
				tree.PathString(o.ID)
				tree.Children(o.ID)
			}
		}()
	}
	wg.Wait()
}

func TestRuleSetCheck(t *testing.T) {
	base := orgmodel.NationalRules()
	r, ok := base.Rule("ORG-BRANCH-MIN-3")
	require.True(t, ok)
	tests := []struct {
		name string
		edit func(*orgmodel.Rule)
		want string
	}{
		{"no basis", func(r *orgmodel.Rule) { r.Basis = 0 }, `rules[0].basis (id "ORG-BRANCH-MIN-3"): bad rule: not set`},
		{"no modality", func(r *orgmodel.Rule) { r.Modality = 0 }, `rules[0].modality (id "ORG-BRANCH-MIN-3"): bad rule: not set`},
		{"unknown check", func(r *orgmodel.Rule) { r.Check = 200 }, `rules[0].check (id "ORG-BRANCH-MIN-3"): bad rule: unknown check 200`},
		{"no source", func(r *orgmodel.Rule) { r.Source = dangjian.Source{} }, `bad rule: rules[0] ("ORG-BRANCH-MIN-3"): no source document: bad rule table (and 1 more problems)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bad := r
			bad.Kinds = append([]orgmodel.Kind(nil), r.Kinds...)
			tt.edit(&bad)
			err := base.With(bad).Check()
			require.Error(t, err)
			assert.Equal(t, tt.want, err.Error())
			assert.ErrorIs(t, err, dangjian.ErrBadRule)
			_, err2 := orgmodel.NewValidator(base.With(bad))
			assert.Equal(t, err, err2, "NewValidator returns the problems")
		})
	}
	// With replaces by ID; Without removes; neither changes the receiver.
	stricter := r
	stricter.N = 5
	rs := base.With(stricter)
	got, _ := rs.Rule("ORG-BRANCH-MIN-3")
	assert.Equal(t, int64(5), got.N)
	assert.Len(t, rs.Rules, len(base.Rules))
	orig, _ := base.Rule("ORG-BRANCH-MIN-3")
	assert.Equal(t, int64(3), orig.N)
	assert.Len(t, base.Without("ORG-BRANCH-MIN-3").Rules, len(base.Rules)-1)
	// Overlapping windows within a topic are rejected.
	dup, _ := base.Rule("ORG-TERM-CMTE-5")
	dup.ID = "ORG-TERM-CMTE-5-COPY"
	err := base.With(dup).Check()
	require.Error(t, err)
	assert.Contains(t, err.Error(), `overlap on topic "term/committee"`)
	assert.True(t, errors.Is(err, dangjian.ErrBadRuleTable))
}

// A province can count full members for the 50 threshold (浙江 2012).
func TestCountingBasisIsData(t *testing.T) {
	recs := env(subject(orgmodel.Branch, orgmodel.NonPublicEnterprise, 48, 5))
	tree, err := orgmodel.Build(recs)
	require.NoError(t, err)
	national, _ := orgmodel.Validate(tree, orgmodel.NationalRules(), day("2025-01-01"))
	assert.Equal(t, 1, national.ByRule()["ORG-BRANCH-SOFTCAP-50"], "53 members counted with the probationary ones")
	r, _ := orgmodel.NationalRules().Rule("ORG-BRANCH-SOFTCAP-50")
	r.Basis = orgmodel.FullMembers
	zj := orgmodel.NationalRules().With(r)
	zj.Name = "浙江"
	prov, err := orgmodel.Validate(tree, zj, day("2025-01-01"))
	require.NoError(t, err)
	assert.Equal(t, 0, prov.ByRule()["ORG-BRANCH-SOFTCAP-50"], "48 full members")
}

func TestRuleSetPeriod(t *testing.T) {
	tree, _ := small(t)
	rs := orgmodel.NationalRules()
	rs.Name = "某省2012"
	rs.Period = dangjian.Period{From: day("2012-01-01")}
	_, err := orgmodel.Validate(tree, rs, day("2011-12-31"))
	require.ErrorIs(t, err, dangjian.ErrOutOfPeriod)
	assert.EqualError(t, err, `date outside the rules' period: rule set "某省2012" is for [2012-01-01, …) ("2011-12-31")`)
	_, err = orgmodel.Validate(tree, rs, day("2012-01-01"))
	require.NoError(t, err)
}

// TestFindingJSON checks a finding of a tree read from a CSV file: it
// names the organization by the file's id, gives its line, and encodes as
// the module's one finding shape.
func TestFindingJSON(t *testing.T) {
	const table = "id,parent_id,kind,domain,name,full_members,probationary_members\n" +
		"1001,,committee,community,某社区党委,30,0\n" +
		"1002,1001,branch,community,第一支部,2,0\n"
	recs, err := orgmodel.ReadCSV(strings.NewReader(table))
	require.NoError(t, err)
	tree, err := orgmodel.Build(recs)
	require.NoError(t, err)
	rep, err := orgmodel.Validate(tree, orgmodel.NationalRules(), day("2025-06-30"))
	require.NoError(t, err)
	var f dangjian.Finding
	for _, g := range rep.Findings {
		if g.Rule == "ORG-BRANCH-MIN-3" {
			f = g
		}
	}
	require.Equal(t, "ORG-BRANCH-MIN-3", f.Rule, "findings: %+v", rep.Findings)
	b, err := json.Marshal(f)
	require.NoError(t, err)
	assert.Equal(t, `{"rule":"ORG-BRANCH-MIN-3","severity":"error","subject":"1002","name":"某社区党委 / 第一支部",`+
		`"field":"members.full","value":"2","line":3,`+
		`"message":"党支部 \"第一支部\" has 2 full members; the rule needs at least 3: form a 联合党支部 (joint_branch) with neighbouring units or place the members in another branch",`+
		`"source":{"doc":"中国共产党支部工作条例（试行）","article":"第四条","confidence":"verified",`+
		`"note":"applied to joint branches too: a joint branch as a whole needs 3 full members (reading)"}}`, string(b))
	var back dangjian.Finding
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, f, back)
	id, ok := tree.Lookup(f.Subject)
	require.True(t, ok)
	assert.Equal(t, orgmodel.CSVID("1002"), id)
	assert.Equal(t, "1002", tree.IDText(id))
}

// TestFindingApproval checks that an approval that downgrades a finding is
// converted, naming the approver by the caller's ID.
func TestFindingApproval(t *testing.T) {
	town := orgmodel.Org{ID: orgmodel.CSVID("T1"), Key: "T1", Kind: orgmodel.Committee, Domain: orgmodel.Township, Name: "某镇党委", Members: orgmodel.Members{Full: 40}}
	branch := orgmodel.Org{ID: orgmodel.CSVID("B1"), Key: "B1", Parent: town.ID, Kind: orgmodel.Branch, Domain: orgmodel.School, Name: "某校党支部",
		Members: orgmodel.Members{Full: 46, Probationary: 5},
		Approvals: []orgmodel.Approval{{Kind: orgmodel.Threshold, By: town.ID, On: day("2024-01-02"), Ref: "镇委〔2024〕1号"},
			{Kind: orgmodel.Formation, By: town.ID, On: day("2020-01-02")}}}
	tree, err := orgmodel.Build(orgmodel.Records{Orgs: []orgmodel.Org{town, branch}})
	require.NoError(t, err)
	rep, err := orgmodel.Validate(tree, orgmodel.NationalRules(), day("2025-06-30"))
	require.NoError(t, err)
	var got []dangjian.Finding
	for _, f := range rep.Findings {
		if f.Approval != nil {
			got = append(got, f)
		}
	}
	require.NotEmpty(t, got, "findings: %+v", rep.Findings)
	for _, f := range got {
		assert.Equal(t, "B1", f.Subject)
		assert.Equal(t, dangjian.Info, f.Severity)
		assert.Equal(t, &dangjian.Approval{Kind: "threshold", By: "T1", On: day("2024-01-02"), Ref: "镇委〔2024〕1号"}, f.Approval)
	}
}

// TestValidateFormsAgree checks that Validate and Validator.Validate make
// the same checks and give the same results.
func TestValidateFormsAgree(t *testing.T) {
	tree, _ := small(t)
	rs := orgmodel.NationalRules()
	rs.Name = "某省2012"
	rs.Period = dangjian.Period{From: day("2012-01-01"), To: day("2030-01-01")}
	v, err := orgmodel.NewValidator(rs)
	require.NoError(t, err)
	tests := []struct {
		name string
		tree *orgmodel.Tree
		asOf string
		err  string
		kind *dangjian.Kind
	}{
		{"in the period", tree, "2025-06-30", "", nil},
		{"first day", tree, "2012-01-01", "", nil},
		{"before the period", tree, "2011-12-31",
			`date outside the rules' period: rule set "某省2012" is for [2012-01-01, 2030-01-01) ("2011-12-31")`, dangjian.ErrOutOfPeriod},
		{"after the period", tree, "2030-01-01", "", dangjian.ErrOutOfPeriod},
		{"nil tree", nil, "2025-06-30", "missing value: no tree to validate", dangjian.ErrMissing},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			short, err1 := orgmodel.Validate(tt.tree, rs, day(tt.asOf))
			long, err2 := v.Validate(tt.tree, day(tt.asOf))
			assert.Equal(t, short, long)
			if tt.kind == nil {
				require.NoError(t, err1)
				require.NoError(t, err2)
				assert.NotEmpty(t, short.Findings)
				return
			}
			require.ErrorIs(t, err1, tt.kind)
			require.ErrorIs(t, err2, tt.kind)
			assert.Equal(t, err1.Error(), err2.Error())
			assert.Zero(t, short)
			if tt.err != "" {
				assert.Equal(t, tt.err, err1.Error())
			}
		})
	}
}
