package orgmodel

import (
	"fmt"
	"strconv"

	"github.com/dangjian-go/dangjian"
)

// dueDate is [dueDate] for the organization at p, cached.
func (c *checker) dueDate(p int32, term *Rule) (dangjian.Date, bool) {
	if c.dueOrg != p || c.dueTerm != term {
		c.due, c.dueOK = dueDate(&c.t.at(p).Term, term)
		c.dueOrg, c.dueTerm = p, term
	}
	return c.due, c.dueOK
}

// dueSoonHorizon returns asOf plus months months.
func (c *checker) dueSoonHorizon(months int64) dangjian.Date {
	if c.soon.IsZero() || c.soonMonths != months {
		c.soon, c.soonMonths = c.asOf.AddMonths(int(months)), months
	}
	return c.soon
}

// dueDate returns the due date of term t: the recorded one, or the
// election date plus the chosen term rule's maximum.
func dueDate(t *Term, term *Rule) (dangjian.Date, bool) {
	if !t.Due.IsZero() {
		return t.Due, true
	}
	if term == nil || t.Elected.IsZero() {
		return dangjian.Date{}, false
	}
	return t.Elected.AddYears(term.Max), true
}

func (c *checker) termLength(r *Rule, p int32) {
	o := c.t.at(p)
	el, due := o.Term.Elected, o.Term.Due
	if due.IsZero() {
		return // computed from the rule; nothing to compare
	}
	lo, hi := el.AddYears(r.Min), el.AddYears(r.Max)
	if !due.Before(lo) && !due.After(hi) {
		return
	}
	within := !due.Before(el.AddYears(r.Min-r.Tolerance)) && !due.After(el.AddYears(r.Max+r.Tolerance))
	ap := c.approval(o, r)
	span := fmt.Sprintf("%d years", r.Min)
	if r.Max != r.Min {
		span = fmt.Sprintf("%d to %d years", r.Min, r.Max)
	}
	msg := fmt.Sprintf("%s elected on %s is due on %s; the term is %s", c.quoted(o), el, due, span)
	switch {
	case within && ap != nil:
		c.add(r, p, Info, "term.due", due.String(), msg+", changed with approval", ap)
	case within:
		c.add(r, p, Error, "term.due", due.String(), msg+fmt.Sprintf("; a change of up to %d year needs the upper organization's approval", r.Tolerance), nil)
	case ap != nil:
		c.add(r, p, Warning, "term.due", due.String(), msg+fmt.Sprintf("; approved, but more than %d year off", r.Tolerance), ap)
	default:
		c.add(r, p, Error, "term.due", due.String(), msg+fmt.Sprintf("; more than %d year off", r.Tolerance), nil)
	}
}

func (c *checker) termDue(r *Rule, p int32, term *Rule) {
	o := c.t.at(p)
	due, ok := c.dueDate(p, term)
	if !ok {
		return
	}
	ren := o.Term.Renewed
	switch r.Check {
	case TermOverdue:
		switch {
		case ren.IsZero() && c.asOf.After(due):
			// The most frequent findings are built without fmt.
			ap := c.approval(o, r)
			ds := due.String()
			c.add(r, p, covered(SeverityOf(r.Modality), ap), "term.due", ds,
				c.quoted(o)+"'s term was due on "+ds+" and no 换届 is recorded as of "+c.asOf.String(), ap)
		case !ren.IsZero() && ren.After(due):
			ap := c.approval(o, r)
			c.add(r, p, covered(SeverityOf(r.Modality), ap), "term.renewed", ren.String(),
				fmt.Sprintf("%s held its 换届 on %s, after the due date %s", c.quoted(o), ren, due), ap)
		}
	case TermDueSoon:
		if ren.IsZero() && !c.asOf.After(due) && due.Before(c.dueSoonHorizon(r.N)) {
			ds := due.String()
			c.add(r, p, SeverityOf(r.Modality), "term.due", ds,
				c.quoted(o)+"'s term is due on "+ds+", within "+strconv.FormatInt(r.N, 10)+" months: prepare the 换届", nil)
		}
	}
}
