package funding_test

import (
	"errors"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every kind of the package has its own stable code, is found by it, and
// sits under a root kind; the former names are the root kinds.
func TestKinds(t *testing.T) {
	roots := []*dangjian.Kind{dangjian.ErrInvalid, dangjian.ErrOverflow, dangjian.ErrBadRule, dangjian.ErrInconsistent}
	kinds := map[string]*dangjian.Kind{
		"sub_fen": funding.ErrSubFen, "money_overflow": funding.ErrOverflow, "bad_member": funding.ErrBadMember,
		"bad_payslip": funding.ErrBadPayslip, "bad_dues_ledger": funding.ErrBadLedger, "bad_dues_rules": funding.ErrBadRules,
		"dues_not_compilable": funding.ErrNotCompilable, "bad_tax_rules": funding.ErrBadTaxRules, "bad_tax_month": funding.ErrTaxMonth,
		"tax_declaration": funding.ErrTaxDeclaration, "rate_out_of_range": funding.ErrRateOutOfRange,
		"fund_year_range": funding.ErrYearOutOfRange, "bad_fund_policy": funding.ErrBadPolicy, "ledger_chain": funding.ErrLedgerChain,
		"remit_overdrawn": funding.ErrOverdrawn, "lump_sum_too_small": funding.ErrLumpSumTooSmall,
		"bad_money_rounding": funding.ErrBadRounding, "bad_standard": funding.ErrBadStandard, "bad_floor": funding.ErrBadFloor,
		"bad_ladder": funding.ErrBadLadder, "bad_adjustment": funding.ErrBadGrowth,
	}
	for code, k := range kinds {
		assert.Equal(t, code, k.Code())
		assert.Same(t, k, dangjian.KindOf(code))
		require.NotNil(t, k.Parent(), code)
		assert.Contains(t, roots, k.Parent(), code)
		assert.NotContains(t, k.Error(), "funding", code)
	}
	assert.True(t, errors.Is(funding.ErrOverflow, dangjian.ErrOverflow))
	assert.True(t, errors.Is(funding.ErrSubFen, dangjian.ErrInvalid))
	for old, root := range map[*dangjian.Kind]*dangjian.Kind{
		funding.ErrRosterValue: dangjian.ErrInvalid, funding.ErrRosterHeader: dangjian.ErrHeader,
		funding.ErrDuplicateMember: dangjian.ErrDuplicate, funding.ErrOutOfPeriod: dangjian.ErrOutOfPeriod,
		funding.ErrNoRules: dangjian.ErrNoRule, funding.ErrNoRuleInForce: dangjian.ErrNoRule, funding.ErrNoTaxRule: dangjian.ErrNoRule,
		funding.ErrNegativeAmount: dangjian.ErrNegative, funding.ErrTaxNegative: dangjian.ErrNegative,
	} {
		assert.Same(t, root, old)
	}
}

// A problem wraps the kind of the input it concerns as well as its own: a
// negative base is both must-not-be-negative and bad member input, and
// carries the member's ID.
func TestProblemWrapsInputKind(t *testing.T) {
	_, err := funding.Dues2017().Monthly(funding.Member{ID: "m1", Category: funding.Employed, Base: funding.MustParseMoney("-1")}, day("2024-06-01"))
	require.Error(t, err)
	assert.ErrorIs(t, err, dangjian.ErrNegative)
	assert.ErrorIs(t, err, funding.ErrBadMember)
	p := dangjian.ProblemsOf(err)[0]
	assert.Equal(t, "m1", p.ID)
	assert.Equal(t, "base", p.Path)
	assert.Equal(t, "negative", p.Code())

	_, err = funding.Dues2017().Monthly(funding.Member{ID: "m2", Category: funding.Employed}, day("2010-06-01"))
	assert.ErrorIs(t, err, dangjian.ErrOutOfPeriod)
	assert.Equal(t, `month (id "m2"): date outside the rules' period: rules "2017" are for [2017-01-01, …) ("2010-06-01")`, err.Error())
}
