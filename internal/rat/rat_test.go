package rat

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func r(s string) Rat {
	x, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return x
}

func TestArithmetic(t *testing.T) {
	a, b := r("0.2"), r("0.1")
	s, err := a.Add(b)
	require.NoError(t, err)
	assert.Equal(t, "0.3", s.String())
	third, _ := New(1, 3)
	q, err := Int(260).Quo(Int(3))
	require.NoError(t, err)
	assert.Equal(t, "260/3", q.String())
	back, _ := q.Mul(Int(3))
	assert.Equal(t, Int(260), back)
	assert.Equal(t, -1, third.Cmp(r("0.3334")))
	assert.Equal(t, 1, third.Cmp(r("0.3333")))
	assert.Equal(t, 0, r("0.50").Cmp(r("0.5")))
	_, err = Int(1).Quo(Zero)
	assert.ErrorIs(t, err, ErrDivZero)
	_, err = Int(math.MaxInt64).Add(One)
	assert.ErrorIs(t, err, ErrOverflow)
	_, err = Int(math.MaxInt64 / 2).MulInt(3)
	assert.ErrorIs(t, err, ErrOverflow)
	assert.Equal(t, "86.5", r("86.50").String())
	assert.Equal(t, Int(5), Int(9).Clamp(Zero, Int(5)))
	assert.Equal(t, Zero, Int(-1).Clamp(Zero, Int(5)))
}

func TestRound(t *testing.T) {
	tests := []struct {
		x    Rat
		mode dangjian.RoundingMode
		want string
	}{
		{r("86.665"), dangjian.HalfUp, "86.67"},
		{r("86.665"), dangjian.HalfEven, "86.66"},
		{r("86.675"), dangjian.HalfEven, "86.68"},
		{Rat{260, 3}, dangjian.HalfUp, "86.67"},
		{Rat{260, 3}, dangjian.Down, "86.66"},
		{Rat{-260, 3}, dangjian.HalfUp, "-86.67"},
		{Rat{-260, 3}, dangjian.Floor, "-86.67"},
		{Rat{-260, 3}, dangjian.Ceiling, "-86.66"},
		{Rat{-260, 3}, dangjian.Up, "-86.67"},
		{r("1.005"), dangjian.HalfUp, "1.01"},
	}
	for _, tt := range tests {
		t.Run(tt.x.String()+"/"+tt.mode.String(), func(t *testing.T) {
			got, err := tt.x.Round(2, tt.mode)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got.Fixed(2))
		})
	}
}

// Against math/big on random fractions.
func TestAgainstBig(t *testing.T) {
	g := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 20000; i++ {
		x, _ := New(g.Int64N(2_000_001)-1_000_000, g.Int64N(999)+1)
		y, _ := New(g.Int64N(2_000_001)-1_000_000, g.Int64N(999)+1)
		bx, by := big.NewRat(x.N, x.D), big.NewRat(y.N, y.D)
		require.Equal(t, bx.Cmp(by), x.Cmp(y))
		s, err := x.Add(y)
		require.NoError(t, err)
		require.Equal(t, new(big.Rat).Add(bx, by).String(), big.NewRat(s.N, s.D).String())
		p, err := x.Mul(y)
		require.NoError(t, err)
		require.Equal(t, new(big.Rat).Mul(bx, by).String(), big.NewRat(p.N, p.D).String())
		if y.N != 0 {
			q, err := x.Quo(y)
			require.NoError(t, err)
			require.Equal(t, new(big.Rat).Quo(bx, by).String(), big.NewRat(q.N, q.D).String())
		}
	}
}

func TestGCD(t *testing.T) {
	g := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 10000; i++ {
		a, b := g.Int64N(1<<40), g.Int64N(1<<40)
		want := new(big.Int).GCD(nil, nil, big.NewInt(a), big.NewInt(b)).Int64()
		require.Equal(t, want, gcd(a, b), "gcd(%d, %d)", a, b)
	}
	assert.Equal(t, int64(7), gcd(0, 7))
	assert.Equal(t, int64(7), gcd(7, 0))
}
