package orgmodel_test

import (
	"fmt"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/google/uuid"
)

// The due date of a term, as the validator checks it: the election date
// plus the years of the term rule chosen by that date, or the recorded
// date.
func ExampleValidator_TermDue() {
	recs, err := orgmodel.ReadCSV(strings.NewReader(`id,parent_id,kind,domain,name,full_members,probationary_members,elected,due
C,,党委,社区,某社区党委,30,2,2021-06-15,
B1,C,党支部,企业,某公司党支部,9,1,2022-09-01,
B2,C,党支部,企业,某商会党支部,5,0,2022-09-01,2025-10-31
`))
	if err != nil {
		panic(err)
	}
	tree, err := orgmodel.Build(recs)
	if err != nil {
		panic(err)
	}
	v, err := orgmodel.NewValidator(orgmodel.NationalRules())
	if err != nil {
		panic(err)
	}
	for _, o := range tree.All() {
		td, ok := v.TermDue(o)
		fmt.Println(o.Key, td.Due, td.Recorded, td.Length.ID, td.Overdue.ID, ok)
	}
	// Output:
	// C 2026-06-15 false ORG-TERM-VILLAGE-COMMUNITY-5 ORG-TERM-OVERDUE true
	// B1 2025-09-01 false ORG-TERM-BRANCH-3 ORG-TERM-OVERDUE true
	// B2 2025-10-31 true ORG-TERM-BRANCH-3 ORG-TERM-OVERDUE true
}

// When a first secretary reaches the usual longest term of the rule in
// force on the start date.
func ExampleValidator_DispatchDue() {
	v, err := orgmodel.NewValidator(orgmodel.NationalRules())
	if err != nil {
		panic(err)
	}
	for _, start := range []string{"2019-03-01", "2023-07-01"} {
		a := orgmodel.Assignment{ID: uuid.New(), Role: orgmodel.FirstSecretary, Start: dangjian.MustParseDate(start)}
		dd, ok := v.DispatchDue(a)
		fmt.Println(start, dd.Due, dd.Rule.ID, ok)
	}
	// Output:
	// 2019-03-01 2022-03-01 ORG-FIRSTSEC-TERM-2015 true
	// 2023-07-01 2025-07-01 ORG-FIRSTSEC-TERM-2021 true
}
