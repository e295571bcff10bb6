package funding

import (
	"github.com/dangjian-go/dangjian"
)

// The kinds of the funding packages' problems. Every error of funding and
// its sub-packages is a *[dangjian.Problem] or a [dangjian.Problems] list
// of them, whose Kind is one of the root kinds ([dangjian.ErrInvalid],
// [dangjian.ErrNegative], [dangjian.ErrNoRule], …) or a narrower kind made
// with [dangjian.NewKind] under a root kind, so that errors.Is matches both
// the narrow kind and its root. Where a problem's kind is a root kind and
// the input it concerns has a kind of its own (a member, a payslip, a
// ledger, a floor), the problem's Err is that kind: a negative base is
// errors.Is both [dangjian.ErrNegative] and dues.ErrBadMember.
//
// The machine codes (Kind.Code) are stable. This package's kinds, shared
// by the sub-packages:
//
//	sub_fen              ErrSubFen           finer than a fen             (invalid)
//	money_overflow       ErrOverflow         amount out of range          (overflow)
//	bad_money_rounding   ErrBadRounding      bad rounding                 (invalid)
//	rate_out_of_range    ErrRateOutOfRange   rate out of range            (invalid)
//	fund_year_range      ErrYearOutOfRange   year out of range            (invalid)
//	bad_fund_policy      ErrBadPolicy        bad policy                   (invalid)
//
// The sub-packages' kinds:
//
//	bad_member           dues.ErrBadMember         bad member input             (invalid)
//	bad_payslip          dues.ErrBadPayslip        bad payslip                  (invalid)
//	bad_dues_ledger      dues.ErrBadLedger         bad dues ledger              (invalid)
//	bad_dues_rules       dues.ErrBadRules          bad dues rules               (bad_rule)
//	dues_not_compilable  dues.ErrNotCompilable     rules cannot be compiled     (bad_rule)
//	ids_not_checked      dues.ErrIDsNotChecked     repeated IDs not checked     (limit)
//	bad_tax_rules        tax.ErrBadRules           bad tax rules                (bad_rule)
//	bad_tax_month        tax.ErrMonth              bad month                    (invalid)
//	tax_declaration      tax.ErrDeclaration        declaration not allowed      (invalid)
//	ledger_chain         enterprise.ErrLedgerChain breaks the ledger chain      (inconsistent)
//	remit_overdrawn      remit.ErrOverdrawn        shares exceed the dues       (inconsistent)
//	lump_sum_too_small   remit.ErrLumpSumTooSmall  a lump sum under 1000 元      (invalid)
//	bad_standard         standard.ErrBadStandard   bad standard                 (invalid)
//	bad_floor            standard.ErrBadFloor      bad floor                    (invalid)
//	bad_ladder           standard.ErrBadLadder     bad ladder                   (invalid)
//	bad_adjustment       standard.ErrBadGrowth     bad adjustment               (invalid)
//	bad_budget           budget.ErrBadBudget       bad budget input             (invalid)
var (
	// ErrSubFen: an exact amount has more than two decimal places and no
	// rounding was asked for.
	ErrSubFen = dangjian.NewKind("sub_fen", "finer than a fen", dangjian.ErrInvalid)
	// ErrOverflow: an amount leaves the range of an int64 count of fen
	// (about ±9.2 × 10^16 元).
	ErrOverflow = dangjian.NewKind("money_overflow", "amount out of range", dangjian.ErrOverflow)

	// ErrRateOutOfRange: a share or rate outside its allowed range.
	ErrRateOutOfRange = dangjian.NewKind("rate_out_of_range", "rate out of range", dangjian.ErrInvalid)
	// ErrYearOutOfRange: a year outside 1..9998.
	ErrYearOutOfRange = dangjian.NewKind("fund_year_range", "year out of range", dangjian.ErrInvalid)
	// ErrBadPolicy: a bad fund or remittance policy.
	ErrBadPolicy = dangjian.NewKind("bad_fund_policy", "bad policy", dangjian.ErrInvalid)

	// ErrBadRounding: a money rounding with an invalid mode or places
	// outside 0..2.
	ErrBadRounding = dangjian.NewKind("bad_money_rounding", "bad rounding", dangjian.ErrInvalid)
)

// Root kinds under their former funding names.
var (
	// Deprecated: use [dangjian.ErrInvalid].
	ErrRosterValue = dangjian.ErrInvalid
	// Deprecated: use [dangjian.ErrHeader].
	ErrRosterHeader = dangjian.ErrHeader
	// Deprecated: use [dangjian.ErrDuplicate].
	ErrDuplicateMember = dangjian.ErrDuplicate
	// Deprecated: use [dangjian.ErrOutOfPeriod].
	ErrOutOfPeriod = dangjian.ErrOutOfPeriod
	// Deprecated: use [dangjian.ErrNoRule].
	ErrNoRules = dangjian.ErrNoRule
	// Deprecated: use [dangjian.ErrNoRule].
	ErrNoRuleInForce = dangjian.ErrNoRule
	// Deprecated: use [dangjian.ErrNoRule].
	ErrNoTaxRule = dangjian.ErrNoRule
	// Deprecated: use [dangjian.ErrNegative].
	ErrNegativeAmount = dangjian.ErrNegative
	// Deprecated: use [dangjian.ErrNegative].
	ErrTaxNegative = dangjian.ErrNegative
	// Deprecated: use [dangjian.ErrInvalid].
	ErrTaxInvalid = dangjian.ErrInvalid
)

// Former error types, now all one [dangjian.Problem].
type (
	// Deprecated: use [dangjian.Problem]; Column is now Path (the column
	// name) and Column (its position).
	RosterRowError = dangjian.Problem
	// Deprecated: use [dangjian.Problem].
	TaxProblem = dangjian.Problem
	// Deprecated: use [dangjian.Problem]; the function name is gone.
	FundsError = dangjian.Problem
	// Deprecated: use [dangjian.Problem]; Why is now Detail.
	ParamError = dangjian.Problem
)

// Lang is the module's language switch.
//
// Deprecated: use [dangjian.Lang]. WriteLedger writes the English column
// names ("dues"), category codes ("employed") and flags true/false for
// [dangjian.English], and the Chinese ones ("党费", "在职", 是/否) for
// [dangjian.Chinese].
type Lang = dangjian.Lang

// Deprecated: use [dangjian.English] and [dangjian.Chinese].
const (
	English = dangjian.English
	Chinese = dangjian.Chinese
)
