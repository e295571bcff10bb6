package orgmodel

import (
	"encoding/json"

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

// findingJSON is the wire form of a Finding: Subject is omitted when not
// set (omitempty has no effect on a uuid.UUID, which is an array).
type findingJSON struct {
	Rule     string          `json:"rule"`
	Severity Severity        `json:"severity"`
	Org      uuid.UUID       `json:"org"`
	Subject  *uuid.UUID      `json:"subject,omitempty"`
	Path     string          `json:"path"`
	Field    string          `json:"field,omitempty"`
	Value    string          `json:"value"`
	Message  string          `json:"message"`
	Source   dangjian.Source `json:"source"`
	Approval *Approval       `json:"approval,omitempty"`
}

// MarshalJSON encodes the finding with lowerCamel keys; "subject" is left
// out when the finding is about the organization itself.
func (f Finding) MarshalJSON() ([]byte, error) {
	w := findingJSON{Rule: f.Rule, Severity: f.Severity, Org: f.Org, Path: f.Path, Field: f.Field,
		Value: f.Value, Message: f.Message, Source: f.Source, Approval: f.Approval}
	if f.Subject != uuid.Nil {
		s := f.Subject
		w.Subject = &s
	}
	return json.Marshal(w)
}

// UnmarshalJSON decodes what MarshalJSON encodes.
func (f *Finding) UnmarshalJSON(b []byte) error {
	var w findingJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*f = Finding{Rule: w.Rule, Severity: w.Severity, Org: w.Org, Path: w.Path, Field: w.Field,
		Value: w.Value, Message: w.Message, Source: w.Source, Approval: w.Approval}
	if w.Subject != nil {
		f.Subject = *w.Subject
	}
	return nil
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
