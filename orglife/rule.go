package orglife

import (
	"fmt"
	"slices"
	"time"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/enum"
	"github.com/dangjian-go/dangjian/internal/ruleset"
	"github.com/dangjian-go/dangjian/orgmodel"
)

// Rule is one rule of organizational life as data: a frequency ("each
// branch holds a 党员大会 once a quarter") or a quorum ("a vote needs more
// than half of the members with a vote present"), with its dated header
// and citation, its modality (which gives the severity of its findings)
// and the organizations it applies to.
type Rule struct {
	dangjian.Rule
	Check    Check             `json:"check"`
	Modality dangjian.Modality `json:"modality"`
	// Type is the meeting type the rule is about.
	Type Type `json:"type"`
	// Text quotes the rule's wording.
	Text string `json:"text,omitempty"`

	// Kinds are the kinds of organization that owe the meetings (a
	// frequency rule) or whose meetings are checked (a quorum rule);
	// empty: every kind.
	Kinds []orgmodel.Kind `json:"kinds,omitempty"`

	// Frequency: Count meetings per Unit period.
	Unit  Unit `json:"unit,omitempty"`
	Count int  `json:"count,omitempty"`
	// MinFull is the structure condition: the rule is owed only on days
	// the organization has at least MinFull full members (7: a branch
	// with a committee; a branch of fewer has no 支委会 to convene). 0:
	// no condition.
	MinFull int64 `json:"minFull,omitempty"`
	// Partial says what is owed for a period in which the organization
	// exists (or meets MinFull) only part of the time.
	Partial Partial `json:"partial,omitempty"`
	// ByYearLabel counts a meeting in the year of its 年度 label
	// ([Meeting.Year]) rather than its date (组织生活会, 民主评议; yearly
	// rules only).
	ByYearLabel bool `json:"byYearLabel,omitempty"`
	// CombinedWith are the types of sitting that may also discharge this
	// rule: a meeting whose type is one of these and that lists the
	// rule's Type among the types it was combined with ([Meeting.Also])
	// counts for the rule. A meeting of the rule's own Type always counts.
	CombinedWith []Type `json:"combinedWith,omitempty"`

	// Quorum: Basis Cmp Num/Den of those expected must be present (more
	// than half: MoreThan 1/2; 半数以上 read inclusively: AtLeast 1/2).
	Basis Basis               `json:"basis,omitempty"`
	Cmp   dangjian.Comparison `json:"cmp,omitempty"`
	Num   int64               `json:"num,omitempty"`
	Den   int64               `json:"den,omitempty"`
	// Voids says that a meeting below the quorum is not held ("方可进行"):
	// it does not count towards the type's frequency.
	Voids bool `json:"voids,omitempty"`

	// Reading cites the reading the library took where the text is open
	// (what a partial period owes; 半数以上 inclusive or not), to the
	// library ([LibraryChoice]); nil when the rule needs none.
	Reading *dangjian.Source `json:"reading,omitempty"`
}

// Check names what a [Rule] checks.
type Check uint8

const (
	CheckUnknown Check = iota
	// Frequency: Count meetings of Type per Unit period.
	Frequency
	// Quorum: each meeting of Type has Basis Cmp Num/Den present.
	Quorum
)

var checkTable = enum.New("Check", []string{"", "frequency", "quorum"}, []string{"", "频次", "到会人数"}, nil)

// String returns the stable English code.
func (v Check) String() string { return checkTable.Code(int(v)) }

// IsValid reports whether v is one of the defined values.
func (v Check) IsValid() bool { return checkTable.Valid(int(v)) }

// MarshalText encodes the English code.
func (v Check) MarshalText() ([]byte, error) { return checkTable.Marshal("orglife", int(v)) }

// UnmarshalText accepts the English code or the Chinese label.
func (v *Check) UnmarshalText(b []byte) error {
	x, err := checkTable.Unmarshal("orglife", b)
	if err == nil {
		*v = Check(x)
	}
	return err
}

// Unit is the period a frequency counts over: calendar periods of civil
// dates (China Standard Time by convention; a [dangjian.Date] has no
// zone). A meeting on 31 January and one on 1 February fall in two months.
type Unit uint8

const (
	UnitUnknown Unit = iota
	Month            // calendar month (每月)
	Quarter          // calendar quarter: Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec (每季度)
	HalfYear         // Jan–Jun, Jul–Dec (每半年)
	Year             // calendar year (每年)
)

var unitTable = enum.New("Unit", []string{"", "month", "quarter", "half_year", "year"},
	[]string{"", "月", "季度", "半年", "年"}, nil)

// String returns the stable English code.
func (v Unit) String() string { return unitTable.Code(int(v)) }

// IsValid reports whether v is one of the defined values.
func (v Unit) IsValid() bool { return unitTable.Valid(int(v)) }

// MarshalText encodes the English code.
func (v Unit) MarshalText() ([]byte, error) { return unitTable.Marshal("orglife", int(v)) }

