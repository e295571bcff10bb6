package bench

import (
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/dangjian-go/dangjian/assess"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/shopspring/decimal"
)

// RatiosConfig sizes the ratios run.
type RatiosConfig struct {
	Members  int   // members in the dues batch
	Subjects int   // subjects in the Yanji cohort
	Reps     int   // timed passes over the data per implementation (the median is shown)
	SweepFen int64 // the dues sweep covers 0 … SweepFen fen
	Examples int   // differing cases shown per alternative
}

// DefaultRatios is the configuration of `go run ./ratios`.
var DefaultRatios = RatiosConfig{Members: DuesMembers, Subjects: CohortSize, Reps: 5, SweepFen: SweepMaxFen, Examples: 6}

// Timing is one implementation's measured cost per unit (member or
// subject): the median of the passes, and the allocations of one pass.
type Timing struct {
	Name          string
	NsPerUnit     float64
	AllocsPerUnit float64
	BytesPerUnit  float64
	Runs          []time.Duration
}

// timePasses runs pass once to warm up, once more to count allocations,
// then reps times, and returns the median.
func timePasses(name string, units, reps int, pass func() error) (Timing, error) {
	if err := pass(); err != nil {
		return Timing{}, err
	}
	runtime.GC()
	var a, b runtime.MemStats
	runtime.ReadMemStats(&a)
	if err := pass(); err != nil {
		return Timing{}, err
	}
	runtime.ReadMemStats(&b)
	t := Timing{Name: name, AllocsPerUnit: float64(b.Mallocs-a.Mallocs) / float64(units), BytesPerUnit: float64(b.TotalAlloc-a.TotalAlloc) / float64(units)}
	for i := 0; i < reps; i++ {
		start := time.Now()
		if err := pass(); err != nil {
			return Timing{}, err
		}
		t.Runs = append(t.Runs, time.Since(start))
	}
	runs := slices.Clone(t.Runs)
	slices.Sort(runs)
	t.NsPerUnit = float64(runs[len(runs)/2].Nanoseconds()) / float64(units)
	return t, nil
}

// RatiosResult is what Ratios measured.
type RatiosResult struct {
	Dues   []Timing // library, decimal, float
	Yanji  []Timing // library positional, library Subject, expr, float
	Sweep  []DuesSweep
	Cohort []CohortCompare
}

