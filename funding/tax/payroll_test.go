package tax_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/tax"
	"github.com/dangjian-go/dangjian/internal/golden"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// streamed is what WithholdStream passed for one row.
type streamed struct {
	row tax.PayrollRow
	l   tax.Line
	bad dangjian.Problems
}

func withholdFile(t *testing.T, path string, lim dangjian.Limits) ([]streamed, error) {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	var out []streamed
	err = tax.WithholdStream(f, lim, func(row tax.PayrollRow, l tax.Line, bad dangjian.Problems) error {
		out = append(out, streamed{row, l, bad})
		return nil
	})
	return out, err
}

// render writes what the stream gave, one line a row: the withholding of
// a good row (with the cumulative basic deduction and taxable income and
// the rules), or the problems of a bad one.
func render(rows []streamed) string {
	var b strings.Builder
	b.WriteString("id,month,withheld,cum_basic,cum_taxable,basic_rule,rules\n")
	for _, s := range rows {
		if s.bad != nil {
			for _, p := range s.bad {
				fmt.Fprintf(&b, "# %s\n", p)
			}
			continue
		}
		fmt.Fprintf(&b, "%s,%04d-%02d,%s,%s,%s,%s,%s\n", s.row.ID, s.row.Year, s.row.Month.Month, s.l.Withheld,
			s.l.Cumulative.BasicDeduction, s.l.Cumulative.Taxable, s.l.BasicRule, strings.Join(s.l.Rules, " "))
	}
	return b.String()
}

