package compare

import (
	"fmt"
	"io"
	"math"
	"math/big"
	"math/bits"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/dues"
)

// dues compares a roster's dues for the month of opts.Date, by the rule
// set opts.DuesRules or the one in force then ([dues.RulesFor]), with
// GOT's column dues. The roster streams ([dues.ScanRosterWith], or
// [dues.ScanRosterJSONWith] for a name ending in .json) and each member
// is computed with its trace ([dues.Rules.Monthly]). A member ID on two
// rows leaves every row of it out, as examples/dues and
// [dues.ComputeMonth] do: the roster is read once before, without
// computing, for the repeated IDs, and the scanner reports the rows'
// problems.
func (c *run) dues() error {
	month := dangjian.NewDate(c.opts.Date.Year(), c.opts.Date.Month(), 1)
	rs, err := c.duesRules(month)
	if err != nil {
		return err
	}
	calc, err := rs.Compile()
	if err != nil {
		return err
	}
	other, otherCause, hasOther := otherRules(rs)
	pats := newPatterns(rs)
	scan := dues.ScanRosterWith
	if strings.HasSuffix(strings.ToLower(c.in.Name), ".json") {
		scan = dues.ScanRosterJSONWith
	}
	repeated, err := c.repeatedIDs(scan)
	if err != nil {
		return err
	}
	r, err := c.in.Open()
	if err != nil {
		return err
	}
	defer r.Close()
	err = scan(r, dues.ScanOptions{Limits: c.opts.Limits}, func(row dues.RosterRow, bad dangjian.Problems) error {
		if bad != nil {
			c.inputProblems(bad)
			c.skip(row.Member.ID)
			return nil
		}
		if repeated[row.Member.ID] {
			// Its later row's problems (the scanner's) name this row too.
			c.skip(row.Member.ID)
			return nil
		}
		// The compiled calculator gives the amounts of Rules.Monthly
		// (dues.TestCalculatorMonthlyEqualsRules), without the trace: a
		// row that differs is computed again with it, for its rules.
		d, err := calc.Monthly(row.Member, month)
		if err != nil {
			ps := dangjian.ProblemsOf(err)
			for _, p := range ps {
				p.Line, p.ID = row.Line, row.Member.ID
			}
			c.inputProblems(ps)
			c.skip(row.Member.ID)
			return nil
		}
		same := func(g *gotRow) bool {
			if g.money != d.Amount {
				return false
			}
			if plainDues(d) {
				for _, p := range pats.of(d) {
					if !p.ok || p.v != g.money {
						c.against[p.cause]++
					}
				}
			}
			return true
		}
		return c.match(row.Member.ID, same, func(g *gotRow) Difference {
			traced, err := rs.Monthly(row.Member, month)
			if err != nil {
				traced = d // not so: the calculator and the rules agree
			}
			diff := Difference{Status: MissingFromGot, ID: row.Member.ID, InputLine: row.Line, Library: d.Amount.String(),
				Rules: ruleRefs(duesRules(traced))}
			if g != nil {
				diff.Status, diff.Line, diff.Platform = Differs, g.line, g.text
				var alt *dues.Rules
				if hasOther {
					alt = &other
				}
				diff.Causes, diff.Detail = duesCauses(rs, pats, alt, otherCause, row.Member, month, d, g.money)
			}
			return diff
		})
	})
	if err != nil {
		return inFile(err, c.in.Name)
	}
	return nil
}

// duesRules returns the rule set of the comparison: opts.DuesRules, which
// must be in force for month, or the set in force then.
func (c *run) duesRules(month dangjian.Date) (dues.Rules, error) {
	if c.opts.DuesRules == nil {
		return dues.RulesFor(month)
	}
	rs := *c.opts.DuesRules
	if !rs.Period.Contains(month) {
		return dues.Rules{}, &dangjian.Problem{Kind: dangjian.ErrOutOfPeriod, Path: "rules", Value: rs.Name,
			Detail: fmt.Sprintf("the %s rules are in force for %s, not for %s", rs.Name, rs.Period, month.String()[:7])}
	}
	return rs, nil
}

// repeatedIDs reads the roster once without computing and returns the
// member IDs on two rows or more. A roster that stops being readable
// part of the way gives the IDs found before: the comparison's own
// reading then stops at the same place with the problem, after the
// differences before it.
func (c *run) repeatedIDs(scan func(io.Reader, dues.ScanOptions, func(dues.RosterRow, dangjian.Problems) error) error) (map[string]bool, error) {
	r, err := c.in.Open()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	repeated := map[string]bool{}
	_ = scan(r, dues.ScanOptions{Limits: c.opts.Limits}, func(row dues.RosterRow, bad dangjian.Problems) error {
		if isRepeat(bad) {
			repeated[row.Member.ID] = true
		}
		return nil
	})
	return repeated, nil
}

