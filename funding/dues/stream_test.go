package dues_test

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/dues"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// slicePipeline is the pipeline before streaming: ReadRoster, Rules.Monthly
// on every row, WriteLedger. It returns the ledger and the problems.
func slicePipeline(t *testing.T, roster []byte, rs dues.Rules, month dangjian.Date) (string, dangjian.Problems) {
	t.Helper()
	rows, err := dues.ReadRoster(bytes.NewReader(roster))
	ps := dangjian.ProblemsOf(err)
	var ledger []dues.LedgerRow
	for _, r := range rows {
		d, err := rs.Monthly(r.Member, month)
		if err != nil {
			ps = append(ps, dangjian.ProblemsOf(err)...)
			continue
		}
		ledger = append(ledger, dues.LedgerRow{Name: r.Member.Name, Dues: d})
	}
	// The ledger with the paying_org column, as the stream writes it (a
	// roster may have the column); WriteLedger adds it only for a row paid
	// elsewhere, which TestMobileLedger checks.
	var out bytes.Buffer
	lw, err := dues.NewLedgerWriterWith(&out, dues.LedgerOptions{PayingOrg: true})
	require.NoError(t, err)
	for _, r := range ledger {
		require.NoError(t, lw.Write(r))
	}
	require.NoError(t, lw.Flush())
	return out.String(), ps
}

// streamPipeline is the streaming pipeline: ScanRoster, the compiled
// Calculator.Monthly, a LedgerWriter. The rows of an ID found repeated
// later were written when read: it returns them apart, by ID, with their
// ledger lines, and the ledger without them.
func streamPipeline(t *testing.T, roster []byte, rs dues.Rules, month dangjian.Date) (string, dangjian.Problems) {
	t.Helper()
	calc, err := rs.Compile()
	require.NoError(t, err)
	var out bytes.Buffer
	lw, err := dues.NewLedgerWriterWith(&out, dues.LedgerOptions{PayingOrg: true})
	require.NoError(t, err)
	var ps dangjian.Problems
	repeated := map[string]bool{}
	var ids []string // the ID of each ledger line
	type refusal struct {
		id string
		ps dangjian.Problems
	}
	var refused []refusal // members the rules refused
	err = dues.ScanRoster(bytes.NewReader(roster), func(r dues.RosterRow, bad dangjian.Problems) error {
		if bad != nil {
			for _, p := range bad {
				if p.Kind == dangjian.ErrDuplicate {
					repeated[r.Member.ID] = true
				}
			}
			ps = append(ps, bad...)
			return nil
		}
		d, err := calc.Monthly(r.Member, month)
		if err != nil {
			refused = append(refused, refusal{r.Member.ID, dangjian.ProblemsOf(err)})
			return nil
		}
		ids = append(ids, d.Member)
		return lw.Write(dues.LedgerRow{Name: r.Member.Name, Dues: d})
	})
	require.NoError(t, err)
	require.NoError(t, lw.Flush())
	// ReadRoster drops the first row of a repeated ID, so the rules never
	// see it: drop what they said of it.
	for _, r := range refused {
		if !repeated[r.id] {
			ps = append(ps, r.ps...)
		}
	}
	// The ledger without the lines of repeated IDs, as ReadRoster drops their rows.
	lines := strings.SplitAfter(out.String(), "\n")
	var kept strings.Builder
	kept.WriteString(lines[0])
	for i, id := range ids {
		if !repeated[id] {
			kept.WriteString(lines[i+1])
		}
	}
	return kept.String(), ps
}

// problemSet renders problems one a line, sorted, to compare them.
func problemSet(ps dangjian.Problems) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Error()
	}
	slicesSort(out)
	return out
}

