package dues

import (
	"io"
	"strconv"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/internal/strictjson"
)

// DecodeRosterJSON reads a branch's dues roster for one month from JSON:
// an array of members, each an object with the fields of [Member] as it
// encodes to JSON, so that the JSON of a []Member reads back:
//
//	[{"id": "01", "name": "张伟", "category": "在职", "base": "6234.50"},
//	 {"id": "02", "category": "retired",
//	  "payslip": {"employer": "pensioner", "items": [{"kind": "basic_pension", "amount": 5200}]}},
//	 {"id": "03", "category": "self_employed", "months": ["4200", "3900", "4651"]},
//	 {"id": "04", "category": "farmer", "flatAmount": "0.50", "voluntary": "10",
//	  "reduction": {"amount": "0", "approvedBy": "某党工委", "on": "2024-03-15", "ref": "〔2024〕3号"},
//	  "probationarySince": "2024-07-10"}]
//
// id (unique in the roster) and category (an English code or the Chinese
// label) are required; the other fields are optional. Amounts (base,
// months, flatAmount, voluntary, the payslip's items and deductions, the
// reduction's amount) are yuan, written as a string ("6234.50") or a JSON
// number (6234.5), read as text and never through a float: at most two
// decimal places, no exponent, never negative. Dates are YYYY-MM-DD.
// payslip has employer (required), items (each a kind, an amount and an
// optional name), incomeTax, pension, medical, unemployment, housingFund
// and annuity; reduction has amount, approvedBy and on (all required) and
// ref; payingOrg names the organization that collects when it is not the
// roster's own (a mobile member's inflow organization, the CSV column
// paying_org). The members are checked as [ReadRoster] checks a CSV roster: one
// source of the base for a rate category, none for a flat one (a base of
// 0 is none), a pension slip for a retired member only, a flat amount for
// a flat category only, an approval for a reduction, and no id twice.
//
// It returns the good members in input order, each with the line of its
// object, and a [dangjian.Problems] list with every problem of the bad
// ones: an unknown field ([dangjian.ErrUnknownField]), a repeated field, a
// value of the wrong type or that does not parse ([dangjian.ErrInvalid] or
// narrower), a repeated id ([dangjian.ErrDuplicate]). Each problem has the
// JSON path ("[3].base", "[0].payslip.items[1].kind"), the line and column
// (1-based, in characters) where the value starts, the member's id when it
// was read, and the value. Input that is not JSON, not an array of objects
// at the top, not UTF-8, nested deeper than 512 levels or over a limit
// (one member longer than 1 MiB: see [ScanRosterJSONWith]) is one problem of kind [dangjian.ErrSyntax] (or
// [dangjian.ErrEncoding], [dangjian.ErrLimit]) and no members; an error of
// the reader is returned as it is.
func DecodeRosterJSON(r io.Reader) ([]RosterRow, error) {
	return DecodeRosterJSONWith(r, ScanOptions{})
}

// DecodeRosterJSONWith is [DecodeRosterJSON] with the options of
// [ScanRosterJSONWith] (opts.Warn is not used: the warning that the check
// for repeated IDs reached its budget is among the problems); at most opts.Limits.MaxProblems problems are
// listed, then one problem of kind [dangjian.ErrLimit] counts the rest.
func DecodeRosterJSONWith(r io.Reader, opts ScanOptions) ([]RosterRow, error) {
	return collectRoster(r, opts.Limits.Problems(), func(r io.Reader, warn func(*dangjian.Problem), each func(RosterRow, dangjian.Problems) error) error {
		opts.Warn = warn
		return ScanRosterJSONWith(r, opts, each)
	})
}

// ScanRosterJSON reads a JSON roster as [DecodeRosterJSON] does, but
// passes each member to each as soon as it is read, as [ScanRoster] does
// for CSV: each(row, nil) for a good member, each(row, problems) for a bad
// one (the line of its object, its ID when read, and its problems in
// position order). A repeated ID makes the later member bad; the first
// time an ID repeats, that member's problems also hold the earlier
// member's (whose Line is its own), and the earlier member was already
// passed as good.
//
// The input streams: ScanRosterJSON holds a window of it (one member's
// JSON, at most 1 MiB: see [ScanRosterJSONWith], and a chunk of what
// follows), the set of IDs read
// and one member, so that a roster of any size is read in the memory of
// its IDs. It returns a problem that ends the input (text that is not
// JSON or not UTF-8, a member over the window, an error of r; each has
// been called for the members before it), or the first error each
// returns, which stops it. It holds no state between calls and may be
// called concurrently.
func ScanRosterJSON(r io.Reader, each func(row RosterRow, bad dangjian.Problems) error) error {
	return ScanRosterJSONWith(r, ScanOptions{}, each)
}

