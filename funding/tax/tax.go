package tax

import (
	"fmt"
	"strconv"
	"time"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/internal/funderr"
)

// monthDate is the first day of month m of year y, the date on which the
// rules of the month are chosen.
func monthDate(y, m int) dangjian.Date { return dangjian.NewDate(y, time.Month(m), 1) }

// Withhold computes the tax an employer withholds from a resident's wages
// month by month with the national rules ([NationalRules]); see
// [Rules.Withhold].
func Withhold(year int, months []Month) (Year, error) {
	return NationalRules().Withhold(year, months)
}

// Bonus computes the separate tax on a 全年一次性奖金 with the national
// rules; see [Rules.BonusTax].
func Bonus(bonus funding.Money, on dangjian.Date) (Calc, error) {
	return NationalRules().BonusTax(bonus, on)
}

// Withhold computes, by the cumulative withholding method (累计预扣法), the
// tax one employer withholds from a resident's wages in each month given.
// months are consecutive months of year, starting with the first month of
// employment with this employer in the year (1 for a full year; later for
// a new hire, whose basic deduction counts only the months employed).
//
// For each month it accumulates income, tax-free income, the basic
// deduction (the monthly amount for each month employed), the own
// contributions, the special additional deductions declared (at the amounts
// in force on the first of the month) and the other deductions; takes the
// cumulative taxable income (0 if negative); applies 预扣率表一 to it; and
// withholds that cumulative tax less the cumulative relief and the tax
// already withheld, or 0 when that is negative.
//
// Rounding happens at one point: each month's cumulative tax is rounded
// once, from the exact product, with r.Rounding. The month's withholding is
// a difference of amounts in fen and is not rounded again, so the tax
// withheld up to any month equals the rounded table tax on the cumulative
// taxable income whenever no month was clamped and there is no relief.
//
// Every problem of the input is reported in one [dangjian.Problems] list; a rule
// set that fails [Rules.Check] is an error wrapping [ErrBadRules].
// Empty months give an empty year.
func (r Rules) Withhold(year int, months []Month) (Year, error) {
	if err := r.Check(); err != nil {
		return Year{}, err
	}
	var ps taxProblems
	if year < 1 || year > 9999 {
		ps.add("year", strconv.Itoa(year), "", "want 1..9999", dangjian.ErrInvalid)
		return Year{}, ps.err()
	}
	for i, m := range months {
		path := fmt.Sprintf("months[%d]", i)
		if m.Month < 1 || m.Month > 12 {
			ps.add(path+".month", strconv.Itoa(m.Month), "", "want 1..12", ErrMonth)
			continue
		}
		if i > 0 && months[i-1].Month >= 1 && months[i-1].Month <= 12 && m.Month != months[i-1].Month+1 {
			ps.add(path+".month", strconv.Itoa(m.Month), "", fmt.Sprintf("months must be consecutive: want %d after %d", months[i-1].Month+1, months[i-1].Month), ErrMonth)
		}
		if i > 0 {
			checkFacts(factsOf(months[0]), m, path, "months[0]", &ps)
		}
		r.checkMonth(year, m, path, &ps)
	}
	if len(ps) > 0 {
		return Year{}, ps.err()
	}

	y := Year{Year: year, Rules: r.Name, Lines: make([]Line, 0, len(months))}
	var st yearState
	var acc taxAcc
	for i, m := range months {
		l, err := r.step(year, &st, m, nil)
		if err != nil {
			return Year{}, funderr.At("months["+strconv.Itoa(i)+"]", err, funding.ErrOverflow)
		}
		y.Income = acc.add(y.Income, m.Income)
		y.Withheld = acc.add(y.Withheld, l.Withheld)
		if acc.err != nil {
			return Year{}, funderr.At("months["+strconv.Itoa(i)+"]", acc.err, funding.ErrOverflow)
		}
		y.Lines = append(y.Lines, l)
	}
	return y, nil
}

