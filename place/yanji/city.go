package yanji

import (
	"fmt"
	"slices"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/google/uuid"
	"github.com/shopspring/decimal"
)

func (g *yjGen) street(s int, city uuid.UUID, c0, n int) {
	key := fmt.Sprintf("street/%d", s+1)
	sname := yjStreetNames[s]
	appointed := yjDate(key+"/appointed", "2021-09-01", 60)
	wc := g.add(key, orgmodel.Org{Parent: city, Kind: orgmodel.WorkCommittee, Domain: orgmodel.Street, Name: sname + "党工委", Selection: orgmodel.Appointed})
	g.seats(key, wc, yjWorkCmteTop, orgmodel.Appointed, appointed, uuid.Nil)
	deputy := ID("person/" + yjSeatKey(key, 2))
	// 兼职委员 of the 大工委: secretaries of units in the street.
	partTime := yjDate(key+"/part-time", "2022-03-01", 30)
	for _, unit := range []string{yjOrganKey(s), yjOrganKey((s + 6) % len(yjOrganTotals)), yjSOEKey(s % len(yjSOETotals))} {
		g.post(ID("person/"+yjSeatKey(unit, 1)), wc, orgmodel.PartTimeMember, orgmodel.Appointed, partTime)
	}

	// 街道行政联合党委: elected (illustrative).
	akey := key + "/admin"
	atotal := yjNum(akey, 58, 96)
	admin, _ := g.elected(akey, orgmodel.Org{Parent: wc, Kind: orgmodel.Committee, Domain: orgmodel.Street, Name: sname + "行政联合党委"},
		atotal, yjDate(akey+"/elected", "2021-11-01", 30), 5)
	for j, part := range yjSplit(akey, atotal, yjParts(atotal)) {
		bkey := fmt.Sprintf("%s/branch/%d", akey, j+1)
		m := yjMembers(bkey, part)
		g.elected(bkey, orgmodel.Org{Parent: admin, Kind: orgmodel.Branch, Domain: orgmodel.Street, Name: "机关第" + yjOrdinal(j) + "党支部", Members: m},
			m.Full, yjDate(bkey+"/elected", "2023-03-01", 300), 3)
	}

	// 驻街非公企业综合党委: appointed (illustrative), its secretary the
	// 党工委's deputy secretary.
	nkey := key + "/nonpublic"
	np := g.add(nkey, orgmodel.Org{Parent: wc, Kind: orgmodel.Committee, Domain: orgmodel.NonPublicEnterprise, Name: sname + "驻街非公企业综合党委", Selection: orgmodel.Appointed})
	g.seats(nkey, np, yjCommittee5, orgmodel.Appointed, yjDate(nkey+"/appointed", "2021-12-01", 30), deputy)
	g.nonPublic(nkey, np, int(yjNum(nkey+"/count", 10, 13)), 110)
	g.site(key+"/nonpublic-center", orgmodel.NonPublicActivityCenter, sname+"非公党群活动中心", np, yjArea(key+"/nonpublic-center", 520, 900))

	members := []uuid.UUID{admin, np}
	for i := c0; i < c0+n; i++ {
		members = append(members, g.community(i, wc))
	}
	members = append(members, ID("org/"+yjOrganKey(s)), ID("org/"+yjOrganKey((s+6)%len(yjOrganTotals))))
	g.recs.Bodies = append(g.recs.Bodies, orgmodel.Body{
		ID: ID("body/" + key + "/conference"), Kind: orgmodel.JointConference, Name: sname + "党建联席会", Org: wc,
		Members:     members,
		MemberUnits: []string{sname + "驻街学校（示例）", sname + "驻街医院（示例）"},
		Chair:       &orgmodel.Rotation{Order: slices.Clone(members), Start: yjChairStart, Months: 3},
	})
}

