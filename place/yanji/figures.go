package yanji

import (
	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/google/uuid"
	"github.com/shopspring/decimal"
)

// Figure is one figure of the 延吉市委组织部 article set beside the value counted in
// a tree: what the article says, the least value it allows, and whether the
// tree meets it.
type Figure struct {
	// Key is a stable English key ("streets", "member_stations").
	Key string `json:"key"`
	// Label is the Chinese label ("街道", "党员驿站").
	Label string `json:"label"`
	// Article is the figure as the article gives it ("6", "30余").
	Article string `json:"article"`
	// Section is the heading of the article's section that gives it
	// ("建实体系", "建强阵地").
	Section string `json:"section"`
	// Min is the least value the figure allows; an exact figure allows
	// only Min. "30余" (more than 30) gives 31, not exact.
	Min   int64 `json:"min"`
	Exact bool  `json:"exact"`
	// Model is the value counted in the tree.
	Model int64 `json:"model"`
	// Note says how the tree's value is counted, or how the figure is read.
	Note string `json:"note,omitempty"`
}

// Matches reports whether the tree's value meets the article's figure: equal
// to it when the figure is exact, at least Min when it is a lower bound.
func (f Figure) Matches() bool {
	if f.Exact {
		return f.Model == f.Min
	}
	return f.Model >= f.Min
}

// Figures counts, in t, each figure the article gives about the city's
// organizations, venues, centres, stations and dispatched cadres (its 建实体系,
// 建强阵地 and 抓强队伍 sections), and returns them in a fixed order beside the
// article's values. It works on any tree, not only on [Records]'s, by the
// structure the article describes:
//
//   - a street is a [orgmodel.WorkCommittee] in domain [orgmodel.Street]; a
//     park a [orgmodel.WorkCommittee] in domain [orgmodel.Park];
//   - a community (village) is an organization in domain [orgmodel.Community]
//     ([orgmodel.Village]) whose parent is not in that domain: one per
//     community or village, whatever lies beneath it;
//   - a street has its "1+4" parts when it has a [orgmodel.JointConference]
//     body, a child [orgmodel.Committee] in domain Street (the 行政联合党委), a
//     child Committee in domain [orgmodel.NonPublicEnterprise] (the 综合党委) and
//     at least one child community organization;
//   - venues, offices, centres and stations are sites of the matching
//     [orgmodel.SiteKind], counted against the article's floor areas;
//   - the dispatched cadres are assignments as [orgmodel.FirstSecretary] or
//     [orgmodel.Instructor] to organizations in domain Village.
func Figures(t *orgmodel.Tree) []Figure {
	var streets, parks, communities, villages, oneFour int64
	for _, o := range t.All() {
		switch {
		case o.Kind == orgmodel.WorkCommittee && o.Domain == orgmodel.Street:
			streets++
			if yjHasOneFour(t, o.ID) {
				oneFour++
			}
		case o.Kind == orgmodel.WorkCommittee && o.Domain == orgmodel.Park:
			parks++
		case o.Domain == orgmodel.Community && t.IsDomainTop(o.ID):
			communities++
		case o.Domain == orgmodel.Village && t.IsDomainTop(o.ID):
			villages++
		}
	}
	var venues, venues500, venues1000, offices, centres, streetCentres, stations int64
	atLeast := func(a decimal.Decimal, n int64) bool { return a.Cmp(decimal.NewFromInt(n)) >= 0 }
	for _, s := range t.Sites(uuid.Nil) {
		switch s.Kind {
		case orgmodel.CommunityVenue:
			venues++
			if atLeast(s.Area, yjVenueMin) {
				venues500++
			}
			if atLeast(s.Area, yjVenueLarge) {
				venues1000++
			}
		case orgmodel.VillageOffice:
			offices++
		case orgmodel.NonPublicGuidanceCenter:
			if atLeast(s.Area, yjCentreMin) {
				centres++
			}
		case orgmodel.NonPublicActivityCenter:
			if atLeast(s.Area, yjStreetCentreMin) {
				streetCentres++
			}
		case orgmodel.MemberStation:
			stations++
		}
	}
	var dispatched int64
	for _, a := range t.Assignments(uuid.Nil) {
		if a.Role != orgmodel.FirstSecretary && a.Role != orgmodel.Instructor {
			continue
		}
		if o, ok := t.Org(a.To); ok && o.Domain == orgmodel.Village {
			dispatched++
		}
	}
	return []Figure{
		{Key: "streets", Label: "街道", Article: "6", Section: "建实体系", Min: 6, Exact: true, Model: streets},
		{Key: "streets_1_plus_4", Label: "“1+4”大工委（街道）", Article: "1+4", Section: "建实体系", Min: 6, Exact: true, Model: oneFour,
			Note: "streets with all four parts; the article describes the pattern, that every street has it is this model's reading"},
		{Key: "communities", Label: "城市社区", Article: "70", Section: "建强阵地", Min: 70, Exact: true, Model: communities},
		{Key: "community_venues", Label: "社区活动场所", Article: "70", Section: "建强阵地", Min: 70, Exact: true, Model: venues},
		{Key: "community_venues_500", Label: "社区活动场所 500㎡以上", Article: "全部达到500平方米以上", Section: "建强阵地", Min: 70, Exact: true, Model: venues500},
		{Key: "community_venues_1000", Label: "社区活动场所 1000㎡以上", Article: "11", Section: "建强阵地", Min: 11, Exact: true, Model: venues1000},
		{Key: "villages", Label: "行政村", Article: "56", Section: "建强阵地", Min: 56, Exact: true, Model: villages},
		{Key: "village_offices", Label: "行政村部", Article: "56", Section: "建强阵地", Min: 56, Exact: true, Model: offices},
		{Key: "parks", Label: "园区（高新区、空港区）", Article: "2", Section: "建实体系", Min: 2, Exact: true, Model: parks},
		{Key: "nonpublic_centers_1000", Label: "非公党建指导服务中心 1000㎡以上（市级和园区）", Article: "1+2", Section: "建实体系, 建强阵地", Min: 3, Exact: true, Model: centres},
		{Key: "nonpublic_street_centers_500", Label: "街道非公党群活动中心 500㎡以上", Article: "6", Section: "建实体系, 建强阵地", Min: 6, Exact: true, Model: streetCentres},
		{Key: "member_stations", Label: "党员驿站", Article: "30余", Section: "建强阵地", Min: 31, Model: stations,
			Note: "“30余” is more than 30: a lower bound"},
		{Key: "dispatched_cadres", Label: "第一书记和党建指导员（贫困村）", Article: "16", Section: "抓强队伍", Min: 16, Exact: true, Model: dispatched},
	}
}

// yjHasOneFour reports whether the street work committee id has the four
// parts of the "1+4" system.
func yjHasOneFour(t *orgmodel.Tree, id uuid.UUID) bool {
	var admin, nonPublic, community, conference bool
	for _, c := range t.Children(id) {
		o, _ := t.Org(c)
		switch {
		case o.Kind == orgmodel.Committee && o.Domain == orgmodel.Street:
			admin = true
		case o.Kind == orgmodel.Committee && o.Domain == orgmodel.NonPublicEnterprise:
			nonPublic = true
		case o.Domain == orgmodel.Community:
			community = true
		}
	}
	for _, b := range t.Bodies(id) {
		conference = conference || b.Kind == orgmodel.JointConference
	}
	return admin && nonPublic && community && conference
}
