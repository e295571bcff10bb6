package standard

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/internal/funderr"
	"github.com/dangjian-go/dangjian/internal/enum"
)

// ItemCode names what a funding or pay standard is for: village operating
// funds, a village secretary's pay, a community's work funds, the work
// funds of a non-public party branch, and so on. The codes are stable
// English words for JSON and CSV; each has a Chinese label, and parsing
// accepts either.
//
// The zero value is [ItemCodeUnknown], never valid on a standard.
type ItemCode uint8

const (
	ItemCodeUnknown ItemCode = iota // not set; never valid
	// VillageOperatingFunds is 村级运转经费 (village operating funds),
	// per village per year.
	VillageOperatingFunds
	// VillageOfficeFunds is 村级组织办公经费 (village office funds), part of
	// the operating funds where a rule names it apart.
	VillageOfficeFunds
	// VillageSecretaryPay is 村书记报酬 (the pay of the village party
	// secretary, 村党组织书记).
	VillageSecretaryPay
	// VillageCadrePay is 其他村干部报酬 (the pay of each other village cadre).
	VillageCadrePay
	// RegionalPartyBuildingFunds is 区域化党建经费 (regional party-building
	// funds), per community.
	RegionalPartyBuildingFunds
	// CommunityWorkFunds is 社区工作经费 (community work funds).
	CommunityWorkFunds
	// CommunityCommitteePay is 社区“两委”成员薪酬 (the pay of each member of a
	// community's party committee and residents' committee).
	CommunityCommitteePay
	// NonPublicWorkFunds is 非公党组织工作经费 (the work funds of a non-public
	// party organization), per branch.
	NonPublicWorkFunds
	// DispatchedBranchWorkFunds is 派驻党支部工作经费 (the work funds of a
	// dispatched branch, 派驻党支部).
	DispatchedBranchWorkFunds
	// RedCollarAllowance is 红领津贴 (the red-collar allowance of non-public
	// party secretaries).
	RedCollarAllowance
	// VillageOfficeUpgrade is 村部升级改造投入 (investment in upgrading the
	// village offices).
	VillageOfficeUpgrade
	// StreetCommunityHardware is 街道社区硬件配套投入 (investment in street
	// and community hardware).
	StreetCommunityHardware
	// NonPublicVenues is 非公党建阵地投入 (investment in the non-public
	// party-building centres and member stations).
	NonPublicVenues
)

var itemCodeTable = enum.New("ItemCode",
	[]string{"", "village_operating_funds", "village_office_funds", "village_secretary_pay", "village_cadre_pay",
		"regional_party_building_funds", "community_work_funds", "community_committee_pay",
		"non_public_work_funds", "dispatched_branch_work_funds", "red_collar_allowance",
		"village_office_upgrade", "street_community_hardware", "non_public_venues"},
	[]string{"", "村级运转经费", "村级组织办公经费", "村书记报酬", "其他村干部报酬",
		"区域化党建经费", "社区工作经费", "社区“两委”成员薪酬",
		"非公党组织工作经费", "派驻党支部工作经费", "红领津贴",
		"村部升级改造投入", "街道社区硬件配套投入", "非公党建阵地投入"},
	map[string]int{
		"村级组织运转经费": 1, "办公经费": 2, "村党组织书记报酬": 3, "村书记年薪": 3, "村干部报酬": 4, "其他村干部年薪": 4,
		"社区\"两委\"成员薪酬": 7, "社区两委成员薪酬": 7, "非公党建工作经费": 8, "红领工程津贴": 10,
	})

// ItemCodes lists every defined item code in code order.
func ItemCodes() []ItemCode {
	out := make([]ItemCode, 0, itemCodeTable.Len()-1)
	for i := 1; i < itemCodeTable.Len(); i++ {
		out = append(out, ItemCode(i))
	}
	return out
}

// String returns the stable English code.
func (v ItemCode) String() string { return itemCodeTable.Code(int(v)) }

// Label returns the Chinese label.
func (v ItemCode) Label() string { return itemCodeTable.Label(int(v)) }

// IsValid reports whether v is one of the defined values (not ItemCodeUnknown).
func (v ItemCode) IsValid() bool { return itemCodeTable.Valid(int(v)) }

