package dangjian

import (
	"errors"
	"strconv"
)

// Problems is a list of problems, in the order they were found (file order
// for a file). It is the error the packages return when an input has one
// or more problems: a non-empty Problems is an error; errors.Is and
// errors.As see every problem (and through them every kind) via Unwrap.
//
// Return a Problems through [Problems.Err], which gives nil for an empty
// list, never as a bare value: a nil or empty Problems stored in an error
// interface is not a nil error. errors.As(err, &ps) with ps of type
// Problems finds the list.
type Problems []*Problem

// Add appends p.
func (ps *Problems) Add(p *Problem) { *ps = append(*ps, p) }

// Addf appends a problem of kind k at path with the offending value and a
// detail.
func (ps *Problems) Addf(k *Kind, path, value, detail string) {
	*ps = append(*ps, &Problem{Kind: k, Path: path, Value: value, Detail: detail})
}

// Err returns ps as an error, or nil if it is empty.
func (ps Problems) Err() error {
	if len(ps) == 0 {
		return nil
	}
	return ps
}

// Error returns the first problem and how many more there are.
func (ps Problems) Error() string {
	switch len(ps) {
	case 0:
		return "no problems"
	case 1:
		return ps[0].Error()
	}
	return ps[0].Error() + " (and " + strconv.Itoa(len(ps)-1) + " more problems)"
}

// InFile returns copies of the problems with File set to name where they
// name no file of their own (a problem already placed in another file, a
// nested or included one, keeps it); ps itself is not changed. An empty
// name, or an empty list, returns ps as it is.
func (ps Problems) InFile(name string) Problems {
	if name == "" || len(ps) == 0 {
		return ps
	}
	out := make(Problems, len(ps))
	for i, p := range ps {
		if p == nil || p.File != "" {
			out[i] = p
			continue
		}
		q := *p
		q.File = name
		out[i] = &q
	}
	return out
}

// Unwrap returns the problems, for errors.Is and errors.As.
func (ps Problems) Unwrap() []error {
	out := make([]error, len(ps))
	for i, p := range ps {
		out[i] = p
	}
	return out
}

// ProblemsOf returns every problem in err: the list itself for a Problems,
// each problem of a joined error, or err converted by [AsProblem]. It
// returns nil for a nil error.
func ProblemsOf(err error) Problems {
	if err == nil {
		return nil
	}
	if p, ok := err.(*Problem); ok {
		return Problems{p}
	}
	var ps Problems
	if errors.As(err, &ps) {
		return ps
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out Problems
		for _, e := range j.Unwrap() {
			out = append(out, ProblemsOf(e)...)
		}
		if len(out) > 0 {
			return out
		}
	}
	return Problems{AsProblem(err)}
}
