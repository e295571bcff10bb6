package orgmodel_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/orgmodel"
)

// A program reads a tree from a file with ReadTreeCSV, validates it with
// ValidateFunc and writes each finding as it comes with a FindingWriter:
// neither the file nor the findings are ever held whole.
func ExampleReadTreeCSV() {
	const table = "编号,上级编号,组织类别,领域,名称,正式党员,预备党员\n" +
		"1,,党委,村,某村党委,30,1\n" +
		"1.1,1,党支部,村,某村党支部,7,2\n" +
		"1.2,1,党支部,村,另一村党支部,-4,0\n" +
		"1.3,1,党支部,村,小村党支部,2,0\n"
	// A bad row is reported and skipped; the tree is built from the others.
	tree, err := orgmodel.ReadTreeCSV(strings.NewReader(table), orgmodel.BuildOptions{})
	for _, p := range dangjian.ProblemsOf(err) {
		fmt.Println(p)
	}
	if tree == nil {
		return
	}
	v, err := orgmodel.NewValidator(orgmodel.NationalRules())
	if err != nil {
		fmt.Println(err)
		return
	}
	asOf := dangjian.MustParseDate("2025-06-30")
	fw := orgmodel.NewFindingWriter(os.Stdout, orgmodel.TextFindings, asOf)
	if err := v.ValidateFunc(tree, asOf, fw.Write); err != nil {
		fmt.Println(err)
	}
	if err := fw.Close(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// line 4, column 6: 正式党员 (id "1.2"): must not be negative ("-4")
	// warning	ORG-CMTE-BELOW-100-VILLAGE	某村党委	党委 "某村党委" has 42 members, not at least 100: the rule has no clause for fewer, and no approval covers it
	// error	ORG-VILLAGE-CMTE-APPROVAL	某村党委	党委 "某村党委" has no formation approval by a local committee (县级 or higher)
	// error	ORG-VILLAGE-APPROVAL	某村党委 / 某村党支部	党支部 "某村党支部" has no formation approval by a township committee or a higher organization
	// error	ORG-BRANCH-MIN-3	某村党委 / 小村党支部	党支部 "小村党支部" has 2 full members; the rule needs at least 3: form a 联合党支部 (joint_branch) with neighbouring units or place the members in another branch
	// error	ORG-VILLAGE-APPROVAL	某村党委 / 小村党支部	党支部 "小村党支部" has no formation approval by a township committee or a higher organization
	// 5 findings as of 2025-06-30: error 4, warning 1, info 0
}

// The JSON format is an indented array, one finding written at a time.
func ExampleFindingWriter() {
	fw := orgmodel.NewFindingWriter(os.Stdout, orgmodel.JSONFindings, dangjian.MustParseDate("2025-06-30"))
	for _, f := range []dangjian.Finding{
		{Rule: "ORG-BRANCH-MIN-3", Severity: dangjian.Error, Subject: "1.3", Name: "某村党委 / 小村党支部", Line: 5, Message: "too few members"},
	} {
		if err := fw.Write(&f); err != nil {
			fmt.Println(err)
		}
	}
	if err := fw.Close(); err != nil {
		fmt.Println(err)
	}
	s := fw.Summary()
	fmt.Println(s.String())
	// Output:
	// [
	//   {
	//     "rule": "ORG-BRANCH-MIN-3",
	//     "severity": "error",
	//     "subject": "1.3",
	//     "name": "某村党委 / 小村党支部",
	//     "line": 5,
	//     "message": "too few members",
	//     "source": {
	//       "doc": "",
	//       "confidence": ""
	//     }
	//   }
	// ]
	// 1 findings as of 2025-06-30: error 1, warning 0, info 0
}

// ValidateFunc hands each finding to a function, here one that counts the
// findings per rule; none is kept.
func ExampleValidator_ValidateFunc() {
	tree, err := orgmodel.Build(orgmodel.Synthetic(2000, 1))
	if err != nil {
		fmt.Println(err)
		return
	}
	v, err := orgmodel.NewValidator(orgmodel.NationalRules())
	if err != nil {
		fmt.Println(err)
		return
	}
	var s orgmodel.Summary
	err = v.ValidateFunc(tree, dangjian.MustParseDate("2025-06-30"), func(f *dangjian.Finding) error {
		s.Add(f)
		return nil
	})
	fmt.Println(err, s.Len() > 0, s.Count(dangjian.Error)+s.Count(dangjian.Warning)+s.Count(dangjian.Info) == s.Len())
	// Output:
	// <nil> true true
}

// WriteFindings validates and writes the findings side by side; keep
// chooses which are written, here those about the village branches.
func ExampleValidator_WriteFindings() {
	const table = "编号,上级编号,组织类别,领域,名称,正式党员,预备党员\n" +
		"1,,党委,村,某村党委,30,1\n" +
		"1.1,1,党支部,村,某村党支部,7,2\n" +
		"1.3,1,党支部,村,小村党支部,2,0\n"
	tree, err := orgmodel.ReadTreeCSV(strings.NewReader(table), orgmodel.BuildOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	v, err := orgmodel.NewValidator(orgmodel.NationalRules())
	if err != nil {
		fmt.Println(err)
		return
	}
	branches := func(f *dangjian.Finding) bool { return strings.HasPrefix(f.Subject, "1.") }
	sum, err := v.WriteFindings(os.Stdout, tree, dangjian.MustParseDate("2025-06-30"), orgmodel.TextFindings, branches)
	fmt.Println(sum.Count(dangjian.Error), err)
	// Output:
	// error	ORG-VILLAGE-APPROVAL	某村党委 / 某村党支部	党支部 "某村党支部" has no formation approval by a township committee or a higher organization
	// error	ORG-BRANCH-MIN-3	某村党委 / 小村党支部	党支部 "小村党支部" has 2 full members; the rule needs at least 3: form a 联合党支部 (joint_branch) with neighbouring units or place the members in another branch
	// error	ORG-VILLAGE-APPROVAL	某村党委 / 小村党支部	党支部 "小村党支部" has no formation approval by a township committee or a higher organization
	// 3 findings as of 2025-06-30: error 3, warning 0, info 0
	// 3 <nil>
}
