package bench

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/dues"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// The alternatives hard-code the 2017 rules, as a platform would; they are
// the rules the library applies on DuesRulesDate.
func TestAlternativesUseTheLibrarysRules(t *testing.T) {
	rs, err := dues.RulesFor(dangjian.MustParseDate(DuesRulesDate))
	require.NoError(t, err)
	require.Equal(t, "2017", rs.Name)
	var wage, pension []string
	for _, b := range rs.Brackets {
		edge := "open"
		if !b.Open {
			edge = b.UpTo.String()
		}
		s := edge + "@" + b.Rate.String()
		switch b.Scale {
		case dues.WageScale:
			wage = append(wage, s)
		case dues.PensionScale:
			pension = append(pension, s)
		}
	}
	require.Equal(t, []string{"3000.00@0.005", "5000.00@0.01", "10000.00@0.015", "open@0.02"}, wage)
	require.Equal(t, []string{"5000.00@0.005", "open@0.01"}, pension)
	require.True(t, rs.Cap.On)
	require.Equal(t, "1000.00", rs.Cap.Amount.String())
	require.Equal(t, funding.DefaultRounding(), rs.Rounding)

	n := NewDecimalDues()
	var f FloatDues
	for _, c := range []struct {
		kind MemberKind
		cat  dues.Category
		base string
	}{{KindWage, dues.Employed, "3000"}, {KindWage, dues.Employed, "3000.01"}, {KindWage, dues.Employed, "10000.01"},
		{KindWage, dues.Employed, "60000"}, {KindPension, dues.Retired, "5000"}, {KindPension, dues.Retired, "5000.01"},
		{KindFlat, dues.Farmer, "0"}} {
		lib, err := rs.Monthly(dues.Member{Category: c.cat, Base: funding.MustParseMoney(c.base)}, dangjian.MustParseDate(DuesRulesDate))
		require.NoError(t, err)
		got, err := n.AmountText(c.kind, c.base)
		require.NoError(t, err)
		require.Equal(t, lib.Amount.String(), got, "decimal at %s", c.base)
		got, err = f.AmountText(c.kind, c.base)
		require.NoError(t, err)
		require.Equal(t, lib.Amount.String(), got, "float at %s", c.base)
	}
}

// The full sweep: every fen of the 在职 base from 0 to 20,000 元. The decimal
// implementation agrees everywhere; the float64 one's differences are
// counted and logged.
func TestDuesSweep(t *testing.T) {
	lib, err := NewLibraryDues(DuesRulesDate)
	require.NoError(t, err)
	res, err := SweepDues(lib, KindWage, SweepMaxFen, 6, []string{"decimal", "float64"}, []DuesAlt{NewDecimalDues(), FloatDues{}})
	require.NoError(t, err)
	require.Len(t, res, 2)
	for _, r := range res {
		require.EqualValues(t, SweepMaxFen+1, r.Values, r.Name)
		require.Equal(t, r.Differ, r.Higher+r.Lower, r.Name)
		t.Logf("%s: %d of %d bases differ from the library (%d higher, %d lower)", r.Name, r.Differ, r.Values, r.Higher, r.Lower)
		for _, e := range r.Examples {
			t.Logf("  base %s 元: library %s, %s %s", e.Base, e.Library, r.Name, e.Alt)
		}
	}
	require.Zero(t, res[0].Differ, "the decimal implementation must agree with the library: %+v", res[0].Examples)
	require.Empty(t, res[0].Examples)
}

// offBy is an alternative that agrees with the library except on the bases
// whose fen are a multiple of every, where it answers one fen less (or
// more, on odd multiples).
type offBy struct {
	lib   *LibraryDues
	every int64
}

func (o offBy) AmountText(kind MemberKind, base string) (string, error) {
	want, err := o.lib.AmountText(kind, base)
	if err != nil {
		return "", err
	}
	m := funding.MustParseMoney(base)
	if m.Fen()%o.every != 0 {
		return want, nil
	}
	delta := int64(-1)
	if (m.Fen()/o.every)%2 == 1 {
		delta = 1
	}
	return funding.Fen(funding.MustParseMoney(want).Fen() + delta).String(), nil
}

