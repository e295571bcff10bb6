package orgmodel_test

import (
	"errors"
	"fmt"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/google/uuid"
	"github.com/shopspring/decimal"
)

// exampleRecords is a street with a community committee, two grid branches
// and a joint branch of small enterprises.
func exampleRecords() orgmodel.Records {
	key := func(s string) uuid.UUID { return uuid.NewSHA1(uuid.NameSpaceURL, []byte("example:"+s)) }
	return orgmodel.Records{Orgs: []orgmodel.Org{
		{ID: key("city"), Kind: orgmodel.LocalCommittee, Name: "市委"},
		{ID: key("street"), Parent: key("city"), Kind: orgmodel.WorkCommittee, Domain: orgmodel.Street, Name: "示例街道党工委"},
		{ID: key("comm"), Parent: key("street"), Kind: orgmodel.Committee, Domain: orgmodel.Community, Name: "示例社区党委",
			Members: orgmodel.Members{Full: 8}, Approvals: []orgmodel.Approval{{Kind: orgmodel.Threshold, By: key("street"), Ref: "街道党工委批复〔2021〕3号"}},
			Term: orgmodel.Term{Elected: dangjian.MustParseDate("2021-05-10")}},
		{ID: key("g1"), Parent: key("comm"), Kind: orgmodel.Branch, Domain: orgmodel.Community, Name: "第一网格党支部", Members: orgmodel.Members{Full: 48, Probationary: 4}},
		{ID: key("g2"), Parent: key("comm"), Kind: orgmodel.Branch, Domain: orgmodel.Community, Name: "第二网格党支部", Members: orgmodel.Members{Full: 22, Probationary: 1}},
		{ID: key("ent"), Parent: key("street"), Kind: orgmodel.JointBranch, Domain: orgmodel.NonPublicEnterprise, Name: "商务楼宇联合党支部",
			Members: orgmodel.Members{Full: 2, Probationary: 1}, Units: 3},
	}}
}

func exampleTree() *orgmodel.Tree {
	t, err := orgmodel.Build(exampleRecords())
	if err != nil {
		panic(err)
	}
	return t
}

func exampleID(s string) uuid.UUID { return uuid.NewSHA1(uuid.NameSpaceURL, []byte("example:"+s)) }

func ExampleBuild() {
	tree, err := orgmodel.Build(exampleRecords())
	if err != nil {
		panic(err)
	}
	fmt.Println(tree.Len(), "organizations")
	fmt.Println(tree.PathString(exampleID("g2")))

	// A record whose parent is missing: the error names the field and value.
	bad := exampleRecords()
	bad.Orgs[3].Parent = uuid.MustParse("00000000-0000-0000-0000-000000000001")
	_, err = orgmodel.Build(bad)
	fmt.Println(err)
	fmt.Println(errors.Is(err, orgmodel.ErrUnknownParent))
	// Output:
	// 6 organizations
	// 市委 / 示例街道党工委 / 示例社区党委 / 第二网格党支部
	// orgs[3].parent (id "37373290-b6ab-5d61-8dde-d5e1445ab7d1"): unknown parent ("00000000-0000-0000-0000-000000000001")
	// true
}

func ExampleBuildWith() {
	// A nesting table that also lets party groups sit directly in a
	// general branch.
	n := orgmodel.DefaultNesting()
	n.Allow(orgmodel.PartyGroup, orgmodel.GeneralBranch)
	recs := orgmodel.Records{Orgs: []orgmodel.Org{
		{ID: exampleID("gb"), Kind: orgmodel.GeneralBranch, Name: "党总支"},
		{ID: exampleID("pg"), Parent: exampleID("gb"), Kind: orgmodel.PartyGroup, Name: "党小组"},
	}}
	_, err := orgmodel.Build(recs)
	fmt.Println(err)
	_, err = orgmodel.BuildWith(recs, orgmodel.BuildOptions{Nesting: &n})
	fmt.Println(err)
	// Output:
	// orgs[1].kind (id "75e4f192-43c5-58d0-9bc2-66a3a6b2aeef"): kind cannot sit under its parent's kind ("党小组 under 党总支") [ORG-NEST]
	// <nil>
}

func ExampleValidate() {
	report, err := orgmodel.Validate(exampleTree(), orgmodel.NationalRules(), dangjian.MustParseDate("2025-06-30"))
	if err != nil {
		panic(err)
	}
	for _, f := range report.Findings {
		fmt.Printf("%s %s: %s\n", f.Severity, f.Rule, f.Message)
	}
	// Output:
	// info ORG-CMTE-BELOW-100-OTHER: 党委 "示例社区党委" has 83 members, not at least 100; set up with approval
	// warning ORG-BRANCH-SOFTCAP-50: 党支部 "第一网格党支部" has 52 members, more than 50: a 党总支 (general_branch) is suggested
	// error ORG-BRANCH-MIN-3: 联合党支部 "商务楼宇联合党支部" has 2 full members; the rule needs at least 3
}

