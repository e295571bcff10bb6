package tax

import (
	"slices"

	"github.com/dangjian-go/dangjian/funding"
)

// AdditionalLine is one special additional deduction of a month: the
// item, the rule that set its amount, how many children (1 for other
// items), whether it was claimed at 50% or as a sibling's share, and the
// amount.
type AdditionalLine struct {
	Item   DeductionItem `json:"item"`
	Rule   string        `json:"rule"`
	Units  int           `json:"units"`
	Half   bool          `json:"half,omitempty"`
	Shared bool          `json:"shared,omitempty"`
	Amount funding.Money `json:"amount"`
}

// Calc is one tax computed on a rate table, with how it was obtained:
// the income and the deduction taken from it, the taxable amount, the row
// (chosen on Taxable ÷ Divisor: 12 for the 全年一次性奖金, 1 otherwise), the
// exact tax Taxable × rate − quick deduction as a decimal string, the tax
// rounded once as Rounding says, and the IDs of the rules applied.
type Calc struct {
	Table     Table            `json:"table"`
	Income    funding.Money    `json:"income"`
	Deduction funding.Money    `json:"deduction"`
	Taxable   funding.Money    `json:"taxable"`
	Divisor   int64            `json:"divisor"`
	Bracket   Bracket          `json:"bracket"`
	Exact     string           `json:"exact"`
	Tax       funding.Money    `json:"tax"`
	Rounding  funding.Rounding `json:"rounding"`
	// Rounded reports that Exact was finer than the rounding unit, so Tax
	// differs from it.
	Rounded bool     `json:"rounded,omitempty"`
	Rules   []string `json:"rules"`
}

// Cumulative holds the running totals of a year up to a month (累计).
type Cumulative struct {
	Income               funding.Money `json:"income"`
	TaxFree              funding.Money `json:"taxFree"`
	BasicDeduction       funding.Money `json:"basicDeduction"`
	SpecialDeductions    funding.Money `json:"specialDeductions"`
	AdditionalDeductions funding.Money `json:"additionalDeductions"`
	OtherDeductions      funding.Money `json:"otherDeductions"`
	// Taxable is income less tax-free income and every deduction, taken
	// as 0 (and Floored set) when the deductions exceed the income.
	Taxable funding.Money `json:"taxable"`
	Floored bool          `json:"floored,omitempty"`
	Relief  funding.Money `json:"relief"`
}

// Line is one month of a [Year]: the input, the month's deductions,
// the running totals, the table tax on the cumulative taxable income, the
// tax withheld this month and the after-tax pay, with the IDs of every
// rule applied (method, basic deduction, each special additional
// deduction, the row of the table, the rounding, and the no-refund clause
// when it applied).
type Line struct {
	Month int   `json:"month"`
	Input Month `json:"input"`
	// EmployedMonths counts the months employed with this employer this
	// year up to this month (任职受雇月份数).
	EmployedMonths int `json:"employedMonths"`
	// BasicDeduction (the month's part of the cumulative basic
	// deduction), SpecialDeductions (own insurance and housing fund, and
	// SocialInsurance), AdditionalDeductions (itemised in Additional, with
	// AdditionalAmount added as one figure) and OtherDeductions (annuity
	// and others) are this month's.
	BasicDeduction funding.Money `json:"basicDeduction"`
	// BasicRule is the rule that decided the cumulative basic deduction:
	// the monthly amount per month employed (TAX-BASIC-2019), counted
	// from January for a first wage income of the year
	// (TAX-BASIC-FIRSTWAGE-2020, 公告2020年第13号), or the year's amount
	// from January after a low-income year (TAX-BASIC-LOWINCOME-2021,
	// 公告2020年第19号).
	BasicRule            string           `json:"basicRule"`
	SpecialDeductions    funding.Money    `json:"specialDeductions"`
	Additional           []AdditionalLine `json:"additional,omitempty"`
	AdditionalDeductions funding.Money    `json:"additionalDeductions"`
	OtherDeductions      funding.Money    `json:"otherDeductions"`
	Cumulative           Cumulative       `json:"cumulative"`
	// Tax is the table tax on Cumulative.Taxable (累计应纳税额), rounded
	// once.
	Tax Calc `json:"tax"`
	// WithheldBefore is the tax withheld in the earlier months of the year
	// (累计已预扣预缴税额); Withheld is this month's (本期应预扣预缴税额):
	// Tax.Tax − Cumulative.Relief − WithheldBefore, or 0 and Clamped when
	// that is negative (暂不退税).
	WithheldBefore funding.Money `json:"withheldBefore"`
	Withheld       funding.Money `json:"withheld"`
	Clamped        bool          `json:"clamped,omitempty"`
	// AfterTax is Income − Withheld − SpecialDeductions: the month's pay
	// after income tax and the member's own insurance and housing fund.
	// It can be negative in a month with little pay.
	AfterTax funding.Money `json:"afterTax"`
	Rules    []string      `json:"rules"`
}

// Year is the withholding of one employer for one taxpayer over the
// months of a year given, by the cumulative method. Income and Withheld
// are the totals of the lines. A Year is a value that nothing in the
// library modifies after Withhold returns it, so it may be read by multiple
// goroutines; [Year.Month] returns copies of its lines.
type Year struct {
	Year     int           `json:"year"`
	Rules    string        `json:"rules"`
	Lines    []Line        `json:"lines"`
	Income   funding.Money `json:"income"`
	Withheld funding.Money `json:"withheld"`
}

// Month returns the line of month m (1..12), and false when the year has
// no such month.
func (y Year) Month(m int) (Line, bool) {
	for _, l := range y.Lines {
		if l.Month == m {
			l.Additional = slices.Clone(l.Additional)
			l.Tax.Rules = slices.Clone(l.Tax.Rules)
			l.Rules = slices.Clone(l.Rules)
			return l, true
		}
	}
	return Line{}, false
}
