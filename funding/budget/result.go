package budget

import (
	"slices"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/standard"
	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/google/uuid"
)

// BudgetLine is one line of a budget: one standard applied to one
// organization. Amount = UnitAmount × Quantity × Periods, exactly.
type BudgetLine struct {
	Org  uuid.UUID         `json:"org"`
	Path string            `json:"path"`
	Code standard.ItemCode `json:"code"`
	// Rule is the ID of the standard applied.
	Rule string `json:"rule"`
	// Quantity counts villages, communities, branches (1 each) or people.
	Quantity       int64          `json:"quantity"`
	QuantitySource QuantitySource `json:"quantitySource"`
	// Periods is how many times the unit amount falls in the year: 12 for
	// a monthly standard, 1 otherwise.
	Periods    int64         `json:"periods"`
	UnitAmount funding.Money `json:"unitAmount"`
	Amount     funding.Money `json:"amount"`
	// Average marks a line priced at an average standard (平均): the
	// units' actual amounts may differ, the total is what the average
	// implies.
	Average bool `json:"average,omitempty"`
	// Reading, when set, says that the standard's basis or period is the
	// library's reading of a wording that does not state it, with the
	// alternatives ([standard.Standard.ReadAs] prices another).
	Reading *standard.Reading `json:"reading,omitempty"`
}

// ItemAmount is the total of one item code.
type ItemAmount struct {
	Code   standard.ItemCode `json:"code"`
	Lines  int               `json:"lines"`
	Amount funding.Money     `json:"amount"`
}

// Subtotal is the total of the lines of a subtree, by item code.
type Subtotal struct {
	// Org is the subtree's root; uuid.Nil for the whole budget.
	Org    uuid.UUID     `json:"org"`
	Lines  int           `json:"lines"`
	Amount funding.Money `json:"amount"`
	ByItem []ItemAmount  `json:"byItem"`
}

// BudgetOmission is a standard of the set, or an item the budget knows,
// that gave no line, and why.
type BudgetOmission struct {
	Code   standard.ItemCode `json:"code"`
	Rule   string            `json:"rule,omitempty"`
	Reason string            `json:"reason"`
}

// BudgetResult is a yearly budget over a tree: its lines in a fixed order,
// the standards used, what was left out and why, and the assumptions made.
// Nothing in a budget is rounded: every line is a whole multiple of its
// standard's amount.
//
// A BudgetResult is safe for concurrent use: its methods only read. Its
// subtree totals ([BudgetResult.Total]) are indexed when [Budget] builds
// it; a result decoded from JSON has its lines but no index.
type BudgetResult struct {
	Year      int           `json:"year"`
	AsOf      dangjian.Date `json:"asOf"`
	Standards string        `json:"standards"`
	// Used are the standards that gave lines, in set order.
	Used []standard.Standard `json:"used"`
	// Lines are in the tree's pre-order, item codes in code order within
	// an organization.
	Lines []BudgetLine `json:"lines"`
	// Omitted lists standards not budgeted (totals, standards not in
	// force) and items with no standard.
	Omitted []BudgetOmission `json:"omitted,omitempty"`
	// Assumptions are the readings the budget rests on.
	Assumptions []string `json:"assumptions"`
	// Rounding says that nothing was rounded.
	Rounding string `json:"rounding"`
	// Amount is the total of every line.
	Amount funding.Money `json:"amount"`

	tree   *orgmodel.Tree
	totals map[uuid.UUID]*subtotalAcc
}

type subtotalAcc struct {
	lines  int
	amount funding.Money
	byItem map[standard.ItemCode]*ItemAmount
}

// Sources returns the sources of the standards used ([BudgetResult.Used]),
// each once, in the order of first use: what a report cites.
func (r BudgetResult) Sources() []dangjian.Source {
	var out []dangjian.Source
	for _, s := range r.Used {
		if !slices.Contains(out, s.Source) {
			out = append(out, s.Source)
		}
	}
	return out
}
