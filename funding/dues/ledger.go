package dues

import (
	"bufio"
	"io"
	"slices"
	"strconv"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/internal/funderr"
	"github.com/dangjian-go/dangjian/internal/csvtable"
)

// LedgerRow is one line of a dues ledger: a member's dues for the month
// and the member's name, which [Result] does not carry (a [RosterRow] does).
type LedgerRow struct {
	Name string `json:"name,omitempty"`
	Dues Result `json:"dues"`
}

// The ledger columns, in the order WriteLedger writes them.
var ledgerNames = [2][]string{
	{"id", "name", "category", "base", "rate", "dues", "rule", "voluntary", "total", "capped", "lump_sum", "reduced", "not_yet_due"},
	{"编号", "姓名", "党员类别", "计算基数", "比例", "党费", "规则", "自愿多交", "合计", "封顶", "大额党费", "少交免交", "尚未起交"},
}

var ledgerFlags = [2][2]string{{"false", "true"}, {"否", "是"}}

// payingOrgColumn is the name of the ledger's optional last column, by
// language.
var payingOrgColumn = [2]string{"paying_org", "交纳党费组织"}

// WriteLedger writes a month's dues ledger to w as CSV: a header in the
// language lang, then one line per row, in order, with the columns
//
//	id, name, category, base, rate, dues, rule,
//	voluntary, total, capped, lump_sum, reduced, not_yet_due
//
// (编号, 姓名, 党员类别, 计算基数, 比例, 党费, 规则, 自愿多交, 合计, 封顶,
// 大额党费, 少交免交, 尚未起交 in Chinese). Amounts have two decimals
// ("93.52"); the rate is a plain decimal ("0.015", as in JSON; the one spelling of a rate in every output); rule is the ID of the rule
// that set the final amount ([Result].Rule: the bracket or flat rule, or the
// cap, a hardship approval or the probationary start). base and rate are
// empty where no rate applied: a flat category, or a probationary member
// not yet due. The last four columns are the flags of
// [Result]: capped at the monthly cap, a lump sum remitted to the Centre,
// an approved reduction or exemption, not yet due.
//
// The member's id and name are text a spreadsheet would run as a formula
// when they start with '=', '+', '-', '@', tab or CR (a name like
// `=HYPERLINK(…)`): they are written with a single quote in front unless
// text is [dangjian.RawText] (see [dangjian.GuardFormulas]; to get the
// text back, drop the quote in front of such a character). The amounts,
// the rate, the category, the rule and the flags are written as they are:
// a negative amount stays "-12.50", a number.
//
// When a row was paid at another organization ([Result].PayingOrg: a
// mobile member paying at the inflow organization, DUES-MOBILE-INFLOW),
// the ledger has one more column, last: paying_org (交纳党费组织), the
// organization that collected, empty on the other rows; a ledger without
// such a row has the 13 columns above and no other.
//
// A row whose category is not valid, an unknown lang or text (more than
// one, or not a [dangjian.CSVText]) or a write error is an error; what was
// written before stays written. WriteLedger only reads
// rows, so it may run concurrently with other readers of them.
func WriteLedger(w io.Writer, rows []LedgerRow, lang dangjian.Lang, text ...dangjian.CSVText) error {
	if err := csvtable.CheckLang(lang); err != nil {
		return err
	}
	paying := false
	for i, r := range rows {
		if !r.Dues.Category.IsValid() {
			return &dangjian.Problem{Kind: ErrBadMember, Path: "rows[" + strconv.Itoa(i) + "].dues.category", ID: r.Dues.Member,
				Value: r.Dues.Category.String(), Detail: "unknown category"}
		}
		paying = paying || r.Dues.PayingOrg != ""
	}
	opts := LedgerOptions{Lang: lang, PayingOrg: paying}
	if len(text) > 1 {
		_, err := csvtable.NewWriter(io.Discard, text...) // the error of more than one
		return err
	}
	if len(text) == 1 {
		opts.Text = text[0]
	}
	lw, err := NewLedgerWriterWith(w, opts)
	if err != nil {
		return err
	}
	for _, r := range rows {
		if err := lw.Write(r); err != nil {
			return err
		}
	}
	return lw.Flush()
}

