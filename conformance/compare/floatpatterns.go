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

// javaDouble returns the double Java's BigDecimal.doubleValue() gives
// for a decimal, and for the literal of a rate (0.015): the nearest
// double.
func javaDouble(s string) (float64, bool) {
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil && !math.IsInf(f, 0) && !math.IsNaN(f)
}

// javaProduct returns base × rate computed in double, as
// base.doubleValue() * 0.015 is.
func javaProduct(base funding.Money, rate funding.Rate) (float64, bool) {
	b, ok1 := javaDouble(base.String())
	r, ok2 := javaDouble(rate.String())
	x := b * r
	return x, ok1 && ok2 && !math.IsInf(x, 0)
}

// javaBigDecimalHalfUp is new BigDecimal(base*rate).setScale(2,
// RoundingMode.HALF_UP): the BigDecimal(double) constructor takes the
// exact binary value of the double product, which setScale then rounds
// half away from zero to the fen.
func javaBigDecimalHalfUp(base funding.Money, rate funding.Rate) (funding.Money, bool) {
	x, ok := javaProduct(base, rate)
	if !ok {
		return funding.Money{}, false
	}
	exact, _ := new(big.Float).SetFloat64(x).Rat(nil) // exact: a double is a dyadic rational
	exact.Mul(exact, big.NewRat(100, 1))
	num, den := new(big.Int).Abs(exact.Num()), exact.Denom()
	q, r := new(big.Int).QuoRem(num, den, new(big.Int))
	if r.Lsh(r, 1).Cmp(den) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	if exact.Sign() < 0 {
		q.Neg(q)
	}
	if !q.IsInt64() {
		return funding.Money{}, false
	}
	return funding.Fen(q.Int64()), true
}

// javaMathRound is Math.round(base*rate*100)/100.0: the product in
// double, times 100 in double, rounded to the nearest long with ties
// towards positive infinity (Java 7 and later); the fen are that long.
func javaMathRound(base funding.Money, rate funding.Rate) (funding.Money, bool) {
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
