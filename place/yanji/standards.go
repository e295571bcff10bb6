package yanji

import (
	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/standard"
)

// fundDoc is the source document of the Yanji standards: the 延吉市委组织部
// article (the same document orgmodel's Yanji rules cite).
const fundDoc = "延吉市委组织部：延吉市基层党建工作（文章）"

// fundNote is the note every Yanji standard carries.
const fundNote = "local parameter of 延吉市: wording verified in the article, as reported by the city's organization department; not audited; " +
	"no effective date is known (the article is undated, written after October 2017), so the period is open"

// Standards returns every money figure of the 延吉市委组织部 article
// (the article's 加强保障 section, with the investments of its 建强阵地
// section) as a fresh [standard.Set]
// named "延吉市":
//
//   - YJ-VILLAGE-OPERATING-FUNDS: 村级运转经费 21万元, an average per village
//     ("平均达到"); the period is not stated, a year is the usual reading.
//   - YJ-VILLAGE-SECRETARY-PAY: 村书记年薪 2.8万元 per secretary per year.
//   - YJ-VILLAGE-CADRE-PAY: 其他村干部年薪 2.2万元 per cadre per year.
//   - YJ-COMMUNITY-REGIONAL-FUNDS: 区域化党建经费 5万元 per community
//     ("按照每个社区5万元标准"); the period is not stated, read as a year.
//   - YJ-COMMUNITY-WORK-FUNDS: 社区工作经费 20万元 ("20萬元"); neither the
//     basis nor the period is stated, read as per community per year.
//   - YJ-COMMUNITY-COMMITTEE-PAY: 社区“两委”成员 3310元 per member per month,
//     an average ("月平均薪酬").
//   - YJ-NONPUBLIC-BRANCH-FUNDS and YJ-NONPUBLIC-DISPATCHED-FUNDS: 2000元 per
//     non-public branch and 2000元 per dispatched branch (派驻党支部); the
//     period is not stated.
//   - YJ-NONPUBLIC-FUNDS-ISSUED: the 500余万元 of non-public work funds
//     issued, a lower-bound total over an unstated period. No branch count
//     is derived from it (the article gives no count).
//   - YJ-RED-COLLAR-ALLOWANCE: the 300余万元 of 红领津贴 paid over five
//     consecutive years ("连续5年"), a lower-bound total.
//   - YJ-VILLAGE-OFFICE-UPGRADE, YJ-STREET-COMMUNITY-HARDWARE and
//     YJ-NONPUBLIC-VENUES: the investments of 4000余万元, 480余万元 and
//     3000余万元 (the article's 建强阵地 section), lower-bound totals.
//
// The confidence is [dangjian.LocalPractice]: these are local parameters
// of one city, which another city replaces, as the reference marks its
// other local rules ("local practice (verified)") and as orgmodel's
// YanjiRules marks the same article's venue standards. That the wording is
// in the article is verified; the figures are the organization
// department's own and have not been audited, and each Note says so. No
// figure has an effective date, so every period is open and the Note says
// that too. The "X余" figures are marked LowerBound; none of the totals is
// a per-unit standard.
func Standards() standard.Set {
	src := func(section string) dangjian.Source {
		return dangjian.Source{Doc: fundDoc, Article: section, Confidence: dangjian.LocalPractice, Note: fundNote}
	}
	rule := func(id, section string) dangjian.Rule { return dangjian.Rule{ID: id, Source: src(section)} }
	yuan := func(n int64) funding.Money { return funding.Fen(n * 100) }
	const (
		guarantee = "加强保障"
		venues    = "建强阵地"
	)
	return standard.Set{
		Name:         "延吉市",
		Jurisdiction: "吉林省延边朝鲜族自治州延吉市",
		Items: []standard.Standard{
			{Rule: rule("YJ-VILLAGE-OPERATING-FUNDS", guarantee), Code: standard.VillageOperatingFunds,
				Amount: yuan(210000), Per: standard.PerVillageYear, Average: true,
				Text:    "村级运转经费平均达到21万元",
				Reading: &standard.Reading{Unstated: "period", Alternatives: []standard.Per{standard.TotalOverPeriod}, Why: "an average per village (平均); a year is the usual reading of an operating budget"}},
			{Rule: rule("YJ-VILLAGE-SECRETARY-PAY", guarantee), Code: standard.VillageSecretaryPay,
				Amount: yuan(28000), Per: standard.PerPersonYear,
				Text: "村书记年薪达2.8万元"},
			{Rule: rule("YJ-VILLAGE-CADRE-PAY", guarantee), Code: standard.VillageCadrePay,
				Amount: yuan(22000), Per: standard.PerPersonYear,
				Text: "其他村干部年薪达2.2万元"},
			{Rule: rule("YJ-COMMUNITY-REGIONAL-FUNDS", guarantee), Code: standard.RegionalPartyBuildingFunds,
				Amount: yuan(50000), Per: standard.PerCommunityYear,
				Text:    "按照每个社区5万元标准设置区域化党建经费",
				Reading: &standard.Reading{Unstated: "period", Alternatives: []standard.Per{standard.TotalOverPeriod}, Why: "per community as worded (每个社区); a year is the usual reading"}},
			{Rule: rule("YJ-COMMUNITY-WORK-FUNDS", guarantee), Code: standard.CommunityWorkFunds,
				Amount: yuan(200000), Per: standard.PerCommunityYear,
				Text:    "社区工作经费提升至20萬元",
				Reading: &standard.Reading{Unstated: "basis and period", Alternatives: []standard.Per{standard.TotalOverPeriod}, Why: "neither the basis nor the period is stated; per community per year is the reading the other community standards suggest"}},
			{Rule: rule("YJ-COMMUNITY-COMMITTEE-PAY", guarantee), Code: standard.CommunityCommitteePay,
				Amount: yuan(3310), Per: standard.PerPersonMonth, Average: true,
				Text: "社区“两委”成员月平均薪酬达3310元"},
			{Rule: rule("YJ-NONPUBLIC-BRANCH-FUNDS", guarantee), Code: standard.NonPublicWorkFunds,
				Amount: yuan(2000), Per: standard.PerBranch,
				Text: "按照每个党支部2000元、派驻党支部2000元标准"},
			{Rule: rule("YJ-NONPUBLIC-DISPATCHED-FUNDS", guarantee), Code: standard.DispatchedBranchWorkFunds,
				Amount: yuan(2000), Per: standard.PerDispatchedBranch,
				Text: "按照每个党支部2000元、派驻党支部2000元标准"},
			{Rule: rule("YJ-NONPUBLIC-FUNDS-ISSUED", guarantee), Code: standard.NonPublicWorkFunds,
				Amount: yuan(5000000), Per: standard.TotalOverPeriod, LowerBound: true,
				Text: "发放非公党组织工作经费500余万元"},
			{Rule: rule("YJ-RED-COLLAR-ALLOWANCE", guarantee), Code: standard.RedCollarAllowance,
				Amount: yuan(3000000), Per: standard.TotalOverPeriod, Years: 5, LowerBound: true,
				Text: "连续5年为非公党组织书记发放红领津贴300余万元"},
			{Rule: rule("YJ-VILLAGE-OFFICE-UPGRADE", venues), Code: standard.VillageOfficeUpgrade,
				Amount: yuan(40000000), Per: standard.TotalOverPeriod, LowerBound: true,
				Text: "投入4000余万元,完成全市56个行政村部“社区式”升级改造"},
			{Rule: rule("YJ-STREET-COMMUNITY-HARDWARE", venues), Code: standard.StreetCommunityHardware,
				Amount: yuan(4800000), Per: standard.TotalOverPeriod, LowerBound: true,
				Text: "投入480余万元,完善街道社区硬件配套建设"},
			{Rule: rule("YJ-NONPUBLIC-VENUES", venues), Code: standard.NonPublicVenues,
				Amount: yuan(30000000), Per: standard.TotalOverPeriod, LowerBound: true,
				Text: "投入3000余万元,在市级和2个园区层面建成1000平方米以上非公党建指导服务中心"},
		},
	}
}