// nonPublic adds n non-public enterprise branches under parent, every
// fourth a joint branch, topping single branches up until the total
// reaches atLeast.
func (g *yjGen) nonPublic(key string, parent uuid.UUID, n int, atLeast int64) {
	type branch struct {
		key, name string
		total     int64
		units     int
	}
	bs := make([]branch, n)
	var sum int64
	for j := range bs {
		b := &bs[j]
		b.key = fmt.Sprintf("%s/branch/%02d", key, j+1)
		if j%4 == 3 {
			b.name = fmt.Sprintf("示例企业联合党支部%02d", j+1)
			b.total = yjNum(b.key, 3, 9)
			b.units = int(yjNum(b.key+"/units", 2, 5))
		} else {
			b.name = fmt.Sprintf("示例企业%02d党支部", j+1)
			b.total = yjNum(b.key, 8, 24)
			b.units = 1
		}
		sum += b.total
	}
	for grown := true; sum < atLeast && grown; {
		grown = false
		for j := range bs {
			if bs[j].units == 1 && bs[j].total < 30 && sum < atLeast {
				bs[j].total++
				sum++
				grown = true
			}
		}
	}
	for _, b := range bs {
		m := orgmodel.Members{Full: b.total}
		kind := orgmodel.JointBranch
		if b.units == 1 {
			m = yjMembers(b.key, b.total)
			kind = orgmodel.Branch
		}
		g.elected(b.key, orgmodel.Org{Parent: parent, Kind: kind, Domain: orgmodel.NonPublicEnterprise, Name: b.name, Members: m, Units: b.units},
			m.Full, yjDate(b.key+"/elected", "2023-03-01", 600), 3)
	}
}

// yjCommunityTotal is the illustrative member count of community i.
func yjCommunityTotal(key string, i int) int64 {
	switch {
	case i == yjApprovedGBCommunity:
		return yjApprovedGBMembers
	case i%9 == 4:
		return yjNum(key, 24, 48)
	case i%6 == 1:
		return yjNum(key, 56, 96)
	}
	return yjNum(key, 110, 380)
}

// community adds community i under the street work committee wc and
// returns the ID of its party organization.
func (g *yjGen) community(i int, wc uuid.UUID) uuid.UUID {
	key := fmt.Sprintf("community/%02d", i+1)
	cname := fmt.Sprintf("第%02d社区（示例）", i+1)
	total := yjCommunityTotal(key, i)
	kind := yjKindFor(total)
	elected := yjDate(key+"/elected", "2021-04-06", 56)
	var approvals []orgmodel.Approval
	switch i {
	case yjApprovedGBCommunity:
		kind = orgmodel.GeneralBranch
		approvals = []orgmodel.Approval{{Kind: orgmodel.Threshold, Rule: "ORG-GB-BELOW-50-OTHER", By: wc, On: elected.AddDays(-30),
			Ref: fmt.Sprintf("%s党工委批复（示例）", yjStreetNames[yjStreetOf(i)])}}
	case yjDueSoonCommunity:
		elected = yjDueSoonElect
	}
	o := orgmodel.Org{Parent: wc, Kind: kind, Domain: orgmodel.Community, Name: cname + kind.Label(), Approvals: approvals}
	var id uuid.UUID
	if kind == orgmodel.Branch {
		o.Members = yjMembers(key, total)
		id, _ = g.elected(key, o, o.Members.Full, elected, 5)
		grids := int(yjNum(key+"/grids", 2, 3))
		sizes := yjSplit(key+"/groups", total/2, grids)
		for j := range grids {
			gkey := fmt.Sprintf("%s/%d", key, j+1)
			grid := g.grid(gkey, fmt.Sprintf("%s第%d网格", cname, j+1), id)
			g.group(gkey+"/group", fmt.Sprintf("第%d居民党小组", j+1), id, grid, min(sizes[j], 12), elected)
		}
	} else {
		id, _ = g.elected(key, o, total, elected, 5)
		var parts []int64
		if i == yjOverCapCommunity {
			rest := total - yjOverCapMembers
			parts = append([]int64{yjOverCapMembers}, yjSplit(key, rest, yjParts(rest))...)
		} else {
			parts = yjSplit(key, total, yjParts(total))
		}
		for j, part := range parts {
			gkey := fmt.Sprintf("%s/%d", key, j+1)
			grid := g.grid(gkey, fmt.Sprintf("%s第%d网格", cname, j+1), id)
			bkey := fmt.Sprintf("%s/grid/%d/branch", key, j+1)
			m := yjMembers(bkey, part)
			branch, _ := g.elected(bkey, orgmodel.Org{Parent: id, Kind: orgmodel.Branch, Domain: orgmodel.Community, Name: fmt.Sprintf("第%d网格党支部", j+1), Members: m, Grid: grid},
				m.Full, elected, 5)
			groups := 2
			if part >= 25 {
				groups = 3
			}
			for k := range groups {
				size := yjNum(fmt.Sprintf("%s/group/%d", bkey, k+1), 3, min(12, part/int64(groups+1)))
				if i == yjSmallGroupCommunity && j == 0 && k == groups-1 {
					size = 2
				}
				g.group(fmt.Sprintf("%s/group/%d", bkey, k+1), fmt.Sprintf("第%d楼栋党小组", k+1), branch, grid, size, elected)
			}
		}
	}
	area := yjArea(key+"/venue", yjVenueMin, 980)
	if yjLargeVenue(i) {
		area = yjArea(key+"/venue", yjVenueLarge, 1600)
	}
	switch i {
	case 0: // the first large venue: exactly 1000 ㎡
		area = decimal.NewFromInt(yjVenueLarge)
	case 1: // the first other venue: exactly 500 ㎡
		area = decimal.NewFromInt(yjVenueMin)
	}
	g.site(key+"/venue", orgmodel.CommunityVenue, cname+"社区活动场所", id, area)
	if i%4 == 1 {
		g.station(key, cname, id)
	}
	return id
}

