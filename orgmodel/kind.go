package orgmodel

import "github.com/dangjian-go/dangjian/internal/enum"

// Kind is the level of a party organization (组织类别): local committee,
// dispatched work committee, grassroots committee, general branch, branch,
// joint branch, party group, and the temporary variants. It is kept apart
// from [Domain], the sector the organization works in.
//
// The zero value is [KindUnknown], never valid in a tree. Parsing accepts
// the English code ("branch"), the Chinese label ("党支部") or an alias
// ("支部", "街道党工委").
type Kind uint8

const (
	KindUnknown Kind = iota // not set; never valid in a tree

	// LocalCommittee is a local party committee (地方党委: 市委, 区委, 县委):
	// the root of a city's tree, outside the grassroots scope.
	LocalCommittee
	// WorkCommittee is a dispatched work committee (党工委: 街道党工委,
	// 园区党工委, 机关工委), a representative body sent by a local committee.
	// Its leaders are appointed; it has no electoral term (党章 第十条（二）).
	WorkCommittee
	// Committee is a grassroots committee (党的基层委员会, 基层党委), elected
	// by a members' meeting or congress.
	Committee
	// GeneralBranch is a general branch (党总支).
	GeneralBranch
	// Branch is a party branch (党支部).
	Branch
	// JointBranch is a joint branch (联合党支部) covering several units
	// that each have fewer than 3 full members.
	JointBranch
	// PartyGroup is a party group (党小组) inside a branch. It is not a
	// level of organization: its members are counted in its branch.
	PartyGroup
	// TempCommittee, TempGeneralBranch, TempBranch and TempJointBranch are
	// temporary organizations (临时党组织) appointed for a project or a
	// temporary unit; they have no electoral term.
	TempCommittee
	TempGeneralBranch
	TempBranch
	TempJointBranch
)

var kindTable = enum.New("Kind",
	[]string{"", "local_committee", "work_committee", "committee", "general_branch", "branch", "joint_branch",
		"party_group", "temporary_committee", "temporary_general_branch", "temporary_branch", "temporary_joint_branch"},
	[]string{"", "地方党委", "党工委", "党委", "党总支", "党支部", "联合党支部",
		"党小组", "临时党委", "临时党总支", "临时党支部", "临时联合党支部"},
	map[string]int{
		"市委": 1, "区委": 1, "县委": 1, "州委": 1, "县（市）委": 1, "地方委员会": 1,
		"工委": 2, "街道党工委": 2, "园区党工委": 2, "机关工委": 2, "党的工作委员会": 2,
		"基层党委": 3, "党的基层委员会": 3, "基层委员会": 3,
		"总支": 4, "党总支部": 4, "总支部委员会": 4,
		"支部":     5,
		"联合支部":   6,
		"小组":     7,
		"临时党总支部": 9,
	})

// Kinds lists every defined kind in code order.
func Kinds() []Kind {
	out := make([]Kind, 0, kindTable.Len()-1)
	for i := 1; i < kindTable.Len(); i++ {
		out = append(out, Kind(i))
	}
	return out
}

// IsLevel reports whether k is a level of organization; only a party group
// (党小组) is not.
func (k Kind) IsLevel() bool { return k.IsValid() && k != PartyGroup }

// IsGrassroots reports whether k is a grassroots organization in the sense
// of 党章 第三十条 and the annual statistics (党委, 党总支, 党支部 and their
// joint and temporary variants). Local committees, work committees and
// party groups are not.
func (k Kind) IsGrassroots() bool {
	switch k {
	case Committee, GeneralBranch, Branch, JointBranch, TempCommittee, TempGeneralBranch, TempBranch, TempJointBranch:
		return true
	}
	return false
}

// IsDispatched reports whether k is a dispatched representative body whose
// leaders are appointed (a 党工委).
func (k Kind) IsDispatched() bool { return k == WorkCommittee }

// IsTemporary reports whether k is a temporary organization (临时党组织).
func (k Kind) IsTemporary() bool { return k >= TempCommittee && k <= TempJointBranch }

// HasTerm reports whether organizations of kind k are elected for a term:
// grassroots committees, general branches, branches and joint branches.
// Dispatched, temporary and local bodies and party groups are not checked
// for terms here.
func (k Kind) HasTerm() bool {
	switch k {
	case Committee, GeneralBranch, Branch, JointBranch:
		return true
	}
	return false
}

// Base returns the permanent kind a temporary kind corresponds to
// (临时党支部 → 党支部); other kinds return themselves.
func (k Kind) Base() Kind {
	switch k {
	case TempCommittee:
		return Committee
	case TempGeneralBranch:
		return GeneralBranch
	case TempBranch:
		return Branch
	case TempJointBranch:
		return JointBranch
	}
	return k
}

// IsBranch reports whether k is a branch of any variant (党支部, 联合党支部,
// and their temporary forms).
func (k Kind) IsBranch() bool {
	b := k.Base()
	return b == Branch || b == JointBranch
}

// String returns the stable English code.
func (v Kind) String() string { return kindTable.Code(int(v)) }

// Label returns the Chinese label.
func (v Kind) Label() string { return kindTable.Label(int(v)) }

// IsValid reports whether v is one of the defined values (not KindUnknown).
func (v Kind) IsValid() bool { return kindTable.Valid(int(v)) }

// ParseKind accepts the English code (any case), the Chinese label or a
// listed alias. An unknown input is an error that quotes it.
func ParseKind(s string) (Kind, error) {
	v, err := parseEnum(kindTable, s)
	return Kind(v), err
}

// MarshalText encodes the English code; KindUnknown encodes as "".
func (v Kind) MarshalText() ([]byte, error) { return kindTable.Encode(int(v)) }

// UnmarshalText accepts the English code, the Chinese label or an alias;
// "" decodes to KindUnknown.
func (v *Kind) UnmarshalText(b []byte) error {
	x, err := decodeEnum(kindTable, b)
	if err == nil {
		*v = Kind(x)
	}
	return err
}
