package due

import (
	"encoding/json"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/orglife"
)

// Item is one thing due: what, for which organization or member (by the
// caller's own id), by when, under which rule and source, for which
// period, and — once a [Calendar] has placed it — its status on the
// calendar's date and the days its leads fire.
//
// Due is the last day on which doing it avoids the rule's finding: the
// term's due date (ORG-TERM-OVERDUE fires the day after), the last day a
// dispatch may run, the last day of a meeting period, the last day of the
// month by which an unpaid month may still be paid back, the last day
// before a run of unpaid months reaches the lapse. The day after Due the
// item is overdue.
type Item struct {
	What What
	// Org is the caller's id of the organization ([orgmodel.Tree.IDText]);
	// Name its path of names, Line its line in the tree file (0: not read
	// from a file).
	Org  string
	Name string
	Line int
	// Member is the caller's id of the member, for dues items.
	Member string
	// Ref names the part the item is about: the dispatch assignment's id,
	// or the meeting type's code.
	Ref string
	// Period is the period the item is for, where one applies: "2025-Q1",
	// "2025-03" (a month of dues), "2025-03..2025-05" (a run of months).
	Period string
	// Unit is the unit of a meeting item's frequency rule.
	Unit orglife.Unit
	Due  dangjian.Date
	// Rule is the ID of the rule whose finding fires when the item is
	// missed; Source cites it, with its confidence.
	Rule   string
	Source dangjian.Source
	// Basis is the ID of the rule the due date was computed from, when it
	// is another (the term-length rule that sets a term's end).
	Basis string
	// Detail says in words what is due.
	Detail string

	// Set by a Calendar: the status on its date and the days left (or
	// overdue); the lead rule and the day each of its leads fires, longest
	// lead first.
	Status   Status
	Days     int
	LeadRule string
	Leads    []Fire
}

// Fire is one lead of an item and the day it fires.
type Fire struct {
	Before Lead          `json:"before"`
	On     dangjian.Date `json:"on"`
}

// Reminder is a lead firing on a day: what a platform schedules.
type Reminder struct {
	On     dangjian.Date `json:"on"`
	Before Lead          `json:"before"`
	Item   Item          `json:"item"`
}

type itemJSON struct {
	What        What            `json:"what"`
	WhatLabel   string          `json:"whatLabel"`
	Org         string          `json:"org,omitempty"`
	Name        string          `json:"name,omitempty"`
	Line        int             `json:"line,omitempty"`
	Member      string          `json:"member,omitempty"`
	Ref         string          `json:"ref,omitempty"`
	Period      string          `json:"period,omitempty"`
	Unit        orglife.Unit    `json:"unit,omitempty"`
	Due         dangjian.Date   `json:"due"`
	Status      Status          `json:"status,omitempty"`
	StatusLabel string          `json:"statusLabel,omitempty"`
	Days        int             `json:"days"`
	Rule        string          `json:"rule"`
	Basis       string          `json:"basis,omitempty"`
	Source      dangjian.Source `json:"source"`
	Detail      string          `json:"detail,omitempty"`
	LeadRule    string          `json:"leadRule,omitempty"`
	Leads       []Fire          `json:"leads,omitempty"`
}

// MarshalJSON encodes the item with lowerCamel keys: what and whatLabel
// (code and Chinese label), org, name, line, member, ref, period, unit,
// due, status and statusLabel, days, rule, basis, source, detail,
// leadRule and leads (each {before, on}); empty fields are left out,
// except what, whatLabel, due, days, rule and source.
func (it Item) MarshalJSON() ([]byte, error) {
	j := itemJSON{What: it.What, WhatLabel: it.What.Label(), Org: it.Org, Name: it.Name, Line: it.Line,
		Member: it.Member, Ref: it.Ref, Period: it.Period, Unit: it.Unit, Due: it.Due, Status: it.Status,
		Days: it.Days, Rule: it.Rule, Basis: it.Basis, Source: it.Source, Detail: it.Detail,
		LeadRule: it.LeadRule, Leads: it.Leads}
	if it.Status != StatusUnknown {
		j.StatusLabel = it.Status.Label()
	}
	if !it.What.IsValid() {
		j.WhatLabel = ""
	}
	return json.Marshal(j)
}
