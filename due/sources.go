package due

import (
	"fmt"
	"iter"
	"time"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding/dues"
	"github.com/dangjian-go/dangjian/orglife"
	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/google/uuid"
)

// Terms yields a [TermEnd] item for each organization of t, in the tree's
// pre-order, whose term is not yet renewed (no [orgmodel.Term].Renewed)
// and has a due date under v's rules ([orgmodel.Validator.TermDue]: the
// recorded one, or the election date plus the term-length rule's years)
// and a TermOverdue rule that applies to it: Rule is that rule
// (ORG-TERM-OVERDUE, whose finding fires the day after Due), Basis the
// term-length rule the date was computed from. A nil tree or validator
// yields nothing.
func Terms(t *orgmodel.Tree, v *orgmodel.Validator) iter.Seq[Item] {
	return func(yield func(Item) bool) {
		if t == nil || v == nil {
			return
		}
		for _, o := range t.All() {
			if !o.Term.Renewed.IsZero() {
				continue
			}
			td, ok := v.TermDue(o)
			if !ok || td.Overdue.ID == "" {
				continue
			}
			detail := fmt.Sprintf("换届: the term is due on %s (recorded)", td.Due)
			if !td.Recorded {
				detail = fmt.Sprintf("换届: the term elected on %s ends on %s (%s: %d years)", o.Term.Elected, td.Due, td.Length.ID, td.Length.Max)
			}
			it := Item{What: TermEnd, Org: t.IDText(o.ID), Name: t.PathString(o.ID), Line: o.Line, Due: td.Due,
				Rule: td.Overdue.ID, Source: td.Overdue.Source, Basis: td.Length.ID, Detail: detail}
			if !yield(it) {
				return
			}
		}
	}
}

// Dispatches yields a [DispatchEnd] item for each dispatch assignment of
// t still running (no End recorded) that a DispatchTerm rule of v covers
// ([orgmodel.Validator.DispatchDue]): due on its start plus the rule's
// years, the last day it may run before the rule's finding. Org is the
// receiving organization, Ref the assignment's id, Name the
// organization's path and the dispatched person. A nil tree or validator
// yields nothing.
func Dispatches(t *orgmodel.Tree, v *orgmodel.Validator) iter.Seq[Item] {
	return func(yield func(Item) bool) {
		if t == nil || v == nil {
			return
		}
		for _, a := range t.Assignments(uuid.Nil) {
			if !a.End.IsZero() {
				continue
			}
			dd, ok := v.DispatchDue(a)
			if !ok {
				continue
			}
			who, _ := t.Person(a.Person)
			name := t.PathString(a.To)
			if name != "" {
				name += " / "
			}
			name += a.Role.Label() + " " + who.Name
			line := 0
			if o, ok := t.Org(a.To); ok {
				line = o.Line
			}
			it := Item{What: DispatchEnd, Org: t.IDText(a.To), Name: name, Line: line, Ref: t.IDText(a.ID), Due: dd.Due,
				Rule: dd.Rule.ID, Source: dd.Rule.Source,
				Detail: fmt.Sprintf("%s %s, serving since %s, reaches the usual %d years on %s", a.Role.Label(), who.Name, a.Start, dd.Rule.Max, dd.Due)}
			if !yield(it) {
				return
			}
		}
	}
}

// Meetings yields a [Meeting] item for each organization and period of
// the checker's window whose required meetings are not all held (a
// shortfall, [orglife.Checker.Periods]), due on the period's last day,
// in the checker's order (organizations in the tree's pre-order, rules in
// rule-set order, periods in order). Count the meetings held so far
// first: a period still running lists what it still owes. Ref is the
// meeting type's code; Rule and Source are the frequency rule's. A nil
// checker yields nothing.
func Meetings(c *orglife.Checker) iter.Seq[Item] {
	return func(yield func(Item) bool) {
		if c == nil {
			return
		}
		t := c.Tree()
		pos, name, line := -1, "", 0
		for pc := range c.Periods() {
			if pc.Shortfall == 0 {
				continue
			}
			if pc.Pos != pos {
				pos, name, line = pc.Pos, "", 0
				if u, ok := t.Lookup(pc.Org); ok {
					name = t.PathString(u)
					o, _ := t.Org(u)
					line = o.Line
				}
			}
			it := Item{What: Meeting, Org: pc.Org, Name: name, Line: line, Ref: pc.Type.String(), Period: pc.Period,
				Unit: pc.Unit, Due: pc.To.AddDays(-1), Rule: pc.Rule, Source: pc.Source,
				Detail: fmt.Sprintf("%s: %d of %d held in %s (short %d)", pc.Type.Label(), pc.Held, pc.Required, pc.Period, pc.Shortfall)}
			if !yield(it) {
				return
			}
		}
	}
}

