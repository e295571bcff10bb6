package orgmodel

import (
	"fmt"
	"strconv"

	"github.com/dangjian-go/dangjian"
	"github.com/google/uuid"
	"github.com/shopspring/decimal"
)

// Validator applies a checked [RuleSet] to trees. Build one with
// [NewValidator] and reuse it: a Validator is immutable and safe for
// concurrent use by multiple goroutines.
type Validator struct {
	rules   []Rule
	name    string
	period  dangjian.Period
	byKind  [16][]int32 // per-organization rules for each kind
	other   []int32     // site, dispatch and body rules
	domIn   []uint64
	domEx   []uint64
	approve []uint64 // approver domains
	apKinds []uint16
}

// NewValidator checks rs (see [RuleSet.Check]: its problems are the
// error) and prepares it for validation. The validator keeps its own copy
// of the rules.
func NewValidator(rs RuleSet) (*Validator, error) {
	if err := rs.Check(); err != nil {
		return nil, err
	}
	rs = rs.clone()
	v := &Validator{rules: rs.Rules, name: rs.Name, period: rs.Period}
	n := len(rs.Rules)
	v.domIn, v.domEx, v.approve, v.apKinds = make([]uint64, n), make([]uint64, n), make([]uint64, n), make([]uint16, n)
	for i, r := range rs.Rules {
		for _, d := range r.Domains {
			v.domIn[i] |= d.bit()
		}
		for _, d := range r.ExceptDomains {
			v.domEx[i] |= d.bit()
		}
		for _, d := range r.ApproverDomains {
			v.approve[i] |= d.bit()
		}
		for _, k := range r.ApproverKinds {
			v.apKinds[i] |= 1 << (k & 15)
		}
		switch r.Check {
		case SiteArea, DispatchEligibility, DispatchTerm, NoRoster:
			v.other = append(v.other, int32(i))
			continue
		}
		kinds := r.Kinds
		if len(kinds) == 0 {
			kinds = Kinds()
		}
		for _, k := range kinds {
			v.byKind[k&15] = append(v.byKind[k&15], int32(i))
		}
	}
	return v, nil
}

// Validate validates t against rs as of the date asOf. It is exactly
// [NewValidator] followed by [Validator.Validate]: the same checks and the
// same results. The error reports a bad rule set, a nil tree, or a date the
// set is not meant for ([dangjian.ErrOutOfPeriod]).
func Validate(t *Tree, rs RuleSet, asOf dangjian.Date) (Report, error) {
	v, err := NewValidator(rs)
	if err != nil {
		return Report{}, err
	}
	return v.Validate(t, asOf)
}

// Covers reports whether the validator's rule set is meant for date d (its
// [RuleSet.Period] contains d). [Validator.Validate] refuses other dates;
// within the period each rule applies by its own effective window.
func (v *Validator) Covers(d dangjian.Date) bool { return v.period.Contains(d) }

// Validate returns every finding of the validator's rules on t as of asOf.
// It never changes t. A nil tree is an error ([dangjian.ErrMissing]), and so
// is a date outside the rule set's period ([dangjian.ErrOutOfPeriod]; see
// [Validator.Covers]): both give an empty report.
//
// Each finding names its organization by the caller's own ID (Subject: the
// [Org.Key], or the UUID when the organization has no key), the site, body
// or assignment it is about by its ID in the same way (Ref), the path of
// names from the root down (Name) and the line of the organization's record
// when it was read from a file (Line). [Tree.Lookup] finds the
// organization of a Subject.
//
// Each rule applies when it is in force on asOf, except term-length rules,
// which are chosen by the election date of the term (a committee elected in
// 2016 keeps the term rule of 2016), the first matching one in rule order.
// Post rules apply only to organizations with at least one post recorded,
// and term rules only to organizations with an election date recorded:
// many data sets carry counts only.
func (v *Validator) Validate(t *Tree, asOf dangjian.Date) (Report, error) {
	if t == nil {
		return Report{}, &dangjian.Problem{Kind: dangjian.ErrMissing, Detail: "no tree to validate"}
	}
	if !v.Covers(asOf) {
		return Report{}, &dangjian.Problem{Kind: dangjian.ErrOutOfPeriod, Value: asOf.String(),
			Detail: fmt.Sprintf("rule set %q is for %s", v.name, v.period)}
	}
	rep := Report{RuleSet: v.name, AsOf: asOf}
	c := checker{v: v, t: t, asOf: asOf, dueOrg: -1}
	for p := range t.orgs {
		c.org(int32(p))
	}
	for _, ri := range v.other {
		r := &v.rules[ri]
		switch r.Check {
		case SiteArea:
			c.sites(r)
		case DispatchEligibility, DispatchTerm:
			c.dispatches(r)
		case NoRoster:
			c.noRoster(r)
		}
	}
	rep.Findings = c.findings()
	return rep, nil
}

