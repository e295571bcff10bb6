package dues

import (
	"slices"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
)

// The documents the dues rules cite (each rule's Source; RULES.md, sections "Dues …").
const (
	docDues2008   = "关于中国共产党党费收缴、使用和管理的规定（中组发〔2008〕3号）"
	docDues2017   = "中共中央组织部办公厅《关于进一步规范党费工作的通知》（组电明字〔2017〕5号）"
	docQA52       = "中组部组织局《关于对党费收缴工作中几个具体问题的问答》（通报第52期）"
	docHandbook   = "党费工作手册（共产党员网问答引述）"
	docRetiree18  = "中组部办公厅《关于在规范党费收缴管理工作中对离退休干部、职工党员交纳党费问题的答复》"
	docMobileCard = "中共中央组织部《关于试行〈流动党员活动证〉制度的通知》"
)

var dues2008From = dangjian.MustParseDate("2008-04-01")

// AssumeFrom2017 is the ID of the assumed day from which the 2017 notice
// applies ([Assumptions].From2017).
const AssumeFrom2017 = "ASSUME-DUES-2017-FROM"

// Assumptions are the days the dues rules assume where their sources do
// not give one. [DefaultAssumptions] gives the best-supported days; a
// caller who knows better changes a field and builds the rules from it
// ([Assumptions.RulesFor], [Assumptions.Rules2017], …). A month whose
// rules an assumed day decided says so in the trace of every member's
// dues (a step "rules" with the assumption's note).
type Assumptions struct {
	// From2017 is the day from which the 2017 notice (组电明字〔2017〕5号)
	// applies, ending the 2008 rules. The notice is of 2017 and its day
	// has not been found; a unit's notice of 2017-03-01 still applied the
	// 2008 rules (fidelity audit D1). The default assumes 2017-01-01, the
	// start of the year whose amount the notice fixes (年初核定), with the
	// whole of 2017 as the window.
	From2017 dangjian.AssumedDate `json:"from2017"`
}

// DefaultAssumptions returns the best-supported days.
func DefaultAssumptions() Assumptions {
	return Assumptions{
		From2017: dangjian.AssumedDate{
			ID:     AssumeFrom2017,
			Date:   dangjian.MustParseDate("2017-01-01"),
			Window: dangjian.Period{From: dangjian.MustParseDate("2017-01-01"), To: dangjian.MustParseDate("2018-01-01")},
			Why:    "组电明字〔2017〕5号 is of 2017 and its day is not known; set dues.Assumptions.From2017 to the day your organization applied it",
		},
	}
}

// from2017 returns the day the 2017 rules start; the default's if unset.
func (a Assumptions) from2017() dangjian.Date {
	if a.From2017.Date.IsZero() {
		return DefaultAssumptions().From2017.Date
	}
	return a.From2017.Date
}

// day2017Note is the citation note of a 2017 rule.
func (a Assumptions) day2017Note() string {
	if a.From2017.Known() && !a.From2017.Date.IsZero() {
		return "the notice is dated 2017; applied from " + a.From2017.Date.String() + ", the day the caller gave"
	}
	return "the notice is dated 2017; the day is not verified, " + a.from2017().String() + " is assumed (" + AssumeFrom2017 + ")"
}

func src(doc, article string, c dangjian.Confidence, note string) dangjian.Source {
	return dangjian.Source{Doc: doc, Article: article, Confidence: c, Note: note}
}

func rule(id string, p dangjian.Period, s dangjian.Source) dangjian.Rule {
	return dangjian.Rule{ID: id, Period: p, Source: s}
}

// Bracket is one step of a dues scale: bases up to and including UpTo (or
// every base above the previous bracket, when Open) pay Rate of the whole
// base (全额累进, not 超额累进: the rate is not applied slice by slice).
type Bracket struct {
	dangjian.Rule
	Scale Scale         `json:"scale"`
	UpTo  funding.Money `json:"upTo"`
	Open  bool          `json:"open,omitempty"`
	Rate  funding.Rate  `json:"rate"`
}

