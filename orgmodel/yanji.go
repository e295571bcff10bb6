package orgmodel

import (
	"fmt"
	"hash/fnv"
	"slices"

	"github.com/dangjian-go/dangjian"
	"github.com/google/uuid"
	"github.com/shopspring/decimal"
)

// yanjiSpace is the namespace of every ID in [Yanji] (see [YanjiID]).
var yanjiSpace = uuid.NewSHA1(uuid.NameSpaceURL, []byte("https://github.com/dangjian-go/dangjian/orgmodel#Yanji"))

// YanjiID returns the ID of the record of [Yanji] with this key: the
// name-based (SHA-1) UUID of the key in a fixed namespace. Keys are stable
// paths such as "org/street/1", "org/community/07/grid/2/branch",
// "grid/community/07/2", "body/street/1/conference", "site/village/03/office",
// "person/…" or "assignment/05". An organization's key without the "org/"
// prefix is kept in its [Org.Code].
func YanjiID(key string) uuid.UUID { return uuid.NewSHA1(yanjiSpace, []byte(key)) }

// The article's local venue standards (its 建强阵地 section; rules
// YJ-SITE-*), shared by [YanjiRules] and [YanjiFigures].
const (
	yjVenueMin        = 500  // 社区活动场所: 500平方米以上
	yjVenueLarge      = 1000 // 1000平方米以上的社区活动场所
	yjCentreMin       = 1000 // 市级和2个园区: 1000平方米以上非公党建指导服务中心
	yjStreetCentreMin = 500  // 6个街道: 500平方米以上非公党群活动中心
)

// yjArticle is the source document of the Yanji rules and figures.
const yjArticle = "延吉市委组织部：延吉市基层党建工作（文章）"

// YanjiRules returns [NationalRules] extended with the local venue
// standards of 延吉市 from the article's 建强阵地 section, as a
// fresh [RuleSet] named "延吉市":
//
//   - YJ-SITE-COMMUNITY-500: a community venue (社区活动场所) has at least
//     500 ㎡.
//   - YJ-SITE-NONPUBLIC-CENTER-1000: a non-public party-building guidance
//     centre (非公党建指导服务中心, the city's and the two parks') has at
//     least 1000 ㎡.
//   - YJ-SITE-NONPUBLIC-STREET-500: a street's non-public activity centre
//     (非公党群活动中心) has at least 500 ㎡.
//
// Each is a [SiteArea] rule with [AtLeast]: the article's "以上" is read as
// "at least" (the article counts venues of 500 ㎡ and 1000 ㎡ as meeting
// "以上"; the dues regulation, by contrast, marks an inclusive bound with
// 含). The article reports the standards as met rather than in binding
// wording, so a shortfall is a warning ([dangjian.Usually]). The confidence is
// [dangjian.LocalPractice]; no effective date is known (the article is
// undated, written after October 2017), so the rules have an open period
// and say so in their Note.
func YanjiRules() RuleSet {
	const note = "local standard of 延吉市; no effective date is known (the article is undated, written after October 2017); “以上” read as “at least”"
	src := dangjian.Source{Doc: yjArticle, Article: "建强阵地", Confidence: dangjian.LocalPractice, Note: note}
	rs := NationalRules().With(
		Rule{
			Rule:  dangjian.Rule{ID: "YJ-SITE-COMMUNITY-500", Source: src},
			Check: SiteArea, Modality: dangjian.Usually, SiteKinds: []SiteKind{CommunityVenue}, Cmp: AtLeast, N: yjVenueMin,
			Text: "目前,70个城市社区活动场所全部达到500平方米以上,1000平方米以上的社区活动场所达到了11个。",
		},
		Rule{
			Rule:  dangjian.Rule{ID: "YJ-SITE-NONPUBLIC-CENTER-1000", Source: src},
			Check: SiteArea, Modality: dangjian.Usually, SiteKinds: []SiteKind{NonPublicGuidanceCenter}, Cmp: AtLeast, N: yjCentreMin,
			Text: "投入3000余万元,在市级和2个园区层面建成1000平方米以上非公党建指导服务中心",
		},
		Rule{
			Rule:  dangjian.Rule{ID: "YJ-SITE-NONPUBLIC-STREET-500", Source: src},
			Check: SiteArea, Modality: dangjian.Usually, SiteKinds: []SiteKind{NonPublicActivityCenter}, Cmp: AtLeast, N: yjStreetCentreMin,
			Text: "在6个街道建成500平方米以上非公党群活动中心",
		},
	)
	rs.Name = "延吉市"
	return rs
}

