package funding

import (
	"math/big"
	"strconv"

	"github.com/dangjian-go/dangjian"
	"github.com/shopspring/decimal"
)

// Rounding is where and how an amount of money is rounded: to Places
// decimal places of a yuan (2: the fen 分; 1: the jiao 角; 0: the yuan 元)
// with Mode. It is the module's [dangjian.Rounding] (same fields, same JSON
// {"places":2,"mode":"half_up"}) limited to money's places, with the
// money-specific [Rounding.Money] and [Rounding.Quo]; every rounding goes
// through [dangjian.RoundingMode.Round]. Convert with
// dangjian.Rounding(r) and funding.Rounding(d).
//
// No national rule on rounding party dues has been found: the default,
// [DefaultRounding], is half-up to the fen (四舍五入), and platforms that
// round to the jiao or truncate set their own. The zero Rounding is
// invalid: a rounding point must name its mode.
type Rounding dangjian.Rounding

// DefaultRounding returns half-up to the fen (四舍五入到分).
func DefaultRounding() Rounding { return Rounding{Places: 2, Mode: dangjian.HalfUp} }

// Validate reports an invalid mode or places outside 0..2, as a problem
// of kind [ErrBadRounding].
func (r Rounding) Validate() error {
	if !r.Mode.IsValid() {
		return &dangjian.Problem{Kind: ErrBadRounding, Path: "mode", Value: r.Mode.String(), Detail: "want half_up, half_even, down, up, floor or ceiling"}
	}
	if r.Places < 0 || r.Places > 2 {
		return &dangjian.Problem{Kind: ErrBadRounding, Path: "places", Value: strconv.Itoa(int(r.Places)), Detail: "want 0 (元), 1 (角) or 2 (分)"}
	}
	return nil
}

// String describes the rounding ("half_up to 0.01").
func (r Rounding) String() string { return dangjian.Rounding(r).String() }

// Money rounds an exact amount of yuan once, as declared, and returns it as
// Money.
func (r Rounding) Money(d decimal.Decimal) (Money, error) {
	if err := r.Validate(); err != nil {
		return Money{}, err
	}
	v, err := dangjian.Rounding(r).Round(d)
	if err != nil {
		return Money{}, err
	}
	return MoneyFromDecimal(v)
}

// MulRate returns m × rate, rounded once with r: the exact product is
// computed first, so nothing is rounded twice.
func MulRate(m Money, rate Rate, r Rounding) (Money, error) {
	return r.Money(m.Decimal().Mul(rate.d))
}

// Quo rounds the exact quotient num / den (yuan) once with r. It is how an
// average is used without rounding it first: dues on the average of three
// months are rate × sum / 3, rounded once. den must be positive.
func (r Rounding) Quo(num decimal.Decimal, den int64) (Money, error) {
	if err := r.Validate(); err != nil {
		return Money{}, err
	}
	if den <= 0 {
		return Money{}, &dangjian.Problem{Kind: dangjian.ErrInvalid, Path: "divisor", Value: strconv.FormatInt(den, 10), Detail: "the divisor must be positive"}
	}
	// num × 10^places / den, as integers: n / d.
	scaled := num.Shift(r.Places)
	n := new(big.Int).Set(scaled.Coefficient())
	d := big.NewInt(den)
	if e := scaled.Exponent(); e >= 0 {
		n.Mul(n, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(e)), nil))
	} else {
		d.Mul(d, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(-e)), nil))
	}
	q, err := roundQuo(n, d, r.Mode)
	if err != nil {
		return Money{}, err
	}
	q.Mul(q, big.NewInt(pow10[2-r.Places]))
	if !q.IsInt64() {
		return Money{}, &dangjian.Problem{Kind: ErrOverflow, Value: num.String() + "/" + strconv.FormatInt(den, 10)}
	}
	return Fen(q.Int64()), nil
}

var pow10 = [...]int64{1, 10, 100}

// roundQuo returns n / d (d > 0) rounded to an integer with mode. The
// decision is the module's one rounding switch, [dangjian.RoundingMode.Round]:
// the truncated quotient q and the remainder's place against the half
// (below, at or above it) are written as the decimal q ± 0.25, 0.5 or 0.75,
// which every mode rounds to an integer exactly as it would round n / d.
func roundQuo(n, d *big.Int, mode dangjian.RoundingMode) (*big.Int, error) {
	q, rem := new(big.Int).QuoRem(n, d, new(big.Int)) // truncated towards zero
	if rem.Sign() == 0 {
		return q, nil
	}
	twice := new(big.Int).Abs(rem)
	twice.Lsh(twice, 1)
	frac := int64(25 + 25*(twice.Cmp(d)+1)) // 25 below the half, 50 at it, 75 above
	if n.Sign() < 0 {
		frac = -frac
	}
	hundredths := new(big.Int).Mul(q, big.NewInt(100))
	hundredths.Add(hundredths, big.NewInt(frac))
	v, err := mode.Round(decimal.NewFromBigInt(hundredths, -2), 0)
	if err != nil {
		return nil, err
	}
	return v.BigInt(), nil
}