// Flat is a flat monthly amount for some categories. Where Min and Max are
// set, the branch chooses the amount within [Min, Max] (农民 0.20–1.00 元);
// Amount is the library's default choice.
type Flat struct {
	dangjian.Rule
	Categories []Category    `json:"categories"`
	Amount     funding.Money `json:"amount"`
	Min        funding.Money `json:"min,omitempty"`
	Max        funding.Money `json:"max,omitempty"`
}

// Cap is the monthly cap on dues (2017通知: "一般不超过1000元"); voluntary
// payments above it are allowed. On reports whether it applies.
type Cap struct {
	dangjian.Rule
	Amount   funding.Money     `json:"amount"`
	Modality dangjian.Modality `json:"modality"`
	On       bool              `json:"on"`
}

// Provision is a rule of the dues regulation that is not a number table:
// the base of a category, when probationary members start paying, hardship
// reductions, lump sums, back pay and lapses. N is its number, where it has
// one (6 months; 1000 元 as fen).
type Provision struct {
	dangjian.Rule
	N    int64  `json:"n,omitempty"`
	Text string `json:"text"`
}

// Provisions of a [Rules], by role.
type Provisions struct {
	SelfEmployed Provision `json:"selfEmployed"` // 规定 第四条: previous quarter's average
	AnnualSalary Provision `json:"annualSalary"` // 规定 第三条 and the payout month
	Probationary Provision `json:"probationary"` // 规定 第八条
	Hardship     Provision `json:"hardship"`     // 规定 第七条: branch study, then the upper committee's approval
	// HardshipRetiree is the 2017 notice's reduction for retired members
	// on the branch's consent alone; zero in the 2008 rules.
	HardshipRetiree Provision `json:"hardshipRetiree,omitempty"`
	LumpSum         Provision `json:"lumpSum"` // 规定 第十一条, N = 100000 fen
	BackPay         Provision `json:"backPay"` // 规定 第十二条, N = 6 months
	Lapse           Provision `json:"lapse"`   // 规定 第十三条, N = 6 months
	Refix           Provision `json:"refix"`   // when the base is set: on a pay change (2008) or once a year (2017)
	// Mobile is where a mobile member holding a 流动党员活动证 may pay: at
	// the inflow organization (中组部《流动党员活动证》制度的通知; reported).
	Mobile Provision `json:"mobile"`
}

// Rules is a dated set of dues rules: the scales, flat amounts, base
// policy, cap, provisions and rounding in force for a period. Get one with
// [Rules2008], [Rules2017] or [RulesFor]; each returns a fresh value, so
// changing one (a province's farmer amount, another rounding) changes
// nothing elsewhere.
type Rules struct {
	Name       string          `json:"name"`
	Period     dangjian.Period `json:"period"`
	Brackets   []Bracket       `json:"brackets"`
	Flats      []Flat          `json:"flats"`
	Base       BasePolicy      `json:"base"`
	Cap        Cap             `json:"cap"`
	Provisions Provisions      `json:"provisions"`
	// AnnualFix reports that the monthly amount is fixed once a year
	// (2017通知 (1): "年初核定…年内一般不变动").
	AnnualFix bool `json:"annualFix"`
	// Rounding is the one rounding point of the monthly amount. No national
	// rounding rule has been found: half-up to the fen
	// is the default.
	Rounding funding.Rounding `json:"rounding"`
	// RoundingRule is the citable header of the rounding choice
	// (DUES-ROUND): no national rule has been found, so it is the
	// library's own ([dangjian.LibraryChoice]); a set with another
	// rounding sets its own header.
	RoundingRule dangjian.Rule `json:"roundingRule"`
	// Assumed lists the assumed days the set's period rests on (the start
	// of the 2017 notice). A month such a day decides is noted in the
	// trace ([dangjian.AssumedDate.Decides]).
	Assumed []dangjian.AssumedDate `json:"assumed,omitempty"`
}

