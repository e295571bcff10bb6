package dues_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/iotest"
	"time"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/dues"
	"github.com/dangjian-go/dangjian/internal/csvtable"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRosterVectors reads testdata/roster/vectors.csv, computes every
// member and compares the ledger with the one derived by hand (see
// testdata/roster/README.md).
func TestRosterVectors(t *testing.T) {
	f, err := os.Open("testdata/roster/vectors.csv")
	require.NoError(t, err)
	defer f.Close()
	rows, err := dues.ReadRoster(f)
	require.NoError(t, err)
	require.Len(t, rows, 31)

	for _, tt := range []struct {
		rules dues.Rules
		month string
		file  string
	}{
		{dues.Rules2017(), "2024-06-01", "testdata/roster/vectors.2017.ledger.csv"},
		{dues.Rules2008(), "2016-06-01", "testdata/roster/vectors.2008.ledger.csv"},
	} {
		t.Run(tt.rules.Name, func(t *testing.T) {
			month := dangjian.MustParseDate(tt.month)
			lines := make([]dues.LedgerRow, len(rows))
			for i, r := range rows {
				d, err := tt.rules.Monthly(r.Member, month)
				require.NoError(t, err, "line %d", r.Line)
				lines[i] = dues.LedgerRow{Name: r.Member.Name, Dues: d}
			}
			var buf bytes.Buffer
			require.NoError(t, dues.WriteLedger(&buf, lines, funding.English))
			want, err := os.ReadFile(tt.file)
			require.NoError(t, err)
			assert.Equal(t, string(want), buf.String())
		})
	}
}

// rosterEnglish is the reference roster the variants of
// TestReadRosterVariants must read as.
const rosterEnglish = "id,name,category,base,months,employer,post_wage,basic_performance,income_tax,housing_fund,probationary_since,flat_amount,voluntary,reduction,reduction_by,reduction_on,reduction_ref\n" +
	"A1,张伟,employed,6234.50,,,,,,,2024-03-01,,,,,,\n" +
	"A2,李娜,employed,,,public_institution,2800,2000,120.50,720,,,50,,,,\n" +
	"A3,王芳,farmer,,,,,,,,,0.50,,,,,\n" +
	"A4,刘洋,self_employed,,4200|3900|4651,,,,,,,,,,,,\n" +
	"A5,陈静,retired,3000,,,,,,,,,,0,某街道党工委,2024-03-15,党工委〔2024〕3号\n"

func rosterWant() []dues.RosterRow {
	m := funding.MustParseMoney
	return []dues.RosterRow{
		{Line: 2, Member: dues.Member{ID: "A1", Name: "张伟", Category: dues.Employed, Base: m("6234.50"),
			ProbationarySince: dangjian.MustParseDate("2024-03-01")}},
		{Line: 3, Member: dues.Member{ID: "A2", Name: "李娜", Category: dues.Employed, Voluntary: m("50"),
			Payslip: &dues.Payslip{Employer: dues.PublicInstitution, IncomeTax: m("120.50"), HousingFund: m("720")}}},
		{Line: 4, Member: dues.Member{ID: "A3", Name: "王芳", Category: dues.Farmer, FlatAmount: m("0.50")}},
		{Line: 5, Member: dues.Member{ID: "A4", Name: "刘洋", Category: dues.SelfEmployed,
			Months: []funding.Money{m("4200"), m("3900"), m("4651")}}},
		{Line: 6, Member: dues.Member{ID: "A5", Name: "陈静", Category: dues.Retired, Base: m("3000"),
			Reduction: &dues.Reduction{ApprovedBy: "某街道党工委", On: dangjian.MustParseDate("2024-03-15"), Ref: "党工委〔2024〕3号"}}},
	}
}

