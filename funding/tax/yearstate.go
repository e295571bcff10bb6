package tax

import (
	"fmt"
	"strconv"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
)

// yearState is what the cumulative method carries from one month of a
// taxpayer's year with one employer to the next: the running totals, the
// tax withheld so far, the year, the first and last month read and the
// facts of the year. It is all [Withholder] keeps per member: 72 bytes.
type yearState struct {
	run         running
	withheld    funding.Money
	year        int16 // 1..9999
	first, last int8  // months 1..12; 0 before the first month
	facts       uint8
}

// running holds the cumulative totals of a year that the next month
// adds to (累计): [Cumulative] without what each month derives anew.
type running struct {
	Income, TaxFree, BasicDeduction, SpecialDeductions, AdditionalDeductions, OtherDeductions, Relief funding.Money
}

// The facts of a year a month carries.
const (
	factFirstWage uint8 = 1 << iota // Month.FirstWageIncome
	factLowIncome                   // Month.PriorYearLowIncome
)

func factsOf(m Month) uint8 {
	var f uint8
	if m.FirstWageIncome {
		f |= factFirstWage
	}
	if m.PriorYearLowIncome {
		f |= factLowIncome
	}
	return f
}

// Field names of a month's problems (the JSON names of [Month]).
const (
	fieldFirstWage = "firstWageIncomeThisYear"
	fieldLowIncome = "priorYearLowIncome"
)

// join returns path.field, or field for an empty path.
func join(path, field string) string {
	if path == "" {
		return field
	}
	return path + "." + field
}

// checkFacts reports a fact of month m that differs from the facts of
// the year, first given at firstPath: a fact holds for the whole year.
func checkFacts(year uint8, m Month, path, firstPath string, ps *taxProblems) {
	f := factsOf(m)
	for _, x := range []struct {
		bit   uint8
		field string
		value bool
	}{{factFirstWage, fieldFirstWage, m.FirstWageIncome}, {factLowIncome, fieldLowIncome, m.PriorYearLowIncome}} {
		if f&x.bit != year&x.bit {
			ps.add(join(path, x.field), strconv.FormatBool(x.value), "",
				fmt.Sprintf("a fact of the year is the same in every month: it is %t in %s", !x.value, firstPath), dangjian.ErrInconsistent)
		}
	}
}

// checkMonth reports every problem of month m (1..12) of year alone: its
// amounts, its facts, and the rules in force for it. Paths are under path
// ("" for none) and name the fields of [Month].
func (r Rules) checkMonth(year int, m Month, path string, ps *taxProblems) {
	for _, f := range []struct {
		name string
		v    funding.Money
	}{
		{"income", m.Income}, {"taxFree", m.TaxFree}, {"pension", m.Pension}, {"medical", m.Medical},
		{"unemployment", m.Unemployment}, {"housingFund", m.HousingFund}, {"socialInsurance", m.SocialInsurance},
		{"annuity", m.Annuity}, {"otherDeductions", m.OtherDeductions}, {"additionalAmount", m.AdditionalAmount},
		{"taxRelief", m.TaxRelief},
	} {
		if f.v.IsNegative() {
			ps.add(join(path, f.name), f.v.String(), "", "", dangjian.ErrNegative)
		}
	}
	if !m.Income.IsNegative() && m.TaxFree.Cmp(m.Income) > 0 {
		ps.add(join(path, "taxFree"), m.TaxFree.String(), "", "tax-free income above the income "+m.Income.String(), dangjian.ErrInvalid)
	}
	on := monthDate(year, m.Month)
	if _, ok := dangjian.InForce(r.Method, on, nil); !ok {
		ps.add(path, on.String(), "", "no cumulative withholding method", dangjian.ErrNoRule)
	}
	if _, ok := dangjian.InForce(r.Basic, on, nil); !ok {
		ps.add(path, on.String(), "", "no basic deduction", dangjian.ErrNoRule)
	}
	if _, ok := dangjian.InForce(r.Brackets, on, func(b Bracket) bool { return b.Table == CumulativeTable }); !ok {
		ps.add(path, on.String(), "", "no cumulative rate table", dangjian.ErrNoRule)
	}
	r.additional(m.Deductions, on, join(path, "deductions"), ps)
	if m.FirstWageIncome && m.PriorYearLowIncome {
		ps.add(join(path, fieldLowIncome), "true", "", "a first wage income of the year (公告2020年第13号: a new hire) "+
			"and a low income with this employer in every month of last year (第19号: employed since January) exclude each other", dangjian.ErrInconsistent)
		return
	}
	if m.FirstWageIncome {
		if _, ok := dangjian.InForce(r.FirstWage, on, nil); !ok {
			ps.add(join(path, fieldFirstWage), "true", "", noFactRule("a first wage income of the year", on, r.FirstWage), dangjian.ErrNoRule)
		}
	}
	if m.PriorYearLowIncome {
		if _, ok := dangjian.InForce(r.LowIncome, on, nil); !ok {
			ps.add(join(path, fieldLowIncome), "true", "", noFactRule("a low income last year with this employer", on, r.LowIncome), dangjian.ErrNoRule)
		}
	}
}

// noFactRule says that no rule is in force on date on for a fact, and
// when the rules for it are.
func noFactRule[R interface{ Header() dangjian.Rule }](what string, on dangjian.Date, rules []R) string {
	s := "no rule in force on " + on.String() + " for " + what
	for i, x := range rules {
		h := x.Header()
		if i == 0 {
			s += " ("
		} else {
			s += "; "
		}
		s += h.ID + " " + h.Period.String()
		if i == len(rules)-1 {
			s += ")"
		}
	}
	return s
}

