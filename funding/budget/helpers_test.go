package budget_test

import (
	"encoding/json"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/standard"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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

// stdAssertLowerCamel checks the tag casing of every key of v's JSON.
func stdAssertLowerCamel(t *testing.T, v any) {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	keys := stdJSONKeys(t, b)
	require.NotEmpty(t, keys, reflect.TypeOf(v).String())
	for _, k := range keys {
		assert.Regexp(t, stdLowerCamel, k, "%T", v)
		assert.False(t, unicode.IsUpper(rune(k[0])))
	}
}

// errText renders every problem of err, one per line, in three forms: as
// Error() says it ("path (id "X"): kind: detail ("value") [rule]"), without
// its kind ("path: detail ("value")") and with the value first ("path
// ("value"): kind: detail"), so that a test can look for a problem's path,
// detail and value together in the order it reads best.
func errText(err error) string {
	if err == nil {
		return ""
	}
	var b strings.Builder
	for _, p := range dangjian.ProblemsOf(err) {
		b.WriteString(p.Error())
		b.WriteString("\n")
		b.WriteString(p.Path)
		b.WriteString(": ")
		b.WriteString(p.Detail)
		if p.Value != "" {
			b.WriteString(" (" + strconv.Quote(p.Value) + ")")
		}
		b.WriteString("\n")
		b.WriteString(p.Path + " (" + strconv.Quote(p.Value) + "): " + p.Message())
		b.WriteString("\n")
	}
	return b.String()
}
func stdJSONKeys(t *testing.T, b []byte) []string {
	t.Helper()
	var v any
	require.NoError(t, json.Unmarshal(b, &v))
	var keys []string
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				keys = append(keys, k)
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(v)
	return keys
}

var stdLowerCamel = regexp.MustCompile(`^[a-z][A-Za-z0-9]*$`)
