package catalogue

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/dues"
	"github.com/dangjian-go/dangjian/funding/enterprise"
	"github.com/dangjian-go/dangjian/funding/remit"
	"github.com/dangjian-go/dangjian/funding/standard"
	"github.com/dangjian-go/dangjian/funding/tax"
	"github.com/dangjian-go/dangjian/place/xiamen"
	"github.com/dangjian-go/dangjian/place/yanji"
)

// funding catalogues the dues rule sets, the tax rules, the remittance
// shares, the enterprise funds rules, the village floors, Yanji's standards
// and Xiamen's ladder.
func (c *collector) funding() {
	for _, d := range []struct {
		table string
		rules dues.Rules
	}{{"dues.Rules2008", dues.Rules2008()}, {"dues.Rules2017", dues.Rules2017()}} {
		c.dues(d.table, d.rules)
	}
	c.tax(tax.NationalRules())
	shares := remit.Rules()
	if err := dangjian.CheckRules(shares, func(s remit.Share) string { return s.Topic }); err != nil {
		c.fail("remit.Rules: %w", err)
	}
	for _, s := range shares {
		c.add(remitShare(s, "remit.Rules"))
	}
	yjShares := yanji.RemitRules()
	if err := dangjian.CheckRules(yjShares, func(s remit.Share) string { return s.Topic }); err != nil {
		c.fail("yanji.RemitRules: %w", err)
	}
	for _, s := range yjShares[len(shares):] { // the national table comes first, unchanged
		c.add(remitShare(s, "yanji.RemitRules"))
	}
	ent := enterprise.Rules()
	if err := dangjian.CheckRules(ent, func(r enterprise.Rule) string { return r.Topic }); err != nil {
		c.fail("enterprise.Rules: %w", err)
	}
	for _, r := range ent {
		c.add(enterpriseRule(r))
	}
	floors := standard.VillageFloors()
	if err := standard.ValidateFloors(floors); err != nil {
		c.fail("standard.VillageFloors: %w", err)
	}
	for _, f := range floors {
		c.add(floor(f))
	}
	std := yanji.Standards()
	if err := std.Check(); err != nil {
		c.fail("yanji.Standards: %w", err)
	}
	for _, s := range std.Items {
		c.add(standardEntry(s, "yanji.Standards", std.Jurisdiction))
	}
	xm := xiamen.Ladder2009()
	if err := xm.Validate(); err != nil {
		c.fail("xiamen.Ladder2009: %w", err)
	}
	c.add(ladder(xm, "xiamen.Ladder2009"))
}

func yuan(m funding.Money) string { return m.String() + " 元" }

func (c *collector) dues(table string, rs dues.Rules) {
	if err := dangjian.CheckRules(rs.Rules(), nil); err != nil {
		c.fail("%s: %w", table, err)
	}
	e := func(family string, h dangjian.Rule) Entry {
		return header(Entry{Area: "funding", Family: family, Table: table}, h)
	}
	for _, b := range rs.Brackets {
		x := e("Dues scales", b.Rule)
		if b.Open {
			x.Value = "above the previous bracket: " + b.Rate.Percent() + " of the whole base"
		} else {
			x.Value = "base up to " + yuan(b.UpTo) + " inclusive: " + b.Rate.Percent() + " of the whole base"
		}
		x.Scope = "scale " + b.Scale.String()
		c.add(x)
	}
	for _, f := range rs.Flats {
		x := e("Dues flat amounts", f.Rule)
		x.Value = yuan(f.Amount) + " a month"
		if !f.Min.IsZero() || !f.Max.IsZero() {
			x.Value += fmt.Sprintf(" (the branch chooses within %s–%s)", f.Min, f.Max)
		}
		x.Scope = "categories " + list(f.Categories)
		c.add(x)
	}
	b := e("Dues base", rs.Base.Rule)
	b.Value = "deducts " + list(rs.Base.Deducts)
	c.add(b)
	for _, it := range rs.Base.Items {
		x := e("Dues base", it.Rule)
		x.Value = "counts " + list(it.Kinds)
		x.Scope = "employer " + it.Employer.String()
		c.add(x)
	}
	cp := e("Dues cap", rs.Cap.Rule)
	if rs.Cap.On {
		cp.Value = "at most " + yuan(rs.Cap.Amount) + " a month; voluntary payments above it allowed"
	} else {
		cp.Value = "no cap"
	}
	cp.Modality = modality(rs.Cap.Modality)
	c.add(cp)
	pv := rs.Provisions
	for _, p := range []struct {
		role string
		p    dues.Provision
		unit string
	}{
		{"self_employed", pv.SelfEmployed, "months' average income"},
		{"annual_salary", pv.AnnualSalary, ""},
		{"probationary", pv.Probationary, ""},
		{"hardship", pv.Hardship, ""},
		{"hardship_retiree", pv.HardshipRetiree, ""},
		{"lump_sum", pv.LumpSum, "fen"},
		{"back_pay", pv.BackPay, "months at most"},
		{"lapse", pv.Lapse, "consecutive unpaid months"},
		{"refix", pv.Refix, ""},
		{"mobile", pv.Mobile, ""},
	} {
		if p.p.ID == "" {
			continue // a provision the set does not have (the 2008 rules' branch-only reduction)
		}
		x := e("Dues provisions", p.p.Rule)
		x.Wording = p.p.Text
		x.Value = p.role
		switch {
		case p.unit == "fen":
			x.Value += ": " + yuan(funding.Fen(p.p.N)) + " or more"
		case p.p.N != 0 || p.unit != "":
			x.Value += ": " + strconv.FormatInt(p.p.N, 10) + " " + p.unit
		}
		c.add(x)
	}
	if rs.RoundingRule.ID != "" {
		x := e("Dues rounding", rs.RoundingRule)
		x.Value = "the monthly amount, once: " + rs.Rounding.String()
		c.add(x)
	}
}

