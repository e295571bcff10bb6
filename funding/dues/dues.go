package dues

import (
	"fmt"
	"strconv"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
)

// Member is one member's input for a month's dues. The base comes from
// exactly one of Base, Payslip and Months.
type Member struct {
	ID       string   `json:"id,omitempty"`
	Name     string   `json:"name,omitempty"`
	Category Category `json:"category"`
	// Base is the monthly dues base when it is known: for an annual-salary
	// member, the pay actually received in the month (the performance
	// payout included in its month).
	Base funding.Money `json:"base"`
	// Payslip gives the base through the rules' [BasePolicy].
	Payslip *Payslip `json:"payslip,omitempty"`
	// Months are monthly amounts whose exact average is the base: the
	// previous quarter's net incomes of a self-employed member (规定 第四条),
	// or the months a branch averages when it fixes the year's amount.
	Months []funding.Money `json:"months,omitempty"`
	// FlatAmount is the amount a branch chose within a flat range (农民
	// 0.20–1.00 元); zero means the rule's default.
	FlatAmount funding.Money `json:"flatAmount,omitempty"`
	// ProbationarySince is the date of the branch meeting's resolution
	// admitting a probationary member (规定 第八条); zero for full members.
	ProbationarySince dangjian.Date `json:"probationarySince,omitempty"`
	// Reduction records an approved reduction or exemption (规定 第七条).
	Reduction *Reduction `json:"reduction,omitempty"`
	// Voluntary is paid on top of the dues, by the member's choice.
	Voluntary funding.Money `json:"voluntary,omitempty"`
	// PayingOrg names the organization that collects the member's dues
	// for the month when it is not the roster's own: the inflow
	// organization (流入地党组织) where a mobile member holding a 流动党员活动证
	// pays (DUES-MOBILE-INFLOW). Empty: the roster's organization
	// collects. The amount is computed by the same rules either way; the
	// name is carried to the [Result], and a [Tally] counts the member at
	// that organization, not at the roster's.
	PayingOrg string `json:"payingOrg,omitempty"`
}

// Reduction is an approved hardship reduction (少交) or exemption (免交):
// the member pays Amount a month (zero: exempt).
//
// The 2008 regulation (规定 第七条, DUES-HARDSHIP) takes two steps: the
// branch studies it (BranchOn, 党支部研究) and reports it to the upper
// committee, which approves it (ApprovedBy, On): the upper approval is
// required, and a BranchOn after On is a problem. From the 2017 notice, a
// retired member (Retired) in real difficulty needs only the branch's
// consent (DUES-HARDSHIP-RETIREE-2017: 经党支部研究同意): BranchOn alone
// suffices, and an upper approval, if recorded, is kept in the trace.
//
// A reduction takes effect from the month in which it was decided (On, or
// BranchOn where the branch's consent suffices): an earlier month is due in
// full, and its trace says so (step "reduction not yet in force").
type Reduction struct {
	Amount funding.Money `json:"amount"`
	// ApprovedBy and On are the upper committee's approval.
	ApprovedBy string        `json:"approvedBy,omitempty"`
	On         dangjian.Date `json:"on,omitempty"`
	Ref        string        `json:"ref,omitempty"`
	// BranchOn is the day the branch studied and agreed to it.
	BranchOn dangjian.Date `json:"branchOn,omitempty"`
}

// decidedOn is the day the reduction was decided: the upper committee's
// approval (On), or, for a retired member whose reduction stands on the
// branch's consent alone, the branch's day (BranchOn).
func (r *Reduction) decidedOn(rs Rules, m Member) dangjian.Date {
	if rs.retireeReduction(m) && r.ApprovedBy == "" {
		return r.BranchOn
	}
	return r.On
}

// approvedAfter reports whether the reduction was decided after the month
// that starts on month: a reduction takes effect from the month of its
// approval (规定 第七条: 经…批准 — until then the member owes the dues in
// full), so an approval dated in July does not reduce June.
func (r *Reduction) approvedAfter(rs Rules, m Member, month dangjian.Date) bool {
	on := r.decidedOn(rs, m)
	return !on.IsZero() && !on.Before(month.AddMonths(1))
}

// retireeReduction reports whether m's reduction stands on the branch's
// consent alone under rs (a retired member, a set with the 2017 rule).
func (rs Rules) retireeReduction(m Member) bool {
	return m.Category == Retired && rs.Provisions.HardshipRetiree.ID != ""
}

