package tax

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/internal/funderr"
	"github.com/dangjian-go/dangjian/internal/enum"
	"github.com/shopspring/decimal"
)

// The documents the tax rules cite (each rule's Source; RULES.md, sections
// "Tax …"). Rules recalled rather than checked against a primary source
// say so in their note and are marked unverified.
const (
	docTax61      = "国家税务总局公告2018年第61号《个人所得税扣缴申报管理办法（试行）》"
	docTaxMonthly = "按月换算后的综合所得税率表"
	docTaxLaw     = "中华人民共和国个人所得税法"
	docSAD2018    = "国发〔2018〕41号《个人所得税专项附加扣除暂行办法》"
	docSAD2022    = "国发〔2022〕8号《国务院关于设立3岁以下婴幼儿照护个人所得税专项附加扣除的通知》"
	docSAD2023    = "国发〔2023〕13号《国务院关于提高个人所得税有关专项附加扣除标准的通知》"
	docBonus2018  = "财税〔2018〕164号《财政部 税务总局关于个人所得税法修改后有关优惠政策衔接问题的通知》"
	docBonus2021  = "财政部 税务总局公告2021年第42号"
	docBonus2023  = "财政部 税务总局公告2023年第30号"
	docTaxRound   = "dangjian default: no rounding rule for withholding tax found"

	noteTax61Number = "wording as quoted on bst12366.com and reposts; the number of 公告2018年第61号 is unverified"
	noteNotInRef    = "recalled, not checked against a primary source; check before relying on it"
	note41          = "amount and article recalled (国发〔2018〕41号 not seen)"
	note2023        = "full text reposted at tsrb.com.cn and gusuwang; 中国教育报 summary"
)

var (
	tax2019   = dangjian.MustParseDate("2019-01-01")
	tax2022   = dangjian.MustParseDate("2022-01-01")
	tax2023   = dangjian.MustParseDate("2023-01-01")
	tax2024   = dangjian.MustParseDate("2024-01-01")
	taxBonEnd = dangjian.MustParseDate("2028-01-01") // 2027-12-31 inclusive
)

func taxRule(id string, from, to dangjian.Date, doc, article string, c dangjian.Confidence, note string) dangjian.Rule {
	return dangjian.Rule{ID: id, Period: dangjian.Period{From: from, To: to},
		Source: dangjian.Source{Doc: doc, Article: article, Confidence: c, Note: note}}
}

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

// Bracket is one row (级数) of a tax rate table: income above Over and up
// to UpTo inclusive ("超过…至…", "不超过…") is taxed as income × Rate −
// QuickDeduction, the rate applied to the whole amount. The last row is
// Open: it has no upper bound and its UpTo is zero.
type Bracket struct {
	dangjian.Rule
	Table          Table         `json:"table"`
	Level          int           `json:"level"`
	Over           funding.Money `json:"over"`
	UpTo           funding.Money `json:"upTo"`
	Open           bool          `json:"open,omitempty"`
	Rate           funding.Rate  `json:"rate"`
	QuickDeduction funding.Money `json:"quickDeduction"`
}

// BasicDeduction is the basic deduction (减除费用) per month: for a
// resident, per month employed with the withholding employer in the year
// (累计减除费用); for a non-resident, from each month's wages.
type BasicDeduction struct {
	dangjian.Rule
	Monthly funding.Money `json:"monthly"`
}

// AdditionalDeduction is one special additional deduction (专项附加扣除) as
// a dated rule: Monthly per child (子女教育, 婴幼儿照护) or per month. For
// 赡养老人, Monthly is the amount of an only child and the total that
// siblings share, each share at most ShareCap. For 住房租金, Tier is the city
// tier. Splittable says the amount may be claimed at 50% by each parent (or
// spouse) instead of 100% by one.
type AdditionalDeduction struct {
	dangjian.Rule
	Item       DeductionItem `json:"item"`
	Tier       RentTier      `json:"tier,omitempty"`
	Monthly    funding.Money `json:"monthly"`
	ShareCap   funding.Money `json:"shareCap"`
	Splittable bool          `json:"splittable,omitempty"`
}

