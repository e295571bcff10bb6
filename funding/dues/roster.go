package dues

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/internal/csvtable"
)

// RosterRow is one member read from a roster: the member and the 1-based
// line of the file where the member's row starts, for messages about it.
type RosterRow struct {
	Line   int    `json:"line"`
	Member Member `json:"member"`
}

// The fixed roster columns. Pay item and deduction columns are looked up
// through their enums.
const (
	rcID = iota
	rcName
	rcCategory
	rcBase
	rcMonths
	rcEmployer
	rcProbationary
	rcFlat
	rcVoluntary
	rcReduction
	rcReductionBy
	rcReductionOn
	rcReductionRef
	rcReductionBranchOn
	rcPayingOrg
	numRosterCols
)

// rosterNames are the names of the fixed columns: the English name
// (matched in any case), the Chinese name and aliases.
var rosterNames = [numRosterCols][]string{
	rcID:                {"id", "编号"},
	rcName:              {"name", "姓名"},
	rcCategory:          {"category", "党员类别", "类别"},
	rcBase:              {"base", "计算基数", "基数"},
	rcMonths:            {"months", "各月收入", "上季度月收入"},
	rcEmployer:          {"employer", "单位类型"},
	rcProbationary:      {"probationary_since", "预备党员日期"},
	rcFlat:              {"flat_amount", "定额"},
	rcVoluntary:         {"voluntary", "自愿多交"},
	rcReduction:         {"reduction", "减免后党费"},
	rcReductionBy:       {"reduction_by", "减免批准单位"},
	rcReductionOn:       {"reduction_on", "减免批准日期"},
	rcReductionRef:      {"reduction_ref", "减免批准文号"},
	rcReductionBranchOn: {"reduction_branch_on", "减免支部研究日期"},
	rcPayingOrg:         {"paying_org", "交纳党费组织", "inflow_org", "流入地党组织"},
}

// deductionColumns are the payslip deductions a roster may give, in
// [Payslip] field order.
var deductionColumns = [...]Deduction{DeductIncomeTax, DeductPension, DeductMedical, DeductUnemployment, DeductHousingFund, DeductAnnuity}

// rosterSpec declares the fixed columns for [csvtable]; a pay item or
// deduction column is a column of the roster's own (rosterExtra).
var rosterSpec = func() csvtable.Spec {
	s := csvtable.Spec{Columns: make([]csvtable.Column, numRosterCols), ID: rosterNames[rcID][0], Extra: rosterExtra}
	for c, names := range rosterNames {
		s.Columns[c] = csvtable.Column{Name: names[0], Chinese: names[1], Aliases: names[2:]}
	}
	for _, c := range []int{rcID, rcName, rcCategory} {
		s.Columns[c].Required = true
	}
	return s
}()

// rosterExtra says whether a header name that is no fixed column is a
// deduction (one column each) or a pay item (several columns may give
// items of a kind, under different names).
func rosterExtra(name string) (key string, ok bool) {
	if d, err := ParseDeduction(name); err == nil {
		return "deduction " + d.String(), true
	}
	if _, err := ParseItemKind(name); err == nil {
		return "item " + strings.ToLower(name), true
	}
	return "", false
}

// why is the kind and detail of a roster problem.
type why struct {
	kind   *dangjian.Kind
	detail string
}

// The problems of a roster cell or header, by kind and detail.
var (
	errRosterEmpty     = why{dangjian.ErrMissing, ""}
	errRosterDate      = why{dangjian.ErrInvalid, "want a YYYY-MM-DD date"}
	errRosterCalendar  = why{dangjian.ErrInvalid, "not a calendar date"}
	errRosterCategory  = why{dangjian.ErrInvalid, "unknown category: want " + codeList(Categories()) + " or the Chinese label"}
	errRosterEmployer  = why{dangjian.ErrInvalid, "unknown employer: want " + codeList(employers()) + " or the Chinese label"}
	errRosterMonthSep  = why{dangjian.ErrInvalid, "separate the months with | or ;, not commas"}
	errRosterTooMany   = why{dangjian.ErrInvalid, "at most 12 months"}
	errRosterNoBase    = why{dangjian.ErrMissing, "the member's category pays a rate of a base: give the base, the months or the payslip columns"}
	errRosterSeveral   = why{dangjian.ErrInvalid, "give one of the base, the months or the payslip columns, not several"}
	errRosterFlatBase  = why{dangjian.ErrInvalid, "the member's category pays a flat amount and takes no base, months or payslip"}
	errRosterFlatRate  = why{dangjian.ErrInvalid, "only flat categories (farmer, student, unemployed, low_income) take a flat amount"}
	errRosterNoEmpl    = why{dangjian.ErrMissing, "the payslip columns of this row need an employer"}
	errRosterPension   = why{dangjian.ErrInvalid, "a retired member's payslip is a pension slip: the employer must be pensioner (离退休)"}
	errRosterPensioner = why{dangjian.ErrInvalid, "a pension slip (employer pensioner) is for retired members"}
	errRosterNoReduce  = why{dangjian.ErrInvalid, "given without a reduction amount"}
	errRosterApproval  = why{dangjian.ErrMissing, "a reduction needs its approval: who approved it and when (规定 第七条), or, for a retired member from 2017, the day the branch agreed (reduction_branch_on)"}
)

