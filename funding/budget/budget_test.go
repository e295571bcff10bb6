package budget_test

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/budget"
	"github.com/dangjian-go/dangjian/funding/standard"
	"github.com/dangjian-go/dangjian/internal/golden"
	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/dangjian-go/dangjian/place/yanji"
	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func yanjiTree(t testing.TB) *orgmodel.Tree {
	t.Helper()
	tree, err := orgmodel.Build(yanji.Records())
	require.NoError(t, err)
	return tree
}

// budgetUnits returns the organizations a budget report is broken down by: the
// streets, townships, parks and other direct children of the roots, in
// tree order.
func budgetUnits(t *orgmodel.Tree) []orgmodel.Org {
	var out []orgmodel.Org
	for _, r := range t.Roots() {
		for _, c := range t.Children(r) {
			o, _ := t.Org(c)
			out = append(out, o)
		}
	}
	return out
}

// TestBudgetYanjiGolden pins the Yanji budget for 2025 by unit (street,
// township, park) and item. It tests the standards YJ-VILLAGE-OPERATING-FUNDS,
// YJ-VILLAGE-SECRETARY-PAY, YJ-VILLAGE-CADRE-PAY, YJ-COMMUNITY-REGIONAL-FUNDS,
// YJ-COMMUNITY-WORK-FUNDS, YJ-COMMUNITY-COMMITTEE-PAY and
// YJ-NONPUBLIC-BRANCH-FUNDS; TestBudgetYanjiDerived derives the same
// figures from the tree's counts.
func TestBudgetYanjiGolden(t *testing.T) {
	tree := yanjiTree(t)
	res, err := budget.Budget(tree, yanji.Standards(), 2025, budget.BudgetOptions{})
	require.NoError(t, err)
	var b strings.Builder
	fmt.Fprintf(&b, "# budget.Budget(yanji.Records(), yanji.Standards(), 2025): by unit and item.\n")
	fmt.Fprintf(&b, "# Standards used (each line names the rule it tests):")
	for _, u := range res.Used {
		fmt.Fprintf(&b, " %s", u.ID)
	}
	fmt.Fprintf(&b, "\n# as of %s; nothing rounded (%s)\n", res.AsOf, res.Rounding)
	fmt.Fprintf(&b, "# unit\titem\trule\tlines\tquantity\tamount\n")
	rules := map[standard.ItemCode]string{}
	for _, u := range res.Used {
		rules[u.Code] = u.ID
	}
	quantity := func(org uuid.UUID, code standard.ItemCode) int64 {
		var q int64
		for _, l := range res.Lines {
			if l.Code == code && (l.Org == org || tree.IsAncestor(org, l.Org)) {
				q += l.Quantity
			}
		}
		return q
	}
	for _, u := range budgetUnits(tree) {
		st, ok := res.Total(u.ID)
		require.True(t, ok)
		if st.Lines == 0 {
			continue
		}
		for _, ia := range st.ByItem {
			fmt.Fprintf(&b, "%s\t%s\t%s\t%d\t%d\t%s\n", u.Name, ia.Code, rules[ia.Code], ia.Lines, quantity(u.ID, ia.Code), ia.Amount)
		}
		fmt.Fprintf(&b, "%s\ttotal\t\t%d\t\t%s\n", u.Name, st.Lines, st.Amount)
	}
	g, err := res.GrandTotal()
	require.NoError(t, err)
	for _, ia := range g.ByItem {
		fmt.Fprintf(&b, "延吉市\t%s\t%s\t%d\t\t%s\n", ia.Code, rules[ia.Code], ia.Lines, ia.Amount)
	}
	fmt.Fprintf(&b, "延吉市\ttotal\t\t%d\t\t%s\n", g.Lines, g.Amount)

	golden.Check(t, filepath.Join("testdata", "budget", "yanji-2025.tsv"), []byte(b.String()))
}

