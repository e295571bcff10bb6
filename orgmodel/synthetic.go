package orgmodel

import (
	"encoding/binary"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/dangjian-go/dangjian"
	"github.com/google/uuid"
)

// maxSyntheticOrgs is the most organizations a [Tree] holds.
const maxSyntheticOrgs = 1<<31 - 2

// syntheticAsOf is the date the synthetic records are drawn around.
var syntheticAsOf = dangjian.MustParseDate("2025-06-30")

// Synthetic returns n synthetic organizations for benchmarks and tests:
// made-up data, not a record of any real organization. The same n and seed
// give the same records on every platform and Go release (the generator is
// [rand.PCG] seeded with seed). n ≤ 0 gives empty records; n is capped at
// 2³¹−2, the most a [Tree] holds. The records take about 225 bytes per
// organization: 5.3 million take about 1.1 GiB.
//
// The records form one tree, in pre-order. Its root is a local committee
// (市委) with county committees (县委) beneath it. Each county has street
// work committees (街道党工委) with community committees, general branches
// and grid branches; township committees (乡镇党委) with village branches,
// general branches and committees; an organ work committee (机关工委) with
// organ committees and branches; state enterprise committees, non-public
// enterprise branches and joint branches, schools, hospitals, public
// institutions and social organizations. The mix of kinds follows the
// national statistics of end-2024 (30.6万 committees, 33.0万 general
// branches, 461.4万 branches, 10027.1万 members): about 6 % committees, 6 %
// general branches and 86 % branches, under 1 % party groups and under 1 %
// local and work committees, with about 19 members per organization. When
// n is reached the tree is cut off, so a small n still gives a valid tree.
//
// Members are counts only (no [Person] records). Some organizations record
// a term with its election date, village organizations record the
// township's formation approval, and organizations below a threshold
// mostly record the approval that allows it. A small fraction breaks the
// rules of [NationalRules] (too few full members, too many members, an
// overdue term, a missing approval, …), so that validation as of 2025-06-30
// reports findings.
func Synthetic(n int, seed uint64) Records {
	if n <= 0 {
		return Records{}
	}
	n = min(n, maxSyntheticOrgs)
	g := &synth{
		r:      rand.New(rand.NewPCG(seed, 0x6461_6e67_6a69_616e)), // "dangjian"
		n:      n,
		orgs:   make([]Org, 0, min(n, 1<<26)),
		parent: make([]int32, 0, min(n, 1<<26)),
	}
	root := g.add(-1, LocalCommittee, DomainUnknown, "市委", Members{})
	for c := 1; !g.full(); c++ {
		g.county(root, c)
	}
	g.approveThresholds()
	return Records{Orgs: g.orgs}
}

type synth struct {
	r      *rand.Rand
	n      int
	orgs   []Org
	parent []int32 // index of the parent in orgs; -1 for the root
}

func (g *synth) full() bool { return len(g.orgs) >= g.n }

// between returns a number in [lo, hi].
func (g *synth) between(lo, hi int) int { return lo + g.r.IntN(hi-lo+1) }

// chance reports true with probability perMille/1000.
func (g *synth) chance(perMille int) bool { return g.r.IntN(1000) < perMille }

func (g *synth) id() uuid.UUID {
	var id uuid.UUID
	binary.LittleEndian.PutUint64(id[:8], g.r.Uint64())
	binary.LittleEndian.PutUint64(id[8:], g.r.Uint64())
	id[6] = id[6]&0x0f | 0x40 // version 4
	id[8] = id[8]&0x3f | 0x80 // RFC 4122 variant
	return id
}

// ordinal names the i-th unit of its parent: 第3村党支部.
func ordinal(i int, suffix string) string {
	return "第" + strconv.Itoa(i) + suffix
}

// add appends an organization under parent and returns its index, or -1
// when n organizations are already there.
func (g *synth) add(parent int32, k Kind, d Domain, name string, m Members) int32 {
	if g.full() {
		return -1
	}
	o := Org{ID: g.id(), Kind: k, Domain: d, Name: name, Members: m}
	if parent >= 0 {
		o.Parent = g.orgs[parent].ID
	}
	g.orgs = append(g.orgs, o)
	g.parent = append(g.parent, parent)
	i := int32(len(g.orgs) - 1)
	g.term(i)
	return i
}

