// Package budget computes a year's budget of funding and salary standards
// ([standard.Set]) over an organization tree ([orgmodel.Tree]): the
// village, community, non-public and dispatched-branch items, each a whole
// multiple of its standard, with subtotals by unit and item.
//
// It is the one part of funding that depends on the organization tree:
// the funding core (dues, tax, remittance, enterprise funds, standards,
// floors and ladders) does not import orgmodel.
package budget

import (
	"fmt"
	"slices"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding/standard"
	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/google/uuid"
)

// DefaultVillageCadres and DefaultCommunityMembers are the counts [Budget]
// uses for a village or community that records no post of the kind (see
// [BudgetOptions]). Neither is a rule: the reference counts 3–5 paid
// people per village (村干部基本报酬, reported), of whom 4 other than the
// secretary is the top; no count of community “两委” members is given
// anywhere, and 5 is this library's assumption. Budgets that use them say
// so in their lines (QuantityDefault).
const (
	DefaultVillageCadres    = 4
	DefaultCommunityMembers = 5
)

// BudgetOptions tune [Budget]. The zero value asks for the defaults
// described on each field.
type BudgetOptions struct {
	// AsOf is the day the standards in force and the posts held are read
	// on; zero: 1 January of the budget year.
	AsOf dangjian.Date `json:"asOf,omitempty"`
	// VillageCadres fixes the number of other village cadres (其他村干部)
	// paid per village. Zero: counted per village from the posts recorded
	// on the date, as the distinct holders of the village organization's
	// committee seats and of posts in its villagers' committee, less the
	// secretary; a village with none recorded gets VillageCadresDefault.
	VillageCadres int `json:"villageCadres,omitempty"`
	// VillageCadresDefault is the count for a village with no other cadre
	// recorded; zero: [DefaultVillageCadres].
	VillageCadresDefault int `json:"villageCadresDefault,omitempty"`
	// CommunityMembers fixes the number of community “两委” members paid
	// per community. Zero: counted per community from the posts recorded
	// on the date, as the distinct holders of the community organization's
	// committee seats and of posts in its residents' committee; a
	// community with none recorded gets CommunityMembersDefault.
	CommunityMembers int `json:"communityMembers,omitempty"`
	// CommunityMembersDefault is the count for a community with no post
	// recorded; zero: [DefaultCommunityMembers].
	CommunityMembersDefault int `json:"communityMembersDefault,omitempty"`
	// DispatchedBranches are the branches that are 派驻党支部 (dispatched
	// branches): the tree records no such attribute, so the caller lists
	// them. Each must be a branch of the tree (of any branch kind). A
	// dispatched branch gets the dispatched-branch standard instead of the
	// non-public branch standard.
	DispatchedBranches []uuid.UUID `json:"dispatchedBranches,omitempty"`
}

// budgetItem is an item Budget prices, with the bases it accepts.
type budgetItem struct {
	code standard.ItemCode
	pers []standard.Per
}

// budgetItems are the items Budget prices, in line order. The table is
// read-only.
var budgetItems = []budgetItem{
	{standard.VillageOperatingFunds, []standard.Per{standard.PerVillageYear}},
	{standard.VillageSecretaryPay, []standard.Per{standard.PerPersonYear, standard.PerPersonMonth}},
	{standard.VillageCadrePay, []standard.Per{standard.PerPersonYear, standard.PerPersonMonth}},
	{standard.RegionalPartyBuildingFunds, []standard.Per{standard.PerCommunityYear}},
	{standard.CommunityWorkFunds, []standard.Per{standard.PerCommunityYear}},
	{standard.CommunityCommitteePay, []standard.Per{standard.PerPersonYear, standard.PerPersonMonth}},
	{standard.NonPublicWorkFunds, []standard.Per{standard.PerBranch}},
	{standard.DispatchedBranchWorkFunds, []standard.Per{standard.PerDispatchedBranch, standard.PerBranch}},
}

