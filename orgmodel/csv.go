package orgmodel

import (
	"io"
	"strconv"
	"time"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/csvtable"
	"github.com/google/uuid"
)

// Lang selects the language of the header and of the kind, domain and
// selection values that [WriteCSV] writes. The zero value is [English].
//
// Deprecated: use [dangjian.Lang]; this alias goes in a later release.
type Lang = dangjian.Lang

// The languages.
//
// Deprecated: use [dangjian.English] and [dangjian.Chinese].
const (
	English = dangjian.English
	Chinese = dangjian.Chinese
)

// The CSV columns, in the order WriteCSV writes them. The first
// csvRequired columns are required.
const (
	colID = iota
	colParent
	colKind
	colDomain
	colName
	colFull
	colProbationary
	colUnits
	colCode
	colSelection
	colElected
	colDue
	colRenewed
	colTermNumber
	colProjectStart
	colProjectEnd
	numCSVCols
)

const csvRequired = colProbationary + 1

var csvNames = [2][numCSVCols]string{
	{"id", "parent_id", "kind", "domain", "name", "full_members", "probationary_members",
		"units", "code", "selection", "elected", "due", "renewed", "term_number", "project_start", "project_end"},
	{"编号", "上级编号", "组织类别", "领域", "名称", "正式党员", "预备党员",
		"覆盖单位数", "代码", "产生方式", "选举日期", "届满日期", "换届日期", "届次", "项目开始日期", "项目结束日期"},
}

// csvSpec declares the columns for [csvtable]: English names in any case,
// Chinese names, and the alias 类别 for 组织类别.
var csvSpec = func() csvtable.Spec {
	s := csvtable.Spec{Columns: make([]csvtable.Column, numCSVCols), ID: csvNames[English][colID]}
	for c := range s.Columns {
		s.Columns[c] = csvtable.Column{Name: csvNames[English][c], Chinese: csvNames[Chinese][c], Required: c < csvRequired}
	}
	s.Columns[colKind].Aliases = []string{"类别"}
	s.Columns[colProjectStart].Aliases = []string{"项目开始", "工期开始"}
	s.Columns[colProjectEnd].Aliases = []string{"项目结束", "工期结束"}
	return s
}()

// Details of the problems in a CSV file.
const (
	detailNotInteger  = "not a base-10 integer"
	detailSigned      = "a count has no sign"
	detailDateFormat  = "want a YYYY-MM-DD date"
	detailDateInvalid = "not a calendar date"
)

