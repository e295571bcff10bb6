package orgmodel

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// enumCase exercises one bilingual enum: every defined value round-trips
// through its code and its label, and unknown input is an error quoting it.
type enumCase struct {
	name  string
	n     int
	code  func(i int) string
	label func(i int) string
	parse func(s string) (int, error)
	json  func(i int) ([]byte, error)
	unjs  func(b []byte) (int, error)
}

func enumCases() []enumCase {
	return []enumCase{
		{"Kind", len(Kinds()) + 1,
			func(i int) string { return Kind(i).String() }, func(i int) string { return Kind(i).Label() },
			func(s string) (int, error) { v, err := ParseKind(s); return int(v), err },
			func(i int) ([]byte, error) { return json.Marshal(Kind(i)) },
			func(b []byte) (int, error) { var v Kind; err := json.Unmarshal(b, &v); return int(v), err }},
		{"Domain", len(Domains()) + 1,
			func(i int) string { return Domain(i).String() }, func(i int) string { return Domain(i).Label() },
			func(s string) (int, error) { v, err := ParseDomain(s); return int(v), err },
			func(i int) ([]byte, error) { return json.Marshal(Domain(i)) },
			func(b []byte) (int, error) { var v Domain; err := json.Unmarshal(b, &v); return int(v), err }},
		{"Role", roleTable.Len(),
			func(i int) string { return Role(i).String() }, func(i int) string { return Role(i).Label() },
			func(s string) (int, error) { v, err := ParseRole(s); return int(v), err },
			func(i int) ([]byte, error) { return json.Marshal(Role(i)) },
			func(b []byte) (int, error) { var v Role; err := json.Unmarshal(b, &v); return int(v), err }},
		{"Check", checkTable.Len(),
			func(i int) string { return Check(i).String() }, func(i int) string { return Check(i).Label() },
			func(s string) (int, error) { v, err := ParseCheck(s); return int(v), err },
			func(i int) ([]byte, error) { return json.Marshal(Check(i)) },
			func(b []byte) (int, error) { var v Check; err := json.Unmarshal(b, &v); return int(v), err }},
		{"SiteKind", siteTable.Len(),
			func(i int) string { return SiteKind(i).String() }, func(i int) string { return SiteKind(i).Label() },
			func(s string) (int, error) { v, err := ParseSiteKind(s); return int(v), err },
			func(i int) ([]byte, error) { return json.Marshal(SiteKind(i)) },
			func(b []byte) (int, error) { var v SiteKind; err := json.Unmarshal(b, &v); return int(v), err }},
		{"BodyKind", bodyTable.Len(),
			func(i int) string { return BodyKind(i).String() }, func(i int) string { return BodyKind(i).Label() },
			func(s string) (int, error) { v, err := ParseBodyKind(s); return int(v), err },
			func(i int) ([]byte, error) { return json.Marshal(BodyKind(i)) },
			func(b []byte) (int, error) { var v BodyKind; err := json.Unmarshal(b, &v); return int(v), err }},
	}
}

func TestEnumsRoundTrip(t *testing.T) {
	for _, c := range enumCases() {
		t.Run(c.name, func(t *testing.T) {
			for i := 1; i < c.n; i++ {
				got, err := c.parse(c.code(i))
				require.NoError(t, err)
				assert.Equal(t, i, got, "code %q", c.code(i))
				got, err = c.parse(c.label(i))
				require.NoError(t, err)
				assert.Equal(t, i, got, "label %q", c.label(i))
				b, err := c.json(i)
				require.NoError(t, err)
				assert.Equal(t, `"`+c.code(i)+`"`, string(b))
				got, err = c.unjs(b)
				require.NoError(t, err)
				assert.Equal(t, i, got)
			}
			_, err := c.parse("no-such-value")
			require.Error(t, err)
			assert.Equal(t, `invalid value: unknown `+strings.ToLower(c.name)+` "no-such-value"`, err.Error())
			assert.ErrorIs(t, err, dangjian.ErrInvalid)
			var p *dangjian.Problem
			require.ErrorAs(t, err, &p)
			assert.Equal(t, "no-such-value", p.Value)
			b, err := c.json(0)
			require.NoError(t, err)
			assert.Equal(t, `""`, string(b))
			_, err = c.json(c.n + 5)
			assert.Error(t, err, "an undefined value does not encode")
		})
	}
}

func TestParseAliases(t *testing.T) {
	tests := []struct {
		in   string
		want Kind
	}{
		{"支部", Branch}, {"街道党工委", WorkCommittee}, {"基层党委", Committee}, {" 党总支 ", GeneralBranch},
		{"BRANCH", Branch}, {"临时党支部", TempBranch}, {"市委", LocalCommittee},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseKind(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
	d, err := ParseDomain("非公有制企业")
	require.NoError(t, err)
	assert.Equal(t, NonPublicEnterprise, d)
	assert.Equal(t, Enterprise, d.Broader())
	assert.Equal(t, Rural, Village.Broader())
	assert.Equal(t, StreetCommunity, Community.Broader())
	assert.Equal(t, School, School.Broader())
}

func TestKindPredicates(t *testing.T) {
	assert.False(t, PartyGroup.IsLevel())
	assert.True(t, Branch.IsLevel())
	assert.True(t, WorkCommittee.IsDispatched())
	assert.False(t, WorkCommittee.HasTerm())
	assert.True(t, TempBranch.IsTemporary())
	assert.Equal(t, JointBranch, TempJointBranch.Base())
	assert.True(t, TempJointBranch.IsBranch())
	assert.False(t, LocalCommittee.IsGrassroots())
	assert.True(t, GeneralBranch.IsGrassroots())
	assert.False(t, KindUnknown.IsValid())
}