// Budget applies the standards of s in force on the budget date (opts.AsOf,
// or 1 January of year) to the tree t and returns the yearly budget for
// year, line by line, in the tree's pre-order and, within an organization,
// in item-code order; the same inputs give the same result:
//
//   - for each village (the top organization of a village: an
//     organization in domain [orgmodel.Village] whose parent is not), its
//     operating funds (one), its secretary's pay (one) and the pay of its
//     other cadres (see [BudgetOptions.VillageCadres]);
//   - for each community (likewise, domain [orgmodel.Community]), its
//     regional party-building funds and work funds (one each) and the pay
//     of its “两委” members (see [BudgetOptions.CommunityMembers]), a
//     monthly standard counting 12 months;
//   - for each branch (any branch kind) in domain
//     [orgmodel.NonPublicEnterprise], the non-public work funds; for each
//     dispatched branch named in the options, the dispatched-branch funds
//     instead.
//
// A standard is applied once per organization per year; the per-branch
// standards, whose period no source states, are applied once a year too,
// and the result's assumptions say so. Totals over a period (红领津贴,
// investments) and standards not in force are listed in Omitted, not
// budgeted. Nothing is rounded.
//
// It returns an error listing every problem: a nil tree, a year outside
// 1..9999, negative counts, dispatched branches that are not branches of
// the tree, a set that fails [standard.Set.Check], a standard whose basis
// does not fit its item (a village fund per person), or an overflow.
func Budget(t *orgmodel.Tree, s standard.Set, year int, opts BudgetOptions) (BudgetResult, error) {
	p := paramErrs{sentinel: ErrBadBudget}
	if t == nil {
		p.add("tree", "nil", "no tree")
	}
	if year < 1 || year > 9999 {
		p.add("year", fmt.Sprint(year), "must be 1..9999")
	}
	for _, c := range []struct {
		name string
		n    int
	}{{"opts.villageCadres", opts.VillageCadres}, {"opts.villageCadresDefault", opts.VillageCadresDefault},
		{"opts.communityMembers", opts.CommunityMembers}, {"opts.communityMembersDefault", opts.CommunityMembersDefault}} {
		if c.n < 0 {
			p.add(c.name, fmt.Sprint(c.n), "must not be negative")
		}
	}
	dispatched := map[uuid.UUID]bool{}
	for i, id := range opts.DispatchedBranches {
		if t == nil {
			break
		}
		o, ok := t.Org(id)
		switch {
		case !ok:
			p.add(fmt.Sprintf("opts.dispatchedBranches[%d]", i), id.String(), "not in the tree")
		case !o.Kind.IsBranch():
			p.add(fmt.Sprintf("opts.dispatchedBranches[%d]", i), id.String(), fmt.Sprintf("%s is a %s, not a branch", o.Name, o.Kind))
		default:
			dispatched[id] = true
		}
	}
	p.addErr(s.Check())
	if err := p.err(); err != nil {
		return BudgetResult{}, err
	}

	asOf := opts.AsOf
	if asOf.IsZero() {
		asOf = dangjian.NewDate(year, 1, 1)
	}
	res := BudgetResult{Year: year, AsOf: asOf, Standards: s.Name, Used: []standard.Standard{}, Lines: []BudgetLine{},
		Rounding: "none: every line is a whole multiple of its standard's amount", tree: t,
		totals: map[uuid.UUID]*subtotalAcc{}}

	// The standards in force, by item, checked against the bases they may have.
	std := map[standard.ItemCode]standard.Standard{}
	var missing []BudgetOmission
	for _, bi := range budgetItems {
		it, ok := s.Item(bi.code, asOf)
		if !ok {
			missing = append(missing, BudgetOmission{Code: bi.code, Reason: "no standard in force on " + asOf.String()})
			continue
		}
		if !slices.Contains(bi.pers, it.Per) {
			p.add(fmt.Sprintf("standards.items (%q).per", it.ID), it.Per.String(), fmt.Sprintf("does not fit %s in a budget", bi.code))
			continue
		}
		std[bi.code] = it
	}
	if err := p.err(); err != nil {
		return BudgetResult{}, err
	}

	// Bodies linked to each organization: villagers' and residents'
	// committees.
	bodies := map[uuid.UUID][]orgmodel.Body{}
	for _, b := range t.Bodies(uuid.Nil) {
		if b.Kind == orgmodel.VillagersCommittee || b.Kind == orgmodel.ResidentsCommittee {
			bodies[b.Org] = append(bodies[b.Org], b)
		}
	}
	used := map[string]bool{}
	add := func(o orgmodel.Org, code standard.ItemCode, qty int64, src QuantitySource) {
		it, ok := std[code]
		if !ok || len(p.ps) > 0 {
			return
		}
		periods := it.Per.PerYear()
		amount, err := it.Amount.MulInt(qty)
		if err == nil {
			amount, err = amount.MulInt(periods)
		}
		if err != nil {
			pr := problemAt("lines", err)
			pr.Detail = o.Name + " " + code.String()
			p.addErr(pr)
			return
		}
		res.Lines = append(res.Lines, BudgetLine{Org: o.ID, Path: t.PathString(o.ID), Code: code, Rule: it.ID,
			Quantity: qty, QuantitySource: src, Periods: periods, UnitAmount: it.Amount, Amount: amount, Average: it.Average,
			Reading: it.Reading})
		used[it.ID] = true
	}
	count := func(fixed, def int, recorded int64) (int64, QuantitySource) {
		switch {
		case fixed > 0:
			return int64(fixed), QuantityOption
		case recorded > 0:
			return recorded, QuantityPosts
		}
		return int64(def), QuantityDefault
	}
	villageDefault := cmpOr(opts.VillageCadresDefault, DefaultVillageCadres)
	communityDefault := cmpOr(opts.CommunityMembersDefault, DefaultCommunityMembers)
	for _, o := range t.All() {
		switch {
		case o.Domain == orgmodel.Village && t.IsDomainTop(o.ID):
			add(o, standard.VillageOperatingFunds, 1, QuantityPerUnit)
			add(o, standard.VillageSecretaryPay, 1, QuantityPerUnit)
			holders, sec := committeeHolders(t, o.ID, bodies[o.ID], asOf)
			others := int64(len(holders))
			if sec != uuid.Nil && holders[sec] {
				others--
			}
			n, src := count(opts.VillageCadres, villageDefault, others)
			add(o, standard.VillageCadrePay, n, src)
		case o.Domain == orgmodel.Community && t.IsDomainTop(o.ID):
			add(o, standard.RegionalPartyBuildingFunds, 1, QuantityPerUnit)
			add(o, standard.CommunityWorkFunds, 1, QuantityPerUnit)
			holders, _ := committeeHolders(t, o.ID, bodies[o.ID], asOf)
			n, src := count(opts.CommunityMembers, communityDefault, int64(len(holders)))
			add(o, standard.CommunityCommitteePay, n, src)
		}
		if o.Kind.IsBranch() {
			switch {
			case dispatched[o.ID]:
				add(o, standard.DispatchedBranchWorkFunds, 1, QuantityPerUnit)
			case o.Domain == orgmodel.NonPublicEnterprise:
				add(o, standard.NonPublicWorkFunds, 1, QuantityPerUnit)
			}
		}
	}
	if err := p.err(); err != nil {
		return BudgetResult{}, err
	}
	for _, it := range s.Items {
		switch {
		case used[it.ID]:
			res.Used = append(res.Used, it)
		case it.Per.IsTotal():
			res.Omitted = append(res.Omitted, BudgetOmission{Code: it.Code, Rule: it.ID, Reason: "a total over a period, not a per-unit standard"})
		case !it.Period.Contains(asOf):
			res.Omitted = append(res.Omitted, BudgetOmission{Code: it.Code, Rule: it.ID, Reason: "not in force on " + asOf.String()})
		case !slices.ContainsFunc(budgetItems, func(b budgetItem) bool { return b.code == it.Code }):
			res.Omitted = append(res.Omitted, BudgetOmission{Code: it.Code, Rule: it.ID, Reason: "not an item a budget over the tree prices"})
		default:
			res.Omitted = append(res.Omitted, BudgetOmission{Code: it.Code, Rule: it.ID, Reason: "in force, but nothing in the tree it applies to"})
		}
	}
	res.Omitted = append(res.Omitted, missing...)
	res.Assumptions = budgetAssumptions(std)
	if err := res.index(); err != nil {
		return BudgetResult{}, err
	}
	return res, nil
}