// AdditionalDeductions turns a declaration into the month's special
// additional deductions under the rules in force on date on: one line per
// item, and their total. A declaration the rules do not allow (an infant
// before 2022, a sibling's share above the cap, a 50% claim of an item that
// cannot be split, a loan together with rent, a negative count) is a
// [dangjian.Problems] list listing every problem.
func (r Rules) AdditionalDeductions(d Deductions, on dangjian.Date) ([]AdditionalLine, funding.Money, error) {
	var ps taxProblems
	lines, total := r.additional(d, on, "deductions", &ps)
	if len(ps) > 0 {
		return nil, funding.Money{}, ps.err()
	}
	return lines, total, nil
}

// additional computes the lines of a declaration; with ps not nil it
// records the problems under path instead (and the lines may be partial).
func (r Rules) additional(d Deductions, on dangjian.Date, path string, ps *taxProblems) ([]AdditionalLine, funding.Money) {
	var problems taxProblems
	if ps == nil {
		ps = &problems
	}
	var lines []AdditionalLine
	var acc taxAcc
	var total funding.Money
	find := func(item DeductionItem, tier RentTier, field, value string) (AdditionalDeduction, bool) {
		a, ok := dangjian.InForce(r.Additional, on, func(a AdditionalDeduction) bool { return a.Item == item && a.Tier == tier })
		if !ok {
			what := item.Label()
			if tier != RentNone {
				what += "（" + tier.Label() + "）"
			}
			ps.add(path+"."+field, value, "", fmt.Sprintf("no %s deduction in force on %s", what, on), dangjian.ErrNoRule)
			return AdditionalDeduction{}, false
		}
		return a, true
	}
	push := func(l AdditionalLine) {
		lines = append(lines, l)
		total = acc.add(total, l.Amount)
	}
	perChild := func(item DeductionItem, full, half int, fullField, halfField string) {
		if full < 0 {
			ps.add(path+"."+fullField, strconv.Itoa(full), "", "", dangjian.ErrNegative)
		}
		if half < 0 {
			ps.add(path+"."+halfField, strconv.Itoa(half), "", "", dangjian.ErrNegative)
		}
		if full <= 0 && half <= 0 {
			return
		}
		field, value := fullField, strconv.Itoa(full)
		if full <= 0 {
			field, value = halfField, strconv.Itoa(half)
		}
		a, ok := find(item, RentNone, field, value)
		if !ok {
			return
		}
		if full > 0 {
			push(AdditionalLine{Item: item, Rule: a.ID, Units: full, Amount: acc.mul(a.Monthly, full)})
		}
		if half > 0 {
			if !a.Splittable {
				ps.add(path+"."+halfField, strconv.Itoa(half), a.ID, item.Label()+" cannot be split 50/50", ErrDeclaration)
				return
			}
			push(AdditionalLine{Item: item, Rule: a.ID, Units: half, Half: true, Amount: acc.mul(funding.Fen(a.Monthly.Fen()/2), half)})
		}
	}
	perChild(ChildEducation, d.Children, d.ChildrenHalf, "children", "childrenHalf")
	perChild(InfantCare, d.Infants, d.InfantsHalf, "infants", "infantsHalf")

	switch {
	case d.ElderlyShare.IsNegative():
		ps.add(path+".elderlyShare", d.ElderlyShare.String(), "", "", dangjian.ErrNegative)
	case d.ElderlyOnlyChild && !d.ElderlyShare.IsZero():
		ps.add(path+".elderlyShare", d.ElderlyShare.String(), "", "an only child claims in full and declares no share", ErrDeclaration)
	case d.ElderlyOnlyChild:
		if a, ok := find(ElderlySupport, RentNone, "elderlyOnlyChild", "true"); ok {
			push(AdditionalLine{Item: ElderlySupport, Rule: a.ID, Units: 1, Amount: a.Monthly})
		}
	case !d.ElderlyShare.IsZero():
		if a, ok := find(ElderlySupport, RentNone, "elderlyShare", d.ElderlyShare.String()); ok {
			if d.ElderlyShare.Cmp(a.ShareCap) > 0 {
				ps.add(path+".elderlyShare", d.ElderlyShare.String(), a.ID, "each sibling's share is at most "+a.ShareCap.String(), ErrDeclaration)
			} else {
				push(AdditionalLine{Item: ElderlySupport, Rule: a.ID, Units: 1, Shared: true, Amount: d.ElderlyShare})
			}
		}
	}

	switch {
	case d.HousingLoan && d.HousingLoanHalf:
		ps.add(path+".housingLoanHalf", "true", "", "claim the loan at 100% or at 50%, not both", ErrDeclaration)
	case (d.HousingLoan || d.HousingLoanHalf) && d.RentTier != RentNone:
		ps.add(path+".rentTier", d.RentTier.String(), "", "住房贷款利息 and 住房租金 cannot both be claimed", ErrDeclaration)
	case d.HousingLoan || d.HousingLoanHalf:
		field := "housingLoan"
		if d.HousingLoanHalf {
			field = "housingLoanHalf"
		}
		if a, ok := find(HousingLoanInterest, RentNone, field, "true"); ok {
			switch {
			case d.HousingLoan:
				push(AdditionalLine{Item: HousingLoanInterest, Rule: a.ID, Units: 1, Amount: a.Monthly})
			case !a.Splittable:
				ps.add(path+".housingLoanHalf", "true", a.ID, "住房贷款利息 cannot be split 50/50", ErrDeclaration)
			default:
				push(AdditionalLine{Item: HousingLoanInterest, Rule: a.ID, Units: 1, Half: true, Amount: funding.Fen(a.Monthly.Fen() / 2)})
			}
		}
	}
	if d.RentTier != RentNone && !(d.HousingLoan || d.HousingLoanHalf) {
		if !d.RentTier.IsValid() {
			ps.add(path+".rentTier", d.RentTier.String(), "", "want tier1, tier2 or tier3", dangjian.ErrInvalid)
		} else if a, ok := find(HousingRent, d.RentTier, "rentTier", d.RentTier.String()); ok {
			push(AdditionalLine{Item: HousingRent, Rule: a.ID, Units: 1, Amount: a.Monthly})
		}
	}
	if d.ContinuingEducation {
		if a, ok := find(ContinuingEducation, RentNone, "continuingEducation", "true"); ok {
			push(AdditionalLine{Item: ContinuingEducation, Rule: a.ID, Units: 1, Amount: a.Monthly})
		}
	}
	if acc.err != nil {
		ps.add(path, "", "", acc.err.Error(), funding.ErrOverflow)
		return nil, funding.Money{}
	}
	return lines, total
}

