package money

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding/dues"
	"github.com/dangjian-go/dangjian/internal/conformgen/vecfile"
	"github.com/dangjian-go/dangjian/internal/csvtable"
)

// RosterColumns are the roster columns a dues vector file may carry, in
// the order the files give them, named as dues.ReadRoster reads them.
var RosterColumns = []string{
	"id", "name", "category", "base", "months", "employer",
	"position_wage", "grade_wage", "post_wage", "scale_wage", "basic_wage", "skill_wage",
	"work_allowance", "living_allowance", "post_allowance", "basic_performance", "incentive_performance",
	"performance_pay", "regular_bonus", "irregular_bonus", "one_off_bonus", "special_allowance",
	"reform_subsidy", "insurance_subsidy", "health_subsidy", "overtime", "meal_subsidy",
	"basic_pension", "pension_allowance",
	"income_tax", "pension", "medical", "unemployment", "housing_fund", "annuity",
	"probationary_since", "flat_amount", "voluntary",
	"reduction", "reduction_by", "reduction_on", "reduction_branch_on", "paying_org",
}

// DuesExpected are the expected-value columns of a dues vector file.
var DuesExpected = []string{
	"expected_base", "expected_rate", "expected_dues", "expected_rule", "expected_total", "expected_flags", "expected_problem",
}

// PayingOrgExpected is the expected-value column a dues vector file has
// when its roster has the paying_org column (a mobile member paying at the
// inflow organization, DUES-MOBILE-INFLOW): the organization that
// collected the dues, empty for the roster's own.
const PayingOrgExpected = "expected_paying_org"

// SummaryColumns are the columns of a dues summary file
// (dues/summary/*.csv): the ledger summary of a vector file's roster, one
// row for the roster's own organization (case "own") and one per
// organization that collected some of its members' dues (case
// "paid_at:<org>", LedgerSummary.PaidElsewhere).
var SummaryColumns = []string{
	"case", "date", "rule_set", "org", "expected_members", "expected_member_ids",
	"expected_dues", "expected_voluntary", "expected_total", "expected_lump_sum",
	vecfile.RulesColumn, vecfile.RuleSetColumn,
}

// duesVec is one dues vector: its case name (also the member's id) and
// its roster cells by column.
type duesVec struct {
	name  string
	cells map[string]string
}

func v(name string, kv ...string) duesVec {
	c := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		c[kv[i]] = kv[i+1]
	}
	return duesVec{name, c}
}

// duesFile is one file: a month, the rule set in force, the vectors.
type duesFile struct {
	path, date, ruleSet string
	vecs                []duesVec
	summary             bool // also write dues/summary/<file>: the ledger summary of the computed rows
}

const (
	date2008 = "2016-06-01" // a month of the 2008 rules
	date2017 = "2024-06-01" // a month of the 2017 rules
)

func duesFiles(ruleset string) (map[string][]byte, error) {
	out := map[string][]byte{}
	files := []duesFile{
		{"dues/brackets-2008.csv", date2008, "2008", bracketVecs(), false},
		{"dues/brackets-2017.csv", date2017, "2017", bracketVecs(), false},
		{"dues/payslips-2008.csv", date2008, "2008", payslipVecs(), false},
		{"dues/payslips-2017.csv", date2017, "2017", payslipVecs(), false},
		{"dues/provisions-2008.csv", date2008, "2008", provisionVecs(date2008[:4]), false},
		{"dues/provisions-2017.csv", date2017, "2017", provisionVecs(date2017[:4]), false},
		{"dues/whole-yuan-2017.csv", date2017, "2017", wholeYuanVecs(), false},
		{"dues/mobile-2008.csv", date2008, "2008", mobileVecs(date2008[:4]), true},
		{"dues/mobile-2017.csv", date2017, "2017", mobileVecs(date2017[:4]), true},
	}
	for _, f := range files {
		vec, roster, summary, err := f.render(ruleset)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.path, err)
		}
		out[f.path] = vec
		out["dues/roster/"+f.path[len("dues/"):]] = roster
		if f.summary {
			out["dues/summary/"+f.path[len("dues/"):]] = summary
		}
	}
	return out, nil
}

