package dues

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/internal/funderr"
	"github.com/dangjian-go/dangjian/internal/enum"
)

// BasePolicy says how the dues base (党费计算基数) is computed from a
// payslip: which pay items count, per employer, and what is deducted. The
// 2008 policy deducts income tax only (规定 第一条, 问答52期 Q2); the 2017
// policy excludes tax, social insurance, the housing fund, annuities and
// reform subsidies, counts only the 基础性绩效 of 事业单位 and only the basic
// pension of retired members (2017通知).
//
// A BasePolicy is a value; copy it with [BasePolicy.Clone] before changing
// its slices.
type BasePolicy struct {
	dangjian.Rule
	Items   []BaseItems `json:"items"`
	Deducts []Deduction `json:"deducts"`
}

// BaseItems lists the pay items that count for one employer, with the
// citation of that list.
type BaseItems struct {
	dangjian.Rule
	Employer Employer   `json:"employer"`
	Kinds    []ItemKind `json:"kinds"`
}

// Deduction is a payslip deduction subtracted from the included items.
type Deduction uint8

const (
	DeductionUnknown   Deduction = iota // not set
	DeductIncomeTax                     // 个人所得税
	DeductPension                       // 养老保险 (own part)
	DeductMedical                       // 医疗保险 (own part)
	DeductUnemployment                  // 失业保险 (own part)
	DeductHousingFund                   // 住房公积金 (own part)
	DeductAnnuity                       // 职业年金, 企业年金
)

var deductionTable = enum.New("Deduction",
	[]string{"", "income_tax", "pension", "medical", "unemployment", "housing_fund", "annuity"},
	[]string{"", "个人所得税", "养老保险", "医疗保险", "失业保险", "住房公积金", "年金"},
	map[string]int{"个税": 1, "基本养老保险": 2, "基本医疗保险": 3, "公积金": 5, "职业年金": 6, "企业年金": 6})

func (d Deduction) of(p Payslip) funding.Money {
	switch d {
	case DeductIncomeTax:
		return p.IncomeTax
	case DeductPension:
		return p.Pension
	case DeductMedical:
		return p.Medical
	case DeductUnemployment:
		return p.Unemployment
	case DeductHousingFund:
		return p.HousingFund
	case DeductAnnuity:
		return p.Annuity
	}
	return funding.Money{}
}

// Clone returns a deep copy.
func (p BasePolicy) Clone() BasePolicy {
	p.Items = slices.Clone(p.Items)
	for i := range p.Items {
		p.Items[i].Kinds = slices.Clone(p.Items[i].Kinds)
	}
	p.Deducts = slices.Clone(p.Deducts)
	return p
}

// BaseResult is a computed dues base with how it was obtained.
type BaseResult struct {
	Base funding.Money `json:"base"`
	// Included and Excluded are the payslip's items, split by the policy.
	Included []PayItem `json:"included"`
	Excluded []PayItem `json:"excluded,omitempty"`
	// Deducted lists each deduction applied and its amount.
	Deducted []DeductionLine `json:"deducted,omitempty"`
	// Rules are the IDs of the policy and of the employer's item list.
	Rules []string `json:"rules"`
	// Clamped reports that deductions exceeded the included items, so the
	// base was taken as 0.
	Clamped bool `json:"clamped,omitempty"`
}

// DeductionLine is one deduction taken from the base.
type DeductionLine struct {
	Deduction Deduction     `json:"deduction"`
	Amount    funding.Money `json:"amount"`
}

