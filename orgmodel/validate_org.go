package orgmodel

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/dangjian-go/dangjian"
	"github.com/google/uuid"
)

func (c *checker) applies(ri int32, d Domain) bool { return c.v.applies(ri, d) }

// applies reports whether rule ri applies to an organization of domain d.
func (v *Validator) applies(ri int32, d Domain) bool {
	// DomainUnknown's bit is in no mask: domain-scoped rules skip it and
	// rules with exceptions apply to it.
	if v.domIn[ri] != 0 && v.domIn[ri]&d.bit() == 0 {
		return false
	}
	return v.domEx[ri]&d.bit() == 0
}

func (c *checker) org(p int32) {
	o := c.t.at(p)
	term := c.v.termRule(o.Kind, o.Domain, o.Term.Elected) // the term rule chosen by election date
	postsLo, postsHi := -1, -1
	posts := func() []Post {
		if postsLo < 0 {
			postsLo, postsHi = c.t.postRange(o.ID)
		}
		return c.t.posts[postsLo:postsHi]
	}
	total := c.t.total[p]
	for _, ri := range c.v.byKind[o.Kind&15] {
		r := &c.v.rules[ri]
		if !c.applies(ri, o.Domain) {
			continue
		}
		if r.Check == TermLength {
			if r == term {
				c.termLength(r, p)
			}
			continue
		}
		if !r.Period.Contains(c.asOf) {
			continue
		}
		count := total.Count(r.Basis)
		switch r.Check {
		case MinMembers:
			if !r.Cmp.Holds(count, r.N) {
				msg := fmt.Sprintf("%s has %d %s; the rule needs %s %d", c.quoted(o), count, basisWord(r.Basis), cmpWord(r.Cmp), r.N)
				if r.Target != KindUnknown && r.Target != o.Kind {
					msg += fmt.Sprintf(": form a %s (%s) with neighbouring units or place the members in another branch", r.Target.Label(), r.Target)
				}
				c.add(r, p, SeverityOf(r.Modality), field(r.Basis), strconv.FormatInt(count, 10), msg, nil)
			}
		case PostApproved:
			if c.t.recordsApprovals(r.Approval) {
				c.postApproved(r, p, posts())
			}
		case Congress:
			if r.Cmp.Holds(count, r.N) {
				c.add(r, p, SeverityOf(r.Modality), field(r.Basis), strconv.FormatInt(count, 10),
					fmt.Sprintf("%s has %d %s, %s %d: with approval it may elect through a 党员代表大会 instead of a 党员大会", c.quoted(o), count, basisWord(r.Basis), cmpWord(r.Cmp), r.N), nil)
			}
		case MaxMembers, Upgrade:
			if r.Cmp.Holds(count, r.N) && (r.Check != Upgrade || r.Max == 0 || count < int64(r.Max)) {
				verb := "a %s (%s) is expected"
				if r.Modality == dangjian.May {
					verb = "it may become a %s (%s) with approval"
				} else if r.Modality == dangjian.Usually && r.Check == MaxMembers {
					verb = "a %s (%s) is suggested"
				}
				msg := fmt.Sprintf("%s has %d %s, %s %d: "+verb, c.quoted(o), count, basisWord(r.Basis), cmpWord(r.Cmp), r.N, r.Target.Label(), r.Target)
				ap := c.approval(o, r)
				c.add(r, p, covered(SeverityOf(r.Modality), ap), field(r.Basis), strconv.FormatInt(count, 10), msg, ap)
			}
		case BelowThreshold:
			if !r.Cmp.Holds(count, r.N) {
				ap := c.approval(o, r)
				msg := fmt.Sprintf("%s has %d %s, not %s %d: it needs the upper organization's approval (因工作需要，经上级党组织批准)", c.quoted(o), count, basisWord(r.Basis), cmpWord(r.Cmp), r.N)
				if r.Approval == ApprovalUnknown {
					msg = fmt.Sprintf("%s has %d %s, not %s %d: the rule has no clause for fewer, and no approval covers it", c.quoted(o), count, basisWord(r.Basis), cmpWord(r.Cmp), r.N)
				} else if ap != nil {
					msg = fmt.Sprintf("%s has %d %s, not %s %d; set up with approval", c.quoted(o), count, basisWord(r.Basis), cmpWord(r.Cmp), r.N)
				}
				c.add(r, p, covered(SeverityOf(r.Modality), ap), field(r.Basis), strconv.FormatInt(count, 10), msg, ap)
			}
		case MaxUnits:
			if r.Cmp.Holds(int64(o.Units), r.N) {
				c.add(r, p, SeverityOf(r.Modality), "units", strconv.Itoa(o.Units),
					fmt.Sprintf("%s covers %d units, %s %d", c.quoted(o), o.Units, cmpWord(r.Cmp), r.N), nil)
			}
		case GroupSize:
			m := o.Members
			if !r.Cmp.Holds(m.Count(r.Basis), r.N) || m.Full < r.MinFull {
				c.add(r, p, SeverityOf(r.Modality), "members", fmt.Sprintf("%d (%d full)", m.Total(), m.Full),
					fmt.Sprintf("%s has %d members, %d of them full; the rule needs %s %d members with at least %d full", c.quoted(o), m.Total(), m.Full, cmpWord(r.Cmp), r.N, r.MinFull), nil)
			}
		case CommitteeSize, RequiredPosts, MaxPosts, SecretaryOnly:
			if ps := posts(); len(ps) > 0 {
				c.postRule(r, p, ps, count)
			}
		case TermOverdue, TermDueSoon:
			if !o.Term.Elected.IsZero() || !o.Term.Due.IsZero() {
				c.termDue(r, p, term)
			}
		case NoTerm:
			if !o.Term.IsZero() {
				c.add(r, p, SeverityOf(r.Modality), "term", o.Term.Elected.String(),
					fmt.Sprintf("%s is a dispatched or temporary body whose leaders are appointed; it has no electoral term, but one is recorded", c.quoted(o)), nil)
			}
		case FormationApproval:
			c.formation(r, ri, p)
		case ProjectBranch:
			if c.t.orgs.project(o) != nil {
				c.projectBranch(r, p, total.Full)
			}
		}
	}
}