// LedgerWriter writes a dues ledger row by row, as [WriteLedger] writes
// it: it keeps no row, so a ledger of any length takes the memory of one.
// A LedgerWriter is not safe for concurrent use.
type LedgerWriter struct {
	paying bool // the paying_org column
	bw     *bufio.Writer
	text   func(string) string // a text cell, guarded or raw
	lang   dangjian.Lang
	buf    []byte     // the row being rendered
	n      int        // rows written
	rates  []rateText // the rates written so far, with their text
}

// rateText is a rate and its text: a ledger has a few rates, and writing
// one through its decimal costs more than the rest of the row.
type rateText struct {
	rate funding.Rate
	text string
}

// rate returns r.String(), remembered.
func (lw *LedgerWriter) rate(r funding.Rate) string {
	for _, x := range lw.rates {
		if x.rate == r { // the same decimal: most rows share their bracket's
			return x.text
		}
	}
	for _, x := range lw.rates {
		// Equal rescales (and allocates) when the exponents differ: a rate
		// of another exponent takes its own entry.
		if x.rate.Decimal().Exponent() == r.Decimal().Exponent() && x.rate.Equal(r) {
			return x.text
		}
	}
	t := r.String()
	if len(lw.rates) < 16 {
		lw.rates = append(lw.rates, rateText{r, t})
	}
	return t
}

// NewLedgerWriter writes the header of a ledger in the language lang to
// w and returns the writer of its rows. Text cells (the member's id and
// name) are guarded against formulas as [WriteLedger] says, unless text is
// [dangjian.RawText]. An unknown lang or text is an error. The rows are
// buffered: call [LedgerWriter.Flush] at the end.
func NewLedgerWriter(w io.Writer, lang dangjian.Lang, text ...dangjian.CSVText) (*LedgerWriter, error) {
	if len(text) > 1 {
		_, err := csvtable.NewWriter(io.Discard, text...) // the error of more than one
		return nil, err
	}
	opts := LedgerOptions{Lang: lang}
	if len(text) == 1 {
		opts.Text = text[0]
	}
	return NewLedgerWriterWith(w, opts)
}

// LedgerOptions are the options of [NewLedgerWriterWith]. The zero value
// is an English ledger, formulas guarded, with the 13 columns of
// [WriteLedger].
type LedgerOptions struct {
	Lang dangjian.Lang
	// Text is how text cells are written: [dangjian.GuardFormulas] (the
	// zero value) or [dangjian.RawText].
	Text dangjian.CSVText
	// PayingOrg adds the last column paying_org (交纳党费组织): the
	// organization that collected a row's dues when it is not the
	// roster's own ([Result].PayingOrg), empty otherwise. Without it, a
	// row paid elsewhere is an error of [LedgerWriter.Write]: the ledger
	// would not say who collected it.
	PayingOrg bool
}

// NewLedgerWriterWith is [NewLedgerWriter] with options: the language,
// the text rule and the paying_org column.
func NewLedgerWriterWith(w io.Writer, opts LedgerOptions) (*LedgerWriter, error) {
	if err := csvtable.CheckLang(opts.Lang); err != nil {
		return nil, err
	}
	cw, err := csvtable.NewWriter(io.Discard, opts.Text) // the text cells' rule
	if err != nil {
		return nil, err
	}
	lw := &LedgerWriter{paying: opts.PayingOrg, bw: bufio.NewWriterSize(w, 64<<10), text: cw.Text, lang: opts.Lang, buf: make([]byte, 0, 256)}
	head := ledgerNames[opts.Lang][:]
	if opts.PayingOrg {
		head = append(slices.Clone(head), payingOrgColumn[opts.Lang])
	}
	if err := lw.writeRecord(head); err != nil {
		return nil, err // the writer's own error
	}
	return lw, nil
}

