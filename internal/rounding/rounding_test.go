package rounding

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var modes = []dangjian.RoundingMode{dangjian.HalfUp, dangjian.HalfEven, dangjian.Down, dangjian.Up, dangjian.Floor, dangjian.Ceiling}

// reference rounds the exact rational n/d with math/big, from the
// definitions: the floor, the fractional part against one half, the sign.
// It returns false when the result is outside int64.
func reference(n, d *big.Int, mode dangjian.RoundingMode) (int64, bool) {
	fl, m := new(big.Int).DivMod(n, d, new(big.Int)) // Euclidean: m ≥ 0
	if d.Sign() < 0 && m.Sign() != 0 {               // make fl the floor for d < 0 too
		fl.Sub(fl, big.NewInt(1))
		m.Add(m, d) // now m/d is in (0, 1) with m ≤ 0
	}
	frac := new(big.Rat).SetFrac(m, d) // n/d − floor, in [0, 1)
	nonNeg := new(big.Rat).SetFrac(n, d).Sign() >= 0
	up := new(big.Int).Add(fl, big.NewInt(1))
	res := fl
	if frac.Sign() != 0 {
		half := frac.Cmp(big.NewRat(1, 2))
		switch mode {
		case dangjian.Floor:
		case dangjian.Ceiling:
			res = up
		case dangjian.Down:
			if !nonNeg {
				res = up
			}
		case dangjian.Up:
			if nonNeg {
				res = up
			}
		case dangjian.HalfUp:
			if half > 0 || (half == 0 && nonNeg) {
				res = up
			}
		case dangjian.HalfEven:
			if half > 0 || (half == 0 && fl.Bit(0) == 1) {
				res = up
			}
		}
	}
	if !res.IsInt64() {
		return 0, false
	}
	return res.Int64(), true
}

func TestDivRoundTable(t *testing.T) {
	tests := []struct {
		n, d int64
		want [6]int64 // half_up, half_even, down, up, floor, ceiling
	}{
		{5, 2, [6]int64{3, 2, 2, 3, 2, 3}},
		{-5, 2, [6]int64{-3, -2, -2, -3, -3, -2}},
		{7, 2, [6]int64{4, 4, 3, 4, 3, 4}},
		{5, -2, [6]int64{-3, -2, -2, -3, -3, -2}},
		{-5, -2, [6]int64{3, 2, 2, 3, 2, 3}},
		{33, 10, [6]int64{3, 3, 3, 4, 3, 4}},
		{-37, 10, [6]int64{-4, -4, -3, -4, -4, -3}},
		{6, 3, [6]int64{2, 2, 2, 2, 2, 2}},
		{0, -7, [6]int64{0, 0, 0, 0, 0, 0}},
		{math.MaxInt64, 2, [6]int64{1 << 62, 1 << 62, 1<<62 - 1, 1 << 62, 1<<62 - 1, 1 << 62}},
		{math.MinInt64, 2, [6]int64{-1 << 62, -1 << 62, -1 << 62, -1 << 62, -1 << 62, -1 << 62}},
		{math.MinInt64, math.MaxInt64, [6]int64{-1, -1, -1, -2, -2, -1}},
	}
	for _, tt := range tests {
		for i, m := range modes {
			got, ok := DivRound(tt.n, tt.d, m)
			require.True(t, ok, "%d/%d %s", tt.n, tt.d, m)
			assert.Equal(t, tt.want[i], got, "%d/%d %s", tt.n, tt.d, m)
		}
	}
}

