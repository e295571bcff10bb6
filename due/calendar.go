package due

import (
	"cmp"
	"iter"
	"slices"

	"github.com/dangjian-go/dangjian"
)

// Calendar answers the question an embedding platform asks: what is due
// or overdue as of a date, within a horizon, and when to remind of it.
// It places items from any sources ([Terms], [Dispatches], [Meetings],
// [Dues], or the caller's own) on its date: their status, the days left
// or overdue, and the day each lead of their lead rule fires.
//
// A Calendar is immutable and safe for concurrent use.
type Calendar struct {
	asOf, until dangjian.Date
	leads       Leads
}

// New returns a calendar as of asOf that lists the items due on or before
// until (the zero Date: no horizon; overdue items are always listed) and
// reminds with leads (nil: [DefaultLeads]). A zero asOf, an until before
// asOf or leads with problems ([Leads.Check]) are a [dangjian.Problems].
func New(asOf, until dangjian.Date, leads Leads) (*Calendar, error) {
	var ps dangjian.Problems
	if asOf.IsZero() {
		ps.Add(&dangjian.Problem{Kind: dangjian.ErrMissing, Path: "asOf", Detail: "the calendar needs a date"})
	}
	if !until.IsZero() && until.Before(asOf) {
		ps.Add(&dangjian.Problem{Kind: dangjian.ErrInvalid, Path: "until", Value: until.String(),
			Detail: "the horizon is before the date " + asOf.String()})
	}
	if leads == nil {
		leads = DefaultLeads()
	}
	if err := leads.Check(); err != nil {
		ps = append(ps, dangjian.ProblemsOf(err)...)
	}
	if err := ps.Err(); err != nil {
		return nil, err
	}
	return &Calendar{asOf: asOf, until: until, leads: leads.clone()}, nil
}

// AsOf returns the calendar's date; Until its horizon (zero: none).
func (c *Calendar) AsOf() dangjian.Date  { return c.asOf }
func (c *Calendar) Until() dangjian.Date { return c.until }

// Place sets it's Status and Days as of the calendar's date, and its
// LeadRule and Leads (longest lead first) from the calendar's lead
// rules; an item no lead rule is for gets none.
func (c *Calendar) Place(it *Item) {
	it.Status, it.Days = StatusOn(it.Due, c.asOf)
	it.LeadRule, it.Leads = "", nil
	r, ok := c.leads.For(it)
	if !ok {
		return
	}
	it.LeadRule = r.ID
	it.Leads = make([]Fire, 0, len(r.Before))
	for _, l := range r.Before {
		it.Leads = append(it.Leads, Fire{Before: l, On: l.Before(it.Due)})
	}
	slices.SortStableFunc(it.Leads, func(a, b Fire) int { return a.On.Compare(b.On) })
}

// Items yields the items of the sources, in order, that are due on or
// before the horizon (all of them without one), each placed
// ([Calendar.Place]); an item with no due date is left out. It keeps
// nothing: a platform streams a national calendar through it.
func (c *Calendar) Items(src ...iter.Seq[Item]) iter.Seq[Item] {
	return func(yield func(Item) bool) {
		for _, s := range src {
			if s == nil {
				continue
			}
			for it := range s {
				if it.Due.IsZero() || (!c.until.IsZero() && it.Due.After(c.until)) {
					continue
				}
				c.Place(&it)
				if !yield(it) {
					return
				}
			}
		}
	}
}

// Sorted returns [Calendar.Items] as a slice in [Compare] order: by due
// date, overdue first.
func (c *Calendar) Sorted(src ...iter.Seq[Item]) []Item {
	out := slices.Collect(c.Items(src...))
	slices.SortStableFunc(out, Compare)
	return out
}

// Reminders returns the leads of the sources' items that fire on a day
// from the calendar's date to its horizon, both included (with no
// horizon: from the date on), whatever the item's due date: a term due in
// eight months has its 6-month reminder in two. They are sorted by day,
// then by [Compare] of their items, then longest lead first.
func (c *Calendar) Reminders(src ...iter.Seq[Item]) []Reminder {
	var out []Reminder
	for _, s := range src {
		if s == nil {
			continue
		}
		for it := range s {
			if it.Due.IsZero() {
				continue
			}
			c.Place(&it)
			for _, f := range it.Leads {
				if f.On.Before(c.asOf) || (!c.until.IsZero() && f.On.After(c.until)) {
					continue
				}
				out = append(out, Reminder{On: f.On, Before: f.Before, Item: it})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Reminder) int {
		return cmp.Or(a.On.Compare(b.On), Compare(a.Item, b.Item),
			cmp.Compare(b.Before.Months, a.Before.Months), cmp.Compare(b.Before.Days, a.Before.Days))
	})
	return out
}

// Compare orders items by due date, then what, organization, member,
// ref, period and rule: the order of [Calendar.Sorted].
func Compare(a, b Item) int {
	return cmp.Or(a.Due.Compare(b.Due), cmp.Compare(a.What, b.What), cmp.Compare(a.Org, b.Org),
		cmp.Compare(a.Member, b.Member), cmp.Compare(a.Ref, b.Ref), cmp.Compare(a.Period, b.Period),
		cmp.Compare(a.Rule, b.Rule))
}
