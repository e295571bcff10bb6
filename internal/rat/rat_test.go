package rat

import (
	"math"
	"math/big"
	"math/rand/v2"
	"strconv"
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

// Round takes x.N × 10^places in 128 bits: a numerator whose product
// with the scale overflows int64 still rounds when the result fits; only
// a result outside int64 overflows. An invalid mode is refused even for a
// value that needs no rounding.
func TestRoundWide(t *testing.T) {
	x := Rat{math.MaxInt64 / 3, 77} // × 100 overflows int64, ÷ 77 fits
	got, err := x.Round(2, dangjian.HalfUp)
	require.NoError(t, err)
	want := new(big.Rat).SetFrac(new(big.Int).Mul(big.NewInt(x.N), big.NewInt(100)), big.NewInt(x.D))
	n := new(big.Int).Quo(new(big.Int).Add(new(big.Int).Mul(want.Num(), big.NewInt(2)), want.Denom()), new(big.Int).Mul(want.Denom(), big.NewInt(2)))
	assert.Equal(t, n.Int64(), got.N*(100/got.D)) // half up, positive: ⌊(2·num + den) / (2·den)⌋

	_, err = Int(math.MaxInt64/10).Round(2, dangjian.HalfUp)
	assert.ErrorIs(t, err, ErrOverflow)
	_, err = Rat{math.MinInt64 + 1, 1}.Round(0, dangjian.Down)
	assert.NoError(t, err)
	_, err = Rat{math.MinInt64 + 1, 2}.Round(0, dangjian.Up) // −2^62 + ½ → away: fits
	assert.NoError(t, err)

	_, err = Int(3).Round(0, dangjian.RoundingUnknown)
	assert.ErrorContains(t, err, "invalid rounding mode")
	_, err = Int(3).Round(13, dangjian.HalfUp)
	assert.ErrorContains(t, err, "places out of range")
}

// Against math/big on random fractions: the same value, and the result
// reduced exactly as big.Rat reduces it (the shortcuts of Add, Mul and Quo
// skip gcds that cannot be needed; this checks they are never needed).
func TestAgainstBig(t *testing.T) {
	g := rand.New(rand.NewPCG(1, 2))
	same := func(t *testing.T, want *big.Rat, got Rat, what string) {
		t.Helper()
		require.True(t, want.Num().IsInt64() && want.Denom().IsInt64())
		require.Equal(t, [2]int64{want.Num().Int64(), want.Denom().Int64()}, [2]int64{got.N, got.D}, what)
	}
	dens := []int64{1, 2, 3, 4, 5, 6, 10, 12, 20, 21, 25, 42, 100, 1000}
	den := func() int64 {
		if g.IntN(2) == 0 {
			return dens[g.IntN(len(dens))]
		}
		return g.Int64N(999) + 1
	}
	for i := 0; i < 40000; i++ {
		x, _ := New(g.Int64N(2_000_001)-1_000_000, den())
		y, _ := New(g.Int64N(2_000_001)-1_000_000, den())
		if i%50 == 0 {
			y = Zero
		}
		if i%70 == 0 {
			y = x.Neg()
		}
		bx, by := big.NewRat(x.N, x.D), big.NewRat(y.N, y.D)
		require.Equal(t, bx.Cmp(by), x.Cmp(y))
		s, err := x.Add(y)
		require.NoError(t, err)
		same(t, new(big.Rat).Add(bx, by), s, "add")
		d, err := x.Sub(y)
		require.NoError(t, err)
		same(t, new(big.Rat).Sub(bx, by), d, "sub")
		p, err := x.Mul(y)
		require.NoError(t, err)
		same(t, new(big.Rat).Mul(bx, by), p, "mul")
		if y.N != 0 {
			q, err := x.Quo(y)
			require.NoError(t, err)
			same(t, new(big.Rat).Quo(bx, by), q, "quo")
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

// String and Fixed format in int64 arithmetic where they can; they must
// give what the big-number path gives, everywhere.
func TestStringAgainstDecimal(t *testing.T) {
	g := rand.New(rand.NewPCG(9, 10))
	dens := []int64{1, 2, 4, 5, 8, 10, 16, 20, 25, 40, 50, 100, 125, 1000, 1 << 20, 1e12, 5e17, 3, 6, 7, 21}
	nums := []int64{0, 1, -1, 5, -5, 9, 10, 99, 100, 12345, -12345, math.MaxInt64, math.MinInt64 + 1, 1 << 40, -(1 << 62)}
	check := func(x Rat) {
		t.Helper()
		want := ""
		if d, ok := x.Decimal(); ok {
			want = d.String()
		} else {
			want = strconv.FormatInt(x.N, 10) + "/" + strconv.FormatInt(x.D, 10)
		}
		require.Equal(t, want, x.String(), "%d/%d", x.N, x.D)
		for places := int32(0); places <= 6; places++ {
			d, ok := x.Decimal()
			if !ok || -d.Exponent() > places {
				continue
			}
			require.Equal(t, d.StringFixed(places), x.Fixed(places), "%d/%d at %d places", x.N, x.D, places)
		}
	}
	for _, n := range nums {
		for _, d := range dens {
			x, err := New(n, d)
			require.NoError(t, err)
			check(x)
		}
	}
	for i := 0; i < 50000; i++ {
		x, err := New(g.Int64N(2_000_000_001)-1_000_000_000, dens[g.IntN(len(dens))])
		require.NoError(t, err)
		check(x)
	}
}

// Round returns reduced fractions (it cancels twos and fives without a
// gcd), equal to big.Rat's rounding of the same value.
func TestRoundReduced(t *testing.T) {
	g := rand.New(rand.NewPCG(11, 12))
	for i := 0; i < 30000; i++ {
		x, err := New(g.Int64N(2_000_000_001)-1_000_000_000, g.Int64N(5000)+1)
		require.NoError(t, err)
		places := int32(g.IntN(5))
		got, err := x.Round(places, dangjian.HalfUp)
		require.NoError(t, err)
		// half-up by big numbers: floor(|x|·10^p + 1/2), signed
		scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil)
		n := new(big.Int).Mul(big.NewInt(abs(x.N)), scale)
		n.Mul(n, big.NewInt(2))
		n.Add(n, big.NewInt(x.D))
		n.Quo(n, new(big.Int).Mul(big.NewInt(x.D), big.NewInt(2)))
		if x.N < 0 {
			n.Neg(n)
		}
		want := new(big.Rat).SetFrac(n, scale)
		require.Equal(t, [2]int64{want.Num().Int64(), want.Denom().Int64()}, [2]int64{got.N, got.D}, "%d/%d at %d", x.N, x.D, places)
	}
}

// Decimal denominators take a product-form shortcut; near the int64 limit
// it overflows and the general path must take over, with the same value.
func TestDecimalShortcutOverflow(t *testing.T) {
	big5 := int64(390625) // 5^8
	cases := [][4]int64{
		{1<<40 + 1, big5 << 10, 1<<40 - 1, big5 << 12},
		{math.MaxInt64 / 3, 1 << 20, 7, 1 << 21},
		{3, big5, math.MaxInt64/big5 - 1, big5 * 2},
	}
	for _, c := range cases {
		x, err := New(c[0], c[1])
		require.NoError(t, err)
		y, err := New(c[2], c[3])
		require.NoError(t, err)
		bx, by := big.NewRat(x.N, x.D), big.NewRat(y.N, y.D)
		if s, err := x.Add(y); err == nil {
			want := new(big.Rat).Add(bx, by)
			require.Equal(t, want.String(), big.NewRat(s.N, s.D).String())
			require.Equal(t, want.Denom().Int64(), s.D, "reduced")
		} else {
			require.ErrorIs(t, err, ErrOverflow)
		}
		if p, err := x.Mul(y); err == nil {
			want := new(big.Rat).Mul(bx, by)
			require.Equal(t, want.String(), big.NewRat(p.N, p.D).String())
			require.Equal(t, want.Denom().Int64(), p.D, "reduced")
		} else {
			require.ErrorIs(t, err, ErrOverflow)
		}
	}
}

// Parse gives exactly the decimal's value, and refuses one only when its
// reduced fraction does not fit in int64: a denominator of 10^places that
// would overflow before reducing is not a reason.
func TestParseReducesBeforeOverflow(t *testing.T) {
	r, err := Parse("0.0099999999999099992")
	if err != nil {
		t.Fatal(err)
	}
	if want, _ := New(12499999999887499, 1250000000000000000); r.Cmp(want) != 0 {
		t.Fatalf("got %v", r)
	}
	rng := rand.New(rand.NewPCG(7, 11))
	for range 20000 {
		coef := rng.Int64N(1 << 62)
		if rng.IntN(2) == 0 {
			coef = coef >> rng.IntN(60) << rng.IntN(2) // small and even ones too (< 2^63)
		}
		places := rng.IntN(26)
		s := strconv.FormatInt(coef, 10)
		for len(s) <= places {
			s = "0" + s
		}
		if places > 0 {
			s = s[:len(s)-places] + "." + s[len(s)-places:]
		}
		want, ok := new(big.Rat).SetString(s)
		if !ok {
			t.Fatalf("test built a bad decimal %q", s)
		}
		got, err := Parse(s)
		fits := want.Num().IsInt64() && want.Denom().IsInt64()
		if err != nil {
			if fits {
				t.Fatalf("Parse(%q) refused %v, which fits", s, want)
			}
			continue
		}
		if g := big.NewRat(got.N, got.D); g.Cmp(want) != 0 {
			t.Fatalf("Parse(%q) = %v, want %v", s, g, want)
		}
	}
}
