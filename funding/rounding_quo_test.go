package funding_test

import (
	"math/rand/v2"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// Quo rounds the exact quotient once, as the root rounding does: for every
// mode and place, random signed amounts and divisors 1..12 (the months of
// an average), it agrees with rounding a 40-digit quotient (exact enough:
// no quotient of these sits within 10^-40 of a rounding edge without
// being on it).
func TestQuoAgreesWithRootRounding(t *testing.T) {
	r := rand.New(rand.NewPCG(31, 32))
	for _, mode := range allModes {
		for places := int32(0); places <= 2; places++ {
			rnd := funding.Rounding{Places: places, Mode: mode}
			for k := 0; k < 3000; k++ {
				num := decimal.New(r.Int64N(2_000_001)-1_000_000, -int32(r.IntN(7)))
				den := 1 + r.Int64N(12)
				if k%10 == 0 {
					den = 2 // halves
				}
				got, err := rnd.Quo(num, den)
				require.NoError(t, err)
				want, err := dangjian.Rounding{Places: places, Mode: mode}.Round(num.DivRound(decimal.NewFromInt(den), 40))
				require.NoError(t, err)
				require.True(t, got.Decimal().Equal(want), "%s: %s / %d = %s, want %s", rnd, num, den, got, want)
			}
		}
	}
}

// funding.Rounding is the root Rounding limited to money's places.
func TestRoundingIsTheRootRounding(t *testing.T) {
	r := funding.Rounding{Places: 1, Mode: dangjian.Down}
	require.Equal(t, dangjian.Rounding{Places: 1, Mode: dangjian.Down}, dangjian.Rounding(r))
	require.Equal(t, dangjian.Rounding(r).String(), r.String())
	require.NoError(t, dangjian.Rounding{Places: 3, Mode: dangjian.Down}.Validate())
	err := funding.Rounding{Places: 3, Mode: dangjian.Down}.Validate()
	require.ErrorIs(t, err, funding.ErrBadRounding)
	require.ErrorIs(t, err, dangjian.ErrInvalid)
}

var allModes = []dangjian.RoundingMode{dangjian.HalfUp, dangjian.HalfEven, dangjian.Down, dangjian.Up, dangjian.Floor, dangjian.Ceiling}
