package dues_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/dues"
	"github.com/dangjian-go/dangjian/internal/golden"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// vectorLedger computes the roster vectors for June 2024 (2017 rules).
func vectorLedger(t *testing.T) []dues.LedgerRow {
	t.Helper()
	f, err := os.Open("testdata/roster/vectors.csv")
	require.NoError(t, err)
	defer f.Close()
	rows, err := dues.ReadRoster(f)
	require.NoError(t, err)
	out := make([]dues.LedgerRow, len(rows))
	for i, r := range rows {
		d, err := dues.Rules2017().Monthly(r.Member, dangjian.MustParseDate("2024-06-01"))
		require.NoError(t, err)
		out[i] = dues.LedgerRow{Name: r.Member.Name, Dues: d}
	}
	return out
}

func TestWriteLedgerChinese(t *testing.T) {
	rows := vectorLedger(t)
	var buf bytes.Buffer
	require.NoError(t, dues.WriteLedger(&buf, rows, funding.Chinese))
	recs, err := csv.NewReader(&buf).ReadAll()
	require.NoError(t, err)
	require.Len(t, recs, len(rows)+1)
	assert.Equal(t, []string{"编号", "姓名", "党员类别", "计算基数", "比例", "党费", "规则", "自愿多交", "合计", "封顶", "大额党费", "少交免交", "尚未起交"}, recs[0])
	byID := map[string][]string{}
	for _, r := range recs[1:] {
		byID[r[0]] = r
	}
	tests := []struct {
		id   string
		want []string
	}{
		{"V08", []string{"V08", "exact half a fen rounds up", "在职", "4321.50", "0.01", "43.22", "DUES-WAGE-2", "0.00", "43.22", "否", "否", "否", "否"}},
		{"V12", []string{"V12", "annual salary payout above the cap", "年薪制", "50000.50", "0.02", "1000.00", "DUES-CAP-1000", "0.00", "1000.00", "是", "否", "否", "否"}},
		{"V15", []string{"V15", "farmer default", "农民", "", "", "0.20", "DUES-FLAT-FARMER", "0.00", "0.20", "否", "否", "否", "否"}},
		{"V19", []string{"V19", "low income exempted", "低保抚恤救济", "", "", "0.00", "DUES-HARDSHIP", "0.00", "0.00", "否", "否", "是", "否"}},
		{"V20", []string{"V20", "probationary from next month", "在职", "", "", "0.00", "DUES-PROBATIONARY", "0.00", "0.00", "否", "否", "否", "是"}},
		{"V23", []string{"V23", "voluntary lump sum of 1000", "在职", "2000.00", "0.005", "10.00", "DUES-WAGE-1", "1000.00", "1010.00", "否", "是", "否", "否"}},
		{"V29", []string{"V29", "pension slip", "离退休", "5200.00", "0.01", "52.00", "DUES-PENSION-2", "0.00", "52.00", "否", "否", "否", "否"}},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			assert.Equal(t, tt.want, byID[tt.id])
		})
	}
}

