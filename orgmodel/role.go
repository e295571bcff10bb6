package orgmodel

import "github.com/dangjian-go/dangjian/internal/enum"

// Role is what a person does in a body: a committee post (书记, 副书记,
// 组织委员…), an appointed part-time member of a 大工委 or 大党委, a party
// group leader, a post in a non-party body (村委会主任), or one of the three
// heads (三长) of an area.
type Role uint8

const (
	RoleUnknown        Role = iota // not set
	Secretary                      // 书记
	DeputySecretary                // 副书记
	OrganizationMember             // 组织委员
	PropagandaMember               // 宣传委员
	DisciplineMember               // 纪检委员
	CommitteeMember                // 委员 (other committee seat)
	PartTimeMember                 // 兼职委员: appointed from a unit in the area; not an elected seat
	GroupLeader                    // 党小组长 (楼栋党小组长 when the group is a building's)
	VillagersDirector              // 村民委员会主任
	ResidentsDirector              // 居民委员会主任
	CollectiveHead                 // 集体经济组织负责人
	StreetHead                     // 街巷长
	BuildingHead                   // 楼长
	BodyMember                     // member of a non-party body (村委会委员, 领导小组成员)
)

var roleTable = enum.New("Role",
	[]string{"", "secretary", "deputy_secretary", "organization_member", "propaganda_member", "discipline_member",
		"committee_member", "part_time_member", "group_leader", "villagers_committee_director",
		"residents_committee_director", "collective_economy_head", "street_head", "building_head", "body_member"},
	[]string{"", "书记", "副书记", "组织委员", "宣传委员", "纪检委员",
		"委员", "兼职委员", "党小组长", "村委会主任",
		"居委会主任", "集体经济组织负责人", "街巷长", "楼长", "成员"},
	map[string]int{"党支部书记": 1, "党委书记": 1, "党总支书记": 1, "纪律检查委员": 5, "楼栋党小组长": 8, "党小组组长": 8,
		"村民委员会主任": 9, "居民委员会主任": 10})

// IsCommitteeSeat reports whether r is an elected seat of a party committee
// (书记, 副书记, 组织/宣传/纪检委员, other 委员). A 兼职委员 is not.
func (r Role) IsCommitteeSeat() bool { return r >= Secretary && r <= CommitteeMember }

// Selection says how a person came to hold a post.
type Selection uint8

const (
	SelectionUnknown Selection = iota // not recorded
	Elected                           // 选举产生
	Appointed                         // 任命 / 聘任 (兼职委员, leaders of dispatched bodies)
	Designated                        // 指派 by the upper organization (支部条例 第二十一条)
	Recommended                       // 推荐产生 (a party group leader recommended by its members)
)

var selectionTable = enum.New("Selection",
	[]string{"", "elected", "appointed", "designated", "recommended"},
	[]string{"", "选举", "任命", "指派", "推荐"},
	map[string]int{"选举产生": 1, "聘任": 2, "选聘": 2, "推荐产生": 4})

// String returns the stable English code.
func (v Role) String() string { return roleTable.Code(int(v)) }

// Label returns the Chinese label.
func (v Role) Label() string { return roleTable.Label(int(v)) }

// IsValid reports whether v is one of the defined values (not RoleUnknown).
func (v Role) IsValid() bool { return roleTable.Valid(int(v)) }

// ParseRole accepts the English code (any case), the Chinese label or a
// listed alias. An unknown input is an error that quotes it.
func ParseRole(s string) (Role, error) {
	v, err := parseEnum(roleTable, s)
	return Role(v), err
}

// MarshalText encodes the English code; RoleUnknown encodes as "".
func (v Role) MarshalText() ([]byte, error) { return roleTable.Encode(int(v)) }

// UnmarshalText accepts the English code, the Chinese label or an alias;
// "" decodes to RoleUnknown.
func (v *Role) UnmarshalText(b []byte) error {
	x, err := decodeEnum(roleTable, b)
	if err == nil {
		*v = Role(x)
	}
	return err
}

// String returns the stable English code.
func (v Selection) String() string { return selectionTable.Code(int(v)) }

// Label returns the Chinese label.
func (v Selection) Label() string { return selectionTable.Label(int(v)) }

// IsValid reports whether v is one of the defined values (not SelectionUnknown).
func (v Selection) IsValid() bool { return selectionTable.Valid(int(v)) }

// ParseSelection accepts the English code (any case), the Chinese label or a
// listed alias. An unknown input is an error that quotes it.
func ParseSelection(s string) (Selection, error) {
	v, err := parseEnum(selectionTable, s)
	return Selection(v), err
}

// MarshalText encodes the English code; SelectionUnknown encodes as "".
func (v Selection) MarshalText() ([]byte, error) { return selectionTable.Encode(int(v)) }

// UnmarshalText accepts the English code, the Chinese label or an alias;
// "" decodes to SelectionUnknown.
func (v *Selection) UnmarshalText(b []byte) error {
	x, err := decodeEnum(selectionTable, b)
	if err == nil {
		*v = Selection(x)
	}
	return err
}
