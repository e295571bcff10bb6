package yanji_test

import (
	"fmt"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/dangjian-go/dangjian/place/yanji"
)

func ExampleRecords() {
	recs := yanji.Records()
	tree, err := orgmodel.Build(recs)
	if err != nil {
		fmt.Println(err)
		return
	}
	city := yanji.ID("org/city")
	root, _ := tree.Org(city)
	s := tree.AggregateAll()
	fmt.Println(root.Name, tree.Roots()[0] == city)
	fmt.Println("organizations:", s.Orgs, "grassroots:", s.Grassroots)
	fmt.Println("committees:", s.ByKind[orgmodel.Committee], "general branches:", s.ByKind[orgmodel.GeneralBranch],
		"branches:", s.ByKind[orgmodel.Branch]+s.ByKind[orgmodel.JointBranch], "party groups:", s.ByKind[orgmodel.PartyGroup])
	fmt.Println("members:", s.Members.Total(), "of them probationary:", s.Members.Probationary)

	street, _ := tree.Org(yanji.ID("org/street/1"))
	st, _ := tree.Aggregate(street.ID)
	fmt.Println(street.Name, "members:", st.Members.Total())
	// Output:
	// 延吉市委 true
	// organizations: 1870 grassroots: 675
	// committees: 72 general branches: 19 branches: 584 party groups: 1185
	// members: 19138 of them probationary: 524
	// 街道一（示例）党工委 members: 2752
}

func ExampleRules() {
	rs := yanji.Rules()
	fmt.Println(rs.Name, rs.Check() == nil)
	for _, r := range rs.Rules {
		if strings.HasPrefix(r.ID, "YJ-") {
			fmt.Println(r.ID, r.SiteKinds[0].Label(), r.Cmp.Label(), r.N, r.Source.Confidence)
		}
	}

	tree, _ := orgmodel.Build(yanji.Records())
	rep, _ := orgmodel.Validate(tree, rs, dangjian.MustParseDate("2025-06-30"))
	for _, f := range rep.Findings {
		fmt.Println(f.Severity, f.Rule, f.Value)
	}
	// Output:
	// 延吉市 true
	// YJ-SITE-COMMUNITY-500 社区活动场所 以上 500 local_practice
	// YJ-SITE-NONPUBLIC-CENTER-1000 非公党建指导服务中心 以上 1000 local_practice
	// YJ-SITE-NONPUBLIC-STREET-500 非公党群活动中心 以上 500 local_practice
	// warning ORG-BRANCH-SOFTCAP-50 56
	// warning ORG-GROUP-SIZE 2 (2 full)
	// info ORG-GB-BELOW-50-OTHER 46
	// info ORG-TERM-DUE-SOON 2025-10-20
	// info ORG-CONGRESS-500 764
	// info ORG-CONGRESS-500 736
	// info ORG-CONGRESS-500 572
}

func ExampleFigures() {
	tree, _ := orgmodel.Build(yanji.Records())
	for _, f := range yanji.Figures(tree) {
		fmt.Printf("%s: article %s, model %d, matches %v\n", f.Key, f.Article, f.Model, f.Matches())
	}
	// Output:
	// streets: article 6, model 6, matches true
	// streets_1_plus_4: article 1+4, model 6, matches true
	// communities: article 70, model 70, matches true
	// community_venues: article 70, model 70, matches true
	// community_venues_500: article 全部达到500平方米以上, model 70, matches true
	// community_venues_1000: article 11, model 11, matches true
	// villages: article 56, model 56, matches true
	// village_offices: article 56, model 56, matches true
	// parks: article 2, model 2, matches true
	// nonpublic_centers_1000: article 1+2, model 3, matches true
	// nonpublic_street_centers_500: article 6, model 6, matches true
	// member_stations: article 30余, model 32, matches true
	// dispatched_cadres: article 16, model 16, matches true
}

func ExampleFigure_Matches() {
	stations := yanji.Figure{Key: "member_stations", Article: "30余", Min: 31}
	for _, n := range []int64{30, 31, 45} {
		stations.Model = n
		fmt.Println(n, stations.Matches())
	}
	streets := yanji.Figure{Key: "streets", Article: "6", Min: 6, Exact: true, Model: 7}
	fmt.Println(streets.Model, streets.Matches())
	// Output:
	// 30 false
	// 31 true
	// 45 true
	// 7 false
}

func ExampleID() {
	tree, _ := orgmodel.Build(yanji.Records())
	o, _ := tree.Org(yanji.ID("org/street/1"))
	fmt.Println(o.Code, o.Kind.Label())
	// Output: street/1 党工委
}