func TestWriteLedgerEdges(t *testing.T) {
	t.Run("no rows: the header alone", func(t *testing.T) {
		for lang, want := range map[funding.Lang]string{
			funding.English: "id,name,category,base,rate,dues,rule,voluntary,total,capped,lump_sum,reduced,not_yet_due\n",
			funding.Chinese: "编号,姓名,党员类别,计算基数,比例,党费,规则,自愿多交,合计,封顶,大额党费,少交免交,尚未起交\n",
		} {
			var buf bytes.Buffer
			require.NoError(t, dues.WriteLedger(&buf, nil, lang))
			assert.Equal(t, want, buf.String())
		}
	})
	t.Run("names with commas, quotes and line breaks are quoted", func(t *testing.T) {
		d, err := dues.Rules2017().Monthly(dues.Member{ID: "x", Category: dues.Student}, dangjian.MustParseDate("2024-06-01"))
		require.NoError(t, err)
		var buf bytes.Buffer
		require.NoError(t, dues.WriteLedger(&buf, []dues.LedgerRow{{Name: "Li, \"Na\"\n李娜", Dues: d}}, funding.English))
		recs, err := csv.NewReader(&buf).ReadAll()
		require.NoError(t, err)
		assert.Equal(t, "Li, \"Na\"\n李娜", recs[1][1])
	})
	t.Run("unknown language", func(t *testing.T) {
		var buf bytes.Buffer
		err := dues.WriteLedger(&buf, nil, funding.Lang(2))
		assert.EqualError(t, err, `lang: invalid value: unknown language ("2")`)
		assert.Empty(t, buf.String())
	})
	t.Run("invalid category", func(t *testing.T) {
		var buf bytes.Buffer
		err := dues.WriteLedger(&buf, []dues.LedgerRow{{Dues: dues.Result{Member: "x", Category: dues.Employed}}, {Dues: dues.Result{Member: "y"}}}, funding.English)
		assert.EqualError(t, err, `rows[1].dues.category (id "y"): bad member input: unknown category`)
		assert.ErrorIs(t, err, dues.ErrBadMember)
		assert.Empty(t, buf.String(), "nothing is written for an invalid row")
	})
	t.Run("write error", func(t *testing.T) {
		boom := errors.New("disk full")
		err := dues.WriteLedger(failWriter{boom}, vectorLedger(t), funding.English)
		assert.ErrorIs(t, err, boom)
		assert.Equal(t, boom, err, "the writer's own error")
	})
}

type failWriter struct{ err error }

func (w failWriter) Write([]byte) (int, error) { return 0, w.err }

func TestSummarize(t *testing.T) {
	rows := vectorLedger(t)
	results := make([]dues.Result, len(rows))
	for i, r := range rows {
		results[i] = r.Dues
	}
	s, err := dues.Summarize(results)
	require.NoError(t, err)
	m := funding.MustParseMoney
	// Derived from testdata/roster/vectors.2017.ledger.csv by hand.
	assert.Equal(t, 31, s.Members)
	assert.Equal(t, []dues.CategoryCount{
		// V01–V08, V20–V23, V26–V28, V30, V31.
		{Category: dues.Employed, Members: 17, Dues: m("843.07"), Voluntary: m("1999.99")},
		// V09, V10, V24, V25, V29.
		{Category: dues.Retired, Members: 5, Dues: m("147.00")},
		{Category: dues.Farmer, Members: 2, Dues: m("1.20")},
		{Category: dues.Student, Members: 1, Dues: m("0.20")},
		{Category: dues.Unemployed, Members: 1, Dues: m("0.20")},
		{Category: dues.LowIncome, Members: 1, Dues: m("0.00")},
		{Category: dues.SelfEmployed, Members: 2, Dues: m("72.50")},
		{Category: dues.AnnualSalary, Members: 2, Dues: m("2000.00")},
	}, s.Categories)
	assert.Equal(t, "3064.17", s.Dues.String())
	assert.Equal(t, "1999.99", s.Voluntary.String())
	assert.Equal(t, "5064.16", s.Total.String())
	assert.Equal(t, "1000.00", s.LumpSum.String())
	assert.Equal(t, "4064.16", s.Ordinary.String())
	assert.Equal(t, []string{"V23"}, s.LumpSumMembers)
	assert.Equal(t, []string{"V12"}, s.Capped)
	assert.Equal(t, []string{"V19", "V24"}, s.Reduced)
	assert.Equal(t, []string{"V20"}, s.NotYetDue)

	t.Run("json", func(t *testing.T) {
		b, err := json.Marshal(s)
		require.NoError(t, err)
		assert.Contains(t, string(b), `"dues":"3064.17","voluntary":"1999.99","total":"5064.16","lumpSum":"1000.00","lumpSumMembers":["V23"],"ordinary":"4064.16","capped":["V12"]`)
		assert.Contains(t, string(b), `{"category":"employed","members":17,"dues":"843.07","voluntary":"1999.99"}`)
	})
	t.Run("empty", func(t *testing.T) {
		s, err := dues.Summarize(nil)
		require.NoError(t, err)
		assert.Equal(t, dues.LedgerSummary{Categories: []dues.CategoryCount{}}, s)
		b, err := json.Marshal(s)
		require.NoError(t, err)
		assert.Equal(t, `{"members":0,"categories":[],"dues":"0.00","voluntary":"0.00","total":"0.00","lumpSum":"0.00","ordinary":"0.00"}`, string(b))
	})
	t.Run("invalid category", func(t *testing.T) {
		_, err := dues.Summarize([]dues.Result{results[0], {Member: "z", Category: dues.Category(42)}})
		assert.EqualError(t, err, `rows[1].category (id "z"): bad member input: unknown category ("Category(42)")`)
		assert.ErrorIs(t, err, dues.ErrBadMember)
	})
	t.Run("overflow", func(t *testing.T) {
		big := dues.Result{Member: "a", Category: dues.Employed, Amount: funding.Fen(math.MaxInt64), Total: funding.Fen(math.MaxInt64)}
		_, err := dues.Summarize([]dues.Result{big, big})
		assert.ErrorIs(t, err, funding.ErrOverflow)
		assert.Equal(t, `rows[1].amount (id "a"): amount out of range ("92233720368547758.07 + 92233720368547758.07")`, err.Error())
	})
	t.Run("does not change its input", func(t *testing.T) {
		before := fmt.Sprint(results)
		_, err := dues.Summarize(results)
		require.NoError(t, err)
		assert.Equal(t, before, fmt.Sprint(results))
	})
}