// UnmarshalText accepts the English code or the Chinese label.
func (v *Unit) UnmarshalText(b []byte) error {
	x, err := unitTable.Unmarshal("orglife", b)
	if err == nil {
		*v = Unit(x)
	}
	return err
}

// months is the length of the unit in months.
func (v Unit) months() int {
	switch v {
	case Month:
		return 1
	case Quarter:
		return 3
	case HalfYear:
		return 6
	case Year:
		return 12
	}
	return 0
}

// index returns the number of the unit period holding d, counted from
// year 0: comparable across dates, consecutive periods differ by 1.
func (v Unit) index(d dangjian.Date) int {
	return (d.Year()*12 + int(d.Month()) - 1) / v.months()
}

// span returns the first day and the day after the period numbered i.
func (v Unit) span(i int) (from, to dangjian.Date) {
	m := i * v.months()
	from = dangjian.NewDate(m/12, time.Month(m%12+1), 1)
	return from, from.AddMonths(v.months())
}

// Label returns the period's label: "2024-03", "2024-Q1", "2024-H2",
// "2024". A finding carries it as its Value.
func (v Unit) Label(i int) string {
	m := i * v.months()
	y, mo := m/12, m%12
	switch v {
	case Month:
		return fmt.Sprintf("%04d-%02d", y, mo+1)
	case Quarter:
		return fmt.Sprintf("%04d-Q%d", y, mo/3+1)
	case HalfYear:
		return fmt.Sprintf("%04d-H%d", y, mo/6+1)
	}
	return fmt.Sprintf("%04d", y)
}

// Partial says what a frequency rule asks of a period in which the
// organization exists (and meets the rule's MinFull) on some days only:
// founded, dissolved or reaching 7 full members mid-period. The reference
// does not say (ORGLIFE-RULES §4 q. 4); the default is its advice.
type Partial uint8

const (
	// AtEnd (the default): the period is owed in full if the
	// organization qualifies on the period's last day, else not at all.
	AtEnd Partial = iota
	// WholeOnly: only a period the organization qualifies for on every
	// day is owed; a partial one is exempt.
	WholeOnly
	// AnyDay: a period is owed in full if the organization qualifies on
	// any day of it.
	AnyDay
	// Prorate: Count × qualifying days / days of the period, rounded half
	// up (integers only): a yearly count of 1 is owed for 183 days of 365
	// and not for 182.
	Prorate
)

var partialTable = enum.New("Partial", []string{"at_end", "whole_only", "any_day", "prorate"},
	[]string{"期末存在", "整期", "任一日", "按日折算"}, nil)

// String returns the stable English code.
func (v Partial) String() string { return partialTable.Code(int(v)) }

// MarshalText encodes the English code.
func (v Partial) MarshalText() ([]byte, error) { return []byte(v.String()), nil }

// UnmarshalText accepts the English code or the Chinese label.
func (v *Partial) UnmarshalText(b []byte) error {
	x, err := partialTable.Find(string(b))
	if err == nil {
		*v = Partial(x)
	}
	return err
}

// required returns what the period asks: count, given q qualifying days
// of n, qualifying on the last day or not.
func (v Partial) required(count, q, n int, last bool) int {
	switch v {
	case WholeOnly:
		if q == n {
			return count
		}
	case AnyDay:
		if q > 0 {
			return count
		}
	case Prorate:
		return (2*count*q + n) / (2 * n)
	default:
		if last {
			return count
		}
	}
	return 0
}

// Basis is what a quorum counts.
type Basis uint8

const (
	BasisUnknown Basis = iota
	// Voting: members with a vote present of those with a vote expected
	// (应到会有表决权的党员); checked only for a meeting that records a
	// vote ([Meeting.Voting]).
	Voting
	// Attendance: members present of those expected (a 支委会's
	// 委员, an attendance floor).
	Attendance
)

var basisTable = enum.New("Basis", []string{"", "voting", "attendance"}, []string{"", "有表决权的党员", "应到会人数"}, nil)

// String returns the stable English code.
func (v Basis) String() string { return basisTable.Code(int(v)) }

// IsValid reports whether v is one of the defined values.
func (v Basis) IsValid() bool { return basisTable.Valid(int(v)) }

// MarshalText encodes the English code.
func (v Basis) MarshalText() ([]byte, error) { return basisTable.Marshal("orglife", int(v)) }

// UnmarshalText accepts the English code or the Chinese label.
func (v *Basis) UnmarshalText(b []byte) error {
	x, err := basisTable.Unmarshal("orglife", b)
	if err == nil {
		*v = Basis(x)
	}
	return err
}

// meets reports whether present of expected meets the quorum, in integers:
// present·Den ≥ expected·Num (AtLeast) or > (MoreThan). Counts are at most
// MaxCount, so the products fit.
func (r *Rule) meets(present, expected int64) bool {
	a, b := present*r.Den, expected*r.Num
	if r.Cmp == dangjian.MoreThan {
		return a > b
	}
	return a >= b
}

