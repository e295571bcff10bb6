package assess_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
)

// gradeExResults reads scored results as a scorer would have stored them.
func gradeExResults(js string) []assess.Result {
	var rs []assess.Result
	if err := json.Unmarshal([]byte(js), &rs); err != nil {
		panic(err)
	}
	return rs
}

func gradeExPrint(c *assess.Grading) {
	for _, s := range c.Subjects {
		grade := s.Grade
		if s.Ungraded {
			grade = "(not graded)"
		}
		fmt.Printf("%d. %s %s rank %d %s\n", s.Order, s.Subject, s.Total, s.Rank, grade)
	}
}

func ExampleParseShare() {
	for _, in := range []string{"1/3", "0.3", "30%", "4/3"} {
		s, err := assess.ParseShare(in)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(in, "→", s)
	}
	// Output:
	// 1/3 → 1/3
	// 0.3 → 0.3
	// 30% → 0.3
	// invalid value: a share lies between 0 and 1 ("4/3")
}

func ExampleMustShare() {
	q := assess.Quota{Grade: "优秀", Max: assess.MustShare("1/3"), Ties: assess.TiesAllOut, Modality: dangjian.Usually, Source: "zhibu"}
	fmt.Println(q.Grade, "at most", q.Max, q.Modality.Label())
	// Output: 优秀 at most 1/3 一般
}

// NewGrader reports every problem of a policy at once, by path.
func ExampleNewGrader() {
	p := assess.GradePolicy{
		Name:   "述职评议",
		Grades: []string{"好", "较好", "一般", "差"},
		Quotas: []assess.Quota{{Grade: "好", Max: assess.MustShare("0.3")}},
	}
	_, err := assess.NewGrader(p)
	var ce dangjian.Problems
	if errors.As(err, &ce) {
		for _, pr := range ce {
			fmt.Println(pr.Path, "—", pr.Message())
		}
	}
	// Output:
	// quotas[0].ties — invalid value: a quota says what happens to ties at the cut-off: break, all_in or all_out
	// quotas[0].modality — invalid value: a quota says how binding it is: must (不超过) or usually (一般不超过)
	// quotas[0].source — invalid value: cite one of the policy's sources
}

// A 述职评议 cohort: bands 90 / 80 / 60, 好 at most 30 % (floored), ties at
// the cut-off broken by the 日常考核 component; competition ranks.
func ExampleGrader_Grade() {
	g, err := assess.NewGrader(assess.GradePolicy{
		Name:    "某县书记抓党建述职评议",
		Sources: []assess.Source{{ID: "county", Source: dangjian.Source{Doc: "某县考核办法", Confidence: dangjian.LocalPractice}}},
		Grades:  []string{"好", "较好", "一般", "差"},
		Bands: []assess.Band{
			{Grade: "好", From: assess.MustNum("90")},
			{Grade: "较好", From: assess.MustNum("80"), To: assess.MustNum("90")},
			{Grade: "一般", From: assess.MustNum("60"), To: assess.MustNum("80")},
			{Grade: "差", From: assess.MustNum("0"), To: assess.MustNum("60")},
		},
		Quotas:   []assess.Quota{{Grade: "好", Max: assess.MustShare("30%"), Ties: assess.TiesBreak, Modality: dangjian.Must, Source: "county"}},
		TieBreak: []assess.TieKey{{By: assess.TieComponent, Component: "daily"}},
	})
	if err != nil {
		panic(err)
	}
	c, err := g.Grade(gradeExResults(`[
		{"subject": "乙村", "total": "92", "components": [{"id": "daily", "score": "68"}]},
		{"subject": "甲村", "total": "95", "components": [{"id": "daily", "score": "70"}]},
		{"subject": "丙村", "total": "92", "components": [{"id": "daily", "score": "66"}]},
		{"subject": "丁村", "total": "91", "components": [{"id": "daily", "score": "65"}]},
		{"subject": "戊村", "total": "85", "components": [{"id": "daily", "score": "60"}]},
		{"subject": "己村", "total": "85", "components": [{"id": "daily", "score": "60"}]},
		{"subject": "庚村", "total": "72", "components": [{"id": "daily", "score": "50"}]}
	]`))
	if err != nil {
		panic(err)
	}
	gradeExPrint(c)
	fmt.Println(c.Subjects[2].Steps[1].Reason)
	// Output:
	// 1. 甲村 95 rank 1 好
	// 2. 乙村 92 rank 2 好
	// 3. 丙村 92 rank 3 较好
	// 4. 丁村 91 rank 4 较好
	// 5. 己村 85 rank 5 较好
	// 6. 戊村 85 rank 5 较好
	// 7. 庚村 72 rank 7 一般
	// 好 at most floor(0.3 × 7) = 2 (must, 应当); no. 3 at 好 by the cohort's order: tied on the total 92 with 乙村; the tie-break key component daily decided
}