// ParseItemCode accepts the English code (any case), the Chinese label or a
// listed alias. An unknown input is an error that quotes it.
func ParseItemCode(s string) (ItemCode, error) {
	v, err := itemCodeTable.Parse("funding", s)
	return ItemCode(v), funderr.EnumProblem(err, itemCodeTable, s, "item code")
}

// MarshalText encodes the English code; ItemCodeUnknown encodes as "".
func (v ItemCode) MarshalText() ([]byte, error) {
	return funderr.EnumText(itemCodeTable, int(v), "item code")
}

// UnmarshalText accepts the English code, the Chinese label or an alias;
// "" decodes to ItemCodeUnknown.
func (v *ItemCode) UnmarshalText(b []byte) error {
	x, err := itemCodeTable.Unmarshal("funding", b)
	if err == nil {
		*v = ItemCode(x)
	}
	return funderr.EnumProblem(err, itemCodeTable, string(b), "item code")
}

// Per is the unit and period a standard's amount is given for: per village
// per year, per person per month, per branch, or a total over a period.
//
// The zero value is [PerUnknown], never valid on a standard.
type Per uint8

const (
	PerUnknown          Per = iota // not set; never valid
	PerVillageYear                 // 每村每年: per village per year
	PerCommunityYear               // 每社区每年: per community per year
	PerPersonYear                  // 每人每年: per person per year (年薪)
	PerPersonMonth                 // 每人每月: per person per month (月薪)
	PerBranch                      // 每个党支部: per branch; the period is the rule's (often not stated)
	PerDispatchedBranch            // 每个派驻党支部: per dispatched branch; likewise
	TotalOverPeriod                // 总额: a total over a period (Standard.Years), not a per-unit standard
)

var perTable = enum.New("Per",
	[]string{"", "per_village_year", "per_community_year", "per_person_year", "per_person_month",
		"per_branch", "per_dispatched_branch", "total"},
	[]string{"", "每村每年", "每社区每年", "每人每年", "每人每月", "每个党支部", "每个派驻党支部", "总额"},
	map[string]int{"年薪": 3, "月薪": 4, "per_year": 3, "per_month": 4, "total_over_period": 7})

// IsTotal reports whether p is a total over a period rather than a
// per-unit standard.
func (p Per) IsTotal() bool { return p == TotalOverPeriod }

// PerYear is how many times a per-unit amount falls in a year: 12 for a
// monthly amount, 1 for a yearly one and for a per-branch amount whose
// period is not stated (applied once a year), 0 for a total.
func (p Per) PerYear() int64 {
	switch p {
	case PerPersonMonth:
		return 12
	case PerVillageYear, PerCommunityYear, PerPersonYear, PerBranch, PerDispatchedBranch:
		return 1
	}
	return 0
}

// String returns the stable English code.
func (v Per) String() string { return perTable.Code(int(v)) }

// Label returns the Chinese label.
func (v Per) Label() string { return perTable.Label(int(v)) }

// IsValid reports whether v is one of the defined values (not PerUnknown).
func (v Per) IsValid() bool { return perTable.Valid(int(v)) }

// ParsePer accepts the English code (any case), the Chinese label or a
// listed alias. An unknown input is an error that quotes it.
func ParsePer(s string) (Per, error) {
	v, err := perTable.Parse("funding", s)
	return Per(v), funderr.EnumProblem(err, perTable, s, "basis (per)")
}

// MarshalText encodes the English code; PerUnknown encodes as "".
func (v Per) MarshalText() ([]byte, error) { return funderr.EnumText(perTable, int(v), "per") }

// UnmarshalText accepts the English code, the Chinese label or an alias;
// "" decodes to PerUnknown.
func (v *Per) UnmarshalText(b []byte) error {
	x, err := perTable.Unmarshal("funding", b)
	if err == nil {
		*v = Per(x)
	}
	return funderr.EnumProblem(err, perTable, string(b), "basis (per)")
}