// TestBudgetYanjiDerived derives the Yanji budget from the rules and the
// tree's counts, without Budget, and compares: per street, communities ×
// (5万 + 20万) + 两委 seats × 3310 × 12 + non-public branches × 2000; per
// township, villages × (21万 + 2.8万) + other cadres × 2.2万; per park,
// branches × 2000.
func TestBudgetYanjiDerived(t *testing.T) {
	tree := yanjiTree(t)
	res, err := budget.Budget(tree, yanji.Standards(), 2025, budget.BudgetOptions{})
	require.NoError(t, err)
	asOf := stdDay("2025-01-01")
	seats := func(org uuid.UUID) (n int64, sec uuid.UUID) {
		seen := map[uuid.UUID]bool{}
		for _, p := range tree.Posts(org) {
			if p.Role.IsCommitteeSeat() && p.ActiveOn(asOf) && !seen[p.Person] {
				seen[p.Person] = true
				n++
			}
			if p.Role == orgmodel.Secretary {
				sec = p.Person
			}
		}
		return n, sec
	}
	var total int64
	for _, u := range budgetUnits(tree) {
		var fen int64
		for _, o := range tree.Subtree(u.ID) {
			parent, _ := tree.Parent(o.ID)
			po, _ := tree.Org(parent)
			switch {
			case o.Domain == orgmodel.Community && po.Domain != orgmodel.Community:
				n, _ := seats(o.ID)
				fen += (50000 + 200000 + n*3310*12) * 100
			case o.Domain == orgmodel.Village && po.Domain != orgmodel.Village:
				n, sec := seats(o.ID)
				others := n - 1
				for _, b := range tree.Bodies(o.ID) {
					if dir, ok := tree.Holder(b.ID, orgmodel.VillagersDirector, asOf); ok && dir != sec {
						others++
					}
				}
				fen += (210000 + 28000 + others*22000) * 100
			}
			if o.Domain == orgmodel.NonPublicEnterprise && (o.Kind == orgmodel.Branch || o.Kind == orgmodel.JointBranch) {
				fen += 2000 * 100
			}
		}
		st, ok := res.Total(u.ID)
		require.True(t, ok)
		assert.Equal(t, fen, st.Amount.Fen(), u.Name)
		total += fen
	}
	assert.Equal(t, total, res.Amount.Fen())
	// 56 villages, 70 communities, 80 non-public branches (6 streets of 10–13
	// and the parks' 8 + 5).
	count := map[standard.ItemCode]int{}
	for _, l := range res.Lines {
		count[l.Code]++
	}
	assert.Equal(t, map[standard.ItemCode]int{
		standard.VillageOperatingFunds: 56, standard.VillageSecretaryPay: 56, standard.VillageCadrePay: 56,
		standard.RegionalPartyBuildingFunds: 70, standard.CommunityWorkFunds: 70, standard.CommunityCommitteePay: 70,
		standard.NonPublicWorkFunds: 80,
	}, count)
}

// budgetCheckTotals checks the invariants of a budget over t: every subtree
// total equals the sum of the lines beneath it to the fen, by item too;
// every line is its unit amount × quantity × periods; the grand total is
// the sum of every line.
func budgetCheckTotals(t *testing.T, tree *orgmodel.Tree, res budget.BudgetResult) {
	t.Helper()
	var all int64
	for _, l := range res.Lines {
		want := l.UnitAmount.Fen() * l.Quantity * l.Periods
		require.Equal(t, want, l.Amount.Fen(), "line %s %s", l.Path, l.Code)
		all += l.Amount.Fen()
	}
	require.Equal(t, all, res.Amount.Fen())
	g, err := res.GrandTotal()
	require.NoError(t, err)
	require.Equal(t, all, g.Amount.Fen())
	require.Equal(t, len(res.Lines), g.Lines)

	// Lines by organization, then subtree sums by walking each subtree.
	byOrg := map[uuid.UUID][]budget.BudgetLine{}
	for _, l := range res.Lines {
		byOrg[l.Org] = append(byOrg[l.Org], l)
	}
	var roots int64
	for _, o := range tree.All() {
		var fen int64
		lines := 0
		items := map[standard.ItemCode]int64{}
		for _, d := range tree.Subtree(o.ID) {
			for _, l := range byOrg[d.ID] {
				fen += l.Amount.Fen()
				items[l.Code] += l.Amount.Fen()
				lines++
			}
		}
		st, ok := res.Total(o.ID)
		require.True(t, ok)
		require.Equal(t, fen, st.Amount.Fen(), "subtree of %s", o.Name)
		require.Equal(t, lines, st.Lines)
		var sum int64
		for _, ia := range st.ByItem {
			require.Equal(t, items[ia.Code], ia.Amount.Fen())
			sum += ia.Amount.Fen()
		}
		require.Equal(t, fen, sum, "by item adds up for %s", o.Name)
		require.Len(t, st.ByItem, len(items))
	}
	for _, r := range tree.Roots() {
		st, _ := res.Total(r)
		roots += st.Amount.Fen()
	}
	require.Equal(t, all, roots)
	_, ok := res.Total(uuid.New())
	require.False(t, ok)
}

