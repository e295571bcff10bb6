// Package rat is exact rational arithmetic on int64 numerators and
// denominators, for scores: vote averages and weighted sums are fractions
// (80×2+60 over 3), which no decimal holds exactly. Every operation reports
// overflow instead of wrapping; values are kept reduced. A Rat is a small
// comparable value and operations do not allocate.
package rat

import (
	"errors"
	"math"
	"math/big"
	"math/bits"
	"strconv"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/rounding"
	"github.com/shopspring/decimal"
)

// Rat is the fraction N/D with D > 0, reduced. The zero Rat is not valid;
// use Zero.
type Rat struct {
	N, D int64
}

// ErrOverflow reports an intermediate value outside int64.
var ErrOverflow = errors.New("arithmetic overflow")

// ErrDivZero reports a division by zero.
var ErrDivZero = errors.New("division by zero")

var (
	Zero = Rat{0, 1}
	One  = Rat{1, 1}
)

// Int returns n/1.
func Int(n int64) Rat { return Rat{n, 1} }

// New returns n/d reduced, or an error for d = 0.
func New(n, d int64) (Rat, error) {
	if d == 0 {
		return Rat{}, ErrDivZero
	}
	if d < 0 {
		if n == math.MinInt64 || d == math.MinInt64 {
			return Rat{}, ErrOverflow
		}
		n, d = -n, -d
	}
	if n == 0 {
		return Rat{0, 1}, nil
	}
	if d == 1 {
		return Rat{n, 1}, nil
	}
	g := gcd(abs(n), d)
	if g > 1 {
		n, d = n/g, d/g
	}
	return Rat{n, d}, nil
}

// FromDecimal converts an exact decimal.
func FromDecimal(x decimal.Decimal) (Rat, error) {
	c := x.Coefficient()
	if !c.IsInt64() {
		return Rat{}, ErrOverflow
	}
	e := x.Exponent()
	n, d := c.Int64(), int64(1)
	for ; e > 0; e-- {
		if n, _ = mul(n, 10); n == overflowed {
			return Rat{}, ErrOverflow
		}
	}
	// Each place divides by 10; cancel a factor 2 or 5 of the numerator
	// as it comes, so that a value whose reduced denominator fits is not
	// refused because 10^places does not ("0.0099999999999099992" is
	// 12499999999887499/1250000000000000000).
	for ; e < 0; e++ {
		switch {
		case n%10 == 0:
			n /= 10
		case n%2 == 0 && d <= math.MaxInt64/5:
			n, d = n/2, d*5
		case n%5 == 0 && d <= math.MaxInt64/2:
			n, d = n/5, d*2
		case d > math.MaxInt64/10:
			return Rat{}, ErrOverflow
		default:
			d *= 10
		}
	}
	return New(n, d)
}

// Parse parses a decimal string ("0.5", "-2", "100").
func Parse(s string) (Rat, error) {
	if strings.ContainsAny(s, "eE") {
		return Rat{}, errors.New("rat: exponent not accepted")
	}
	x, err := decimal.NewFromString(s)
	if err != nil {
		return Rat{}, err
	}
	return FromDecimal(x)
}

const overflowed = math.MinInt64

