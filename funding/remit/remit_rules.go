package remit

import (
	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/internal/funderr"
	"github.com/dangjian-go/dangjian/internal/enum"
)

// Share is one share of collected dues that leaves the collecting
// organization, as data: to whom, which kind (sent up or returned down),
// what rate of which base, by when, and its citation. A [Policy] lists
// shares in the order they are applied.
//
// A Share is a plain value and safe for concurrent use; copy it and
// set Rate to configure a share whose rate the source does not give.
type Share struct {
	dangjian.Rule
	// Topic groups the dated versions of one share: for each topic of a
	// policy exactly one share must be in force in the year.
	Topic string `json:"topic"`
	// Kind says whether the share is sent up or returned down.
	Kind ShareKind `json:"kind"`
	// To names the recipient ("中共中央组织部", "省委组织部").
	To string `json:"to"`
	// Rate is the share of Base, from 0 to 100 %.
	Rate funding.Rate `json:"rate"`
	// Base says what the rate applies to: the year's total collected, or
	// what remains after the shares before this one.
	Base ShareBase `json:"base"`
	// DueMonth is the month of the following year by whose last day the
	// share is due (4: 次年4月底, the 30 April); 0 when the source gives no
	// date.
	DueMonth int `json:"dueMonth,omitempty"`
	// Modality is how binding the share is, as its text words it: a share
	// that must be sent (上缴, 应当) is [dangjian.Must]; a share the text
	// permits (可…返还) is [dangjian.May], and its Rate is then the most the
	// text allows — a caller applying a smaller share copies the Share and
	// sets Rate. The zero value reads as Must.
	Modality dangjian.Modality `json:"modality,omitempty"`
	// Text quotes the rule's wording.
	Text string `json:"text,omitempty"`
}

// Binding returns the share's modality, [dangjian.Must] when none is set.
func (s Share) Binding() dangjian.Modality {
	if s.Modality == dangjian.ModalityUnknown {
		return dangjian.Must
	}
	return s.Modality
}

// ShareKind is the direction of a [Share].
//
// The zero value is [ShareKindUnknown], never valid on a share.
type ShareKind uint8

const (
	ShareKindUnknown ShareKind = iota // not set
	Up                                // 上缴: sent to a higher organization
	ReturnDown                        // 返还: returned to a lower organization
	LumpToCentre                      // 大额党费: a voluntary lump sum of 1000 元 or more, all to the Centre
)

var shareKindTable = enum.New("ShareKind",
	[]string{"", "remit", "return", "lump_sum"},
	[]string{"", "上缴", "返还", "大额党费"},
	map[string]int{"remit_up": 1, "return_down": 2, "党费返还": 2, "拨返": 2, "上缴中央": 3})

// String returns the stable English code.
func (v ShareKind) String() string { return shareKindTable.Code(int(v)) }

// Label returns the Chinese label.
func (v ShareKind) Label() string { return shareKindTable.Label(int(v)) }

// IsValid reports whether v is one of the defined values (not ShareKindUnknown).
func (v ShareKind) IsValid() bool { return shareKindTable.Valid(int(v)) }

// ParseShareKind accepts the English code (any case), the Chinese label or a
// listed alias. An unknown input is an error that quotes it.
func ParseShareKind(s string) (ShareKind, error) {
	v, err := shareKindTable.Parse("funding", s)
	return ShareKind(v), funderr.EnumProblem(err, shareKindTable, s, "share kind")
}

// MarshalText encodes the English code; ShareKindUnknown encodes as "".
func (v ShareKind) MarshalText() ([]byte, error) {
	return funderr.EnumText(shareKindTable, int(v), "share kind")
}

// UnmarshalText accepts the English code, the Chinese label or an alias;
// "" decodes to ShareKindUnknown.
func (v *ShareKind) UnmarshalText(b []byte) error {
	x, err := shareKindTable.Unmarshal("funding", b)
	if err == nil {
		*v = ShareKind(x)
	}
	return funderr.EnumProblem(err, shareKindTable, string(b), "share kind")
}

// ShareBase is what a [Share]'s rate applies to. The sources differ:
// 规定 第十五条 and the 四川 rule take a share of the year's total collected
// (全年党员实交党费总数); a share of what a lower level left is the other
// reading. Each share says which.
//
// The zero value is [ShareBaseUnknown], never valid on a share.
type ShareBase uint8

const (
	ShareBaseUnknown ShareBase = iota // not set
	OfTotal                           // of the year's ordinary dues collected
	OfRemainder                       // of what remains after the shares before this one
)

var shareBaseTable = enum.New("ShareBase",
	[]string{"", "total", "remainder"},
	[]string{"", "实交总数", "余额"},
	map[string]int{"of_total": 1, "of_remainder": 2, "全年实交党费总数": 1, "剩余部分": 2})

// String returns the stable English code.
func (v ShareBase) String() string { return shareBaseTable.Code(int(v)) }

