package dangjian_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/dangjian-go/dangjian"
	"github.com/shopspring/decimal"
)

func ExampleParseDate() {
	d, err := dangjian.ParseDate("2020-02-29")
	if err != nil {
		panic(err)
	}
	fmt.Println(d, d.AddYears(5))
	_, err = dangjian.ParseDate("2023-02-29")
	fmt.Println(err)
	// Output:
	// 2020-02-29 2025-02-28
	// dangjian: ParseDate("2023-02-29"): not a calendar date
}

func ExamplePeriod_Contains() {
	rules2008 := dangjian.Period{From: dangjian.MustParseDate("2008-04-01"), To: dangjian.MustParseDate("2017-01-01")}
	fmt.Println(rules2008.Contains(dangjian.MustParseDate("2016-12-31")))
	fmt.Println(rules2008.Contains(dangjian.MustParseDate("2017-01-01")))
	// Output:
	// true
	// false
}

func ExampleRoundingMode_Round() {
	for _, m := range []dangjian.RoundingMode{dangjian.HalfUp, dangjian.HalfEven, dangjian.Down} {
		v, _ := m.Round(decimal.RequireFromString("12.345"), 2)
		fmt.Println(m.Label(), v.StringFixed(2))
	}
	// Output:
	// 四舍五入 12.35
	// 银行家舍入 12.34
	// 舍去 12.34
}

func ExampleCheckRules() {
	type bracket struct {
		dangjian.Rule
		Rate string
	}
	src := dangjian.Source{Doc: "中组发〔2008〕3号", Article: "第二条", Confidence: dangjian.Verified}
	table := []bracket{
		{dangjian.Rule{ID: "B1", Source: src}, "0.005"},
		{dangjian.Rule{ID: "B1", Source: src}, "0.01"},
	}
	fmt.Println(dangjian.CheckRules(table, nil))
	// Output:
	// rules[1] ("B1"): ID also used by rules[0]: bad rule table
}

func ExampleParseModality() {
	m, _ := dangjian.ParseModality("应当")
	fmt.Println(m, m.Label())
	// Output: must 应当
}

func ExampleSource() {
	s := dangjian.Source{Doc: "中国共产党支部工作条例（试行）", Article: "第四条", Confidence: dangjian.Verified}
	fmt.Println(s)
	// Output: 中国共产党支部工作条例（试行） 第四条 [verified]
}

func ExampleDate_AddYears() {
	elected := dangjian.MustParseDate("2020-02-29")
	fmt.Println(elected.AddYears(3), elected.AddYears(4))
	// Output: 2023-02-28 2024-02-29
}

func ExampleDate_AddMonths() {
	fmt.Println(dangjian.MustParseDate("2025-08-31").AddMonths(6))
	// Output: 2026-02-28
}

func ExampleNewDate() {
	fmt.Println(dangjian.NewDate(2018, time.July, 1), dangjian.NewDate(2023, time.February, 29))
	// Output: 2018-07-01 2023-03-01
}

func ExamplePeriod_Overlaps() {
	d := dangjian.MustParseDate
	pre := dangjian.Period{To: d("2018-07-01")}
	post := dangjian.Period{From: d("2018-07-01")}
	fmt.Println(pre.Overlaps(post), pre.Overlaps(dangjian.Period{From: d("2018-06-30")}))
	// Output: false true
}

func ExampleParseRoundingMode() {
	m, _ := dangjian.ParseRoundingMode("银行家舍入")
	fmt.Println(m, m.Label())
	// Output: half_even 银行家舍入
}

func ExampleParseConfidence() {
	c, _ := dangjian.ParseConfidence("地方做法")
	fmt.Println(c)
	// Output: local_practice
}

func ExampleProblems() {
	var ps dangjian.Problems
	ps.Add(&dangjian.Problem{Kind: dangjian.ErrNegative, File: "tree.csv", Line: 3, Column: 6,
		Path: "full_members", ID: "1002", Value: "-2"})
	ps.Add(&dangjian.Problem{Kind: dangjian.ErrUnknownRef, File: "tree.csv", Line: 4, Column: 2,
		Path: "parent_id", ID: "1003", Value: "99"})
	err := ps.Err()
	fmt.Println(err)
	fmt.Println(errors.Is(err, dangjian.ErrInvalid))
	for _, p := range dangjian.ProblemsOf(err) {
		b, _ := json.Marshal(p)
		fmt.Println(string(b))
	}
	// Output:
	// tree.csv:3:6: full_members (id "1002"): must not be negative ("-2") (and 1 more problems)
	// true
	// {"code":"negative","path":"full_members","id":"1002","file":"tree.csv","line":3,"column":6,"value":"-2","message":"must not be negative"}
	// {"code":"unknown_ref","path":"parent_id","id":"1003","file":"tree.csv","line":4,"column":2,"value":"99","message":"refers to an unknown ID"}
}

