package compare_test

import (
	"testing"

	"github.com/dangjian-go/dangjian/conformance/compare"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The causes of a tax difference. The platform's values are worked by
// hand: H's 20,000 元 taxable a month is 2,590.00 on the monthly table
// (20% − 1,410) every month, where the cumulative method withholds
// 600.00, 880.00 and 2,000.00 (3%, then 10% − 2,520 on 40,000 and 60,000);
// F, first paid in July with 公告2020年第13号's fact, deducts 35,000 in
// July (nothing withheld), 5,000 without the fact (4,000 × 3% =
// 120.00); R's 1,234.56 × 3% = 37.0368 is 37.04, and 37.00 rounded to the
// 元.
func TestTax(t *testing.T) {
	payroll := "id,month,gross,social_insurance,special_deductions,first_wage_income_this_year,prior_year_low_income\n" +
		"H,2024-01,30000,3000,2000,,\n" +
		"F,2024-07,10000,1000,0,是,否\n" +
		"H,2024-02,30000,3000,2000,,\n" +
		"R,2024-01,6234.56,0,0,,\n" +
		"H,2024-03,30000,3000,2000,,\n" +
		"Q,2024-01,5000,0,0,,\n" +
		"X,2024-13,5000,0,0,,\n"
	got := "工号,所属月份,本期应预扣预缴税额,姓名\n" +
		"H,2024-01,2590.00,h\n" +
		"H,2024-2,2590.00,h\n" +
		"H,2024-03,2590.00,h\n" +
		"F,2024-07,120.00,f\n" +
		"R,202401,37.00,r\n" +
		"Z,2024-01,1.00,z\n"
	diffs, rep, err := runCompare(t, compare.Tax, "", payroll, got)
	require.NoError(t, err)
	type row struct {
		status          compare.Status
		key             string
		line, inputLine int
		lib, plat       string
		causes          []compare.Cause
	}
	var rows []row
	for _, d := range diffs {
		rows = append(rows, row{d.Status, d.Key(), d.Line, d.InputLine, d.Library, d.Platform, d.Causes})
		if d.Status != compare.MissingFromInput {
			assert.NotEmpty(t, d.Rules, d.Key())
		}
	}
	assert.Equal(t, []row{
		{compare.Differs, "H 2024-01", 2, 2, "600.00", "2590.00", []compare.Cause{compare.TaxMonthly}},
		{compare.Differs, "F 2024-07", 5, 3, "0.00", "120.00", []compare.Cause{compare.TaxFact13Ignored}},
		{compare.Differs, "H 2024-02", 3, 4, "880.00", "2590.00", []compare.Cause{compare.TaxMonthly}},
		{compare.Differs, "R 2024-01", 6, 5, "37.04", "37.00", []compare.Cause{compare.TaxRounding}},
		{compare.Differs, "H 2024-03", 4, 6, "2000.00", "2590.00", []compare.Cause{compare.TaxMonthly}},
		{compare.MissingFromGot, "Q 2024-01", 0, 7, "0.00", "", nil},
		{compare.MissingFromInput, "Z 2024-01", 7, 0, "", "1.00", nil},
	}, rows)
	assert.Equal(t, 7, rep.Compared)
	assert.Equal(t, 7, rep.Differ)
	require.Len(t, rep.Problems, 1)
	assert.Equal(t, "in.csv", rep.Problems[0].File)
	assert.Equal(t, 8, rep.Problems[0].Line)
	assert.Contains(t, diffs[3].Detail, "the cumulative tax rounded half-up to the 元")
	assert.Contains(t, diffs[1].Detail, "TAX-BASIC-2019")
}

// The whole file's likely cause for tax ([compare.Report.Likely]): the
// cause that reproduces every difference and that no agreeing row
// contradicts. Worked by hand: H's 20,000 元 taxable a month withholds
// 600.00, 880.00, 2,000.00 by the cumulative method and 2,590.00 a month
// on the monthly table; S's 1,000.00 taxable in January is 30.00 either
// way and to the 元; R's 1,234.56 × 3% = 37.0368 is 37.04 (37.00 to the
// 元, 37.03 cut to the fen); F, first paid in July with 公告2020年第13号's
// fact, withholds 0.00 (120.00 without the fact); G, first paid in July
// with the fact on 4,000 元, withholds 0.00 with or without it (4,000 less
// 35,000 or less 5,000 is below zero either way).
func TestTaxLikely(t *testing.T) {
	const head = "id,month,gross,social_insurance,special_deductions,first_wage_income_this_year,prior_year_low_income\n"
	const h = "H,2024-01,30000,3000,2000,,\nH,2024-02,30000,3000,2000,,\nH,2024-03,30000,3000,2000,,\n"
	const s = "S,2024-01,6000,0,0,,\n"
	const r = "R,2024-01,6234.56,0,0,,\n"
	const f = "F,2024-07,10000,1000,0,true,\n"
	const g = "G,2024-07,4000,0,0,true,\n"
	tests := []struct {
		name    string
		payroll string
		got     string
		likely  compare.Cause
		ok      bool
		against int // of the first cause
	}{
		{"monthly, S agrees both ways", h + s, "id,month,withheld\nH,2024-01,2590.00\nH,2024-02,2590.00\nH,2024-03,2590.00\nS,2024-01,30.00\n",
			compare.TaxMonthly, true, 0},
		{"monthly, but H's March agrees with the cumulative method", h + s, "id,month,withheld\nH,2024-01,2590.00\nH,2024-02,2590.00\nH,2024-03,2000.00\nS,2024-01,30.00\n",
			compare.TaxMonthly, false, 1},
		{"to the 元, S agrees both ways", r + s, "id,month,withheld\nR,2024-01,37.00\nS,2024-01,30.00\n", compare.TaxRounding, true, 0},
		{"to the 元, but a second R agrees to the fen", r + s + "R2,2024-01,6234.56,0,0,,\n", "id,month,withheld\nR,2024-01,37.00\nS,2024-01,30.00\nR2,2024-01,37.04\n",
			compare.TaxRounding, false, 1},
		{"to the 元 on R, cut on R2: no one way", r + "R2,2024-01,6234.56,0,0,,\n", "id,month,withheld\nR,2024-01,37.00\nR2,2024-01,37.03\n",
			compare.TaxRounding, false, 1},
		{"the fact ignored; G is 0.00 either way", f + g + s, "id,month,withheld\nF,2024-07,120.00\nG,2024-07,0.00\nS,2024-01,30.00\n",
			compare.TaxFact13Ignored, true, 0},
		{"the fact ignored on F, applied on a second F", f + "F2,2024-07,10000,1000,0,true,\n", "id,month,withheld\nF,2024-07,120.00\nF2,2024-07,0.00\n",
			compare.TaxFact13Ignored, false, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, rep, err := runCompare(t, compare.Tax, "", head+tt.payroll, tt.got)
			require.NoError(t, err)
			require.Empty(t, rep.Problems)
			require.NotEmpty(t, rep.Causes)
			assert.Equal(t, tt.likely, rep.Causes[0].Cause, "%+v", rep.Causes)
			assert.Equal(t, rep.Differ, rep.Causes[0].Rows, "%+v", rep.Causes)
			assert.Equal(t, tt.against, rep.Causes[0].Against, "%+v", rep.Causes)
			c, ok := rep.Likely()
			assert.Equal(t, tt.ok, ok)
			if tt.ok {
				assert.Equal(t, tt.likely, c)
				assert.Equal(t, "likely cause of every difference: "+tt.likely.Text(), rep.LikelyText())
			} else {
				assert.Empty(t, rep.LikelyText())
			}
		})
	}
}