// Yanji returns the reference city, 延吉市 (Yanji, the seat of 延边州),
// built from the 延吉市委组织部 article on the city's grassroots party
// building. The article has three parts of three sections each (三实:
// 压实责任, 严实机制, 建实体系; 三强: 建强阵地, 抓强队伍, 加强保障; 三化:
// 服务群众精准化, 载体活动多样化, 党建引领品牌化); the sections named below
// are those headings. Build it with [Build] and check it with [YanjiRules].
//
// The same records come back on every call: each ID is derived from a
// stable key with [YanjiID] (an organization keeps its key in
// [Org.Code]), and each illustrative number from a hash of its key; no
// clock and no global random source are read. Each call returns fresh
// slices, which the caller may change; Yanji is safe for concurrent use.
//
// # From the article
//
//   - 延吉市委 at the root, with the 全市基层党建工作领导小组 beside it as a
//     [LeadingGroup] body (压实责任).
//   - 6 streets (建实体系), each with the "1+4" 大工委 system (建实体系): the
//     街道党工委 ([WorkCommittee], domain [Street], leaders appointed, no
//     term) and its four 抓手: the 街道党建联席会 (a [JointConference] body
//     whose members are organizations, with a rotating chair, 轮值主席), the
//     街道行政联合党委 and the 驻街非公企业综合党委 (both [Committee]), and the
//     community party organizations. The article describes the pattern; that
//     every street has all four parts is this model's reading.
//   - 70 urban communities, one community venue each ([CommunityVenue]),
//     all at least 500 ㎡ and exactly 11 at least 1000 ㎡ (建强阵地).
//   - 56 administrative villages (建强阵地), one village party organization
//     and one upgraded village office ([VillageOffice]) each.
//   - The "1+2+6" non-public system (建实体系, 建强阵地): the city's
//     非公党建指导服务中心 and the centres of the two parks, 高新区 and 空港区, each at least
//     1000 ㎡ ([NonPublicGuidanceCenter]); one 非公党群活动中心 of at least
//     500 ㎡ per street ([NonPublicActivityCenter]). The article calls the
//     street sites 非公党建指导中心 in one place and 非公党群活动中心 in
//     another; they are read as the same six sites (plausible, not stated).
//   - 党员驿站 in organs, communities and state enterprises (建强阵地): 32 of
//     them, "30余" being a lower bound, not an exact figure.
//   - 16 cadres sent to poor villages as 第一书记 and 党建指导员 (抓强队伍), as
//     [Assignment] records.
//   - Grid branches and resident party groups as the dispersed work points
//     (建实体系); building party groups and the 三长 (街巷长, 楼长, 楼栋党小组长;
//     载体活动多样化) as posts on grids and groups.
//
// # Illustrative (not in the article)
//
// Everything else is made up: plausible, and consistent with
// [NationalRules]. In particular:
//
//   - Names. Streets are "街道一（示例）" to "街道六（示例）", communities
//     "第01社区（示例）" to "第70社区（示例）", villages "第01村（示例）" to
//     "第56村（示例）", people "金某0001" and so on; the article names none.
//   - How the communities spread over the streets (12, 12, 12, 12, 11, 11 in
//     order) and the villages over the townships.
//   - Townships: 3 ("镇一（示例）" to "镇三（示例）"), each a township committee
//     ([Committee], domain [Township]) under the city committee, holding
//     19, 19 and 18 villages and a township organ branch; the article says
//     townships exist ("一镇一特色", 党建引领品牌化) but not how many.
//   - The parks' bodies: 高新区党工委 and 空港区党工委 ([WorkCommittee],
//     domain [Park]); the article names only the parks and their centres.
//   - A 市直机关工委 with 8 organ organizations, and 4 city state enterprises
//     under the city committee, to host the stations and dispatch the
//     cadres. Stations: 8 in organs, 18 in communities, 4 in state
//     enterprises, 2 in the parks.
//   - Member counts, and from them the kind of every organization: at
//     least 100 members a committee (党委), more than 50 a general branch
//     (党总支), otherwise a branch (党支部). Members of committees and general
//     branches sit in the branches beneath them.
//   - Selection, which the article does not give: each street's
//     行政联合党委 is elected for 5 years; each 驻街非公企业综合党委 is
//     appointed, its secretary being the 党工委's deputy secretary acting
//     concurrently (兼任), a pattern reported as local practice elsewhere.
//   - Dates: communities and villages elected in the 2021 换届 (5-year
//     terms), townships and the 行政联合党委 in 2021, organ and enterprise
//     committees in 2022, other branches in 2023–2024 (3-year terms);
//     formation approvals of the village organizations by their township.
//   - Grids (one per grid branch, or 2–3 per community branch), 2–3 party
//     groups per grid branch, committees and posts, and the people who hold
//     them. People are post holders only: [Person.Org] is left unset, so the
//     organizations' member counts stand as given.
//   - 一肩挑: in 42 of the 56 villages (75 %) the party secretary is also
//     the 村民委员会 director ([VillagersDirector] post on a
//     [VillagersCommittee] body).
//   - 兼职委员: three per street 党工委 ([PartTimeMember], appointed), the
//     secretaries of two organ organizations and one state enterprise.
//   - Dispatches: 10 第一书记 and 6 党建指导员 (the article does not give the
//     split), sent by the organs to 16 villages from 2018-04-01 to
//     2020-04-01.
//   - Non-public branches: 10–13 per street under the 综合党委, 8 in 高新区,
//     5 in 空港区; every fourth a joint branch of 2 to 5 enterprises.
//   - Floor areas (exact decimals, to 0.1 ㎡), chosen to meet the article's
//     standards; one venue is exactly 500 ㎡ and one exactly 1000 ㎡, to
//     show that "以上" is read as inclusive.
//
// # Findings
//
// Validated with [YanjiRules] as of 2025-06-30, the city gives exactly four
// findings, put in on purpose so that the validator has something to
// show, and no error:
//
//   - ORG-BRANCH-SOFTCAP-50 (warning): the first grid branch of 第10社区 has
//     56 members.
//   - ORG-GROUP-SIZE (warning): the last building party group of 第21社区's
//     first grid branch has 2 members.
//   - ORG-GB-BELOW-50 (info): 第41社区 is a general branch of 46 members,
//     set up with its street's approval (因工作需要).
//   - ORG-TERM-DUE-SOON (info): 第59社区's branch, set up and elected on
//     2020-10-20, is due on 2025-10-20.
//
// Other dates give other findings, as terms come due.
func Yanji() Records {
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
	recs   Records
	people int
}

