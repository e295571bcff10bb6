package dues

import (
	"fmt"
	"math"
	"strconv"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/internal/funderr"
	"github.com/dangjian-go/dangjian/internal/rounding"
	"github.com/shopspring/decimal"
)

// Calculator is a [Rules] compiled for computing the dues of many
// members fast: brackets as int64 counts of fen, rates as integer parts per
// million, the rounding done in integer arithmetic with the rules' mode.
// Its results equal those of [Rules.Monthly] for the same category and
// base, without the trace. It does not allocate.
//
// A Calculator is immutable and safe for concurrent use by multiple
// goroutines.
type Calculator struct {
	name   string
	scales [3][]compiledBracket // indexed by Scale
	flat   [16]int64            // default flat amount in fen, by category
	capOn  bool
	capFen int64
	unit   int64 // the rounding unit in millionths of a fen
	perFen int64 // fen per rounding unit
	mode   dangjian.RoundingMode
	rules  Rules // for the exact fallback of very large bases
}

type compiledBracket struct {
	upTo int64 // inclusive, in fen
	open bool
	ppm  int64 // rate × 10^6
	id   string
	rate funding.Rate
}

// BatchInput is one member of a batch: a category and a monthly base (the
// base is ignored for flat categories).
type BatchInput struct {
	Category Category
	Base     funding.Money
}

// maxFastBase is the largest base (in fen) whose product with a rate of at
// most 1 (10^6 ppm) fits in an int64; larger bases take the exact path.
const maxFastBase = math.MaxInt64 / 1_000_000

// Compile checks the rules and prepares them for [Calculator.Batch].
func (rs Rules) Compile() (*Calculator, error) {
	if err := rs.Rounding.Validate(); err != nil {
		return nil, err
	}
	c := &Calculator{name: rs.Name, capOn: rs.Cap.On, capFen: rs.Cap.Amount.Fen(), mode: rs.Rounding.Mode, rules: rs.Clone()}
	c.perFen = pow10[2-rs.Rounding.Places]
	c.unit = 1_000_000 * c.perFen
	million := decimal.NewFromInt(1_000_000)
	for _, b := range rs.Brackets {
		if b.Scale != WageScale && b.Scale != PensionScale {
			return nil, &dangjian.Problem{Kind: ErrNotCompilable, Path: "brackets.scale", Value: b.Scale.String(), Rule: b.ID}
		}
		ppm := b.Rate.Decimal().Mul(million)
		if !ppm.Equal(ppm.Truncate(0)) || ppm.IsNegative() || ppm.GreaterThan(million) {
			return nil, &dangjian.Problem{Kind: ErrNotCompilable, Path: "brackets.rate", Value: b.Rate.String(), Rule: b.ID, Detail: "a rate in whole millionths from 0 to 1"}
		}
		c.scales[b.Scale] = append(c.scales[b.Scale], compiledBracket{upTo: b.UpTo.Fen(), open: b.Open, ppm: ppm.IntPart(), id: b.ID, rate: b.Rate})
	}
	for s := range c.scales {
		if n := len(c.scales[s]); s > 0 && n > 0 && !c.scales[s][n-1].open {
			return nil, &dangjian.Problem{Kind: ErrNotCompilable, Path: "brackets", Value: Scale(s).String(), Detail: "the scale has no open top bracket"}
		}
	}
	for _, f := range rs.Flats {
		for _, cat := range f.Categories {
			c.flat[cat&15] = f.Amount.Fen()
		}
	}
	return c, nil
}

// Amount returns the dues of one member: the same amount [Rules.Monthly]
// computes for this category and base (before any reduction, and for a
// member already due).
func (c *Calculator) Amount(cat Category, base funding.Money) (funding.Money, error) {
	if !cat.IsValid() {
		return funding.Money{}, &dangjian.Problem{Kind: ErrBadMember, Path: "category", Value: cat.String(), Detail: "unknown category"}
	}
	if base.IsNegative() {
		return funding.Money{}, &dangjian.Problem{Kind: dangjian.ErrNegative, Path: "base", Value: base.String(), Err: ErrBadMember}
	}
	if cat.IsFlat() {
		return funding.Fen(c.flat[cat&15]), nil
	}
	fen := base.Fen()
	if fen > maxFastBase {
		return c.exact(cat, base)
	}
	return funding.Fen(c.fast(c.scales[cat.Scale()], fen)), nil
}

// fast is the hot path: a bracket lookup, an int64 product and an integer
// rounding by the module's integer kernel. It divides itself and asks the
// kernel only for the step (rounding.Step, inlined and branch-free for
// half-up): calling rounding.DivRound here measured 19 ns per member
// against 11, and a boolean decision ("round away?") 16 ns, from a
// mispredicted branch on the data. TestBatchEqualsExact checks it against
// the exact path for every fen up to 12000 元 and random bases under every
// mode and place.
func (c *Calculator) fast(brackets []compiledBracket, fen int64) int64 {
	var ppm int64
	for i := range brackets {
		if brackets[i].open || fen <= brackets[i].upTo {
			ppm = brackets[i].ppm
			break
		}
	}
	v := fen * ppm // ≥ 0: fen ≤ maxFastBase, 0 ≤ ppm ≤ 10^6
	q, r := v/c.unit, v%c.unit
	q += int64(rounding.Step(uint64(q), uint64(r), uint64(c.unit), false, c.mode))
	out := q * c.perFen
	if c.capOn && out > c.capFen {
		out = c.capFen
	}
	return out
}