func (c *collector) tax(r tax.Rules) {
	const table = "tax.NationalRules"
	if err := r.Check(); err != nil {
		c.fail("%s: %w", table, err)
	}
	e := func(family string, h dangjian.Rule, value string) Entry {
		x := header(Entry{Area: "funding", Family: family, Table: table}, h)
		x.Value = value
		return x
	}
	for _, h := range r.Method {
		c.add(e("Tax method", h, "cumulative withholding (累计预扣法)"))
	}
	for _, h := range r.NoRefund {
		c.add(e("Tax method", h, "a negative amount due is withheld as 0.00"))
	}
	for _, b := range r.Brackets {
		var v string
		if b.Open {
			v = "above " + b.Over.String()
		} else {
			v = "above " + b.Over.String() + " up to " + b.UpTo.String()
		}
		x := e("Tax rate tables", b.Rule, v+": "+b.Rate.Percent()+", quick deduction "+b.QuickDeduction.String())
		x.Scope = fmt.Sprintf("table %s, level %d", b.Table, b.Level)
		c.add(x)
	}
	for _, set := range []struct {
		who  string
		rows []tax.BasicDeduction
	}{{"residents (per month employed)", r.Basic}, {"non-residents (from each month's wages)", r.NonResidentBasic}} {
		for _, b := range set.rows {
			x := e("Tax deductions", b.Rule, yuan(b.Monthly)+" a month")
			x.Scope = "basic deduction, " + set.who
			c.add(x)
		}
	}
	for _, h := range r.FirstWage {
		x := e("Tax deductions", h, "the cumulative basic deduction counts the monthly amount × the month's number (from January)")
		x.Scope = "basic deduction, residents whose first wage income of the year is with this employer (first_wage_income_this_year)"
		c.add(x)
	}
	for _, b := range r.LowIncome {
		x := e("Tax deductions", b.Rule, "the cumulative basic deduction is "+yuan(b.Annual)+" in every month from January")
		x.Scope = "basic deduction, residents paid by this employer every month of last year with at most 60000 (prior_year_low_income)"
		c.add(x)
	}
	for _, a := range r.Additional {
		v := yuan(a.Monthly) + " a month"
		if !a.ShareCap.IsZero() {
			v += ", each sibling's share at most " + yuan(a.ShareCap)
		}
		if a.Splittable {
			v += ", 100 % by one or 50 % by each"
		}
		x := e("Tax deductions", a.Rule, v)
		x.Scope = parts("item "+a.Item.String(), labelled("tier", a.Tier.String()))
		c.add(x)
	}
	for _, h := range r.BonusSeparate {
		c.add(e("Tax bonus", h, "the 全年一次性奖金 may be taxed separately on the monthly table (bonus ÷ 12)"))
	}
	c.add(e("Tax rounding", r.Rounding.Rule, r.Rounding.Rounding.String()))
}