// projectBranch reports a project under way that lasts r.N months or more,
// with at least r.MinFull full members, and is no branch and has none under
// it.
func (c *checker) projectBranch(r *Rule, p int32, full int64) {
	o := c.t.at(p)
	if o.Kind == PartyGroup {
		full = o.Members.Full // a group's members are its branch's, not in its total
	}
	pr := *c.t.orgs.project(o)
	if !pr.RunsOn(c.asOf) || !pr.Lasts(int(r.N), c.asOf) || full < r.MinFull || o.Kind.IsBranch() {
		return
	}
	for q := p + 1; q < c.t.end[p]; q++ {
		if c.t.at(q).Kind.IsBranch() {
			return
		}
	}
	span := pr.Start.String() + ".." + pr.End.String()
	length := fmt.Sprintf("from %s to %s, %d months or more", pr.Start, pr.End, r.N)
	if pr.End.IsZero() {
		length = fmt.Sprintf("from %s with no end recorded, run %d months or more by %s", pr.Start, r.N, c.asOf)
	}
	c.add(r, p, SeverityOf(r.Modality), "project", span,
		fmt.Sprintf("%s is a project %s, with %d full members and no party branch (%s) in it: a branch is expected",
			c.quoted(o), length, full, r.Target.Label()), nil)
}

