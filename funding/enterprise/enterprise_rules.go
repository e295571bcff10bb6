package enterprise

import (
	"slices"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/internal/funderr"
	"github.com/dangjian-go/dangjian/internal/enum"
)

// Rule is one rule on the party work funds of enterprises
// (企业党组织工作经费) as data: what it governs ([RuleKind]), its
// rate, its modality, its wording and its citation. [NonPublicDeduction] and
// [SOEFunds] read these rules; a caller may pass its own table (a locality's
// variant, a corrected date) in the policy.
//
// An Rule is a plain value and safe for concurrent use.
type Rule struct {
	dangjian.Rule
	// Topic groups the dated versions of one rule: rules sharing a topic
	// must not be in force at the same time (see [dangjian.CheckRules]).
	Topic string `json:"topic"`
	// Kind says what the rule governs.
	Kind RuleKind `json:"kind"`
	// Jurisdiction is empty for a national rule and names the locality of
	// a local one ("成都市").
	Jurisdiction string `json:"jurisdiction,omitempty"`
	// Rate is the rule's rate of a wage total: the 1 % cap, the 1 %
	// allocation, the 2 % carry-forward stop, or the ceiling of a local
	// rate. Zero for rules without a rate.
	Rate     funding.Rate      `json:"rate"`
	Modality dangjian.Modality `json:"modality"`
	// Text quotes the rule's wording.
	Text string `json:"text,omitempty"`
}

// RuleKind names what an [Rule] governs.
//
// The zero value is [RuleUnknown], never valid on a rule.
type RuleKind uint8

const (
	RuleUnknown RuleKind = iota // not set
	// NonPublicDeductionCap: the part of a 非公 enterprise's party work
	// spending not above Rate × the year's wage total is deductible before
	// enterprise income tax (组通字〔2014〕42号 第二条).
	NonPublicDeductionCap
	// LocalProvisionRate: a locality sets the rate of the wage total that
	// its 非公 enterprises list as party work funds, at most Rate (the
	// national cap) (成组通〔2015〕49号).
	LocalProvisionRate
	// SOEAllocation: an SOE allocates Rate × the prior year's wage total
	// from management expenses at the start of the year (组通字〔2017〕38号 一).
	SOEAllocation
	// SOEDeductionCap: an SOE's actual spending not above Rate × the
	// year's wage total is deductible (组通字〔2017〕38号 二).
	SOEDeductionCap
	// SOECarryForward: unspent funds carry into the next year
	// (组通字〔2017〕38号 二).
	SOECarryForward
	// SOECarryStop: when the accumulated carry-forward exceeds Rate × the
	// prior year's wage total, nothing is allocated that year
	// (组通字〔2017〕38号 二).
	SOECarryStop
	// DuesFirst: party activity funds are paid first from retained dues,
	// the shortfall from management expenses (〔89〕组通2号).
	DuesFirst
)

var enterpriseRuleKindTable = enum.New("RuleKind",
	[]string{"", "nonpublic_deduction_cap", "local_provision_rate", "soe_allocation", "soe_deduction_cap",
		"soe_carry_forward", "soe_carry_stop", "dues_first"},
	[]string{"", "非公企业税前扣除限额", "地方执行比例", "国企管理费用安排", "国企税前扣除限额",
		"结余结转", "累计结转停止安排", "先党费后管理费"},
	map[string]int{"税前扣除": 1, "执行比例": 2, "管理费用安排": 3, "结转": 5, "停止安排": 6})

// String returns the stable English code.
func (v RuleKind) String() string { return enterpriseRuleKindTable.Code(int(v)) }

// Label returns the Chinese label.
func (v RuleKind) Label() string { return enterpriseRuleKindTable.Label(int(v)) }

// IsValid reports whether v is one of the defined values (not
// RuleUnknown).
func (v RuleKind) IsValid() bool { return enterpriseRuleKindTable.Valid(int(v)) }

