package compare

import (
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/dues"
)

// dues compares a roster's dues for the month of opts.Date, by the rule
// set in force then ([dues.RulesFor]), with GOT's column dues. The roster
// streams ([dues.ScanRosterWith], or [dues.ScanRosterJSONWith] for a
// name ending in .json) and each member is computed with its trace
// ([dues.Rules.Monthly]). A member ID on two rows is a problem of the
// later row (the scanner's); the earlier row is compared.
func (c *run) dues() error {
	month := dangjian.NewDate(c.opts.Date.Year(), c.opts.Date.Month(), 1)
	rs, err := dues.RulesFor(month)
	if err != nil {
		return err
	}
	r, err := c.in.Open()
	if err != nil {
		return err
	}
	defer r.Close()
	scan := dues.ScanRosterWith
	if strings.HasSuffix(strings.ToLower(c.in.Name), ".json") {
		scan = dues.ScanRosterJSONWith
	}
	err = scan(r, dues.ScanOptions{Limits: c.opts.Limits}, func(row dues.RosterRow, bad dangjian.Problems) error {
		if bad != nil {
			c.inputProblems(bad)
			return nil
		}
		d, err := rs.Monthly(row.Member, month)
		if err != nil {
			ps := dangjian.ProblemsOf(err)
			for _, p := range ps {
				p.Line, p.ID = row.Line, row.Member.ID
			}
			c.inputProblems(ps)
			return nil
		}
		same := func(g *gotRow) bool {
			if g.money != d.Amount {
				return false
			}
			if plainDues(d) {
				for _, p := range roundingPatterns(rs, d) {
					if !p.ok || p.v != g.money {
						c.against[p.cause]++
					}
				}
			}
			return true
		}
		return c.match(row.Member.ID, same, func(g *gotRow) Difference {
			diff := Difference{Status: MissingFromGot, ID: row.Member.ID, InputLine: row.Line, Library: d.Amount.String(),
				Rules: ruleRefs(duesRules(d))}
			if g != nil {
				diff.Status, diff.Line, diff.Platform = Differs, g.line, g.text
				diff.Causes, diff.Detail = duesCauses(rs, row.Member, month, d, g.money)
			}
			return diff
		})
	})
	if err != nil {
		return inFile(err, c.in.Name)
	}
	return nil
}

// duesRules returns the rules that decided d: those of its steps, then
// the rule that set the final amount.
func duesRules(d dues.Result) []string {
	var ids []string
	for _, s := range d.Steps {
		ids = append(ids, s.Rule)
	}
	return append(ids, d.Rule)
}

// duesCauses returns the patterns that give got for member m, whose
// library result is d by rs, and a detail. The rounding patterns are
// tried on a plain product (a rate of a base of one month, not capped,
// reduced, flat or not yet due); the other rule set and the gross base
// on any member.
func duesCauses(rs dues.Rules, m dues.Member, month dangjian.Date, d dues.Result, got funding.Money) ([]Cause, string) {
	var causes []Cause
	var detail []string
	plain := plainDues(d)
	if plain {
		for _, p := range roundingPatterns(rs, d) {
			if p.ok && p.v == got {
				causes = append(causes, p.cause)
			}
		}
		if cause, why := bracketCause(rs, d, got); cause != CauseUnknown {
			causes = append(causes, cause)
			detail = append(detail, why)
		}
	}
	if other, cause, ok := otherRules(rs, month); ok {
		if v, err := other.Monthly(m, month); err == nil && v.Amount == got && v.Amount != d.Amount {
			causes = append(causes, cause)
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
func otherRules(rs dues.Rules, month dangjian.Date) (dues.Rules, Cause, bool) {
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

// roundingPatterns returns the value each rounding pattern gives for the
// plain product d: the two float patterns, then the amount rounded up to
// the 角, cut to the fen and rounded half to even (each that is not rs's
// own rounding).
func roundingPatterns(rs dues.Rules, d dues.Result) []pattern {
	out := make([]pattern, 0, 5)
	v, ok := javaBigDecimalHalfUp(d.Base, d.Rate)
	out = append(out, pattern{FloatBigDecimal, v, ok})
	v, ok = javaMathRound(d.Base, d.Rate)
	out = append(out, pattern{FloatMathRound, v, ok})
	for _, p := range []struct {
		cause Cause
		r     funding.Rounding
	}{
		{RoundUpJiao, funding.Rounding{Places: 1, Mode: dangjian.Up}},
		{Truncated, funding.Rounding{Places: 2, Mode: dangjian.Down}},
		{HalfEven, funding.Rounding{Places: 2, Mode: dangjian.HalfEven}},
	} {
		if p.r == rs.Rounding {
			continue
		}
		v, err := funding.MulRate(d.Base, d.Rate, p.r)
		out = append(out, pattern{p.cause, v, err == nil})
	}
	return out
}
