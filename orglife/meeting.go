package orglife

import (
	"encoding/json"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/enum"
)

// Type is the type of a sitting of organizational life (组织生活). Its
// stable English codes appear in JSON and CSV; importers also accept the
// Chinese label and the common aliases ([ParseType]).
//
// The zero value is [TypeUnknown], never valid in a [Meeting]: a record
// without a type counts as nothing (some platforms count it as a
// 党员大会; this package does not guess).
type Type uint8

const (
	TypeUnknown   Type = iota // not set
	MemberMeeting             // 支部党员大会 (member_meeting)
	Committee                 // 支部委员会 (committee_meeting)
	GroupMeeting              // 党小组会 (group_meeting)
	Lecture                   // 党课 (party_lecture)
	PartyDay                  // 主题党日 (party_day)
	LifeMeeting               // 组织生活会 (life_meeting)
	Review                    // 民主评议党员 (member_review)
	Talk                      // 谈心谈话 (heart_talk)
)

var typeTable = enum.New("Type",
	[]string{"", "member_meeting", "committee_meeting", "group_meeting", "party_lecture", "party_day",
		"life_meeting", "member_review", "heart_talk"},
	[]string{"", "支部党员大会", "支部委员会", "党小组会", "党课", "主题党日", "组织生活会", "民主评议党员", "谈心谈话"},
	map[string]int{
		"党员大会": 1, "支部大会": 1, "党支部党员大会": 1, "general_meeting": 1,
		"支委会": 2, "支部委员会会议": 2, "党支部委员会会议": 2, "committee": 2,
		"小组会": 3, "党小组会议": 3,
		"lecture": 4, "上党课": 4,
		"主题党日活动": 5, "党日": 5, "党员活动日": 5,
		"组织生活会议": 6,
		"民主评议":   7, "review": 7,
		"谈心": 8, "谈话": 8, "talk": 8,
	})

// Types returns every valid type, in code order.
func Types() []Type {
	out := make([]Type, 0, typeTable.Len()-1)
	for i := 1; i < typeTable.Len(); i++ {
		out = append(out, Type(i))
	}
	return out
}

// String returns the stable English code.
func (v Type) String() string { return typeTable.Code(int(v)) }

// Label returns the Chinese label.
func (v Type) Label() string { return typeTable.Label(int(v)) }

// IsValid reports whether v is one of the defined types.
func (v Type) IsValid() bool { return typeTable.Valid(int(v)) }

// ParseType accepts the English code (any case), the Chinese label or an
// alias (党员大会, 支委会, 主题党日活动, 民主评议, …).
func ParseType(s string) (Type, error) {
	v, err := typeTable.Parse("orglife", s)
	return Type(v), err
}

// MarshalText encodes the English code; TypeUnknown encodes as "".
func (v Type) MarshalText() ([]byte, error) { return typeTable.Marshal("orglife", int(v)) }

// UnmarshalText accepts what ParseType accepts; "" decodes to TypeUnknown.
func (v *Type) UnmarshalText(b []byte) error {
	x, err := typeTable.Unmarshal("orglife", b)
	if err == nil {
		*v = Type(x)
	}
	return err
}

// Meeting is one sitting as recorded: which organization held it (the
// caller's id of the organization, as the tree file writes it), its type,
// the types it was combined with (one sitting recorded as a 党员大会 that
// was also the 组织生活会), the date held, the 年度 it was held for when
// that differs from the date's year (a 2023 组织生活会 held in January
// 2024), how many members were expected and present and, where a vote was
// taken, how many members with a vote (正式党员 with their rights) were
// expected and present.
type Meeting struct {
	// ID is the caller's id of the record, if any.
	ID string `json:"id,omitempty"`
	// Org is the caller's id of the organization (the tree's id column).
	Org  string        `json:"org"`
	Type Type          `json:"type"`
	Also []Type        `json:"also,omitempty"`
	Date dangjian.Date `json:"date"`
	// Year is the 年度 label; 0 means the date's year. Only rules that
	// count by the label ([Rule.ByYearLabel]) read it.
	Year     int   `json:"year,omitempty"`
	Expected int64 `json:"expected"`
	Present  int64 `json:"present"`
	// Voting says whether a vote was taken and its figures recorded.
	Voting         bool  `json:"-"`
	VotingExpected int64 `json:"-"`
	VotingPresent  int64 `json:"-"`
	// Line is the line of the record in the file it was read from; 0
	// when it was not read from one.
	Line int `json:"-"`
}

// meetingJSON is the wire form of a Meeting: the voting figures are
// written only for a vote, both of them.
type meetingJSON struct {
	ID             string        `json:"id,omitempty"`
	Org            string        `json:"org"`
	Type           Type          `json:"type"`
	Also           []Type        `json:"also,omitempty"`
	Date           dangjian.Date `json:"date"`
	Year           int           `json:"year,omitempty"`
	Expected       int64         `json:"expected"`
	Present        int64         `json:"present"`
	VotingExpected *int64        `json:"votingExpected,omitempty"`
	VotingPresent  *int64        `json:"votingPresent,omitempty"`
}

// MarshalJSON encodes the meeting as [ScanJSON] reads it: the fields id,
// org, type, also, date, year, expected and present, and votingExpected
// and votingPresent for a meeting that records a vote.
func (m Meeting) MarshalJSON() ([]byte, error) {
	w := meetingJSON{ID: m.ID, Org: m.Org, Type: m.Type, Also: m.Also, Date: m.Date, Year: m.Year,
		Expected: m.Expected, Present: m.Present}
	if m.Voting {
		ve, vp := m.VotingExpected, m.VotingPresent
		w.VotingExpected, w.VotingPresent = &ve, &vp
	}
	return json.Marshal(w)
}

// MaxCount is the largest number of members a meeting record may give:
// far above any branch, and small enough that a quorum is checked with
// int64 products that cannot overflow.
const MaxCount = 1_000_000_000

// counts reports whether t is the meeting's type or one it was combined
// with.
func (m *Meeting) has(t Type) bool {
	if m.Type == t {
		return true
	}
	for _, a := range m.Also {
		if a == t {
			return true
		}
	}
	return false
}
