package yanji

import (
	"fmt"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/google/uuid"
	"github.com/shopspring/decimal"
)

// Records returns the reference city, 延吉市 (Yanji, the seat of 延边州), built
// from the 延吉市委组织部 article on the city's grassroots party building. The
// article has three parts of three sections each (三实: 压实责任, 严实机制, 建实体系; 三强:
// 建强阵地, 抓强队伍, 加强保障; 三化: 服务群众精准化, 载体活动多样化, 党建引领品牌化); the sections named below
// are those headings. Build it with [orgmodel.Build] and check it with
// [Rules].
//
// The same records come back on every call: each ID is derived from a stable
// key with [ID] (an organization keeps its key in [orgmodel.Org.Code]), and
// each illustrative number from a hash of its key; no clock and no global
// random source are read. Each call returns fresh slices, which the caller
// may change; Records is safe for concurrent use.
//
// # From the article
//
//   - 延吉市委 at the root, with the 全市基层党建工作领导小组 beside it as a
//     [orgmodel.LeadingGroup] body (压实责任).
//   - 6 streets (建实体系), each with the "1+4" 大工委 system (建实体系): the 街道党工委
//     ([orgmodel.WorkCommittee], domain [orgmodel.Street], leaders appointed,
//     no term) and its four 抓手: the 街道党建联席会 (a [orgmodel.JointConference]
//     body whose members are organizations, with a rotating chair, 轮值主席), the
//     街道行政联合党委 and the 驻街非公企业综合党委 (both [orgmodel.Committee]), and the
//     community party organizations. The article describes the pattern; that
//     every street has all four parts is this model's reading.
//   - 70 urban communities, one community venue each
//     ([orgmodel.CommunityVenue]), all at least 500 ㎡ and exactly 11 at least
//     1000 ㎡ (建强阵地).
//   - 56 administrative villages (建强阵地), one village party organization and
//     one upgraded village office ([orgmodel.VillageOffice]) each.
//   - The "1+2+6" non-public system (建实体系, 建强阵地): the city's 非公党建指导服务中心 and
//     the centres of the two parks, 高新区 and 空港区, each at least 1000 ㎡
//     ([orgmodel.NonPublicGuidanceCenter]); one 非公党群活动中心 of at least 500 ㎡
//     per street ([orgmodel.NonPublicActivityCenter]). The article calls the
//     street sites 非公党建指导中心 in one place and 非公党群活动中心 in another; they are
//     read as the same six sites (plausible, not stated).
//   - 党员驿站 in organs, communities and state enterprises (建强阵地): 32 of them,
//     "30余" being a lower bound, not an exact figure.
//   - 16 cadres sent to poor villages as 第一书记 and 党建指导员 (抓强队伍), as
//     [orgmodel.Assignment] records.
//   - Grid branches and resident party groups as the dispersed work points
//     (建实体系); building party groups and the 三长 (街巷长, 楼长, 楼栋党小组长; 载体活动多样化) as
//     posts on grids and groups.
//
// # Illustrative (not in the article)
//
// Everything else is made up: plausible, and consistent with
// [orgmodel.NationalRules]. In particular:
//
//   - Names. Streets are "街道一（示例）" to "街道六（示例）", communities "第01社区（示例）" to
//     "第70社区（示例）", villages "第01村（示例）" to "第56村（示例）", people "金某0001" and so
//     on; the article names none.
//   - How the communities spread over the streets (12, 12, 12, 12, 11, 11 in
//     order) and the villages over the townships.
//   - Townships: 3 ("镇一（示例）" to "镇三（示例）"), each a township committee
//     ([orgmodel.Committee], domain [orgmodel.Township]) under the city
//     committee, holding 19, 19 and 18 villages and a township organ branch;
//     the article says townships exist ("一镇一特色", 党建引领品牌化) but not how many.
//   - The parks' bodies: 高新区党工委 and 空港区党工委 ([orgmodel.WorkCommittee], domain
//     [orgmodel.Park]); the article names only the parks and their centres.
//   - A 市直机关工委 with 8 organ organizations, and 4 city state enterprises under
//     the city committee, to host the stations and dispatch the cadres.
//     Stations: 8 in organs, 18 in communities, 4 in state enterprises, 2 in
//     the parks.
//   - Member counts, and from them the kind of every organization: at least
//     100 members a committee (党委), more than 50 a general branch (党总支),
//     otherwise a branch (党支部). Members of committees and general branches
//     sit in the branches beneath them.
//   - Selection, which the article does not give: each street's 行政联合党委 is
//     elected for 5 years; each 驻街非公企业综合党委 is appointed, its secretary being
//     the 党工委's deputy secretary acting concurrently (兼任), a pattern reported
//     as local practice elsewhere.
//   - Dates: communities and villages elected in the 2021 换届 (5-year terms),
//     townships and the 行政联合党委 in 2021, organ and enterprise committees in
//     2022, other branches in 2023–2024 (3-year terms); formation approvals
//     of the village organizations by their township.
//   - Grids (one per grid branch, or 2–3 per community branch), 2–3 party
//     groups per grid branch, committees and posts, and the people who hold
//     them. People are post holders only: [orgmodel.Person.Org] is left
//     unset, so the organizations' member counts stand as given.
//   - 一肩挑: in 42 of the 56 villages (75 %) the party secretary is also the
//     村民委员会 director ([orgmodel.VillagersDirector] post on a
//     [orgmodel.VillagersCommittee] body).
//   - 兼职委员: three per street 党工委 ([orgmodel.PartTimeMember], appointed), the
//     secretaries of two organ organizations and one state enterprise.
//   - Dispatches: 10 第一书记 and 6 党建指导员 (the article does not give the split),
//     sent by the organs to 16 villages from 2018-04-01 to 2020-04-01.
//   - Non-public branches: 10–13 per street under the 综合党委, 8 in 高新区, 5 in
//     空港区; every fourth a joint branch of 2 to 5 enterprises.
//   - Floor areas (exact decimals, to 0.1 ㎡), chosen to meet the article's
//     standards; one venue is exactly 500 ㎡ and one exactly 1000 ㎡, to show
//     that "以上" is read as inclusive.
//
// # Findings
//
// Validated with [Rules] as of 2025-06-30, the city gives exactly seven
// findings, four of them put in on purpose so that the validator has
// something to show, and no error:
//
//   - ORG-BRANCH-SOFTCAP-50 (warning): the first grid branch of 第10社区 has 56
//     members.
//   - ORG-GROUP-SIZE (warning): the last building party group of 第21社区's
//     first grid branch has 2 members.
//   - ORG-GB-BELOW-50-OTHER (info): 第41社区 is a general branch of 46 members, set up
//     with its street's approval (因工作需要).
//   - ORG-TERM-DUE-SOON (info): 第59社区's branch, set up and elected on
//     2020-10-20, is due on 2025-10-20.
//   - ORG-CONGRESS-500 (info), three times: the three township committees
//     have 500 members or more and may elect through a 党员代表大会.
//
// Other dates give other findings, as terms come due.
func Records() orgmodel.Records {
	g := &yjGen{}
	g.build()
	return g.recs
}