func ExampleNewValidator() {
	v, err := orgmodel.NewValidator(orgmodel.NationalRules())
	if err != nil {
		panic(err)
	}
	// The validator is reused for several dates (and is safe to share).
	for _, d := range []string{"2026-01-01", "2026-06-01"} {
		rep, err := v.Validate(exampleTree(), dangjian.MustParseDate(d))
		if err != nil {
			panic(err)
		}
		fmt.Println(d, rep.ByRule()["ORG-TERM-OVERDUE"], rep.ByRule()["ORG-TERM-DUE-SOON"])
	}
	// Output:
	// 2026-01-01 0 1
	// 2026-06-01 1 0
}

func ExampleNationalRules() {
	r, _ := orgmodel.NationalRules().Rule("ORG-BRANCH-MIN-3")
	fmt.Println(r.ID, r.Check, r.Modality.Label(), r.Basis.Label(), r.Cmp.Label(), r.N)
	fmt.Println(r.Source)
	fmt.Println(r.Text)
	// Output:
	// ORG-BRANCH-MIN-3 min_members 应当 正式党员 以上 3
	// 中国共产党支部工作条例（试行） 第四条 [verified]
	// 凡是有正式党员3人以上的，都应当成立党支部。正式党员不足3人的单位，应当…成立联合党支部。
}

// A province that counts only full members for the 50-member soft cap
// (《浙江省非公有制企业党组织工作规定（试行）》 2012) replaces one rule.
func ExampleRuleSet_With() {
	national := orgmodel.NationalRules()
	r, _ := national.Rule("ORG-BRANCH-SOFTCAP-50")
	r.Basis = orgmodel.FullMembers
	r.Source.Note = "浙江 counts full members"
	zj := national.With(r)
	zj.Name = "浙江"
	tree := exampleTree()
	for _, rs := range []orgmodel.RuleSet{national, zj} {
		rep, _ := orgmodel.Validate(tree, rs, dangjian.MustParseDate("2025-06-30"))
		fmt.Println(rs.Name, rep.ByRule()["ORG-BRANCH-SOFTCAP-50"])
	}
	// Output:
	// national 1
	// 浙江 0
}

func ExampleRuleSet_Without() {
	rs := orgmodel.NationalRules().Without("ORG-TERM-DUE-SOON")
	_, ok := rs.Rule("ORG-TERM-DUE-SOON")
	fmt.Println(ok, len(orgmodel.NationalRules().Rules)-len(rs.Rules))
	// Output: false 1
}

func ExampleRuleSet_Check() {
	r, _ := orgmodel.NationalRules().Rule("ORG-BRANCH-MIN-3")
	r.ID = "MY-RULE"
	r.Basis = orgmodel.BasisUnknown
	fmt.Println(orgmodel.NationalRules().With(r).Check())
	// Output: rules[48].basis (id "MY-RULE"): bad rule: not set
}

func ExampleTree_Aggregate() {
	s, _ := exampleTree().Aggregate(exampleID("street"))
	fmt.Println(s.Orgs, s.Grassroots, s.Members.Full, s.Members.Probationary)
	fmt.Println(s.ByKind[orgmodel.Branch], s.ByDomain[orgmodel.Community])
	// Output:
	// 5 4 80 6
	// 2 3
}

func ExampleTree_AggregateAll() {
	s := exampleTree().AggregateAll()
	fmt.Println(s.Orgs, s.Members.Total())
	// Output: 6 86
}

func ExampleTree_Totals() {
	m, _ := exampleTree().Totals(exampleID("comm"))
	fmt.Println(m.Full, m.Probationary, m.Total())
	// Output: 78 5 83
}

func ExampleTree_Subtree() {
	for depth, o := range exampleTree().Subtree(exampleID("street")) {
		fmt.Printf("%*s%s (%s)\n", 2*depth, "", o.Name, o.Kind.Label())
	}
	// Output:
	// 示例街道党工委 (党工委)
	//   示例社区党委 (党委)
	//     第一网格党支部 (党支部)
	//     第二网格党支部 (党支部)
	//   商务楼宇联合党支部 (联合党支部)
}

func ExampleTree_All() {
	n := 0
	for _, o := range exampleTree().All() {
		if o.Kind.IsGrassroots() {
			n++
		}
	}
	fmt.Println(n)
	// Output: 4
}

