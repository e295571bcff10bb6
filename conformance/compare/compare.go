package compare

import (
	"errors"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
	"github.com/dangjian-go/dangjian/funding/dues"
	"github.com/dangjian-go/dangjian/internal/catalogue"
)

// Input names what [Compare] reads: INPUT, the data the library computes
// from, and GOT, the other system's export of its answer for it.
type Input struct {
	// Kind is what is compared.
	Kind Kind
	// Open opens INPUT from its start. It is called once, but twice for
	// [Dues]: the roster is read once before the comparison, for member
	// IDs on two rows (every row of such an ID is left out).
	Open func() (io.ReadCloser, error)
	// Name is INPUT's name in problems ("roster.csv"); a name ending in
	// .json (any case) reads a JSON roster, subjects file or tree, as
	// examples/dues, examples/assess and examples/orgchart do (a payroll
	// is CSV).
	Name string
	// Got is the other system's export, a CSV table.
	Got io.Reader
	// GotName is GOT's name in problems.
	GotName string
}

// Options are the options of [Compare]. The zero value is the defaults,
// but Date is needed by every kind but tax.
type Options struct {
	// Date is the day the library's answer is for: the month of the dues
	// (any day of it), the day an organization tree is validated on. Tax
	// takes its months from the payroll.
	Date dangjian.Date
	// DuesRules is the rule set of [Dues] (examples/conform -rules): nil
	// for the set in force on Date ([dues.RulesFor]). A set not in force
	// for Date's month is an error of kind [dangjian.ErrOutOfPeriod].
	DuesRules *dues.Rules
	// Scheme is the assessment scheme of -kind assess, and Policy the
	// grading policy of its cohort (nil: the scheme's grades, without
	// quotas); [LoadScheme] returns both for a reference scheme.
	Scheme assess.Scheme
	Policy *assess.GradePolicy
	// Limits bound the reading of INPUT and of GOT alike: their bytes,
	// rows and one row's bytes, and the problems listed (MaxProblems, then
	// one problem counting the rest). The zero value is the defaults of
	// [dangjian.Limits].
	Limits dangjian.Limits
}

// Difference is one row on which the library and the platform disagree.
type Difference struct {
	// Status says whether both sides have the row (Differs) or one lacks
	// it.
	Status Status `json:"status"`
	// ID is the row's member, subject or organization ID; Month the
	// month of a tax row (YYYY-MM); Rule the rule of an org row when GOT
	// names rules.
	ID    string `json:"id"`
	Month string `json:"month,omitempty"`
	Rule  string `json:"rule,omitempty"`
	// Line is the row's line in GOT (0 when GOT lacks it); InputLine its
	// line in INPUT (0 when INPUT lacks it or is not line-based).
	Line      int `json:"line,omitempty"`
	InputLine int `json:"inputLine,omitempty"`
	// Library and Platform are the two values as text ("" on the side
	// that lacks the row). For org rows without rules the value is
	// "flagged" or "".
	Library  string `json:"library"`
	Platform string `json:"platform"`
	// Rules are the rules that decided the library's value, in the order
	// the computation applied them, with their sources.
	Rules []RuleRef `json:"rules,omitempty"`
	// Causes are the patterns that reproduce the platform's value
	// exactly, in the order they are tried (the most common first); none
	// when no pattern does.
	Causes []Cause `json:"causes,omitempty"`
	// Detail says more about the cause ("rate 0.01 of DUES-WAGE-2 at base
	// 5000.00").
	Detail string `json:"detail,omitempty"`
}

// Key returns the row's key as text: the ID, then the month or the rule
// when the kind has one ("0042", "0042 2024-03", "1001 ORG-BRANCH-MIN-3").
func (d Difference) Key() string {
	k := d.ID
	if d.Month != "" {
		k += " " + d.Month
	}
	if d.Rule != "" {
		k += " " + d.Rule
	}
	return k
}

// RuleRef is a rule of the library with its source, as the rules
// catalogue (RULES.md, rules.json) lists it.
type RuleRef struct {
	ID string `json:"id"`
	// Source cites the document and article ("中组发〔2008〕3号 第二条");
	// Confidence is the catalogue's mark ("verified", "library_choice").
	Source     string `json:"source,omitempty"`
	Confidence string `json:"confidence,omitempty"`
}

// CauseCount is the number of differences a cause reproduces.
type CauseCount struct {
	Cause Cause `json:"cause"`
	// Rows is the number of differences the cause reproduces.
	Rows int `json:"rows"`
	// Against is the number of rows on which GOT agrees with the library
	// but the cause would have given another value: a pattern of the
	// platform's is against none. It is counted for the rounding
	// patterns of dues and for every cause of tax (for tax_rounding,
	// which stands for two ways, to the 元 and cut to the fen: the way
	// that fits best, plus the differences of the cause it does not
	// reproduce).
	Against int `json:"against"`
}