func slicesSort(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

func TestStreamEqualsSliceOnTestdata(t *testing.T) {
	files, err := filepath.Glob("testdata/roster/*.csv")
	require.NoError(t, err)
	more, err := filepath.Glob("../../examples/dues/testdata/*.csv")
	require.NoError(t, err)
	files = append(files, more...)
	var rosters []string
	for _, f := range files {
		if !strings.Contains(f, "ledger") {
			rosters = append(rosters, f)
		}
	}
	require.GreaterOrEqual(t, len(rosters), 3)
	for _, f := range rosters {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, c := range []struct {
			rules dues.Rules
			month string
		}{{dues.Rules2017(), "2024-06-01"}, {dues.Rules2008(), "2016-06-01"}} {
			t.Run(filepath.Base(f)+"/"+c.rules.Name, func(t *testing.T) {
				month := dangjian.MustParseDate(c.month)
				want, wantPs := slicePipeline(t, data, c.rules, month)
				got, gotPs := streamPipeline(t, data, c.rules, month)
				assert.Equal(t, want, got)
				assert.Equal(t, problemSet(wantPs), problemSet(gotPs))
			})
		}
	}
}

// genRoster writes a roster of n members of every kind the compiled path
// takes and many it does not: months, payslips, probationary members,
// reductions, flat amounts, lump sums, bases near the bracket bounds and
// above the cap, and a few bad rows and repeated IDs.
func genRoster(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, 7))
	var b bytes.Buffer
	b.WriteString("id,name,category,base,months,employer,post_wage,income_tax,probationary_since,flat_amount,voluntary,reduction,reduction_by,reduction_on\n")
	cats := []string{"employed", "retired", "farmer", "student", "unemployed", "low_income", "self_employed", "annual_salary"}
	money := func() string {
		switch r.IntN(4) {
		case 0: // near a bracket bound
			bounds := []int64{300000, 500000, 1000000, 40000}
			return funding.Fen(bounds[r.IntN(len(bounds))] + r.Int64N(5) - 2).String()
		case 1:
			return funding.Fen(r.Int64N(100_000_000)).String() // up to a million yuan
		}
		return funding.Fen(r.Int64N(2_000_000)).String()
	}
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("M%07d", i)
		if r.IntN(5000) == 0 {
			id = fmt.Sprintf("M%07d", r.IntN(i+1)) // repeated
		}
		cat := cats[r.IntN(len(cats))]
		var base, months, employer, wage, tax, prob, flat, vol, red, redBy, redOn string
		flatCat := cat == "farmer" || cat == "student" || cat == "unemployed" || cat == "low_income"
		switch {
		case flatCat:
			if cat == "farmer" && r.IntN(3) == 0 {
				flat = "0.50"
			}
		case cat == "self_employed" && r.IntN(2) == 0:
			months = money() + "|" + money() + "|" + money()
		case cat == "employed" && r.IntN(4) == 0:
			employer, wage, tax = "enterprise", money(), "10.00"
		default:
			base = money()
		}
		if r.IntN(20) == 0 {
			prob = "2024-07-10"
		}
		if r.IntN(10) == 0 {
			vol = []string{"10", "1000", "999.99", "5000"}[r.IntN(4)]
		}
		if r.IntN(30) == 0 {
			red, redBy, redOn = "1.00", "党委", "2024-01-01"
		}
		if r.IntN(10000) == 0 {
			base = "-1" // bad
		}
		fmt.Fprintf(&b, "%s,name %d,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n", id, i, cat, base, months, employer, wage, tax, prob, flat, vol, red, redBy, redOn)
	}
	return b.Bytes()
}

func TestStreamEqualsSliceOnGenerated(t *testing.T) {
	n := 100_000
	if testing.Short() {
		n = 10_000
	}
	data := genRoster(n, 10)
	for _, c := range []struct {
		rules dues.Rules
		month string
	}{{dues.Rules2017(), "2024-06-01"}, {dues.Rules2008(), "2016-06-01"}} {
		t.Run(c.rules.Name, func(t *testing.T) {
			month := dangjian.MustParseDate(c.month)
			want, wantPs := slicePipeline(t, data, c.rules, month)
			got, gotPs := streamPipeline(t, data, c.rules, month)
			require.NotEmpty(t, wantPs) // the bad rows and repeated IDs are there
			assert.Equal(t, strings.Count(want, "\n"), strings.Count(got, "\n"))
			assert.True(t, want == got, "the ledgers differ")
			assert.Equal(t, problemSet(wantPs), problemSet(gotPs))
		})
	}
}