// ReadCSV reads a flat table of organizations, one per row, under a header
// row. It streams: it holds one row at a time besides the records it
// returns.
//
// # Columns
//
// The required columns are id, parent_id, kind, domain, name, full_members
// and probationary_members; the optional ones are units, code, selection,
// elected, due, renewed, term_number, project_start and project_end. The
// header may name them in English (any case) or in Chinese: 编号, 上级编号,
// 组织类别 (or 类别), 领域, 名称, 正式党员, 预备党员, 覆盖单位数, 代码, 产生方式,
// 选举日期, 届满日期, 换届日期, 届次, 项目开始日期 (or 项目开始, 工期开始),
// 项目结束日期 (or 项目结束, 工期结束). Columns may come in any order; an unknown, empty or
// repeated column name or a missing required column is an error.
//
// # Values
//
// The file is UTF-8 text: a header cell or any cell of a row that is not
// UTF-8 (a file saved as GBK) is an error of kind [dangjian.ErrEncoding],
// one per cell, and nothing else of the row is read (in another encoding
// no text cell of it can be trusted); to read a GBK or GB18030 file on
// purpose, wrap r with textenc.NewReader (package
// github.com/dangjian-go/dangjian/textenc). A cell that starts with a
// single quote before '=', '+', '-', '@', tab or CR is read without the
// quote: the guard against formulas that [WriteCSV] puts there (see
// [dangjian.GuardFormulas]). Surrounding
// space is trimmed from every cell; a UTF-8 byte order mark and CRLF line
// endings are accepted. kind, domain and selection take an English code or
// a Chinese label ([ParseKind], [ParseDomain], [ParseSelection]); kind is
// required, domain may be empty. Counts are
// base-10 integers without sign, spaces or decimals; full_members and
// probationary_members are required, and an empty units or term_number
// means "not recorded" (zero). Dates are YYYY-MM-DD; an empty date is not
// recorded. A row with a project_start or a project_end is a project
// ([Org.Project]: its first and last day); [Build] reports a project
// without a first day or one that ends before it starts.
//
// # IDs
//
// An id that parses as a UUID is used as it is. Any other id is mapped to
// [CSVID](id), and the id's text is kept in
// [Org.Code] unless the row's code cell gives one. parent_id is mapped the
// same way, so a file whose ids are local codes ("1", "1.3", a 党统 code)
// keeps its parent links; an empty or nil-UUID parent_id makes a root.
// ReadCSV does not check that ids are unique or that parents exist: [Build]
// reports those problems.
//
// # Errors
//
// Each record keeps the caller's identity: [Org.Key] holds an id that was
// not a UUID as written ([Org.ParentKey] the parent_id), and [Org.Line] the
// line its row starts on, so
// that [Build]'s problems and [Validator.Validate]'s findings name the
// organization as the file does and give its line.
//
// # Errors
//
// Problems are reported as a [dangjian.Problems] in file order; each
// [dangjian.Problem] gives the line where the offending cell starts (the
// header is normally line 1), the column's name as the header wrote it
// (Path; "" when the problem is the whole row), the column's 1-based
// position (Column), the row's id as written (ID) and the offending cell
// (Value, trimmed). A header problem ([dangjian.ErrHeader]), a file that is
// not CSV (a quote out of place: [dangjian.ErrSyntax], wrapping the
// *csv.ParseError) or a read error returns an error and no records. A bad
// row does not stop the reader: ReadCSV returns the records of the good
// rows together with the problems of the bad ones ([dangjian.ErrInvalid],
// [dangjian.ErrNegative], [dangjian.ErrOverflow], [ErrMissingID]).
//
// ReadCSV reads within the default [dangjian.Limits]; see [ReadCSVWith].
func ReadCSV(r io.Reader) (Records, error) { return ReadCSVWith(r, dangjian.Limits{}) }

// ReadCSVWith is [ReadCSV] within the limits lim: an input longer than
// MaxBytes, more rows than MaxRecords or a row (all its lines) longer than
// MaxRecordBytes stops the reading with one problem of kind
// [dangjian.ErrLimit] at the line of the row where it stopped, naming the
// limit and how to raise it, and no records; the problems of bad rows are
// listed up to MaxProblems, then counted in one last problem of kind
// [dangjian.ErrLimit] ([dangjian.ProblemCap]).
func ReadCSVWith(r io.Reader, lim dangjian.Limits) (Records, error) {
	var orgs orgBlocks
	bad, err := readCSV(r, &orgs, lim)
	if err != nil {
		return Records{}, err
	}
	return Records{Orgs: orgs.join()}, bad.Err()
}

