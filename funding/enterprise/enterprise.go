package enterprise

import (
	"fmt"
	"strconv"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/internal/funderr"
	"github.com/shopspring/decimal"
)

// checkRules records the problems of a caller's enterprise rules.
func checkRules(f *funderr.Errs, path string, rules []Rule) {
	if err := dangjian.CheckRules(rules, func(r Rule) string { return r.Topic }); err != nil {
		f.Add(path, strconv.Itoa(len(rules))+" rules", funding.ErrBadPolicy, err.Error())
	}
	for i, r := range rules {
		p := path + "[" + strconv.Itoa(i) + "]"
		if !r.Kind.IsValid() {
			f.Add(p+".kind", r.Kind.String(), funding.ErrBadPolicy, "unknown rule kind")
		}
		needsRate := r.Kind != SOECarryForward && r.Kind != DuesFirst
		if needsRate && (r.Rate.Decimal().Sign() <= 0 || r.Rate.Cmp(funding.MustParseRate("1")) > 0) {
			f.Add(p+".rate", r.Rate.String(), funding.ErrRateOutOfRange, "want a rate above 0 and at most 100%")
		}
	}
}

const yearEndNote = "rules in force on 31 December of the year, when the year's accounts close"

// entCalc chains exact operations and keeps the first error, so a formula
// reads as a sequence of steps.
type entCalc struct {
	err error
	r   funding.Rounding
}

func (c *entCalc) add(a, b funding.Money) funding.Money {
	if c.err != nil {
		return funding.Money{}
	}
	s, err := a.Add(b)
	c.err = err
	return s
}

func (c *entCalc) sub(a, b funding.Money) funding.Money {
	if c.err != nil {
		return funding.Money{}
	}
	s, err := a.Sub(b)
	c.err = err
	return s
}

// mul returns the exact product and its value rounded once with c.r.
func (c *entCalc) mul(m funding.Money, rate funding.Rate) (decimal.Decimal, funding.Money) {
	exact := m.Decimal().Mul(rate.Decimal())
	if c.err != nil {
		return exact, funding.Money{}
	}
	v, err := c.r.Money(exact)
	c.err = err
	return exact, v
}

// pickRule returns the single rule of kind k in force on d for the
// jurisdiction, reporting none or several.
func pickRule(f *funderr.Errs, path, value string, rules []Rule, k RuleKind, d dangjian.Date, jurisdiction string) (Rule, bool) {
	rs := entInForce(rules, k, d, jurisdiction)
	switch len(rs) {
	case 1:
		return rs[0], true
	case 0:
		where := "national"
		if jurisdiction != "" {
			where = jurisdiction
		}
		f.Add(path, value, dangjian.ErrNoRule, fmt.Sprintf("no %s rule (%s) in force on %s", k, where, d))
	default:
		f.Add(path, value, funding.ErrBadPolicy, fmt.Sprintf("%d %s rules in force on %s (%s, %s)", len(rs), k, d, rs[0].ID, rs[1].ID))
	}
	return Rule{}, false
}

// NonPublicPolicy configures [NonPublicDeduction]. The zero NonPublicPolicy
// uses [Rules], [funding.DefaultRounding] (half-up to the fen) and no
// local rate.
type NonPublicPolicy struct {
	// Rules is the rule table; nil means [Rules].
	Rules []Rule `json:"rules,omitempty"`
	// Rounding rounds the cap and the provision (each once); the zero
	// Rounding means [funding.DefaultRounding]. Half-up can put the cap up to half
	// a fen above the exact 1 %; [dangjian.Down] never does.
	Rounding funding.Rounding `json:"rounding"`
	// Jurisdiction and ProvisionRate give a local rate of the wage total
	// that enterprises list as party work funds (成都: set by the district
	// within the national 1 %). ProvisionRate must be above 0 and at most
	// both the local rule's ceiling and the national cap; it requires a
	// Jurisdiction with a [LocalProvisionRate] rule in force. The zero
	// ProvisionRate means no local rate. The local rate does not change
	// the deduction cap, which is national.
	Jurisdiction  string       `json:"jurisdiction,omitempty"`
	ProvisionRate funding.Rate `json:"provisionRate"`
}