// TestBudgetTotalsProperty checks that totals equal the sum of their lines
// to the fen, on Yanji and on random synthetic trees with random options.
func TestBudgetTotalsProperty(t *testing.T) {
	t.Run("yanji", func(t *testing.T) {
		tree := yanjiTree(t)
		res, err := budget.Budget(tree, yanji.Standards(), 2025, budget.BudgetOptions{})
		require.NoError(t, err)
		budgetCheckTotals(t, tree, res)
	})
	r := rand.New(rand.NewPCG(20250630, 1))
	for i := range 12 {
		n := 20 + r.IntN(2500)
		seed := r.Uint64()
		opts := budget.BudgetOptions{VillageCadres: r.IntN(3) * r.IntN(6), CommunityMembers: r.IntN(2) * r.IntN(9),
			VillageCadresDefault: r.IntN(5), CommunityMembersDefault: r.IntN(7)}
		t.Run(fmt.Sprintf("synthetic/%d/n=%d", i, n), func(t *testing.T) {
			tree, err := orgmodel.Build(orgmodel.Synthetic(n, seed))
			require.NoError(t, err)
			// Some non-public branches dispatched.
			for _, o := range tree.All() {
				if o.Kind.IsBranch() && r.IntN(20) == 0 {
					opts.DispatchedBranches = append(opts.DispatchedBranches, o.ID)
				}
			}
			res, err := budget.Budget(tree, yanji.Standards(), 2025, opts)
			require.NoError(t, err)
			budgetCheckTotals(t, tree, res)
			for _, l := range res.Lines {
				switch l.Code {
				case standard.VillageCadrePay:
					if opts.VillageCadres > 0 {
						assert.Equal(t, int64(opts.VillageCadres), l.Quantity)
						assert.Equal(t, budget.QuantityOption, l.QuantitySource)
					} else {
						// Synthetic trees record no posts.
						assert.Equal(t, budget.QuantityDefault, l.QuantitySource)
						want := int64(opts.VillageCadresDefault)
						if want == 0 {
							want = budget.DefaultVillageCadres
						}
						assert.Equal(t, want, l.Quantity)
					}
				case standard.CommunityCommitteePay:
					assert.Equal(t, int64(12), l.Periods)
				}
			}
		})
	}
}

func TestBudgetOrderAndDeterminism(t *testing.T) {
	tree := yanjiTree(t)
	a, err := budget.Budget(tree, yanji.Standards(), 2025, budget.BudgetOptions{})
	require.NoError(t, err)
	b, err := budget.Budget(yanjiTree(t), yanji.Standards(), 2025, budget.BudgetOptions{})
	require.NoError(t, err)
	assert.Equal(t, a.Lines, b.Lines)
	assert.Equal(t, a.Omitted, b.Omitted)
	assert.Equal(t, a.Assumptions, b.Assumptions)
	// Lines follow the tree's pre-order, codes ascending within an org.
	pos := map[uuid.UUID]int{}
	i := 0
	for _, o := range tree.All() {
		pos[o.ID] = i
		i++
	}
	for k := 1; k < len(a.Lines); k++ {
		p, q := a.Lines[k-1], a.Lines[k]
		require.True(t, pos[p.Org] < pos[q.Org] || (p.Org == q.Org && p.Code < q.Code), "line %d", k)
	}
	first := a.Lines[0]
	assert.Equal(t, "延吉市委 / 街道一（示例）党工委 / 街道一（示例）驻街非公企业综合党委 / 示例企业01党支部", first.Path)
	assert.Equal(t, standard.NonPublicWorkFunds, first.Code)
}

