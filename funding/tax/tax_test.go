package tax_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/tax"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func taxDay(s string) dangjian.Date { return dangjian.MustParseDate(s) }

func taxYuan(s string) funding.Money { return funding.MustParseMoney(s) }

// ---------------------------------------------------------------------------
// Rule tables

func TestTaxRuleTables(t *testing.T) {
	r := tax.NationalRules()
	require.NoError(t, r.Check())

	// Every table on its own, with the topic that keeps its versions apart.
	require.NoError(t, dangjian.CheckRules(r.Method, func(dangjian.Rule) string { return "method" }))
	require.NoError(t, dangjian.CheckRules(r.NoRefund, func(dangjian.Rule) string { return "norefund" }))
	require.NoError(t, dangjian.CheckRules(r.BonusSeparate, func(dangjian.Rule) string { return "bonus" }))
	require.NoError(t, dangjian.CheckRules(r.Brackets, func(b tax.Bracket) string { return fmt.Sprintf("%s/%d", b.Table, b.Level) }))
	require.NoError(t, dangjian.CheckRules(r.Basic, func(tax.BasicDeduction) string { return "basic" }))
	require.NoError(t, dangjian.CheckRules(r.NonResidentBasic, func(tax.BasicDeduction) string { return "basic" }))
	require.NoError(t, dangjian.CheckRules(r.Additional, func(a tax.AdditionalDeduction) string { return a.Item.String() + "/" + a.Tier.String() }))
	require.NoError(t, dangjian.CheckRules([]tax.RoundingRule{r.Rounding}, nil))
	require.NoError(t, dangjian.CheckRules(r.Rules(), nil), "IDs unique across all tables")
	assert.Len(t, r.Rules(), 1+1+14+1+1+1+1+11+3+1)
}

func TestTaxRuleValues(t *testing.T) {
	r := tax.NationalRules()
	byID := map[string]dangjian.Rule{}
	for _, h := range r.Rules() {
		byID[h.ID] = h
	}
	add := map[string]tax.AdditionalDeduction{}
	for _, a := range r.Additional {
		add[a.ID] = a
	}
	tests := []struct {
		id         string
		confidence dangjian.Confidence
		from, to   string
		monthly    string // for additional deductions
		shareCap   string
	}{
		{"TAX-CUM-METHOD-2019", dangjian.Verified, "2019-01-01", "", "", ""},
		{"TAX-CUM-NOREFUND-2019", dangjian.Reported, "2019-01-01", "", "", ""},
		{"TAX-BASIC-2019", dangjian.Verified, "2019-01-01", "", "", ""},
		{"TAX-NR-BASIC-2019", dangjian.Unverified, "2019-01-01", "", "", ""},
		{"TAX-BASIC-FIRSTWAGE-2020", dangjian.Reported, "2020-07-01", "", "", ""},
		{"TAX-BASIC-LOWINCOME-2021", dangjian.Reported, "2021-01-01", "", "", ""},
		{"TAX-CUM-2019-1", dangjian.Verified, "2019-01-01", "", "", ""},
		{"TAX-MON-2019-7", dangjian.Verified, "2019-01-01", "", "", ""},
		{"TAX-SAD-CHILD-2019", dangjian.Unverified, "2019-01-01", "2023-01-01", "1000.00", "0.00"},
		{"TAX-SAD-CHILD-2023", dangjian.Unverified, "2023-01-01", "", "2000.00", "0.00"},
		{"TAX-SAD-INFANT-2022", dangjian.Reported, "2022-01-01", "2023-01-01", "1000.00", "0.00"},
		{"TAX-SAD-INFANT-2023", dangjian.Verified, "2023-01-01", "", "2000.00", "0.00"},
		{"TAX-SAD-ELDERLY-2019", dangjian.Reported, "2019-01-01", "2023-01-01", "2000.00", "1000.00"},
		{"TAX-SAD-ELDERLY-2023", dangjian.Verified, "2023-01-01", "", "3000.00", "1500.00"},
		{"TAX-SAD-LOAN-2019", dangjian.Unverified, "2019-01-01", "", "1000.00", "0.00"},
		{"TAX-SAD-RENT-2019-T1", dangjian.Reported, "2019-01-01", "", "1500.00", "0.00"},
		{"TAX-SAD-RENT-2019-T2", dangjian.Reported, "2019-01-01", "", "1100.00", "0.00"},
		{"TAX-SAD-RENT-2019-T3", dangjian.Reported, "2019-01-01", "", "800.00", "0.00"},
		{"TAX-SAD-CONTEDU-2019", dangjian.Reported, "2019-01-01", "", "400.00", "0.00"},
		{"TAX-BONUS-2019", dangjian.Unverified, "2019-01-01", "2022-01-01", "", ""},
		{"TAX-BONUS-2022", dangjian.Unverified, "2022-01-01", "2024-01-01", "", ""},
		{"TAX-BONUS-2024", dangjian.Unverified, "2024-01-01", "2028-01-01", "", ""},
		{"TAX-ROUND", dangjian.LibraryChoice, "", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			h, ok := byID[tt.id]
			require.True(t, ok)
			assert.Equal(t, tt.confidence, h.Source.Confidence)
			assert.Equal(t, tt.from, h.Period.From.String())
			assert.Equal(t, tt.to, h.Period.To.String())
			assert.NotEmpty(t, h.Source.Doc)
			if tt.monthly != "" {
				assert.Equal(t, tt.monthly, add[tt.id].Monthly.String())
				assert.Equal(t, tt.shareCap, add[tt.id].ShareCap.String())
			}
		})
	}
	t.Run("the 2020 facts cite 公告2020年第13号 and 第19号", func(t *testing.T) {
		assert.Contains(t, byID["TAX-BASIC-FIRSTWAGE-2020"].Source.Doc, "公告2020年第13号")
		assert.Contains(t, byID["TAX-BASIC-LOWINCOME-2021"].Source.Doc, "公告2020年第19号")
		assert.Contains(t, byID["TAX-BASIC-FIRSTWAGE-2020"].Source.Note, "按照5000元/月乘以纳税人当年截至本月月份数计算累计减除费用")
		assert.Contains(t, byID["TAX-BASIC-LOWINCOME-2021"].Source.Note, "累计减除费用自1月份起直接按照全年6万元计算扣除")
		require.Len(t, r.LowIncome, 1)
		assert.Equal(t, "60000.00", r.LowIncome[0].Annual.String())
	})
	t.Run("2023 deductions cite 国发〔2023〕13号", func(t *testing.T) {
		for _, id := range []string{"TAX-SAD-CHILD-2023", "TAX-SAD-INFANT-2023", "TAX-SAD-ELDERLY-2023"} {
			assert.Contains(t, byID[id].Source.Doc, "国发〔2023〕13号", id)
		}
		assert.Contains(t, byID["TAX-SAD-INFANT-2022"].Source.Doc, "国发〔2022〕8号")
		assert.Contains(t, byID["TAX-BONUS-2024"].Source.Doc, "2023年第30号")
	})
	t.Run("bonus window ends 2027-12-31 inclusive", func(t *testing.T) {
		p := byID["TAX-BONUS-2024"].Period
		assert.True(t, p.Contains(taxDay("2027-12-31")))
		assert.False(t, p.Contains(taxDay("2028-01-01")))
	})
}

