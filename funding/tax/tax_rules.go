package tax

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/internal/funderr"
	"github.com/shopspring/decimal"
)

// Bracket is one row (级数) of a tax rate table: income above Over and up
// to UpTo inclusive ("超过…至…", "不超过…") is taxed as income × Rate −
// QuickDeduction, the rate applied to the whole amount. The last row is
// Open: it has no upper bound and its UpTo is zero.
type Bracket struct {
	dangjian.Rule
	Table          Table         `json:"table"`
	Level          int           `json:"level"`
	Over           funding.Money `json:"over"`
	UpTo           funding.Money `json:"upTo"`
	Open           bool          `json:"open,omitempty"`
	Rate           funding.Rate  `json:"rate"`
	QuickDeduction funding.Money `json:"quickDeduction"`
}

// BasicDeduction is the basic deduction (减除费用) per month: for a
// resident, per month employed with the withholding employer in the year
// (累计减除费用); for a non-resident, from each month's wages.
type BasicDeduction struct {
	dangjian.Rule
	Monthly funding.Money `json:"monthly"`
}

// AnnualBasic is a basic deduction counted for the whole year from
// January: the cumulative basic deduction of every month of the year is
// Annual (国家税务总局公告2020年第19号: "累计减除费用自1月份起直接按照全年6万元计算扣除").
type AnnualBasic struct {
	dangjian.Rule
	Annual funding.Money `json:"annual"`
}

// AdditionalDeduction is one special additional deduction (专项附加扣除) as
// a dated rule: Monthly per child (子女教育, 婴幼儿照护) or per month. For
// 赡养老人, Monthly is the amount of an only child and the total that
// siblings share, each share at most ShareCap. For 住房租金, Tier is the city
// tier. Splittable says the amount may be claimed at 50% by each parent (or
// spouse) instead of 100% by one.
type AdditionalDeduction struct {
	dangjian.Rule
	Item       DeductionItem `json:"item"`
	Tier       RentTier      `json:"tier,omitempty"`
	Monthly    funding.Money `json:"monthly"`
	ShareCap   funding.Money `json:"shareCap"`
	Splittable bool          `json:"splittable,omitempty"`
}

// RoundingRule is the declared rounding point of the tax: the exact tax
// (income × rate − quick deduction has at most four decimal places when
// the income is in fen and the rate a whole percent) is rounded once, with
// Rounding, to the fen.
type RoundingRule struct {
	dangjian.Rule
	Rounding funding.Rounding `json:"rounding"`
}

// Rules is a dated set of rules for the individual income tax on wages:
// the cumulative withholding method, both rate tables, the basic
// deductions, the special additional deductions, the separate taxation of
// the 全年一次性奖金 and the rounding point. Every value carries its rule
// header; a computation for a month uses the values in force on its first
// day.
//
// Rules is a value: [NationalRules] returns a fresh copy on each
// call, and [Rules.WithAdditional] and [Rules.WithRounding] return
// new sets. Its methods never modify it, so a Rules that nobody modifies
// is safe for concurrent use by multiple goroutines.
type Rules struct {
	// Name identifies the set ("national").
	Name string `json:"name"`
	// Method holds the cumulative withholding method (累计预扣法) and its
	// no-refund clause, by date.
	Method []dangjian.Rule `json:"method"`
	// NoRefund is the clause that a negative amount due in a month is
	// withheld as 0 (暂不退税), by date.
	NoRefund []dangjian.Rule `json:"noRefund"`
	// Brackets holds the rows of both tables, every version.
	Brackets []Bracket `json:"brackets"`
	// Basic is the residents' basic deduction per month employed.
	Basic []BasicDeduction `json:"basic"`
	// NonResidentBasic is the non-residents' monthly basic deduction.
	NonResidentBasic []BasicDeduction `json:"nonResidentBasic"`
	// FirstWage holds the rule of 公告2020年第13号, by date: for a taxpayer
	// whose first wage income of the year is with this employer
	// ([Month.FirstWageIncome]), the cumulative basic deduction is Basic's
	// monthly amount × the month's number (counted from January).
	FirstWage []dangjian.Rule `json:"firstWage"`
	// LowIncome holds the rule of 公告2020年第19号, by date: for a taxpayer
	// of the previous year's low income with this employer
	// ([Month.PriorYearLowIncome]), the cumulative basic deduction is the
	// year's Annual amount in every month from January.
	LowIncome []AnnualBasic `json:"lowIncome"`
	// Additional holds the special additional deductions, every version.
	Additional []AdditionalDeduction `json:"additional"`
	// BonusSeparate holds the windows in which the 全年一次性奖金 may be
	// taxed separately on the monthly table.
	BonusSeparate []dangjian.Rule `json:"bonusSeparate"`
	// Rounding is the rounding point of every tax amount.
	Rounding RoundingRule `json:"rounding"`
}

