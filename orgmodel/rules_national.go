package orgmodel

import "github.com/dangjian-go/dangjian"

// The documents the national rules cite; each rule's Source names its
// document and article (RULES.md, section orgmodel, lists them all).
// Confidence marks are those of the reference; most copies seen were
// reposts, not the official publication.
const (
	docConstitution = "中国共产党章程"
	docBranch       = "中国共产党支部工作条例（试行）"
	docOrgan        = "中国共产党党和国家机关基层组织工作条例"
	docSOE          = "中国共产党国有企业基层组织工作条例（试行）"
	docRural        = "中国共产党农村基层组织工作条例"
	docElection     = "中国共产党基层组织选举工作条例"
	docTerm         = "中共中央办公厅《关于党的基层组织任期的意见》"
	docGroupOrgan   = "中央和国家机关党小组工作规则（试行）"
	docHandbook     = "党务工作手册（多种）"
	docFirstSec2015 = "中组部等《关于做好选派机关优秀干部到村任第一书记工作的通知》"
	docFirstSec2021 = "中办《关于向重点乡村持续选派驻村第一书记和工作队的意见》"
	docCommittee    = "高校组织部党务指南（zzhb.aust.edu.cn）"
	docYanbian      = "中国城市报 2021-01-04（延边州城市党建联席会议）"
	docLibrary      = "dangjian 本库取值（类推）"
)

// termOpinionNote says where the 2018 terms opinion's date comes from.
const termOpinionNote = "published 2018-07-12 and in force on publication (五、本意见自发布之日起施行; 新华社北京7月12日电; 颁布日期、执行日期 2018-07-12)"

var (
	// 任期意见 was published on 2018-07-12 and is in force from publication
	// (五、本意见自发布之日起施行; 新华社 2018-07-12).
	termOpinion = dangjian.MustParseDate("2018-07-12")
	// The 2017 amendment of the Party Constitution was adopted on 2017-10-24.
	constitution2017 = dangjian.MustParseDate("2017-10-24")
	// 支部条例 was issued by the Central Committee on 2018-10-28 and is in
	// force from that day (official city site czsrsj.chizhou.gov.cn:
	// "2018年10月28日，中共中央印发"; reposts: "自2018年10月28日起施行").
	branchRegulation = dangjian.MustParseDate("2018-10-28")
	// The 2021 opinion on first secretaries was issued in May 2021.

	branches      = []Kind{Branch, JointBranch}
	termKinds     = []Kind{Committee, GeneralBranch, Branch, JointBranch}
	branchesAndGB = []Kind{Branch, JointBranch, GeneralBranch}
	villageComm   = []Domain{Village, Community}
)

const dayAssumed = "issued in that month; the day is assumed"

// NationalRules returns the national formation and governance rules (the
// ORG-* rules of RULES.md, section orgmodel) as a fresh [RuleSet]: branch
// thresholds (3 full members; a joint branch of at most 5 units; a soft cap
// of 50), general-branch and
// committee thresholds (50 and 100, per sector, overridable by approval),
// committees and posts (7 full members: a committee of 3–5, normally at most
// 7; fewer: a secretary only), party groups, terms by election date (5 years
// for committees, 3 for general branches and branches, 5 for village and
// community bodies; ±1 year only with approval; the earlier ranges before
// 2018), dispatched bodies without a term, village formation approval,
// first secretaries, and coordination bodies.
//
// Modality follows the wording: 应当 is [dangjian.Must] (error), 一般 is
// [dangjian.Usually] (warning), 可以 is [dangjian.May] (info).
func NationalRules() RuleSet { return NationalRulesWith(DefaultAssumptions()) }

// Assumptions are the days the national rules assume where their sources
// do not give one. [DefaultAssumptions] gives the best-supported days; a
// caller who knows better changes a field and builds the rules with
// [NationalRulesWith]. A finding whose rule an assumed day chose says so.
type Assumptions struct {
	// FirstSecretary2015 is the day the 2015 notice on first secretaries
	// applies from: it is of 2015; month and day are not known (default
	// 2015-01-01, window 2015).
	FirstSecretary2015 dangjian.AssumedDate `json:"firstSecretary2015"`
	// FirstSecretary2021 is the day the 2021 opinion on first secretaries
	// applies from: it is of May 2021; the day is not known (default
	// 2021-05-01, window May 2021). It also ends the 2015 term rule.
	FirstSecretary2021 dangjian.AssumedDate `json:"firstSecretary2021"`
}