// ParseRuleKind accepts the English code (any case), the Chinese
// label or a listed alias. An unknown input is an error that quotes it.
func ParseRuleKind(s string) (RuleKind, error) {
	v, err := enterpriseRuleKindTable.Parse("funding", s)
	return RuleKind(v), funderr.EnumProblem(err, enterpriseRuleKindTable, s, "enterprise rule kind")
}

// MarshalText encodes the English code; RuleUnknown encodes as "".
func (v RuleKind) MarshalText() ([]byte, error) {
	return funderr.EnumText(enterpriseRuleKindTable, int(v), "enterprise rule kind")
}

// UnmarshalText accepts the English code, the Chinese label or an alias;
// "" decodes to RuleUnknown.
func (v *RuleKind) UnmarshalText(b []byte) error {
	x, err := enterpriseRuleKindTable.Unmarshal("funding", b)
	if err == nil {
		*v = RuleKind(x)
	}
	return funderr.EnumProblem(err, enterpriseRuleKindTable, string(b), "enterprise rule kind")
}

// The documents the enterprise rules cite (RULES.md, "Enterprise party work funds").
const (
	entDoc42   = "组通字〔2014〕42号《关于非公有制企业党组织工作经费问题的通知》"
	entDoc38   = "组通字〔2017〕38号《关于国有企业党组织工作经费问题的通知》"
	entDoc1989 = "〔89〕组通2号"
	entDocCD   = "成组通〔2015〕49号"
)

// Rule IDs of [Rules].
const (
	RuleNonPublicDeduction = "ENT-NP-DEDUCT-1PCT"
	RuleChengduProvision   = "ENT-NP-RATE-CHENGDU"
	RuleSOEAllocation      = "ENT-SOE-ALLOC-1PCT"
	RuleSOEDeduction       = "ENT-SOE-DEDUCT-1PCT"
	RuleSOECarryForward    = "ENT-SOE-CARRY"
	RuleSOECarryStop       = "ENT-SOE-CARRY-STOP-2PCT"
	RuleDuesFirst1989      = "ENT-1989-DUES-FIRST"
)

func entHdr(id string, p dangjian.Period, doc, article, url string, c dangjian.Confidence, note string) dangjian.Rule {
	return dangjian.Rule{ID: id, Period: p, Source: dangjian.Source{Doc: doc, Article: article, URL: url, Confidence: c, Note: note}}
}