// yjLargeVenue reports whether community i has a venue of 1000 ㎡ or more:
// 11 of the 70, spread over the streets (11 is prime to 70, so i·11 mod 70
// runs over every residue once).
func yjLargeVenue(i int) bool { return i*11%70 < 11 }

// yjStreetOf returns the street of community i.
func yjStreetOf(i int) int {
	for s, n := range yjStreetSizes {
		if i < n {
			return s
		}
		i -= n
	}
	return len(yjStreetSizes) - 1
}

// grid adds a grid under key with its 街巷长 and returns its ID.
func (g *yjGen) grid(key, name string, org uuid.UUID) uuid.UUID {
	id := ID("grid/" + key)
	g.recs.Grids = append(g.recs.Grids, orgmodel.Grid{ID: id, Name: name, Type: orgmodel.UrbanGrid, Org: org})
	g.post(g.person(key+"/street-head", yjHeadStatus(key+"/street-head")), id, orgmodel.StreetHead, orgmodel.Appointed, dangjian.MustParseDate("2021-07-01"))
	return id
}

// yjHeadStatus makes about a third of the 街巷长 and 楼长 non-members.
func yjHeadStatus(key string) orgmodel.MemberStatus {
	if yjHash(key)%3 == 0 {
		return orgmodel.NonMember
	}
	return orgmodel.FullMember
}

// group adds a resident or building party group of size members under the
// branch, linked to the grid, with its leader and the building's 楼长.
func (g *yjGen) group(key, name string, branch, grid uuid.UUID, size int64, since dangjian.Date) {
	m := orgmodel.Members{Full: size}
	if size >= 6 && yjHash(key+"/probationary")%3 == 0 {
		m = orgmodel.Members{Full: size - 1, Probationary: 1}
	}
	id := g.add(key, orgmodel.Org{Parent: branch, Kind: orgmodel.PartyGroup, Domain: orgmodel.Community, Name: name, Members: m, Grid: grid})
	g.post(g.person(key+"/leader", orgmodel.FullMember), id, orgmodel.GroupLeader, orgmodel.Designated, since)
	g.post(g.person(key+"/building-head", yjHeadStatus(key+"/building-head")), grid, orgmodel.BuildingHead, orgmodel.Appointed, dangjian.MustParseDate("2021-07-01"))
}