// TestWithholdStreamFacts: the two 2020 facts on a payroll of four members
// whose rows are interleaved, each figure derived by hand below.
//
// F07 and M07 start with this employer in July 2024 on 20000 a month, 2000
// of it own social insurance, no special additional deduction. F07 had no
// wage income earlier in the year (公告2020年第13号): its cumulative basic
// deduction counts 5000 a month from January (July: 7 × 5000 = 35000, the
// notice's own example of a July graduate). M07 counts from July.
//
//	month  F07 basic  F07 taxable                    tax      withheld | M07 basic  M07 taxable            tax      withheld
//	Jul    35000      20000−35000−2000 <0 → 0         0.00     0.00    |  5000       20000−5000−2000=13000   390.00   390.00
//	Aug    40000      40000−40000−4000 <0 → 0         0.00     0.00    | 10000       26000                   780.00   390.00
//	Sep    45000      60000−45000−6000 = 9000         270.00   270.00  | 15000       39000: 3900−2520      1380.00   600.00
//	Oct    50000      80000−50000−8000 = 22000        660.00   390.00  | 20000       52000                  2680.00  1300.00
//	Nov    55000      100000−55000−10000 = 35000      1050.00  390.00  | 25000       65000                  3980.00  1300.00
//	Dec    60000      120000−60000−12000 = 48000: 4800−2520 = 2280.00, 1230.00 | 30000  78000              5280.00  1300.00
//
// F07's year: 2280.00; M07's: 5280.00.
//
// L01 and N01 earn 8000 a month from January, 800 of it social insurance.
// L01 was paid by this employer every month of 2023 and earned at most
// 60000 (公告2020年第19号): its cumulative basic deduction is 60000 from
// January, so its cumulative taxable income in month k is 7200k − 60000:
// nothing is withheld to August (57600), then September 4800 → 144.00,
// October 12000 → 360.00 (216.00 withheld), November 19200 → 576.00
// (216.00), December 26400 → 792.00 (216.00). N01 deducts 5000 a month:
// 2200k taxable, 66.00 withheld every month. Both years come to 792.00:
// the notice moves the tax to the end of the year, not its amount.
func TestWithholdStreamFacts(t *testing.T) {
	rows, err := withholdFile(t, filepath.Join("testdata", "payroll", "facts-2024.csv"), dangjian.Limits{})
	require.NoError(t, err)
	require.Len(t, rows, 36)
	got := map[string][]string{}
	basicRule := map[string]string{}
	total := map[string]funding.Money{}
	for _, s := range rows {
		require.Nil(t, s.bad, "line %d", s.row.Line)
		got[s.row.ID] = append(got[s.row.ID], s.l.Withheld.String())
		basicRule[s.row.ID] = s.l.BasicRule
		var err error
		total[s.row.ID], err = total[s.row.ID].Add(s.l.Withheld)
		require.NoError(t, err)
		assert.Contains(t, s.l.Rules, s.l.BasicRule)
	}
	six := func(s ...string) []string { return s }
	assert.Equal(t, six("0.00", "0.00", "270.00", "390.00", "390.00", "1230.00"), got["F07"])
	assert.Equal(t, six("390.00", "390.00", "600.00", "1300.00", "1300.00", "1300.00"), got["M07"])
	assert.Equal(t, six("0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "144.00", "216.00", "216.00", "216.00"), got["L01"])
	assert.Equal(t, six("66.00", "66.00", "66.00", "66.00", "66.00", "66.00", "66.00", "66.00", "66.00", "66.00", "66.00", "66.00"), got["N01"])
	assert.Equal(t, map[string]string{"F07": "2280.00", "M07": "5280.00", "L01": "792.00", "N01": "792.00"},
		map[string]string{"F07": total["F07"].String(), "M07": total["M07"].String(), "L01": total["L01"].String(), "N01": total["N01"].String()})
	assert.Equal(t, map[string]string{"F07": "TAX-BASIC-FIRSTWAGE-2020", "M07": "TAX-BASIC-2019", "L01": "TAX-BASIC-LOWINCOME-2021", "N01": "TAX-BASIC-2019"}, basicRule)

	// The month's part of the cumulative basic deduction.
	first := map[string]tax.Line{}
	second := map[string]tax.Line{}
	for _, s := range rows {
		if _, ok := first[s.row.ID]; !ok {
			first[s.row.ID] = s.l
		} else if _, ok := second[s.row.ID]; !ok {
			second[s.row.ID] = s.l
		}
	}
	for id, want := range map[string][2]string{"F07": {"35000.00", "5000.00"}, "M07": {"5000.00", "5000.00"},
		"L01": {"60000.00", "0.00"}, "N01": {"5000.00", "5000.00"}} {
		assert.Equal(t, want, [2]string{first[id].BasicDeduction.String(), second[id].BasicDeduction.String()}, id)
	}
	assert.Equal(t, 1, first["F07"].EmployedMonths, "F07 is employed from July")
	assert.Equal(t, []string{"TAX-CUM-METHOD-2019", "TAX-BASIC-2019", "TAX-BASIC-FIRSTWAGE-2020", "TAX-CUM-2019-1", "TAX-ROUND"}, first["F07"].Rules)
	assert.Equal(t, []string{"TAX-CUM-METHOD-2019", "TAX-BASIC-LOWINCOME-2021", "TAX-CUM-2019-1", "TAX-ROUND"}, first["L01"].Rules)

	golden.Check(t, filepath.Join("testdata", "payroll", "facts-2024.golden.csv"), []byte(render(rows)))
}

// TestWithholdStreamAgreesWithWithhold: a member's months through the
// stream and through Withhold give the same lines.
func TestWithholdStreamAgreesWithWithhold(t *testing.T) {
	rows, err := withholdFile(t, filepath.Join("testdata", "payroll", "facts-2024.csv"), dangjian.Limits{})
	require.NoError(t, err)
	byID := map[string][]streamed{}
	for _, s := range rows {
		byID[s.row.ID] = append(byID[s.row.ID], s)
	}
	for id, ss := range byID {
		var months []tax.Month
		for _, s := range ss {
			months = append(months, s.row.Month)
		}
		y, err := tax.Withhold(2024, months)
		require.NoError(t, err, id)
		for i, s := range ss {
			assert.Equal(t, y.Lines[i], s.l, "%s month %d", id, s.row.Month.Month)
		}
	}
}

// TestWithholdStreamProblems: every bad row is reported at its line and
// column with the id, and the good rows go on.
func TestWithholdStreamProblems(t *testing.T) {
	rows, err := withholdFile(t, filepath.Join("testdata", "payroll", "bad.csv"), dangjian.Limits{})
	require.NoError(t, err)
	type where struct {
		Line, Column int
		Path, ID     string
		Kind         *dangjian.Kind
	}
	var bad []where
	var good []string
	for _, s := range rows {
		for _, p := range s.bad {
			bad = append(bad, where{p.Line, p.Column, p.Path, p.ID, p.Kind})
		}
		if s.bad == nil {
			good = append(good, fmt.Sprintf("%d %s %s", s.row.Line, s.row.ID, s.l.Withheld))
		}
	}
	// A1: January 10000 − 5000 − 1000 − 1500 = 2500 → 75.00. March (a
	// month missing between counts as employed): 20000 − 15000 − 2000 −
	// 3000 = 0, so nothing (75.00 was withheld already; 暂不退税). April:
	// 30000 − 20000 − 3000 − 4500 = 2500 → 75.00, nothing more due.
	// A5 in July 2020, a first wage income: 10000 − 35000 < 0 → 0.
	assert.Equal(t, []string{"2 A1 75.00", "4 A1 0.00", "10 A5 0.00", "13 A8 150.00", "16 A1 0.00"}, good)
	ym := tax.ErrMonth
	assert.Equal(t, []where{
		{3, 2, "月份", "A1", ym},                       // repeated
		{5, 2, "月份", "A1", ym},                       // out of order
		{6, 2, "月份", "A2", ym},                       // not YYYY-MM
		{7, 3, "应发工资", "A3", dangjian.ErrInvalid},    // grouping comma
		{7, 5, "专项附加扣除", "A3", funding.ErrSubFen},    // finer than a fen
		{8, 3, "应发工资", "A4", dangjian.ErrMissing},    // no gross
		{8, 4, "社保个人缴纳", "A4", dangjian.ErrNegative}, // negative
		{8, 6, "年内首次取得工资", "A4", dangjian.ErrInvalid},
		{9, 6, "年内首次取得工资", "A5", dangjian.ErrNoRule},        // 第13号 from 2020-07-01
		{11, 7, "上年低收入", "A6", dangjian.ErrNoRule},          // 第19号 from 2021-01-01
		{12, 7, "上年低收入", "A7", dangjian.ErrInconsistent},    // both facts
		{14, 6, "年内首次取得工资", "A8", dangjian.ErrInconsistent}, // a fact changes in the year
		{15, 2, "月份", "A9", dangjian.ErrNoRule},             // no method in 2018
		{15, 2, "月份", "A9", dangjian.ErrNoRule},             // no basic deduction
		{15, 2, "月份", "A9", dangjian.ErrNoRule},             // no table
		{17, 1, "工号", "", dangjian.ErrMissing},
		{18, 0, "", "A10", dangjian.ErrInvalid}, // 3 fields
	}, bad)
	var msgs []string
	for _, s := range rows {
		for _, p := range s.bad {
			msgs = append(msgs, p.Error())
		}
	}
	assert.Contains(t, msgs, `line 9, column 6: 年内首次取得工资 (id "A5"): no rule in force: no rule in force on 2020-06-01 for a first wage income of the year (TAX-BASIC-FIRSTWAGE-2020 [2020-07-01, …)) ("true")`)
	golden.Check(t, filepath.Join("testdata", "payroll", "bad.golden.txt"), []byte(render(rows)))
}

func TestScanPayroll(t *testing.T) {
	tests := []struct {
		name string
		in   string
		rows []tax.PayrollRow
		err  *dangjian.Kind
	}{
		{name: "English header, optional columns absent",
			in: "id,month,gross,social_insurance,special_deductions\nm1,2021-03,6234.50,600,\n",
			rows: []tax.PayrollRow{{Line: 2, ID: "m1", Year: 2021,
				Month: tax.Month{Month: 3, Income: taxYuan("6234.50"), SocialInsurance: taxYuan("600")}}}},
		{name: "Chinese aliases, facts",
			in: "编号,所属月份,收入,专项扣除,专项附加扣除,年内首次取得工资,上年低收入\n\"m 2\",2022-12,1,2,3,1,0\n",
			rows: []tax.PayrollRow{{Line: 2, ID: "m 2", Year: 2022,
				Month: tax.Month{Month: 12, Income: taxYuan("1"), SocialInsurance: taxYuan("2"), AdditionalAmount: taxYuan("3"), FirstWageIncome: true}}}},
		{name: "blank rows skipped", in: "id,month,gross,social_insurance,special_deductions\n,,,,\n\nm1,2024-01,1,0,0\n",
			rows: []tax.PayrollRow{{Line: 4, ID: "m1", Year: 2024, Month: tax.Month{Month: 1, Income: taxYuan("1")}}}},
		{name: "missing column", in: "id,month,gross,social_insurance\n", err: dangjian.ErrHeader},
		{name: "unknown column", in: "id,month,gross,social_insurance,special_deductions,bonus\n", err: dangjian.ErrHeader},
		{name: "not CSV", in: "id,month,gross,social_insurance,special_deductions\n\"m1,2024-01\n", err: dangjian.ErrSyntax},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rows []tax.PayrollRow
			err := tax.ScanPayroll(strings.NewReader(tt.in), func(row tax.PayrollRow, bad dangjian.Problems) error {
				require.Nil(t, bad)
				rows = append(rows, row)
				return nil
			})
			assert.Equal(t, tt.rows, rows)
			if tt.err == nil {
				assert.NoError(t, err)
			} else {
				assert.ErrorIs(t, err, tt.err)
			}
		})
	}
	t.Run("an error of each stops the reading", func(t *testing.T) {
		stop := errors.New("stop")
		n := 0
		err := tax.ScanPayroll(strings.NewReader("id,month,gross,social_insurance,special_deductions\na,2024-01,1,0,0\nb,2024-01,1,0,0\n"),
			func(tax.PayrollRow, dangjian.Problems) error { n++; return stop })
		assert.Same(t, stop, err)
		assert.Equal(t, 1, n)
	})
}