// Result is one member's dues for a month and how they were obtained.
type Result struct {
	Member   string        `json:"member,omitempty"`
	Name     string        `json:"name,omitempty"`
	Month    dangjian.Date `json:"month"` // the first day of the month
	Category Category      `json:"category"`
	RuleSet  string        `json:"ruleSet"`
	// Base is the dues base. An average of several months is shown rounded
	// half-up to the fen; the amount is computed from the exact average.
	Base funding.Money `json:"base"`
	// BaseExact is the exact average of several months, as the fraction
	// sum/n ("12751.00/3"); empty for a base of one month. It is one of the
	// two exact fields of Result, the only fields whose JSON may hold a
	// fraction.
	BaseExact string `json:"baseExact,omitempty"`
	// Rate is the bracket's rate, a plain decimal in JSON ("0.015").
	Rate funding.Rate `json:"rate"`
	// Exact is the exact amount before its one rounding: a decimal
	// ("93.5175"), or the fraction sum × rate / n for an average of n
	// months ("127.51500/3"). It is an exact field, like BaseExact and a
	// Step's Exact: every other amount in the JSON is a decimal at its
	// declared places.
	Exact string `json:"exact"`
	// Amount is the dues due for the month, after rounding, the cap and any
	// reduction.
	Amount    funding.Money `json:"amount"`
	Voluntary funding.Money `json:"voluntary"`
	Total     funding.Money `json:"total"`
	// Rule is the rule that set the final amount: the bracket or flat rule,
	// or the cap, a hardship approval or the probationary start when one of
	// them applied.
	Rule     string           `json:"rule"`
	Rounding funding.Rounding `json:"rounding"`
	Capped   bool             `json:"capped,omitempty"`
	Reduced  bool             `json:"reduced,omitempty"`
	// NotYetDue marks a probationary member before the month of admission.
	NotYetDue bool `json:"notYetDue,omitempty"`
	// LumpSum marks a voluntary payment of 1000 元 or more, remitted to the
	// Centre in full (规定 第十一条).
	LumpSum bool `json:"lumpSum,omitempty"`
	// PayingOrg is the organization that collected the dues when it is
	// not the roster's own ([Member].PayingOrg: a mobile member paying at
	// the inflow organization, DUES-MOBILE-INFLOW); empty otherwise.
	PayingOrg string         `json:"payingOrg,omitempty"`
	Steps     []funding.Step `json:"steps"`
}

// Monthly computes a member's dues for the month containing the date
// month, by the rules rs. It checks the input and reports every problem
// (errors naming the field and quoting the value, wrapping
// [ErrBadMember]); it never changes rs or m.
//
// The steps: the base (given, from the payslip by the base policy, or the
// exact average of Months); the bracket whose inclusive upper bound the
// base does not exceed; the exact product of the whole base and the rate
// (全额累进), rounded once with rs.Rounding; the cap, if on; an approved
// reduction. Flat categories pay their flat amount. A probationary member
// pays from the month of the branch meeting's resolution.
func (rs Rules) Monthly(m Member, month dangjian.Date) (Result, error) {
	month = dangjian.NewDate(month.Year(), month.Month(), 1)
	if month.Year() < 1 || !rs.Period.Contains(month) {
		return Result{}, &dangjian.Problem{Kind: dangjian.ErrOutOfPeriod, Path: "month", ID: m.ID, Value: month.String(),
			Detail: fmt.Sprintf("rules %q are for %s", rs.Name, rs.Period)}
	}
	if err := rs.check(m); err != nil {
		return Result{}, err
	}
	d, err := rs.monthly(m, month)
	if err != nil {
		return Result{}, withID(err, m.ID)
	}
	return d, nil
}

// withID returns err with id set on each of its problems that has none.
func withID(err error, id string) error {
	ps := dangjian.ProblemsOf(err)
	out := make(dangjian.Problems, len(ps))
	for i, p := range ps {
		q := *p
		if q.ID == "" {
			q.ID = id
		}
		out[i] = &q
	}
	if len(out) == 1 {
		return out[0]
	}
	return out
}