// RoundingRule is the declared rounding point of the tax: the exact tax
// (income × rate − quick deduction has at most four decimal places when
// the income is in fen and the rate a whole percent) is rounded once, with
// Rounding, to the fen.
type RoundingRule struct {
	dangjian.Rule
	Rounding funding.Rounding `json:"rounding"`
}

// Rules is a dated set of rules for the individual income tax on wages:
// the cumulative withholding method, both rate tables, the basic
// deductions, the special additional deductions, the separate taxation of
// the 全年一次性奖金 and the rounding point. Every value carries its rule
// header; a computation for a month uses the values in force on its first
// day.
//
// Rules is a value: [NationalRules] returns a fresh copy on each
// call, and [Rules.WithAdditional] and [Rules.WithRounding] return
// new sets. Its methods never modify it, so a Rules that nobody modifies
// is safe for concurrent use by multiple goroutines.
type Rules struct {
	// Name identifies the set ("national").
	Name string `json:"name"`
	// Method holds the cumulative withholding method (累计预扣法) and its
	// no-refund clause, by date.
	Method []dangjian.Rule `json:"method"`
	// NoRefund is the clause that a negative amount due in a month is
	// withheld as 0 (暂不退税), by date.
	NoRefund []dangjian.Rule `json:"noRefund"`
	// Brackets holds the rows of both tables, every version.
	Brackets []Bracket `json:"brackets"`
	// Basic is the residents' basic deduction per month employed.
	Basic []BasicDeduction `json:"basic"`
	// NonResidentBasic is the non-residents' monthly basic deduction.
	NonResidentBasic []BasicDeduction `json:"nonResidentBasic"`
	// Additional holds the special additional deductions, every version.
	Additional []AdditionalDeduction `json:"additional"`
	// BonusSeparate holds the windows in which the 全年一次性奖金 may be
	// taxed separately on the monthly table.
	BonusSeparate []dangjian.Rule `json:"bonusSeparate"`
	// Rounding is the rounding point of every tax amount.
	Rounding RoundingRule `json:"rounding"`
}

