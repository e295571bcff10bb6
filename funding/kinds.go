package funding

import (
	"errors"

	"github.com/dangjian-go/dangjian"
)

// The kinds of this package's problems. Every error of the package is a
// *[dangjian.Problem] or a [dangjian.Problems] list of them, whose Kind is
// one of the root kinds ([dangjian.ErrInvalid], [dangjian.ErrNegative],
// [dangjian.ErrNoRule], …) or one of the narrower kinds below, each made
// with [dangjian.NewKind] under a root kind, so that errors.Is matches both
// the narrow kind and its root. Where a problem's kind is a root kind and
// the input it concerns has a kind of its own here (a member, a payslip, a
// ledger, a floor), the problem's Err is that kind: a negative base is
// errors.Is both [dangjian.ErrNegative] and [ErrBadMember].
//
// The machine codes (Kind.Code) are stable:
//
//	sub_fen              ErrSubFen           finer than a fen             (invalid)
//	money_overflow       ErrOverflow         amount out of range          (overflow)
//	bad_member           ErrBadMember        bad member input             (invalid)
//	bad_payslip          ErrBadPayslip       bad payslip                  (invalid)
//	bad_dues_ledger      ErrBadLedger        bad dues ledger              (invalid)
//	bad_dues_rules       ErrBadRules         bad dues rules               (bad_rule)
//	dues_not_compilable  ErrNotCompilable    rules cannot be compiled     (bad_rule)
//	bad_tax_rules        ErrBadTaxRules      bad tax rules                (bad_rule)
//	bad_tax_month        ErrTaxMonth         bad month                    (invalid)
//	tax_declaration      ErrTaxDeclaration   declaration not allowed      (invalid)
//	rate_out_of_range    ErrRateOutOfRange   rate out of range            (invalid)
//	fund_year_range      ErrYearOutOfRange   year out of range            (invalid)
//	bad_fund_policy      ErrBadPolicy        bad policy                   (invalid)
//	ledger_chain         ErrLedgerChain      breaks the ledger chain      (inconsistent)
//	remit_overdrawn      ErrOverdrawn        shares exceed the dues       (inconsistent)
//	lump_sum_too_small   ErrLumpSumTooSmall  a lump sum under 1000 元      (invalid)
//	bad_money_rounding   ErrBadRounding      bad rounding                 (invalid)
//	bad_standard         ErrBadStandard      bad standard                 (invalid)
//	bad_floor            ErrBadFloor         bad floor                    (invalid)
//	bad_ladder           ErrBadLadder        bad ladder                   (invalid)
//	bad_adjustment       ErrBadGrowth        bad adjustment               (invalid)
//
// The budget's kind, bad_budget, is [budget.ErrBadBudget] in funding/budget.
var (
	// ErrSubFen: an exact amount has more than two decimal places and no
	// rounding was asked for.
	ErrSubFen = dangjian.NewKind("sub_fen", "finer than a fen", dangjian.ErrInvalid)
	// ErrOverflow: an amount leaves the range of an int64 count of fen
	// (about ±9.2 × 10^16 元).
	ErrOverflow = dangjian.NewKind("money_overflow", "amount out of range", dangjian.ErrOverflow)

	// ErrBadMember: bad input to [DuesRules.Monthly] or the batch path.
	ErrBadMember = dangjian.NewKind("bad_member", "bad member input", dangjian.ErrInvalid)
	// ErrBadPayslip: a payslip the base policy cannot read.
	ErrBadPayslip = dangjian.NewKind("bad_payslip", "bad payslip", dangjian.ErrInvalid)
	// ErrBadLedger: a bad payment ledger given to [Arrears].
	ErrBadLedger = dangjian.NewKind("bad_dues_ledger", "bad dues ledger", dangjian.ErrInvalid)
	// ErrBadRules: a dues rule set that cannot compute an input.
	ErrBadRules = dangjian.NewKind("bad_dues_rules", "bad dues rules", dangjian.ErrBadRule)
	// ErrNotCompilable: rules [DuesRules.Compile] cannot compile exactly.
	ErrNotCompilable = dangjian.NewKind("dues_not_compilable", "rules cannot be compiled exactly", dangjian.ErrBadRule)

	// ErrBadTaxRules: a tax rule set that fails its checks.
	ErrBadTaxRules = dangjian.NewKind("bad_tax_rules", "bad tax rules", dangjian.ErrBadRule)
	// ErrTaxMonth: a month of a tax year that is missing, repeated or out of order.
	ErrTaxMonth = dangjian.NewKind("bad_tax_month", "bad month", dangjian.ErrInvalid)
	// ErrTaxDeclaration: a deduction declared where the rules allow none.
	ErrTaxDeclaration = dangjian.NewKind("tax_declaration", "declaration not allowed", dangjian.ErrInvalid)

	// ErrRateOutOfRange: a share or rate outside its allowed range.
	ErrRateOutOfRange = dangjian.NewKind("rate_out_of_range", "rate out of range", dangjian.ErrInvalid)
	// ErrYearOutOfRange: a year outside 1..9998.
	ErrYearOutOfRange = dangjian.NewKind("fund_year_range", "year out of range", dangjian.ErrInvalid)
	// ErrBadPolicy: a bad fund or remittance policy.
	ErrBadPolicy = dangjian.NewKind("bad_fund_policy", "bad policy", dangjian.ErrInvalid)
	// ErrLedgerChain: a year's opening balance is not the previous year's closing.
	ErrLedgerChain = dangjian.NewKind("ledger_chain", "breaks the ledger chain", dangjian.ErrInconsistent)
	// ErrOverdrawn: the shares of a remittance take more than the dues collected.
	ErrOverdrawn = dangjian.NewKind("remit_overdrawn", "shares take more than the dues collected", dangjian.ErrInconsistent)
	// ErrLumpSumTooSmall: a lump sum under 1000 元.
	ErrLumpSumTooSmall = dangjian.NewKind("lump_sum_too_small", "lump sums are payments of 1000 元 or more", dangjian.ErrInvalid)

	// ErrBadRounding: a money rounding with an invalid mode or places
	// outside 0..2.
	ErrBadRounding = dangjian.NewKind("bad_money_rounding", "bad rounding", dangjian.ErrInvalid)

	// ErrBadStandard: a bad item or field of a [Standards] set.
	ErrBadStandard = dangjian.NewKind("bad_standard", "bad standard", dangjian.ErrInvalid)
	// ErrBadFloor: a bad pay floor or floor input.
	ErrBadFloor = dangjian.NewKind("bad_floor", "bad floor", dangjian.ErrInvalid)
	// ErrBadLadder: a bad pay ladder or ladder input.
	ErrBadLadder = dangjian.NewKind("bad_ladder", "bad ladder", dangjian.ErrInvalid)
	// ErrBadGrowth: a bad adjustment (index or peg) input.
	ErrBadGrowth = dangjian.NewKind("bad_adjustment", "bad adjustment", dangjian.ErrInvalid)
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

// problemAt returns err as a problem at path: a *dangjian.Problem keeps
// its kind, gains path as a prefix of its own and, if it wraps nothing,
// wraps k; another error becomes a problem of kind k (or the kind found in
// err) that wraps it.
func problemAt(path string, err error, k *dangjian.Kind) *dangjian.Problem {
	if p, ok := err.(*dangjian.Problem); ok {
		q := *p
		q.Path = joinPath(path, q.Path)
		if q.Err == nil && k != nil && k != q.Kind {
			q.Err = k // errors.Is sees the caller's kind too
		}
		return &q
	}
	if pk := kindIn(err); pk != nil {
		k = pk
	}
	return &dangjian.Problem{Kind: k, Path: path, Detail: err.Error(), Err: err}
}

// joinPath joins a path prefix and a path ("months[2]" and "base" give
// "months[2].base"; a prefix and an index "[3]" give "prefix[3]").
func joinPath(prefix, path string) string {
	switch {
	case prefix == "":
		return path
	case path == "":
		return prefix
	case path[0] == '[':
		return prefix + path
	}
	return prefix + "." + path
}

// kindIn returns the kind of the first problem or kind in err's tree, or
// nil.
func kindIn(err error) *dangjian.Kind {
	var p *dangjian.Problem
	if errors.As(err, &p) {
		return p.Kind
	}
	var k *dangjian.Kind
	if errors.As(err, &k) {
		return k
	}
	return nil
}