// The IDs of the [Assumptions].
const (
	AssumeFirstSecretary2015 = "ASSUME-ORG-FIRSTSEC-2015"
	AssumeFirstSecretary2021 = "ASSUME-ORG-FIRSTSEC-2021"
)

// DefaultAssumptions returns the best-supported days.
func DefaultAssumptions() Assumptions {
	d := dangjian.MustParseDate
	return Assumptions{
		FirstSecretary2015: dangjian.AssumedDate{ID: AssumeFirstSecretary2015, Date: d("2015-01-01"),
			Window: dangjian.Period{From: d("2015-01-01"), To: d("2016-01-01")},
			Why:    docFirstSec2015 + " is of 2015; its month and day are not known; set orgmodel.Assumptions.FirstSecretary2015"},
		FirstSecretary2021: dangjian.AssumedDate{ID: AssumeFirstSecretary2021, Date: d("2021-05-01"),
			Window: dangjian.Period{From: d("2021-05-01"), To: d("2021-06-01")},
			Why:    docFirstSec2021 + " is of May 2021; its day is not known; set orgmodel.Assumptions.FirstSecretary2021"},
	}
}

// orDefault fills an unset assumption with its default.
func (a Assumptions) orDefault() Assumptions {
	d := DefaultAssumptions()
	if a.FirstSecretary2015.Date.IsZero() {
		a.FirstSecretary2015 = d.FirstSecretary2015
	}
	if a.FirstSecretary2021.Date.IsZero() {
		a.FirstSecretary2021 = d.FirstSecretary2021
	}
	return a
}