// NationalRules returns the national rules (RULES.md, sections "Tax …";
// rules TAX-*) as a fresh value: the cumulative method and 预扣率表一 from 2019, the basic
// deduction of 5000 per month, the monthly table, the special additional
// deductions of 国发〔2018〕41号 (unverified), the 3岁以下婴幼儿照护 deduction
// of 国发〔2022〕8号 (unverified), the increases of 国发〔2023〕13号 from
// 2023-01-01 (verified), the separate bonus taxation to 2027-12-31
// (unverified) and half-up rounding to the fen (the library's default; no
// rule found).
func NationalRules() Rules {
	y := func(n int64) funding.Money { return funding.Fen(n * 100) }
	pct := func(s string) funding.Rate { return funding.MustParseRate(s + "%") }
	cum := func(level int, over, upTo int64, rate string, qd int64) Bracket {
		return Bracket{
			Rule: taxRule(fmt.Sprintf("TAX-CUM-2019-%d", level), tax2019, dangjian.Date{}, docTax61, "附件 预扣率表一", dangjian.Verified,
				"as quoted on chinaacc, gdqww and bst12366 tax pages; "+noteTax61Number),
			Table: CumulativeTable, Level: level, Over: y(over), UpTo: y(upTo), Open: upTo == 0, Rate: pct(rate), QuickDeduction: y(qd),
		}
	}
	mon := func(level int, over, upTo int64, rate string, qd int64) Bracket {
		return Bracket{
			Rule: taxRule(fmt.Sprintf("TAX-MON-2019-%d", level), tax2019, dangjian.Date{}, docTaxMonthly, "", dangjian.Verified,
				"as quoted on gxscse.com and xiaomilidoc; the table was published with 财税〔2018〕164号 (number unverified)"),
			Table: MonthlyTable, Level: level, Over: y(over), UpTo: y(upTo), Open: upTo == 0, Rate: pct(rate), QuickDeduction: y(qd),
		}
	}
	add := func(id string, from, to dangjian.Date, doc, art string, c dangjian.Confidence, note string, item DeductionItem, monthly, shareCap int64, split bool) AdditionalDeduction {
		return AdditionalDeduction{Rule: taxRule(id, from, to, doc, art, c, note), Item: item, Monthly: y(monthly), ShareCap: y(shareCap), Splittable: split}
	}
	rent := func(id string, tier RentTier, monthly int64) AdditionalDeduction {
		a := add(id, tax2019, dangjian.Date{}, docSAD2018, "第十七条", dangjian.Unverified, note41, HousingRent, monthly, 0, false)
		a.Tier = tier
		return a
	}
	return Rules{
		Name: "national",
		Method: []dangjian.Rule{
			taxRule("TAX-CUM-METHOD-2019", tax2019, dangjian.Date{}, docTax61, "第六条", dangjian.Verified,
				"本期应预扣预缴税额 = (累计预扣预缴应纳税所得额 × 预扣率 − 速算扣除数) − 累计减免税额 − 累计已预扣预缴税额; "+
					"累计预扣预缴应纳税所得额 = 累计收入 − 累计免税收入 − 累计减除费用 − 累计专项扣除 − 累计专项附加扣除 − 累计依法确定的其他扣除; "+
					noteTax61Number+"; article number recalled"),
		},
		NoRefund: []dangjian.Rule{
			taxRule("TAX-CUM-NOREFUND-2019", tax2019, dangjian.Date{}, docTax61, "第六条", dangjian.Unverified,
				"“计算结果为负值时，暂不退税”: a negative amount due is withheld as 0 and settled at the annual 汇算; "+noteNotInRef),
		},
		Brackets: []Bracket{
			cum(1, 0, 36000, "3", 0),
			cum(2, 36000, 144000, "10", 2520),
			cum(3, 144000, 300000, "20", 16920),
			cum(4, 300000, 420000, "25", 31920),
			cum(5, 420000, 660000, "30", 52920),
			cum(6, 660000, 960000, "35", 85920),
			cum(7, 960000, 0, "45", 181920),
			mon(1, 0, 3000, "3", 0),
			mon(2, 3000, 12000, "10", 210),
			mon(3, 12000, 25000, "20", 1410),
			mon(4, 25000, 35000, "25", 2660),
			mon(5, 35000, 55000, "30", 4410),
			mon(6, 55000, 80000, "35", 7160),
			mon(7, 80000, 0, "45", 15160),
		},
		Basic: []BasicDeduction{{
			Rule: taxRule("TAX-BASIC-2019", tax2019, dangjian.Date{}, docTax61, "第六条", dangjian.Verified,
				"“累计减除费用，按照5000元/月乘以纳税人当年截至本月在本单位的任职受雇月份数计算”; "+noteTax61Number),
			Monthly: y(5000),
		}},
		NonResidentBasic: []BasicDeduction{{
			Rule: taxRule("TAX-NR-BASIC-2019", tax2019, dangjian.Date{}, docTaxLaw, "第六条", dangjian.Unverified,
				"“非居民个人的工资、薪金所得，以每月收入额减除费用五千元后的余额为应纳税所得额”; "+noteNotInRef),
			Monthly: y(5000),
		}},
		Additional: []AdditionalDeduction{
			add("TAX-SAD-CHILD-2019", tax2019, tax2023, docSAD2018, "第五条、第六条", dangjian.Unverified, note41+"; 50% each parent or 100% one parent", ChildEducation, 1000, 0, true),
			add("TAX-SAD-CHILD-2023", tax2023, dangjian.Date{}, docSAD2023, "", dangjian.Verified, note2023+"; the 50% split is 国发〔2018〕41号 (unverified)", ChildEducation, 2000, 0, true),
			add("TAX-SAD-INFANT-2022", tax2022, tax2023, docSAD2022, "", dangjian.Unverified, "from 2022-01-01; "+noteNotInRef, InfantCare, 1000, 0, true),
			add("TAX-SAD-INFANT-2023", tax2023, dangjian.Date{}, docSAD2023, "", dangjian.Verified, note2023, InfantCare, 2000, 0, true),
			add("TAX-SAD-ELDERLY-2019", tax2019, tax2023, docSAD2018, "第二十二条", dangjian.Unverified, note41+"; siblings share 2000, each share at most 1000", ElderlySupport, 2000, 1000, false),
			add("TAX-SAD-ELDERLY-2023", tax2023, dangjian.Date{}, docSAD2023, "", dangjian.Verified, note2023+"; siblings share 3000, each share at most 1500", ElderlySupport, 3000, 1500, false),
			add("TAX-SAD-LOAN-2019", tax2019, dangjian.Date{}, docSAD2018, "第十四条、第十五条", dangjian.Unverified, note41+"; 50% each for homes bought separately before marriage", HousingLoanInterest, 1000, 0, true),
			rent("TAX-SAD-RENT-2019-T1", RentTier1, 1500),
			rent("TAX-SAD-RENT-2019-T2", RentTier2, 1100),
			rent("TAX-SAD-RENT-2019-T3", RentTier3, 800),
			add("TAX-SAD-CONTEDU-2019", tax2019, dangjian.Date{}, docSAD2018, "第八条", dangjian.Unverified, note41+"; 学历（学位）继续教育 400 per month; the 3600 per year for 职业资格 is not modelled", ContinuingEducation, 400, 0, false),
		},
		BonusSeparate: []dangjian.Rule{
			taxRule("TAX-BONUS-2019", tax2019, tax2022, docBonus2018, "一、（一）", dangjian.Unverified, "separate taxation of the 全年一次性奖金 on bonus ÷ 12, to 2021-12-31; "+noteNotInRef),
			taxRule("TAX-BONUS-2022", tax2022, tax2024, docBonus2021, "", dangjian.Unverified, "extended to 2023-12-31; "+noteNotInRef),
			taxRule("TAX-BONUS-2024", tax2024, taxBonEnd, docBonus2023, "", dangjian.Unverified, "extended to 2027-12-31 inclusive (unverified)"),
		},
		Rounding: RoundingRule{
			Rule: taxRule("TAX-ROUND", dangjian.Date{}, dangjian.Date{}, docTaxRound, "", dangjian.Unverified,
				"the exact tax is rounded once, half-up to the fen, at each month's cumulative tax and at the bonus tax; configure with WithRounding"),
			Rounding: funding.DefaultRounding(),
		},
	}
}