func (c *checker) postRule(r *Rule, p int32, ps []Post, count int64) {
	o := c.t.at(p)
	triggered := r.N == 0 || r.Cmp.Holds(count, r.N)
	seats := map[uuid.UUID]bool{}
	held := map[Role]int{}
	extra := 0
	for _, q := range ps {
		if !q.ActiveOn(c.asOf) {
			continue
		}
		held[q.Role]++
		if q.Role.IsCommitteeSeat() {
			seats[q.Person] = true
			if q.Role != Secretary && q.Role != DeputySecretary {
				extra++
			}
		}
	}
	switch r.Check {
	case CommitteeSize:
		if !triggered {
			return
		}
		soft := r.SoftMax
		if soft == 0 {
			soft = r.Max
		}
		n := len(seats)
		switch {
		case n < r.Min:
			c.add(r, p, SeverityOf(r.Modality), "posts", strconv.Itoa(n),
				fmt.Sprintf("%s has a committee of %d; the rule needs %d to %d (at most %d)", c.quoted(o), n, r.Min, r.Max, soft), nil)
		case n > soft:
			c.add(r, p, Warning, "posts", strconv.Itoa(n),
				fmt.Sprintf("%s has a committee of %d, more than the usual maximum of %d", c.quoted(o), n, soft), nil)
		}
	case RequiredPosts:
		if !triggered {
			return
		}
		for _, role := range r.Roles {
			if held[role] == 0 {
				c.add(r, p, SeverityOf(r.Modality), "posts", role.Label(),
					fmt.Sprintf("%s has no %s (%s) in post on %s", c.quoted(o), role.Label(), role, c.asOf), nil)
			}
		}
	case MaxPosts:
		n := 0
		for _, role := range r.Roles {
			n += held[role]
		}
		if int64(n) > r.N {
			c.add(r, p, SeverityOf(r.Modality), "posts", strconv.Itoa(n),
				fmt.Sprintf("%s has %d holders of %s; at most %d", c.quoted(o), n, r.Roles[0].Label(), r.N), nil)
		}
	case SecretaryOnly:
		if triggered || extra == 0 {
			return
		}
		c.add(r, p, SeverityOf(r.Modality), "posts", strconv.Itoa(extra),
			fmt.Sprintf("%s has %d %s, fewer than %d: no committee, only a secretary (and at most one deputy), but %d other committee posts are recorded", c.quoted(o), count, basisWord(r.Basis), r.N, extra), nil)
	}
}

func (c *checker) formation(r *Rule, ri int32, p int32) {
	o := c.t.at(p)
	unidentified := false
	for _, a := range c.t.orgs.approvals(o) {
		if a.Kind != Formation {
			continue
		}
		q, ok := c.t.index.get(a.By)
		if !ok {
			unidentified = true
			continue
		}
		ap := c.t.at(q)
		if c.v.apKinds[ri]&(1<<(ap.Kind&15)) != 0 || (ap.Domain != DomainUnknown && c.v.approve[ri]&ap.Domain.bit() != 0) {
			return
		}
	}
	if unidentified {
		c.add(r, p, Warning, "approvals", "",
			fmt.Sprintf("%s has a formation approval whose approver is not in the tree; its level cannot be checked", c.quoted(o)), nil)
		return
	}
	by := " has no formation approval by a township committee or a higher organization"
	if len(r.ApproverDomains) == 0 && len(r.ApproverKinds) == 1 && r.ApproverKinds[0] == LocalCommittee {
		by = " has no formation approval by a local committee (县级 or higher)"
	}
	// The most frequent finding of a national tree: built without fmt.
	c.add(r, p, SeverityOf(r.Modality), "approvals", "", c.quoted(o)+by, nil)
}

// postApproved reports each post of r.Roles held on the validation date
// that no approval of kind r.Approval, dated on or after its start, covers.
func (c *checker) postApproved(r *Rule, p int32, ps []Post) {
	o := c.t.at(p)
	for _, q := range ps {
		if !q.ActiveOn(c.asOf) || !slices.Contains(r.Roles, q.Role) {
			continue
		}
		ok := false
		for _, a := range c.t.orgs.approvals(o) {
			if a.Kind == r.Approval && (a.On.IsZero() || q.Start.IsZero() || !a.On.Before(q.Start)) {
				ok = true
				break
			}
		}
		if !ok {
			since := ""
			if !q.Start.IsZero() {
				since = " since " + q.Start.String()
			}
			c.add(r, p, SeverityOf(r.Modality), "approvals", q.Role.String(),
				fmt.Sprintf("%s: the %s in post%s has no %s recorded", c.quoted(o), q.Role.Label(), since, r.Approval.Label()), nil)
		}
	}
}