func wageBrackets() []Bracket {
	p := dangjian.Period{From: dues2008From}
	s := src(docDues2008, "第二条", dangjian.Verified, "")
	return []Bracket{
		{Rule: rule("DUES-WAGE-1", p, s), Scale: WageScale, UpTo: funding.MustParseMoney("3000"), Rate: funding.MustParseRate("0.005")},
		{Rule: rule("DUES-WAGE-2", p, s), Scale: WageScale, UpTo: funding.MustParseMoney("5000"), Rate: funding.MustParseRate("0.01")},
		{Rule: rule("DUES-WAGE-3", p, s), Scale: WageScale, UpTo: funding.MustParseMoney("10000"), Rate: funding.MustParseRate("0.015")},
		{Rule: rule("DUES-WAGE-4", p, s), Scale: WageScale, Open: true, Rate: funding.MustParseRate("0.02")},
		{Rule: rule("DUES-PENSION-1", p, src(docDues2008, "第五条", dangjian.Verified, "")), Scale: PensionScale, UpTo: funding.MustParseMoney("5000"), Rate: funding.MustParseRate("0.005")},
		{Rule: rule("DUES-PENSION-2", p, src(docDues2008, "第五条", dangjian.Verified, "")), Scale: PensionScale, Open: true, Rate: funding.MustParseRate("0.01")},
	}
}

func flats() []Flat {
	p := dangjian.Period{From: dues2008From}
	return []Flat{
		{Rule: rule("DUES-FLAT-FARMER", p, src(docDues2008, "第六条", dangjian.Verified,
			"the branch sets the amount within 0.20–1.00 元; 0.20 is the library's default (陕西 0.50, 四川 0.20: local practice)")),
			Categories: []Category{Farmer}, Amount: funding.MustParseMoney("0.20"), Min: funding.MustParseMoney("0.20"), Max: funding.MustParseMoney("1.00")},
		{Rule: rule("DUES-FLAT-020", p, src(docDues2008, "第六条", dangjian.Verified, "")),
			Categories: []Category{Student, Unemployed, LowIncome}, Amount: funding.MustParseMoney("0.20")},
	}
}

func base2008(to dangjian.Date) BasePolicy {
	p := dangjian.Period{From: dues2008From, To: to}
	art1 := src(docDues2008, "第一条", dangjian.Verified, "")
	return BasePolicy{
		Rule: rule("DUES-BASE-2008", p, src(docQA52, "问题2", dangjian.Verified, "税后: the included items less the income tax due")),
		Items: []BaseItems{
			{Rule: rule("DUES-BASE-2008-ORGAN", p, src(docQA52, "问题1", dangjian.Verified, "规定 第一条 lists 职务工资、级别工资、津贴补贴; 问答 Q1: only 工作性津贴 and 生活性补贴 count")),
				Employer: Organ, Kinds: []ItemKind{PositionWage, GradeWage, WorkAllowance, LivingAllowance}},
			{Rule: rule("DUES-BASE-2008-ORGAN-WORKER", p, art1), Employer: OrganWorker, Kinds: []ItemKind{PostWage, SkillWage, WorkAllowance, LivingAllowance}},
			{Rule: rule("DUES-BASE-2008-PUBLIC-INSTITUTION", p, art1), Employer: PublicInstitution,
				Kinds: []ItemKind{PostWage, ScaleWage, BasicPerformance, IncentivePerformance, WorkAllowance, LivingAllowance}},
			{Rule: rule("DUES-BASE-2008-ENTERPRISE", p, src(docQA52, "问题3", dangjian.Verified, "固定部分 and 定期普遍发放的奖金和绩效工资")),
				Employer: Enterprise, Kinds: []ItemKind{BasicWage, PostWage, SkillWage, PostAllowance, PerformancePay, RegularBonus}},
			{Rule: rule("DUES-BASE-2008-PENSIONER", p, src(docDues2008, "第五条", dangjian.Verified, "离退休费总额或养老金总额")),
				Employer: Pensioner, Kinds: []ItemKind{BasicPension, PensionAllowance}},
		},
		Deducts: []Deduction{DeductIncomeTax},
	}
}