// Clone returns a deep copy of r.
func (r Rules) Clone() Rules {
	r.Method = slices.Clone(r.Method)
	r.NoRefund = slices.Clone(r.NoRefund)
	r.Brackets = slices.Clone(r.Brackets)
	r.Basic = slices.Clone(r.Basic)
	r.NonResidentBasic = slices.Clone(r.NonResidentBasic)
	r.Additional = slices.Clone(r.Additional)
	r.BonusSeparate = slices.Clone(r.BonusSeparate)
	return r
}

// WithAdditional returns a copy of r with the special additional
// deductions added; one whose ID is already in the set replaces it in
// place. Use it to replace an unverified amount.
func (r Rules) WithAdditional(ds ...AdditionalDeduction) Rules {
	out := r.Clone()
	for _, d := range ds {
		if i := slices.IndexFunc(out.Additional, func(x AdditionalDeduction) bool { return x.ID == d.ID }); i >= 0 {
			out.Additional[i] = d
		} else {
			out.Additional = append(out.Additional, d)
		}
	}
	return out
}

// WithRounding returns a copy of r with another rounding point.
func (r Rules) WithRounding(rd RoundingRule) Rules {
	out := r.Clone()
	out.Rounding = rd
	return out
}

// Rules returns the header of every rule in r, in a fresh slice.
func (r Rules) Rules() []dangjian.Rule {
	ts := r.topics()
	out := make([]dangjian.Rule, len(ts))
	for i, t := range ts {
		out[i] = t.Rule
	}
	return out
}