// monthly computes the dues of a member that check accepted.
func (rs Rules) monthly(m Member, month dangjian.Date) (Result, error) {
	d := Result{Member: m.ID, Name: m.Name, Month: month, Category: m.Category, RuleSet: rs.Name, Rounding: rs.Rounding}
	step := func(rule, what, value string) {
		d.Steps = append(d.Steps, funding.Step{Rule: rule, What: what, Value: value})
	}
	for _, a := range rs.Assumed {
		if a.Decides(month) {
			d.Steps = append(d.Steps, funding.Step{What: "rules", Value: rs.Name, Note: "the rule set in force for the month is " + a.Note()})
		}
	}

	if ps := m.ProbationarySince; !ps.IsZero() && month.Before(dangjian.NewDate(ps.Year(), ps.Month(), 1)) {
		d.NotYetDue = true
		d.Rule = rs.Provisions.Probationary.ID
		d.Exact = "0"
		step(d.Rule, "probationary since", ps.String())
		step(d.Rule, "amount", "0.00 (not yet due)")
		return d.finished(rs, m, step)
	}
	if m.Category.IsFlat() {
		f, _ := rs.flat(m.Category)
		d.Rule = f.ID
		d.Amount = f.Amount
		if !m.FlatAmount.IsZero() {
			d.Amount = m.FlatAmount
		}
		d.Exact = d.Amount.String()
		step(f.ID, "flat amount", d.Amount.String())
		return d.finished(rs, m, step)
	}

	// The base: sum / n, exactly.
	sum, n, err := rs.base(m, &d, step)
	if err != nil {
		return Result{}, err
	}
	b, err := rs.bracket(m.Category.Scale(), sum, n)
	if err != nil {
		return Result{}, err
	}
	d.Rule, d.Rate = b.ID, b.Rate
	upper := "and above"
	if !b.Open {
		upper = "up to " + b.UpTo.String() + " inclusive"
	}
	d.Steps = append(d.Steps, funding.Step{Rule: b.ID, What: "rate", Value: b.Rate.String(), Note: "of the whole base (" + b.Scale.String() + " scale, " + upper + ")"})
	exact := sum.Decimal().Mul(b.Rate.Decimal())
	if n == 1 {
		d.Exact = exact.String()
	} else {
		d.Exact = exact.String() + "/" + strconv.FormatInt(n, 10)
	}
	if n == 1 {
		step("", "exact", d.Exact)
	} else {
		d.Steps = append(d.Steps, funding.Step{What: "exact", Value: exact.String(), Note: "to be divided by " + strconv.FormatInt(n, 10) + ", the months averaged"})
	}
	if d.Amount, err = rs.Rounding.Quo(exact, n); err != nil {
		return Result{}, err
	}
	r := rs.Rounding
	d.Steps = append(d.Steps, funding.Step{Rule: rs.RoundingRule.ID, What: "rounded", Exact: d.Exact, Rounding: &r, Value: d.Amount.String()})
	if rs.Cap.On && d.Amount.Cmp(rs.Cap.Amount) > 0 {
		d.Amount, d.Capped, d.Rule = rs.Cap.Amount, true, rs.Cap.ID
		step(rs.Cap.ID, "capped", rs.Cap.Amount.String()+" ("+rs.Cap.Modality.Label()+"不超过)")
	}
	return d.finished(rs, m, step)
}

// finished applies finish to *d and returns the result.
func (d *Result) finished(rs Rules, m Member, step func(rule, what, value string)) (Result, error) {
	if err := d.finish(rs, m, step); err != nil {
		return Result{}, err
	}
	return *d, nil
}