// The counting machinery counts what it should.
func TestSweepCounts(t *testing.T) {
	lib, err := NewLibraryDues(DuesRulesDate)
	require.NoError(t, err)
	const maxFen = 100_000
	res, err := SweepDues(lib, KindWage, maxFen, 4, []string{"same", "off"}, []DuesAlt{lib, offBy{lib: lib, every: 1000}})
	require.NoError(t, err)
	require.Zero(t, res[0].Differ)
	require.EqualValues(t, maxFen/1000+1, res[1].Differ) // 0, 1000, …, 100000
	require.EqualValues(t, 50, res[1].Higher)            // odd multiples
	require.EqualValues(t, 51, res[1].Lower)
	require.Len(t, res[1].Examples, 4)
	require.Equal(t, DuesDiff{Base: "0.00", Library: "0.00", Alt: "-0.01"}, res[1].Examples[0])
	// The second quarter of 0 … 100000 fen starts at 25000.25 fen: its first
	// multiple of 1000 fen is 26000.
	require.Equal(t, "260.00", res[1].Examples[1].Base)
	_, err = SweepDues(lib, KindWage, 10, 1, []string{"a"}, nil)
	require.Error(t, err)
}

// On the benchmark's batch the three implementations are checked before
// they are timed: the decimal one agrees on every member.
func TestDuesBatchAgree(t *testing.T) {
	d, err := NewDuesBatch(DuesMembers, DuesSeed)
	require.NoError(t, err)
	lib, err := NewLibraryDues(DuesRulesDate)
	require.NoError(t, err)
	outM := make([]funding.Money, len(d.Library))
	require.NoError(t, lib.Batch(d.Library, outM))
	outD := make([]decimal.Decimal, len(d.Decimal))
	NewDecimalDues().Batch(d.Decimal, outD)
	outF := make([]float64, len(d.Float))
	FloatDues{}.Batch(d.Float, outF)
	floatWrong := 0
	for i := range outM {
		require.Equal(t, outM[i].String(), outD[i].StringFixed(2), "member %d, base %s", i, d.Text[i])
		if FormatYuan(outF[i]) != outM[i].String() {
			floatWrong++
		}
		require.InDelta(t, float64(outM[i].Fen())/100, outF[i], 0.0100001, "member %d, base %s", i, d.Text[i])
	}
	t.Logf("float64: %d of %d members differ from the library", floatWrong, len(outM))
}

// libraryAsFloat answers the library's own totals: the comparison must
// count no difference.
type libraryAsFloat struct {
	totals map[string]string
	grades map[string]string
	shift  int // every shift-th subject is off by 0.01 (0: none)
	n      int
}

func (l *libraryAsFloat) Score(p *Plain) (FloatResult, error) {
	v, err := strconv.ParseFloat(l.totals[p.ID], 64)
	if err != nil {
		return FloatResult{}, err
	}
	l.n++
	if l.shift > 0 && l.n%l.shift == 0 {
		v += 0.01
	}
	return FloatResult{Total: v, Grade: l.grades[p.ID]}, nil
}

// The float alternatives agree with the library to within 0.01 on a cohort;
// how many totals differ exactly is logged.
func TestCohortAgree(t *testing.T) {
	const n = 20_000
	c, err := NewCohortData(n, CohortSeed)
	require.NoError(t, err)
	lib, err := NewLibraryScorer()
	require.NoError(t, err)
	lt, err := ScoreLibrary(lib, c.Subjects)
	require.NoError(t, err)
	es, err := NewExprScorer()
	require.NoError(t, err)

	// The counting machinery.
	same := &libraryAsFloat{totals: map[string]string{}, grades: map[string]string{}}
	for i, p := range c.Plains {
		same.totals[p.ID], same.grades[p.ID] = lt.Total[i], lt.Grade[i]
	}
	cc, err := CompareCohort("same", lt, c.Plains, same, 3)
	require.NoError(t, err)
	require.Zero(t, cc.Differ)
	require.Zero(t, cc.GradeDiffer)
	shifted := &libraryAsFloat{totals: same.totals, grades: same.grades, shift: 100}
	cc, err = CompareCohort("shifted", lt, c.Plains, shifted, 3)
	require.NoError(t, err)
	require.Equal(t, n/100, cc.Differ)
	require.Len(t, cc.Examples, 3)
	require.InDelta(t, 0.01, cc.MaxAbs, 1e-9)

	for _, alt := range []struct {
		name string
		a    FloatAlt
	}{{"float64", NewFloatScorer()}, {"expr", es.NewRunner()}} {
		cc, err := CompareCohort(alt.name, lt, c.Plains, alt.a, 5)
		require.NoError(t, err)
		require.LessOrEqual(t, cc.MaxAbs, 0.01+1e-9, alt.name)
		t.Logf("%s: %d of %d totals differ from the library's exact total (largest %.4f), %d grades, %d 日常考核 and %d 述职评议 components",
			alt.name, cc.Differ, cc.Subjects, cc.MaxAbs, cc.GradeDiffer, cc.DailyDiffer, cc.ReviewDiffer)
		for _, e := range cc.Examples {
			t.Logf("  %s: 日常考核 %s / %s, 述职评议 %s / %s, total %s (library) / %s (%s)", e.ID, e.LibDaily, e.AltDaily, e.LibReview, e.AltRev, e.Library, e.Alt, alt.name)
		}
	}
}