// writeRecord writes one record of plain cells.
func (lw *LedgerWriter) writeRecord(rec []string) error {
	b := lw.buf[:0]
	for i, c := range rec {
		if i > 0 {
			b = append(b, ',')
		}
		b = csvtable.AppendField(b, c)
	}
	lw.buf = append(b, '\n')
	_, err := lw.bw.Write(lw.buf)
	return err
}

// Write writes one row. A row whose category is not valid is an error
// (its path counts the rows given to Write, from 0), and so is a row paid
// at another organization ([Result].PayingOrg) when the ledger has no
// paying_org column ([LedgerOptions].PayingOrg), and a write error; what
// was written before stays written.
func (lw *LedgerWriter) Write(r LedgerRow) error {
	i := lw.n
	lw.n++
	if !r.Dues.Category.IsValid() {
		return &dangjian.Problem{Kind: ErrBadMember, Path: "rows[" + strconv.Itoa(i) + "].dues.category", ID: r.Dues.Member,
			Value: r.Dues.Category.String(), Detail: "unknown category"}
	}
	if r.Dues.PayingOrg != "" && !lw.paying {
		return &dangjian.Problem{Kind: dangjian.ErrInvalid, Path: "rows[" + strconv.Itoa(i) + "].dues.payingOrg", ID: r.Dues.Member,
			Value: r.Dues.PayingOrg, Detail: "the member paid at another organization and the ledger has no paying_org column to say so: open it with LedgerOptions.PayingOrg (examples/dues: -paying-org)"}
	}
	lw.buf = appendLedgerRow(lw.buf[:0], &r, lw.lang, lw.rate, lw.text)
	if lw.paying {
		// The row ends in its newline: the column goes before it.
		lw.buf = append(csvtable.AppendField(append(lw.buf[:len(lw.buf)-1], ','), lw.text(r.Dues.PayingOrg)), '\n')
	}
	_, err := lw.bw.Write(lw.buf)
	return err // the writer's own error
}

// Flush writes any buffered rows to the underlying writer and returns the
// first write error, if any.
func (lw *LedgerWriter) Flush() error {
	return lw.bw.Flush() // the writer's own error
}

// appendLedgerRow appends row r in the language lang to b as one CSV
// line, as encoding/csv writes the record of its 13 cells: the one place a
// ledger row is rendered. Amounts are appended as text in place, with no
// string per cell. rate writes a rate (as [funding.Rate.String] does);
// text writes a text cell (guarded or raw).
func appendLedgerRow(b []byte, r *LedgerRow, lang dangjian.Lang, rate func(funding.Rate) string, text func(string) string) []byte {
	flag := func(b []byte, v bool) []byte {
		if v {
			return append(b, ledgerFlags[lang][1]...)
		}
		return append(b, ledgerFlags[lang][0]...)
	}
	d := &r.Dues
	b = csvtable.AppendField(b, text(d.Member))
	b = append(b, ',')
	b = csvtable.AppendField(b, text(r.Name))
	b = append(b, ',')
	b = append(b, categoryFields[lang][d.Category&15]...)
	b = append(b, ',')
	if !d.Category.IsFlat() && !d.NotYetDue {
		b = appendMoney(b, d.Base)
		b = append(b, ',')
		b = append(b, rate(d.Rate)...) // a plain decimal: never quoted
	} else {
		b = append(b, ',')
	}
	b = append(b, ',')
	b = appendMoney(b, d.Amount)
	b = append(b, ',')
	b = csvtable.AppendField(b, d.Rule)
	b = append(b, ',')
	b = appendMoney(b, d.Voluntary)
	b = append(b, ',')
	b = appendMoney(b, d.Total)
	b = append(b, ',')
	b = flag(b, d.Capped)
	b = append(b, ',')
	b = flag(b, d.LumpSum)
	b = append(b, ',')
	b = flag(b, d.Reduced)
	b = append(b, ',')
	b = flag(b, d.NotYetDue)
	return append(b, '\n')
}

