package bench

import (
	"fmt"
	"math/rand/v2"
	"strconv"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/dues"
	"github.com/shopspring/decimal"
)

// MemberKind is how an alternative implementation classifies a member: a
// rate of a wage base, a rate of a pension base, or a flat amount. (The
// library has its own, richer dues.Category.)
type MemberKind uint8

const (
	KindWage    MemberKind = iota // 在职 (and 个体, 年薪制): the wage scale
	KindPension                   // 离退休: the pension scale
	KindFlat                      // 农民, 学生, 下岗失业, 低保: a flat 0.20 元
)

// KindOf maps a library category to the alternatives' kind.
func KindOf(c dues.Category) MemberKind {
	switch {
	case c.IsFlat():
		return KindFlat
	case c == dues.Retired:
		return KindPension
	}
	return KindWage
}

// categoryOf is a library category of the kind.
func categoryOf(kind MemberKind) dues.Category {
	switch kind {
	case KindPension:
		return dues.Retired
	case KindFlat:
		return dues.Farmer
	}
	return dues.Employed
}

// DecimalMember is a member as the decimal implementation holds it.
type DecimalMember struct {
	Kind MemberKind
	Base decimal.Decimal
}

// FloatMember is a member as the float64 implementation holds it.
type FloatMember struct {
	Kind MemberKind
	Base float64
}

// DuesBatch is one batch of members in each implementation's own input
// form. Every form is loaded from the same text: the base in yuan as a
// roster or a database column holds it ("3456.78"), parsed once with
// funding.ParseMoney, decimal.NewFromString and strconv.ParseFloat. Loading
// is not part of any timing.
type DuesBatch struct {
	Text    []string // the base in yuan, as text
	Library []dues.BatchInput
	Decimal []DecimalMember
	Float   []FloatMember
}

// GenMembers fills in with a month of a mixed membership, drawn from r: the
// mix of the library's own benchmark (funding/dues_bench_test.go): 70 %
// employed with bases under 25,000 元, 25 % retired under 9,000 元, 5 %
// farmers; bases spread over every bracket, to the fen.
func GenMembers(r *rand.Rand, in []dues.BatchInput) {
	for i := range in {
		switch k := r.IntN(100); {
		case k < 70:
			in[i] = dues.BatchInput{Category: dues.Employed, Base: funding.Fen(r.Int64N(2_500_000))}
		case k < 95:
			in[i] = dues.BatchInput{Category: dues.Retired, Base: funding.Fen(r.Int64N(900_000))}
		default:
			in[i] = dues.BatchInput{Category: dues.Farmer}
		}
	}
}

// NewDuesBatch returns n members from GenMembers with the given seed, in
// every implementation's form.
func NewDuesBatch(n int, seed uint64) (*DuesBatch, error) {
	r := rand.New(rand.NewPCG(seed, 6))
	gen := make([]dues.BatchInput, n)
	GenMembers(r, gen)
	b := &DuesBatch{
		Text:    make([]string, n),
		Library: make([]dues.BatchInput, n),
		Decimal: make([]DecimalMember, n),
		Float:   make([]FloatMember, n),
	}
	for i, g := range gen {
		text := g.Base.String()
		m, err := funding.ParseMoney(text)
		if err != nil {
			return nil, err
		}
		d, err := decimal.NewFromString(text)
		if err != nil {
			return nil, err
		}
		f, err := strconv.ParseFloat(text, 64)
		if err != nil {
			return nil, err
		}
		k := KindOf(g.Category)
		b.Text[i] = text
		b.Library[i] = dues.BatchInput{Category: g.Category, Base: m}
		b.Decimal[i] = DecimalMember{Kind: k, Base: d}
		b.Float[i] = FloatMember{Kind: k, Base: f}
	}
	return b, nil
}

// LibraryDues is the library's batch path: the 2017 rules (the rules in
// force on the given date, dues.RulesFor) compiled once, then
// (*dues.Calculator).Batch.
type LibraryDues struct {
	Calc *dues.Calculator
}

// NewLibraryDues compiles the dues rules in force on date (YYYY-MM-DD).
func NewLibraryDues(date string) (*LibraryDues, error) {
	d, err := dangjian.ParseDate(date)
	if err != nil {
		return nil, err
	}
	rs, err := dues.RulesFor(d)
	if err != nil {
		return nil, err
	}
	c, err := rs.Compile()
	if err != nil {
		return nil, err
	}
	return &LibraryDues{Calc: c}, nil
}

// Batch computes the dues of in into out.
func (l *LibraryDues) Batch(in []dues.BatchInput, out []funding.Money) error {
	return l.Calc.Batch(in, out)
}

// AmountText is the library's answer for one base given as yuan text, as
// text ("12.35"): for the sweeps.
func (l *LibraryDues) AmountText(kind MemberKind, base string) (string, error) {
	m, err := funding.ParseMoney(base)
	if err != nil {
		return "", err
	}
	out, err := l.Calc.Amount(categoryOf(kind), m)
	if err != nil {
		return "", fmt.Errorf("base %s: %w", base, err)
	}
	return out.String(), nil
}
