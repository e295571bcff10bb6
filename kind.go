package dangjian

import "sync"

// Kind is the kind of a [Problem]: a stable machine code ("invalid") and a
// message fragment ("invalid value") meant to follow a field path. Every
// package of the module reports its problems with one of the kinds below,
// or with a narrower kind of its own made by [NewKind] whose parent is one
// of them, so that errors.Is(err, dangjian.ErrInvalid) holds for every
// invalid value wherever it was found.
//
// A *Kind is an error: a Problem unwraps to its kind. Kinds are compared by
// identity (errors.Is), and are immutable and safe for concurrent use.
type Kind struct {
	code   string
	text   string
	parent *Kind
}

var (
	kindsMu sync.RWMutex
	kinds   = map[string]*Kind{}
)

// NewKind returns a kind with the given stable code and message text; if
// parent is not nil, the kind unwraps to it (errors.Is(k, parent) holds).
// Codes are lowercase snake_case and unique across the module: NewKind is
// meant for package-level variables and panics on a code already taken,
// which is a bug in the program, never a matter of input.
func NewKind(code, text string, parent *Kind) *Kind {
	k := &Kind{code: code, text: text, parent: parent}
	kindsMu.Lock()
	defer kindsMu.Unlock()
	if _, dup := kinds[code]; dup {
		panic("dangjian: NewKind: code " + code + " is taken")
	}
	kinds[code] = k
	return k
}

// KindOf returns the kind registered under code, or nil.
func KindOf(code string) *Kind {
	kindsMu.RLock()
	defer kindsMu.RUnlock()
	return kinds[code]
}

// Error returns the message text ("invalid value").
func (k *Kind) Error() string { return k.text }

// Code returns the stable machine code ("invalid").
func (k *Kind) Code() string { return k.code }

// Parent returns the broader kind k unwraps to, or nil.
func (k *Kind) Parent() *Kind { return k.parent }

// Unwrap returns the parent kind, so that errors.Is sees it.
func (k *Kind) Unwrap() error {
	if k.parent == nil {
		return nil
	}
	return k.parent
}

// The kinds every package shares. Their codes are part of the API: they
// appear in JSON ("code": "invalid") and do not change.
var (
	// ErrInvalid: a value that is not allowed (does not parse, out of the
	// allowed set, contradicts another value).
	ErrInvalid = NewKind("invalid", "invalid value", nil)
	// ErrMissing: a required value is missing.
	ErrMissing = NewKind("missing", "missing value", ErrInvalid)
	// ErrNegative: a count or amount that must not be negative is.
	ErrNegative = NewKind("negative", "must not be negative", ErrInvalid)
	// ErrOverflow: a number beyond the range the library computes exactly.
	ErrOverflow = NewKind("overflow", "out of range", ErrInvalid)
	// ErrDuplicate: an ID or code that must be unique appears again.
	ErrDuplicate = NewKind("duplicate", "duplicate ID", nil)
	// ErrUnknownRef: a reference to an ID or code that is not there.
	ErrUnknownRef = NewKind("unknown_ref", "refers to an unknown ID", nil)
	// ErrUnknownField: a field or column the format does not have.
	ErrUnknownField = NewKind("unknown_field", "unknown field", ErrInvalid)
	// ErrSyntax: input that is not well-formed CSV or JSON.
	ErrSyntax = NewKind("syntax", "malformed input", nil)
	// ErrEncoding: input that is not valid UTF-8 (or not in the encoding
	// the caller declared).
	ErrEncoding = NewKind("encoding", "not valid UTF-8", ErrSyntax)
	// ErrHeader: a CSV header that is empty, repeats a column, names an
	// unknown one or lacks a required one.
	ErrHeader = NewKind("header", "invalid header", nil)
	// ErrInconsistent: values that are each valid but contradict each
	// other or the structure (a cycle, weights that do not sum to 1).
	ErrInconsistent = NewKind("inconsistent", "inconsistent values", nil)
	// ErrLimit: input beyond a documented limit of the library.
	ErrLimit = NewKind("limit", "exceeds a limit", nil)
	// ErrOutOfPeriod: a date outside the period of the rules asked for.
	ErrOutOfPeriod = NewKind("out_of_period", "date outside the rules' period", nil)
	// ErrNoRule: no rule is in force for the date or case.
	ErrNoRule = NewKind("no_rule", "no rule in force", nil)
	// ErrBadRule: a rule table or rule parameter is unusable.
	ErrBadRule = NewKind("bad_rule", "bad rule", nil)
)
