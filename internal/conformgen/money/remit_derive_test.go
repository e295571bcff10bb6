package money_test

import (
	"math/big"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The shares, from the texts (FUNDING-RULES §6; the 2012 opinion on
// returns; 成都 成组通〔2015〕49号): rate of the year's total, the month of the
// next year by whose end it is due (0: none), the first year in force.
var shares = map[string]struct {
	rate      string
	due       int
	firstYear int
}{
	"DUES-REMIT-CENTRE-5PCT":            {"0.05", 4, 2008}, // 规定 第十五条: 次年4月底前
	"DUES-REMIT-RAIL-AVIATION-10PCT":    {"0.10", 0, 2008}, // 第十六条
	"DUES-REMIT-FINANCE-5PCT":           {"0.05", 0, 2008}, // 第十六条
	"DUES-REMIT-SICHUAN-20PCT":          {"0.20", 0, 0},
	"DUES-REMIT-CENTRAL-ORGANS-20PCT":   {"0.20", 3, 0}, // 第一季度
	"DUES-REMIT-ENTERPRISE-GROUP-60PCT": {"0.60", 0, 0},
	"DUES-RETURN-ENTERPRISE-2012":       {"1", 0, 2012}, // 可全额返还, from 2012-05-25
	"DUES-RETURN-CHENGDU-FULL":          {"1", 0, 2015},
}

var monthEnd = map[int]string{3: "03-31", 4: "04-30"}

func TestRemitAgreesWithDerivation(t *testing.T) {
	rows := table(t, "remit/shares.csv", files(t)["remit/shares.csv"])
	require.NotEmpty(t, rows)
	for _, row := range rows {
		year, err := strconv.Atoi(row["year"])
		require.NoError(t, err)
		policy := strings.Split(row["policy"], ";")
		collected, lump := r(t, row["collected"]), r(t, row["lump_sums"])
		var lines, rules []string
		problem, remainder := "", ""
		total := new(big.Rat)
		for _, id := range policy {
			total.Add(total, rat(shares[id].rate))
		}
		switch {
		case lump.Sign() > 0 && lump.Cmp(rat("1000")) < 0: // 规定 第十一条: 1000元以上
			problem = "lump_sum_too_small"
		case slices.ContainsFunc(policy, func(id string) bool { return year < shares[id].firstYear }):
			problem = "no_rule"
		case total.Cmp(rat("1")) > 0:
			problem = "remit_overdrawn"
		default:
			left := new(big.Rat).Set(collected)
			for _, id := range policy {
				amt := fen(new(big.Rat).Mul(collected, rat(shares[id].rate)))
				due := ""
				if m := shares[id].due; m != 0 {
					due = strconv.Itoa(year+1) + "-" + monthEnd[m]
				}
				lines = append(lines, id+":"+amt+":"+due)
				left.Sub(left, r(t, amt))
				rules = append(rules, id)
			}
			if lump.Sign() > 0 {
				lines = append(lines, "DUES-LUMP-CENTRE:"+fen(lump)+":")
				rules = append(rules, "DUES-LUMP-CENTRE")
			}
			remainder = fen(left)
		}
		rules = append(rules, policy...)
		slices.Sort(rules)
		rules = slices.Compact(rules)
		assert.Equal(t, []string{strings.Join(lines, ";"), remainder, problem, strings.Join(rules, ";")},
			[]string{row["expected_lines"], row["expected_remainder"], row["expected_problem"], row["rules"]}, "case %s", row["case"])
	}
}

func TestEnterpriseNonPublicAgreesWithDerivation(t *testing.T) {
	for _, row := range table(t, "enterprise/nonpublic.csv", files(t)["enterprise/nonpublic.csv"]) {
		year, err := strconv.Atoi(row["year"])
		require.NoError(t, err)
		want := map[string]string{"cap": "", "deductible": "", "non_deductible": "", "provision": "", "rule": "", "problem": ""}
		rules := []string{"ENT-NP-DEDUCT-1PCT"}
		if row["jurisdiction"] != "" {
			rules = append(rules, "ENT-NP-RATE-CHENGDU")
		}
		rate := r(t, row["provision_rate"])
		switch {
		case year < 2014: // 42号, issued 2014-12-05, covers the accounts closing on 31 December 2014
			want["problem"] = "no_rule"
		case row["jurisdiction"] != "" && (rate.Sign() <= 0 || rate.Cmp(rat("0.01")) > 0): // 成都: within the 1 %
			want["problem"] = "rate_out_of_range"
		default:
			payroll, spending := r(t, row["payroll"]), r(t, row["spending"])
			capv := r(t, fen(new(big.Rat).Mul(payroll, rat("0.01"))))
			ded := capv
			if spending.Cmp(capv) < 0 {
				ded = spending
			}
			want["cap"], want["deductible"], want["non_deductible"] = fen(capv), fen(ded), fen(new(big.Rat).Sub(spending, ded))
			want["rule"] = "ENT-NP-DEDUCT-1PCT"
			if row["jurisdiction"] != "" {
				want["provision"] = fen(new(big.Rat).Mul(payroll, rate))
			}
		}
		got := map[string]string{}
		for k := range want {
			got[k] = row["expected_"+k]
		}
		assert.Equal(t, want, got, "case %s", row["case"])
		assert.Equal(t, strings.Join(rules, ";"), row["rules"], "case %s", row["case"])
	}
}

func minRat(a, b *big.Rat) *big.Rat {
	if a.Cmp(b) <= 0 {
		return a
	}
	return b
}

func TestEnterpriseSOEAgreesWithDerivation(t *testing.T) {
	closing := map[string]*big.Rat{}
	for _, row := range table(t, "enterprise/soe.csv", files(t)["enterprise/soe.csv"]) {
		year, err := strconv.Atoi(row["year"])
		require.NoError(t, err)
		prior, payroll, spending, other := r(t, row["prior_payroll"]), r(t, row["payroll"]), r(t, row["spending"]), r(t, row["other_sources"])
		opening := closing[row["ledger"]]
		if opening == nil {
			opening = new(big.Rat)
		}
		used := minRat(spending, other)
		charged := new(big.Rat).Sub(spending, used)
		want := map[string]string{"opening": fen(opening), "other_sources_used": fen(used), "charged": fen(charged)}
		var rules []string
		if year < 2017 {
			// 〔89〕组通2号: retained dues first, the shortfall from
			// management expenses; nothing carried.
			want["stop"], want["allocation"], want["overspend"], want["closing"] = "false", fen(charged), "0.00", "0.00"
			want["deduction_cap"], want["deductible"], want["non_deductible"] = "", "", ""
			closing[row["ledger"]] = new(big.Rat)
			rules = []string{"ENT-1989-DUES-FIRST"}
		} else {
			// 38号: 1 % of the prior year's wages, none in a year whose
			// carry-forward exceeds 2 % of them; surplus carried; the
			// deduction capped at 1 % of the year's wages.
			stop := opening.Cmp(new(big.Rat).Mul(prior, rat("0.02"))) > 0
			alloc := new(big.Rat)
			if !stop {
				alloc = r(t, fen(new(big.Rat).Mul(prior, rat("0.01"))))
			}
			funds := new(big.Rat).Add(opening, alloc)
			met := minRat(charged, funds)
			c := new(big.Rat).Sub(funds, met)
			closing[row["ledger"]] = c
			capv := r(t, fen(new(big.Rat).Mul(payroll, rat("0.01"))))
			ded := minRat(charged, capv)
			want["stop"], want["allocation"], want["overspend"], want["closing"] = strconv.FormatBool(stop), fen(alloc), fen(new(big.Rat).Sub(charged, met)), fen(c)
			want["deduction_cap"], want["deductible"], want["non_deductible"] = fen(capv), fen(ded), fen(new(big.Rat).Sub(charged, ded))
			rules = []string{"ENT-SOE-ALLOC-1PCT", "ENT-SOE-CARRY", "ENT-SOE-CARRY-STOP-2PCT", "ENT-SOE-DEDUCT-1PCT"}
		}
		got := map[string]string{}
		for k := range want {
			got[k] = row["expected_"+k]
		}
		assert.Equal(t, want, got, "case %s", row["case"])
		assert.Equal(t, strings.Join(rules, ";"), row["rules"], "case %s", row["case"])
	}
}