// NationalRulesWith returns the national rules built with the days a
// assumes (an unset field takes its default).
func NationalRulesWith(a Assumptions) RuleSet {
	a = a.orDefault()
	firstSec2015, firstSec2021 := a.FirstSecretary2015.Date, a.FirstSecretary2021.Date
	note := func(x dangjian.AssumedDate, unknown string) string {
		if x.Known() {
			return "applied from " + x.Date.String() + ", the day the caller gave"
		}
		return unknown + " (" + x.ID + ")"
	}
	rules := []Rule{
		// --- Branch thresholds -------------------------------------------
		{
			Rule:  hdr("ORG-BRANCH-MIN-3", dangjian.Period{}, docBranch, "第四条", dangjian.Verified, "applied to joint branches too: a joint branch as a whole needs 3 full members (reading)"),
			Check: MinMembers, Modality: dangjian.Must, Kinds: branches,
			Basis: FullMembers, Cmp: AtLeast, N: 3, Target: JointBranch,
			Text: "凡是有正式党员3人以上的，都应当成立党支部。正式党员不足3人的单位，应当…成立联合党支部。",
		},
		{
			Rule:  hdr("ORG-BRANCH-SOFTCAP-50", dangjian.Period{}, docBranch, "第四条", dangjian.Verified, ""),
			Check: MaxMembers, Modality: dangjian.Usually, Kinds: branches, ExceptDomains: []Domain{Organ},
			Basis: AllMembers, Cmp: MoreThan, N: 50, Target: GeneralBranch, Approval: Threshold,
			Text: "党支部党员人数一般不超过50人。",
		},
		{
			Rule: hdr("ORG-PROJECT-BRANCH-6M", dangjian.Period{From: branchRegulation}, docBranch, "第五条", dangjian.Verified,
				"in force from 2018-10-28 (中共中央印发; 自2018年10月28日起施行); 符合条件的 read as the 第四条 condition, 3 full members; "+
					"以上 includes 6 months (a project from 2025-01-01 to 2025-06-30 lasts 6); a temporary branch (临时党支部) counts as the branch; "+
					"shorter projects are left to a temporary organization (临时党组织, ORG-RULES §2.3) and get no finding; checked where the tree records projects"),
			Check: ProjectBranch, Modality: dangjian.Must, Basis: FullMembers, Cmp: AtLeast, N: 6, MinFull: 3, Target: Branch,
			Text: "为期6个月以上的工程、工作项目等，符合条件的，应当成立党支部。",
		},
		{
			Rule:  hdr("ORG-JOINT-UNITS-5", dangjian.Period{}, docBranch, "第五条", dangjian.Verified, "article number reported"),
			Check: MaxUnits, Modality: dangjian.Usually, Kinds: []Kind{JointBranch}, Cmp: MoreThan, N: 5,
			Text: "联合党支部覆盖单位一般不超过5个。",
		},
		// --- General branch and committee thresholds ---------------------
		{
			Rule:  hdr("ORG-GB-ORGAN-50", dangjian.Period{}, docOrgan, "第六条", dangjian.Verified, ""),
			Check: Upgrade, Modality: dangjian.Must, Kinds: branches, Domains: []Domain{Organ},
			Basis: AllMembers, Cmp: AtLeast, N: 50, Max: 100, Target: GeneralBranch, Approval: Threshold,
			Text: "机关党员50人以上、100人以下的，设立党的总支部委员会。",
		},
		{
			Rule:  hdr("ORG-CMTE-ORGAN-100", dangjian.Period{}, docOrgan, "第五条", dangjian.Verified, ""),
			Check: Upgrade, Modality: dangjian.Must, Kinds: branchesAndGB, Domains: []Domain{Organ},
			Basis: AllMembers, Cmp: AtLeast, N: 100, Target: Committee, Approval: Threshold,
			Text: "机关党员100人以上的，设立党的基层委员会。",
		},
		{
			Rule: hdr("ORG-GB-SOE-50", dangjian.Period{}, docSOE, "第五条", dangjian.Unverified,
				"the reference gives the SOE 总支 threshold as the organs' pattern (ORG-RULES row 27) and no copy of the article was found: check it before relying on it"),
			Check: Upgrade, Modality: dangjian.Must, Kinds: branches, Domains: []Domain{StateEnterprise},
			Basis: AllMembers, Cmp: AtLeast, N: 50, Max: 100, Target: GeneralBranch, Approval: Threshold,
			Text: "党员人数50人以上、100人以下的，设立党的总支部委员会。",
		},
		{
			Rule:  hdr("ORG-CMTE-SOE-100", dangjian.Period{}, docSOE, "第四条", dangjian.Verified, ""),
			Check: Upgrade, Modality: dangjian.Must, Kinds: branchesAndGB, Domains: []Domain{StateEnterprise},
			Basis: AllMembers, Cmp: AtLeast, N: 100, Target: Committee, Approval: Threshold,
			Text: "国有企业党员人数100人以上的，设立党的基层委员会。",
		},
		{
			Rule:  hdr("ORG-CMTE-VILLAGE-100", dangjian.Period{}, docRural, "第二章", dangjian.Verified, "article number unverified (possibly 第六条); needs the county committee's approval"),
			Check: Upgrade, Modality: dangjian.May, Kinds: branchesAndGB, Domains: []Domain{Village},
			Basis: AllMembers, Cmp: AtLeast, N: 100, Target: Committee,
			Text: "党员人数100人以上的村…经县级地方党委批准，可以成立党的基层委员会。",
		},
		{
			Rule:  hdr("ORG-GB-VILLAGE-50", dangjian.Period{}, docRural, "第二章", dangjian.Verified, "article number unverified (possibly 第六条)"),
			Check: Upgrade, Modality: dangjian.May, Kinds: branches, Domains: []Domain{Village},
			Basis: AllMembers, Cmp: MoreThan, N: 50, Target: GeneralBranch,
			Text: "党员人数超过50人的村…可以成立党的总支部。",
		},
		{
			Rule:  hdr("ORG-CMTE-100", dangjian.Period{}, docHandbook, "", dangjian.Reported, "rule of thumb outside the sector regulations (party-affairs handbooks: uianet.net, wendang.net, baiwen2.com); 组通字〔1998〕6号 gives the same for social organizations"),
			Check: Upgrade, Modality: dangjian.May, Kinds: branchesAndGB, ExceptDomains: []Domain{Organ, StateEnterprise, Village},
			Basis: AllMembers, Cmp: MoreThan, N: 100, Target: Committee, Approval: Threshold,
			Text: "党员超过100人的，经上级党组织批准，可以成立党委。",
		},
		{
			Rule:  hdr("ORG-GB-BELOW-50", dangjian.Period{}, docOrgan, "第六条", dangjian.Verified, "机关 only: other domains have ORG-GB-BELOW-50-OTHER, villages ORG-GB-BELOW-50-VILLAGE"),
			Check: BelowThreshold, Modality: dangjian.Usually, Kinds: []Kind{GeneralBranch}, Domains: []Domain{Organ},
			Basis: AllMembers, Cmp: AtLeast, N: 50, Approval: Threshold,
			Text: "党员不足50人的，因工作需要，经上级党组织批准，也可以设立党的总支部委员会。",
		},
		{
			Rule: hdr("ORG-GB-BELOW-50-OTHER", dangjian.Period{}, docLibrary, "", dangjian.LibraryChoice,
				"no escape below 50 is known for these domains (the 国企条例's 总支 clause is unverified); the library applies 机关条例 第六条 by analogy, as handbooks do (a reading: replace it with the domain's own rule)"),
			Check: BelowThreshold, Modality: dangjian.Usually, Kinds: []Kind{GeneralBranch}, ExceptDomains: []Domain{Organ, Village},
			Basis: AllMembers, Cmp: AtLeast, N: 50, Approval: Threshold,
			Text: "（类推机关条例第六条）党员不足50人的，因工作需要，经上级党组织批准，也可以设立党的总支部委员会。",
		},
		{
			Rule:  hdr("ORG-GB-BELOW-50-VILLAGE", dangjian.Period{}, docRural, "第二章", dangjian.Verified, "article number unverified"),
			Check: BelowThreshold, Modality: dangjian.Usually, Kinds: []Kind{GeneralBranch}, Domains: []Domain{Village},
			Basis: AllMembers, Cmp: MoreThan, N: 50, Approval: Threshold,
			Text: "党员人数虽不足50人、确因工作需要的村，可以成立党的总支部。",
		},
		{
			Rule:  hdr("ORG-CMTE-BELOW-100", dangjian.Period{}, docOrgan, "第五条", dangjian.Verified, "机关 and 国有企业: the same clause is in 国企条例 第四条 (党员人数不足100人、确因工作需要的，经上级党组织批准…); other domains have ORG-CMTE-BELOW-100-OTHER, villages ORG-CMTE-BELOW-100-VILLAGE; townships and streets set up a committee whatever their size"),
			Check: BelowThreshold, Modality: dangjian.Usually, Kinds: []Kind{Committee}, Domains: []Domain{Organ, StateEnterprise},
			Basis: AllMembers, Cmp: AtLeast, N: 100, Approval: Threshold,
			Text: "党员不足100人的，因工作需要，经上级党组织批准，也可以设立党的基层委员会。",
		},
		{
			Rule: hdr("ORG-CMTE-BELOW-100-OTHER", dangjian.Period{}, docLibrary, "", dangjian.LibraryChoice,
				"no escape below 100 is known for these domains; the library applies the 机关 and 国企 clause by analogy (a reading: replace it with the domain's own rule)"),
			Check: BelowThreshold, Modality: dangjian.Usually, Kinds: []Kind{Committee}, ExceptDomains: []Domain{Organ, StateEnterprise, Township, Street, Village},
			Basis: AllMembers, Cmp: AtLeast, N: 100, Approval: Threshold,
			Text: "（类推机关条例第五条、国企条例第四条）党员不足100人的，因工作需要，经上级党组织批准，也可以设立党的基层委员会。",
		},
		{
			Rule: hdr("ORG-CMTE-BELOW-100-VILLAGE", dangjian.Period{}, docRural, "第二章", dangjian.Verified,
				"article number unverified (possibly 第六条); the regulation grants a village 党委 only at 100 members or more, with the county committee's approval, and has no clause for fewer: an approval does not cover it (a warning, since the text permits rather than forbids)"),
			Check: BelowThreshold, Modality: dangjian.Usually, Kinds: []Kind{Committee}, Domains: []Domain{Village},
			Basis: AllMembers, Cmp: AtLeast, N: 100,
			Text: "党员人数100人以上的村…经县级地方党委批准，可以成立党的基层委员会。",
		},
		// --- Committees and posts ----------------------------------------
		{
			Rule:  hdr("ORG-BRANCH-CMTE-7", dangjian.Period{}, docBranch, "第二十条", dangjian.Verified, "article number reported"),
			Check: CommitteeSize, Modality: dangjian.Must, Kinds: branches,
			Basis: FullMembers, Cmp: AtLeast, N: 7, Min: 3, Max: 5, SoftMax: 7,
			Text: "有正式党员7人以上的党支部，应当设立党支部委员会。党支部委员会由3至5人组成，一般不超过7人。",
		},
		{
			Rule:  hdr("ORG-BRANCH-SEC-ONLY", dangjian.Period{}, docBranch, "第二十条", dangjian.Verified, "article number reported (the wording is in 第六章; its article not settled)"),
			Check: SecretaryOnly, Modality: dangjian.Must, Kinds: branches,
			Basis: FullMembers, Cmp: AtLeast, N: 7,
			Text: "正式党员不足7人的党支部，设1名书记，必要时可以设1名副书记。",
		},
		{
			Rule:  hdr("ORG-SECRETARY", dangjian.Period{}, docBranch, "第二十条", dangjian.Verified, "article number reported (the wording is in 第六章); branches; checked where posts are recorded"),
			Check: RequiredPosts, Modality: dangjian.Must, Kinds: branches, Roles: []Role{Secretary},
			Text: "设书记和组织委员、宣传委员、纪检委员等。",
		},
		{
			Rule:  hdr("ORG-SECRETARY-CMTE", dangjian.Period{}, docConstitution, "第三十一条", dangjian.Reported, "committees and general branches: the article has their secretaries and deputies elected and approved by the upper organization (quoted in the fidelity audit); the sector regulations say the same; checked where posts are recorded"),
			Check: RequiredPosts, Modality: dangjian.Must, Kinds: []Kind{Committee, GeneralBranch}, Roles: []Role{Secretary},
			Text: "书记、副书记选举产生后，应报上级党组织批准。",
		},
		{
			Rule:  hdr("ORG-BRANCH-CMTE-POSTS", dangjian.Period{}, docBranch, "第二十条", dangjian.Verified, "article number reported; “等”: the list is normal, not closed"),
			Check: RequiredPosts, Modality: dangjian.Usually, Kinds: branches,
			Basis: FullMembers, Cmp: AtLeast, N: 7, Roles: []Role{OrganizationMember, PropagandaMember, DisciplineMember},
			Text: "设书记和组织委员、宣传委员、纪检委员等。",
		},
		{
			Rule:  hdr("ORG-BRANCH-DEPUTY-1", dangjian.Period{}, docBranch, "第二十条", dangjian.Verified, "article number reported"),
			Check: MaxPosts, Modality: dangjian.Must, Kinds: branches, Roles: []Role{DeputySecretary}, N: 1,
			Text: "必要时可以设1名副书记。",
		},
		{
			Rule:  hdr("ORG-GB-CMTE-SIZE", dangjian.Period{}, docCommittee, "", dangjian.Reported, "practice guidance from a university 组织部 page (zzhb.aust.edu.cn), not found in any regulation"),
			Check: CommitteeSize, Modality: dangjian.Usually, Kinds: []Kind{GeneralBranch}, Min: 5, Max: 7, SoftMax: 9,
			Text: "总支委员会一般设委员5—7人，最多不超过9人。",
		},
		{
			Rule:  hdr("ORG-CMTE-SIZE", dangjian.Period{}, docCommittee, "", dangjian.Reported, "practice guidance from a university 组织部 page (zzhb.aust.edu.cn); large units with a standing committee have 15–21"),
			Check: CommitteeSize, Modality: dangjian.Usually, Kinds: []Kind{Committee}, ExceptDomains: []Domain{Township}, Min: 5, Max: 9,
			Text: "基层委员会一般设委员5—9人，设书记1人，副书记1—2人。",
		},
		{
			Rule:  hdr("ORG-TOWNSHIP-CMTE-SIZE", dangjian.Period{}, docRural, "第二章", dangjian.Verified, "article number unverified"),
			Check: CommitteeSize, Modality: dangjian.Usually, Kinds: []Kind{Committee}, Domains: []Domain{Township}, Min: 7, Max: 9,
			Text: "乡镇党委一般设委员7至9名。",
		},
		{
			Rule:  hdr("ORG-POST-APPROVAL", dangjian.Period{}, docConstitution, "第三十一条", dangjian.Verified, "also 支部条例 第二十一条 for branches (reported); checked where the tree records approvals of posts (post_approval) at all"),
			Check: PostApproved, Modality: dangjian.Must, Kinds: termKinds, Roles: []Role{Secretary, DeputySecretary}, Approval: PostApproval,
			Text: "书记、副书记选举产生后，应报上级党组织批准。",
		},
		{
			Rule:  hdr("ORG-BRANCH-MEMBER-FILING", dangjian.Period{}, docBranch, "第二十一条", dangjian.Reported, "quoted in a Baidu Zhidao answer (ORG-RULES row 19); branches; checked where the tree records filings of committee members (post_filing) at all"),
			Check: PostApproved, Modality: dangjian.Must, Kinds: branches, Roles: []Role{OrganizationMember, PropagandaMember, DisciplineMember, CommitteeMember}, Approval: PostFiling,
			Text: "选出的党支部委员，报上级党组织备案；党支部书记、副书记，报上级党组织批准。",
		},
		// --- Party groups ------------------------------------------------
		{
			Rule:  hdr("ORG-GROUP-SIZE-ORGAN", dangjian.Period{}, docGroupOrgan, "第一条", dangjian.Reported, ""),
			Check: GroupSize, Modality: dangjian.Must, Kinds: []Kind{PartyGroup}, Domains: []Domain{Organ},
			Basis: AllMembers, Cmp: AtLeast, N: 3, MinFull: 1,
			Text: "每个党小组不少于3名党员，其中至少有1名为正式党员。",
		},
		{
			Rule:  hdr("ORG-GROUP-SIZE", dangjian.Period{}, docGroupOrgan, "第一条", dangjian.LocalPractice, "the central organs' rule, widely copied elsewhere; a soft rule outside central and state organs"),
			Check: GroupSize, Modality: dangjian.Usually, Kinds: []Kind{PartyGroup}, ExceptDomains: []Domain{Organ},
			Basis: AllMembers, Cmp: AtLeast, N: 3, MinFull: 1,
			Text: "每个党小组不少于3名党员，其中至少有1名为正式党员。",
		},
		// --- Terms, by election date -------------------------------------
		{
			Rule:  hdr("ORG-TERM-CMTE-PRE2018", dangjian.Period{To: termOpinion}, docConstitution, "第三十一条", dangjian.Unverified, preOpinionTolerance),
			Topic: "term/committee", Check: TermLength, Modality: dangjian.Must, Kinds: []Kind{Committee}, Min: 3, Max: 5, Tolerance: 1, Approval: TermChange,
			Text: "党的基层委员会…每届任期三年至五年。",
		},
		{
			Rule:  hdr("ORG-TERM-CMTE-5", dangjian.Period{From: termOpinion}, docTerm, "第一条", dangjian.Verified, termOpinionNote),
			Topic: "term/committee", Check: TermLength, Modality: dangjian.Usually, Kinds: []Kind{Committee}, ExceptDomains: villageComm,
			Min: 5, Max: 5, Tolerance: 1, Approval: TermChange,
			Text: "党的基层委员会每届任期一般为5年…延长或提前期限一般不超过1年。",
		},
		{
			Rule:  hdr("ORG-TERM-BRANCH-PRE2017", dangjian.Period{To: constitution2017}, docConstitution, "第三十一条（2017年以前）", dangjian.Unverified, preOpinionTolerance),
			Topic: "term/branch", Check: TermLength, Modality: dangjian.Must, Kinds: []Kind{GeneralBranch, Branch, JointBranch}, Min: 2, Max: 3, Tolerance: 1, Approval: TermChange,
			Text: "总支部委员会、支部委员会两年或三年。",
		},
		{
			Rule:  hdr("ORG-TERM-BRANCH-2017", dangjian.Period{From: constitution2017, To: termOpinion}, docConstitution, "第三十一条", dangjian.Unverified, preOpinionTolerance),
			Topic: "term/branch", Check: TermLength, Modality: dangjian.Must, Kinds: []Kind{GeneralBranch, Branch, JointBranch}, Min: 3, Max: 5, Tolerance: 1, Approval: TermChange,
			Text: "党的基层委员会、总支部委员会、支部委员会每届任期三年至五年。",
		},
		{
			Rule:  hdr("ORG-TERM-BRANCH-3", dangjian.Period{From: termOpinion}, docTerm, "第一条", dangjian.Verified, "also 支部条例 第二十一条; "+termOpinionNote),
			Topic: "term/branch", Check: TermLength, Modality: dangjian.Usually, Kinds: []Kind{GeneralBranch, Branch, JointBranch}, ExceptDomains: villageComm,
			Min: 3, Max: 3, Tolerance: 1, Approval: TermChange,
			Text: "党的总支部委员会、支部委员会每届任期一般为3年。",
		},
		{
			Rule:  hdr("ORG-TERM-VILLAGE-COMMUNITY-5", dangjian.Period{From: termOpinion}, docTerm, "第一条", dangjian.Verified, "also 农村条例 第二章 and 支部条例 第二十一条; "+termOpinionNote),
			Topic: "term/village-community", Check: TermLength, Modality: dangjian.Must, Kinds: termKinds, Domains: villageComm,
			Min: 5, Max: 5, Tolerance: 1, Approval: TermChange,
			Text: "村和社区党的委员会、总支部委员会、支部委员会每届任期为5年。",
		},
		{
			Rule:  hdr("ORG-TERM-OVERDUE", dangjian.Period{}, docElection, "第三条", dangjian.Reported, "the reference quotes only the extension clause; overdue 换届 is read as a breach of it"),
			Check: TermOverdue, Modality: dangjian.Must, Kinds: termKinds, Approval: TermChange,
			Text: "如需延期或者提前进行换届选举，应当报上级党组织批准，延长或者提前期限一般不超过1年。",
		},
		{
			Rule:  hdr("ORG-TERM-DUE-SOON", dangjian.Period{}, "党建信息系统换届提醒（xvchaoqun/owip）", "", dangjian.LocalPractice, "a reminder 6 months ahead, as platforms do; not a rule of any regulation"),
			Check: TermDueSoon, Modality: dangjian.May, Kinds: termKinds, N: 6,
			Text: "换届提醒：届满前6个月。",
		},
		{
			Rule:  hdr("ORG-DISPATCHED-NO-TERM", dangjian.Period{}, docConstitution, "第十条（二）", dangjian.Verified, "leaders of dispatched bodies are appointed by the committee that sends them (组织工作条例 第十条 commentary and a party-affairs explainer, reported)"),
			Check: NoTerm, Modality: dangjian.Usually, Kinds: []Kind{WorkCommittee},
			Text: "党的各级领导机关，除它们派出的代表机关和在非党组织中的党组外，都由选举产生。",
		},
		{
			Rule:  hdr("ORG-TEMP-NO-TERM", dangjian.Period{}, docHandbook, "", dangjian.Reported, "that 临时党组织 are appointed by the organization that sets them up, not elected, is reported by party-affairs pages (ORG-RULES §2.3); 党章 第十条（二） names only dispatched bodies and 党组"),
			Check: NoTerm, Modality: dangjian.Usually, Kinds: []Kind{TempCommittee, TempGeneralBranch, TempBranch, TempJointBranch},
			Text: "临时党组织的书记、副书记和委员由批准其成立的党组织指定。",
		},
		// --- Elections ---------------------------------------------------
		{
			Rule:  hdr("ORG-CONGRESS-500", dangjian.Period{}, docElection, "第四条", dangjian.Verified, "the other ground of the same sentence (所辖党组织驻地分散) is not modelled; villages have ORG-CONGRESS-500-VILLAGE"),
			Check: Congress, Modality: dangjian.May, Kinds: termKinds, ExceptDomains: []Domain{Village},
			Basis: AllMembers, Cmp: AtLeast, N: 500,
			Text: "党员人数在500名以上或者所辖党组织驻地分散的，经上级党组织批准，可以召开党员代表大会进行选举。",
		},
		{
			Rule:  hdr("ORG-CONGRESS-500-VILLAGE", dangjian.Period{}, docRural, "第二章", dangjian.Verified, "article number unverified; the township committee approves"),
			Check: Congress, Modality: dangjian.May, Kinds: []Kind{Committee}, Domains: []Domain{Village},
			Basis: AllMembers, Cmp: AtLeast, N: 500,
			Text: "党员人数500人以上的村党的委员会，经乡镇党委批准，可以由党员代表大会选举产生。",
		},
		// --- Villages ----------------------------------------------------
		{
			Rule:  hdr("ORG-VILLAGE-APPROVAL", dangjian.Period{}, docRural, "第二章", dangjian.Verified, "article number unverified; a village 党委 needs a county committee instead (ORG-VILLAGE-CMTE-APPROVAL)"),
			Check: FormationApproval, Modality: dangjian.Must, Kinds: []Kind{GeneralBranch, Branch, JointBranch}, Domains: []Domain{Village},
			ApproverKinds: []Kind{LocalCommittee}, ApproverDomains: []Domain{Township},
			Text: "村及以下成立或者撤销党组织，必须经乡镇党委或者以上党组织批准。",
		},
		{
			Rule:  hdr("ORG-VILLAGE-CMTE-APPROVAL", dangjian.Period{}, docRural, "第二章", dangjian.Verified, "article number unverified (possibly 第六条); a township committee's approval does not suffice: the approver must be a local committee (the model's 县级 and higher)"),
			Check: FormationApproval, Modality: dangjian.Must, Kinds: []Kind{Committee}, Domains: []Domain{Village},
			ApproverKinds: []Kind{LocalCommittee},
			Text:          "党员人数100人以上的村…经县级地方党委批准，可以成立党的基层委员会。",
		},
		// --- Dispatched cadres -------------------------------------------
		{
			Rule:  hdr("ORG-FIRSTSEC-ELIGIBLE", dangjian.Period{From: firstSec2021}, docFirstSec2021, "", dangjian.Verified, note(a.FirstSecretary2021, "dated May 2021; "+dayAssumed)+"; the 2 years of work experience are not modelled"),
			Check: DispatchEligibility, Modality: dangjian.Must, Dispatch: FirstSecretary, N: 1, Assumed: []dangjian.AssumedDate{a.FirstSecretary2021},
			Text: "第一书记必须是中共正式党员，具有1年以上党龄和2年以上工作经历。",
		},
		{
			Rule:  hdr("ORG-FIRSTSEC-TERM-2015", dangjian.Period{From: firstSec2015, To: firstSec2021}, docFirstSec2015, "", dangjian.Verified, note(a.FirstSecretary2015, "dated 2015; month and day assumed")),
			Topic: "dispatch/first-secretary-term", Check: DispatchTerm, Modality: dangjian.Usually, Dispatch: FirstSecretary, Max: 3,
			Assumed: []dangjian.AssumedDate{a.FirstSecretary2015, a.FirstSecretary2021},
			Text:    "任期一般为1－3年。",
		},
		{
			Rule:  hdr("ORG-FIRSTSEC-TERM-2021", dangjian.Period{From: firstSec2021}, docFirstSec2021, "", dangjian.Unverified, note(a.FirstSecretary2021, dayAssumed)),
			Topic: "dispatch/first-secretary-term", Check: DispatchTerm, Modality: dangjian.Usually, Dispatch: FirstSecretary, Max: 2,
			Assumed: []dangjian.AssumedDate{a.FirstSecretary2021},
			Text:    "一般2年。",
		},
		// --- Coordination bodies -----------------------------------------
		{
			Rule:  hdr("ORG-COORD-NO-ROSTER", dangjian.Period{}, docYanbian, "", dangjian.LocalPractice, "a coordination mechanism, not a party organization: its members are organizations"),
			Check: NoRoster, Modality: dangjian.Usually,
			Text: "州、县（市）、街道、社区全部建立城市党建联席会议…推行联席会议“轮值主席”制度。",
		},
	}
	// clone: the tables share package-level slices (branches, termKinds…),
	// which a caller must not be able to reach.
	return RuleSet{Name: "national", Rules: rules}.clone()
}

// preOpinionTolerance qualifies the term rules of elections before the
// 2018 terms opinion: the range is the Party Constitution's wording, but the
// ±1 year with approval comes from the later texts, so the entry as a whole
// is no better than unverified.
const preOpinionTolerance = "the range is 党章 第三十一条's wording (verified, ORG-RULES row 4); the ±1 year with approval is the 任期意见 (2018) and 选举条例 (2020) rule, applied here to earlier elections: no reference gives it for this window, so the rule is marked unverified"

func hdr(id string, p dangjian.Period, doc, article string, c dangjian.Confidence, note string) dangjian.Rule {
	return dangjian.Rule{ID: id, Period: p, Source: dangjian.Source{Doc: doc, Article: article, Confidence: c, Note: note}}
}