func TestTaxRulesCheckFindsBrokenTables(t *testing.T) {
	bracket := func(r *tax.Rules, id string) *tax.Bracket {
		for i := range r.Brackets {
			if r.Brackets[i].ID == id {
				return &r.Brackets[i]
			}
		}
		t.Fatalf("no bracket %s", id)
		return nil
	}
	additional := func(r *tax.Rules, id string) *tax.AdditionalDeduction {
		for i := range r.Additional {
			if r.Additional[i].ID == id {
				return &r.Additional[i]
			}
		}
		t.Fatalf("no deduction %s", id)
		return nil
	}
	tests := []struct {
		name   string
		change func(r *tax.Rules)
		want   string
	}{
		{"quick deduction typo", func(r *tax.Rules) {
			bracket(r, "TAX-CUM-2019-2").QuickDeduction = taxYuan("2521")
		}, `quick deduction 2521.00, want 2520.00 to keep the tax continuous at 36000.00`},
		{"gap between rows", func(r *tax.Rules) {
			bracket(r, "TAX-MON-2019-3").Over = taxYuan("12000.01")
		}, `starts at 12000.01, want 12000.00`},
		{"last row closed", func(r *tax.Rules) {
			b := bracket(r, "TAX-CUM-2019-7")
			b.Open, b.UpTo = false, taxYuan("2000000")
		}, `the last row must be open`},
		{"rate not rising", func(r *tax.Rules) {
			bracket(r, "TAX-CUM-2019-3").Rate = funding.MustParseRate("10%")
		}, `rate 0.1 not above 0.1`},
		{"duplicate ID", func(r *tax.Rules) {
			additional(r, "TAX-SAD-RENT-2019-T2").ID = "TAX-SAD-RENT-2019-T1"
		}, `ID also used by`},
		{"overlapping versions", func(r *tax.Rules) {
			additional(r, "TAX-SAD-CHILD-2019").Period.To = dangjian.Date{}
		}, `overlap on topic "additional/child_education/"`},
		{"no source", func(r *tax.Rules) {
			r.BonusSeparate[0].Source.Doc = ""
		}, `no source document`},
		{"rent without tier", func(r *tax.Rules) {
			additional(r, "TAX-SAD-RENT-2019-T3").Tier = tax.RentNone
		}, `rent needs a city tier`},
		{"share cap on a child", func(r *tax.Rules) {
			additional(r, "TAX-SAD-CHILD-2023").ShareCap = taxYuan("1")
		}, `only 赡养老人 has a share cap`},
		{"share cap above the amount", func(r *tax.Rules) {
			additional(r, "TAX-SAD-ELDERLY-2023").ShareCap = taxYuan("3000.01")
		}, `want 0 < share cap ≤ 3000.00`},
		{"odd amount split", func(r *tax.Rules) {
			additional(r, "TAX-SAD-LOAN-2019").Monthly = taxYuan("1000.01")
		}, `a splittable amount must halve to the fen`},
		{"zero basic deduction", func(r *tax.Rules) {
			r.Basic[0].Monthly = funding.Money{}
		}, `want a positive amount`},
		{"bad rounding", func(r *tax.Rules) {
			r.Rounding.Rounding.Places = 3
		}, `rounding.rounding.places: bad rounding: want 0 (元), 1 (角) or 2 (分) ("3")`},
		{"no method", func(r *tax.Rules) {
			r.Method = nil
		}, `no cumulative withholding method`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tax.NationalRules()
			tt.change(&r)
			err := r.Check()
			require.Error(t, err)
			assert.Contains(t, errText(err), tt.want)
			assert.True(t, errors.Is(err, tax.ErrBadRules) || errors.Is(err, dangjian.ErrBadRuleTable), "%v", err)

			_, err = r.Withhold(2024, []tax.Month{{Month: 1, Income: taxYuan("10000")}})
			require.Error(t, err, "Withhold refuses a broken rule set")
			assert.Contains(t, errText(err), tt.want)
			assert.True(t, tax.NationalRules().Check() == nil, "the national rules are a fresh value")
		})
	}
}

func TestTaxRulesWith(t *testing.T) {
	r := tax.NationalRules()
	replaced := r.WithAdditional(tax.AdditionalDeduction{
		Rule: dangjian.Rule{ID: "TAX-SAD-INFANT-2022", Period: dangjian.Period{From: taxDay("2022-01-01"), To: taxDay("2023-01-01")},
			Source: dangjian.Source{Doc: "local check of 国发〔2022〕8号", Confidence: dangjian.Verified}},
		Item: tax.InfantCare, Monthly: taxYuan("1000"), Splittable: true,
	})
	require.NoError(t, replaced.Check())
	assert.Equal(t, len(r.Additional), len(replaced.Additional), "replaced in place")
	var orig, repl tax.AdditionalDeduction
	for i := range r.Additional {
		if r.Additional[i].ID == "TAX-SAD-INFANT-2022" {
			orig, repl = r.Additional[i], replaced.Additional[i]
		}
	}
	assert.Equal(t, dangjian.Reported, orig.Source.Confidence, "the receiver is unchanged")
	assert.Equal(t, dangjian.Verified, repl.Source.Confidence)

	down := r.WithRounding(tax.RoundingRule{Rule: r.Rounding.Rule, Rounding: funding.Rounding{Places: 2, Mode: dangjian.Down}})
	assert.Equal(t, dangjian.HalfUp, r.Rounding.Rounding.Mode)
	c, err := down.CumulativeTax(taxYuan("0.50"), taxDay("2024-01-01"))
	require.NoError(t, err)
	assert.Equal(t, "0.015", c.Exact)
	assert.Equal(t, "0.01", c.Tax.String())

	extra := r.WithAdditional(tax.AdditionalDeduction{
		Rule: dangjian.Rule{ID: "TAX-SAD-LOCAL", Source: dangjian.Source{Doc: "x", Confidence: dangjian.LocalPractice}},
		Item: tax.ContinuingEducation, Monthly: taxYuan("400"),
	})
	assert.Len(t, extra.Additional, len(r.Additional)+1)
	assert.Error(t, extra.Check(), "an open-ended duplicate of 继续教育 overlaps the national one")
}

// ---------------------------------------------------------------------------
// Golden vectors (testdata/tax/*.json), derived from the rules by hand and
// by an independent integer computation; each names the rules it exercises.

type taxVector struct {
	Name        string      `json:"name"`
	Description string      `json:"description"`
	Year        int         `json:"year"`
	Rules       []string    `json:"rules"`
	Months      []tax.Month `json:"months"`
	Want        struct {
		Withheld string `json:"withheld"`
		Lines    []struct {
			Month      int    `json:"month"`
			CumTaxable string `json:"cumTaxable"`
			Level      int    `json:"level"`
			CumTax     string `json:"cumTax"`
			Withheld   string `json:"withheld"`
			Clamped    bool   `json:"clamped"`
			AfterTax   string `json:"afterTax"`
		} `json:"lines"`
	} `json:"want"`
}

