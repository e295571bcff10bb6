package due

import (
	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/enum"
)

// What is what an [Item] asks to be done: a stable English code and a
// Chinese label. Importers accept either ([ParseWhat]).
type What uint8

const (
	WhatUnknown What = iota // not set
	TermEnd                 // 任期届满换届 (term_end): hold the 换届 by the term's due date
	DispatchEnd             // 选派期满 (dispatch_end): a dispatched 第一书记 reaches the usual longest term
	Meeting                 // 组织生活 (meeting): a period's required meetings not yet held
	DuesBackPay             // 补交党费期限 (dues_back_pay): an unpaid month's back-pay deadline
	DuesLapse               // 连续未交党费 (dues_lapse): a run of unpaid months reaching the lapse rule
)

var whatTable = enum.New("What",
	[]string{"", "term_end", "dispatch_end", "meeting", "dues_back_pay", "dues_lapse"},
	[]string{"", "任期届满换届", "选派期满", "组织生活", "补交党费期限", "连续未交党费"},
	map[string]int{"换届": 1, "补交党费": 4})

// Whats returns every defined What, in order.
func Whats() []What { return []What{TermEnd, DispatchEnd, Meeting, DuesBackPay, DuesLapse} }

// String returns the stable English code.
func (v What) String() string { return whatTable.Code(int(v)) }

// Label returns the Chinese label.
func (v What) Label() string { return whatTable.Label(int(v)) }

// IsValid reports whether v is one of the defined values (not WhatUnknown).
func (v What) IsValid() bool { return whatTable.Valid(int(v)) }

// ParseWhat accepts the English code (any case), the Chinese label or an
// alias ("换届", "补交党费"). An unknown input is an error that quotes it.
func ParseWhat(s string) (What, error) {
	v, err := whatTable.Parse("due", s)
	return What(v), err
}

// MarshalText encodes the English code; WhatUnknown encodes as "".
func (v What) MarshalText() ([]byte, error) { return whatTable.Marshal("due", int(v)) }

// UnmarshalText accepts the code, the label or an alias; "" is WhatUnknown.
func (v *What) UnmarshalText(b []byte) error {
	x, err := whatTable.Unmarshal("due", b)
	if err == nil {
		*v = What(x)
	}
	return err
}

// Status is where an [Item] stands on a date: before its due date, on it,
// or after it.
type Status uint8

const (
	StatusUnknown Status = iota // not computed
	Upcoming                    // 未到期 (upcoming): the date is before the due date
	DueToday                    // 今日到期 (due): the date is the due date
	Overdue                     // 已逾期 (overdue): the date is after the due date
)

var statusTable = enum.New("Status",
	[]string{"", "upcoming", "due", "overdue"},
	[]string{"", "未到期", "今日到期", "已逾期"},
	map[string]int{"到期": 2, "逾期": 3})

// StatusOn returns the status of a due date on the date asOf and the days
// between them (never negative: the days left when upcoming, the days
// overdue when overdue, 0 on the day). A zero date gives StatusUnknown.
func StatusOn(due, asOf dangjian.Date) (Status, int) {
	if due.IsZero() || asOf.IsZero() {
		return StatusUnknown, 0
	}
	switch d := daysBetween(asOf, due); {
	case d > 0:
		return Upcoming, d
	case d == 0:
		return DueToday, 0
	default:
		return Overdue, -d
	}
}

// String returns the stable English code.
func (v Status) String() string { return statusTable.Code(int(v)) }

// Label returns the Chinese label.
func (v Status) Label() string { return statusTable.Label(int(v)) }

// IsValid reports whether v is one of the defined values.
func (v Status) IsValid() bool { return statusTable.Valid(int(v)) }

// ParseStatus accepts the English code (any case), the Chinese label or an
// alias. An unknown input is an error that quotes it.
func ParseStatus(s string) (Status, error) {
	v, err := statusTable.Parse("due", s)
	return Status(v), err
}

// MarshalText encodes the English code; StatusUnknown encodes as "".
func (v Status) MarshalText() ([]byte, error) { return statusTable.Marshal("due", int(v)) }

// UnmarshalText accepts the code, the label or an alias.
func (v *Status) UnmarshalText(b []byte) error {
	x, err := statusTable.Unmarshal("due", b)
	if err == nil {
		*v = Status(x)
	}
	return err
}