// members returns the counts of a branch of about lo to hi members, with a
// small fraction of breaches: too few full members, or more than 50.
func (g *synth) members(lo, hi int) Members {
	full := g.between(lo, hi)
	switch x := g.r.IntN(1000); {
	case x < 6:
		full = g.r.IntN(3) // fewer than 3 full members
	case x < 20:
		full = g.between(51, 80) // over the soft cap of 50
	}
	return Members{Full: int64(full), Probationary: int64(g.r.IntN(full/20 + 2))}
}

// branch adds a branch; one in two hundred has two or three party groups.
func (g *synth) branch(parent int32, d Domain, name string, lo, hi int) int32 {
	m := g.members(lo, hi)
	b := g.add(parent, Branch, d, name, m)
	if b >= 0 && m.Full >= 6 && g.chance(5) {
		for j, k := 1, g.between(2, 3); j <= k; j++ {
			gm := Members{Full: m.Full/3 + 1}
			if g.chance(50) {
				gm = Members{Full: 0, Probationary: 2} // too small, no full member
			}
			g.add(b, PartyGroup, d, ordinal(j, "党小组"), gm)
		}
	}
	return b
}

// branches adds k branches under parent.
func (g *synth) branches(parent int32, d Domain, label string, k, lo, hi int) {
	for j := 1; j <= k && !g.full(); j++ {
		g.branch(parent, d, ordinal(j, label), lo, hi)
	}
}

// generalBranch adds a general branch with 2 to 4 branches.
func (g *synth) generalBranch(parent int32, d Domain, name string, lo, hi int) int32 {
	gb := g.add(parent, GeneralBranch, d, name, Members{})
	if gb >= 0 {
		g.branches(gb, d, "党支部", g.between(2, 4), lo, hi)
	}
	return gb
}

func (g *synth) county(root int32, c int) {
	cty := g.add(root, LocalCommittee, DomainUnknown, ordinal(c, "县委"), Members{})
	if cty < 0 {
		return
	}
	for s, k := 1, g.between(1, 5); s <= k && !g.full(); s++ {
		g.street(cty, s)
	}
	for t, k := 1, g.between(6, 12); t <= k && !g.full(); t++ {
		g.township(cty, t)
	}
	g.organs(cty)
	for e, k := 1, g.between(2, 6); e <= k && !g.full(); e++ {
		g.stateEnterprise(cty, e)
	}
	for e, k := 1, g.between(40, 80); e <= k && !g.full(); e++ {
		g.nonPublic(cty, e)
	}
	for s, k := 1, g.between(8, 20); s <= k && !g.full(); s++ {
		g.school(cty, s)
	}
	for h, k := 1, g.between(2, 5); h <= k && !g.full(); h++ {
		cm := g.add(cty, Committee, Hospital, ordinal(h, "医院党委"), Members{})
		if cm >= 0 {
			g.branches(cm, Hospital, "科室党支部", g.between(5, 12), 8, 30)
		}
	}
	for u, k := 1, g.between(20, 40); u <= k && !g.full(); u++ {
		if g.chance(150) {
			g.generalBranch(cty, PublicInstitution, ordinal(u, "事业单位党总支"), 10, 30)
		} else {
			g.branch(cty, PublicInstitution, ordinal(u, "事业单位党支部"), 4, 30)
		}
	}
	for s, k := 1, g.between(5, 15); s <= k && !g.full(); s++ {
		g.joint(cty, SocialOrg, ordinal(s, "社会组织联合党支部"))
	}
}

func (g *synth) street(cty int32, s int) {
	wc := g.add(cty, WorkCommittee, Street, ordinal(s, "街道党工委"), Members{})
	if wc < 0 {
		return
	}
	for c, k := 1, g.between(8, 17); c <= k && !g.full(); c++ {
		switch x := g.r.IntN(100); {
		case x < 40:
			cm := g.add(wc, Committee, Community, ordinal(c, "社区党委"), Members{})
			if cm >= 0 {
				g.branches(cm, Community, "网格党支部", g.between(4, 8), 10, 35)
			}
		case x < 80:
			g.generalBranch(wc, Community, ordinal(c, "社区党总支"), 10, 30)
		default:
			g.branch(wc, Community, ordinal(c, "社区党支部"), 15, 45)
		}
	}
	for b, k := 1, g.between(2, 6); b <= k && !g.full(); b++ {
		g.joint(wc, NonPublicEnterprise, ordinal(b, "楼宇联合党支部"))
	}
}