// readCSV reads the rows of a CSV table of organizations into orgs within
// lim. bad holds the problems of the bad rows; err stops the reading (a
// header problem, text that is not CSV, a limit, a read error), and orgs
// is then to be dropped.
func readCSV(r io.Reader, orgs *orgBlocks, lim dangjian.Limits) (bad *dangjian.ProblemCap, err error) {
	t, err := csvtable.OpenWith(r, &csvSpec, lim)
	if err != nil {
		return nil, err
	}
	// The rows are read on a goroutine of their own and parsed here, in
	// batches: on two cores, reading the text and parsing the cells take
	// about the time of the slower of the two. The reading goroutine also
	// parses the UUIDs of the id and parent_id cells, which evens the two.
	full := make(chan *rowBatch, rowBatches)
	free := make(chan *rowBatch, rowBatches)
	for range rowBatches {
		free <- &rowBatch{rows: make([]csvtable.RowCopy, rowBatchRows), uuids: make([]uuidCells, rowBatchRows)}
	}
	go func() {
		defer close(full)
		for {
			b := <-free
			b.rows = b.rows[:cap(b.rows)]
			k := 0
			for k < len(b.rows) && t.Next() {
				t.Copy(&b.rows[k])
				b.uuids[k].id, b.uuids[k].ok[0] = uuidCell(t.Cell(colID))
				b.uuids[k].parent, b.uuids[k].ok[1] = uuidCell(t.Cell(colParent))
				k++
			}
			if k > 0 {
				b.rows = b.rows[:k]
				full <- b
			}
			if k < cap(b.rows) {
				return // the end of the table, or an error
			}
		}
	}()
	p := csvReader{t: t.View(), bad: dangjian.NewProblemCap(lim.Problems())}
	for b := range full {
		for i := range b.rows {
			p.t.Load(&b.rows[i])
			p.uuids = &b.uuids[i]
			if p.row(orgs.next()) {
				if k := orgs.commit(); k >= 0 {
					col := [...]int{colName, colCode, colID, colParent}[k]
					p.fail(col, "", dangjian.ErrLimit, "longer than "+strconv.Itoa(maxText)+" bytes, the most a record holds")
				}
			} else {
				orgs.drop()
			}
		}
		free <- b
	}
	if err := t.Err(); err != nil {
		return nil, err
	}
	return p.bad, nil
}

// The rows in flight between the reading and the parsing: rowBatches
// batches of rowBatchRows rows.
const (
	rowBatchRows = 256
	rowBatches   = 4
)

// rowBatch is a batch of rows read, with the UUIDs of their id and
// parent_id cells.
type rowBatch struct {
	rows  []csvtable.RowCopy
	uuids []uuidCells
}

// uuidCells holds the UUIDs of a row's id and parent_id cells: ok[0] (the
// id) and ok[1] (the parent) say whether the cell spells a UUID (uuidCell).
type uuidCells struct {
	id, parent uuid.UUID
	ok         [2]bool
}

// uuidCell returns the UUID a cell spells; false when it spells none.
func uuidCell(s string) (uuid.UUID, bool) {
	if looksLikeUUID(s) {
		if u, err := uuid.Parse(s); err == nil {
			return u, true
		}
	}
	return uuid.Nil, false
}

// ReadTreeCSV reads a CSV table of organizations as [ReadCSV] does and
// builds the tree from the good rows as [BuildWith] does with opt, in one
// pass over the input: the records are held once, in blocks that go into
// the tree, never joined into one slice first, and nothing of the input is
// held but the row being read. It is what a program that reads a tree from
// a file should call: ReadCSV then BuildWith hold the records twice (the
// Records and the tree's copy), and three times while ReadCSV joins them.
//
// The results are those of the two calls:
//   - the tree and nil when every row is good and the tree is built;
//   - nil and the error of ReadCSV when the table cannot be read (a header
//     problem, text that is not CSV, a read error of r);
//   - the tree and a [dangjian.Problems] listing the bad rows' problems
//     when the tree is built from the good ones;
//   - nil and a [dangjian.Problems] when the tree cannot be built: the bad
//     rows' problems, then Build's.
//
// ReadTreeCSV reads within the default [dangjian.Limits]; see
// [ReadTreeCSVWith].
func ReadTreeCSV(r io.Reader, opt BuildOptions) (*Tree, error) {
	return ReadTreeCSVWith(r, opt, dangjian.Limits{})
}

