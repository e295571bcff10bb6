package funding

import (
	"errors"
	"fmt"

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

// ErrBadRounding is wrapped by the errors of [Rounding.Validate].
var ErrBadRounding = errors.New("bad rounding")

// Validate reports an invalid mode or places outside 0..2.
func (r Rounding) Validate() error {
	if !r.Mode.IsValid() {
		return fmt.Errorf("funding: rounding mode %q: %w", r.Mode.String(), ErrBadRounding)
	}
	if r.Places < 0 || r.Places > 2 {
		return fmt.Errorf("funding: rounding to %d places: want 0 (元), 1 (角) or 2 (分): %w", r.Places, ErrBadRounding)
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
