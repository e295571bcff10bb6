package orgmodel_test

import (
	"fmt"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/orgmodel"
)

// A project of 6 months or more with 3 full members needs a party branch
// (支部条例 第五条, ORG-PROJECT-BRANCH-6M). The CSV records a project's first
// and last day in project_start and project_end (项目开始日期, 项目结束日期):
// here a road project kept as a party group inside its company's office
// branch, from 2025-03-01 to 2025-08-31, exactly 6 months.
func ExampleProject() {
	const file = `id,parent_id,kind,domain,name,full_members,probationary_members,project_start,project_end
C,,committee,state_enterprise,某建设集团党委,40,0,,
C.1,C,branch,state_enterprise,机关党支部,12,0,,
C.1.a,C.1,party_group,state_enterprise,某道路项目党小组,4,0,2025-03-01,2025-08-31
`
	tree, err := orgmodel.ReadTreeCSV(strings.NewReader(file), orgmodel.BuildOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	rep, err := orgmodel.Validate(tree, orgmodel.NationalRules(), dangjian.MustParseDate("2025-06-30"))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range rep.Findings {
		if f.Rule == "ORG-PROJECT-BRANCH-6M" {
			fmt.Println(f.Rule, f.Severity, f.Subject, f.Value)
			fmt.Println(f.Message)
		}
	}
	// Output:
	// ORG-PROJECT-BRANCH-6M error C.1.a 2025-03-01..2025-08-31
	// 党小组 "某道路项目党小组" is a project from 2025-03-01 to 2025-08-31, 6 months or more, with 4 full members and no party branch (党支部) in it: a branch is expected
}

// Lasts counts a project's first and last day both: 2025-01-01 to
// 2025-06-30 is 6 months (以上 includes 6), a day less is not.
func ExampleProject_Lasts() {
	d := dangjian.MustParseDate
	six := orgmodel.Project{Start: d("2025-01-01"), End: d("2025-06-30")}
	short := orgmodel.Project{Start: d("2025-01-01"), End: d("2025-06-29")}
	open := orgmodel.Project{Start: d("2025-01-01")} // no end recorded: counted to the day asked
	fmt.Println(six.Lasts(6, dangjian.Date{}), short.Lasts(6, dangjian.Date{}))
	fmt.Println(open.Lasts(6, d("2025-06-29")), open.Lasts(6, d("2025-06-30")))
	fmt.Println(six.RunsOn(d("2025-06-30")), six.RunsOn(d("2025-07-01")))
	// Output:
	// true false
	// false true
	// true false
}
