package dues_test

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/dues"
)

// mobileRoster is a branch's month: two members paying at home and one
// mobile member (M3) with a 流动党员活动证 paying at the inflow
// organization, with a lump sum.
const mobileRoster = `编号,姓名,类别,基数,自愿多交,流入地党组织
M1,甲,在职,2500.00,,
M2,乙,在职,5000.00,,
M3,丙,在职,6234.50,1000.00,某市某街道流动党员党支部
`

func TestMobileRoster(t *testing.T) {
	rows, err := dues.ReadRoster(strings.NewReader(mobileRoster))
	require.NoError(t, err)
	require.Len(t, rows, 3)
	assert.Empty(t, rows[0].Member.PayingOrg)
	assert.Equal(t, "某市某街道流动党员党支部", rows[2].Member.PayingOrg)

	// Every name of the column reads the same.
	for _, head := range []string{"paying_org", "PAYING_ORG", "inflow_org", "交纳党费组织", "流入地党组织"} {
		rows, err := dues.ReadRoster(strings.NewReader("id,name,category,base," + head + "\nA,,employed,3000,X支部\n"))
		require.NoError(t, err, head)
		assert.Equal(t, "X支部", rows[0].Member.PayingOrg, head)
	}

	// JSON: payingOrg.
	js, err := dues.DecodeRosterJSON(strings.NewReader(`[{"id":"M3","category":"employed","base":"6234.50","payingOrg":"某市某街道流动党员党支部"}]`))
	require.NoError(t, err)
	assert.Equal(t, "某市某街道流动党员党支部", js[0].Member.PayingOrg)
	_, err = dues.DecodeRosterJSON(strings.NewReader(`[{"id":"M3","category":"employed","base":"6234.50","payingOrg":7}]`))
	require.Error(t, err, "payingOrg is a string")
}

func TestMobileMonthly(t *testing.T) {
	month := dangjian.MustParseDate("2024-06-01")
	rs := dues.Rules2017()
	home := dues.Member{ID: "M3", Category: dues.Employed, Base: funding.MustParseMoney("6234.50")}
	away := home
	away.PayingOrg = "某流动党员党支部"

	want, err := rs.Monthly(home, month)
	require.NoError(t, err)
	got, err := rs.Monthly(away, month)
	require.NoError(t, err)
	assert.Equal(t, want.Amount, got.Amount, "the same rules, wherever the member pays")
	assert.Equal(t, "93.52", got.Amount.String())
	assert.Equal(t, "某流动党员党支部", got.PayingOrg)
	assert.Empty(t, want.PayingOrg)
	last := got.Steps[len(got.Steps)-1]
	assert.Equal(t, "DUES-MOBILE-INFLOW", last.Rule)
	assert.Equal(t, "paid at", last.What)
	assert.Contains(t, last.Value, "某流动党员党支部")

	// The compiled path gives the same.
	calc, err := rs.Compile()
	require.NoError(t, err)
	fast, err := calc.Monthly(away, month)
	require.NoError(t, err)
	assert.Equal(t, got.Amount, fast.Amount)
	assert.Equal(t, "某流动党员党支部", fast.PayingOrg)

	for _, set := range []dues.Rules{dues.Rules2008(), dues.Rules2017()} {
		p := set.Provisions.Mobile
		assert.Equal(t, "DUES-MOBILE-INFLOW", p.ID, set.Name)
		assert.Equal(t, dangjian.Reported, p.Source.Confidence, set.Name)
		assert.Contains(t, p.Text, "交纳党费", set.Name)
	}
}

// summarize computes the roster with the 2017 rules and tallies it.
func summarize(t *testing.T, roster string) ([]dues.LedgerRow, dues.LedgerSummary) {
	t.Helper()
	rows, err := dues.ReadRoster(strings.NewReader(roster))
	require.NoError(t, err)
	var tally dues.Tally
	var out []dues.LedgerRow
	for _, r := range rows {
		d, err := dues.Rules2017().Monthly(r.Member, dangjian.MustParseDate("2024-06-01"))
		require.NoError(t, err)
		require.NoError(t, tally.Add(d))
		out = append(out, dues.LedgerRow{Name: r.Member.Name, Dues: d})
	}
	sum, err := tally.Summary()
	require.NoError(t, err)
	return out, sum
}