func loadTaxVectors(t *testing.T) map[string]taxVector {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "tax", "*.json"))
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), 10)
	out := map[string]taxVector{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		var v taxVector
		dec := json.NewDecoder(strings.NewReader(string(b)))
		dec.DisallowUnknownFields()
		require.NoError(t, dec.Decode(&v), f)
		require.Equal(t, strings.TrimSuffix(filepath.Base(f), ".json"), v.Name)
		require.NotEmpty(t, v.Rules, "%s names the rules it exercises", f)
		out[v.Name] = v
	}
	return out
}

func TestWithholdGolden(t *testing.T) {
	for name, v := range loadTaxVectors(t) {
		t.Run(name, func(t *testing.T) {
			y, err := tax.Withhold(v.Year, v.Months)
			require.NoError(t, err)
			require.Len(t, y.Lines, len(v.Want.Lines))
			assert.Equal(t, v.Want.Withheld, y.Withheld.String(), "year total")
			used := map[string]bool{}
			for i, w := range v.Want.Lines {
				l := y.Lines[i]
				assert.Equal(t, w.Month, l.Month)
				assert.Equal(t, w.CumTaxable, l.Cumulative.Taxable.String(), "month %d cumulative taxable", w.Month)
				assert.Equal(t, w.Level, l.Tax.Bracket.Level, "month %d level", w.Month)
				assert.Equal(t, fmt.Sprintf("TAX-CUM-2019-%d", w.Level), l.Tax.Bracket.ID)
				assert.Equal(t, w.CumTax, l.Tax.Tax.String(), "month %d cumulative tax", w.Month)
				assert.Equal(t, w.Withheld, l.Withheld.String(), "month %d withheld", w.Month)
				assert.Equal(t, w.Clamped, l.Clamped, "month %d clamped", w.Month)
				assert.Equal(t, w.AfterTax, l.AfterTax.String(), "month %d after tax", w.Month)
				for _, id := range l.Rules {
					used[id] = true
				}
			}
			var ids []string
			for id := range used {
				ids = append(ids, id)
			}
			slices.Sort(ids)
			assert.Equal(t, v.Rules, ids, "the rules the vector names are exactly those applied")
		})
	}
}

func TestWithhold2023Change(t *testing.T) {
	vs := loadTaxVectors(t)
	y22, err := tax.Withhold(2022, vs["family-2022"].Months)
	require.NoError(t, err)
	y23, err := tax.Withhold(2023, vs["family-2023"].Months)
	require.NoError(t, err)
	assert.Equal(t, vs["family-2022"].Months, vs["family-2023"].Months, "the same declaration both years")
	for i := range y22.Lines {
		assert.Equal(t, "3000.00", y22.Lines[i].AdditionalDeductions.String())
		assert.Equal(t, "5000.00", y23.Lines[i].AdditionalDeductions.String())
	}
	assert.Equal(t, []string{"TAX-SAD-CHILD-2019", "TAX-SAD-INFANT-2022", "TAX-SAD-ELDERLY-2019"}, lineRules(y22.Lines[0].Additional))
	assert.Equal(t, []string{"TAX-SAD-CHILD-2023", "TAX-SAD-INFANT-2023", "TAX-SAD-ELDERLY-2023"}, lineRules(y23.Lines[0].Additional))
	// 2000 more a month deducted over the year: 24000 less taxable income.
	assert.Equal(t, "24000.00", mustSub(t, y22.Lines[11].Cumulative.Taxable, y23.Lines[11].Cumulative.Taxable).String())
	assert.Equal(t, "2400.00", mustSub(t, y22.Withheld, y23.Withheld).String(), "both years end in the 10% row")

	t.Run("a share of 1500 is allowed from 2023 only", func(t *testing.T) {
		d := tax.Deductions{ElderlyShare: taxYuan("1500")}
		_, _, err := tax.NationalRules().AdditionalDeductions(d, taxDay("2022-12-01"))
		require.ErrorIs(t, err, tax.ErrDeclaration)
		lines, total, err := tax.NationalRules().AdditionalDeductions(d, taxDay("2023-01-01"))
		require.NoError(t, err)
		assert.Equal(t, "1500.00", total.String())
		assert.True(t, lines[0].Shared)
	})
}

func lineRules(ls []tax.AdditionalLine) []string {
	var out []string
	for _, l := range ls {
		out = append(out, l.Rule)
	}
	return out
}

func mustSub(t *testing.T, a, b funding.Money) funding.Money {
	t.Helper()
	d, err := a.Sub(b)
	require.NoError(t, err)
	return d
}

// ---------------------------------------------------------------------------
// Bracket edges, one fen either side

type edgeCase struct {
	taxable string
	level   int
	exact   string
	tax     string
}

func TestCumulativeTaxEdges(t *testing.T) {
	// 预扣率表一: upper bounds inclusive. The tax is continuous, so only the
	// row tells the sides of an edge apart; the exact value shows which
	// formula was applied.
	tests := []edgeCase{
		{"0", 1, "0", "0.00"},
		{"0.01", 1, "0.0003", "0.00"},
		{"35999.99", 1, "1079.9997", "1080.00"},
		{"36000.00", 1, "1080", "1080.00"},
		{"36000.01", 2, "1080.001", "1080.00"},
		{"143999.99", 2, "11879.999", "11880.00"},
		{"144000.00", 2, "11880", "11880.00"},
		{"144000.01", 3, "11880.002", "11880.00"},
		{"299999.99", 3, "43079.998", "43080.00"},
		{"300000.00", 3, "43080", "43080.00"},
		{"300000.01", 4, "43080.0025", "43080.00"},
		{"419999.99", 4, "73079.9975", "73080.00"},
		{"420000.00", 4, "73080", "73080.00"},
		{"420000.01", 5, "73080.003", "73080.00"},
		{"659999.99", 5, "145079.997", "145080.00"},
		{"660000.00", 5, "145080", "145080.00"},
		{"660000.01", 6, "145080.0035", "145080.00"},
		{"959999.99", 6, "250079.9965", "250080.00"},
		{"960000.00", 6, "250080", "250080.00"},
		{"960000.01", 7, "250080.0045", "250080.00"},
		{"10000000.00", 7, "4318080", "4318080.00"},
	}
	r := tax.NationalRules()
	for _, tt := range tests {
		t.Run(tt.taxable, func(t *testing.T) {
			c, err := r.CumulativeTax(taxYuan(tt.taxable), taxDay("2024-06-01"))
			require.NoError(t, err)
			checkEdge(t, tt, c, "TAX-CUM-2019-%d")
			assert.Equal(t, tax.CumulativeTable, c.Table)
			assert.Equal(t, int64(1), c.Divisor)
		})
	}
}

