package money

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/remit"
	"github.com/dangjian-go/dangjian/internal/conformgen/vecfile"
)

// RemitColumns are the columns of conformance/remit/shares.csv: the
// arguments of remit.NewPolicy (policy: share rule IDs joined with ";")
// and remit.Split (year, collected, lump_sums), then the expected lines
// ("rule:amount:due" joined with ";", due empty when the source gives
// none), the remainder and the problem.
var RemitColumns = []string{"case", "year", "policy", "collected", "lump_sums",
	"expected_lines", "expected_remainder", "expected_problem", vecfile.RulesColumn, vecfile.RuleSetColumn}

type remitVec struct {
	name, year, collected, lumpSums string
	policy                          []string
}

func remitFiles(ruleset string) (map[string][]byte, error) {
	vs := []remitVec{
		{"centre-5pct", "2024", "123456.78", "0", []string{remit.RuleCentre}},
		{"centre-half-fen-up", "2024", "0.30", "0", []string{remit.RuleCentre}},
		{"centre-below-half-fen", "2024", "0.09", "0", []string{remit.RuleCentre}},
		{"centre-zero", "2024", "0", "0", []string{remit.RuleCentre}},
		{"centre-with-lump-sums", "2024", "80000.00", "5000.00", []string{remit.RuleCentre}},
		{"lump-sum-exactly-1000", "2024", "80000.00", "1000.00", []string{remit.RuleCentre}},
		{"lump-sum-below-1000", "2024", "80000.00", "999.99", []string{remit.RuleCentre}},
		{"rail-aviation-10pct", "2024", "54321.05", "0", []string{remit.RuleRailAviation, remit.RuleCentre}},
		{"finance-5pct", "2024", "54321.05", "0", []string{remit.RuleFinance, remit.RuleCentre}},
		{"sichuan-20pct", "2024", "54321.05", "0", []string{remit.RuleSichuan}},
		{"central-organs-20pct", "2024", "54321.05", "0", []string{remit.RuleCentralOrgans}},
		{"enterprise-group-60pct", "2024", "54321.05", "0", []string{remit.RuleEnterpriseGroup}},
		{"return-enterprise-2012", "2024", "54321.05", "0", []string{remit.RuleReturnEnterprise}},
		{"return-enterprise-2012-before", "2011", "54321.05", "0", []string{remit.RuleReturnEnterprise}},
		{"return-enterprise-and-centre-overdrawn", "2024", "54321.05", "0", []string{remit.RuleCentre, remit.RuleReturnEnterprise}},
		{"return-chengdu-full", "2024", "12345.67", "2000.00", []string{remit.RuleReturnChengdu}},
	}
	t := vecfile.NewTable(ruleset, RemitColumns...)
	for _, x := range vs {
		cells := map[string]string{"case": x.name, "year": x.year, "policy": strings.Join(x.policy, ";"),
			"collected": x.collected, "lump_sums": x.lumpSums, "expected_lines": "", "expected_remainder": "", "expected_problem": ""}
		res, err := splitVec(x)
		if err != nil {
			var ps dangjian.Problems
			if !errors.As(err, &ps) || len(ps) == 0 {
				return nil, fmt.Errorf("case %s: %w", x.name, err)
			}
			cells["expected_problem"] = ps[0].Kind.Code()
			t.Row(cells, x.policy...)
			continue
		}
		var lines, rules []string
		for _, l := range res.Lines {
			due := ""
			if !l.Due.IsZero() {
				due = l.Due.String()
			}
			lines = append(lines, l.Rule+":"+l.Amount.String()+":"+due)
			rules = append(rules, l.Rule)
		}
		cells["expected_lines"] = strings.Join(lines, ";")
		cells["expected_remainder"] = res.Remainder.String()
		t.Row(cells, append(rules, x.policy...)...)
	}
	b, err := t.Bytes()
	if err != nil {
		return nil, err
	}
	return map[string][]byte{"remit/shares.csv": b}, nil
}

func splitVec(x remitVec) (remit.Result, error) {
	p, err := remit.NewPolicy(x.name, x.policy...)
	if err != nil {
		return remit.Result{}, err
	}
	y, err := strconv.Atoi(x.year)
	if err != nil {
		return remit.Result{}, err
	}
	c, err := funding.ParseMoney(x.collected)
	if err != nil {
		return remit.Result{}, err
	}
	l, err := funding.ParseMoney(x.lumpSums)
	if err != nil {
		return remit.Result{}, err
	}
	return remit.Split(c, l, p, y)
}
