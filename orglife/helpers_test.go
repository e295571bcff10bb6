package orglife

import (
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/stretchr/testify/require"
)

// testTree: a community committee with a branch of 9 full members (a
// committee) holding one party group, and a branch of 5 (secretary only).
const testTree = `id,parent_id,kind,domain,name,full_members,probationary_members
C,,党委,社区,某社区党委,0,0
B1,C,党支部,社区,第一党支部,9,1
G1,B1,党小组,社区,第一党小组,4,0
B2,C,党支部,社区,第二党支部,5,0
`

func buildTree(t testing.TB, csv string) *orgmodel.Tree {
	t.Helper()
	recs, err := orgmodel.ReadCSV(strings.NewReader(csv))
	require.NoError(t, err)
	tree, err := orgmodel.Build(recs)
	require.NoError(t, err)
	return tree
}

func d(s string) dangjian.Date { return dangjian.MustParseDate(s) }

func newChecker(t testing.TB, rs RuleSet, from, to string, opt Options) *Checker {
	t.Helper()
	c, err := NewChecker(buildTree(t, testTree), rs, d(from), d(to), opt)
	require.NoError(t, err)
	return c
}

// count returns held and required of org under rule in period.
func count(c *Checker, org, rule, period string) (held, required int, found bool) {
	for pc := range c.Periods() {
		if pc.Org == org && pc.Rule == rule && pc.Period == period {
			return pc.Held, pc.Required, true
		}
	}
	return 0, 0, false
}

// meeting returns a meeting of org of type ty on date with 8 of 9 present.
func meeting(org string, ty Type, date string) Meeting {
	return Meeting{Org: org, Type: ty, Date: d(date), Expected: 9, Present: 8}
}