// finish applies a reduction and the voluntary payment to d in place. It
// takes d by pointer: step appends to the Steps of the very Result that
// Monthly returns (a value receiver once recorded these steps on a copy,
// and the trace lost them).
func (d *Result) finish(rs Rules, m Member, step func(rule, what, value string)) error {
	if r := m.Reduction; r != nil && !d.NotYetDue && r.Amount.Cmp(d.Amount) < 0 && !r.approvedAfter(rs, m, d.Month) {
		id := rs.Provisions.Hardship.ID
		how := fmt.Sprintf("approved by %s on %s", r.ApprovedBy, r.On)
		if !r.BranchOn.IsZero() {
			how = "studied by the branch on " + r.BranchOn.String() + ", " + how
		}
		if rs.retireeReduction(m) && r.ApprovedBy == "" {
			id, how = rs.Provisions.HardshipRetiree.ID, "agreed by the branch on "+r.BranchOn.String()
		}
		if r.Ref != "" {
			how += " " + r.Ref
		}
		d.Amount, d.Reduced, d.Rule = r.Amount, true, id
		what := "reduced"
		if r.Amount.IsZero() {
			what = "exempt"
		}
		step(id, what, fmt.Sprintf("%s (%s)", r.Amount, how))
	}
	if r := m.Reduction; r != nil && !d.NotYetDue && r.Amount.Cmp(d.Amount) < 0 && r.approvedAfter(rs, m, d.Month) {
		id := rs.Provisions.Hardship.ID
		if rs.retireeReduction(m) && r.ApprovedBy == "" {
			id = rs.Provisions.HardshipRetiree.ID
		}
		step(id, "reduction not yet in force", fmt.Sprintf("approved on %s, after this month: the month's dues stand in full", r.decidedOn(rs, m)))
	}
	d.Voluntary = m.Voluntary
	if !m.Voluntary.IsZero() {
		step("", "voluntary", m.Voluntary.String())
		if m.Voluntary.Fen() >= rs.Provisions.LumpSum.N {
			d.LumpSum = true
			step(rs.Provisions.LumpSum.ID, "lump sum", m.Voluntary.String()+" remitted to the Centre in full")
		}
	}
	if m.PayingOrg != "" {
		d.PayingOrg = m.PayingOrg
		step(rs.Provisions.Mobile.ID, "paid at", m.PayingOrg+" (the inflow organization collects; counted there)")
	}
	var err error
	d.Total, err = d.Amount.Add(d.Voluntary)
	return err
}

// base returns the base as sum / n and records it in d.
func (rs Rules) base(m Member, d *Result, step func(rule, what, value string)) (funding.Money, int64, error) {
	switch {
	case m.Payslip != nil:
		br, err := rs.Base.Base(*m.Payslip)
		if err != nil {
			return funding.Money{}, 0, err
		}
		d.Base = br.Base
		for _, id := range br.Rules {
			step(id, "base policy", "")
		}
		for _, it := range br.Included {
			step("", "included "+itemName(it), it.Amount.String())
		}
		for _, it := range br.Excluded {
			step("", "excluded "+itemName(it), it.Amount.String())
		}
		for _, dl := range br.Deducted {
			step("", "deducted "+dl.Deduction.Label(), dl.Amount.String())
		}
		if br.Clamped {
			step("", "clamped", "deductions exceed the included items: base 0.00")
		}
		step(rs.Base.ID, "base", br.Base.String())
		return br.Base, 1, nil
	case len(m.Months) > 0:
		sum, err := funding.Sum(m.Months...)
		if err != nil {
			return funding.Money{}, 0, err
		}
		n := int64(len(m.Months))
		rule := rs.Provisions.Refix.ID
		if m.Category == SelfEmployed {
			rule = rs.Provisions.SelfEmployed.ID
		}
		d.Base, _ = funding.DefaultRounding().Quo(sum.Decimal(), n)
		d.BaseExact = sum.String() + "/" + strconv.FormatInt(n, 10)
		half := funding.DefaultRounding()
		d.Steps = append(d.Steps, funding.Step{Rule: rule, What: "base", Exact: d.BaseExact, Rounding: &half, Value: d.Base.String(),
			Note: "average of " + strconv.FormatInt(n, 10) + " months, shown at the fen; the amount uses the exact average"})
		return sum, n, nil
	}
	d.Base = m.Base
	rule := ""
	if m.Category == AnnualSalary {
		rule = rs.Provisions.AnnualSalary.ID
	}
	step(rule, "base", m.Base.String())
	return m.Base, 1, nil
}

// itemName names a pay item in a trace by the payslip's own wording and
// its kind ("交通补贴 (改革性补贴)").
func itemName(it PayItem) string {
	if it.Name == "" || it.Name == it.Kind.Label() {
		return it.Kind.Label()
	}
	return it.Name + " (" + it.Kind.Label() + ")"
}

// bracket returns the bracket of scale whose inclusive upper bound the
// base sum/n does not exceed: sum ≤ upTo × n, compared exactly.
func (rs Rules) bracket(sc Scale, sum funding.Money, n int64) (Bracket, error) {
	for _, b := range rs.Brackets {
		if b.Scale != sc {
			continue
		}
		if b.Open {
			return b, nil
		}
		bound, err := b.UpTo.MulInt(n)
		if err != nil {
			return Bracket{}, err
		}
		if sum.Cmp(bound) <= 0 {
			return b, nil
		}
	}
	return Bracket{}, &dangjian.Problem{Kind: ErrBadRules, Path: "brackets", Value: sc.String(),
		Detail: fmt.Sprintf("rules %q have no bracket of the scale for %s", rs.Name, sum)}
}

