package orgmodel

import (
	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/enum"
	"github.com/google/uuid"
)

// Body is a body beside the party-organization tree and linked to it: a
// coordination body (联席会) whose members are organizations, a leading
// group, or a non-party body such as a villagers' committee, whose posts
// party members may hold.
type Body struct {
	ID   uuid.UUID `json:"id"`
	Kind BodyKind  `json:"kind"`
	Name string    `json:"name"`
	// Org is the party organization the body is linked to: the street
	// 党工委 for its 党建联席会, the village organization for its 村委会.
	Org uuid.UUID `json:"org,omitempty"`
	// Members are the member organizations of a coordination body.
	Members []uuid.UUID `json:"members,omitempty"`
	// MemberUnits names member units outside the tree (驻街单位).
	MemberUnits []string `json:"memberUnits,omitempty"`
	// Chair is the rotating chair (轮值主席), if the body has one.
	Chair *Rotation `json:"chair,omitempty"`
}

// Rotation is a rotating chair: the member organizations take the chair in
// Order, each for Months months, starting on Start.
type Rotation struct {
	Order  []uuid.UUID   `json:"order"`
	Start  dangjian.Date `json:"start"`
	Months int           `json:"months"`
}

// ChairOn returns the organization that chairs on d, and false before the
// rotation starts or when the rotation is empty.
func (r Rotation) ChairOn(d dangjian.Date) (uuid.UUID, bool) {
	if len(r.Order) == 0 || r.Months <= 0 || r.Start.IsZero() || d.Before(r.Start) {
		return uuid.Nil, false
	}
	months := (d.Year()-r.Start.Year())*12 + int(d.Month()) - int(r.Start.Month())
	if d.Day() < r.Start.Day() {
		months--
	}
	return r.Order[(months/r.Months)%len(r.Order)], true
}

// BodyKind is the kind of a [Body].
type BodyKind uint8

const (
	BodyUnknown        BodyKind = iota // not set
	JointConference                    // 党建联席会 (区域化党建联席会议): a coordination mechanism
	LeadingGroup                       // 领导小组: a working body
	VillagersCommittee                 // 村民委员会
	ResidentsCommittee                 // 居民委员会
	CollectiveEconomy                  // 集体经济组织
)

var bodyTable = enum.New("BodyKind",
	[]string{"", "joint_conference", "leading_group", "villagers_committee", "residents_committee", "collective_economy"},
	[]string{"", "党建联席会", "领导小组", "村民委员会", "居民委员会", "集体经济组织"},
	map[string]int{"联席会": 1, "区域化党建联席会议": 1, "联席会议": 1, "村委会": 3, "居委会": 4})

// IsCoordination reports whether k is a coordination body, whose members are
// organizations and which has no party-member roster, term or election.
func (k BodyKind) IsCoordination() bool { return k == JointConference }

// String returns the stable English code.
func (v BodyKind) String() string { return bodyTable.Code(int(v)) }

// Label returns the Chinese label.
func (v BodyKind) Label() string { return bodyTable.Label(int(v)) }

// IsValid reports whether v is one of the defined values (not BodyUnknown).
func (v BodyKind) IsValid() bool { return bodyTable.Valid(int(v)) }

// ParseBodyKind accepts the English code (any case), the Chinese label or a
// listed alias. An unknown input is an error that quotes it.
func ParseBodyKind(s string) (BodyKind, error) {
	v, err := parseEnum(bodyTable, s)
	return BodyKind(v), err
}

// MarshalText encodes the English code; BodyUnknown encodes as "".
func (v BodyKind) MarshalText() ([]byte, error) { return bodyTable.Encode(int(v)) }

// UnmarshalText accepts the English code, the Chinese label or an alias;
// "" decodes to BodyUnknown.
func (v *BodyKind) UnmarshalText(b []byte) error {
	x, err := decodeEnum(bodyTable, b)
	if err == nil {
		*v = BodyKind(x)
	}
	return err
}
