package standard

import (
	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
)

// floorRounding is the rounding of the computed floors of this file's
// tables: no rule states one, and rounding up to the fen means that an
// amount meeting the rounded floor meets the exact one.
func floorRounding() funding.Rounding { return funding.Rounding{Places: 2, Mode: dangjian.Ceiling} }

// VillageFloors returns the known floors on village funds and village
// cadre pay (RULES.md, "Village funds and pay floors"; rules NAT-2020-*,
// LN-*, FJ-*, SD-*, HB-*, SC-*, JN-*) as a fresh slice, national first, each
// with its jurisdiction, period and confidence mark:
//
//   - national, 2020 notice (财政部 中共中央组织部, June 2020): 11万元 per
//     village per year on average, and a secretary's basic pay of at least
//     2 × the county's prior-year rural per-capita disposable income. The
//     title of the notice is verified; these figures are **unverified**
//     (the national text has not been seen), so they are data to check and
//     replace, never constants.
//   - 辽宁 (from 2020): 11万元 per village per year; 福建 (from 2020): 13万元;
//     山东: 9万元 (2017) → 10.5万元 (2020) → 11万元 (2021) on average, as
//     dated versions of one topic. The earlier 辽宁 steps (9 → 10万) are not
//     dated in the reference and are left out.
//   - 湖北 (2021): the main cadre at least 2 × the income (the province
//     allows 2–2.5 by county; 2 is the least) and at least 4万元 in 2021; a
//     deputy at least 70 % (read here as 70 % of the main cadre's floor);
//     office funds at least 2万元 per village per year.
//   - 四川 (2020): the secretary at least 2 × the income and at least 3000元
//     per month.
//   - 建宁县, 福建 (2025): the main cadre at least 2 × the income; 一肩挑
//     120 %, a deputy 80 %, other members 60 % of that.
//
// Local floors are [dangjian.LocalPractice]. Where the reference gives
// only a year, the period starts on 1 January and the Note says the day is
// assumed. The income parts are rounded up to the fen (no rule states a
// rounding). Every floor reads "不低于" (not less than) and is
// [dangjian.Must].
func VillageFloors() []Floor {
	yuan := func(n int64) funding.Money { return funding.Fen(n * 100) }
	two := funding.MustParseRate("2")
	from := func(y int) dangjian.Period {
		return dangjian.Period{From: dangjian.NewDate(y, 1, 1)}
	}
	const dayNote = "the reference gives the year only; 1 January is assumed"
	const (
		natDoc = "财政部 中共中央组织部《关于建立正常增长机制、进一步加强村级组织运转经费保障工作的通知》"
		lnDoc  = "辽宁省财政厅（mof.gov.cn 2020-09-23 报道）"
		fjDoc  = "福建省财政厅（fznews.com.cn 报道）"
		sdDoc  = "山东省村级组织运转经费保障标准（新华社转载；zgshgyzx；iqilu 转载）"
		hbDoc  = "湖北日报 2021-02-15（gov.cn 转载）"
		scDoc  = "川民函〔2020〕335号"
		jnDoc  = "建宁县村干部报酬管理（fjjn.gov.cn）"
	)
	hdr := func(id string, p dangjian.Period, doc string, c dangjian.Confidence, note string) dangjian.Rule {
		return dangjian.Rule{ID: id, Period: p, Source: dangjian.Source{Doc: doc, Confidence: c, Note: note}}
	}
	natNote := "issued June 2020 (the day is assumed); the title is verified (mof.gov.cn), the figures are unverified: the national text has not been seen"
	return []Floor{
		{Rule: hdr("NAT-2020-VILLAGE-FUNDS-11W", dangjian.Period{From: dangjian.NewDate(2020, 6, 1)}, natDoc, dangjian.Unverified, natNote),
			Topic: "national/village_operating_funds", Jurisdiction: "national", Code: VillageOperatingFunds, Modality: dangjian.Must,
			MinPerYear: yuan(110000), Average: true,
			Text: "全国平均每村每年不低于11万元（村干部基本报酬和村级组织办公经费）"},
		{Rule: hdr("NAT-2020-VILLAGE-SECRETARY-2X", dangjian.Period{From: dangjian.NewDate(2020, 6, 1)}, natDoc, dangjian.Unverified, natNote),
			Topic: "national/village_secretary_pay", Jurisdiction: "national", Code: VillageSecretaryPay, Post: MainCadre, Modality: dangjian.Must,
			Multiplier: two, Rounding: floorRounding(),
			Text: "村党组织书记基本报酬不低于县域上年度农村居民人均可支配收入的2倍"},

		{Rule: hdr("LN-2020-VILLAGE-FUNDS-11W", from(2020), lnDoc, dangjian.LocalPractice, dayNote+"; the province pays 70 % of the increase"),
			Topic: "辽宁/village_operating_funds", Jurisdiction: "辽宁省", Code: VillageOperatingFunds, Modality: dangjian.Must,
			MinPerYear: yuan(110000), Text: "每村每年不低于11万元"},
		{Rule: hdr("FJ-2020-VILLAGE-FUNDS-13W", from(2020), fjDoc, dangjian.LocalPractice, dayNote+"; up from 9万元; for pay plus office costs"),
			Topic: "福建/village_operating_funds", Jurisdiction: "福建省", Code: VillageOperatingFunds, Modality: dangjian.Must,
			MinPerYear: yuan(130000), Text: "每村每年不低于13万元"},
		{Rule: hdr("SD-2017-VILLAGE-FUNDS-9W", dangjian.Period{From: dangjian.NewDate(2017, 1, 1), To: dangjian.NewDate(2020, 1, 1)}, sdDoc, dangjian.LocalPractice, dayNote+"; reviewed every 3 years"),
			Topic: "山东/village_operating_funds", Jurisdiction: "山东省", Code: VillageOperatingFunds, Modality: dangjian.Must,
			MinPerYear: yuan(90000), Average: true, Text: "平均每村不低于9万元"},
		{Rule: hdr("SD-2020-VILLAGE-FUNDS-10.5W", dangjian.Period{From: dangjian.NewDate(2020, 1, 1), To: dangjian.NewDate(2021, 1, 1)}, sdDoc, dangjian.LocalPractice, dayNote+"; reviewed every 3 years"),
			Topic: "山东/village_operating_funds", Jurisdiction: "山东省", Code: VillageOperatingFunds, Modality: dangjian.Must,
			MinPerYear: yuan(105000), Average: true, Text: "平均每村不低于10.5万元"},
		{Rule: hdr("SD-2021-VILLAGE-FUNDS-11W", from(2021), sdDoc, dangjian.LocalPractice, dayNote+"; reviewed every 3 years"),
			Topic: "山东/village_operating_funds", Jurisdiction: "山东省", Code: VillageOperatingFunds, Modality: dangjian.Must,
			MinPerYear: yuan(110000), Average: true, Text: "平均每村不低于11万元"},

		{Rule: hdr("HB-2021-VILLAGE-MAIN-2X", from(2021), hbDoc, dangjian.LocalPractice, dayNote+"; the province sets 2–2.5 × by county: 2 is the least, a county replaces it"),
			Topic: "湖北/village_secretary_pay/income", Jurisdiction: "湖北省", Code: VillageSecretaryPay, Post: MainCadre, Modality: dangjian.Must,
			Multiplier: two, Rounding: floorRounding(),
			Text: "村主职干部基本报酬不低于县域上年度农村居民人均可支配收入的2—2.5倍"},
		{Rule: hdr("HB-2021-VILLAGE-MAIN-4W", dangjian.Period{From: dangjian.NewDate(2021, 1, 1), To: dangjian.NewDate(2022, 1, 1)}, hbDoc, dangjian.LocalPractice, dayNote+"; the absolute floor is stated for 2021 only"),
			Topic: "湖北/village_secretary_pay/absolute", Jurisdiction: "湖北省", Code: VillageSecretaryPay, Post: MainCadre, Modality: dangjian.Must,
			MinPerYear: yuan(40000), Text: "2021年村主职干部基本报酬不低于4万元"},
		{Rule: hdr("HB-2021-VILLAGE-DEPUTY-70", from(2021), hbDoc, dangjian.LocalPractice, dayNote+"; “副职不低于主职的70%” is read here as 70 % of the main cadre's income floor"),
			Topic: "湖北/village_cadre_pay/deputy", Jurisdiction: "湖北省", Code: VillageCadrePay, Post: DeputyCadre, Modality: dangjian.Must,
			Multiplier: two, Ratio: funding.MustParseRate("0.7"), Rounding: floorRounding(),
			Text: "副职基本报酬不低于主职的70%"},
		{Rule: hdr("HB-2021-VILLAGE-OFFICE-2W", from(2021), hbDoc, dangjian.LocalPractice, dayNote),
			Topic: "湖北/village_office_funds", Jurisdiction: "湖北省", Code: VillageOfficeFunds, Modality: dangjian.Must,
			MinPerYear: yuan(20000), Text: "村级组织办公经费每村每年不低于2万元"},

		{Rule: hdr("SC-2020-VILLAGE-SECRETARY-2X", from(2020), scDoc, dangjian.LocalPractice, dayNote+"; Wikisource copy"),
			Topic: "四川/village_secretary_pay", Jurisdiction: "四川省", Code: VillageSecretaryPay, Post: MainCadre, Modality: dangjian.Must,
			Multiplier: two, MinPerMonth: yuan(3000), Rounding: floorRounding(),
			Text: "村党组织书记基本报酬不低于上年度农村居民人均可支配收入的2倍且每月不低于3000元"},

		{Rule: hdr("JN-2025-VILLAGE-MAIN-2X", from(2025), jnDoc, dangjian.LocalPractice, dayNote),
			Topic: "建宁/village_secretary_pay/main", Jurisdiction: "福建省建宁县", Code: VillageSecretaryPay, Post: MainCadre, Modality: dangjian.Must,
			Multiplier: two, Rounding: floorRounding(),
			Text: "村主干报酬不低于县域上年度农村居民人均可支配收入的2倍"},
		{Rule: hdr("JN-2025-VILLAGE-YJT-120", from(2025), jnDoc, dangjian.LocalPractice, dayNote),
			Topic: "建宁/village_secretary_pay/yi_jian_tiao", Jurisdiction: "福建省建宁县", Code: VillageSecretaryPay, Post: YiJianTiaoPost, Modality: dangjian.Must,
			Multiplier: two, Ratio: funding.MustParseRate("1.2"), Rounding: floorRounding(),
			Text: "“一肩挑”人员按村主干标准的120%确定"},
		{Rule: hdr("JN-2025-VILLAGE-DEPUTY-80", from(2025), jnDoc, dangjian.LocalPractice, dayNote),
			Topic: "建宁/village_cadre_pay/deputy", Jurisdiction: "福建省建宁县", Code: VillageCadrePay, Post: DeputyCadre, Modality: dangjian.Must,
			Multiplier: two, Ratio: funding.MustParseRate("0.8"), Rounding: floorRounding(),
			Text: "副职按村主干标准的80%确定"},
		{Rule: hdr("JN-2025-VILLAGE-OTHER-60", from(2025), jnDoc, dangjian.LocalPractice, dayNote),
			Topic: "建宁/village_cadre_pay/other", Jurisdiction: "福建省建宁县", Code: VillageCadrePay, Post: OtherMember, Modality: dangjian.Must,
			Multiplier: two, Ratio: funding.MustParseRate("0.6"), Rounding: floorRounding(),
			Text: "其他“两委”成员按村主干标准的60%确定"},
	}
}
