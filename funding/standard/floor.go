package standard

import (
	"fmt"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/internal/funderr"
)

// Floor is a minimum that a funding or pay standard must reach, as data:
// village funds of at least 11万元 per village per year, or a village
// secretary's pay of at least twice the county's rural per-capita
// disposable income of the prior year. It is a plain value.
//
// The floor per year is the largest of its parts that are set:
//
//   - the income part: Multiplier × Ratio × the reference income (the
//     county's prior-year rural per-capita disposable income,
//     县域上年度农村居民人均可支配收入, given in [FloorInputs]), computed
//     exactly and rounded once with Rounding;
//   - MinPerYear;
//   - MinPerMonth × 12.
type Floor struct {
	dangjian.Rule
	// Topic groups the dated versions of one floor: floors sharing a topic
	// must not be in force at the same time.
	Topic string `json:"topic"`
	// Jurisdiction is the area that set the floor ("national", "山东省").
	Jurisdiction string `json:"jurisdiction"`
	// Code is the item the floor bounds.
	Code ItemCode `json:"code"`
	// Post is the post the floor is for; AnyPost for the item as a whole.
	Post CadrePost `json:"post,omitempty"`
	// Modality is how binding the wording is; a shortfall has the
	// severity that follows from it.
	Modality dangjian.Modality `json:"modality"`
	// Text quotes or paraphrases the floor's wording.
	Text string `json:"text,omitempty"`
	// Multiplier scales the reference income; zero: no income part.
	Multiplier funding.Rate `json:"multiplier"`
	// Ratio is a post's share of the income part (建宁: 一肩挑 1.2, 副职
	// 0.8); zero means 1.
	Ratio funding.Rate `json:"ratio"`
	// MinPerYear and MinPerMonth are absolute floors; zero: none.
	MinPerYear  funding.Money `json:"minPerYear"`
	MinPerMonth funding.Money `json:"minPerMonth"`
	// Average marks a floor on an average over units (全国平均).
	Average bool `json:"average,omitempty"`
	// Rounding rounds the income part; it must be valid when Multiplier
	// is set.
	Rounding funding.Rounding `json:"rounding"`
}

// FloorInputs are the facts a floor check needs besides the standards and
// the floors.
type FloorInputs struct {
	// AsOf picks the standards and floors in force. Required.
	AsOf dangjian.Date `json:"asOf"`
	// RuralIncome is the county's rural per-capita disposable income of the
	// prior year (县域上年度农村居民人均可支配收入), per year. Required when a
	// floor in force has an income part.
	RuralIncome funding.Money `json:"ruralIncome"`
}

// FloorResult is one floor set against one standard: what was compared,
// how the floor was computed, and whether the standard meets it.
type FloorResult struct {
	// Rule is the floor's ID; Standard the standard's.
	Rule         string    `json:"rule"`
	Jurisdiction string    `json:"jurisdiction"`
	Code         ItemCode  `json:"code"`
	Post         CadrePost `json:"post,omitempty"`
	Standard     string    `json:"standard"`
	// Met reports whether the standard's yearly amount is at least the
	// floor. Severity is set only when it is not, from the floor's
	// modality (应当: error).
	Met      bool              `json:"met"`
	Severity dangjian.Severity `json:"severity,omitempty"`
	// Amount is the standard's amount per year (a monthly amount × 12).
	Amount funding.Money `json:"amount"`
	// Floor is the floor per year: the largest part. Gap is Amount − Floor;
	// a negative gap is a shortfall.
	Floor   funding.Money `json:"floor"`
	Gap     funding.Money `json:"gap"`
	Binding FloorPart     `json:"binding"`
	// The income part: Exact = Multiplier × Ratio × RuralIncome, exactly
	// (Ratio is the one applied: 1 where the floor sets none); IncomeFloor
	// is Exact rounded once with Rounding. Zero, and Exact empty, when the
	// floor has no income part.
	RuralIncome funding.Money     `json:"ruralIncome"`
	Multiplier  funding.Rate      `json:"multiplier"`
	Ratio       funding.Rate      `json:"ratio"`
	Exact       string            `json:"exact,omitempty"`
	Rounding    *funding.Rounding `json:"rounding,omitempty"`
	IncomeFloor funding.Money     `json:"incomeFloor"`
	// MinPerYear and MinPerMonth are the floor's absolute parts.
	MinPerYear  funding.Money `json:"minPerYear"`
	MinPerMonth funding.Money `json:"minPerMonth"`
	// AverageFloor and AverageStandard say whether the floor and the
	// standard are averages over units.
	AverageFloor    bool `json:"averageFloor,omitempty"`
	AverageStandard bool `json:"averageStandard,omitempty"`
	// Source is the floor's citation.
	Source dangjian.Source `json:"source"`
}