// Ratios times each implementation of both workloads, computes the
// wrong-result counts and prints them side by side to w.
func Ratios(cfg RatiosConfig, w io.Writer) (*RatiosResult, error) {
	res := &RatiosResult{}
	fmt.Fprintf(w, "go %s, %s/%s, GOMAXPROCS %d\n\n", strings.TrimPrefix(runtime.Version(), "go"), runtime.GOOS, runtime.GOARCH, runtime.GOMAXPROCS(0))

	// Dues.
	lib, err := NewLibraryDues(DuesRulesDate)
	if err != nil {
		return nil, err
	}
	d, err := NewDuesBatch(cfg.Members, DuesSeed)
	if err != nil {
		return nil, err
	}
	outM := make([]funding.Money, len(d.Library))
	outD := make([]decimal.Decimal, len(d.Decimal))
	outF := make([]float64, len(d.Float))
	dec := NewDecimalDues()
	var flt FloatDues
	for _, impl := range []struct {
		name string
		pass func() error
	}{
		{"library", func() error { return lib.Batch(d.Library, outM) }},
		{"decimal", func() error { dec.Batch(d.Decimal, outD); return nil }},
		{"float64", func() error { flt.Batch(d.Float, outF); return nil }},
	} {
		t, err := timePasses(impl.name, cfg.Members, cfg.Reps, impl.pass)
		if err != nil {
			return nil, err
		}
		res.Dues = append(res.Dues, t)
	}
	// The batch results agree before they are compared for speed.
	batchDiff := [2]int{}
	for i := range outM {
		if outD[i].StringFixed(2) != outM[i].String() {
			batchDiff[0]++
		}
		if FormatYuan(outF[i]) != outM[i].String() {
			batchDiff[1]++
		}
	}
	res.Sweep, err = SweepDues(lib, KindWage, cfg.SweepFen, cfg.Examples, []string{"decimal", "float64"}, []DuesAlt{dec, flt})
	if err != nil {
		return nil, err
	}

	fmt.Fprintf(w, "Dues: a batch of %d members (70 %% 在职, 25 %% 离退休, 5 %% 农民), 2017 rules; median of %d passes\n\n", cfg.Members, cfg.Reps)
	fmt.Fprintf(w, "| implementation | time vs library | ns/member | allocs/member | B/member | wrong in the batch | wrong in the sweep (在职, 0–%s 元, %d bases) |\n|---|---:|---:|---:|---:|---:|---:|\n",
		funding.Fen(cfg.SweepFen).String(), cfg.SweepFen+1)
	for i, t := range res.Dues {
		wrongB, wrongS := "—", "—"
		if i > 0 {
			wrongB = fmt.Sprint(batchDiff[i-1])
			wrongS = fmt.Sprintf("%d (%.4f %%)", res.Sweep[i-1].Differ, 100*float64(res.Sweep[i-1].Differ)/float64(res.Sweep[i-1].Values))
		}
		fmt.Fprintf(w, "| %s | %s | %.1f | %.1f | %.0f | %s | %s |\n", t.Name, ratio(t.NsPerUnit, res.Dues[0].NsPerUnit), t.NsPerUnit, t.AllocsPerUnit, t.BytesPerUnit, wrongB, wrongS)
	}
	for _, s := range res.Sweep {
		if len(s.Examples) == 0 {
			fmt.Fprintf(w, "\n%s: no difference in the sweep\n", s.Name)
			continue
		}
		fmt.Fprintf(w, "\n%s: %d differences (%d higher, %d lower); some:\n\n| base (元) | library | %s |\n|---:|---:|---:|\n", s.Name, s.Differ, s.Higher, s.Lower, s.Name)
		for _, e := range s.Examples {
			fmt.Fprintf(w, "| %s | %s | %s |\n", e.Base, e.Library, e.Alt)
		}
	}

	// Yanji.
	c, err := NewCohortData(cfg.Subjects, CohortSeed)
	if err != nil {
		return nil, err
	}
	d = nil
	outM, outD, outF = nil, nil, nil
	sc, err := NewLibraryScorer()
	if err != nil {
		return nil, err
	}
	es, err := NewExprScorer()
	if err != nil {
		return nil, err
	}
	run := es.NewRunner()
	fs := NewFloatScorer()
	lt, err := ScoreLibrary(sc, c.Subjects)
	if err != nil {
		return nil, err
	}
	ins, err := sc.Inputs(c.Subjects)
	if err != nil {
		return nil, err
	}
	var into assess.Result
	for _, impl := range []struct {
		name string
		alt  FloatAlt
	}{{"expr", run}, {"float64", fs}} {
		cc, err := CompareCohort(impl.name, lt, c.Plains, impl.alt, cfg.Examples)
		if err != nil {
			return nil, err
		}
		res.Cohort = append(res.Cohort, cc)
	}
	for _, impl := range []struct {
		name string
		pass func() error
	}{
		{"library (positional Input, ScoreInto)", func() error {
			for _, in := range ins {
				if err := sc.ScoreInto(&into, in); err != nil {
					return err
				}
			}
			return nil
		}},
		{"library (Subject maps, Score)", func() error {
			for i := range c.Subjects {
				if _, err := sc.Score(c.Subjects[i]); err != nil {
					return err
				}
			}
			return nil
		}},
		{"expr", func() error {
			for i := range c.Plains {
				if _, err := run.Score(&c.Plains[i]); err != nil {
					return err
				}
			}
			return nil
		}},
		{"float64", func() error {
			for i := range c.Plains {
				if _, err := fs.Score(&c.Plains[i]); err != nil {
					return err
				}
			}
			return nil
		}},
	} {
		t, err := timePasses(impl.name, cfg.Subjects, cfg.Reps, impl.pass)
		if err != nil {
			return nil, err
		}
		res.Yanji = append(res.Yanji, t)
	}
	fmt.Fprintf(w, "\nYanji duty report (yanji-shuzhi): a cohort of %d subjects, 30 votes each; median of %d passes\n\n", cfg.Subjects, cfg.Reps)
	fmt.Fprintf(w, "| implementation | time vs library | ns/subject | allocs/subject | B/subject | totals wrong | grades wrong | 日常考核 wrong | largest error |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for i, t := range res.Yanji {
		wrong, grades, daily, maxAbs := "—", "—", "—", "—"
		if i > 1 {
			cc := res.Cohort[i-2]
			wrong = fmt.Sprintf("%d (%.2f %%)", cc.Differ, 100*float64(cc.Differ)/float64(cc.Subjects))
			grades, daily, maxAbs = fmt.Sprint(cc.GradeDiffer), fmt.Sprint(cc.DailyDiffer), fmt.Sprintf("%.2f", cc.MaxAbs)
		}
		fmt.Fprintf(w, "| %s | %s | %.0f | %.1f | %.0f | %s | %s | %s | %s |\n", t.Name, ratio(t.NsPerUnit, res.Yanji[0].NsPerUnit), t.NsPerUnit, t.AllocsPerUnit, t.BytesPerUnit, wrong, grades, daily, maxAbs)
	}
	for _, cc := range res.Cohort {
		if len(cc.Examples) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s: some differing totals (the components after their rounding, library / %s):\n\n", cc.Name, cc.Name)
		fmt.Fprintf(w, "| subject | 日常考核 | 述职评议 | total, library | total, %s | grade, library | grade, %s |\n|---|---:|---:|---:|---:|---|---|\n", cc.Name, cc.Name)
		for _, e := range append(cc.Examples, cc.GradeExamples...) {
			fmt.Fprintf(w, "| %s | %s / %s | %s / %s | %s | %s | %s | %s |\n", e.ID, e.LibDaily, e.AltDaily, e.LibReview, e.AltRev, e.Library, e.Alt, e.LibGrade, e.AltGrade)
		}
	}
	return res, nil
}

// ratio describes t against the library's time.
func ratio(t, lib float64) string {
	switch r := t / lib; {
	case r >= 1.05:
		return fmt.Sprintf("%.1f× slower", r)
	case r <= 0.95:
		return fmt.Sprintf("%.1f× faster", 1/r)
	default:
		return fmt.Sprintf("same (%.2f×)", r)
	}
}
