package orgmodel

import "github.com/dangjian-go/dangjian/internal/enum"

// Domain is the sector a party organization works in: the list of 党章
// 第三十条 (2022 text: 企业, 农村, 机关, 学校, 医院, 科研院所, 街道社区, 社会组织,
// 人民解放军连队, 其他基层单位), refined where the rules differ (国有企业 /
// 非公企业; 乡镇 / 村; 街道 / 社区), plus 事业单位 (党章 第三十三条) and 园区
// (local practice). 医院 was added to the list in the 2022 text.
//
// The zero value is [DomainUnknown]; a tree accepts it (a domain may not be
// recorded) but domain-scoped rules never match it.
type Domain uint8

const (
	DomainUnknown        Domain = iota // not recorded
	Enterprise                         // 企业 (ownership not recorded)
	StateEnterprise                    // 国有企业
	CollectiveEnterprise               // 集体企业
	NonPublicEnterprise                // 非公企业 (非公有制经济组织)
	Rural                              // 农村 (level not recorded)
	Township                           // 乡镇
	Village                            // 村 (行政村)
	Organ                              // 机关 (党政机关)
	School                             // 学校
	Hospital                           // 医院
	Research                           // 科研院所
	StreetCommunity                    // 街道社区 (level not recorded)
	Street                             // 街道
	Community                          // 社区
	SocialOrg                          // 社会组织
	PublicInstitution                  // 事业单位
	Military                           // 军队 (人民解放军连队)
	Park                               // 园区 (开发区; local practice)
	OtherDomain                        // 其他基层单位
)

var domainTable = enum.New("Domain",
	[]string{"", "enterprise", "state_enterprise", "collective_enterprise", "non_public_enterprise",
		"rural", "township", "village", "organ", "school", "hospital", "research_institute",
		"street_community", "street", "community", "social_organization", "public_institution",
		"military", "park", "other"},
	[]string{"", "企业", "国有企业", "集体企业", "非公企业",
		"农村", "乡镇", "村", "机关", "学校", "医院", "科研院所",
		"街道社区", "街道", "社区", "社会组织", "事业单位",
		"军队", "园区", "其他"},
	map[string]int{
		"国企": 2, "非公有制企业": 4, "非公": 4, "非公有制经济组织": 4,
		"乡": 6, "镇": 6, "行政村": 7, "党政机关": 8, "科研机构": 11,
		"城市社区": 14, "人民解放军连队": 17, "开发区": 18, "其他基层单位": 19,
	})

// Domains lists every defined domain in code order.
func Domains() []Domain {
	out := make([]Domain, 0, domainTable.Len()-1)
	for i := 1; i < domainTable.Len(); i++ {
		out = append(out, Domain(i))
	}
	return out
}

// Broader returns the 党章 第三十条 domain that d refines (村 → 农村,
// 国有企业 → 企业, 社区 → 街道社区), or d itself.
func (d Domain) Broader() Domain {
	switch d {
	case StateEnterprise, CollectiveEnterprise, NonPublicEnterprise:
		return Enterprise
	case Township, Village:
		return Rural
	case Street, Community:
		return StreetCommunity
	}
	return d
}

func (d Domain) bit() uint64 { return 1 << (uint(d) & 63) }

// String returns the stable English code.
func (v Domain) String() string { return domainTable.Code(int(v)) }

// Label returns the Chinese label.
func (v Domain) Label() string { return domainTable.Label(int(v)) }

// IsValid reports whether v is one of the defined values (not DomainUnknown).
func (v Domain) IsValid() bool { return domainTable.Valid(int(v)) }

// ParseDomain accepts the English code (any case), the Chinese label or a
// listed alias. An unknown input is an error that quotes it.
func ParseDomain(s string) (Domain, error) {
	v, err := parseEnum(domainTable, s)
	return Domain(v), err
}

// MarshalText encodes the English code; DomainUnknown encodes as "".
func (v Domain) MarshalText() ([]byte, error) { return domainTable.Encode(int(v)) }

// UnmarshalText accepts the English code, the Chinese label or an alias;
// "" decodes to DomainUnknown.
func (v *Domain) UnmarshalText(b []byte) error {
	x, err := decodeEnum(domainTable, b)
	if err == nil {
		*v = Domain(x)
	}
	return err
}