// A vote-share downgrade: "差 votes over 1/3 force 差". The rule is not
// verified for 述职评议 (no source gives it); it applies only
// because this policy lists it, citing its source as unverified. At
// exactly 1/3 more_than does not fire; at_least would.
func ExampleGrader_Grade_downgrade() {
	g, err := assess.NewGrader(assess.GradePolicy{
		Name: "述职评议 with a 差-vote rule",
		Sources: []assess.Source{{ID: "cha", Source: dangjian.Source{Doc: "差票超过三分之一定为差（干部年度考核中的做法）",
			Confidence: dangjian.Unverified, Note: "not found for 述职评议"}}},
		Grades: []string{"好", "较好", "一般", "差"},
		Downgrades: []assess.Downgrade{{ID: "cha-third",
			When:   assess.VoteShare{Level: "差", Share: assess.MustShare("1/3"), Compare: assess.MoreThan},
			Effect: assess.SetGrade, Grade: "差", Reason: "差票超过有效票三分之一", Source: "cha"}},
	})
	if err != nil {
		panic(err)
	}
	c, err := g.Grade(gradeExResults(`[
		{"subject": "A", "total": "88", "grade": "较好", "ballots": {"好": 10, "较好": 4, "差": 7}},
		{"subject": "B", "total": "86", "grade": "较好", "ballots": {"好": 10, "较好": 3, "差": 8}}
	]`))
	if err != nil {
		panic(err)
	}
	for _, s := range c.Subjects {
		last := s.Steps[len(s.Steps)-1]
		fmt.Printf("%s %s: %s %s\n", s.Subject, s.Grade, last.Reason, last.Source.Confidence)
	}
	// Output:
	// A 较好: 差 votes 7 of 21 valid (1/3), not more than 1/3: the rule does not apply unverified
	// B 差: 差票超过有效票三分之一 (差 votes 8 of 21 valid (8/21), more than 1/3; set_grade 差) unverified
}

// 民主评议党员: 优秀 at most 1/3 of the full members, a normal ceiling;
// probationary members are scored but not graded.
func ExampleDemocraticReview() {
	g, err := assess.NewGrader(assess.DemocraticReview())
	if err != nil {
		panic(err)
	}
	c, err := g.Grade(gradeExResults(`[
		{"subject": "张伟", "total": "96", "grade": "优秀"},
		{"subject": "王芳", "total": "94", "grade": "优秀"},
		{"subject": "吴昊", "category": "预备党员", "total": "93", "grade": "优秀"},
		{"subject": "李娜", "total": "92", "grade": "优秀"},
		{"subject": "刘洋", "total": "85", "grade": "合格"},
		{"subject": "陈静", "total": "82", "grade": "合格"}
	]`))
	if err != nil {
		panic(err)
	}
	gradeExPrint(c)
	u := c.Groups[0].Quotas[0]
	fmt.Printf("优秀: %d of %d allowed (%s of %d %s, %s)\n", u.Final, u.Allowed, u.Max, u.Base, u.Of, u.Modality.Label())
	fmt.Printf("the text says %s; read literally: base %s\n", u.Reading.Text, u.Reading.Literal)
	// Output:
	// 1. 张伟 96 rank 1 优秀
	// 2. 王芳 94 rank 2 合格
	// 3. 吴昊 93 rank 0 (not graded)
	// 4. 李娜 92 rank 3 合格
	// 5. 刘洋 85 rank 4 合格
	// 6. 陈静 82 rank 5 合格
	// 优秀: 1 of 1 allowed (1/3 of 5 graded, 一般)
	// the text says 党员总数; read literally: base all
}