func TestBudgetLines(t *testing.T) {
	tree := yanjiTree(t)
	res, err := budget.Budget(tree, yanji.Standards(), 2025, budget.BudgetOptions{})
	require.NoError(t, err)
	find := func(key string, code standard.ItemCode) budget.BudgetLine {
		t.Helper()
		for _, l := range res.Lines {
			if l.Org == yanji.ID("org/"+key) && l.Code == code {
				return l
			}
		}
		t.Fatalf("no %s line for %s", code, key)
		return budget.BudgetLine{}
	}
	// 第01社区 is a committee: 7 seats, 3310 × 12 × 7 = 278040.
	l := find("community/01", standard.CommunityCommitteePay)
	assert.Equal(t, int64(7), l.Quantity)
	assert.Equal(t, budget.QuantityPosts, l.QuantitySource)
	assert.Equal(t, int64(12), l.Periods)
	assert.Equal(t, "278040.00", l.Amount.String())
	assert.True(t, l.Average)
	assert.Equal(t, "YJ-COMMUNITY-COMMITTEE-PAY", l.Rule)
	// 第01村 and 第08村 are branches with a committee of 4; in 第01村 the
	// secretary also directs the villagers' committee (一肩挑), in 第08村
	// (v%4 == 3) a separate director is one more cadre.
	v8, _ := tree.Org(yanji.ID("org/village/08"))
	_, yjt := tree.YiJianTiao(v8.ID, stdDay("2025-01-01"))
	assert.False(t, yjt)
	_, yjt = tree.YiJianTiao(yanji.ID("org/village/01"), stdDay("2025-01-01"))
	assert.True(t, yjt)
	assert.Equal(t, int64(3), find("village/01", standard.VillageCadrePay).Quantity)
	assert.Equal(t, int64(4), find("village/08", standard.VillageCadrePay).Quantity, v8.Name)
	// 第04村 is a general branch: 5 seats, less the secretary, plus a director.
	assert.Equal(t, int64(5), find("village/04", standard.VillageCadrePay).Quantity)
	l = find("village/01", standard.VillageOperatingFunds)
	assert.Equal(t, int64(1), l.Quantity)
	assert.Equal(t, "210000.00", l.Amount.String())
	assert.True(t, l.Average)

	assert.Equal(t, []budget.BudgetOmission{
		{Code: standard.DispatchedBranchWorkFunds, Rule: "YJ-NONPUBLIC-DISPATCHED-FUNDS", Reason: "in force, but nothing in the tree it applies to"},
		{Code: standard.NonPublicWorkFunds, Rule: "YJ-NONPUBLIC-FUNDS-ISSUED", Reason: "a total over a period, not a per-unit standard"},
		{Code: standard.RedCollarAllowance, Rule: "YJ-RED-COLLAR-ALLOWANCE", Reason: "a total over a period, not a per-unit standard"},
		{Code: standard.VillageOfficeUpgrade, Rule: "YJ-VILLAGE-OFFICE-UPGRADE", Reason: "a total over a period, not a per-unit standard"},
		{Code: standard.StreetCommunityHardware, Rule: "YJ-STREET-COMMUNITY-HARDWARE", Reason: "a total over a period, not a per-unit standard"},
		{Code: standard.NonPublicVenues, Rule: "YJ-NONPUBLIC-VENUES", Reason: "a total over a period, not a per-unit standard"},
	}, res.Omitted)
	assert.Len(t, res.Used, 7)
	stdAssertLowerCamel(t, res)
}

