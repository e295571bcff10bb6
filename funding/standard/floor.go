package standard

import (
	"fmt"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/internal/funderr"
	"github.com/dangjian-go/dangjian/internal/enum"
)

// CadrePost is the village post a pay floor is for: the main cadre (村主干,
// the secretary or the director), the secretary who is also the director
// (一肩挑), a deputy (副职), or another member of the two committees.
//
// The zero value, [AnyPost], means the floor is for the item as a whole,
// not for a particular post; it is valid.
type CadrePost uint8

const (
	AnyPost        CadrePost = iota // the item as a whole
	MainCadre                       // 村主干 (主职干部: 书记, 主任)
	YiJianTiaoPost                  // 一肩挑: the secretary who also directs the villagers' committee
	DeputyCadre                     // 副职
	OtherMember                     // 其他“两委”成员
)

var cadrePostTable = enum.New("CadrePost",
	[]string{"", "main", "yi_jian_tiao", "deputy", "other_member"},
	[]string{"", "村主干", "一肩挑", "副职", "其他两委成员"},
	map[string]int{"主职干部": 1, "主职": 1, "村主职干部": 1, "其他“两委”成员": 4, "其他村干部": 4})

// String returns the stable English code ("" for AnyPost).
func (v CadrePost) String() string { return cadrePostTable.Code(int(v)) }

// Label returns the Chinese label ("" for AnyPost).
func (v CadrePost) Label() string { return cadrePostTable.Label(int(v)) }

// IsValid reports whether v is one of the defined values or AnyPost.
func (v CadrePost) IsValid() bool { return v == AnyPost || cadrePostTable.Valid(int(v)) }

// ParseCadrePost accepts the English code (any case), the Chinese label or
// a listed alias; "" parses as AnyPost. An unknown input is an error that
// quotes it.
func ParseCadrePost(s string) (CadrePost, error) {
	if strings.TrimSpace(s) == "" {
		return AnyPost, nil
	}
	v, err := cadrePostTable.Parse("funding", s)
	return CadrePost(v), funderr.EnumProblem(err, cadrePostTable, s, "cadre post")
}

// MarshalText encodes the English code; AnyPost encodes as "".
func (v CadrePost) MarshalText() ([]byte, error) {
	return funderr.EnumText(cadrePostTable, int(v), "cadre post")
}

// UnmarshalText accepts the English code, the Chinese label or an alias;
// "" decodes to AnyPost.
func (v *CadrePost) UnmarshalText(b []byte) error {
	x, err := cadrePostTable.Unmarshal("funding", b)
	if err == nil {
		*v = CadrePost(x)
	}
	return funderr.EnumProblem(err, cadrePostTable, string(b), "cadre post")
}

// FloorPart names the part of a [Floor] that binds: the income multiple,
// the yearly minimum or the monthly minimum.
//
// The zero value is [FloorPartUnknown].
type FloorPart uint8

const (
	FloorPartUnknown FloorPart = iota // not set
	IncomePart                        // 收入倍数: multiplier × ratio × the reference income
	PerYearPart                       // 年度下限: the absolute floor per year
	PerMonthPart                      // 月度下限: the absolute floor per month, × 12
)

var floorPartTable = enum.New("FloorPart",
	[]string{"", "income", "per_year", "per_month"},
	[]string{"", "收入倍数", "年度下限", "月度下限"}, nil)

// String returns the stable English code.
func (v FloorPart) String() string { return floorPartTable.Code(int(v)) }

// Label returns the Chinese label.
func (v FloorPart) Label() string { return floorPartTable.Label(int(v)) }

// IsValid reports whether v is one of the defined values.
func (v FloorPart) IsValid() bool { return floorPartTable.Valid(int(v)) }

// MarshalText encodes the English code.
func (v FloorPart) MarshalText() ([]byte, error) {
	return funderr.EnumText(floorPartTable, int(v), "floor part")
}

// UnmarshalText accepts the English code or the Chinese label.
func (v *FloorPart) UnmarshalText(b []byte) error {
	x, err := floorPartTable.Unmarshal("funding", b)
	if err == nil {
		*v = FloorPart(x)
	}
	return funderr.EnumProblem(err, floorPartTable, string(b), "floor part")
}

