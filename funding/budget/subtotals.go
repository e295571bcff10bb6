package budget

import (
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/standard"
	"github.com/google/uuid"
)

// index adds up the lines into the subtree totals of every organization
// with a line and each of its ancestors, and the grand total.
func (r *BudgetResult) index() error {
	var total funding.Money
	for _, l := range r.Lines {
		var err error
		if total, err = total.Add(l.Amount); err != nil {
			return problemAt("total", err)
		}
		for _, id := range append([]uuid.UUID{l.Org}, r.tree.Ancestors(l.Org)...) {
			acc := r.totals[id]
			if acc == nil {
				acc = &subtotalAcc{byItem: map[standard.ItemCode]*ItemAmount{}}
				r.totals[id] = acc
			}
			if acc.amount, err = acc.amount.Add(l.Amount); err != nil {
				return problemAt("total", err)
			}
			acc.lines++
			ia := acc.byItem[l.Code]
			if ia == nil {
				ia = &ItemAmount{Code: l.Code}
				acc.byItem[l.Code] = ia
			}
			if ia.Amount, err = ia.Amount.Add(l.Amount); err != nil {
				return problemAt("total", err)
			}
			ia.Lines++
		}
	}
	r.Amount = total
	return nil
}

// Total returns the total of the lines of the subtree under org (org's own
// lines and those of every organization beneath it), by item code in code
// order. It reports false for an organization not in the budget's tree,
// and for a result that was not built by [Budget]. The total equals the
// sum of those lines to the fen.
func (r BudgetResult) Total(org uuid.UUID) (Subtotal, bool) {
	if r.tree == nil || !r.tree.Has(org) {
		return Subtotal{}, false
	}
	out := Subtotal{Org: org, ByItem: []ItemAmount{}}
	acc := r.totals[org]
	if acc == nil {
		return out, true
	}
	out.Lines, out.Amount = acc.lines, acc.amount
	for _, c := range standard.ItemCodes() {
		if ia := acc.byItem[c]; ia != nil {
			out.ByItem = append(out.ByItem, *ia)
		}
	}
	return out, true
}

// GrandTotal returns the total of every line, by item code in code order,
// with Org uuid.Nil. It adds up the lines themselves, so it works on a
// decoded result too, and reports [funding.ErrOverflow] if they do not fit.
func (r BudgetResult) GrandTotal() (Subtotal, error) {
	out := Subtotal{ByItem: []ItemAmount{}}
	byItem := map[standard.ItemCode]*ItemAmount{}
	for _, l := range r.Lines {
		ia := byItem[l.Code]
		if ia == nil {
			ia = &ItemAmount{Code: l.Code}
			byItem[l.Code] = ia
		}
		var err error
		if ia.Amount, err = ia.Amount.Add(l.Amount); err != nil {
			return Subtotal{}, err
		}
		if out.Amount, err = out.Amount.Add(l.Amount); err != nil {
			return Subtotal{}, err
		}
		ia.Lines++
		out.Lines++
	}
	for _, c := range standard.ItemCodes() {
		if ia := byItem[c]; ia != nil {
			out.ByItem = append(out.ByItem, *ia)
		}
	}
	return out, nil
}

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