// yjHash is FNV-1a of key followed by the splitmix64 finaliser, so that
// neighbouring keys give unrelated numbers.
func yjHash(key string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(key))
	x := h.Sum64()
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// yjNum returns a number in [lo, hi] drawn from key.
func yjNum(key string, lo, hi int64) int64 {
	if hi <= lo {
		return lo
	}
	return lo + int64(yjHash(key)%uint64(hi-lo+1))
}

// yjDate returns a date in [from, from+days) drawn from key.
func yjDate(key, from string, days int64) dangjian.Date {
	return dangjian.MustParseDate(from).AddDays(int(yjNum(key, 0, days-1)))
}

// yjArea returns an area in [lo, hi] ㎡ to 0.1 ㎡, drawn from key.
func yjArea(key string, lo, hi int64) decimal.Decimal {
	return decimal.New(yjNum(key, lo*10, hi*10), -1)
}

// yjKindFor is the kind a unit with total members sets up: 100 and more a
// committee, more than 50 a general branch, otherwise a branch.
func yjKindFor(total int64) Kind {
	switch {
	case total >= 100:
		return Committee
	case total > 50:
		return GeneralBranch
	}
	return Branch
}

// yjParts is how many branches total members are placed in: about 40 each.
func yjParts(total int64) int { return int(max((total+39)/40, 1)) }

