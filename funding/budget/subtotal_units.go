package budget

import (
	"slices"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding/standard"
	"github.com/google/uuid"
)

// ByChild returns the totals ([BudgetResult.Total]) of the organizations
// directly under org that have at least one line, in tree order; with
// uuid.Nil, those of the roots. A report by street, township and park is
// ByChild of the city's committee. It reports false for an organization not
// in the budget's tree, and for a result that was not built by [Budget].
func (r BudgetResult) ByChild(org uuid.UUID) ([]Subtotal, bool) {
	if r.tree == nil {
		return nil, false
	}
	var kids []uuid.UUID
	if org == uuid.Nil {
		kids = r.tree.Roots()
	} else if r.tree.Has(org) {
		kids = r.tree.Children(org)
	} else {
		return nil, false
	}
	var out []Subtotal
	for _, id := range kids {
		if st, _ := r.Total(id); st.Lines > 0 {
			out = append(out, st)
		}
	}
	return out, true
}

// Item returns the total of item code c in s: its lines and amount, or a
// zero ItemAmount with Code c when s has no line of c.
func (s Subtotal) Item(c standard.ItemCode) ItemAmount {
	for _, ia := range s.ByItem {
		if ia.Code == c {
			return ia
		}
	}
	return ItemAmount{Code: c}
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
