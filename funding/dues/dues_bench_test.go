package dues_test

import (
	"math/rand/v2"
	"testing"

	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/dues"
	"github.com/shopspring/decimal"
)

const benchMembers = 1 << 20

// benchInputs is a month of a mixed membership: mostly employed, a quarter
// retired, a few flat categories; bases spread over every bracket.
func benchInputs() []dues.BatchInput {
	r := rand.New(rand.NewPCG(2024, 6))
	in := make([]dues.BatchInput, benchMembers)
	for i := range in {
		switch k := r.IntN(100); {
		case k < 70:
			in[i] = dues.BatchInput{Category: dues.Employed, Base: funding.Fen(r.Int64N(2_500_000))}
		case k < 95:
			in[i] = dues.BatchInput{Category: dues.Retired, Base: funding.Fen(r.Int64N(900_000))}
		default:
			in[i] = dues.BatchInput{Category: dues.Farmer}
		}
	}
	return in
}

var sinkMoney funding.Money

// BenchmarkDuesBatch is the library's batch path.
func BenchmarkDuesBatch(b *testing.B) {
	c, err := dues.Rules2017().Compile()
	if err != nil {
		b.Fatal(err)
	}
	in := benchInputs()
	out := make([]funding.Money, len(in))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := c.Batch(in, out); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/benchMembers, "ns/member")
	sinkMoney = out[len(out)-1]
}

// naive is dues written straightforwardly with shopspring/decimal, one
// member at a time: decimal bracket edges and rates prepared once, the base
// converted to a decimal, compared, multiplied and rounded half-up.
type naive struct {
	wageEdges, pensionEdges []decimal.Decimal
	wageRates, pensionRates []decimal.Decimal
	flat, cap               decimal.Decimal
}

func newNaive() naive {
	d := decimal.RequireFromString
	return naive{
		wageEdges:    []decimal.Decimal{d("3000"), d("5000"), d("10000")},
		wageRates:    []decimal.Decimal{d("0.005"), d("0.01"), d("0.015"), d("0.02")},
		pensionEdges: []decimal.Decimal{d("5000")},
		pensionRates: []decimal.Decimal{d("0.005"), d("0.01")},
		flat:         d("0.20"),
		cap:          d("1000"),
	}
}

func (n naive) dues(in dues.BatchInput) funding.Money {
	if in.Category.IsFlat() {
		return funding.Fen(n.flat.Shift(2).IntPart())
	}
	edges, rates := n.wageEdges, n.wageRates
	if in.Category == dues.Retired {
		edges, rates = n.pensionEdges, n.pensionRates
	}
	base := decimal.New(in.Base.Fen(), -2)
	rate := rates[len(rates)-1]
	for i, e := range edges {
		if base.LessThanOrEqual(e) {
			rate = rates[i]
			break
		}
	}
	amount := base.Mul(rate).Round(2)
	if amount.GreaterThan(n.cap) {
		amount = n.cap
	}
	return funding.Fen(amount.Shift(2).IntPart())
}

// BenchmarkDuesNaiveDecimal is the same computation written naively with
// shopspring/decimal per member.
func BenchmarkDuesNaiveDecimal(b *testing.B) {
	n := newNaive()
	in := benchInputs()
	out := make([]funding.Money, len(in))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k := range in {
			out[k] = n.dues(in[k])
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/benchMembers, "ns/member")
	sinkMoney = out[len(out)-1]
}

// BenchmarkDuesBracketFloor is a bare int64 bracket lookup and multiply,
// with no rounding, cap or category dispatch: the floor for any exact
// implementation.
func BenchmarkDuesBracketFloor(b *testing.B) {
	in := benchInputs()
	edges := [3]int64{300000, 500000, 1000000}
	ppm := [4]int64{5000, 10000, 15000, 20000}
	out := make([]int64, len(in))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k := range in {
			f := in[k].Base.Fen()
			j := 0
			for j < 3 && f > edges[j] {
				j++
			}
			out[k] = f * ppm[j] / 1_000_000
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/benchMembers, "ns/member")
}

// BenchmarkDuesMonthly is the full path with its trace, one member at a
// time.
func BenchmarkDuesMonthly(b *testing.B) {
	rs := dues.Rules2017()
	in := benchInputs()[:4096]
	month := day("2024-06-01")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x := in[i%len(in)]
		m := dues.Member{Category: x.Category}
		if !x.Category.IsFlat() {
			m.Base = x.Base
		}
		d, err := rs.Monthly(m, month)
		if err != nil {
			b.Fatal(err)
		}
		sinkMoney = d.Amount
	}
}

// The naive implementation agrees with the library on the benchmark data,
// so the comparison is of equal work.
func TestNaiveAgrees(t *testing.T) {
	c, err := dues.Rules2017().Compile()
	if err != nil {
		t.Fatal(err)
	}
	n := newNaive()
	in := benchInputs()[:50_000]
	out := make([]funding.Money, len(in))
	if err := c.Batch(in, out); err != nil {
		t.Fatal(err)
	}
	for i := range in {
		if got := n.dues(in[i]); got != out[i] {
			t.Fatalf("%v: naive %s, library %s", in[i], got, out[i])
		}
	}
}