func bracketVecs() []duesVec {
	var vs []duesVec
	emp := func(base string) { vs = append(vs, v("employed-"+base, "category", "employed", "base", base)) }
	for _, b := range []string{"0.00", "0.01", "1.00", "1001.00", "2999.99", "3000.00", "3000.01", "3001.50",
		"4999.99", "5000.00", "5000.01", "5000.10", "6234.50", "9999.99", "10000.00", "10000.01",
		"49999.99", "50000.00", "50000.01", "50000.25", "50000.50", "100000.00"} {
		emp(b)
	}
	for _, b := range []string{"0.00", "3000.00", "4999.99", "5000.00", "5000.01", "5000.99", "120000.00"} {
		vs = append(vs, v("retired-"+b, "category", "retired", "base", b))
	}
	for _, b := range []string{"12000.00", "49999.99", "50000.01", "86000.00"} {
		vs = append(vs, v("annual_salary-"+b, "category", "annual_salary", "base", b))
	}
	for _, ms := range []string{"4200|3900|4651", "3000|3000|3000.01", "3000|3000|2999.99", "4999.99|5000.00|5000.02", "1000.01|1000.01|1000.02"} {
		vs = append(vs, v("self_employed-"+strings.ReplaceAll(ms, "|", "_"), "category", "self_employed", "months", ms))
	}
	vs = append(vs,
		v("farmer-default", "category", "farmer"),
		v("farmer-0.20", "category", "farmer", "flat_amount", "0.20"),
		v("farmer-0.50", "category", "farmer", "flat_amount", "0.50"),
		v("farmer-1.00", "category", "farmer", "flat_amount", "1.00"),
		v("student", "category", "student"),
		v("unemployed", "category", "unemployed"),
		v("low_income", "category", "low_income"),
	)
	return vs
}

func payslipVecs() []duesVec {
	return []duesVec{
		v("organ", "category", "employed", "employer", "organ", "position_wage", "1800", "grade_wage", "2200",
			"work_allowance", "1500", "living_allowance", "800", "reform_subsidy", "600",
			"income_tax", "85", "pension", "520", "medical", "130", "housing_fund", "780", "annuity", "260"),
		v("organ_worker", "category", "employed", "employer", "organ_worker", "post_wage", "2600", "skill_wage", "900",
			"work_allowance", "700", "living_allowance", "500", "special_allowance", "300", "overtime", "200",
			"income_tax", "12.30", "pension", "376", "medical", "94", "unemployment", "23.50", "housing_fund", "564"),
		v("public_institution", "category", "employed", "employer", "public_institution", "post_wage", "2800", "scale_wage", "1500",
			"basic_performance", "2000", "incentive_performance", "1200", "work_allowance", "600", "reform_subsidy", "500",
			"income_tax", "120.50", "pension", "560", "medical", "140", "unemployment", "35", "housing_fund", "720", "annuity", "280"),
		v("public_institution-edge", "category", "employed", "employer", "public_institution", "post_wage", "2000", "scale_wage", "1000",
			"basic_performance", "1500", "incentive_performance", "500.01", "income_tax", "0.01",
			"pension", "360", "medical", "90", "housing_fund", "50"),
		v("enterprise", "category", "employed", "employer", "enterprise", "basic_wage", "3000", "post_wage", "1500",
			"skill_wage", "600", "post_allowance", "400", "performance_pay", "1000", "regular_bonus", "800",
			"irregular_bonus", "2000", "one_off_bonus", "1500", "overtime", "300", "meal_subsidy", "200",
			"health_subsidy", "150", "insurance_subsidy", "100",
			"income_tax", "30", "pension", "440", "medical", "110", "unemployment", "27.50", "housing_fund", "600"),
		v("enterprise-high", "category", "employed", "employer", "enterprise", "basic_wage", "9000", "post_wage", "3000",
			"performance_pay", "2500", "regular_bonus", "1000", "one_off_bonus", "5000",
			"income_tax", "1245.67", "pension", "1240", "medical", "310", "unemployment", "77.50", "housing_fund", "1860", "annuity", "620"),
		v("pensioner", "category", "retired", "employer", "pensioner", "basic_pension", "5200", "pension_allowance", "800"),
		v("pensioner-edge", "category", "retired", "employer", "pensioner", "basic_pension", "4999.99", "pension_allowance", "0.02"),
	}
}