// Report is what [Compare] found beside the differences.
type Report struct {
	// Compared is the number of rows compared: every key either side has
	// (M of "N of M differ"). Rows with problems are not counted.
	Compared int `json:"compared"`
	// Differ is the number of differences given to each (N).
	Differ int `json:"differ"`
	// Causes count, for each cause, the differences it reproduces and
	// the agreeing rows it is against, most differences first, then
	// fewest against, then in the order of the causes: a cause that
	// reproduces every difference and is against no row names the
	// platform's pattern even where a single row fits several (every row
	// Math.round gets wrong, BigDecimal(double) gets wrong too, but not
	// the other way round).
	Causes []CauseCount `json:"causes,omitempty"`
	// Problems are the problems of INPUT's and GOT's rows (cells that
	// cannot be read, repeated keys, rows the library cannot compute),
	// each with its file, line and the row's own ID, at most
	// Limits.MaxProblems of them, then one counting the rest.
	Problems dangjian.Problems `json:"problems,omitempty"`
}

// errNoDate is the detail of the problem of a kind that needs
// [Options].Date without it.
var errNoDate = "the kind needs a date: the month of the dues, the day of the tree"

// Compare computes the library's answer for INPUT, reads GOT and gives
// each row on which they differ to each (nil: the report alone), in
// INPUT's order, then the rows only GOT has, in GOT's order. The rows
// compared are matched by key: the ID for dues and assess, ID and month
// for tax, the ID (or ID and rule) for org.
//
// Memory: GOT is read first and kept keyed (for each row its key, its
// value as written and its line: about 170 bytes a row with IDs of 8
// bytes, measured on a million rows; more with longer keys and values);
// INPUT is then streamed a row at a time for dues (twice: once without
// computing, for member IDs on two rows, then to compare; the roster
// reader keeps the set of IDs) and tax (a few words a member for the
// year's running state), and held as the library's own computation holds
// it for assess (the cohort's results, to grade it) and org (the tree
// and its flagged organizations). GOT is bounded by Limits like INPUT.
//
// Compare returns the report, with the problems of rows (the good rows
// are compared all the same), or the error that stopped it: a problem of
// a whole file (a bad header, text that is not CSV, JSON or UTF-8, a
// limit met), of kind [dangjian.ErrHeader], [dangjian.ErrSyntax] or
// [dangjian.ErrLimit], in the file's name; an error of Open or of a
// reader as it is; or the first error each returns.
func Compare(in Input, opts Options, each func(Difference) error) (Report, error) {
	if !in.Kind.IsValid() {
		return Report{}, &dangjian.Problem{Kind: dangjian.ErrInvalid, Path: "kind", Value: in.Kind.String(), Detail: "want dues, tax, assess or org"}
	}
	if in.Kind != Tax && opts.Date.IsZero() {
		return Report{}, &dangjian.Problem{Kind: dangjian.ErrMissing, Path: "date", Detail: errNoDate}
	}
	if in.Open == nil || in.Got == nil {
		return Report{}, &dangjian.Problem{Kind: dangjian.ErrMissing, Path: "input", Detail: "both INPUT and GOT are needed"}
	}
	if each == nil {
		each = func(Difference) error { return nil } // the report alone
	}
	c := &run{in: in, opts: opts, each: each, problems: dangjian.NewProblemCap(opts.Limits.Problems())}
	got, err := ReadGot(in.Got, in.Kind, opts.Limits, func(p *dangjian.Problem) {
		p.File = in.GotName
		c.problems.Add(p)
	})
	if err != nil {
		return Report{}, inFile(err, in.GotName)
	}
	c.got = got
	switch in.Kind {
	case Dues:
		err = c.dues()
	case Org:
		err = c.org()
	case Tax:
		err = c.tax()
	case Assess:
		err = c.assess()
	default:
		err = &dangjian.Problem{Kind: dangjian.ErrInvalid, Path: "kind", Value: in.Kind.String(), Detail: "not compared yet"}
	}
	if err != nil {
		return Report{}, err
	}
	if err := c.gotOnly(); err != nil {
		return Report{}, err
	}
	return Report{Compared: c.compared, Differ: c.differ, Causes: c.causeCounts(), Problems: c.problems.Problems()}, nil
}

// run is the state of one Compare.
type run struct {
	in       Input
	opts     Options
	each     func(Difference) error
	got      *Got
	problems *dangjian.ProblemCap
	compared int
	differ   int
	causes   [len(causeText)]int
	against  [len(causeText)]int
	// gotOnlyDetail, if set, says why the library has no row of a key
	// only GOT has.
	gotOnlyDetail func(key string) string
}

