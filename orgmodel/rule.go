package orgmodel

import (
	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/enum"
)

// Rule is one formation or governance rule as data: which calculator checks
// it ([Check]), what it applies to, its numbers, its modality and its
// citation. Rules are plain values; a [RuleSet] holds them.
//
// Fields a check does not use are left zero; [RuleSet.Check] rejects a rule
// whose check lacks what it needs.
type Rule struct {
	dangjian.Rule
	// Topic groups the dated versions of one rule: rules sharing a topic
	// must not be in force at the same time. Empty: no such constraint.
	Topic    string            `json:"topic,omitempty"`
	Check    Check             `json:"check"`
	Modality dangjian.Modality `json:"modality"`
	// Text quotes the rule's wording.
	Text string `json:"text,omitempty"`
	// Assumed lists the assumed days the rule's Period rests on (a start
	// known only by its month or year). A finding whose rule was chosen by
	// a date such a day decides says so in its message
	// ([dangjian.AssumedDate.Decides]). Set from [Assumptions].
	Assumed []dangjian.AssumedDate `json:"assumed,omitempty"`

	// Kinds, Domains and ExceptDomains select the organizations the rule
	// applies to; empty Kinds or Domains mean all.
	Kinds         []Kind   `json:"kinds,omitempty"`
	Domains       []Domain `json:"domains,omitempty"`
	ExceptDomains []Domain `json:"exceptDomains,omitempty"`

	// Basis, Cmp and N form the threshold "members counted on Basis Cmp N"
	// (e.g. full members at least 3, all members more than 50).
	Basis Basis      `json:"basis,omitempty"`
	Cmp   Comparison `json:"cmp,omitempty"`
	N     int64      `json:"n,omitempty"`
	// MinFull is the least number of full members (party groups).
	MinFull int64 `json:"minFull,omitempty"`
	// Min, Max and SoftMax bound a count (committee seats, term years):
	// below Min or above SoftMax is a finding; SoftMax defaults to Max.
	Min     int `json:"min,omitempty"`
	Max     int `json:"max,omitempty"`
	SoftMax int `json:"softMax,omitempty"`
	// Tolerance is how far (in years) a term may depart from [Min, Max]
	// with a term-change approval.
	Tolerance int `json:"tolerance,omitempty"`
	// Target is the kind the rule points to (a general branch suggested).
	Target Kind `json:"target,omitempty"`
	// Roles are the posts a post rule counts.
	Roles []Role `json:"roles,omitempty"`
	// Approval is the kind of approval that covers a finding of this rule:
	// a covered finding becomes [Info] and carries the approval.
	Approval ApprovalKind `json:"approval,omitempty"`
	// ApproverKinds and ApproverDomains say who may give a formation
	// approval: an organization of one of these kinds or domains.
	ApproverKinds   []Kind   `json:"approverKinds,omitempty"`
	ApproverDomains []Domain `json:"approverDomains,omitempty"`
	// SiteKinds select sites; Dispatch selects assignments.
	SiteKinds []SiteKind   `json:"siteKinds,omitempty"`
	Dispatch  DispatchRole `json:"dispatch,omitempty"`
}

// Check names the calculator that evaluates a [Rule].
type Check uint8

const (
	CheckUnknown Check = iota
	// MinMembers: members on Basis must satisfy Cmp N (a branch has at
	// least 3 full members).
	MinMembers
	// MaxMembers: members on Basis satisfying Cmp N is a finding (a branch
	// of more than 50); Target names the kind suggested instead.
	MaxMembers
	// Upgrade: an organization of Kinds whose subtree members satisfy
	// Cmp N should be of kind Target (100 and more: a committee). A
	// non-zero Max bounds the range from above, exclusive: 50人以上、
	// 100人以下 is N 50 and Max 100, where 100 and more is the next rule's.
	Upgrade
	// BelowThreshold: an organization of Kinds whose subtree members do
	// not satisfy Cmp N needs an approval of kind Approval (a general
	// branch of fewer than 50 "因工作需要，经批准").
	BelowThreshold
	// MaxUnits: Units satisfying Cmp N is a finding (a joint branch
	// covering more than 5 units).
	MaxUnits
	// CommitteeSize: where the members on Basis satisfy Cmp N (always, when
	// N is 0), the committee has Min..SoftMax seats (distinct holders of
	// committee-seat posts on the validation date).
	CommitteeSize
	// RequiredPosts: where the members on Basis satisfy Cmp N, each of
	// Roles is held.
	RequiredPosts
	// MaxPosts: at most N holders of Roles.
	MaxPosts
	// SecretaryOnly: where the members on Basis do not satisfy Cmp N, no
	// committee is set up: no seats besides the secretary and deputies.
	SecretaryOnly
	// GroupSize: a party group has members on Basis satisfying Cmp N and
	// at least MinFull full members.
	GroupSize
	// TermLength: a term runs Min..Max years, Tolerance years more or less
	// with a term-change approval. Selected by the election date.
	TermLength
	// TermOverdue: a term past its due date with no 换届 recorded; a 换届
	// held after the due date.
	TermOverdue
	// TermDueSoon: a term due within N months of the validation date.
	TermDueSoon
	// NoTerm: a body of Kinds must not record an electoral term.
	NoTerm
	// FormationApproval: an organization of Kinds in Domains needs a
	// formation approval by an organization of ApproverKinds or
	// ApproverDomains.
	FormationApproval
	// SiteArea: a site of SiteKinds has an area satisfying Cmp N ㎡.
	SiteArea
	// DispatchEligibility: the dispatched person is a full member of at
	// least N years' standing on the start date.
	DispatchEligibility
	// DispatchTerm: a dispatch lasts at most Max years.
	DispatchTerm
	// NoRoster: a coordination body holds no committee seats.
	NoRoster
	// Congress: an organization of Kinds whose subtree members satisfy
	// Cmp N may elect through a 党员代表大会 instead of a 党员大会, with the
	// approval the rule's text names (a finding of the option, at the
	// rule's modality: may, information).
	Congress
	// PostApproved: each post of Roles held on the validation date needs
	// an approval of kind Approval recorded on the organization, dated on
	// or after the post's start (an undated approval counts). Checked only
	// in a tree that records approvals of that kind at all: a tree that
	// records none says nothing about them.
	PostApproved
	// ProjectBranch: an organization recording a [Project] under way on the
	// validation date that lasts N months or more (Cmp must be AtLeast:
	// the texts' 以上 includes N) and has at least MinFull full members in
	// its subtree is a branch, or has one under it (any kind for which
	// [Kind.IsBranch] holds: a temporary branch counts).
	ProjectBranch
)