func base2017(a Assumptions) BasePolicy {
	p := dangjian.Period{From: a.from2017()}
	n2 := src(docDues2017, "（二）", dangjian.LocalPractice, a.day2017Note()+
		"; the text (verified) says only that the base does not include tax, insurance, the housing fund and annuities (不包括); deducting the member's own contributions is the common reading, applied here: local practice (verified), not a quoted rule")
	b := base2008(dangjian.Date{})
	b.Rule = rule("DUES-BASE-2017", p, n2)
	for i := range b.Items {
		b.Items[i].Period = p
		b.Items[i].ID = "DUES-BASE-2017" + b.Items[i].ID[len("DUES-BASE-2008"):]
		switch b.Items[i].Employer {
		case PublicInstitution:
			b.Items[i].Source = src(docDues2017, "（三）", dangjian.Verified, "基础性绩效工资应列入，奖励性绩效工资不列入")
			b.Items[i].Kinds = []ItemKind{PostWage, ScaleWage, BasicPerformance, WorkAllowance, LivingAllowance}
		case Enterprise:
			b.Items[i].Source = src(docDues2017, "（三）", dangjian.Verified, "不定期、非普遍发放的奖金和绩效工资不列入")
		case Pensioner:
			b.Items[i].Source = src(docDues2017, "离退休", dangjian.Verified, "基本离退休费或基本养老金，不包括津补贴; see also "+docRetiree18)
			b.Items[i].Kinds = []ItemKind{BasicPension}
		}
	}
	b.Deducts = []Deduction{DeductIncomeTax, DeductPension, DeductMedical, DeductUnemployment, DeductHousingFund, DeductAnnuity}
	return b
}

func provisions(from dangjian.Date, a Assumptions, annual bool) Provisions {
	p := dangjian.Period{From: from}
	all := dangjian.Period{From: dues2008From}
	return Provisions{
		SelfEmployed: Provision{Rule: rule("DUES-SELF-EMPLOYED", all, src(docDues2008, "第四条", dangjian.Verified, "")),
			N: 3, Text: "每月以个人上季度月平均纯收入为计算基数"},
		AnnualSalary: Provision{Rule: rule("DUES-ANNUAL-SALARY", all, src(docDues2008, "第三条", dangjian.Verified,
			"the payout month: "+docHandbook+" (verified, official; user-quoted)")),
			Text: "每月以当月实际领取的薪酬收入为计算基数；年终兑现绩效薪酬的当月按本月实际领取薪酬的总数为计算基数"},
		Probationary: Provision{Rule: rule("DUES-PROBATIONARY", all, src(docDues2008, "第八条", dangjian.Verified,
			"read per month: a member pays from the month that contains the date of the branch meeting's resolution")),
			Text: "预备党员从支部大会通过其为预备党员之日起交纳党费"},
		Hardship: Provision{Rule: rule("DUES-HARDSHIP", all, src(docDues2008, "第七条", dangjian.Verified,
			"two steps: the branch's study, then the upper committee's approval (required); retired members from 2017: DUES-HARDSHIP-RETIREE-2017")),
			Text: "交纳党费确有困难的党员，经党支部研究，报上一级党委批准后，可以少交或免交党费"},
		HardshipRetiree: hardshipRetiree(a, annual),
		LumpSum: Provision{Rule: rule("DUES-LUMP-SUM-1000", all, src(docDues2008, "第十一条", dangjian.Verified,
			"1000元以上 read as 1000 元 or more")),
			N: 100000, Text: "自愿一次多交纳1000元以上的党费，全部上缴中央"},
		BackPay: Provision{Rule: rule("DUES-BACK-PAY-6", all, src(docDues2008, "第十二条", dangjian.Verified, "")),
			N: 6, Text: "补交党费的时间一般不得超过6个月"},
		Lapse: Provision{Rule: rule("DUES-LAPSE-6", all, src(docDues2008, "第十三条", dangjian.Verified,
			"the library flags 6 consecutive unpaid months; whether there was a proper reason is for the branch to judge")),
			N: 6, Text: "对无正当理由，连续6个月不交纳党费的党员，按自行脱党处理"},
		Refix: refix(a, annual, p),
		Mobile: Provision{Rule: rule("DUES-MOBILE-INFLOW", all, src(docMobileCard, "一", dangjian.Reported,
			"seen only in reposts of the notice (uv63h8.cn, zhizhiguan.com; an ejbk.net summary, FIDELITY-AUDIT §4 item 11); the notice followed the 十四届四中全会 (1994-09) and predates the 2008 regulation, so it holds for every rule set here; "+
				"the 2006-12-08 notice on the card's revised form (in use from 2007-01-01) has the inflow branch record the member's 交纳党费; 可: the member may pay there, and where a roster names the organization that collected (Member.PayingOrg), the member is counted there, not twice")),
			Text: "党员可持证在外出所在地或单位党组织（基层党委、总支或支部）参加党的组织生活，交纳党费，但不享有表决权、选举权和被选举权。"},
	}
}