// Finding returns the result as the module's one finding shape, and true,
// when the floor is not met; the zero Finding and false when it is. Rule is
// the floor's ID, Severity the result's, Subject the standard's ID, Field
// "amount", Value the standard's yearly amount, Message the floor, the
// binding part and the shortfall, Source the floor's citation. The numbers
// stay in the FloorResult; the Finding is what a report of all findings
// (org tree, dues, floors, gates) lists.
func (r FloorResult) Finding() (dangjian.Finding, bool) {
	if r.Met {
		return dangjian.Finding{}, false
	}
	what := r.Code.String()
	if r.Post != AnyPost {
		what += " (" + r.Post.String() + ")"
	}
	short, err := funding.Money{}.Sub(r.Gap)
	if err != nil {
		short = r.Gap // −Gap overflows only for the most negative amount
	}
	return dangjian.Finding{Rule: r.Rule, Severity: r.Severity, Subject: r.Standard, Field: "amount", Value: r.Amount.String(),
		Message: fmt.Sprintf("%s: %s a year is below the floor of %s a year (%s part) by %s", what, r.Amount, r.Floor, r.Binding, short),
		Source:  r.Source}, true
}

// FloorSkip is a floor in force that was not checked, and why.
type FloorSkip struct {
	Rule   string   `json:"rule"`
	Code   ItemCode `json:"code"`
	Reason string   `json:"reason"`
}

// FloorReport is the result of [CheckFloors].
type FloorReport struct {
	Standards string        `json:"standards"`
	AsOf      dangjian.Date `json:"asOf"`
	// Results are in the order of the floors.
	Results []FloorResult `json:"results"`
	// Skipped lists the floors in force that had no standard to check.
	Skipped []FloorSkip `json:"skipped,omitempty"`
}

// Shortfalls returns the results whose standard does not meet the floor.
func (r FloorReport) Shortfalls() []FloorResult {
	var out []FloorResult
	for _, x := range r.Results {
		if !x.Met {
			out = append(out, x)
		}
	}
	return out
}

