package due_test

import (
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/dues"
	"github.com/dangjian-go/dangjian/orglife"
	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
)

// fixtureTree: a community committee elected 2021-06-15 (5 years: due
// 2026-06-15), an enterprise branch elected 2022-03-01 (3 years: due
// 2025-03-01, overdue as of mid-2025), a branch with a recorded due date,
// a renewed branch (nothing due) and a village with a first secretary
// dispatched on 2023-07-01 (2 years: 2025-07-01).
const fixtureTree = `id,parent_id,kind,domain,name,full_members,probationary_members,elected,due,renewed
C,,党委,社区,某社区党委,30,2,2021-06-15,,
B1,C,党支部,企业,某公司党支部,9,1,2022-03-01,,
B2,C,党支部,企业,某商会党支部,5,0,2022-09-01,2025-10-31,
B3,C,党支部,企业,某协会党支部,4,0,2019-05-01,,2022-05-01
V,C,党支部,村,某村党支部,12,0,,,
`

func d(s string) dangjian.Date { return dangjian.MustParseDate(s) }

func fixture(t testing.TB) (*orgmodel.Tree, *orgmodel.Validator) {
	t.Helper()
	recs, err := orgmodel.ReadCSV(strings.NewReader(fixtureTree))
	require.NoError(t, err)
	who := uuid.MustParse("00000000-0000-4000-8000-000000000001")
	recs.People = append(recs.People, orgmodel.Person{ID: who, Name: "李明", Status: orgmodel.FullMember, FullSince: d("2010-01-01")})
	recs.Assignments = append(recs.Assignments,
		orgmodel.Assignment{ID: uuid.MustParse("00000000-0000-4000-8000-00000000000a"), Person: who, Role: orgmodel.FirstSecretary,
			To: orgmodel.CSVID("V"), Start: d("2023-07-01")},
		// Ended: nothing due.
		orgmodel.Assignment{ID: uuid.MustParse("00000000-0000-4000-8000-00000000000b"), Person: who, Role: orgmodel.FirstSecretary,
			To: orgmodel.CSVID("V"), Start: d("2021-07-01"), End: d("2023-07-01")})
	tree, err := orgmodel.Build(recs)
	require.NoError(t, err)
	v, err := orgmodel.NewValidator(orgmodel.NationalRules())
	require.NoError(t, err)
	return tree, v
}

// fixtureChecker counts the second quarter of 2025 for the fixture's
// branches under the national rules and a quarterly 党课: B1 held its
// meetings in April only.
func fixtureChecker(t testing.TB, tree *orgmodel.Tree) *orglife.Checker {
	t.Helper()
	c, err := orglife.NewChecker(tree, orglife.NationalRules().With(orglife.LectureQuarterly()), d("2025-04-01"), d("2025-07-01"), orglife.Options{})
	require.NoError(t, err)
	for _, m := range []orglife.Meeting{
		{Org: "B1", Type: orglife.MemberMeeting, Date: d("2025-04-10"), Expected: 10, Present: 9},
		{Org: "B1", Type: orglife.Committee, Date: d("2025-04-12"), Expected: 5, Present: 5},
		{Org: "B1", Type: orglife.PartyDay, Date: d("2025-04-20"), Expected: 10, Present: 9},
		{Org: "B1", Type: orglife.Lecture, Date: d("2025-04-25"), Expected: 10, Present: 9},
	} {
		require.NoError(t, c.Add(m))
	}
	return c
}

// ledger: 2025-01 paid, 02–04 unpaid, 05 nothing due, 06 unpaid.
func ledger() []dues.Payment {
	m := funding.MustParseMoney
	return []dues.Payment{
		{Month: d("2025-01-01"), Due: m("12.00"), Paid: m("12.00"), On: d("2025-01-05")},
		{Month: d("2025-02-01"), Due: m("12.00")},
		{Month: d("2025-03-01"), Due: m("12.00")},
		{Month: d("2025-04-01"), Due: m("12.00")},
		{Month: d("2025-05-01"), Due: m("0")},
		{Month: d("2025-06-01"), Due: m("12.00")},
	}
}