func (g *synth) township(cty int32, t int) {
	tc := g.add(cty, Committee, Township, ordinal(t, "镇党委"), Members{})
	if tc < 0 {
		return
	}
	g.branches(tc, Township, "镇机关党支部", g.between(2, 4), 8, 30)
	for v, k := 1, g.between(10, 22); v <= k && !g.full(); v++ {
		g.village(tc, v)
	}
	for e, k := 1, g.between(1, 3); e <= k && !g.full(); e++ {
		g.branch(tc, School, ordinal(e, "中心小学党支部"), 4, 20)
	}
}

func (g *synth) village(tc int32, v int) {
	var top int32
	switch x := g.r.IntN(100); {
	case x < 74:
		top = g.branch(tc, Village, ordinal(v, "村党支部"), 10, 45)
	case x < 92:
		top = g.generalBranch(tc, Village, ordinal(v, "村党总支"), 15, 30)
	default:
		top = g.add(tc, Committee, Village, ordinal(v, "村党委"), Members{})
		if top >= 0 {
			g.branches(top, Village, "党支部", g.between(4, 7), 15, 30)
		}
	}
	if top < 0 {
		return
	}
	// Formation approvals: by the township for every organization of the
	// village, by the county committee for a village 党委, missing for a
	// few, by an approver outside the tree for a few.
	tname := g.orgs[tc].Name
	num := "〔" + strconv.Itoa(2010+g.r.IntN(15)) + "〕" + strconv.Itoa(1+g.r.IntN(90)) + "号"
	ref := tname + num
	county := g.parent[tc]
	for i := int(top); i < len(g.orgs); i++ {
		o := &g.orgs[i]
		if !o.Kind.HasTerm() || g.chance(8) {
			continue
		}
		a := Approval{Kind: Formation, By: g.orgs[tc].ID, On: dangjian.NewDate(2010+g.r.IntN(15), 3, 1), Ref: ref}
		if o.Kind == Committee && county >= 0 {
			a.By, a.Ref = g.orgs[county].ID, g.orgs[county].Name+num
		}
		if g.chance(5) {
			a.By, a.ByName = uuid.Nil, "原乡党委"
		}
		o.Approvals = append(o.Approvals, a)
	}
}

func (g *synth) organs(cty int32) {
	wc := g.add(cty, WorkCommittee, Organ, "县直机关工委", Members{})
	if wc < 0 {
		return
	}
	for u, k := 1, g.between(25, 45); u <= k && !g.full(); u++ {
		if g.chance(200) {
			cm := g.add(wc, Committee, Organ, ordinal(u, "局机关党委"), Members{})
			if cm >= 0 {
				g.branches(cm, Organ, "处室党支部", g.between(3, 8), 5, 25)
			}
			continue
		}
		g.branch(wc, Organ, ordinal(u, "局机关党支部"), 5, 40)
	}
}

func (g *synth) stateEnterprise(cty int32, e int) {
	cm := g.add(cty, Committee, StateEnterprise, ordinal(e, "国有公司党委"), Members{})
	if cm < 0 {
		return
	}
	for j, k := 1, g.between(1, 3); j <= k && !g.full(); j++ {
		g.generalBranch(cm, StateEnterprise, ordinal(j, "分公司党总支"), 12, 30)
	}
	g.branches(cm, StateEnterprise, "车间党支部", g.between(3, 10), 15, 40)
}

func (g *synth) nonPublic(cty int32, e int) {
	if g.chance(300) {
		g.joint(cty, NonPublicEnterprise, ordinal(e, "非公企业联合党支部"))
		return
	}
	g.branch(cty, NonPublicEnterprise, ordinal(e, "公司党支部"), 4, 30)
}

