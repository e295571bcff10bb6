package tax

import (
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/internal/csvtable"
)

// PayrollRow is one row of a payroll file: one member's wages for one
// month, as an employer's payroll export gives them.
type PayrollRow struct {
	// Line is the line of the file the row starts on (0 if the row is not
	// from a file).
	Line int `json:"line,omitempty"`
	// ID is the member's ID (工号) as the file writes it.
	ID string `json:"id"`
	// Year is the tax year; Month.Month the month in it.
	Year int `json:"year"`
	// Month holds the month's figures: Income (gross), SocialInsurance
	// (social_insurance), AdditionalAmount (special_deductions) and the
	// two facts FirstWageIncome and PriorYearLowIncome; nothing else is
	// set.
	Month Month `json:"month"`
}

// The columns of a payroll file.
const (
	pcID = iota
	pcMonth
	pcGross
	pcSocial
	pcSpecial
	pcFirstWage
	pcLowIncome
	numPayrollCols
)

// payrollNames are the names of each column: English, Chinese, then
// aliases.
var payrollNames = [numPayrollCols][]string{
	pcID:        {"id", "编号", "工号"},
	pcMonth:     {"month", "月份", "所属月份"},
	pcGross:     {"gross", "应发工资", "收入", "本期收入"},
	pcSocial:    {"social_insurance", "社保个人缴纳", "专项扣除"},
	pcSpecial:   {"special_deductions", "专项附加扣除"},
	pcFirstWage: {"first_wage_income_this_year", "年内首次取得工资"},
	pcLowIncome: {"prior_year_low_income", "上年低收入"},
}

// payrollSpec is the table of a payroll file.
var payrollSpec = func() csvtable.Spec {
	s := csvtable.Spec{Columns: make([]csvtable.Column, numPayrollCols), ID: payrollNames[pcID][0]}
	for c, names := range payrollNames {
		s.Columns[c] = csvtable.Column{Name: names[0], Chinese: names[1], Aliases: names[2:], Required: c <= pcSpecial}
	}
	return s
}()

// PayrollColumns returns the names of the payroll columns, in order: for
// each, the English name, the Chinese name, then the other names a header
// may use. The first five are required.
func PayrollColumns() [][]string {
	out := make([][]string, numPayrollCols)
	for c, names := range payrollNames {
		out[c] = append([]string(nil), names...)
	}
	return out
}

// The details of payroll problems.
const (
	detailPayrollMonth = "want a month of the tax year as YYYY-MM, such as 2024-03"
	detailPayrollBool  = "want true or false (是 or 否, 1 or 0; empty is false)"
	detailPayrollMoney = "want an amount in yuan such as 6234.50: digits with at most two decimal places"
	detailPayrollComma = "grouping commas are not accepted: write 3000.00, not 3,000.00"
)

// ScanPayroll reads a payroll file within the default limits; see
// [ScanPayrollWith].
func ScanPayroll(r io.Reader, each func(row PayrollRow, bad dangjian.Problems) error) error {
	return ScanPayrollWith(r, dangjian.Limits{}, each)
}

// ScanPayrollWith reads a payroll file as a stream and calls each once per
// row, in file order: with the row and nil for a good row, or with the
// row's line and ID and its problems, in column order, for a bad row. It
// keeps nothing between rows.
//
// The file is CSV in UTF-8 with a header naming the columns id, month,
// gross, social_insurance and special_deductions (all required), and
// first_wage_income_this_year and prior_year_low_income (optional); each
// also by its Chinese name (编号 or 工号, 月份, 应发工资 or 收入,
// 社保个人缴纳 or 专项扣除, 专项附加扣除, 年内首次取得工资, 上年低收入;
// [PayrollColumns]). month is YYYY-MM; amounts are yuan as
// [funding.ParseMoney] reads them ("6234.50": no grouping commas, nothing
// finer than a fen, never negative, never through a float); gross must be
// given, and an empty social_insurance or special_deductions is 0. The
// facts are true or false (also TRUE/FALSE, 是/否, 1/0); empty is false.
// Rows whose cells are all empty are skipped.
//
// Each problem has the row's Line, the Column (the field's position), the
// Path (the column's name as the header writes it), the ID and the Value.
// A header problem, text that is not CSV, a limit of lim met (a problem
// of kind [dangjian.ErrLimit] naming the limit) or an error of r ends the
// reading and is returned, after each was called for the rows before it;
// so is the first error each returns. lim.MaxProblems is the caller's to
// apply (a [dangjian.ProblemCap]).
func ScanPayrollWith(r io.Reader, lim dangjian.Limits, each func(row PayrollRow, bad dangjian.Problems) error) error {
	return scanPayroll(r, lim, nil, each)
}

