package tax

import (
	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding/internal/funderr"
)

type taxProblems dangjian.Problems

// add records a problem at path of kind err (a *dangjian.Kind), or with
// the kind of the error err.
func (ps *taxProblems) add(path, value, rule, detail string, err error) {
	pr := funderr.Problem(path, value, err, detail)
	pr.Rule = rule
	*ps = append(*ps, pr)
}

func (ps taxProblems) err() error { return dangjian.Problems(ps).Err() }