func TestMonthlyTaxEdges(t *testing.T) {
	tests := []edgeCase{
		{"0", 1, "0", "0.00"},
		{"2999.99", 1, "89.9997", "90.00"},
		{"3000.00", 1, "90", "90.00"},
		{"3000.01", 2, "90.001", "90.00"},
		{"11999.99", 2, "989.999", "990.00"},
		{"12000.00", 2, "990", "990.00"},
		{"12000.01", 3, "990.002", "990.00"},
		{"24999.99", 3, "3589.998", "3590.00"},
		{"25000.00", 3, "3590", "3590.00"},
		{"25000.01", 4, "3590.0025", "3590.00"},
		{"34999.99", 4, "6089.9975", "6090.00"},
		{"35000.00", 4, "6090", "6090.00"},
		{"35000.01", 5, "6090.003", "6090.00"},
		{"54999.99", 5, "12089.997", "12090.00"},
		{"55000.00", 5, "12090", "12090.00"},
		{"55000.01", 6, "12090.0035", "12090.00"},
		{"79999.99", 6, "20839.9965", "20840.00"},
		{"80000.00", 6, "20840", "20840.00"},
		{"80000.01", 7, "20840.0045", "20840.00"},
	}
	r := tax.NationalRules()
	for _, tt := range tests {
		t.Run(tt.taxable, func(t *testing.T) {
			c, err := r.MonthlyTax(taxYuan(tt.taxable), taxDay("2024-06-01"))
			require.NoError(t, err)
			checkEdge(t, tt, c, "TAX-MON-2019-%d")
		})
	}
}

func TestBonusTaxEdges(t *testing.T) {
	// The row is chosen on bonus ÷ 12 and the quick deduction taken once,
	// so the tax jumps at each edge (the 年终奖 trap).
	tests := []edgeCase{
		{"0", 1, "0", "0.00"},
		{"35999.99", 1, "1079.9997", "1080.00"},
		{"36000.00", 1, "1080", "1080.00"},
		{"36000.01", 2, "3390.001", "3390.00"},
		{"143999.99", 2, "14189.999", "14190.00"},
		{"144000.00", 2, "14190", "14190.00"},
		{"144000.01", 3, "27390.002", "27390.00"},
		{"299999.99", 3, "58589.998", "58590.00"},
		{"300000.00", 3, "58590", "58590.00"},
		{"300000.01", 4, "72340.0025", "72340.00"},
		{"419999.99", 4, "102339.9975", "102340.00"},
		{"420000.00", 4, "102340", "102340.00"},
		{"420000.01", 5, "121590.003", "121590.00"},
		{"659999.99", 5, "193589.997", "193590.00"},
		{"660000.00", 5, "193590", "193590.00"},
		{"660000.01", 6, "223840.0035", "223840.00"},
		{"959999.99", 6, "328839.9965", "328840.00"},
		{"960000.00", 6, "328840", "328840.00"},
		{"960000.01", 7, "416840.0045", "416840.00"},
	}
	for _, tt := range tests {
		t.Run(tt.taxable, func(t *testing.T) {
			c, err := tax.Bonus(taxYuan(tt.taxable), taxDay("2025-01-15"))
			require.NoError(t, err)
			checkEdge(t, tt, c, "TAX-MON-2019-%d")
			assert.Equal(t, int64(12), c.Divisor)
			assert.Equal(t, "TAX-BONUS-2024", c.Rules[0])
		})
	}
}

func checkEdge(t *testing.T, tt edgeCase, c tax.Calc, idFormat string) {
	t.Helper()
	assert.Equal(t, tt.level, c.Bracket.Level, "level")
	assert.Equal(t, fmt.Sprintf(idFormat, tt.level), c.Bracket.ID)
	assert.Equal(t, tt.exact, c.Exact, "exact tax")
	assert.Equal(t, tt.tax, c.Tax.String(), "rounded tax")
	assert.Equal(t, !decimal.RequireFromString(tt.exact).Equal(taxYuan(tt.tax).Decimal()), c.Rounded, "rounded flag")
	assert.Contains(t, c.Rules, "TAX-ROUND")
}

func TestBonusTaxWindows(t *testing.T) {
	tests := []struct {
		on   string
		rule string // "" when no separate taxation is in force
	}{
		{"2018-12-31", ""},
		{"2019-01-01", "TAX-BONUS-2019"},
		{"2021-12-31", "TAX-BONUS-2019"},
		{"2022-01-01", "TAX-BONUS-2022"},
		{"2023-12-31", "TAX-BONUS-2022"},
		{"2024-01-01", "TAX-BONUS-2024"},
		{"2027-12-31", "TAX-BONUS-2024"},
		{"2028-01-01", ""},
	}
	for _, tt := range tests {
		t.Run(tt.on, func(t *testing.T) {
			c, err := tax.Bonus(taxYuan("50000"), taxDay(tt.on))
			if tt.rule == "" {
				require.ErrorIs(t, err, funding.ErrNoTaxRule)
				var p *funding.TaxProblem
				require.ErrorAs(t, err, &p)
				assert.Equal(t, tt.on, p.Value)
				assert.Contains(t, err.Error(), "add the bonus to the month's wages")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.rule, c.Rules[0])
			assert.Equal(t, "4790.00", c.Tax.String()) // 50000 ÷ 12 ≤ 12000: 10%, 210
		})
	}
	_, err := tax.Bonus(taxYuan("-1"), taxDay("2024-01-01"))
	require.ErrorIs(t, err, funding.ErrTaxNegative)
	assert.EqualError(t, err, `bonus: must not be negative ("-1.00")`)
}

func TestNonResidentWageTax(t *testing.T) {
	tests := []struct {
		income, taxable, tax string
		level                int
	}{
		{"0", "0.00", "0.00", 1},
		{"4999.99", "0.00", "0.00", 1},
		{"5000.00", "0.00", "0.00", 1},
		{"8000.00", "3000.00", "90.00", 1},
		{"8000.01", "3000.01", "90.00", 2},
		{"30000.00", "25000.00", "3590.00", 3},
		{"100000.00", "95000.00", "27590.00", 7},
	}
	r := tax.NationalRules()
	for _, tt := range tests {
		t.Run(tt.income, func(t *testing.T) {
			c, err := r.NonResidentWageTax(taxYuan(tt.income), taxDay("2024-03-01"))
			require.NoError(t, err)
			assert.Equal(t, tt.taxable, c.Taxable.String())
			assert.Equal(t, tt.tax, c.Tax.String())
			assert.Equal(t, tt.level, c.Bracket.Level)
			assert.Equal(t, "5000.00", c.Deduction.String())
			assert.Equal(t, taxYuan(tt.income), c.Income)
			assert.Equal(t, "TAX-NR-BASIC-2019", c.Rules[0])
		})
	}
	_, err := r.NonResidentWageTax(taxYuan("8000"), taxDay("2018-12-01"))
	require.ErrorIs(t, err, funding.ErrNoTaxRule)
	_, err = r.NonResidentWageTax(taxYuan("-0.01"), taxDay("2024-03-01"))
	require.ErrorIs(t, err, funding.ErrTaxNegative)
}

// ---------------------------------------------------------------------------
// The cumulative method at an edge, and rounding once