// hardshipRetiree is the 2017 notice's reduction for retired members on
// the branch's consent; zero in the 2008 rules.
func hardshipRetiree(a Assumptions, in2017 bool) Provision {
	if !in2017 {
		return Provision{}
	}
	return Provision{Rule: rule("DUES-HARDSHIP-RETIREE-2017", dangjian.Period{From: a.from2017()}, src(docDues2017, "离退休", dangjian.Verified,
		a.day2017Note()+"; the branch's consent suffices (no upper approval), for retired members only (FUNDING-RULES §2)")),
		Text: "离退休干部、职工党员…生活确有困难的，经党支部研究同意，可以少交或免交"}
}

func refix(a Assumptions, annual bool, p dangjian.Period) Provision {
	if annual {
		return Provision{Rule: rule("DUES-REFIX-ANNUAL", p, src(docDues2017, "（一）", dangjian.Verified, a.day2017Note())),
			Text: "基层党组织年初核定党员月交纳党费数额，年内一般不变动"}
	}
	return Provision{Rule: rule("DUES-REFIX-ON-CHANGE", dangjian.Period{From: dues2008From, To: a.from2017()}, src(docDues2008, "第十条", dangjian.Verified, "")),
		Text: "党员工资收入发生变化后，从按新工资标准领取工资的当月起，以新的工资收入为基数"}
}

// Rules2008 returns the rules of the 2008 regulation (中组发〔2008〕3号), in
// force from 2008-04-01 until the 2017 notice (from the default
// [Assumptions]): the wage and pension scales, the flat amounts, the base
// after income tax, no cap, the base re-set whenever pay changes.
func Rules2008() Rules { return DefaultAssumptions().Rules2008() }

// Rules2008 returns the 2008 rules, ending on the day a.From2017 assumes.
func (a Assumptions) Rules2008() Rules {
	to := a.from2017()
	return Rules{
		Name:         "2008",
		Period:       dangjian.Period{From: dues2008From, To: to},
		Brackets:     wageBrackets(),
		Flats:        flats(),
		Base:         base2008(to),
		Cap:          Cap{Rule: rule("DUES-CAP-NONE", dangjian.Period{From: dues2008From, To: to}, src(docDues2008, "第十一条", dangjian.Verified, "no cap before 2017: 党员自愿多交党费不限")), Modality: dangjian.May},
		Provisions:   provisions(dues2008From, a, false),
		Rounding:     funding.DefaultRounding(),
		RoundingRule: roundingRule(),
		Assumed:      a.assumed(),
	}
}

// RuleRounding is the ID of the dues rounding choice.
const RuleRounding = "DUES-ROUND"

// roundingRule is the header of the default rounding: half-up to the fen.
func roundingRule() dangjian.Rule {
	return rule(RuleRounding, dangjian.Period{From: dues2008From},
		src("dangjian 本库取值", "", dangjian.LibraryChoice,
			"no national rule rounds the monthly dues (neither 中组发〔2008〕3号 nor 组电明字〔2017〕5号 says; FUNDING-RULES §11): the exact amount is rounded once, half-up to the fen (四舍五入), the library's choice; set Rules.Rounding and RoundingRule to your organization's"))
}

