package rat

import (
	"math/big"

	"github.com/dangjian-go/dangjian"
)

// IsDecimal reports whether x is a terminating decimal: its denominator
// has no prime factor but 2 and 5. The zero Rat is 0, a decimal.
func (x Rat) IsDecimal() bool {
	d := x.D
	if d <= 0 {
		return d == 0
	}
	for d%2 == 0 {
		d /= 2
	}
	for d%5 == 0 {
		d /= 5
	}
	return d == 1
}

// AppendRounded appends x as a decimal: exactly, with the fewest places,
// when it is a terminating decimal (exact is true); otherwise rounded
// half-up (halves away from zero) to places places, written with all of
// them (exact is false). It never fails: a value beyond int64 arithmetic is
// rounded in big numbers.
func (x Rat) AppendRounded(b []byte, places int32) (out []byte, exact bool) {
	if x.D == 0 {
		return append(b, '0'), true
	}
	if x.IsDecimal() {
		return x.Append(b), true
	}
	if r, err := x.Round(places, dangjian.HalfUp); err == nil {
		if out, ok := r.appendDecimal(b, int(places)); ok {
			return out, false
		}
	}
	return append(b, new(big.Rat).SetFrac64(x.N, x.D).FloatString(int(places))...), false
}