func TestWithholdAtCumulativeEdge(t *testing.T) {
	month := func(m int, income string) tax.Month {
		return tax.Month{Month: m, Income: taxYuan(income)}
	}
	tests := []struct {
		name          string
		march         string
		level         int
		exact         string
		marchWithheld string
	}{
		{"one fen below", "16999.99", 1, "1079.9997", "360.00"},
		{"exactly 36000", "17000.00", 1, "1080", "360.00"},
		{"one fen above", "17000.01", 2, "1080.001", "360.00"},
		{"one yuan above", "17001.00", 2, "1080.1", "360.10"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			y, err := tax.Withhold(2024, []tax.Month{month(1, "17000"), month(2, "17000"), month(3, tt.march)})
			require.NoError(t, err)
			l := y.Lines[2]
			assert.Equal(t, tt.level, l.Tax.Bracket.Level)
			assert.Equal(t, tt.exact, l.Tax.Exact)
			assert.Equal(t, tt.marchWithheld, l.Withheld.String())
			assert.Equal(t, "360.00", y.Lines[0].Withheld.String())
			assert.Equal(t, "360.00", y.Lines[1].Withheld.String())
		})
	}
}

func TestWithholdRoundsOnce(t *testing.T) {
	// Monthly taxable income 100.50: the exact cumulative tax is 3.015,
	// 6.03, 9.045, 12.06. Rounding each month's own tax (3.015 → 3.02) and
	// adding would give 3.02 a month; rounding the cumulative tax once gives
	// 3.02, 3.01, 3.02, 3.01.
	var months []tax.Month
	for m := 1; m <= 4; m++ {
		months = append(months, tax.Month{Month: m, Income: taxYuan("5100.50")})
	}
	y, err := tax.Withhold(2024, months)
	require.NoError(t, err)
	var got, exact []string
	for _, l := range y.Lines {
		got = append(got, l.Withheld.String())
		exact = append(exact, l.Tax.Exact)
		assert.Equal(t, funding.DefaultRounding(), l.Tax.Rounding)
	}
	assert.Equal(t, []string{"3.015", "6.03", "9.045", "12.06"}, exact)
	assert.Equal(t, []string{"3.02", "3.01", "3.02", "3.01"}, got)
	assert.Equal(t, "12.06", y.Withheld.String(), "the total is the cumulative tax rounded once, not 12.08")
	assert.True(t, y.Lines[0].Tax.Rounded)
	assert.False(t, y.Lines[1].Tax.Rounded)

	t.Run("other modes", func(t *testing.T) {
		r := tax.NationalRules()
		even := r.WithRounding(tax.RoundingRule{Rule: r.Rounding.Rule, Rounding: funding.Rounding{Places: 2, Mode: dangjian.HalfEven}})
		y, err := even.Withhold(2024, months)
		require.NoError(t, err)
		assert.Equal(t, "3.02", y.Lines[0].Tax.Tax.String(), "3.015 → 3.02 half-even")
		assert.Equal(t, "9.04", y.Lines[2].Tax.Tax.String(), "9.045 → 9.04 half-even")
		assert.Equal(t, "12.06", y.Withheld.String())
	})
}

// ---------------------------------------------------------------------------
// Input validation

func TestWithholdValidation(t *testing.T) {
	ok := func(m int) tax.Month { return tax.Month{Month: m, Income: taxYuan("10000")} }
	with := func(m tax.Month, f func(*tax.Month)) tax.Month { f(&m); return m }
	tests := []struct {
		name   string
		year   int
		months []tax.Month
		paths  []string
		errs   []error
	}{
		{"month 0", 2024, []tax.Month{ok(0)}, []string{"months[0].month"}, []error{tax.ErrMonth}},
		{"month 13", 2024, []tax.Month{ok(13)}, []string{"months[0].month"}, []error{tax.ErrMonth}},
		{"gap", 2024, []tax.Month{ok(1), ok(3)}, []string{"months[1].month"}, []error{tax.ErrMonth}},
		{"repeated", 2024, []tax.Month{ok(5), ok(5)}, []string{"months[1].month"}, []error{tax.ErrMonth}},
		{"negative income", 2024, []tax.Month{with(ok(1), func(m *tax.Month) { m.Income = taxYuan("-1") })},
			[]string{"months[0].income"}, []error{funding.ErrTaxNegative}},
		{"negative everything", 2024, []tax.Month{{Month: 1, TaxFree: taxYuan("-1"), Pension: taxYuan("-1"), Medical: taxYuan("-1"),
			Unemployment: taxYuan("-1"), HousingFund: taxYuan("-1"), Annuity: taxYuan("-1"), OtherDeductions: taxYuan("-1"), TaxRelief: taxYuan("-1")}},
			[]string{"months[0].taxFree", "months[0].pension", "months[0].medical", "months[0].unemployment", "months[0].housingFund",
				"months[0].annuity", "months[0].otherDeductions", "months[0].taxRelief"}, []error{funding.ErrTaxNegative}},
		{"tax-free above income", 2024, []tax.Month{with(ok(1), func(m *tax.Month) { m.TaxFree = taxYuan("10000.01") })},
			[]string{"months[0].taxFree"}, []error{funding.ErrTaxInvalid}},
		{"infant before 2022", 2021, []tax.Month{with(ok(1), func(m *tax.Month) { m.Deductions.Infants = 1 })},
			[]string{"months[0].deductions.infants"}, []error{funding.ErrNoTaxRule}},
		{"infant half before 2022", 2021, []tax.Month{with(ok(1), func(m *tax.Month) { m.Deductions.InfantsHalf = 1 })},
			[]string{"months[0].deductions.infantsHalf"}, []error{funding.ErrNoTaxRule}},
		{"share above the 2022 cap", 2022, []tax.Month{with(ok(12), func(m *tax.Month) { m.Deductions.ElderlyShare = taxYuan("1000.01") })},
			[]string{"months[0].deductions.elderlyShare"}, []error{tax.ErrDeclaration}},
		{"share above the 2023 cap", 2023, []tax.Month{with(ok(1), func(m *tax.Month) { m.Deductions.ElderlyShare = taxYuan("1500.01") })},
			[]string{"months[0].deductions.elderlyShare"}, []error{tax.ErrDeclaration}},
		{"only child with a share", 2024, []tax.Month{with(ok(1), func(m *tax.Month) {
			m.Deductions.ElderlyOnlyChild, m.Deductions.ElderlyShare = true, taxYuan("100")
		})}, []string{"months[0].deductions.elderlyShare"}, []error{tax.ErrDeclaration}},
		{"negative share", 2024, []tax.Month{with(ok(1), func(m *tax.Month) { m.Deductions.ElderlyShare = taxYuan("-100") })},
			[]string{"months[0].deductions.elderlyShare"}, []error{funding.ErrTaxNegative}},
		{"loan and rent", 2024, []tax.Month{with(ok(1), func(m *tax.Month) {
			m.Deductions.HousingLoan, m.Deductions.RentTier = true, tax.RentTier2
		})}, []string{"months[0].deductions.rentTier"}, []error{tax.ErrDeclaration}},
		{"loan in full and at half", 2024, []tax.Month{with(ok(1), func(m *tax.Month) {
			m.Deductions.HousingLoan, m.Deductions.HousingLoanHalf = true, true
		})}, []string{"months[0].deductions.housingLoanHalf"}, []error{tax.ErrDeclaration}},
		{"unknown rent tier", 2024, []tax.Month{with(ok(1), func(m *tax.Month) { m.Deductions.RentTier = 9 })},
			[]string{"months[0].deductions.rentTier"}, []error{funding.ErrTaxInvalid}},
		{"negative children", 2024, []tax.Month{with(ok(1), func(m *tax.Month) { m.Deductions.Children, m.Deductions.ChildrenHalf = -1, -2 })},
			[]string{"months[0].deductions.children", "months[0].deductions.childrenHalf"}, []error{funding.ErrTaxNegative}},
		{"before the method", 2018, []tax.Month{ok(12)},
			[]string{"months[0]", "months[0]", "months[0]"}, []error{funding.ErrNoTaxRule}},
		{"year 0", 0, []tax.Month{ok(1)}, []string{"year"}, []error{funding.ErrTaxInvalid}},
		{"every problem at once", 2021, []tax.Month{
			with(ok(2), func(m *tax.Month) { m.Income = taxYuan("-5") }),
			with(ok(4), func(m *tax.Month) { m.Deductions.Infants = 2 }),
			with(ok(5), func(m *tax.Month) { m.Deductions.ElderlyShare = taxYuan("1200") }),
		}, []string{"months[0].income", "months[1].month", "months[1].deductions.infants", "months[2].deductions.elderlyShare"},
			[]error{funding.ErrTaxNegative, tax.ErrMonth, funding.ErrNoTaxRule, tax.ErrDeclaration}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tax.Withhold(tt.year, tt.months)
			require.Error(t, err)
			var paths []string
			for _, p := range dangjian.ProblemsOf(err) {
				paths = append(paths, p.Path)
				assert.True(t, strings.HasPrefix(p.Error(), p.Path+": "), p.Error())
			}
			assert.Equal(t, tt.paths, paths)
			for _, e := range tt.errs {
				assert.ErrorIs(t, err, e)
			}
		})
	}
}

