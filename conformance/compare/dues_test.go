package compare_test

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/conformance/compare"
	"github.com/dangjian-go/dangjian/funding/dues"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runCompare compares roster and got as kind on date and returns the
// differences and the report.
func runCompare(t *testing.T, kind compare.Kind, date, input, got string) ([]compare.Difference, compare.Report, error) {
	t.Helper()
	var diffs []compare.Difference
	opts := compare.Options{}
	if date != "" {
		opts.Date = dangjian.MustParseDate(date)
	}
	rep, err := compare.Compare(compare.Input{Kind: kind, Name: "in.csv", GotName: "got.csv",
		Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(input)), nil },
		Got:  strings.NewReader(got)}, opts,
		func(d compare.Difference) error { diffs = append(diffs, d); return nil })
	return diffs, rep, err
}

// Each cause of a dues difference, on one member.
func TestDuesCauses(t *testing.T) {
	const payslip = "id,name,category,employer,岗位工资,薪级工资,养老保险,个人所得税\n"
	tests := []struct {
		name     string
		roster   string
		got      string
		library  string
		causes   []compare.Cause
		detail   string
		rulesHas string
	}{
		{"BigDecimal(double) and Math.round", "id,name,category,base\n1,a,employed,1003\n", "id,dues\n1,5.01\n", "5.02",
			[]compare.Cause{compare.FloatBigDecimal, compare.FloatMathRound, compare.Truncated}, "", "DUES-WAGE-1"},
		{"BigDecimal(double), not Math.round", "id,name,category,base\n1,a,employed,1009\n", "id,dues\n1,5.04\n", "5.05",
			[]compare.Cause{compare.FloatBigDecimal, compare.Truncated, compare.HalfEven}, "", "DUES-WAGE-1"},
		{"round up to the 角", "id,name,category,base\n1,a,employed,4525\n", "id,dues\n1,45.30\n", "45.25",
			[]compare.Cause{compare.FloatCeilJiao, compare.RoundUpJiao}, "", "DUES-WAGE-2"},
		{"half-even", "id,name,category,base\n1,a,employed,4522.50\n", "id,dues\n1,45.22\n", "45.23",
			[]compare.Cause{compare.Truncated, compare.HalfEven}, "", "DUES-ROUND"},
		{"bound read as 以上", "id,name,category,base\n1,a,employed,5000\n", "id,dues\n1,75.00\n", "50.00",
			[]compare.Cause{compare.BracketEdge}, "its bracket's upper bound", "DUES-WAGE-2"},
		{"just above the bound", "id,name,category,base\n1,a,employed,5000.50\n", "id,dues\n1,50.01\n", "75.01",
			[]compare.Cause{compare.BracketEdge}, "within one 元 above 5000.00", "DUES-WAGE-3"},
		{"wrong bracket", "id,name,category,base\n1,a,employed,8000\n", "id,dues\n1,40.00\n", "120.00",
			[]compare.Cause{compare.WrongBracket}, "rate 0.005 of DUES-WAGE-1", "DUES-WAGE-3"},
		{"2008 table: no cap", "id,name,category,base\n1,a,annual_salary,60000\n", "id,dues\n1,1200.00\n", "1000.00",
			[]compare.Cause{compare.Rules2008}, "the 2008 rules give 1200.00", "DUES-CAP-1000"},
		{"gross base", payslip + "1,a,employed,企业,5200,1000,400,100\n", "id,dues\n1,93.00\n", "47.00",
			[]compare.Cause{compare.GrossBase}, "gross pay 6200.00 instead of the base 4700.00", "DUES-BASE-2017-ENTERPRISE"},
		{"no cause", "id,name,category,base\n1,a,employed,4800\n", "id,dues\n1,47.00\n", "48.00", nil, "", "DUES-WAGE-2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			diffs, rep, err := runCompare(t, compare.Dues, "2024-06-01", tt.roster, tt.got)
			require.NoError(t, err)
			require.Empty(t, rep.Problems)
			require.Len(t, diffs, 1)
			d := diffs[0]
			assert.Equal(t, compare.Differs, d.Status)
			assert.Equal(t, "1", d.ID)
			assert.Equal(t, 2, d.Line)
			assert.Equal(t, 2, d.InputLine)
			assert.Equal(t, tt.library, d.Library)
			assert.Equal(t, tt.causes, d.Causes)
			assert.Contains(t, d.Detail, tt.detail)
			var ids []string
			for _, r := range d.Rules {
				ids = append(ids, r.ID)
				assert.NotEmpty(t, r.Source, r.ID)
			}
			assert.Contains(t, ids, tt.rulesHas)
			assert.Equal(t, 1, rep.Compared)
			assert.Equal(t, 1, rep.Differ)
		})
	}
}

