package orgmodel_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Member totals that do not fit in an int64 are Build problems of kind
// dangjian.ErrOverflow naming the organization, its line and path, reported
// once where the overflow starts; they never wrap into a negative total
// that no rule finds.
func TestBuildMemberTotalsOverflow(t *testing.T) {
	const head = "id,parent_id,kind,domain,name,full_members,probationary_members\n"
	tests := []struct {
		name string
		rows string
		want []string
	}{
		{"one branch: full + probationary", "1,,committee,village,c,3,0\n1.1,1,branch,village,b,9223372036854775807,1\n", []string{
			`line 3: orgs[1].members (id "1.1"): out of range: full and probationary members together exceed 9223372036854775807 ("full 9223372036854775807, probationary 1")`}},
		{"a subtree", "1,,committee,village,c,1,0\n1.1,1,branch,village,b,4611686018427387904,0\n1.2,1,branch,village,b,4611686018427387904,0\n1.3,1,branch,village,b,5,0\n", []string{
			`line 2: orgs[0].members (id "1"): out of range: the members of its subtree exceed 9223372036854775807 ("full 4611686018427387909, probationary 0")`}},
		{"a branch and its subtree", "1,,committee,village,c,9223372036854775800,0\n1.1,1,branch,village,b,8,0\n", []string{
			`line 2: orgs[0].members (id "1"): out of range: with its subtree's full 8, probationary 0 the members exceed 9223372036854775807 ("full 9223372036854775800, probationary 0")`}},
		{"the forest", "1,,committee,village,c,9223372036854775800,0\n2,,committee,village,d,8,0\n", []string{
			`line 2: orgs[0].members (id "1"): out of range: the members of its tree and of the trees before it exceed 9223372036854775807 ("full 9223372036854775800, probationary 0")`}},
		{"deep: reported at the deepest", "1,,committee,village,c,1,0\n1.1,1,general_branch,village,g,1,0\n1.1.1,1.1,branch,village,b,9223372036854775807,0\n1.1.2,1.1,branch,village,b,1,0\n", []string{
			`line 3: orgs[1].members (id "1.1"): out of range: the members of its subtree exceed 9223372036854775807 ("full 1, probationary 0")`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, err := orgmodel.ReadCSV(strings.NewReader(head + tt.rows))
			require.NoError(t, err)
			tree, err := orgmodel.Build(recs)
			require.Error(t, err)
			assert.Nil(t, tree)
			assert.True(t, errors.Is(err, dangjian.ErrOverflow), "%v", err)
			var got []string
			for _, p := range dangjian.ProblemsOf(err) {
				got = append(got, p.Error())
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// At the limit the totals fit and the tree builds.
func TestBuildMemberTotalsAtTheLimit(t *testing.T) {
	recs, err := orgmodel.ReadCSV(strings.NewReader("id,parent_id,kind,domain,name,full_members,probationary_members\n" +
		"1,,committee,village,c,9223372036854775800,0\n1.1,1,branch,village,b,6,1\n"))
	require.NoError(t, err)
	tree, err := orgmodel.Build(recs)
	require.NoError(t, err)
	s := tree.AggregateAll()
	assert.Equal(t, int64(9223372036854775807), s.Members.Total())
}