// step computes the withholding of month m of year for a taxpayer whose
// year so far is st, checked by checkMonth (and the months in order), and
// moves st on to m. On an overflow st is left as it was. rows are the rows
// of 预扣率表一 in force for the month, by level (nil: look them up).
func (r Rules) step(year int, st *yearState, m Month, rows []Bracket) (Line, error) {
	on := monthDate(year, m.Month)
	method, _ := dangjian.InForce(r.Method, on, nil)
	basic, _ := dangjian.InForce(r.Basic, on, nil)
	adds, addTotal := r.additional(m.Deductions, on, "", nil)
	first := int(st.first)
	if first == 0 {
		first = m.Month
	}
	var acc taxAcc
	r0 := st.run
	cum := Cumulative{Income: r0.Income, TaxFree: r0.TaxFree, BasicDeduction: r0.BasicDeduction, SpecialDeductions: r0.SpecialDeductions,
		AdditionalDeductions: r0.AdditionalDeductions, OtherDeductions: r0.OtherDeductions, Relief: r0.Relief}
	l := Line{
		Month:          m.Month,
		Input:          m,
		EmployedMonths: m.Month - first + 1,
		SpecialDeductions: acc.add(acc.add(acc.add(m.Pension, m.Medical), acc.add(m.Unemployment, m.HousingFund)),
			m.SocialInsurance),
		Additional:           adds,
		AdditionalDeductions: acc.add(addTotal, m.AdditionalAmount),
		OtherDeductions:      acc.add(m.Annuity, m.OtherDeductions),
		WithheldBefore:       st.withheld,
	}
	// The cumulative basic deduction, and the rules that decide it.
	var cumBasic funding.Money
	basicRules := []string{basic.ID}
	switch {
	case m.PriorYearLowIncome:
		low, _ := dangjian.InForce(r.LowIncome, on, nil)
		cumBasic = low.Annual
		basicRules = []string{low.ID}
	case m.FirstWageIncome:
		fw, _ := dangjian.InForce(r.FirstWage, on, nil)
		cumBasic = acc.mul(basic.Monthly, m.Month)
		basicRules = append(basicRules, fw.ID)
	default: // the monthly amount for each month since the last (a month missing between counts)
		months := 1
		if st.last > 0 {
			months = m.Month - int(st.last)
		}
		cumBasic = acc.add(cum.BasicDeduction, acc.mul(basic.Monthly, months))
	}
	l.BasicRule = basicRules[len(basicRules)-1]
	l.BasicDeduction = acc.sub(cumBasic, cum.BasicDeduction)
	cum.Income = acc.add(cum.Income, m.Income)
	cum.TaxFree = acc.add(cum.TaxFree, m.TaxFree)
	cum.BasicDeduction = cumBasic
	cum.SpecialDeductions = acc.add(cum.SpecialDeductions, l.SpecialDeductions)
	cum.AdditionalDeductions = acc.add(cum.AdditionalDeductions, l.AdditionalDeductions)
	cum.OtherDeductions = acc.add(cum.OtherDeductions, l.OtherDeductions)
	cum.Relief = acc.add(cum.Relief, m.TaxRelief)
	taxable := acc.sub(cum.Income, cum.TaxFree)
	for _, d := range []funding.Money{cum.BasicDeduction, cum.SpecialDeductions, cum.AdditionalDeductions, cum.OtherDeductions} {
		taxable = acc.sub(taxable, d)
	}
	cum.Floored = taxable.IsNegative()
	cum.Taxable = taxable.Max(funding.Money{})
	if acc.err != nil {
		return Line{}, acc.err
	}
	l.Cumulative = cum
	if rows == nil {
		rows = r.table(CumulativeTable, on)
	}
	calc, err := r.tableTaxOn(rows, CumulativeTable, cum.Taxable, cum.Taxable, funding.Money{}, 1, on, true)
	if err != nil {
		return Line{}, err
	}
	l.Tax = calc
	due := acc.sub(acc.sub(calc.Tax, cum.Relief), st.withheld)
	l.Rules = append([]string{method.ID}, basicRules...)
	for _, a := range adds {
		l.Rules = append(l.Rules, a.Rule)
	}
	l.Rules = append(l.Rules, calc.Rules...)
	if due.IsNegative() {
		l.Clamped = true
		due = funding.Money{}
		if nr, ok := dangjian.InForce(r.NoRefund, on, nil); ok {
			l.Rules = append(l.Rules, nr.ID)
		}
	}
	l.Withheld = due
	withheld := acc.add(st.withheld, due)
	l.AfterTax = acc.sub(acc.sub(m.Income, l.Withheld), l.SpecialDeductions)
	if acc.err != nil {
		return Line{}, acc.err
	}
	*st = yearState{
		run: running{Income: cum.Income, TaxFree: cum.TaxFree, BasicDeduction: cum.BasicDeduction, SpecialDeductions: cum.SpecialDeductions,
			AdditionalDeductions: cum.AdditionalDeductions, OtherDeductions: cum.OtherDeductions, Relief: cum.Relief},
		withheld: withheld, year: int16(year), first: int8(first), last: int8(m.Month), facts: factsOf(m),
	}
	return l, nil
}