func TestTaxErrorMessages(t *testing.T) {
	_, err := tax.Withhold(2022, []tax.Month{
		{Month: 1, Income: taxYuan("10000"), Deductions: tax.Deductions{ElderlyShare: taxYuan("1200")}},
		{Month: 3, Income: taxYuan("-1")},
	})
	require.Error(t, err)
	assert.EqualError(t, err, `months[0].deductions.elderlyShare: declaration not allowed: each sibling's share is at most 1000.00 ("1200.00") [TAX-SAD-ELDERLY-2019] (and 2 more problems)`)
	ps := dangjian.ProblemsOf(err)
	require.Len(t, ps, 3)
	assert.Equal(t, `months[1].month: bad month: months must be consecutive: want 2 after 1 ("3")`, ps[1].Error())
	assert.Equal(t, `months[1].income: must not be negative ("-1.00")`, ps[2].Error())

	_, err = tax.Withhold(2021, []tax.Month{{Month: 6, Deductions: tax.Deductions{Infants: 1}}})
	assert.EqualError(t, err, `months[0].deductions.infants: no rule in force: no 3岁以下婴幼儿照护 deduction in force on 2021-06-01 ("1")`)
}

func TestWithholdOverflow(t *testing.T) {
	big := funding.Fen(math.MaxInt64 - 1)
	_, err := tax.Withhold(2024, []tax.Month{{Month: 1, Income: big}, {Month: 2, Income: big}})
	require.ErrorIs(t, err, funding.ErrOverflow)
	_, _, err = tax.NationalRules().AdditionalDeductions(tax.Deductions{Children: math.MaxInt}, taxDay("2024-01-01"))
	require.ErrorIs(t, err, funding.ErrOverflow)
}

func TestWithholdEmptyAndMonth(t *testing.T) {
	y, err := tax.Withhold(2024, nil)
	require.NoError(t, err)
	assert.Empty(t, y.Lines)
	assert.True(t, y.Withheld.IsZero())
	_, ok := y.Month(1)
	assert.False(t, ok)

	y, err = tax.Withhold(2024, []tax.Month{{Month: 11, Income: taxYuan("9000")}, {Month: 12, Income: taxYuan("9000")}})
	require.NoError(t, err)
	l, ok := y.Month(12)
	require.True(t, ok)
	assert.Equal(t, 2, l.EmployedMonths)
	assert.Equal(t, "10000.00", l.Cumulative.BasicDeduction.String())
	l.Rules[0] = "changed"
	l2, _ := y.Month(12)
	assert.Equal(t, "TAX-CUM-METHOD-2019", l2.Rules[0], "Month returns a copy")
	_, ok = y.Month(10)
	assert.False(t, ok)
}

func TestAdditionalDeductions(t *testing.T) {
	r := tax.NationalRules()
	lines, total, err := r.AdditionalDeductions(tax.Deductions{
		Children: 1, ChildrenHalf: 2, InfantsHalf: 1, ElderlyOnlyChild: true,
		HousingLoanHalf: true, ContinuingEducation: true,
	}, taxDay("2024-05-01"))
	require.NoError(t, err)
	// 2000 + 2 × 1000 + 1000 + 3000 + 500 + 400
	assert.Equal(t, "8900.00", total.String())
	var amounts []string
	for _, l := range lines {
		amounts = append(amounts, l.Item.String()+"="+l.Amount.String())
	}
	assert.Equal(t, []string{"child_education=2000.00", "child_education=2000.00", "infant_care=1000.00",
		"elderly_support=3000.00", "housing_loan_interest=500.00", "continuing_education=400.00"}, amounts)
	var sum funding.Money
	for _, l := range lines {
		sum, _ = sum.Add(l.Amount)
	}
	assert.Equal(t, total, sum, "the total is the sum of the lines")

	_, total, err = r.AdditionalDeductions(tax.Deductions{}, taxDay("2019-01-01"))
	require.NoError(t, err)
	assert.True(t, total.IsZero())

	for tier, want := range map[tax.RentTier]string{tax.RentTier1: "1500.00", tax.RentTier2: "1100.00", tax.RentTier3: "800.00"} {
		_, total, err := r.AdditionalDeductions(tax.Deductions{RentTier: tier}, taxDay("2020-01-01"))
		require.NoError(t, err)
		assert.Equal(t, want, total.String(), tier.String())
	}

	noSplit := r.WithAdditional(tax.AdditionalDeduction{Rule: r.Additional[0].Rule, Item: tax.ChildEducation, Monthly: taxYuan("1000")})
	_, _, err = noSplit.AdditionalDeductions(tax.Deductions{ChildrenHalf: 1}, taxDay("2020-01-01"))
	require.ErrorIs(t, err, tax.ErrDeclaration)
	assert.Contains(t, err.Error(), "cannot be split")
}

// ---------------------------------------------------------------------------
// Properties, against an independent integer oracle

