package dangjian

import "github.com/dangjian-go/dangjian/internal/enum"

// Comparison is how a value meets a threshold. Whether 以上 includes the
// bound differs between texts (the dues regulation marks the inclusive
// bound with 含), so each rule says. The zero value is [CmpUnknown].
type Comparison uint8

const (
	CmpUnknown Comparison = iota // not set
	AtLeast                      // ≥ (以上 read inclusively, 不少于, 达到)
	MoreThan                     // > (超过)
)

var cmpTable = enum.New("Comparison",
	[]string{"", "at_least", "more_than"}, []string{"", "以上", "超过"},
	map[string]int{">=": 1, "≥": 1, ">": 2, "不少于": 1, "达到": 1})

// Holds reports whether v meets the threshold n.
func (c Comparison) Holds(v, n int64) bool {
	if c == MoreThan {
		return v > n
	}
	return v >= n
}

// HoldsCmp reports whether a value meets its threshold given cmp, the
// result of comparing them (-1, 0 or +1, as from decimal.Cmp or a
// rational comparison).
func (c Comparison) HoldsCmp(cmp int) bool {
	if c == MoreThan {
		return cmp > 0
	}
	return cmp >= 0
}

// String returns the stable English code.
func (v Comparison) String() string { return cmpTable.Code(int(v)) }

// Label returns the Chinese label.
func (v Comparison) Label() string { return cmpTable.Label(int(v)) }

// IsValid reports whether v is one of the defined values (not CmpUnknown).
func (v Comparison) IsValid() bool { return cmpTable.Valid(int(v)) }

// ParseComparison accepts the English code (any case), the Chinese label or
// an alias (">=", "≥", ">", "不少于", "达到").
func ParseComparison(s string) (Comparison, error) {
	v, err := cmpTable.Parse("dangjian", s)
	return Comparison(v), err
}

// MarshalText encodes the English code; CmpUnknown encodes as "".
func (v Comparison) MarshalText() ([]byte, error) { return cmpTable.Marshal("dangjian", int(v)) }

// UnmarshalText accepts the English code, the Chinese label or an alias;
// "" decodes to CmpUnknown.
func (v *Comparison) UnmarshalText(b []byte) error {
	x, err := cmpTable.Unmarshal("dangjian", b)
	if err == nil {
		*v = Comparison(x)
	}
	return err
}
