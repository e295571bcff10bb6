package compare

import (
	"math"
	"math/big"
	"math/rand/v2"
	"strconv"
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

// The model of a Java double (a 53-bit big.Float rounded to nearest even)
// gives, on the bases and rates the patterns meet, ties and near-ties
// among them, exactly what the hardware's float64 gives: the product, and
// each pattern's amount computed here independently in float64 (which
// this test, and only it, uses as the reference).
func TestDoubleModel(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	rates := []string{"0.005", "0.01", "0.015", "0.02", "0.03", "0.001"}
	var bases []int64
	for _, b := range []int64{0, 1, 50, 100000, 300000, 300001, 501500, 4292500, 999999999} {
		bases = append(bases, b, -b)
	}
	for i := 0; i < 50000; i++ {
		bases = append(bases, rng.Int64N(2_000_000_00), rng.Int64N(1<<53))
	}
	for _, rs := range rates {
		rate := funding.MustParseRate(rs)
		rd, ok := javaRate(rate)
		require.True(t, ok)
		f, err := strconv.ParseFloat(rs, 64) // the nearest double
		require.NoError(t, err)
		for _, fen := range bases {
			base := funding.Fen(fen)
			x := float64(fen) / 100 * f
			got, ok := javaProduct(base, rd)
			require.True(t, ok)
			want, _ := new(big.Float).SetFloat64(x).Rat(nil)
			require.Zero(t, want.Cmp(exactOf(got)), "%s × %s", base, rs)

			v, ok := halfUpFen(got)
			require.True(t, ok)
			require.Equal(t, bigHalfUpFen(x), v.Fen(), "%s × %s", base, rs)

			v, ok = javaMathRound(got)
			require.True(t, ok)
			y := x * 100
			r := math.Floor(y)
			if y-r >= 0.5 { // exact in double: Java's Math.round, ties up
				r++
			}
			require.Equal(t, int64(r), v.Fen(), "Math.round %s × %s", base, rs)

			v, ok = javaCeilJiao(got)
			require.True(t, ok)
			require.Equal(t, int64(math.Ceil(x*10))*10, v.Fen(), "Math.ceil %s × %s", base, rs)
		}
	}
	huge, _ := javaRate(funding.MustParseRate("1000000"))
	x, ok := javaProduct(funding.Fen(1<<52), huge)
	require.True(t, ok)
	_, ok = halfUpFen(x)
	assert.False(t, ok, "an amount past an int64 of fen")
	_, ok = javaProduct(funding.Fen(1<<53), huge)
	assert.False(t, ok, "a base past 2^53 fen")
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
