package dues

import (
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/internal/funderr"
	"github.com/dangjian-go/dangjian/internal/enum"
)

// Payslip is one month's pay of a member, as the items of the payslip and
// the member's own deductions. The dues base is computed from it by a
// [BasePolicy]: which items count depends on the employer and on the
// policy in force (2008 or 2017).
type Payslip struct {
	Employer Employer  `json:"employer"`
	Items    []PayItem `json:"items"`
	// IncomeTax is the individual income tax withheld this month (see
	// [tax.Withhold] for the cumulative method).
	IncomeTax funding.Money `json:"incomeTax"`
	// The member's own contributions: 养老, 医疗 and 失业 insurance, the
	// housing fund (住房公积金) and an occupational or enterprise annuity.
	// 工伤 and 生育 insurance are paid by the employer only.
	Pension      funding.Money `json:"pension"`
	Medical      funding.Money `json:"medical"`
	Unemployment funding.Money `json:"unemployment"`
	HousingFund  funding.Money `json:"housingFund"`
	Annuity      funding.Money `json:"annuity"`
}

// PayItem is one line of a payslip.
type PayItem struct {
	Kind   ItemKind      `json:"kind"`
	Amount funding.Money `json:"amount"`
	// Name is the payslip's own wording, kept for the trace.
	Name string `json:"name,omitempty"`
}

// Employer is the kind of employer, which decides the pay items of the
// dues base (规定 第一条).
type Employer uint8

const (
	EmployerUnknown   Employer = iota // not set
	Organ                             // 机关 (cadres)
	OrganWorker                       // 机关工人
	PublicInstitution                 // 事业单位
	Enterprise                        // 企业
	Pensioner                         // 离退休 (the payslip is a pension slip)
)

var employerTable = enum.New("Employer",
	[]string{"", "organ", "organ_worker", "public_institution", "enterprise", "pensioner"},
	[]string{"", "机关", "机关工人", "事业单位", "企业", "离退休"},
	map[string]int{"党政机关": 1, "国有企业": 4, "非公企业": 4, "退休": 5, "离休": 5})

// ItemKind classifies a pay item for the dues base.
type ItemKind uint8

const (
	ItemUnknown          ItemKind = iota // not classified
	PositionWage                         // 职务工资 (机关)
	GradeWage                            // 级别工资 (机关)
	PostWage                             // 岗位工资 (事业单位, 企业, 机关工人)
	ScaleWage                            // 薪级工资 (事业单位)
	BasicWage                            // 基本工资 (企业)
	SkillWage                            // 技能工资, 技术等级（职务）工资 (企业, 机关工人)
	WorkAllowance                        // 工作性津贴
	LivingAllowance                      // 生活性补贴
	PostAllowance                        // 岗位（职务）津贴补贴 (企业)
	BasicPerformance                     // 基础性绩效工资 (事业单位)
	IncentivePerformance                 // 奖励性绩效工资 (事业单位)
	PerformancePay                       // 定期普遍发放的绩效工资 (企业)
	RegularBonus                         // 定期普遍发放的奖金 (企业)
	IrregularBonus                       // 不定期、非普遍发放的奖金和绩效
	OneOffBonus                          // 一次性奖金
	SpecialAllowance                     // 特殊岗位津贴, 艰苦边远地区津贴 (少数地区、部分单位、特殊岗位、部分人员)
	ReformSubsidy                        // 改革性补贴: 住房、交通、公务用车、通讯补贴, 取暖费, 防暑降温费, 物业费
	InsuranceSubsidy                     // 社会保险类补贴
	HealthSubsidy                        // 保健类补贴
	Overtime                             // 加班补贴
	MealSubsidy                          // 误餐补贴
	BasicPension                         // 基本离退休费, 基本养老金 (with the increases granted under national rules)
	PensionAllowance                     // 离退休人员的津贴补贴
)