type checker struct {
	v    *Validator
	t    *Tree
	asOf dangjian.Date
	// Findings are gathered in chunks of growing size and copied once into
	// a slice of the exact length: appending to one slice would copy the
	// findings of a national-scale tree many times over.
	done [][]Finding
	cur  []Finding
	n    int
	// soon caches asOf plus soonMonths months, the horizon of TermDueSoon.
	soon       dangjian.Date
	soonMonths int64
	// due caches the due date of organization dueOrg under the term rule
	// dueTerm: the term checks of one organization share it.
	dueOrg  int32
	dueTerm *Rule
	due     dangjian.Date
	dueOK   bool
}

// dueDate is [dueDate] for the organization at p, cached.
func (c *checker) dueDate(p int32, term *Rule) (dangjian.Date, bool) {
	if c.dueOrg != p || c.dueTerm != term {
		c.due, c.dueOK = dueDate(&c.t.orgs[p], term)
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

// maxChunk bounds the findings gathered in one chunk.
const maxChunk = 1 << 14

func (c *checker) push(f Finding) {
	if len(c.cur) == cap(c.cur) {
		size := 16
		if c.cur != nil {
			c.done = append(c.done, c.cur)
			size = min(2*cap(c.cur), maxChunk)
		}
		c.cur = make([]Finding, 0, size)
	}
	c.cur = append(c.cur, f)
	c.n++
}

// findings returns every finding pushed, in order; nil when there are none.
func (c *checker) findings() []Finding {
	if len(c.done) == 0 {
		return c.cur
	}
	out := make([]Finding, 0, c.n)
	for _, ch := range c.done {
		out = append(out, ch...)
	}
	return append(out, c.cur...)
}

func (c *checker) applies(ri int32, d Domain) bool {
	// DomainUnknown's bit is in no mask: domain-scoped rules skip it and
	// rules with exceptions apply to it.
	if c.v.domIn[ri] != 0 && c.v.domIn[ri]&d.bit() == 0 {
		return false
	}
	return c.v.domEx[ri]&d.bit() == 0
}

func (c *checker) add(r *Rule, p int32, sev Severity, field, value, msg string, ap *Approval) {
	o := &c.t.orgs[p]
	c.push(Finding{Rule: r.ID, Severity: sev, Subject: o.keyText(), Name: c.t.pathString(p), Field: field,
		Value: value, Line: o.Line, Message: msg, Source: r.Source, Approval: c.t.approval(ap)})
}

// covered returns Info when an approval covers the finding, else sev.
func covered(sev Severity, ap *Approval) Severity {
	if ap != nil {
		return Info
	}
	return sev
}

// approval returns the approval of o that covers rule r, if any.
func approval(o *Org, r *Rule) *Approval {
	if r.Approval == ApprovalUnknown {
		return nil
	}
	for i := range o.Approvals {
		if o.Approvals[i].Covers(r.Approval, r.ID) {
			return &o.Approvals[i]
		}
	}
	return nil
}

// name returns the kind label and the quoted name, as "%s %q" formats them.
func name(o *Org) string { return o.Kind.Label() + " " + strconv.Quote(o.Name) }

func basisWord(b Basis) string {
	if b == FullMembers {
		return "full members"
	}
	return "members"
}

func field(b Basis) string {
	if b == FullMembers {
		return "members.full"
	}
	return "members"
}

func cmpWord(c Comparison) string {
	if c == MoreThan {
		return "more than"
	}
	return "at least"
}

func (c *checker) org(p int32) {
	o := &c.t.orgs[p]
	termDone := false
	var term *Rule // the term rule chosen by election date
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
			if termDone || o.Term.Elected.IsZero() || !r.Period.Contains(o.Term.Elected) {
				continue
			}
			termDone, term = true, r
			c.termLength(r, p)
			continue
		}
		if !r.Period.Contains(c.asOf) {
			continue
		}
		count := total.Count(r.Basis)
		switch r.Check {
		case MinMembers:
			if !r.Cmp.Holds(count, r.N) {
				msg := fmt.Sprintf("%s has %d %s; the rule needs %s %d", name(o), count, basisWord(r.Basis), cmpWord(r.Cmp), r.N)
				if r.Target != KindUnknown && r.Target != o.Kind {
					msg += fmt.Sprintf(": form a %s (%s) with neighbouring units or place the members in another branch", r.Target.Label(), r.Target)
				}
				c.add(r, p, SeverityOf(r.Modality), field(r.Basis), strconv.FormatInt(count, 10), msg, nil)
			}
		case MaxMembers, Upgrade:
			if r.Cmp.Holds(count, r.N) {
				verb := "a %s (%s) is expected"
				if r.Modality == dangjian.May {
					verb = "it may become a %s (%s) with approval"
				} else if r.Modality == dangjian.Usually && r.Check == MaxMembers {
					verb = "a %s (%s) is suggested"
				}
				msg := fmt.Sprintf("%s has %d %s, %s %d: "+verb, name(o), count, basisWord(r.Basis), cmpWord(r.Cmp), r.N, r.Target.Label(), r.Target)
				ap := approval(o, r)
				c.add(r, p, covered(SeverityOf(r.Modality), ap), field(r.Basis), strconv.FormatInt(count, 10), msg, ap)
			}
		case BelowThreshold:
			if !r.Cmp.Holds(count, r.N) {
				ap := approval(o, r)
				msg := fmt.Sprintf("%s has %d %s, not %s %d: it needs the upper organization's approval (因工作需要，经上级党组织批准)", name(o), count, basisWord(r.Basis), cmpWord(r.Cmp), r.N)
				if ap != nil {
					msg = fmt.Sprintf("%s has %d %s, not %s %d; set up with approval", name(o), count, basisWord(r.Basis), cmpWord(r.Cmp), r.N)
				}
				c.add(r, p, covered(SeverityOf(r.Modality), ap), field(r.Basis), strconv.FormatInt(count, 10), msg, ap)
			}
		case MaxUnits:
			if r.Cmp.Holds(int64(o.Units), r.N) {
				c.add(r, p, SeverityOf(r.Modality), "units", strconv.Itoa(o.Units),
					fmt.Sprintf("%s covers %d units, %s %d", name(o), o.Units, cmpWord(r.Cmp), r.N), nil)
			}
		case GroupSize:
			m := o.Members
			if !r.Cmp.Holds(m.Count(r.Basis), r.N) || m.Full < r.MinFull {
				c.add(r, p, SeverityOf(r.Modality), "members", fmt.Sprintf("%d (%d full)", m.Total(), m.Full),
					fmt.Sprintf("%s has %d members, %d of them full; the rule needs %s %d members with at least %d full", name(o), m.Total(), m.Full, cmpWord(r.Cmp), r.N, r.MinFull), nil)
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
					fmt.Sprintf("%s is a dispatched or temporary body whose leaders are appointed; it has no electoral term, but one is recorded", name(o)), nil)
			}
		case FormationApproval:
			c.formation(r, ri, p)
		}
	}
}