// scanPayroll is [ScanPayrollWith], calling header (if not nil) with the
// file's header before the rows.
func scanPayroll(r io.Reader, lim dangjian.Limits, header func(*csvtable.Header), each func(row PayrollRow, bad dangjian.Problems) error) error {
	t, err := csvtable.OpenWith(r, &payrollSpec, lim)
	if err != nil {
		return err
	}
	if header != nil {
		header(t.Header())
	}
	var bad dangjian.Problems
	for t.Next() {
		if t.Blank() {
			continue
		}
		bad = bad[:0]
		row := PayrollRow{Line: t.Line(), ID: strings.Clone(t.ID())}
		if p := t.WidthProblem(); p != nil {
			bad.Add(p)
		} else if enc := t.EncodingProblems(); len(enc) > 0 {
			bad = append(bad, enc...)
		} else {
			readPayrollRow(t, &row, &bad)
		}
		var err error
		if len(bad) > 0 {
			err = each(PayrollRow{Line: row.Line, ID: row.ID}, append(dangjian.Problems(nil), bad...))
		} else {
			err = each(row, nil)
		}
		if err != nil {
			return err
		}
	}
	return t.Err()
}

// readPayrollRow reads the cells of the current row into row, adding a
// problem for each bad cell.
func readPayrollRow(t *csvtable.Reader, row *PayrollRow, bad *dangjian.Problems) {
	if row.ID == "" {
		bad.Add(t.Problem(pcID, "", dangjian.ErrMissing, ""))
	}
	if s := t.Cell(pcMonth); s == "" {
		bad.Add(t.Problem(pcMonth, "", dangjian.ErrMissing, detailPayrollMonth))
	} else if y, m, ok := parseYearMonth(s); !ok {
		bad.Add(t.Problem(pcMonth, s, ErrMonth, detailPayrollMonth))
	} else {
		row.Year, row.Month.Month = y, m
	}
	money := func(c int, required bool) funding.Money {
		s := t.Cell(c)
		if s == "" {
			if required {
				bad.Add(t.Problem(c, "", dangjian.ErrMissing, ""))
			}
			return funding.Money{}
		}
		m, err := funding.ParseMoney(s)
		switch {
		case err == nil && m.IsNegative():
			bad.Add(t.Problem(c, s, dangjian.ErrNegative, ""))
		case err == nil:
			return m
		case errors.Is(err, funding.ErrSubFen):
			bad.Add(t.Problem(c, s, funding.ErrSubFen, ""))
		case errors.Is(err, funding.ErrOverflow):
			bad.Add(t.Problem(c, s, funding.ErrOverflow, ""))
		case strings.Contains(s, ","):
			bad.Add(t.Problem(c, s, dangjian.ErrInvalid, detailPayrollComma))
		default:
			bad.Add(t.Problem(c, s, dangjian.ErrInvalid, detailPayrollMoney))
		}
		return funding.Money{}
	}
	row.Month.Income = money(pcGross, true)
	row.Month.SocialInsurance = money(pcSocial, false)
	row.Month.AdditionalAmount = money(pcSpecial, false)
	fact := func(c int) bool {
		s := t.Cell(c)
		v, ok := parsePayrollBool(s)
		if !ok {
			bad.Add(t.Problem(c, s, dangjian.ErrInvalid, detailPayrollBool))
		}
		return v
	}
	row.Month.FirstWageIncome = fact(pcFirstWage)
	row.Month.PriorYearLowIncome = fact(pcLowIncome)
}

// parseYearMonth reads YYYY-MM: a year of four digits (0001..9999) and a
// month 01..12.
func parseYearMonth(s string) (year, month int, ok bool) {
	if len(s) != 7 || s[4] != '-' {
		return 0, 0, false
	}
	for i, c := range []byte(s) {
		if i != 4 && (c < '0' || c > '9') {
			return 0, 0, false
		}
	}
	year, _ = strconv.Atoi(s[:4])
	month, _ = strconv.Atoi(s[5:])
	if year < 1 || month < 1 || month > 12 {
		return 0, 0, false
	}
	return year, month, true
}

// parsePayrollBool reads a fact: true/false in any case, 是/否, 1/0, or
// empty (false).
func parsePayrollBool(s string) (v, ok bool) {
	switch strings.ToLower(s) {
	case "true", "是", "1":
		return true, true
	case "false", "否", "0", "":
		return false, true
	}
	return false, false
}
