package standard

import (
	"strings"

	"github.com/dangjian-go/dangjian/funding/internal/funderr"
	"github.com/dangjian-go/dangjian/internal/enum"
)

// CadrePost is the village post a pay floor is for: the main cadre (村主干,
// the secretary or the director), the secretary who is also the director
// (一肩挑), a deputy (副职), or another member of the two committees.
//
// The zero value, [AnyPost], means the floor is for the item as a whole,
// not for a particular post; it is valid.
type CadrePost uint8

const (
	AnyPost        CadrePost = iota // the item as a whole
	MainCadre                       // 村主干 (主职干部: 书记, 主任)
	YiJianTiaoPost                  // 一肩挑: the secretary who also directs the villagers' committee
	DeputyCadre                     // 副职
	OtherMember                     // 其他“两委”成员
)

var cadrePostTable = enum.New("CadrePost",
	[]string{"", "main", "yi_jian_tiao", "deputy", "other_member"},
	[]string{"", "村主干", "一肩挑", "副职", "其他两委成员"},
	map[string]int{"主职干部": 1, "主职": 1, "村主职干部": 1, "其他“两委”成员": 4, "其他村干部": 4})

// String returns the stable English code ("" for AnyPost).
func (v CadrePost) String() string { return cadrePostTable.Code(int(v)) }

// Label returns the Chinese label ("" for AnyPost).
func (v CadrePost) Label() string { return cadrePostTable.Label(int(v)) }

// IsValid reports whether v is one of the defined values or AnyPost.
func (v CadrePost) IsValid() bool { return v == AnyPost || cadrePostTable.Valid(int(v)) }

// ParseCadrePost accepts the English code (any case), the Chinese label or
// a listed alias; "" parses as AnyPost. An unknown input is an error that
// quotes it.
func ParseCadrePost(s string) (CadrePost, error) {
	if strings.TrimSpace(s) == "" {
		return AnyPost, nil
	}
	v, err := cadrePostTable.Parse("funding", s)
	return CadrePost(v), funderr.EnumProblem(err, cadrePostTable, s, "cadre post")
}

// MarshalText encodes the English code; AnyPost encodes as "".
func (v CadrePost) MarshalText() ([]byte, error) {
	return funderr.EnumText(cadrePostTable, int(v), "cadre post")
}

// UnmarshalText accepts the English code, the Chinese label or an alias;
// "" decodes to AnyPost.
func (v *CadrePost) UnmarshalText(b []byte) error {
	x, err := cadrePostTable.Unmarshal("funding", b)
	if err == nil {
		*v = CadrePost(x)
	}
	return funderr.EnumProblem(err, cadrePostTable, string(b), "cadre post")
}

// FloorPart names the part of a [Floor] that binds: the income multiple,
// the yearly minimum or the monthly minimum.
//
// The zero value is [FloorPartUnknown].
type FloorPart uint8

const (
	FloorPartUnknown FloorPart = iota // not set
	IncomePart                        // 收入倍数: multiplier × ratio × the reference income
	PerYearPart                       // 年度下限: the absolute floor per year
	PerMonthPart                      // 月度下限: the absolute floor per month, × 12
)

var floorPartTable = enum.New("FloorPart",
	[]string{"", "income", "per_year", "per_month"},
	[]string{"", "收入倍数", "年度下限", "月度下限"}, nil)

// String returns the stable English code.
func (v FloorPart) String() string { return floorPartTable.Code(int(v)) }

// Label returns the Chinese label.
func (v FloorPart) Label() string { return floorPartTable.Label(int(v)) }

// IsValid reports whether v is one of the defined values.
func (v FloorPart) IsValid() bool { return floorPartTable.Valid(int(v)) }

// MarshalText encodes the English code.
func (v FloorPart) MarshalText() ([]byte, error) {
	return funderr.EnumText(floorPartTable, int(v), "floor part")
}

// UnmarshalText accepts the English code or the Chinese label.
func (v *FloorPart) UnmarshalText(b []byte) error {
	x, err := floorPartTable.Unmarshal("funding", b)
	if err == nil {
		*v = FloorPart(x)
	}
	return funderr.EnumProblem(err, floorPartTable, string(b), "floor part")
}