// ScanRosterJSONWith is [ScanRosterJSON] within opts.Limits: the input's
// bytes (MaxBytes), the members (MaxRecords) and one member's JSON
// (MaxRecordBytes, 1 MiB by default); a limit met ends the reading with
// one problem of kind [dangjian.ErrLimit] that names it, at the member
// where it was met. The check for repeated IDs keeps the IDs within
// opts.MaxIDBytes, as [ScanRosterWith] does (each ID with its member's
// index and the column of its id: 8 bytes more a member), with the same
// warning past it, at the member's id.
func ScanRosterJSONWith(r io.Reader, opts ScanOptions, each func(row RosterRow, bad dangjian.Problems) error) error {
	st := strictjson.NewStreamWith(r, opts.Limits)
	st.SkipBOM = true
	t, p := st.Next()
	if p != nil {
		return streamProblem(p)
	}
	if t.Kind != strictjson.BeginArray {
		line, col := st.Position(t.Off)
		return dangjian.Problems{{Kind: dangjian.ErrSyntax, Line: line, Column: col, Value: describe(t),
			Detail: "a JSON roster is an array of members"}}
	}
	j := &jsonRoster{each: each, budget: opts.idBudget(), warn: opts.Warn}
	j.ids = newIDSetAux(j.budget)
	for i := 0; st.More(); i++ {
		t, p := st.Next()
		if p != nil {
			return streamProblem(p)
		}
		// The member's JSON, read again by a scanner that places its
		// tokens in the whole input.
		src, p := st.Record(t)
		if p != nil {
			return streamProblem(p)
		}
		path := strictjson.Elem("", i)
		j.src, j.sc = src, strictjson.NewScanner(src)
		j.sc.Root = path
		if err := j.element(i, path); err != nil {
			return err
		}
	}
	if _, p := st.Next(); p != nil { // ]
		return streamProblem(p)
	}
	if _, p := st.Next(); p != nil { // the end of the input, or data after the array
		return streamProblem(p)
	}
	if j.warning != nil && opts.Warn == nil {
		return dangjian.Problems{j.warning}
	}
	return nil
}

// streamProblem is the error of a problem that ends a stream: an error of
// the reader as it is (a *dangjian.Problem the reader gave stays a
// problem), any other problem as a [dangjian.Problems].
func streamProblem(p *dangjian.Problem) error {
	if p.Kind == dangjian.ErrInvalid && p.Err != nil && p.Path == "" && p.Line == 0 {
		return p.Err
	}
	return dangjian.Problems{p}
}

// jsonRoster holds the state of one DecodeRosterJSON call: the module's
// strict scanner reads the input token by token, so that memory beyond
// the input follows the member, not the roster.
type jsonRoster struct {
	src  *strictjson.Source
	sc   *strictjson.Scanner
	ps   dangjian.Problems // the problems of the current member
	each func(RosterRow, dangjian.Problems) error

	// The IDs read so far, each with its member's index and the column of
	// its id; the budget of the set, and where its warning goes.
	ids     *idSet
	budget  int64
	warn    func(*dangjian.Problem)
	warning *dangjian.Problem
}

// The fields of each object of a roster, in the order messages list them.
var (
	memberFields    = strictjson.NewFields("id", "name", "category", "base", "months", "payslip", "flatAmount", "probationarySince", "reduction", "voluntary", "payingOrg")
	payslipFields   = strictjson.NewFields("employer", "items", "incomeTax", "pension", "medical", "unemployment", "housingFund", "annuity")
	itemFields      = strictjson.NewFields("kind", "amount", "name")
	reductionFields = strictjson.NewFields("amount", "approvedBy", "on", "ref", "branchOn")
)

// errStop aborts the decoding: the input is not JSON, or not the shape
// expected at the top.
type errStop struct{ p *dangjian.Problem }

func (e errStop) Error() string { return e.p.Error() }

// pos returns the 1-based line and character column of a byte offset.
func (j *jsonRoster) pos(off int) (line, col int) { return j.src.Position(off) }