// taxTopic is a rule header with its topic: the versions of one value,
// which must not be in force at the same time.
type taxTopic struct {
	dangjian.Rule
	topic string
}

func (r Rules) topics() []taxTopic {
	var out []taxTopic
	for _, h := range r.Method {
		out = append(out, taxTopic{h, "method"})
	}
	for _, h := range r.NoRefund {
		out = append(out, taxTopic{h, "norefund"})
	}
	for _, b := range r.Brackets {
		out = append(out, taxTopic{b.Rule, fmt.Sprintf("bracket/%s/%d", b.Table, b.Level)})
	}
	for _, b := range r.Basic {
		out = append(out, taxTopic{b.Rule, "basic"})
	}
	for _, b := range r.NonResidentBasic {
		out = append(out, taxTopic{b.Rule, "basic/nonresident"})
	}
	for _, a := range r.Additional {
		out = append(out, taxTopic{a.Rule, "additional/" + a.Item.String() + "/" + a.Tier.String()})
	}
	for _, h := range r.BonusSeparate {
		out = append(out, taxTopic{h, "bonus"})
	}
	return append(out, taxTopic{r.Rounding.Rule, "rounding"})
}

// Check reports every problem of r, joined: the header checks of
// [dangjian.CheckRules] over all rules (unique IDs, sources, periods) and
// within each topic (no two versions in force at once); and, on every date
// a table changes, that each table starts at 0, is contiguous, ends with
// one open row, has rising rates, and has quick deductions that keep the
// tax continuous at every edge (速算扣除数 = the previous one + edge ×
// rate step); positive deduction amounts; share caps only on 赡养老人; city
// tiers only on 住房租金; a valid rounding.
func (r Rules) Check() error {
	var errs dangjian.Problems
	if err := dangjian.CheckRules(r.topics(), func(t taxTopic) string { return t.topic }); err != nil {
		errs = append(errs, dangjian.ProblemsOf(err)...)
	}
	bad := func(what, why string) {
		errs.Add(&dangjian.Problem{Kind: ErrBadRules, Path: what, Detail: why})
	}
	if len(r.Method) == 0 {
		bad("method", "no cumulative withholding method")
	}
	for i, b := range r.Brackets {
		if !b.Table.IsValid() {
			bad(fmt.Sprintf("brackets[%d] (%q).table", i, b.ID), fmt.Sprintf("invalid table %d", b.Table))
		}
	}
	for _, t := range []Table{CumulativeTable, MonthlyTable} {
		for _, d := range r.tableDates(t) {
			if rows := r.table(t, d); len(rows) > 0 {
				if why := checkTable(rows); why != "" {
					bad(fmt.Sprintf("%s table in force on %s", t, dateOrAlways(d)), why)
				}
			}
		}
	}
	for _, set := range []struct {
		name string
		rows []BasicDeduction
	}{{"basic", r.Basic}, {"nonResidentBasic", r.NonResidentBasic}} {
		for i, b := range set.rows {
			if b.Monthly.Cmp(funding.Money{}) <= 0 {
				bad(fmt.Sprintf("%s[%d] (%q).monthly", set.name, i, b.ID), fmt.Sprintf("want a positive amount, have %s", b.Monthly))
			}
		}
	}
	for i, a := range r.Additional {
		where := fmt.Sprintf("additional[%d] (%q)", i, a.ID)
		if !a.Item.IsValid() {
			bad(where+".item", fmt.Sprintf("invalid item %d", a.Item))
		}
		if a.Monthly.Cmp(funding.Money{}) <= 0 {
			bad(where+".monthly", fmt.Sprintf("want a positive amount, have %s", a.Monthly))
		}
		if a.Item == HousingRent && !a.Tier.IsValid() {
			bad(where+".tier", "rent needs a city tier")
		}
		if a.Item != HousingRent && a.Tier != RentNone {
			bad(where+".tier", fmt.Sprintf("only rent has a city tier, have %q", a.Tier))
		}
		if a.Item == ElderlySupport && (a.ShareCap.Cmp(funding.Money{}) <= 0 || a.ShareCap.Cmp(a.Monthly) > 0) {
			bad(where+".shareCap", fmt.Sprintf("want 0 < share cap ≤ %s, have %s", a.Monthly, a.ShareCap))
		}
		if a.Item != ElderlySupport && !a.ShareCap.IsZero() {
			bad(where+".shareCap", fmt.Sprintf("only 赡养老人 has a share cap, have %s", a.ShareCap))
		}
		if a.Splittable && a.Monthly.Fen()%2 != 0 {
			bad(where+".monthly", fmt.Sprintf("a splittable amount must halve to the fen, have %s", a.Monthly))
		}
	}
	if err := r.Rounding.Rounding.Validate(); err != nil {
		errs.Add(funderr.At("rounding.rounding", err, ErrBadRules))
	}
	return errs.Err()
}

