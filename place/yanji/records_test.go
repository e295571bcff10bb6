package yanji_test

import (
	"encoding/json"
	"fmt"
	"github.com/dangjian-go/dangjian/internal/golden"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/dangjian-go/dangjian/place/yanji"
	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// yanjiAsOf is the date the documented findings of Yanji hold on.
var yanjiAsOf = dangjian.MustParseDate("2025-06-30")

// yanjiCity is the reference city built once per test.
type yanjiCity struct {
	recs orgmodel.Records
	tree *orgmodel.Tree
}

func newYanjiCity(t *testing.T) yanjiCity {
	t.Helper()
	recs := yanji.Records()
	tree, err := orgmodel.Build(recs)
	require.NoError(t, err)
	return yanjiCity{recs: recs, tree: tree}
}

// org returns the organization whose Code is key.
func (c yanjiCity) org(t *testing.T, key string) orgmodel.Org {
	t.Helper()
	o, ok := c.tree.Org(yanji.ID("org/" + key))
	require.Truef(t, ok, "no organization %q", key)
	require.Equal(t, key, o.Code)
	return o
}

// tops returns the organizations of domain d that are the top of their
// domain, in tree order: one per community or village.
func (c yanjiCity) tops(d orgmodel.Domain) []orgmodel.Org {
	var out []orgmodel.Org
	for _, id := range c.tree.DomainTops(d) {
		o, _ := c.tree.Org(id)
		out = append(out, o)
	}
	return out
}

// children returns the child organizations of id.
func (c yanjiCity) children(id uuid.UUID) []orgmodel.Org {
	var out []orgmodel.Org
	for _, k := range c.tree.Children(id) {
		o, _ := c.tree.Org(k)
		out = append(out, o)
	}
	return out
}

func (c yanjiCity) sites(k orgmodel.SiteKind) []orgmodel.Site {
	var out []orgmodel.Site
	for _, s := range c.recs.Sites {
		if s.Kind == k {
			out = append(out, s)
		}
	}
	return out
}

func yanjiArea(t *testing.T, s string) decimal.Decimal {
	t.Helper()
	d, err := decimal.NewFromString(s)
	require.NoError(t, err)
	return d
}

func TestBuilds(t *testing.T) {
	c := newYanjiCity(t)
	require.Len(t, c.tree.Roots(), 1)
	root, _ := c.tree.Org(c.tree.Roots()[0])
	assert.Equal(t, orgmodel.LocalCommittee, root.Kind)
	assert.Equal(t, "延吉市委", root.Name)
	assert.Equal(t, len(c.recs.Orgs), c.tree.Len())

	groups := c.tree.Bodies(root.ID)
	require.Len(t, groups, 1, "the 领导小组 beside the city committee")
	assert.Equal(t, orgmodel.LeadingGroup, groups[0].Kind)
	assert.Equal(t, "全市基层党建工作领导小组", groups[0].Name)
}

// yanjiHeadings are the headings of the article's nine sections, which a
// figure's Section names.
var yanjiHeadings = []string{
	"压实责任", "严实机制", "建实体系",
	"建强阵地", "抓强队伍", "加强保障",
	"服务群众精准化", "载体活动多样化", "党建引领品牌化",
}

// TestFigures checks every figure of the article against the city.
func TestFigures(t *testing.T) {
	c := newYanjiCity(t)
	want := map[string]int64{
		"streets": 6, "streets_1_plus_4": 6, "communities": 70, "community_venues": 70,
		"community_venues_500": 70, "community_venues_1000": 11, "villages": 56, "village_offices": 56,
		"parks": 2, "nonpublic_centers_1000": 3, "nonpublic_street_centers_500": 6,
		"member_stations": 32, "dispatched_cadres": 16,
	}
	figures := yanji.Figures(c.tree)
	require.Len(t, figures, len(want))
	for _, f := range figures {
		t.Run(f.Key, func(t *testing.T) {
			w, ok := want[f.Key]
			require.Truef(t, ok, "unexpected figure %q", f.Key)
			assert.Equal(t, w, f.Model)
			assert.True(t, f.Matches(), "%s: article %s (min %d, exact %v), model %d", f.Label, f.Article, f.Min, f.Exact, f.Model)
			assert.NotEmpty(t, f.Label)
			assert.NotEmpty(t, f.Article)
			for _, h := range strings.Split(f.Section, ", ") {
				assert.Contains(t, yanjiHeadings, h, "Section %q names the article's own headings", f.Section)
			}
		})
	}
}

func TestFigureMatches(t *testing.T) {
	for _, tc := range []struct {
		name  string
		f     yanji.Figure
		match bool
	}{
		{"exact/equal", yanji.Figure{Min: 6, Exact: true, Model: 6}, true},
		{"exact/more", yanji.Figure{Min: 6, Exact: true, Model: 7}, false},
		{"exact/fewer", yanji.Figure{Min: 6, Exact: true, Model: 5}, false},
		{"lower-bound/at", yanji.Figure{Min: 31, Model: 31}, true},
		{"lower-bound/above", yanji.Figure{Min: 31, Model: 40}, true},
		{"lower-bound/below", yanji.Figure{Min: 31, Model: 30}, false},
	} {
		t.Run(tc.name, func(t *testing.T) { assert.Equal(t, tc.match, tc.f.Matches()) })
	}
}

// TestFiguresDetectChanges changes the records and checks that the
// figure concerned stops matching.
func TestFiguresDetectChanges(t *testing.T) {
	for _, tc := range []struct {
		name   string
		key    string
		model  int64
		change func(r *orgmodel.Records)
	}{
		{"two stations fewer", "member_stations", 30, func(r *orgmodel.Records) {
			n := 0
			r.Sites = slices.DeleteFunc(r.Sites, func(s orgmodel.Site) bool {
				if s.Kind == orgmodel.MemberStation && n < 2 {
					n++
					return true
				}
				return false
			})
		}},
		{"a large venue at 999.9", "community_venues_1000", 10, func(r *orgmodel.Records) {
			for i := range r.Sites {
				if r.Sites[i].Kind == orgmodel.CommunityVenue && r.Sites[i].Area.Cmp(decimal.NewFromInt(1000)) >= 0 {
					r.Sites[i].Area = decimal.RequireFromString("999.9")
					return
				}
			}
		}},
		{"a venue at 499.9", "community_venues_500", 69, func(r *orgmodel.Records) {
			for i := range r.Sites {
				if r.Sites[i].Kind == orgmodel.CommunityVenue && r.Sites[i].Area.Cmp(decimal.NewFromInt(1000)) < 0 {
					r.Sites[i].Area = decimal.RequireFromString("499.9")
					return
				}
			}
		}},
		{"a street without its 行政联合党委", "streets_1_plus_4", 5, func(r *orgmodel.Records) {
			for i := range r.Orgs {
				if r.Orgs[i].Code == "street/3/admin" {
					r.Orgs[i].Domain = orgmodel.Organ
				}
			}
		}},
		{"a street without its 联席会", "streets_1_plus_4", 5, func(r *orgmodel.Records) {
			r.Bodies = slices.DeleteFunc(r.Bodies, func(b orgmodel.Body) bool {
				return b.Kind == orgmodel.JointConference && b.Name == "街道六（示例）党建联席会"
			})
		}},
		{"a dispatch less", "dispatched_cadres", 15, func(r *orgmodel.Records) { r.Assignments = r.Assignments[1:] }},
		{"a guidance centre at 999", "nonpublic_centers_1000", 2, func(r *orgmodel.Records) {
			for i := range r.Sites {
				if r.Sites[i].Kind == orgmodel.NonPublicGuidanceCenter {
					r.Sites[i].Area = decimal.NewFromInt(999)
					return
				}
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			recs := yanji.Records()
			tc.change(&recs)
			tree, err := orgmodel.Build(recs)
			require.NoError(t, err)
			for _, f := range yanji.Figures(tree) {
				if f.Key == tc.key {
					assert.Equal(t, tc.model, f.Model)
					assert.False(t, f.Matches())
				} else {
					assert.True(t, f.Matches(), "%s should still match", f.Key)
				}
			}
		})
	}
}

// TestStreets checks the "1+4" structure of every street.
func TestStreets(t *testing.T) {
	c := newYanjiCity(t)
	city := c.org(t, "city")
	var streets []orgmodel.Org
	for _, o := range c.children(city.ID) {
		if o.Kind == orgmodel.WorkCommittee && o.Domain == orgmodel.Street {
			streets = append(streets, o)
		}
	}
	require.Len(t, streets, 6)
	wantCommunities := []int{12, 12, 12, 12, 11, 11}
	for s, wc := range streets {
		t.Run(wc.Name, func(t *testing.T) {
			assert.Equal(t, fmt.Sprintf("street/%d", s+1), wc.Code)
			assert.Contains(t, wc.Name, "（示例）", "street names are illustrative")
			assert.True(t, wc.Term.IsZero(), "a dispatched work committee has no term")
			assert.Equal(t, orgmodel.Appointed, wc.Selection)

			var admin, np orgmodel.Org
			var communities []uuid.UUID
			for _, o := range c.children(wc.ID) {
				switch {
				case o.Kind == orgmodel.Committee && o.Domain == orgmodel.Street:
					admin = o
				case o.Kind == orgmodel.Committee && o.Domain == orgmodel.NonPublicEnterprise:
					np = o
				case o.Domain == orgmodel.Community:
					communities = append(communities, o.ID)
				default:
					t.Errorf("unexpected child %s %q", o.Kind, o.Name)
				}
			}
			assert.Len(t, communities, wantCommunities[s])

			// 4-b: the 行政联合党委, elected for 5 years.
			require.NotEqual(t, uuid.Nil, admin.ID)
			assert.Equal(t, wc.Name[:len(wc.Name)-len("党工委")]+"行政联合党委", admin.Name)
			assert.Equal(t, orgmodel.Elected, admin.Selection)
			assert.Equal(t, admin.Term.Elected.AddYears(5), admin.Term.Due)

			// 4-c: the 综合党委, appointed, its secretary the 党工委's deputy.
			require.NotEqual(t, uuid.Nil, np.ID)
			assert.Equal(t, orgmodel.Appointed, np.Selection)
			assert.True(t, np.Term.IsZero())
			deputy, ok := c.tree.Holder(wc.ID, orgmodel.DeputySecretary, yanjiAsOf)
			require.True(t, ok)
			sec, ok := c.tree.Holder(np.ID, orgmodel.Secretary, yanjiAsOf)
			require.True(t, ok)
			assert.Equal(t, deputy, sec)
			npTotal, _ := c.tree.Totals(np.ID)
			assert.GreaterOrEqual(t, npTotal.Total(), int64(100))

			// 4-a: the 联席会, a coordination body of organizations.
			bodies := c.tree.Bodies(wc.ID)
			require.Len(t, bodies, 1)
			conf := bodies[0]
			assert.Equal(t, orgmodel.JointConference, conf.Kind)
			assert.Contains(t, conf.Members, admin.ID)
			assert.Contains(t, conf.Members, np.ID)
			for _, cm := range communities {
				assert.Contains(t, conf.Members, cm)
			}
			assert.NotContains(t, conf.Members, wc.ID, "the 党工委 convenes; it is not a member")
			assert.Empty(t, c.tree.Posts(conf.ID), "no party-member roster")
			require.NotNil(t, conf.Chair)
			for _, o := range conf.Chair.Order {
				assert.Contains(t, conf.Members, o)
			}
			chair, ok := conf.Chair.ChairOn(yanjiAsOf)
			require.True(t, ok)
			assert.True(t, c.tree.Has(chair))

			// The 大工委's appointed 兼职委员, each holding a post at home.
			var partTime int
			for _, p := range c.tree.Posts(wc.ID) {
				assert.Equal(t, orgmodel.Appointed, p.Selection, p.Role.String())
				if p.Role != orgmodel.PartTimeMember {
					continue
				}
				partTime++
				home := false
				for _, q := range c.tree.PostsOf(p.Person) {
					if q.Role == orgmodel.Secretary && c.tree.Has(q.Body) && !c.tree.IsAncestor(wc.ID, q.Body) {
						home = true
					}
				}
				assert.True(t, home, "a 兼职委员 is the secretary of a unit outside the street's tree")
			}
			assert.Equal(t, 3, partTime)

			// One 非公党群活动中心 per street, of at least 500 ㎡.
			centres := 0
			for _, site := range c.tree.Sites(wc.ID) {
				if site.Kind == orgmodel.NonPublicActivityCenter {
					centres++
					assert.GreaterOrEqual(t, site.Area.Cmp(decimal.NewFromInt(500)), 0)
				}
			}
			assert.Equal(t, 1, centres)
		})
	}
}

// TestCommunities checks kinds by member count, terms, grids and venues.
func TestCommunities(t *testing.T) {
	c := newYanjiCity(t)
	communities := c.tops(orgmodel.Community)
	require.Len(t, communities, 70)
	kinds := map[orgmodel.Kind]int{}
	for i, o := range communities {
		t.Run(o.Code, func(t *testing.T) {
			assert.Equal(t, fmt.Sprintf("community/%02d", i+1), o.Code)
			kinds[o.Kind]++
			total, _ := c.tree.Totals(o.ID)
			switch {
			case o.Code == "community/41":
				assert.Equal(t, orgmodel.GeneralBranch, o.Kind, "a general branch below 50, with approval")
				assert.Equal(t, int64(46), total.Total())
				require.Len(t, o.Approvals, 1)
				assert.Equal(t, orgmodel.Threshold, o.Approvals[0].Kind)
			case total.Total() >= 100:
				assert.Equal(t, orgmodel.Committee, o.Kind)
			case total.Total() > 50:
				assert.Equal(t, orgmodel.GeneralBranch, o.Kind)
			default:
				assert.Equal(t, orgmodel.Branch, o.Kind)
			}
			assert.Equal(t, orgmodel.Elected, o.Selection)
			assert.Equal(t, o.Term.Elected.AddYears(5), o.Term.Due)
			if o.Code == "community/59" {
				assert.Equal(t, "2020-10-20", o.Term.Elected.String())
			} else {
				assert.Equal(t, 2021, o.Term.Elected.Year(), "the 2021 换届")
			}
			_, ok := c.tree.Holder(o.ID, orgmodel.Secretary, yanjiAsOf)
			assert.True(t, ok, "a secretary in post")

			grids := c.tree.Grids(o.ID)
			require.NotEmpty(t, grids)
			gridSet := map[uuid.UUID]bool{}
			for _, g := range grids {
				gridSet[g.ID] = true
				assert.Equal(t, o.ID, g.Org)
				_, ok := c.tree.Holder(g.ID, orgmodel.StreetHead, yanjiAsOf)
				assert.True(t, ok, "a 街巷长 on grid %q", g.Name)
			}
			for _, sub := range c.children(o.ID) {
				assert.True(t, gridSet[sub.Grid], "%q is linked to a grid of its community", sub.Name)
				switch o.Kind {
				case orgmodel.Branch:
					assert.Equal(t, orgmodel.PartyGroup, sub.Kind, "resident party groups under a community branch")
				default:
					assert.Equal(t, orgmodel.Branch, sub.Kind, "grid branches")
					assert.Equal(t, o.Term, sub.Term)
				}
			}
		})
	}
	assert.Equal(t, map[orgmodel.Kind]int{orgmodel.Committee: 54, orgmodel.GeneralBranch: 9, orgmodel.Branch: 7}, kinds)

	t.Run("venues", func(t *testing.T) {
		venues := c.sites(orgmodel.CommunityVenue)
		require.Len(t, venues, 70)
		byOrg := map[uuid.UUID]int{}
		large := 0
		for _, v := range venues {
			byOrg[v.Org]++
			assert.GreaterOrEqual(t, v.Area.Cmp(decimal.NewFromInt(500)), 0, v.Name)
			if v.Area.Cmp(decimal.NewFromInt(1000)) >= 0 {
				large++
			}
		}
		assert.Equal(t, 11, large)
		for _, o := range communities {
			assert.Equal(t, 1, byOrg[o.ID], "one venue for %q", o.Name)
		}
		// The boundaries: "以上" is read as inclusive.
		assert.True(t, venues[0].Area.Equal(yanjiArea(t, "1000")), venues[0].Area.String())
		assert.True(t, venues[1].Area.Equal(yanjiArea(t, "500")), venues[1].Area.String())
	})

	t.Run("三长", func(t *testing.T) {
		var groups, buildingHeads, streetHeads, leaders int
		for _, o := range c.tree.All() {
			if o.Kind == orgmodel.PartyGroup {
				groups++
				_, ok := c.tree.Holder(o.ID, orgmodel.GroupLeader, yanjiAsOf)
				assert.True(t, ok, "a leader of %q", o.Name)
				leaders++
			}
		}
		for _, g := range c.tree.Grids(uuid.Nil) {
			for _, p := range c.tree.Posts(g.ID) {
				switch p.Role {
				case orgmodel.StreetHead:
					streetHeads++
				case orgmodel.BuildingHead:
					buildingHeads++
				default:
					t.Errorf("unexpected post %s on grid %q", p.Role, g.Name)
				}
			}
		}
		assert.Equal(t, len(c.recs.Grids), streetHeads)
		assert.Equal(t, groups, buildingHeads)
		assert.Equal(t, groups, leaders)
	})
}

// TestVillages checks the 56 village organizations.
func TestVillages(t *testing.T) {
	c := newYanjiCity(t)
	villages := c.tops(orgmodel.Village)
	require.Len(t, villages, 56)
	offices := map[uuid.UUID]int{}
	for _, s := range c.sites(orgmodel.VillageOffice) {
		offices[s.Org]++
	}
	townships := map[uuid.UUID]int{}
	yjt := 0
	for _, o := range villages {
		t.Run(o.Code, func(t *testing.T) {
			parent, ok := c.tree.Parent(o.ID)
			require.True(t, ok)
			po, _ := c.tree.Org(parent)
			assert.Equal(t, orgmodel.Committee, po.Kind)
			assert.Equal(t, orgmodel.Township, po.Domain)
			townships[parent]++

			total, _ := c.tree.Totals(o.ID)
			switch {
			case total.Total() > 50:
				assert.Equal(t, orgmodel.GeneralBranch, o.Kind)
				assert.Less(t, total.Total(), int64(100))
			default:
				assert.Equal(t, orgmodel.Branch, o.Kind)
			}
			assert.Equal(t, o.Term.Elected.AddYears(5), o.Term.Due)
			require.Len(t, o.Approvals, 1)
			assert.Equal(t, orgmodel.Formation, o.Approvals[0].Kind)
			assert.Equal(t, parent, o.Approvals[0].By)
			for _, sub := range c.children(o.ID) {
				require.Len(t, sub.Approvals, 1, "sub-branches are approved by the township too")
				assert.Equal(t, parent, sub.Approvals[0].By)
			}
			assert.Equal(t, 1, offices[o.ID], "one village office")

			bodies := c.tree.Bodies(o.ID)
			require.Len(t, bodies, 1)
			assert.Equal(t, orgmodel.VillagersCommittee, bodies[0].Kind)
			_, ok = c.tree.Holder(bodies[0].ID, orgmodel.VillagersDirector, yanjiAsOf)
			assert.True(t, ok)
			if _, ok := c.tree.YiJianTiao(o.ID, yanjiAsOf); ok {
				yjt++
			}
		})
	}
	assert.Equal(t, 42, yjt, "一肩挑 in 42 of 56 villages")
	assert.Len(t, townships, 3)
}

// TestNonPublic checks the "1+2+6" centres and the non-public branches.
func TestNonPublic(t *testing.T) {
	c := newYanjiCity(t)
	city := c.org(t, "city")
	gaoxin, konggang := c.org(t, "park/gaoxin"), c.org(t, "park/konggang")
	for _, p := range []orgmodel.Org{gaoxin, konggang} {
		assert.Equal(t, orgmodel.WorkCommittee, p.Kind)
		assert.Equal(t, orgmodel.Park, p.Domain)
		assert.Equal(t, city.ID, p.Parent)
	}
	assert.Equal(t, "高新区党工委", gaoxin.Name)
	assert.Equal(t, "空港区党工委", konggang.Name)

	centres := c.sites(orgmodel.NonPublicGuidanceCenter)
	require.Len(t, centres, 3, "1+2")
	assert.ElementsMatch(t, []uuid.UUID{city.ID, gaoxin.ID, konggang.ID},
		[]uuid.UUID{centres[0].Org, centres[1].Org, centres[2].Org})
	for _, s := range centres {
		assert.GreaterOrEqual(t, s.Area.Cmp(decimal.NewFromInt(1000)), 0, s.Name)
	}
	assert.Len(t, c.sites(orgmodel.NonPublicActivityCenter), 6, "+6")

	var joint, single int
	for _, o := range c.tree.All() {
		if o.Domain != orgmodel.NonPublicEnterprise || o.Kind == orgmodel.Committee {
			continue
		}
		parent, _ := c.tree.Parent(o.ID)
		po, _ := c.tree.Org(parent)
		assert.True(t, po.Kind == orgmodel.WorkCommittee && po.Domain == orgmodel.Park ||
			po.Kind == orgmodel.Committee && po.Domain == orgmodel.NonPublicEnterprise, "%q sits under a park or a 综合党委", o.Name)
		switch o.Kind {
		case orgmodel.JointBranch:
			joint++
			assert.GreaterOrEqual(t, o.Units, 2)
			assert.LessOrEqual(t, o.Units, 5)
		case orgmodel.Branch:
			single++
			assert.Equal(t, 1, o.Units)
		default:
			t.Errorf("unexpected %s %q", o.Kind, o.Name)
		}
		assert.GreaterOrEqual(t, o.Members.Full, int64(3))
	}
	assert.Positive(t, joint)
	assert.Greater(t, single, joint)
}

// TestStations checks the 党员驿站: more than 30, in organs,
// communities and state enterprises.
func TestStations(t *testing.T) {
	c := newYanjiCity(t)
	stations := c.sites(orgmodel.MemberStation)
	assert.Len(t, stations, 32)
	assert.Greater(t, len(stations), 30, "“30余”")
	hosts := map[orgmodel.Domain]int{}
	for _, s := range stations {
		o, ok := c.tree.Org(s.Org)
		require.True(t, ok)
		hosts[o.Domain]++
	}
	assert.Equal(t, map[orgmodel.Domain]int{orgmodel.Organ: 8, orgmodel.Community: 18, orgmodel.StateEnterprise: 4, orgmodel.Park: 2}, hosts)
}

// TestDispatches checks the 16 cadres of the "红色头雁" programme.
func TestDispatches(t *testing.T) {
	c := newYanjiCity(t)
	as := c.tree.Assignments(uuid.Nil)
	require.Len(t, as, 16)
	roles := map[orgmodel.DispatchRole]int{}
	villages := map[uuid.UUID]bool{}
	for _, a := range as {
		roles[a.Role]++
		villages[a.To] = true
		to, ok := c.tree.Org(a.To)
		require.True(t, ok)
		assert.Equal(t, orgmodel.Village, to.Domain)
		from, ok := c.tree.Org(a.From)
		require.True(t, ok)
		assert.Equal(t, orgmodel.Organ, from.Domain)
		p, ok := c.tree.Person(a.Person)
		require.True(t, ok)
		assert.Equal(t, orgmodel.FullMember, p.Status)
		require.False(t, p.FullSince.IsZero())
		assert.True(t, p.FullSince.AddYears(1).Before(a.Start), "a year's standing before the dispatch")
		assert.Equal(t, "2018-04-01", a.Start.String())
		assert.Equal(t, "2020-04-01", a.End.String())
		assert.Empty(t, c.tree.PostsOf(a.Person), "a dispatch is not a committee seat")
	}
	assert.Equal(t, map[orgmodel.DispatchRole]int{orgmodel.FirstSecretary: 10, orgmodel.Instructor: 6}, roles)
	assert.Len(t, villages, 16)
}

// TestPosts checks that every elected organization has a secretary
// and a committee where the rules call for one, and that people are post
// holders only.
func TestPosts(t *testing.T) {
	c := newYanjiCity(t)
	for _, o := range c.tree.All() {
		if o.Term.IsZero() {
			continue
		}
		seats := 0
		for _, p := range c.tree.Posts(o.ID) {
			if p.Role.IsCommitteeSeat() {
				seats++
			}
		}
		total, _ := c.tree.Totals(o.ID)
		want := 1
		switch {
		case o.Kind == orgmodel.Committee:
			want = 7
		case o.Kind == orgmodel.GeneralBranch:
			want = 5
		case total.Full >= 7:
			want = 4
		}
		assert.Equal(t, want, seats, "%s %q", o.Kind, o.Name)
	}
	for _, p := range c.recs.People {
		assert.Equal(t, uuid.Nil, p.Org, "people are post holders, not member lists")
		if p.Status == orgmodel.FullMember {
			assert.False(t, p.FullSince.IsZero(), p.Name)
		}
	}
}

// TestValidate checks the documented findings: exactly these, and no
// error.
func TestValidate(t *testing.T) {
	c := newYanjiCity(t)
	rep, err := orgmodel.Validate(c.tree, yanji.Rules(), yanjiAsOf)
	require.NoError(t, err)
	assert.Equal(t, "延吉市", rep.RuleSet)
	assert.False(t, rep.HasErrors())
	type row struct {
		rule     string
		severity orgmodel.Severity
		path     string
		value    string
	}
	var got []row
	for _, f := range rep.Findings {
		got = append(got, row{f.Rule, f.Severity, f.Name, f.Value})
	}
	assert.Equal(t, []row{
		{"ORG-BRANCH-SOFTCAP-50", orgmodel.Warning, "延吉市委 / 街道一（示例）党工委 / 第10社区（示例）党委 / 第1网格党支部", "56"},
		{"ORG-GROUP-SIZE", orgmodel.Warning, "延吉市委 / 街道二（示例）党工委 / 第21社区（示例）党委 / 第1网格党支部 / 第3楼栋党小组", "2 (2 full)"},
		{"ORG-GB-BELOW-50-OTHER", orgmodel.Info, "延吉市委 / 街道四（示例）党工委 / 第41社区（示例）党总支", "46"},
		{"ORG-TERM-DUE-SOON", orgmodel.Info, "延吉市委 / 街道五（示例）党工委 / 第59社区（示例）党支部", "2025-10-20"},
		{"ORG-CONGRESS-500", orgmodel.Info, "延吉市委 / 镇一（示例）党委", "764"},
		{"ORG-CONGRESS-500", orgmodel.Info, "延吉市委 / 镇二（示例）党委", "736"},
		{"ORG-CONGRESS-500", orgmodel.Info, "延吉市委 / 镇三（示例）党委", "572"},
	}, got)
	assert.Equal(t, map[string]int{"ORG-BRANCH-SOFTCAP-50": 1, "ORG-GROUP-SIZE": 1, "ORG-GB-BELOW-50-OTHER": 1, "ORG-TERM-DUE-SOON": 1, "ORG-CONGRESS-500": 3}, rep.ByRule())
	require.NotNil(t, rep.Findings[2].Approval, "the general branch below 50 carries its approval")

	t.Run("national rules give the same findings", func(t *testing.T) {
		nat, err := orgmodel.Validate(c.tree, orgmodel.NationalRules(), yanjiAsOf)
		require.NoError(t, err)
		assert.Equal(t, rep.ByRule(), nat.ByRule())
	})
	t.Run("terms come due later", func(t *testing.T) {
		later, err := orgmodel.Validate(c.tree, yanji.Rules(), dangjian.MustParseDate("2026-12-31"))
		require.NoError(t, err)
		assert.Positive(t, later.ByRule()["ORG-TERM-OVERDUE"], "the 2021 terms are overdue by the end of 2026")
	})
}

// TestSiteRules checks that each local venue standard fires below its
// floor area and not at it ("以上" read as "at least").
func TestSiteRules(t *testing.T) {
	for _, tc := range []struct {
		name string
		kind orgmodel.SiteKind
		area string
		rule string // "" when no finding is expected
	}{
		{"community/below", orgmodel.CommunityVenue, "499.9", "YJ-SITE-COMMUNITY-500"},
		{"community/at", orgmodel.CommunityVenue, "500", ""},
		{"community/above", orgmodel.CommunityVenue, "500.1", ""},
		{"guidance/below", orgmodel.NonPublicGuidanceCenter, "999.99", "YJ-SITE-NONPUBLIC-CENTER-1000"},
		{"guidance/at", orgmodel.NonPublicGuidanceCenter, "1000.0", ""},
		{"street-centre/below", orgmodel.NonPublicActivityCenter, "499", "YJ-SITE-NONPUBLIC-STREET-500"},
		{"street-centre/at", orgmodel.NonPublicActivityCenter, "500", ""},
		{"station/small", orgmodel.MemberStation, "20", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			city := uuid.NewSHA1(uuid.NameSpaceOID, []byte("yanji-site-city"))
			recs := orgmodel.Records{
				Orgs:  []orgmodel.Org{{ID: city, Kind: orgmodel.LocalCommittee, Name: "市委"}},
				Sites: []orgmodel.Site{{ID: uuid.NewSHA1(uuid.NameSpaceOID, []byte("yanji-site")), Kind: tc.kind, Name: "场所", Org: city, Area: yanjiArea(t, tc.area)}},
			}
			tree, err := orgmodel.Build(recs)
			require.NoError(t, err)
			rep, err := orgmodel.Validate(tree, yanji.Rules(), yanjiAsOf)
			require.NoError(t, err)
			if tc.rule == "" {
				assert.Empty(t, rep.Findings)
				return
			}
			require.Len(t, rep.Findings, 1)
			f := rep.Findings[0]
			assert.Equal(t, tc.rule, f.Rule)
			assert.Equal(t, orgmodel.Warning, f.Severity)
			assert.Equal(t, "area", f.Field)
			assert.Equal(t, recs.Sites[0].ID.String(), f.Ref)
			assert.Equal(t, recs.Sites[0].Org.String(), f.Subject)
			assert.Equal(t, dangjian.LocalPractice, f.Source.Confidence)
		})
	}
}

// TestRules checks the rule set: the national rules plus the three
// local standards, cited.
func TestRules(t *testing.T) {
	rs := yanji.Rules()
	assert.Equal(t, "延吉市", rs.Name)
	require.NoError(t, rs.Check())
	assert.Equal(t, dangjian.Period{}, rs.Period)
	for _, r := range orgmodel.NationalRules().Rules {
		_, ok := rs.Rule(r.ID)
		assert.True(t, ok, "keeps %s", r.ID)
	}
	want := map[string]struct {
		kind orgmodel.SiteKind
		n    int64
	}{
		"YJ-SITE-COMMUNITY-500":         {orgmodel.CommunityVenue, 500},
		"YJ-SITE-NONPUBLIC-CENTER-1000": {orgmodel.NonPublicGuidanceCenter, 1000},
		"YJ-SITE-NONPUBLIC-STREET-500":  {orgmodel.NonPublicActivityCenter, 500},
	}
	var local []string
	for _, r := range rs.Rules {
		if strings.HasPrefix(r.ID, "YJ-") {
			local = append(local, r.ID)
		}
	}
	assert.ElementsMatch(t, []string{"YJ-SITE-COMMUNITY-500", "YJ-SITE-NONPUBLIC-CENTER-1000", "YJ-SITE-NONPUBLIC-STREET-500"}, local)
	assert.Len(t, rs.Rules, len(orgmodel.NationalRules().Rules)+len(want))
	for id, w := range want {
		t.Run(id, func(t *testing.T) {
			r, ok := rs.Rule(id)
			require.True(t, ok)
			assert.Equal(t, orgmodel.SiteArea, r.Check)
			assert.Equal(t, orgmodel.AtLeast, r.Cmp)
			assert.Equal(t, w.n, r.N)
			assert.Equal(t, []orgmodel.SiteKind{w.kind}, r.SiteKinds)
			assert.Equal(t, dangjian.LocalPractice, r.Source.Confidence)
			assert.Equal(t, "延吉市委组织部：延吉市基层党建工作（文章）", r.Source.Doc)
			assert.Equal(t, "建强阵地", r.Source.Article)
			assert.Contains(t, r.Source.Note, "no effective date")
			assert.Equal(t, dangjian.Period{}, r.Period)
			assert.Contains(t, r.Text, "平方米以上")
		})
	}
	t.Run("fresh", func(t *testing.T) {
		a := yanji.Rules()
		a.Rules[len(a.Rules)-1].SiteKinds[0] = orgmodel.MemberStation
		a.Rules[0].ID = "changed"
		b := yanji.Rules()
		r, _ := b.Rule("YJ-SITE-NONPUBLIC-STREET-500")
		assert.Equal(t, []orgmodel.SiteKind{orgmodel.NonPublicActivityCenter}, r.SiteKinds)
		assert.NotEqual(t, "changed", b.Rules[0].ID)
	})
}

// TestDeterministic checks that two calls give the same records, with
// IDs derived from the keys, and that they share nothing.
func TestDeterministic(t *testing.T) {
	a, b := yanji.Records(), yanji.Records()
	ja, err := json.Marshal(a)
	require.NoError(t, err)
	jb, err := json.Marshal(b)
	require.NoError(t, err)
	assert.Equal(t, string(ja), string(jb))
	require.Len(t, b.Sites, len(a.Sites))
	for i := range a.Sites {
		assert.True(t, a.Sites[i].Area.Equal(b.Sites[i].Area))
	}
	// Deep equality of everything else: decimals are compared above, by
	// value, and zeroed in copies here.
	noAreas := func(r orgmodel.Records) orgmodel.Records {
		r.Sites = slices.Clone(r.Sites)
		for i := range r.Sites {
			r.Sites[i].Area = decimal.Decimal{}
		}
		return r
	}
	assert.Equal(t, noAreas(a), noAreas(b))
	for _, o := range a.Orgs {
		require.Equal(t, yanji.ID("org/"+o.Code), o.ID, o.Code)
	}
	assert.Equal(t, uuid.NewSHA1(uuid.NewSHA1(uuid.NameSpaceURL, []byte("https://github.com/dangjian-go/dangjian/orgmodel#Yanji")), []byte("org/city")), yanji.ID("org/city"))

	a.Orgs[0].Name = "changed"
	a.Bodies[1].Members[0] = uuid.Nil
	a.Sites[0].Area = decimal.Zero
	c := yanji.Records()
	assert.Equal(t, "延吉市委", c.Orgs[0].Name)
	assert.NotEqual(t, uuid.Nil, c.Bodies[1].Members[0])
	assert.False(t, c.Sites[0].Area.IsZero())
}

// TestStatsGolden compares the aggregates by kind and domain (and the
// tables beside the tree) with testdata/stats.golden.
func TestStatsGolden(t *testing.T) {
	c := newYanjiCity(t)
	got := yanjiStats(c)
	golden.Check(t, filepath.Join("testdata", "stats.golden"), []byte(got))
}

func yanjiStats(c yanjiCity) string {
	var b strings.Builder
	b.WriteString("# Aggregates of yanji.Records(); regenerate with\n")
	b.WriteString("# go test ./place/yanji -run TestStatsGolden -update\n")
	s := c.tree.AggregateAll()
	fmt.Fprintf(&b, "orgs\t%d\n", s.Orgs)
	fmt.Fprintf(&b, "grassroots\t%d\n", s.Grassroots)
	fmt.Fprintf(&b, "members.full\t%d\n", s.Members.Full)
	fmt.Fprintf(&b, "members.probationary\t%d\n", s.Members.Probationary)
	for _, k := range orgmodel.Kinds() {
		if n := s.ByKind[k]; n > 0 {
			fmt.Fprintf(&b, "kind\t%s\t%s\t%d\n", k, k.Label(), n)
		}
	}
	if n := s.ByDomain[orgmodel.DomainUnknown]; n > 0 {
		fmt.Fprintf(&b, "domain\t-\t未记录\t%d\n", n)
	}
	for _, d := range orgmodel.Domains() {
		if n := s.ByDomain[d]; n > 0 {
			fmt.Fprintf(&b, "domain\t%s\t%s\t%d\n", d, d.Label(), n)
		}
	}
	// Members by domain: the organizations' own members, party groups
	// excluded (their members are counted in their branch).
	byDomain := map[orgmodel.Domain]orgmodel.Members{}
	for _, o := range c.tree.All() {
		if o.Kind != orgmodel.PartyGroup {
			byDomain[o.Domain] = byDomain[o.Domain].Add(o.Members)
		}
	}
	for _, d := range orgmodel.Domains() {
		if m, ok := byDomain[d]; ok && m.Total() > 0 {
			fmt.Fprintf(&b, "members\t%s\t%s\t%d\t%d\n", d, d.Label(), m.Full, m.Probationary)
		}
	}
	sites := map[orgmodel.SiteKind]int{}
	for _, site := range c.recs.Sites {
		sites[site.Kind]++
	}
	for k := orgmodel.SiteKind(1); k.IsValid(); k++ {
		if n := sites[k]; n > 0 {
			fmt.Fprintf(&b, "site\t%s\t%s\t%d\n", k, k.Label(), n)
		}
	}
	bodies := map[orgmodel.BodyKind]int{}
	for _, body := range c.recs.Bodies {
		bodies[body.Kind]++
	}
	for k := orgmodel.BodyKind(1); k.IsValid(); k++ {
		if n := bodies[k]; n > 0 {
			fmt.Fprintf(&b, "body\t%s\t%s\t%d\n", k, k.Label(), n)
		}
	}
	fmt.Fprintf(&b, "grids\t%d\n", len(c.recs.Grids))
	people := map[orgmodel.MemberStatus]int{}
	for _, p := range c.recs.People {
		people[p.Status]++
	}
	for st := orgmodel.MemberStatus(1); st.IsValid(); st++ {
		if n := people[st]; n > 0 {
			fmt.Fprintf(&b, "people\t%s\t%s\t%d\n", st, st.Label(), n)
		}
	}
	posts := map[orgmodel.Role]int{}
	for _, p := range c.recs.Posts {
		posts[p.Role]++
	}
	for r := orgmodel.Role(1); r.IsValid(); r++ {
		if n := posts[r]; n > 0 {
			fmt.Fprintf(&b, "post\t%s\t%s\t%d\n", r, r.Label(), n)
		}
	}
	dispatch := map[orgmodel.DispatchRole]int{}
	for _, a := range c.recs.Assignments {
		dispatch[a.Role]++
	}
	for r := orgmodel.DispatchRole(1); r.IsValid(); r++ {
		if n := dispatch[r]; n > 0 {
			fmt.Fprintf(&b, "assignment\t%s\t%s\t%d\n", r, r.Label(), n)
		}
	}
	return b.String()
}

// TestConcurrent calls Yanji from several goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	want, err := json.Marshal(yanji.Records())
	require.NoError(t, err)
	got := make([][]byte, 4)
	var wg sync.WaitGroup
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i], _ = json.Marshal(yanji.Records())
		}()
	}
	wg.Wait()
	for i := range got {
		assert.Equal(t, string(want), string(got[i]), "goroutine %d", i)
	}
}