func employers() []Employer {
	out := make([]Employer, 0, employerTable.Len()-1)
	for i := 1; i < employerTable.Len(); i++ {
		out = append(out, Employer(i))
	}
	return out
}

func codeList[T fmt.Stringer](vs []T) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = v.String()
	}
	return strings.Join(s, ", ")
}

// ReadRoster reads a branch's dues roster for one month: a header row,
// then one member per row. It returns the members in file order with
// their line numbers. It holds no state between calls and may be called
// concurrently.
//
// # Columns
//
// A column may be named in English (any case) or in Chinese, and columns
// may come in any order:
//
//	English             Chinese                  Cell
//	id                  编号                     required; unique in the roster
//	name                姓名                     may be empty
//	category            党员类别, 类别            required: a Category code or label
//	base                计算基数, 基数            the monthly dues base, in yuan
//	months              各月收入, 上季度月收入     monthly amounts separated by | or ;
//	employer            单位类型                 an Employer code or label
//	<item kind>         <its label or alias>     a pay item, in yuan
//	income_tax          个人所得税, 个税          deductions of the payslip, in yuan
//	pension             养老保险, 基本养老保险
//	medical             医疗保险, 基本医疗保险
//	unemployment        失业保险
//	housing_fund        住房公积金, 公积金
//	annuity             年金, 职业年金, 企业年金
//	probationary_since  预备党员日期              YYYY-MM-DD, the branch meeting's resolution
//	flat_amount         定额                     a flat amount the branch chose (农民)
//	voluntary           自愿多交                 paid on top of the dues, in yuan
//	reduction           减免后党费                the approved monthly amount (0: exempt)
//	reduction_by        减免批准单位              the upper committee that approved it
//	reduction_on        减免批准日期              when, YYYY-MM-DD
//	reduction_ref       减免批准文号              the approval's reference, optional
//	reduction_branch_on 减免支部研究日期          when the branch studied and agreed, YYYY-MM-DD
//	paying_org          交纳党费组织, 流入地党组织  the organization that collects, when not the
//	                    (or inflow_org)          roster's own: a mobile member's inflow organization
//
// id, name and category are required columns, and so is base unless the
// header has a months, employer or payslip column. The pay item columns are
// named by the [ItemKind] codes (post_wage, basic_performance, …), their
// Chinese labels (岗位工资, 基础性绩效工资, …) or their aliases (住房补贴 and
// 交通补贴 are both reform_subsidy): several columns may give items of one
// kind, each becoming its own [PayItem] named by its header. The item and
// deduction columns together are the payslip columns and need an employer
// column; reduction needs reduction_by and reduction_on (the upper
// committee's approval, 规定 第七条), or reduction_branch_on alone for a
// roster whose reductions are retired members' under the 2017 notice (the
// branch's consent; the rules check each member), and those and
// reduction_ref need reduction. An unknown, empty or repeated column name
// is an error.
//
// # Values
//
// The file is UTF-8 text: each cell that is not (a file saved as GBK) is
// a problem of kind [dangjian.ErrEncoding], and nothing else of its row is
// read (to read GBK on purpose, wrap r with textenc.NewReader, package
// github.com/dangjian-go/dangjian/textenc); a cell that starts with a
// single quote before '=', '+', '-', '@', tab or CR is read without the
// quote (the guard against formulas, see [dangjian.GuardFormulas]); a
// byte order mark and CRLF line endings are
// accepted, surrounding space is trimmed from every cell, and rows whose
// cells are all empty are skipped. Amounts are yuan as [funding.ParseMoney] reads
// them ("6234.50"): no grouping commas, no currency sign, nothing finer
// than a fen, never negative; an empty amount is not given (zero).
// category and employer take an English code or a Chinese label.
//
// Each member's base comes from exactly one source: the base cell, the
// months cell, or the row's payslip cells (a payslip is given when the
// employer or any item or deduction cell is non-empty). A member of a rate
// category (employed, retired, self_employed, annual_salary) needs one; a
// member of a flat category (farmer, student, unemployed, low_income)
// takes none, and only flat categories take a flat_amount. A retired
// member's payslip is a pension slip (employer pensioner, 离退休), and only
// a retired member's is. For a rate category, a base of 0 written out is
// a base of zero and an empty base is no base; for a flat category, a base
// of 0 (0, 0.00) is read as no base, as an empty one is, since a spreadsheet
// export writes 0 in an empty numeric column (any other base is an error).
//
// ReadRoster checks everything that does not depend on the rule set; what
// does (a farmer's flat amount within the rules' range) is checked by
// [Rules.Monthly].
//
// # Errors
//
// Every error is a [dangjian.Problems] list of *[dangjian.Problem], in line
// order and, within a line, in column order. Each problem has the 1-based
// Line of the file, the Column (the field's 1-based position; 0 for a
// whole row or an absent column), the Path (the column's name as the
// header writes it), the member's ID when the row's id cell was read, and
// the offending Value.
//
// A header problem (kind [dangjian.ErrHeader]) or a file that is not CSV
// (kind [dangjian.ErrSyntax], wrapping the *csv.ParseError) returns no
// rows; an error of the reader itself is returned as it is. A bad row does
// not stop the reader: ReadRoster returns the good rows together with a
// problem for each bad cell of each bad row, of kind [dangjian.ErrInvalid]
// or a narrower one ([dangjian.ErrMissing] for an empty required cell,
// [dangjian.ErrNegative], [funding.ErrSubFen], [funding.ErrOverflow]). A roster is one
// branch's month, so an id on several rows makes each of them a bad row
// ([dangjian.ErrDuplicate]).
func ReadRoster(r io.Reader) ([]RosterRow, error) { return ReadRosterWith(r, ScanOptions{}) }

