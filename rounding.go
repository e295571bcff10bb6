package dangjian

import (
	"fmt"

	"github.com/dangjian-go/dangjian/internal/enum"
	"github.com/shopspring/decimal"
)

// RoundingMode names how a value is rounded at a declared rounding point.
// The library rounds only where a rule or a scheme declares it, always with
// a named mode; the default in Chinese practice is [HalfUp] (四舍五入).
//
// The zero value is [RoundingUnknown], which is invalid: a rounding point
// must say its mode.
type RoundingMode uint8

const (
	RoundingUnknown RoundingMode = iota // not set; invalid
	HalfUp                              // 四舍五入: halves away from zero (2.345 → 2.35, −2.345 → −2.35)
	HalfEven                            // 银行家舍入: halves to the even digit (2.345 → 2.34, 2.355 → 2.36)
	Down                                // 截尾: towards zero (2.349 → 2.34)
	Up                                  // 进位: away from zero (2.341 → 2.35)
	Floor                               // towards −∞
	Ceiling                             // towards +∞
)

var roundingTable = enum.New("RoundingMode", []string{"", "half_up", "half_even", "down", "up", "floor", "ceiling"}, []string{"", "四舍五入", "银行家舍入", "舍去", "进一", "向下取整", "向上取整"}, map[string]int{"halfup": 1, "half-up": 1, "bankers": 2, "half-even": 2})

// String returns the stable English code.
func (v RoundingMode) String() string { return roundingTable.Code(int(v)) }

// Label returns the Chinese label.
func (v RoundingMode) Label() string { return roundingTable.Label(int(v)) }

// IsValid reports whether v is one of the defined values.
func (v RoundingMode) IsValid() bool { return roundingTable.Valid(int(v)) }

// ParseRoundingMode accepts the English code (any case) or the Chinese label.
func ParseRoundingMode(s string) (RoundingMode, error) {
	v, err := roundingTable.Parse("dangjian", s)
	return RoundingMode(v), err
}

// MarshalText encodes the English code; the zero value encodes as "".
func (v RoundingMode) MarshalText() ([]byte, error) { return roundingTable.Marshal("dangjian", int(v)) }

// UnmarshalText accepts the English code or the Chinese label; "" decodes to
// the zero value.
func (v *RoundingMode) UnmarshalText(b []byte) error {
	x, err := roundingTable.Unmarshal("dangjian", b)
	if err == nil {
		*v = RoundingMode(x)
	}
	return err
}

// Round rounds d to places decimal places with mode m. It returns an error
// for an invalid mode instead of guessing one.
func (m RoundingMode) Round(d decimal.Decimal, places int32) (decimal.Decimal, error) {
	switch m {
	case HalfUp:
		return d.Round(places), nil // shopspring rounds halves away from zero
	case HalfEven:
		return d.RoundBank(places), nil
	case Down:
		return d.RoundDown(places), nil
	case Up:
		return d.RoundUp(places), nil
	case Floor:
		return d.RoundFloor(places), nil
	case Ceiling:
		return d.RoundCeil(places), nil
	}
	return d, fmt.Errorf("dangjian: Round with invalid rounding mode %d", uint8(m))
}