// inputProblems adds the problems of an INPUT row, in INPUT's file.
func (c *run) inputProblems(ps dangjian.Problems) {
	for _, q := range ps.InFile(c.in.Name) {
		c.problems.Add(q)
	}
}

// emit gives d to each and counts it.
func (c *run) emit(d Difference) error {
	c.differ++
	for _, k := range d.Causes {
		if k.IsValid() {
			c.causes[k]++
		}
	}
	return c.each(d)
}

// match compares the library's value lib for key with GOT's: the row
// compared is counted, and a difference built by diff (given GOT's row,
// nil when GOT lacks it) is emitted when the values differ or GOT lacks
// the row. A key whose GOT row is bad is left out: its problem is
// reported.
func (c *run) match(key string, same func(g *gotRow) bool, diff func(g *gotRow) Difference) error {
	g := c.got.rows[key]
	if g != nil {
		if g.seen {
			return nil // a repeated INPUT row: the scanner reported it
		}
		g.seen = true
		if g.bad {
			return nil
		}
	}
	c.compared++
	if g != nil && same(g) {
		return nil
	}
	return c.emit(diff(g))
}

// skip leaves key out of the comparison: its INPUT row has a problem,
// reported, so GOT's row is neither compared nor missing from INPUT.
func (c *run) skip(key string) {
	if g := c.got.rows[key]; g != nil {
		g.seen = true
	}
}

// gotOnly emits GOT's rows that no INPUT row matched, in GOT's order.
func (c *run) gotOnly() error {
	for _, key := range c.got.order {
		g := c.got.rows[key]
		if g.seen || g.bad {
			continue
		}
		c.compared++
		d := Difference{Status: MissingFromInput, Line: g.line, Platform: g.text}
		d.ID, d.Month, d.Rule = splitKey(c.in.Kind, key)
		if c.gotOnlyDetail != nil {
			d.Detail = c.gotOnlyDetail(key)
		}
		if err := c.emit(d); err != nil {
			return err
		}
	}
	return nil
}

// inFile returns err with each of its problems placed in the file name.
func inFile(err error, name string) error {
	var p *dangjian.Problem
	if errors.As(err, &p) && !isProblems(err) {
		q := *p
		q.File = name
		return &q
	}
	ps, ok := err.(dangjian.Problems)
	if !ok {
		return err
	}
	return ps.InFile(name)
}

func isProblems(err error) bool {
	_, ok := err.(dangjian.Problems)
	return ok
}

// keySep separates the parts of a key.
const keySep = "\x00"

func joinKey(parts ...string) string { return strings.Join(parts, keySep) }

// splitKey returns the ID, month and rule of a key of kind: the ID
// alone, the ID and a month (tax), or the ID and a rule (org).
func splitKey(kind Kind, key string) (id, month, rule string) {
	id, rest, ok := strings.Cut(key, keySep)
	switch {
	case !ok:
		return id, "", ""
	case kind == Tax:
		return id, rest, ""
	}
	return id, "", rest
}

// rulesCatalogue is the rules catalogue, keyed by rule ID, built once.
var rulesCatalogue = sync.OnceValue(func() map[string]catalogue.Entry {
	c, err := catalogue.Build()
	m := map[string]catalogue.Entry{}
	if err != nil {
		return m // the catalogue's own tests fail; the rules show without sources
	}
	for _, e := range c.Rules {
		m[e.ID] = e
	}
	return m
})

// ruleRefs returns the rules of ids with their sources, each once, in
// order.
func ruleRefs(ids []string) []RuleRef {
	cat := rulesCatalogue()
	var out []RuleRef
	seen := map[string]bool{}
	for _, id := range ids {
		if id == "" || seen[id] {
			continue
		}
		seen[id] = true
		r := RuleRef{ID: id}
		if e, ok := cat[id]; ok {
			r.Source = strings.TrimSpace(e.Source.Doc + " " + e.Source.Article)
			r.Confidence = e.Source.Confidence
		}
		out = append(out, r)
	}
	return out
}

// causeCounts returns the causes found, most rows first.
func (c *run) causeCounts() []CauseCount {
	var out []CauseCount
	for k, n := range c.causes {
		if n > 0 {
			out = append(out, CauseCount{Cause: Cause(k), Rows: n, Against: c.against[k]})
		}
	}
	slices.SortStableFunc(out, func(a, b CauseCount) int {
		if a.Rows != b.Rows {
			return b.Rows - a.Rows
		}
		return a.Against - b.Against
	})
	return out
}
