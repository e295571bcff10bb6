package dangjian_test

import (
	"fmt"

	"github.com/dangjian-go/dangjian"
)

// rate is a dated rule value: a rule header and the value it sets.
type rate struct {
	dangjian.Rule
	Topic   string
	Percent string
}

func rates() []rate {
	d := dangjian.MustParseDate
	s := dangjian.Source{Doc: "example", Confidence: dangjian.Verified}
	return []rate{
		{dangjian.Rule{ID: "RATE-2008", Period: dangjian.Period{From: d("2008-04-01"), To: d("2017-01-01")}, Source: s}, "rate", "0.5"},
		{dangjian.Rule{ID: "RATE-2017", Period: dangjian.Period{From: d("2017-01-01")}, Source: s}, "rate", "1"},
		{dangjian.Rule{ID: "CAP", Period: dangjian.Period{From: d("2017-01-01")}, Source: s}, "cap", "1000"},
	}
}

func ExampleInForce() {
	isRate := func(r rate) bool { return r.Topic == "rate" }
	for _, on := range []string{"2016-12-31", "2017-01-01", "2000-01-01"} {
		r, ok := dangjian.InForce(rates(), dangjian.MustParseDate(on), isRate)
		fmt.Println(on, r.ID, ok)
	}
	// Output:
	// 2016-12-31 RATE-2008 true
	// 2017-01-01 RATE-2017 true
	// 2000-01-01  false
}

func ExampleAllInForce() {
	for _, r := range dangjian.AllInForce(rates(), dangjian.MustParseDate("2024-06-01"), nil) {
		fmt.Println(r.ID, r.Percent)
	}
	// Output:
	// RATE-2017 1
	// CAP 1000
}

func ExampleEachInForce() {
	for i, r := range dangjian.EachInForce(rates(), dangjian.MustParseDate("2024-06-01"), nil) {
		fmt.Printf("rules[%d] %s\n", i, r.ID)
	}
	// Output:
	// rules[1] RATE-2017
	// rules[2] CAP
}

func ExampleOneInForce() {
	isCap := func(r rate) bool { return r.Topic == "cap" }
	r, err := dangjian.OneInForce(rates(), dangjian.MustParseDate("2024-06-01"), "cap", isCap)
	fmt.Println(r.ID, err)
	_, err = dangjian.OneInForce(rates(), dangjian.MustParseDate("2010-06-01"), "cap", isCap)
	fmt.Println(err)
	// Output:
	// CAP <nil>
	// cap: no rule in force: none in force on 2010-06-01 ("2010-06-01")
}

func ExampleNoRuleError() {
	fmt.Println(dangjian.NoRuleError("dues rules", dangjian.MustParseDate("2001-01-01")))
	// Output: dues rules: no rule in force: none in force on 2001-01-01 ("2001-01-01")
}
