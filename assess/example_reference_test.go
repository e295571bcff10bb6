package assess_test

import (
	"fmt"

	"github.com/dangjian-go/dangjian/assess"
)

func ExampleReferenceNames() {
	for _, name := range assess.ReferenceNames() {
		s, _ := assess.Reference(name)
		fmt.Printf("%-14s %s\n", name, s.Name)
	}
	// Output:
	// jifen          党员积分管理（参考方案）
	// minzhu-pingyi  民主评议党员（参考方案）
	// xingji         党支部评星定级（参考方案）
	// yanji-shuzhi   延吉市党组织书记抓基层党建工作述职评议考核（参考方案）
}

// A reference scheme is a fresh value: compile it as it is, or edit it
// first. Here a village secretary scores 好 on every vote and every
// indicator but one, and a 书记项目 award adds a bonus point.
func ExampleReference() {
	s, err := assess.Reference("yanji-shuzhi")
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
	for _, c := range res.Components {
		fmt.Printf("%s %s × %s = %s\n", c.Name, c.Score, c.Weight, c.Weighted)
	}
	fmt.Println("bonus", res.Bonus, "total", res.Total, "of", res.Max, res.Grade)

	_, err = assess.Reference("yanji")
	fmt.Println(err)
	// Output:
	// 日常考核 96 × 0.7 = 67.2
	// 述职评议 100 × 0.3 = 30
	// bonus 1 total 98.2 of 105 好
	// refers to an unknown ID: not a reference scheme; known reference schemes are jifen, minzhu-pingyi, xingji, yanji-shuzhi ("yanji")
}

// The grading policy of a reference scheme applies the cohort rules: for
// 民主评议党员, 优秀 at most 1/3 of the full members, and probationary
// members not graded.
func ExampleReferencePolicy() {
	s, _ := assess.Reference("minzhu-pingyi")
	sc, _ := assess.Compile(s)
	p, _ := assess.ReferencePolicy("minzhu-pingyi")
	g, _ := assess.NewGrader(p)
	member := func(id, category string, excellent, qualified int) assess.Subject {
		return assess.Subject{ID: id, Category: category, Votes: map[string]map[string]assess.Ballots{
			"votes": {"members": {Counts: map[string]int{"优秀": excellent, "合格": qualified}}}}}
	}
	var results []assess.Result
	for _, sub := range []assess.Subject{
		member("A", "正式党员", 6, 0), member("B", "正式党员", 5, 1), member("C", "正式党员", 4, 2),
		member("D", "正式党员", 1, 5), member("E", "正式党员", 0, 6), member("F", "预备党员", 6, 0),
	} {
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
	for _, m := range gr.Subjects {
		grade := m.Grade
		if m.Ungraded {
			grade = "(not graded)"
		}
		fmt.Println(m.Subject, m.Total, m.Band, "→", grade)
	}
	// Output:
	// A 100 优秀 → 优秀
	// F 100  → (not graded)
	// B 97.34 优秀 → 合格
	// C 94.66 优秀 → 合格
	// D 86.66 合格 → 合格
	// E 84 合格 → 合格
}
