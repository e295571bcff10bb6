package standard

import (
	"fmt"
	"strconv"

	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/internal/funderr"
	"github.com/dangjian-go/dangjian/internal/enum"
	"github.com/shopspring/decimal"
)

// RoundingPoint says where an indexed amount is rounded: once, at the end
// of the compounding, or at the end of every year, each year's growth then
// applying to the rounded amount. The two can differ by a few fen; which
// one a scheme uses is its own choice, so it is declared, not guessed.
//
// The zero value is [RoundingPointUnknown], never valid.
type RoundingPoint uint8

const (
	RoundingPointUnknown RoundingPoint = iota // not set
	RoundAtEnd                                // 期末一次: the exact compounded amount is rounded once
	RoundEachYear                             // 逐年: each year's amount is rounded before the next year's growth
)

var roundingPointTable = enum.New("RoundingPoint",
	[]string{"", "at_end", "each_year"},
	[]string{"", "期末一次", "逐年"},
	map[string]int{"once": 1, "yearly": 2, "每年": 2})

// String returns the stable English code.
func (v RoundingPoint) String() string { return roundingPointTable.Code(int(v)) }

// Label returns the Chinese label.
func (v RoundingPoint) Label() string { return roundingPointTable.Label(int(v)) }

// IsValid reports whether v is one of the defined values.
func (v RoundingPoint) IsValid() bool { return roundingPointTable.Valid(int(v)) }

// ParseRoundingPoint accepts the English code (any case), the Chinese label
// or a listed alias. An unknown input is an error that quotes it.
func ParseRoundingPoint(s string) (RoundingPoint, error) {
	v, err := roundingPointTable.Parse("funding", s)
	return RoundingPoint(v), funderr.EnumProblem(err, roundingPointTable, s, "rounding point")
}

// MarshalText encodes the English code; the zero value encodes as "".
func (v RoundingPoint) MarshalText() ([]byte, error) {
	return funderr.EnumText(roundingPointTable, int(v), "rounding point")
}

// UnmarshalText accepts the English code, the Chinese label or an alias;
// "" decodes to the zero value.
func (v *RoundingPoint) UnmarshalText(b []byte) error {
	x, err := roundingPointTable.Unmarshal("funding", b)
	if err == nil {
		*v = RoundingPoint(x)
	}
	return funderr.EnumProblem(err, roundingPointTable, string(b), "rounding point")
}

// Growth is a normal-growth mechanism (正常增长机制) for an amount: a yearly
// rate, compounded over Years, rounded at the declared Point with
// Rounding. It is a plain value. Rule optionally names the rule that sets
// the rate, and is echoed in the result.
type Growth struct {
	Rule     string           `json:"rule,omitempty"`
	Rate     funding.Rate     `json:"rate"`
	Years    int              `json:"years"`
	Point    RoundingPoint    `json:"point"`
	Rounding funding.Rounding `json:"rounding"`
}

// maxGrowthYears bounds the years of compounding, so that exact values
// stay small.
const maxGrowthYears = 100

// AdjustedYear is one year of growth: the exact value after the year's
// growth and, where that value was rounded (every year with
// [RoundEachYear], the last year only with [RoundAtEnd]), the rounded
// Amount; nil while the exact value is carried on unrounded.
type AdjustedYear struct {
	Year   int            `json:"year"`
	Exact  string         `json:"exact"`
	Amount *funding.Money `json:"amount,omitempty"`
}

// Adjustment is an adjusted amount with how it was reached: by indexing
// (Method "index": From × (1 + Rate) per year over Years) or by pegging
// (Method "peg": Reference × Multiplier), the exact value before the final
// rounding, the rounding and where it was applied.
type Adjustment struct {
	Method string `json:"method"`
	Rule   string `json:"rule,omitempty"`
	// Indexing.
	From   funding.Money  `json:"from"`
	Rate   funding.Rate   `json:"rate"`
	Years  int            `json:"years,omitempty"`
	Point  RoundingPoint  `json:"point,omitempty"`
	ByYear []AdjustedYear `json:"byYear,omitempty"`
	// Pegging.
	Reference  funding.Money `json:"reference"`
	Multiplier funding.Rate  `json:"multiplier"`
	// Exact is the exact value that was rounded last; Amount the result.
	Exact    string           `json:"exact"`
	Rounding funding.Rounding `json:"rounding"`
	Amount   funding.Money    `json:"amount"`
}

