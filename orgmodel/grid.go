package orgmodel

import (
	"github.com/dangjian-go/dangjian/internal/enum"
	"github.com/google/uuid"
)

// Grid is a governance grid (网格) of a community or village, with its grid
// branch and building party groups linked through [Org.Grid].
type Grid struct {
	ID   uuid.UUID `json:"id"`
	Name string    `json:"name"`
	Type GridType  `json:"type,omitempty"`
	// Org is the community or village organization responsible for it.
	Org uuid.UUID `json:"org"`
}

// GridType is the type of a [Grid].
type GridType uint8

const (
	GridUnknown   GridType = iota // not recorded
	UrbanGrid                     // 城市网格
	RuralGrid                     // 农村网格
	DedicatedGrid                 // 专属网格 (a hospital, a school, a park…)
)

var gridTable = enum.New("GridType",
	[]string{"", "urban", "rural", "dedicated"},
	[]string{"", "城市网格", "农村网格", "专属网格"}, nil)

// String returns the stable English code.
func (v GridType) String() string { return gridTable.Code(int(v)) }

// Label returns the Chinese label.
func (v GridType) Label() string { return gridTable.Label(int(v)) }

// IsValid reports whether v is one of the defined values (not GridUnknown).
func (v GridType) IsValid() bool { return gridTable.Valid(int(v)) }

// ParseGridType accepts the English code (any case), the Chinese label or a
// listed alias. An unknown input is an error that quotes it.
func ParseGridType(s string) (GridType, error) {
	v, err := parseEnum(gridTable, s)
	return GridType(v), err
}

// MarshalText encodes the English code; GridUnknown encodes as "".
func (v GridType) MarshalText() ([]byte, error) { return gridTable.Encode(int(v)) }

// UnmarshalText accepts the English code, the Chinese label or an alias;
// "" decodes to GridUnknown.
func (v *GridType) UnmarshalText(b []byte) error {
	x, err := decodeEnum(gridTable, b)
	if err == nil {
		*v = GridType(x)
	}
	return err
}
