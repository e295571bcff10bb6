package funding

import (
	"errors"
	"math"
	"strconv"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/shopspring/decimal"
)

// Money is an exact amount of yuan (元) with fen (分) precision, held as an
// int64 count of fen. It is a comparable, immutable value: pass it by value
// and compare it with == or [Money.Cmp].
//
// The zero Money is 0.00 元 and an identity for [Money.Add]. Money never
// passes through floating point: it is parsed from and printed as decimal
// text ("1234.50"), and encodes in JSON as a string.
type Money struct {
	fen int64
}

// Fen returns n fen.
func Fen(n int64) Money { return Money{fen: n} }

// Yuan returns n whole yuan; it reports ErrOverflow beyond the range.
func Yuan(n int64) (Money, error) {
	if n > math.MaxInt64/100 || n < math.MinInt64/100 {
		return Money{}, &dangjian.Problem{Kind: ErrOverflow, Value: strconv.FormatInt(n, 10), Detail: "yuan beyond an int64 count of fen"}
	}
	return Money{fen: n * 100}, nil
}

// ParseMoney parses an amount in yuan: an optional sign, digits, and at most
// two decimal places ("1234", "1234.5", "-0.05", "+3000.00"). It accepts no
// exponent, no grouping commas and no currency sign, and never goes through
// a float. An amount finer than a fen is an error wrapping [ErrSubFen].
func ParseMoney(s string) (Money, error) {
	fen, err := parseFen(s)
	if err != nil {
		return Money{}, moneyProblem(s, err)
	}
	return Money{fen: fen}, nil
}

// MustParseMoney is like [ParseMoney] but panics on error. It is meant for
// tests and static rule tables with hard-coded amounts.
func MustParseMoney(s string) Money {
	m, err := ParseMoney(s)
	if err != nil {
		panic(err)
	}
	return m
}

const maxWhole = math.MaxInt64 / 100 // whole yuan that fit in an int64 of fen

var errSyntax = errors.New("want digits with at most two decimal places")

// moneyProblem returns the problem of the amount text s that parseFen
// rejected with err.
func moneyProblem(s string, err error) *dangjian.Problem {
	switch err {
	case ErrSubFen, ErrOverflow:
		return &dangjian.Problem{Kind: err.(*dangjian.Kind), Value: s}
	}
	return &dangjian.Problem{Kind: dangjian.ErrInvalid, Value: s, Detail: "want an amount in yuan: digits with at most two decimal places", Err: err}
}

func parseFen(s string) (int64, error) {
	t := s
	neg := false
	if len(t) > 0 && (t[0] == '+' || t[0] == '-') {
		neg = t[0] == '-'
		t = t[1:]
	}
	whole, frac, hasDot := strings.Cut(t, ".")
	if whole == "" || (hasDot && frac == "") {
		return 0, errSyntax
	}
	var v uint64
	for i := 0; i < len(whole); i++ {
		c := whole[i]
		if c < '0' || c > '9' {
			return 0, errSyntax
		}
		d := uint64(c - '0')
		if v > (maxWhole-d)/10 {
			return 0, ErrOverflow
		}
		v = v*10 + d
	}
	v *= 100
	for i := 0; i < len(frac); i++ {
		c := frac[i]
		if c < '0' || c > '9' {
			return 0, errSyntax
		}
		if i >= 2 {
			if c != '0' {
				return 0, ErrSubFen
			}
			continue
		}
		d := uint64(c - '0')
		if i == 0 {
			d *= 10
		}
		v += d
	}
	if v > math.MaxInt64 {
		return 0, ErrOverflow
	}
	if neg {
		return -int64(v), nil
	}
	return int64(v), nil
}

// MoneyFromDecimal converts an exact decimal number of yuan. A value finer
// than a fen is an error wrapping [ErrSubFen]: round it first (see
// [Rounding.Money]).
func MoneyFromDecimal(d decimal.Decimal) (Money, error) {
	f := d.Shift(2)
	if !f.Equal(f.Truncate(0)) {
		return Money{}, &dangjian.Problem{Kind: ErrSubFen, Value: d.String()}
	}
	b := f.BigInt()
	if !b.IsInt64() {
		return Money{}, &dangjian.Problem{Kind: ErrOverflow, Value: d.String()}
	}
	return Money{fen: b.Int64()}, nil
}