// Layout of the illustrative city.
var (
	yjStreetNames   = []string{"街道一（示例）", "街道二（示例）", "街道三（示例）", "街道四（示例）", "街道五（示例）", "街道六（示例）"}
	yjStreetSizes   = []int{12, 12, 12, 12, 11, 11} // communities per street: 70
	yjTownshipNames = []string{"镇一（示例）", "镇二（示例）", "镇三（示例）"}
	yjTownshipSizes = []int{19, 19, 18} // villages per township: 56
	yjOrganTotals   = []int64{132, 108, 72, 58, 42, 35, 26, 17}
	yjSOETotals     = []int64{128, 64, 31, 18}
	yjSurnames      = []string{"金", "李", "朴", "崔", "张", "王", "刘", "赵", "郑", "姜", "韩", "许", "申", "孙", "吴", "徐"}
	yjOrdinals      = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}
)

// The deliberate findings (0-based community indexes).
const (
	yjOverCapCommunity    = 9  // 第10社区: a grid branch of 56 members
	yjSmallGroupCommunity = 20 // 第21社区: a building party group of 2
	yjApprovedGBCommunity = 40 // 第41社区: a general branch of 46 with approval
	yjDueSoonCommunity    = 58 // 第59社区: elected 2020-10-20
	yjOverCapMembers      = 56
	yjApprovedGBMembers   = 46
)

var (
	yjDispatchStart = dangjian.MustParseDate("2018-04-01")
	yjDispatchEnd   = dangjian.MustParseDate("2020-04-01")
	yjDueSoonElect  = dangjian.MustParseDate("2020-10-20")
	yjChairStart    = dangjian.MustParseDate("2022-01-01")
)

// yjGen accumulates the records of the city.
type yjGen struct {
	recs   orgmodel.Records
	people int
}

// yjHash is FNV-1a of key followed by the splitmix64 finaliser, so that

// add appends an organization under key and returns its ID.
func (g *yjGen) add(key string, o orgmodel.Org) uuid.UUID {
	o.ID = ID("org/" + key)
	o.Code = key
	g.recs.Orgs = append(g.recs.Orgs, o)
	return o.ID
}

// person appends a person under key. Full members get a 转正 date.
func (g *yjGen) person(key string, st orgmodel.MemberStatus) uuid.UUID {
	g.people++
	p := orgmodel.Person{
		ID:     ID("person/" + key),
		Name:   fmt.Sprintf("%s某%04d", yjSurnames[yjHash(key)%uint64(len(yjSurnames))], g.people),
		Status: st,
	}
	if st == orgmodel.FullMember {
		p.FullSince = yjDate(key+"/since", "1986-07-01", 9000)
	}
	g.recs.People = append(g.recs.People, p)
	return p.ID
}

func (g *yjGen) post(person, body uuid.UUID, r orgmodel.Role, sel orgmodel.Selection, start dangjian.Date) {
	g.recs.Posts = append(g.recs.Posts, orgmodel.Post{Person: person, Body: body, Role: r, Selection: sel, Start: start})
}