func abs(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// gcd is the binary (Stein's) greatest common divisor of a, b ≥ 0: shifts
// and subtractions, no division.
func gcd(a, b int64) int64 {
	if a == 0 {
		return b
	}
	if b == 0 {
		return a
	}
	ua, ub := uint64(a), uint64(b)
	shift := bits.TrailingZeros64(ua | ub)
	ua >>= bits.TrailingZeros64(ua)
	for ub != 0 {
		ub >>= bits.TrailingZeros64(ub)
		if ua > ub {
			ua, ub = ub, ua
		}
		ub -= ua
	}
	return int64(ua << shift)
}

// mul returns a*b, or overflowed.
func mul(a, b int64) (int64, bool) {
	hi, lo := bits.Mul64(uint64(abs(a)), uint64(abs(b)))
	if hi != 0 || lo > math.MaxInt64 || a == math.MinInt64 || b == math.MinInt64 {
		return overflowed, false
	}
	p := int64(lo)
	if (a < 0) != (b < 0) {
		p = -p
	}
	return p, true
}

func add(a, b int64) (int64, bool) {
	s := a + b
	if (s > a) != (b > 0) {
		return overflowed, false
	}
	return s, true
}

// Add returns x + y. With reduced operands only the common factor of the
// denominators can divide the new numerator (Knuth, TAOCP 4.5.1), so the
// sum is reduced by gcd(n, g) alone, and not at all when g = 1.
func (x Rat) Add(y Rat) (Rat, error) {
	if x.D == y.D {
		n, ok := add(x.N, y.N)
		if !ok {
			return Rat{}, ErrOverflow
		}
		if x.D == 1 {
			return Rat{n, 1}, nil
		}
		if decimalDen(x.D) {
			return reduceDecimal(n, x.D), nil
		}
		return New(n, x.D)
	}
	if x.N == 0 {
		return y, nil
	}
	if y.N == 0 {
		return x, nil
	}
	if x.D == 1 || y.D == 1 { // n + a/b = (nb + a)/b, reduced as a/b is
		if y.D == 1 {
			x, y = y, x
		}
		a, ok1 := mul(x.N, y.D)
		n, ok2 := add(a, y.N)
		if !ok1 || !ok2 {
			return Rat{}, ErrOverflow
		}
		return Rat{n, y.D}, nil
	}
	if decimalDen(x.D) && decimalDen(y.D) { // decimals: only twos and fives can cancel
		a, ok1 := mul(x.N, y.D)
		b, ok2 := mul(y.N, x.D)
		d, ok3 := mul(x.D, y.D)
		if ok1 && ok2 && ok3 {
			if n, ok := add(a, b); ok {
				return reduceDecimal(n, d), nil
			}
		}
	}
	g := gcd(x.D, y.D)
	xd, yd := x.D, y.D
	if g != 1 {
		xd, yd = x.D/g, y.D/g
	}
	a, ok1 := mul(x.N, yd)
	b, ok2 := mul(y.N, xd)
	d, ok3 := mul(x.D, yd)
	if !ok1 || !ok2 || !ok3 {
		return Rat{}, ErrOverflow
	}
	n, ok := add(a, b)
	if !ok {
		return Rat{}, ErrOverflow
	}
	if g == 1 || n == 0 {
		if n == 0 {
			return Zero, nil
		}
		return Rat{n, d}, nil
	}
	if h := gcd(abs(n), g); h > 1 {
		n, d = n/h, d/h
	}
	return Rat{n, d}, nil
}

// decimalDen reports whether d is 2^a·5^b with 5^b ≤ 5^8: the denominator
// of a decimal with up to eight places.
func decimalDen(d int64) bool {
	switch uint64(d) >> bits.TrailingZeros64(uint64(d)) {
	case 1, 5, 25, 125, 625, 3125, 15625, 78125, 390625:
		return true
	}
	return false
}

// reduceDecimal reduces n/d where d is 2^a·5^b: only twos and fives can be
// common factors, so no gcd is needed.
func reduceDecimal(n, d int64) Rat {
	if n == 0 {
		return Zero
	}
	if t := min(bits.TrailingZeros64(uint64(abs(n))), bits.TrailingZeros64(uint64(d))); t > 0 {
		n, d = n/(1<<t), d>>t
	}
	for d%5 == 0 && n%5 == 0 {
		n, d = n/5, d/5
	}
	return Rat{n, d}
}

// Neg returns −x.
func (x Rat) Neg() Rat { return Rat{-x.N, x.D} }

// Sub returns x − y.
func (x Rat) Sub(y Rat) (Rat, error) { return x.Add(y.Neg()) }

// Mul returns x × y. Cancelling the cross factors of reduced operands
// leaves a reduced product: no gcd of the result is needed.
func (x Rat) Mul(y Rat) (Rat, error) {
	if x.N == 0 || y.N == 0 {
		return Zero, nil
	}
	if y == One {
		return x, nil
	}
	if decimalDen(x.D) && decimalDen(y.D) { // decimals: only twos and fives can cancel
		n, ok1 := mul(x.N, y.N)
		d, ok2 := mul(x.D, y.D)
		if ok1 && ok2 {
			return reduceDecimal(n, d), nil
		}
	}
	xn, xd, yn, yd := x.N, x.D, y.N, y.D
	if yd != 1 {
		if g := gcd(abs(xn), yd); g > 1 {
			xn, yd = xn/g, yd/g
		}
	}
	if xd != 1 {
		if g := gcd(abs(yn), xd); g > 1 {
			yn, xd = yn/g, xd/g
		}
	}
	n, ok1 := mul(xn, yn)
	d, ok2 := mul(xd, yd)
	if !ok1 || !ok2 {
		return Rat{}, ErrOverflow
	}
	return Rat{n, d}, nil
}

// MulInt returns x × k.
func (x Rat) MulInt(k int64) (Rat, error) { return x.Mul(Int(k)) }

// Quo returns x / y.
func (x Rat) Quo(y Rat) (Rat, error) {
	if y.N == 0 {
		return Rat{}, ErrDivZero
	}
	inv := Rat{y.D, y.N} // the inverse of a reduced fraction is reduced
	if inv.D < 0 {
		if inv.D == math.MinInt64 {
			return Rat{}, ErrOverflow
		}
		inv = Rat{-inv.N, -inv.D}
	}
	return x.Mul(inv)
}

// Cmp returns -1, 0 or +1 as x is less than, equal to or greater than y.
// It compares x.N·y.D with y.N·x.D in 128 bits, without allocating.
func (x Rat) Cmp(y Rat) int {
	sx, sy := x.Sign(), y.Sign()
	if sx != sy {
		if sx < sy {
			return -1
		}
		return 1
	}
	if sx == 0 {
		return 0
	}
	ah, al := bits.Mul64(uint64(abs(x.N)), uint64(y.D))
	bh, bl := bits.Mul64(uint64(abs(y.N)), uint64(x.D))
	c := 0
	switch {
	case ah < bh || (ah == bh && al < bl):
		c = -1
	case ah > bh || (ah == bh && al > bl):
		c = 1
	}
	if sx < 0 {
		c = -c
	}
	return c
}

// Sign returns -1, 0 or +1.
func (x Rat) Sign() int {
	switch {
	case x.N < 0:
		return -1
	case x.N > 0:
		return 1
	}
	return 0
}

// IsZero reports whether x is 0.
func (x Rat) IsZero() bool { return x.N == 0 }

// Min and Max return the smaller and the larger of x and y.
func (x Rat) Min(y Rat) Rat {
	if y.Cmp(x) < 0 {
		return y
	}
	return x
}

func (x Rat) Max(y Rat) Rat {
	if y.Cmp(x) > 0 {
		return y
	}
	return x
}

// Clamp returns x limited to [lo, hi].
func (x Rat) Clamp(lo, hi Rat) Rat { return x.Max(lo).Min(hi) }

// Round rounds x to places decimal places with mode, once: the quotient
// x.N × 10^places / x.D rounded by the module's integer kernel
// (internal/rounding), the product taken in 128 bits, so that only a
// result outside int64 overflows. An invalid mode is an error even when x
// needs no rounding.
func (x Rat) Round(places int32, mode dangjian.RoundingMode) (Rat, error) {
	if places < 0 || places > 12 {
		return Rat{}, errors.New("rat: places out of range")
	}
	if !mode.IsValid() {
		return Rat{}, errors.New("rat: invalid rounding mode")
	}
	scale := int64(pow10[places])
	q, ok := rounding.MulDivRound(x.N, scale, x.D, mode)
	if !ok || q == math.MinInt64 { // MinInt64 has no negation: Rats keep clear of it
		return Rat{}, ErrOverflow
	}
	// q/10^places: only twos and fives can cancel, without a gcd.
	if q == 0 {
		return Zero, nil
	}
	for scale > 1 && q%10 == 0 {
		q, scale = q/10, scale/10
	}
	if scale > 1 && q%2 == 0 { // q has no factor 10 left: twos or fives, not both
		t := min(bits.TrailingZeros64(uint64(abs(q))), bits.TrailingZeros64(uint64(scale)))
		q, scale = q/(1<<t), scale>>t
	}
	for scale > 1 && q%5 == 0 && scale%5 == 0 {
		q, scale = q/5, scale/5
	}
	return Rat{q, scale}, nil
}

// Decimal returns x as an exact decimal when its denominator divides a
// power of ten, and false otherwise.
func (x Rat) Decimal() (decimal.Decimal, bool) {
	d := x.D
	var twos, fives int32
	for d%2 == 0 {
		d /= 2
		twos++
	}
	for d%5 == 0 {
		d /= 5
		fives++
	}
	if d != 1 {
		return decimal.Decimal{}, false
	}
	exp := max(twos, fives)
	num := new(big.Int).Mul(big.NewInt(x.N), new(big.Int).Quo(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(exp)), nil), big.NewInt(x.D)))
	return decimal.NewFromBigInt(num, -exp), true
}

