package money_test

import (
	"fmt"
	"math/big"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// 预扣率表一 (FUNDING-RULES §10): upper bound of the cumulative taxable
// income (inclusive), rate, quick deduction.
var cumTable = []struct{ upTo, rate, quick string }{
	{"36000", "0.03", "0"}, {"144000", "0.10", "2520"}, {"300000", "0.20", "16920"},
	{"420000", "0.25", "31920"}, {"660000", "0.30", "52920"}, {"960000", "0.35", "85920"}, {"", "0.45", "181920"},
}

type taxState struct {
	year, employed                 int
	income, social, special, withd *big.Rat
}

type taxWant struct {
	withheld, basic, taxable, tax, problem string
	rules                                  []string
}

func TestTaxAgreesWithDerivation(t *testing.T) {
	fs := files(t)
	n := 0
	for name, b := range fs {
		if !strings.HasPrefix(name, "tax/") || strings.HasPrefix(name, "tax/payroll/") {
			continue
		}
		members := map[string]*taxState{}
		for _, row := range table(t, name, b) {
			n++
			w := deriveTax(t, members, row)
			got := taxWant{row["expected_withheld"], row["expected_cumulative_basic"], row["expected_cumulative_taxable"],
				row["expected_cumulative_tax"], row["expected_problem"], strings.Split(row["rules"], ";")}
			assert.Equal(t, w, got, "%s: case %s", name, row["case"])
		}
	}
	assert.Greater(t, n, 100)
}

func deriveTax(t *testing.T, members map[string]*taxState, row map[string]string) taxWant {
	t.Helper()
	var y, m int
	_, err := fmt.Sscanf(row["month"], "%d-%d", &y, &m)
	require.NoError(t, err)
	first, low := row["first_wage_income_this_year"] == "true", row["prior_year_low_income"] == "true"
	// 公告2020年第13号 from 2020-07-01; 第19号 from 2021-01-01.
	if first && (y < 2020 || y == 2020 && m < 7) {
		return taxWant{problem: "no_rule", rules: []string{"TAX-BASIC-FIRSTWAGE-2020"}}
	}
	if low && y < 2021 {
		return taxWant{problem: "no_rule", rules: []string{"TAX-BASIC-LOWINCOME-2021"}}
	}
	st := members[row["id"]]
	if st == nil || st.year != y {
		st = &taxState{year: y, income: new(big.Rat), social: new(big.Rat), special: new(big.Rat), withd: new(big.Rat)}
		members[row["id"]] = st
	}
	st.employed++
	st.income.Add(st.income, r(t, row["gross"]))
	st.social.Add(st.social, r(t, row["social_insurance"]))
	st.special.Add(st.special, r(t, row["special_deductions"]))
	rules := []string{"TAX-CUM-METHOD-2019", "TAX-ROUND"}
	// 累计减除费用: 5000 a month employed with this employer this year;
	// 13号: the months of the year so far; 19号: 60000 from January.
	var basic *big.Rat
	switch {
	case low:
		basic = rat("60000")
		rules = append(rules, "TAX-BASIC-LOWINCOME-2021")
	case first:
		basic = new(big.Rat).Mul(rat("5000"), big.NewRat(int64(m), 1))
		rules = append(rules, "TAX-BASIC-2019", "TAX-BASIC-FIRSTWAGE-2020")
	default:
		basic = new(big.Rat).Mul(rat("5000"), big.NewRat(int64(st.employed), 1))
		rules = append(rules, "TAX-BASIC-2019")
	}
	taxable := new(big.Rat).Sub(st.income, basic)
	taxable.Sub(taxable, st.social)
	taxable.Sub(taxable, st.special)
	if taxable.Sign() < 0 {
		taxable.SetInt64(0)
	}
	i := 0
	for cumTable[i].upTo != "" && taxable.Cmp(rat(cumTable[i].upTo)) > 0 {
		i++
	}
	rules = append(rules, fmt.Sprintf("TAX-CUM-2019-%d", i+1))
	tax := new(big.Rat).Mul(taxable, rat(cumTable[i].rate))
	tax.Sub(tax, rat(cumTable[i].quick))
	tax = r(t, fen(tax))
	// 本期应预扣预缴税额 = 累计应纳税额 − 累计已预扣预缴税额; a negative
	// result is not refunded (withheld 0).
	withheld := new(big.Rat).Sub(tax, st.withd)
	if withheld.Sign() < 0 {
		withheld.SetInt64(0)
		rules = append(rules, "TAX-CUM-NOREFUND-2019")
	}
	st.withd.Add(st.withd, withheld)
	slices.Sort(rules)
	return taxWant{fen(withheld), fen(basic), fen(taxable), fen(tax), "", rules}
}
