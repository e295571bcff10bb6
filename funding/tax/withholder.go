package tax

import (
	"fmt"
	"io"
	"strconv"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/internal/funderr"
	"github.com/dangjian-go/dangjian/internal/csvtable"
)

// Withholder computes, by the cumulative method, the tax withheld from the
// months of many members as they come: a payroll's rows in any
// interleaving of members, each member's months of a year in increasing
// order. For each member it keeps only the running state of the current
// year (the first and last month, the facts of the year, the cumulative
// totals and the tax withheld so far: 72 bytes; with its map entry about
// 130 bytes, and the ID's own bytes), never the rows; its memory is that
// times the members (about 130 MB for a million members), whatever the
// number of rows.
//
// A month is computed as [Rules.Withhold] computes it for the member's
// months in order, with the member's first month in the stream as the
// first month of employment with the employer in the year (it need not be
// January: a new hire's cumulative basic deduction counts the months from
// then, unless the month carries [Month.FirstWageIncome] or
// [Month.PriorYearLowIncome]). A month missing between two months of a
// member counts as a month employed with no wages. A member's rows of a
// later year start that year afresh.
//
// A Withholder is not safe for concurrent use.
type Withholder struct {
	r       Rules
	members map[string]yearState
	rows    map[int][]Bracket // 预扣率表一 in force, by year×12 + month − 1
}

// NewWithholder returns a Withholder with the national rules
// ([NationalRules]).
func NewWithholder() *Withholder {
	w, _ := NationalRules().NewWithholder() // the national rules pass Check
	return w
}

// NewWithholder returns a Withholder with the rules r, or the problems of
// r (an error wrapping [ErrBadRules]) if r fails [Rules.Check].
func (r Rules) NewWithholder() (*Withholder, error) {
	if err := r.Check(); err != nil {
		return nil, err
	}
	return &Withholder{r: r, members: map[string]yearState{}, rows: map[int][]Bracket{}}, nil
}

// Members returns the number of members whose state the Withholder keeps.
func (w *Withholder) Members() int { return len(w.members) }

// Add computes the withholding of row's month for row's member and
// returns its [Line], or the row's problems (each with the row's Line and
// ID, and Path the payroll column: month, gross, social_insurance,
// special_deductions, first_wage_income_this_year,
// prior_year_low_income; a field of [Month] for the others) and leaves the
// member's state as it was:
//
//   - no ID ([dangjian.ErrMissing]); a year outside 1..9999, a month
//     outside 1..12, a month not after the member's last month of the year
//     (repeated or out of order), or a year before the member's last year
//     ([ErrMonth]);
//   - a fact that differs from the member's earlier months of the year,
//     or both facts at once ([dangjian.ErrInconsistent]);
//   - a fact on a month outside its rule's dates, or any other rule not in
//     force for the month ([dangjian.ErrNoRule]: "no rule in force on
//     2020-06-01 for a first wage income of the year
//     (TAX-BASIC-FIRSTWAGE-2020 [2020-07-01, …))"), never silently
//     ignored;
//   - the problems of the month's amounts and declaration, as
//     [Rules.Withhold] reports them, and an overflow
//     ([funding.ErrOverflow]).
func (w *Withholder) Add(row PayrollRow) (Line, dangjian.Problems) {
	var ps taxProblems
	m := row.Month
	st, known := w.members[row.ID]
	switch {
	case row.ID == "":
		ps.add("id", "", "", "", dangjian.ErrMissing)
	case row.Year < 1 || row.Year > 9999:
		ps.add("month", strconv.Itoa(row.Year), "", "want a year 1..9999", ErrMonth)
	case m.Month < 1 || m.Month > 12:
		ps.add("month", strconv.Itoa(m.Month), "", "want a month 1..12", ErrMonth)
	case known && row.Year < int(st.year):
		ps.add("month", yearMonth(row.Year, m.Month), "", fmt.Sprintf("the member's months go in order: %s comes after %s", yearMonth(row.Year, m.Month), yearMonth(int(st.year), int(st.last))), ErrMonth)
	case known && row.Year == int(st.year) && m.Month == int(st.last):
		ps.add("month", yearMonth(row.Year, m.Month), "", "the member's month "+yearMonth(row.Year, m.Month)+" is repeated", ErrMonth)
	case known && row.Year == int(st.year) && m.Month < int(st.last):
		ps.add("month", yearMonth(row.Year, m.Month), "", fmt.Sprintf("the member's months go in order: %s comes after %s", yearMonth(row.Year, m.Month), yearMonth(int(st.year), int(st.last))), ErrMonth)
	}
	if len(ps) == 0 {
		if !known || row.Year != int(st.year) {
			st = yearState{}
		} else {
			checkFacts(st.facts, m, "", "the member's earlier months of "+strconv.Itoa(int(st.year)), &ps)
		}
		w.r.checkMonth(row.Year, m, "", &ps)
	}
	if len(ps) == 0 {
		key := row.Year*12 + m.Month - 1
		rows, ok := w.rows[key]
		if !ok {
			rows = w.r.table(CumulativeTable, monthDate(row.Year, m.Month))
			w.rows[key] = rows
		}
		l, err := w.r.step(row.Year, &st, m, rows)
		if err == nil {
			w.members[row.ID] = st
			return l, nil
		}
		p := funderr.At("", err, funding.ErrOverflow)
		p.Path = "income" // the month's income, summed
		ps = append(ps, p)
	}
	for _, p := range ps {
		p.Line, p.ID = row.Line, row.ID
		if p.Path == "" {
			p.Path = "month"
		} else if c, ok := payrollColumnOf[p.Path]; ok {
			p.Path = payrollNames[c][0]
		}
	}
	return Line{}, dangjian.Problems(ps)
}

