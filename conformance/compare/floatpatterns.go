package compare

// This file simulates other systems' binary floating-point arithmetic, to
// tell which pattern reproduces a platform's value. It uses no Go
// floating-point type: a Java double is modelled exactly as a math/big
// Float of 53 bits rounded to nearest even (IEEE 754 binary64's
// significand and rounding), each operation rounded once as the hardware
// rounds it, and the values read back exactly. The amounts met here
// (bases below 2^53 fen, rates, scores) stay far from binary64's exponent
// limits, where the model and the hardware would part (subnormals,
// overflow); TestDoubleModel holds the model to the hardware's results.
// The library's own answer is computed exactly elsewhere and never passes
// through here.

import (
	"math"
	"math/big"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
	"github.com/dangjian-go/dangjian/funding"
)

// double returns a zero Java double: 53 bits, rounded to nearest even.
func double() *big.Float { return new(big.Float).SetPrec(53).SetMode(big.ToNearestEven) }

// doubleOf returns the double nearest r, as Java reads a decimal literal
// (Double.parseDouble) or divides two exact doubles.
func doubleOf(r *big.Rat) *big.Float { return double().SetRat(r) }

var (
	ten     = doubleOf(big.NewRat(10, 1))
	hundred = doubleOf(big.NewRat(100, 1))
)

// javaRate returns the double of a rate's literal (0.015), as Java
// reads it: the nearest double. The result is only read, never changed.
func javaRate(rate funding.Rate) (*big.Float, bool) {
	r, ok := new(big.Rat).SetString(rate.String())
	if !ok {
		return nil, false
	}
	return doubleOf(r), true
}

// javaProduct returns base × rate computed in double, as
// base.doubleValue() * 0.015 is: the base's double is the nearest to its
// decimal, which fen / 100.0 is too (both exact below 2^53, and the
// quotient correctly rounded); the product is rounded once.
func javaProduct(base funding.Money, rate *big.Float) (*big.Float, bool) {
	if rate == nil || base.Fen() == math.MinInt64 || abs64(base.Fen()) >= 1<<53 {
		return nil, false
	}
	b := doubleOf(big.NewRat(base.Fen(), 100))
	return double().Mul(b, rate), true
}

// exactOf returns a double's exact value.
func exactOf(x *big.Float) *big.Rat {
	r, _ := x.Rat(nil) // finite: no operation here overflows
	return r
}

// wide returns a zero Float wide enough to hold a double times 100, or
// plus one half, exactly where it matters: rounded towards negative
// infinity, so that the floor of the result is the floor of the exact
// value (an integer below 2^62 is representable, and rounding down never
// passes one).
func wide() *big.Float { return new(big.Float).SetPrec(256).SetMode(big.ToNegativeInf) }

var (
	halfF    = new(big.Float).SetRat(big.NewRat(1, 2))
	hundredF = new(big.Float).SetInt64(100)
)

// floorFen returns the floor of y as fen; false when |y| is 2^62 or more.
func floorFen(y *big.Float) (funding.Money, bool) {
	if y.Sign() != 0 && y.MantExp(nil) > 62 {
		return funding.Money{}, false
	}
	i, acc := y.Int64() // towards zero
	if acc == big.Above {
		i-- // a negative y that is not an integer
	}
	return funding.Fen(i), true
}

// halfUpFen is new BigDecimal(x).setScale(2, RoundingMode.HALF_UP) of
// the double x (base*rate from [javaProduct]): the BigDecimal(double)
// constructor takes x's exact binary value, which setScale rounds half
// away from zero to the fen. False for a nil x or an amount of 2^62 fen
// or more.
func halfUpFen(x *big.Float) (funding.Money, bool) {
	if x == nil {
		return funding.Money{}, false
	}
	z := wide().Mul(x, hundredF)
	neg := z.Sign() < 0
	if neg {
		z.Neg(z)
	}
	v, ok := floorFen(z.Add(z, halfF))
	if neg {
		v = funding.Fen(-v.Fen())
	}
	return v, ok
}

// javaMathRound is Math.round(x*100)/100.0 of the double product x: times
// 100 in double, rounded to the nearest long with ties towards positive
// infinity (Java 7 and later: floor(y + 1/2) taken exactly); the fen are
// that long.
func javaMathRound(x *big.Float) (funding.Money, bool) {
	if x == nil {
		return funding.Money{}, false
	}
	y := double().Mul(x, hundred)
	return floorFen(wide().Add(y, halfF))
}

// javaMathRoundLong is Math.round(x*100)/100 written with an integer
// divisor: Math.round returns a long, so the division is a long's,
// towards zero, and the amount keeps whole yuan.
func javaMathRoundLong(x *big.Float) (funding.Money, bool) {
	v, ok := javaMathRound(x)
	if !ok {
		return funding.Money{}, false
	}
	return funding.Fen(v.Fen() / 100 * 100), true
}

// javaCeilJiao is Math.ceil(x*10)/10 of the double product x: times 10
// in double, rounded up to an integer number of 角.
func javaCeilJiao(x *big.Float) (funding.Money, bool) {
	if x == nil {
		return funding.Money{}, false
	}
	y := double().Mul(x, ten)
	negFloor, ok := floorFen(y.Neg(y)) // ceil(y) = -floor(-y)
	if !ok || abs64(negFloor.Fen()) > math.MaxInt64/10 {
		return funding.Money{}, false
	}
	return funding.Fen(-negFloor.Fen() * 10), true
}

// floatSum adds a result's weighted components, its bonus and its extra
// points in double, in scheme order, as a platform that scores in Double
// does, and returns the sum as Java prints it (the shortest decimal that
// reads back as the double) and as new BigDecimal(sum).setScale(places,
// HALF_UP), both exactly as rationals.
func floatSum(res *assess.Result, places int32) (printed, halfUp *big.Rat, ok bool) {
	sum := double()
	add := func(s assess.Score) bool {
		text, _ := s.JSON()
		if strings.Contains(text, "/") {
			return false // a fraction: no decimal for a platform to read
		}
		r, ok := new(big.Rat).SetString(text)
		if ok {
			sum.Add(sum, doubleOf(r))
		}
		return ok
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
	printed, ok1 := new(big.Rat).SetString(sum.Text('f', -1)) // shortest for 53 bits
	halfUp, ok2 := roundRat(exactOf(sum), places, dangjian.HalfUp)
	return printed, halfUp, ok1 && ok2
}