// token reads a token, or stops on input that is not JSON.
func (j *jsonRoster) token() (strictjson.Token, int) {
	t, p := j.sc.Next()
	if p != nil {
		panic(errStop{p})
	}
	return t, t.Off
}

// element reads member i at path, the one value of j.sc, checks its id
// against the IDs read before and passes it to j.each; it returns a
// problem that stops the reading (which the stream has seen first: it
// cannot happen) or the error of j.each.
func (j *jsonRoster) element(i int, path string) (stop error) {
	defer func() {
		if r := recover(); r != nil {
			s, ok := r.(errStop)
			if !ok {
				panic(r)
			}
			stop = dangjian.Problems{s.p}
		}
	}()
	j.ps = nil
	m, line, ok := j.member(path)
	if m.ID != "" {
		j.ids.aux = [2]uint32{uint32(i), uint32(m.idCol)}
		first, dup, reported, kept := j.ids.add(m.ID, m.idLine)
		switch {
		case dup:
			firstPath := strictjson.Elem("", int(j.ids.aux[0]))
			if !reported {
				j.ps.Add(&dangjian.Problem{Kind: dangjian.ErrDuplicate, Path: firstPath + ".id", ID: m.ID, Line: first, Column: int(j.ids.aux[1]),
					Value: m.ID, Detail: "repeated at " + path})
			}
			j.ps.Add(&dangjian.Problem{Kind: dangjian.ErrDuplicate, Path: path + ".id", ID: m.ID, Line: m.idLine, Column: m.idCol, Value: m.ID,
				Detail: "first at " + firstPath})
			ok = false
		case !kept && j.warning == nil:
			j.warning = idLimitProblem(j.budget, m.idLine, m.idCol-1, path+".id")
			if j.warn != nil {
				j.warn(j.warning)
			}
		}
	}
	if ok && len(j.ps) == 0 {
		return j.each(RosterRow{Line: line, Member: m.Member}, nil)
	}
	sortProblems(j.ps)
	return j.each(RosterRow{Line: line, Member: Member{ID: m.ID}}, j.ps)
}

// jsonMember is a member read from JSON, with where its id was.
type jsonMember struct {
	Member
	idLine, idCol int
}

// member reads one member at path; false if it has a problem, which it
// records (with the member's id, once read).
func (j *jsonRoster) member(path string) (m jsonMember, line int, ok bool) {
	first := len(j.ps)
	defer func() {
		for _, p := range j.ps[first:] {
			if p.ID == "" {
				p.ID = m.ID
			}
		}
	}()
	t, at := j.token()
	line, _ = j.pos(at)
	if t.Kind != strictjson.BeginObject {
		j.bad(path, at, t, dangjian.ErrInvalid, "a member is an object")
		j.skip(t)
		return m, line, false
	}
	gotCategory := false
	fields := map[string]fieldSeen{} // where each field's value starts, and its text
	j.object(path, memberFields, func(field, fpath string, at int, t strictjson.Token) {
		fields[field] = fieldSeen{at, textOf(t)}
		switch field {
		case "id":
			if s, good := j.str(fpath, at, t); good {
				switch {
				case s == "":
					j.bad(fpath, at, t, dangjian.ErrMissing, "")
				default:
					m.ID = s
					m.idLine, m.idCol = j.pos(at)
				}
			}
		case "name":
			if s, good := j.str(fpath, at, t); good {
				m.Name = s
			}
		case "category":
			if s, good := j.str(fpath, at, t); good {
				if c, err := ParseCategory(s); err != nil || s == "" {
					j.bad(fpath, at, t, errRosterCategory.kind, errRosterCategory.detail)
				} else {
					m.Category, gotCategory = c, true
				}
			}
		case "base":
			m.Base, _ = j.money(fpath, at, t)
		case "months":
			m.Months = j.months(fpath, at, t)
		case "payslip":
			m.Payslip = j.payslip(fpath, at, t)
		case "flatAmount":
			if v, good := j.money(fpath, at, t); good {
				m.FlatAmount = v
			}
		case "probationarySince":
			if t.Kind != strictjson.String || len(t.Raw) > 2 { // "": not admitted as probationary, as a zero Date encodes
				m.ProbationarySince = j.date(fpath, at, t)
			}
		case "reduction":
			m.Reduction = j.reduction(fpath, at, t)
		case "voluntary":
			if v, good := j.money(fpath, at, t); good {
				m.Voluntary = v
			}
		case "payingOrg":
			if s, good := j.str(fpath, at, t); good {
				m.PayingOrg = s
			}
		}
	})
	if m.ID == "" && !j.has(first, path+".id") {
		j.bad(path+".id", at, strictjson.Token{}, dangjian.ErrMissing, "a member needs an id")
	}
	if !gotCategory && !j.has(first, path+".category") {
		j.bad(path+".category", at, strictjson.Token{}, dangjian.ErrMissing, "a member needs a category")
	}
	if gotCategory && len(j.ps) == first {
		j.crossCheck(path, &m.Member, fields)
	}
	return m, line, len(j.ps) == first
}

