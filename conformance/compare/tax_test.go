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