// Index returns amount grown by g.Rate a year, compounded over g.Years
// years. With [RoundAtEnd] the exact compounded value is rounded once;
// with [RoundEachYear] each year's value is rounded and the next year's
// growth applies to the rounded amount. Either way the result lists each
// year. Zero years return the amount unchanged. It returns an error
// listing every problem: a negative amount, a rate of −100 % or less,
// years outside 0..100, an invalid point or rounding.
func Index(amount funding.Money, g Growth) (Adjustment, error) {
	p := paramErrs{sentinel: ErrBadGrowth}
	if amount.IsNegative() {
		p.add("amount", amount.String(), "must not be negative")
	}
	if g.Rate.Decimal().Cmp(decimal.NewFromInt(-1)) <= 0 {
		p.add("growth.rate", g.Rate.String(), "must be more than -1 (−100 %)")
	}
	if g.Years < 0 || g.Years > maxGrowthYears {
		p.add("growth.years", fmt.Sprint(g.Years), fmt.Sprintf("must be 0..%d", maxGrowthYears))
	}
	if !g.Point.IsValid() {
		p.add("growth.point", g.Point.String(), "not set: declare at_end or each_year")
	}
	if err := g.Rounding.Validate(); err != nil {
		p.add("growth.rounding", g.Rounding.Mode.String(), "invalid rounding")
	}
	if err := p.err(); err != nil {
		return Adjustment{}, err
	}
	res := Adjustment{Method: "index", Rule: g.Rule, From: amount, Rate: g.Rate, Years: g.Years, Point: g.Point,
		Rounding: g.Rounding, Amount: amount, Exact: amount.Decimal().String()}
	factor := decimal.NewFromInt(1).Add(g.Rate.Decimal())
	exact := amount.Decimal()
	for y := 1; y <= g.Years; y++ {
		exact = exact.Mul(factor)
		step := AdjustedYear{Year: y, Exact: exact.String()}
		if g.Point == RoundEachYear || y == g.Years {
			m, err := g.Rounding.Money(exact)
			if err != nil {
				return Adjustment{}, funderr.At("years["+strconv.Itoa(y)+"]", err, funding.ErrOverflow)
			}
			step.Amount = &m
			res.Exact, res.Amount = exact.String(), m
			if g.Point == RoundEachYear {
				exact = m.Decimal()
			}
		}
		res.ByYear = append(res.ByYear, step)
	}
	return res, nil
}

// Peg returns reference × multiplier, computed exactly and rounded once
// with r: pay pegged to a reference income (a village secretary's pay at
// twice the county's prior-year rural per-capita disposable income, a
// community worker's at the city's average wage). It returns an error
// listing every problem: a negative reference or multiplier, an invalid
// rounding.
func Peg(reference funding.Money, multiplier funding.Rate, r funding.Rounding) (Adjustment, error) {
	p := paramErrs{sentinel: ErrBadGrowth}
	if reference.IsNegative() {
		p.add("reference", reference.String(), "must not be negative")
	}
	if multiplier.Decimal().Sign() < 0 {
		p.add("multiplier", multiplier.String(), "must not be negative")
	}
	if err := r.Validate(); err != nil {
		p.add("rounding", r.Mode.String(), "invalid rounding")
	}
	if err := p.err(); err != nil {
		return Adjustment{}, err
	}
	exact := reference.Decimal().Mul(multiplier.Decimal())
	m, err := r.Money(exact)
	if err != nil {
		return Adjustment{}, funderr.At("amount", err, funding.ErrOverflow)
	}
	return Adjustment{Method: "peg", Reference: reference, Multiplier: multiplier, Exact: exact.String(), Rounding: r, Amount: m}, nil
}
