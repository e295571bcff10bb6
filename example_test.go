package dangjian_test

import (
	"fmt"
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
