package orgmodel

import "github.com/dangjian-go/dangjian/internal/enum"

// ApprovalKind is what an [Approval] decides.
type ApprovalKind uint8

const (
	ApprovalUnknown ApprovalKind = iota // not set
	Formation                           // 成立: the organization's set-up was approved
	Threshold                           // 因工作需要，经批准: set up against the member-count default
	TermChange                          // 延长或提前换届: the term was extended or brought forward
	PostApproval                        // 书记、副书记批准: the upper organization approved the elected secretary or deputy
	PostFiling                          // 委员备案: the committee members were filed with the upper organization
)

var approvalTable = enum.New("ApprovalKind",
	[]string{"", "formation", "threshold", "term_change", "post_approval", "post_filing"},
	[]string{"", "成立", "因工作需要", "任期调整", "书记副书记批准", "委员备案"},
	map[string]int{"成立批复": 1, "设立": 1, "延期换届": 3, "提前换届": 3, "批准书记": 4, "书记批准": 4, "备案": 5})

// String returns the stable English code.
func (v ApprovalKind) String() string { return approvalTable.Code(int(v)) }

// Label returns the Chinese label.
func (v ApprovalKind) Label() string { return approvalTable.Label(int(v)) }

// IsValid reports whether v is one of the defined values (not ApprovalUnknown).
func (v ApprovalKind) IsValid() bool { return approvalTable.Valid(int(v)) }

// ParseApprovalKind accepts the English code (any case), the Chinese label or a
// listed alias. An unknown input is an error that quotes it.
func ParseApprovalKind(s string) (ApprovalKind, error) {
	v, err := parseEnum(approvalTable, s)
	return ApprovalKind(v), err
}

// MarshalText encodes the English code; ApprovalUnknown encodes as "".
func (v ApprovalKind) MarshalText() ([]byte, error) { return approvalTable.Encode(int(v)) }

// UnmarshalText accepts the English code, the Chinese label or an alias;
// "" decodes to ApprovalUnknown.
func (v *ApprovalKind) UnmarshalText(b []byte) error {
	x, err := decodeEnum(approvalTable, b)
	if err == nil {
		*v = ApprovalKind(x)
	}
	return err
}