func dateOrAlways(d dangjian.Date) string {
	if d.IsZero() {
		return "any date"
	}
	return d.String()
}

// tableDates returns the dates on which table t may change: the start and
// end of every row's period, and the zero date for rows in force always.
func (r Rules) tableDates(t Table) []dangjian.Date {
	ds := []dangjian.Date{{}}
	for _, b := range r.Brackets {
		if b.Table == t {
			ds = append(ds, b.Period.From, b.Period.To)
		}
	}
	slices.SortFunc(ds, dangjian.Date.Compare)
	return slices.Compact(ds)
}

// table returns the rows of table t in force on d, by level.
func (r Rules) table(t Table, on dangjian.Date) []Bracket {
	rows := dangjian.AllInForce(r.Brackets, on, func(b Bracket) bool { return b.Table == t })
	slices.SortStableFunc(rows, func(a, b Bracket) int { return cmp.Compare(a.Level, b.Level) })
	return rows
}

// checkTable reports the first structural problem of a table, or "".
func checkTable(rows []Bracket) string {
	for i, b := range rows {
		id := "row " + strconv.Quote(b.ID)
		if b.Level != i+1 {
			return fmt.Sprintf("%s: level %d, want %d (levels 1..n, each once)", id, b.Level, i+1)
		}
		if b.Rate.Cmp(funding.Rate{}) <= 0 || b.Rate.Decimal().GreaterThan(decimal.NewFromInt(1)) {
			return fmt.Sprintf("%s: rate %s outside (0, 1]", id, b.Rate)
		}
		if b.Over.IsNegative() || b.QuickDeduction.IsNegative() {
			return fmt.Sprintf("%s: negative bound or quick deduction", id)
		}
		last := i == len(rows)-1
		if b.Open != last {
			if last {
				return fmt.Sprintf("%s: the last row must be open", id)
			}
			return fmt.Sprintf("%s: only the last row may be open", id)
		}
		if b.Open && !b.UpTo.IsZero() {
			return fmt.Sprintf("%s: an open row has no upper bound, have %s", id, b.UpTo)
		}
		if !b.Open && b.UpTo.Cmp(b.Over) <= 0 {
			return fmt.Sprintf("%s: upper bound %s not above %s", id, b.UpTo, b.Over)
		}
		if i == 0 {
			if !b.Over.IsZero() || !b.QuickDeduction.IsZero() {
				return fmt.Sprintf("%s: the first row starts at 0 with no quick deduction", id)
			}
			continue
		}
		p := rows[i-1]
		if b.Over != p.UpTo {
			return fmt.Sprintf("%s: starts at %s, want %s (the previous upper bound)", id, b.Over, p.UpTo)
		}
		if b.Rate.Cmp(p.Rate) <= 0 {
			return fmt.Sprintf("%s: rate %s not above %s", id, b.Rate, p.Rate)
		}
		want := p.QuickDeduction.Decimal().Add(b.Over.Decimal().Mul(b.Rate.Decimal().Sub(p.Rate.Decimal())))
		if !want.Equal(b.QuickDeduction.Decimal()) {
			return fmt.Sprintf("%s: quick deduction %s, want %s to keep the tax continuous at %s", id, b.QuickDeduction, want.StringFixed(2), b.Over)
		}
	}
	return ""
}