// Standard is one funding or pay standard as data: its rule header (ID,
// effective period, source), what it is for, its amount and the basis of
// the amount. It is a plain value.
type Standard struct {
	dangjian.Rule
	// Code is what the standard is for.
	Code ItemCode `json:"code"`
	// Amount is the standard's amount on the basis Per.
	Amount funding.Money `json:"amount"`
	// Per is the unit and period of Amount.
	Per Per `json:"per"`
	// Years is the span of a total over a period (连续5年: 5); 0 when the
	// span is not stated. Only totals have one.
	Years int `json:"years,omitempty"`
	// Average marks an average over units (平均): individual units may get
	// more or less.
	Average bool `json:"average,omitempty"`
	// LowerBound marks an amount given as "X余" (more than X): the exact
	// value is unknown and above Amount.
	LowerBound bool `json:"lowerBound,omitempty"`
	// Text quotes the standard's wording.
	Text string `json:"text,omitempty"`
	// Reading is set when the wording does not state the basis or the
	// period that Per gives: Per is then the library's reading, and the
	// Reading lists the others the wording bears ([Standard.ReadAs] takes
	// one of them). Nil when Per is the wording's own.
	Reading *Reading `json:"reading,omitempty"`
}

// Reading records that a standard's Per is a reading of a wording that
// does not state it, with the alternatives the wording bears.
type Reading struct {
	// Unstated says what the wording leaves out: "period", "basis", or
	// "basis and period".
	Unstated string `json:"unstated"`
	// Alternatives are the other values of Per the wording bears.
	Alternatives []Per `json:"alternatives"`
	// Why says why Per was read as it is.
	Why string `json:"why,omitempty"`
}

// ReadAs returns a copy of s read with basis p, which must be s.Per or one
// of its Reading's alternatives: the copy's Reading then lists s.Per among
// the alternatives instead of p. A standard whose Per is its wording's
// own (no Reading) can only be read as it is.
func (s Standard) ReadAs(p Per) (Standard, error) {
	if p == s.Per {
		return s, nil
	}
	if s.Reading == nil || !slices.Contains(s.Reading.Alternatives, p) {
		alts := "none: the wording states it"
		if s.Reading != nil {
			alts = fmt.Sprint(s.Reading.Alternatives)
		}
		return Standard{}, &dangjian.Problem{Kind: ErrBadStandard, Path: "per", ID: s.ID, Value: p.String(),
			Detail: "not a reading of this standard's wording; its readings: " + s.Per.String() + ", alternatives " + alts}
	}
	r := *s.Reading
	r.Alternatives = slices.Clone(r.Alternatives)
	r.Alternatives[slices.Index(r.Alternatives, p)] = s.Per
	r.Why = "read as " + p.String() + " by the caller; the library's reading was " + s.Per.String()
	if s.Reading.Why != "" {
		r.Why += " (" + s.Reading.Why + ")"
	}
	s.Per, s.Reading = p, &r
	return s, nil
}

// topic groups the dated versions of one standard: at most one per-unit
// standard and one total per item code may be in force at a time.
func (s Standard) topic() string {
	if s.Per.IsTotal() {
		return s.Code.String() + "/total"
	}
	return s.Code.String()
}

// Set is a dated, named set of funding and pay standards for one
// jurisdiction: a city's, a province's, or a caller's own. It is a value:
// [Set.With] and [Set.Without] return new sets and never
// change the receiver, and the functions that return predefined sets
// (a place's, such as place/yanji's Standards) return a fresh copy on
// each call. A Set value
// that no one changes is safe for concurrent use; no method writes to it.
type Set struct {
	// Name identifies the set ("延吉市").
	Name string `json:"name"`
	// Jurisdiction is the area the set applies to ("吉林省延边州延吉市").
	Jurisdiction string `json:"jurisdiction"`
	// Period is the window of dates the set is meant for; each item also
	// carries its own effective window.
	Period dangjian.Period `json:"period"`
	// Items are the standards, in a fixed order.
	Items []Standard `json:"items"`
}

// paramErrs accumulates problems of one kind.
type paramErrs struct {
	sentinel *dangjian.Kind
	ps       dangjian.Problems
}

// add records a problem at path of the sentinel's kind, or, for a value
// that must not be negative, of kind [dangjian.ErrNegative] wrapping the
// sentinel.
func (p *paramErrs) add(path, value, why string) {
	if why == "must not be negative" {
		p.ps.Add(&dangjian.Problem{Kind: dangjian.ErrNegative, Path: path, Value: value, Err: p.sentinel})
		return
	}
	p.ps.Add(&dangjian.Problem{Kind: p.sentinel, Path: path, Value: value, Detail: why})
}