func (c *checker) postRule(r *Rule, p int32, ps []Post, count int64) {
	o := &c.t.orgs[p]
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
				fmt.Sprintf("%s has a committee of %d; the rule needs %d to %d (at most %d)", name(o), n, r.Min, r.Max, soft), nil)
		case n > soft:
			c.add(r, p, Warning, "posts", strconv.Itoa(n),
				fmt.Sprintf("%s has a committee of %d, more than the usual maximum of %d", name(o), n, soft), nil)
		}
	case RequiredPosts:
		if !triggered {
			return
		}
		for _, role := range r.Roles {
			if held[role] == 0 {
				c.add(r, p, SeverityOf(r.Modality), "posts", role.Label(),
					fmt.Sprintf("%s has no %s (%s) in post on %s", name(o), role.Label(), role, c.asOf), nil)
			}
		}
	case MaxPosts:
		n := 0
		for _, role := range r.Roles {
			n += held[role]
		}
		if int64(n) > r.N {
			c.add(r, p, SeverityOf(r.Modality), "posts", strconv.Itoa(n),
				fmt.Sprintf("%s has %d holders of %s; at most %d", name(o), n, r.Roles[0].Label(), r.N), nil)
		}
	case SecretaryOnly:
		if triggered || extra == 0 {
			return
		}
		c.add(r, p, SeverityOf(r.Modality), "posts", strconv.Itoa(extra),
			fmt.Sprintf("%s has %d %s, fewer than %d: no committee, only a secretary (and at most one deputy), but %d other committee posts are recorded", name(o), count, basisWord(r.Basis), r.N, extra), nil)
	}
}

// dueDate returns the due date of o's term: the recorded one, or the
// election date plus the chosen term rule's maximum.
func dueDate(o *Org, term *Rule) (dangjian.Date, bool) {
	if !o.Term.Due.IsZero() {
		return o.Term.Due, true
	}
	if term == nil || o.Term.Elected.IsZero() {
		return dangjian.Date{}, false
	}
	return o.Term.Elected.AddYears(term.Max), true
}