// FundResult is the tax treatment of a 非公 enterprise's party work
// spending for one year (组通字〔2014〕42号 第二条), with its trace.
type FundResult struct {
	Year int `json:"year"`
	// On is the date the rules were chosen for: 31 December of Year.
	On       dangjian.Date `json:"on"`
	Payroll  funding.Money `json:"payroll"`
	Spending funding.Money `json:"spending"`
	// Rule is the ID of the deduction rule; CapRate its rate.
	Rule    string       `json:"rule"`
	CapRate funding.Rate `json:"capRate"`
	// Cap is Payroll × CapRate rounded once with Rounding.
	Cap funding.Money `json:"cap"`
	// Deductible is min(Spending, Cap); NonDeductible the rest of Spending.
	Deductible    funding.Money `json:"deductible"`
	NonDeductible funding.Money `json:"nonDeductible"`
	// Provision is Payroll × the local rate, when the policy gives one:
	// the amount the locality asks enterprises to list. ProvisionRule is
	// the local rule's ID.
	Provision     *funding.Money `json:"provision,omitempty"`
	ProvisionRule string         `json:"provisionRule,omitempty"`
	// Rounding is the rounding applied to Cap and Provision.
	Rounding funding.Rounding `json:"rounding"`
	Trace    []funding.Step   `json:"trace"`
}

// NonPublicDeduction applies 组通字〔2014〕42号 第二条 to a 非公 enterprise's
// year: party work funds are listed as management expenses, and the part of
// spending not above 1 % of the year's total wages and salaries (职工年度
// 工资薪金总额, payroll) is deductible before enterprise income tax.
//
// The cap payroll × 1 % is exact to a hundredth of a fen; it is rounded once
// with the policy's rounding (half-up to the fen by default), and
// Deductible = min(spending, cap), NonDeductible = spending − Deductible.
// The rules are those in force on 31 December of year: 42号 (issued
// 2014-12-05) therefore covers 2014, and an earlier year is an error
// wrapping [dangjian.ErrNoRule]. Negative amounts, a bad rounding or a bad
// local rate are errors naming the field; every problem is reported.
//
// NonPublicDeduction is safe for concurrent use.
func NonPublicDeduction(year int, payroll, spending funding.Money, policy NonPublicPolicy) (FundResult, error) {
	f := &funderr.Errs{}
	f.Year("year", year)
	f.NonNegative("payroll", payroll)
	f.NonNegative("spending", spending)
	rnd := funderr.RoundingOrDefault(policy.Rounding)
	f.Rounding("policy.rounding", rnd)
	rules := entRulesOrDefault(policy.Rules)
	checkRules(f, "policy.rules", rules)
	if policy.ProvisionRate.Decimal().Sign() < 0 {
		f.Add("policy.provisionRate", policy.ProvisionRate.String(), funding.ErrRateOutOfRange, "must be above 0")
	}
	if !policy.ProvisionRate.IsZero() && policy.Jurisdiction == "" {
		f.Add("policy.jurisdiction", "", funding.ErrBadPolicy, "a provision rate needs the jurisdiction whose rule allows it")
	}
	if policy.ProvisionRate.IsZero() && policy.Jurisdiction != "" {
		f.Add("policy.provisionRate", "0", funding.ErrRateOutOfRange, "a jurisdiction is given without its rate")
	}
	if err := f.Err(); err != nil {
		return FundResult{}, err
	}

	on := funderr.YearEnd(year)
	capRule, ok := pickRule(f, "year", strconv.Itoa(year), rules, NonPublicDeductionCap, on, "")
	var local Rule
	if ok && !policy.ProvisionRate.IsZero() {
		var lok bool
		local, lok = pickRule(f, "policy.jurisdiction", policy.Jurisdiction, rules, LocalProvisionRate, on, policy.Jurisdiction)
		if lok {
			if policy.ProvisionRate.Cmp(local.Rate) > 0 {
				f.Add("policy.provisionRate", policy.ProvisionRate.String(), funding.ErrRateOutOfRange,
					fmt.Sprintf("above the ceiling %s of %s", local.Rate.String(), local.ID))
			}
			if policy.ProvisionRate.Cmp(capRule.Rate) > 0 {
				f.Add("policy.provisionRate", policy.ProvisionRate.String(), funding.ErrRateOutOfRange,
					fmt.Sprintf("above the national cap %s of %s", capRule.Rate.String(), capRule.ID))
			}
		}
	}
	if err := f.Err(); err != nil {
		return FundResult{}, err
	}

	c := &entCalc{r: rnd}
	capExact, capAmt := c.mul(payroll, capRule.Rate)
	deductible := spending.Min(capAmt)
	nonDeductible := c.sub(spending, deductible)
	res := FundResult{
		Year: year, On: on, Payroll: payroll, Spending: spending,
		Rule: capRule.ID, CapRate: capRule.Rate, Cap: capAmt,
		Deductible: deductible, NonDeductible: nonDeductible, Rounding: rnd,
	}
	res.Trace = []funding.Step{
		{What: "on", Value: on.String(), Note: yearEndNote},
		{What: "cap", Rule: capRule.ID, Formula: "payroll × capRate",
			Inputs: map[string]string{"payroll": payroll.String(), "capRate": capRule.Rate.String()},
			Exact:  capExact.String(), Rounding: funderr.PtrRounding(rnd), Value: capAmt.String()},
		{What: "deductible", Rule: capRule.ID, Formula: "min(spending, cap)",
			Inputs: map[string]string{"spending": spending.String(), "cap": capAmt.String()}, Value: deductible.String()},
		{What: "nonDeductible", Rule: capRule.ID, Formula: "spending − deductible",
			Inputs: map[string]string{"spending": spending.String(), "deductible": deductible.String()}, Value: nonDeductible.String()},
	}
	if !policy.ProvisionRate.IsZero() {
		provExact, prov := c.mul(payroll, policy.ProvisionRate)
		res.Provision, res.ProvisionRule = funderr.PtrMoney(prov), local.ID
		res.Trace = append(res.Trace, funding.Step{What: "provision", Rule: local.ID, Formula: "payroll × provisionRate",
			Inputs: map[string]string{"payroll": payroll.String(), "provisionRate": policy.ProvisionRate.String()},
			Exact:  provExact.String(), Rounding: funderr.PtrRounding(rnd), Value: prov.String(),
			Note: "the rate " + policy.Jurisdiction + " sets within the national cap; the deduction cap is unchanged"})
	}
	if c.err != nil {
		return FundResult{}, funderr.Problem("payroll", payroll.String(), c.err, "")
	}
	return res, nil
}