// ReadRosterWith is [ReadRoster] with the options of [ScanRosterWith]
// (opts.Warn is not used): the warning that the check for repeated IDs
// reached its budget, of kind [ErrIDsNotChecked], is among the problems
// returned, at its line. At most opts.Limits.MaxProblems problems are
// listed, then one problem of kind [dangjian.ErrLimit] counts the rest
// ([dangjian.ProblemCap]).
func ReadRosterWith(r io.Reader, opts ScanOptions) ([]RosterRow, error) {
	return collectRoster(r, opts.Limits.Problems(), func(r io.Reader, warn func(*dangjian.Problem), each func(RosterRow, dangjian.Problems) error) error {
		opts.Warn = warn
		return ScanRosterWith(r, opts, each)
	})
}

// collectRoster runs a roster scanner over r and collects what it passes:
// the good rows, less the earlier rows of an id that repeats later, and
// every problem ordered by line and column (a warning of the scan among
// them), the first maxProblems of them ([dangjian.ProblemCap]). It is the
// slice form of both [ScanRoster] and [ScanRosterJSON].
func collectRoster(r io.Reader, maxProblems int, scan func(io.Reader, func(*dangjian.Problem), func(RosterRow, dangjian.Problems) error) error) ([]RosterRow, error) {
	var rows []RosterRow
	problems := dangjian.NewProblemCap(maxProblems)
	repeated := map[string]bool{}
	warn := func(p *dangjian.Problem) { problems.Add(p) }
	err := scan(r, warn, func(row RosterRow, ps dangjian.Problems) error {
		if ps == nil {
			rows = append(rows, row)
			return nil
		}
		for _, p := range ps {
			if p.Kind == dangjian.ErrDuplicate {
				repeated[row.Member.ID] = true
			}
		}
		problems.AddAll(ps)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if problems.Len() == 0 {
		return rows, nil
	}
	bad := problems.Problems()
	if problems.More() > 0 {
		// The count of the rest stays last.
		sortProblems(bad[:len(bad)-1])
	} else {
		sortProblems(bad)
	}
	rows = slices.DeleteFunc(rows, func(r RosterRow) bool { return repeated[r.Member.ID] })
	if len(rows) == 0 {
		rows = nil
	}
	return rows, bad
}

// sortProblems orders problems by line and, within a line, by column (a
// whole row's problem first).
func sortProblems(ps dangjian.Problems) {
	slices.SortStableFunc(ps, func(a, b *dangjian.Problem) int {
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return a.Column - b.Column
	})
}

// ScanRoster reads a CSV roster as [ReadRoster] does, but as a stream: it
// calls each once per row, in file order, as soon as the row is read,
// with the row and nil for a good row, or with the row's line, the
// member's ID (when its id cell was read) and the row's problems, in
// column order, for a bad row. It keeps no row once each returns: the
// memory it needs is the set of IDs read so far, for finding a repeated
// ID — the ID's bytes and 14 to 19 bytes more per member (about 27 MB
// for a million members with IDs of eight characters), in memory the
// garbage collector does not scan, at most [DefaultMaxIDBytes] — and one
// row.
//
// A repeated ID makes the later row bad, with a problem of kind
// [dangjian.ErrDuplicate] ("first on line N"); the first time an ID
// repeats, the problems of that later row also hold the problem of the
// earlier row ("repeated on line M", whose Line is M). The earlier row was
// passed to each as good before the repetition could be seen: a caller
// that must drop every row of a repeated ID, as ReadRoster does, drops it
// then.
//
// ScanRoster returns a header problem, text that is not CSV or an error of
// r as ReadRoster does (each may have been called for the rows before a
// syntax error), or the first error each returns, which stops it; it
// returns nil when every row was passed to each, bad rows included. When
// the set of IDs reached its memory budget, ScanRoster returns, once every
// row was passed, the warning that says so (see [ScanOptions]): every row
// was read and passed all the same. It holds no state between calls and
// may be called concurrently.
func ScanRoster(r io.Reader, each func(row RosterRow, bad dangjian.Problems) error) error {
	return ScanRosterWith(r, ScanOptions{}, each)
}

// DefaultMaxIDBytes is the default memory budget of the repeated-ID check
// of [ScanRoster]: 40 MiB, which holds a million members with IDs of up
// to 16 bytes.
const DefaultMaxIDBytes int64 = 40 << 20

// ScanOptions are the options of [ScanRosterWith] and
// [ScanRosterJSONWith]. The zero value is the defaults.
type ScanOptions struct {
	// Limits bounds the reading: the input's bytes (MaxBytes), its rows
	// or members (MaxRecords), one row or one member's JSON
	// (MaxRecordBytes). A limit met ends the reading with one problem of
	// kind [dangjian.ErrLimit] that names it, at the line where the
	// refused row or member starts. MaxProblems bounds the problems
	// [ReadRosterWith] and [DecodeRosterJSONWith] list. The zero value is
	// the defaults of [dangjian.Limits].
	Limits dangjian.Limits

	// MaxIDBytes is the memory budget of the check for repeated IDs, in
	// bytes: the set of IDs read so far (each ID's bytes, its length and
	// line, and its place in a hash table) holds at most that many. 0
	// means [DefaultMaxIDBytes]; a negative value means no limit, and then
	// the set follows the roster (about 250 MB for ten million members
	// with IDs of eight characters).
	//
	// When an ID does not fit, the set stops growing: the IDs already in it
	// are still checked on every later row, but an ID first seen from then
	// on is not checked for repeats. One warning says so: a problem of kind
	// [ErrIDsNotChecked] (a [dangjian.ErrLimit]) on the line of the first ID not kept, whose
	// Value is the budget and whose Detail says how to raise it. The rows
	// are read, checked and passed as before: only the repeat check is
	// partial, and the warning says from where.
	MaxIDBytes int64

	// Warn receives that warning, as soon as it happens. If Warn is nil,
	// the scan returns it at the end, as its error, once every row was
	// passed.
	Warn func(*dangjian.Problem)
}

// IDBudget returns MaxIDBytes with its default applied (-1: no limit).
func (o ScanOptions) IDBudget() int64 {
	if o.MaxIDBytes < 0 {
		return -1
	}
	return o.idBudget()
}

// idBudget is the budget of the ID set, with its default applied (< 0: no
// limit).
func (o ScanOptions) idBudget() int64 {
	if o.MaxIDBytes == 0 {
		return DefaultMaxIDBytes
	}
	return o.MaxIDBytes
}

// idLimitProblem is the warning that the ID set, of budget bytes, is full
// from line on; the id column is field i, named path.
func idLimitProblem(budget int64, line, i int, path string) *dangjian.Problem {
	return &dangjian.Problem{Kind: ErrIDsNotChecked, Line: line, Column: i + 1, Path: path, Value: strconv.FormatInt(budget, 10),
		Detail: "the IDs kept to find repeats reached their memory budget, in bytes: from this line on, an ID not seen before is not checked for repeats (every row is still read and computed); raise the budget with ScanOptions.MaxIDBytes or the program's -max-id-memory (-1: no limit)"}
}

// ScanRosterWith is [ScanRoster] with options: the limits of the reading,
// the memory budget of the check for repeated IDs, and where its warning
// goes.
func ScanRosterWith(r io.Reader, opts ScanOptions, each func(row RosterRow, bad dangjian.Problems) error) error {
	t, err := csvtable.OpenWith(r, &rosterSpec, opts.Limits)
	if t == nil {
		return err
	}
	p := rosterReader{t: t}
	if err := p.header(dangjian.ProblemsOf(err)); err != nil {
		return err
	}
	budget := opts.idBudget()
	ids := newIDSet(budget)
	var warning *dangjian.Problem
	for t.Next() {
		if t.Blank() {
			continue
		}
		p.bad = p.bad[:0]
		row, ok := p.row()
		if id := row.Member.ID; id != "" {
			i := t.Header().Field(rcID)
			line := t.FieldLine(i)
			first, dup, reported, kept := ids.add(id, line)
			switch {
			case dup:
				if !reported {
					p.add(t.ProblemAt(first, i, p.name(rcID), id, dangjian.ErrDuplicate, fmt.Sprintf("repeated on line %d", line)), i)
				}
				p.add(t.ProblemAt(line, i, p.name(rcID), id, dangjian.ErrDuplicate, fmt.Sprintf("first on line %d", first)), i)
				ok = false
			case !kept && warning == nil:
				warning = idLimitProblem(budget, line, i, p.name(rcID))
				if opts.Warn != nil {
					opts.Warn(warning)
				}
			}
		}
		if ok {
			err = each(row, nil)
		} else {
			err = each(RosterRow{Line: t.Line(), Member: Member{ID: row.Member.ID}}, p.problems())
		}
		if err != nil {
			return err
		}
	}
	if err := t.Err(); err != nil {
		return err
	}
	if warning != nil && opts.Warn == nil {
		return dangjian.Problems{warning}
	}
	return nil
}

// itemColumn is a pay item column of the header.
type itemColumn struct {
	idx  int
	kind ItemKind
	name string
}

// rosterReader holds the state of one ReadRoster call.
type rosterReader struct {
	t       *csvtable.Reader
	items   []itemColumn // pay item columns, in header order
	deducts [len(deductionColumns)]int
	dnames  [len(deductionColumns)]string
	bad     []badCell
	// payslipCols and reduceCols say whether the header has a payslip
	// column (employer, a deduction, a pay item) or a reduction column:
	// most rosters have neither, and their rows need no look at them.
	payslipCols, reduceCols bool
}

// badCell is a problem found, with the field index of its cell (-1 for a
// whole row) to order the problems of a line by column.
type badCell struct {
	e     *dangjian.Problem
	field int
}

// add records problem e with field i (-1: the whole row).
func (p *rosterReader) add(e *dangjian.Problem, i int) { p.bad = append(p.bad, badCell{e, i}) }

// problems returns the problems found, ordered by line and then by column.
func (p *rosterReader) problems() dangjian.Problems {
	slices.SortStableFunc(p.bad, func(a, b badCell) int {
		if a.e.Line != b.e.Line {
			return a.e.Line - b.e.Line
		}
		return a.field - b.field
	})
	out := make(dangjian.Problems, len(p.bad))
	for i, b := range p.bad {
		out[i] = b.e
	}
	return out
}

// header sorts the pay item and deduction columns out of the header and
// checks the columns one needs only with another, given the problems
// csvtable found in the header; it returns every header problem.
func (p *rosterReader) header(bad dangjian.Problems) error {
	h := p.t.Header()
	for d := range p.deducts {
		p.deducts[d] = -1
	}
	for _, x := range h.Extras() {
		if d, err := ParseDeduction(x.Name); err == nil {
			i := slices.Index(deductionColumns[:], d)
			p.deducts[i], p.dnames[i] = x.Field, x.Name
			continue
		}
		k, _ := ParseItemKind(x.Name)
		p.items = append(p.items, itemColumn{idx: x.Field, kind: k, name: x.Name})
	}
	// A name csvtable could not read (unknown, repeated, empty) may be
	// one of the columns below misspelt: they are checked once the names
	// are all read.
	for _, e := range bad {
		if e.Column > 0 {
			return bad
		}
	}
	missing := func(c int, why string) { bad.Add(h.MissingColumn(rosterNames[c][0], why)) }
	payslip := len(p.items) > 0 || slices.ContainsFunc(p.deducts[:], func(i int) bool { return i >= 0 })
	p.payslipCols = payslip || h.Has(rcEmployer)
	p.reduceCols = h.Has(rcReduction) || h.Has(rcReductionBy) || h.Has(rcReductionOn) || h.Has(rcReductionRef) || h.Has(rcReductionBranchOn)
	if !h.Has(rcBase) && !h.Has(rcMonths) && !h.Has(rcEmployer) && !payslip {
		missing(rcBase, "give a base, months or payslip columns")
	}
	if payslip && !h.Has(rcEmployer) {
		missing(rcEmployer, "the payslip columns need it")
	}
	if h.Has(rcReduction) {
		for _, c := range []int{rcReductionBy, rcReductionOn} {
			if !h.Has(c) && !h.Has(rcReductionBranchOn) {
				missing(c, "the reduction column needs it (or reduction_branch_on, for retired members from 2017)")
			}
		}
	} else {
		for _, c := range []int{rcReductionBy, rcReductionOn, rcReductionRef, rcReductionBranchOn} {
			if h.Has(c) {
				missing(rcReduction, fmt.Sprintf("column %q needs it", h.Name(c)))
				break
			}
		}
	}
	return bad.Err()
}

// at returns field i of the current row, trimmed; "" if i < 0.
func (p *rosterReader) at(i int) string { return p.t.At(i) }

// cell returns fixed column c of the current row, trimmed; "" if absent.
func (p *rosterReader) cell(c int) string { return p.t.Cell(c) }

// field returns the field index of fixed column c, -1 if absent.
func (p *rosterReader) field(c int) int { return p.t.Header().Field(c) }

// name returns fixed column c's name as the header writes it.
func (p *rosterReader) name(c int) string { return p.t.Header().Name(c) }

// failAt records a problem with field i, named name, of the current row.
func (p *rosterReader) failAt(i int, name, value string, w why) {
	p.add(p.t.FieldProblem(i, name, value, w.kind, w.detail), i)
}

// fail records a problem with fixed column c of the current row.
func (p *rosterReader) fail(c int, value string, w why) {
	p.failAt(p.field(c), p.name(c), value, w)
}

// row parses the current row; false if it has a problem, which it records.
// The member's ID is set whenever the id cell is valid, so that repeated
// ids are found among bad rows too.
func (p *rosterReader) row() (RosterRow, bool) {
	line := p.t.Line()
	if bad := p.t.WidthProblem(); bad != nil {
		p.add(bad, -1)
		return RosterRow{}, false
	}
	if bad := p.t.EncodingProblems(); bad != nil {
		// In another encoding no text cell can be trusted: each cell that
		// is not UTF-8 is a problem, and nothing else of the row is read
		// (a UTF-8 id still finds repeats).
		for _, e := range bad {
			p.add(e, e.Column-1)
		}
		return RosterRow{Member: Member{ID: p.t.ID()}}, false
	}
	nbad := len(p.bad)
	var m Member

	// Every cell is UTF-8 here: a row with a cell that is not was reported
	// and skipped above.
	if s := p.cell(rcID); s == "" {
		p.fail(rcID, "", errRosterEmpty)
	} else {
		m.ID = s
	}
	m.Name = p.cell(rcName)
	catOK := false
	if s := p.cell(rcCategory); s == "" {
		p.fail(rcCategory, "", errRosterEmpty)
	} else if c, err := parseCategoryCell(s); err != nil {
		p.fail(rcCategory, s, errRosterCategory)
	} else {
		m.Category, catOK = c, true
	}

	// The base, from one of three sources.
	var sources []int // field index of each source given
	var sourceNames []string
	if s := p.cell(rcBase); s != "" {
		nbad := len(p.bad)
		m.Base = p.money(p.field(rcBase), p.name(rcBase), s)
		// A flat category takes no base: a spreadsheet writes 0 in the
		// column all the same, so a zero base is read as none.
		noBase := catOK && m.Category.IsFlat() && len(p.bad) == nbad && m.Base.IsZero()
		if !noBase {
			sources, sourceNames = append(sources, p.field(rcBase)), append(sourceNames, p.name(rcBase))
		}
	}
	if s := p.cell(rcMonths); s != "" {
		m.Months = p.months(s)
		sources, sourceNames = append(sources, p.field(rcMonths)), append(sourceNames, p.name(rcMonths))
	}
	if ps, at, name, ok := p.payslip(); ok {
		m.Payslip = ps
		sources, sourceNames = append(sources, at), append(sourceNames, name)
		if catOK && ps.Employer != EmployerUnknown {
			switch {
			case m.Category == Retired && ps.Employer != Pensioner:
				p.fail(rcEmployer, p.cell(rcEmployer), errRosterPension)
			case m.Category != Retired && ps.Employer == Pensioner:
				p.fail(rcEmployer, p.cell(rcEmployer), errRosterPensioner)
			}
		}
	}
	if catOK {
		switch {
		case m.Category.IsFlat() && len(sources) > 0:
			p.failAt(sources[0], sourceNames[0], p.at(sources[0]), errRosterFlatBase)
		case !m.Category.IsFlat() && len(sources) > 1:
			p.failAt(sources[1], sourceNames[1], p.at(sources[1]), errRosterSeveral)
		case !m.Category.IsFlat() && len(sources) == 0:
			if p.field(rcBase) >= 0 {
				p.fail(rcBase, "", errRosterNoBase)
			} else {
				p.fail(rcCategory, p.cell(rcCategory), errRosterNoBase)
			}
		}
	}

	if s := p.cell(rcProbationary); s != "" {
		m.ProbationarySince = p.date(rcProbationary, s)
	}
	if s := p.cell(rcFlat); s != "" {
		m.FlatAmount = p.money(p.field(rcFlat), p.name(rcFlat), s)
		if catOK && !m.Category.IsFlat() {
			p.fail(rcFlat, s, errRosterFlatRate)
		}
	}
	if s := p.cell(rcVoluntary); s != "" {
		m.Voluntary = p.money(p.field(rcVoluntary), p.name(rcVoluntary), s)
	}
	m.Reduction = p.reduction()
	m.PayingOrg = p.cell(rcPayingOrg)

	if len(p.bad) > nbad {
		return RosterRow{Member: Member{ID: m.ID}}, false
	}
	return RosterRow{Line: line, Member: m}, true
}

// categoryCodes are the categories' English codes, by value.
var categoryCodes = func() []string {
	out := make([]string, categoryTable.Len())
	for i := 1; i < len(out); i++ {
		out[i] = Category(i).String()
	}
	return out
}()

// parseCategoryCell is [ParseCategory] for a trimmed cell, with the
// English codes, what most rosters write, compared first.
func parseCategoryCell(s string) (Category, error) {
	for i := 1; i < len(categoryCodes); i++ {
		if s == categoryCodes[i] {
			return Category(i), nil
		}
	}
	return ParseCategory(s)
}

// payslip returns the row's payslip, if any of its cells is given, with
// the field index and name of its first given cell.
func (p *rosterReader) payslip() (ps *Payslip, at int, name string, given bool) {
	at = -1
	note := func(i int, n string) {
		if at < 0 || i < at {
			at, name = i, n
		}
	}
	if !p.payslipCols {
		return nil, -1, "", false
	}
	// Most rows have no payslip: look before allocating one.
	given = p.cell(rcEmployer) != ""
	for _, i := range p.deducts {
		given = given || p.at(i) != ""
	}
	for _, c := range p.items {
		given = given || p.at(c.idx) != ""
	}
	if !given {
		return nil, -1, "", false
	}
	out := new(Payslip)
	if s := p.cell(rcEmployer); s != "" {
		note(p.field(rcEmployer), p.name(rcEmployer))
		if e, err := ParseEmployer(s); err != nil {
			p.fail(rcEmployer, s, errRosterEmployer)
		} else {
			out.Employer = e
		}
	}
	fields := [len(deductionColumns)]*funding.Money{&out.IncomeTax, &out.Pension, &out.Medical, &out.Unemployment, &out.HousingFund, &out.Annuity}
	for d, i := range p.deducts {
		if s := p.at(i); s != "" {
			note(i, p.dnames[d])
			*fields[d] = p.money(i, p.dnames[d], s)
		}
	}
	for _, c := range p.items {
		if s := p.at(c.idx); s != "" {
			note(c.idx, c.name)
			out.Items = append(out.Items, PayItem{Kind: c.kind, Amount: p.money(c.idx, c.name, s), Name: c.name})
		}
	}
	if at < 0 {
		return nil, -1, "", false
	}
	if p.cell(rcEmployer) == "" {
		p.failAt(p.field(rcEmployer), p.name(rcEmployer), "", errRosterNoEmpl)
	}
	return out, at, name, true
}

// reduction returns the row's approved reduction, if any.
func (p *rosterReader) reduction() *Reduction {
	if !p.reduceCols {
		return nil
	}
	s := p.cell(rcReduction)
	if s == "" {
		for _, c := range []int{rcReductionBy, rcReductionOn, rcReductionRef, rcReductionBranchOn} {
			if v := p.cell(c); v != "" {
				p.fail(c, v, errRosterNoReduce)
			}
		}
		return nil
	}
	r := &Reduction{Amount: p.money(p.field(rcReduction), p.name(rcReduction), s)}
	by, on, branch := p.cell(rcReductionBy), p.cell(rcReductionOn), p.cell(rcReductionBranchOn)
	if branch != "" {
		r.BranchOn = p.date(rcReductionBranchOn, branch)
	}
	// An upper approval is whole (who and when), or absent where the
	// branch's consent is given (the rules decide whether that suffices).
	if by != "" || on != "" || branch == "" {
		if by == "" {
			p.fail(rcReductionBy, "", errRosterApproval)
		} else {
			r.ApprovedBy = by
		}
		if on == "" {
			p.fail(rcReductionOn, "", errRosterApproval)
		} else {
			r.On = p.date(rcReductionOn, on)
		}
	}
	r.Ref = p.cell(rcReductionRef)
	return r
}

// Why an amount cell is bad.
var (
	errMoneyNegative = why{dangjian.ErrNegative, ""}
	errMoneySyntax   = why{dangjian.ErrInvalid, "want an amount in yuan such as 6234.50: digits with at most two decimal places"}
	errMoneyGrouping = why{dangjian.ErrInvalid, "grouping commas are not accepted: write 3000.00, not 3,000.00"}
	errMoneySubFen   = why{funding.ErrSubFen, ""}
	errMoneyOverflow = why{funding.ErrOverflow, ""}
)

// money parses a non-empty amount cell of field i, named name.
func (p *rosterReader) money(i int, name, s string) funding.Money {
	m, bad := parseRosterMoney(s)
	if bad != nil {
		p.failAt(i, name, s, *bad)
	}
	return m
}

// parseRosterMoney parses a non-negative amount in yuan, or says why it is
// not one.
func parseRosterMoney(s string) (funding.Money, *why) {
	m, err := funding.ParseMoney(s)
	switch {
	case err == nil && m.IsNegative():
		return funding.Money{}, &errMoneyNegative
	case err == nil:
		return m, nil
	case errors.Is(err, funding.ErrSubFen):
		return funding.Money{}, &errMoneySubFen
	case errors.Is(err, funding.ErrOverflow):
		return funding.Money{}, &errMoneyOverflow
	case strings.Contains(s, ","):
		return funding.Money{}, &errMoneyGrouping
	}
	return funding.Money{}, &errMoneySyntax
}

// months parses a non-empty months cell: amounts separated by | or ;.
func (p *rosterReader) months(s string) []funding.Money {
	if strings.ContainsAny(s, ",，") {
		p.fail(rcMonths, s, errRosterMonthSep)
		return nil
	}
	parts := strings.Split(strings.ReplaceAll(s, ";", "|"), "|")
	if len(parts) > 12 {
		p.fail(rcMonths, s, errRosterTooMany)
		return nil
	}
	out := make([]funding.Money, len(parts))
	for k, part := range parts {
		part = strings.TrimSpace(part)
		if part == "" {
			p.fail(rcMonths, s, why{dangjian.ErrMissing, fmt.Sprintf("month %d of %d is empty", k+1, len(parts))})
			continue
		}
		m, bad := parseRosterMoney(part)
		if bad != nil {
			detail := fmt.Sprintf("month %d of %d", k+1, len(parts))
			if bad.detail != "" {
				detail += ": " + bad.detail
			}
			p.fail(rcMonths, part, why{bad.kind, detail})
			continue
		}
		out[k] = m
	}
	return out
}

// date parses a non-empty date cell of fixed column c.
func (p *rosterReader) date(c int, s string) dangjian.Date {
	d, err := dangjian.ParseDate(s)
	if err != nil {
		if len(s) == 10 && s[4] == '-' && s[7] == '-' {
			p.fail(c, s, errRosterCalendar)
		} else {
			p.fail(c, s, errRosterDate)
		}
		return dangjian.Date{}
	}
	return d
}
