// Package rounding is the module's one integer rounding kernel: a quotient
// of int64s rounded to an integer with a [dangjian.RoundingMode], the
// integer counterpart of [dangjian.RoundingMode.Round] (which rounds
// decimals). Exact rationals (internal/rat: score rounding points), the
// counts of grading quotas (assess) and the dues batch path (fen × parts
// per million, through [Step], which it inlines) round with it.
//
// Everything is computed on magnitudes in uint64, and products in 128
// bits, so no intermediate value overflows; a result outside int64 is
// reported, never wrapped. Nothing allocates.
package rounding

import (
	"math"
	"math/bits"

	"github.com/dangjian-go/dangjian"
)

// DivRound returns n/d rounded to an integer with mode. It returns false
// when d is 0, when mode is not a valid [dangjian.RoundingMode] (checked
// even when the quotient is exact), or when the result does not fit an
// int64 (only MinInt64 / −1 does not).
func DivRound(n, d int64, mode dangjian.RoundingMode) (int64, bool) {
	if d == 0 || !mode.IsValid() {
		return 0, false
	}
	un, ud := magnitude(n), magnitude(d)
	return finish(un/ud, un%ud, ud, (n < 0) != (d < 0), mode)
}

// MulDivRound returns a×b/d rounded to an integer with mode, with the
// product a×b taken in 128 bits: it is exact whenever the rounded
// quotient fits an int64, even when the product does not. It returns
// false when d is 0, mode is invalid, or the result does not fit an int64.
func MulDivRound(a, b, d int64, mode dangjian.RoundingMode) (int64, bool) {
	if d == 0 || !mode.IsValid() {
		return 0, false
	}
	ud := magnitude(d)
	hi, lo := bits.Mul64(magnitude(a), magnitude(b))
	if hi >= ud { // the quotient needs more than 64 bits
		return 0, false
	}
	q, r := bits.Div64(hi, lo, ud)
	neg := (a < 0) != (b < 0) != (d < 0)
	return finish(q, r, ud, neg, mode)
}

// Step returns 1 when a quotient truncated towards zero, with magnitude q
// and remainder magnitude r (0 ≤ r < d) of a division by d > 0, moves one
// step away from zero when rounded with mode, and 0 otherwise; neg is the
// sign of the exact quotient. It is the decision at the heart of
// [DivRound], for hot loops that divide themselves (q += Step(…)): it is
// small enough to inline, and its half-up and half-even cases compile
// without a branch on the data. An invalid mode never moves.
func Step(q, r, d uint64, neg bool, mode dangjian.RoundingMode) uint64 {
	var s uint64
	switch mode {
	case dangjian.HalfUp:
		if r >= d-r { // 2r ≥ d, without overflow; false for r = 0
			s = 1
		}
	case dangjian.HalfEven:
		if r > d-r || (r == d-r && q&1 == 1) {
			s = 1
		}
	case dangjian.Up:
		if r != 0 {
			s = 1
		}
	case dangjian.Floor:
		if r != 0 && neg {
			s = 1
		}
	case dangjian.Ceiling:
		if r != 0 && !neg {
			s = 1
		}
	}
	return s // Down: 0
}

// finish rounds the truncated quotient q (remainder r of a division by d)
// and applies the sign, reporting whether the result fits an int64.
func finish(q, r, d uint64, neg bool, mode dangjian.RoundingMode) (int64, bool) {
	if Step(q, r, d, neg, mode) == 1 {
		if q == math.MaxUint64 {
			return 0, false
		}
		q++
	}
	if neg {
		if q > 1<<63 {
			return 0, false
		}
		return int64(-q), true // 1<<63 wraps to MinInt64, as it should
	}
	if q > math.MaxInt64 {
		return 0, false
	}
	return int64(q), true
}

// magnitude returns |x| as a uint64 (MinInt64 included).
func magnitude(x int64) uint64 {
	if x < 0 {
		return -uint64(x)
	}
	return uint64(x)
}