var checkTable = enum.New("Check",
	[]string{"", "min_members", "max_members", "upgrade", "below_threshold", "max_units", "committee_size",
		"required_posts", "max_posts", "secretary_only", "group_size", "term_length", "term_overdue",
		"term_due_soon", "no_term", "formation_approval", "site_area", "dispatch_eligibility",
		"dispatch_term", "no_roster", "congress", "post_approved", "project_branch"},
	[]string{"", "人数下限", "人数上限", "升格", "低于设立标准", "覆盖单位上限", "委员会职数",
		"必设职务", "职务上限", "只设书记", "党小组规模", "任期", "到期未换届",
		"即将届满", "无任期", "成立审批", "场所面积", "选派条件",
		"选派期限", "无党员名册", "党员代表大会", "职务审批", "项目建支部"},
	nil)

// Basis is what a threshold counts: full members (正式党员) or all members
// (党员, full and probationary). The 3 and 7 thresholds say 正式党员; the 50
// and 100 thresholds of the central regulations say 党员; some provinces
// count full members for those too (《浙江省非公有制企业党组织工作规定（试行）》
// 2012, 第四、五条), so it is set per rule.
type Basis uint8

const (
	BasisUnknown Basis = iota // not set
	FullMembers               // 正式党员
	AllMembers                // 党员 (正式 and 预备)
)

var basisTable = enum.New("Basis",
	[]string{"", "full", "all"}, []string{"", "正式党员", "党员"},
	map[string]int{"full_members": 1, "all_members": 2, "全体党员": 2})

// Comparison is how a count meets a threshold.
//
// Deprecated: use [dangjian.Comparison]; this alias goes in a later release.
type Comparison = dangjian.Comparison

// The comparisons.
//
// Deprecated: use [dangjian.CmpUnknown], [dangjian.AtLeast] and [dangjian.MoreThan].
const (
	CmpUnknown = dangjian.CmpUnknown
	AtLeast    = dangjian.AtLeast
	MoreThan   = dangjian.MoreThan
)

// ParseComparison accepts the English code, the Chinese label or an alias.
//
// Deprecated: use [dangjian.ParseComparison].
func ParseComparison(s string) (Comparison, error) { return dangjian.ParseComparison(s) }

// String returns the stable English code.
func (v Check) String() string { return checkTable.Code(int(v)) }

// Label returns the Chinese label.
func (v Check) Label() string { return checkTable.Label(int(v)) }

// IsValid reports whether v is one of the defined values (not CheckUnknown).
func (v Check) IsValid() bool { return checkTable.Valid(int(v)) }

// ParseCheck accepts the English code (any case), the Chinese label or a
// listed alias. An unknown input is an error that quotes it.
func ParseCheck(s string) (Check, error) {
	v, err := parseEnum(checkTable, s)
	return Check(v), err
}

// MarshalText encodes the English code; CheckUnknown encodes as "".
func (v Check) MarshalText() ([]byte, error) { return checkTable.Encode(int(v)) }

// UnmarshalText accepts the English code, the Chinese label or an alias;
// "" decodes to CheckUnknown.
func (v *Check) UnmarshalText(b []byte) error {
	x, err := decodeEnum(checkTable, b)
	if err == nil {
		*v = Check(x)
	}
	return err
}

// String returns the stable English code.
func (v Basis) String() string { return basisTable.Code(int(v)) }

// Label returns the Chinese label.
func (v Basis) Label() string { return basisTable.Label(int(v)) }

// IsValid reports whether v is one of the defined values (not BasisUnknown).
func (v Basis) IsValid() bool { return basisTable.Valid(int(v)) }

// ParseBasis accepts the English code (any case), the Chinese label or a
// listed alias. An unknown input is an error that quotes it.
func ParseBasis(s string) (Basis, error) {
	v, err := parseEnum(basisTable, s)
	return Basis(v), err
}

// MarshalText encodes the English code; BasisUnknown encodes as "".
func (v Basis) MarshalText() ([]byte, error) { return basisTable.Encode(int(v)) }

// UnmarshalText accepts the English code, the Chinese label or an alias;
// "" decodes to BasisUnknown.
func (v *Basis) UnmarshalText(b []byte) error {
	x, err := decodeEnum(basisTable, b)
	if err == nil {
		*v = Basis(x)
	}
	return err
}