// fieldSeen is where a field's value starts, and its text.
type fieldSeen struct {
	at   int
	text string
}

// crossCheck applies the checks between the fields of a member whose
// fields are each good, as ReadRoster does for a row. A base of 0 is no
// source of the base beside months or a payslip (a []Member encodes its
// zero Base as "0.00"), nor for a flat category.
func (j *jsonRoster) crossCheck(path string, m *Member, fields map[string]fieldSeen) {
	at := func(field string) (int, string) {
		f := fields[field]
		return f.at, f.text
	}
	_, gotBase := fields["base"]
	if gotBase && m.Base.IsZero() && (m.Category.IsFlat() || len(m.Months) > 0 || m.Payslip != nil) {
		gotBase = false
	}
	var sources []string
	if gotBase {
		sources = append(sources, "base")
	}
	if len(m.Months) > 0 {
		sources = append(sources, "months")
	}
	if m.Payslip != nil {
		sources = append(sources, "payslip")
	}
	switch {
	case m.Category.IsFlat() && len(sources) > 0:
		o, v := at(sources[0])
		j.badText(path+"."+sources[0], o, v, errRosterFlatBase)
	case !m.Category.IsFlat() && len(sources) > 1:
		o, v := at(sources[1])
		j.badText(path+"."+sources[1], o, v, errRosterSeveral)
	case !m.Category.IsFlat() && len(sources) == 0:
		o, v := at("category")
		j.badText(path+".base", o, v, errRosterNoBase)
	}
	if ps := m.Payslip; ps != nil && ps.Employer != EmployerUnknown {
		o, _ := at("payslip")
		switch {
		case m.Category == Retired && ps.Employer != Pensioner:
			j.badText(path+".payslip.employer", o, ps.Employer.String(), errRosterPension)
		case m.Category != Retired && ps.Employer == Pensioner:
			j.badText(path+".payslip.employer", o, ps.Employer.String(), errRosterPensioner)
		}
	}
	if !m.FlatAmount.IsZero() && !m.Category.IsFlat() {
		o, v := at("flatAmount")
		j.badText(path+".flatAmount", o, v, errRosterFlatRate)
	}
}

// has reports whether a problem at path was recorded since first.
func (j *jsonRoster) has(first int, path string) bool {
	for _, p := range j.ps[first:] {
		if p.Path == path {
			return true
		}
	}
	return false
}

// object reads the fields of an object whose '{' was read, calling f with
// each known field's name, path, value offset and first value token; f
// reads the rest of the value. An unknown field and a repeated one are
// problems and their values skipped.
func (j *jsonRoster) object(path string, fs *strictjson.Fields, f func(field, fpath string, at int, t strictjson.Token)) {
	var seen strictjson.Seen
	var unknown map[string]bool // unknown keys, made on the first
	for j.sc.More() {
		kt, _ := j.token()
		i, known := fs.LookupToken(kt)
		key := ""
		if known {
			key = fs.Name(i)
		} else {
			key = kt.Text()
		}
		fpath := strictjson.Field(path, key)
		t, at := j.token()
		repeated := false
		if known {
			repeated = seen.Add(i)
		} else {
			if unknown == nil {
				unknown = map[string]bool{}
			}
			repeated, unknown[key] = unknown[key], true
		}
		switch {
		case repeated:
			j.bad(fpath, at, t, dangjian.ErrInvalid, strictjson.DetailRepeated)
			j.skip(t)
		case !known:
			j.bad(fpath, at, strictjson.Token{}, dangjian.ErrUnknownField, fs.Unknown(key))
			j.skip(t)
		default:
			f(key, fpath, at, t)
		}
	}
	j.token() // }
}