func TestDivRoundRejects(t *testing.T) {
	for _, m := range modes {
		_, ok := DivRound(1, 0, m)
		assert.False(t, ok, "division by zero, %s", m)
		_, ok = DivRound(math.MinInt64, -1, m)
		assert.False(t, ok, "MinInt64/−1 overflows, %s", m)
		_, ok = MulDivRound(math.MaxInt64, 4, 2, m)
		assert.False(t, ok, "2·MaxInt64 overflows, %s", m)
		_, ok = MulDivRound(math.MinInt64, math.MinInt64, 1, m)
		assert.False(t, ok, "2^126 overflows, %s", m)
	}
	for _, m := range []dangjian.RoundingMode{dangjian.RoundingUnknown, 7, 255} {
		_, ok := DivRound(4, 2, m)
		assert.False(t, ok, "invalid mode %d, exact quotient", m)
		_, ok = MulDivRound(1, 4, 2, m)
		assert.False(t, ok, "invalid mode %d", m)
	}
	// Results at the edge of int64 are kept, just beyond them refused.
	got, ok := MulDivRound(math.MinInt64, 1, 1, dangjian.HalfUp)
	assert.True(t, ok)
	assert.Equal(t, int64(math.MinInt64), got)
	_, ok = MulDivRound(math.MinInt64, 2, 2, dangjian.Up)
	assert.True(t, ok)
	_, ok = MulDivRound(math.MaxInt64, 3, 2, dangjian.Up) // 1.5·MaxInt64
	assert.False(t, ok)
	_, ok = MulDivRound(math.MaxInt64, 2, 2, dangjian.HalfUp)
	assert.True(t, ok)
	// (2^64 − 1)/2 = MaxInt64 + ½ rounds up out of range, down to MaxInt64.
	_, ok = MulDivRound(65535, 65537*4294967297, 2, dangjian.Up)
	assert.False(t, ok)
	got, ok = MulDivRound(65535, 65537*4294967297, 2, dangjian.Down)
	assert.True(t, ok)
	assert.Equal(t, int64(math.MaxInt64), got)
	got, ok = MulDivRound(1<<62, 4, 2, dangjian.Down) // 2^63
	assert.False(t, ok, "%d", got)
	got, ok = MulDivRound(-1<<62, 4, 2, dangjian.Down) // −2^63
	assert.True(t, ok)
	assert.Equal(t, int64(math.MinInt64), got)
}

// TestDivRoundExhaustive compares DivRound and MulDivRound with the
// math/big reference for every n in [−400, 400], d in [−40, 40] \ {0}
// and every mode.
func TestDivRoundExhaustive(t *testing.T) {
	for n := int64(-400); n <= 400; n++ {
		for d := int64(-40); d <= 40; d++ {
			if d == 0 {
				continue
			}
			for _, m := range modes {
				want, _ := reference(big.NewInt(n), big.NewInt(d), m)
				got, ok := DivRound(n, d, m)
				if !ok || got != want {
					t.Fatalf("DivRound(%d, %d, %s) = %d, %v; want %d", n, d, m, got, ok, want)
				}
				for _, split := range [][2]int64{{n, 1}, {1, n}, {-n, -1}} {
					got, ok = MulDivRound(split[0], split[1], d, m)
					if !ok || got != want {
						t.Fatalf("MulDivRound(%d, %d, %d, %s) = %d, %v; want %d", split[0], split[1], d, m, got, ok, want)
					}
				}
			}
		}
	}
}

// TestDivRoundMatchesDecimalRound checks the kernel against the module's
// decimal rounding switch, dangjian.RoundingMode.Round: n/10^k rounded to
// places p with mode equals DivRound(n, 10^(k−p)) / 10^p, for every n in
// [−2500, 2500], k ≤ 3, p < k.
func TestDivRoundMatchesDecimalRound(t *testing.T) {
	pow := []int64{1, 10, 100, 1000}
	for n := int64(-2500); n <= 2500; n++ {
		for k := int32(1); k <= 3; k++ {
			for p := int32(0); p < k; p++ {
				for _, m := range modes {
					want, err := m.Round(decimal.New(n, -k), p)
					require.NoError(t, err)
					q, ok := DivRound(n, pow[k-p], m)
					require.True(t, ok)
					if got := decimal.New(q, -p); !got.Equal(want) {
						t.Fatalf("%s rounded to %d places with %s: kernel %s, decimal %s", decimal.New(n, -k), p, m, got, want)
					}
				}
			}
		}
	}
}

