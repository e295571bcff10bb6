package yanji

import (
	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/orgmodel"
)

// The article's local venue standards (its 建强阵地 section; rules YJ-SITE-*),
// shared by [Rules] and [Figures].
const (
	yjVenueMin        = 500  // 社区活动场所: 500平方米以上
	yjVenueLarge      = 1000 // 1000平方米以上的社区活动场所
	yjCentreMin       = 1000 // 市级和2个园区: 1000平方米以上非公党建指导服务中心
	yjStreetCentreMin = 500  // 6个街道: 500平方米以上非公党群活动中心
)

// yjArticle is the source document of the Yanji rules and figures.
const yjArticle = "延吉市委组织部：延吉市基层党建工作（文章）"

// Rules returns [orgmodel.NationalRules] extended with the local venue
// standards of 延吉市 from the article's 建强阵地 section, as a fresh
// [orgmodel.RuleSet] named "延吉市":
//
//   - YJ-SITE-COMMUNITY-500: a community venue (社区活动场所) has at least 500 ㎡.
//   - YJ-SITE-NONPUBLIC-CENTER-1000: a non-public party-building guidance
//     centre (非公党建指导服务中心, the city's and the two parks') has at least 1000 ㎡.
//   - YJ-SITE-NONPUBLIC-STREET-500: a street's non-public activity centre
//     (非公党群活动中心) has at least 500 ㎡.
//
// Each is a [orgmodel.SiteArea] rule with [orgmodel.AtLeast]: the article's
// "以上" is read as "at least" (the article counts venues of 500 ㎡ and 1000 ㎡
// as meeting "以上"; the dues regulation, by contrast, marks an inclusive bound
// with 含). The article reports the standards as met rather than in binding
// wording, so a shortfall is a warning ([dangjian.Usually]). The confidence
// is [dangjian.LocalPractice]; no effective date is known (the article is
// undated, written after October 2017), so the rules have an open period and
// say so in their Note.
func Rules() orgmodel.RuleSet {
	const note = "local standard of 延吉市; no effective date is known (the article is undated, written after October 2017); “以上” read as “at least”"
	src := dangjian.Source{Doc: yjArticle, Article: "建强阵地", Confidence: dangjian.LocalPractice, Note: note}
	rs := orgmodel.NationalRules().With(
		orgmodel.Rule{
			Rule:  dangjian.Rule{ID: "YJ-SITE-COMMUNITY-500", Source: src},
			Check: orgmodel.SiteArea, Modality: dangjian.Usually, SiteKinds: []orgmodel.SiteKind{orgmodel.CommunityVenue}, Cmp: orgmodel.AtLeast, N: yjVenueMin,
			Text: "目前,70个城市社区活动场所全部达到500平方米以上,1000平方米以上的社区活动场所达到了11个。",
		},
		orgmodel.Rule{
			Rule:  dangjian.Rule{ID: "YJ-SITE-NONPUBLIC-CENTER-1000", Source: src},
			Check: orgmodel.SiteArea, Modality: dangjian.Usually, SiteKinds: []orgmodel.SiteKind{orgmodel.NonPublicGuidanceCenter}, Cmp: orgmodel.AtLeast, N: yjCentreMin,
			Text: "投入3000余万元,在市级和2个园区层面建成1000平方米以上非公党建指导服务中心",
		},
		orgmodel.Rule{
			Rule:  dangjian.Rule{ID: "YJ-SITE-NONPUBLIC-STREET-500", Source: src},
			Check: orgmodel.SiteArea, Modality: dangjian.Usually, SiteKinds: []orgmodel.SiteKind{orgmodel.NonPublicActivityCenter}, Cmp: orgmodel.AtLeast, N: yjStreetCentreMin,
			Text: "在6个街道建成500平方米以上非公党群活动中心",
		},
	)
	rs.Name = "延吉市"
	return rs
}