// CheckFloors sets each floor in force on in.AsOf against the per-unit
// standard of s for the same item in force that day, and reports for each
// the computed floor, the standard's yearly amount and the gap. A floor
// whose item has no such standard, or whose standard is not a yearly or
// monthly amount, is listed in Skipped.
//
// It returns an error, and no report, when s or floors fail their checks
// ([Set.Check], [ValidateFloors]), when AsOf is not set, when
// RuralIncome is negative, or when it is zero and a floor to be checked
// has an income part; the error lists every problem.
func CheckFloors(s Set, floors []Floor, in FloorInputs) (FloorReport, error) {
	p := paramErrs{sentinel: ErrBadFloor}
	p.addErr(s.Check())
	p.addErr(ValidateFloors(floors))
	if in.AsOf.IsZero() {
		p.add("inputs.asOf", "", "not set")
	}
	if in.RuralIncome.IsNegative() {
		p.add("inputs.ruralIncome", in.RuralIncome.String(), "must not be negative")
	}
	if err := p.err(); err != nil {
		return FloorReport{}, err
	}
	rep := FloorReport{Standards: s.Name, AsOf: in.AsOf, Results: []FloorResult{}}
	for i, f := range dangjian.EachInForce(floors, in.AsOf, nil) {
		std, ok := s.Item(f.Code, in.AsOf)
		if !ok {
			rep.Skipped = append(rep.Skipped, FloorSkip{Rule: f.ID, Code: f.Code, Reason: "no standard for the item in force on " + in.AsOf.String()})
			continue
		}
		per := std.Per.PerYear()
		if std.Per != PerPersonYear && std.Per != PerPersonMonth && std.Per != PerVillageYear && std.Per != PerCommunityYear {
			rep.Skipped = append(rep.Skipped, FloorSkip{Rule: f.ID, Code: f.Code, Reason: "standard " + std.ID + " is not a yearly or monthly amount (" + std.Per.String() + ")"})
			continue
		}
		if !f.Multiplier.IsZero() && in.RuralIncome.IsZero() {
			p.add("inputs.ruralIncome", "0.00", fmt.Sprintf("needed by floors[%d] (%q)", i, f.ID))
			continue
		}
		res, err := checkFloor(f, std, per, in)
		if err != nil {
			p.addErr(err)
			continue
		}
		rep.Results = append(rep.Results, res)
	}
	if err := p.err(); err != nil {
		return FloorReport{}, err
	}
	return rep, nil
}

// checkFloor computes one floor against one standard.
func checkFloor(f Floor, std Standard, per int64, in FloorInputs) (FloorResult, error) {
	amount, err := std.Amount.MulInt(per)
	if err != nil {
		return FloorResult{}, err
	}
	res := FloorResult{
		Rule: f.ID, Jurisdiction: f.Jurisdiction, Code: f.Code, Post: f.Post, Standard: std.ID,
		Amount: amount, Multiplier: f.Multiplier, Ratio: f.Ratio,
		MinPerYear: f.MinPerYear, MinPerMonth: f.MinPerMonth,
		AverageFloor: f.Average, AverageStandard: std.Average, Source: f.Source,
	}
	// The parts, in the order that breaks ties: income, per year, per month.
	if !f.Multiplier.IsZero() {
		exact := in.RuralIncome.Decimal().Mul(f.Multiplier.Decimal())
		if f.Ratio.IsZero() {
			res.Ratio = funding.MustParseRate("1")
		} else {
			exact = exact.Mul(f.Ratio.Decimal())
		}
		income, err := f.Rounding.Money(exact)
		if err != nil {
			pr := funderr.At("income", err, funding.ErrOverflow)
			pr.Rule = f.ID
			return FloorResult{}, pr
		}
		r := f.Rounding
		res.RuralIncome, res.Exact, res.Rounding, res.IncomeFloor = in.RuralIncome, exact.String(), &r, income
		res.Floor, res.Binding = income, IncomePart
	}
	if !f.MinPerYear.IsZero() && (res.Binding == FloorPartUnknown || f.MinPerYear.Cmp(res.Floor) > 0) {
		res.Floor, res.Binding = f.MinPerYear, PerYearPart
	}
	if !f.MinPerMonth.IsZero() {
		m, err := f.MinPerMonth.MulInt(12)
		if err != nil {
			return FloorResult{}, err
		}
		if res.Binding == FloorPartUnknown || m.Cmp(res.Floor) > 0 {
			res.Floor, res.Binding = m, PerMonthPart
		}
	}
	gap, err := amount.Sub(res.Floor)
	if err != nil {
		return FloorResult{}, err
	}
	res.Gap = gap
	res.Met = !gap.IsNegative()
	if !res.Met {
		res.Severity = dangjian.SeverityOf(f.Modality)
	}
	return res, nil
}