// appliesTo reports whether the rule applies to an organization of kind k.
func (r *Rule) appliesTo(k orgmodel.Kind) bool {
	return len(r.Kinds) == 0 || slices.Contains(r.Kinds, k)
}

// countsFor reports whether meeting m counts for the rule's type.
func (r *Rule) countsFor(m *Meeting) bool {
	if m.Type == r.Type {
		return true
	}
	return m.has(r.Type) && slices.Contains(r.CombinedWith, m.Type)
}

// topic is the rule's topic for [dangjian.CheckRules]: one frequency rule
// per type in force at a time, and one quorum rule per type and basis.
func (r Rule) topic() string {
	switch r.Check {
	case Frequency:
		return "frequency/" + r.Type.String()
	case Quorum:
		return "quorum/" + r.Type.String() + "/" + r.Basis.String()
	}
	return ""
}

// RuleSet is a dated, named set of rules: the national defaults or a
// local variant. It is a value: [RuleSet.With] and [RuleSet.Without]
// return new sets and never change the receiver.
type RuleSet struct {
	Name   string          `json:"name"`
	Period dangjian.Period `json:"period"`
	Rules  []Rule          `json:"rules"`
}

// With returns a copy of rs with rules added; a rule whose ID is already
// in the set replaces it in place.
func (rs RuleSet) With(rules ...Rule) RuleSet {
	out := rs
	out.Rules = ruleset.With(rs.Rules, cloneRule, rules...)
	return out
}

// Without returns a copy of rs without the rules with these IDs.
func (rs RuleSet) Without(ids ...string) RuleSet {
	out := rs
	out.Rules = ruleset.Without(rs.Rules, cloneRule, ids...)
	return out
}

// Rule returns the rule with this ID.
func (rs RuleSet) Rule(id string) (Rule, bool) { return ruleset.Find(rs.Rules, cloneRule, id) }

func (rs RuleSet) clone() RuleSet {
	out := rs
	out.Rules = ruleset.Clone(rs.Rules, cloneRule)
	return out
}

func cloneRule(r Rule) Rule {
	r.Kinds = slices.Clone(r.Kinds)
	r.CombinedWith = slices.Clone(r.CombinedWith)
	if r.Reading != nil {
		c := *r.Reading
		r.Reading = &c
	}
	return r
}

// Check reports every problem of the set as a [dangjian.Problems] of kind
// [dangjian.ErrBadRule]: the header checks of [dangjian.CheckRules] (IDs,
// sources, confidence, periods; at most one frequency rule per type, and
// one quorum rule per type and basis, in force at a time), and for each
// rule what its check needs: a valid type and modality; a unit and a
// count of at least 1 for a frequency (and ByYearLabel only for a yearly
// one); a basis, a comparison and 0 < Num ≤ Den for a quorum.
func (rs RuleSet) Check() error {
	var ps dangjian.Problems
	if err := dangjian.CheckRules(rs.Rules, Rule.topic); err != nil {
		errs := []error{err}
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			errs = j.Unwrap()
		}
		for _, e := range errs {
			ps.Add(&dangjian.Problem{Kind: dangjian.ErrBadRule, Detail: e.Error(), Err: e})
		}
	}
	for i, r := range rs.Rules {
		bad := func(field, why string) {
			ps.Add(&dangjian.Problem{Kind: dangjian.ErrBadRule, Path: fmt.Sprintf("rules[%d].%s", i, field), ID: r.ID, Detail: why})
		}
		if !r.Check.IsValid() {
			bad("check", "not set")
			continue
		}
		if !r.Modality.IsValid() {
			bad("modality", "not set")
		}
		if !r.Type.IsValid() {
			bad("type", "not set")
		}
		for _, k := range r.Kinds {
			if !k.IsValid() {
				bad("kinds", fmt.Sprintf("invalid kind %d", k))
			}
		}
		switch r.Check {
		case Frequency:
			if !r.Unit.IsValid() {
				bad("unit", "not set")
			}
			if r.Count < 1 || r.Count > 1000 {
				bad("count", fmt.Sprintf("need 1 ≤ count ≤ 1000, have %d", r.Count))
			}
			if r.MinFull < 0 {
				bad("minFull", "negative")
			}
			if r.Partial > Prorate {
				bad("partial", fmt.Sprintf("invalid %d", r.Partial))
			}
			if r.ByYearLabel && r.Unit != Year {
				bad("byYearLabel", "only a yearly rule counts by the 年度 label")
			}
			for _, t := range r.CombinedWith {
				if !t.IsValid() || t == r.Type {
					bad("combinedWith", fmt.Sprintf("invalid type %d", t))
				}
			}
		case Quorum:
			if !r.Basis.IsValid() {
				bad("basis", "not set")
			}
			if !r.Cmp.IsValid() {
				bad("cmp", "not set")
			}
			if r.Num <= 0 || r.Den <= 0 || r.Num > r.Den || r.Den > 1000 {
				bad("num/den", fmt.Sprintf("need 0 < num ≤ den ≤ 1000, have %d/%d", r.Num, r.Den))
			}
		}
	}
	return ps.Err()
}