// Base computes the dues base of one month's payslip: the sum of the items
// the policy counts for the employer, less the policy's deductions. The
// amounts are exact; nothing is rounded. A negative item or deduction, or
// an employer the policy has no item list for, is an error naming the
// field. A base below zero is taken as 0 and marked Clamped.
func (p BasePolicy) Base(ps Payslip) (BaseResult, error) {
	var errs dangjian.Problems
	bad := func(path, value, why string) {
		if why == "must not be negative" {
			errs.Add(&dangjian.Problem{Kind: dangjian.ErrNegative, Path: "payslip." + path, Value: value, Err: ErrBadPayslip})
			return
		}
		errs.Add(&dangjian.Problem{Kind: ErrBadPayslip, Path: "payslip." + path, Value: value, Detail: why})
	}
	var list *BaseItems
	for i := range p.Items {
		if p.Items[i].Employer == ps.Employer {
			list = &p.Items[i]
			break
		}
	}
	if list == nil {
		bad("employer", ps.Employer.String(), fmt.Sprintf("policy %s has no item list for this employer", p.ID))
	}
	res := BaseResult{Rules: []string{p.ID}}
	if list != nil {
		res.Rules = append(res.Rules, list.ID)
	}
	var in funding.Money
	for i, it := range ps.Items {
		if it.Amount.IsNegative() {
			bad("items["+strconv.Itoa(i)+"].amount", it.Amount.String(), "must not be negative")
			continue
		}
		if !it.Kind.IsValid() {
			bad("items["+strconv.Itoa(i)+"].kind", it.Kind.String(), "unknown item kind")
			continue
		}
		if list != nil && slices.Contains(list.Kinds, it.Kind) {
			res.Included = append(res.Included, it)
			var err error
			if in, err = in.Add(it.Amount); err != nil {
				errs.Add(funderr.At("payslip.items["+strconv.Itoa(i)+"].amount", err, funding.ErrOverflow))
			}
		} else {
			res.Excluded = append(res.Excluded, it)
		}
	}
	var out funding.Money
	for _, d := range p.Deducts {
		amt := d.of(ps)
		if amt.IsNegative() {
			bad(lowerFirst(d), amt.String(), "must not be negative")
			continue
		}
		if amt.IsZero() {
			continue
		}
		res.Deducted = append(res.Deducted, DeductionLine{Deduction: d, Amount: amt})
		var err error
		if out, err = out.Add(amt); err != nil {
			errs.Add(funderr.At("payslip."+lowerFirst(d), err, funding.ErrOverflow))
		}
	}
	if err := errs.Err(); err != nil {
		return BaseResult{}, err
	}
	base, err := in.Sub(out)
	if err != nil {
		return BaseResult{}, err
	}
	if base.IsNegative() {
		base, res.Clamped = funding.Money{}, true
	}
	res.Base = base
	return res, nil
}

// lowerFirst returns the payslip field name of a deduction.
func lowerFirst(d Deduction) string {
	switch d {
	case DeductIncomeTax:
		return "incomeTax"
	case DeductHousingFund:
		return "housingFund"
	}
	return d.String()
}

// String returns the stable English code.
func (v Deduction) String() string { return deductionTable.Code(int(v)) }

// Label returns the Chinese label.
func (v Deduction) Label() string { return deductionTable.Label(int(v)) }

// IsValid reports whether v is one of the defined values (not DeductionUnknown).
func (v Deduction) IsValid() bool { return deductionTable.Valid(int(v)) }

// ParseDeduction accepts the English code (any case), the Chinese label or a
// listed alias. An unknown input is an error that quotes it.
func ParseDeduction(s string) (Deduction, error) {
	v, err := deductionTable.Parse("funding", s)
	return Deduction(v), funderr.EnumProblem(err, deductionTable, s, "deduction")
}

// MarshalText encodes the English code; DeductionUnknown encodes as "".
func (v Deduction) MarshalText() ([]byte, error) {
	return funderr.EnumText(deductionTable, int(v), "deduction")
}

// UnmarshalText accepts the English code, the Chinese label or an alias;
// "" decodes to DeductionUnknown.
func (v *Deduction) UnmarshalText(b []byte) error {
	x, err := deductionTable.Unmarshal("funding", b)
	if err == nil {
		*v = Deduction(x)
	}
	return funderr.EnumProblem(err, deductionTable, string(b), "deduction")
}