// Floor is a minimum that a funding or pay standard must reach, as data:
// village funds of at least 11万元 per village per year, or a village
// secretary's pay of at least twice the county's rural per-capita
// disposable income of the prior year. It is a plain value.
//
// The floor per year is the largest of its parts that are set:
//
//   - the income part: Multiplier × Ratio × the reference income (the
//     county's prior-year rural per-capita disposable income,
//     县域上年度农村居民人均可支配收入, given in [FloorInputs]), computed
//     exactly and rounded once with Rounding;
//   - MinPerYear;
//   - MinPerMonth × 12.
type Floor struct {
	dangjian.Rule
	// Topic groups the dated versions of one floor: floors sharing a topic
	// must not be in force at the same time.
	Topic string `json:"topic"`
	// Jurisdiction is the area that set the floor ("national", "山东省").
	Jurisdiction string `json:"jurisdiction"`
	// Code is the item the floor bounds.
	Code ItemCode `json:"code"`
	// Post is the post the floor is for; AnyPost for the item as a whole.
	Post CadrePost `json:"post,omitempty"`
	// Modality is how binding the wording is; a shortfall has the
	// severity that follows from it.
	Modality dangjian.Modality `json:"modality"`
	// Text quotes or paraphrases the floor's wording.
	Text string `json:"text,omitempty"`
	// Multiplier scales the reference income; zero: no income part.
	Multiplier funding.Rate `json:"multiplier"`
	// Ratio is a post's share of the income part (建宁: 一肩挑 1.2, 副职
	// 0.8); zero means 1.
	Ratio funding.Rate `json:"ratio"`
	// MinPerYear and MinPerMonth are absolute floors; zero: none.
	MinPerYear  funding.Money `json:"minPerYear"`
	MinPerMonth funding.Money `json:"minPerMonth"`
	// Average marks a floor on an average over units (全国平均).
	Average bool `json:"average,omitempty"`
	// Rounding rounds the income part; it must be valid when Multiplier
	// is set.
	Rounding funding.Rounding `json:"rounding"`
}

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

// ValidateFloors reports every problem of a floor table, joined: the header
// checks of [dangjian.CheckRules] (unique IDs, sources, confidence marks,
// non-empty periods, no overlap within a topic), and for each floor a
// missing jurisdiction, an unknown item code, post or modality, no part
// set, a negative part, a ratio without a multiplier, and an invalid
// rounding for an income part. The field problems are [*dangjian.Problem]
// values wrapping [ErrBadFloor].
func ValidateFloors(floors []Floor) error {
	p := paramErrs{sentinel: ErrBadFloor}
	p.addErr(dangjian.CheckRules(floors, func(f Floor) string { return f.Topic }))
	for i, f := range floors {
		at := func(field string) string { return fmt.Sprintf("floors[%d] (%q).%s", i, f.ID, field) }
		if strings.TrimSpace(f.Jurisdiction) == "" {
			p.add(at("jurisdiction"), f.Jurisdiction, "empty")
		}
		if !f.Code.IsValid() {
			p.add(at("code"), f.Code.String(), "unknown item code")
		}
		if !f.Post.IsValid() {
			p.add(at("post"), f.Post.String(), "unknown post")
		}
		if !f.Modality.IsValid() {
			p.add(at("modality"), f.Modality.String(), "not set")
		}
		if f.Multiplier.Decimal().Sign() < 0 {
			p.add(at("multiplier"), f.Multiplier.String(), "must not be negative")
		}
		if f.Ratio.Decimal().Sign() < 0 {
			p.add(at("ratio"), f.Ratio.String(), "must not be negative")
		}
		if f.MinPerYear.IsNegative() {
			p.add(at("minPerYear"), f.MinPerYear.String(), "must not be negative")
		}
		if f.MinPerMonth.IsNegative() {
			p.add(at("minPerMonth"), f.MinPerMonth.String(), "must not be negative")
		}
		if f.Multiplier.IsZero() && f.MinPerYear.IsZero() && f.MinPerMonth.IsZero() {
			p.add(at("multiplier"), "", "no part set: need a multiplier, minPerYear or minPerMonth")
		}
		if f.Multiplier.IsZero() && !f.Ratio.IsZero() {
			p.add(at("ratio"), f.Ratio.String(), "a ratio needs a multiplier")
		}
		if !f.Multiplier.IsZero() {
			if err := f.Rounding.Validate(); err != nil {
				p.add(at("rounding"), f.Rounding.Mode.String(), "invalid rounding for the income part")
			}
		}
	}
	return p.err()
}

// FloorInputs are the facts a floor check needs besides the standards and
// the floors.
type FloorInputs struct {
	// AsOf picks the standards and floors in force. Required.
	AsOf dangjian.Date `json:"asOf"`
	// RuralIncome is the county's rural per-capita disposable income of the
	// prior year (县域上年度农村居民人均可支配收入), per year. Required when a
	// floor in force has an income part.
	RuralIncome funding.Money `json:"ruralIncome"`
}