// ReadTreeCSVWith is [ReadTreeCSV] within the limits lim, as
// [ReadCSVWith] reads: a limit met stops the reading with one problem of
// kind [dangjian.ErrLimit] and no tree, and the problems (the bad rows',
// then the build's) are listed up to MaxProblems, then counted.
func ReadTreeCSVWith(r io.Reader, opt BuildOptions, lim dangjian.Limits) (*Tree, error) {
	var orgs orgBlocks
	bad, err := readCSV(r, &orgs, lim)
	if err != nil {
		return nil, err
	}
	nest := DefaultNesting()
	if opt.Nesting != nil {
		nest = *opt.Nesting
	}
	b := builder{recs: &Records{}, orgs: orgs.store(), nest: nest, maxDepth: opt.maxDepth()}
	orgs = orgBlocks{}
	tree, err := b.build()
	if err != nil {
		bad.AddAll(dangjian.ProblemsOf(err))
		return nil, bad.Err()
	}
	return tree, bad.Err()
}

// csvReader holds the state of one ReadCSV call.
type csvReader struct {
	t   *csvtable.RowView
	bad *dangjian.ProblemCap
	buf []byte // scratch for ID derivation
	// uuids, if not nil, holds the UUIDs of the current row's id and
	// parent_id cells, parsed by the reading goroutine.
	uuids *uuidCells
}

// cell returns column c of the current row, trimmed; "" if the column is absent.
func (p *csvReader) cell(c int) string { return p.t.Cell(c) }

// fail records a problem with column c of the current row.
func (p *csvReader) fail(c int, value string, k *dangjian.Kind, detail string) {
	p.bad.Add(p.t.Problem(c, value, k, detail))
}

// row parses the current row into o; false if it has a problem, which it
// records.
func (p *csvReader) row(o *Org) bool {
	if bad := p.t.WidthProblem(); bad != nil {
		p.bad.Add(bad)
		return false
	}
	if bad := p.t.EncodingProblems(); bad != nil {
		p.bad.AddAll(bad)
		return false
	}
	nbad := p.bad.Len()
	o.Line = p.t.Line()
	var idCode string

	if s := p.cell(colID); s == "" {
		p.fail(colID, "", ErrMissingID, "")
	} else if id, derived := p.ref(s, 0); id == uuid.Nil {
		p.fail(colID, s, ErrMissingID, "the nil UUID")
	} else {
		o.ID = id
		if derived {
			idCode = s
		}
	}
	var parentCode string
	if s := p.cell(colParent); s != "" {
		var derived bool
		if o.Parent, derived = p.ref(s, 1); derived {
			parentCode = s
		}
	}

	if s := p.cell(colKind); s == "" {
		p.fail(colKind, "", dangjian.ErrMissing, "")
	} else if k, err := kindTable.Find(s); err != nil {
		p.fail(colKind, s, dangjian.ErrInvalid, err.Error())
	} else {
		o.Kind = Kind(k)
	}
	if s := p.cell(colDomain); s != "" {
		if d, err := domainTable.Find(s); err != nil {
			p.fail(colDomain, s, dangjian.ErrInvalid, err.Error())
		} else {
			o.Domain = Domain(d)
		}
	}
	if s := p.cell(colSelection); s != "" {
		if v, err := selectionTable.Find(s); err != nil {
			p.fail(colSelection, s, dangjian.ErrInvalid, err.Error())
		} else {
			o.Selection = Selection(v)
		}
	}

	o.Members.Full = p.count(colFull, true, maxInt64)
	o.Members.Probationary = p.count(colProbationary, true, maxInt64)
	o.Units = int(p.count(colUnits, false, maxInt))
	o.Term.Number = int(p.count(colTermNumber, false, maxInt))
	o.Term.Elected = p.date(colElected)
	o.Term.Due = p.date(colDue)
	o.Term.Renewed = p.date(colRenewed)
	if ps, pe := p.date(colProjectStart), p.date(colProjectEnd); !ps.IsZero() || !pe.IsZero() {
		o.Project = &Project{Start: ps, End: pe}
	}

	name, code := p.cell(colName), p.cell(colCode)
	if p.bad.Len() > nbad {
		return false
	}
	// The key is the code when the code cell is empty or repeats the id.
	// The strings are the row's: the reader's commit copies them into
	// the records' text (orgBlocks.add).
	shared := code == "" || code == idCode
	key := idCode
	if shared {
		code, key = idCode, ""
	}
	o.Name, o.Code, o.Key, o.ParentKey = name, code, key, parentCode
	if shared {
		o.Key = o.Code
	}
	return true
}