func TestCalculatorMonthlyEqualsRules(t *testing.T) {
	data := genRoster(20_000, 3)
	rows, _ := dues.ReadRoster(bytes.NewReader(data))
	require.NotEmpty(t, rows)
	for _, rs := range []dues.Rules{dues.Rules2017(), dues.Rules2008()} {
		calc, err := rs.Compile()
		require.NoError(t, err)
		for _, month := range []string{"2016-06-01", "2024-06-01", "2024-08-01"} {
			m := dangjian.MustParseDate(month)
			for _, r := range rows {
				want, wantErr := rs.Monthly(r.Member, m)
				got, gotErr := calc.Monthly(r.Member, m)
				require.Equal(t, wantErr, gotErr, "%s %s", r.Member.ID, month)
				want.Steps, want.Exact, want.BaseExact = nil, "", ""
				require.Equal(t, want, got, "%s %s", r.Member.ID, month)
			}
		}
	}
}

func TestScanRosterStops(t *testing.T) {
	const roster = "id,name,category,base\n01,a,employed,100\n02,b,employed,bad\n03,c,employed,300\n"
	stop := errors.New("stop")
	var lines []int
	err := dues.ScanRoster(strings.NewReader(roster), func(r dues.RosterRow, bad dangjian.Problems) error {
		lines = append(lines, r.Line)
		if bad != nil {
			assert.Equal(t, "02", r.Member.ID)
			require.Len(t, bad, 1)
			assert.Equal(t, 3, bad[0].Line)
			return stop
		}
		return nil
	})
	assert.Same(t, stop, err)
	assert.Equal(t, []int{2, 3}, lines)

	// A header problem: each is never called.
	err = dues.ScanRoster(strings.NewReader("id,name\n01,a\n"), func(dues.RosterRow, dangjian.Problems) error {
		t.Fatal("called")
		return nil
	})
	assert.True(t, errors.Is(err, dangjian.ErrHeader), "%v", err)
}

func TestScanRosterRepeatedID(t *testing.T) {
	const roster = "id,name,category,base\nA,a,employed,100\nB,b,employed,100\nA,c,employed,300\nA,d,employed,300\n"
	type call struct {
		line int
		id   string
		bad  []string
	}
	var calls []call
	err := dues.ScanRoster(strings.NewReader(roster), func(r dues.RosterRow, bad dangjian.Problems) error {
		c := call{line: r.Line, id: r.Member.ID}
		for _, p := range bad {
			c.bad = append(c.bad, p.Error())
		}
		calls = append(calls, c)
		return nil
	})
	require.NoError(t, err)
	assert.Equal(t, []call{
		{2, "A", nil},
		{3, "B", nil},
		{4, "A", []string{`line 2, column 1: id (id "A"): duplicate ID: repeated on line 4 ("A")`, `line 4, column 1: id (id "A"): duplicate ID: first on line 2 ("A")`}},
		{5, "A", []string{`line 5, column 1: id (id "A"): duplicate ID: first on line 2 ("A")`}},
	}, calls)
}

func TestTallyEqualsSummarize(t *testing.T) {
	data := genRoster(5_000, 5)
	rows, _ := dues.ReadRoster(bytes.NewReader(data))
	rs := dues.Rules2017()
	var results []dues.Result
	var tally dues.Tally
	for _, r := range rows {
		d, err := rs.Monthly(r.Member, dangjian.MustParseDate("2024-06-01"))
		if err == nil {
			results = append(results, d)
			require.NoError(t, tally.Add(d))
		}
	}
	want, err := dues.Summarize(results)
	require.NoError(t, err)
	got, err := tally.Summary()
	require.NoError(t, err)
	assert.Equal(t, want, got)

	// An invalid category stops the tally with the line's path.
	var bad dues.Tally
	require.NoError(t, bad.Add(results[0]))
	err = bad.Add(dues.Result{Member: "X", Category: dues.Category(99)})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "rows[1].category")
	_, err2 := bad.Summary()
	assert.Equal(t, err, err2)
}