// provisionVecs are the provisions' cases for the month of June of year
// y (the file's month).
func provisionVecs(y string) []duesVec {
	return []duesVec{
		v("voluntary-999.99", "category", "employed", "base", "3000", "voluntary", "999.99"),
		v("lump_sum-1000.00", "category", "employed", "base", "3000", "voluntary", "1000.00"),
		v("lump_sum-1000.01", "category", "employed", "base", "3000", "voluntary", "1000.01"),
		v("lump_sum-farmer", "category", "farmer", "voluntary", "5000"),
		v("probationary-month-before", "category", "employed", "base", "4000", "probationary_since", y+"-05-31"),
		v("probationary-first-day", "category", "employed", "base", "4000", "probationary_since", y+"-06-01"),
		v("probationary-last-day", "category", "employed", "base", "4000", "probationary_since", y+"-06-30"),
		v("probationary-month-after", "category", "employed", "base", "4000", "probationary_since", y+"-07-01"),
		v("hardship-reduced", "category", "employed", "base", "4000", "reduction", "10.00", "reduction_by", "某街道党工委", "reduction_on", y+"-03-15"),
		v("hardship-both-steps", "category", "employed", "base", "4000", "reduction", "10.00", "reduction_by", "某街道党工委", "reduction_on", y+"-03-15", "reduction_branch_on", y+"-03-10"),
		v("hardship-branch-after-approval", "category", "employed", "base", "4000", "reduction", "10.00", "reduction_by", "某街道党工委", "reduction_on", y+"-03-15", "reduction_branch_on", y+"-03-20"),
		v("hardship-equal-to-dues", "category", "employed", "base", "4000", "reduction", "40.00", "reduction_by", "某街道党工委", "reduction_on", y+"-03-15"),
		v("hardship-above-dues", "category", "employed", "base", "4000", "reduction", "50.00", "reduction_by", "某街道党工委", "reduction_on", y+"-03-15"),
		v("hardship-exempt", "category", "employed", "base", "4000", "reduction", "0", "reduction_by", "某街道党工委", "reduction_on", y+"-03-15"),
		v("hardship-retired-upper", "category", "retired", "base", "3000", "reduction", "5.00", "reduction_by", "某街道党工委", "reduction_on", y+"-03-15"),
		v("hardship-retired-branch-only", "category", "retired", "base", "3000", "reduction", "5.00", "reduction_branch_on", y+"-03-10"),
		v("hardship-employed-branch-only", "category", "employed", "base", "4000", "reduction", "5.00", "reduction_branch_on", y+"-03-10"),
		// A reduction takes effect from the month it was decided: an
		// approval in the month, on its first or last day, reduces it; one
		// on the 1st of the next month does not (the month is due in full).
		v("hardship-approved-month-before", "category", "employed", "base", "4000", "reduction", "10.00", "reduction_by", "某街道党工委", "reduction_on", y+"-05-31"),
		v("hardship-approved-first-day", "category", "employed", "base", "4000", "reduction", "10.00", "reduction_by", "某街道党工委", "reduction_on", y+"-06-01"),
		v("hardship-approved-last-day", "category", "employed", "base", "4000", "reduction", "10.00", "reduction_by", "某街道党工委", "reduction_on", y+"-06-30"),
		v("hardship-approved-month-after", "category", "employed", "base", "4000", "reduction", "10.00", "reduction_by", "某街道党工委", "reduction_on", y+"-07-01"),
		v("hardship-exempt-month-after", "category", "employed", "base", "4000", "reduction", "0", "reduction_by", "某街道党工委", "reduction_on", y+"-07-01"),
		// A retired member's reduction on the branch's consent alone (from
		// 2017) takes effect from the branch's day; with an upper approval
		// recorded, from the approval's day.
		v("hardship-retired-branch-last-day", "category", "retired", "base", "3000", "reduction", "5.00", "reduction_branch_on", y+"-06-30"),
		v("hardship-retired-branch-month-after", "category", "retired", "base", "3000", "reduction", "5.00", "reduction_branch_on", y+"-07-01"),
		v("hardship-retired-upper-month-after", "category", "retired", "base", "3000", "reduction", "5.00", "reduction_by", "某街道党工委", "reduction_on", y+"-07-01", "reduction_branch_on", y+"-06-10"),
	}
}

