package orgmodel

import (
	"github.com/dangjian-go/dangjian"
	"github.com/google/uuid"
)

// Finding is one result of validation: which rule, how severe, which
// organization (and which site, body or assignment, where the rule is about
// one), the offending value, a message, and the rule's source.
type Finding struct {
	Rule     string    `json:"rule"`
	Severity Severity  `json:"severity"`
	Org      uuid.UUID `json:"org"`
	// Subject is the site, body or assignment the finding is about, if any.
	Subject uuid.UUID `json:"subject,omitempty"`
	// Path names the organization from the root down ("延吉市委 / …").
	Path string `json:"path"`
	// Field is the field the value was read from ("members.full").
	Field string `json:"field,omitempty"`
	// Value is the value found, as text.
	Value   string          `json:"value"`
	Message string          `json:"message"`
	Source  dangjian.Source `json:"source"`
	// Approval is the approval record that downgraded the finding to Info.
	Approval *Approval `json:"approval,omitempty"`
}

// Report is the result of [Validate]: every finding, in tree order (then
// sites, assignments and bodies in record order), rule order within an
// organization.
type Report struct {
	RuleSet  string        `json:"ruleSet"`
	AsOf     dangjian.Date `json:"asOf"`
	Findings []Finding     `json:"findings"`
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