// String renders x exactly: as a decimal ("86.5") when it is one, else as a
// fraction ("260/3").
func (x Rat) String() string {
	var buf [48]byte
	return string(x.Append(buf[:0]))
}

// Append appends the text of [Rat.String] to b.
func (x Rat) Append(b []byte) []byte {
	if out, ok := x.appendDecimal(b, -1); ok {
		return out
	}
	if d, ok := x.Decimal(); ok {
		return append(b, d.String()...)
	}
	b = strconv.AppendInt(b, x.N, 10)
	b = append(b, '/')
	return strconv.AppendInt(b, x.D, 10)
}

// pow10 are the powers of ten that fit an int64.
var pow10 = func() (p [19]uint64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// appendDecimal appends x as a decimal in int64 arithmetic, with the
// fewest places that hold it exactly, or with places places when places ≥
// 0 and x has no more; false (b unchanged) when x is no decimal or the
// digits do not fit an int64 (the caller falls back to big numbers).
func (x Rat) appendDecimal(b []byte, places int) ([]byte, bool) {
	if x.D <= 0 {
		return b, false
	}
	d := uint64(x.D)
	twos := bits.TrailingZeros64(d)
	d >>= twos
	fives := 0
	for d%5 == 0 {
		d /= 5
		fives++
	}
	if d != 1 {
		return b, false
	}
	exp := max(twos, fives)
	if places >= 0 {
		if exp > places {
			return b, false
		}
		exp = places
	}
	if exp >= len(pow10) || x.N == math.MinInt64 {
		return b, false
	}
	hi, u := bits.Mul64(uint64(abs(x.N)), pow10[exp]/uint64(x.D))
	if hi != 0 {
		return b, false
	}
	if x.N < 0 {
		b = append(b, '-')
	}
	b = strconv.AppendUint(b, u/pow10[exp], 10)
	if exp > 0 {
		b = append(b, '.')
		start := len(b)
		b = strconv.AppendUint(b, u%pow10[exp]+pow10[exp], 10) // a leading 1 keeps the zeros
		b = append(b[:start], b[start+1:]...)
	}
	return b, true
}

// Fixed renders x with exactly places decimals; x must already be rounded
// to places.
func (x Rat) Fixed(places int32) string {
	if places >= 0 {
		var buf [48]byte
		if b, ok := x.appendDecimal(buf[:0], int(places)); ok {
			return string(b)
		}
	}
	d, ok := x.Decimal()
	if !ok {
		return x.String()
	}
	return d.StringFixed(places)
}
