package dangjian

import "github.com/dangjian-go/dangjian/internal/enum"

// Modality is how binding a rule's wording is. Chinese rule texts mark it:
// 应当/必须 (shall), 一般/原则上 (normally), 可以 (may, usually with approval).
//
// The zero value is [ModalityUnknown], never valid on a rule.
type Modality uint8

const (
	ModalityUnknown Modality = iota // not set
	Must                            // 应当 / 必须: shall
	Usually                         // 一般 / 原则上: normally; a soft rule
	May                             // 可以: may, usually with approval
)

var modalityTable = enum.New("Modality", []string{"", "must", "usually", "may"}, []string{"", "应当", "一般", "可以"}, map[string]int{"必须": 1, "原则上": 2, "shall": 1, "should": 2})

// String returns the stable English code.
func (v Modality) String() string { return modalityTable.Code(int(v)) }

// Label returns the Chinese label.
func (v Modality) Label() string { return modalityTable.Label(int(v)) }

// IsValid reports whether v is one of the defined values.
func (v Modality) IsValid() bool { return modalityTable.Valid(int(v)) }

// ParseModality accepts the English code (any case) or the Chinese label.
func ParseModality(s string) (Modality, error) {
	v, err := modalityTable.Parse("dangjian", s)
	return Modality(v), err
}

// MarshalText encodes the English code; the zero value encodes as "".
func (v Modality) MarshalText() ([]byte, error) { return modalityTable.Marshal("dangjian", int(v)) }

// UnmarshalText accepts the English code or the Chinese label; "" decodes to
// the zero value.
func (v *Modality) UnmarshalText(b []byte) error {
	x, err := modalityTable.Unmarshal("dangjian", b)
	if err == nil {
		*v = Modality(x)
	}
	return err
}