// addErr records the problems of err, if any.
func (p *paramErrs) addErr(err error) {
	if err != nil {
		p.ps = append(p.ps, dangjian.ProblemsOf(err)...)
	}
}

func (p *paramErrs) err() error { return p.ps.Err() }

// Item returns the per-unit standard (not a total) for code in force on
// date on. At most one is, in a set that passes [Set.Check]. The
// zero Date matches only items whose period has no start.
func (s Set) Item(code ItemCode, on dangjian.Date) (Standard, bool) {
	return dangjian.InForce(s.Items, on, func(it Standard) bool { return it.Code == code && !it.Per.IsTotal() })
}

// ByCode returns every item with this code, totals and every dated
// version included, in set order.
func (s Set) ByCode(code ItemCode) []Standard {
	var out []Standard
	for _, it := range s.Items {
		if it.Code == code {
			out = append(out, it)
		}
	}
	return out
}

// ByID returns the item with this rule ID.
func (s Set) ByID(id string) (Standard, bool) {
	for _, it := range s.Items {
		if it.ID == id {
			return it, true
		}
	}
	return Standard{}, false
}

// With returns a copy of s with items added; an item whose ID is already
// in the set replaces it in place. The receiver is not changed.
func (s Set) With(items ...Standard) Set {
	out := s
	out.Items = slices.Clone(s.Items)
	for _, it := range items {
		if i := slices.IndexFunc(out.Items, func(x Standard) bool { return x.ID == it.ID }); i >= 0 {
			out.Items[i] = it
		} else {
			out.Items = append(out.Items, it)
		}
	}
	return out
}

// Without returns a copy of s without the items with these IDs. The
// receiver is not changed.
func (s Set) Without(ids ...string) Set {
	out := s
	out.Items = slices.DeleteFunc(slices.Clone(s.Items), func(it Standard) bool { return slices.Contains(ids, it.ID) })
	return out
}

// Check reports every problem of the set, joined: the header checks of
// [dangjian.CheckRules] (unique IDs, a source and a confidence mark on
// each item, non-empty periods, and at most one per-unit standard and one
// total per item code in force at a time), a missing name or
// jurisdiction, and for each item an unknown code or basis, an amount that
// is not positive, and a span of years on anything but a total. The field
// problems are [*dangjian.Problem] values wrapping [ErrBadStandard].
func (s Set) Check() error {
	p := paramErrs{sentinel: ErrBadStandard}
	if strings.TrimSpace(s.Name) == "" {
		p.add("name", s.Name, "empty")
	}
	if strings.TrimSpace(s.Jurisdiction) == "" {
		p.add("jurisdiction", s.Jurisdiction, "empty")
	}
	if err := s.Period.Validate(); err != nil {
		p.add("period", s.Period.String(), "empty period")
	}
	p.addErr(dangjian.CheckRules(s.Items, Standard.topic))
	for i, it := range s.Items {
		at := func(field string) string { return fmt.Sprintf("items[%d] (%q).%s", i, it.ID, field) }
		if !it.Code.IsValid() {
			p.add(at("code"), it.Code.String(), "unknown item code")
		}
		if !it.Per.IsValid() {
			p.add(at("per"), it.Per.String(), "unknown basis")
		}
		if it.Amount.Fen() <= 0 {
			p.add(at("amount"), it.Amount.String(), "must be positive")
		}
		if r := it.Reading; r != nil {
			if strings.TrimSpace(r.Unstated) == "" {
				p.add(at("reading.unstated"), "", "say what the wording leaves out")
			}
			for j, a := range r.Alternatives {
				if !a.IsValid() || a == it.Per {
					p.add(at(fmt.Sprintf("reading.alternatives[%d]", j)), a.String(), "an alternative is a valid basis other than per")
				}
			}
		}
		switch {
		case it.Years < 0:
			p.add(at("years"), fmt.Sprint(it.Years), "must not be negative")
		case it.Years > 0 && !it.Per.IsTotal():
			p.add(at("years"), fmt.Sprint(it.Years), "only a total spans years")
		}
	}
	return p.err()
}
