package dues

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
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
	numRosterCols
)

// rosterNames are the names of the fixed columns: the English name
// (matched in any case), the Chinese name and aliases.
var rosterNames = [numRosterCols][]string{
	rcID:           {"id", "编号"},
	rcName:         {"name", "姓名"},
	rcCategory:     {"category", "党员类别", "类别"},
	rcBase:         {"base", "计算基数", "基数"},
	rcMonths:       {"months", "各月收入", "上季度月收入"},
	rcEmployer:     {"employer", "单位类型"},
	rcProbationary: {"probationary_since", "预备党员日期"},
	rcFlat:         {"flat_amount", "定额"},
	rcVoluntary:    {"voluntary", "自愿多交"},
	rcReduction:    {"reduction", "减免后党费"},
	rcReductionBy:  {"reduction_by", "减免批准单位"},
	rcReductionOn:  {"reduction_on", "减免批准日期"},
	rcReductionRef: {"reduction_ref", "减免批准文号"},
}

// deductionColumns are the payslip deductions a roster may give, in
// [Payslip] field order.
var deductionColumns = [...]Deduction{DeductIncomeTax, DeductPension, DeductMedical, DeductUnemployment, DeductHousingFund, DeductAnnuity}

// rosterColumn says what a header cell names: a fixed column, a pay item
// kind or a deduction.
type rosterColumn struct {
	fixed  int // a fixed column, or -1
	item   ItemKind
	deduct Deduction
}

// lookupRosterColumn returns what a trimmed header cell names.
func lookupRosterColumn(name string) (rosterColumn, bool) {
	for c, names := range rosterNames {
		if strings.EqualFold(name, names[0]) || slices.Contains(names[1:], name) {
			return rosterColumn{fixed: c}, true
		}
	}
	if d, err := ParseDeduction(name); err == nil {
		return rosterColumn{fixed: -1, deduct: d}, true
	}
	if k, err := ParseItemKind(name); err == nil {
		return rosterColumn{fixed: -1, item: k}, true
	}
	return rosterColumn{}, false
}

// why is the kind and detail of a roster problem.
type why struct {
	kind   *dangjian.Kind
	detail string
}

// The problems of a roster cell or header, by kind and detail.
var (
	errRosterEmpty     = why{dangjian.ErrMissing, ""}
	errRosterNotUTF8   = why{dangjian.ErrInvalid, "not UTF-8 text (save the file as UTF-8)"}
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
	errRosterApproval  = why{dangjian.ErrMissing, "a reduction needs its approval: who approved it and when (规定 第七条)"}

	errHeaderRosterUTF8 = why{dangjian.ErrHeader, "column name is not UTF-8 text (save the file as UTF-8, not GBK)"}
	errHeaderUnknown    = why{dangjian.ErrHeader, "unknown column"}
	errHeaderMissing    = why{dangjian.ErrHeader, "missing required column"}
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
//	reduction_by        减免批准单位              who approved it (required with reduction)
//	reduction_on        减免批准日期              when, YYYY-MM-DD (required with reduction)
//	reduction_ref       减免批准文号              the approval's reference, optional
//
// id, name and category are required columns, and so is base unless the
// header has a months, employer or payslip column. The pay item columns are
// named by the [ItemKind] codes (post_wage, basic_performance, …), their
// Chinese labels (岗位工资, 基础性绩效工资, …) or their aliases (住房补贴 and
// 交通补贴 are both reform_subsidy): several columns may give items of one
// kind, each becoming its own [PayItem] named by its header. The item and
// deduction columns together are the payslip columns and need an employer
// column; reduction needs reduction_by and reduction_on, and those and
// reduction_ref need reduction. An unknown, empty or repeated column name
// is an error.
//
// # Values
//
// The file is UTF-8 text; a byte order mark and CRLF line endings are
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
func ReadRoster(r io.Reader) ([]RosterRow, error) {
	br := bufio.NewReader(r)
	if b, _ := br.Peek(3); len(b) == 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		_, _ = br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true // so that ` "a, b"` is a quoted cell
	p := rosterReader{cr: cr}
	if err := p.header(); err != nil {
		return nil, err
	}
	var rows []RosterRow
	ids := map[string]*idSeen{}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, readProblem(err)
		}
		p.rec, p.id = rec, ""
		if blank(rec) {
			continue
		}
		row, ok := p.row()
		if id := row.Member.ID; id != "" {
			line, _ := cr.FieldPos(p.idx[rcID])
			if s, dup := ids[id]; dup {
				if !s.flagged {
					s.flagged = true
					p.add(s.line, p.idx[rcID], p.names[rcID], id, dangjian.ErrDuplicate, fmt.Sprintf("repeated on line %d", line))
				}
				p.add(line, p.idx[rcID], p.names[rcID], id, dangjian.ErrDuplicate, fmt.Sprintf("first on line %d", s.line))
				ok = false
			} else {
				ids[id] = &idSeen{line: line}
			}
		}
		if ok {
			rows = append(rows, row)
		}
	}
	if len(p.bad) == 0 {
		return rows, nil
	}
	rows = slices.DeleteFunc(rows, func(r RosterRow) bool { return ids[r.Member.ID].flagged })
	if len(rows) == 0 {
		rows = nil
	}
	return rows, p.problems()
}