// categoryFields are the category cells of a ledger, by language and
// category, as CSV fields: the English code, or the Chinese label.
var categoryFields = func() (out [2][16]string) {
	for c := Category(1); c.IsValid() && c < 16; c++ {
		out[dangjian.English][c] = string(csvtable.AppendField(nil, c.String()))
		out[dangjian.Chinese][c] = string(csvtable.AppendField(nil, c.Label()))
	}
	return out
}()

// appendMoney appends m as [funding.Money.String] writes it ("6234.50",
// "-12.50"): digits, a point and a sign, which a CSV field never quotes.
func appendMoney(b []byte, m funding.Money) []byte {
	f := m.Fen()
	u := uint64(f)
	if f < 0 {
		b = append(b, '-')
		u = uint64(-(f + 1)) + 1
	}
	b = strconv.AppendUint(b, u/100, 10)
	return append(b, '.', byte('0'+u%100/10), byte('0'+u%10))
}

// LedgerSummary is the summary of a month's ledger: how many members of
// each category, the dues, the voluntary payments and the lump sums to
// remit to the Centre, and which members were capped, reduced or not yet
// due. Its amounts are the exact sums of the lines: nothing is rounded.
type LedgerSummary struct {
	// Members is the number of lines, less those paid at another
	// organization (PaidElsewhere).
	Members int `json:"members"`
	// Categories has a line for every category with at least one member,
	// in the order of [Categories].
	Categories []CategoryCount `json:"categories"`
	// Dues is the sum of the dues (Result.Amount), Voluntary the sum of the
	// voluntary payments and Total the sum of the lines' totals.
	Dues      funding.Money `json:"dues"`
	Voluntary funding.Money `json:"voluntary"`
	Total     funding.Money `json:"total"`
	// LumpSum is the sum of the voluntary payments of 1000 元 or more
	// (Result.LumpSum), which are remitted to the Centre in full
	// (规定 第十一条); it is part of Voluntary. LumpSumMembers lists the
	// members who paid them.
	LumpSum        funding.Money `json:"lumpSum"`
	LumpSumMembers []string      `json:"lumpSumMembers,omitempty"`
	// Ordinary is Total less LumpSum: the dues and the voluntary payments
	// below a lump sum, which [remit.Split] takes as collected.
	Ordinary funding.Money `json:"ordinary"`
	// Capped, Reduced and NotYetDue list the members whose dues were
	// capped, reduced or exempted, or not yet due, in line order.
	Capped    []string `json:"capped,omitempty"`
	Reduced   []string `json:"reduced,omitempty"`
	NotYetDue []string `json:"notYetDue,omitempty"`
	// PaidElsewhere has one entry per organization other than the
	// roster's own that collected members' dues ([Result].PayingOrg: a
	// mobile member paying at the inflow organization,
	// DUES-MOBILE-INFLOW), in the order first met. Such a line is counted
	// there and nowhere else in the summary: not in Members, Categories,
	// Dues, Voluntary, Total, LumpSum, Ordinary or the member lists above,
	// which are what the roster's own organization collected. A mobile
	// member is thus counted once, where the dues were paid.
	PaidElsewhere []PaidElsewhere `json:"paidElsewhere,omitempty"`
}

// PaidElsewhere is what one other organization collected from members of
// the roster: how many, who, and the exact sums of their lines.
type PaidElsewhere struct {
	Org       string        `json:"org"`
	Members   []string      `json:"members"`
	Dues      funding.Money `json:"dues"`
	Voluntary funding.Money `json:"voluntary"`
	Total     funding.Money `json:"total"`
	// LumpSum is the part of Voluntary paid in lump sums of 1000 元 or
	// more, which that organization remits to the Centre.
	LumpSum funding.Money `json:"lumpSum"`
}

