package orgmodel

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors name the kind of a build problem; a [Problem] wraps one
// with the field path and the offending value, and unwraps to it.
var (
	ErrMissingID      = errors.New("missing ID")
	ErrDuplicateID    = errors.New("duplicate ID")
	ErrUnknownRef     = errors.New("refers to an unknown ID")
	ErrUnknownParent  = errors.New("unknown parent")
	ErrCycle          = errors.New("parent links form a cycle")
	ErrNesting        = errors.New("kind cannot sit under its parent's kind")
	ErrInvalidValue   = errors.New("invalid value")
	ErrNegative       = errors.New("must not be negative")
	ErrMemberMismatch = errors.New("member counts differ from the member list")
)

// Problem is one thing wrong with a [Records] value, addressed by its field
// path ("orgs[3].parent") and quoting the offending value. Rule names the
// rule involved, where there is one (the nesting table's rule ID).
type Problem struct {
	Path  string
	Value string
	Rule  string
	Err   error
}

func (p *Problem) Error() string {
	var b strings.Builder
	b.WriteString("orgmodel: ")
	b.WriteString(p.Path)
	b.WriteString(": ")
	b.WriteString(p.Err.Error())
	if p.Value != "" {
		fmt.Fprintf(&b, " (%q)", p.Value)
	}
	if p.Rule != "" {
		b.WriteString(" [")
		b.WriteString(p.Rule)
		b.WriteString("]")
	}
	return b.String()
}

func (p *Problem) Unwrap() error { return p.Err }

// BuildError lists every problem that kept a [Tree] from being built.
// errors.Is and errors.As see each problem through Unwrap.
type BuildError struct {
	Problems []*Problem
}

func (e *BuildError) Error() string {
	switch len(e.Problems) {
	case 0:
		return "orgmodel: build failed"
	case 1:
		return e.Problems[0].Error()
	}
	return fmt.Sprintf("%s (and %d more problems)", e.Problems[0].Error(), len(e.Problems)-1)
}

// Unwrap returns the problems, for errors.Is and errors.As.
func (e *BuildError) Unwrap() []error {
	out := make([]error, len(e.Problems))
	for i, p := range e.Problems {
		out[i] = p
	}
	return out
}