// Rows one side lacks, repeated keys and unreadable cells.
func TestDuesRows(t *testing.T) {
	roster := "id,name,category,base\n1,a,employed,4800\n2,b,employed,5200\n3,c,employed,3000\n4,d,employed,2000\n4,e,employed,2500\n6,f,employed,x\n" +
		"7,g,employed,3000\n8,h,employed,3000\n7,i,employed,3000\n7,j,employed,3000\n"
	got := "编号,党费,备注\n1,48.00,\n3,15.00,\n3,15.00,again\n5,12.00,left\n2,abc,\n6,9.00,\n7,1.00,\n8,15.00,\n"
	diffs, rep, err := runCompare(t, compare.Dues, "2024-06-01", roster, got)
	require.NoError(t, err)
	type row struct {
		status          compare.Status
		id              string
		line, inputLine int
		lib, plat       string
	}
	var rows []row
	for _, d := range diffs {
		rows = append(rows, row{d.Status, d.ID, d.Line, d.InputLine, d.Library, d.Platform})
	}
	assert.Equal(t, []row{
		{compare.MissingFromInput, "5", 5, 0, "", "12.00"},
	}, rows)
	// 1 and 8 agree; 2 (bad cell) and 3 (repeated in GOT) are left out;
	// every row of 4 and of 7 (on two and three rows of INPUT) is left out,
	// as examples/dues leaves them out, with the roster reader's problems
	// on each row, and GOT's rows of them (7's differs) are neither
	// compared nor missing from INPUT; 6 cannot be read, and GOT's row of
	// it is neither compared nor missing from INPUT.
	assert.Equal(t, 3, rep.Compared)
	assert.Equal(t, 1, rep.Differ)
	var where []string
	for _, p := range rep.Problems {
		where = append(where, fmt.Sprintf("%s:%s:%d:%s", p.File, p.ID, p.Line, p.Kind.Code()))
	}
	assert.ElementsMatch(t, []string{"got.csv:3:4:duplicate", "got.csv:2:6:invalid", "in.csv:4:5:duplicate", "in.csv:4:6:duplicate",
		"in.csv:6:7:invalid", "in.csv:7:8:duplicate", "in.csv:7:10:duplicate", "in.csv:7:11:duplicate"}, where)
}

func TestCompareFatal(t *testing.T) {
	roster := "id,name,category,base\n1,a,employed,4800\n"
	tests := []struct {
		name       string
		kind       compare.Kind
		date       string
		in, got    string
		kindOf     *dangjian.Kind
		file, text string
	}{
		{"no kind", compare.KindUnknown, "2024-06-01", roster, "id,dues\n", dangjian.ErrInvalid, "", "kind"},
		{"no date", compare.Dues, "", roster, "id,dues\n", dangjian.ErrMissing, "", "date"},
		{"GOT header", compare.Dues, "2024-06-01", roster, "member,amount\n1,2\n", dangjian.ErrHeader, "got.csv", "missing required column"},
		{"GOT not CSV", compare.Dues, "2024-06-01", roster, "id,dues\n1,\"2\n", dangjian.ErrSyntax, "got.csv", ""},
		{"GOT empty", compare.Dues, "2024-06-01", roster, "", dangjian.ErrHeader, "got.csv", "no header"},
		{"INPUT header", compare.Dues, "2024-06-01", "id,base\n1,2\n", "id,dues\n", dangjian.ErrHeader, "in.csv", "missing required column"},
		{"out of the rules' period", compare.Dues, "1990-01-01", roster, "id,dues\n", dangjian.ErrNoRule, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := runCompare(t, tt.kind, tt.date, tt.in, tt.got)
			require.Error(t, err)
			if tt.kindOf != dangjian.ErrNoRule {
				assert.True(t, errors.Is(err, tt.kindOf), "%v", err)
			}
			assert.Contains(t, err.Error(), tt.file)
			assert.Contains(t, err.Error(), tt.text)
		})
	}
}