// SOEYear is one year of a state-owned enterprise's party work funds: the
// inputs of [SOEFunds].
type SOEYear struct {
	Year int `json:"year"`
	// PriorPayroll is the prior year's total wages (上年度职工工资总额): the
	// base of the allocation and of the 2 % stop.
	PriorPayroll funding.Money `json:"priorPayroll"`
	// Payroll is the year's total wages and salaries (职工年度工资薪金总额):
	// the base of the deduction cap.
	Payroll funding.Money `json:"payroll"`
	// Spending is the year's actual spending on party work (实际支出).
	Spending funding.Money `json:"spending"`
	// OtherSources is money from channels other than management expenses
	// (党费留存, 财政支持) available for the year's spending. It is spent
	// first (see [SOEFunds]); what it does not spend stays in its own
	// account and is not carried in this ledger.
	OtherSources funding.Money `json:"otherSources"`
	// Opening is the carry-forward at the start of the year. Nil on the
	// first year means 0.00 (a new ledger); nil on a later year means the
	// previous year's closing. A value on a later year must equal that
	// closing.
	Opening *funding.Money `json:"opening,omitempty"`
}

// SOEPolicy configures [SOEFunds]. The zero SOEPolicy uses
// [Rules] and [funding.DefaultRounding].
type SOEPolicy struct {
	// Rules is the rule table; nil means [Rules].
	Rules []Rule `json:"rules,omitempty"`
	// Rounding rounds the allocation and the deduction cap (each once);
	// the zero Rounding means [funding.DefaultRounding].
	Rounding funding.Rounding `json:"rounding"`
}