// readProblem returns a read error of the CSV reader: a *csv.ParseError
// (text that is not CSV) as a problem of kind [dangjian.ErrSyntax] with
// its line and column, any other error (the reader's own) as it is.
func readProblem(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return dangjian.Problems{{Kind: dangjian.ErrSyntax, Line: pe.Line, Column: pe.Column, Detail: pe.Err.Error(), Err: err}}
	}
	return err
}

// idSeen records where an id was first seen and whether it was reported
// as repeated.
type idSeen struct {
	line, col int
	path      string // a JSON roster's path of the member
	flagged   bool
}

// blank reports whether every cell of rec is empty or space.
func blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// itemColumn is a pay item column of the header.
type itemColumn struct {
	idx  int
	kind ItemKind
	name string
}

// rosterReader holds the state of one ReadRoster call.
type rosterReader struct {
	cr      *csv.Reader
	idx     [numRosterCols]int    // field index of each fixed column, -1 if absent
	names   [numRosterCols]string // each fixed column's name as the header writes it
	items   []itemColumn          // pay item columns, in header order
	deducts [len(deductionColumns)]int
	dnames  [len(deductionColumns)]string
	width   int
	rec     []string
	id      string // the current row's member ID, once read
	bad     []badCell
}

// badCell is a problem found, with the field index of its cell (-1 for a
// whole row) to order the problems of a line by column.
type badCell struct {
	e     *dangjian.Problem
	field int
}

// add records a problem with field i, named column, of a row on line: its
// Path is the column's name as the header writes it, its Column the
// field's 1-based position (0 for a whole row or an absent column), its ID
// the member's.
func (p *rosterReader) add(line, i int, column, value string, k *dangjian.Kind, detail string) {
	e := &dangjian.Problem{Kind: k, Path: column, ID: p.id, Line: line, Value: value, Detail: detail}
	if i >= 0 && i < p.width {
		e.Column = i + 1
	}
	p.bad = append(p.bad, badCell{e, i})
}

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

