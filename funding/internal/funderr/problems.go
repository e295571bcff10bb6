package funderr

import (
	"errors"
	"strconv"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
)

// Errs collects the problems of one call.
type Errs struct {
	ps dangjian.Problems
}

// Add records a problem at path: err is its kind, or an error (an
// overflow) whose kind it takes.
func (f *Errs) Add(path, value string, err error, detail string) {
	f.ps.Add(Problem(path, value, err, detail))
}

// Problem returns the problem at path of kind err, or of the error
// err.
func Problem(path, value string, err error, detail string) *dangjian.Problem {
	var pr *dangjian.Problem
	if k, ok := err.(*dangjian.Kind); ok {
		pr = &dangjian.Problem{Kind: k, Path: path}
	} else {
		pr = At(path, err, dangjian.ErrInvalid)
	}
	if value != "" {
		pr.Value = value
	}
	if detail != "" {
		pr.Detail = detail
	}
	return pr
}

// NonNegative records a negative amount at path.
func (f *Errs) NonNegative(path string, m funding.Money) {
	if m.IsNegative() {
		f.Add(path, m.String(), dangjian.ErrNegative, "")
	}
}

// Year records a year outside 1..9998 at path.
func (f *Errs) Year(path string, y int) {
	if y < 1 || y > 9998 {
		f.Add(path, strconv.Itoa(y), funding.ErrYearOutOfRange, "want 1..9998")
	}
}

// Rounding records an invalid rounding at path.
func (f *Errs) Rounding(path string, r funding.Rounding) {
	if err := r.Validate(); err != nil {
		f.Add(path, r.String(), funding.ErrBadPolicy, err.Error())
	}
}

// Err returns the problems recorded, or nil.
func (f *Errs) Err() error { return f.ps.Err() }

// YearEnd is the date on which the rules of a year are chosen: 31 December,
// when the year's accounts close and the deduction is settled.
func YearEnd(y int) dangjian.Date { return dangjian.NewDate(y, 12, 31) }

// RoundingOrDefault returns r, or the default rounding for the zero one.
func RoundingOrDefault(r funding.Rounding) funding.Rounding {
	if r == (funding.Rounding{}) {
		return funding.DefaultRounding()
	}
	return r
}

// PtrMoney returns a pointer to a copy of m.
func PtrMoney(m funding.Money) *funding.Money { return &m }

// PtrRounding returns a pointer to a copy of r.
func PtrRounding(r funding.Rounding) *funding.Rounding { return &r }

// At returns err as a problem at path: a *dangjian.Problem keeps
// its kind, gains path as a prefix of its own and, if it wraps nothing,
// wraps k; another error becomes a problem of kind k (or the kind found in
// err) that wraps it.
func At(path string, err error, k *dangjian.Kind) *dangjian.Problem {
	if p, ok := err.(*dangjian.Problem); ok {
		q := *p
		q.Path = JoinPath(path, q.Path)
		if q.Err == nil && k != nil && k != q.Kind {
			q.Err = k // errors.Is sees the caller's kind too
		}
		return &q
	}
	if pk := KindIn(err); pk != nil {
		k = pk
	}
	return &dangjian.Problem{Kind: k, Path: path, Detail: err.Error(), Err: err}
}

// JoinPath joins a path prefix and a path ("months[2]" and "base" give
// "months[2].base"; a prefix and an index "[3]" give "prefix[3]").
func JoinPath(prefix, path string) string {
	switch {
	case prefix == "":
		return path
	case path == "":
		return prefix
	case path[0] == '[':
		return prefix + path
	}
	return prefix + "." + path
}

// KindIn returns the kind of the first problem or kind in err's tree, or
// nil.
func KindIn(err error) *dangjian.Kind {
	var p *dangjian.Problem
	if errors.As(err, &p) {
		return p.Kind
	}
	var k *dangjian.Kind
	if errors.As(err, &k) {
		return k
	}
	return nil
}