// assumed lists the assumptions a rule set's period rests on.
func (a Assumptions) assumed() []dangjian.AssumedDate {
	f := a.From2017
	if f.Date.IsZero() {
		f = DefaultAssumptions().From2017
	}
	return []dangjian.AssumedDate{f}
}

// Rules2017 returns the rules in force from the 2017 notice (组电明字〔2017〕5号;
// the day is not verified, 2017-01-01 is assumed): the same scales and
// flat amounts, the 2017 base (its exclusion list; 基础性绩效 only; basic
// pension only), the monthly cap of 1000 元 ("一般": on by default), and the
// amount fixed once a year.
func Rules2017() Rules { return DefaultAssumptions().Rules2017() }

// Rules2017 returns the 2017 rules, in force from the day a.From2017
// assumes.
func (a Assumptions) Rules2017() Rules {
	from := a.from2017()
	return Rules{
		Name:     "2017",
		Period:   dangjian.Period{From: from},
		Brackets: wageBrackets(),
		Flats:    flats(),
		Base:     base2017(a),
		Cap: Cap{Rule: rule("DUES-CAP-1000", dangjian.Period{From: from}, src(docDues2017, "（一）", dangjian.Verified, a.day2017Note())),
			Amount: funding.MustParseMoney("1000"), Modality: dangjian.Usually, On: true},
		Provisions:   provisions(from, a, true),
		AnnualFix:    true,
		Rounding:     funding.DefaultRounding(),
		RoundingRule: roundingRule(),
		Assumed:      a.assumed(),
	}
}

// RulesFor returns the rule set in force on d: [Rules2008] from
// 2008-04-01, [Rules2017] from 2017-01-01. Before 2008-04-01 an older scale
// applied; it is obsolete and not modelled, so the error wraps [dangjian.ErrNoRule].
func RulesFor(d dangjian.Date) (Rules, error) { return DefaultAssumptions().RulesFor(d) }

// RulesFor returns the rule set in force on d with the days a assumes.
func (a Assumptions) RulesFor(d dangjian.Date) (Rules, error) {
	for _, rs := range []Rules{a.Rules2017(), a.Rules2008()} {
		if rs.Period.Contains(d) {
			return rs, nil
		}
	}
	return Rules{}, &dangjian.Problem{Kind: dangjian.ErrNoRule, Value: d.String(),
		Detail: "no dues rules before " + dues2008From.String() + " (the older scale is not modelled)"}
}

// Clone returns a deep copy of the rules.
func (rs Rules) Clone() Rules {
	rs.Brackets = slices.Clone(rs.Brackets)
	rs.Flats = slices.Clone(rs.Flats)
	for i := range rs.Flats {
		rs.Flats[i].Categories = slices.Clone(rs.Flats[i].Categories)
	}
	rs.Base = rs.Base.Clone()
	rs.Assumed = slices.Clone(rs.Assumed)
	return rs
}

// Rules returns the header of every rule of the set, for citation checks.
func (rs Rules) Rules() []dangjian.Rule {
	var out []dangjian.Rule
	for _, b := range rs.Brackets {
		out = append(out, b.Rule)
	}
	for _, f := range rs.Flats {
		out = append(out, f.Rule)
	}
	out = append(out, rs.Base.Rule)
	for _, it := range rs.Base.Items {
		out = append(out, it.Rule)
	}
	out = append(out, rs.Cap.Rule)
	pv := rs.Provisions
	out = append(out, pv.SelfEmployed.Rule, pv.AnnualSalary.Rule, pv.Probationary.Rule, pv.Hardship.Rule,
		pv.LumpSum.Rule, pv.BackPay.Rule, pv.Lapse.Rule, pv.Refix.Rule, pv.Mobile.Rule)
	if pv.HardshipRetiree.ID != "" {
		out = append(out, pv.HardshipRetiree.Rule)
	}
	if rs.RoundingRule.ID != "" {
		out = append(out, rs.RoundingRule)
	}
	return out
}