// Fen returns the amount as a count of fen.
func (m Money) Fen() int64 { return m.fen }

// Decimal returns the amount in yuan as an exact decimal.
func (m Money) Decimal() decimal.Decimal { return decimal.New(m.fen, -2) }

// IsZero reports whether m is 0.00.
func (m Money) IsZero() bool { return m.fen == 0 }

// IsNegative reports whether m is below zero.
func (m Money) IsNegative() bool { return m.fen < 0 }

// Cmp returns -1, 0 or +1 as m is less than, equal to or greater than n.
func (m Money) Cmp(n Money) int {
	switch {
	case m.fen < n.fen:
		return -1
	case m.fen > n.fen:
		return 1
	}
	return 0
}

// Add returns m + n, or ErrOverflow.
func (m Money) Add(n Money) (Money, error) {
	s := m.fen + n.fen
	if (s > m.fen) != (n.fen > 0) {
		return Money{}, &dangjian.Problem{Kind: ErrOverflow, Value: m.String() + " + " + n.String()}
	}
	return Money{fen: s}, nil
}

// Sub returns m − n, or ErrOverflow.
func (m Money) Sub(n Money) (Money, error) {
	s := m.fen - n.fen
	if (s < m.fen) != (n.fen > 0) {
		return Money{}, &dangjian.Problem{Kind: ErrOverflow, Value: m.String() + " - " + n.String()}
	}
	return Money{fen: s}, nil
}

// MulInt returns m × n, or ErrOverflow.
func (m Money) MulInt(n int64) (Money, error) {
	if m.fen == 0 || n == 0 {
		return Money{}, nil
	}
	p := m.fen * n
	if p/n != m.fen || (m.fen == -1 && n == math.MinInt64) || (n == -1 && m.fen == math.MinInt64) {
		return Money{}, &dangjian.Problem{Kind: ErrOverflow, Value: m.String() + " × " + strconv.FormatInt(n, 10)}
	}
	return Money{fen: p}, nil
}

// Min returns the smaller of m and n.
func (m Money) Min(n Money) Money {
	if n.fen < m.fen {
		return n
	}
	return m
}

// Max returns the larger of m and n.
func (m Money) Max(n Money) Money {
	if n.fen > m.fen {
		return n
	}
	return m
}

// Sum adds amounts, reporting ErrOverflow.
func Sum(ms ...Money) (Money, error) {
	var t Money
	for _, m := range ms {
		var err error
		if t, err = t.Add(m); err != nil {
			return Money{}, err
		}
	}
	return t, nil
}

// String returns the amount in yuan with exactly two decimals ("1234.50",
// "-0.05").
func (m Money) String() string {
	var buf [24]byte // "-92233720368547758.08"
	return string(m.appendText(buf[:0]))
}

// appendText appends the amount as String writes it ("6234.50") to b.
func (m Money) appendText(b []byte) []byte {
	f := m.fen
	u := uint64(f)
	if f < 0 {
		b = append(b, '-')
		u = uint64(-(f + 1)) + 1
	}
	whole, frac := u/100, u%100
	b = strconv.AppendUint(b, whole, 10)
	return append(b, '.', byte('0'+frac/10), byte('0'+frac%10))
}

// MarshalText encodes the amount as its String.
func (m Money) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText decodes an amount written as [ParseMoney] accepts.
func (m *Money) UnmarshalText(b []byte) error {
	v, err := ParseMoney(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// MarshalJSON encodes the amount as a JSON string ("1234.50"), so that no
// JSON reader turns it into a float.
func (m Money) MarshalJSON() ([]byte, error) { return []byte(`"` + m.String() + `"`), nil }

// UnmarshalJSON accepts a JSON string or a bare JSON number; either way the
// text is parsed exactly, never as a float.
func (m *Money) UnmarshalJSON(b []byte) error {
	s := string(b)
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		s = s[1 : len(s)-1]
	}
	return m.UnmarshalText([]byte(s))
}