func TestReadRosterVariants(t *testing.T) {
	// The payslip items are named by the header that gave them.
	items := func(post, perf string) []dues.PayItem {
		return []dues.PayItem{
			{Kind: dues.PostWage, Amount: funding.MustParseMoney("2800"), Name: post},
			{Kind: dues.BasicPerformance, Amount: funding.MustParseMoney("2000"), Name: perf},
		}
	}
	tests := []struct {
		name      string
		in        string
		post      string // the header of the post_wage column
		perf      string // the header of the basic_performance column
		lineShift int
	}{
		{"english", rosterEnglish, "post_wage", "basic_performance", 0},
		{"chinese headers and labels",
			"编号,姓名,党员类别,计算基数,各月收入,单位类型,岗位工资,基础性绩效工资,个人所得税,住房公积金,预备党员日期,定额,自愿多交,减免后党费,减免批准单位,减免批准日期,减免批准文号\n" +
				"A1,张伟,在职,6234.50,,,,,,,2024-03-01,,,,,,\n" +
				"A2,李娜,在职,,,事业单位,2800,2000,120.50,720,,,50,,,,\n" +
				"A3,王芳,农民,,,,,,,,,0.50,,,,,\n" +
				"A4,刘洋,个体经营,,4200|3900|4651,,,,,,,,,,,,\n" +
				"A5,陈静,离退休,3000,,,,,,,,,,0,某街道党工委,2024-03-15,党工委〔2024〕3号\n",
			"岗位工资", "基础性绩效工资", 0},
		{"chinese aliases",
			"编号,姓名,类别,基数,上季度月收入,单位类型,岗位工资,基础性绩效,个税,公积金,预备党员日期,定额,自愿多交,减免后党费,减免批准单位,减免批准日期,减免批准文号\n" +
				"A1,张伟,在职党员,6234.50,,,,,,,2024-03-01,,,,,,\n" +
				"A2,李娜,在职职工,,,事业单位,2800,2000,120.50,720,,,50,,,,\n" +
				"A3,王芳,农民党员,,,,,,,,,0.50,,,,,\n" +
				"A4,刘洋,个体户,,4200;3900;4651,,,,,,,,,,,,\n" +
				"A5,陈静,退休,3000,,,,,,,,,,0,某街道党工委,2024-03-15,党工委〔2024〕3号\n",
			"岗位工资", "基础性绩效", 0},
		{"mixed column order, english names in any case, codes in any case",
			"Reduction_Ref,NAME,Id,Category,Base,Months,EMPLOYER,Post_Wage,Basic_Performance,Income_Tax,Housing_Fund,Probationary_Since,Flat_Amount,Voluntary,Reduction,Reduction_By,Reduction_On\n" +
				",张伟,A1,Employed,6234.50,,,,,,,2024-03-01,,,,,\n" +
				",李娜,A2,EMPLOYED,,,Public_Institution,2800,2000,120.50,720,,,50,,,\n" +
				",王芳,A3,farmer,,,,,,,,,0.50,,,,\n" +
				",刘洋,A4,self_employed,,4200|3900|4651,,,,,,,,,,,\n" +
				"党工委〔2024〕3号,陈静,A5,retired,3000,,,,,,,,,,0,某街道党工委,2024-03-15\n",
			"Post_Wage", "Basic_Performance", 0},
		{"byte order mark and CRLF", "\uFEFF" + strings.ReplaceAll(rosterEnglish, "\n", "\r\n"), "post_wage", "basic_performance", 0},
		{"spaces around cells and quoted cells",
			" id , name ,category,base,months,employer,post_wage,basic_performance,income_tax,housing_fund,probationary_since,flat_amount,voluntary,reduction,reduction_by,reduction_on,reduction_ref\n" +
				" A1 , \"张伟\", employed , 6234.50 ,,,,,,, 2024-03-01 ,,,,,,\n" +
				"A2,\t李娜\t,employed,,, public_institution , 2800 ,2000 , 120.50,720 ,,, 50 ,,,,\n" +
				"\"A3\",王芳,\"farmer\",,,,,,,,,\" 0.50 \",,,,,\n" +
				"A4,刘洋,self_employed,,\" 4200 | 3900 | 4651 \",,,,,,,,,,,,\n" +
				"A5,陈静,retired,3000,,,,,,,,,,0,\" 某街道党工委 \",2024-03-15,党工委〔2024〕3号\n",
			"post_wage", "basic_performance", 0},
		{"blank lines and empty rows are skipped",
			strings.Replace(strings.Replace(rosterEnglish, "\n", "\n\n", 1), "A3,", ",,,,,,,,,,,,,,,,\n , , ,,,,,,,,,,,,,,\nA3,", 1),
			"post_wage", "basic_performance", 1},
		{"no final newline", strings.TrimSuffix(rosterEnglish, "\n"), "post_wage", "basic_performance", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := dues.ReadRoster(strings.NewReader(tt.in))
			require.NoError(t, err)
			want := rosterWant()
			want[1].Member.Payslip.Items = items(tt.post, tt.perf)
			for i := range want {
				want[i].Line += tt.lineShift
				if tt.lineShift > 0 && i >= 2 {
					want[i].Line += 2 // the two empty rows before A3
				}
			}
			assert.Equal(t, want, got)
		})
	}
}

// TestReadRosterItemColumns: several columns may give items of one kind,
// each its own PayItem named by its header.
func TestReadRosterItemColumns(t *testing.T) {
	in := "编号,姓名,类别,单位类型,职务工资,级别工资,住房补贴,交通补贴,通讯补贴,工作性津贴,养老保险\n" +
		"B1,赵敏,在职,机关,1800,2200,500,300,,1500,520\n"
	rows, err := dues.ReadRoster(strings.NewReader(in))
	require.NoError(t, err)
	require.Len(t, rows, 1)
	m := funding.MustParseMoney
	assert.Equal(t, &dues.Payslip{Employer: dues.Organ, Pension: m("520"), Items: []dues.PayItem{
		{Kind: dues.PositionWage, Amount: m("1800"), Name: "职务工资"},
		{Kind: dues.GradeWage, Amount: m("2200"), Name: "级别工资"},
		{Kind: dues.ReformSubsidy, Amount: m("500"), Name: "住房补贴"},
		{Kind: dues.ReformSubsidy, Amount: m("300"), Name: "交通补贴"},
		{Kind: dues.WorkAllowance, Amount: m("1500"), Name: "工作性津贴"},
	}}, rows[0].Member.Payslip)

	d, err := dues.Rules2017().Monthly(rows[0].Member, dangjian.MustParseDate("2024-06-01"))
	require.NoError(t, err)
	// 1800 + 2200 + 1500 − 520 = 4980.00 at 1 % (DUES-WAGE-2); both reform
	// subsidies are excluded (DUES-BASE-2017-ORGAN).
	assert.Equal(t, "4980.00", d.Base.String())
	assert.Equal(t, "49.80", d.Amount.String())
	assert.Equal(t, "DUES-WAGE-2", d.Rule)
}

// A zero written out is a base of zero; an item of zero is an item.
func TestReadRosterZeros(t *testing.T) {
	in := "id,name,category,base,employer,post_wage,income_tax\n" +
		"Z1,,employed,0,,,\n" +
		"Z2,,employed,,enterprise,0,\n" +
		"Z3,,employed,,enterprise,,0\n" +
		"Z4,,employed,,enterprise,,\n"
	rows, err := dues.ReadRoster(strings.NewReader(in))
	require.NoError(t, err)
	require.Len(t, rows, 4)
	assert.Equal(t, dues.Member{ID: "Z1", Category: dues.Employed}, rows[0].Member)
	assert.Equal(t, &dues.Payslip{Employer: dues.Enterprise, Items: []dues.PayItem{{Kind: dues.PostWage, Name: "post_wage"}}}, rows[1].Member.Payslip)
	assert.Equal(t, &dues.Payslip{Employer: dues.Enterprise}, rows[2].Member.Payslip)
	assert.Equal(t, &dues.Payslip{Employer: dues.Enterprise}, rows[3].Member.Payslip, "an employer alone is a payslip with no items")
}