// TestSummarizeProperty: for random rosters, every total of the summary is
// the sum of its lines to the fen, the categories add up to the totals,
// and the ledger CSV adds up to the same amounts.
func TestSummarizeProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	months := []struct {
		rules dues.Rules
		month dangjian.Date
	}{
		{dues.Rules2017(), dangjian.MustParseDate("2024-06-01")},
		{dues.Rules2008(), dangjian.MustParseDate("2016-06-01")},
	}
	for n := 0; n < 300; n++ {
		mo := months[n%2]
		var rows []dues.LedgerRow
		var results []dues.Result
		for i := 0; i < rng.IntN(40); i++ {
			m := randomMember(rng, fmt.Sprintf("P%02d", i), funding.English)
			if rng.IntN(3) == 0 {
				m.Voluntary = funding.Fen(rng.Int64N(300_000)) // lump sums too
			}
			if !m.Base.IsZero() && rng.IntN(3) == 0 {
				m.Base = funding.Fen(rng.Int64N(20_000_000)) // up to 200000 元: capped under 2017
			}
			d, err := mo.rules.Monthly(m, mo.month)
			if err != nil {
				continue // a farmer amount or months average the rules refuse
			}
			rows = append(rows, dues.LedgerRow{Name: m.Name, Dues: d})
			results = append(results, d)
		}
		s, err := dues.Summarize(results)
		require.NoError(t, err)

		var want struct{ dues, vol, total, lump int64 }
		perCat := map[dues.Category]dues.CategoryCount{}
		for _, d := range results {
			want.dues += d.Amount.Fen()
			want.vol += d.Voluntary.Fen()
			want.total += d.Total.Fen()
			require.Equal(t, d.Amount.Fen()+d.Voluntary.Fen(), d.Total.Fen(), "a line's total")
			if d.LumpSum {
				want.lump += d.Voluntary.Fen()
			}
			c := perCat[d.Category]
			c.Category, c.Members = d.Category, c.Members+1
			c.Dues, c.Voluntary = funding.Fen(c.Dues.Fen()+d.Amount.Fen()), funding.Fen(c.Voluntary.Fen()+d.Voluntary.Fen())
			perCat[d.Category] = c
		}
		require.Equal(t, len(results), s.Members)
		require.Equal(t, want.dues, s.Dues.Fen())
		require.Equal(t, want.vol, s.Voluntary.Fen())
		require.Equal(t, want.total, s.Total.Fen())
		require.Equal(t, want.lump, s.LumpSum.Fen())
		require.Equal(t, s.Total.Fen()-s.LumpSum.Fen(), s.Ordinary.Fen())
		require.Equal(t, s.Dues.Fen()+s.Voluntary.Fen(), s.Total.Fen())
		var catMembers int
		var catDues, catVol int64
		for _, c := range s.Categories {
			require.Equal(t, perCat[c.Category], c)
			catMembers += c.Members
			catDues += c.Dues.Fen()
			catVol += c.Voluntary.Fen()
		}
		require.Len(t, s.Categories, len(perCat))
		require.Equal(t, s.Members, catMembers)
		require.Equal(t, s.Dues.Fen(), catDues)
		require.Equal(t, s.Voluntary.Fen(), catVol)

		// The ledger's cells add up to the summary, parsed back exactly.
		var buf bytes.Buffer
		require.NoError(t, dues.WriteLedger(&buf, rows, funding.English))
		recs, err := csv.NewReader(&buf).ReadAll()
		require.NoError(t, err)
		var cells struct{ dues, vol, total int64 }
		for _, r := range recs[1:] {
			cells.dues += funding.MustParseMoney(r[5]).Fen()
			cells.vol += funding.MustParseMoney(r[7]).Fen()
			cells.total += funding.MustParseMoney(r[8]).Fen()
		}
		require.Equal(t, s.Dues.Fen(), cells.dues)
		require.Equal(t, s.Voluntary.Fen(), cells.vol)
		require.Equal(t, s.Total.Fen(), cells.total)
	}
}