// CumulativeTax applies 预扣率表一 in force on date on to a cumulative
// taxable income: the row whose bounds hold the income (upper bounds
// inclusive), income × rate − quick deduction exactly, then rounded once.
func (r Rules) CumulativeTax(taxable funding.Money, on dangjian.Date) (Calc, error) {
	if taxable.IsNegative() {
		return Calc{}, &dangjian.Problem{Kind: dangjian.ErrNegative, Path: "taxable", Value: taxable.String()}
	}
	return r.tableTax(CumulativeTable, taxable, taxable, funding.Money{}, 1, on, false)
}

// MonthlyTax applies the monthly table in force on date on to a monthly
// taxable income, as [Rules.CumulativeTax] does with 预扣率表一.
func (r Rules) MonthlyTax(taxable funding.Money, on dangjian.Date) (Calc, error) {
	if taxable.IsNegative() {
		return Calc{}, &dangjian.Problem{Kind: dangjian.ErrNegative, Path: "taxable", Value: taxable.String()}
	}
	return r.tableTax(MonthlyTable, taxable, taxable, funding.Money{}, 1, on, false)
}

// NonResidentWageTax computes the tax on a non-resident's wages for one
// month: the monthly income less the non-residents' basic deduction (0 if
// negative), on the monthly table.
func (r Rules) NonResidentWageTax(income funding.Money, on dangjian.Date) (Calc, error) {
	if income.IsNegative() {
		return Calc{}, &dangjian.Problem{Kind: dangjian.ErrNegative, Path: "income", Value: income.String()}
	}
	b, ok := dangjian.InForce(r.NonResidentBasic, on, nil)
	if !ok {
		return Calc{}, &dangjian.Problem{Kind: dangjian.ErrNoRule, Path: "on", Value: on.String(), Detail: "no non-resident basic deduction"}
	}
	taxable, err := income.Sub(b.Monthly)
	if err != nil {
		return Calc{}, funderr.At("income", err, funding.ErrOverflow)
	}
	c, err := r.tableTax(MonthlyTable, income, taxable.Max(funding.Money{}), b.Monthly, 1, on, false)
	if err != nil {
		return Calc{}, err
	}
	c.Rules = append([]string{b.ID}, c.Rules...)
	return c, nil
}