// CategoryCount is the number of members of one category in a ledger and
// the sum of their dues and voluntary payments.
type CategoryCount struct {
	Category  Category      `json:"category"`
	Members   int           `json:"members"`
	Dues      funding.Money `json:"dues"`
	Voluntary funding.Money `json:"voluntary"`
}

// Summarize sums a month's dues. Each total is the exact sum of the
// corresponding field of the lines (those paid at another organization
// summed apart, in PaidElsewhere), so the summary equals the ledger to
// the fen. A line with an invalid category is an error wrapping
// [ErrBadMember]; a sum out of range is an error wrapping [funding.ErrOverflow].
// Summarize does not change rows, so it may run concurrently with other
// readers of them.
func Summarize(rows []Result) (LedgerSummary, error) {
	var t Tally
	for _, d := range rows {
		if err := t.Add(d); err != nil {
			return LedgerSummary{}, err
		}
	}
	return t.Summary()
}

// Tally sums a month's dues one line at a time, as [Summarize] sums them
// all at once: it keeps the sums, the counts by category and the lists of
// members capped, reduced, not yet due or paying a lump sum, not the
// lines. The zero Tally is empty and ready to use; a Tally is not safe for
// concurrent use.
type Tally struct {
	s         LedgerSummary
	counts    [16]CategoryCount
	err       error
	lines     int            // the lines added, here or elsewhere
	elsewhere map[string]int // PayingOrg → index in s.PaidElsewhere; nil until a line paid elsewhere
}

// Add adds one line. A line with an invalid category is an error wrapping
// [ErrBadMember], and a sum out of range one wrapping
// [funding.ErrOverflow]: the line is then not added, and every later Add
// and Summary return the same error. Paths count the lines from 0.
func (t *Tally) Add(d Result) error {
	if t.err != nil {
		return t.err
	}
	i := t.lines
	if !d.Category.IsValid() || int(d.Category) >= len(t.counts) {
		t.err = &dangjian.Problem{Kind: ErrBadMember, Path: "rows[" + strconv.Itoa(i) + "].category", ID: d.Member,
			Value: d.Category.String(), Detail: "unknown category"}
		return t.err
	}
	if d.PayingOrg != "" {
		return t.addElsewhere(&d, i)
	}
	s, c := &t.s, &t.counts[d.Category]
	if t.addFast(&d, s, c) {
		t.lines++
		return nil
	}
	// The sums are checked before any is changed, so that a line that
	// overflows one of them is not added at all.
	sums := [...]struct {
		to    *funding.Money
		m     funding.Money
		field string
	}{
		{&c.Dues, d.Amount, "amount"}, {&c.Voluntary, d.Voluntary, "voluntary"},
		{&s.Dues, d.Amount, "amount"}, {&s.Voluntary, d.Voluntary, "voluntary"},
		{&s.Total, d.Total, "total"}, {&s.LumpSum, d.Voluntary, "voluntary"},
	}
	n := len(sums)
	if !d.LumpSum {
		n-- // the lump sum is added only for a lump sum
	}
	var got [len(sums)]funding.Money
	for k := range sums[:n] {
		v, err := sums[k].to.Add(sums[k].m)
		if err != nil {
			pr := funderr.At("rows["+strconv.Itoa(i)+"]."+sums[k].field, err, funding.ErrOverflow)
			pr.ID = d.Member
			t.err = pr
			return t.err
		}
		got[k] = v
	}
	for k := range sums[:n] {
		*sums[k].to = got[k]
	}
	count(&d, s, c)
	t.lines++
	return nil
}

