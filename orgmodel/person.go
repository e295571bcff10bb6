package orgmodel

import (
	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/enum"
	"github.com/google/uuid"
)

// Person is a person who holds posts, is dispatched, or is a member listed
// by name. People are linked to bodies by [Post] and [Assignment] records,
// so one person can hold several posts at once (一肩挑).
type Person struct {
	ID     uuid.UUID    `json:"id"`
	Name   string       `json:"name"`
	Status MemberStatus `json:"status,omitempty"`
	// Org is the organization the person is placed in (编入) as a member.
	// When an organization has members listed, its counts derive from them.
	Org uuid.UUID `json:"org,omitempty"`
	// FullSince is when the person became a full member (转正); party
	// standing (党龄) counts from it (党章 第七条).
	FullSince dangjian.Date `json:"fullSince,omitempty"`
}

// MemberStatus is a person's party status.
type MemberStatus uint8

const (
	StatusUnknown MemberStatus = iota // not recorded
	FullMember                        // 正式党员
	Probationary                      // 预备党员
	NonMember                         // 非党员 (群众)
)

var statusTable = enum.New("MemberStatus",
	[]string{"", "full", "probationary", "non_member"},
	[]string{"", "正式党员", "预备党员", "非党员"},
	map[string]int{"正式": 1, "预备": 2, "群众": 3})

// Post links a person to a body (an organization, a non-party [Body] or a
// [Grid]) in a role, for a period. A post is a link, not an attribute of
// either side: the same person may be a village secretary and the
// villagers' committee director (一肩挑), or an appointed 兼职委员 of a
// street's 大工委 while heading a unit's own branch.
type Post struct {
	Person    uuid.UUID     `json:"person"`
	Body      uuid.UUID     `json:"body"`
	Role      Role          `json:"role"`
	Selection Selection     `json:"selection,omitempty"`
	Start     dangjian.Date `json:"start,omitempty"`
	End       dangjian.Date `json:"end,omitempty"` // exclusive; zero while in post
}

// ActiveOn reports whether the post is held on d.
func (p Post) ActiveOn(d dangjian.Date) bool {
	return dangjian.Period{From: p.Start, To: p.End}.Contains(d)
}

// Assignment is a dispatch (选派): a cadre sent by a unit to serve a village,
// an enterprise or a social organization as 第一书记 or 党建指导员. It is not
// a committee seat: a 第一书记 does not occupy a "两委" seat and is not
// elected (山西 2015, local practice, wording verified; the national rules
// on 第一书记 are ORG-FIRSTSEC-* in RULES.md).
type Assignment struct {
	ID     uuid.UUID    `json:"id"`
	Person uuid.UUID    `json:"person"`
	Role   DispatchRole `json:"role"`
	// From is the dispatching unit, in the tree or not (FromName).
	From     uuid.UUID `json:"from,omitempty"`
	FromName string    `json:"fromName,omitempty"`
	// To is the receiving organization.
	To    uuid.UUID     `json:"to"`
	Start dangjian.Date `json:"start"`
	End   dangjian.Date `json:"end,omitempty"` // exclusive; zero while serving
}

// DispatchRole is the title of a dispatched cadre.
type DispatchRole uint8

const (
	DispatchUnknown DispatchRole = iota // not set
	FirstSecretary                      // 第一书记
	Instructor                          // 党建（工作）指导员
	Liaison                             // 党建工作联络员
)

var dispatchTable = enum.New("DispatchRole",
	[]string{"", "first_secretary", "instructor", "liaison"},
	[]string{"", "第一书记", "党建指导员", "党建联络员"},
	map[string]int{"党建工作指导员": 2, "非公党建指导员": 2, "党建工作联络员": 3})

// String returns the stable English code.
func (v MemberStatus) String() string { return statusTable.Code(int(v)) }

// Label returns the Chinese label.
func (v MemberStatus) Label() string { return statusTable.Label(int(v)) }

// IsValid reports whether v is one of the defined values (not StatusUnknown).
func (v MemberStatus) IsValid() bool { return statusTable.Valid(int(v)) }

// ParseMemberStatus accepts the English code (any case), the Chinese label or a
// listed alias. An unknown input is an error that quotes it.
func ParseMemberStatus(s string) (MemberStatus, error) {
	v, err := parseEnum(statusTable, s)
	return MemberStatus(v), err
}

// MarshalText encodes the English code; StatusUnknown encodes as "".
func (v MemberStatus) MarshalText() ([]byte, error) { return statusTable.Encode(int(v)) }

// UnmarshalText accepts the English code, the Chinese label or an alias;
// "" decodes to StatusUnknown.
func (v *MemberStatus) UnmarshalText(b []byte) error {
	x, err := decodeEnum(statusTable, b)
	if err == nil {
		*v = MemberStatus(x)
	}
	return err
}

// String returns the stable English code.
func (v DispatchRole) String() string { return dispatchTable.Code(int(v)) }

// Label returns the Chinese label.
func (v DispatchRole) Label() string { return dispatchTable.Label(int(v)) }

// IsValid reports whether v is one of the defined values (not DispatchUnknown).
func (v DispatchRole) IsValid() bool { return dispatchTable.Valid(int(v)) }

// ParseDispatchRole accepts the English code (any case), the Chinese label or a
// listed alias. An unknown input is an error that quotes it.
func ParseDispatchRole(s string) (DispatchRole, error) {
	v, err := parseEnum(dispatchTable, s)
	return DispatchRole(v), err
}

// MarshalText encodes the English code; DispatchUnknown encodes as "".
func (v DispatchRole) MarshalText() ([]byte, error) { return dispatchTable.Encode(int(v)) }

// UnmarshalText accepts the English code, the Chinese label or an alias;
// "" decodes to DispatchUnknown.
func (v *DispatchRole) UnmarshalText(b []byte) error {
	x, err := decodeEnum(dispatchTable, b)
	if err == nil {
		*v = DispatchRole(x)
	}
	return err
}
