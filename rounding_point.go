package dangjian

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// MaxRoundingPlaces is the most decimal places a [Rounding] may name.
const MaxRoundingPlaces = 6

// Rounding is a declared rounding point: round to Places decimal places
// with Mode. Money rounds to 2 (the fen 分), 1 (the jiao 角) or 0 (the yuan
// 元); scores usually to 2. The zero Rounding is invalid: a rounding point
// must name its mode. It encodes to JSON as {"places":2,"mode":"half_up"}.
type Rounding struct {
	Places int32        `json:"places"`
	Mode   RoundingMode `json:"mode"`
}

// HalfUpTo returns half-up rounding (四舍五入) to places decimal places.
func HalfUpTo(places int32) Rounding { return Rounding{Places: places, Mode: HalfUp} }

// Validate reports an invalid mode, or places outside 0..MaxRoundingPlaces,
// as a *Problem of kind [ErrInvalid].
func (r Rounding) Validate() error {
	if !r.Mode.IsValid() {
		return &Problem{Kind: ErrInvalid, Path: "mode", Value: r.Mode.String(),
			Detail: "want half_up, half_even, down, up, floor or ceiling"}
	}
	if r.Places < 0 || r.Places > MaxRoundingPlaces {
		return &Problem{Kind: ErrInvalid, Path: "places", Value: fmt.Sprint(r.Places),
			Detail: fmt.Sprintf("want 0 to %d decimal places", MaxRoundingPlaces)}
	}
	return nil
}

// Round rounds d once, as declared.
func (r Rounding) Round(d decimal.Decimal) (decimal.Decimal, error) {
	if err := r.Validate(); err != nil {
		return d, err
	}
	return r.Mode.Round(d, r.Places)
}

// String describes the rounding point ("half_up to 0.01").
func (r Rounding) String() string {
	return fmt.Sprintf("%s to %s", r.Mode, decimal.New(1, -r.Places).StringFixed(r.Places))
}
