package compare

import (
	"fmt"
	"time"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/tax"
	"github.com/shopspring/decimal"
)

// taxAlt is one way of rounding the cumulative tax that a platform may
// take, with each member's withholding so far under it.
type taxAlt struct {
	cause  Cause
	r      funding.Rounding
	before map[string]funding.Money // member → the year's withholding so far
	// rows counts the differences this way reproduces, against the rows
	// on which GOT agrees with the library but this way gives another
	// value.
	rows, against int
}

// tax compares a payroll's withholding by the cumulative method
// ([tax.WithholdStream] with [tax.NationalRules]) with GOT's column
// withheld, keyed by id and month (YYYY-MM). Beside the library's
// [tax.Withholder], two more withhold the same rows with each 2020 fact
// cleared, and the cumulative tax is kept rounded the two other ways
// (to the 元; cut to the fen) for each member: memory is a few words a
// member for each, whatever the number of rows.
//
// Each cause is checked on the agreeing rows too, as the dues patterns
// are (Report.Causes' Against, for [Report.Likely]): an agreeing row is
// against a cause when the platform's pattern would have given another
// value there: the month alone on the monthly table, the withholding
// without the 2020年第13号 or 第19号 fact (which differs only for members
// with the fact), the cumulative tax rounded another way. TaxRounding
// stands for two ways (to the 元, cut to the fen), and a platform takes
// one: its Against is that of the way that fits best, plus the
// differences of the cause that way does not reproduce.
func (c *run) tax() error {
	r, err := c.in.Open()
	if err != nil {
		return err
	}
	defer r.Close()
	rules := tax.NationalRules()
	w13, err := rules.NewWithholder()
	if err != nil {
		return err
	}
	w19, _ := rules.NewWithholder()
	alts := []*taxAlt{
		{cause: TaxRounding, r: funding.Rounding{Places: 0, Mode: dangjian.HalfUp}, before: map[string]funding.Money{}},
		{cause: TaxRounding, r: funding.Rounding{Places: 2, Mode: dangjian.Down}, before: map[string]funding.Money{}},
	}
	years := map[string]int{} // member → the year its alternatives are of
	err = rules.WithholdStream(r, c.opts.Limits, func(row tax.PayrollRow, l tax.Line, bad dangjian.Problems) error {
		if bad != nil {
			c.inputProblems(bad)
			if row.Year > 0 && row.Month.Month > 0 {
				c.skip(joinKey(row.ID, fmt.Sprintf("%04d-%02d", row.Year, row.Month.Month)))
			}
			return nil
		}
		// The alternatives run on every good row, to keep their state.
		r13, r19 := row, row
		r13.Month.FirstWageIncome = false
		r19.Month.PriorYearLowIncome = false
		l13, bad13 := w13.Add(r13)
		l19, bad19 := w19.Add(r19)
		if years[row.ID] != row.Year {
			years[row.ID] = row.Year
			for _, a := range alts {
				delete(a.before, row.ID)
			}
		}
		altWithheld := make([]funding.Money, len(alts))
		altOK := make([]bool, len(alts))
		for i, a := range alts {
			altWithheld[i], altOK[i] = a.step(row.ID, l)
		}
		month := fmt.Sprintf("%04d-%02d", row.Year, row.Month.Month)
		key := joinKey(row.ID, month)
		same := func(g *gotRow) bool {
			if g.money != l.Withheld {
				return false
			}
			if m, ok := monthlyMethod(rules, row, l); !ok || m != g.money {
				c.against[TaxMonthly]++
			}
			if bad13 == nil && l13.Withheld != g.money {
				c.against[TaxFact13Ignored]++
			}
			if bad19 == nil && l19.Withheld != g.money {
				c.against[TaxFact19Ignored]++
			}
			for i, a := range alts {
				if !altOK[i] || altWithheld[i] != g.money {
					a.against++
				}
			}
			return true
		}
		return c.match(key, same, func(g *gotRow) Difference {
			d := Difference{Status: MissingFromGot, ID: row.ID, Month: month, InputLine: row.Line, Library: l.Withheld.String(),
				Rules: ruleRefs(l.Rules)}
			if g == nil {
				return d
			}
			d.Status, d.Line, d.Platform = Differs, g.line, g.text
			var detail []string
			if m, ok := monthlyMethod(rules, row, l); ok && m == g.money {
				d.Causes = append(d.Causes, TaxMonthly)
				detail = append(detail, "the month alone on the monthly table gives "+m.String())
			}
			if row.Month.FirstWageIncome && bad13 == nil && l13.Withheld == g.money {
				d.Causes = append(d.Causes, TaxFact13Ignored)
				detail = append(detail, "without the fact the basic deduction is "+l13.Cumulative.BasicDeduction.String()+" by "+l13.BasicRule)
			}
			if row.Month.PriorYearLowIncome && bad19 == nil && l19.Withheld == g.money {
				d.Causes = append(d.Causes, TaxFact19Ignored)
				detail = append(detail, "without the fact the basic deduction is "+l19.Cumulative.BasicDeduction.String()+" by "+l19.BasicRule)
			}
			for i, a := range alts {
				if !altOK[i] || altWithheld[i] != g.money {
					continue
				}
				a.rows++
				if !hasCause(d.Causes, a.cause) {
					d.Causes = append(d.Causes, a.cause)
					detail = append(detail, "the cumulative tax rounded "+roundingWords(a.r))
				}
			}
			d.Detail = joinDetail(detail)
			return d
		})
	})
	if err != nil {
		return inFile(err, c.in.Name)
	}
	// TaxRounding's Against: the way that fits best.
	best := -1
	for _, a := range alts {
		if n := a.against + c.causes[TaxRounding] - a.rows; best < 0 || n < best {
			best = n
		}
	}
	c.against[TaxRounding] = best
	return nil
}