// joint adds a joint branch of 2 to 5 units (a few cover more).
func (g *synth) joint(parent int32, d Domain, name string) {
	j := g.add(parent, JointBranch, d, name, g.members(3, 15))
	if j < 0 {
		return
	}
	g.orgs[j].Units = g.between(2, 5)
	if g.chance(30) {
		g.orgs[j].Units = g.between(6, 8)
	}
}

func (g *synth) school(cty int32, s int) {
	if g.chance(300) {
		cm := g.add(cty, Committee, School, ordinal(s, "中学党委"), Members{})
		if cm < 0 {
			return
		}
		g.generalBranch(cm, School, "教师党总支", 12, 30)
		g.branches(cm, School, "年级党支部", g.between(3, 6), 8, 25)
		return
	}
	g.branch(cty, School, ordinal(s, "学校党支部"), 5, 30)
}

// termYears is the term in force since 2018 for kind k in domain d.
func termYears(k Kind, d Domain) int {
	if d == Village || d == Community || k == Committee {
		return 5
	}
	return 3
}

// term records a term on four in ten elected organizations: mostly
// running, a few overdue, a few with a due date off the rule, a few
// elected before 2018 and renewed since; on a few work committees, a term
// they should not have.
func (g *synth) term(i int32) {
	o := &g.orgs[i]
	if !o.Kind.HasTerm() {
		if o.Kind == WorkCommittee && g.chance(30) {
			o.Term = Term{Elected: syntheticAsOf.AddDays(-g.r.IntN(900)), Number: 1}
		}
		return
	}
	if !g.chance(400) {
		return
	}
	years := termYears(o.Kind, o.Domain)
	t := Term{Number: g.between(1, 12)}
	switch x := g.r.IntN(1000); {
	case x < 30: // overdue
		t.Elected = syntheticAsOf.AddDays(-(years*365 + 10 + g.r.IntN(700)))
	case x < 40: // elected before 2017 under the old rules and renewed since
		t.Elected = dangjian.NewDate(2014+g.r.IntN(3), time.Month(1+g.r.IntN(12)), 1+g.r.IntN(28))
		t.Renewed = t.Elected.AddYears(3).AddDays(-g.r.IntN(60))
		if g.chance(200) {
			t.Renewed = t.Elected.AddYears(3).AddDays(30 + g.r.IntN(300)) // late
		}
	default:
		t.Elected = syntheticAsOf.AddDays(-g.r.IntN(years*365 - 20))
	}
	if t.Renewed.IsZero() && g.chance(100) {
		t.Due = t.Elected.AddYears(years)
		if g.chance(150) { // extended by a year
			t.Due = t.Elected.AddYears(years + 1)
			if g.chance(500) {
				o.Approvals = append(o.Approvals, Approval{Kind: TermChange, ByName: "上级党委", On: t.Elected.AddYears(years).AddDays(-90)})
			}
		}
	}
	o.Term = t
}

// approveThresholds adds the approval "因工作需要，经上级党组织批准" to most
// organizations whose member totals are below or above their kind's
// threshold, as the regulations allow; the rest remain findings.
func (g *synth) approveThresholds() {
	total := make([]int64, len(g.orgs))
	for i := len(g.orgs) - 1; i >= 0; i-- {
		if g.orgs[i].Kind != PartyGroup {
			total[i] += g.orgs[i].Members.Total()
		}
		if p := g.parent[i]; p >= 0 {
			total[p] += total[i]
		}
	}
	for i := range g.orgs {
		o := &g.orgs[i]
		var off bool
		switch o.Kind {
		case Committee:
			off = total[i] < 100 && o.Domain != Township && o.Domain != Street
		case GeneralBranch:
			off = (total[i] < 50 && o.Domain != Village) || (total[i] <= 50 && o.Domain == Village) || total[i] >= 100
		case Branch, JointBranch:
			off = total[i] > 50
		}
		if off && g.chance(900) {
			o.Approvals = append(o.Approvals, Approval{Kind: Threshold, ByName: "上级党组织", On: dangjian.NewDate(2015+g.r.IntN(10), 6, 1)})
		}
	}
}
