package budget

import (
	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
)

// ErrBadBudget is the kind of a bad budget input: a missing tree, a year
// out of range, a negative count, a dispatched branch that is not one, or
// standards that do not fit a budget. It sits under [dangjian.ErrInvalid].
var ErrBadBudget = dangjian.NewKind("bad_budget", "bad budget input", dangjian.ErrInvalid)

// paramErrs accumulates the problems of a budget's inputs.
type paramErrs struct {
	sentinel *dangjian.Kind
	ps       dangjian.Problems
}

// add records a problem at path of the sentinel's kind, or, for a value
// that must not be negative, of kind [dangjian.ErrNegative] wrapping the
// sentinel.
func (p *paramErrs) add(path, value, why string) {
	if why == "must not be negative" {
		p.ps.Add(&dangjian.Problem{Kind: dangjian.ErrNegative, Path: path, Value: value, Err: p.sentinel})
		return
	}
	p.ps.Add(&dangjian.Problem{Kind: p.sentinel, Path: path, Value: value, Detail: why})
}

// addErr records the problems of err, if any.
func (p *paramErrs) addErr(err error) {
	if err != nil {
		p.ps = append(p.ps, dangjian.ProblemsOf(err)...)
	}
}

func (p *paramErrs) err() error { return p.ps.Err() }

// problemAt returns err as a problem at path: a *dangjian.Problem keeps
// its kind and gains path as a prefix of its own path; another error
// becomes a problem of kind [funding.ErrOverflow] (the only error a
// budget's sums return) that wraps it.
func problemAt(path string, err error) *dangjian.Problem {
	if p, ok := err.(*dangjian.Problem); ok {
		q := *p
		if q.Path == "" {
			q.Path = path
		} else {
			q.Path = path + "." + q.Path
		}
		return &q
	}
	return &dangjian.Problem{Kind: funding.ErrOverflow, Path: path, Detail: err.Error(), Err: err}
}