var itemTable = enum.New("ItemKind",
	[]string{"", "position_wage", "grade_wage", "post_wage", "scale_wage", "basic_wage", "skill_wage",
		"work_allowance", "living_allowance", "post_allowance", "basic_performance", "incentive_performance",
		"performance_pay", "regular_bonus", "irregular_bonus", "one_off_bonus", "special_allowance",
		"reform_subsidy", "insurance_subsidy", "health_subsidy", "overtime", "meal_subsidy",
		"basic_pension", "pension_allowance"},
	[]string{"", "职务工资", "级别工资", "岗位工资", "薪级工资", "基本工资", "技能工资",
		"工作性津贴", "生活性补贴", "岗位津贴补贴", "基础性绩效工资", "奖励性绩效工资",
		"绩效工资", "定期奖金", "不定期奖金", "一次性奖金", "特殊岗位津贴",
		"改革性补贴", "社会保险类补贴", "保健类补贴", "加班补贴", "误餐补贴",
		"基本养老金", "离退休津补贴"},
	map[string]int{
		"技术等级工资": 6, "技术职务工资": 6, "岗位职务津贴": 9, "职务津贴": 9,
		"基础性绩效": 10, "奖励性绩效": 11, "普遍发放奖金": 13, "不定期绩效": 14,
		"艰苦边远地区津贴": 16, "住房补贴": 17, "交通补贴": 17, "通讯补贴": 17, "公务用车补贴": 17,
		"取暖费": 17, "防暑降温费": 17, "物业费": 17, "住房提租补贴": 17,
		"基本离退休费": 23, "养老金": 23, "离退休费": 23, "津补贴": 24,
	})

// String returns the stable English code.
func (v Employer) String() string { return employerTable.Code(int(v)) }

// Label returns the Chinese label.
func (v Employer) Label() string { return employerTable.Label(int(v)) }

// IsValid reports whether v is one of the defined values (not EmployerUnknown).
func (v Employer) IsValid() bool { return employerTable.Valid(int(v)) }

// ParseEmployer accepts the English code (any case), the Chinese label or a
// listed alias. An unknown input is an error that quotes it.
func ParseEmployer(s string) (Employer, error) {
	v, err := employerTable.Parse("funding", s)
	return Employer(v), funderr.EnumProblem(err, employerTable, s, "employer")
}

// MarshalText encodes the English code; EmployerUnknown encodes as "".
func (v Employer) MarshalText() ([]byte, error) {
	return funderr.EnumText(employerTable, int(v), "employer")
}

// UnmarshalText accepts the English code, the Chinese label or an alias;
// "" decodes to EmployerUnknown.
func (v *Employer) UnmarshalText(b []byte) error {
	x, err := employerTable.Unmarshal("funding", b)
	if err == nil {
		*v = Employer(x)
	}
	return funderr.EnumProblem(err, employerTable, string(b), "employer")
}

// String returns the stable English code.
func (v ItemKind) String() string { return itemTable.Code(int(v)) }

// Label returns the Chinese label.
func (v ItemKind) Label() string { return itemTable.Label(int(v)) }

// IsValid reports whether v is one of the defined values (not ItemUnknown).
func (v ItemKind) IsValid() bool { return itemTable.Valid(int(v)) }

// ParseItemKind accepts the English code (any case), the Chinese label or a
// listed alias. An unknown input is an error that quotes it.
func ParseItemKind(s string) (ItemKind, error) {
	v, err := itemTable.Parse("funding", s)
	return ItemKind(v), funderr.EnumProblem(err, itemTable, s, "item kind")
}

// MarshalText encodes the English code; ItemUnknown encodes as "".
func (v ItemKind) MarshalText() ([]byte, error) {
	return funderr.EnumText(itemTable, int(v), "item kind")
}

// UnmarshalText accepts the English code, the Chinese label or an alias;
// "" decodes to ItemUnknown.
func (v *ItemKind) UnmarshalText(b []byte) error {
	x, err := itemTable.Unmarshal("funding", b)
	if err == nil {
		*v = ItemKind(x)
	}
	return funderr.EnumProblem(err, itemTable, string(b), "item kind")
}