func TestBudgetOptions(t *testing.T) {
	tree := yanjiTree(t)
	nonPublic := yanji.ID("org/street/1/nonpublic/branch/01")
	admin := yanji.ID("org/street/1/admin/branch/1")
	t.Run("fixed counts", func(t *testing.T) {
		res, err := budget.Budget(tree, yanji.Standards(), 2025, budget.BudgetOptions{VillageCadres: 2, CommunityMembers: 9})
		require.NoError(t, err)
		for _, l := range res.Lines {
			switch l.Code {
			case standard.VillageCadrePay:
				assert.Equal(t, int64(2), l.Quantity)
				assert.Equal(t, budget.QuantityOption, l.QuantitySource)
			case standard.CommunityCommitteePay:
				assert.Equal(t, int64(9), l.Quantity)
			}
		}
		// 56 × (210000 + 28000 + 2 × 22000) + 70 × (250000 + 9 × 39720) + 80 × 2000.
		assert.Equal(t, int64(56*(210000+28000+2*22000)+70*(250000+9*39720)+80*2000)*100, res.Amount.Fen())
	})
	t.Run("dispatched branches", func(t *testing.T) {
		res, err := budget.Budget(tree, yanji.Standards(), 2025, budget.BudgetOptions{DispatchedBranches: []uuid.UUID{nonPublic, admin}})
		require.NoError(t, err)
		codes := map[uuid.UUID][]standard.ItemCode{}
		for _, l := range res.Lines {
			codes[l.Org] = append(codes[l.Org], l.Code)
		}
		assert.Equal(t, []standard.ItemCode{standard.DispatchedBranchWorkFunds}, codes[nonPublic], "instead of the non-public funds")
		assert.Equal(t, []standard.ItemCode{standard.DispatchedBranchWorkFunds}, codes[admin])
		base, _ := budget.Budget(tree, yanji.Standards(), 2025, budget.BudgetOptions{})
		d, _ := res.Amount.Sub(base.Amount)
		assert.Equal(t, "2000.00", d.String(), "one more branch funded")
		assert.Contains(t, strings.Join(res.Assumptions, "\n"), "dispatched branches (派驻党支部) are those the caller lists")
	})
	t.Run("posts read on the date", func(t *testing.T) {
		// Before the 2021 elections no village seat is held: the default.
		res, err := budget.Budget(tree, yanji.Standards(), 2020, budget.BudgetOptions{})
		require.NoError(t, err)
		for _, l := range res.Lines {
			if l.Code == standard.VillageCadrePay {
				assert.Equal(t, budget.QuantityDefault, l.QuantitySource)
				assert.Equal(t, int64(budget.DefaultVillageCadres), l.Quantity)
			}
		}
		res, err = budget.Budget(tree, yanji.Standards(), 2020, budget.BudgetOptions{VillageCadresDefault: 3, CommunityMembersDefault: 6})
		require.NoError(t, err)
		for _, l := range res.Lines {
			switch l.Code {
			case standard.VillageCadrePay:
				assert.Equal(t, int64(3), l.Quantity)
			case standard.CommunityCommitteePay:
				if l.QuantitySource == budget.QuantityDefault {
					assert.Equal(t, int64(6), l.Quantity)
				}
			}
		}
	})
	t.Run("standards in force on the date", func(t *testing.T) {
		s := stdDated()
		res, err := budget.Budget(tree, s, 2020, budget.BudgetOptions{})
		require.NoError(t, err)
		require.Len(t, res.Lines, 56)
		assert.Equal(t, "T-2020", res.Lines[0].Rule)
		assert.Equal(t, int64(56*105000*100), res.Amount.Fen())
		res, err = budget.Budget(tree, s, 2020, budget.BudgetOptions{AsOf: stdDay("2019-12-31")})
		require.NoError(t, err)
		assert.Equal(t, "T-2017", res.Lines[0].Rule)
		assert.Contains(t, res.Omitted, budget.BudgetOmission{Code: standard.VillageOperatingFunds, Rule: "T-2021", Reason: "not in force on 2019-12-31"})
		assert.Contains(t, res.Omitted, budget.BudgetOmission{Code: standard.CommunityWorkFunds, Reason: "no standard in force on 2019-12-31"})
	})
	t.Run("items a budget does not price", func(t *testing.T) {
		s := stdOne(standard.VillageOfficeFunds, "20000", standard.PerVillageYear)
		res, err := budget.Budget(tree, s, 2025, budget.BudgetOptions{})
		require.NoError(t, err)
		assert.Empty(t, res.Lines)
		assert.True(t, res.Amount.IsZero())
		assert.Contains(t, res.Omitted, budget.BudgetOmission{Code: standard.VillageOfficeFunds, Rule: "T-village_office_funds", Reason: "not an item a budget over the tree prices"})
		st, ok := res.Total(yanji.ID("org/city"))
		require.True(t, ok)
		assert.Equal(t, budget.Subtotal{Org: yanji.ID("org/city"), ByItem: []budget.ItemAmount{}}, st)
	})
}