// SOEYearResult is one year of the ledger computed by [SOEFunds], with its
// trace (one step per field).
type SOEYearResult struct {
	Year int `json:"year"`
	// On is the date the rules were chosen for: 31 December of Year.
	On dangjian.Date `json:"on"`
	// Rules lists the IDs of the rules applied.
	Rules []string `json:"rules"`
	// Opening is the carry-forward at the start of the year.
	Opening funding.Money `json:"opening"`
	// StopApplied reports that Opening exceeded 2 % of PriorPayroll, so
	// nothing was allocated (38号 二).
	StopApplied bool `json:"stopApplied"`
	// Allocation is what management expenses provide: under 38号, the
	// budgeted PriorPayroll × 1 % (0 when stopped); under the 1989 rule,
	// the shortfall after retained dues.
	Allocation funding.Money `json:"allocation"`
	// OtherSourcesUsed is the part of Spending paid from other sources;
	// OtherSourcesUnspent what they did not need.
	OtherSourcesUsed    funding.Money `json:"otherSourcesUsed"`
	OtherSourcesUnspent funding.Money `json:"otherSourcesUnspent"`
	// Charged is the spending charged to management expenses
	// (纳入管理费用的实际支出): Spending − OtherSourcesUsed.
	Charged funding.Money `json:"charged"`
	// Overspend is the part of Charged beyond Opening + Allocation: still
	// an expense of the year, but not covered by the funds (38号 does not
	// say how it is met). Zero under the 1989 rule.
	Overspend funding.Money `json:"overspend"`
	// Closing is the carry-forward into the next year.
	Closing funding.Money `json:"closing"`
	// DeductionCap, Deductible and NonDeductible apply the 1 % cap on
	// Payroll to Charged; nil where no deduction rule is in force (years
	// under the 1989 rule).
	DeductionCap  *funding.Money `json:"deductionCap,omitempty"`
	Deductible    *funding.Money `json:"deductible,omitempty"`
	NonDeductible *funding.Money `json:"nonDeductible,omitempty"`
	// Rounding is the rounding applied to Allocation and DeductionCap.
	Rounding funding.Rounding `json:"rounding"`
	Trace    []funding.Step   `json:"trace"`
}

