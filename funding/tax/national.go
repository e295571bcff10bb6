package tax

import (
	"fmt"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
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
	docTaxRound   = "dangjian 本库取值"
	docTax2020_13 = "国家税务总局公告2020年第13号《国家税务总局关于完善调整部分纳税人个人所得税预扣预缴方法的公告》"
	docTax2020_19 = "国家税务总局公告2020年第19号《国家税务总局关于进一步简便优化部分纳税人个人所得税预扣预缴方法的公告》"

	noteTax61Number = "wording as quoted on bst12366.com and reposts; the number of 公告2018年第61号 is unverified"
	noteNotInRef    = "recalled, not checked against a primary source; check before relying on it"
	note41          = "amount and article recalled (国发〔2018〕41号 not seen)"
	note2023        = "full text reposted at tsrb.com.cn and gusuwang; 中国教育报 summary"
)

var (
	tax2019   = dangjian.MustParseDate("2019-01-01")
	tax202007 = dangjian.MustParseDate("2020-07-01") // 公告2020年第13号: "本公告自2020年7月1日起施行"
	tax2021   = dangjian.MustParseDate("2021-01-01") // 公告2020年第19号: "本公告自2021年1月1日起施行"
	tax2022   = dangjian.MustParseDate("2022-01-01")
	tax2023   = dangjian.MustParseDate("2023-01-01")
	tax2024   = dangjian.MustParseDate("2024-01-01")
	taxBonEnd = dangjian.MustParseDate("2028-01-01") // 2027-12-31 inclusive
)

func taxRule(id string, from, to dangjian.Date, doc, article string, c dangjian.Confidence, note string) dangjian.Rule {
	return dangjian.Rule{ID: id, Period: dangjian.Period{From: from, To: to},
		Source: dangjian.Source{Doc: doc, Article: article, Confidence: c, Note: note}}
}

