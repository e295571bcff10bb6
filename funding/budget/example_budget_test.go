package budget_test

import (
	"fmt"

	"github.com/dangjian-go/dangjian/funding/budget"
	"github.com/dangjian-go/dangjian/funding/standard"
	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/dangjian-go/dangjian/place/yanji"
	"github.com/google/uuid"
)

func ExampleBudget() {
	tree, err := orgmodel.Build(yanji.Records())
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := budget.Budget(tree, yanji.Standards(), 2025, budget.BudgetOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Year, res.AsOf, res.Standards, len(res.Lines), "lines", res.Amount)
	l := res.Lines[1]
	fmt.Println(l.Path)
	fmt.Println(l.Code, l.Rule, l.UnitAmount, "×", l.Quantity, l.QuantitySource, "×", l.Periods, "=", l.Amount, "average:", l.Average)
	for _, o := range res.Omitted[:2] {
		fmt.Println("omitted", o.Rule+":", o.Reason)
	}
	// Output:
	// 2025 2025-01-01 延吉市 458 lines 53059720.00
	// 延吉市委 / 街道一（示例）党工委 / 街道一（示例）驻街非公企业综合党委 / 示例企业02党支部
	// non_public_work_funds YJ-NONPUBLIC-BRANCH-FUNDS 2000.00 × 1 per_unit × 1 = 2000.00 average: false
	// omitted YJ-NONPUBLIC-DISPATCHED-FUNDS: in force, but nothing in the tree it applies to
	// omitted YJ-NONPUBLIC-FUNDS-ISSUED: a total over a period, not a per-unit standard
}

func ExampleBudget_options() {
	tree, _ := orgmodel.Build(yanji.Records())
	// Three other cadres in every village, and one branch (a street's organ
	// branch, here) treated as a dispatched branch (派驻党支部).
	dispatched := yanji.ID("org/street/1/admin/branch/1")
	res, err := budget.Budget(tree, yanji.Standards(), 2025, budget.BudgetOptions{
		VillageCadres: 3, DispatchedBranches: []uuid.UUID{dispatched},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	village := yanji.ID("org/village/01")
	for _, l := range res.Lines {
		if l.Org == dispatched || (l.Org == village && l.Code == standard.VillageCadrePay) {
			fmt.Println(l.Code, l.Quantity, l.QuantitySource, l.Amount)
		}
	}
	// Output:
	// dispatched_branch_work_funds 1 per_unit 2000.00
	// village_cadre_pay 3 option 66000.00
}

func ExampleBudgetResult_Total() {
	tree, _ := orgmodel.Build(yanji.Records())
	res, _ := budget.Budget(tree, yanji.Standards(), 2025, budget.BudgetOptions{})
	street, _ := tree.Org(yanji.ID("org/street/1"))
	st, ok := res.Total(street.ID)
	fmt.Println(street.Name, ok, st.Lines, "lines", st.Amount)
	for _, ia := range st.ByItem {
		fmt.Println(" ", ia.Code.Label(), ia.Lines, ia.Amount)
	}
	// Output:
	// 街道一（示例）党工委 true 47 lines 6080440.00
	//   区域化党建经费 12 600000.00
	//   社区工作经费 12 2400000.00
	//   社区“两委”成员薪酬 12 3058440.00
	//   非公党组织工作经费 11 22000.00
}

func ExampleBudgetResult_GrandTotal() {
	tree, _ := orgmodel.Build(yanji.Records())
	res, _ := budget.Budget(tree, yanji.Standards(), 2025, budget.BudgetOptions{})
	g, err := res.GrandTotal()
	fmt.Println(g.Lines, g.Amount, err)
	for _, ia := range g.ByItem {
		fmt.Println(" ", ia.Code, ia.Lines, ia.Amount)
	}
	// Output:
	// 458 53059720.00 <nil>
	//   village_operating_funds 56 11760000.00
	//   village_secretary_pay 56 1568000.00
	//   village_cadre_pay 56 4158000.00
	//   regional_party_building_funds 70 3500000.00
	//   community_work_funds 70 14000000.00
	//   community_committee_pay 70 17913720.00
	//   non_public_work_funds 80 160000.00
}

func ExampleBudgetResult_ByChild() {
	tree, _ := orgmodel.Build(yanji.Records())
	res, err := budget.Budget(tree, yanji.Standards(), 2025, budget.BudgetOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	units, _ := res.ByChild(tree.Roots()[0])
	for _, st := range units[:3] {
		o, _ := tree.Org(st.Org)
		fmt.Println(o.Code, st.Lines, st.Amount, st.Item(standard.CommunityWorkFunds).Lines, "communities")
	}
	// Output:
	// street/1 47 6080440.00 12 communities
	// street/2 46 6038720.00 12 communities
	// street/3 48 6161880.00 12 communities
}

func ExampleSubtotal_Item() {
	tree, _ := orgmodel.Build(yanji.Records())
	res, _ := budget.Budget(tree, yanji.Standards(), 2025, budget.BudgetOptions{})
	g, _ := res.GrandTotal()
	fmt.Println(g.Item(standard.VillageOperatingFunds).Lines, "villages", g.Item(standard.VillageOperatingFunds).Amount)
	fmt.Println(g.Item(standard.DispatchedBranchWorkFunds).Lines, "dispatched branches")
	// Output:
	// 56 villages 11760000.00
	// 0 dispatched branches
}

func ExampleBudgetResult_Sources() {
	tree, _ := orgmodel.Build(yanji.Records())
	res, _ := budget.Budget(tree, yanji.Standards(), 2025, budget.BudgetOptions{})
	for _, src := range res.Sources() {
		fmt.Println(src.Doc)
	}
	// Output: 延吉市委组织部：延吉市基层党建工作（文章）
}
