package funding

import (
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/shopspring/decimal"
)

// Rate is an exact rate or coefficient: a dues rate (0.015), a share (0.05),
// a pay coefficient (1.2) or a growth rate. It is an immutable value; the
// zero Rate is 0.
type Rate struct {
	d decimal.Decimal
}

// ParseRate parses a decimal ("0.015", "1.2") or a percentage ("1.5%"),
// exactly. It accepts no exponent and never goes through a float.
func ParseRate(s string) (Rate, error) {
	t := strings.TrimSpace(s)
	pct := strings.HasSuffix(t, "%")
	t = strings.TrimSuffix(t, "%")
	if t == "" || strings.ContainsAny(t, "eE_ ") {
		return Rate{}, &dangjian.Problem{Kind: dangjian.ErrInvalid, Value: s, Detail: "want a decimal such as 0.015 or 1.5%"}
	}
	d, err := decimal.NewFromString(t)
	if err != nil {
		return Rate{}, &dangjian.Problem{Kind: dangjian.ErrInvalid, Value: s, Detail: "want a decimal such as 0.015 or 1.5%"}
	}
	if pct {
		d = d.Shift(-2)
	}
	return Rate{d: d}, nil
}

// MustParseRate is like [ParseRate] but panics on error. It is meant for
// tests and static rule tables.
func MustParseRate(s string) Rate {
	r, err := ParseRate(s)
	if err != nil {
		panic(err)
	}
	return r
}

// RateOf wraps an exact decimal.
func RateOf(d decimal.Decimal) Rate { return Rate{d: d} }

// Decimal returns the rate as an exact decimal.
func (r Rate) Decimal() decimal.Decimal { return r.d }

// IsZero reports whether r is 0.
func (r Rate) IsZero() bool { return r.d.IsZero() }

// Cmp compares two rates by value.
func (r Rate) Cmp(s Rate) int { return r.d.Cmp(s.d) }

// Equal reports whether r and s are the same number (0.010 equals 0.01).
func (r Rate) Equal(s Rate) bool { return r.d.Equal(s.d) }

// String returns the rate as a plain decimal ("0.015").
func (r Rate) String() string { return r.d.String() }

// Percent returns the rate as a percentage ("1.5%"), for display. The
// package's outputs (JSON, the ledger, traces, problems) spell a rate one
// way, as the plain decimal of [Rate.String] ("0.015"); every input
// accepts both spellings.
func (r Rate) Percent() string { return r.d.Shift(2).String() + "%" }

// MarshalText encodes the rate as a plain decimal.
func (r Rate) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalText decodes what [ParseRate] accepts.
func (r *Rate) UnmarshalText(b []byte) error {
	v, err := ParseRate(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// MarshalJSON encodes the rate as a JSON string.
func (r Rate) MarshalJSON() ([]byte, error) { return []byte(`"` + r.String() + `"`), nil }

// UnmarshalJSON accepts a JSON string or a bare number, parsed exactly.
func (r *Rate) UnmarshalJSON(b []byte) error {
	s := string(b)
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		s = s[1 : len(s)-1]
	}
	return r.UnmarshalText([]byte(s))
}