// BonusTax computes the separate tax on a 全年一次性奖金 (the separate
// method): the row of the monthly table is chosen on bonus ÷ 12, and the
// tax is bonus × rate − quick deduction (the quick deduction once, not 12
// times), rounded once. The row is found by comparing the bonus with 12 ×
// each bound, so the quotient is never rounded. Outside the windows of
// separate taxation (to 2027-12-31 in the national rules) the bonus belongs
// with the month's wages, and BonusTax returns an error wrapping
// [dangjian.ErrNoRule]. Whether a bonus qualifies (once a year per taxpayer) is
// the caller's to decide.
func (r Rules) BonusTax(bonus funding.Money, on dangjian.Date) (Calc, error) {
	if bonus.IsNegative() {
		return Calc{}, &dangjian.Problem{Kind: dangjian.ErrNegative, Path: "bonus", Value: bonus.String()}
	}
	sep, ok := dangjian.InForce(r.BonusSeparate, on, nil)
	if !ok {
		return Calc{}, &dangjian.Problem{Kind: dangjian.ErrNoRule, Path: "on", Value: on.String(),
			Detail: "no separate taxation of the 全年一次性奖金: add the bonus to the month's wages"}
	}
	c, err := r.tableTax(MonthlyTable, bonus, bonus, funding.Money{}, 12, on, false)
	if err != nil {
		return Calc{}, err
	}
	c.Rules = append([]string{sep.ID}, c.Rules...)
	return c, nil
}

// tableTax applies table t in force on date on to taxable, choosing the row
// on taxable ÷ divisor (compared as taxable ≤ divisor × upper bound).
// The table and the rounding are checked unless the caller has checked the
// whole rule set already.
func (r Rules) tableTax(t Table, income, taxable, deduction funding.Money, divisor int64, on dangjian.Date, checked bool) (Calc, error) {
	return r.tableTaxOn(r.table(t, on), t, income, taxable, deduction, divisor, on, checked)
}

// tableTaxOn is [Rules.tableTax] with the rows of table t in force on date
// on, by level.
func (r Rules) tableTaxOn(rows []Bracket, t Table, income, taxable, deduction funding.Money, divisor int64, on dangjian.Date, checked bool) (Calc, error) {
	if len(rows) == 0 {
		return Calc{}, &dangjian.Problem{Kind: dangjian.ErrNoRule, Path: "on", Value: on.String(), Detail: "no " + t.Label()}
	}
	if !checked {
		if why := checkTable(rows); why != "" {
			return Calc{}, &dangjian.Problem{Kind: ErrBadRules, Path: t.String(), Value: on.String(), Detail: fmt.Sprintf("rules %q, table in force on %s: %s", r.Name, on, why)}
		}
		if err := r.Rounding.Rounding.Validate(); err != nil {
			return Calc{}, funderr.At("rounding", err, ErrBadRules)
		}
	}
	row := rows[len(rows)-1]
	for _, b := range rows {
		if b.Open {
			break
		}
		bound, err := b.UpTo.MulInt(divisor)
		if err != nil || taxable.Cmp(bound) <= 0 {
			// An overflowing bound is above any taxable amount.
			row = b
			break
		}
	}
	exact := taxable.Decimal().Mul(row.Rate.Decimal()).Sub(row.QuickDeduction.Decimal())
	tax, err := r.Rounding.Rounding.Money(exact)
	if err != nil {
		return Calc{}, funderr.At("taxable", err, funding.ErrOverflow)
	}
	return Calc{
		Table: t, Income: income, Deduction: deduction, Taxable: taxable, Divisor: divisor,
		Bracket: row, Exact: exact.String(), Tax: tax, Rounding: r.Rounding.Rounding,
		Rounded: !tax.Decimal().Equal(exact),
		Rules:   []string{row.ID, r.Rounding.ID},
	}, nil
}