// The two float alternatives compute the same scheme: they agree with each
// other on every subject, to the last bit of the rounded results.
func TestFloatAlternativesAgree(t *testing.T) {
	recs := Cohort(5_000, 7)
	pl, err := Plains(recs)
	require.NoError(t, err)
	es, err := NewExprScorer()
	require.NoError(t, err)
	run, fs := es.NewRunner(), NewFloatScorer()
	for i := range pl {
		a, err := run.Score(&pl[i])
		require.NoError(t, err)
		b, err := fs.Score(&pl[i])
		require.NoError(t, err)
		require.Equal(t, FormatYuan(b.Total), FormatYuan(a.Total), pl[i].ID)
		require.Equal(t, b.Grade, a.Grade, pl[i].ID)
	}
}

// The scheme's semantics on hand-made subjects, for all three: caps, 扣完为止,
// a case counted once, the per-point clause, 不了解, a void group, the
// bonus caps, the veto and the grade gates.
func TestYanjiByHand(t *testing.T) {
	lib, err := NewLibraryScorer()
	require.NoError(t, err)
	es, err := NewExprScorer()
	require.NoError(t, err)
	run, fs := es.NewRunner(), NewFloatScorer()
	ten := Ballots{Good: 10}
	full := Record{ID: "full", Category: "村",
		Yanshi: yanshiItems, Duiwu: duiwuItems, Fuwu: fuwuItems,
		Jianshi: "100", Baozhang: "100", Pinpai: "10",
		Leaders: ten, Members: ten, Masses: ten}
	for _, c := range []struct {
		name  string
		edit  func(r *Record)
		total string
		grade string
	}{
		{"full marks", func(*Record) {}, "100.00", "好"},
		{"caps and a case", func(r *Record) {
			r.Yashi = []Event{{Clause: "leading_group", Count: 5}, {Clause: "work_day", Count: 2},
				{Clause: "discipline", Count: 1, Level: "诫勉", Case: "A"}, {Clause: "discipline", Count: 1, Level: "重处分", Case: "A"},
				{Clause: "discipline", Count: 1, Level: "轻处分"}}
			// yashi: 15 − (3 capped + 1 + 5 for case A + 3) = 3; daily 88
		}, "91.60", "好"},
		{"扣完为止", func(r *Record) {
			r.Zhendi = []Event{{Clause: "venue_standard", Count: 3}, {Clause: "venue_misuse", Count: 2}, {Clause: "platform_use", Count: 1, Value: "60"}}
			// zhendi: 10 − (6 + 4 + 4 capped) < 0 → 0; daily 90
		}, "93.00", "好"},
		{"per point", func(r *Record) {
			r.Zhendi = []Event{{Clause: "platform_use", Count: 1, Value: "86.5"}}
			r.Jianshi = "92.35" // 9.235
			// zhendi 10 − 3 × 0.2 = 9.4; daily 100 − 0.6 − 0.765 = 98.635 → 98.64; × 0.7 = 69.048
		}, "99.05", "好"},
		{"votes", func(r *Record) {
			r.Leaders = Ballots{Good: 2, Fair: 1, Unknown: 1, Issued: 4, Returned: 4} // (200 + 80) / 3
			r.Members = Ballots{Good: 5, Fair: 3, Average: 1, Poor: 1}                // 840 / 10 = 84
			r.Masses = Ballots{Good: 10, Issued: 10, Returned: 11}                    // void
			// (0.3 × 280/3 + 0.4 × 84) / 0.7 = 61.6 / 0.7 = 88; 70 + 26.4
		}, "96.40", "好"},
		{"votes, a fraction", func(r *Record) {
			r.Leaders = Ballots{Good: 2, Fair: 1, Unknown: 1} // 280 / 3
			r.Members = Ballots{Good: 6, Fair: 3, Average: 1} // 900 / 10 = 90
			r.Masses = Ballots{Good: 7, Poor: 2, Unknown: 1}  // 780 / 9
			// 0.3 × 280/3 + 0.4 × 90 + 0.3 × 780/9 = 28 + 36 + 26 = 90 (weights sum to 1)
			r.Jianshi = "99.95" // 9.995: daily 99.995 → 100.00 (half-up)
		}, "97.00", "好"},
		{"bonus and not 好", func(r *Record) {
			r.Pinpai = "0"
			r.AwardCity, r.AwardHigher, r.Promoted = 5, 1, 1 // 2 + 2 + 1 = 5
			r.TeamDisunity = true
			// daily 90 → 63 + 30 + 5 = 98, 好 barred
		}, "98.00", "较好"},
		{"veto", func(r *Record) { r.SeriousViolation = true }, "0.00", "差"},
	} {
		rec := full
		c.edit(&rec)
		s, err := rec.Subject()
		require.NoError(t, err)
		r, err := lib.Score(s)
		require.NoError(t, err, c.name)
		require.Equal(t, c.total, r.Total.Fixed(2), c.name)
		require.Equal(t, c.grade, r.Grade, c.name)
		p, err := rec.Plain()
		require.NoError(t, err)
		for _, alt := range []FloatAlt{run, fs} {
			f, err := alt.Score(&p)
			require.NoError(t, err, c.name)
			require.InDelta(t, math.Round(mustFloat(t, c.total)*100), math.Round(f.Total*100), 1, "%s: %v", c.name, f)
			require.Equal(t, c.grade, f.Grade, c.name)
		}
	}
}