// A mobile member is counted once, at the organization that collected.
func TestMobileSummary(t *testing.T) {
	_, sum := summarize(t, mobileRoster)
	// M1: 2500 × 0.5 % = 12.50; M2: 5000 × 1 % = 50.00; M3: 6234.50 ×
	// 1.5 % = 93.5175 → 93.52, and a lump sum of 1000.00.
	assert.Equal(t, 2, sum.Members, "M3 is counted at the inflow organization")
	assert.Equal(t, "62.50", sum.Dues.String())
	assert.Equal(t, "0.00", sum.Voluntary.String())
	assert.Equal(t, "62.50", sum.Total.String())
	assert.Equal(t, "0.00", sum.LumpSum.String())
	assert.Equal(t, "62.50", sum.Ordinary.String())
	assert.Empty(t, sum.LumpSumMembers)
	require.Len(t, sum.Categories, 1)
	assert.Equal(t, 2, sum.Categories[0].Members)
	require.Len(t, sum.PaidElsewhere, 1)
	e := sum.PaidElsewhere[0]
	assert.Equal(t, "某市某街道流动党员党支部", e.Org)
	assert.Equal(t, []string{"M3"}, e.Members)
	assert.Equal(t, "93.52", e.Dues.String())
	assert.Equal(t, "1000.00", e.Voluntary.String())
	assert.Equal(t, "1093.52", e.Total.String())
	assert.Equal(t, "1000.00", e.LumpSum.String())

	// The roster without the column counts everyone at home.
	_, all := summarize(t, strings.Replace(mobileRoster, ",某市某街道流动党员党支部", ",", 1))
	assert.Equal(t, 3, all.Members)
	assert.Nil(t, all.PaidElsewhere)
	sumHome, _ := all.Total.Sub(sum.Total)
	assert.Equal(t, e.Total, sumHome, "what the home organization no longer counts is what the inflow organization collected")

	var text bytes.Buffer
	require.NoError(t, sum.WriteText(&text, dangjian.MustParseDate("2024-06-01"), "2017", 0))
	assert.Contains(t, text.String(), "paid at 某市某街道流动党员党支部, counted there and not above: 1 members, dues 93.52 + voluntary 1000.00 = total 1093.52 (M3)\n")
}

// A summary taken earlier does not change when the tally goes on.
func TestMobileSummaryIsACopy(t *testing.T) {
	var tally dues.Tally
	d := dues.Result{Member: "A", Category: dues.Student, Amount: funding.MustParseMoney("0.20"), Total: funding.MustParseMoney("0.20"), PayingOrg: "X"}
	require.NoError(t, tally.Add(d))
	first, err := tally.Summary()
	require.NoError(t, err)
	d.Member = "B"
	require.NoError(t, tally.Add(d))
	second, err := tally.Summary()
	require.NoError(t, err)
	assert.Equal(t, []string{"A"}, first.PaidElsewhere[0].Members)
	assert.Equal(t, "0.20", first.PaidElsewhere[0].Dues.String())
	assert.Equal(t, []string{"A", "B"}, second.PaidElsewhere[0].Members)
	assert.Equal(t, "0.40", second.PaidElsewhere[0].Dues.String())

	// A sum out of range elsewhere is an error, with its line counted
	// among all the lines.
	big := dues.Result{Member: "C", Category: dues.Employed, Amount: funding.Fen(1<<62 + 1<<61), Total: funding.Fen(1<<62 + 1<<61), PayingOrg: "X"}
	require.NoError(t, tally.Add(dues.Result{Member: "H", Category: dues.Student}))
	err = tally.Add(big)
	require.NoError(t, err)
	err = tally.Add(big)
	require.Error(t, err)
	assert.ErrorIs(t, err, funding.ErrOverflow)
	assert.Contains(t, err.Error(), "rows[4].")
}