// Label returns the Chinese label.
func (v ShareBase) Label() string { return shareBaseTable.Label(int(v)) }

// IsValid reports whether v is one of the defined values (not ShareBaseUnknown).
func (v ShareBase) IsValid() bool { return shareBaseTable.Valid(int(v)) }

// ParseShareBase accepts the English code (any case), the Chinese label or a
// listed alias. An unknown input is an error that quotes it.
func ParseShareBase(s string) (ShareBase, error) {
	v, err := shareBaseTable.Parse("funding", s)
	return ShareBase(v), funderr.EnumProblem(err, shareBaseTable, s, "share base")
}

// MarshalText encodes the English code; ShareBaseUnknown encodes as "".
func (v ShareBase) MarshalText() ([]byte, error) {
	return funderr.EnumText(shareBaseTable, int(v), "share base")
}

// UnmarshalText accepts the English code, the Chinese label or an alias;
// "" decodes to ShareBaseUnknown.
func (v *ShareBase) UnmarshalText(b []byte) error {
	x, err := shareBaseTable.Unmarshal("funding", b)
	if err == nil {
		*v = ShareBase(x)
	}
	return funderr.EnumProblem(err, shareBaseTable, string(b), "share base")
}

// Rule IDs of [Rules].
const (
	RuleCentre           = "DUES-REMIT-CENTRE-5PCT"
	RuleLumpSumCentre    = "DUES-LUMP-CENTRE"
	RuleRailAviation     = "DUES-REMIT-RAIL-AVIATION-10PCT"
	RuleFinance          = "DUES-REMIT-FINANCE-5PCT"
	RuleReturnEnterprise = "DUES-RETURN-ENTERPRISE-2012"
	RuleSichuan          = "DUES-REMIT-SICHUAN-20PCT"
	RuleCentralOrgans    = "DUES-REMIT-CENTRAL-ORGANS-20PCT"
	RuleEnterpriseGroup  = "DUES-REMIT-ENTERPRISE-GROUP-60PCT"
	RuleReturnChengdu    = "DUES-RETURN-CHENGDU-FULL"
	RuleReturnPucheng    = "DUES-RETURN-PUCHENG-FULL"
)

const remitDocRegulation = "中组发〔2008〕3号《关于中国共产党党费收缴、使用和管理的规定》"

func remitHdr(id string, from string, doc, article, url string, c dangjian.Confidence, note string) dangjian.Rule {
	var p dangjian.Period
	if from != "" {
		p.From = dangjian.MustParseDate(from)
	}
	return dangjian.Rule{ID: id, Period: p, Source: dangjian.Source{Doc: doc, Article: article, URL: url, Confidence: c, Note: note}}
}