// FloorResult is one floor set against one standard: what was compared,
// how the floor was computed, and whether the standard meets it.
type FloorResult struct {
	// Rule is the floor's ID; Standard the standard's.
	Rule         string    `json:"rule"`
	Jurisdiction string    `json:"jurisdiction"`
	Code         ItemCode  `json:"code"`
	Post         CadrePost `json:"post,omitempty"`
	Standard     string    `json:"standard"`
	// Met reports whether the standard's yearly amount is at least the
	// floor. Severity is set only when it is not, from the floor's
	// modality (应当: error).
	Met      bool              `json:"met"`
	Severity dangjian.Severity `json:"severity,omitempty"`
	// Amount is the standard's amount per year (a monthly amount × 12).
	Amount funding.Money `json:"amount"`
	// Floor is the floor per year: the largest part. Gap is Amount − Floor;
	// a negative gap is a shortfall.
	Floor   funding.Money `json:"floor"`
	Gap     funding.Money `json:"gap"`
	Binding FloorPart     `json:"binding"`
	// The income part: Exact = Multiplier × Ratio × RuralIncome, exactly
	// (Ratio is the one applied: 1 where the floor sets none); IncomeFloor
	// is Exact rounded once with Rounding. Zero, and Exact empty, when the
	// floor has no income part.
	RuralIncome funding.Money     `json:"ruralIncome"`
	Multiplier  funding.Rate      `json:"multiplier"`
	Ratio       funding.Rate      `json:"ratio"`
	Exact       string            `json:"exact,omitempty"`
	Rounding    *funding.Rounding `json:"rounding,omitempty"`
	IncomeFloor funding.Money     `json:"incomeFloor"`
	// MinPerYear and MinPerMonth are the floor's absolute parts.
	MinPerYear  funding.Money `json:"minPerYear"`
	MinPerMonth funding.Money `json:"minPerMonth"`
	// AverageFloor and AverageStandard say whether the floor and the
	// standard are averages over units.
	AverageFloor    bool `json:"averageFloor,omitempty"`
	AverageStandard bool `json:"averageStandard,omitempty"`
	// Source is the floor's citation.
	Source dangjian.Source `json:"source"`
}

// Finding returns the result as the module's one finding shape, and true,
// when the floor is not met; the zero Finding and false when it is. Rule is
// the floor's ID, Severity the result's, Subject the standard's ID, Field
// "amount", Value the standard's yearly amount, Message the floor, the
// binding part and the shortfall, Source the floor's citation. The numbers
// stay in the FloorResult; the Finding is what a report of all findings
// (org tree, dues, floors, gates) lists.
func (r FloorResult) Finding() (dangjian.Finding, bool) {
	if r.Met {
		return dangjian.Finding{}, false
	}
	what := r.Code.String()
	if r.Post != AnyPost {
		what += " (" + r.Post.String() + ")"
	}
	short, err := funding.Money{}.Sub(r.Gap)
	if err != nil {
		short = r.Gap // −Gap overflows only for the most negative amount
	}
	return dangjian.Finding{Rule: r.Rule, Severity: r.Severity, Subject: r.Standard, Field: "amount", Value: r.Amount.String(),
		Message: fmt.Sprintf("%s: %s a year is below the floor of %s a year (%s part) by %s", what, r.Amount, r.Floor, r.Binding, short),
		Source:  r.Source}, true
}

// FloorSkip is a floor in force that was not checked, and why.
type FloorSkip struct {
	Rule   string   `json:"rule"`
	Code   ItemCode `json:"code"`
	Reason string   `json:"reason"`
}

// FloorReport is the result of [CheckFloors].
type FloorReport struct {
	Standards string        `json:"standards"`
	AsOf      dangjian.Date `json:"asOf"`
	// Results are in the order of the floors.
	Results []FloorResult `json:"results"`
	// Skipped lists the floors in force that had no standard to check.
	Skipped []FloorSkip `json:"skipped,omitempty"`
}

// Shortfalls returns the results whose standard does not meet the floor.
func (r FloorReport) Shortfalls() []FloorResult {
	var out []FloorResult
	for _, x := range r.Results {
		if !x.Met {
			out = append(out, x)
		}
	}
	return out
}