// A flat category takes no base: 0 or empty in the base column is no base,
// as a spreadsheet export writes it; any other base is still an error.
func TestReadRosterFlatZeroBase(t *testing.T) {
	in := "id,name,category,base,flat_amount\n" +
		"S1,,student,0,\n" +
		"S2,,学生,0.00,\n" +
		"S3,,student,,\n" +
		"F1,,farmer,0,0.50\n" +
		"U1,,unemployed, 0 ,\n" +
		"L1,,low_income,0.01,\n" +
		"L2,,low_income,-0.01,\n" +
		"E1,,employed,0,\n"
	rows, err := dues.ReadRoster(strings.NewReader(in))
	require.Error(t, err)
	ps := dangjian.ProblemsOf(err)
	require.Len(t, ps, 3, "%v", err)
	assert.Equal(t, "L1", ps[0].ID)
	assert.Equal(t, "base", ps[0].Path)
	assert.Equal(t, 4, ps[0].Column)
	assert.Equal(t, "0.01", ps[0].Value)
	assert.Equal(t, 7, ps[0].Line)
	assert.Contains(t, ps[0].Error(), "takes no base")
	assert.Equal(t, "-0.01", ps[1].Value)
	assert.Contains(t, ps[1].Error(), "must not be negative")
	assert.Contains(t, ps[2].Error(), "takes no base", "a negative base is not zero either")
	require.Len(t, rows, 6)
	for i, id := range []string{"S1", "S2", "S3", "F1", "U1", "E1"} {
		assert.Equal(t, id, rows[i].Member.ID)
		assert.True(t, rows[i].Member.Base.IsZero(), id)
	}
	assert.Equal(t, "0.50", rows[3].Member.FlatAmount.String())
	assert.Equal(t, dues.Employed, rows[5].Member.Category, "a rate category's 0 is a base of zero")

	// Every flat row computes to its flat amount.
	rs := dues.Rules2017()
	for _, r := range rows[:5] {
		d, err := rs.Monthly(r.Member, day("2024-06-01"))
		require.NoError(t, err, r.Member.ID)
		assert.Equal(t, r.Member.Category.IsFlat(), strings.HasPrefix(d.Rule, "DUES-FLAT"), r.Member.ID)
	}
}

// wantRowError is one expected problem of a roster.
type wantRowError struct {
	line   int
	column string // the column's name: the problem's Path
	value  string
	is     error
	msg    string // what the message says after the kind's text
}

// rosterDetail returns what a problem's message says for detail, written
// as the kind's text and the detail: the kind's own text where it is more
// precise than "invalid value".
func rosterDetail(detail string) string {
	detail = strings.TrimPrefix(detail, "invalid value: ")
	detail = strings.TrimPrefix(detail, "invalid roster header: ")
	if detail == "empty" {
		return "missing value"
	}
	return strings.Replace(detail, "duplicate member id", "duplicate ID", 1)
}

func checkRosterError(t *testing.T, err error, want []wantRowError) {
	t.Helper()
	var ps dangjian.Problems
	require.True(t, errors.As(err, &ps), "want dangjian.Problems, got %v", err)
	require.Len(t, ps, len(want), "%v", err)
	for i, w := range want {
		got := ps[i]
		assert.Equal(t, w.line, got.Line, "rows[%d] line", i)
		assert.Equal(t, w.column, got.Path, "rows[%d] column", i)
		assert.Equal(t, w.value, got.Value, "rows[%d] value", i)
		assert.ErrorIs(t, got, w.is, "rows[%d]", i)
		assert.ErrorIs(t, err, w.is)
		assert.Contains(t, got.Error(), w.msg, "rows[%d] message", i)
		assert.NotContains(t, got.Error(), "funding", "rows[%d]: no package prefix", i)
	}
}

const errHead = "id,name,category,base,months,employer,post_wage,income_tax,probationary_since,flat_amount,voluntary,reduction,reduction_by,reduction_on,reduction_ref\n"

