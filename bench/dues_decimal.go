// How this alternative was written: party dues computed one member at a
// time with github.com/shopspring/decimal, the way a careful developer who
// knows not to use floats for money would write it. The bracket edges, rates,
// flat amount and cap are parsed into decimals once; per member the base
// (already a decimal, parsed once from its yuan text when the roster was
// loaded) is compared with the edges (LessThanOrEqual), multiplied by the
// bracket's rate, rounded with Round(2) (half away from zero: the library's
// default half-up for these positive amounts) and capped. Nothing in it is
// deliberately slow; the allocations are shopspring/decimal's own (a
// big.Int per operation).

package bench

import "github.com/shopspring/decimal"

// DecimalDues is the 2017 dues rules written with shopspring/decimal.
type DecimalDues struct {
	wageEdges, pensionEdges []decimal.Decimal
	wageRates, pensionRates []decimal.Decimal
	flat, cap               decimal.Decimal
}

// NewDecimalDues prepares the 2017 rules: wage brackets 3000 / 5000 /
// 10000 元 at 0.5 / 1 / 1.5 / 2 %, pension bracket 5000 元 at 0.5 / 1 %,
// flat 0.20 元, cap 1000 元.
func NewDecimalDues() *DecimalDues {
	d := decimal.RequireFromString
	return &DecimalDues{
		wageEdges:    []decimal.Decimal{d("3000"), d("5000"), d("10000")},
		wageRates:    []decimal.Decimal{d("0.005"), d("0.01"), d("0.015"), d("0.02")},
		pensionEdges: []decimal.Decimal{d("5000")},
		pensionRates: []decimal.Decimal{d("0.005"), d("0.01")},
		flat:         d("0.20"),
		cap:          d("1000"),
	}
}

// Amount returns one member's monthly dues in yuan, rounded to the fen.
func (n *DecimalDues) Amount(kind MemberKind, base decimal.Decimal) decimal.Decimal {
	if kind == KindFlat {
		return n.flat
	}
	edges, rates := n.wageEdges, n.wageRates
	if kind == KindPension {
		edges, rates = n.pensionEdges, n.pensionRates
	}
	rate := rates[len(rates)-1]
	for i, e := range edges {
		if base.LessThanOrEqual(e) {
			rate = rates[i]
			break
		}
	}
	amount := base.Mul(rate).Round(2)
	if amount.GreaterThan(n.cap) {
		amount = n.cap
	}
	return amount
}

// Batch computes the dues of every member of in into out (as long as in).
func (n *DecimalDues) Batch(in []DecimalMember, out []decimal.Decimal) {
	for i := range in {
		out[i] = n.Amount(in[i].Kind, in[i].Base)
	}
}

// AmountText parses the base from its yuan text and returns the dues as
// text with two decimals: for the sweeps.
func (n *DecimalDues) AmountText(kind MemberKind, base string) (string, error) {
	b, err := decimal.NewFromString(base)
	if err != nil {
		return "", err
	}
	return n.Amount(kind, b).StringFixed(2), nil
}