// payrollColumnOf maps a field of a month's problems to its payroll
// column.
var payrollColumnOf = map[string]int{
	"id": pcID, "month": pcMonth, "income": pcGross, "socialInsurance": pcSocial, "additionalAmount": pcSpecial,
	fieldFirstWage: pcFirstWage, fieldLowIncome: pcLowIncome,
}

// yearMonth writes YYYY-MM.
func yearMonth(y, m int) string { return fmt.Sprintf("%04d-%02d", y, m) }

// WithholdStream reads a payroll file and computes the tax withheld for
// each row with the national rules; see [Rules.WithholdStream].
func WithholdStream(r io.Reader, lim dangjian.Limits, each func(row PayrollRow, l Line, bad dangjian.Problems) error) error {
	return NationalRules().WithholdStream(r, lim, each)
}

// WithholdStream reads a payroll file ([ScanPayrollWith], within lim) and
// computes by the cumulative method, with a [Withholder] over the rules r,
// the tax withheld for each row: it calls each once per row, in file
// order, with the row and its [Line] (l.Withheld is the month's
// withholding; l.Rules and l.BasicRule say which rules decided it), or
// with the row's line and ID and its problems for a bad row (a cell that
// cannot be read, or a month the Withholder refuses), whose Path is the
// column's name as the header writes it. Good rows go on after a bad one.
// Its memory is the Withholder's: a few words per member, whatever the
// file's length.
//
// It returns the problems of r if r fails [Rules.Check], a header
// problem, text that is not CSV, a limit met or an error of the reader
// (each called for the rows before it), or the first error each returns;
// nil when every row was passed to each.
func (r Rules) WithholdStream(in io.Reader, lim dangjian.Limits, each func(row PayrollRow, l Line, bad dangjian.Problems) error) error {
	w, err := r.NewWithholder()
	if err != nil {
		return err
	}
	var h *csvtable.Header
	return scanPayroll(in, lim, func(hdr *csvtable.Header) { h = hdr }, func(row PayrollRow, bad dangjian.Problems) error {
		if bad != nil {
			return each(row, Line{}, bad)
		}
		l, bad := w.Add(row)
		if bad == nil {
			return each(row, l, nil)
		}
		for _, p := range bad { // the column as the header writes it
			for c := range payrollNames {
				if p.Path == payrollNames[c][0] && h.Has(c) {
					p.Path, p.Column = h.Name(c), h.Field(c)+1
					break
				}
			}
		}
		return each(PayrollRow{Line: row.Line, ID: row.ID}, Line{}, bad)
	})
}