// Rules returns the rules on enterprise party work funds of the catalogue
// (RULES.md, "Enterprise party work funds"; rules ENT-*) as a fresh table
// on each call:
//
//   - 非公 enterprises, from 2014-12-05 (42号 第二条): spending not above 1 %
//     of the year's wage total (职工年度工资薪金总额) is deductible.
//   - 成都 (local practice): districts set the rate their 非公 enterprises
//     list, within the 1 % (成组通〔2015〕49号 一(一)).
//   - SOEs, from 2017 (38号; the day is not in the reference, 2017-01-01 is
//     assumed): 1 % of the prior year's wage total allocated from
//     management expenses; spending not above 1 % of the year's wage total
//     deductible; the surplus carried forward; no allocation in a year whose
//     accumulated carry-forward exceeds 2 % of the prior year's wage total.
//   - Before 38号 (〔89〕组通2号, historical): funds first from retained dues,
//     the shortfall from management expenses.
//
// The confidence marks are those of the reference.
func Rules() []Rule {
	np42 := dangjian.MustParseDate("2014-12-05")
	soe38 := dangjian.MustParseDate("2017-01-01")
	cd49 := dangjian.MustParseDate("2015-01-01")
	r89 := dangjian.MustParseDate("1989-01-01")
	const day38 = "the reference dates 38号 to 2017 without a day; 2017-01-01 is assumed"
	return []Rule{
		{
			Rule: entHdr(RuleNonPublicDeduction, dangjian.Period{From: np42}, entDoc42, "第二条", "", dangjian.Verified,
				"issued 2014-12-05 (verified, repost); wording quoted by dongaoacc.com and 17win"),
			Topic: "nonpublic/deduction-cap", Kind: NonPublicDeductionCap, Rate: funding.MustParseRate("1%"), Modality: dangjian.May,
			Text: "非公有制企业党组织工作经费纳入企业管理费列支，不超过职工年度工资薪金总额1%的部分，可以据实在企业所得税前扣除。",
		},
		{
			Rule: entHdr(RuleChengduProvision, dangjian.Period{From: cd49}, entDocCD, "一(一)", "https://www.zhengcejia.com/zhengcejiedu/12845.html", dangjian.LocalPractice,
				"the document is of 2015; 2015-01-01 is assumed. The rate is the one enterprises list; the deduction cap stays the national 1 %"),
			Topic: "nonpublic/local-rate/成都市", Kind: LocalProvisionRate, Jurisdiction: "成都市", Rate: funding.MustParseRate("1%"), Modality: dangjian.May,
			Text: "在规定的比例范围内，各区（市）县可根据企业规模、职工和党员人数等情况，分类确定具体比例供企业执行。",
		},
		{
			Rule:  entHdr(RuleSOEAllocation, dangjian.Period{From: soe38}, entDoc38, "一", "", dangjian.Verified, day38),
			Topic: "soe/funding-regime", Kind: SOEAllocation, Rate: funding.MustParseRate("1%"), Modality: dangjian.Usually,
			Text: "纳入管理费用的部分，一般按照企业上年度职工工资总额1%的比例安排，每年年初由企业党组织…编制经费使用计划，由企业纳入年度预算。",
		},
		{
			Rule:  entHdr(RuleSOEDeduction, dangjian.Period{From: soe38}, entDoc38, "二", "", dangjian.Verified, day38),
			Topic: "soe/deduction-cap", Kind: SOEDeductionCap, Rate: funding.MustParseRate("1%"), Modality: dangjian.May,
			Text: "实际支出不超过职工年度工资薪金总额1%的部分，可以据实在企业所得税前扣除。",
		},
		{
			Rule:  entHdr(RuleSOECarryForward, dangjian.Period{From: soe38}, entDoc38, "二", "", dangjian.Verified, day38),
			Topic: "soe/carry-forward", Kind: SOECarryForward, Modality: dangjian.Must,
			Text: "年末如有结余，结转下一年度使用。",
		},
		{
			Rule: entHdr(RuleSOECarryStop, dangjian.Period{From: soe38}, entDoc38, "二", "", dangjian.Verified,
				day38+`; "超过" is read as strictly greater`),
			Topic: "soe/carry-stop", Kind: SOECarryStop, Rate: funding.MustParseRate("2%"), Modality: dangjian.Must,
			Text: "累计结转超过上一年度职工工资总额2%的，当年不再从管理费用中安排。",
		},
		{
			Rule: entHdr(RuleDuesFirst1989, dangjian.Period{From: r89, To: soe38}, entDoc1989, "", "", dangjian.Verified,
				"wddqw.com copy; the day of issue is not in the reference (1989-01-01 assumed); ends when 38号 starts"),
			Topic: "soe/funding-regime", Kind: DuesFirst, Modality: dangjian.Must,
			Text: "企业党组织活动经费先由留用的党费中开支，不足部分从企业管理费中解决。",
		},
	}
}

// entInForce returns the rules of kind k in force on d for the jurisdiction
// (empty: national rules only).
func entInForce(rules []Rule, k RuleKind, d dangjian.Date, jurisdiction string) []Rule {
	return dangjian.AllInForce(rules, d, func(r Rule) bool { return r.Kind == k && r.Jurisdiction == jurisdiction })
}

// entRulesOrDefault returns the caller's table, or the default one.
func entRulesOrDefault(rules []Rule) []Rule {
	if rules == nil {
		return Rules()
	}
	return slices.Clone(rules)
}