// yjSplit splits total into parts near the mean, each within a sixth of
// it, so that parts of a mean up to 40 stay under 50.
func yjSplit(key string, total int64, parts int) []int64 {
	out := make([]int64, parts)
	base, rem := total/int64(parts), total%int64(parts)
	for i := range out {
		out[i] = base
		if int64(i) < rem {
			out[i]++
		}
	}
	for i := 0; i+1 < parts; i += 2 {
		d := yjNum(fmt.Sprintf("%s/split/%d", key, i), 0, base/6)
		out[i] += d
		out[i+1] -= d
	}
	return out
}

// yjMembers splits total into full and probationary members: a few
// probationary members in branches of 10 or more.
func yjMembers(key string, total int64) Members {
	var prob int64
	if total >= 10 {
		prob = yjNum(key+"/probationary", 0, 1+total/25)
	}
	return Members{Full: total - prob, Probationary: prob}
}

func yjTerm(elected dangjian.Date, years int) Term {
	return Term{Elected: elected, Due: elected.AddYears(years)}
}

func yjOrdinal(i int) string {
	if i < len(yjOrdinals) {
		return yjOrdinals[i]
	}
	return fmt.Sprint(i + 1)
}

// add appends an organization under key and returns its ID.
func (g *yjGen) add(key string, o Org) uuid.UUID {
	o.ID = YanjiID("org/" + key)
	o.Code = key
	g.recs.Orgs = append(g.recs.Orgs, o)
	return o.ID
}

// person appends a person under key. Full members get a 转正 date.
func (g *yjGen) person(key string, st MemberStatus) uuid.UUID {
	g.people++
	p := Person{
		ID:     YanjiID("person/" + key),
		Name:   fmt.Sprintf("%s某%04d", yjSurnames[yjHash(key)%uint64(len(yjSurnames))], g.people),
		Status: st,
	}
	if st == FullMember {
		p.FullSince = yjDate(key+"/since", "1986-07-01", 9000)
	}
	g.recs.People = append(g.recs.People, p)
	return p.ID
}

func (g *yjGen) post(person, body uuid.UUID, r Role, sel Selection, start dangjian.Date) {
	g.recs.Posts = append(g.recs.Posts, Post{Person: person, Body: body, Role: r, Selection: sel, Start: start})
}

var (
	yjCommittee7  = []Role{Secretary, DeputySecretary, OrganizationMember, PropagandaMember, DisciplineMember, CommitteeMember, CommitteeMember}
	yjCommittee5  = []Role{Secretary, DeputySecretary, OrganizationMember, PropagandaMember, DisciplineMember}
	yjBranchCmte  = []Role{Secretary, OrganizationMember, PropagandaMember, DisciplineMember}
	yjSecretary   = []Role{Secretary}
	yjWorkCmteTop = []Role{Secretary, DeputySecretary, CommitteeMember, CommitteeMember, CommitteeMember}
)

// yjRoles is the committee an organization of kind k with full members
// sets up: 7 seats for a committee, 5 for a general branch, 4 for a branch
// of 7 or more full members (支部条例 第二十条), else a secretary alone.
func yjRoles(k Kind, full int64) []Role {
	switch {
	case k == Committee:
		return yjCommittee7
	case k == GeneralBranch:
		return yjCommittee5
	case full >= 7:
		return yjBranchCmte
	}
	return yjSecretary
}

// yjSeatKey is the person key of seat n (from 1; seat 1 is the secretary)
// of the body under key.
func yjSeatKey(key string, n int) string { return fmt.Sprintf("%s/seat/%d", key, n) }

