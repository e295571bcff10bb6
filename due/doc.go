// Package due is the one "due" calendar of the module: what must be done
// by when, for which organization or member, under which rule — 换届 at a
// term's end, a dispatched 第一书记's longest term, the meetings a period
// still owes, dues to pay back before a deadline or before a lapse — so
// that a platform asks one question, what is due or overdue as of a date,
// and schedules its reminders.
//
// # Items and sources
//
// An [Item] is one thing due: [What] (a stable code and a Chinese label),
// the organization and member by the caller's own ids, the due date, the
// rule whose finding fires when it is missed and that rule's source and
// confidence, the period where one applies, and once placed on a
// [Calendar] its [Status] (upcoming, due, overdue, with days) and the day
// each of its leads fires. The sources compute nothing of their own:
// [Terms] takes each term's due date from [orgmodel.Validator.TermDue],
// [Dispatches] each dispatch's end from [orgmodel.Validator.DispatchDue],
// [Meetings] each period's shortfall from [orglife.Checker.Periods], and
// [Dues] each unpaid month from the provisions [dues.Rules.Arrears]
// applies; so a calendar and a validation never disagree about a date.
// Due is the last day on which doing it avoids the finding: the item is
// overdue from the day after.
//
// # Lead times
//
// Lead times are data: a [LeadRule] per kind of item (and, for meetings,
// per unit; for one rule, by its ID) with several leads ("P6M", "P3M"),
// its own rule ID and source. [DefaultLeads] are the library's choice,
// cited as [dangjian.LibraryChoice] (DUE-LEAD-* in RULES.md); a caller
// replaces them with [Leads.With] and [Leads.Without].
//
// # The question
//
// [New] makes a calendar as of a date with a horizon and lead rules;
// [Calendar.Items] streams the items of any sources due by the horizon
// (overdue ones always), [Calendar.Sorted] returns them sorted
// ([Compare]: by due date, overdue first), [Calendar.Reminders] the leads
// that fire from the date to the horizon. [WriteCSV] writes items through
// the module's formula-safe CSV writer; an Item encodes to JSON with
// lowerCamel keys, codes beside Chinese labels.
//
// # Invariants
//
// Dates are whole days ([dangjian.Date]); days are counted exactly, with no
// time of day. A lead is at most [MaxLeadMonths] months and [MaxLeadDays]
// days. The zero Item has no due date and is left out of every listing.
// Make a Calendar with [New]: the zero Calendar has no date and no lead
// rules, so it places items with [StatusUnknown] and no leads.
// Sources and Items keep nothing: their memory does not grow with the
// items; Sorted and Reminders hold what they return. A [Calendar] is
// immutable and safe for concurrent use; a source over a tree or checker
// is as safe as its reads of them (an [orglife.Checker] is not safe while
// meetings are being added).
//
// # Usage
//
//	v, _ := orgmodel.NewValidator(orgmodel.NationalRules())
//	cal, _ := due.New(asOf, asOf.AddMonths(6), nil) // the default lead times
//	for _, it := range cal.Sorted(due.Terms(tree, v), due.Dispatches(tree, v), due.Meetings(checker)) {
//		fmt.Println(it.Due, it.Status, it.Days, it.What.Label(), it.Org, it.Rule)
//	}
//	for _, r := range cal.Reminders(due.Terms(tree, v)) {
//		schedule(r.On, r.Item)
//	}
package due
