package assess

import (
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/dangjian-go/dangjian/internal/rat"
	"github.com/stretchr/testify/require"
)

// TestQuotaAllowedByDefinition: the count a quota allows is max × base
// rounded by its count rounding, checked against math/big from the
// definitions (floor, ceiling, half up: ⌊x + ½⌋ for x ≥ 0) over random
// shares and cohort sizes, including every spelling of the rounding.
func TestQuotaAllowedByDefinition(t *testing.T) {
	g := rand.New(rand.NewPCG(3, 1))
	for range 20000 {
		d := g.Int64N(1000) + 1
		n := g.Int64N(d + 1) // a share in [0, 1]
		r, err := rat.New(n, d)
		require.NoError(t, err)
		base := g.IntN(100_000)
		x := new(big.Rat).Mul(big.NewRat(r.N, r.D), new(big.Rat).SetInt64(int64(base)))
		floor := new(big.Int).Quo(x.Num(), x.Denom())
		ceil := new(big.Int).Neg(new(big.Int).Quo(new(big.Int).Neg(x.Num()), x.Denom()))
		if new(big.Int).Rem(x.Num(), x.Denom()).Sign() != 0 {
			ceil.Add(floor, big.NewInt(1))
		}
		half := new(big.Rat).Add(x, big.NewRat(1, 2))
		halfUp := new(big.Int).Quo(half.Num(), half.Denom())
		for _, c := range []struct {
			count CountRounding
			want  *big.Int
		}{{"", floor}, {CountFloor, floor}, {CountCeil, ceil}, {"ceil", ceil}, {CountHalfUp, halfUp}} {
			q := Quota{Max: Share{r: r, set: true}, Count: c.count}
			got, err := q.allowed(base)
			require.NoError(t, err)
			require.Equal(t, c.want.Int64(), int64(got), "%s × %d, %q", r, base, c.count)
		}
	}
	_, err := (&Quota{Max: Share{r: rat.One, set: true}, Count: "nearest"}).allowed(3)
	require.ErrorContains(t, err, `count rounding "nearest"`)
}
