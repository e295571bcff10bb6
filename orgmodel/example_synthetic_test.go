package orgmodel_test

import (
	"fmt"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/orgmodel"
)

// A synthetic tree of ten thousand organizations, built and validated as a
// benchmark does.
func ExampleSynthetic() {
	tree, err := orgmodel.Build(orgmodel.Synthetic(10_000, 1))
	if err != nil {
		fmt.Println(err)
		return
	}
	s := tree.AggregateAll()
	fmt.Println(s.Orgs, "organizations,", s.Members.Total(), "members")
	fmt.Println(s.ByKind[orgmodel.Committee], "committees,", s.ByKind[orgmodel.GeneralBranch], "general branches,",
		s.ByKind[orgmodel.Branch]+s.ByKind[orgmodel.JointBranch], "branches")

	rep, err := orgmodel.Validate(tree, orgmodel.NationalRules(), dangjian.MustParseDate("2025-06-30"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rep.Count(orgmodel.Error), "errors,", rep.Count(orgmodel.Warning), "warnings,", rep.Count(orgmodel.Info), "infos")
	// Output:
	// 10000 organizations, 189828 members
	// 607 committees, 651 general branches, 8588 branches
	// 247 errors, 108 warnings, 1020 infos
}
