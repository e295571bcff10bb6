package funding_test

import (
	"errors"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/dues"
	"github.com/dangjian-go/dangjian/funding/enterprise"
	"github.com/dangjian-go/dangjian/funding/remit"
	"github.com/dangjian-go/dangjian/funding/standard"
	"github.com/dangjian-go/dangjian/funding/tax"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every kind of the package has its own stable code, is found by it, and
// sits under a root kind; the former names are the root kinds.
func TestKinds(t *testing.T) {
	roots := []*dangjian.Kind{dangjian.ErrInvalid, dangjian.ErrOverflow, dangjian.ErrBadRule, dangjian.ErrInconsistent, dangjian.ErrLimit}
	kinds := map[string]*dangjian.Kind{
		"sub_fen": funding.ErrSubFen, "money_overflow": funding.ErrOverflow, "bad_member": dues.ErrBadMember,
		"bad_payslip": dues.ErrBadPayslip, "bad_dues_ledger": dues.ErrBadLedger, "bad_dues_rules": dues.ErrBadRules,
		"dues_not_compilable": dues.ErrNotCompilable, "ids_not_checked": dues.ErrIDsNotChecked, "bad_tax_rules": tax.ErrBadRules, "bad_tax_month": tax.ErrMonth,
		"tax_declaration": tax.ErrDeclaration, "rate_out_of_range": funding.ErrRateOutOfRange,
		"fund_year_range": funding.ErrYearOutOfRange, "bad_fund_policy": funding.ErrBadPolicy, "ledger_chain": enterprise.ErrLedgerChain,
		"remit_overdrawn": remit.ErrOverdrawn, "lump_sum_too_small": remit.ErrLumpSumTooSmall,
		"bad_money_rounding": funding.ErrBadRounding, "bad_standard": standard.ErrBadStandard, "bad_floor": standard.ErrBadFloor,
		"bad_ladder": standard.ErrBadLadder, "bad_adjustment": standard.ErrBadGrowth,
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