// TestWriteLedgerGuardsFormulas: a member's id and name that a spreadsheet
// would run as a formula are written with a single quote in front
// (testdata/ledger/hostile.golden), or as they are under RawText
// (hostile.raw.golden); amounts stay numbers, a negative one included.
func TestWriteLedgerGuardsFormulas(t *testing.T) {
	june := dangjian.MustParseDate("2024-06-01")
	var rows []dues.LedgerRow
	for _, m := range []struct{ id, name string }{
		{"=1+1", `=HYPERLINK("http://evil.example/","点击查看")`},
		{"-7", "+SUM(A1:A9)"},
		{"m3", "@cmd|' /C calc'!A0"},
		{"m4", "\t=1"},
		{"m5", "李娜 =1"},
	} {
		d, err := dues.Rules2017().Monthly(dues.Member{ID: m.id, Category: dues.Student}, june)
		require.NoError(t, err)
		rows = append(rows, dues.LedgerRow{Name: m.name, Dues: d})
	}
	// Not a result Monthly gives: an amount below zero, as a caller's
	// correction might be, stays a number.
	rows[4].Dues.Voluntary = funding.Fen(-1250)
	rows[4].Dues.Total = funding.Fen(-1230)
	for _, tt := range []struct {
		golden string
		text   []dangjian.CSVText
	}{
		{"hostile.golden", nil},
		{"hostile.golden", []dangjian.CSVText{dangjian.GuardFormulas}},
		{"hostile.raw.golden", []dangjian.CSVText{dangjian.RawText}},
	} {
		t.Run(fmt.Sprint(tt.text), func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, dues.WriteLedger(&buf, rows, funding.English, tt.text...))
			golden.Check(t, filepath.Join("testdata/ledger", tt.golden), buf.Bytes())
			recs, err := csv.NewReader(&buf).ReadAll()
			require.NoError(t, err)
			assert.Equal(t, []string{"-12.50", "-12.30"}, recs[5][7:9], "amounts are not guarded")
			if tt.golden == "hostile.golden" {
				assert.Equal(t, []string{"'=1+1", `'=HYPERLINK("http://evil.example/","点击查看")`}, recs[1][:2])
				assert.Equal(t, []string{"'-7", "'+SUM(A1:A9)"}, recs[2][:2])
			}
		})
	}
	err := dues.WriteLedger(&bytes.Buffer{}, rows, funding.English, dangjian.CSVText(9))
	assert.ErrorIs(t, err, dangjian.ErrInvalid)
}

func TestLedgerSummaryWriteTextError(t *testing.T) {
	boom := errors.New("disk full")
	err := dues.LedgerSummary{}.WriteText(failWriter{boom}, dangjian.MustParseDate("2024-06-01"), "2017", 0)
	assert.Same(t, boom, err)
}
