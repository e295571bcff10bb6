package money_test

import (
	"math/big"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The pay items each employer's base includes (FUNDING-RULES §5.1: 规定
// 第一条, 问答52期 Q1/Q3; 2017通知 (3): 基础性绩效 only; 离退休: basic
// pension only from 2017), and what is deducted (§5.2: 2008 the income
// tax; 2017 the tax and the member's own insurance, housing fund and
// annuity, the common reading the library applies).
var included = map[string]map[string][]string{
	"2008": {
		"organ":              {"position_wage", "grade_wage", "work_allowance", "living_allowance"},
		"organ_worker":       {"post_wage", "skill_wage", "work_allowance", "living_allowance"},
		"public_institution": {"post_wage", "scale_wage", "basic_performance", "incentive_performance", "work_allowance", "living_allowance"},
		"enterprise":         {"basic_wage", "post_wage", "skill_wage", "post_allowance", "performance_pay", "regular_bonus"},
		"pensioner":          {"basic_pension", "pension_allowance"},
	},
	"2017": {
		"organ":              {"position_wage", "grade_wage", "work_allowance", "living_allowance"},
		"organ_worker":       {"post_wage", "skill_wage", "work_allowance", "living_allowance"},
		"public_institution": {"post_wage", "scale_wage", "basic_performance", "work_allowance", "living_allowance"},
		"enterprise":         {"basic_wage", "post_wage", "skill_wage", "post_allowance", "performance_pay", "regular_bonus"},
		"pensioner":          {"basic_pension"},
	},
}

var deducted = map[string][]string{
	"2008": {"income_tax"},
	"2017": {"income_tax", "pension", "medical", "unemployment", "housing_fund", "annuity"},
}

var employerRule = map[string]string{
	"organ": "ORGAN", "organ_worker": "ORGAN-WORKER", "public_institution": "PUBLIC-INSTITUTION",
	"enterprise": "ENTERPRISE", "pensioner": "PENSIONER",
}

// bracket is 规定 第二条 (wage) and 第五条 (pension): upper bounds
// inclusive, the rate on the whole base.
func bracket(category string, base *big.Rat) (rate, rule string) {
	le := func(s string) bool { return base.Cmp(rat(s)) <= 0 }
	if category == "retired" {
		if le("5000") {
			return "0.005", "DUES-PENSION-1"
		}
		return "0.01", "DUES-PENSION-2"
	}
	switch {
	case le("3000"):
		return "0.005", "DUES-WAGE-1"
	case le("5000"):
		return "0.01", "DUES-WAGE-2"
	case le("10000"):
		return "0.015", "DUES-WAGE-3"
	}
	return "0.02", "DUES-WAGE-4"
}

type duesWant struct {
	base, rate, dues, rule, total, flags, problem string
	payingOrg                                     string
	rules                                         []string
}

// deriveDues computes one vector from its roster cells, date and rule set.
func deriveDues(t *testing.T, row map[string]string) duesWant {
	t.Helper()
	year := row["rule_set"]
	// The rule set in force: 2008 before 2017-01-01 (the day the library
	// assumes for the 2017 notice), 2017 after.
	if want := map[bool]string{true: "2008", false: "2017"}[row["date"] < "2017-01-01"]; want != year {
		t.Fatalf("%s: rule_set %s on %s", row["case"], year, row["date"])
	}
	var w duesWant
	rules := map[string]bool{}
	cat := row["category"]
	flags := []string{}

	// 规定 第七条 / 2017 离退休: a reduction needs the upper approval, or,
	// for a retired member from 2017, the branch's consent alone.
	reduced, upper := row["reduction"] != "", row["reduction_by"] != "" && row["reduction_on"] != ""
	if reduced && !upper && !(year == "2017" && cat == "retired" && row["reduction_branch_on"] != "") {
		return duesWant{problem: "bad_member", rules: []string{"DUES-HARDSHIP"}}
	}
	// 经党支部研究，报上一级党委批准: the branch studies it before the upper
	// committee approves it.
	if reduced && upper && row["reduction_branch_on"] != "" && row["reduction_branch_on"] > row["reduction_on"] {
		return duesWant{problem: "bad_member", rules: []string{"DUES-HARDSHIP"}}
	}

	month := row["date"][:7]
	var amount *big.Rat
	switch {
	case row["probationary_since"] != "" && row["probationary_since"][:7] > month:
		// 规定 第八条: from the day the branch meeting passes the
		// resolution, read per month.
		amount = new(big.Rat)
		w.rule = "DUES-PROBATIONARY"
		flags = append(flags, "not_yet_due")
	case cat == "farmer":
		amount = rat("0.20")
		if row["flat_amount"] != "" {
			amount = r(t, row["flat_amount"])
		}
		require.True(t, amount.Cmp(rat("0.20")) >= 0 && amount.Cmp(rat("1.00")) <= 0)
		w.rule = "DUES-FLAT-FARMER"
	case cat == "student" || cat == "unemployed" || cat == "low_income":
		amount, w.rule = rat("0.20"), "DUES-FLAT-020"
	default:
		var base *big.Rat
		switch {
		case row["months"] != "":
			// 规定 第四条: the previous quarter's average, exact.
			ms := strings.Split(row["months"], "|")
			base = new(big.Rat)
			for _, m := range ms {
				base.Add(base, r(t, m))
			}
			base.Quo(base, big.NewRat(int64(len(ms)), 1))
			rules["DUES-SELF-EMPLOYED"] = true
		case row["employer"] != "":
			emp := row["employer"]
			base = sum(t, row, included[year][emp]...)
			base.Sub(base, sum(t, row, deducted[year]...))
			rules["DUES-BASE-"+year] = true
			rules["DUES-BASE-"+year+"-"+employerRule[emp]] = true
		default:
			base = r(t, row["base"])
		}
		if cat == "annual_salary" {
			rules["DUES-ANNUAL-SALARY"] = true
		}
		rate, rule := bracket(cat, base)
		w.base, w.rate, w.rule = fen(base), rate, rule
		rules[rule], rules["DUES-ROUND"] = true, true
		amount = r(t, fen(new(big.Rat).Mul(base, rat(rate))))
		// 2017通知 (1): a month's dues normally at most 1000 元.
		if year == "2017" && amount.Cmp(rat("1000")) > 0 {
			amount, w.rule = rat("1000"), "DUES-CAP-1000"
			flags = append(flags, "capped")
		}
	}
	// 少交或免交: an approved amount at or above the dues reduces nothing,
	// nor does it reduce a month not yet due.
	if reduced && (r(t, row["reduction"]).Cmp(amount) >= 0 || w.rule == "DUES-PROBATIONARY") {
		reduced = false
	}
	// 经…批准: the reduction holds from the month it was decided (the upper
	// approval's day; a retired member's branch-only consent from 2017, the
	// branch's day); a month before that is due in full, and the trace
	// names the reduction's rule.
	if reduced {
		decided, rule := row["reduction_on"], "DUES-HARDSHIP"
		if !upper {
			decided, rule = row["reduction_branch_on"], "DUES-HARDSHIP-RETIREE-2017"
		}
		if decided[:7] > month {
			reduced = false
			rules[rule] = true
		}
	}
	if reduced {
		amount = r(t, row["reduction"])
		w.rule = "DUES-HARDSHIP"
		if !upper {
			w.rule = "DUES-HARDSHIP-RETIREE-2017"
		}
		flags = append(flags, "reduced")
	}
	rules[w.rule] = true
	vol := r(t, row["voluntary"])
	if vol.Cmp(rat("1000")) >= 0 { // 规定 第十一条: 1000元以上, read as 1000 or more
		flags = append(flags, "lump_sum")
		rules["DUES-LUMP-SUM-1000"] = true
	}
	// 流动党员活动证: a mobile member may pay at the inflow organization;
	// the amount is the same, the trace names who collected.
	if row["paying_org"] != "" {
		rules["DUES-MOBILE-INFLOW"] = true
		w.payingOrg = row["paying_org"]
	}
	w.dues = fen(amount)
	w.total = fen(new(big.Rat).Add(amount, vol))
	order := map[string]int{"capped": 0, "lump_sum": 1, "reduced": 2, "not_yet_due": 3}
	sort.Slice(flags, func(i, j int) bool { return order[flags[i]] < order[flags[j]] })
	w.flags = strings.Join(flags, ";")
	for k := range rules {
		w.rules = append(w.rules, k)
	}
	slices.Sort(w.rules)
	return w
}

func TestDuesAgreeWithDerivation(t *testing.T) {
	fs := files(t)
	n := 0
	for name, b := range fs {
		if !strings.HasPrefix(name, "dues/") || strings.HasPrefix(name, "dues/roster/") || strings.HasPrefix(name, "dues/summary/") {
			continue
		}
		for _, row := range table(t, name, b) {
			n++
			w := deriveDues(t, row)
			got := duesWant{row["expected_base"], row["expected_rate"], row["expected_dues"], row["expected_rule"],
				row["expected_total"], row["expected_flags"], row["expected_problem"], row["expected_paying_org"], strings.Split(row["rules"], ";")}
			_, hasPaying := row["paying_org"]
			_, hasExpected := row["expected_paying_org"]
			assert.Equal(t, hasPaying, hasExpected, "%s: paying_org and expected_paying_org go together", name)
			assert.Equal(t, w, got, "%s: case %s", name, row["case"])
		}
	}
	assert.Greater(t, n, 9001+100)
}

// TestDuesRosters checks that each roster file is its vector file's roster
// columns, row by row.
func TestDuesRosters(t *testing.T) {
	fs := files(t)
	for name, b := range fs {
		if !strings.HasPrefix(name, "dues/roster/") {
			continue
		}
		vec := table(t, name, fs["dues/"+strings.TrimPrefix(name, "dues/roster/")])
		lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
		require.Len(t, lines, len(vec)+1, name)
		cols := strings.Split(lines[0], ",")
		for i, row := range vec {
			var cells []string
			for _, c := range cols {
				cells = append(cells, row[c])
			}
			assert.Equal(t, lines[i+1], strings.Join(cells, ","), "%s line %d", name, i+2)
		}
	}
}

func TestWholeYuan(t *testing.T) {
	rows := table(t, "dues/whole-yuan-2017.csv", files(t)["dues/whole-yuan-2017.csv"])
	require.Len(t, rows, 9001)
	assert.Equal(t, "1000.00", rows[0]["base"])
	assert.Equal(t, "10000.00", rows[9000]["base"])
}

// TestDuesSummaries re-derives each summary file from its vector file's
// rows: the members the library computes (no expected_problem) are counted
// where their dues were paid, the roster's own organization (case "own")
// or the inflow organization named by paying_org, once, and each row's
// amounts are the exact sums of those members' dues, voluntary payments
// and lump sums (1000 元 or more).
func TestDuesSummaries(t *testing.T) {
	fs := files(t)
	n := 0
	for name, b := range fs {
		if !strings.HasPrefix(name, "dues/summary/") {
			continue
		}
		n++
		vecName := "dues/" + strings.TrimPrefix(name, "dues/summary/")
		require.Contains(t, fs, vecName, name)
		type sums struct {
			ids                     []string
			dues, vol, total, lumps *big.Rat
		}
		var order []string
		by := map[string]*sums{}
		for _, row := range table(t, vecName, fs[vecName]) {
			w := deriveDues(t, row)
			if w.problem != "" {
				continue
			}
			org := row["paying_org"]
			if by[org] == nil {
				by[org] = &sums{dues: new(big.Rat), vol: new(big.Rat), total: new(big.Rat), lumps: new(big.Rat)}
				if org != "" {
					order = append(order, org)
				}
			}
			s := by[org]
			s.ids = append(s.ids, row["id"])
			s.dues.Add(s.dues, r(t, w.dues))
			vol := r(t, row["voluntary"])
			s.vol.Add(s.vol, vol)
			s.total.Add(s.total, r(t, w.total))
			if vol.Cmp(rat("1000")) >= 0 {
				s.lumps.Add(s.lumps, vol)
			}
		}
		if by[""] == nil {
			by[""] = &sums{dues: new(big.Rat), vol: new(big.Rat), total: new(big.Rat), lumps: new(big.Rat)}
		}
		rows := table(t, name, b)
		require.Len(t, rows, 1+len(order), name)
		for i, org := range append([]string{""}, order...) {
			row, s := rows[i], by[org]
			wantCase := "own"
			if org != "" {
				wantCase = "paid_at:" + org
			}
			got := []string{row["case"], row["org"], row["expected_members"], row["expected_member_ids"],
				row["expected_dues"], row["expected_voluntary"], row["expected_total"], row["expected_lump_sum"], row["rules"]}
			want := []string{wantCase, org, strconv.Itoa(len(s.ids)), strings.Join(s.ids, ";"),
				fen(s.dues), fen(s.vol), fen(s.total), fen(s.lumps), "DUES-MOBILE-INFLOW"}
			assert.Equal(t, want, got, "%s line %d", name, i+2)
		}
	}
	assert.Equal(t, 2, n, "summary files")
}
