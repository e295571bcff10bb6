package yanji_test

import (
	"fmt"

	"github.com/dangjian-go/dangjian/assess"
	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/dangjian-go/dangjian/place/yanji"
)

// The scheme is a fresh value: compile it as it is, or edit it first. Here
// a village secretary scores 好 on every vote and every indicator but one,
// and a 书记项目 award adds a bonus point.
func ExampleScheme() {
	s, err := yanji.Scheme()
	if err != nil {
		fmt.Println(err)
		return
	}
	sc, err := assess.Compile(s)
	if err != nil {
		fmt.Println(err)
		return
	}
	all := func(ids ...string) []string { return ids }
	good := func(k int) assess.Ballots { return assess.Ballots{Counts: map[string]int{"好": k}} }
	res, err := sc.Score(assess.Subject{
		ID: "village/01", Category: "村",
		Values: map[string]assess.Num{"jianshi": assess.MustNum("100"), "baozhang": assess.MustNum("100"), "pinpai": assess.MustNum("6")},
		Checked: map[string][]string{
			"yanshi": all("documents", "organs_in_community", "four_lists", "four_level", "cadres_serve"),
			"duiwu":  all("first_secretary", "reserve_pool", "community_workers", "nonpublic_instructors"),
			"fuwu":   all("creation_targets", "service_posts", "service_actions", "joint_agreements"),
		},
		Votes: map[string]map[string]assess.Ballots{"ceping": {"leaders": good(3), "members": good(10), "masses": good(10)}},
		Bonus: map[string]int{"project_award_city": 1},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.Name)
	for _, c := range res.Components {
		fmt.Printf("%s %s × %s = %s\n", c.Name, c.Score, c.Weight, c.Weighted)
	}
	fmt.Println("bonus", res.Bonus, "total", res.Total, "of", res.Max, res.Grade)
	// Output:
	// 延吉市党组织书记抓基层党建工作述职评议考核（参考方案）
	// 日常考核 96 × 0.7 = 67.2
	// 述职评议 100 × 0.3 = 30
	// bonus 1 total 98.2 of 105 好
}

// The policy ranks each category (街道, 社区, 村) on its own, without
// quotas: the street secretary is first of the 街道 with a total between
// the two village secretaries', and every grade is the scheme's band.
func ExamplePolicy() {
	g, err := assess.NewGrader(yanji.Policy())
	if err != nil {
		fmt.Println(err)
		return
	}
	s, _ := yanji.Scheme()
	sc, _ := assess.Compile(s)
	subject := func(id, cat string, review int) assess.Subject {
		votes := func(k int) assess.Ballots {
			return assess.Ballots{Counts: map[string]int{"好": k, "一般": 10 - k}}
		}
		return assess.Subject{ID: id, Category: cat,
			Values: map[string]assess.Num{"jianshi": assess.MustNum("90"), "baozhang": assess.MustNum("90"), "pinpai": assess.MustNum("8")},
			Votes:  map[string]map[string]assess.Ballots{"ceping": {"leaders": votes(review), "members": votes(review), "masses": votes(review)}},
		}
	}
	var results []assess.Result
	for _, sub := range []assess.Subject{subject("村甲", "村", 6), subject("村乙", "村", 9), subject("街道一", "街道", 7)} {
		res, err := sc.Score(sub)
		if err != nil {
			fmt.Println(err)
			return
		}
		results = append(results, res)
	}
	gr, err := g.Grade(results)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(gr.Policy)
	for _, s := range gr.Subjects {
		fmt.Println(s.Category, s.Subject, s.Total, "rank", s.Rank, s.Grade)
	}
	// Output:
	// 延吉市书记述职评议考核排名（参考）
	// 村 村乙 71.5 rank 1 一般
	// 村 村甲 67.9 rank 2 一般
	// 街道 街道一 69.1 rank 1 一般
}

// Assessees lists whose secretaries the scheme assesses: a subject per
// organization, its ID the organization's code.
func ExampleAssessees() {
	tree, err := orgmodel.Build(yanji.Records())
	if err != nil {
		fmt.Println(err)
		return
	}
	n := map[string]int{}
	var first []string
	for _, a := range yanji.Assessees(tree) {
		if n[a.Category] == 0 {
			first = append(first, a.Category+" "+a.Org.Code)
		}
		n[a.Category]++
	}
	fmt.Println(first)
	for _, cat := range yanji.Categories() {
		fmt.Println(cat.Name, cat.Domain, n[cat.Name])
	}
	// Output:
	// [街道 street/1 社区 community/01 村 village/01]
	// 街道 street 6
	// 社区 community 70
	// 村 village 56
}
