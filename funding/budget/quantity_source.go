package budget

import (
	"strconv"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/enum"
)

// QuantitySource says where a budget line's quantity comes from.
//
// The zero value is [QuantityUnknown].
type QuantitySource uint8

const (
	QuantityUnknown QuantitySource = iota // not set
	QuantityPerUnit                       // 每单位一份: one per village, community or branch
	QuantityPosts                         // 任职记录: counted from the posts recorded in the tree
	QuantityDefault                       // 默认值: no post recorded; the option's default
	QuantityOption                        // 调用方指定: fixed by the caller's option
)

var quantitySourceTable = enum.New("QuantitySource",
	[]string{"", "per_unit", "posts", "default", "option"},
	[]string{"", "每单位一份", "任职记录", "默认值", "调用方指定"}, nil)

// String returns the stable English code.
func (v QuantitySource) String() string { return quantitySourceTable.Code(int(v)) }

// Label returns the Chinese label.
func (v QuantitySource) Label() string { return quantitySourceTable.Label(int(v)) }

// IsValid reports whether v is one of the defined values.
func (v QuantitySource) IsValid() bool { return quantitySourceTable.Valid(int(v)) }

// MarshalText encodes the English code.
func (v QuantitySource) MarshalText() ([]byte, error) {
	b, err := quantitySourceTable.Marshal("budget", int(v))
	if err != nil {
		return nil, &dangjian.Problem{Kind: dangjian.ErrInvalid, Value: strconv.Itoa(int(v)), Detail: "not a valid quantity source"}
	}
	return b, nil
}

// UnmarshalText accepts the English code or the Chinese label.
func (v *QuantitySource) UnmarshalText(b []byte) error {
	x, err := quantitySourceTable.Unmarshal("budget", b)
	if err != nil {
		return &dangjian.Problem{Kind: dangjian.ErrInvalid, Value: string(b),
			Detail: "unknown quantity source: want per_unit, posts, default, option or the Chinese label"}
	}
	*v = QuantitySource(x)
	return nil
}