// row renders a row of errHead from column=value pairs.
func row(kv ...string) string {
	cols := strings.Split(strings.TrimSpace(errHead), ",")
	cells := make([]string, len(cols))
	for i := 0; i < len(kv); i += 2 {
		k := -1
		for j, c := range cols {
			if c == kv[i] {
				k = j
			}
		}
		if k < 0 {
			panic("no column " + kv[i])
		}
		cells[k] = kv[i+1]
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write(cells)
	w.Flush()
	return b.String()
}

func TestReadRosterRowErrors(t *testing.T) {
	rv, dup, sub, over := funding.ErrRosterValue, funding.ErrDuplicateMember, funding.ErrSubFen, funding.ErrOverflow
	enc := dangjian.ErrEncoding
	e := func(line int, col, value string, is error, detail string) wantRowError {
		return wantRowError{line, col, value, is, rosterDetail(detail)}
	}
	const (
		moneySyntax = "invalid value: want an amount in yuan such as 6234.50: digits with at most two decimal places"
		noBase      = "invalid value: the member's category pays a rate of a base: give the base, the months or the payslip columns"
		several     = "invalid value: give one of the base, the months or the payslip columns, not several"
		approval    = "invalid value: a reduction needs its approval: who approved it and when (规定 第七条)"
	)
	tests := []struct {
		name string
		rows []string // after the header, each rendered with row()
		raw  string   // or raw text after the header
		want []wantRowError
		good []string // the ids of the good rows, if not G1 and G2
	}{
		{name: "empty id", rows: []string{"category", "employed", "base", "1"},
			want: []wantRowError{e(3, "id", "", rv, "invalid value: empty")}},
		{name: "id not UTF-8", rows: []string{"id", "\xff", "category", "employed", "base", "1"},
			want: []wantRowError{e(3, "id", "\xff", enc, csvtable.DetailNotUTF8)}},
		{name: "name not UTF-8", rows: []string{"id", "x", "name", "\xc4\xe3", "category", "employed", "base", "1"},
			want: []wantRowError{e(3, "name", "\xc4\xe3", enc, csvtable.DetailNotUTF8)}},
		{name: "GBK text: each cell that is not UTF-8, and nothing else of the row",
			rows: []string{"id", "x", "name", "\xc0\xee\xc4\xc8", "category", "\xd4\xda\xd6\xb0", "base", "1,0"}, // 李娜, 在职
			want: []wantRowError{e(3, "name", "\xc0\xee\xc4\xc8", enc, csvtable.DetailNotUTF8), e(3, "category", "\xd4\xda\xd6\xb0", enc, csvtable.DetailNotUTF8)}},
		{name: "empty category", rows: []string{"id", "x", "base", "1"},
			want: []wantRowError{e(3, "category", "", rv, "invalid value: empty")}},
		{name: "unknown category", rows: []string{"id", "x", "category", "cadre", "base", "1"},
			want: []wantRowError{e(3, "category", "cadre", rv,
				"invalid value: unknown category: want employed, retired, farmer, student, unemployed, low_income, self_employed, annual_salary or the Chinese label")}},
		{name: "grouping commas", rows: []string{"id", "x", "category", "employed", "base", "3,000.00"},
			want: []wantRowError{e(3, "base", "3,000.00", rv, "invalid value: grouping commas are not accepted: write 3000.00, not 3,000.00")}},
		{name: "finer than a fen", rows: []string{"id", "x", "category", "employed", "base", "3000.001"},
			want: []wantRowError{e(3, "base", "3000.001", sub, "invalid value: finer than a fen")}},
		{name: "out of range", rows: []string{"id", "x", "category", "employed", "base", "99999999999999999999"},
			want: []wantRowError{e(3, "base", "99999999999999999999", over, "invalid value: amount out of range")}},
		{name: "negative base", rows: []string{"id", "x", "category", "employed", "base", "-1"},
			want: []wantRowError{e(3, "base", "-1", rv, "invalid value: must not be negative")}},
		{name: "exponent", rows: []string{"id", "x", "category", "employed", "base", "1e3"},
			want: []wantRowError{e(3, "base", "1e3", rv, moneySyntax)}},
		{name: "currency sign", rows: []string{"id", "x", "category", "employed", "base", "¥3000"},
			want: []wantRowError{e(3, "base", "¥3000", rv, moneySyntax)}},
		{name: "yuan suffix", rows: []string{"id", "x", "category", "employed", "base", "3000元"},
			want: []wantRowError{e(3, "base", "3000元", rv, moneySyntax)}},
		{name: "inner space", rows: []string{"id", "x", "category", "employed", "base", "3 000"},
			want: []wantRowError{e(3, "base", "3 000", rv, moneySyntax)}},
		{name: "months separated by commas", rows: []string{"id", "x", "category", "self_employed", "months", "4200,3900"},
			want: []wantRowError{e(3, "months", "4200,3900", rv, "invalid value: separate the months with | or ;, not commas")}},
		{name: "empty month", rows: []string{"id", "x", "category", "self_employed", "months", "4200||3900"},
			want: []wantRowError{e(3, "months", "4200||3900", rv, "invalid value: month 2 of 3 is empty")}},
		{name: "bad month", rows: []string{"id", "x", "category", "self_employed", "months", "4200|abc|-1"},
			want: []wantRowError{
				e(3, "months", "abc", rv, "invalid value: month 2 of 3: "+moneySyntax[len("invalid value: "):]),
				e(3, "months", "-1", rv, "must not be negative: month 3 of 3"),
			}},
		{name: "13 months", rows: []string{"id", "x", "category", "self_employed", "months", strings.Repeat("1|", 12) + "1"},
			want: []wantRowError{e(3, "months", strings.Repeat("1|", 12)+"1", rv, "invalid value: at most 12 months")}},
		{name: "unknown employer", rows: []string{"id", "x", "category", "employed", "employer", "bank", "post_wage", "1"},
			want: []wantRowError{e(3, "employer", "bank", rv,
				"invalid value: unknown employer: want organ, organ_worker, public_institution, enterprise, pensioner or the Chinese label")}},
		{name: "payslip without employer", rows: []string{"id", "x", "category", "employed", "post_wage", "3000"},
			want: []wantRowError{e(3, "employer", "", rv, "invalid value: the payslip columns of this row need an employer")}},
		{name: "retired with a wage slip", rows: []string{"id", "x", "category", "retired", "employer", "enterprise", "post_wage", "3000"},
			want: []wantRowError{e(3, "employer", "enterprise", rv, "invalid value: a retired member's payslip is a pension slip: the employer must be pensioner (离退休)")}},
		{name: "pension slip of an employed member", rows: []string{"id", "x", "category", "employed", "employer", "离退休"},
			want: []wantRowError{e(3, "employer", "离退休", rv, "invalid value: a pension slip (employer pensioner) is for retired members")}},
		{name: "bad item and deduction", rows: []string{"id", "x", "category", "employed", "employer", "enterprise", "post_wage", "abc", "income_tax", "-5"},
			want: []wantRowError{
				e(3, "post_wage", "abc", rv, moneySyntax),
				e(3, "income_tax", "-5", rv, "invalid value: must not be negative"),
			}},
		{name: "no base", rows: []string{"id", "x", "category", "employed"},
			want: []wantRowError{e(3, "base", "", rv, noBase)}},
		{name: "base and months", rows: []string{"id", "x", "category", "self_employed", "base", "1", "months", "1|2"},
			want: []wantRowError{e(3, "months", "1|2", rv, several)}},
		{name: "base and payslip", rows: []string{"id", "x", "category", "employed", "base", "1", "income_tax", "2", "employer", "organ"},
			want: []wantRowError{e(3, "employer", "organ", rv, several)}},
		{name: "flat category with a base", rows: []string{"id", "x", "category", "student", "base", "1000"},
			want: []wantRowError{e(3, "base", "1000", rv, "invalid value: the member's category pays a flat amount and takes no base, months or payslip")}},
		{name: "flat category with a payslip", rows: []string{"id", "x", "category", "farmer", "employer", "enterprise", "post_wage", "3000"},
			want: []wantRowError{e(3, "employer", "enterprise", rv, "invalid value: the member's category pays a flat amount and takes no base, months or payslip")}},
		{name: "flat amount of a rate category", rows: []string{"id", "x", "category", "employed", "base", "1", "flat_amount", "0.5"},
			want: []wantRowError{e(3, "flat_amount", "0.5", rv, "invalid value: only flat categories (farmer, student, unemployed, low_income) take a flat amount")}},
		{name: "bad flat amount", rows: []string{"id", "x", "category", "farmer", "flat_amount", "0.5元"},
			want: []wantRowError{e(3, "flat_amount", "0.5元", rv, moneySyntax)}},
		{name: "date format", rows: []string{"id", "x", "category", "employed", "base", "1", "probationary_since", "2024/07/01"},
			want: []wantRowError{e(3, "probationary_since", "2024/07/01", rv, "invalid value: want a YYYY-MM-DD date")}},
		{name: "not a calendar date", rows: []string{"id", "x", "category", "employed", "base", "1", "probationary_since", "2024-02-30"},
			want: []wantRowError{e(3, "probationary_since", "2024-02-30", rv, "invalid value: not a calendar date")}},
		{name: "negative voluntary", rows: []string{"id", "x", "category", "employed", "base", "1", "voluntary", "-100"},
			want: []wantRowError{e(3, "voluntary", "-100", rv, "invalid value: must not be negative")}},
		{name: "reduction without approval", rows: []string{"id", "x", "category", "retired", "base", "1", "reduction", "0"},
			want: []wantRowError{e(3, "reduction_by", "", rv, approval), e(3, "reduction_on", "", rv, approval)}},
		{name: "approval without reduction", rows: []string{"id", "x", "category", "retired", "base", "1", "reduction_by", "党委", "reduction_ref", "3号"},
			want: []wantRowError{
				e(3, "reduction_by", "党委", rv, "invalid value: given without a reduction amount"),
				e(3, "reduction_ref", "3号", rv, "invalid value: given without a reduction amount"),
			}},
		{name: "bad reduction", rows: []string{"id", "x", "category", "retired", "base", "1", "reduction", "-1", "reduction_by", "党委", "reduction_on", "2024-13-01"},
			want: []wantRowError{
				e(3, "reduction", "-1", rv, "invalid value: must not be negative"),
				e(3, "reduction_on", "2024-13-01", rv, "invalid value: not a calendar date"),
			}},
		{name: "too few fields", raw: "x,,employed,1\n",
			want: []wantRowError{e(3, "", "", rv, "invalid value: 4 fields, the header has 15")}},
		{name: "too many fields", raw: "x,,employed,1" + strings.Repeat(",", 14) + "\n",
			want: []wantRowError{e(3, "", "", rv, "invalid value: 18 fields, the header has 15")}},
		{name: "several problems in column order", rows: []string{"category", "nope", "base", "1,0", "voluntary", "x"},
			want: []wantRowError{
				e(3, "id", "", rv, "invalid value: empty"),
				e(3, "category", "nope", rv,
					"invalid value: unknown category: want employed, retired, farmer, student, unemployed, low_income, self_employed, annual_salary or the Chinese label"),
				e(3, "base", "1,0", rv, "invalid value: grouping commas are not accepted: write 3000.00, not 3,000.00"),
				e(3, "voluntary", "x", rv, moneySyntax),
			}},
		{name: "line numbers after a cell with line breaks",
			raw:  row("id", "q", "name", "第一行\n第二行\n第三行", "category", "employed", "base", "1") + row("id", "r", "category", "employed", "base", "-1"),
			want: []wantRowError{e(6, "base", "-1", rv, "invalid value: must not be negative")},
			good: []string{"G1", "q", "G2"}},
		{name: "repeated ids: every occurrence is bad",
			rows: []string{"id", "D", "category", "employed", "base", "1", "|", "id", "E", "category", "employed", "base", "1", "|",
				"id", "D", "category", "student", "|", "id", "D", "category", "bad"},
			want: []wantRowError{
				e(3, "id", "D", dup, "duplicate member id: repeated on line 5"),
				e(5, "id", "D", dup, "duplicate member id: first on line 3"),
				e(6, "id", "D", dup, "duplicate member id: first on line 3"),
				e(6, "category", "bad", rv,
					"invalid value: unknown category: want employed, retired, farmer, student, unemployed, low_income, self_employed, annual_salary or the Chinese label"),
			},
			good: []string{"G1", "E", "G2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := tt.raw
			if body == "" {
				// Rows are separated by a "|" key.
				var kv []string
				for _, s := range append(tt.rows, "|") {
					if s == "|" && len(kv)%2 == 0 {
						body += row(kv...)
						kv = kv[:0]
						continue
					}
					kv = append(kv, s)
				}
			}
			// A good row before (line 2) and after: bad rows do not stop
			// the reader.
			in := errHead + row("id", "G1", "category", "employed", "base", "1000") + body +
				row("id", "G2", "category", "employed", "base", "1000")
			rows, err := dues.ReadRoster(strings.NewReader(in))
			checkRosterError(t, err, tt.want)
			var ids []string
			for _, r := range rows {
				ids = append(ids, r.Member.ID)
			}
			want := []string{"G1", "G2"}
			if tt.good != nil {
				want = tt.good
			}
			assert.Equal(t, want, ids, "the good rows come back")
		})
	}
}

func TestReadRosterHeaderErrors(t *testing.T) {
	hdr := funding.ErrRosterHeader
	tests := []struct {
		name string
		in   string
		want []wantRowError
	}{
		{"empty input", "", []wantRowError{{1, "", "", hdr, "line 1: invalid header: no header row"}}},
		{"only a byte order mark", "\uFEFF", []wantRowError{{1, "", "", hdr, "line 1: invalid header: no header row"}}},
		{"unknown column", "id,name,category,base,salary\n", []wantRowError{
			{1, "salary", "salary", hdr, `line 1, column 5: salary: invalid header: unknown column ("salary")`}}},
		{"empty column name", "id,name,,category,base\n", []wantRowError{
			{1, "", "", hdr, "line 1, column 3: invalid header: empty column name"}}},
		{"column name not UTF-8", "id,name,category,\xbb\xf9\xca\xfd\n", []wantRowError{
			{1, "", "\xbb\xf9\xca\xfd", dangjian.ErrEncoding, "line 1, column 4: invalid header: column name is not UTF-8: save the file as UTF-8, not GBK"}}},
		{"repeated column", "id,name,category,base,ID\n", []wantRowError{
			{1, "ID", "ID", hdr, `ID: invalid header: column "ID" repeats column "id"`}}},
		{"repeated column in two languages", "编号,姓名,类别,base,计算基数\n", []wantRowError{
			{1, "计算基数", "计算基数", hdr, `计算基数: invalid header: column "计算基数" repeats column "base"`}}},
		{"repeated deduction by alias", "id,name,category,employer,个人所得税,个税\n", []wantRowError{
			{1, "个税", "个税", hdr, `个税: invalid header: column "个税" repeats column "个人所得税"`}}},
		{"repeated item column", "id,name,category,employer,post_wage,POST_WAGE\n", []wantRowError{
			{1, "POST_WAGE", "POST_WAGE", hdr, `POST_WAGE: invalid header: column "POST_WAGE" repeats column "post_wage"`}}},
		{"missing required columns", "base\n", []wantRowError{
			{1, "id", "", hdr, `id: invalid header: missing required column`},
			{1, "name", "", hdr, `name: invalid header: missing required column`},
			{1, "category", "", hdr, `category: invalid header: missing required column`}}},
		{"no base source", "id,name,category,voluntary\n", []wantRowError{
			{1, "base", "", hdr, `base: invalid header: missing required column: give a base, months or payslip columns`}}},
		{"payslip columns without employer", "id,name,category,post_wage,income_tax\n", []wantRowError{
			{1, "employer", "", hdr, `employer: invalid header: missing required column: the payslip columns need it`}}},
		{"reduction without approval columns", "id,name,category,base,reduction\n", []wantRowError{
			{1, "reduction_by", "", hdr, `reduction_by: invalid header: missing required column: the reduction column needs it`},
			{1, "reduction_on", "", hdr, `reduction_on: invalid header: missing required column: the reduction column needs it`}}},
		{"approval columns without reduction", "id,name,category,base,减免批准文号\n", []wantRowError{
			{1, "reduction", "", hdr, `reduction: invalid header: missing required column: column "减免批准文号" needs it`}}},
		{"header after blank lines", "\n\nid,name,category,base,nope\n", []wantRowError{
			{3, "nope", "nope", hdr, `nope: invalid header: unknown column`}}},
		// Every header problem is reported, the missing required columns
		// too; the columns needed only with another (base, employer, the
		// reduction's) are checked once every name is read, since an
		// unknown name may be one of them misspelt.
		{"unknown columns come with the missing required ones", "name,salary,wage\nx,1,2\n", []wantRowError{
			{1, "salary", "salary", hdr, `salary: invalid header: unknown column`},
			{1, "wage", "wage", hdr, `wage: invalid header: unknown column`},
			{1, "id", "", hdr, `id: invalid header: missing required column`},
			{1, "category", "", hdr, `category: invalid header: missing required column`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.in
			if strings.Trim(in, "\uFEFF") != "" {
				in += "x,y,employed,1\n" // a row after a bad header is not read
			}
			rows, err := dues.ReadRoster(strings.NewReader(in))
			assert.Nil(t, rows, "no rows on a header problem")
			checkRosterError(t, err, tt.want)
		})
	}
}

func TestReadRosterNotCSV(t *testing.T) {
	tests := []struct{ name, in string }{
		{"bare quote in the header", "id,na\"me,category,base\n"},
		{"quote out of place in a row", "id,name,category,base\nx,\"a\"b,employed,1\n"},
		{"unterminated quote", "id,name,category,base\nx,\"abc,employed,1\n"},
		{"json", `[{"id": "x"}]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := dues.ReadRoster(strings.NewReader(tt.in))
			require.Error(t, err)
			assert.Nil(t, rows)
			var pe *csv.ParseError
			assert.True(t, errors.As(err, &pe), "%v", err)
			assert.ErrorIs(t, err, dangjian.ErrSyntax)
			p := dangjian.ProblemsOf(err)[0]
			assert.Equal(t, pe.Line, p.Line)
			assert.Zero(t, p.Column, "a byte offset is no field position")
			assert.Contains(t, p.Detail, fmt.Sprintf("(byte %d of the line)", pe.Column))
			assert.NotContains(t, err.Error(), "funding")
		})
	}
}

func TestReadRosterReadError(t *testing.T) {
	boom := errors.New("boom")
	r := iotest.DataErrReader(strings.NewReader("id,name,category,base\nx,,employed,1\n"))
	rows, err := dues.ReadRoster(iotest.OneByteReader(r))
	require.NoError(t, err)
	require.Len(t, rows, 1)

	rows, err = dues.ReadRoster(iotest.ErrReader(boom))
	assert.Nil(t, rows)
	assert.ErrorIs(t, err, boom)

	rows, err = dues.ReadRoster(&errAfter{s: "id,name,category,base\nx,,employed,1\n", err: boom})
	assert.Nil(t, rows, "no rows after a read error")
	assert.ErrorIs(t, err, boom)
}

// errAfter reads s, then fails with err.
type errAfter struct {
	s   string
	err error
}

func (r *errAfter) Read(p []byte) (int, error) {
	if r.s == "" {
		return 0, r.err
	}
	n := copy(p, r.s)
	r.s = r.s[n:]
	return n, nil
}

func TestRosterErrorMessage(t *testing.T) {
	in := errHead + row("id", "a", "category", "employed", "base", "x") + row("id", "b", "category", "employed", "base", "-1") +
		row("id", "c", "category", "employed", "base", "1")
	rows, err := dues.ReadRoster(strings.NewReader(in))
	require.Len(t, rows, 1)
	assert.Equal(t, `line 2, column 4: base (id "a"): invalid value: want an amount in yuan such as 6234.50: digits with at most two decimal places ("x") (and 1 more problems)`, err.Error())
	ps := dangjian.ProblemsOf(err)
	require.Len(t, ps, 2)
	assert.Equal(t, `line 3, column 4: base (id "b"): must not be negative ("-1")`, ps[1].Error())
	assert.ErrorIs(t, ps[1], dangjian.ErrNegative)
	assert.ErrorIs(t, ps[1], dangjian.ErrInvalid)
	var one *dangjian.Problem
	require.ErrorAs(t, err, &one)
	assert.Equal(t, 2, one.Line)

	// The problems encode to JSON with the member's ID, line, column and
	// the column's name.
	b, jerr := json.Marshal(ps)
	require.NoError(t, jerr)
	assert.JSONEq(t, `[{"code":"invalid","path":"base","id":"a","line":2,"column":4,"value":"x","message":"invalid value: want an amount in yuan such as 6234.50: digits with at most two decimal places","detail":"want an amount in yuan such as 6234.50: digits with at most two decimal places"},
		{"code":"negative","path":"base","id":"b","line":3,"column":4,"value":"-1","message":"must not be negative"}]`, string(b))
}

// TestReadRosterRoundTrip writes random members as a roster (English or
// Chinese headers, columns in random order) and reads them back.
func TestReadRosterRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(2024, 6))
	for n := 0; n < 200; n++ {
		lang := funding.Lang(n % 2)
		members := make([]dues.Member, 1+rng.IntN(8))
		for i := range members {
			members[i] = randomMember(rng, fmt.Sprintf("M%03d", i), lang)
		}
		in := writeRoster(t, rng, members, lang)
		rows, err := dues.ReadRoster(strings.NewReader(in))
		require.NoError(t, err, in)
		require.Len(t, rows, len(members))
		line := 2
		for i, r := range rows {
			// Items come in header order, which is shuffled; the generator
			// gives at most one item of each kind.
			if ps := r.Member.Payslip; ps != nil {
				slices.SortFunc(ps.Items, func(a, b dues.PayItem) int { return int(a.Kind) - int(b.Kind) })
			}
			assert.Equal(t, members[i], r.Member, "round %d member %d\n%s", n, i, in)
			assert.Equal(t, line, r.Line)
			line += 1 + strings.Count(members[i].Name, "\n")
		}
		if t.Failed() {
			return
		}
	}
}

// rosterColumns are the columns writeRoster writes, by language.
var rosterColumns = map[funding.Lang][]string{
	funding.English: {"id", "name", "category", "base", "months", "employer", "income_tax", "pension", "medical", "unemployment", "housing_fund", "annuity",
		"probationary_since", "flat_amount", "voluntary", "reduction", "reduction_by", "reduction_on", "reduction_ref"},
	funding.Chinese: {"编号", "姓名", "党员类别", "计算基数", "各月收入", "单位类型", "个人所得税", "养老保险", "医疗保险", "失业保险", "住房公积金", "年金",
		"预备党员日期", "定额", "自愿多交", "减免后党费", "减免批准单位", "减免批准日期", "减免批准文号"},
}

func itemHeader(k dues.ItemKind, lang funding.Lang) string {
	if lang == funding.Chinese {
		return k.Label()
	}
	return k.String()
}

// randomMember returns a member that ReadRoster accepts.
func randomMember(rng *rand.Rand, id string, lang funding.Lang) dues.Member {
	money := func() funding.Money { return funding.Fen(rng.Int64N(2_000_000)) }
	cats := dues.Categories()
	m := dues.Member{ID: id, Name: []string{"", "张伟", "Li, \"Na\"", "王\n芳"}[rng.IntN(4)], Category: cats[rng.IntN(len(cats))]}
	if m.Category.IsFlat() {
		if rng.IntN(2) == 0 {
			m.FlatAmount = funding.Fen(20 + rng.Int64N(81))
		}
	} else {
		switch rng.IntN(3) {
		case 0:
			m.Base = money()
		case 1:
			m.Months = make([]funding.Money, 1+rng.IntN(12))
			for i := range m.Months {
				m.Months[i] = money()
			}
		case 2:
			ps := &dues.Payslip{Employer: dues.Employer(1 + rng.IntN(4))}
			if m.Category == dues.Retired {
				ps.Employer = dues.Pensioner
			}
			for k := dues.ItemKind(1); k.IsValid(); k++ {
				if rng.IntN(4) == 0 {
					ps.Items = append(ps.Items, dues.PayItem{Kind: k, Amount: money(), Name: itemHeader(k, lang)})
				}
			}
			for _, f := range []*funding.Money{&ps.IncomeTax, &ps.Pension, &ps.Medical, &ps.Unemployment, &ps.HousingFund, &ps.Annuity} {
				if rng.IntN(2) == 0 {
					*f = money()
				}
			}
			m.Payslip = ps
		}
	}
	if rng.IntN(3) == 0 {
		m.ProbationarySince = dangjian.NewDate(2008+rng.IntN(20), time.Month(1+rng.IntN(12)), 1+rng.IntN(28))
	}
	if rng.IntN(3) == 0 {
		m.Voluntary = money()
	}
	if rng.IntN(4) == 0 {
		m.Reduction = &dues.Reduction{Amount: funding.Fen(rng.Int64N(1000)), ApprovedBy: "某党委", On: dangjian.NewDate(2024, 3, 1+rng.IntN(28))}
		if rng.IntN(2) == 0 {
			m.Reduction.Ref = "〔2024〕7号"
		}
	}
	return m
}

// writeRoster renders members as a roster with every column, in a random
// order; a test-only writer for round trips.
func writeRoster(t *testing.T, rng *rand.Rand, members []dues.Member, lang funding.Lang) string {
	t.Helper()
	cols := append([]string(nil), rosterColumns[lang]...)
	for k := dues.ItemKind(1); k.IsValid(); k++ {
		cols = append(cols, itemHeader(k, lang))
	}
	rng.Shuffle(len(cols), func(i, j int) { cols[i], cols[j] = cols[j], cols[i] })
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	require.NoError(t, w.Write(cols))
	en := rosterColumns[funding.English]
	for _, m := range members {
		cells := map[string]string{"id": m.ID, "name": m.Name}
		cells["category"] = m.Category.String()
		if lang == funding.Chinese {
			cells["category"] = m.Category.Label()
		}
		if !m.Base.IsZero() || (m.Payslip == nil && len(m.Months) == 0 && !m.Category.IsFlat()) {
			cells["base"] = m.Base.String()
		}
		var months []string
		for _, x := range m.Months {
			months = append(months, x.String())
		}
		cells["months"] = strings.Join(months, []string{"|", ";", " | "}[rng.IntN(3)])
		if ps := m.Payslip; ps != nil {
			cells["employer"] = ps.Employer.String()
			if lang == funding.Chinese {
				cells["employer"] = ps.Employer.Label()
			}
			for _, it := range ps.Items {
				cells[it.Name] = it.Amount.String()
			}
			for name, v := range map[string]funding.Money{"income_tax": ps.IncomeTax, "pension": ps.Pension, "medical": ps.Medical,
				"unemployment": ps.Unemployment, "housing_fund": ps.HousingFund, "annuity": ps.Annuity} {
				if !v.IsZero() {
					cells[name] = v.String()
				}
			}
		}
		cells["probationary_since"] = m.ProbationarySince.String()
		if !m.FlatAmount.IsZero() {
			cells["flat_amount"] = m.FlatAmount.String()
		}
		if !m.Voluntary.IsZero() {
			cells["voluntary"] = m.Voluntary.String()
		}
		if r := m.Reduction; r != nil {
			cells["reduction"], cells["reduction_by"], cells["reduction_on"], cells["reduction_ref"] = r.Amount.String(), r.ApprovedBy, r.On.String(), r.Ref
		}
		rec := make([]string, len(cols))
		for i, c := range cols {
			key := c
			for j, zh := range rosterColumns[funding.Chinese] {
				if c == zh {
					key = en[j]
				}
			}
			rec[i] = cells[key]
		}
		require.NoError(t, w.Write(rec))
	}
	w.Flush()
	return b.String()
}

// ReadRoster keeps no state: concurrent calls are safe (run with -race).
func TestReadRosterConcurrent(t *testing.T) {
	in, err := os.ReadFile("testdata/roster/vectors.csv")
	require.NoError(t, err)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rows, err := dues.ReadRoster(bytes.NewReader(in))
			assert.NoError(t, err)
			assert.Len(t, rows, 31)
		}()
	}
	wg.Wait()
}

// TestReadRosterWidthNamesMember checks that a row of the wrong width is
// one problem for the whole row, naming the member when its id cell is
// readable, and that the rows around it are read.
func TestReadRosterWidthNamesMember(t *testing.T) {
	in := "id,name,category,base\nA1,,employed,1\nA2,,employed\n,,employed,1,2\nA3,,employed,1\n"
	rows, err := dues.ReadRoster(strings.NewReader(in))
	require.Len(t, rows, 2)
	ps := dangjian.ProblemsOf(err)
	require.Len(t, ps, 2)
	assert.Equal(t, `line 3 (id "A2"): invalid value: 3 fields, the header has 4`, ps[0].Error())
	assert.Equal(t, `line 4: invalid value: 5 fields, the header has 4`, ps[1].Error())
	assert.Equal(t, "A1", rows[0].Member.ID)
	assert.Equal(t, "A3", rows[1].Member.ID)
}
