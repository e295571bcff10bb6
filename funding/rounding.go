package funding

import (
	"fmt"
	"math/big"
	"strconv"

	"github.com/dangjian-go/dangjian"
	"github.com/shopspring/decimal"
)

// Rounding is where and how an amount is rounded: to Places decimal places
// of a yuan (2: the fen 分; 1: the jiao 角; 0: the yuan 元) with Mode.
//
// No national rule on rounding party dues has been found (FUNDING-RULES
// §11): the default, [DefaultRounding], is half-up to the fen (四舍五入),
// and platforms that round to the jiao or truncate set their own. The zero
// Rounding is invalid: a rounding point must name its mode.
type Rounding struct {
	Places int32                 `json:"places"`
	Mode   dangjian.RoundingMode `json:"mode"`
}

// DefaultRounding returns half-up to the fen (四舍五入到分).
func DefaultRounding() Rounding { return Rounding{Places: 2, Mode: dangjian.HalfUp} }

// Validate reports an invalid mode or places outside 0..2.
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
func (r Rounding) String() string {
	unit := decimal.New(1, -r.Places)
	return fmt.Sprintf("%s to %s", r.Mode, unit.StringFixed(r.Places))
}

// Money rounds an exact amount of yuan once, as declared, and returns it as
// Money.
func (r Rounding) Money(d decimal.Decimal) (Money, error) {
	if err := r.Validate(); err != nil {
		return Money{}, err
	}
	v, err := r.Mode.Round(d, r.Places)
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
	q := roundQuo(n, d, r.Mode)
	q.Mul(q, big.NewInt(pow10[2-r.Places]))
	if !q.IsInt64() {
		return Money{}, &dangjian.Problem{Kind: ErrOverflow, Value: num.String() + "/" + strconv.FormatInt(den, 10)}
	}
	return Fen(q.Int64()), nil
}

var pow10 = [...]int64{1, 10, 100}

// roundQuo returns n / d (d > 0) rounded to an integer with mode.
func roundQuo(n, d *big.Int, mode dangjian.RoundingMode) *big.Int {
	q, rem := new(big.Int).QuoRem(n, d, new(big.Int)) // truncated towards zero
	if rem.Sign() == 0 {
		return q
	}
	neg := n.Sign() < 0
	away := func() {
		if neg {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	twice := new(big.Int).Abs(rem)
	twice.Lsh(twice, 1)
	half := twice.Cmp(d) // -1 below the half, 0 at it, +1 above
	switch mode {
	case dangjian.HalfUp:
		if half >= 0 {
			away()
		}
	case dangjian.HalfEven:
		if half > 0 || (half == 0 && q.Bit(0) == 1) {
			away()
		}
	case dangjian.Up:
		away()
	case dangjian.Floor:
		if neg {
			away()
		}
	case dangjian.Ceiling:
		if !neg {
			away()
		}
	}
	return q
}