func (c *Calculator) exact(cat Category, base funding.Money) (funding.Money, error) {
	d, err := c.rules.Monthly(Member{Category: cat, Base: base}, someMonth(c.rules.Period))
	if err != nil {
		return funding.Money{}, err
	}
	return d.Amount, nil
}

// someMonth returns a date inside p.
func someMonth(p dangjian.Period) dangjian.Date {
	switch {
	case !p.From.IsZero():
		return p.From
	case !p.To.IsZero():
		return p.To.AddDays(-1)
	}
	return dangjian.MustParseDate("2000-01-01")
}

// Batch computes the dues of every input into out, which must be as long
// as in. It does not allocate unless it reports an error: the first bad
// input (an unknown category or a negative base) stops it, with its index.
func (c *Calculator) Batch(in []BatchInput, out []funding.Money) error {
	if len(out) != len(in) {
		return &dangjian.Problem{Kind: dangjian.ErrInconsistent, Path: "out", Value: strconv.Itoa(len(out)), Detail: fmt.Sprintf("%d inputs but %d outputs", len(in), len(out))}
	}
	for i := range in {
		cat, fen := in[i].Category, in[i].Base.Fen()
		switch {
		case cat.IsFlat():
			out[i] = funding.Fen(c.flat[cat&15])
		case (cat == Employed || cat == Retired || cat == SelfEmployed || cat == AnnualSalary) && fen >= 0 && fen <= maxFastBase:
			out[i] = funding.Fen(c.fast(c.scales[cat.Scale()], fen))
		default:
			m, err := c.Amount(cat, in[i].Base)
			if err != nil {
				return funderr.At("["+strconv.Itoa(i)+"]", err, ErrBadMember)
			}
			out[i] = m
		}
	}
	return nil
}

// Monthly computes a member's dues for the month containing month, as
// [Rules.Monthly] computes them with the rules the Calculator was compiled
// from, but without the trace: Steps is empty and Exact and BaseExact are
// "". A member with a base given (or none, in a flat category at its
// default amount), due in the month, without a reduction, takes the
// compiled path; any other member, and any member with a problem, is
// computed by Rules.Monthly, with the same result and the same errors.
// The amounts and flags are those of Rules.Monthly on every member
// (TestCalculatorMonthlyEqualsRules).
func (c *Calculator) Monthly(m Member, month dangjian.Date) (d Result, err error) {
	if c.monthlyFast(&m, month, &d) {
		return d, nil
	}
	d, err = c.rules.Monthly(m, month)
	d.Steps, d.Exact, d.BaseExact = nil, "", ""
	return d, err
}

// monthlyFast is the compiled path of Monthly, which it writes into *d,
// which must be zero (a Result is large: it is written in place, field by
// field, not copied); false if m does not take it, and *d is then zero.
func (c *Calculator) monthlyFast(m *Member, month dangjian.Date, d *Result) bool {
	if m.Payslip != nil || len(m.Months) > 0 || m.Reduction != nil || !m.ProbationarySince.IsZero() ||
		!m.FlatAmount.IsZero() || m.Voluntary.IsNegative() || !m.Category.IsValid() {
		return false
	}
	if month.Day() != 1 {
		month = dangjian.NewDate(month.Year(), month.Month(), 1)
	}
	if month.Year() < 1 || !c.rules.Period.Contains(month) {
		return false
	}
	d.Member, d.Name, d.Month, d.Category, d.RuleSet, d.Rounding = m.ID, m.Name, month, m.Category, c.name, c.rules.Rounding
	if m.Category.IsFlat() {
		f, ok := c.rules.flat(m.Category)
		if !ok || !m.Base.IsZero() {
			*d = Result{}
			return false
		}
		d.Rule, d.Amount = f.ID, f.Amount
	} else {
		fen := m.Base.Fen()
		brackets := c.scales[m.Category.Scale()]
		if fen < 0 || fen > maxFastBase {
			*d = Result{}
			return false
		}
		var b *compiledBracket
		for i := range brackets {
			if brackets[i].open || fen <= brackets[i].upTo {
				b = &brackets[i]
				break
			}
		}
		if b == nil {
			*d = Result{}
			return false
		}
		v := fen * b.ppm
		q, r := v/c.unit, v%c.unit
		q += int64(rounding.Step(uint64(q), uint64(r), uint64(c.unit), false, c.mode))
		out := q * c.perFen
		d.Base, d.Rate, d.Rule = m.Base, b.rate, b.id
		if c.capOn && out > c.capFen {
			out, d.Capped, d.Rule = c.capFen, true, c.rules.Cap.ID
		}
		d.Amount = funding.Fen(out)
	}
	d.Voluntary = m.Voluntary
	if m.Voluntary.Fen() >= c.rules.Provisions.LumpSum.N && !m.Voluntary.IsZero() {
		d.LumpSum = true
	}
	total, err := d.Amount.Add(d.Voluntary)
	if err != nil {
		*d = Result{}
		return false
	}
	d.Total = total
	d.PayingOrg = m.PayingOrg
	return true
}

// pow10 gives the fen in a unit of 10^-places yuan, by 2−places.
var pow10 = [...]int64{1, 10, 100}
