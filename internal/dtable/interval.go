package dtable

import (
	"slices"
	"strings"

	"github.com/dangjian-go/dangjian/internal/rat"
)

// Sets: a number cell is a union of intervals over the rationals; a text
// cell is a finite set of strings or the complement of one.

// Bound is an end of an interval: a value, open or closed, or infinite
// (−∞ for a start, +∞ for an end).
type Bound struct {
	V    rat.Rat
	Inf  bool
	Open bool
}

// Interval is a set of rationals between two bounds.
type Interval struct{ Lo, Hi Bound }

// Contains reports whether x lies in the interval.
func (iv Interval) Contains(x rat.Rat) bool {
	if !iv.Lo.Inf {
		c := iv.Lo.V.Cmp(x)
		if c > 0 || (c == 0 && iv.Lo.Open) {
			return false
		}
	}
	if !iv.Hi.Inf {
		c := x.Cmp(iv.Hi.V)
		if c > 0 || (c == 0 && iv.Hi.Open) {
			return false
		}
	}
	return true
}

// Empty reports whether the interval holds no value.
func (iv Interval) Empty() bool {
	if iv.Lo.Inf || iv.Hi.Inf {
		return false
	}
	c := iv.Lo.V.Cmp(iv.Hi.V)
	return c > 0 || (c == 0 && (iv.Lo.Open || iv.Hi.Open))
}

// String renders the interval as a cell would: "[60..80)", "(-∞..90]".
func (iv Interval) String() string {
	var b strings.Builder
	switch {
	case iv.Lo.Inf:
		b.WriteString("(-∞")
	case iv.Lo.Open:
		b.WriteString("(" + iv.Lo.V.String())
	default:
		b.WriteString("[" + iv.Lo.V.String())
	}
	b.WriteString("..")
	switch {
	case iv.Hi.Inf:
		b.WriteString("+∞)")
	case iv.Hi.Open:
		b.WriteString(iv.Hi.V.String() + ")")
	default:
		b.WriteString(iv.Hi.V.String() + "]")
	}
	return b.String()
}

// CmpLo orders starts: −∞ first, then by value, a closed start before an
// open one at the same value.
func CmpLo(a, b Bound) int {
	switch {
	case a.Inf && b.Inf:
		return 0
	case a.Inf:
		return -1
	case b.Inf:
		return 1
	}
	if c := a.V.Cmp(b.V); c != 0 {
		return c
	}
	switch {
	case a.Open == b.Open:
		return 0
	case a.Open:
		return 1
	}
	return -1
}

// CmpHi orders ends: +∞ last, then by value, an open end before a closed
// one at the same value.
func CmpHi(a, b Bound) int {
	switch {
	case a.Inf && b.Inf:
		return 0
	case a.Inf:
		return 1
	case b.Inf:
		return -1
	}
	if c := a.V.Cmp(b.V); c != 0 {
		return c
	}
	switch {
	case a.Open == b.Open:
		return 0
	case a.Open:
		return -1
	}
	return 1
}

// Normalize drops empty intervals, sorts and merges the rest into
// disjoint intervals that do not touch.
func Normalize(ivs []Interval) []Interval {
	out := make([]Interval, 0, len(ivs))
	for _, iv := range ivs {
		if !iv.Empty() {
			out = append(out, iv)
		}
	}
	slices.SortFunc(out, func(a, b Interval) int { return CmpLo(a.Lo, b.Lo) })
	merged := out[:0]
	for _, iv := range out {
		if n := len(merged); n > 0 && Joins(merged[n-1].Hi, iv.Lo) {
			if CmpHi(iv.Hi, merged[n-1].Hi) > 0 {
				merged[n-1].Hi = iv.Hi
			}
			continue
		}
		merged = append(merged, iv)
	}
	return merged
}

// Joins reports whether an interval ending at hi and one starting at lo
// (not before the first's start) overlap or touch with no gap.
func Joins(hi, lo Bound) bool {
	if hi.Inf || lo.Inf {
		return true
	}
	c := lo.V.Cmp(hi.V)
	return c < 0 || (c == 0 && !(lo.Open && hi.Open))
}

// Complement returns the gaps of a normalized union over (−∞, +∞).
func Complement(ivs []Interval) []Interval {
	var out []Interval
	lo := Bound{Inf: true}
	for _, iv := range ivs {
		if !iv.Lo.Inf {
			out = append(out, Interval{Lo: lo, Hi: Bound{V: iv.Lo.V, Open: !iv.Lo.Open}})
		}
		if iv.Hi.Inf {
			return out
		}
		lo = Bound{V: iv.Hi.V, Open: !iv.Hi.Open}
	}
	return append(out, Interval{Lo: lo, Hi: Bound{Inf: true}})
}

// Intersect returns the common part of two intervals (possibly empty).
func Intersect(a, b Interval) Interval {
	out := a
	if CmpLo(b.Lo, a.Lo) > 0 {
		out.Lo = b.Lo
	}
	if CmpHi(b.Hi, a.Hi) < 0 {
		out.Hi = b.Hi
	}
	return out
}

// Witness returns a value of a non-empty interval.
func (iv Interval) Witness() (rat.Rat, bool) {
	switch {
	case !iv.Lo.Inf && !iv.Lo.Open:
		return iv.Lo.V, true
	case !iv.Hi.Inf && !iv.Hi.Open:
		return iv.Hi.V, true
	case iv.Lo.Inf && iv.Hi.Inf:
		return rat.Zero, true
	case iv.Hi.Inf:
		x, err := iv.Lo.V.Add(rat.One)
		return x, err == nil
	case iv.Lo.Inf:
		x, err := iv.Hi.V.Sub(rat.One)
		return x, err == nil
	}
	// (lo..hi): the midpoint, as lo/2 + hi/2 to keep away from overflow.
	half := rat.Rat{N: 1, D: 2}
	a, err1 := iv.Lo.V.Mul(half)
	b, err2 := iv.Hi.V.Mul(half)
	if err1 != nil || err2 != nil {
		return rat.Rat{}, false
	}
	x, err := a.Add(b)
	return x, err == nil
}