func TestBudgetErrors(t *testing.T) {
	tree := yanjiTree(t)
	community := yanji.ID("org/community/01")
	stranger := uuid.MustParse("00000000-0000-0000-0000-000000000001")
	perPerson := yanji.Standards()
	perPerson.Items[0].Per = standard.PerPersonYear
	huge := yanji.Standards()
	huge.Items[5].Amount = funding.MustParseMoney("90000000000000000")
	tests := []struct {
		name string
		tree *orgmodel.Tree
		s    standard.Set
		year int
		opts budget.BudgetOptions
		want []string
		is   error
	}{
		{"nil tree", nil, yanji.Standards(), 2025, budget.BudgetOptions{}, []string{`tree: no tree ("nil")`}, budget.ErrBadBudget},
		{"year 0", tree, yanji.Standards(), 0, budget.BudgetOptions{}, []string{`year: must be 1..9999 ("0")`}, budget.ErrBadBudget},
		{"negative counts", tree, yanji.Standards(), 2025, budget.BudgetOptions{VillageCadres: -1, CommunityMembersDefault: -2},
			[]string{`opts.villageCadres: must not be negative ("-1")`, `opts.communityMembersDefault: must not be negative ("-2")`}, budget.ErrBadBudget},
		{"dispatched not a branch", tree, yanji.Standards(), 2025, budget.BudgetOptions{DispatchedBranches: []uuid.UUID{community}},
			[]string{`opts.dispatchedBranches[0]: 第01社区（示例）党委 is a committee, not a branch`}, budget.ErrBadBudget},
		{"dispatched unknown", tree, yanji.Standards(), 2025, budget.BudgetOptions{DispatchedBranches: []uuid.UUID{stranger}},
			[]string{`opts.dispatchedBranches[0]: not in the tree ("00000000-0000-0000-0000-000000000001")`}, budget.ErrBadBudget},
		{"bad standards", tree, standard.Set{}, 2025, budget.BudgetOptions{}, []string{"name: empty"}, standard.ErrBadStandard},
		{"basis does not fit", tree, perPerson, 2025, budget.BudgetOptions{}, []string{`standards.items ("YJ-VILLAGE-OPERATING-FUNDS").per: does not fit village_operating_funds in a budget ("per_person_year")`}, budget.ErrBadBudget},
		{"overflow", tree, huge, 2025, budget.BudgetOptions{}, []string{"amount out of range"}, funding.ErrOverflow},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := budget.Budget(tt.tree, tt.s, tt.year, tt.opts)
			require.Error(t, err)
			for _, w := range tt.want {
				assert.Contains(t, errText(err), w)
			}
			assert.ErrorIs(t, err, tt.is)
		})
	}
}

func TestBudgetConcurrent(t *testing.T) {
	tree := yanjiTree(t)
	res, err := budget.Budget(tree, yanji.Standards(), 2025, budget.BudgetOptions{})
	require.NoError(t, err)
	street := yanji.ID("org/street/1")
	want, _ := res.Total(street)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got, ok := res.Total(street)
			assert.True(t, ok)
			assert.Equal(t, want, got)
			g, err := res.GrandTotal()
			assert.NoError(t, err)
			assert.Equal(t, res.Amount, g.Amount)
			r2, err := budget.Budget(tree, yanji.Standards(), 2025, budget.BudgetOptions{})
			assert.NoError(t, err)
			assert.Equal(t, res.Amount, r2.Amount)
		}()
	}
	wg.Wait()
}

func TestQuantitySource(t *testing.T) {
	for _, q := range []budget.QuantitySource{budget.QuantityPerUnit, budget.QuantityPosts, budget.QuantityDefault, budget.QuantityOption} {
		b, err := q.MarshalText()
		require.NoError(t, err)
		var back budget.QuantitySource
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, q, back)
		require.NoError(t, back.UnmarshalText([]byte(q.Label())))
		assert.Equal(t, q, back)
	}
}

func TestQuantitySourceText(t *testing.T) {
	var q budget.QuantitySource
	require.NoError(t, q.UnmarshalText([]byte("调用方指定")))
	assert.Equal(t, budget.QuantityOption, q)
	err := q.UnmarshalText([]byte("guess"))
	assert.EqualError(t, err, `invalid value: unknown quantity source: want per_unit, posts, default, option or the Chinese label ("guess")`)
	_, err = budget.QuantitySource(9).MarshalText()
	assert.EqualError(t, err, `invalid value: not a valid quantity source ("9")`)
}
