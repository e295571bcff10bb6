package assess

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dangjian-go/dangjian"
)

// The kinds of assess's problems. The shared ones are the root package's
// kinds under their old names; the narrower ones have root parents, so
// errors.Is(err, dangjian.ErrInconsistent) holds for every weights,
// points, bands and decision-table problem, and errors.Is(err,
// dangjian.ErrInvalid) for every problem of a subject's input.
var (
	// ErrInvalid is [dangjian.ErrInvalid].
	ErrInvalid = dangjian.ErrInvalid
	// ErrDuplicate is [dangjian.ErrDuplicate].
	ErrDuplicate = dangjian.ErrDuplicate
	// ErrUnknownRef is [dangjian.ErrUnknownRef].
	ErrUnknownRef = dangjian.ErrUnknownRef
	// ErrLimit is [dangjian.ErrLimit]: a scheme beyond MaxIndicators,
	// MaxDepth or MaxTableRules.
	ErrLimit = dangjian.ErrLimit
	// ErrWeights: component or rater-group weights that are not positive
	// or do not sum exactly to 1 (code "weights"; a kind of
	// [dangjian.ErrInconsistent]).
	ErrWeights = dangjian.NewKind("weights", "weights do not sum to 1", dangjian.ErrInconsistent)
	// ErrPoints: maxima, points or caps that are not positive or do not
	// add up the tree (code "points").
	ErrPoints = dangjian.NewKind("points", "points are inconsistent", dangjian.ErrInconsistent)
	// ErrBands: grade bands with a gap, an overlap or a wrong order (code
	// "bands").
	ErrBands = dangjian.NewKind("bands", "bands do not cover the score range exactly once", dangjian.ErrInconsistent)
	// ErrTable: a decision table whose rules contradict its hit policy
	// (code "decision_table").
	ErrTable = dangjian.NewKind("decision_table", "decision table is inconsistent", dangjian.ErrInconsistent)
	// ErrUnreachable marks a warning, not an error: a decision-table rule
	// that can never fire (code "unreachable_rule"; see [Scorer.Warnings]).
	ErrUnreachable = dangjian.NewKind("unreachable_rule", "rule can never fire", nil)
	// ErrInput: a subject's input, a cohort's results or an override that
	// does not fit the scheme or policy (code "invalid_input"; a kind of
	// [dangjian.ErrInvalid]).
	ErrInput = dangjian.NewKind("invalid_input", "invalid input", dangjian.ErrInvalid)
	// ErrArithmetic: a computation beyond the exact range (code
	// "arithmetic"; a kind of [dangjian.ErrOverflow]).
	ErrArithmetic = dangjian.NewKind("arithmetic", "arithmetic out of range", dangjian.ErrOverflow)
)

// Problem is the module's problem type.
//
// Deprecated: use [dangjian.Problem]. assess reports every problem as a
// *dangjian.Problem (Path addresses the field, ID the subject, Value quotes
// the value), and many problems as a [dangjian.Problems].
type Problem = dangjian.Problem

// problems collects problems.
type problems struct {
	list dangjian.Problems
}

// add records a problem of kind k without detail.
func (ps *problems) add(path, value string, k *dangjian.Kind) {
	ps.list = append(ps.list, &dangjian.Problem{Kind: k, Path: path, Value: value})
}

// addf records a problem of kind k with a detail.
func (ps *problems) addf(path, value string, k *dangjian.Kind, format string, args ...any) {
	ps.list = append(ps.list, &dangjian.Problem{Kind: k, Path: path, Value: value, Detail: fmt.Sprintf(format, args...)})
}

// addErr records a problem of kind k caused by err (an arithmetic error,
// a parse error), whose text becomes the detail.
func (ps *problems) addErr(path, value string, k *dangjian.Kind, err error) {
	ps.list = append(ps.list, &dangjian.Problem{Kind: k, Path: path, Value: value, Detail: detailOf(err), Err: err})
}

// detailOf returns an error's text for a Problem's detail: without a
// package prefix, and for a Problem its message alone.
func detailOf(err error) string {
	if p, ok := err.(*dangjian.Problem); ok {
		return p.Message()
	}
	msg := err.Error()
	for _, pre := range []string{"rat: ", "assess: ", "dangjian: ", "json: "} {
		msg = strings.TrimPrefix(msg, pre)
	}
	return msg
}

// withID sets the subject's ID on the problems that have none and returns
// them as an error (nil for none).
func withID(list dangjian.Problems, id string) error {
	for _, p := range list {
		if p.ID == "" {
			p.ID = id
		}
	}
	return list.Err()
}

// problemf returns a problem of kind k with a detail, for the API's own
// errors (a slot of another scheme, an unknown ID asked of a layout).
func problemf(k *dangjian.Kind, format string, args ...any) *dangjian.Problem {
	return &dangjian.Problem{Kind: k, Detail: fmt.Sprintf(format, args...)}
}

// addAt records err at path: a *dangjian.Problem keeps its kind and
// detail and takes the path and value; any other error is of kind
// ErrInvalid with err's text as the detail.
func (ps *problems) addAt(path, value string, err error) {
	if p, ok := err.(*dangjian.Problem); ok {
		q := *p
		q.Path, q.Value = path, value
		ps.list = append(ps.list, &q)
		return
	}
	ps.addErr(path, value, ErrInvalid, err)
}

// withIDs gives each problem under list[i] ("results[3].gates[0]") that
// has no ID the ID id(i), and returns the problems.
func (ps *problems) withIDs(list string, id func(i int) string) dangjian.Problems {
	for _, p := range ps.list {
		rest, ok := strings.CutPrefix(p.Path, list+"[")
		if !ok || p.ID != "" {
			continue
		}
		n, _, ok := strings.Cut(rest, "]")
		if i, err := strconv.Atoi(n); ok && err == nil && i >= 0 {
			p.ID = id(i)
		}
	}
	return ps.list
}
