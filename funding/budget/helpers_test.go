package budget_test

import (
	"github.com/dangjian-go/dangjian/internal/testkit"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/standard"
)

// Helpers shared with funding's own tests (package funding_test).

func stdYuan(s string) funding.Money { return funding.MustParseMoney(s) }
func stdDay(s string) dangjian.Date  { return dangjian.MustParseDate(s) }

func stdOne(code standard.ItemCode, amount string, per standard.Per) standard.Set {
	return standard.Set{Name: "测试", Jurisdiction: "测试县", Items: []standard.Standard{{
		Rule: dangjian.Rule{ID: "T-" + code.String(), Period: dangjian.Period{From: stdDay("2000-01-01")},
			Source: dangjian.Source{Doc: "测试", Confidence: dangjian.LocalPractice}},
		Code: code, Amount: stdYuan(amount), Per: per,
	}}}
}

func stdDated() standard.Set {
	src := dangjian.Source{Doc: "测试文件", Confidence: dangjian.LocalPractice}
	p := func(from, to string) dangjian.Period {
		var q dangjian.Period
		if from != "" {
			q.From = dangjian.MustParseDate(from)
		}
		if to != "" {
			q.To = dangjian.MustParseDate(to)
		}
		return q
	}
	return standard.Set{Name: "测试", Jurisdiction: "测试县", Items: []standard.Standard{
		{Rule: dangjian.Rule{ID: "T-2017", Period: p("2017-01-01", "2020-01-01"), Source: src}, Code: standard.VillageOperatingFunds, Amount: stdYuan("90000"), Per: standard.PerVillageYear},
		{Rule: dangjian.Rule{ID: "T-2020", Period: p("2020-01-01", "2021-01-01"), Source: src}, Code: standard.VillageOperatingFunds, Amount: stdYuan("105000"), Per: standard.PerVillageYear},
		{Rule: dangjian.Rule{ID: "T-2021", Period: p("2021-01-01", ""), Source: src}, Code: standard.VillageOperatingFunds, Amount: stdYuan("110000"), Per: standard.PerVillageYear},
		{Rule: dangjian.Rule{ID: "T-TOTAL", Source: src}, Code: standard.VillageOperatingFunds, Amount: stdYuan("9000000"), Per: standard.TotalOverPeriod},
	}}
}

// The shared test helpers (package testkit).
var (
	errText             = testkit.ErrText
	stdJSONKeys         = testkit.JSONKeys
	stdAssertLowerCamel = testkit.AssertLowerCamel
)