func remitShare(s remit.Share, table string) Entry {
	x := header(Entry{Area: "funding", Family: "Remittance of dues", Table: table, Wording: s.Text}, s.Rule)
	rate := s.Rate.Percent() + " of the " + s.Base.String()
	if s.Rate.IsZero() {
		rate = "rate not given (0 until the caller sets it), of the " + s.Base.String()
	}
	x.Value = rate + ", to " + s.To
	if s.DueMonth != 0 {
		x.Value += fmt.Sprintf(", due by the end of month %d of the next year", s.DueMonth)
	}
	x.Scope = "kind " + s.Kind.String()
	return x
}

func enterpriseRule(r enterprise.Rule) Entry {
	x := header(Entry{Area: "funding", Family: "Enterprise party work funds", Table: "enterprise.Rules",
		Modality: modality(r.Modality), Wording: r.Text}, r.Rule)
	x.Value = r.Kind.String()
	if !r.Rate.IsZero() {
		x.Value += ": " + r.Rate.Percent() + " of the wage total"
	}
	x.Scope = labelled("jurisdiction", r.Jurisdiction)
	return x
}

func floor(f standard.Floor) Entry {
	x := header(Entry{Area: "funding", Family: "Village funds and pay floors", Table: "standard.VillageFloors",
		Modality: modality(f.Modality), Wording: f.Text}, f.Rule)
	var income string
	if !f.Multiplier.IsZero() {
		income = "at least " + f.Multiplier.String() + " × the county's prior-year rural per-capita disposable income"
		if !f.Ratio.IsZero() {
			income += " × " + f.Ratio.String()
		}
		income += " (rounded " + f.Rounding.String() + ")"
	}
	var year, month string
	if !f.MinPerYear.IsZero() {
		year = "at least " + yuan(f.MinPerYear) + " a year"
	}
	if !f.MinPerMonth.IsZero() {
		month = "at least " + yuan(f.MinPerMonth) + " a month"
	}
	var avg string
	if f.Average {
		avg = "an average over units"
	}
	x.Value = parts(income, year, month, avg)
	post := f.Post.String()
	x.Scope = parts("jurisdiction "+f.Jurisdiction, "item "+f.Code.String(), labelled("post", post))
	return x
}

func standardEntry(s standard.Standard, table, jurisdiction string) Entry {
	x := header(Entry{Area: "funding", Family: "Funding and pay standards", Table: table, Wording: s.Text}, s.Rule)
	v := yuan(s.Amount)
	if s.LowerBound {
		v = "more than " + v
	}
	v += ", " + s.Per.String()
	if s.Years != 0 {
		v += fmt.Sprintf(" over %d years", s.Years)
	}
	if s.Average {
		v += " (an average over units)"
	}
	if r := s.Reading; r != nil {
		alts := make([]string, len(r.Alternatives))
		for i, a := range r.Alternatives {
			alts[i] = a.String()
		}
		v += " (a reading: the " + r.Unstated + " not stated; also read as " + strings.Join(alts, ", ") + ")"
	}
	x.Value = v
	x.Scope = parts("jurisdiction "+jurisdiction, "item "+s.Code.String())
	return x
}

func ladder(l standard.Ladder, table string) Entry {
	x := header(Entry{Area: "funding", Family: "Community-worker pay ladders", Table: table}, l.Rule)
	var table2 string
	if len(l.Steps) > 0 {
		steps := make([]string, len(l.Steps))
		for i, s := range l.Steps {
			steps[i] = s.String()
		}
		table2 = "monthly steps " + strings.Join(steps, ", ") + " 元"
	} else {
		cs := make([]string, len(l.Coefficients))
		for i, c := range l.Coefficients {
			cs[i] = c.String()
		}
		table2 = "base " + yuan(l.Base) + " × coefficients " + strings.Join(cs, ", ") + " (rounded " + l.Rounding.String() + ")"
	}
	lv := l.Levels
	levels := fmt.Sprintf("levels head %d–%d, deputy %d–%d, staff %d–%d",
		lv.Head.Low, lv.Head.High, lv.Deputy.Low, lv.Deputy.High, lv.Staff.Low, lv.Staff.High)
	var deg string
	if d := l.Degrees; d != (standard.DegreeCredits{}) {
		unit := "levels"
		if d.AsYears {
			unit = "years"
		}
		deg = fmt.Sprintf("degree credits bachelor %d, master %d, doctor %d %s", d.Bachelor, d.Master, d.Doctor, unit)
	}
	x.Value = parts(table2, fmt.Sprintf("one step every %d years", l.YearsPerStep), levels, deg)
	x.Scope = l.Name
	return x
}