func ExampleNewKind() {
	// A package names a narrower kind under one of the shared ones.
	errNesting := dangjian.NewKind("example_nesting", "kind cannot sit under its parent's kind", dangjian.ErrInconsistent)
	p := &dangjian.Problem{Kind: errNesting, Path: "orgs[2].kind", Value: "branch", Rule: "ORG-NESTING"}
	fmt.Println(p)
	fmt.Println(p.Code(), errors.Is(p, dangjian.ErrInconsistent))
	// Output:
	// orgs[2].kind: kind cannot sit under its parent's kind ("branch") [ORG-NESTING]
	// example_nesting true
}

func ExampleFinding() {
	f := dangjian.Finding{Rule: "ORG-BRANCH-MIN-3", Severity: dangjian.SeverityOf(dangjian.Must),
		Subject: "1002", Name: "延吉市委 / 某公司党支部", Field: "members.full", Value: "2", Line: 3,
		Message: "a branch needs at least 3 full members",
		Source:  dangjian.Source{Doc: "中国共产党支部工作条例（试行）", Article: "第五条", Confidence: dangjian.Verified}}
	b, _ := json.Marshal(f)
	fmt.Println(string(b))
	// Output:
	// {"rule":"ORG-BRANCH-MIN-3","severity":"error","subject":"1002","name":"延吉市委 / 某公司党支部","field":"members.full","value":"2","line":3,"message":"a branch needs at least 3 full members","source":{"doc":"中国共产党支部工作条例（试行）","article":"第五条","confidence":"verified"}}
}

func ExampleRounding() {
	r := dangjian.Rounding{Places: 1, Mode: dangjian.Ceiling} // up to the 角
	v, _ := r.Round(decimal.RequireFromString("12.01"))
	fmt.Println(r, v.StringFixed(1))
	// Output:
	// ceiling to 0.1 12.1
}

func ExampleProblemsOf() {
	// Any error a package returns gives back its problems, one by one.
	err := fmt.Errorf("reading the roster: %w", dangjian.Problems{
		{Kind: dangjian.ErrMissing, Line: 2, Path: "category", ID: "01"},
		{Kind: dangjian.ErrNegative, Line: 3, Path: "base", ID: "02", Value: "-1"},
	})
	for _, p := range dangjian.ProblemsOf(err) {
		fmt.Println(p.Code(), p.Line, p.Path, p.ID)
	}
	// An error that is not a problem becomes one, of kind invalid.
	fmt.Println(dangjian.AsProblem(errors.New("disk full")))
	// Output:
	// missing 2 category 01
	// negative 3 base 02
	// invalid value: disk full
}

func ExampleCut() {
	fmt.Println(dangjian.Cut("短"))
	fmt.Println(len(dangjian.Cut(strings.Repeat("长", 40))) <= dangjian.MaxValueLen+len("…"))
	// Output:
	// 短
	// true
}

func ExampleKindOf() {
	k := dangjian.KindOf("negative")
	fmt.Println(k, errors.Is(k, dangjian.ErrInvalid), dangjian.KindOf("no_such_code") == nil)
	// Output:
	// must not be negative true true
}

func ExampleSeverityOf() {
	for _, m := range []dangjian.Modality{dangjian.Must, dangjian.Usually, dangjian.May} {
		s := dangjian.SeverityOf(m)
		fmt.Println(m.Label(), s, s.Label())
	}
	// Output:
	// 应当 error 错误
	// 一般 warning 警告
	// 可以 info 提示
}

func ExampleParseComparison() {
	for _, s := range []string{"以上", "超过", ">="} {
		c, _ := dangjian.ParseComparison(s)
		fmt.Println(s, c, c.Holds(3, 3))
	}
	// Output:
	// 以上 at_least true
	// 超过 more_than false
	// >= at_least true
}

func ExampleParseLang() {
	for _, s := range []string{"en", "zh-CN", "中文"} {
		l, err := dangjian.ParseLang(s)
		fmt.Println(s, l, err)
	}
	// Output:
	// en en <nil>
	// zh-CN zh <nil>
	// 中文 zh <nil>
}

func ExampleHalfUpTo() {
	v, _ := dangjian.HalfUpTo(2).Round(decimal.RequireFromString("93.5175"))
	fmt.Println(dangjian.HalfUpTo(2), v)
	// Output:
	// half_up to 0.01 93.52
}

// InFile places the problems a reader reported in the file they came
// from, leaving a problem that already names its own file as it is.
func ExampleProblems_InFile() {
	ps := dangjian.Problems{
		{Kind: dangjian.ErrMissing, Path: "base", Line: 3, ID: "M1"},
		{Kind: dangjian.ErrSyntax, File: "scheme.json", Line: 1},
	}
	for _, p := range ps.InFile("roster.csv") {
		fmt.Println(p.File, p.Line, p.Code())
	}
	// Output:
	// roster.csv 3 missing
	// scheme.json 1 syntax
}
