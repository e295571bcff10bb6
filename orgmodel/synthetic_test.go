package orgmodel_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSyntheticSize checks that Synthetic gives exactly n organizations
// and that the tree builds, including when n cuts a county short.
func TestSyntheticSize(t *testing.T) {
	for _, tc := range []struct {
		name string
		n    int
		want int
	}{
		{"negative", -5, 0},
		{"zero", 0, 0},
		{"root only", 1, 1},
		{"root and county", 2, 2},
		{"cut inside a street", 7, 7},
		{"cut inside a township", 500, 500},
		{"10k", 10_000, 10_000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			recs := orgmodel.Synthetic(tc.n, 1)
			require.Len(t, recs.Orgs, tc.want)
			if tc.want == 0 {
				return
			}
			tree, err := orgmodel.Build(recs)
			require.NoError(t, err)
			assert.Equal(t, tc.want, tree.Len())
			assert.Len(t, tree.Roots(), 1)
		})
	}
}

// TestSyntheticDeterministic checks that a seed fixes the records.
func TestSyntheticDeterministic(t *testing.T) {
	a := orgmodel.Synthetic(2_000, 7)
	b := orgmodel.Synthetic(2_000, 7)
	c := orgmodel.Synthetic(2_000, 8)
	assert.Equal(t, a, b, "same seed")
	assert.NotEqual(t, a.Orgs[0].ID, c.Orgs[0].ID, "another seed")
	assert.NotEqual(t, a, c, "another seed")
}

// TestSyntheticMix checks the mix of kinds and members against the
// national statistics of end-2024 (中共中央组织部《中国共产党党内统计公报》,
// 2025-06-30): 5.8 % committees,
// 6.3 % general branches and 87.9 % branches among grassroots
// organizations, and about 19 members per organization.
func TestSyntheticMix(t *testing.T) {
	const n = 100_000
	tree, err := orgmodel.Build(orgmodel.Synthetic(n, 3))
	require.NoError(t, err)
	s := tree.AggregateAll()
	grassroots := s.ByKind[orgmodel.Committee] + s.ByKind[orgmodel.GeneralBranch] +
		s.ByKind[orgmodel.Branch] + s.ByKind[orgmodel.JointBranch]
	perMille := func(part, whole int64) int64 { return 1000 * part / whole }
	for _, tc := range []struct {
		name   string
		got    int64 // per mille
		lo, hi int64
	}{
		{"committees among grassroots", perMille(s.ByKind[orgmodel.Committee], grassroots), 50, 75},
		{"general branches among grassroots", perMille(s.ByKind[orgmodel.GeneralBranch], grassroots), 50, 75},
		{"branches among grassroots", perMille(s.ByKind[orgmodel.Branch]+s.ByKind[orgmodel.JointBranch], grassroots), 850, 900},
		{"party groups among organizations", perMille(s.ByKind[orgmodel.PartyGroup], n), 3, 20},
		{"local and work committees among organizations", perMille(s.ByKind[orgmodel.LocalCommittee]+s.ByKind[orgmodel.WorkCommittee], n), 3, 15},
		{"members per thousand organizations", perMille(s.Members.Total(), n), 17_000, 21_000},
		{"probationary per thousand members", perMille(s.Members.Probationary, s.Members.Total()), 10, 60},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.GreaterOrEqual(t, tc.got, tc.lo)
			assert.LessOrEqual(t, tc.got, tc.hi)
		})
	}
	t.Run("every domain of the generator", func(t *testing.T) {
		for _, d := range []orgmodel.Domain{orgmodel.Street, orgmodel.Community, orgmodel.Township, orgmodel.Village,
			orgmodel.Organ, orgmodel.StateEnterprise, orgmodel.NonPublicEnterprise, orgmodel.School,
			orgmodel.Hospital, orgmodel.PublicInstitution, orgmodel.SocialOrg} {
			assert.Positive(t, s.ByDomain[d], d.String())
		}
	})
}