// township adds township t with its organ branch and n villages from index
// v0, and returns the villages' organizations.
func (g *yjGen) township(t int, city uuid.UUID, v0, n int) []uuid.UUID {
	key := fmt.Sprintf("township/%d", t+1)
	tname := yjTownshipNames[t]
	tc, _ := g.elected(key, orgmodel.Org{Parent: city, Kind: orgmodel.Committee, Domain: orgmodel.Township, Name: tname + "党委"},
		0, yjDate(key+"/elected", "2021-08-02", 60), 5)
	okey := key + "/organ"
	m := yjMembers(okey, yjNum(okey, 18, 38))
	g.elected(okey, orgmodel.Org{Parent: tc, Kind: orgmodel.Branch, Domain: orgmodel.Organ, Name: tname + "机关党支部", Members: m},
		m.Full, yjDate(okey+"/elected", "2023-04-01", 300), 3)
	out := make([]uuid.UUID, 0, n)
	for v := v0; v < v0+n; v++ {
		out = append(out, g.village(v, tc, tname))
	}
	return out
}

// village adds village v under the township committee tc and returns the
// ID of its party organization.
func (g *yjGen) village(v int, tc uuid.UUID, tname string) uuid.UUID {
	key := fmt.Sprintf("village/%02d", v+1)
	vname := fmt.Sprintf("第%02d村（示例）", v+1)
	var total int64
	if v%8 == 3 {
		total = yjNum(key, 52, 88)
	} else {
		total = yjNum(key, 9, 48)
	}
	kind := yjKindFor(total)
	elected := yjDate(key+"/elected", "2021-01-11", 50)
	approve := func(k string, n int) []orgmodel.Approval {
		return []orgmodel.Approval{{Kind: orgmodel.Formation, By: tc, On: yjDate(k+"/formed", "1985-03-01", 7000),
			Ref: fmt.Sprintf("%s党委批复第%02d-%d号（示例）", tname, v+1, n)}}
	}
	o := orgmodel.Org{Parent: tc, Kind: kind, Domain: orgmodel.Village, Name: vname + kind.Label(), Approvals: approve(key, 0)}
	full := total
	if kind == orgmodel.Branch {
		o.Members = yjMembers(key, total)
		full = o.Members.Full
	}
	id, sec := g.elected(key, o, full, elected, 5)
	if kind != orgmodel.Branch {
		for j, part := range yjSplit(key, total, yjParts(total)) {
			bkey := fmt.Sprintf("%s/branch/%d", key, j+1)
			m := yjMembers(bkey, part)
			g.elected(bkey, orgmodel.Org{Parent: id, Kind: orgmodel.Branch, Domain: orgmodel.Village, Name: "第" + yjOrdinal(j) + "党支部", Members: m, Approvals: approve(bkey, j+1)},
				m.Full, elected, 5)
		}
	}
	// 村民委员会, elected a few weeks after the party organization (5-year
	// term, 村民委员会组织法 第十一条); 一肩挑 in three villages of four.
	body := ID("body/" + key + "/committee")
	g.recs.Bodies = append(g.recs.Bodies, orgmodel.Body{ID: body, Kind: orgmodel.VillagersCommittee, Name: vname + "村民委员会", Org: id})
	director := sec
	if v%4 == 3 {
		director = g.person(key+"/committee/director", orgmodel.NonMember)
	}
	g.post(director, body, orgmodel.VillagersDirector, orgmodel.Elected, elected.AddDays(int(yjNum(key+"/committee", 14, 40))))
	g.site(key+"/office", orgmodel.VillageOffice, vname+"村部", id, yjArea(key+"/office", 280, 900))
	return id
}

// park adds a park work committee with n non-public branches, its guidance
// centre and a station.
func (g *yjGen) park(key, name string, city uuid.UUID, n int) {
	pc := g.add(key, orgmodel.Org{Parent: city, Kind: orgmodel.WorkCommittee, Domain: orgmodel.Park, Name: name + "党工委", Selection: orgmodel.Appointed})
	g.seats(key, pc, []orgmodel.Role{orgmodel.Secretary, orgmodel.DeputySecretary}, orgmodel.Appointed, yjDate(key+"/appointed", "2021-10-01", 60), uuid.Nil)
	g.nonPublic(key, pc, n, 0)
	g.site(key+"/center", orgmodel.NonPublicGuidanceCenter, name+"非公党建指导服务中心", pc, yjArea(key+"/center", yjCentreMin, 1500))
	g.station(key, name, pc)
}

