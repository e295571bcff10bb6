package bench

import (
	"sync"
	"testing"

	"github.com/dangjian-go/dangjian/assess"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/shopspring/decimal"
)

// The seven benchmarks (the library's scorer two ways): each op is one member (dues) or one subject (Yanji),
// so ns/op, B/op and allocs/op are per member or per subject. The dues
// implementations work through a batch of DuesMembers members (chunks of
// it for the library's Batch), the scorers cycle through a cohort of
// CohortSize subjects. Inputs are built outside the timer.

var (
	duesOnce  sync.Once
	duesBatch *DuesBatch
	duesErr   error

	cohortOnce sync.Once
	cohort     *CohortData
	cohortErr  error
)

func benchDues(b *testing.B) *DuesBatch {
	b.Helper()
	duesOnce.Do(func() { duesBatch, duesErr = NewDuesBatch(DuesMembers, DuesSeed) })
	if duesErr != nil {
		b.Fatal(duesErr)
	}
	return duesBatch
}

func benchCohort(b *testing.B) *CohortData {
	b.Helper()
	cohortOnce.Do(func() { cohort, cohortErr = NewCohortData(CohortSize, CohortSeed) })
	if cohortErr != nil {
		b.Fatal(cohortErr)
	}
	return cohort
}

var (
	sinkMoney   funding.Money
	sinkDecimal decimal.Decimal
	sinkFloat   float64
	sinkResult  assess.Result
	sinkFloatR  FloatResult
)

func BenchmarkDuesLibrary(b *testing.B) {
	d := benchDues(b)
	lib, err := NewLibraryDues(DuesRulesDate)
	if err != nil {
		b.Fatal(err)
	}
	out := make([]funding.Money, len(d.Library))
	b.ReportAllocs()
	b.ResetTimer()
	for done := 0; done < b.N; {
		k := min(b.N-done, len(d.Library))
		if err := lib.Batch(d.Library[:k], out[:k]); err != nil {
			b.Fatal(err)
		}
		done += k
	}
	sinkMoney = out[0]
}

func BenchmarkDuesDecimal(b *testing.B) {
	d := benchDues(b)
	n := NewDecimalDues()
	out := make([]decimal.Decimal, len(d.Decimal))
	b.ReportAllocs()
	b.ResetTimer()
	for done := 0; done < b.N; {
		k := min(b.N-done, len(d.Decimal))
		n.Batch(d.Decimal[:k], out[:k])
		done += k
	}
	sinkDecimal = out[0]
}

func BenchmarkDuesFloat(b *testing.B) {
	d := benchDues(b)
	var f FloatDues
	out := make([]float64, len(d.Float))
	b.ReportAllocs()
	b.ResetTimer()
	for done := 0; done < b.N; {
		k := min(b.N-done, len(d.Float))
		f.Batch(d.Float[:k], out[:k])
		done += k
	}
	sinkFloat = out[0]
}

func BenchmarkYanjiLibrary(b *testing.B) {
	c := benchCohort(b)
	lib, err := NewLibraryScorer()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r, err := lib.Score(c.Subjects[i%len(c.Subjects)])
		if err != nil {
			b.Fatal(err)
		}
		sinkResult = r
	}
}

// BenchmarkYanjiLibraryInput is the library's positional form: the inputs
// filled beforehand (as the float alternatives' plain structs are), one
// Result reused.
func BenchmarkYanjiLibraryInput(b *testing.B) {
	c := benchCohort(b)
	lib, err := NewLibraryScorer()
	if err != nil {
		b.Fatal(err)
	}
	ins, err := lib.Inputs(c.Subjects)
	if err != nil {
		b.Fatal(err)
	}
	var res assess.Result
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := lib.ScoreInto(&res, ins[i%len(ins)]); err != nil {
			b.Fatal(err)
		}
	}
	sinkResult = res
}

func BenchmarkYanjiExpr(b *testing.B) {
	c := benchCohort(b)
	s, err := NewExprScorer()
	if err != nil {
		b.Fatal(err)
	}
	run := s.NewRunner()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r, err := run.Score(&c.Plains[i%len(c.Plains)])
		if err != nil {
			b.Fatal(err)
		}
		sinkFloatR = r
	}
}

func BenchmarkYanjiFloat(b *testing.B) {
	c := benchCohort(b)
	f := NewFloatScorer()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r, err := f.Score(&c.Plains[i%len(c.Plains)])
		if err != nil {
			b.Fatal(err)
		}
		sinkFloatR = r
	}
}