// CheckFloors sets each floor in force on in.AsOf against the per-unit
// standard of s for the same item in force that day, and reports for each
// the computed floor, the standard's yearly amount and the gap. A floor
// whose item has no such standard, or whose standard is not a yearly or
// monthly amount, is listed in Skipped.
//
// It returns an error, and no report, when s or floors fail their checks
// ([Set.Check], [ValidateFloors]), when AsOf is not set, when
// RuralIncome is negative, or when it is zero and a floor to be checked
// has an income part; the error lists every problem.
func CheckFloors(s Set, floors []Floor, in FloorInputs) (FloorReport, error) {
	p := paramErrs{sentinel: ErrBadFloor}
	p.addErr(s.Check())
	p.addErr(ValidateFloors(floors))
	if in.AsOf.IsZero() {
		p.add("inputs.asOf", "", "not set")
	}
	if in.RuralIncome.IsNegative() {
		p.add("inputs.ruralIncome", in.RuralIncome.String(), "must not be negative")
	}
	if err := p.err(); err != nil {
		return FloorReport{}, err
	}
	rep := FloorReport{Standards: s.Name, AsOf: in.AsOf, Results: []FloorResult{}}
	for i, f := range dangjian.EachInForce(floors, in.AsOf, nil) {
		std, ok := s.Item(f.Code, in.AsOf)
		if !ok {
			rep.Skipped = append(rep.Skipped, FloorSkip{Rule: f.ID, Code: f.Code, Reason: "no standard for the item in force on " + in.AsOf.String()})
			continue
		}
		per := std.Per.PerYear()
		if std.Per != PerPersonYear && std.Per != PerPersonMonth && std.Per != PerVillageYear && std.Per != PerCommunityYear {
			rep.Skipped = append(rep.Skipped, FloorSkip{Rule: f.ID, Code: f.Code, Reason: "standard " + std.ID + " is not a yearly or monthly amount (" + std.Per.String() + ")"})
			continue
		}
		if !f.Multiplier.IsZero() && in.RuralIncome.IsZero() {
			p.add("inputs.ruralIncome", "0.00", fmt.Sprintf("needed by floors[%d] (%q)", i, f.ID))
			continue
		}
		res, err := checkFloor(f, std, per, in)
		if err != nil {
			p.addErr(err)
			continue
		}
		rep.Results = append(rep.Results, res)
	}
	if err := p.err(); err != nil {
		return FloorReport{}, err
	}
	return rep, nil
}

// checkFloor computes one floor against one standard.
func checkFloor(f Floor, std Standard, per int64, in FloorInputs) (FloorResult, error) {
	amount, err := std.Amount.MulInt(per)
	if err != nil {
		return FloorResult{}, err
	}
	res := FloorResult{
		Rule: f.ID, Jurisdiction: f.Jurisdiction, Code: f.Code, Post: f.Post, Standard: std.ID,
		Amount: amount, Multiplier: f.Multiplier, Ratio: f.Ratio,
		MinPerYear: f.MinPerYear, MinPerMonth: f.MinPerMonth,
		AverageFloor: f.Average, AverageStandard: std.Average, Source: f.Source,
	}
	// The parts, in the order that breaks ties: income, per year, per month.
	if !f.Multiplier.IsZero() {
		exact := in.RuralIncome.Decimal().Mul(f.Multiplier.Decimal())
		if f.Ratio.IsZero() {
			res.Ratio = funding.MustParseRate("1")
		} else {
			exact = exact.Mul(f.Ratio.Decimal())
		}
		income, err := f.Rounding.Money(exact)
		if err != nil {
			pr := funderr.At("income", err, funding.ErrOverflow)
			pr.Rule = f.ID
			return FloorResult{}, pr
		}
		r := f.Rounding
		res.RuralIncome, res.Exact, res.Rounding, res.IncomeFloor = in.RuralIncome, exact.String(), &r, income
		res.Floor, res.Binding = income, IncomePart
	}
	if !f.MinPerYear.IsZero() && (res.Binding == FloorPartUnknown || f.MinPerYear.Cmp(res.Floor) > 0) {
		res.Floor, res.Binding = f.MinPerYear, PerYearPart
	}
	if !f.MinPerMonth.IsZero() {
		m, err := f.MinPerMonth.MulInt(12)
		if err != nil {
			return FloorResult{}, err
		}
		if res.Binding == FloorPartUnknown || m.Cmp(res.Floor) > 0 {
			res.Floor, res.Binding = m, PerMonthPart
		}
	}
	gap, err := amount.Sub(res.Floor)
	if err != nil {
		return FloorResult{}, err
	}
	res.Gap = gap
	res.Met = !gap.IsNegative()
	if !res.Met {
		res.Severity = dangjian.SeverityOf(f.Modality)
	}
	return res, nil
}