func ExampleTree_Ancestors() {
	tree := exampleTree()
	for _, a := range tree.Ancestors(exampleID("g1")) {
		o, _ := tree.Org(a)
		fmt.Println(o.Name)
	}
	// Output:
	// 示例社区党委
	// 示例街道党工委
	// 市委
}

func ExampleTree_Path() {
	tree := exampleTree()
	fmt.Println(len(tree.Path(exampleID("g1"))), tree.PathString(exampleID("g1")))
	// Output: 4 市委 / 示例街道党工委 / 示例社区党委 / 第一网格党支部
}

func ExampleTree_Children() {
	tree := exampleTree()
	for _, c := range tree.Children(exampleID("comm")) {
		o, _ := tree.Org(c)
		fmt.Println(o.Name)
	}
	// Output:
	// 第一网格党支部
	// 第二网格党支部
}

func ExampleTree_YiJianTiao() {
	recs := orgmodel.Records{
		Orgs:   []orgmodel.Org{{ID: exampleID("v"), Kind: orgmodel.Branch, Domain: orgmodel.Village, Name: "某村党支部", Members: orgmodel.Members{Full: 15}}},
		Bodies: []orgmodel.Body{{ID: exampleID("vc"), Kind: orgmodel.VillagersCommittee, Name: "某村村民委员会", Org: exampleID("v")}},
		People: []orgmodel.Person{{ID: exampleID("wang"), Name: "王某", Status: orgmodel.FullMember}},
		Posts: []orgmodel.Post{
			{Person: exampleID("wang"), Body: exampleID("v"), Role: orgmodel.Secretary, Selection: orgmodel.Elected, Start: dangjian.MustParseDate("2021-03-01")},
			{Person: exampleID("wang"), Body: exampleID("vc"), Role: orgmodel.VillagersDirector, Selection: orgmodel.Elected, Start: dangjian.MustParseDate("2021-06-01")},
		},
	}
	tree, _ := orgmodel.Build(recs)
	for _, d := range []string{"2021-04-01", "2021-07-01"} {
		who, ok := tree.YiJianTiao(exampleID("v"), dangjian.MustParseDate(d))
		p, _ := tree.Person(who)
		fmt.Printf("%s %v %q\n", d, ok, p.Name)
	}
	// Output:
	// 2021-04-01 false ""
	// 2021-07-01 true "王某"
}

func ExampleRotation_ChairOn() {
	members := []uuid.UUID{exampleID("a"), exampleID("b"), exampleID("c")}
	r := orgmodel.Rotation{Order: members, Start: dangjian.MustParseDate("2024-01-01"), Months: 6}
	for _, d := range []string{"2024-05-31", "2024-07-01", "2025-01-01", "2025-07-01"} {
		chair, _ := r.ChairOn(dangjian.MustParseDate(d))
		fmt.Println(d, chair == members[0], chair == members[1], chair == members[2])
	}
	// Output:
	// 2024-05-31 true false false
	// 2024-07-01 false true false
	// 2025-01-01 false false true
	// 2025-07-01 true false false
}

