package tax

import (
	"github.com/dangjian-go/dangjian/funding"
)

// Month is one month of wages (工资、薪金所得) that one employer pays a
// resident taxpayer, with what the employer deducts: the member's own
// contributions (专项扣除), other deductions and the declared special
// additional deductions (专项附加扣除). Every amount is for the month, not
// cumulative, and none may be negative.
//
// The dues code reads the own contributions back from the [Line]; their
// names match those of [dues.Payslip].
type Month struct {
	// Month is the month of the year, 1..12.
	Month int `json:"month"`
	// Income is the month's wage income (收入), taxable and tax-free.
	Income funding.Money `json:"income"`
	// TaxFree is the part of Income that is exempt (免税收入).
	TaxFree funding.Money `json:"taxFree"`
	// Pension, Medical, Unemployment and HousingFund are the member's own
	// 基本养老保险, 基本医疗保险, 失业保险 and 住房公积金: the 专项扣除.
	Pension      funding.Money `json:"pension"`
	Medical      funding.Money `json:"medical"`
	Unemployment funding.Money `json:"unemployment"`
	HousingFund  funding.Money `json:"housingFund"`
	// SocialInsurance is the 专项扣除 given as one amount, as a payroll
	// export gives the member's own contributions in one column (社保个人缴纳):
	// it is added to Pension, Medical, Unemployment and HousingFund, which
	// such a month leaves at zero.
	SocialInsurance funding.Money `json:"socialInsurance"`
	// Annuity is the member's own 企业年金 or 职业年金, and OtherDeductions
	// any other deduction determined by law (商业健康保险, 税延养老保险…):
	// together the 依法确定的其他扣除. The caller applies their limits.
	Annuity         funding.Money `json:"annuity"`
	OtherDeductions funding.Money `json:"otherDeductions"`
	// Deductions is the declaration of special additional deductions in
	// force for the month.
	Deductions Deductions `json:"deductions"`
	// AdditionalAmount is the special additional deductions (专项附加扣除)
	// of the month given as an amount the payroll system already computed
	// (a payroll export carries the amount, not the declaration): it is
	// added to what Deductions declares, as the caller's figure, under no
	// rule of the library.
	AdditionalAmount funding.Money `json:"additionalAmount"`
	// FirstWageIncome is the fact of 国家税务总局公告2020年第13号: the
	// taxpayer had no wage income (工资、薪金所得, nor continuous 劳务报酬
	// withheld by the cumulative method) in the year before this
	// employment. The cumulative basic deduction then counts the months
	// from January, not from the first month of employment
	// ([Rules.FirstWage], from 2020-07-01).
	FirstWageIncome bool `json:"firstWageIncomeThisYear,omitempty"`
	// PriorYearLowIncome is the fact of 国家税务总局公告2020年第19号: the
	// employer withheld the taxpayer's wage tax in every month of the
	// previous full year, and that year's wages were at most 60,000 元. The
	// cumulative basic deduction is then the year's 60,000 from January
	// ([Rules.LowIncome], from 2021-01-01).
	PriorYearLowIncome bool `json:"priorYearLowIncome,omitempty"`
	// TaxRelief is the month's tax reduction (减免税额), as determined by
	// the tax authority.
	TaxRelief funding.Money `json:"taxRelief"`
}

// Deductions is a taxpayer's declaration of special additional deductions
// (专项附加扣除) to the employer for one month. The rules in force for the
// month turn it into an amount ([Rules.AdditionalDeductions]). The zero
// Deductions declares nothing.
type Deductions struct {
	// Children and ChildrenHalf count the children in education (子女教育)
	// claimed at 100% and at 50% (the other parent claims the other half).
	Children     int `json:"children,omitempty"`
	ChildrenHalf int `json:"childrenHalf,omitempty"`
	// Infants and InfantsHalf count the children under 3 (3岁以下婴幼儿照护,
	// from 2022) claimed at 100% and at 50%.
	Infants     int `json:"infants,omitempty"`
	InfantsHalf int `json:"infantsHalf,omitempty"`
	// ElderlyOnlyChild claims 赡养老人 in full as an only child. A taxpayer
	// with siblings declares instead ElderlyShare, the agreed or designated
	// share, at most the share cap in force.
	ElderlyOnlyChild bool          `json:"elderlyOnlyChild,omitempty"`
	ElderlyShare     funding.Money `json:"elderlyShare"`
	// HousingLoan claims 住房贷款利息 in full; HousingLoanHalf at 50% (homes
	// bought separately before marriage). Neither goes with rent.
	HousingLoan     bool `json:"housingLoan,omitempty"`
	HousingLoanHalf bool `json:"housingLoanHalf,omitempty"`
	// RentTier claims 住房租金 at the tier of the city of work.
	RentTier RentTier `json:"rentTier,omitempty"`
	// ContinuingEducation claims 学历（学位）继续教育.
	ContinuingEducation bool `json:"continuingEducation,omitempty"`
}