func TestLimits(t *testing.T) {
	roster := "id,name,category,base\n1,a,employed,4800\n2,a,employed,4800\n3,a,employed,4800\n"
	var diffs int
	_, err := compare.Compare(compare.Input{Kind: compare.Dues, Name: "in.csv", GotName: "got.csv",
		Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(roster)), nil },
		Got:  strings.NewReader("id,dues\n1,48.00\n")},
		compare.Options{Date: dangjian.MustParseDate("2024-06-01"), Limits: dangjian.Limits{MaxRecords: 2}},
		func(compare.Difference) error { diffs++; return nil })
	require.Error(t, err)
	assert.ErrorIs(t, err, dangjian.ErrLimit)
	assert.Contains(t, err.Error(), "in.csv")

	// Problems listed up to MaxProblems, then one counting the rest.
	got := "id,dues\n1,x\n2,y\n3,z\n"
	rep, err := compare.Compare(compare.Input{Kind: compare.Dues, Name: "in.csv", GotName: "got.csv",
		Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(roster)), nil },
		Got:  strings.NewReader(got)},
		compare.Options{Date: dangjian.MustParseDate("2024-06-01"), Limits: dangjian.Limits{MaxProblems: 1}},
		func(compare.Difference) error { return nil })
	require.NoError(t, err)
	require.Len(t, rep.Problems, 2)
	assert.Equal(t, dangjian.ErrLimit, rep.Problems[1].Kind)
	assert.Equal(t, "2", rep.Problems[1].Value)
}

// An error of each stops the comparison and is returned as it is.
func TestEachError(t *testing.T) {
	stop := errors.New("stop")
	_, err := compare.Compare(compare.Input{Kind: compare.Dues, Name: "in.csv", GotName: "got.csv",
		Open: func() (io.ReadCloser, error) {
			return io.NopCloser(strings.NewReader("id,name,category,base\n1,a,employed,4800\n")), nil
		},
		Got: strings.NewReader("id,dues\n1,1.00\n")},
		compare.Options{Date: dangjian.MustParseDate("2024-06-01")},
		func(compare.Difference) error { return stop })
	assert.ErrorIs(t, err, stop)
}

func TestEnums(t *testing.T) {
	for _, k := range compare.Kinds() {
		got, err := compare.ParseKind(k.Label())
		require.NoError(t, err)
		assert.Equal(t, k, got)
		got, err = compare.ParseKind(strings.ToUpper(k.String()))
		require.NoError(t, err)
		assert.Equal(t, k, got)
	}
	_, err := compare.ParseKind("salary")
	assert.ErrorIs(t, err, dangjian.ErrInvalid)
	for c := compare.FloatBigDecimal; c.IsValid(); c++ {
		assert.NotEmpty(t, c.Text(), c.String())
		assert.NotEmpty(t, c.Label(), c.String())
		got, err := compare.ParseCause(c.Label())
		require.NoError(t, err)
		assert.Equal(t, c, got)
		b, err := c.MarshalText()
		require.NoError(t, err)
		var back compare.Cause
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, c, back)
	}
	assert.Equal(t, "", compare.CauseUnknown.Text())
	for _, s := range []compare.Status{compare.Differs, compare.MissingFromGot, compare.MissingFromInput} {
		got, err := compare.ParseStatus(s.Label())
		require.NoError(t, err)
		assert.Equal(t, s, got)
	}
	for _, f := range []string{"text", "JSON", "csv", "文本"} {
		_, err := compare.ParseFormat(f)
		assert.NoError(t, err, f)
	}
	_, err = compare.ParseFormat("xml")
	assert.Error(t, err)
}