// unit adds an organ or state-enterprise organization of total members
// under parent, with branches beneath a committee or general branch, and
// returns its ID.
func (g *yjGen) unit(key, name string, parent uuid.UUID, d orgmodel.Domain, total int64) uuid.UUID {
	kind := yjKindFor(total)
	o := orgmodel.Org{Parent: parent, Kind: kind, Domain: d, Name: name + kind.Label()}
	if kind == orgmodel.Branch {
		o.Members = yjMembers(key, total)
		id, _ := g.elected(key, o, o.Members.Full, yjDate(key+"/elected", "2023-03-01", 600), 3)
		return id
	}
	years, from := 3, "2023-03-01"
	if kind == orgmodel.Committee {
		years, from = 5, "2022-04-01"
	}
	elected := yjDate(key+"/elected", from, 200)
	id, _ := g.elected(key, o, total, elected, years)
	for j, part := range yjSplit(key, total, yjParts(total)) {
		bkey := fmt.Sprintf("%s/branch/%d", key, j+1)
		m := yjMembers(bkey, part)
		g.elected(bkey, orgmodel.Org{Parent: id, Kind: orgmodel.Branch, Domain: d, Name: "第" + yjOrdinal(j) + "党支部", Members: m},
			m.Full, yjDate(bkey+"/elected", "2023-03-01", 600), 3)
	}
	return id
}

// organs adds the 市直机关工委 and its organ organizations, each with a
// station, and returns them.
func (g *yjGen) organs(city uuid.UUID) []uuid.UUID {
	wc := g.add("organs", orgmodel.Org{Parent: city, Kind: orgmodel.WorkCommittee, Domain: orgmodel.Organ, Name: "市直机关工委", Selection: orgmodel.Appointed})
	g.seats("organs", wc, []orgmodel.Role{orgmodel.Secretary, orgmodel.DeputySecretary}, orgmodel.Appointed, yjDate("organs/appointed", "2021-10-01", 60), uuid.Nil)
	out := make([]uuid.UUID, len(yjOrganTotals))
	for i, total := range yjOrganTotals {
		name := fmt.Sprintf("市直单位%02d（示例）", i+1)
		out[i] = g.unit(yjOrganKey(i), name, wc, orgmodel.Organ, total)
		g.station(yjOrganKey(i), name, out[i])
	}
	return out
}

// enterprises adds the city's state enterprises, each with a station.
func (g *yjGen) enterprises(city uuid.UUID) {
	for i, total := range yjSOETotals {
		name := fmt.Sprintf("市属国企%d（示例）", i+1)
		id := g.unit(yjSOEKey(i), name, city, orgmodel.StateEnterprise, total)
		g.station(yjSOEKey(i), name, id)
	}
}

// yjDispatchVillage reports whether village v receives one of the 16
// dispatched cadres.
func yjDispatchVillage(v int) bool { return v%7 == 0 || v%7 == 4 }

// dispatch adds the 16 cadres of the "红色头雁" programme: 10 第一书记 and
// 6 党建指导员, sent by the organs.
func (g *yjGen) dispatch(organs, villages []uuid.UUID) {
	j := 0
	for v, to := range villages {
		if !yjDispatchVillage(v) {
			continue
		}
		key := fmt.Sprintf("dispatch/%02d", j+1)
		role := orgmodel.FirstSecretary
		if j%8 >= 5 {
			role = orgmodel.Instructor
		}
		g.recs.Assignments = append(g.recs.Assignments, orgmodel.Assignment{
			ID: ID(fmt.Sprintf("assignment/%02d", j+1)), Person: g.person(key, orgmodel.FullMember), Role: role,
			From: organs[j%len(organs)], To: to, Start: yjDispatchStart, End: yjDispatchEnd,
		})
		j++
	}
}