// skip reads the rest of a value whose first token is t.
func (j *jsonRoster) skip(t strictjson.Token) {
	if p := j.sc.Skip(t); p != nil {
		panic(errStop{p})
	}
}

// bad records a problem at path with the value t, starting at offset at.
func (j *jsonRoster) bad(path string, at int, t strictjson.Token, k *dangjian.Kind, detail string) {
	j.badText(path, at, textOf(t), why{k, detail})
}

func (j *jsonRoster) badText(path string, at int, value string, w why) {
	line, col := j.pos(at)
	j.ps.Add(&dangjian.Problem{Kind: w.kind, Path: path, Line: line, Column: col, Value: value, Detail: w.detail})
}

// textOf returns a scalar token as text: a string as it is, a number as
// written, true or false; "" for a delimiter or null.
func textOf(t strictjson.Token) string {
	switch t.Kind {
	case strictjson.String, strictjson.Number, strictjson.True, strictjson.False:
		return t.Text()
	}
	return ""
}

// describe names a token's JSON type, for a problem's value: "an object",
// "an array", "null", or a scalar's text.
func describe(t strictjson.Token) string {
	switch t.Kind {
	case strictjson.BeginObject, strictjson.BeginArray, strictjson.Null:
		return t.Describe()
	case strictjson.EndObject, strictjson.EndArray:
		return string(t.Raw)
	}
	return textOf(t)
}

// str reads a string value.
func (j *jsonRoster) str(path string, at int, t strictjson.Token) (string, bool) {
	if t.Kind != strictjson.String {
		j.badText(path, at, describe(t), why{dangjian.ErrInvalid, "want a string"})
		j.skip(t)
		return "", false
	}
	return t.Text(), true
}

// money reads an amount: a string or a number, as text.
func (j *jsonRoster) money(path string, at int, t strictjson.Token) (funding.Money, bool) {
	var s string
	switch t.Kind {
	case strictjson.String, strictjson.Number:
		s = t.Text()
	default:
		j.badText(path, at, describe(t), why{dangjian.ErrInvalid, "want an amount in yuan, as a string or a number"})
		j.skip(t)
		return funding.Money{}, false
	}
	m, bad := parseRosterMoney(s)
	if bad != nil {
		j.badText(path, at, s, *bad)
		return funding.Money{}, false
	}
	return m, true
}

// date reads a YYYY-MM-DD date string.
func (j *jsonRoster) date(path string, at int, t strictjson.Token) dangjian.Date {
	s, ok := j.str(path, at, t)
	if !ok {
		return dangjian.Date{}
	}
	d, err := dangjian.ParseDate(s)
	if err != nil {
		w := errRosterDate
		if len(s) == 10 && s[4] == '-' && s[7] == '-' {
			w = errRosterCalendar
		}
		j.badText(path, at, s, w)
		return dangjian.Date{}
	}
	return d
}

// months reads an array of at most 12 amounts.
func (j *jsonRoster) months(path string, at int, t strictjson.Token) []funding.Money {
	if t.Kind != strictjson.BeginArray {
		j.badText(path, at, describe(t), why{dangjian.ErrInvalid, "want an array of amounts"})
		j.skip(t)
		return nil
	}
	var out []funding.Money
	for i := 0; j.sc.More(); i++ {
		t, at := j.token()
		m, _ := j.money(strictjson.Elem(path, i), at, t)
		out = append(out, m)
	}
	j.token() // ]
	if len(out) > 12 {
		j.badText(path, at, strconv.Itoa(len(out))+" months", errRosterTooMany)
	}
	return out
}

// payslip reads a payslip object.
func (j *jsonRoster) payslip(path string, at int, t strictjson.Token) *Payslip {
	if t.Kind != strictjson.BeginObject {
		j.badText(path, at, describe(t), why{dangjian.ErrInvalid, "want an object"})
		j.skip(t)
		return nil
	}
	var ps Payslip
	deducts := map[string]*funding.Money{"incomeTax": &ps.IncomeTax, "pension": &ps.Pension, "medical": &ps.Medical,
		"unemployment": &ps.Unemployment, "housingFund": &ps.HousingFund, "annuity": &ps.Annuity}
	gotEmployer := false
	j.object(path, payslipFields, func(field, fpath string, at int, t strictjson.Token) {
		if d, ok := deducts[field]; ok {
			*d, _ = j.money(fpath, at, t)
			return
		}
		switch field {
		case "employer":
			if s, good := j.str(fpath, at, t); good {
				gotEmployer = true
				if e, err := ParseEmployer(s); err != nil || s == "" {
					j.badText(fpath, at, s, errRosterEmployer)
				} else {
					ps.Employer = e
				}
			}
		case "items":
			ps.Items = j.items(fpath, at, t)
		}
	})
	if !gotEmployer {
		j.badText(path+".employer", at, "", errRosterNoEmpl)
	}
	return &ps
}

