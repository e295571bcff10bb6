package money

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/enterprise"
	"github.com/dangjian-go/dangjian/internal/conformgen/vecfile"
)

// NonPublicColumns are the columns of conformance/enterprise/nonpublic.csv:
// the arguments of enterprise.NonPublicDeduction and the result.
var NonPublicColumns = []string{"case", "year", "payroll", "spending", "jurisdiction", "provision_rate",
	"expected_cap", "expected_deductible", "expected_non_deductible", "expected_provision", "expected_rule", "expected_problem",
	vecfile.RulesColumn, vecfile.RuleSetColumn}

// SOEColumns are the columns of conformance/enterprise/soe.csv: one row
// per year of a ledger (consecutive years, in order) as enterprise.SOEFunds
// takes them, and the year's result. A flag is "true" or "false".
var SOEColumns = []string{"case", "ledger", "year", "prior_payroll", "payroll", "spending", "other_sources",
	"expected_opening", "expected_stop", "expected_allocation", "expected_other_sources_used", "expected_charged",
	"expected_overspend", "expected_closing", "expected_deduction_cap", "expected_deductible", "expected_non_deductible",
	vecfile.RulesColumn, vecfile.RuleSetColumn}

func enterpriseFiles(ruleset string) (map[string][]byte, error) {
	np, err := nonPublicFile(ruleset)
	if err != nil {
		return nil, fmt.Errorf("nonpublic: %w", err)
	}
	soe, err := soeFile(ruleset)
	if err != nil {
		return nil, fmt.Errorf("soe: %w", err)
	}
	return map[string][]byte{"enterprise/nonpublic.csv": np, "enterprise/soe.csv": soe}, nil
}

func nonPublicFile(ruleset string) ([]byte, error) {
	type vec struct{ name, year, payroll, spending, jur, rate string }
	vs := []vec{
		{"below-cap", "2024", "1234567.89", "9000.00", "", ""},
		{"above-cap", "2024", "1234567.89", "15000.00", "", ""},
		{"at-cap", "2024", "1234567.89", "12345.68", "", ""},
		{"cap-half-fen-up", "2024", "1234567.50", "20000.00", "", ""},
		{"cap-below-half-fen", "2024", "1234567.49", "20000.00", "", ""},
		{"zero-spending", "2024", "500000.00", "0", "", ""},
		{"first-year-2014", "2014", "800000.00", "10000.00", "", ""},
		{"before-42-2013", "2013", "800000.00", "10000.00", "", ""},
		{"chengdu-0.5pct", "2024", "1234567.89", "15000.00", "成都市", "0.005"},
		{"chengdu-above-1pct", "2024", "1234567.89", "15000.00", "成都市", "0.011"},
	}
	t := vecfile.NewTable(ruleset, NonPublicColumns...)
	for _, x := range vs {
		cells := map[string]string{"case": x.name, "year": x.year, "payroll": x.payroll, "spending": x.spending,
			"jurisdiction": x.jur, "provision_rate": x.rate}
		for _, c := range NonPublicColumns[6:12] {
			cells[c] = ""
		}
		y, err := strconv.Atoi(x.year)
		if err != nil {
			return nil, err
		}
		pol := enterprise.NonPublicPolicy{Jurisdiction: x.jur}
		if x.rate != "" {
			if pol.ProvisionRate, err = funding.ParseRate(x.rate); err != nil {
				return nil, err
			}
		}
		res, err := enterprise.NonPublicDeduction(y, funding.MustParseMoney(x.payroll), funding.MustParseMoney(x.spending), pol)
		if err != nil {
			var ps dangjian.Problems
			if !errors.As(err, &ps) || len(ps) == 0 {
				return nil, fmt.Errorf("case %s: %w", x.name, err)
			}
			cells["expected_problem"] = ps[0].Kind.Code()
			rules := []string{enterprise.RuleNonPublicDeduction}
			if x.jur != "" {
				rules = append(rules, enterprise.RuleChengduProvision)
			}
			t.Row(cells, rules...)
			continue
		}
		cells["expected_cap"] = res.Cap.String()
		cells["expected_deductible"] = res.Deductible.String()
		cells["expected_non_deductible"] = res.NonDeductible.String()
		cells["expected_rule"] = res.Rule
		rules := []string{res.Rule}
		if res.Provision != nil {
			cells["expected_provision"] = res.Provision.String()
			rules = append(rules, res.ProvisionRule)
		}
		t.Row(cells, rules...)
	}
	return t.Bytes()
}

