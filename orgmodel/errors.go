package orgmodel

import (
	"errors"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/enum"
)

// The kinds of the problems orgmodel reports. Each is a root kind of
// package dangjian or a narrower kind whose parent is one, so that
// errors.Is(err, dangjian.ErrInconsistent) holds for a cycle. Problems are
// *[dangjian.Problem] values, and every function that reports many of them
// returns a [dangjian.Problems].
var (
	// ErrMissingID: a record without an ID, or a required reference
	// without one.
	ErrMissingID = dangjian.NewKind("missing_id", "missing ID", dangjian.ErrMissing)
	// ErrUnknownParent: a parent that is not in the records.
	ErrUnknownParent = dangjian.NewKind("unknown_parent", "unknown parent", dangjian.ErrUnknownRef)
	// ErrCycle: parent links that form a cycle.
	ErrCycle = dangjian.NewKind("cycle", "parent links form a cycle", dangjian.ErrInconsistent)
	// ErrNesting: a kind that cannot sit under its parent's kind, or
	// cannot be a root.
	ErrNesting = dangjian.NewKind("nesting", "kind cannot sit under its parent's kind", dangjian.ErrInconsistent)
	// ErrMemberMismatch: member counts that differ from the member list.
	ErrMemberMismatch = dangjian.NewKind("member_mismatch", "member counts differ from the member list", dangjian.ErrInconsistent)
)

// Former sentinels, now the root kinds.
var (
	// Deprecated: use [dangjian.ErrDuplicate].
	ErrDuplicateID = dangjian.ErrDuplicate
	// Deprecated: use [dangjian.ErrUnknownRef].
	ErrUnknownRef = dangjian.ErrUnknownRef
	// Deprecated: use [dangjian.ErrInvalid].
	ErrInvalidValue = dangjian.ErrInvalid
	// Deprecated: use [dangjian.ErrNegative].
	ErrNegative = dangjian.ErrNegative
	// Deprecated: use [dangjian.ErrHeader].
	ErrCSVHeader = dangjian.ErrHeader
	// Deprecated: use [dangjian.ErrOutOfPeriod].
	ErrOutOfPeriod = dangjian.ErrOutOfPeriod
)

// Problem is one thing wrong with an input.
//
// Deprecated: use [dangjian.Problem]. Build, ReadCSV and DecodeJSON return
// a [dangjian.Problems] listing them.
type Problem = dangjian.Problem

// parseEnum looks s up in t; an unknown s is a problem of kind
// [dangjian.ErrInvalid] quoting it: `invalid value: unknown kind "x"`.
func parseEnum(t *enum.Table, s string) (int, error) {
	v, err := t.Find(s)
	if err != nil {
		return 0, &dangjian.Problem{Kind: dangjian.ErrInvalid, Value: s, Detail: err.Error()}
	}
	return v, nil
}

// decodeEnum is parseEnum for UnmarshalText; empty input is the zero value.
func decodeEnum(t *enum.Table, b []byte) (int, error) {
	if len(b) == 0 {
		return 0, nil
	}
	return parseEnum(t, string(b))
}

// detailOf returns the detail a problem made from err should carry: the
// detail of a problem inside err, else err's text.
func detailOf(err error) (kind *dangjian.Kind, detail string) {
	var p *dangjian.Problem
	if errors.As(err, &p) {
		return p.Kind, p.Detail
	}
	return dangjian.ErrInvalid, err.Error()
}
