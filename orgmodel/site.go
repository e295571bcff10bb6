package orgmodel

import (
	"github.com/dangjian-go/dangjian/internal/enum"
	"github.com/google/uuid"
	"github.com/shopspring/decimal"
)

// Site is a facility attached to an organization or an area: a service
// centre, a venue, a member station (党员驿站). Sites are not organizations.
type Site struct {
	ID   uuid.UUID `json:"id"`
	Kind SiteKind  `json:"kind"`
	Name string    `json:"name"`
	// Org is the organization the site belongs to or serves.
	Org uuid.UUID `json:"org,omitempty"`
	// Area is the floor area in square metres (㎡), exact; zero when not
	// recorded. It encodes in JSON as a string.
	Area decimal.Decimal `json:"area"`
}

// SiteKind is the kind of a [Site].
type SiteKind uint8

const (
	SiteUnknown             SiteKind = iota // not set
	PartyServiceCenter                      // 党群服务中心
	NonPublicGuidanceCenter                 // 非公党建指导服务中心
	NonPublicActivityCenter                 // 非公党群活动中心
	CommunityVenue                          // 社区活动场所
	MemberStation                           // 党员驿站
	VillageOffice                           // 村部 (村级组织活动场所)
	GridStation                             // 网格党群服务站
)

var siteTable = enum.New("SiteKind",
	[]string{"", "party_service_center", "non_public_guidance_center", "non_public_activity_center",
		"community_venue", "member_station", "village_office", "grid_station"},
	[]string{"", "党群服务中心", "非公党建指导服务中心", "非公党群活动中心",
		"社区活动场所", "党员驿站", "村部", "网格党群服务站"},
	map[string]int{"非公党建指导中心": 2, "村级组织活动场所": 6, "行政村部": 6})

// String returns the stable English code.
func (v SiteKind) String() string { return siteTable.Code(int(v)) }

// Label returns the Chinese label.
func (v SiteKind) Label() string { return siteTable.Label(int(v)) }

// IsValid reports whether v is one of the defined values (not SiteUnknown).
func (v SiteKind) IsValid() bool { return siteTable.Valid(int(v)) }

// ParseSiteKind accepts the English code (any case), the Chinese label or a
// listed alias. An unknown input is an error that quotes it.
func ParseSiteKind(s string) (SiteKind, error) {
	v, err := parseEnum(siteTable, s)
	return SiteKind(v), err
}

// MarshalText encodes the English code; SiteUnknown encodes as "".
func (v SiteKind) MarshalText() ([]byte, error) { return siteTable.Encode(int(v)) }

// UnmarshalText accepts the English code, the Chinese label or an alias;
// "" decodes to SiteUnknown.
func (v *SiteKind) UnmarshalText(b []byte) error {
	x, err := decodeEnum(siteTable, b)
	if err == nil {
		*v = SiteKind(x)
	}
	return err
}