func (p *rosterReader) header() error {
	rec, err := p.cr.Read()
	if err == io.EOF {
		return dangjian.Problems{{Kind: dangjian.ErrHeader, Line: 1, Detail: "no header row"}}
	}
	if err != nil {
		return readProblem(err)
	}
	for c := range p.idx {
		p.idx[c] = -1
	}
	for d := range p.deducts {
		p.deducts[d] = -1
	}
	p.width = len(rec)
	line, _ := p.cr.FieldPos(0)
	seenItem := map[string]string{}
	repeated := func(i int, name, first string) {
		p.add(line, i, name, "", dangjian.ErrHeader, fmt.Sprintf("column %q repeats column %q", name, first))
	}
	for i, cell := range rec {
		name := strings.TrimSpace(cell)
		col, ok := lookupRosterColumn(name)
		switch {
		case !utf8.ValidString(name):
			p.addWhy(line, i, name, "", errHeaderRosterUTF8)
		case name == "":
			p.add(line, i, "", "", dangjian.ErrHeader, fmt.Sprintf("empty column name (field %d)", i+1))
		case !ok:
			p.addWhy(line, i, name, "", errHeaderUnknown)
		case col.fixed >= 0:
			if p.idx[col.fixed] >= 0 {
				repeated(i, name, p.names[col.fixed])
				continue
			}
			p.idx[col.fixed], p.names[col.fixed] = i, name
		case col.deduct != DeductionUnknown:
			d := slices.Index(deductionColumns[:], col.deduct)
			if p.deducts[d] >= 0 {
				repeated(i, name, p.dnames[d])
				continue
			}
			p.deducts[d], p.dnames[d] = i, name
		default:
			key := strings.ToLower(name)
			if first, dup := seenItem[key]; dup {
				repeated(i, name, first)
				continue
			}
			seenItem[key] = name
			p.items = append(p.items, itemColumn{idx: i, kind: col.item, name: name})
		}
	}
	if len(p.bad) > 0 {
		return p.problems()
	}
	missing := func(c int, why string) {
		p.add(line, p.width, rosterNames[c][0], "", errHeaderMissing.kind, errHeaderMissing.detail+why)
	}
	for _, c := range []int{rcID, rcName, rcCategory} {
		if p.idx[c] < 0 {
			missing(c, "")
		}
	}
	payslip := len(p.items) > 0 || slices.ContainsFunc(p.deducts[:], func(i int) bool { return i >= 0 })
	if p.idx[rcBase] < 0 && p.idx[rcMonths] < 0 && p.idx[rcEmployer] < 0 && !payslip {
		missing(rcBase, ": give a base, months or payslip columns")
	}
	if payslip && p.idx[rcEmployer] < 0 {
		missing(rcEmployer, ": the payslip columns need it")
	}
	if p.idx[rcReduction] >= 0 {
		for _, c := range []int{rcReductionBy, rcReductionOn} {
			if p.idx[c] < 0 {
				missing(c, ": the reduction column needs it")
			}
		}
	} else {
		for _, c := range []int{rcReductionBy, rcReductionOn, rcReductionRef} {
			if p.idx[c] >= 0 {
				missing(rcReduction, fmt.Sprintf(": column %q needs it", p.names[c]))
				break
			}
		}
	}
	if len(p.bad) > 0 {
		return p.problems()
	}
	return nil
}

// at returns field i of the current row, trimmed; "" if i < 0.
func (p *rosterReader) at(i int) string {
	if i < 0 {
		return ""
	}
	return strings.TrimSpace(p.rec[i])
}

// cell returns fixed column c of the current row, trimmed; "" if absent.
func (p *rosterReader) cell(c int) string { return p.at(p.idx[c]) }

// addWhy records a problem of kind and detail w.
func (p *rosterReader) addWhy(line, i int, column, value string, w why) {
	p.add(line, i, column, value, w.kind, w.detail)
}

// failAt records a problem with field i, named name, of the current row.
func (p *rosterReader) failAt(i int, name, value string, w why) {
	line, _ := p.cr.FieldPos(max(i, 0)) // i < 0 only by a bug; never panic on it
	p.addWhy(line, i, name, value, w)
}

// fail records a problem with fixed column c of the current row.
func (p *rosterReader) fail(c int, value string, w why) {
	p.failAt(p.idx[c], p.names[c], value, w)
}