func TestMobileLedger(t *testing.T) {
	rows, _ := summarize(t, mobileRoster)
	var buf bytes.Buffer
	require.NoError(t, dues.WriteLedger(&buf, rows, dangjian.Chinese))
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	require.Len(t, lines, 4)
	assert.True(t, strings.HasSuffix(lines[0], ",尚未起交,交纳党费组织"), lines[0])
	assert.True(t, strings.HasSuffix(lines[1], ",否,"), "paid at home: the cell is empty: %s", lines[1])
	assert.True(t, strings.HasSuffix(lines[3], ",某市某街道流动党员党支部"), lines[3])

	// Without a mobile row, the ledger keeps its 13 columns.
	buf.Reset()
	require.NoError(t, dues.WriteLedger(&buf, rows[:2], dangjian.English))
	assert.True(t, strings.HasPrefix(buf.String(), "id,name,category,base,rate,dues,rule,voluntary,total,capped,lump_sum,reduced,not_yet_due\n"))
	assert.NotContains(t, buf.String(), "paying_org")

	// A stream without the column refuses a row it could not record.
	lw, err := dues.NewLedgerWriter(io.Discard, dangjian.English)
	require.NoError(t, err)
	require.NoError(t, lw.Write(rows[0]))
	err = lw.Write(rows[2])
	var p *dangjian.Problem
	require.ErrorAs(t, err, &p)
	assert.Equal(t, "rows[1].dues.payingOrg", p.Path)
	assert.Equal(t, "M3", p.ID)

	// With the option, formulas in the name are guarded.
	buf.Reset()
	lw, err = dues.NewLedgerWriterWith(&buf, dues.LedgerOptions{PayingOrg: true})
	require.NoError(t, err)
	r := rows[2]
	r.Dues.PayingOrg = "=HYPERLINK()"
	require.NoError(t, lw.Write(r))
	require.NoError(t, lw.Flush())
	assert.True(t, strings.HasSuffix(buf.String(), ",'=HYPERLINK()\n"), buf.String())
	_, err = dues.NewLedgerWriterWith(&buf, dues.LedgerOptions{Text: dangjian.CSVText(9)})
	require.Error(t, err)
}

// ComputeMonth, the stream of a month, counts the mobile member at the
// inflow organization.
func TestMobileComputeMonth(t *testing.T) {
	open := func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(mobileRoster)), nil }
	var got []dues.LedgerRow
	rep, err := dues.ComputeMonth(open, func() error { got = nil; return nil },
		dues.MonthOptions{Rules: dues.Rules2017(), Month: dangjian.MustParseDate("2024-06-01")},
		func(r dues.LedgerRow) error { got = append(got, r); return nil })
	require.NoError(t, err)
	require.Len(t, got, 3)
	assert.Equal(t, "某市某街道流动党员党支部", got[2].Dues.PayingOrg)
	assert.Equal(t, 2, rep.Summary.Members)
	require.Len(t, rep.Summary.PaidElsewhere, 1)
	assert.Equal(t, []string{"M3"}, rep.Summary.PaidElsewhere[0].Members)
}

func TestCheckInflow(t *testing.T) {
	const org = "某市某街道流动党员党支部"
	home, err := dues.ReadRoster(strings.NewReader(mobileRoster + "M5,戊,在职,3000.00,,某外地党支部\nM6,己,在职,3000.00,," + org + "\n"))
	require.NoError(t, err)
	inflow, err := dues.ReadRoster(strings.NewReader("id,name,category,base\nX1,,employed,4000\nM3,丙,employed,6234.50\nM2,乙,employed,5000\nM5,戊,employed,3000\n"))
	require.NoError(t, err)
	fs := dues.Rules2017().CheckInflow(home, org, inflow)
	require.Len(t, fs, 3, "%+v", fs)
	// M2 pays at home and is on the inflow roster: counted twice.
	assert.Equal(t, "M2", fs[0].Subject)
	assert.Equal(t, 3, fs[0].Line)
	assert.Contains(t, fs[0].Message, "paying at home, and on the roster of "+org+" (line 4): the month's dues are counted twice")
	// M5 pays at a third organization and is on the inflow roster too.
	assert.Equal(t, "M5", fs[1].Subject)
	assert.Contains(t, fs[1].Message, "paying at 某外地党支部")
	// M6 is sent to the inflow organization, which does not list them.
	assert.Equal(t, "M6", fs[2].Subject)
	assert.Equal(t, org, fs[2].Value)
	assert.Contains(t, fs[2].Message, "no one counts")
	for _, f := range fs {
		assert.Equal(t, "DUES-MOBILE-INFLOW", f.Rule)
		assert.Equal(t, dangjian.Warning, f.Severity)
		assert.Equal(t, dangjian.Reported, f.Source.Confidence)
	}
	// M3, sent there and listed there, is counted once: no finding.
	assert.Empty(t, dues.Rules2017().CheckInflow(home[2:3], org, inflow))
	assert.Empty(t, dues.Rules2017().CheckInflow(nil, org, nil))
}