func (c *checker) termLength(r *Rule, p int32) {
	o := &c.t.orgs[p]
	el, due := o.Term.Elected, o.Term.Due
	if due.IsZero() {
		return // computed from the rule; nothing to compare
	}
	lo, hi := el.AddYears(r.Min), el.AddYears(r.Max)
	if !due.Before(lo) && !due.After(hi) {
		return
	}
	within := !due.Before(el.AddYears(r.Min-r.Tolerance)) && !due.After(el.AddYears(r.Max+r.Tolerance))
	ap := approval(o, r)
	span := fmt.Sprintf("%d years", r.Min)
	if r.Max != r.Min {
		span = fmt.Sprintf("%d to %d years", r.Min, r.Max)
	}
	msg := fmt.Sprintf("%s elected on %s is due on %s; the term is %s", name(o), el, due, span)
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
	o := &c.t.orgs[p]
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
			ap := approval(o, r)
			ds := due.String()
			c.add(r, p, covered(SeverityOf(r.Modality), ap), "term.due", ds,
				name(o)+"'s term was due on "+ds+" and no 换届 is recorded as of "+c.asOf.String(), ap)
		case !ren.IsZero() && ren.After(due):
			ap := approval(o, r)
			c.add(r, p, covered(SeverityOf(r.Modality), ap), "term.renewed", ren.String(),
				fmt.Sprintf("%s held its 换届 on %s, after the due date %s", name(o), ren, due), ap)
		}
	case TermDueSoon:
		if ren.IsZero() && !c.asOf.After(due) && due.Before(c.dueSoonHorizon(r.N)) {
			ds := due.String()
			c.add(r, p, SeverityOf(r.Modality), "term.due", ds,
				name(o)+"'s term is due on "+ds+", within "+strconv.FormatInt(r.N, 10)+" months: prepare the 换届", nil)
		}
	}
}

func (c *checker) formation(r *Rule, ri int32, p int32) {
	o := &c.t.orgs[p]
	unidentified := false
	for _, a := range o.Approvals {
		if a.Kind != Formation {
			continue
		}
		q, ok := c.t.index[a.By]
		if !ok {
			unidentified = true
			continue
		}
		ap := &c.t.orgs[q]
		if c.v.apKinds[ri]&(1<<(ap.Kind&15)) != 0 || (ap.Domain != DomainUnknown && c.v.approve[ri]&ap.Domain.bit() != 0) {
			return
		}
	}
	if unidentified {
		c.add(r, p, Warning, "approvals", "",
			fmt.Sprintf("%s has a formation approval whose approver is not in the tree; its level cannot be checked", name(o)), nil)
		return
	}
	c.add(r, p, SeverityOf(r.Modality), "approvals", "",
		fmt.Sprintf("%s has no formation approval by a township committee or a higher organization", name(o)), nil)
}

func (c *checker) subject(r *Rule, org, subject uuid.UUID, label string, sev Severity, fieldName, value, msg string) {
	f := Finding{Rule: r.ID, Severity: sev, Subject: c.t.IDText(org), Ref: c.t.IDText(subject), Field: fieldName,
		Value: value, Message: msg, Source: r.Source}
	if p, ok := c.t.index[org]; ok {
		f.Name = c.t.pathString(p)
		f.Line = c.t.orgs[p].Line
	}
	if label != "" {
		if f.Name != "" {
			f.Name += " / "
		}
		f.Name += label
	}
	c.push(f)
}

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
		switch r.Check {
		case DispatchEligibility:
			switch {
			case who.Status != FullMember:
				c.subject(r, a.To, a.ID, label, SeverityOf(r.Modality), "status", who.Status.String(),
					fmt.Sprintf("%s %q is not a full party member (%s)", a.Role.Label(), who.Name, who.Status.Label()))
			case who.FullSince.IsZero():
				c.subject(r, a.To, a.ID, label, Warning, "fullSince", "",
					fmt.Sprintf("%s %q: the date of full membership is not recorded, so the %d-year standing cannot be checked", a.Role.Label(), who.Name, r.N))
			case a.Start.Before(who.FullSince.AddYears(int(r.N))):
				c.subject(r, a.To, a.ID, label, SeverityOf(r.Modality), "fullSince", who.FullSince.String(),
					fmt.Sprintf("%s %q has been a full member since %s, less than %d year(s) before the start on %s", a.Role.Label(), who.Name, who.FullSince, r.N, a.Start))
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
					fmt.Sprintf("%s %q has served %s, more than the usual %d years", a.Role.Label(), who.Name, how, r.Max))
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
