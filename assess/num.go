package assess

import (
	"encoding/json"
	"fmt"
	"github.com/dangjian-go/dangjian"

	"github.com/dangjian-go/dangjian/internal/rat"
	"github.com/shopspring/decimal"
)

// Num is an exact number of a scheme or an input: points, weights, votes'
// values, percentages. It is parsed from decimal text or a JSON number's
// text, never through a float, and held as an exact fraction. The zero Num
// is 0.
type Num struct {
	r   rat.Rat
	set bool
}

// ParseNum parses decimal text ("0.5", "100", "-2"). An error is a
// *[dangjian.Problem] of kind [ErrInvalid] quoting s.
func ParseNum(s string) (Num, error) {
	x, err := rat.Parse(s)
	if err != nil {
		return Num{}, &dangjian.Problem{Kind: ErrInvalid, Value: s, Detail: "want a decimal number"}
	}
	return Num{r: x, set: true}, nil
}

// MustNum is like [ParseNum] but panics; for tests and static schemes.
func MustNum(s string) Num {
	n, err := ParseNum(s)
	if err != nil {
		panic(err)
	}
	return n
}

func (n Num) rat() rat.Rat {
	if !n.set {
		return rat.Zero
	}
	return n.r
}

// IsSet reports whether the number was given (a zero Num was not).
func (n Num) IsSet() bool { return n.set }

// String renders the number exactly.
func (n Num) String() string { return n.rat().String() }

// Decimal returns the number as a decimal when it is one.
func (n Num) Decimal() (decimal.Decimal, bool) { return n.rat().Decimal() }

// MarshalJSON encodes the number as a JSON string, and a number that was
// not given as null, so that decoding gives back an unset number.
func (n Num) MarshalJSON() ([]byte, error) {
	if !n.set {
		return []byte("null"), nil
	}
	return json.Marshal(n.String())
}

// UnmarshalJSON accepts a JSON string or number, parsed exactly; null
// leaves the number unset.
func (n *Num) UnmarshalJSON(b []byte) error {
	s := string(b)
	if s == "null" {
		*n = Num{}
		return nil
	}
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
	}
	v, err := ParseNum(s)
	if err != nil {
		return err
	}
	*n = v
	return nil
}

// Score is an exact score: a fraction where a vote average makes one, a
// decimal after a declared rounding. It encodes in JSON as a string.
type Score struct {
	r rat.Rat
}

func scoreOf(r rat.Rat) Score { return Score{r: r} }

func (s Score) rat() rat.Rat {
	if s.r.D == 0 {
		return rat.Zero
	}
	return s.r
}

// String renders the score exactly ("86.5", "260/3").
func (s Score) String() string { return s.rat().String() }

// Fixed renders the score with places decimals (it must be rounded to
// them; an unrounded fraction renders as a fraction).
func (s Score) Fixed(places int32) string { return s.rat().Fixed(places) }

// Cmp compares two scores exactly.
func (s Score) Cmp(t Score) int { return s.rat().Cmp(t.rat()) }

// Decimal returns the score as a decimal when it is one.
func (s Score) Decimal() (decimal.Decimal, bool) { return s.rat().Decimal() }

// JSON returns the score as it appears in JSON: a decimal string, exact
// when the score is a decimal ("86.5"), otherwise rounded half-up to
// [JSONPlaces] places ("93.483871" for 2898/31); exact reports the former.
func (s Score) JSON() (text string, exact bool) {
	var buf [48]byte
	b, exact := s.rat().AppendRounded(buf[:0], JSONPlaces)
	return string(b), exact
}

// fraction returns the score as a fraction "n/d" when it is not a decimal,
// else "".
func (s Score) fraction() string {
	if s.rat().IsDecimal() {
		return ""
	}
	return s.rat().String()
}

// MarshalJSON encodes the score as a decimal JSON string (see
// [Score.JSON]); the objects that hold scores give the exact fraction of a
// score that is not a decimal in their "exactFractions" member.
func (s Score) MarshalJSON() ([]byte, error) {
	t, _ := s.JSON()
	return json.Marshal(t)
}

// UnmarshalJSON decodes a decimal string or a fraction "n/d".
func (s *Score) UnmarshalJSON(b []byte) error {
	var t string
	if err := json.Unmarshal(b, &t); err != nil {
		return err
	}
	var n, d int64
	if _, err := fmt.Sscanf(t, "%d/%d", &n, &d); err == nil {
		r, err := rat.New(n, d)
		if err != nil {
			return err
		}
		s.r = r
		return nil
	}
	v, err := rat.Parse(t)
	if err != nil {
		return &dangjian.Problem{Kind: ErrInvalid, Value: t, Detail: "want a decimal number or a fraction n/d"}
	}
	s.r = v
	return nil
}