// TestMulDivRoundRandom compares MulDivRound with the reference over
// random operands across the whole int64 range, near its edges and small.
func TestMulDivRoundRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	pick := func() int64 {
		switch r.IntN(4) {
		case 0:
			return int64(r.Uint64())
		case 1:
			return math.MaxInt64 - r.Int64N(1000)
		case 2:
			return math.MinInt64 + r.Int64N(1000)
		}
		return r.Int64N(2_000_001) - 1_000_000
	}
	for range 200_000 {
		a, b, d := pick(), pick(), pick()
		if d == 0 {
			continue
		}
		m := modes[r.IntN(len(modes))]
		check(t, a, b, d, m)
	}
}

func check(t *testing.T, a, b, d int64, m dangjian.RoundingMode) {
	t.Helper()
	prod := new(big.Int).Mul(big.NewInt(a), big.NewInt(b))
	want, wantOK := reference(prod, big.NewInt(d), m)
	got, ok := MulDivRound(a, b, d, m)
	if ok != wantOK || got != want {
		t.Fatalf("MulDivRound(%d, %d, %d, %s) = %d, %v; want %d, %v", a, b, d, m, got, ok, want, wantOK)
	}
	if b == 1 {
		got, ok = DivRound(a, d, m)
		if ok != wantOK || got != want {
			t.Fatalf("DivRound(%d, %d, %s) = %d, %v; want %d, %v", a, d, m, got, ok, want, wantOK)
		}
	}
}

func FuzzMulDivRound(f *testing.F) {
	f.Add(int64(5), int64(1), int64(2), uint8(1))
	f.Add(int64(math.MinInt64), int64(1), int64(-1), uint8(3))
	f.Add(int64(math.MaxInt64), int64(math.MaxInt64), int64(math.MaxInt64), uint8(6))
	f.Add(int64(-7), int64(3), int64(2), uint8(2))
	f.Fuzz(func(t *testing.T, a, b, d int64, m uint8) {
		mode := dangjian.RoundingMode(m)
		if d == 0 || !mode.IsValid() {
			_, ok := MulDivRound(a, b, d, mode)
			require.False(t, ok)
			_, ok = DivRound(a, d, mode)
			require.False(t, ok)
			return
		}
		check(t, a, b, d, mode)
		check(t, a, 1, d, mode)
	})
}

func TestStep(t *testing.T) {
	assert.Zero(t, Step(1, 1, 2, false, dangjian.RoundingUnknown), "invalid mode")
	for _, m := range modes {
		assert.Zero(t, Step(1, 0, 2, true, m), "exact, %s", m)
		assert.Zero(t, Step(1, 0, 2, false, m), "exact, %s", m)
	}
	// 2^63 − 1 divided by 2^63: just below a half, the largest d.
	assert.Zero(t, Step(0, 1<<62-1, 1<<63, false, dangjian.HalfUp))
	assert.Equal(t, uint64(1), Step(0, 1<<62, 1<<63, false, dangjian.HalfUp))
	assert.Zero(t, Step(0, 1<<62, 1<<63, false, dangjian.HalfEven))
	assert.Equal(t, uint64(1), Step(1, 1<<62, 1<<63, false, dangjian.HalfEven))
}

func TestNoAllocation(t *testing.T) {
	n := testing.AllocsPerRun(100, func() {
		_, _ = DivRound(-37, 10, dangjian.HalfEven)
		_, _ = MulDivRound(math.MaxInt64, 3, 7, dangjian.Ceiling)
	})
	assert.Zero(t, n)
}

func BenchmarkDivRound(b *testing.B) {
	var s int64
	for i := range b.N {
		q, _ := DivRound(int64(i)*1234567, 1_000_000, dangjian.HalfUp)
		s += q
	}
	_ = s
}