// step returns the month's withholding when the cumulative tax of l is
// rounded a's way and the year's earlier months were too: the rounded
// tax less the relief and the withholding so far, 0 when negative (暂不退
// 税).
func (a *taxAlt) step(id string, l tax.Line) (funding.Money, bool) {
	exact, err := decimal.NewFromString(l.Tax.Exact)
	if err != nil {
		return funding.Money{}, false
	}
	t, err := a.r.Money(exact)
	if err != nil {
		return funding.Money{}, false
	}
	w, err := t.Sub(l.Cumulative.Relief)
	if err == nil {
		w, err = w.Sub(a.before[id])
	}
	if err != nil {
		return funding.Money{}, false
	}
	if w.IsNegative() {
		w = funding.Money{}
	}
	sum, err := a.before[id].Add(w)
	if err != nil {
		return funding.Money{}, false
	}
	a.before[id] = sum
	return w, true
}

// monthlyMethod returns the tax of the month alone: its income less its
// own deductions and its part of the basic deduction, on the monthly
// table, as a platform that withholds month by month computes it.
func monthlyMethod(rules tax.Rules, row tax.PayrollRow, l tax.Line) (funding.Money, bool) {
	taxable := l.Input.Income
	for _, d := range []funding.Money{l.Input.TaxFree, l.BasicDeduction, l.SpecialDeductions, l.AdditionalDeductions, l.OtherDeductions} {
		var err error
		if taxable, err = taxable.Sub(d); err != nil {
			return funding.Money{}, false
		}
	}
	if taxable.IsNegative() {
		taxable = funding.Money{}
	}
	calc, err := rules.MonthlyTax(taxable, dangjian.NewDate(row.Year, time.Month(row.Month.Month), 1))
	if err != nil {
		return funding.Money{}, false
	}
	return calc.Tax, true
}

func hasCause(cs []Cause, c Cause) bool {
	for _, x := range cs {
		if x == c {
			return true
		}
	}
	return false
}

func roundingWords(r funding.Rounding) string {
	unit := "the fen"
	switch r.Places {
	case 0:
		unit = "the 元"
	case 1:
		unit = "the 角"
	}
	if r.Mode == dangjian.Down {
		return "cut to " + unit
	}
	return "half-up to " + unit
}

func joinDetail(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += "; "
		}
		out += x
	}
	return out
}