// Dues returns the dues items of one member's ledger as of asOf (the
// ledger as [dues.Rules.Arrears] takes it: months in order, each once),
// org and member being the caller's ids:
//
//   - a [DuesBackPay] item for each month with dues due and nothing paid
//     by asOf, due on the last day of the month rs.Provisions.BackPay.N
//     (6) months later: paying later is the DUES-BACK-PAY-6 finding;
//   - a [DuesLapse] item for the run of consecutive unpaid months that
//     runs up to asOf (the last months of the ledger up to asOf), due on
//     the last day before the run reaches rs.Provisions.Lapse.N (6)
//     months, if the months after the ledger stay unpaid, and one for each
//     earlier run that reached it (overdue: the lapse is a DUES-LAPSE-6
//     finding). A month with nothing due breaks a run, as in Arrears.
//
// A ledger Arrears refuses is refused with the same problems.
func Dues(rs dues.Rules, org, member string, ledger []dues.Payment, asOf dangjian.Date) ([]Item, error) {
	if _, err := rs.Arrears(member, ledger, asOf); err != nil {
		return nil, err
	}
	back, lapse := rs.Provisions.BackPay, rs.Provisions.Lapse
	var out []Item
	run, first, last := 0, dangjian.Date{}, dangjian.Date{}
	closeRun := func(open bool) {
		if run > 0 && lapse.ID != "" && lapse.N > 0 && lapse.N <= 1200 && (open || run >= int(lapse.N)) {
			period := monthText(first)
			if run > 1 {
				period += ".." + monthText(last)
			}
			due := monthEnd(first, int(lapse.N)-2)
			out = append(out, Item{What: DuesLapse, Org: org, Member: member, Period: period, Due: due,
				Rule: lapse.ID, Source: lapse.Source,
				Detail: fmt.Sprintf("%d consecutive months unpaid since %s: the %dth, %s, makes a lapse (按自行脱党处理 unless the branch finds a proper reason)",
					run, monthText(first), lapse.N, monthText(monthEnd(first, int(lapse.N)-1)))})
		}
		run = 0
	}
	for _, p := range ledger {
		if monthIndex(p.Month) > monthIndex(asOf) {
			break
		}
		paid := !p.Paid.IsZero() && !p.On.After(asOf)
		if p.Due.IsZero() || paid {
			closeRun(false)
			continue
		}
		if back.ID != "" && back.N >= 0 && back.N <= 1200 {
			due := monthEnd(p.Month, int(back.N))
			out = append(out, Item{What: DuesBackPay, Org: org, Member: member, Period: monthText(p.Month), Due: due,
				Rule: back.ID, Source: back.Source,
				Detail: fmt.Sprintf("dues for %s (%s) unpaid: back pay is normally at most %d months, by %s", monthText(p.Month), p.Due, back.N, due)})
		}
		if run == 0 {
			first = p.Month
		}
		run++
		last = p.Month
	}
	closeRun(true)
	return out, nil
}

func monthIndex(d dangjian.Date) int { return d.Year()*12 + int(d.Month()) - 1 }

func monthText(d dangjian.Date) string { return d.String()[:7] }

// monthEnd returns the last day of the month k months after d's.
func monthEnd(d dangjian.Date, k int) dangjian.Date {
	return dangjian.NewDate(d.Year(), d.Month(), 1).AddMonths(k + 1).AddDays(-1)
}

// daysBetween returns the days from a to b (negative when b is before a).
func daysBetween(a, b dangjian.Date) int {
	return int(b.Time().Sub(a.Time()) / (24 * time.Hour))
}