// duesRules returns the rules that decided d's amount: those of its
// steps (not the voluntary payment's, which is not part of the dues),
// then the rule that set the final amount.
func duesRules(d dues.Result) []string {
	var ids []string
	for _, s := range d.Steps {
		if s.What == "voluntary" || s.What == "lump sum" {
			continue
		}
		ids = append(ids, s.Rule)
	}
	return append(ids, d.Rule)
}

// duesCauses returns the patterns that give got for member m, whose
// library result is d by rs, and a detail. The rounding patterns are
// tried on a plain product (a rate of a base of one month, not capped,
// reduced, flat or not yet due); the other rule set and the gross base
// on any member.
func duesCauses(rs dues.Rules, pats *patterns, other *dues.Rules, otherCause Cause, m dues.Member, month dangjian.Date, d dues.Result, got funding.Money) ([]Cause, string) {
	var causes []Cause
	var detail []string
	plain := plainDues(d)
	if plain {
		for _, p := range pats.of(d) {
			if p.ok && p.v == got {
				causes = append(causes, p.cause)
			}
		}
		if cause, why := bracketCause(rs, d, got); cause != CauseUnknown {
			causes = append(causes, cause)
			detail = append(detail, why)
		}
	}
	if other != nil {
		if v, err := other.Monthly(m, month); err == nil && v.Amount == got && v.Amount != d.Amount {
			causes = append(causes, otherCause)
			detail = append(detail, "the "+other.Name+" rules give "+v.Amount.String()+" by "+v.Rule)
		}
	}
	if m.Payslip != nil {
		gross, err := grossPay(m.Payslip)
		if err == nil && gross != d.Base {
			g := dues.Member{ID: m.ID, Category: m.Category, Base: gross}
			if v, err := rs.Monthly(g, month); err == nil && v.Amount == got {
				causes = append(causes, GrossBase)
				detail = append(detail, "gross pay "+gross.String()+" instead of the base "+d.Base.String())
			}
		}
	}
	return causes, strings.Join(detail, "; ")
}

// bracketCause returns BracketEdge or WrongBracket when another bracket
// of d's scale, at rs's rounding, gives got, with a detail.
func bracketCause(rs dues.Rules, d dues.Result, got funding.Money) (Cause, string) {
	at := -1
	for i, b := range rs.Brackets {
		if b.ID == d.Rule {
			at = i
		}
	}
	if at < 0 {
		return CauseUnknown, ""
	}
	own := rs.Brackets[at]
	for j, b := range rs.Brackets {
		if j == at || b.Scale != own.Scale || b.Rate.Equal(d.Rate) {
			continue
		}
		v, err := funding.MulRate(d.Base, b.Rate, rs.Rounding)
		if err != nil || v != got {
			continue
		}
		why := "rate " + b.Rate.String() + " of " + b.ID + " at base " + d.Base.String()
		// At the edge: the base is the inclusive upper bound of its
		// bracket and the platform took the next (超过 read as 以上), or
		// the base is at most one 元 above the bound of the bracket below
		// and the platform took that one.
		switch {
		case j == at+1 && !own.Open && d.Base == own.UpTo:
			return BracketEdge, why + ", its bracket's upper bound (不超过 includes it)"
		case j == at-1 && !b.Open && d.Base.Cmp(b.UpTo) > 0:
			if over, err := d.Base.Sub(b.UpTo); err == nil && over.Cmp(funding.Fen(100)) <= 0 {
				return BracketEdge, why + ", within one 元 above " + b.UpTo.String()
			}
		}
		return WrongBracket, why
	}
	return CauseUnknown, ""
}

// otherRules returns the other national rule set (2008 for 2017's
// months, 2017 for 2008's), stretched over rs's period so that it
// computes month, and the cause of using it.
func otherRules(rs dues.Rules) (dues.Rules, Cause, bool) {
	var other dues.Rules
	var cause Cause
	switch rs.Name {
	case dues.Rules2017().Name:
		other, cause = dues.Rules2008(), Rules2008
	case dues.Rules2008().Name:
		other, cause = dues.Rules2017(), Rules2017
	default:
		return dues.Rules{}, CauseUnknown, false
	}
	other.Period = rs.Period
	return other, cause, true
}

// grossPay returns the sum of a payslip's items.
func grossPay(p *dues.Payslip) (funding.Money, error) {
	var sum funding.Money
	for _, it := range p.Items {
		var err error
		if sum, err = sum.Add(it.Amount); err != nil {
			return funding.Money{}, err
		}
	}
	return sum, nil
}

// plainDues reports whether d is a plain product: a rate of a base of one
// month, not capped, reduced, flat or not yet due. The rounding patterns
// apply to it.
func plainDues(d dues.Result) bool {
	return !d.Capped && !d.Reduced && !d.NotYetDue && d.BaseExact == "" && !d.Rate.IsZero() && !d.Category.IsFlat()
}

// pattern is a rounding pattern's value for a row.
type pattern struct {
	cause Cause
	v     funding.Money
	ok    bool
}

