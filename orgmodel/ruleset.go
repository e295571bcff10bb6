package orgmodel

import (
	"fmt"
	"slices"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/ruleset"
)

// RuleSet is a dated, named set of rules: the national defaults, or a
// province's or city's variant. It is a value: [RuleSet.With] and
// [RuleSet.Without] return new sets and never change the receiver, and
// [NationalRules] returns a fresh copy on each call.
type RuleSet struct {
	// Name identifies the set: "national", or a place's name for a set
	// that adds its local rules (place/yanji's is "延吉市").
	Name string `json:"name"`
	// Period is the window of dates the set is meant for; each rule also
	// carries its own effective window.
	Period dangjian.Period `json:"period"`
	Rules  []Rule          `json:"rules"`
}

// With returns a copy of rs with rules added; a rule whose ID is already in
// the set replaces it in place.
func (rs RuleSet) With(rules ...Rule) RuleSet {
	out := rs
	out.Rules = ruleset.With(rs.Rules, cloneRule, rules...)
	return out
}

// Without returns a copy of rs without the rules with these IDs.
func (rs RuleSet) Without(ids ...string) RuleSet {
	out := rs
	out.Rules = ruleset.Without(rs.Rules, cloneRule, ids...)
	return out
}

// Rule returns the rule with this ID.
func (rs RuleSet) Rule(id string) (Rule, bool) { return ruleset.Find(rs.Rules, cloneRule, id) }

func (rs RuleSet) clone() RuleSet {
	out := rs
	out.Rules = ruleset.Clone(rs.Rules, cloneRule)
	return out
}

func cloneRule(r Rule) Rule {
	r.Kinds = slices.Clone(r.Kinds)
	r.Domains = slices.Clone(r.Domains)
	r.ExceptDomains = slices.Clone(r.ExceptDomains)
	r.Roles = slices.Clone(r.Roles)
	r.Assumed = slices.Clone(r.Assumed)
	r.ApproverKinds = slices.Clone(r.ApproverKinds)
	r.ApproverDomains = slices.Clone(r.ApproverDomains)
	r.SiteKinds = slices.Clone(r.SiteKinds)
	return r
}

// ErrBadRule is the kind of the problems of [RuleSet.Check].
//
// Deprecated: use [dangjian.ErrBadRule].
var ErrBadRule = dangjian.ErrBadRule

// Check reports every problem of the set as a [dangjian.Problems] of kind
// [dangjian.ErrBadRule]: the header checks of [dangjian.CheckRules] (unique
// IDs, sources, periods, no overlap within a topic; their errors stay
// reachable with errors.Is), and for each rule an unknown check, an invalid
// modality, kind or domain, and parameters its check needs but lacks. Each
// of these problems gives the field as Path ("rules[42].basis") and the
// rule's ID as ID.
func (rs RuleSet) Check() error {
	var ps dangjian.Problems
	if err := dangjian.CheckRules(rs.Rules, func(r Rule) string { return r.Topic }); err != nil {
		errs := []error{err}
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			errs = j.Unwrap()
		}
		for _, e := range errs {
			ps.Add(&dangjian.Problem{Kind: dangjian.ErrBadRule, Detail: e.Error(), Err: e})
		}
	}
	for i, r := range rs.Rules {
		bad := func(field, why string) {
			ps.Add(&dangjian.Problem{Kind: dangjian.ErrBadRule, Path: fmt.Sprintf("rules[%d].%s", i, field),
				ID: r.ID, Detail: why})
		}
		if !r.Check.IsValid() {
			bad("check", fmt.Sprintf("unknown check %d", uint8(r.Check)))
			continue
		}
		if !r.Modality.IsValid() {
			bad("modality", "not set")
		}
		for _, k := range append(append(slices.Clone(r.Kinds), r.ApproverKinds...), r.Target) {
			if k != KindUnknown && !k.IsValid() {
				bad("kinds", fmt.Sprintf("invalid kind %d", k))
			}
		}
		for _, d := range append(append(slices.Clone(r.Domains), r.ExceptDomains...), r.ApproverDomains...) {
			if !d.IsValid() {
				bad("domains", fmt.Sprintf("invalid domain %d", d))
			}
		}
		needsThreshold := false
		switch r.Check {
		case MinMembers, MaxMembers, Upgrade, BelowThreshold, GroupSize, Congress:
			needsThreshold = true
			if r.Check == Upgrade && r.Max != 0 && int64(r.Max) <= r.N {
				bad("max", fmt.Sprintf("an upgrade's upper bound %d must lie above its threshold %d", r.Max, r.N))
			}
		case SecretaryOnly:
			needsThreshold = true
		case MaxUnits, SiteArea:
			if !r.Cmp.IsValid() {
				bad("cmp", "not set")
			}
		case CommitteeSize:
			if r.Min <= 0 || r.Max < r.Min || (r.SoftMax != 0 && r.SoftMax < r.Max) {
				bad("min/max", fmt.Sprintf("need 0 < min ≤ max ≤ softMax, have %d, %d, %d", r.Min, r.Max, r.SoftMax))
			}
			if r.N != 0 {
				needsThreshold = true
			}
		case RequiredPosts, MaxPosts, PostApproved:
			if len(r.Roles) == 0 {
				bad("roles", "empty")
			}
			if r.Check == PostApproved && !r.Approval.IsValid() {
				bad("approval", "the approval kind a post needs is not set")
			}
			if r.Check == RequiredPosts && r.N != 0 {
				needsThreshold = true
			}
		case TermLength:
			if r.Min <= 0 || r.Max < r.Min || r.Tolerance < 0 {
				bad("min/max", fmt.Sprintf("need 0 < min ≤ max and tolerance ≥ 0, have %d, %d, %d", r.Min, r.Max, r.Tolerance))
			}
		case TermDueSoon:
			if r.N <= 0 {
				bad("n", "months must be positive")
			}
		case ProjectBranch:
			if r.N <= 0 {
				bad("n", "months must be positive")
			}
			if r.Cmp != AtLeast {
				bad("cmp", "a project's length is counted at least N months")
			}
			if r.MinFull <= 0 {
				bad("minFull", "the full members that call for a branch must be positive")
			}
		case FormationApproval:
			if len(r.ApproverKinds) == 0 && len(r.ApproverDomains) == 0 {
				bad("approverKinds", "no approver kinds or domains")
			}
		case DispatchEligibility, DispatchTerm:
			if !r.Dispatch.IsValid() {
				bad("dispatch", "not set")
			}
			if r.Check == DispatchTerm && r.Max <= 0 {
				bad("max", "years must be positive")
			}
		}
		if needsThreshold {
			if !r.Basis.IsValid() {
				bad("basis", "not set")
			}
			if !r.Cmp.IsValid() {
				bad("cmp", "not set")
			}
		}
	}
	return ps.Err()
}