func TestLedgerWriterEqualsWriteLedger(t *testing.T) {
	data := genRoster(2_000, 9)
	rows, _ := dues.ReadRoster(bytes.NewReader(data))
	rs := dues.Rules2017()
	var ledger []dues.LedgerRow
	for _, r := range rows {
		if d, err := rs.Monthly(r.Member, dangjian.MustParseDate("2024-06-01")); err == nil {
			ledger = append(ledger, dues.LedgerRow{Name: r.Member.Name, Dues: d})
		}
	}
	for _, lang := range []dangjian.Lang{dangjian.English, dangjian.Chinese} {
		var want, got bytes.Buffer
		require.NoError(t, dues.WriteLedger(&want, ledger, lang))
		lw, err := dues.NewLedgerWriter(&got, lang)
		require.NoError(t, err)
		for _, r := range ledger {
			require.NoError(t, lw.Write(r))
		}
		require.NoError(t, lw.Flush())
		assert.Equal(t, want.String(), got.String())
	}
	_, err := dues.NewLedgerWriter(&bytes.Buffer{}, dangjian.Lang(9))
	assert.Error(t, err)
	lw, err := dues.NewLedgerWriter(&bytes.Buffer{}, dangjian.English)
	require.NoError(t, err)
	err = lw.Write(dues.LedgerRow{Dues: dues.Result{Member: "X"}})
	assert.True(t, errors.Is(err, dues.ErrBadMember), "%v", err)
}

func TestScanRosterJSON(t *testing.T) {
	const roster = `[{"id": "A", "category": "employed", "base": "100"},
 {"id": "B", "category": "employed", "base": "1,000"},
 {"id": "A", "category": "student"},
 {"id": "C", "category": "retired", "base": 5200.5}]`
	type call struct {
		line int
		id   string
		bad  []string
	}
	var calls []call
	err := dues.ScanRosterJSON(strings.NewReader(roster), func(r dues.RosterRow, bad dangjian.Problems) error {
		c := call{line: r.Line, id: r.Member.ID}
		for _, p := range bad {
			c.bad = append(c.bad, p.Path+" "+p.Kind.Code())
		}
		calls = append(calls, c)
		return nil
	})
	require.NoError(t, err)
	assert.Equal(t, []call{
		{1, "A", nil},
		{2, "B", []string{"[1].base invalid"}},
		{3, "A", []string{"[0].id duplicate", "[2].id duplicate"}},
		{4, "C", nil},
	}, calls)

	// The error of each stops the reading.
	stop := errors.New("stop")
	n := 0
	err = dues.ScanRosterJSON(strings.NewReader(roster), func(dues.RosterRow, dangjian.Problems) error {
		n++
		return stop
	})
	assert.Same(t, stop, err)
	assert.Equal(t, 1, n)

	// Text that is not UTF-8 is refused before any member is passed.
	err = dues.ScanRosterJSON(strings.NewReader("[{\"id\": \"\xff\"}]"), func(dues.RosterRow, dangjian.Problems) error {
		t.Fatal("called")
		return nil
	})
	assert.True(t, errors.Is(err, dangjian.ErrEncoding), "%v", err)

	// The members before a syntax error were passed; the error is returned.
	n = 0
	err = dues.ScanRosterJSON(strings.NewReader(`[{"id": "A", "category": "student"}, {"id": `), func(dues.RosterRow, dangjian.Problems) error {
		n++
		return nil
	})
	assert.True(t, errors.Is(err, dangjian.ErrSyntax), "%v", err)
	assert.Equal(t, 1, n)
}
