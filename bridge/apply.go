package bridge

import (
	"slices"
	"strconv"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
	"github.com/dangjian-go/dangjian/orglife"
)

// Record is what the library found about one organization: the findings
// of any package about it (orgmodel's Validate, funding/dues' Arrears of
// its members, orglife's quorum findings) and orglife's per-period counts
// of it. The caller selects them per organization; the bridge reads them
// as given and selects by rule and type only.
type Record struct {
	Findings []dangjian.Finding
	Periods  []orglife.PeriodCount
	// LifeRules, if set, is the orglife rule set the periods were
	// counted under: a shortfall's link then cites its rule's source.
	LifeRules *orglife.RuleSet
}

// Link ties one deduction (or one unchecked item, or one flag) to one
// finding or one period's shortfall that caused it.
type Link struct {
	// Slot is the target's path ("events.yashi.regular_meeting"): in the
	// score's trace, the clause regular_meeting of the node yashi.
	Slot string `json:"slot"`
	// Line is the id of the mapping line that read the finding.
	Line string `json:"line"`
	// Units is what the finding added to the line's measure: 1 for a
	// finding counted, its value for a value read, the shortfall of a
	// period.
	Units   int    `json:"units"`
	Rule    string `json:"rule"`
	Subject string `json:"subject,omitempty"`
	Ref     string `json:"ref,omitempty"`
	// Period is the period's label for a shortfall ("2024-Q2") or a
	// finding that carries one (Field "period").
	Period string          `json:"period,omitempty"`
	On     dangjian.Date   `json:"on"`
	Source dangjian.Source `json:"source"`
}

// Applied is what one line put into an input: the measure's units, the
// events of count units ÷ Per added to a clause (0 for an item or a
// flag), and the links to what was counted.
type Applied struct {
	Line   string `json:"line"`
	Slot   string `json:"slot"`
	Units  int    `json:"units"`
	Events int    `json:"events,omitempty"`
	Links  []Link `json:"links"`
}

// Apply fills in from rec: each clause line whose units ÷ Per is above
// zero adds one event of that count to its clause; each item a line
// targets is set checked when all its lines count zero, unchecked
// otherwise; each flag is set when its lines count above zero (and left
// as it is otherwise). Slots no line targets are left as the caller set
// them: fill the inputs the records cannot give first, then Apply.
//
// It returns, per line with units above zero (in mapping order), what it
// applied and the links to the findings and periods counted: the side
// table that ties each deduction of the score's trace, by slot path, to
// its causes. A finding whose value a values line cannot read as a whole
// number without sign is a problem (path "findings[i].value", the
// finding's subject as ID) and counts nothing; the rest is applied and
// the problems are returned with the links.
func (b *Bridge) Apply(in *assess.Input, rec Record) ([]Applied, error) {
	var ps dangjian.Problems
	out := make([]Applied, 0, 4)
	units := make([]int, len(b.slots))
	for _, l := range b.lines {
		a := Applied{Line: l.ID, Slot: b.slots[l.slot].path}
		switch l.Count {
		case Findings, Values:
			for i, f := range rec.Findings {
				if !l.rules[f.Rule] {
					continue
				}
				n := 1
				if l.Count == Values {
					v, err := strconv.ParseUint(f.Value, 10, 31)
					if err != nil || f.Value == "" || f.Value[0] == '+' {
						ps.Add(&dangjian.Problem{Kind: dangjian.ErrInvalid, Path: "findings[" + strconv.Itoa(i) + "].value",
							ID: f.Subject, Value: dangjian.Cut(f.Value), Rule: f.Rule,
							Detail: "line " + strconv.Quote(l.ID) + " reads a whole number without sign"})
						continue
					}
					n = int(v)
				}
				if n == 0 {
					continue
				}
				a.Units = addCapped(a.Units, n)
				lk := Link{Slot: a.Slot, Line: l.ID, Units: n, Rule: f.Rule, Subject: f.Subject, Ref: f.Ref, On: f.On, Source: f.Source}
				if f.Field == "period" {
					lk.Period = f.Value
				}
				a.Links = append(a.Links, lk)
			}
		case Shortfall:
			for _, pc := range rec.Periods {
				if pc.Shortfall <= 0 || (len(l.types) > 0 && !slices.Contains(l.types, pc.Type)) {
					continue
				}
				a.Units = addCapped(a.Units, pc.Shortfall)
				lk := Link{Slot: a.Slot, Line: l.ID, Units: pc.Shortfall, Rule: pc.Rule, Subject: pc.Org, Ref: pc.Type.String(),
					Period: pc.Period, On: pc.From}
				if rec.LifeRules != nil {
					if r, ok := rec.LifeRules.Rule(pc.Rule); ok {
						lk.Source = r.Source
					}
				}
				a.Links = append(a.Links, lk)
			}
		}
		units[l.slot] = addCapped(units[l.slot], a.Units)
		if a.Units == 0 {
			continue
		}
		if s := b.slots[l.slot].slot; s.Kind() == assess.ClauseSlot {
			a.Events = a.Units / l.per
			if a.Events > 0 {
				if err := in.AddEvent(s, assess.Event{Count: a.Events}); err != nil {
					return out, err
				}
			}
		}
		out = append(out, a)
	}
	for i, cs := range b.slots {
		var err error
		switch cs.slot.Kind() {
		case assess.ItemSlot:
			err = in.SetBool(cs.slot, units[i] == 0)
		case assess.FlagSlot:
			if units[i] > 0 {
				err = in.SetBool(cs.slot, true)
			}
		}
		if err != nil {
			return out, err
		}
	}
	return out, ps.Err()
}

// addCapped adds without overflowing: a count beyond a billion deducts
// no more than a billion does.
func addCapped(a, b int) int {
	const limit = 1 << 30
	if a+b > limit || a+b < a {
		return limit
	}
	return a + b
}