// taxOracle recomputes the cumulative method in int64 fen, with its own
// copy of 预扣率表一 (bounds in fen, rate in percent, quick deduction in
// fen), rounding half-up on hundredths of a fen.
func taxOracle(months []tax.Month, additional []int64) (cumTax, withheld []int64) {
	type row struct{ upTo, pct, qd int64 }
	table := []row{{3600000, 3, 0}, {14400000, 10, 252000}, {30000000, 20, 1692000}, {42000000, 25, 3192000},
		{66000000, 30, 5292000}, {96000000, 35, 8592000}, {-1, 45, 18192000}}
	var inc, ded, relief, paid int64
	for i, m := range months {
		inc += m.Income.Fen() - m.TaxFree.Fen()
		ded += 500000 + m.Pension.Fen() + m.Medical.Fen() + m.Unemployment.Fen() + m.HousingFund.Fen() +
			m.Annuity.Fen() + m.OtherDeductions.Fen() + additional[i]
		relief += m.TaxRelief.Fen()
		taxable := max(inc-ded, 0)
		var r row
		for _, r = range table {
			if r.upTo < 0 || taxable <= r.upTo {
				break
			}
		}
		tax := (taxable*r.pct - r.qd*100 + 50) / 100
		due := max(tax-relief-paid, 0)
		paid += due
		cumTax = append(cumTax, tax)
		withheld = append(withheld, due)
	}
	return cumTax, withheld
}

func randomTaxYear(rng *rand.Rand) (int, []tax.Month) {
	year := 2019 + rng.IntN(9)
	start := 1 + rng.IntN(12)
	if rng.IntN(2) == 0 {
		start = 1
	}
	level := []int64{500000, 2000000, 6000000, 20000000}[rng.IntN(4)]
	var ms []tax.Month
	for m := start; m <= 12; m++ {
		income := rng.Int64N(level)
		if rng.IntN(8) == 0 {
			income = 0
		}
		own := func(pct int64) funding.Money { return funding.Fen(income * pct / 1000) }
		tm := tax.Month{
			Month: m, Income: funding.Fen(income), TaxFree: funding.Fen(rng.Int64N(income/50 + 1)),
			Pension: own(80), Medical: own(20), Unemployment: own(5), HousingFund: own(int64(50 + rng.IntN(71))),
			Annuity: funding.Fen(rng.Int64N(income/25 + 1)),
		}
		if rng.IntN(4) == 0 {
			tm.TaxRelief = funding.Fen(rng.Int64N(20000))
		}
		d := &tm.Deductions
		d.Children, d.ChildrenHalf = rng.IntN(3), rng.IntN(2)
		if year >= 2022 {
			d.Infants = rng.IntN(2)
		}
		if rng.IntN(2) == 0 {
			d.ElderlyOnlyChild = true
		} else {
			d.ElderlyShare = funding.Fen(rng.Int64N(100001))
		}
		switch rng.IntN(4) {
		case 0:
			d.HousingLoan = true
		case 1:
			d.RentTier = tax.RentTier(1 + rng.IntN(3))
		case 2:
			d.HousingLoanHalf = true
		}
		d.ContinuingEducation = rng.IntN(3) == 0
		ms = append(ms, tm)
	}
	return year, ms
}

func TestWithholdProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(2024, 61))
	r := tax.NationalRules()
	clampedYears := 0
	for n := 0; n < 400; n++ {
		year, ms := randomTaxYear(rng)
		name := fmt.Sprintf("%d/%d-from-%d", n, year, ms[0].Month)
		y, err := r.Withhold(year, ms)
		require.NoError(t, err, name)

		var additional []int64
		for _, l := range y.Lines {
			additional = append(additional, l.AdditionalDeductions.Fen())
		}
		wantTax, wantWithheld := taxOracle(ms, additional)

		var sum, cumDue funding.Money
		anyClamped, anyRelief := false, false
		maxTax := funding.Money{}
		for i, l := range y.Lines {
			// The oracle agrees on every line.
			require.Equal(t, wantTax[i], l.Tax.Tax.Fen(), "%s month %d cumulative tax", name, l.Month)
			require.Equal(t, wantWithheld[i], l.Withheld.Fen(), "%s month %d withheld", name, l.Month)
			// Never negative.
			require.False(t, l.Withheld.IsNegative(), name)
			// The lines add up.
			require.Equal(t, sum, l.WithheldBefore, name)
			sum, _ = sum.Add(l.Withheld)
			var addSum funding.Money
			for _, a := range l.Additional {
				addSum, _ = addSum.Add(a.Amount)
			}
			require.Equal(t, l.AdditionalDeductions, addSum, name)
			own, _ := funding.Sum(l.Input.Pension, l.Input.Medical, l.Input.Unemployment, l.Input.HousingFund)
			require.Equal(t, own, l.SpecialDeductions)
			after, _ := funding.Sum(l.Input.Income, funding.Fen(-l.Withheld.Fen()), funding.Fen(-own.Fen()))
			require.Equal(t, after, l.AfterTax, name)
			require.Equal(t, i+1, l.EmployedMonths)
			// Cumulative withheld equals the table tax on the cumulative
			// taxable income while nothing was clamped and nothing relieved.
			anyClamped = anyClamped || l.Clamped
			anyRelief = anyRelief || !l.Input.TaxRelief.IsZero()
			c, err := r.CumulativeTax(l.Cumulative.Taxable, taxDay(fmt.Sprintf("%d-%02d-01", year, l.Month)))
			require.NoError(t, err)
			require.Equal(t, c.Tax, l.Tax.Tax)
			if !anyClamped && !anyRelief {
				require.Equal(t, c.Tax, sum, "%s month %d", name, l.Month)
			}
			// With clamping and no relief, the cumulative withheld is the
			// highest cumulative tax so far.
			maxTax = maxTax.Max(c.Tax)
			if !anyRelief {
				require.Equal(t, maxTax, sum, "%s month %d", name, l.Month)
			}
			cumDue, _ = cumDue.Add(l.Withheld)
		}
		if anyClamped {
			clampedYears++
		}
		require.Equal(t, sum, y.Withheld, "%s: the year's total is the sum of the months", name)
		require.Equal(t, cumDue, y.Withheld)
		var inc funding.Money
		for _, m := range ms {
			inc, _ = inc.Add(m.Income)
		}
		require.Equal(t, inc, y.Income)
	}
	assert.Positive(t, clampedYears, "the generator exercises the no-refund clause")
}