// TestSyntheticValidate checks that a 10k synthetic tree builds and that
// validation finds a small fraction of breaches of many rules, some of
// them covered by approvals.
func TestSyntheticValidate(t *testing.T) {
	const n = 10_000
	tree, err := orgmodel.Build(orgmodel.Synthetic(n, 1))
	require.NoError(t, err)
	rep, err := orgmodel.Validate(tree, orgmodel.NationalRules(), dangjian.MustParseDate("2025-06-30"))
	require.NoError(t, err)

	t.Run("findings of each severity", func(t *testing.T) {
		assert.True(t, rep.HasErrors())
		assert.Positive(t, rep.Count(orgmodel.Warning))
		assert.Positive(t, rep.Count(orgmodel.Info))
	})
	t.Run("a small fraction", func(t *testing.T) {
		assert.Less(t, len(rep.Findings), n/5)
		assert.Less(t, rep.Count(orgmodel.Error), n/20)
	})
	t.Run("rules that fire", func(t *testing.T) {
		by := rep.ByRule()
		for _, id := range []string{
			"ORG-BRANCH-MIN-3", "ORG-BRANCH-SOFTCAP-50", "ORG-JOINT-UNITS-5", "ORG-GB-ORGAN-50",
			"ORG-CMTE-BELOW-100", "ORG-CMTE-BELOW-100-OTHER", "ORG-CMTE-BELOW-100-VILLAGE", "ORG-GB-BELOW-50-OTHER", "ORG-GROUP-SIZE", "ORG-TERM-BRANCH-3",
			"ORG-TERM-OVERDUE", "ORG-TERM-DUE-SOON", "ORG-VILLAGE-APPROVAL", "ORG-DISPATCHED-NO-TERM",
		} {
			assert.Positive(t, by[id], id)
		}
	})
	t.Run("approvals cover findings", func(t *testing.T) {
		covered := 0
		for _, f := range rep.Findings {
			if f.Approval != nil {
				covered++
				assert.Equal(t, orgmodel.Info, f.Severity, f.Rule)
			}
		}
		assert.Positive(t, covered)
	})
	t.Run("findings name their organization", func(t *testing.T) {
		for _, f := range rep.Findings[:50] {
			id, ok := tree.Lookup(f.Subject)
			assert.True(t, ok, f.Subject)
			assert.Equal(t, tree.PathString(id), f.Name)
		}
	})
}

// TestBuildInputOrder builds the same synthetic organizations in pre-order,
// in reverse and grouped by kind: the trees differ in sibling order only,
// so every organization must have the same parent, depth, totals and
// record, and validation the same findings.
func TestBuildInputOrder(t *testing.T) {
	recs := orgmodel.Synthetic(3_000, 5)
	want, err := orgmodel.Build(recs)
	require.NoError(t, err)
	asOf := dangjian.MustParseDate("2025-06-30")
	wantRep, err := orgmodel.Validate(want, orgmodel.NationalRules(), asOf)
	require.NoError(t, err)
	byRule := func(fs []orgmodel.Finding) []string {
		out := make([]string, len(fs))
		for i, f := range fs {
			out[i] = f.Rule + " " + f.Subject + " " + f.Message
		}
		slices.Sort(out)
		return out
	}

	for _, tc := range []struct {
		name    string
		reorder func([]orgmodel.Org)
	}{
		{"reversed", slices.Reverse[[]orgmodel.Org]},
		{"by kind", func(o []orgmodel.Org) {
			slices.SortStableFunc(o, func(a, b orgmodel.Org) int { return int(a.Kind) - int(b.Kind) })
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := orgmodel.Records{Orgs: slices.Clone(recs.Orgs)}
			tc.reorder(r.Orgs)
			got, err := orgmodel.Build(r)
			require.NoError(t, err)
			require.Equal(t, want.Len(), got.Len())
			for _, o := range recs.Orgs {
				g, ok := got.Org(o.ID)
				require.True(t, ok)
				assert.Equal(t, o, g)
				wp, _ := want.Parent(o.ID)
				gp, _ := got.Parent(o.ID)
				assert.Equal(t, wp, gp)
				wd, _ := want.Depth(o.ID)
				gd, _ := got.Depth(o.ID)
				assert.Equal(t, wd, gd)
				wt, _ := want.Totals(o.ID)
				gt, _ := got.Totals(o.ID)
				assert.Equal(t, wt, gt)
			}
			rep, err := orgmodel.Validate(got, orgmodel.NationalRules(), asOf)
			require.NoError(t, err)
			assert.Equal(t, byRule(wantRep.Findings), byRule(rep.Findings))
		})
	}
}

// TestBuildDuplicateNearby checks that a parent is resolved to the first
// organization with its ID even when a duplicate sits right before the
// child: the committee is a valid parent, the duplicate branch is not, so
// the only problem is the duplicate.
func TestBuildDuplicateNearby(t *testing.T) {
	root, x, child := uuid.New(), uuid.New(), uuid.New()
	recs := orgmodel.Records{Orgs: []orgmodel.Org{
		{ID: root, Kind: orgmodel.LocalCommittee, Name: "市委"},
		{ID: x, Parent: root, Kind: orgmodel.Committee, Name: "党委"},
		{ID: x, Parent: root, Kind: orgmodel.Branch, Name: "重复的党支部"},
		{ID: child, Parent: x, Kind: orgmodel.Branch, Name: "党支部", Members: orgmodel.Members{Full: 5}},
	}}
	_, err := orgmodel.Build(recs)
	var ps dangjian.Problems
	require.True(t, errors.As(err, &ps))
	require.Len(t, ps, 1, err.Error())
	assert.Equal(t, "orgs[2].id", ps[0].Path)
	assert.Equal(t, x.String(), ps[0].ID)
	assert.ErrorIs(t, ps[0], dangjian.ErrDuplicate)
}