// ref maps cell s, the id (k 0) or the parent_id (k 1) of the current
// row, to a UUID: the UUID it spells, or one derived from its text
// (derived is then true).
func (p *csvReader) ref(s string, k int) (id uuid.UUID, derived bool) {
	var ok bool
	if p.uuids != nil {
		id, ok = p.uuids.id, p.uuids.ok[k]
		if k == 1 {
			id = p.uuids.parent
		}
	} else {
		id, ok = uuidCell(s)
	}
	if ok {
		return id, false
	}
	p.buf = append(append(p.buf[:0], csvSpace[:]...), s...)
	return sha1UUID(p.buf), true
}

const (
	maxInt64 = 1<<63 - 1
	maxInt   = int64(^uint(0) >> 1)
)

// count parses column c as a count no larger than max; an empty cell is an
// error if required, else zero.
func (p *csvReader) count(c int, required bool, max int64) int64 {
	s := p.cell(c)
	if s == "" {
		if required {
			p.fail(c, "", dangjian.ErrMissing, "")
		}
		return 0
	}
	n, k, detail := parseCount(s, max)
	if k != nil {
		p.fail(c, s, k, detail)
	}
	return n
}

// parseCount parses a non-empty base-10 count. A minus sign before digits
// is ErrNegative (unless the digits are all zero); a count beyond max is
// ErrOverflow; anything else that is not digits is ErrInvalid. The kind is
// nil when s is a count.
func parseCount(s string, max int64) (int64, *dangjian.Kind, string) {
	digits := s
	if s[0] == '-' {
		digits = s[1:]
	}
	if digits == "" {
		return 0, dangjian.ErrInvalid, detailNotInteger
	}
	var n int64
	over := false
	for i := 0; i < len(digits); i++ {
		c := digits[i]
		if c < '0' || c > '9' {
			return 0, dangjian.ErrInvalid, detailNotInteger
		}
		d := int64(c - '0')
		if n > (max-d)/10 {
			over = true
		} else if !over {
			n = n*10 + d
		}
	}
	switch {
	case s[0] == '-' && (n != 0 || over):
		return 0, dangjian.ErrNegative, ""
	case s[0] == '-':
		return 0, dangjian.ErrInvalid, detailSigned
	case over:
		return 0, dangjian.ErrOverflow, ""
	}
	return n, nil, ""
}

// date parses column c as a date; an empty cell is the zero Date.
func (p *csvReader) date(c int) dangjian.Date {
	s := p.cell(c)
	if s == "" {
		return dangjian.Date{}
	}
	if d, ok := quickDate(s); ok {
		return d
	}
	d, err := dangjian.ParseDate(s)
	if err != nil {
		if len(s) == 10 && s[4] == '-' && s[7] == '-' {
			p.fail(c, s, dangjian.ErrInvalid, detailDateInvalid)
		} else {
			p.fail(c, s, dangjian.ErrInvalid, detailDateFormat)
		}
		return dangjian.Date{}
	}
	return d
}

// quickDate parses s as dangjian.ParseDate does when it is a calendar date
// YYYY-MM-DD of a year from 1: without time.Parse, which took a fifth of
// the parsing of a row. false sends any other text to ParseDate, which
// says what is wrong with it.
func quickDate(s string) (dangjian.Date, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return dangjian.Date{}, false
	}
	n := 0
	for i := range 10 {
		if i == 4 || i == 7 {
			continue
		}
		c := s[i]
		if c < '0' || c > '9' {
			return dangjian.Date{}, false
		}
		n = n*10 + int(c-'0')
	}
	y, m, d := n/10000, n/100%100, n%100
	if y < 1 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return dangjian.Date{}, false
	}
	return dangjian.NewDate(y, time.Month(m), d), true
}

// daysIn returns the number of days of month m of year y.
func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