// seats records one person per role in the body under key, from start.
// A non-nil secretary holds the first seat instead of a new person. It
// returns the secretary.
func (g *yjGen) seats(key string, body uuid.UUID, roles []Role, sel Selection, start dangjian.Date, secretary uuid.UUID) uuid.UUID {
	var sec uuid.UUID
	for n, r := range roles {
		p := secretary
		if n > 0 || p == uuid.Nil {
			p = g.person(yjSeatKey(key, n+1), FullMember)
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
func (g *yjGen) elected(key string, o Org, full int64, on dangjian.Date, years int) (uuid.UUID, uuid.UUID) {
	o.Selection = Elected
	o.Term = yjTerm(on, years)
	id := g.add(key, o)
	sec := g.seats(key, id, yjRoles(o.Kind, full), Elected, on, uuid.Nil)
	return id, sec
}

func (g *yjGen) site(key string, k SiteKind, name string, org uuid.UUID, area decimal.Decimal) {
	g.recs.Sites = append(g.recs.Sites, Site{ID: YanjiID("site/" + key), Kind: k, Name: name, Org: org, Area: area})
}

func (g *yjGen) station(key, name string, org uuid.UUID) {
	g.site(key+"/station", MemberStation, name+"党员驿站", org, yjArea(key+"/station", 30, 150))
}

func (g *yjGen) build() {
	city := g.add("city", Org{Kind: LocalCommittee, Name: "延吉市委"})
	g.recs.Bodies = append(g.recs.Bodies, Body{ID: YanjiID("body/city/leading-group"), Kind: LeadingGroup, Name: "全市基层党建工作领导小组", Org: city})
	g.site("city/nonpublic-center", NonPublicGuidanceCenter, "延吉市非公党建指导服务中心", city, yjArea("city/nonpublic-center", 1200, 1800))

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
func (g *yjGen) street(s int, city uuid.UUID, c0, n int) {
	key := fmt.Sprintf("street/%d", s+1)
	sname := yjStreetNames[s]
	appointed := yjDate(key+"/appointed", "2021-09-01", 60)
	wc := g.add(key, Org{Parent: city, Kind: WorkCommittee, Domain: Street, Name: sname + "党工委", Selection: Appointed})
	g.seats(key, wc, yjWorkCmteTop, Appointed, appointed, uuid.Nil)
	deputy := YanjiID("person/" + yjSeatKey(key, 2))
	// 兼职委员 of the 大工委: secretaries of units in the street.
	partTime := yjDate(key+"/part-time", "2022-03-01", 30)
	for _, unit := range []string{yjOrganKey(s), yjOrganKey((s + 6) % len(yjOrganTotals)), yjSOEKey(s % len(yjSOETotals))} {
		g.post(YanjiID("person/"+yjSeatKey(unit, 1)), wc, PartTimeMember, Appointed, partTime)
	}

	// 街道行政联合党委: elected (illustrative).
	akey := key + "/admin"
	atotal := yjNum(akey, 58, 96)
	admin, _ := g.elected(akey, Org{Parent: wc, Kind: Committee, Domain: Street, Name: sname + "行政联合党委"},
		atotal, yjDate(akey+"/elected", "2021-11-01", 30), 5)
	for j, part := range yjSplit(akey, atotal, yjParts(atotal)) {
		bkey := fmt.Sprintf("%s/branch/%d", akey, j+1)
		m := yjMembers(bkey, part)
		g.elected(bkey, Org{Parent: admin, Kind: Branch, Domain: Street, Name: "机关第" + yjOrdinal(j) + "党支部", Members: m},
			m.Full, yjDate(bkey+"/elected", "2023-03-01", 300), 3)
	}

	// 驻街非公企业综合党委: appointed (illustrative), its secretary the
	// 党工委's deputy secretary.
	nkey := key + "/nonpublic"
	np := g.add(nkey, Org{Parent: wc, Kind: Committee, Domain: NonPublicEnterprise, Name: sname + "驻街非公企业综合党委", Selection: Appointed})
	g.seats(nkey, np, yjCommittee5, Appointed, yjDate(nkey+"/appointed", "2021-12-01", 30), deputy)
	g.nonPublic(nkey, np, int(yjNum(nkey+"/count", 10, 13)), 110)
	g.site(key+"/nonpublic-center", NonPublicActivityCenter, sname+"非公党群活动中心", np, yjArea(key+"/nonpublic-center", 520, 900))

	members := []uuid.UUID{admin, np}
	for i := c0; i < c0+n; i++ {
		members = append(members, g.community(i, wc))
	}
	members = append(members, YanjiID("org/"+yjOrganKey(s)), YanjiID("org/"+yjOrganKey((s+6)%len(yjOrganTotals))))
	g.recs.Bodies = append(g.recs.Bodies, Body{
		ID: YanjiID("body/" + key + "/conference"), Kind: JointConference, Name: sname + "党建联席会", Org: wc,
		Members:     members,
		MemberUnits: []string{sname + "驻街学校（示例）", sname + "驻街医院（示例）"},
		Chair:       &Rotation{Order: slices.Clone(members), Start: yjChairStart, Months: 3},
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
		m := Members{Full: b.total}
		kind := JointBranch
		if b.units == 1 {
			m = yjMembers(b.key, b.total)
			kind = Branch
		}
		g.elected(b.key, Org{Parent: parent, Kind: kind, Domain: NonPublicEnterprise, Name: b.name, Members: m, Units: b.units},
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
	var approvals []Approval
	switch i {
	case yjApprovedGBCommunity:
		kind = GeneralBranch
		approvals = []Approval{{Kind: Threshold, Rule: "ORG-GB-BELOW-50", By: wc, On: elected.AddDays(-30),
			Ref: fmt.Sprintf("%s党工委批复（示例）", yjStreetNames[yjStreetOf(i)])}}
	case yjDueSoonCommunity:
		elected = yjDueSoonElect
	}
	o := Org{Parent: wc, Kind: kind, Domain: Community, Name: cname + kind.Label(), Approvals: approvals}
	var id uuid.UUID
	if kind == Branch {
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
			branch, _ := g.elected(bkey, Org{Parent: id, Kind: Branch, Domain: Community, Name: fmt.Sprintf("第%d网格党支部", j+1), Members: m, Grid: grid},
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
	g.site(key+"/venue", CommunityVenue, cname+"社区活动场所", id, area)
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
	id := YanjiID("grid/" + key)
	g.recs.Grids = append(g.recs.Grids, Grid{ID: id, Name: name, Type: UrbanGrid, Org: org})
	g.post(g.person(key+"/street-head", yjHeadStatus(key+"/street-head")), id, StreetHead, Appointed, dangjian.MustParseDate("2021-07-01"))
	return id
}

// yjHeadStatus makes about a third of the 街巷长 and 楼长 non-members.
func yjHeadStatus(key string) MemberStatus {
	if yjHash(key)%3 == 0 {
		return NonMember
	}
	return FullMember
}

// group adds a resident or building party group of size members under the
// branch, linked to the grid, with its leader and the building's 楼长.
func (g *yjGen) group(key, name string, branch, grid uuid.UUID, size int64, since dangjian.Date) {
	m := Members{Full: size}
	if size >= 6 && yjHash(key+"/probationary")%3 == 0 {
		m = Members{Full: size - 1, Probationary: 1}
	}
	id := g.add(key, Org{Parent: branch, Kind: PartyGroup, Domain: Community, Name: name, Members: m, Grid: grid})
	g.post(g.person(key+"/leader", FullMember), id, GroupLeader, Designated, since)
	g.post(g.person(key+"/building-head", yjHeadStatus(key+"/building-head")), grid, BuildingHead, Appointed, dangjian.MustParseDate("2021-07-01"))
}

// township adds township t with its organ branch and n villages from index
// v0, and returns the villages' organizations.
func (g *yjGen) township(t int, city uuid.UUID, v0, n int) []uuid.UUID {
	key := fmt.Sprintf("township/%d", t+1)
	tname := yjTownshipNames[t]
	tc, _ := g.elected(key, Org{Parent: city, Kind: Committee, Domain: Township, Name: tname + "党委"},
		0, yjDate(key+"/elected", "2021-08-02", 60), 5)
	okey := key + "/organ"
	m := yjMembers(okey, yjNum(okey, 18, 38))
	g.elected(okey, Org{Parent: tc, Kind: Branch, Domain: Organ, Name: tname + "机关党支部", Members: m},
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
	approve := func(k string, n int) []Approval {
		return []Approval{{Kind: Formation, By: tc, On: yjDate(k+"/formed", "1985-03-01", 7000),
			Ref: fmt.Sprintf("%s党委批复第%02d-%d号（示例）", tname, v+1, n)}}
	}
	o := Org{Parent: tc, Kind: kind, Domain: Village, Name: vname + kind.Label(), Approvals: approve(key, 0)}
	full := total
	if kind == Branch {
		o.Members = yjMembers(key, total)
		full = o.Members.Full
	}
	id, sec := g.elected(key, o, full, elected, 5)
	if kind != Branch {
		for j, part := range yjSplit(key, total, yjParts(total)) {
			bkey := fmt.Sprintf("%s/branch/%d", key, j+1)
			m := yjMembers(bkey, part)
			g.elected(bkey, Org{Parent: id, Kind: Branch, Domain: Village, Name: "第" + yjOrdinal(j) + "党支部", Members: m, Approvals: approve(bkey, j+1)},
				m.Full, elected, 5)
		}
	}
	// 村民委员会, elected a few weeks after the party organization (5-year
	// term, 村民委员会组织法 第十一条); 一肩挑 in three villages of four.
	body := YanjiID("body/" + key + "/committee")
	g.recs.Bodies = append(g.recs.Bodies, Body{ID: body, Kind: VillagersCommittee, Name: vname + "村民委员会", Org: id})
	director := sec
	if v%4 == 3 {
		director = g.person(key+"/committee/director", NonMember)
	}
	g.post(director, body, VillagersDirector, Elected, elected.AddDays(int(yjNum(key+"/committee", 14, 40))))
	g.site(key+"/office", VillageOffice, vname+"村部", id, yjArea(key+"/office", 280, 900))
	return id
}

// park adds a park work committee with n non-public branches, its guidance
// centre and a station.
func (g *yjGen) park(key, name string, city uuid.UUID, n int) {
	pc := g.add(key, Org{Parent: city, Kind: WorkCommittee, Domain: Park, Name: name + "党工委", Selection: Appointed})
	g.seats(key, pc, []Role{Secretary, DeputySecretary}, Appointed, yjDate(key+"/appointed", "2021-10-01", 60), uuid.Nil)
	g.nonPublic(key, pc, n, 0)
	g.site(key+"/center", NonPublicGuidanceCenter, name+"非公党建指导服务中心", pc, yjArea(key+"/center", yjCentreMin, 1500))
	g.station(key, name, pc)
}

// unit adds an organ or state-enterprise organization of total members
// under parent, with branches beneath a committee or general branch, and
// returns its ID.
func (g *yjGen) unit(key, name string, parent uuid.UUID, d Domain, total int64) uuid.UUID {
	kind := yjKindFor(total)
	o := Org{Parent: parent, Kind: kind, Domain: d, Name: name + kind.Label()}
	if kind == Branch {
		o.Members = yjMembers(key, total)
		id, _ := g.elected(key, o, o.Members.Full, yjDate(key+"/elected", "2023-03-01", 600), 3)
		return id
	}
	years, from := 3, "2023-03-01"
	if kind == Committee {
		years, from = 5, "2022-04-01"
	}
	elected := yjDate(key+"/elected", from, 200)
	id, _ := g.elected(key, o, total, elected, years)
	for j, part := range yjSplit(key, total, yjParts(total)) {
		bkey := fmt.Sprintf("%s/branch/%d", key, j+1)
		m := yjMembers(bkey, part)
		g.elected(bkey, Org{Parent: id, Kind: Branch, Domain: d, Name: "第" + yjOrdinal(j) + "党支部", Members: m},
			m.Full, yjDate(bkey+"/elected", "2023-03-01", 600), 3)
	}
	return id
}

// organs adds the 市直机关工委 and its organ organizations, each with a
// station, and returns them.
func (g *yjGen) organs(city uuid.UUID) []uuid.UUID {
	wc := g.add("organs", Org{Parent: city, Kind: WorkCommittee, Domain: Organ, Name: "市直机关工委", Selection: Appointed})
	g.seats("organs", wc, []Role{Secretary, DeputySecretary}, Appointed, yjDate("organs/appointed", "2021-10-01", 60), uuid.Nil)
	out := make([]uuid.UUID, len(yjOrganTotals))
	for i, total := range yjOrganTotals {
		name := fmt.Sprintf("市直单位%02d（示例）", i+1)
		out[i] = g.unit(yjOrganKey(i), name, wc, Organ, total)
		g.station(yjOrganKey(i), name, out[i])
	}
	return out
}

// enterprises adds the city's state enterprises, each with a station.
func (g *yjGen) enterprises(city uuid.UUID) {
	for i, total := range yjSOETotals {
		name := fmt.Sprintf("市属国企%d（示例）", i+1)
		id := g.unit(yjSOEKey(i), name, city, StateEnterprise, total)
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
		role := FirstSecretary
		if j%8 >= 5 {
			role = Instructor
		}
		g.recs.Assignments = append(g.recs.Assignments, Assignment{
			ID: YanjiID(fmt.Sprintf("assignment/%02d", j+1)), Person: g.person(key, FullMember), Role: role,
			From: organs[j%len(organs)], To: to, Start: yjDispatchStart, End: yjDispatchEnd,
		})
		j++
	}
}

// YanjiFigure is one figure of the 延吉市委组织部 article set beside the
// value counted in a tree: what the article says, the least value it
// allows, and whether the tree meets it.
type YanjiFigure struct {
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

// Matches reports whether the tree's value meets the article's figure:
// equal to it when the figure is exact, at least Min when it is a lower
// bound.
func (f YanjiFigure) Matches() bool {
	if f.Exact {
		return f.Model == f.Min
	}
	return f.Model >= f.Min
}

// YanjiFigures counts, in t, each figure the article gives about the
// city's organizations, venues, centres, stations and dispatched cadres
// (its 建实体系, 建强阵地 and 抓强队伍 sections), and returns them in a
// fixed order beside the
// article's values. It works on any tree, not only on [Yanji]'s, by the
// structure the article describes:
//
//   - a street is a [WorkCommittee] in domain [Street]; a park a
//     [WorkCommittee] in domain [Park];
//   - a community (village) is an organization in domain [Community]
//     ([Village]) whose parent is not in that domain: one per community or
//     village, whatever lies beneath it;
//   - a street has its "1+4" parts when it has a [JointConference] body, a
//     child [Committee] in domain Street (the 行政联合党委), a child Committee
//     in domain [NonPublicEnterprise] (the 综合党委) and at least one child
//     community organization;
//   - venues, offices, centres and stations are sites of the matching
//     [SiteKind], counted against the article's floor areas;
//   - the dispatched cadres are assignments as [FirstSecretary] or
//     [Instructor] to organizations in domain Village.
func YanjiFigures(t *Tree) []YanjiFigure {
	var streets, parks, communities, villages, oneFour int64
	for _, o := range t.All() {
		switch {
		case o.Kind == WorkCommittee && o.Domain == Street:
			streets++
			if yjHasOneFour(t, o.ID) {
				oneFour++
			}
		case o.Kind == WorkCommittee && o.Domain == Park:
			parks++
		case o.Domain == Community && t.IsDomainTop(o.ID):
			communities++
		case o.Domain == Village && t.IsDomainTop(o.ID):
			villages++
		}
	}
	var venues, venues500, venues1000, offices, centres, streetCentres, stations int64
	atLeast := func(a decimal.Decimal, n int64) bool { return a.Cmp(decimal.NewFromInt(n)) >= 0 }
	for _, s := range t.Sites(uuid.Nil) {
		switch s.Kind {
		case CommunityVenue:
			venues++
			if atLeast(s.Area, yjVenueMin) {
				venues500++
			}
			if atLeast(s.Area, yjVenueLarge) {
				venues1000++
			}
		case VillageOffice:
			offices++
		case NonPublicGuidanceCenter:
			if atLeast(s.Area, yjCentreMin) {
				centres++
			}
		case NonPublicActivityCenter:
			if atLeast(s.Area, yjStreetCentreMin) {
				streetCentres++
			}
		case MemberStation:
			stations++
		}
	}
	var dispatched int64
	for _, a := range t.Assignments(uuid.Nil) {
		if a.Role != FirstSecretary && a.Role != Instructor {
			continue
		}
		if o, ok := t.Org(a.To); ok && o.Domain == Village {
			dispatched++
		}
	}
	return []YanjiFigure{
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
func yjHasOneFour(t *Tree, id uuid.UUID) bool {
	var admin, nonPublic, community, conference bool
	for _, c := range t.Children(id) {
		o, _ := t.Org(c)
		switch {
		case o.Kind == Committee && o.Domain == Street:
			admin = true
		case o.Kind == Committee && o.Domain == NonPublicEnterprise:
			nonPublic = true
		case o.Domain == Community:
			community = true
		}
	}
	for _, b := range t.Bodies(id) {
		conference = conference || b.Kind == JointConference
	}
	return admin && nonPublic && community && conference
}