// The rules of a difference are those of the dues, not of a voluntary
// payment beside them.
func TestDuesRulesLeaveOutVoluntary(t *testing.T) {
	diffs, _, err := runCompare(t, compare.Dues, "2024-06-01", "id,name,category,base,voluntary\n1,a,employed,3000,1000\n", "id,dues\n1,30.00\n")
	require.NoError(t, err)
	require.Len(t, diffs, 1)
	var ids []string
	for _, r := range diffs[0].Rules {
		ids = append(ids, r.ID)
	}
	assert.Equal(t, []string{"DUES-WAGE-1", "DUES-ROUND"}, ids)
}

// A nil each gives the report alone.
func TestNilEach(t *testing.T) {
	rep, err := compare.Compare(compare.Input{Kind: compare.Dues, Name: "in.csv", GotName: "got.csv",
		Open: func() (io.ReadCloser, error) {
			return io.NopCloser(strings.NewReader("id,name,category,base\n1,a,employed,4800\n")), nil
		},
		Got: strings.NewReader("id,dues\n1,1.00\n")},
		compare.Options{Date: dangjian.MustParseDate("2024-06-01")}, nil)
	require.NoError(t, err)
	assert.Equal(t, "1 of 1 differ", rep.Summary())
}

// Options.DuesRules: the caller's rule set instead of the one in force on
// the date (a branch that applied the 2017 notice from July 2017 computes
// March 2017 under the 2008 rules: no cap); a set not in force for the
// month is refused before anything is read.
func TestDuesRulesOption(t *testing.T) {
	late := dues.Assumptions{From2017: dangjian.AssumedDate{ID: dues.AssumeFrom2017, Date: dangjian.MustParseDate("2017-07-01")}}
	r2008, r2017 := late.Rules2008(), dues.Rules2017()
	const roster = "id,name,category,base\n1,a,employed,60000\n2,b,employed,4000\n"
	const got = "id,dues\n1,1200.00\n2,40.00\n"
	tests := []struct {
		name    string
		date    string
		rules   *dues.Rules
		differ  int
		library string // of member 1, when it differs
		err     string
	}{
		{"in force on the date: 2017, capped", "2017-03-15", nil, 1, "1000.00", ""},
		{"the caller's 2008 rules, to 2017-06-30", "2017-03-15", &r2008, 0, "", ""},
		{"the 2017 rules named for a month they cover", "2024-06-01", &r2017, 1, "1000.00", ""},
		{"the caller's 2008 rules after their end", "2017-07-01", &r2008, 0, "", `rules: date outside the rules' period: the 2008 rules are in force for [2008-04-01, 2017-07-01), not for 2017-07 ("2008")`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var diffs []compare.Difference
			opened := 0
			rep, err := compare.Compare(compare.Input{Kind: compare.Dues, Name: "in.csv", GotName: "got.csv",
				Open: func() (io.ReadCloser, error) { opened++; return io.NopCloser(strings.NewReader(roster)), nil },
				Got:  strings.NewReader(got)}, compare.Options{Date: dangjian.MustParseDate(tt.date), DuesRules: tt.rules},
				func(d compare.Difference) error { diffs = append(diffs, d); return nil })
			if tt.err != "" {
				require.Error(t, err)
				assert.ErrorIs(t, err, dangjian.ErrOutOfPeriod)
				assert.Equal(t, tt.err, err.Error())
				assert.Zero(t, opened, "refused before INPUT is read")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, 2, opened, "read once for repeated IDs, once to compare")
			assert.Equal(t, 2, rep.Compared)
			require.Len(t, diffs, tt.differ)
			if tt.differ > 0 {
				assert.Equal(t, "1", diffs[0].ID)
				assert.Equal(t, tt.library, diffs[0].Library)
			}
		})
	}
}