func ExampleParseKind() {
	for _, s := range []string{"党支部", "branch", "街道党工委", "党组"} {
		k, err := orgmodel.ParseKind(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(k, k.Label())
	}
	// Output:
	// branch 党支部
	// branch 党支部
	// work_committee 党工委
	// invalid value: unknown kind "党组"
}

func ExampleParseDomain() {
	d, _ := orgmodel.ParseDomain("非公企业")
	fmt.Println(d, d.Label(), d.Broader().Label())
	// Output: non_public_enterprise 非公企业 企业
}

func ExampleKinds() {
	for _, k := range orgmodel.Kinds()[:5] {
		fmt.Println(k, k.Label(), k.IsGrassroots(), k.HasTerm())
	}
	// Output:
	// local_committee 地方党委 false false
	// work_committee 党工委 false false
	// committee 党委 true true
	// general_branch 党总支 true true
	// branch 党支部 true true
}

func ExampleDomains() {
	fmt.Println(len(orgmodel.Domains()), orgmodel.Domains()[9].Label())
	// Output: 19 医院
}

func ExampleSeverityOf() {
	fmt.Println(orgmodel.SeverityOf(dangjian.Must), orgmodel.SeverityOf(dangjian.Usually), orgmodel.SeverityOf(dangjian.May))
	// Output: error warning info
}

func ExampleComparison_Holds() {
	fmt.Println(orgmodel.AtLeast.Holds(50, 50), orgmodel.MoreThan.Holds(50, 50))
	// Output: true false
}

func ExampleMembers_Count() {
	m := orgmodel.Members{Full: 48, Probationary: 5}
	fmt.Println(m.Count(orgmodel.FullMembers), m.Count(orgmodel.AllMembers))
	// Output: 48 53
}

func ExampleReport_Count() {
	rep, _ := orgmodel.Validate(exampleTree(), orgmodel.NationalRules(), dangjian.MustParseDate("2025-06-30"))
	fmt.Println(rep.Count(orgmodel.Error), rep.Count(orgmodel.Warning), rep.Count(orgmodel.Info), rep.HasErrors())
	// Output: 1 1 1 true
}

func ExampleApproval_Covers() {
	a := orgmodel.Approval{Kind: orgmodel.Threshold, Rule: "ORG-GB-BELOW-50"}
	fmt.Println(a.Covers(orgmodel.Threshold, "ORG-GB-BELOW-50"), a.Covers(orgmodel.Threshold, "ORG-CMTE-BELOW-100"))
	// Output: true false
}

func ExamplePost_ActiveOn() {
	p := orgmodel.Post{Role: orgmodel.Secretary, Start: dangjian.MustParseDate("2021-05-01"), End: dangjian.MustParseDate("2026-05-01")}
	fmt.Println(p.ActiveOn(dangjian.MustParseDate("2026-04-30")), p.ActiveOn(dangjian.MustParseDate("2026-05-01")))
	// Output: true false
}

func ExampleDefaultNesting() {
	n := orgmodel.DefaultNesting()
	fmt.Println(n.Allows(orgmodel.Branch, orgmodel.PartyGroup), n.Allows(orgmodel.GeneralBranch, orgmodel.Committee), n.AllowsRoot(orgmodel.PartyGroup))
	// Output: true false false
}

func ExampleValidator_Validate() {
	v, _ := orgmodel.NewValidator(orgmodel.NationalRules())
	rep, err := v.Validate(exampleTree(), dangjian.MustParseDate("2025-06-30"))
	if err != nil {
		panic(err)
	}
	for rule, n := range rep.ByRule() {
		if rule == "ORG-BRANCH-MIN-3" {
			fmt.Println(rule, n)
		}
	}
	// Output: ORG-BRANCH-MIN-3 1
}

func ExampleValidator_Covers() {
	rs := orgmodel.NationalRules()
	rs.Period = dangjian.Period{From: dangjian.MustParseDate("2012-01-01")}
	v, _ := orgmodel.NewValidator(rs)
	fmt.Println(v.Covers(dangjian.MustParseDate("2011-12-31")), v.Covers(dangjian.MustParseDate("2012-01-01")))
	// Output: false true
}

func ExampleTree_Org() {
	o, ok := exampleTree().Org(exampleID("ent"))
	fmt.Println(ok, o.Name, o.Kind.Label(), o.Domain.Label(), o.Units)
	// Output: true 商务楼宇联合党支部 联合党支部 非公企业 3
}

func ExampleTree_Records() {
	tree := exampleTree()
	again, err := orgmodel.Build(tree.Records())
	fmt.Println(err, again.Len() == tree.Len())
	// Output: <nil> true
}

func ExampleTree_Posts() {
	recs := exampleRecords()
	recs.People = []orgmodel.Person{{ID: exampleID("li"), Name: "李某", Status: orgmodel.FullMember}}
	recs.Posts = []orgmodel.Post{
		{Person: exampleID("li"), Body: exampleID("g2"), Role: orgmodel.Secretary, Selection: orgmodel.Elected, Start: dangjian.MustParseDate("2021-05-10")},
		{Person: exampleID("li"), Body: exampleID("street"), Role: orgmodel.PartTimeMember, Selection: orgmodel.Appointed, Start: dangjian.MustParseDate("2022-01-01")},
	}
	tree, _ := orgmodel.Build(recs)
	for _, p := range tree.PostsOf(exampleID("li")) {
		body, _ := tree.Org(p.Body)
		fmt.Println(body.Name, p.Role.Label(), p.Selection.Label())
	}
	who, _ := tree.Holder(exampleID("g2"), orgmodel.Secretary, dangjian.MustParseDate("2025-01-01"))
	fmt.Println(who == exampleID("li"), len(tree.Posts(exampleID("g2"))))
	// Output:
	// 第二网格党支部 书记 选举
	// 示例街道党工委 兼职委员 任命
	// true 1
}

func ExampleTree_Sites() {
	recs := exampleRecords()
	recs.Sites = []orgmodel.Site{{ID: exampleID("venue"), Kind: orgmodel.CommunityVenue, Name: "示例社区活动场所", Org: exampleID("comm"),
		Area: decimal.RequireFromString("520.5")}}
	tree, _ := orgmodel.Build(recs)
	for _, s := range tree.Sites(exampleID("street")) {
		fmt.Println(s.Kind.Label(), s.Name, s.Area.String()+"㎡")
	}
	// Output: 社区活动场所 示例社区活动场所 520.5㎡
}

func ExampleKind_Base() {
	fmt.Println(orgmodel.TempJointBranch.Base().Label(), orgmodel.TempJointBranch.IsTemporary(), orgmodel.TempJointBranch.HasTerm())
	// Output: 联合党支部 true false
}

func ExampleDomain_Broader() {
	for _, d := range []orgmodel.Domain{orgmodel.Village, orgmodel.Community, orgmodel.StateEnterprise, orgmodel.Hospital} {
		fmt.Println(d.Label(), "→", d.Broader().Label())
	}
	// Output:
	// 村 → 农村
	// 社区 → 街道社区
	// 国有企业 → 企业
	// 医院 → 医院
}

func ExampleParseRole() {
	r, _ := orgmodel.ParseRole("楼栋党小组长")
	fmt.Println(r, r.Label(), r.IsCommitteeSeat())
	// Output: group_leader 党小组长 false
}

func ExampleTree_DomainTops() {
	tree := exampleTree()
	for _, id := range tree.DomainTops(orgmodel.Community) {
		o, _ := tree.Org(id)
		fmt.Println(o.Name, tree.IsDomainTop(id))
	}
	fmt.Println(tree.IsDomainTop(exampleID("g1")))
	// Output:
	// 示例社区党委 true
	// false
}

func ExampleTree_OrgsOf() {
	for _, o := range exampleTree().OrgsOf(orgmodel.WorkCommittee, orgmodel.Street) {
		fmt.Println(o.Name)
	}
	// Output: 示例街道党工委
}

func ExampleTree_DomainTopsIn() {
	t := exampleTree()
	for _, id := range t.DomainTopsIn(exampleID("street"), orgmodel.Community) {
		o, _ := t.Org(id)
		fmt.Println(o.Name)
	}
	// Output: 示例社区党委
}

func ExampleStats_Add() {
	t := exampleTree()
	comm, _ := t.Aggregate(exampleID("comm"))
	ent, _ := t.Aggregate(exampleID("ent"))
	s := comm.Add(ent)
	fmt.Println(s.Orgs, s.Grassroots, s.Members.Full, s.Members.Probationary)
	// Output: 4 4 80 6
}

func ExampleTree_CountYiJianTiao() {
	recs := exampleRecords()
	recs.Orgs = append(recs.Orgs, orgmodel.Org{ID: exampleID("village"), Parent: exampleID("city"), Kind: orgmodel.Branch,
		Domain: orgmodel.Village, Name: "示例村党支部", Members: orgmodel.Members{Full: 9}})
	recs.Bodies = []orgmodel.Body{{ID: exampleID("vc"), Kind: orgmodel.VillagersCommittee, Org: exampleID("village")}}
	recs.People = []orgmodel.Person{{ID: exampleID("zhang"), Name: "张某", Status: orgmodel.FullMember}}
	recs.Posts = []orgmodel.Post{
		{Person: exampleID("zhang"), Body: exampleID("village"), Role: orgmodel.Secretary, Start: dangjian.MustParseDate("2021-01-01")},
		{Person: exampleID("zhang"), Body: exampleID("vc"), Role: orgmodel.VillagersDirector, Start: dangjian.MustParseDate("2021-01-01")},
	}
	t, err := orgmodel.Build(recs)
	if err != nil {
		panic(err)
	}
	held, of := t.CountYiJianTiao(orgmodel.Village, dangjian.MustParseDate("2025-06-30"))
	fmt.Printf("%d of %d villages\n", held, of)
	// Output: 1 of 1 villages
}

// The 2021 opinion on first secretaries is of May 2021, its day unknown: a
// platform that knows the day it applied builds the rules with it.
func ExampleNationalRulesWith() {
	a := orgmodel.DefaultAssumptions()
	fmt.Println(a.FirstSecretary2021.Date, a.FirstSecretary2021.Window)
	a.FirstSecretary2021 = dangjian.AssumedDate{ID: orgmodel.AssumeFirstSecretary2021, Date: dangjian.MustParseDate("2021-05-20")}
	r, _ := orgmodel.NationalRulesWith(a).Rule("ORG-FIRSTSEC-TERM-2021")
	fmt.Println(r.Period)
	// Output:
	// 2021-05-01 [2021-05-01, 2021-06-01)
	// [2021-05-20, …)
}