// soeLedger is one ledger: consecutive years.
type soeLedger struct {
	name  string
	first int
	// years: prior payroll, payroll, spending, other sources.
	years [][4]string
}

func soeFile(ruleset string) ([]byte, error) {
	ledgers := []soeLedger{
		{"carry-and-stop", 2018, [][4]string{
			{"10000000.00", "10500000.00", "20000.00", "0"},
			{"10500000.00", "11000000.00", "20000.00", "0"},
			{"11000000.00", "11000000.00", "20000.00", "0"},
			{"11000000.00", "11000000.00", "20000.00", "0"},
			{"11000000.00", "11000000.00", "20000.00", "0"},
			{"11000000.00", "11000000.00", "20000.00", "0"},
		}},
		{"stop-at-exactly-2pct", 2020, [][4]string{
			{"5000000.00", "5000000.00", "0", "0"},
			{"5000000.00", "5000000.00", "0", "0"},
			{"5000000.00", "5000000.00", "0", "0"},
		}},
		{"overspend-other-sources", 2023, [][4]string{
			{"1000000.00", "1200000.00", "30000.00", "5000.00"},
			{"1200000.00", "1300000.00", "8000.00", "10000.00"},
		}},
		{"half-fen", 2024, [][4]string{
			{"1234567.50", "1234567.49", "20000.00", "0"},
		}},
		{"across-38", 2016, [][4]string{
			{"2000000.00", "2100000.00", "30000.00", "12000.00"},
			{"2100000.00", "2200000.00", "30000.00", "12000.00"},
		}},
	}
	t := vecfile.NewTable(ruleset, SOEColumns...)
	for _, l := range ledgers {
		years := make([]enterprise.SOEYear, len(l.years))
		for i, y := range l.years {
			years[i] = enterprise.SOEYear{Year: l.first + i, PriorPayroll: funding.MustParseMoney(y[0]), Payroll: funding.MustParseMoney(y[1]),
				Spending: funding.MustParseMoney(y[2]), OtherSources: funding.MustParseMoney(y[3])}
		}
		res, err := enterprise.SOEFunds(years, enterprise.SOEPolicy{})
		if err != nil {
			return nil, fmt.Errorf("ledger %s: %w", l.name, err)
		}
		for i, r := range res {
			y := l.years[i]
			cells := map[string]string{"case": l.name + "-" + strconv.Itoa(r.Year), "ledger": l.name, "year": strconv.Itoa(r.Year),
				"prior_payroll": y[0], "payroll": y[1], "spending": y[2], "other_sources": y[3],
				"expected_opening": r.Opening.String(), "expected_stop": strconv.FormatBool(r.StopApplied),
				"expected_allocation": r.Allocation.String(), "expected_other_sources_used": r.OtherSourcesUsed.String(),
				"expected_charged": r.Charged.String(), "expected_overspend": r.Overspend.String(), "expected_closing": r.Closing.String(),
				"expected_deduction_cap": optMoney(r.DeductionCap), "expected_deductible": optMoney(r.Deductible),
				"expected_non_deductible": optMoney(r.NonDeductible)}
			t.Row(cells, r.Rules...)
		}
	}
	return t.Bytes()
}

func optMoney(m *funding.Money) string {
	if m == nil {
		return ""
	}
	return strings.TrimSpace(m.String())
}