// The literal reading of 党员总数 counts the probationary members in the
// base of the 1/3: 6 members, 2 优秀.
func ExampleGradePolicy_Literal() {
	g, err := assess.NewGrader(assess.DemocraticReview().Literal())
	if err != nil {
		panic(err)
	}
	c, err := g.Grade(gradeExResults(`[
		{"subject": "张伟", "total": "96", "grade": "优秀"},
		{"subject": "王芳", "total": "94", "grade": "优秀"},
		{"subject": "吴昊", "category": "预备党员", "total": "93", "grade": "优秀"},
		{"subject": "李娜", "total": "92", "grade": "优秀"},
		{"subject": "刘洋", "total": "85", "grade": "合格"},
		{"subject": "陈静", "total": "82", "grade": "合格"}
	]`))
	if err != nil {
		panic(err)
	}
	u := c.Groups[0].Quotas[0]
	fmt.Printf("优秀: %d of %d allowed (%s of %d %s)\n", u.Final, u.Allowed, u.Max, u.Base, u.Of)
	// Output:
	// 优秀: 2 of 2 allowed (1/3 of 6 all)
}

// The vote gives a recommendation; the 党员大会 decides, and the decision
// is recorded with its reason. 优秀's ceiling is normal (一般不超过), so
// the decision may exceed it, and the grading says so.
func ExampleGrader_Override() {
	g, err := assess.NewGrader(assess.DemocraticReview())
	if err != nil {
		panic(err)
	}
	rec, err := g.Grade(gradeExResults(`[
		{"subject": "张伟", "total": "96", "grade": "优秀"},
		{"subject": "王芳", "total": "94", "grade": "优秀"},
		{"subject": "李娜", "total": "82", "grade": "合格"}
	]`))
	if err != nil {
		panic(err)
	}
	dec, err := g.Override(rec, []assess.Override{{Subject: "王芳", Grade: "优秀", Reason: "防汛抢险表现突出", By: "党员大会（2024-12-20）"}})
	if err != nil {
		panic(err)
	}
	for _, s := range dec.Subjects {
		fmt.Printf("%s: recommended %s, graded %s\n", s.Subject, s.Recommended, s.Grade)
	}
	last := dec.Subjects[1].Steps[len(dec.Subjects[1].Steps)-1]
	fmt.Println(last.Kind, last.Reason)
	u := dec.Groups[0].Quotas[0]
	fmt.Printf("优秀 %d, allowed %d, over by %d\n", u.Final, u.Allowed, u.Over)
	// Output:
	// 张伟: recommended 优秀, graded 优秀
	// 王芳: recommended 合格, graded 优秀
	// 李娜: recommended 合格, graded 合格
	// override 防汛抢险表现突出 (decided by 党员大会（2024-12-20）)
	// 优秀 2, allowed 1, over by 1
}

