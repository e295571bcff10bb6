package orgmodel

import "github.com/dangjian-go/dangjian"

// TermDue is when an organization's term ends under a validator's rules,
// and the rules that say so: what a due calendar needs to list the 换届
// without repeating the validator's computation.
type TermDue struct {
	// Due is the term's due date (届满): the recorded [Term].Due, or the
	// election date plus the maximum of the term-length rule chosen by the
	// election date. A term not renewed by Due is overdue the day after
	// (the TermOverdue rule's finding).
	Due dangjian.Date
	// Recorded is true when Due is the recorded date.
	Recorded bool
	// Length is the term-length rule chosen by the election date, as
	// [Validator.Validate] chooses it (the first in rule order that
	// applies to the organization and is in force on the election date);
	// the zero Rule when none is (a recorded Due without an election
	// date).
	Length Rule
	// Overdue is the TermOverdue rule that applies to the organization and
	// is in force on Due, the first in rule order; the zero Rule when none
	// does.
	Overdue Rule
}

// TermDue returns when o's term is due under the validator's rules: the
// same date [Validator.Validate] checks the term against. ok is false when
// the term has neither a recorded due date nor an election date a
// term-length rule of the set applies to. A term already renewed
// ([Term].Renewed) still has its due date.
func (v *Validator) TermDue(o Org) (td TermDue, ok bool) {
	if r := v.termRule(o.Kind, o.Domain, o.Term.Elected); r != nil {
		td.Length = cloneRule(*r)
	}
	var term *Rule
	if td.Length.ID != "" {
		term = &td.Length
	}
	td.Due, ok = dueDate(&o.Term, term)
	if !ok {
		return TermDue{}, false
	}
	td.Recorded = !o.Term.Due.IsZero()
	for _, ri := range v.byKind[o.Kind&15] {
		r := &v.rules[ri]
		if r.Check == TermOverdue && v.applies(ri, o.Domain) && r.Period.Contains(td.Due) {
			td.Overdue = cloneRule(*r)
			break
		}
	}
	return td, true
}

// termRule returns the term-length rule chosen by an election date: the
// first in rule order that applies to an organization of kind k and
// domain d and is in force on that date; nil when there is no election
// date or no rule applies.
func (v *Validator) termRule(k Kind, d Domain, elected dangjian.Date) *Rule {
	if elected.IsZero() {
		return nil
	}
	for _, ri := range v.byKind[k&15] {
		r := &v.rules[ri]
		if r.Check == TermLength && v.applies(ri, d) && r.Period.Contains(elected) {
			return r
		}
	}
	return nil
}

// DispatchDue is when a dispatch assignment reaches the longest term its
// rule allows.
type DispatchDue struct {
	// Due is the assignment's start plus the rule's Max years: serving
	// past it is the DispatchTerm rule's finding.
	Due dangjian.Date
	// Rule is the DispatchTerm rule for the assignment's role in force on
	// its start date, the first in rule order.
	Rule Rule
}

// DispatchDue returns when the assignment a reaches the longest term of
// the DispatchTerm rule for its role in force on its start date, the
// date [Validator.Validate] checks it against. ok is false when no such
// rule is in the set or a has no start date.
func (v *Validator) DispatchDue(a Assignment) (DispatchDue, bool) {
	if a.Start.IsZero() {
		return DispatchDue{}, false
	}
	for _, ri := range v.other {
		r := &v.rules[ri]
		if r.Check == DispatchTerm && r.Dispatch == a.Role && r.Period.Contains(a.Start) {
			return DispatchDue{Due: a.Start.AddYears(r.Max), Rule: cloneRule(*r)}, true
		}
	}
	return DispatchDue{}, false
}