// budgetAssumptions lists the readings a budget with these standards rests
// on.
func budgetAssumptions(std map[standard.ItemCode]standard.Standard) []string {
	out := []string{
		"a village (community) is an organization of domain village (community) whose parent is not: one set of lines each, whatever lies beneath it",
		"each standard is applied once per organization per year; a standard whose period its source does not state is read as yearly",
	}
	if _, ok := std[standard.VillageOperatingFunds]; ok {
		out = append(out, "village operating funds and village cadre pay are separate lines: whether the operating funds include the pay is not stated, so the two may overlap")
	}
	if _, ok := std[standard.NonPublicWorkFunds]; ok {
		out = append(out, "the per-branch non-public work funds go to every branch (any branch kind) of domain non_public_enterprise; the period is not stated and is read as yearly")
	}
	if _, ok := std[standard.DispatchedBranchWorkFunds]; ok {
		out = append(out, "dispatched branches (派驻党支部) are those the caller lists: the tree records no such attribute")
	}
	return out
}

// cmpOr returns a if it is not zero, else b.
func cmpOr(a, b int) int {
	if a != 0 {
		return a
	}
	return b
}

// committeeHolders returns the distinct people who on d hold a committee
// seat of org or a post in one of its villagers' or residents'
// committees, and the secretary of org (uuid.Nil if none).
func committeeHolders(t *orgmodel.Tree, org uuid.UUID, bodies []orgmodel.Body, d dangjian.Date) (map[uuid.UUID]bool, uuid.UUID) {
	holders := map[uuid.UUID]bool{}
	for _, p := range t.Posts(org) {
		if p.Role.IsCommitteeSeat() && p.ActiveOn(d) {
			holders[p.Person] = true
		}
	}
	for _, b := range bodies {
		for _, p := range t.Posts(b.ID) {
			switch p.Role {
			case orgmodel.VillagersDirector, orgmodel.ResidentsDirector, orgmodel.BodyMember:
				if p.ActiveOn(d) {
					holders[p.Person] = true
				}
			}
		}
	}
	sec, _ := t.Holder(org, orgmodel.Secretary, d)
	return holders, sec
}
