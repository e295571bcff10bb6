package orgmodel

import (
	"github.com/dangjian-go/dangjian"
	"github.com/google/uuid"
)

// Org is the record of one party organization: a node of the tree.
//
// Members are the organization's own members (those placed, 编入, in it);
// totals over a subtree are computed by the [Tree]. A party group's members
// are members of its branch: the group's counts say how many of them it
// holds and are never added to any total.
type Org struct {
	ID     uuid.UUID `json:"id"`
	Parent uuid.UUID `json:"parent,omitempty"` // uuid.Nil for a root
	Kind   Kind      `json:"kind"`
	Domain Domain    `json:"domain,omitempty"`
	Name   string    `json:"name"`
	// Code is an external code kept as an attribute (a 党统 code, a
	// 3-digits-per-level path code, the ID of a CSV row that was not a UUID).
	Code    string  `json:"code,omitempty"`
	Members Members `json:"members"`
	// Units is how many units (单位, villages, enterprises) the organization
	// covers; it matters for joint branches (at most 5). Zero: not recorded.
	Units int `json:"units,omitempty"`
	// Grid links a grid branch or a building party group to its grid.
	Grid uuid.UUID `json:"grid,omitempty"`
	// Selection says whether the body is elected or appointed, for kinds
	// where both occur (综合党委, 行政联合党委: local practice).
	Selection Selection  `json:"selection,omitempty"`
	Term      Term       `json:"term,omitempty"`
	Approvals []Approval `json:"approvals,omitempty"`
	// Project, when set, says the organization is, or is set up for, a
	// project (工程、工作项目) of a fixed duration: the ORG-PROJECT-BRANCH-6M
	// rule asks that a project of 6 months or more with 3 full members has
	// a branch. nil: not a project (or not recorded).
	Project *Project `json:"project,omitempty"`

	// Key is the caller's own ID of the organization as written, when it
	// is not a UUID: a CSV id cell or a JSON id such as "1001" or "1.3",
	// which [ReadCSV] and [DecodeJSON] map to ID with [CSVID]. Problems
	// and findings name the organization by Key, or by ID when Key is
	// empty; [Tree.Lookup] finds it by either. Key is not encoded as a
	// field of its own: [EncodeJSON] and [WriteCSV] write it as the id.
	Key string `json:"-"`
	// ParentKey is the caller's own ID of the parent as written, when it
	// is not a UUID (a parent_id cell, a JSON parent "1001"), kept so that
	// a problem about an unknown parent quotes what the caller wrote.
	ParentKey string `json:"-"`
	// Line is the line of the organization's record in the file it was
	// read from (its CSV row, or the line of its JSON object); 0 when it
	// was not read from a file.
	Line int `json:"-"`
}

// keyText returns the caller's ID of o: its Key, or its ID as text
// ("" for the nil UUID).
func (o *Org) keyText() string {
	if o.Key != "" {
		return o.Key
	}
	if o.ID == uuid.Nil {
		return ""
	}
	return o.ID.String()
}

// Members counts full (正式) and probationary (预备) party members.
type Members struct {
	Full         int64 `json:"full"`
	Probationary int64 `json:"probationary"`
}

// Total returns full plus probationary members.
func (m Members) Total() int64 { return m.Full + m.Probationary }

// Add returns the sum of m and n.
func (m Members) Add(n Members) Members {
	return Members{Full: m.Full + n.Full, Probationary: m.Probationary + n.Probationary}
}

// Count returns the members counted on basis b.
func (m Members) Count(b Basis) int64 {
	if b == FullMembers {
		return m.Full
	}
	return m.Total()
}

// Term is the electoral term of the sitting committee (or, for a branch
// without a committee, of its secretary).
type Term struct {
	// Elected is when the sitting committee was elected (选举产生).
	Elected dangjian.Date `json:"elected,omitempty"`
	// Due is when the term ends (届满). Zero: computed from the term rule in
	// force on the election date.
	Due dangjian.Date `json:"due,omitempty"`
	// Renewed is the actual date of the 换届 that ended this term; zero
	// while the term is running.
	Renewed dangjian.Date `json:"renewed,omitempty"`
	// Number is the term's ordinal (届次), if recorded.
	Number int `json:"number,omitempty"`
}

// IsZero reports whether no term is recorded.
func (t Term) IsZero() bool { return t == Term{} }

// Approval records a decision of an upper organization about this one: its
// formation (成立批复), a set-up below the member threshold "因工作需要，经上级
// 党组织批准", or a term extended or brought forward (延期/提前换届).
type Approval struct {
	Kind ApprovalKind `json:"kind"`
	// Rule, if set, limits the approval to the rule with that ID.
	Rule string `json:"rule,omitempty"`
	// By is the approving organization, if it is in the tree.
	By uuid.UUID `json:"by,omitempty"`
	// ByName names the approver when it is not in the tree.
	ByName string        `json:"byName,omitempty"`
	On     dangjian.Date `json:"on,omitempty"`
	// Ref is the document number of the reply (批复文号).
	Ref string `json:"ref,omitempty"`
}

// Project is the duration of a project (工程、工作项目, 支部条例 第五条):
// its first day and its last day, both included, so a project from
// 2025-01-01 to 2025-06-30 lasts exactly 6 months.
//
// Start is required ([Build] reports a project without one); End may be
// zero, for a project whose end is not recorded: its length is then what
// it has run by the validation date. End, when set, is not before Start.
type Project struct {
	Start dangjian.Date `json:"start"`
	End   dangjian.Date `json:"end,omitempty"`
}

// RunsOn reports whether the project is under way on day d: on or after
// Start and, when End is set, on or before End.
func (p Project) RunsOn(d dangjian.Date) bool {
	return !d.Before(p.Start) && (p.End.IsZero() || !d.After(p.End))
}

// Lasts reports whether the project lasts at least months months, counted
// from Start to End, or, when End is not recorded, to asOf: whether the
// day after the last day is on or after Start plus months
// ([dangjian.Date.AddMonths], which clamps to the end of a month). Months
// of 0 or less always hold.
func (p Project) Lasts(months int, asOf dangjian.Date) bool {
	last := p.End
	if last.IsZero() {
		last = asOf
	}
	if months <= 0 {
		return true
	}
	return !last.AddDays(1).Before(p.Start.AddMonths(months))
}

// Covers reports whether a covers a rule with the given ID that asks for an
// approval of kind k.
func (a Approval) Covers(k ApprovalKind, ruleID string) bool {
	return a.Kind == k && (a.Rule == "" || a.Rule == ruleID)
}
