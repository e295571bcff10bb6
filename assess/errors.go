package assess

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors name the kind of a problem; a [Problem] wraps one with
// the path in the scheme or input and the offending value.
var (
	ErrInvalid    = errors.New("invalid value")
	ErrDuplicate  = errors.New("duplicate ID")
	ErrUnknownRef = errors.New("refers to an unknown ID")
	ErrWeights    = errors.New("weights do not sum to 1")
	ErrPoints     = errors.New("points are inconsistent")
	ErrBands      = errors.New("bands do not cover the score range exactly once")
	ErrTable      = errors.New("decision table is inconsistent")
	ErrLimit      = errors.New("scheme exceeds a limit")
	// ErrUnreachable marks a warning: a decision-table rule that can
	// never fire (see [Scorer.Warnings]).
	ErrUnreachable = errors.New("rule can never fire")
	ErrInput       = errors.New("invalid input")
	ErrArithmetic  = errors.New("arithmetic out of range")
)

// Problem is one problem of a scheme or an input, addressed by its path
// ("components[0].indicators[2].method.levels[1].points") and quoting the
// value.
type Problem struct {
	Path  string
	Value string
	Err   error
}

func (p *Problem) Error() string {
	var b strings.Builder
	b.WriteString("assess: ")
	b.WriteString(p.Path)
	b.WriteString(": ")
	b.WriteString(p.Err.Error())
	if p.Value != "" {
		fmt.Fprintf(&b, " (%q)", p.Value)
	}
	return b.String()
}

func (p *Problem) Unwrap() error { return p.Err }

// CompileError lists every problem [Compile] found in a scheme.
type CompileError struct {
	Problems []*Problem
}

func (e *CompileError) Error() string {
	switch len(e.Problems) {
	case 0:
		return "assess: compile failed"
	case 1:
		return e.Problems[0].Error()
	}
	return fmt.Sprintf("%s (and %d more problems)", e.Problems[0].Error(), len(e.Problems)-1)
}

// Unwrap returns the problems, for errors.Is and errors.As.
func (e *CompileError) Unwrap() []error {
	out := make([]error, len(e.Problems))
	for i, p := range e.Problems {
		out[i] = p
	}
	return out
}

// problems collects problems with a path prefix.
type problems struct {
	list []*Problem
}

func (ps *problems) add(path, value string, err error) {
	ps.list = append(ps.list, &Problem{Path: path, Value: value, Err: err})
}

func (ps *problems) addf(path, value string, sentinel error, format string, args ...any) {
	ps.add(path, value, fmt.Errorf("%w: "+format, append([]any{sentinel}, args...)...))
}