// Organizations collecting a mobile member's dues (流入地党组织).
const (
	inflowA = "深圳市某街道流动党员党支部"
	inflowB = "苏州市某园区流动党员党支部"
)

// mobileVecs are the mobile members of a roster for the month of June of
// year y: members paying at the inflow organization (DUES-MOBILE-INFLOW),
// computed by the same rules as the roster's own, and counted there.
func mobileVecs(y string) []duesVec {
	return []duesVec{
		v("home-employed", "category", "employed", "base", "4000"),
		v("home-retired", "category", "retired", "base", "6000", "voluntary", "20"),
		v("home-lump-sum", "category", "employed", "base", "3000", "voluntary", "1500"),
		v("inflow-employed", "category", "employed", "base", "4000", "paying_org", inflowA),
		v("inflow-high", "category", "employed", "base", "60000", "paying_org", inflowA),
		v("inflow-lump-sum", "category", "employed", "base", "3000", "voluntary", "1000", "paying_org", inflowA),
		v("inflow-farmer", "category", "farmer", "flat_amount", "0.50", "paying_org", inflowB),
		v("inflow-reduced", "category", "employed", "base", "6000", "reduction", "10.00", "reduction_by", "某街道党工委", "reduction_on", y+"-03-15", "paying_org", inflowB),
		v("inflow-probationary", "category", "employed", "base", "4000", "probationary_since", y+"-07-01", "paying_org", inflowB),
	}
}

func wholeYuanVecs() []duesVec {
	vs := make([]duesVec, 0, 9001)
	for b := 1000; b <= 10000; b++ {
		vs = append(vs, v(fmt.Sprintf("y%d", b), "category", "employed", "base", fmt.Sprintf("%d.00", b)))
	}
	return vs
}

// render computes the file's vectors through the library and returns the
// vector file and the roster file (the roster columns alone).
func (f duesFile) render(ruleset string) (vec, roster, summary []byte, err error) {
	used := map[string]bool{"id": true, "name": true, "category": true}
	for _, x := range f.vecs {
		for c := range x.cells {
			if !slices.Contains(RosterColumns, c) {
				return nil, nil, nil, fmt.Errorf("case %s: unknown roster column %q", x.name, c)
			}
			used[c] = true
		}
	}
	var cols []string
	for _, c := range RosterColumns {
		if used[c] {
			cols = append(cols, c)
		}
	}
	// The roster, as examples/dues reads it.
	var rb []byte
	rb = appendRecord(rb, cols)
	for _, x := range f.vecs {
		rec := make([]string, len(cols))
		for i, c := range cols {
			switch c {
			case "id":
				rec[i] = x.name
			default:
				rec[i] = x.cells[c]
			}
		}
		rb = appendRecord(rb, rec)
	}
	rows, rerr := dues.ReadRoster(strings.NewReader(string(rb)))
	byID := map[string]dues.Member{}
	for _, r := range rows {
		byID[r.Member.ID] = r.Member
	}
	if rerr != nil {
		return nil, nil, nil, fmt.Errorf("roster: %w", rerr)
	}
	date := dangjian.MustParseDate(f.date)
	rs, err := dues.RulesFor(date)
	if err != nil {
		return nil, nil, nil, err
	}
	if rs.Name != f.ruleSet {
		return nil, nil, nil, fmt.Errorf("rules in force on %s are %s, not %s", f.date, rs.Name, f.ruleSet)
	}
	header := append(append([]string{"case", "date", "rule_set"}, cols...), DuesExpected...)
	if used["paying_org"] {
		header = append(header, PayingOrgExpected)
	}
	header = append(header, vecfile.RulesColumn, vecfile.RuleSetColumn)
	var computed []dues.Result
	t := vecfile.NewTable(ruleset, header...)
	for _, x := range f.vecs {
		cells := map[string]string{"case": x.name, "date": f.date, "rule_set": f.ruleSet}
		for _, c := range cols {
			cells[c] = x.cells[c]
		}
		cells["id"] = x.name
		for _, c := range DuesExpected {
			cells[c] = ""
		}
		if used["paying_org"] {
			cells[PayingOrgExpected] = ""
		}
		var rules []string
		{
			res, err := rs.Monthly(byID[x.name], date)
			if err != nil {
				var ps dangjian.Problems
				if !errors.As(err, &ps) || len(ps) == 0 {
					return nil, nil, nil, fmt.Errorf("case %s: %w", x.name, err)
				}
				cells["expected_problem"] = ps[0].Kind.Code()
				switch {
				case ps[0].Rule != "":
					rules = []string{ps[0].Rule}
				case strings.HasPrefix(ps[0].Path, "reduction"):
					// The problem cites 规定 第七条 in its message.
					rules = []string{rs.Provisions.Hardship.ID}
				default:
					return nil, nil, nil, fmt.Errorf("case %s: problem names no rule: %w", x.name, err)
				}
			} else {
				fillDues(cells, res)
				if used["paying_org"] {
					cells[PayingOrgExpected] = res.PayingOrg
				}
				rules = duesRules(res)
				computed = append(computed, res)
			}
		}
		t.Row(cells, rules...)
	}
	if vec, err = t.Bytes(); err != nil {
		return nil, nil, nil, err
	}
	if f.summary {
		if summary, err = f.summarize(ruleset, rs, computed); err != nil {
			return nil, nil, nil, fmt.Errorf("summary: %w", err)
		}
	}
	return vec, rb, summary, nil
}

