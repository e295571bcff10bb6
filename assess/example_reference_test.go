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
}

// A reference scheme is a fresh value: compile it as it is, or edit it
// first. Here xingji's two components are weighted 0.6 and 0.4 instead of
// 0.7 and 0.3; the next call gives the scheme as shipped again.
func ExampleReference() {
	s, err := assess.Reference("xingji")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range s.Components {
		fmt.Println(c.ID, c.Name, c.Weight)
	}
	s.Components[0].Weight = assess.MustNum("0.6")
	s.Components[1].Weight = assess.MustNum("0.4")
	sc, err := assess.Compile(s)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("max", sc.Max(), "grades", sc.Grades())
	again, _ := assess.Reference("xingji")
	fmt.Println("as shipped:", again.Components[0].Weight, again.Components[1].Weight)

	_, err = assess.Reference("nope")
	fmt.Println(err)
	// Output:
	// base 基础项（扣除减分项） 0.7
	// review 评议项 0.3
	// max 100 grades [五星 四星 三星 二星 一星]
	// as shipped: 0.7 0.3
	// refers to an unknown ID: not a reference scheme; known reference schemes are jifen, minzhu-pingyi, xingji ("nope")
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