// Clone returns a deep copy of r.
func (r Rules) Clone() Rules {
	r.Method = slices.Clone(r.Method)
	r.NoRefund = slices.Clone(r.NoRefund)
	r.Brackets = slices.Clone(r.Brackets)
	r.Basic = slices.Clone(r.Basic)
	r.NonResidentBasic = slices.Clone(r.NonResidentBasic)
	r.FirstWage = slices.Clone(r.FirstWage)
	r.LowIncome = slices.Clone(r.LowIncome)
	r.Additional = slices.Clone(r.Additional)
	r.BonusSeparate = slices.Clone(r.BonusSeparate)
	return r
}

// WithAdditional returns a copy of r with the special additional
// deductions added; one whose ID is already in the set replaces it in
// place. Use it to replace an unverified amount.
func (r Rules) WithAdditional(ds ...AdditionalDeduction) Rules {
	out := r.Clone()
	for _, d := range ds {
		if i := slices.IndexFunc(out.Additional, func(x AdditionalDeduction) bool { return x.ID == d.ID }); i >= 0 {
			out.Additional[i] = d
		} else {
			out.Additional = append(out.Additional, d)
		}
	}
	return out
}

// WithRounding returns a copy of r with another rounding point.
func (r Rules) WithRounding(rd RoundingRule) Rules {
	out := r.Clone()
	out.Rounding = rd
	return out
}

// Rules returns the header of every rule in r, in a fresh slice.
func (r Rules) Rules() []dangjian.Rule {
	ts := r.topics()
	out := make([]dangjian.Rule, len(ts))
	for i, t := range ts {
		out[i] = t.Rule
	}
	return out
}

// taxTopic is a rule header with its topic: the versions of one value,
// which must not be in force at the same time.
type taxTopic struct {
	dangjian.Rule
	topic string
}

func (r Rules) topics() []taxTopic {
	var out []taxTopic
	for _, h := range r.Method {
		out = append(out, taxTopic{h, "method"})
	}
	for _, h := range r.NoRefund {
		out = append(out, taxTopic{h, "norefund"})
	}
	for _, b := range r.Brackets {
		out = append(out, taxTopic{b.Rule, fmt.Sprintf("bracket/%s/%d", b.Table, b.Level)})
	}
	for _, b := range r.Basic {
		out = append(out, taxTopic{b.Rule, "basic"})
	}
	for _, b := range r.NonResidentBasic {
		out = append(out, taxTopic{b.Rule, "basic/nonresident"})
	}
	for _, h := range r.FirstWage {
		out = append(out, taxTopic{h, "basic/firstwage"})
	}
	for _, b := range r.LowIncome {
		out = append(out, taxTopic{b.Rule, "basic/lowincome"})
	}
	for _, a := range r.Additional {
		out = append(out, taxTopic{a.Rule, "additional/" + a.Item.String() + "/" + a.Tier.String()})
	}
	for _, h := range r.BonusSeparate {
		out = append(out, taxTopic{h, "bonus"})
	}
	return append(out, taxTopic{r.Rounding.Rule, "rounding"})
}

// Check reports every problem of r, joined: the header checks of
// [dangjian.CheckRules] over all rules (unique IDs, sources, periods) and
// within each topic (no two versions in force at once); and, on every date
// a table changes, that each table starts at 0, is contiguous, ends with
// one open row, has rising rates, and has quick deductions that keep the
// tax continuous at every edge (速算扣除数 = the previous one + edge ×
// rate step); positive deduction amounts; share caps only on 赡养老人; city
// tiers only on 住房租金; a valid rounding.
func (r Rules) Check() error {
	var errs dangjian.Problems
	if err := dangjian.CheckRules(r.topics(), func(t taxTopic) string { return t.topic }); err != nil {
		errs = append(errs, dangjian.ProblemsOf(err)...)
	}
	bad := func(what, why string) {
		errs.Add(&dangjian.Problem{Kind: ErrBadRules, Path: what, Detail: why})
	}
	if len(r.Method) == 0 {
		bad("method", "no cumulative withholding method")
	}
	for i, b := range r.Brackets {
		if !b.Table.IsValid() {
			bad(fmt.Sprintf("brackets[%d] (%q).table", i, b.ID), fmt.Sprintf("invalid table %d", b.Table))
		}
	}
	for _, t := range []Table{CumulativeTable, MonthlyTable} {
		for _, d := range r.tableDates(t) {
			if rows := r.table(t, d); len(rows) > 0 {
				if why := checkTable(rows); why != "" {
					bad(fmt.Sprintf("%s table in force on %s", t, dateOrAlways(d)), why)
				}
			}
		}
	}
	for _, set := range []struct {
		name string
		rows []BasicDeduction
	}{{"basic", r.Basic}, {"nonResidentBasic", r.NonResidentBasic}} {
		for i, b := range set.rows {
			if b.Monthly.Cmp(funding.Money{}) <= 0 {
				bad(fmt.Sprintf("%s[%d] (%q).monthly", set.name, i, b.ID), fmt.Sprintf("want a positive amount, have %s", b.Monthly))
			}
		}
	}
	for i, b := range r.LowIncome {
		if b.Annual.Cmp(funding.Money{}) <= 0 {
			bad(fmt.Sprintf("lowIncome[%d] (%q).annual", i, b.ID), fmt.Sprintf("want a positive amount, have %s", b.Annual))
		}
	}
	for i, a := range r.Additional {
		where := fmt.Sprintf("additional[%d] (%q)", i, a.ID)
		if !a.Item.IsValid() {
			bad(where+".item", fmt.Sprintf("invalid item %d", a.Item))
		}
		if a.Monthly.Cmp(funding.Money{}) <= 0 {
			bad(where+".monthly", fmt.Sprintf("want a positive amount, have %s", a.Monthly))
		}
		if a.Item == HousingRent && !a.Tier.IsValid() {
			bad(where+".tier", "rent needs a city tier")
		}
		if a.Item != HousingRent && a.Tier != RentNone {
			bad(where+".tier", fmt.Sprintf("only rent has a city tier, have %q", a.Tier))
		}
		if a.Item == ElderlySupport && (a.ShareCap.Cmp(funding.Money{}) <= 0 || a.ShareCap.Cmp(a.Monthly) > 0) {
			bad(where+".shareCap", fmt.Sprintf("want 0 < share cap ≤ %s, have %s", a.Monthly, a.ShareCap))
		}
		if a.Item != ElderlySupport && !a.ShareCap.IsZero() {
			bad(where+".shareCap", fmt.Sprintf("only 赡养老人 has a share cap, have %s", a.ShareCap))
		}
		if a.Splittable && a.Monthly.Fen()%2 != 0 {
			bad(where+".monthly", fmt.Sprintf("a splittable amount must halve to the fen, have %s", a.Monthly))
		}
	}
	if err := r.Rounding.Rounding.Validate(); err != nil {
		errs.Add(funderr.At("rounding.rounding", err, ErrBadRules))
	}
	return errs.Err()
}

