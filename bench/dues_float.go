// How this alternative was written: party dues in float64, the way existing
// party-building platforms compute them. The base is read from its yuan
// text with strconv.ParseFloat (once, when the roster is loaded); per
// member the bracket is found by comparing float64 bases with the edges,
// the dues are base*rate in float64, rounded to two places with
// math.Round(x*100)/100 and capped at 1000. The result is shown or stored
// with strconv.FormatFloat(x, 'f', 2, 64). Nothing in it is deliberately
// slow or deliberately wrong: it is the obvious float code.

package bench

import (
	"math"
	"strconv"
)

// FloatDues is the 2017 dues rules in float64.
type FloatDues struct{}

// Amount returns one member's monthly dues in yuan, rounded to two places.
func (FloatDues) Amount(kind MemberKind, base float64) float64 {
	var rate float64
	switch kind {
	case KindFlat:
		return 0.20
	case KindPension:
		if base <= 5000 {
			rate = 0.005
		} else {
			rate = 0.01
		}
	default:
		switch {
		case base <= 3000:
			rate = 0.005
		case base <= 5000:
			rate = 0.01
		case base <= 10000:
			rate = 0.015
		default:
			rate = 0.02
		}
	}
	x := base * rate
	x = math.Round(x*100) / 100
	if x > 1000 {
		x = 1000
	}
	return x
}

// Batch computes the dues of every member of in into out (as long as in).
func (f FloatDues) Batch(in []FloatMember, out []float64) {
	for i := range in {
		out[i] = f.Amount(in[i].Kind, in[i].Base)
	}
}

// AmountText parses the base from its yuan text with strconv.ParseFloat and
// returns the dues formatted with strconv.FormatFloat(x, 'f', 2, 64): for
// the sweeps.
func (f FloatDues) AmountText(kind MemberKind, base string) (string, error) {
	b, err := strconv.ParseFloat(base, 64)
	if err != nil {
		return "", err
	}
	return FormatYuan(f.Amount(kind, b)), nil
}

// FormatYuan formats a float amount the way the platform shows or stores
// it: strconv.FormatFloat(x, 'f', 2, 64).
func FormatYuan(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) }