func (rs Rules) flat(c Category) (Flat, bool) {
	for _, f := range rs.Flats {
		for _, fc := range f.Categories {
			if fc == c {
				return f, true
			}
		}
	}
	return Flat{}, false
}

// check reports every problem of m.
func (rs Rules) check(m Member) error {
	var errs dangjian.Problems
	bad := func(field, value, why string) {
		if why == "must not be negative" {
			errs.Add(&dangjian.Problem{Kind: dangjian.ErrNegative, Path: field, ID: m.ID, Value: value, Err: ErrBadMember})
			return
		}
		errs.Add(&dangjian.Problem{Kind: ErrBadMember, Path: field, ID: m.ID, Value: value, Detail: why})
	}
	if !m.Category.IsValid() {
		bad("category", m.Category.String(), "unknown category")
		return errs.Err()
	}
	sources := 0
	if !m.Base.IsZero() {
		sources++
	}
	if m.Payslip != nil {
		sources++
	}
	if len(m.Months) > 0 {
		sources++
	}
	if sources > 1 {
		bad("base", m.Base.String(), "give the base, a payslip or months, not several")
	}
	if m.Base.IsNegative() {
		bad("base", m.Base.String(), "must not be negative")
	}
	for i, v := range m.Months {
		if v.IsNegative() {
			bad("months["+strconv.Itoa(i)+"]", v.String(), "must not be negative")
		}
	}
	if len(m.Months) > 12 {
		bad("months", strconv.Itoa(len(m.Months)), "at most 12 months")
	}
	if len(m.Months) > 0 && m.Category != SelfEmployed && !rs.AnnualFix {
		bad("months", strconv.Itoa(len(m.Months)), fmt.Sprintf("rules %q set the base month by month (%s): an average applies to self-employed members only", rs.Name, rs.Provisions.Refix.ID))
	}
	if m.Category.IsFlat() {
		f, ok := rs.flat(m.Category)
		switch {
		case !ok:
			bad("category", m.Category.String(), "the rules have no flat amount for it")
		case !m.FlatAmount.IsZero() && f.Min.IsZero() && f.Max.IsZero():
			bad("flatAmount", m.FlatAmount.String(), fmt.Sprintf("%s sets a fixed %s: the branch chooses no amount", f.ID, f.Amount))
		case !m.FlatAmount.IsZero() && (m.FlatAmount.Cmp(f.Min) < 0 || m.FlatAmount.Cmp(f.Max) > 0):
			bad("flatAmount", m.FlatAmount.String(), fmt.Sprintf("outside the range %s–%s of %s", f.Min, f.Max, f.ID))
		}
		if sources > 0 {
			bad("base", m.Base.String(), "a flat category takes no base")
		}
	} else if !m.FlatAmount.IsZero() {
		bad("flatAmount", m.FlatAmount.String(), "only flat categories take a flat amount")
	}
	if ps := m.Payslip; ps != nil {
		if m.Category == Retired && ps.Employer != Pensioner {
			bad("payslip.employer", ps.Employer.String(), "a retired member's payslip is a pension slip (employer pensioner)")
		}
		if m.Category != Retired && ps.Employer == Pensioner {
			bad("payslip.employer", ps.Employer.String(), "a pension slip is for retired members")
		}
	}
	if m.Voluntary.IsNegative() {
		bad("voluntary", m.Voluntary.String(), "must not be negative")
	}
	if r := m.Reduction; r != nil {
		if r.Amount.IsNegative() {
			bad("reduction.amount", r.Amount.String(), "must not be negative")
		}
		switch {
		case rs.retireeReduction(m):
			if r.BranchOn.IsZero() && (r.ApprovedBy == "" || r.On.IsZero()) {
				bad("reduction", r.ApprovedBy, "a retired member's reduction needs the branch's consent: branchOn (2017通知: 经党支部研究同意), or an upper approval")
			}
		case r.ApprovedBy == "" || r.On.IsZero():
			bad("reduction", r.ApprovedBy, "a reduction needs the upper committee's approval: approvedBy and on (规定 第七条: 经党支部研究，报上一级党委批准)")
		}
		if !r.BranchOn.IsZero() && !r.On.IsZero() && r.On.Before(r.BranchOn) {
			bad("reduction.branchOn", r.BranchOn.String(), "the branch studies a reduction before the upper committee approves it ("+r.On.String()+")")
		}
	}
	return errs.Err()
}
