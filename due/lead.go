package due

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/orglife"
)

// Lead is how long before a due date a reminder fires: Months calendar
// months and Days days before it (a month back from 31 August is 31 July;
// from 31 March, 28 or 29 February). Its text is an ISO 8601 duration of
// months and days: "P6M", "P7D", "P1M15D", "P0D" (on the day).
type Lead struct {
	Months int
	Days   int
}

// MaxLeadMonths and MaxLeadDays bound a [Lead]: 100 years either way.
const (
	MaxLeadMonths = 1200
	MaxLeadDays   = 36500
)

// Before returns the day the lead fires for a due date: due less Months
// months, less Days days. The zero date stays zero.
func (l Lead) Before(due dangjian.Date) dangjian.Date {
	return due.AddMonths(-l.Months).AddDays(-l.Days)
}

// String returns the ISO 8601 text: "P6M", "P1M7D", "P0D".
func (l Lead) String() string {
	s := "P"
	if l.Months != 0 {
		s += strconv.Itoa(l.Months) + "M"
	}
	if l.Days != 0 || l.Months == 0 {
		s += strconv.Itoa(l.Days) + "D"
	}
	return s
}

// ParseLead reads "P6M", "P7D", "P1M15D", "P1Y" (12 months) or "P0D"
// (any case). Each number is at most MaxLeadMonths months or MaxLeadDays
// days in all; anything else is an error that quotes the input.
func ParseLead(s string) (Lead, error) {
	bad := func(why string) (Lead, error) {
		return Lead{}, fmt.Errorf("due: ParseLead(%q): %s", s, why)
	}
	t := strings.ToUpper(strings.TrimSpace(s))
	if !strings.HasPrefix(t, "P") || len(t) < 3 {
		return bad("want an ISO 8601 duration of years, months and days such as P6M or P1M7D")
	}
	var l Lead
	t = t[1:]
	last := 0
	for t != "" {
		i := 0
		for i < len(t) && t[i] >= '0' && t[i] <= '9' {
			i++
		}
		if i == 0 || i == len(t) || i > 6 {
			return bad("want a number of at most 6 digits before Y, M or D")
		}
		n, _ := strconv.Atoi(t[:i])
		u := t[i]
		if o := strings.IndexByte("YMD", u) + 1; o == 0 || o <= last {
			return bad("want Y, M and D, each at most once, in that order")
		} else {
			last = o
		}
		switch u {
		case 'Y':
			l.Months += 12 * n
		case 'M':
			l.Months += n
		case 'D':
			l.Days = n
		}
		t = t[i+1:]
	}
	if l.Months > MaxLeadMonths || l.Days > MaxLeadDays {
		return bad(fmt.Sprintf("at most %d months and %d days", MaxLeadMonths, MaxLeadDays))
	}
	return l, nil
}

// MarshalText encodes the ISO 8601 text.
func (l Lead) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

// UnmarshalText reads what [ParseLead] reads.
func (l *Lead) UnmarshalText(b []byte) error {
	v, err := ParseLead(string(b))
	if err == nil {
		*l = v
	}
	return err
}

// LeadRule says when to remind of the items of one kind: a rule header of
// its own (ID, period, source and confidence: the defaults are the
// library's choice, [dangjian.LibraryChoice]), which items it is for and
// its leads, several per rule (6 and 3 months before a term ends).
type LeadRule struct {
	dangjian.Rule
	// What is the kind of item the leads are for.
	What What `json:"what"`
	// For, if set, limits the rule to items of these rule IDs (a local
	// 党课 rule, ORGLIFE-LECTURE-QUARTERLY): such a rule wins over one of
	// the same What without For.
	For []string `json:"for,omitempty"`
	// Unit, if set, limits a Meeting rule to items of frequency rules
	// counting over that unit: a monthly meeting is reminded of a week
	// ahead, a yearly one months ahead.
	Unit orglife.Unit `json:"unit,omitempty"`
	// Before are the leads, any order; [Leads.For] gives them longest
	// first.
	Before []Lead `json:"before"`
}

// Leads is a set of lead rules. A caller replaces the defaults with
// [Leads.With] and [Leads.Without], as rule sets do.
type Leads []LeadRule

// The library's default lead times.
const (
	docLibrary = "dangjian（本库取值）"
	noteLeads  = "reminder lead times are the library's choice: no regulation sets them; replace them with Leads.With"
)

func library(note string) dangjian.Source {
	return dangjian.Source{Doc: docLibrary, Confidence: dangjian.LibraryChoice, Note: note}
}