func mustFloat(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	require.NoError(t, err)
	return v
}

// The national program at a tiny scale.
func TestNationalTiny(t *testing.T) {
	cfg := DefaultNational
	cfg.Orgs, cfg.Members, cfg.Assessments, cfg.Batch, cfg.AssessBatch = 20_000, 200_000, 2_000, 30_000, 700
	var out bytes.Buffer
	res, err := National(cfg, &out)
	require.NoError(t, err)
	t.Log("\n" + out.String())
	require.Len(t, res.Stages, 5)
	require.EqualValues(t, 20_000, res.OrgRecords)
	require.Positive(t, res.Findings)
	require.Equal(t, res.Findings, res.Errors+res.Warnings+res.Infos)
	require.EqualValues(t, 200_000, res.DuesCount)
	var n, fen int64
	for k, v := range res.DuesByCat {
		n += v
		fen += res.DuesFenByCat[k]
	}
	require.EqualValues(t, res.DuesCount, n)
	require.Equal(t, res.DuesTotalFen, fen)
	require.EqualValues(t, 2_000, res.Assessed)
	var g int64
	for _, v := range res.Grades {
		g += v
	}
	require.EqualValues(t, 2_000, g)
	for _, st := range res.Stages {
		require.Positive(t, st.PeakSys, st.Name)
		require.Positive(t, st.Wall, st.Name)
	}

	// Streaming in batches gives the same totals as one batch.
	cfg.Orgs, cfg.Assessments, cfg.Batch = 0, 0, 200_000
	one, err := National(cfg, &bytes.Buffer{})
	require.NoError(t, err)
	require.Equal(t, res.DuesTotalFen, one.DuesTotalFen)

	// The dues total equals the library's per-member answers summed.
	d, err := NewDuesBatch(1000, DuesSeed)
	require.NoError(t, err)
	cfg.Members, cfg.Seed = 1000, DuesSeed
	small, err := National(cfg, &bytes.Buffer{})
	require.NoError(t, err)
	lib, err := NewLibraryDues(DuesRulesDate)
	require.NoError(t, err)
	var sum int64
	for _, in := range d.Library {
		m, err := lib.Calc.Amount(in.Category, in.Base)
		require.NoError(t, err)
		sum += m.Fen()
	}
	require.Equal(t, sum, small.DuesTotalFen)

	_, err = National(NationalConfig{Batch: 0, AssessBatch: 1, Sample: time.Millisecond}, &bytes.Buffer{})
	require.Error(t, err)
}

// The ratios program at a tiny scale.
func TestRatiosTiny(t *testing.T) {
	var out bytes.Buffer
	res, err := Ratios(RatiosConfig{Members: 5000, Subjects: 500, Reps: 1, SweepFen: 50_000, Examples: 3}, &out)
	require.NoError(t, err)
	require.Len(t, res.Dues, 3)
	require.Len(t, res.Yanji, 4)
	require.Zero(t, res.Sweep[0].Differ)
	for _, name := range []string{"| library |", "| decimal |", "| float64 |", "| expr |"} {
		require.True(t, strings.Contains(out.String(), name), fmt.Sprintf("%s missing from\n%s", name, out.String()))
	}
}