// row parses the current row; false if it has a problem, which it records.
// The member's ID is set whenever the id cell is valid, so that repeated
// ids are found among bad rows too.
func (p *rosterReader) row() (RosterRow, bool) {
	line, _ := p.cr.FieldPos(0)
	if len(p.rec) != p.width {
		p.add(line, -1, "", "", dangjian.ErrInvalid, fmt.Sprintf("%d fields, the header has %d", len(p.rec), p.width))
		return RosterRow{}, false
	}
	nbad := len(p.bad)
	var m Member

	switch s := p.cell(rcID); {
	case s == "":
		p.fail(rcID, "", errRosterEmpty)
	case !utf8.ValidString(s):
		p.fail(rcID, s, errRosterNotUTF8)
	default:
		m.ID, p.id = s, s
	}
	if s := p.cell(rcName); !utf8.ValidString(s) {
		p.fail(rcName, s, errRosterNotUTF8)
	} else {
		m.Name = s
	}
	catOK := false
	if s := p.cell(rcCategory); s == "" {
		p.fail(rcCategory, "", errRosterEmpty)
	} else if c, err := ParseCategory(s); err != nil {
		p.fail(rcCategory, s, errRosterCategory)
	} else {
		m.Category, catOK = c, true
	}

	// The base, from one of three sources.
	var sources []int // field index of each source given
	var sourceNames []string
	if s := p.cell(rcBase); s != "" {
		nbad := len(p.bad)
		m.Base = p.money(p.idx[rcBase], p.names[rcBase], s)
		// A flat category takes no base: a spreadsheet writes 0 in the
		// column all the same, so a zero base is read as none.
		noBase := catOK && m.Category.IsFlat() && len(p.bad) == nbad && m.Base.IsZero()
		if !noBase {
			sources, sourceNames = append(sources, p.idx[rcBase]), append(sourceNames, p.names[rcBase])
		}
	}
	if s := p.cell(rcMonths); s != "" {
		m.Months = p.months(s)
		sources, sourceNames = append(sources, p.idx[rcMonths]), append(sourceNames, p.names[rcMonths])
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
			if p.idx[rcBase] >= 0 {
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
		m.FlatAmount = p.money(p.idx[rcFlat], p.names[rcFlat], s)
		if catOK && !m.Category.IsFlat() {
			p.fail(rcFlat, s, errRosterFlatRate)
		}
	}
	if s := p.cell(rcVoluntary); s != "" {
		m.Voluntary = p.money(p.idx[rcVoluntary], p.names[rcVoluntary], s)
	}
	m.Reduction = p.reduction()

	if len(p.bad) > nbad {
		return RosterRow{Member: Member{ID: m.ID}}, false
	}
	return RosterRow{Line: line, Member: m}, true
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
	var out Payslip
	if s := p.cell(rcEmployer); s != "" {
		note(p.idx[rcEmployer], p.names[rcEmployer])
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
		p.failAt(p.idx[rcEmployer], p.names[rcEmployer], "", errRosterNoEmpl)
	}
	return &out, at, name, true
}

// reduction returns the row's approved reduction, if any.
func (p *rosterReader) reduction() *Reduction {
	s := p.cell(rcReduction)
	if s == "" {
		for _, c := range []int{rcReductionBy, rcReductionOn, rcReductionRef} {
			if v := p.cell(c); v != "" {
				p.fail(c, v, errRosterNoReduce)
			}
		}
		return nil
	}
	r := &Reduction{Amount: p.money(p.idx[rcReduction], p.names[rcReduction], s)}
	switch by := p.cell(rcReductionBy); {
	case by == "":
		p.fail(rcReductionBy, "", errRosterApproval)
	case !utf8.ValidString(by):
		p.fail(rcReductionBy, by, errRosterNotUTF8)
	default:
		r.ApprovedBy = by
	}
	if on := p.cell(rcReductionOn); on == "" {
		p.fail(rcReductionOn, "", errRosterApproval)
	} else {
		r.On = p.date(rcReductionOn, on)
	}
	if ref := p.cell(rcReductionRef); !utf8.ValidString(ref) {
		p.fail(rcReductionRef, ref, errRosterNotUTF8)
	} else {
		r.Ref = ref
	}
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