func dateOrAlways(d dangjian.Date) string {
	if d.IsZero() {
		return "any date"
	}
	return d.String()
}

// tableDates returns the dates on which table t may change: the start and
// end of every row's period, and the zero date for rows in force always.
func (r Rules) tableDates(t Table) []dangjian.Date {
	ds := []dangjian.Date{{}}
	for _, b := range r.Brackets {
		if b.Table == t {
			ds = append(ds, b.Period.From, b.Period.To)
		}
	}
	slices.SortFunc(ds, dangjian.Date.Compare)
	return slices.Compact(ds)
}

// table returns the rows of table t in force on d, by level.
func (r Rules) table(t Table, on dangjian.Date) []Bracket {
	rows := dangjian.AllInForce(r.Brackets, on, func(b Bracket) bool { return b.Table == t })
	slices.SortStableFunc(rows, func(a, b Bracket) int { return cmp.Compare(a.Level, b.Level) })
	return rows
}

// checkTable reports the first structural problem of a table, or "".
func checkTable(rows []Bracket) string {
	for i, b := range rows {
		id := "row " + strconv.Quote(b.ID)
		if b.Level != i+1 {
			return fmt.Sprintf("%s: level %d, want %d (levels 1..n, each once)", id, b.Level, i+1)
		}
		if b.Rate.Cmp(funding.Rate{}) <= 0 || b.Rate.Decimal().GreaterThan(decimal.NewFromInt(1)) {
			return fmt.Sprintf("%s: rate %s outside (0, 1]", id, b.Rate)
		}
		if b.Over.IsNegative() || b.QuickDeduction.IsNegative() {
			return fmt.Sprintf("%s: negative bound or quick deduction", id)
		}
		last := i == len(rows)-1
		if b.Open != last {
			if last {
				return fmt.Sprintf("%s: the last row must be open", id)
			}
			return fmt.Sprintf("%s: only the last row may be open", id)
		}
		if b.Open && !b.UpTo.IsZero() {
			return fmt.Sprintf("%s: an open row has no upper bound, have %s", id, b.UpTo)
		}
		if !b.Open && b.UpTo.Cmp(b.Over) <= 0 {
			return fmt.Sprintf("%s: upper bound %s not above %s", id, b.UpTo, b.Over)
		}
		if i == 0 {
			if !b.Over.IsZero() || !b.QuickDeduction.IsZero() {
				return fmt.Sprintf("%s: the first row starts at 0 with no quick deduction", id)
			}
			continue
		}
		p := rows[i-1]
		if b.Over != p.UpTo {
			return fmt.Sprintf("%s: starts at %s, want %s (the previous upper bound)", id, b.Over, p.UpTo)
		}
		if b.Rate.Cmp(p.Rate) <= 0 {
			return fmt.Sprintf("%s: rate %s not above %s", id, b.Rate, p.Rate)
		}
		want := p.QuickDeduction.Decimal().Add(b.Over.Decimal().Mul(b.Rate.Decimal().Sub(p.Rate.Decimal())))
		if !want.Equal(b.QuickDeduction.Decimal()) {
			return fmt.Sprintf("%s: quick deduction %s, want %s to keep the tax continuous at %s", id, b.QuickDeduction, want.StringFixed(2), b.Over)
		}
	}
	return ""
}
