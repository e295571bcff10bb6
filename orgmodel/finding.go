package orgmodel

import "github.com/dangjian-go/dangjian"

// Finding is one result of validation: which rule, how severe, which
// organization (Subject, by the caller's own ID), which site, body or
// assignment where the rule is about one (Ref), the path of names (Name),
// the offending value, a message and the rule's source.
//
// Deprecated: use [dangjian.Finding]; this alias goes in a later release.
type Finding = dangjian.Finding

// Report is the result of [Validate]: every finding, in tree order (then
// sites, assignments and bodies in record order), rule order within an
// organization.
type Report struct {
	RuleSet  string             `json:"ruleSet"`
	AsOf     dangjian.Date      `json:"asOf"`
	Findings []dangjian.Finding `json:"findings"`
}

// Count returns the number of findings of severity s.
func (r Report) Count(s Severity) int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity == s {
			n++
		}
	}
	return n
}

// HasErrors reports whether any finding has severity [Error].
func (r Report) HasErrors() bool { return r.Count(Error) > 0 }

// ByRule counts findings per rule ID.
func (r Report) ByRule() map[string]int {
	m := map[string]int{}
	for _, f := range r.Findings {
		m[f.Rule]++
	}
	return m
}