// SOEFunds runs a multi-year ledger of a state-owned enterprise's party
// work funds under 组通字〔2017〕38号 (and, for years before it, the 1989
// rule). Years must be consecutive. For each year, with the rules in force
// on its 31 December:
//
// Under 38号:
//   - stop: the opening carry-forward exceeds PriorPayroll × 2 % (strictly
//     greater, compared exactly, not rounded);
//   - allocation = PriorPayroll × 1 %, rounded once, or 0 when stopped;
//   - other sources are spent first (38号 names the channels but no order;
//     the 1989 rule put retained dues first); the rest of the spending is
//     charged to management expenses and met from opening + allocation;
//     any excess is reported as Overspend;
//   - closing = opening + allocation − what the funds met (never negative);
//   - deductible = min(charged, Payroll × 1 % rounded once); the rest of
//     the charged spending is not deductible.
//
// Under the 1989 rule (〔89〕组通2号, until 38号): the spending is met from
// retained dues (OtherSources) first and the shortfall from management
// expenses (Allocation); nothing is carried forward and no deduction rule is
// in the reference, so the deduction fields are nil.
//
// Bad inputs (negative amounts, a gap between years, an opening that
// differs from the previous closing, a year no rule covers) are errors
// naming the field path; every problem is reported. SOEFunds never
// modifies years and is safe for concurrent use.
func SOEFunds(years []SOEYear, policy SOEPolicy) ([]SOEYearResult, error) {
	f := &funderr.Errs{}
	rnd := funderr.RoundingOrDefault(policy.Rounding)
	f.Rounding("policy.rounding", rnd)
	rules := entRulesOrDefault(policy.Rules)
	checkRules(f, "policy.rules", rules)
	for i, y := range years {
		p := "years[" + strconv.Itoa(i) + "]"
		f.Year(p+".year", y.Year)
		if i > 0 && y.Year != years[i-1].Year+1 {
			f.Add(p+".year", strconv.Itoa(y.Year), ErrLedgerChain, fmt.Sprintf("want %d, the year after years[%d]", years[i-1].Year+1, i-1))
		}
		f.NonNegative(p+".priorPayroll", y.PriorPayroll)
		f.NonNegative(p+".payroll", y.Payroll)
		f.NonNegative(p+".spending", y.Spending)
		f.NonNegative(p+".otherSources", y.OtherSources)
		if y.Opening != nil {
			f.NonNegative(p+".opening", *y.Opening)
		}
	}
	if err := f.Err(); err != nil {
		return nil, err
	}

	out := make([]SOEYearResult, 0, len(years))
	var prevClosing funding.Money
	prevOK := true // whether prevClosing was computed
	for i, y := range years {
		p := "years[" + strconv.Itoa(i) + "]"
		on := funderr.YearEnd(y.Year)
		opening, openNote := prevClosing, "the closing of the previous year"
		if i == 0 {
			opening, openNote = funding.Money{}, "no opening given: the ledger starts at 0.00"
		}
		if y.Opening != nil {
			if i > 0 && prevOK && *y.Opening != prevClosing {
				f.Add(p+".opening", y.Opening.String(), ErrLedgerChain,
					fmt.Sprintf("the closing of years[%d] is %s", i-1, prevClosing))
			}
			opening, openNote = *y.Opening, "given"
		}
		var r SOEYearResult
		var ok bool
		alloc := entInForce(rules, SOEAllocation, on, "")
		dues := entInForce(rules, DuesFirst, on, "")
		switch {
		case len(alloc) == 1 && len(dues) == 0:
			r, ok = soeYear38(f, p, y, on, opening, rules, alloc[0], rnd)
		case len(alloc) == 0 && len(dues) == 1:
			if !opening.IsZero() {
				f.Add(p+".opening", opening.String(), ErrLedgerChain, "the 1989 rule ("+dues[0].ID+") keeps no carry-forward")
			}
			r, ok = soeYear1989(f, p, y, on, dues[0], rnd)
		case len(alloc)+len(dues) == 0:
			f.Add(p+".year", strconv.Itoa(y.Year), dangjian.ErrNoRule, "no SOE funding rule in force on "+on.String())
		default:
			f.Add(p+".year", strconv.Itoa(y.Year), funding.ErrBadPolicy, "several SOE funding rules in force on "+on.String())
		}
		prevOK = ok
		if !ok {
			prevClosing = funding.Money{}
			continue
		}
		r.Trace = append([]funding.Step{
			{What: "on", Value: on.String(), Note: yearEndNote},
			{What: "opening", Value: opening.String(), Note: openNote},
		}, r.Trace...)
		prevClosing = r.Closing
		out = append(out, r)
	}
	if err := f.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// soeYear38 computes one year under 组通字〔2017〕38号.
func soeYear38(f *funderr.Errs, p string, y SOEYear, on dangjian.Date, opening funding.Money, rules []Rule, alloc Rule, rnd funding.Rounding) (SOEYearResult, bool) {
	yv := strconv.Itoa(y.Year)
	ded, ok1 := pickRule(f, p+".year", yv, rules, SOEDeductionCap, on, "")
	stop, ok2 := pickRule(f, p+".year", yv, rules, SOECarryStop, on, "")
	carry, ok3 := pickRule(f, p+".year", yv, rules, SOECarryForward, on, "")
	if !ok1 || !ok2 || !ok3 {
		return SOEYearResult{}, false
	}
	c := &entCalc{r: rnd}
	threshold := y.PriorPayroll.Decimal().Mul(stop.Rate.Decimal())
	stopped := opening.Decimal().Cmp(threshold) > 0
	allocExact, allocation := c.mul(y.PriorPayroll, alloc.Rate)
	allocStep := funding.Step{What: "allocation", Rule: alloc.ID, Formula: "priorPayroll × allocationRate",
		Inputs: map[string]string{"priorPayroll": y.PriorPayroll.String(), "allocationRate": alloc.Rate.String()},
		Exact:  allocExact.String(), Rounding: funderr.PtrRounding(rnd), Value: allocation.String()}
	if stopped {
		allocation = funding.Money{}
		allocStep = funding.Step{What: "allocation", Rule: stop.ID, Value: allocation.String(),
			Note: "no allocation from management expenses: the carry-forward exceeds " + stop.Rate.String() + " of the prior year's wages"}
	}
	used := y.Spending.Min(y.OtherSources)
	unspent := c.sub(y.OtherSources, used)
	charged := c.sub(y.Spending, used)
	available := c.add(opening, allocation)
	met := charged.Min(available)
	overspend := c.sub(charged, met)
	closing := c.sub(available, met)
	capExact, capAmt := c.mul(y.Payroll, ded.Rate)
	deductible := charged.Min(capAmt)
	nonDeductible := c.sub(charged, deductible)
	if c.err != nil {
		f.Add(p, yv, c.err, "")
		return SOEYearResult{}, false
	}
	r := SOEYearResult{
		Year: y.Year, On: on, Rules: []string{alloc.ID, stop.ID, carry.ID, ded.ID},
		Opening: opening, StopApplied: stopped, Allocation: allocation,
		OtherSourcesUsed: used, OtherSourcesUnspent: unspent, Charged: charged, Overspend: overspend,
		Closing: closing, DeductionCap: funderr.PtrMoney(capAmt), Deductible: funderr.PtrMoney(deductible), NonDeductible: funderr.PtrMoney(nonDeductible),
		Rounding: rnd,
	}
	r.Trace = []funding.Step{
		{What: "stop", Rule: stop.ID, Formula: "opening > priorPayroll × stopRate",
			Inputs: map[string]string{"opening": opening.String(), "priorPayroll": y.PriorPayroll.String(), "stopRate": stop.Rate.String()},
			Exact:  threshold.String(), Value: strconv.FormatBool(stopped),
			Note: "compared exactly with the unrounded threshold; equal is not more"},
		allocStep,
		{What: "otherSourcesUsed", Rule: alloc.ID, Formula: "min(spending, otherSources)",
			Inputs: map[string]string{"spending": y.Spending.String(), "otherSources": y.OtherSources.String()}, Value: used.String(),
			Note: "other sources are spent first (38号 gives no order; the 1989 rule put retained dues first)"},
		{What: "otherSourcesUnspent", Rule: alloc.ID, Formula: "otherSources − otherSourcesUsed", Value: unspent.String(),
			Note: "stays in its own account; not carried in this ledger"},
		{What: "charged", Rule: ded.ID, Formula: "spending − otherSourcesUsed",
			Inputs: map[string]string{"spending": y.Spending.String(), "otherSourcesUsed": used.String()}, Value: charged.String()},
		{What: "overspend", Rule: alloc.ID, Formula: "charged − min(charged, opening + allocation)",
			Inputs: map[string]string{"charged": charged.String(), "opening": opening.String(), "allocation": allocation.String()}, Value: overspend.String()},
		{What: "closing", Rule: carry.ID, Formula: "opening + allocation − min(charged, opening + allocation)",
			Inputs: map[string]string{"opening": opening.String(), "allocation": allocation.String(), "charged": charged.String()}, Value: closing.String()},
		{What: "deductionCap", Rule: ded.ID, Formula: "payroll × capRate",
			Inputs: map[string]string{"payroll": y.Payroll.String(), "capRate": ded.Rate.String()},
			Exact:  capExact.String(), Rounding: funderr.PtrRounding(rnd), Value: capAmt.String()},
		{What: "deductible", Rule: ded.ID, Formula: "min(charged, deductionCap)",
			Inputs: map[string]string{"charged": charged.String(), "deductionCap": capAmt.String()}, Value: deductible.String()},
		{What: "nonDeductible", Rule: ded.ID, Formula: "charged − deductible", Value: nonDeductible.String()},
	}
	return r, true
}

// soeYear1989 computes one year under 〔89〕组通2号: retained dues first, the
// shortfall from management expenses, nothing carried.
func soeYear1989(f *funderr.Errs, p string, y SOEYear, on dangjian.Date, rule Rule, rnd funding.Rounding) (SOEYearResult, bool) {
	c := &entCalc{r: rnd}
	used := y.Spending.Min(y.OtherSources)
	unspent := c.sub(y.OtherSources, used)
	charged := c.sub(y.Spending, used)
	if c.err != nil {
		f.Add(p, strconv.Itoa(y.Year), c.err, "")
		return SOEYearResult{}, false
	}
	r := SOEYearResult{
		Year: y.Year, On: on, Rules: []string{rule.ID},
		Allocation: charged, OtherSourcesUsed: used, OtherSourcesUnspent: unspent, Charged: charged,
		Rounding: rnd,
	}
	r.Trace = []funding.Step{
		{What: "otherSourcesUsed", Rule: rule.ID, Formula: "min(spending, otherSources)",
			Inputs: map[string]string{"spending": y.Spending.String(), "otherSources": y.OtherSources.String()}, Value: used.String(),
			Note: "retained dues first"},
		{What: "otherSourcesUnspent", Rule: rule.ID, Formula: "otherSources − otherSourcesUsed", Value: unspent.String()},
		{What: "charged", Rule: rule.ID, Formula: "spending − otherSourcesUsed", Value: charged.String()},
		{What: "allocation", Rule: rule.ID, Formula: "charged", Value: charged.String(),
			Note: "the shortfall is met from management expenses"},
		{What: "closing", Rule: rule.ID, Value: "0.00", Note: "the 1989 rule keeps no carry-forward"},
		{What: "deductible", Value: "not computed", Note: "no deduction rule for this year in the reference: not computed"},
	}
	return r, true
}
