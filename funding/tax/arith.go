package tax

import (
	"github.com/dangjian-go/dangjian/funding"
)

// taxAcc adds and subtracts money and keeps the first overflow; later
// steps are no-ops.
type taxAcc struct{ err error }

func (a *taxAcc) add(x, y funding.Money) funding.Money {
	if a.err != nil {
		return funding.Money{}
	}
	s, err := x.Add(y)
	a.err = err
	return s
}

func (a *taxAcc) sub(x, y funding.Money) funding.Money {
	if a.err != nil {
		return funding.Money{}
	}
	s, err := x.Sub(y)
	a.err = err
	return s
}

func (a *taxAcc) mul(x funding.Money, n int) funding.Money {
	if a.err != nil {
		return funding.Money{}
	}
	s, err := x.MulInt(int64(n))
	a.err = err
	return s
}
