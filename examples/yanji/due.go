package main

import (
	"fmt"
	"io"
	"slices"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/due"
	"github.com/dangjian-go/dangjian/funding/dues"
	"github.com/dangjian-go/dangjian/orglife"
	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/dangjian-go/dangjian/place/yanji"
)

// dueHorizon is how far ahead the due calendar looks, in months.
const dueHorizon = 6

// calendar is the city's due calendar as of the report date: what is due
// or overdue within dueHorizon months, from the terms and dispatches
// under yanji.Rules, the meetings of the report date's year held up to
// that date (yanji.Meetings) and the dues ledgers of that year
// (yanji.DuesLedgers), and the reminders of the next 30 days.
type calendar struct {
	until     dangjian.Date
	items     []due.Item
	reminders int
}

func dueCalendar(t *orgmodel.Tree, asOf dangjian.Date) (*calendar, error) {
	v, err := orgmodel.NewValidator(yanji.Rules())
	if err != nil {
		return nil, err
	}
	year := asOf.Year()
	ch, err := orglife.NewChecker(t, orglife.NationalRules(), dangjian.NewDate(year, 1, 1), dangjian.NewDate(year+1, 1, 1), orglife.Options{})
	if err != nil {
		return nil, err
	}
	for _, m := range yanji.Meetings(t, year) {
		if m.Date.After(asOf) {
			continue // not held yet on the report date
		}
		if err := ch.Add(m); err != nil {
			return nil, err
		}
	}
	var owed []due.Item
	rules := dues.Rules2017()
	for _, l := range yanji.DuesLedgers(t, year) {
		items, err := due.Dues(rules, l.Org, l.Member, l.Payments, asOf)
		if err != nil {
			return nil, err
		}
		owed = append(owed, items...)
	}
	c := &calendar{until: asOf.AddMonths(dueHorizon)}
	cal, err := due.New(asOf, c.until, nil)
	if err != nil {
		return nil, err
	}
	c.items = cal.Sorted(due.Terms(t, v), due.Dispatches(t, v), due.Meetings(ch), slices.Values(owed))
	soon, err := due.New(asOf, asOf.AddDays(30), nil)
	if err != nil {
		return nil, err
	}
	c.reminders = len(soon.Reminders(due.Terms(t, v), due.Dispatches(t, v), due.Meetings(ch), slices.Values(owed)))
	return c, nil
}

// printDue prints the due calendar: per kind, how many items are overdue,
// due and upcoming, then the first few items (the longest overdue).
func printDue(w io.Writer, c *city) {
	d := c.due
	fmt.Fprintf(w, "as of %s, due by %s (%d months; meetings and dues of %d generated as in the section above, up to the date):\n",
		c.asOf, d.until, dueHorizon, c.asOf.Year())
	type sum struct{ overdue, today, upcoming int }
	by := map[due.What]*sum{}
	for _, it := range d.items {
		s := by[it.What]
		if s == nil {
			s = &sum{}
			by[it.What] = s
		}
		switch it.Status {
		case due.Overdue:
			s.overdue++
		case due.DueToday:
			s.today++
		default:
			s.upcoming++
		}
	}
	fmt.Fprintf(w, "  %-30s %8s %6s %9s\n", "what", "overdue", "due", "upcoming")
	for _, wh := range due.Whats() {
		if s := by[wh]; s != nil {
			fmt.Fprintf(w, "  %s %8d %6d %9d\n", padDisplay(wh.Label()+" "+wh.String(), 30), s.overdue, s.today, s.upcoming)
		}
	}
	const first = 5
	fmt.Fprintf(w, "first %d of %d:\n", min(first, len(d.items)), len(d.items))
	for _, it := range d.items[:min(first, len(d.items))] {
		fmt.Fprintf(w, "  %s %-8s %4d  %s  %s  [%s]\n", it.Due, it.Status, it.Days, it.What.Label(), it.Detail, it.Rule)
		fmt.Fprintf(w, "    %s\n", it.Name)
	}
	fmt.Fprintf(w, "reminders to send in the next 30 days (default lead times, DUE-LEAD-*): %d\n", d.reminders)
}
