package dangjian

import "encoding/json"

// Finding is one rule applied to valid input, in the one shape every
// package of the module uses: which rule, how severe, which subject (by the
// caller's own code or ID), the value found, a message and the rule's
// source. orgmodel's formation findings, funding's dues arrears and pay
// floors, and assess's gate hits are all Findings.
//
// A Finding is a plain value. It encodes to JSON with stable lowerCamel
// keys; empty fields are left out, except rule, severity, message and
// source.
type Finding struct {
	// Rule is the ID of the rule applied.
	Rule string
	// Severity follows the rule's modality (see [SeverityOf]).
	Severity Severity
	// Subject is the caller's code or ID of what the finding is about: an
	// organization's code, a member's ID, a secretary's subject ID.
	Subject string
	// Ref names the part of the subject the finding is about, if any (a
	// site, body or assignment by its code; a grade a gate forbids).
	Ref string
	// Name names the subject for people ("延吉市委 / 某公司党支部").
	Name string
	// Field is the field the value was read from ("members.full").
	Field string
	// Value is the value found, as text.
	Value string
	// On is the date or month the finding is about, if it is about one
	// (the month of a late payment); the zero Date when not.
	On Date
	// Line is the line of the subject's record in the input file, when it
	// was read from one; 0 otherwise.
	Line int
	// Message says what was found, in words.
	Message string
	// Source cites the rule.
	Source Source
	// Approval is the approval record that downgraded the finding to
	// [Info], if any.
	Approval *Approval
}

// Approval records a decision of an upper organization that a rule's
// finding may rely on: who approved (by the caller's code, or by name),
// when, and the document number of the reply (批复文号).
type Approval struct {
	// Kind is the approval's kind as a stable code ("below_threshold").
	Kind string `json:"kind,omitempty"`
	// Rule, if set, limits the approval to the rule with that ID.
	Rule   string `json:"rule,omitempty"`
	By     string `json:"by,omitempty"`
	ByName string `json:"byName,omitempty"`
	On     Date   `json:"on"`
	Ref    string `json:"ref,omitempty"`
}

type findingJSON struct {
	Rule     string    `json:"rule"`
	Severity Severity  `json:"severity"`
	Subject  string    `json:"subject,omitempty"`
	Ref      string    `json:"ref,omitempty"`
	Name     string    `json:"name,omitempty"`
	Field    string    `json:"field,omitempty"`
	Value    string    `json:"value,omitempty"`
	On       *Date     `json:"on,omitempty"`
	Line     int       `json:"line,omitempty"`
	Message  string    `json:"message"`
	Source   Source    `json:"source"`
	Approval *Approval `json:"approval,omitempty"`
}

// MarshalJSON encodes the finding with the keys rule, severity, subject,
// ref, name, field, value, on, line, message, source and approval.
func (f Finding) MarshalJSON() ([]byte, error) {
	w := findingJSON{Rule: f.Rule, Severity: f.Severity, Subject: f.Subject, Ref: f.Ref,
		Name: f.Name, Field: f.Field, Value: f.Value, Line: f.Line, Message: f.Message,
		Source: f.Source, Approval: f.Approval}
	if !f.On.IsZero() {
		on := f.On
		w.On = &on
	}
	return json.Marshal(w)
}

// UnmarshalJSON decodes what MarshalJSON encodes.
func (f *Finding) UnmarshalJSON(b []byte) error {
	var w findingJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*f = Finding{Rule: w.Rule, Severity: w.Severity, Subject: w.Subject, Ref: w.Ref,
		Name: w.Name, Field: w.Field, Value: w.Value, Line: w.Line, Message: w.Message,
		Source: w.Source, Approval: w.Approval}
	if w.On != nil {
		f.On = *w.On
	}
	return nil
}