// summarize writes the ledger summary of the computed rows: the roster's
// own organization, then each organization that collected dues of its
// members, as dues.Summarize gives them.
func (f duesFile) summarize(ruleset string, rs dues.Rules, rows []dues.Result) ([]byte, error) {
	s, err := dues.Summarize(rows)
	if err != nil {
		return nil, err
	}
	t := vecfile.NewTable(ruleset, SummaryColumns...)
	var own []string
	for _, r := range rows {
		if r.PayingOrg == "" {
			own = append(own, r.Member)
		}
	}
	if len(own) != s.Members {
		return nil, fmt.Errorf("the summary counts %d members of the roster's own organization, the rows %d", s.Members, len(own))
	}
	mobile := rs.Provisions.Mobile.ID
	t.Row(map[string]string{"case": "own", "date": f.date, "rule_set": f.ruleSet, "org": "",
		"expected_members": fmt.Sprint(s.Members), "expected_member_ids": strings.Join(own, ";"),
		"expected_dues": s.Dues.String(), "expected_voluntary": s.Voluntary.String(), "expected_total": s.Total.String(),
		"expected_lump_sum": s.LumpSum.String()}, mobile)
	for _, e := range s.PaidElsewhere {
		t.Row(map[string]string{"case": "paid_at:" + e.Org, "date": f.date, "rule_set": f.ruleSet, "org": e.Org,
			"expected_members": fmt.Sprint(len(e.Members)), "expected_member_ids": strings.Join(e.Members, ";"),
			"expected_dues": e.Dues.String(), "expected_voluntary": e.Voluntary.String(), "expected_total": e.Total.String(),
			"expected_lump_sum": e.LumpSum.String()}, mobile)
	}
	return t.Bytes()
}

func fillDues(cells map[string]string, res dues.Result) {
	if !res.Category.IsFlat() && !res.NotYetDue {
		cells["expected_base"] = res.Base.String()
		cells["expected_rate"] = res.Rate.String()
	}
	cells["expected_dues"] = res.Amount.String()
	cells["expected_rule"] = res.Rule
	cells["expected_total"] = res.Total.String()
	var flags []string
	for _, f := range []struct {
		on   bool
		name string
	}{{res.Capped, "capped"}, {res.LumpSum, "lump_sum"}, {res.Reduced, "reduced"}, {res.NotYetDue, "not_yet_due"}} {
		if f.on {
			flags = append(flags, f.name)
		}
	}
	cells["expected_flags"] = strings.Join(flags, ";")
}

// duesRules are the rules a result's trace names.
func duesRules(res dues.Result) []string {
	rules := []string{res.Rule}
	for _, s := range res.Steps {
		if s.Rule != "" {
			rules = append(rules, s.Rule)
		}
	}
	return rules
}

func appendRecord(b []byte, rec []string) []byte {
	for i, f := range rec {
		if i > 0 {
			b = append(b, ',')
		}
		b = csvtable.AppendField(b, f)
	}
	return append(b, '\n')
}
