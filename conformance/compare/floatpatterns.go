package compare

// This file simulates other systems' binary floating-point arithmetic, to
// tell which pattern reproduces a platform's value. It is the only file
// of the package that uses float64, and only for that diagnosis: the
// library's own answer is computed exactly elsewhere and never passes
// through here.

import (
	"math"
	"math/big"
	"strconv"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
	"github.com/dangjian-go/dangjian/funding"
)

// javaRate returns the double of a rate's literal (0.015), as Java
// reads it: the nearest double.
func javaRate(rate funding.Rate) (float64, bool) {
	f, err := strconv.ParseFloat(rate.String(), 64)
	return f, err == nil && !math.IsInf(f, 0)
}

// javaProduct returns base × rate computed in double, as
// base.doubleValue() * 0.015 is: the base's double is the nearest to its
// decimal, which fen / 100.0 is too (both exact below 2^53, and the
// quotient correctly rounded).
func javaProduct(base funding.Money, rate float64) (float64, bool) {
	if abs64(base.Fen()) >= 1<<53 || base.Fen() == math.MinInt64 {
		return 0, false
	}
	x := float64(base.Fen()) / 100 * rate
	return x, !math.IsInf(x, 0) && !math.IsNaN(x)
}

// javaBigDecimalHalfUp is new BigDecimal(base*rate).setScale(2,
// RoundingMode.HALF_UP): the BigDecimal(double) constructor takes the
// exact binary value of the double product, which setScale then rounds
// half away from zero to the fen.
func javaBigDecimalHalfUp(base funding.Money, rate float64) (funding.Money, bool) {
	x, ok := javaProduct(base, rate)
	if !ok {
		return funding.Money{}, false
	}
	return halfUpFen(x)
}

// halfUpFen returns the exact binary value of x rounded half away from
// zero to the fen, as new BigDecimal(x).setScale(2, HALF_UP) does: x is
// m × 2^e with an integer m of 53 bits, so x × 100 is m × 100 × 2^e, whose
// integer part and remainder are taken exactly in integers.
func halfUpFen(x float64) (funding.Money, bool) {
	if x == 0 {
		return funding.Money{}, true
	}
	neg := x < 0
	frac, exp := math.Frexp(math.Abs(x)) // |x| = frac × 2^exp, frac in [0.5, 1)
	m := uint64(frac * (1 << 53))        // exact: frac has 53 significant bits
	e := exp - 53
	n := m * 100 // < 2^60
	var q uint64
	switch {
	case e >= 0:
		if e > 2 { // n << e might not fit an int64 (|x| ≥ 2^55 fen)
			return funding.Money{}, false
		}
		q = n << e
	case e <= -62:
		q = 0 // |x| × 100 < 2^60 × 2^-62 < 1/2
	default:
		s := uint(-e)
		q = n >> s
		if r := n & (1<<s - 1); r<<1 >= 1<<s {
			q++
		}
	}
	if q > math.MaxInt64 {
		return funding.Money{}, false
	}
	if neg {
		return funding.Fen(-int64(q)), true
	}
	return funding.Fen(int64(q)), true
}

// javaMathRound is Math.round(base*rate*100)/100.0: the product in
// double, times 100 in double, rounded to the nearest long with ties
// towards positive infinity (Java 7 and later); the fen are that long.
func javaMathRound(base funding.Money, rate float64) (funding.Money, bool) {
	x, ok := javaProduct(base, rate)
	if !ok {
		return funding.Money{}, false
	}
	y := x * 100
	if math.IsInf(y, 0) || math.Abs(y) >= 1<<62 {
		return funding.Money{}, false
	}
	f := math.Floor(y)
	if y-f >= 0.5 {
		f++
	}
	return funding.Fen(int64(f)), true
}

// javaMathRoundLong is Math.round(base*rate*100)/100 written with an
// integer divisor: Math.round returns a long, so the division is a long's,
// towards zero, and the amount keeps whole yuan.
func javaMathRoundLong(base funding.Money, rate float64) (funding.Money, bool) {
	v, ok := javaMathRound(base, rate)
	if !ok {
		return funding.Money{}, false
	}
	return funding.Fen(v.Fen() / 100 * 100), true
}

// floatSum adds a result's weighted components, its bonus and its extra
// points in double, in scheme order, as a platform that scores in Double
// does, and returns the sum as Java prints it (the shortest decimal that
// reads back as the double) and as new BigDecimal(sum).setScale(places,
// HALF_UP), both exactly as rationals.
func floatSum(res *assess.Result, places int32) (printed, halfUp *big.Rat, ok bool) {
	var sum float64
	add := func(s assess.Score) bool {
		text, _ := s.JSON()
		f, err := strconv.ParseFloat(text, 64)
		sum += f
		return err == nil
	}
	for _, c := range res.Components {
		if !add(c.Weighted) {
			return nil, nil, false
		}
	}
	if !add(res.Bonus) {
		return nil, nil, false
	}
	if res.Extra != nil && !add(*res.Extra) {
		return nil, nil, false
	}
	if math.IsInf(sum, 0) || math.IsNaN(sum) {
		return nil, nil, false
	}
	printed, ok1 := new(big.Rat).SetString(strconv.FormatFloat(sum, 'f', -1, 64))
	exact, _ := new(big.Float).SetFloat64(sum).Rat(nil)
	halfUp, ok2 := roundRat(exact, places, dangjian.HalfUp)
	return printed, halfUp, ok1 && ok2
}

// javaCeilJiao is Math.ceil(base*rate*10)/10: the product in double,
// times 10 in double, rounded up to an integer number of 角.
func javaCeilJiao(base funding.Money, rate float64) (funding.Money, bool) {
	x, ok := javaProduct(base, rate)
	if !ok {
		return funding.Money{}, false
	}
	y := math.Ceil(x * 10)
	if math.IsInf(y, 0) || math.Abs(y) >= 1<<58 {
		return funding.Money{}, false
	}
	return funding.Fen(int64(y) * 10), true
}