// DefaultLeads returns the library's lead times, each cited to the
// library ([dangjian.LibraryChoice]: no regulation sets them):
//
//   - DUE-LEAD-TERM: a 换届 6, 3 and 1 months before the term ends (6
//     months is what the owip platform reminds, ORG-TERM-DUE-SOON);
//   - DUE-LEAD-DISPATCH: a dispatch's end 3 and 1 months before;
//   - DUE-LEAD-MEETING-MONTH: a monthly meeting 7 days before the month
//     ends; DUE-LEAD-MEETING-QUARTER 1 month and 7 days before the
//     quarter ends; DUE-LEAD-MEETING-HALFYEAR 2 and 1 months;
//     DUE-LEAD-MEETING-YEAR 3 and 1 months;
//   - DUE-LEAD-DUES-BACK-PAY: an unpaid month 1 month before its
//     back-pay deadline; DUE-LEAD-DUES-LAPSE: a run of unpaid months 1
//     month and 7 days before it reaches the lapse.
func DefaultLeads() Leads {
	rule := func(id, note string) dangjian.Rule {
		return dangjian.Rule{ID: id, Source: library(note)}
	}
	return Leads{
		{Rule: rule("DUE-LEAD-TERM", noteLeads+"; 6 months is the owip platform's 换届 reminder (ORG-TERM-DUE-SOON), 3 and 1 months are added"),
			What: TermEnd, Before: []Lead{{Months: 6}, {Months: 3}, {Months: 1}}},
		{Rule: rule("DUE-LEAD-DISPATCH", noteLeads), What: DispatchEnd, Before: []Lead{{Months: 3}, {Months: 1}}},
		{Rule: rule("DUE-LEAD-MEETING-MONTH", noteLeads), What: Meeting, Unit: orglife.Month, Before: []Lead{{Days: 7}}},
		{Rule: rule("DUE-LEAD-MEETING-QUARTER", noteLeads), What: Meeting, Unit: orglife.Quarter, Before: []Lead{{Months: 1}, {Days: 7}}},
		{Rule: rule("DUE-LEAD-MEETING-HALFYEAR", noteLeads), What: Meeting, Unit: orglife.HalfYear, Before: []Lead{{Months: 2}, {Months: 1}}},
		{Rule: rule("DUE-LEAD-MEETING-YEAR", noteLeads), What: Meeting, Unit: orglife.Year, Before: []Lead{{Months: 3}, {Months: 1}}},
		{Rule: rule("DUE-LEAD-DUES-BACK-PAY", noteLeads), What: DuesBackPay, Before: []Lead{{Months: 1}}},
		{Rule: rule("DUE-LEAD-DUES-LAPSE", noteLeads), What: DuesLapse, Before: []Lead{{Months: 1}, {Days: 7}}},
	}
}

// With returns a copy of ls with rules added; a rule whose ID is already
// in ls replaces it in place.
func (ls Leads) With(rules ...LeadRule) Leads {
	out := ls.clone()
	for _, r := range rules {
		r = cloneLead(r)
		if i := slices.IndexFunc(out, func(x LeadRule) bool { return x.ID == r.ID }); i >= 0 {
			out[i] = r
		} else {
			out = append(out, r)
		}
	}
	return out
}

// Without returns a copy of ls without the rules with these IDs.
func (ls Leads) Without(ids ...string) Leads {
	out := ls.clone()
	return slices.DeleteFunc(out, func(r LeadRule) bool { return slices.Contains(ids, r.ID) })
}

func (ls Leads) clone() Leads {
	out := make(Leads, len(ls))
	for i, r := range ls {
		out[i] = cloneLead(r)
	}
	return out
}

func cloneLead(r LeadRule) LeadRule {
	r.For = slices.Clone(r.For)
	r.Before = slices.Clone(r.Before)
	return r
}

// Check reports every problem of the set as a [dangjian.Problems] of kind
// [dangjian.ErrInvalid] (path "leads[i]…", the rule's ID): a rule with no
// ID or an ID used twice, an unknown What, a Unit on a rule not for
// meetings or an unknown Unit, no leads, a lead with a negative part or
// beyond MaxLeadMonths or MaxLeadDays, or a source without a valid
// confidence mark.
func (ls Leads) Check() error {
	var ps dangjian.Problems
	seen := map[string]bool{}
	for i, r := range ls {
		at := "leads[" + strconv.Itoa(i) + "]"
		bad := func(path, value, detail string) {
			ps.Add(&dangjian.Problem{Kind: dangjian.ErrInvalid, Path: at + path, ID: r.ID, Value: value, Detail: detail})
		}
		switch {
		case r.ID == "":
			bad(".id", "", "a lead rule needs an ID")
		case seen[r.ID]:
			bad(".id", r.ID, "the ID is used twice")
		}
		seen[r.ID] = true
		if !r.What.IsValid() {
			bad(".what", r.What.String(), "unknown item kind")
		}
		if r.Unit != 0 && (r.What != Meeting || !r.Unit.IsValid()) {
			bad(".unit", r.Unit.String(), "a unit is for a meeting rule only, and one of month, quarter, half_year, year")
		}
		if !r.Source.Confidence.IsValid() {
			bad(".source.confidence", r.Source.Confidence.String(), "a lead rule cites its source with a confidence mark")
		}
		if len(r.Before) == 0 {
			bad(".before", "", "a lead rule needs at least one lead")
		}
		for j, l := range r.Before {
			if l.Months < 0 || l.Days < 0 || l.Months > MaxLeadMonths || l.Days > MaxLeadDays {
				bad(".before["+strconv.Itoa(j)+"]", fmt.Sprintf("%d months %d days", l.Months, l.Days),
					fmt.Sprintf("a lead is 0 to %d months and 0 to %d days", MaxLeadMonths, MaxLeadDays))
			}
		}
	}
	return ps.Err()
}

// For returns the lead rule for an item: the first rule of its What whose
// For lists the item's rule; else the first of its What and Unit (for a
// meeting); else the first of its What with neither For nor Unit. ok is
// false when none is.
func (ls Leads) For(it *Item) (LeadRule, bool) {
	best, rank := -1, 0
	for i := range ls {
		r := &ls[i]
		if r.What != it.What {
			continue
		}
		k := 0
		switch {
		case len(r.For) > 0:
			if !slices.Contains(r.For, it.Rule) {
				continue
			}
			k = 3
		case r.Unit != 0:
			if r.Unit != it.Unit {
				continue
			}
			k = 2
		default:
			k = 1
		}
		if k > rank {
			best, rank = i, k
		}
	}
	if best < 0 {
		return LeadRule{}, false
	}
	return ls[best], true
}
