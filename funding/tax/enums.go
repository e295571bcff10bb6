package tax

import (
	"github.com/dangjian-go/dangjian/funding/internal/funderr"
	"github.com/dangjian-go/dangjian/internal/enum"
)

// Table names a tax rate table.
type Table uint8

const (
	TableUnknown Table = iota // not set; invalid
	// CumulativeTable is 预扣率表一, applied by the cumulative withholding
	// method (累计预扣法) to a resident's cumulative taxable income.
	CumulativeTable
	// MonthlyTable is 按月换算后的综合所得税率表, applied to a non-resident's
	// monthly wages and, by the separate method, to the 全年一次性奖金.
	MonthlyTable
)

var taxTableTable = enum.New("Table",
	[]string{"", "cumulative", "monthly"},
	[]string{"", "个人所得税预扣率表一", "按月换算后的综合所得税率表"},
	map[string]int{"预扣率表一": 1, "月度税率表": 2})

// String returns the stable English code.
func (v Table) String() string { return taxTableTable.Code(int(v)) }

// Label returns the Chinese label.
func (v Table) Label() string { return taxTableTable.Label(int(v)) }

// IsValid reports whether v is one of the defined values.
func (v Table) IsValid() bool { return taxTableTable.Valid(int(v)) }

// ParseTable accepts the English code (any case), the Chinese label or
// an alias ("预扣率表一", "月度税率表").
func ParseTable(s string) (Table, error) {
	v, err := taxTableTable.Parse("funding", s)
	return Table(v), funderr.EnumProblem(err, taxTableTable, s, "tax table")
}

// MarshalText encodes the English code; the zero value encodes as "".
func (v Table) MarshalText() ([]byte, error) {
	return funderr.EnumText(taxTableTable, int(v), "tax table")
}

// UnmarshalText accepts what [ParseTable] accepts; "" decodes to the
// zero value.
func (v *Table) UnmarshalText(b []byte) error {
	x, err := taxTableTable.Unmarshal("funding", b)
	if err == nil {
		*v = Table(x)
	}
	return funderr.EnumProblem(err, taxTableTable, string(b), "tax table")
}

// DeductionItem is one kind of special additional deduction (专项附加扣除).
// 大病医疗 is claimed at the annual settlement, not at withholding, and is
// not modelled.
type DeductionItem uint8

const (
	DeductionItemUnknown DeductionItem = iota // not set; invalid
	ChildEducation                            // 子女教育, per child
	InfantCare                                // 3岁以下婴幼儿照护, per child (from 2022)
	ElderlySupport                            // 赡养老人
	HousingLoanInterest                       // 住房贷款利息 (first home)
	HousingRent                               // 住房租金, by city tier
	ContinuingEducation                       // 继续教育 (学历、学位), per month
)

var deductionItemTable = enum.New("DeductionItem",
	[]string{"", "child_education", "infant_care", "elderly_support", "housing_loan_interest", "housing_rent", "continuing_education"},
	[]string{"", "子女教育", "3岁以下婴幼儿照护", "赡养老人", "住房贷款利息", "住房租金", "继续教育"},
	map[string]int{"婴幼儿照护": 2, "housing_loan": 4, "住房贷款": 4, "rent": 5})

// String returns the stable English code.
func (v DeductionItem) String() string { return deductionItemTable.Code(int(v)) }

// Label returns the Chinese label.
func (v DeductionItem) Label() string { return deductionItemTable.Label(int(v)) }

// IsValid reports whether v is one of the defined values.
func (v DeductionItem) IsValid() bool { return deductionItemTable.Valid(int(v)) }

// ParseDeductionItem accepts the English code (any case), the Chinese label
// or an alias.
func ParseDeductionItem(s string) (DeductionItem, error) {
	v, err := deductionItemTable.Parse("funding", s)
	return DeductionItem(v), funderr.EnumProblem(err, deductionItemTable, s, "deduction item")
}

// MarshalText encodes the English code; the zero value encodes as "".
func (v DeductionItem) MarshalText() ([]byte, error) {
	return funderr.EnumText(deductionItemTable, int(v), "deduction item")
}

// UnmarshalText accepts what [ParseDeductionItem] accepts; "" decodes to
// the zero value.
func (v *DeductionItem) UnmarshalText(b []byte) error {
	x, err := deductionItemTable.Unmarshal("funding", b)
	if err == nil {
		*v = DeductionItem(x)
	}
	return funderr.EnumProblem(err, deductionItemTable, string(b), "deduction item")
}

// RentTier is the city tier of the housing rent deduction (住房租金). The
// zero value, [RentNone], means no rent is declared.
type RentTier uint8

const (
	RentNone  RentTier = iota // no rent declared
	RentTier1                 // 直辖市、省会（首府）城市、计划单列市以及国务院确定的其他城市
	RentTier2                 // 市辖区户籍人口超过100万的城市
	RentTier3                 // 市辖区户籍人口不超过100万的城市
)

var rentTierTable = enum.New("RentTier",
	[]string{"", "tier1", "tier2", "tier3"},
	[]string{"", "直辖市、省会（首府）城市、计划单列市以及国务院确定的其他城市", "市辖区户籍人口超过100万的城市", "市辖区户籍人口不超过100万的城市"},
	map[string]int{"直辖市": 1, "省会城市": 1, "计划单列市": 1})

// String returns the stable English code ("" for RentNone).
func (v RentTier) String() string { return rentTierTable.Code(int(v)) }

// Label returns the Chinese label ("" for RentNone).
func (v RentTier) Label() string { return rentTierTable.Label(int(v)) }

// IsValid reports whether v is one of the tiers (not RentNone).
func (v RentTier) IsValid() bool { return rentTierTable.Valid(int(v)) }

// ParseRentTier accepts the English code (any case), the Chinese label or
// an alias ("直辖市", "省会城市", "计划单列市").
func ParseRentTier(s string) (RentTier, error) {
	v, err := rentTierTable.Parse("funding", s)
	return RentTier(v), funderr.EnumProblem(err, rentTierTable, s, "rent tier")
}

// MarshalText encodes the English code; RentNone encodes as "".
func (v RentTier) MarshalText() ([]byte, error) {
	return funderr.EnumText(rentTierTable, int(v), "rent tier")
}

// UnmarshalText accepts what [ParseRentTier] accepts; "" decodes to
// RentNone.
func (v *RentTier) UnmarshalText(b []byte) error {
	x, err := rentTierTable.Unmarshal("funding", b)
	if err == nil {
		*v = RentTier(x)
	}
	return funderr.EnumProblem(err, rentTierTable, string(b), "rent tier")
}