// The payroll reader takes Limits: rows beyond MaxRecords end it with a
// problem naming the limit, after the rows within it.
func TestScanPayrollLimits(t *testing.T) {
	in := "id,month,gross,social_insurance,special_deductions\n" + strings.Repeat("a,2024-01,1,0,0\n", 5)
	n := 0
	err := tax.ScanPayrollWith(strings.NewReader(in), dangjian.Limits{MaxRecords: 3}, func(tax.PayrollRow, dangjian.Problems) error { n++; return nil })
	assert.Equal(t, 3, n)
	require.ErrorIs(t, err, dangjian.ErrLimit)
	assert.Equal(t, 5, dangjian.ProblemsOf(err)[0].Line)
	assert.Contains(t, err.Error(), "MaxRecords")

	n = 0
	err = tax.WithholdStream(strings.NewReader("id,month,gross,social_insurance,special_deductions\nm,2024-01,"+strings.Repeat("1", 2000)+",0,0\n"),
		dangjian.Limits{MaxRecordBytes: 1000}, func(tax.PayrollRow, tax.Line, dangjian.Problems) error { n++; return nil })
	assert.Zero(t, n)
	assert.ErrorIs(t, err, dangjian.ErrLimit)
}

// TestWithholderMemory: the Withholder keeps one state a member, not a
// row: 2,000 members × 12 months leave 2,000 states, and 100,000 members
// take less than 200 bytes each besides their IDs (about 130 measured).
func TestWithholderMemory(t *testing.T) {
	ids := make([]string, 100_000)
	for i := range ids {
		ids[i] = fmt.Sprintf("M%07d", i)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	big := tax.NewWithholder()
	for m := 1; m <= 2; m++ {
		for _, id := range ids {
			if _, bad := big.Add(tax.PayrollRow{ID: id, Year: 2024, Month: tax.Month{Month: m, Income: taxYuan("9000")}}); bad != nil {
				t.Fatal(bad)
			}
		}
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	assert.Less(t, float64(after.HeapAlloc)-float64(before.HeapAlloc), float64(200*len(ids)), "bytes held")
	runtime.KeepAlive(big)

	w := tax.NewWithholder()
	for m := 1; m <= 12; m++ {
		for i := range 2000 {
			_, bad := w.Add(tax.PayrollRow{ID: fmt.Sprint("m", i), Year: 2024, Month: tax.Month{Month: m, Income: taxYuan("9000")}})
			require.Nil(t, bad)
		}
	}
	assert.Equal(t, 2000, w.Members())
	// A later year starts afresh; an earlier one is refused.
	l, bad := w.Add(tax.PayrollRow{ID: "m1", Year: 2025, Month: tax.Month{Month: 1, Income: taxYuan("9000")}})
	require.Nil(t, bad)
	assert.Equal(t, "5000.00", l.Cumulative.BasicDeduction.String())
	_, bad = w.Add(tax.PayrollRow{ID: "m1", Year: 2024, Month: tax.Month{Month: 12, Income: taxYuan("9000")}})
	require.Len(t, bad, 1)
	assert.ErrorIs(t, bad[0], tax.ErrMonth)
	assert.Equal(t, "month", bad[0].Path)
}

// The facts in Withhold: the same figures as the stream, and the same
// problems outside their dates.
func TestWithholdFacts(t *testing.T) {
	months := func(from int, fw, low bool) []tax.Month {
		var out []tax.Month
		for m := from; m <= 12; m++ {
			out = append(out, tax.Month{Month: m, Income: taxYuan("20000"), SocialInsurance: taxYuan("2000"), FirstWageIncome: fw, PriorYearLowIncome: low})
		}
		return out
	}
	y, err := tax.Withhold(2024, months(7, true, false))
	require.NoError(t, err)
	assert.Equal(t, "2280.00", y.Withheld.String())
	assert.Equal(t, "35000.00", y.Lines[0].Cumulative.BasicDeduction.String())

	// 2020: the first-wage fact is in force from July.
	y, err = tax.Withhold(2020, months(7, true, false))
	require.NoError(t, err)
	assert.Equal(t, "TAX-BASIC-FIRSTWAGE-2020", y.Lines[0].BasicRule)
	_, err = tax.Withhold(2020, months(6, true, false))
	ps := dangjian.ProblemsOf(err)
	require.Len(t, ps, 1)
	assert.Equal(t, "months[0].firstWageIncomeThisYear", ps[0].Path)
	assert.ErrorIs(t, ps[0], dangjian.ErrNoRule)

	// The low-income fact from 2021.
	_, err = tax.Withhold(2020, months(1, false, true))
	assert.Len(t, dangjian.ProblemsOf(err), 12)
	y, err = tax.Withhold(2021, months(1, false, true))
	require.NoError(t, err)
	assert.Equal(t, "60000.00", y.Lines[0].BasicDeduction.String())
	assert.Equal(t, "0.00", y.Lines[1].BasicDeduction.String())

	// A fact holds for the year.
	ms := months(1, false, false)
	ms[3].PriorYearLowIncome = true
	_, err = tax.Withhold(2024, ms)
	ps = dangjian.ProblemsOf(err)
	require.Len(t, ps, 1)
	assert.Equal(t, "months[3].priorYearLowIncome", ps[0].Path)
	assert.ErrorIs(t, ps[0], dangjian.ErrInconsistent)
}