// NationalRules returns the national rules (RULES.md, sections "Tax …";
// rules TAX-*) as a fresh value: the cumulative method and 预扣率表一 from 2019, the basic
// deduction of 5000 per month (counted from January for a first wage
// income of the year from 2020-07-01, 公告2020年第13号; 60000 for the year
// from January after a low-income year with the employer from 2021-01-01,
// 公告2020年第19号), the monthly table, the special additional
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
		a := add(id, tax2019, dangjian.Date{}, docSAD2018, "第十七条", dangjian.Reported, note41+"; 1500/1100/800 seen on a secondary page (ipaogen.com; FIDELITY-AUDIT §3.10)", HousingRent, monthly, 0, false)
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
			taxRule("TAX-CUM-NOREFUND-2019", tax2019, dangjian.Date{}, docTax61, "第六条", dangjian.Reported,
				"“余额为负值时，暂不退税。纳税年度终了后余额仍为负值时，由纳税人通过办理综合所得年度汇算清缴，多退少补” (seen in a training deck, m.qiqiwenku.com/ppt/862444.html; article number not shown): a negative amount due is withheld as 0 and settled at the annual 汇算"),
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
		FirstWage: []dangjian.Rule{
			taxRule("TAX-BASIC-FIRSTWAGE-2020", tax202007, dangjian.Date{}, docTax2020_13, "一、四", dangjian.Reported,
				"“对一个纳税年度内首次取得工资、薪金所得的居民个人，扣缴义务人在预扣预缴个人所得税时，可按照5000元/月乘以纳税人当年截至本月月份数计算累计减除费用”; "+
					"四: 首次取得 = “自纳税年度首月起至新入职时，未取得工资、薪金所得或者未按照累计预扣法预扣预缴过连续性劳务报酬所得个人所得税”; "+
					"in force from 2020-07-01 (“本公告自2020年7月1日起施行”, as quoted by tjtax.com and yongdatax.com); "+
					"articles 一–四 as reposted from the tax authority's page; FIDELITY-AUDIT D20 (acc5.com, geshuiba.com)"),
		},
		LowIncome: []AnnualBasic{{
			Rule: taxRule("TAX-BASIC-LOWINCOME-2021", tax2021, dangjian.Date{}, docTax2020_19, "一", dangjian.Reported,
				"“对上一完整纳税年度内每月均在同一单位预扣预缴工资、薪金所得个人所得税且全年工资、薪金收入不超过6万元的居民个人，"+
					"扣缴义务人在预扣预缴本年度工资、薪金所得个人所得税时，累计减除费用自1月份起直接按照全年6万元计算扣除”; "+
					"“本公告自2021年1月1日起施行”, dated 2020-12-04; full text reposted (lawbridge.org, ithome.com); FIDELITY-AUDIT D20 (lzty10.com, geshuiba.com); "+
					"whether the taxpayer qualifies (and has not opted out with the employer in January) is the caller's fact"),
			Annual: y(60000),
		}},
		NonResidentBasic: []BasicDeduction{{
			Rule: taxRule("TAX-NR-BASIC-2019", tax2019, dangjian.Date{}, docTaxLaw, "第六条", dangjian.Unverified,
				"“非居民个人的工资、薪金所得，以每月收入额减除费用五千元后的余额为应纳税所得额”; "+noteNotInRef),
			Monthly: y(5000),
		}},
		Additional: []AdditionalDeduction{
			add("TAX-SAD-CHILD-2019", tax2019, tax2023, docSAD2018, "第五条、第六条", dangjian.Unverified, note41+"; 50% each parent or 100% one parent", ChildEducation, 1000, 0, true),
			add("TAX-SAD-CHILD-2023", tax2023, dangjian.Date{}, docSAD2023, "", dangjian.Unverified, note2023+" (the 2000: verified); the 100%/50% split between parents is 国发〔2018〕41号's and in no note, so the rule as a whole is unverified", ChildEducation, 2000, 0, true),
			add("TAX-SAD-INFANT-2022", tax2022, tax2023, docSAD2022, "", dangjian.Reported, "from 2022-01-01, 1000 a month with a 50/50 option, seen on a secondary page (yexp.com.cn; FIDELITY-AUDIT §3.10)", InfantCare, 1000, 0, true),
			add("TAX-SAD-INFANT-2023", tax2023, dangjian.Date{}, docSAD2023, "", dangjian.Verified, note2023, InfantCare, 2000, 0, true),
			add("TAX-SAD-ELDERLY-2019", tax2019, tax2023, docSAD2018, "第二十二条", dangjian.Reported, note41+"; siblings share 2000, each share at most 1000; seen on a secondary page (laweer.com; FIDELITY-AUDIT §3.10)", ElderlySupport, 2000, 1000, false),
			add("TAX-SAD-ELDERLY-2023", tax2023, dangjian.Date{}, docSAD2023, "", dangjian.Verified, note2023+"; siblings share 3000, each share at most 1500", ElderlySupport, 3000, 1500, false),
			add("TAX-SAD-LOAN-2019", tax2019, dangjian.Date{}, docSAD2018, "第十四条、第十五条", dangjian.Unverified, note41+"; 50% each for homes bought separately before marriage", HousingLoanInterest, 1000, 0, true),
			rent("TAX-SAD-RENT-2019-T1", RentTier1, 1500),
			rent("TAX-SAD-RENT-2019-T2", RentTier2, 1100),
			rent("TAX-SAD-RENT-2019-T3", RentTier3, 800),
			add("TAX-SAD-CONTEDU-2019", tax2019, dangjian.Date{}, docSAD2018, "第八条", dangjian.Reported, note41+"; 学历（学位）继续教育 400 per month, seen on a secondary page (wwpfw.com; FIDELITY-AUDIT §3.10); the 3600 per year for 职业资格 is not modelled", ContinuingEducation, 400, 0, false),
		},
		BonusSeparate: []dangjian.Rule{
			taxRule("TAX-BONUS-2019", tax2019, tax2022, docBonus2018, "一、（一）", dangjian.Unverified, "separate taxation of the 全年一次性奖金 on bonus ÷ 12, to 2021-12-31; "+noteNotInRef),
			taxRule("TAX-BONUS-2022", tax2022, tax2024, docBonus2021, "", dangjian.Unverified, "extended to 2023-12-31; "+noteNotInRef),
			taxRule("TAX-BONUS-2024", tax2024, taxBonEnd, docBonus2023, "", dangjian.Unverified, "extended to 2027-12-31 inclusive (unverified)"),
		},
		Rounding: RoundingRule{
			Rule: taxRule("TAX-ROUND", dangjian.Date{}, dangjian.Date{}, docTaxRound, "", dangjian.LibraryChoice,
				"no rounding rule for withholding tax has been found (FUNDING-RULES §10, §11): the library's choice; the exact tax is rounded once, half-up to the fen, at each month's cumulative tax and at the bonus tax; configure with WithRounding"),
			Rounding: funding.DefaultRounding(),
		},
	}
}
