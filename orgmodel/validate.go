package orgmodel

import (
	"fmt"

	"github.com/dangjian-go/dangjian"
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
// names from the root down (Name; at most [NameLevels] names, the middle of
// a deeper path left out) and the line of the organization's record when it
// was read from a file (Line). [Tree.Lookup] finds the organization of a
// Subject, and [Tree.PathString] its full path. Validate's memory is
// linear in the tree and its findings, whatever the depth.
//
// Each rule applies when it is in force on asOf, except term-length rules,
// which are chosen by the election date of the term (a committee elected in
// 2016 keeps the term rule of 2016), the first matching one in rule order.
// Post rules apply only to organizations with at least one post recorded,
// and term rules only to organizations with an election date recorded:
// many data sets carry counts only.
func (v *Validator) Validate(t *Tree, asOf dangjian.Date) (Report, error) {
	if err := v.check(t, asOf); err != nil {
		return Report{}, err
	}
	rep := Report{RuleSet: v.name, AsOf: asOf}
	c := checker{v: v, t: t, asOf: asOf, dueOrg: -1, nameOrg: -1}
	c.run()
	rep.Findings = c.findings()
	return rep, nil
}

// ValidateFunc is [Validator.Validate] for a caller that handles each
// finding as it comes (writes it out, counts it) rather than keeping them
// all: it calls each with every finding in turn, in the order of the
// report's findings, and keeps none of them, so that its memory does not
// grow with the findings. The finding each is given is valid only during
// the call. An error of each stops the validation and is returned; so is
// an error of Validate (a nil tree, a date outside the rule set's period),
// before any call.
func (v *Validator) ValidateFunc(t *Tree, asOf dangjian.Date, each func(*dangjian.Finding) error) error {
	if err := v.check(t, asOf); err != nil {
		return err
	}
	c := checker{v: v, t: t, asOf: asOf, dueOrg: -1, nameOrg: -1, each: each}
	c.run()
	return c.err
}

// check returns the error of validating t as of asOf, if any.
func (v *Validator) check(t *Tree, asOf dangjian.Date) error {
	if t == nil {
		return &dangjian.Problem{Kind: dangjian.ErrMissing, Detail: "no tree to validate"}
	}
	if !v.Covers(asOf) {
		return &dangjian.Problem{Kind: dangjian.ErrOutOfPeriod, Value: asOf.String(),
			Detail: fmt.Sprintf("rule set %q is for %s", v.name, v.period)}
	}
	return nil
}

// run applies the rules to every organization, then the other rules.
func (c *checker) run() {
	c.orgs(0, c.t.orgs.n)
	c.others()
}

// orgs applies the rules to the organizations at positions [lo, hi).
func (c *checker) orgs(lo, hi int) {
	for p := lo; p < hi; p++ {
		if c.err != nil {
			return
		}
		c.org(int32(p))
	}
}

// others applies the site, dispatch and body rules.
func (c *checker) others() {
	v := c.v
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
}