// Rules returns every known share of collected dues (RULES.md, "Remittance
// of dues"; DUES-REMIT-*, DUES-RETURN-*, DUES-LUMP-CENTRE) as a fresh table
// on each call. Build a [Policy] from them
// with [NewPolicy]:
//
//   - national (规定, from 2008-04-01): 5 % of the year's dues actually
//     collected to the Centre by the end of April of the following year
//     (第十五条); 10 % to the local committee in the 铁路 and 民航 systems
//     (第十六条), and 5 % to the local committee from the 地市级 branches of
//     the 中国人民银行 and the 省级 branches of the other central financial
//     institutions (第十六条); voluntary lump sums of 1000 元 or more all
//     to the Centre (第十一条; applied by [Split] apart from the policy).
//   - national, permissive (中办发〔2012〕11号, reported): the dues of
//     enterprise members may be returned in full to the enterprise's party
//     organization ([RuleReturnEnterprise], modality may: Rate 100 % is
//     the most the text allows; set a smaller Rate on a copy for a place
//     that returns less).
//   - 中央和国家机关 (verified): 20 % of the prior year's total to the 工委
//     in the first quarter.
//   - local practice: 四川 20 % to the province; one enterprise 60 % to its
//     group; full returns to 非公 organizations in 成都 and 蒲城.
//
// A place's own shares are data of that place's package, which extends
// this table (place/yanji's RemitRules); build a policy from such a table
// with [NewPolicyFrom].
//
// Returns to enterprise organizations have a national basis that permits
// them ([RuleReturnEnterprise], up to the full amount) and sets no
// percentage; 成都 and 蒲城 are places that return in full.
func Rules() []Share {
	const from2008 = "2008-04-01"
	return []Share{
		{
			Rule:  remitHdr(RuleCentre, from2008, remitDocRegulation, "第十五条", "", dangjian.Verified, "78911.com.cn copy"),
			Topic: "centre", Kind: Up, To: "中共中央组织部", Rate: funding.MustParseRate("5%"), Base: OfTotal, DueMonth: 4,
			Text: "每年按全年党员实交党费总数的5%上缴中央。上缴中央的党费应当于次年4月底前汇入中央组织部党费账户。",
		},
		{
			Rule:  remitHdr(RuleLumpSumCentre, from2008, remitDocRegulation, "第十一条", "", dangjian.Verified, "collected by the 基层党委 and forwarded to the 中组部, which issues the receipt; no due date in the source"),
			Topic: "lump-sum", Kind: LumpToCentre, To: "中共中央组织部", Rate: funding.MustParseRate("100%"), Base: OfTotal,
			Text: "自愿一次多交纳1000元以上的党费，全部上缴中央。",
		},
		{
			Rule:  remitHdr(RuleRailAviation, from2008, remitDocRegulation, "第十六条", "", dangjian.Verified, "base read as the year's total collected; no due date in the source"),
			Topic: "rail-aviation", Kind: Up, To: "所在地党委", Rate: funding.MustParseRate("10%"), Base: OfTotal,
		},
		{
			Rule:  remitHdr(RuleFinance, from2008, remitDocRegulation, "第十六条", "m.78911.com.cn/DangAnGuanLiZhiDu/555958-2.html", dangjian.Verified, "78911.com.cn copy, as for 第十五条; base the year's total collected, as the text says; no due date in the source. The same article ends: 其他派出机构和下属单位党委不再向地方党委上缴党费"),
			Topic: "finance", Kind: Up, To: "所在地方党委", Rate: funding.MustParseRate("5%"), Base: OfTotal,
			Text: "中国人民银行的地市级分支机构和中央其他金融机构的省级分支机构党委，每年按本地本系统党员全年实交党费总数的5%向所在地方党委上缴党费，其他派出机构和下属单位党委不再向地方党委上缴党费。",
		},
		{
			Rule:  remitHdr(RuleReturnEnterprise, "2012-05-25", "中办发〔2012〕11号《关于加强和改进非公有制企业党的建设工作的意见（试行）》", "", "handmsg.com/page/2019/1118/11152624.shtml", dangjian.Reported, "quoted from 人民日报 2012-05-25 in a journal article; the day the opinion took force is not in the reference, and the date of that report is taken (assumed). Permissive (可): up to the full amount; the text sets no percentage"),
			Topic: "return-enterprise", Kind: ReturnDown, To: "企业党组织", Rate: funding.MustParseRate("100%"), Base: OfTotal, Modality: dangjian.May,
			Text: "建立党费拨返制度，企业党员交纳的党费可全额返还企业党组织，用于开展党建活动",
		},
		{
			Rule:  remitHdr(RuleCentralOrgans, "", "中央和国家机关党费收缴、使用和管理办法", "第四条", "", dangjian.Verified, "repost; the year's dues are sent in the first quarter of the next (read: by 31 March); in force date not in the reference"),
			Topic: "central-organs", Kind: Up, To: "中央和国家机关工委", Rate: funding.MustParseRate("20%"), Base: OfTotal, DueMonth: 3,
			Text: "上一年度党员交纳党费总额的20%",
		},
		{
			Rule:  remitHdr(RuleSichuan, "", "四川省党费收缴、使用和管理办法", "", "", dangjian.LocalPractice, "repost; a 党支部 may not keep dues; in force date not in the reference; the province forwards the Centre's 5 % from what it receives"),
			Topic: "sichuan-province", Kind: Up, To: "四川省委组织部", Rate: funding.MustParseRate("20%"), Base: OfTotal,
			Text: "每年按全年党员实交党费数的20%上缴省委。",
		},
		{
			Rule:  remitHdr(RuleEnterpriseGroup, "", "company notice (youyiguoji.com)", "", "", dangjian.LocalPractice, "a single enterprise: the company 党委 sends 60 % to the group and keeps 40 %"),
			Topic: "enterprise-group", Kind: Up, To: "集团党委", Rate: funding.MustParseRate("60%"), Base: OfTotal,
		},
		{
			Rule:  remitHdr(RuleReturnChengdu, "2015-01-01", "成组通〔2015〕49号", "一(二)", "https://www.zhengcejia.com/zhengcejiedu/12845.html", dangjian.LocalPractice, "the document is of 2015; 2015-01-01 is assumed. 收支两条线: the upward shares are paid by the retaining body on its whole collection; apply this share to the 非公 members' own dues"),
			Topic: "return-chengdu", Kind: ReturnDown, To: "非公有制企业党组织", Rate: funding.MustParseRate("100%"), Base: OfTotal,
			Text: "非公有制企业党员缴纳党费，由其上一级具有党费留存权限的党组织或组织部门全额返还给企业党组织。",
		},
		{
			Rule:  remitHdr(RuleReturnPucheng, "", "蒲城县 news (repost)", "", "", dangjian.LocalPractice, "先收缴后返还; in force date not in the reference"),
			Topic: "return-pucheng", Kind: ReturnDown, To: "非公有制企业党组织", Rate: funding.MustParseRate("100%"), Base: OfTotal,
			Text: "先收缴后返还",
		},
	}
}
