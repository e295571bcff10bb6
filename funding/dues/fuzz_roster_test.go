package dues_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/dues"
	"github.com/stretchr/testify/require"
)

// FuzzReadRoster checks that ReadRoster never panics and that its errors
// have their documented shape, and that every row it accepts computes
// with Monthly under both rule sets without panicking. A row ReadRoster
// accepts passes every check that does not depend on the rules, so
// Monthly may refuse it only for a rule-dependent reason: a flat amount
// outside the rules' range, months averaged where the rules set the base
// month by month, or an amount out of range.
func FuzzReadRoster(f *testing.F) {
	files, err := filepath.Glob("testdata/roster/*.csv")
	require.NoError(f, err)
	require.NotEmpty(f, files)
	for _, name := range files {
		b, err := os.ReadFile(name)
		require.NoError(f, err)
		f.Add(b)
	}
	for _, s := range []string{
		"",
		"\uFEFF",
		"\uFEFFid,name,category,base\r\nx,,employed,3000\r\n",
		rosterEnglish,
		errHead + row("id", "a", "category", "employed", "base", "3,000.00") + row("id", "a", "category", "farmer", "flat_amount", "0.5"),
		"编号,姓名,类别,单位类型,岗位工资,住房补贴,交通补贴,个税,各月收入\n1,甲,在职,企业,3000,1,2,3,\n2,乙,个体,,,,,,1|2;3\n",
		"id,name,category,base,voluntary\nx,,annual_salary,92233720368547758.07,92233720368547758.07\n",
		"id,name,category,months\nx,,self_employed,92233720368547758.07|92233720368547758.07\n",
		"id,name,category,employer,basic_pension,pension_allowance\nx,,retired,离退休,92233720368547758.07,1\n",
		"id,name,category,base,reduction,reduction_by,reduction_on,reduction_ref\nx,,retired,1,0,a,2024-01-01,\n",
		"id,name,category,base,probationary_since\nx,,employed,1,9999-12-31\nx2,,employed,1,0001-01-01\n",
		"id,name,category,base\n\"a\nb\",\"c\r\nd\",employed,1\n",
		"id,id\n",
		"a,\"b\nc",
		"\"",
	} {
		f.Add([]byte(s))
	}
	months := []struct {
		rules dues.Rules
		month dangjian.Date
	}{
		{dues.Rules2017(), dangjian.MustParseDate("2024-06-01")},
		{dues.Rules2008(), dangjian.MustParseDate("2016-06-01")},
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, err := dues.ReadRoster(bytes.NewReader(data))
		if err != nil {
			checkRosterErrorShape(t, err, rows)
		}
		line := 0
		for _, r := range rows {
			require.Greater(t, r.Line, line, "rows in file order")
			line = r.Line
			require.NotEmpty(t, r.Member.ID)
			for _, mo := range months {
				d, err := mo.rules.Monthly(r.Member, mo.month)
				if err != nil {
					ruleDependent := errors.Is(err, funding.ErrOverflow) ||
						(errors.Is(err, dues.ErrBadMember) && (!r.Member.FlatAmount.IsZero() || len(r.Member.Months) > 0))
					require.True(t, ruleDependent, "line %d: %v", r.Line, err)
					continue
				}
				require.Equal(t, r.Member.ID, d.Member)
				require.Equal(t, d.Amount.Fen()+d.Voluntary.Fen(), d.Total.Fen())
				var buf bytes.Buffer
				require.NoError(t, dues.WriteLedger(&buf, []dues.LedgerRow{{Name: r.Member.Name, Dues: d}}, funding.Chinese))
				_, err = dues.Summarize([]dues.Result{d})
				require.NoError(t, err)
			}
		}
	})
}

// checkRosterErrorShape checks the shape of an error of ReadRoster: a
// header problem or a file that is not CSV returns no rows; row problems
// are listed in line order, each with a line, wrapping a sentinel.
func checkRosterErrorShape(t *testing.T, err error, rows []dues.RosterRow) {
	t.Helper()
	var ps dangjian.Problems
	require.True(t, errors.As(err, &ps), "want dangjian.Problems: %v", err)
	require.NotEmpty(t, ps)
	if pe := (*csv.ParseError)(nil); errors.As(err, &pe) {
		require.Nil(t, rows, "rows with a file that is not CSV")
		require.Len(t, ps, 1)
		require.ErrorIs(t, err, dangjian.ErrSyntax)
		require.Equal(t, pe.Line, ps[0].Line)
		return
	}
	if errors.Is(err, dangjian.ErrHeader) {
		require.Nil(t, rows, "rows despite a header problem")
	}
	line := 0
	for _, e := range ps {
		require.GreaterOrEqual(t, e.Line, line, "problems in line order")
		line = e.Line
		require.NotContains(t, e.Error(), "funding:", "no package prefix")
		require.True(t, errors.Is(e, dangjian.ErrHeader) || errors.Is(e, dangjian.ErrInvalid) || errors.Is(e, dangjian.ErrDuplicate) ||
			errors.Is(e, dangjian.ErrInconsistent) || errors.Is(e, dangjian.ErrLimit) || errors.Is(e, dangjian.ErrSyntax), "%v", e)
		if e.Column > 0 {
			// A header name that is empty or not UTF-8 has no name to
			// give: the cell itself is the problem.
			unnamed := errors.Is(e, dangjian.ErrHeader) && (e.Value == "" || !utf8.ValidString(e.Value))
			require.True(t, e.Path != "" || unnamed, "a cell's problem names its column: %v", e)
		}
	}
	for _, r := range rows {
		for _, e := range ps {
			require.NotEqual(t, r.Line, e.Line, "a good row on the line of a problem: %v", e)
		}
	}
}