func TestWithholdConcurrent(t *testing.T) {
	r := tax.NationalRules()
	rng := rand.New(rand.NewPCG(7, 7))
	type job struct {
		year   int
		months []tax.Month
	}
	var jobs []job
	var want []tax.Year
	for i := 0; i < 24; i++ {
		y, ms := randomTaxYear(rng)
		res, err := r.Withhold(y, ms)
		require.NoError(t, err)
		jobs = append(jobs, job{y, ms})
		want = append(want, res)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8*len(jobs))
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i, j := range jobs {
				got, err := r.Withhold(j.year, j.months)
				if err != nil || got.Withheld != want[i].Withheld || len(got.Lines) != len(want[i].Lines) {
					errs <- fmt.Sprintf("goroutine %d job %d: %v", g, i, err)
				}
				if _, err := r.BonusTax(funding.Fen(int64(g*i)*100000), taxDay("2025-01-01")); err != nil {
					errs <- err.Error()
				}
				if _, _, err := r.AdditionalDeductions(j.months[0].Deductions, taxDay(fmt.Sprintf("%d-12-01", j.year))); err != nil {
					errs <- err.Error()
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// ---------------------------------------------------------------------------
// Encoding

func TestTaxJSON(t *testing.T) {
	vs := loadTaxVectors(t)
	y, err := tax.Withhold(2024, vs["full-year-50000-family"].Months)
	require.NoError(t, err)
	b, err := json.Marshal(y)
	require.NoError(t, err)
	var generic any
	require.NoError(t, json.Unmarshal(b, &generic))
	checkLowerCamel(t, "", generic)

	var back tax.Year
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, y.Withheld, back.Withheld)
	assert.Equal(t, y.Lines[11].Input, back.Lines[11].Input)
	assert.Equal(t, y.Lines[11].Tax.Bracket.ID, back.Lines[11].Tax.Bracket.ID)
	assert.Contains(t, string(b), `"withheld":"54255.00"`, "money as strings")
	assert.Contains(t, string(b), `"item":"child_education"`)
	assert.Contains(t, string(b), `"rentTier":"tier1"`)

	rb, err := json.Marshal(tax.NationalRules())
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(rb, &generic))
	checkLowerCamel(t, "", generic)
	var rules tax.Rules
	require.NoError(t, json.Unmarshal(rb, &rules))
	require.NoError(t, rules.Check(), "the rules survive a JSON round trip")
	assert.Equal(t, tax.NationalRules().Rules(), rules.Rules())
}

func checkLowerCamel(t *testing.T, path string, v any) {
	t.Helper()
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			r := []rune(k)
			if len(r) == 0 || !unicode.IsLower(r[0]) || strings.ContainsAny(k, "_- ") {
				t.Errorf("%s.%s: key not lowerCamel", path, k)
			}
			checkLowerCamel(t, path+"."+k, e)
		}
	case []any:
		for i, e := range x {
			checkLowerCamel(t, fmt.Sprintf("%s[%d]", path, i), e)
		}
	}
}

func TestTaxEnums(t *testing.T) {
	tests := []struct {
		in   string
		want string
		err  bool
	}{
		{"tier1", "tier1", false},
		{"TIER2", "tier2", false},
		{"市辖区户籍人口不超过100万的城市", "tier3", false},
		{"省会城市", "tier1", false},
		{"tier4", "", true},
		{"", "", true},
	}
	for _, tt := range tests {
		t.Run("rent/"+tt.in, func(t *testing.T) {
			v, err := tax.ParseRentTier(tt.in)
			if tt.err {
				require.Error(t, err)
				assert.Contains(t, err.Error(), "invalid value: unknown rent tier: want tier1, tier2, tier3 or the Chinese label")
				if tt.in != "" {
					assert.Contains(t, err.Error(), strconv.Quote(tt.in))
				}
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, v.String())
		})
	}
	for _, s := range []string{"child_education", "子女教育", "婴幼儿照护", "HOUSING_RENT", "housing_loan"} {
		v, err := tax.ParseDeductionItem(s)
		require.NoError(t, err, s)
		assert.True(t, v.IsValid())
		back, err := tax.ParseDeductionItem(v.Label())
		require.NoError(t, err)
		assert.Equal(t, v, back)
	}
	_, err := tax.ParseDeductionItem("大病医疗")
	assert.ErrorIs(t, err, dangjian.ErrInvalid)
	assert.Contains(t, err.Error(), `invalid value: unknown deduction item: want `)
	assert.Contains(t, err.Error(), `("大病医疗")`)
	for _, s := range []string{"cumulative", "预扣率表一", "按月换算后的综合所得税率表"} {
		v, err := tax.ParseTable(s)
		require.NoError(t, err)
		assert.True(t, v.IsValid())
	}
	var tier tax.RentTier
	require.NoError(t, json.Unmarshal([]byte(`""`), &tier))
	assert.Equal(t, tax.RentNone, tier)
	assert.False(t, tier.IsValid())
	_, err = tax.RentTier(7).MarshalText()
	assert.Error(t, err)
}

// ---------------------------------------------------------------------------
// Fuzz targets

func FuzzWithhold(f *testing.F) {
	f.Add(int64(2024), int64(1), int64(2000000), int64(450000), int64(0), int64(1), int64(0))
	f.Add(int64(2022), int64(7), int64(0), int64(0), int64(150000), int64(0), int64(3))
	f.Add(int64(2018), int64(13), int64(-1), int64(5), int64(-1), int64(-1), int64(9))
	r := tax.NationalRules()
	f.Fuzz(func(t *testing.T, year, start, income, own, share, children, tier int64) {
		var ms []tax.Month
		for m := start; m <= 12 && m >= start && len(ms) < 12; m++ {
			ms = append(ms, tax.Month{
				Month: int(m), Income: funding.Fen(income * m), Pension: funding.Fen(own),
				Deductions: tax.Deductions{Children: int(children), ElderlyShare: funding.Fen(share), RentTier: tax.RentTier(uint8(tier))},
			})
		}
		y, err := r.Withhold(int(year), ms)
		if err != nil {
			return // errors are fine; panics are not
		}
		var sum funding.Money
		for _, l := range y.Lines {
			if l.Withheld.IsNegative() {
				t.Fatalf("negative withholding %s", l.Withheld)
			}
			sum, _ = sum.Add(l.Withheld)
		}
		if sum != y.Withheld {
			t.Fatalf("total %s, lines %s", y.Withheld, sum)
		}
	})
}

func FuzzParseTaxEnums(f *testing.F) {
	for _, s := range []string{"tier1", "住房租金", "cumulative", "", "月度税率表", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if v, err := tax.ParseRentTier(s); err == nil {
			back, err := tax.ParseRentTier(v.String())
			if err != nil || back != v {
				t.Fatalf("rent tier %q does not round trip", s)
			}
		}
		if v, err := tax.ParseDeductionItem(s); err == nil {
			b, _ := v.MarshalText()
			var back tax.DeductionItem
			if err := back.UnmarshalText(b); err != nil || back != v {
				t.Fatalf("item %q does not round trip", s)
			}
		}
		if v, err := tax.ParseTable(s); err == nil {
			if back, err := tax.ParseTable(v.Label()); err != nil || back != v {
				t.Fatalf("table %q does not round trip", s)
			}
		}
	})
}

// ---------------------------------------------------------------------------
// Benchmarks

var sinkTaxYear tax.Year

func BenchmarkWithhold(b *testing.B) {
	r := tax.NationalRules()
	_, months := randomTaxYear(rand.New(rand.NewPCG(1, 2)))
	year := 2024
	for i := range months {
		months[i].Month = i + 1
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		y, err := r.Withhold(year, months)
		if err != nil {
			b.Fatal(err)
		}
		sinkTaxYear = y
	}
}