// addElsewhere adds line i, d, paid at another organization, to that
// organization's entry only.
func (t *Tally) addElsewhere(d *Result, i int) error {
	k, ok := t.elsewhere[d.PayingOrg]
	if !ok {
		if t.elsewhere == nil {
			t.elsewhere = map[string]int{}
		}
		k = len(t.s.PaidElsewhere)
		t.elsewhere[d.PayingOrg] = k
		t.s.PaidElsewhere = append(t.s.PaidElsewhere, PaidElsewhere{Org: d.PayingOrg})
	}
	e := &t.s.PaidElsewhere[k]
	sums := [...]struct {
		to    *funding.Money
		m     funding.Money
		field string
	}{{&e.Dues, d.Amount, "amount"}, {&e.Voluntary, d.Voluntary, "voluntary"}, {&e.Total, d.Total, "total"}, {&e.LumpSum, d.Voluntary, "voluntary"}}
	n := len(sums)
	if !d.LumpSum {
		n--
	}
	var got [len(sums)]funding.Money
	for k := range sums[:n] {
		v, err := sums[k].to.Add(sums[k].m)
		if err != nil {
			pr := funderr.At("rows["+strconv.Itoa(i)+"]."+sums[k].field, err, funding.ErrOverflow)
			pr.ID = d.Member
			t.err = pr
			return t.err
		}
		got[k] = v
	}
	for k := range sums[:n] {
		*sums[k].to = got[k]
	}
	e.Members = append(e.Members, d.Member)
	t.lines++
	return nil
}

// addFast adds line d as Add does when no sum overflows, in int64 fen;
// false (and nothing changed) when one would, for Add to report it.
func (t *Tally) addFast(d *Result, s *LedgerSummary, c *CategoryCount) bool {
	amount, vol, total := d.Amount.Fen(), d.Voluntary.Fen(), d.Total.Fen()
	cd, ok1 := addFen(c.Dues.Fen(), amount)
	cv, ok2 := addFen(c.Voluntary.Fen(), vol)
	sd, ok3 := addFen(s.Dues.Fen(), amount)
	sv, ok4 := addFen(s.Voluntary.Fen(), vol)
	st, ok5 := addFen(s.Total.Fen(), total)
	sl, ok6 := s.LumpSum.Fen(), true
	if d.LumpSum {
		sl, ok6 = addFen(sl, vol)
	}
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6) {
		return false
	}
	c.Dues, c.Voluntary = funding.Fen(cd), funding.Fen(cv)
	s.Dues, s.Voluntary, s.Total, s.LumpSum = funding.Fen(sd), funding.Fen(sv), funding.Fen(st), funding.Fen(sl)
	count(d, s, c)
	return true
}

// count adds line d to the counts and member lists of s and c, once its
// amounts are summed.
func count(d *Result, s *LedgerSummary, c *CategoryCount) {
	c.Category = d.Category
	c.Members++
	s.Members++
	if d.LumpSum {
		s.LumpSumMembers = append(s.LumpSumMembers, d.Member)
	}
	if d.Capped {
		s.Capped = append(s.Capped, d.Member)
	}
	if d.Reduced {
		s.Reduced = append(s.Reduced, d.Member)
	}
	if d.NotYetDue {
		s.NotYetDue = append(s.NotYetDue, d.Member)
	}
}

// addFen returns a+b, and false if it overflows an int64.
func addFen(a, b int64) (int64, bool) {
	c := a + b
	return c, (c > a) == (b > 0)
}

// Summary returns the summary of the lines added so far, or the error
// that stopped Add.
func (t *Tally) Summary() (LedgerSummary, error) {
	if t.err != nil {
		return LedgerSummary{}, t.err
	}
	s := t.s
	var err error
	if s.Ordinary, err = s.Total.Sub(s.LumpSum); err != nil {
		return LedgerSummary{}, funderr.At("ordinary", err, funding.ErrOverflow)
	}
	if s.PaidElsewhere != nil {
		// A copy: later lines change the tally's entries in place.
		s.PaidElsewhere = slices.Clone(s.PaidElsewhere)
		for k := range s.PaidElsewhere {
			s.PaidElsewhere[k].Members = slices.Clone(s.PaidElsewhere[k].Members)
		}
	}
	s.Categories = []CategoryCount{}
	for _, c := range t.counts {
		if c.Members > 0 {
			s.Categories = append(s.Categories, c)
		}
	}
	return s, nil
}
