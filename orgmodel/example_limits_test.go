package orgmodel_test

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/orgmodel"
)

// A tree deeper than the depth limit is refused with one problem naming the
// limit; BuildOptions.MaxDepth raises it, and the findings of the deep
// organizations name them by at most NameLevels names.
func ExampleBuildOptions_maxDepth() {
	const n = 2000
	recs := orgmodel.Records{Orgs: make([]orgmodel.Org, n)}
	for i := range recs.Orgs {
		key := "c" + strconv.Itoa(i)
		recs.Orgs[i] = orgmodel.Org{ID: orgmodel.CSVID(key), Key: key, Kind: orgmodel.Committee, Name: strconv.Itoa(i)}
		if i > 0 {
			recs.Orgs[i].Parent = recs.Orgs[i-1].ID
		}
	}
	_, err := orgmodel.Build(recs)
	fmt.Println(errors.Is(err, dangjian.ErrLimit), err)

	tree, err := orgmodel.BuildWith(recs, orgmodel.BuildOptions{MaxDepth: n})
	if err != nil {
		fmt.Println(err)
		return
	}
	report, err := orgmodel.Validate(tree, orgmodel.NationalRules(), dangjian.MustParseDate("2025-06-30"))
	if err != nil {
		fmt.Println(err)
		return
	}
	last := report.Findings[len(report.Findings)-1]
	fmt.Println(last.Subject, last.Name)
	// Output:
	// true orgs[1001].parent (id "c1001"): exceeds a limit: deeper than the limit of 1000 levels below its root (raise it with BuildOptions.MaxDepth); 999 organizations in all lie deeper ("1001")
	// c1999 0 / … (1984 levels) / 1985 / 1986 / 1987 / 1988 / 1989 / 1990 / 1991 / 1992 / 1993 / 1994 / 1995 / 1996 / 1997 / 1998 / 1999
}
