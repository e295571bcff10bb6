package orgmodel

import (
	"fmt"

	"github.com/dangjian-go/dangjian"
	"github.com/shopspring/decimal"
)

func (c *checker) sites(r *Rule) {
	if !r.Period.Contains(c.asOf) {
		return
	}
	min := decimal.NewFromInt(r.N)
	for _, s := range c.t.sites {
		match := false
		for _, k := range r.SiteKinds {
			match = match || k == s.Kind
		}
		if !match {
			continue
		}
		cmp := s.Area.Cmp(min)
		ok := cmp >= 0
		if r.Cmp == MoreThan {
			ok = cmp > 0
		}
		if !ok {
			c.subject(r, s.Org, s.ID, s.Name, SeverityOf(r.Modality), "area", s.Area.String(),
				fmt.Sprintf("%s %q has %s ㎡; the standard is %s %d ㎡", s.Kind.Label(), s.Name, s.Area, cmpWord(r.Cmp), r.N))
		}
	}
}

func (c *checker) dispatches(r *Rule) {
	for _, a := range c.t.assignments {
		if a.Role != r.Dispatch || !r.Period.Contains(a.Start) {
			continue
		}
		who, _ := c.t.Person(a.Person)
		label := a.Role.Label() + " " + who.Name
		assumed := assumedNote(r, a.Start)
		switch r.Check {
		case DispatchEligibility:
			switch {
			case who.Status != FullMember:
				c.subject(r, a.To, a.ID, label, SeverityOf(r.Modality), "status", who.Status.String(),
					fmt.Sprintf("%s %q is not a full party member (%s)", a.Role.Label(), who.Name, who.Status.Label())+assumed)
			case who.FullSince.IsZero():
				c.subject(r, a.To, a.ID, label, Warning, "fullSince", "",
					fmt.Sprintf("%s %q: the date of full membership is not recorded, so the %d-year standing cannot be checked", a.Role.Label(), who.Name, r.N))
			case a.Start.Before(who.FullSince.AddYears(int(r.N))):
				c.subject(r, a.To, a.ID, label, SeverityOf(r.Modality), "fullSince", who.FullSince.String(),
					fmt.Sprintf("%s %q has been a full member since %s, less than %d year(s) before the start on %s", a.Role.Label(), who.Name, who.FullSince, r.N, a.Start)+assumed)
			}
		case DispatchTerm:
			end := a.End
			running := end.IsZero()
			if running {
				end = c.asOf
			}
			if end.After(a.Start.AddYears(r.Max)) {
				how := fmt.Sprintf("from %s to %s", a.Start, a.End)
				if running {
					how = fmt.Sprintf("since %s (still serving on %s)", a.Start, c.asOf)
				}
				c.subject(r, a.To, a.ID, label, SeverityOf(r.Modality), "end", end.String(),
					fmt.Sprintf("%s %q has served %s, more than the usual %d years", a.Role.Label(), who.Name, how, r.Max)+assumed)
			}
		}
	}
}

func (c *checker) noRoster(r *Rule) {
	if !r.Period.Contains(c.asOf) {
		return
	}
	for _, b := range c.t.bodies {
		if !b.Kind.IsCoordination() {
			continue
		}
		lo, hi := c.t.postRange(b.ID)
		for _, q := range c.t.posts[lo:hi] {
			if q.Role.IsCommitteeSeat() {
				c.subject(r, b.Org, b.ID, b.Name, SeverityOf(r.Modality), "posts", q.Role.Label(),
					fmt.Sprintf("%s %q is a coordination body, not a party organization: it has no %s (%s); its chair rotates among member organizations", b.Kind.Label(), b.Name, q.Role.Label(), q.Role))
			}
		}
	}
}

// assumedNote returns, for a rule chosen by the date on, the notes of the
// assumed days that decided the choice (" (the rule applies by a day …)"),
// or "".
func assumedNote(r *Rule, on dangjian.Date) string {
	var out string
	for _, a := range r.Assumed {
		if a.Decides(on) {
			out += " (the rule was chosen by the date " + on.String() + ", " + a.Note() + ")"
		}
	}
	return out
}
