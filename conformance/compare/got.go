package compare

import (
	"errors"
	"io"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/tax"
	"github.com/dangjian-go/dangjian/internal/csvtable"
	"github.com/shopspring/decimal"
)

// The columns of GOT.
const (
	gcID = iota
	gcMonth
	gcValue
	gcGrade
	gcRule
	numGotCols
)

// gotNames are the names of GOT's columns per kind: English, Chinese,
// then aliases; nil where the kind has no such column. The ID and month
// take the names of the library's own readers (the roster, the payroll,
// the subjects, the tree), the dues the ledger's (examples/dues writes a
// GOT), the total and grade those of examples/assess's output.
var gotNames = map[Kind][numGotCols][]string{
	Dues: {gcID: {"id", "编号", "工号"}, gcValue: {"dues", "党费", "应交党费", "amount", "金额"}},
	// The payroll's own names of id and month (tax.PayrollColumns).
	Tax: {gcID: tax.PayrollColumns()[0], gcMonth: tax.PayrollColumns()[1],
		gcValue: {"withheld", "本期应预扣预缴税额", "预扣税额", "代扣个税", "个税"}},
	Assess: {gcID: {"id", "编号"}, gcValue: {"total", "总分", "得分"}, gcGrade: {"grade", "等次", "档次"}},
	Org:    {gcID: {"id", "编号"}, gcRule: {"rule", "规则"}},
}

// gotSpec returns the table of GOT for kind: the kind's columns, id and
// value required (id alone for org), and any other column accepted and
// ignored.
func gotSpec(kind Kind) *csvtable.Spec {
	names := gotNames[kind]
	s := &csvtable.Spec{Columns: make([]csvtable.Column, numGotCols), ID: "id"}
	for c, n := range names {
		if n == nil {
			// a column the kind has not: a name no header cell can be
			s.Columns[c] = csvtable.Column{Name: "\x00" + string(rune('0'+c))}
			continue
		}
		s.Columns[c] = csvtable.Column{Name: n[0], Chinese: n[1], Aliases: n[2:],
			Required: c == gcID || (c == gcValue) || (c == gcMonth)}
	}
	n := 0
	s.Extra = func(string) (string, bool) { n++; return "ignored " + string(rune(n)), true }
	return s
}

// Got is GOT, read and keyed: for each row its value and line. It is
// what [Compare] keeps of the platform's export while INPUT streams.
type Got struct {
	kind  Kind
	rules bool // org: GOT names rules
	rows  map[string]*gotRow
	order []string // keys in GOT's order
}

// Len returns the number of keys read (bad rows included).
func (g *Got) Len() int { return len(g.order) }

// gotRow is one row of GOT.
type gotRow struct {
	line  int
	text  string          // the value as written (trimmed)
	money funding.Money   // dues, tax
	dec   decimal.Decimal // assess total
	grade string
	bad   bool // a cell could not be read: the key is left out
	seen  bool // an INPUT row matched it
}

// ReadGot reads GOT, the other system's export for kind, as a CSV table
// within lim: a header row naming the kind's columns (English, any case,
// or Chinese: id 编号; dues 党费; month 月份; withheld 本期应预扣预缴税额;
// total 总分; grade 等次; rule 规则), other columns ignored, then one row per
// key. A cell that cannot be read (an amount that is not an exact decimal
// of at most two places, a month not YYYY-MM), an empty key and a key on
// two rows (the later row) are problems given to bad, with the line, the
// column and the row's ID; the key of a bad row, and a key on two rows,
// is left out of the comparison (neither row is trusted). A row whose
// cells are not UTF-8, or that has not as many cells as the header, is a
// problem too. The key of a tax row is its id and its month as YYYY-MM
// (2024-3, 202403 and 2024/03 are read as 2024-03). ReadGot returns the header's problems, text that is not CSV
// or UTF-8, a limit met or an error of r.
func ReadGot(r io.Reader, kind Kind, lim dangjian.Limits, bad func(*dangjian.Problem)) (*Got, error) {
	if _, ok := gotNames[kind]; !ok {
		return nil, &dangjian.Problem{Kind: dangjian.ErrInvalid, Path: "kind", Value: kind.String(), Detail: "want dues, tax, assess or org"}
	}
	t, err := csvtable.OpenWith(r, gotSpec(kind), lim)
	if err != nil {
		return nil, err
	}
	h := t.Header()
	g := &Got{kind: kind, rules: kind == Org && h.Has(gcRule), rows: map[string]*gotRow{}}
	for t.Next() {
		if t.Blank() {
			continue
		}
		if ps := t.EncodingProblems(); len(ps) > 0 {
			for _, p := range ps {
				bad(p)
			}
			continue
		}
		if p := t.WidthProblem(); p != nil {
			bad(p)
			continue
		}
		g.row(t, h, bad)
	}
	if err := t.Err(); err != nil {
		return nil, err
	}
	return g, nil
}