// patterns computes the rounding patterns of a rule set's plain products.
type patterns struct {
	rs     dues.Rules
	rounds []roundPattern
	rates  map[string]scaledRate // bracket ID → its rate as an integer and a power of ten
	out    []pattern
}

// roundPattern is a pattern that rounds the exact product another way.
type roundPattern struct {
	cause Cause
	r     funding.Rounding
}

// scaledRate is a rate as coef × 10^-places, for integer arithmetic.
type scaledRate struct {
	coef  int64
	scale int64 // 10^places
	ok    bool
	f     *big.Float // the rate's Java double (53 bits; read only), for the float patterns
	fok   bool
}

func newPatterns(rs dues.Rules) *patterns {
	p := &patterns{rs: rs, rates: map[string]scaledRate{}}
	for _, rp := range []roundPattern{
		{RoundUpJiao, funding.Rounding{Places: 1, Mode: dangjian.Up}},
		{Truncated, funding.Rounding{Places: 2, Mode: dangjian.Down}},
		{HalfEven, funding.Rounding{Places: 2, Mode: dangjian.HalfEven}},
	} {
		if rp.r != rs.Rounding {
			p.rounds = append(p.rounds, rp)
		}
	}
	for _, b := range rs.Brackets {
		sr := scaleRate(b.Rate)
		sr.f, sr.fok = javaRate(b.Rate)
		p.rates[b.ID] = sr
	}
	return p
}

// scaleRate returns r as coef × 10^-places when both fit an int64.
func scaleRate(r funding.Rate) scaledRate {
	d := r.Decimal()
	e := d.Exponent()
	c := d.Coefficient()
	if e > 0 || e < -15 || !c.IsInt64() {
		return scaledRate{}
	}
	scale := int64(1)
	for i := int32(0); i < -e; i++ {
		scale *= 10
	}
	return scaledRate{coef: c.Int64(), scale: scale, ok: true}
}

// of returns the value each rounding pattern gives for the plain product
// d: the four float patterns, then the amount rounded up to the 角, cut to
// the fen and rounded half to even (each that is not the rule set's own
// rounding). The slice is reused by the next call.
func (p *patterns) of(d dues.Result) []pattern {
	out := p.out[:0]
	sr, known := p.rates[d.Rule]
	rf, fok := sr.f, sr.fok
	if !known {
		rf, fok = javaRate(d.Rate)
	}
	var x *big.Float // the product in double, once for the four patterns
	if fok {
		x, fok = javaProduct(d.Base, rf)
	}
	v, ok := halfUpFen(x)
	out = append(out, pattern{FloatBigDecimal, v, ok && fok})
	v, ok = javaMathRound(x)
	out = append(out, pattern{FloatMathRound, v, ok && fok})
	v, ok = javaCeilJiao(x)
	out = append(out, pattern{FloatCeilJiao, v, ok && fok})
	v, ok = javaMathRoundLong(x)
	out = append(out, pattern{FloatMathRoundLong, v, ok && fok})
	for _, rp := range p.rounds {
		if known && sr.ok { // d.Rule is the bracket: d.Rate is its rate
			if v, ok := sr.round(d.Base, rp.r); ok {
				out = append(out, pattern{rp.cause, v, true})
				continue
			}
		}
		v, err := funding.MulRate(d.Base, d.Rate, rp.r)
		out = append(out, pattern{rp.cause, v, err == nil})
	}
	p.out = out
	return out
}

// round returns base × the rate rounded by r, exactly, in integers;
// false when a product does not fit an int64.
func (s scaledRate) round(base funding.Money, r funding.Rounding) (funding.Money, bool) {
	if base.Fen() == math.MinInt64 || s.coef < 0 {
		return funding.Money{}, false
	}
	hi, lo := bits.Mul64(uint64(abs64(base.Fen())), uint64(s.coef))
	if hi != 0 || lo > math.MaxInt64 {
		return funding.Money{}, false
	}
	n := int64(lo) // the amount in units of 1/scale fen
	unit := s.scale
	if r.Places == 1 {
		if unit > math.MaxInt64/10 {
			return funding.Money{}, false
		}
		unit *= 10
	} else if r.Places != 2 {
		return funding.Money{}, false
	}
	q, rem := n/unit, n%unit
	switch r.Mode {
	case dangjian.Up:
		if rem != 0 {
			q++
		}
	case dangjian.Down:
	case dangjian.HalfUp:
		if 2*rem >= unit {
			q++
		}
	case dangjian.HalfEven:
		if 2*rem > unit || (2*rem == unit && q%2 == 1) {
			q++
		}
	default:
		return funding.Money{}, false
	}
	if r.Places == 1 {
		q *= 10
	}
	if base.IsNegative() {
		q = -q
	}
	return funding.Fen(q), true
}

func abs64(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

// isRepeat reports whether the problems of a row are those of an ID that
// repeats an earlier row's.
func isRepeat(ps dangjian.Problems) bool {
	for _, p := range ps {
		if p.Kind == dangjian.ErrDuplicate {
			return true
		}
	}
	return false
}
