package compare

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/dues"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// bigHalfUpFen is new BigDecimal(x).setScale(2, HALF_UP) through
// math/big: the exact rational value of x, times 100, half away from zero.
func bigHalfUpFen(x float64) int64 {
	exact, _ := new(big.Float).SetFloat64(x).Rat(nil)
	exact.Mul(exact, big.NewRat(100, 1))
	num, den := new(big.Int).Abs(exact.Num()), exact.Denom()
	q, r := new(big.Int).QuoRem(num, den, new(big.Int))
	if r.Lsh(r, 1).Cmp(den) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	if exact.Sign() < 0 {
		q.Neg(q)
	}
	return q.Int64()
}

// halfUpFen agrees with math/big on doubles of every magnitude the
// patterns meet, ties and near-ties among them.
func TestHalfUpFen(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	xs := []float64{0, 0.005, -0.005, 0.015, 5.015, 42.925, 1e-300, 1e15, -1e15, 1.0 / 3, 93.5175, math.SmallestNonzeroFloat64}
	for i := 0; i < 100000; i++ {
		xs = append(xs, float64(rng.IntN(2000000))*[]float64{0.005, 0.01, 0.015, 0.02}[i%4]/100, rng.Float64()*1e6, -rng.Float64()*1e3)
	}
	for _, x := range xs {
		got, ok := halfUpFen(x)
		require.True(t, ok, "%v", x)
		require.Equal(t, bigHalfUpFen(x), got.Fen(), "%v", x)
	}
	_, ok := halfUpFen(1e18)
	assert.False(t, ok)
}

// The integer rounding of a bracket's product agrees with funding.MulRate.
func TestScaledRate(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	modes := []funding.Rounding{{Places: 1, Mode: dangjian.Up}, {Places: 2, Mode: dangjian.Down},
		{Places: 2, Mode: dangjian.HalfEven}, {Places: 2, Mode: dangjian.HalfUp}}
	for _, b := range dues.Rules2017().Brackets {
		s := scaleRate(b.Rate)
		require.True(t, s.ok, b.ID)
		for i := 0; i < 20000; i++ {
			base := funding.Fen(rng.Int64N(10_000_000_00) - 1000)
			for _, r := range modes {
				want, err := funding.MulRate(base, b.Rate, r)
				require.NoError(t, err)
				got, ok := s.round(base, r)
				require.True(t, ok)
				require.Equal(t, want, got, "%s %s %v", b.ID, base, r)
			}
		}
	}
	_, ok := scaleRate(funding.MustParseRate("0.015")).round(funding.Fen(math.MaxInt64), funding.DefaultRounding())
	assert.False(t, ok)
}