// row reads the current row of t into g.
func (g *Got) row(t *csvtable.Reader, h *csvtable.Header, bad func(*dangjian.Problem)) {
	// The strings kept are copies: a cell shares its row's text.
	id := strings.Clone(t.Cell(gcID))
	if id == "" {
		bad(t.Problem(gcID, "", dangjian.ErrMissing, "every row needs its id"))
		return
	}
	r := &gotRow{line: t.Line()}
	key := id
	failed := false
	switch g.kind {
	case Tax:
		m := strings.Clone(t.Cell(gcMonth))
		norm, ok := parseMonth(m)
		if !ok {
			bad(t.Problem(gcMonth, m, dangjian.ErrInvalid, "want a month as YYYY-MM, such as 2024-03"))
			failed = true
		}
		key = joinKey(id, norm)
		if norm == "" {
			key = joinKey(id, m)
		}
	case Org:
		if g.rules {
			rule := strings.Clone(t.Cell(gcRule))
			if rule == "" {
				bad(t.Problem(gcRule, "", dangjian.ErrMissing, "a GOT with a rule column names a rule on every row"))
				failed = true
			}
			key = joinKey(id, rule)
		}
		r.text = "flagged"
	}
	if g.kind != Org {
		v := strings.Clone(t.Cell(gcValue))
		r.text = v
		switch g.kind {
		case Dues, Tax:
			m, err := funding.ParseMoney(v)
			if err != nil {
				k, detail := moneyWhy(v, err)
				bad(t.Problem(gcValue, v, k, detail))
				failed = true
			}
			r.money = m
		case Assess:
			d, ok := parseDecimal(v)
			if !ok {
				bad(t.Problem(gcValue, v, dangjian.ErrInvalid, "want a number such as 87.63 (digits, at most one point)"))
				failed = true
			}
			r.dec = d
			r.grade = strings.Clone(t.Cell(gcGrade))
		}
	}
	if old, ok := g.rows[key]; ok {
		bad(t.RowProblem(dangjian.ErrDuplicate, "the key is also on line "+itoa(old.line)))
		old.bad = true // neither row is trusted
		return
	}
	r.bad = failed
	g.rows[key] = r
	g.order = append(g.order, key)
}

// moneyWhy returns the kind and detail of the problem of an amount cell
// s that [funding.ParseMoney] refused with err, as the roster reader
// words them.
func moneyWhy(s string, err error) (*dangjian.Kind, string) {
	switch {
	case s == "":
		return dangjian.ErrMissing, "want an amount in yuan such as 93.52"
	case errors.Is(err, funding.ErrSubFen):
		return funding.ErrSubFen, ""
	case errors.Is(err, funding.ErrOverflow):
		return funding.ErrOverflow, ""
	case strings.Contains(s, ","):
		return dangjian.ErrInvalid, "grouping commas are not accepted: write 3000.00, not 3,000.00"
	}
	return dangjian.ErrInvalid, "want an amount in yuan such as 93.52: digits with at most two decimal places"
}

// parseMonth returns a month "YYYY-MM" (also "YYYY-M", "YYYYMM" or
// "YYYY/MM") as "YYYY-MM".
func parseMonth(s string) (string, bool) {
	y, m, ok := strings.Cut(strings.ReplaceAll(s, "/", "-"), "-")
	if !ok && len(s) == 6 {
		y, m, ok = s[:4], s[4:], true
	}
	if !ok || len(y) != 4 || len(m) < 1 || len(m) > 2 || !digits(y) || !digits(m) {
		return "", false
	}
	mm := int(m[0] - '0')
	if len(m) == 2 {
		mm = mm*10 + int(m[1]-'0')
	}
	if mm < 1 || mm > 12 || y == "0000" {
		return "", false
	}
	if len(m) == 1 {
		m = "0" + m
	}
	return y + "-" + m, true
}

// parseDecimal reads a plain decimal (an optional sign, digits, at most
// one point; at most 30 digits) exactly.
func parseDecimal(s string) (decimal.Decimal, bool) {
	t := strings.TrimPrefix(strings.TrimPrefix(s, "-"), "+")
	ip, fp, _ := strings.Cut(t, ".")
	if (ip == "" && fp == "") || !digits(ip) || !digits(fp) || len(ip)+len(fp) > 30 {
		return decimal.Decimal{}, false
	}
	d, err := decimal.NewFromString(s)
	return d, err == nil
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