var (
	yjCommittee7  = []orgmodel.Role{orgmodel.Secretary, orgmodel.DeputySecretary, orgmodel.OrganizationMember, orgmodel.PropagandaMember, orgmodel.DisciplineMember, orgmodel.CommitteeMember, orgmodel.CommitteeMember}
	yjCommittee5  = []orgmodel.Role{orgmodel.Secretary, orgmodel.DeputySecretary, orgmodel.OrganizationMember, orgmodel.PropagandaMember, orgmodel.DisciplineMember}
	yjBranchCmte  = []orgmodel.Role{orgmodel.Secretary, orgmodel.OrganizationMember, orgmodel.PropagandaMember, orgmodel.DisciplineMember}
	yjSecretary   = []orgmodel.Role{orgmodel.Secretary}
	yjWorkCmteTop = []orgmodel.Role{orgmodel.Secretary, orgmodel.DeputySecretary, orgmodel.CommitteeMember, orgmodel.CommitteeMember, orgmodel.CommitteeMember}
)

// yjRoles is the committee an organization of kind k with full members sets
// up: 7 seats for a committee, 5 for a general branch, 4 for a branch of 7 or
// more full members (支部条例 第二十条), else a secretary alone.
func yjRoles(k orgmodel.Kind, full int64) []orgmodel.Role {
	switch {
	case k == orgmodel.Committee:
		return yjCommittee7
	case k == orgmodel.GeneralBranch:
		return yjCommittee5
	case full >= 7:
		return yjBranchCmte
	}
	return yjSecretary
}

// yjSeatKey is the person key of seat n (from 1; seat 1 is the secretary) of
// the body under key.
func yjSeatKey(key string, n int) string { return fmt.Sprintf("%s/seat/%d", key, n) }

// seats records one person per role in the body under key, from start. A
// non-nil secretary holds the first seat instead of a new person. It returns
// the secretary.
func (g *yjGen) seats(key string, body uuid.UUID, roles []orgmodel.Role, sel orgmodel.Selection, start dangjian.Date, secretary uuid.UUID) uuid.UUID {
	var sec uuid.UUID
	for n, r := range roles {
		p := secretary
		if n > 0 || p == uuid.Nil {
			p = g.person(yjSeatKey(key, n+1), orgmodel.FullMember)
		}
		if n == 0 {
			sec = p
		}
		g.post(p, body, r, sel, start)
	}
	return sec
}

// elected adds an elected organization with its term and committee and
// returns its ID and secretary.
func (g *yjGen) elected(key string, o orgmodel.Org, full int64, on dangjian.Date, years int) (uuid.UUID, uuid.UUID) {
	o.Selection = orgmodel.Elected
	o.Term = yjTerm(on, years)
	id := g.add(key, o)
	sec := g.seats(key, id, yjRoles(o.Kind, full), orgmodel.Elected, on, uuid.Nil)
	return id, sec
}

func (g *yjGen) site(key string, k orgmodel.SiteKind, name string, org uuid.UUID, area decimal.Decimal) {
	g.recs.Sites = append(g.recs.Sites, orgmodel.Site{ID: ID("site/" + key), Kind: k, Name: name, Org: org, Area: area})
}

func (g *yjGen) station(key, name string, org uuid.UUID) {
	g.site(key+"/station", orgmodel.MemberStation, name+"党员驿站", org, yjArea(key+"/station", 30, 150))
}

func (g *yjGen) build() {
	city := g.add("city", orgmodel.Org{Kind: orgmodel.LocalCommittee, Name: "延吉市委"})
	g.recs.Bodies = append(g.recs.Bodies, orgmodel.Body{ID: ID("body/city/leading-group"), Kind: orgmodel.LeadingGroup, Name: "全市基层党建工作领导小组", Org: city})
	g.site("city/nonpublic-center", orgmodel.NonPublicGuidanceCenter, "延吉市非公党建指导服务中心", city, yjArea("city/nonpublic-center", 1200, 1800))

	c := 0
	for s := range yjStreetNames {
		g.street(s, city, c, yjStreetSizes[s])
		c += yjStreetSizes[s]
	}
	v := 0
	var villages []uuid.UUID
	for t := range yjTownshipNames {
		villages = append(villages, g.township(t, city, v, yjTownshipSizes[t])...)
		v += yjTownshipSizes[t]
	}
	g.park("park/gaoxin", "高新区", city, 8)
	g.park("park/konggang", "空港区", city, 5)
	organs := g.organs(city)
	g.enterprises(city)
	g.dispatch(organs, villages)
}

// yjOrganKey and yjSOEKey are the keys of organ and enterprise i (0-based).
func yjOrganKey(i int) string { return fmt.Sprintf("organ/%d", i+1) }
func yjSOEKey(i int) string   { return fmt.Sprintf("soe/%d", i+1) }

// street adds the street work committee s with its "1+4" parts and its n
// communities from index c0.