// 评星定级 with bands 90 / 80 / 70 / 60 and 五星 at most 30 %: 89.5 is 四星
// (half-open bands), and of the four branches from 90 up only three stay
// 五星 (30 % of 10 is 3).
func ExampleStarRating() {
	g, err := assess.NewGrader(assess.StarRating())
	if err != nil {
		panic(err)
	}
	c, err := g.Grade(gradeExResults(`[
		{"subject": "一支部", "total": "98"}, {"subject": "二支部", "total": "95"},
		{"subject": "三支部", "total": "93"}, {"subject": "四支部", "total": "90"},
		{"subject": "五支部", "total": "89.5"}, {"subject": "六支部", "total": "78"},
		{"subject": "七支部", "total": "70"}, {"subject": "八支部", "total": "66"},
		{"subject": "九支部", "total": "61"}, {"subject": "十支部", "total": "59"}
	]`))
	if err != nil {
		panic(err)
	}
	for _, s := range c.Subjects {
		fmt.Print(s.Subject, " ", s.Grade, "; ")
	}
	fmt.Println()
	// Output:
	// 一支部 五星; 二支部 五星; 三支部 五星; 四支部 四星; 五支部 四星; 六支部 三星; 七支部 三星; 八支部 二星; 九支部 二星; 十支部 一星;
}

func ExampleDecodeGradePolicy() {
	p, err := assess.DecodeGradePolicy(strings.NewReader(`{
		"name": "述职评议（本县）",
		"sources": [{"id": "county", "doc": "某县考核办法", "confidence": "local_practice"}],
		"grades": ["好", "较好", "一般", "差"],
		"quotas": [{"grade": "好", "max": "30%", "count": "half_up", "ties": "all_in", "modality": "一般", "source": "county"}],
		"ranking": "dense"
	}`))
	if err != nil {
		panic(err)
	}
	g, err := assess.NewGrader(p)
	if err != nil {
		panic(err)
	}
	q := g.Policy().Quotas[0]
	fmt.Println(g.Grades(), q.Grade, q.Max, q.Count, q.Ties, q.Modality)
	// Output: [好 较好 一般 差] 好 0.3 half_up all_in usually
}

func ExampleGrader_Policy() {
	g, err := assess.NewGrader(assess.StarRating())
	if err != nil {
		panic(err)
	}
	p := g.Policy()
	p.Grades[0] = "changed" // a copy: the grader is not affected
	fmt.Println(g.Grades()[0], len(p.Bands), p.Quotas[0].Modality)
	// Output: 五星 5 must
}

func ExampleGrader_Grades() {
	g, err := assess.NewGrader(assess.DemocraticReview())
	if err != nil {
		panic(err)
	}
	fmt.Println(g.Grades())
	// Output: [优秀 合格 基本合格 不合格]
}

// Under PerCategory, InCategory gives one category's ranking and Group its
// grade distribution.
func ExampleGrading_InCategory() {
	g, err := assess.NewGrader(assess.GradePolicy{
		Name:   "某县书记述职评议",
		Grades: []string{"好", "较好", "一般"},
		Bands: []assess.Band{
			{Grade: "好", From: assess.MustNum("90")},
			{Grade: "较好", From: assess.MustNum("80"), To: assess.MustNum("90")},
			{Grade: "一般", From: assess.MustNum("0"), To: assess.MustNum("80")},
		},
		PerCategory: true,
	})
	if err != nil {
		panic(err)
	}
	c, err := g.Grade(gradeExResults(`[
		{"subject": "甲村", "category": "村", "total": "91"},
		{"subject": "东社区", "category": "社区", "total": "84"},
		{"subject": "乙村", "category": "村", "total": "78"},
		{"subject": "西社区", "category": "社区", "total": "93"}
	]`))
	if err != nil {
		panic(err)
	}
	for _, s := range c.InCategory("社区") {
		fmt.Println(s.Rank, s.Subject, s.Total, s.Grade)
	}
	grp, _ := c.Group("社区")
	fmt.Println(grp.Subjects, grp.Grades)
	// Output:
	// 1 西社区 93 好
	// 2 东社区 84 较好
	// 2 [{好 1} {较好 1} {一般 0}]
}