// items reads the pay items of a payslip.
func (j *jsonRoster) items(path string, at int, t strictjson.Token) []PayItem {
	if t.Kind == strictjson.Null {
		return nil // no items, as a nil Items encodes
	}
	if t.Kind != strictjson.BeginArray {
		j.badText(path, at, describe(t), why{dangjian.ErrInvalid, "want an array of pay items"})
		j.skip(t)
		return nil
	}
	var out []PayItem
	for i := 0; j.sc.More(); i++ {
		ipath := strictjson.Elem(path, i)
		t, at := j.token()
		if t.Kind != strictjson.BeginObject {
			j.badText(ipath, at, describe(t), why{dangjian.ErrInvalid, "want an object"})
			j.skip(t)
			continue
		}
		var it PayItem
		gotKind, gotAmount := false, false
		j.object(ipath, itemFields, func(field, fpath string, at int, t strictjson.Token) {
			switch field {
			case "kind":
				if s, good := j.str(fpath, at, t); good {
					gotKind = true
					if k, err := ParseItemKind(s); err != nil || s == "" {
						j.badText(fpath, at, s, why{dangjian.ErrInvalid, "unknown pay item kind: want an item kind code (post_wage, basic_pension, …) or its Chinese label"})
					} else {
						it.Kind = k
					}
				}
			case "amount":
				it.Amount, gotAmount = j.money(fpath, at, t)
				gotAmount = true
			case "name":
				if s, good := j.str(fpath, at, t); good {
					it.Name = s
				}
			}
		})
		if !gotKind {
			j.badText(ipath+".kind", at, "", why{dangjian.ErrMissing, ""})
		}
		if !gotAmount {
			j.badText(ipath+".amount", at, "", why{dangjian.ErrMissing, ""})
		}
		out = append(out, it)
	}
	j.token() // ]
	return out
}

// reduction reads an approved reduction.
func (j *jsonRoster) reduction(path string, at int, t strictjson.Token) *Reduction {
	if t.Kind != strictjson.BeginObject {
		j.badText(path, at, describe(t), why{dangjian.ErrInvalid, "want an object"})
		j.skip(t)
		return nil
	}
	var r Reduction
	gotAmount := false
	j.object(path, reductionFields, func(field, fpath string, at int, t strictjson.Token) {
		switch field {
		case "amount":
			r.Amount, _ = j.money(fpath, at, t)
			gotAmount = true
		case "approvedBy":
			if s, good := j.str(fpath, at, t); good {
				r.ApprovedBy = s
			}
		case "on":
			r.On = j.date(fpath, at, t)
		case "ref":
			if s, good := j.str(fpath, at, t); good {
				r.Ref = s
			}
		case "branchOn":
			if t.Kind != strictjson.String || len(t.Raw) > 2 { // "": none, as a zero Date encodes
				r.BranchOn = j.date(fpath, at, t)
			}
		}
	})
	if !gotAmount {
		j.badText(path+".amount", at, "", why{dangjian.ErrMissing, "the approved monthly amount (0: exempt)"})
	}
	// An upper approval is whole, or absent where the branch's consent is
	// given (the rules decide whether that suffices).
	branchOnly := !r.BranchOn.IsZero() && r.ApprovedBy == "" && r.On.IsZero() && !j.hasAt(path+".approvedBy") && !j.hasAt(path+".on")
	if !branchOnly {
		if r.ApprovedBy == "" && !j.hasAt(path+".approvedBy") {
			j.badText(path+".approvedBy", at, "", errRosterApproval)
		}
		if r.On.IsZero() && !j.hasAt(path+".on") {
			j.badText(path+".on", at, "", errRosterApproval)
		}
	}
	return &r
}

// hasAt reports whether a problem at path was recorded.
func (j *jsonRoster) hasAt(path string) bool { return j.has(0, path) }
