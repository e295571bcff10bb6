package assess

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/rat"
)

// HitPolicy says how the rules of a decision table that match a subject
// make the table's result. The policies and their one-letter forms are
// those of OMG DMN (ASSESSMENT-PRACTICE.md §B1). The empty HitPolicy means
// [HitUnique], DMN's default.
//
// A table scores one leaf indicator, so its result is one number of
// points:
//
//   - UNIQUE, FIRST, PRIORITY and ANY are single-hit policies: the points
//     are those of the one rule selected.
//   - COLLECT with an [Aggregation] gives the aggregate of the matched
//     rules' points (COUNT gives the number of matched rules, as points).
//   - COLLECT without an aggregation, RULE ORDER and OUTPUT ORDER are
//     DMN's multiple-hit policies: their result is a list of the matched
//     rules' outputs (in arbitrary order, in rule order, or in the order
//     of the output values list). This library sums that list to score
//     the leaf. That is this library's choice, not DMN's: DMN defines the
//     list and leaves its use to whoever consumes the decision. The trace
//     names the rules hit in the policy's order and records the list and
//     its sum.
//
// When no rule matches, DMN's result is null; this library scores 0 and
// records "no rule matched" in the trace. Points above the leaf's maximum
// (possible only for a multiple-hit sum or a count) are clamped to it, with
// a note.
type HitPolicy string

// The hit policies. [Compile] also accepts DMN's one-letter forms
// U, F, P, A, C, R and O, and C+, C<, C> and C# for COLLECT with SUM, MIN,
// MAX and COUNT.
const (
	// HitUnique: at most one rule can match (DMN's default). A scheme
	// whose UNIQUE table has two rules that can both match does not
	// compile; the problem names both rules and a value they share.
	HitUnique HitPolicy = "UNIQUE"
	// HitFirst: the first matching rule in rule order.
	HitFirst HitPolicy = "FIRST"
	// HitPriority: among the matching rules, the one whose points come
	// first in [Table.Outputs], the output values list in priority order
	// (ties go to the rule listed first).
	HitPriority HitPolicy = "PRIORITY"
	// HitAny: several rules may match, but they must give the same points.
	// Overlapping rules with different points do not compile (DMN leaves
	// the result undefined).
	HitAny HitPolicy = "ANY"
	// HitCollect: every matching rule, in rule order (DMN: in arbitrary
	// order); aggregated by [Table.Aggregation], or summed when there is
	// none.
	HitCollect HitPolicy = "COLLECT"
	// HitRuleOrder: every matching rule, in rule order; summed.
	HitRuleOrder HitPolicy = "RULE ORDER"
	// HitOutputOrder: every matching rule, in the order of its points in
	// [Table.Outputs]; summed.
	HitOutputOrder HitPolicy = "OUTPUT ORDER"
)

// Aggregation is the operator of a COLLECT table. The empty Aggregation
// means none: the matched rules' points are summed as a list (see
// [HitPolicy]). The symbolic forms +, <, > and # are accepted too.
type Aggregation string

// The COLLECT aggregations.
const (
	AggNone  Aggregation = ""      // no operator: the list of points, summed
	AggSum   Aggregation = "SUM"   // C+: the sum of the points
	AggMin   Aggregation = "MIN"   // C<: the smallest points
	AggMax   Aggregation = "MAX"   // C>: the largest points
	AggCount Aggregation = "COUNT" // C#: the number of matching rules, as points
)

// The kinds of a [TableInput].
const (
	// NumberInput is read from [Subject.Values] and tested exactly.
	NumberInput = "number"
	// TextInput is read from [Subject.Fields] and compared byte for byte.
	TextInput = "text"
)

// MaxTableRules is the most rules a decision table may have; checked by
// [Compile].
const MaxTableRules = 2000

// Table is a decision table that scores a leaf indicator: input columns,
// rules (rows) whose cells test the inputs, each rule giving points, and a
// [HitPolicy] saying how matching rules make the result.
//
// A cell is a DMN unary test, written as text:
//
//	"-" or ""          any value
//	< 36   <= 36   > 36   >= 36
//	= 36   or  36      equal (numbers compare exactly: 36 = 36.0)
//	[20..39]           20 ≤ x ≤ 39; "(" or "]" opens the start, ")" or "[" the end:
//	(20..39]  [20..39)  ]20..39[
//	1, 2, [5..9]       a list: any of its tests
//	"村", "社区"        text: any of the quoted strings (\" and \\ escape)
//	not(< 60)          none of the listed tests: not("村"), not(1, 2)
//
// "-" stands alone (not inside a list or not(...)), and not(...) does not
// nest.
//
// Numbers are decimals ("-2", "0.5"), held exactly, never as floats. A
// number input takes numbers, comparisons and intervals; a text input
// takes quoted strings (= "A" is the same as "A").
//
// [Compile] checks a table completely: inputs named, unique and of a known
// kind; one cell per input in every rule; every cell valid for its input's
// kind and matching at least one value; rule IDs unique; points in
// [0, the leaf's max] and, when Outputs is given (required for PRIORITY
// and OUTPUT ORDER), listed in Outputs; an aggregation only with COLLECT;
// no two rules of a UNIQUE table that can match the same subject, and no
// two rules of an ANY table that can match the same subject with
// different points. The overlap check is exact over the rationals and all
// strings: each cell is a union of intervals or a (co-)finite set of
// strings, and two rules overlap when their cells intersect for every
// input.
//
// A subject that lacks an input some rule tests is an input error
// ([ErrInput]); an input that every rule leaves at "-" is not read.
//
// A Table is plain data. [Compile] copies what it needs: changing a Table
// afterwards does not change the [Scorer].
type Table struct {
	HitPolicy   HitPolicy    `json:"hitPolicy,omitempty"`
	Aggregation Aggregation  `json:"aggregation,omitempty"`
	Inputs      []TableInput `json:"inputs"`
	// Outputs is DMN's output values list: the points a rule may give, in
	// priority order (highest priority first) for PRIORITY and OUTPUT
	// ORDER. When given, every rule's points must be one of them.
	Outputs []Num       `json:"outputs,omitempty"`
	Rules   []TableRule `json:"rules"`
}

// TableInput is an input column of a [Table]: a number read from
// [Subject.Values] under Name, or a text read from [Subject.Fields]. Kind
// is [NumberInput] or [TextInput].
type TableInput struct {
	Name string `json:"name"`
	Kind string `json:"kind"`
}

// TableRule is a rule (row) of a [Table]: one unary test per input, in the
// order of [Table.Inputs], and the points it gives. ID is stable and
// names the rule in the trace; Source cites the scheme source it comes
// from. Points may be left out under COUNT, which ignores them.
type TableRule struct {
	ID     string   `json:"id"`
	When   []string `json:"when"`
	Points Num      `json:"points"`
	Source string   `json:"source,omitempty"`
}

// ---------------------------------------------------------------------
// Unary tests: the cell language.

// testItem is one positive test of a cell: a comparison, an equality or an
// interval, against a number or (equality only, for text) a string.
type testItem struct {
	op         string // "=", "<", "<=", ">", ">=", or "..": an interval
	str        bool   // the operand is a string (s), not a number (a)
	s          string
	a, b       rat.Rat // a: the operand or the interval's start; b: its end
	aOpen      bool    // the interval excludes its start
	bOpen      bool    // the interval excludes its end
	start, end int     // the item's bytes in the cell
}

// unaryTest is a parsed cell: any value, or a list of items, negated by
// not(...).
type unaryTest struct {
	any   bool
	not   bool
	items []testItem
}

// cellError is a syntax or kind error in a cell, at a byte offset (or none
// when off < 0).
type cellError struct {
	off int
	msg string
}

func (e *cellError) Error() string {
	if e.off < 0 {
		return e.msg
	}
	return e.msg + " at offset " + strconv.Itoa(e.off)
}

type cellParser struct {
	s string
	i int
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func (p *cellParser) ws() {
	for p.i < len(p.s) && isSpace(p.s[p.i]) {
		p.i++
	}
}

func (p *cellParser) fail(off int, format string, args ...any) *cellError {
	return &cellError{off: off, msg: fmt.Sprintf(format, args...)}
}

// unexpected reports the character at offset i.
func (p *cellParser) unexpected(i int) *cellError {
	r, size := utf8.DecodeRuneInString(p.s[i:])
	if r == utf8.RuneError && size <= 1 {
		return p.fail(i, "unexpected byte %#x", p.s[i])
	}
	return p.fail(i, "unexpected %q", r)
}

// parseUnaryTest parses a cell. It never panics; the error is a
// *cellError.
func parseUnaryTest(cell string) (unaryTest, error) {
	p := cellParser{s: cell}
	p.ws()
	if p.i == len(p.s) {
		return unaryTest{any: true}, nil
	}
	if p.s[p.i] == '-' {
		j := p.i + 1
		for j < len(p.s) && isSpace(p.s[j]) {
			j++
		}
		if j == len(p.s) {
			return unaryTest{any: true}, nil
		}
	}
	var t unaryTest
	if strings.HasPrefix(p.s[p.i:], "not") {
		p.i += 3
		p.ws()
		if p.i == len(p.s) || p.s[p.i] != '(' {
			return unaryTest{}, p.fail(p.i, `want "(" after not`)
		}
		p.i++
		t.not = true
	}
	items, err := p.list()
	if err != nil {
		return unaryTest{}, err
	}
	t.items = items
	p.ws()
	if t.not {
		if p.i == len(p.s) || p.s[p.i] != ')' {
			if p.i == len(p.s) {
				return unaryTest{}, p.fail(p.i, `want ")" to close not(`)
			}
			return unaryTest{}, p.unexpected(p.i)
		}
		p.i++
		p.ws()
	}
	if p.i < len(p.s) {
		return unaryTest{}, p.unexpected(p.i)
	}
	return t, nil
}

func (p *cellParser) list() ([]testItem, error) {
	var items []testItem
	for {
		it, err := p.item()
		if err != nil {
			return nil, err
		}
		items = append(items, it)
		p.ws()
		if p.i < len(p.s) && p.s[p.i] == ',' {
			p.i++
			continue
		}
		return items, nil
	}
}

func (p *cellParser) item() (testItem, error) {
	p.ws()
	start := p.i
	if p.i == len(p.s) || p.s[p.i] == ',' || p.s[p.i] == ')' {
		return testItem{}, p.fail(p.i, "want a test")
	}
	var it testItem
	var err error
	switch c := p.s[p.i]; {
	case c == '"':
		it.op, it.str = "=", true
		it.s, err = p.str()
	case c == '<' || c == '>' || c == '=':
		it.op = string(c)
		p.i++
		if c != '=' && p.i < len(p.s) && p.s[p.i] == '=' {
			it.op += "="
			p.i++
		}
		p.ws()
		switch {
		case p.i == len(p.s):
			return testItem{}, p.fail(p.i, "want a number or a quoted string after %q", it.op)
		case p.s[p.i] == '"':
			it.str = true
			it.s, err = p.str()
		default:
			it.a, err = p.number()
		}
	case c == '[' || c == '(' || c == ']':
		it.op = ".."
		it.aOpen = c != '['
		p.i++
		p.ws()
		if it.a, err = p.number(); err != nil {
			return testItem{}, err
		}
		p.ws()
		if !strings.HasPrefix(p.s[p.i:], "..") {
			return testItem{}, p.fail(p.i, `want ".." in the interval`)
		}
		p.i += 2
		p.ws()
		if it.b, err = p.number(); err != nil {
			return testItem{}, err
		}
		p.ws()
		if p.i == len(p.s) || (p.s[p.i] != ']' && p.s[p.i] != ')' && p.s[p.i] != '[') {
			return testItem{}, p.fail(p.i, `want "]", ")" or "[" to close the interval`)
		}
		it.bOpen = p.s[p.i] != ']'
		p.i++
	case c == '-' || isDigit(c):
		if c == '-' && (p.i+1 == len(p.s) || !isDigit(p.s[p.i+1])) {
			return testItem{}, p.fail(p.i, `"-" (any value) stands alone`)
		}
		it.op = "="
		it.a, err = p.number()
	case strings.HasPrefix(p.s[p.i:], "not"):
		return testItem{}, p.fail(p.i, "not(...) takes a list of tests and cannot be nested")
	default:
		return testItem{}, p.unexpected(p.i)
	}
	if err != nil {
		return testItem{}, err
	}
	it.start, it.end = start, p.i
	return it, nil
}

// number reads -?digits(.digits)? exactly.
func (p *cellParser) number() (rat.Rat, error) {
	start := p.i
	j := p.i
	if j < len(p.s) && p.s[j] == '-' {
		j++
	}
	d := j
	for j < len(p.s) && isDigit(p.s[j]) {
		j++
	}
	if j == d {
		return rat.Rat{}, p.fail(start, "want a number")
	}
	if j+1 < len(p.s) && p.s[j] == '.' && isDigit(p.s[j+1]) {
		j++
		for j < len(p.s) && isDigit(p.s[j]) {
			j++
		}
	}
	text := p.s[start:j]
	r, err := rat.Parse(text)
	if err != nil {
		return rat.Rat{}, p.fail(start, "number %s out of range", text)
	}
	p.i = j
	return r, nil
}

// str reads a quoted string with \" and \\ escapes.
func (p *cellParser) str() (string, error) {
	start := p.i
	p.i++
	var b strings.Builder
	for p.i < len(p.s) {
		switch c := p.s[p.i]; c {
		case '"':
			p.i++
			return b.String(), nil
		case '\\':
			if p.i+1 < len(p.s) && (p.s[p.i+1] == '"' || p.s[p.i+1] == '\\') {
				b.WriteByte(p.s[p.i+1])
				p.i += 2
				continue
			}
			return "", p.fail(p.i, `bad escape (want \" or \\)`)
		default:
			b.WriteByte(c)
			p.i++
		}
	}
	return "", p.fail(start, "unterminated string")
}

// ---------------------------------------------------------------------
// Sets: a number cell is a union of intervals over the rationals; a text
// cell is a finite set of strings or the complement of one.

// bound is an end of an interval: a value, open or closed, or infinite
// (−∞ for a start, +∞ for an end).
type bound struct {
	v    rat.Rat
	inf  bool
	open bool
}

type interval struct{ lo, hi bound }

func (iv interval) contains(x rat.Rat) bool {
	if !iv.lo.inf {
		c := iv.lo.v.Cmp(x)
		if c > 0 || (c == 0 && iv.lo.open) {
			return false
		}
	}
	if !iv.hi.inf {
		c := x.Cmp(iv.hi.v)
		if c > 0 || (c == 0 && iv.hi.open) {
			return false
		}
	}
	return true
}

func (iv interval) empty() bool {
	if iv.lo.inf || iv.hi.inf {
		return false
	}
	c := iv.lo.v.Cmp(iv.hi.v)
	return c > 0 || (c == 0 && (iv.lo.open || iv.hi.open))
}

func (iv interval) String() string {
	var b strings.Builder
	switch {
	case iv.lo.inf:
		b.WriteString("(-∞")
	case iv.lo.open:
		b.WriteString("(" + iv.lo.v.String())
	default:
		b.WriteString("[" + iv.lo.v.String())
	}
	b.WriteString("..")
	switch {
	case iv.hi.inf:
		b.WriteString("+∞)")
	case iv.hi.open:
		b.WriteString(iv.hi.v.String() + ")")
	default:
		b.WriteString(iv.hi.v.String() + "]")
	}
	return b.String()
}

// cmpLo orders starts: −∞ first, then by value, a closed start before an
// open one at the same value.
func cmpLo(a, b bound) int {
	switch {
	case a.inf && b.inf:
		return 0
	case a.inf:
		return -1
	case b.inf:
		return 1
	}
	if c := a.v.Cmp(b.v); c != 0 {
		return c
	}
	switch {
	case a.open == b.open:
		return 0
	case a.open:
		return 1
	}
	return -1
}

// cmpHi orders ends: +∞ last, then by value, an open end before a closed
// one at the same value.
func cmpHi(a, b bound) int {
	switch {
	case a.inf && b.inf:
		return 0
	case a.inf:
		return 1
	case b.inf:
		return -1
	}
	if c := a.v.Cmp(b.v); c != 0 {
		return c
	}
	switch {
	case a.open == b.open:
		return 0
	case a.open:
		return -1
	}
	return 1
}

// normalize drops empty intervals, sorts and merges the rest into
// disjoint intervals that do not touch.
func normalize(ivs []interval) []interval {
	out := make([]interval, 0, len(ivs))
	for _, iv := range ivs {
		if !iv.empty() {
			out = append(out, iv)
		}
	}
	slices.SortFunc(out, func(a, b interval) int { return cmpLo(a.lo, b.lo) })
	merged := out[:0]
	for _, iv := range out {
		if n := len(merged); n > 0 && joins(merged[n-1].hi, iv.lo) {
			if cmpHi(iv.hi, merged[n-1].hi) > 0 {
				merged[n-1].hi = iv.hi
			}
			continue
		}
		merged = append(merged, iv)
	}
	return merged
}

// joins reports whether an interval ending at hi and one starting at lo
// (not before the first's start) overlap or touch with no gap.
func joins(hi, lo bound) bool {
	if hi.inf || lo.inf {
		return true
	}
	c := lo.v.Cmp(hi.v)
	return c < 0 || (c == 0 && !(lo.open && hi.open))
}

// complement returns the gaps of a normalized union over (−∞, +∞).
func complement(ivs []interval) []interval {
	var out []interval
	lo := bound{inf: true}
	for _, iv := range ivs {
		if !iv.lo.inf {
			out = append(out, interval{lo: lo, hi: bound{v: iv.lo.v, open: !iv.lo.open}})
		}
		if iv.hi.inf {
			return out
		}
		lo = bound{v: iv.hi.v, open: !iv.hi.open}
	}
	return append(out, interval{lo: lo, hi: bound{inf: true}})
}

// intersect returns the common part of two intervals (possibly empty).
func intersect(a, b interval) interval {
	out := a
	if cmpLo(b.lo, a.lo) > 0 {
		out.lo = b.lo
	}
	if cmpHi(b.hi, a.hi) < 0 {
		out.hi = b.hi
	}
	return out
}

// witness returns a value of a non-empty interval.
func (iv interval) witness() (rat.Rat, bool) {
	switch {
	case !iv.lo.inf && !iv.lo.open:
		return iv.lo.v, true
	case !iv.hi.inf && !iv.hi.open:
		return iv.hi.v, true
	case iv.lo.inf && iv.hi.inf:
		return rat.Zero, true
	case iv.hi.inf:
		x, err := iv.lo.v.Add(rat.One)
		return x, err == nil
	case iv.lo.inf:
		x, err := iv.hi.v.Sub(rat.One)
		return x, err == nil
	}
	// (lo..hi): the midpoint, as lo/2 + hi/2 to keep away from overflow.
	half := rat.Rat{N: 1, D: 2}
	a, err1 := iv.lo.v.Mul(half)
	b, err2 := iv.hi.v.Mul(half)
	if err1 != nil || err2 != nil {
		return rat.Rat{}, false
	}
	x, err := a.Add(b)
	return x, err == nil
}

// cell is a compiled cell: a union of intervals for a number input, a set
// or co-set of strings for a text input.
type cell struct {
	any  bool
	text bool
	ivs  []interval // number: normalized, non-empty
	vals []string   // text: sorted, unique
	co   bool       // text: every string except vals
	src  string
}

// shortList is the longest list matched by a linear scan; longer ones are
// searched by bisection.
const shortList = 8

func (c *cell) matchNum(x rat.Rat) bool {
	if c.any {
		return true
	}
	if len(c.ivs) <= shortList {
		for i := range c.ivs {
			if c.ivs[i].contains(x) {
				return true
			}
		}
		return false
	}
	// The first interval that does not end below x is the only candidate.
	i, _ := slices.BinarySearchFunc(c.ivs, x, func(iv interval, x rat.Rat) int {
		if iv.hi.inf {
			return 1
		}
		if c := iv.hi.v.Cmp(x); c != 0 || !iv.hi.open {
			return c
		}
		return -1
	})
	return i < len(c.ivs) && c.ivs[i].contains(x)
}

func (c *cell) matchText(s string) bool {
	if c.any {
		return true
	}
	if len(c.vals) <= shortList {
		for _, v := range c.vals {
			if v == s {
				return !c.co
			}
		}
		return c.co
	}
	_, found := slices.BinarySearch(c.vals, s)
	return found != c.co
}

// numberCell compiles a parsed test for a number input.
func numberCell(src string, t unaryTest) (cell, *cellError) {
	c := cell{src: src}
	if t.any {
		c.any, c.ivs = true, []interval{{lo: bound{inf: true}, hi: bound{inf: true}}}
		return c, nil
	}
	ivs := make([]interval, 0, len(t.items))
	for i := range t.items {
		it := &t.items[i]
		if it.str {
			return cell{}, &cellError{off: it.start, msg: fmt.Sprintf("want a number for a number input, found text %q", it.s)}
		}
		var iv interval
		switch it.op {
		case "=":
			iv = interval{lo: bound{v: it.a}, hi: bound{v: it.a}}
		case "<", "<=":
			iv = interval{lo: bound{inf: true}, hi: bound{v: it.a, open: it.op == "<"}}
		case ">", ">=":
			iv = interval{lo: bound{v: it.a, open: it.op == ">"}, hi: bound{inf: true}}
		default:
			iv = interval{lo: bound{v: it.a, open: it.aOpen}, hi: bound{v: it.b, open: it.bOpen}}
			if iv.empty() {
				return cell{}, &cellError{off: it.start, msg: fmt.Sprintf("interval %s matches no value", src[it.start:it.end])}
			}
		}
		ivs = append(ivs, iv)
	}
	c.ivs = normalize(ivs)
	if t.not {
		c.ivs = complement(c.ivs)
	}
	if len(c.ivs) == 0 {
		return cell{}, &cellError{off: -1, msg: "the test matches no value"}
	}
	c.ivs = slices.Clip(c.ivs)
	return c, nil
}

// textCell compiles a parsed test for a text input.
func textCell(src string, t unaryTest) (cell, *cellError) {
	c := cell{src: src, text: true}
	if t.any {
		c.any, c.co = true, true
		return c, nil
	}
	for i := range t.items {
		it := &t.items[i]
		if !it.str || it.op != "=" {
			return cell{}, &cellError{off: it.start, msg: fmt.Sprintf("want a quoted string for a text input, found %q", src[it.start:it.end])}
		}
		c.vals = append(c.vals, it.s)
	}
	slices.Sort(c.vals)
	c.vals = slices.Clip(slices.Compact(c.vals))
	c.co = t.not
	return c, nil
}

// meet reports whether two cells of the same input share a value, without
// allocating.
func meet(a, b *cell) bool {
	switch {
	case a.any || b.any:
		return true
	case !a.text:
		_, ok := numOverlap(a, b)
		return ok
	case a.co && b.co:
		return true
	case a.co:
		a, b = b, a
	}
	for _, v := range a.vals {
		if _, found := slices.BinarySearch(b.vals, v); found != b.co {
			return true
		}
	}
	return false
}

// overlap reports whether two cells of the same input share a value, and
// describes one.
func overlap(a, b *cell) (bool, string) {
	if a.text {
		return textOverlap(a, b)
	}
	iv, ok := numOverlap(a, b)
	if !ok {
		return false, ""
	}
	if w, ok := iv.witness(); ok {
		return true, "= " + w.String()
	}
	return true, "in " + iv.String()
}

// numOverlap returns the first non-empty intersection of two number
// cells' intervals, sweeping both sorted lists once.
func numOverlap(a, b *cell) (interval, bool) {
	i, j := 0, 0
	for i < len(a.ivs) && j < len(b.ivs) {
		if iv := intersect(a.ivs[i], b.ivs[j]); !iv.empty() {
			return iv, true
		}
		if cmpHi(a.ivs[i].hi, b.ivs[j].hi) < 0 {
			i++
		} else {
			j++
		}
	}
	return interval{}, false
}

func textOverlap(a, b *cell) (bool, string) {
	switch {
	case !a.co && !b.co:
		for _, v := range a.vals {
			if _, found := slices.BinarySearch(b.vals, v); found {
				return true, "= " + strconv.Quote(v)
			}
		}
		return false, ""
	case !a.co:
		for _, v := range a.vals {
			if _, found := slices.BinarySearch(b.vals, v); !found {
				return true, "= " + strconv.Quote(v)
			}
		}
		return false, ""
	case !b.co:
		return textOverlap(b, a)
	}
	// Two co-sets always share a string: there are infinitely many.
	ex := append(slices.Clone(a.vals), b.vals...)
	slices.Sort(ex)
	ex = slices.Compact(ex)
	if len(ex) == 0 {
		return true, "any text"
	}
	const shown = 5
	q := make([]string, 0, shown+1)
	for _, v := range ex[:min(len(ex), shown)] {
		q = append(q, strconv.Quote(v))
	}
	if len(ex) > shown {
		q = append(q, fmt.Sprintf("… %d more", len(ex)-shown))
	}
	return true, "not in (" + strings.Join(q, ", ") + ")"
}

// ---------------------------------------------------------------------
// Compiling.

type tableInput struct {
	name string
	text bool
	read bool // some rule tests it
}

type tableRule struct {
	id     string
	hit    []string // []string{id}, shared, capacity 1
	points rat.Rat
	rank   int // index of points in the outputs list
	cells  []cell
}

// compiledTable is a checked table. It is immutable and safe for
// concurrent use.
type compiledTable struct {
	path    string
	policy  HitPolicy
	agg     Aggregation
	max     rat.Rat
	inputs  []tableInput
	rules   []tableRule
	noMatch []string
	slots   []int32 // per input: its value or field slot in the layout; -1 when no rule reads it
	// warnings are what compiles but is likely a mistake: FIRST rules
	// that can never fire.
	warnings []*Problem
}

func policyOf(h HitPolicy) (HitPolicy, Aggregation, bool) {
	switch h {
	case "", "U", HitUnique:
		return HitUnique, AggNone, true
	case "F", HitFirst:
		return HitFirst, AggNone, true
	case "P", HitPriority:
		return HitPriority, AggNone, true
	case "A", HitAny:
		return HitAny, AggNone, true
	case "C", HitCollect:
		return HitCollect, AggNone, true
	case "C+":
		return HitCollect, AggSum, true
	case "C<":
		return HitCollect, AggMin, true
	case "C>":
		return HitCollect, AggMax, true
	case "C#":
		return HitCollect, AggCount, true
	case "R", HitRuleOrder:
		return HitRuleOrder, AggNone, true
	case "O", HitOutputOrder:
		return HitOutputOrder, AggNone, true
	}
	return "", "", false
}

func aggregationOf(a Aggregation) (Aggregation, bool) {
	switch a {
	case AggNone:
		return AggNone, true
	case "+", AggSum:
		return AggSum, true
	case "<", AggMin:
		return AggMin, true
	case ">", AggMax:
		return AggMax, true
	case "#", AggCount:
		return AggCount, true
	}
	return "", false
}

// maxOverlapReports bounds the overlapping pairs listed one by one.
const maxOverlapReports = 20

// compile checks the table of a leaf whose maximum is max; path is the
// table's own path ("components[0].indicators[1].method.table"). It
// returns every problem found; the compiled table is usable only when
// there are none.
func (t *Table) compile(path string, max rat.Rat) (*compiledTable, []*Problem) {
	var ps problems
	ct := &compiledTable{path: path, max: max, noMatch: []string{"no rule matched: 0 points (DMN's result is null)"}}

	pol, impliedAgg, ok := policyOf(t.HitPolicy)
	if !ok {
		ps.addf(path+".hitPolicy", string(t.HitPolicy), ErrInvalid, "want UNIQUE, FIRST, PRIORITY, ANY, COLLECT, RULE ORDER or OUTPUT ORDER (or U, F, P, A, C, C+, C<, C>, C#, R, O)")
	}
	agg, aggOK := aggregationOf(t.Aggregation)
	switch {
	case !aggOK:
		ps.addf(path+".aggregation", string(t.Aggregation), ErrInvalid, "want SUM, MIN, MAX or COUNT (or +, <, >, #)")
	case ok && agg != AggNone && pol != HitCollect:
		ps.addf(path+".aggregation", string(t.Aggregation), ErrTable, "an aggregation needs the COLLECT hit policy, not %s", pol)
	case ok && agg != AggNone && impliedAgg != AggNone && agg != impliedAgg:
		ps.addf(path+".aggregation", string(t.Aggregation), ErrTable, "hit policy %s already aggregates by %s", t.HitPolicy, impliedAgg)
	}
	if impliedAgg != AggNone {
		agg = impliedAgg
	}
	ct.policy, ct.agg = pol, agg

	// Inputs.
	if len(t.Inputs) == 0 {
		ps.addf(path+".inputs", "", ErrInvalid, "a table needs at least one input")
	}
	kindOK := make([]bool, len(t.Inputs))
	names := map[string]int{}
	for i, in := range t.Inputs {
		ip := path + ".inputs[" + strconv.Itoa(i) + "]"
		switch prev, dup := names[in.Name]; {
		case in.Name == "":
			ps.addf(ip+".name", "", ErrInvalid, "an input needs a name")
		case dup:
			ps.addf(ip+".name", in.Name, ErrDuplicate, "also at inputs[%d]", prev)
		default:
			names[in.Name] = i
		}
		switch in.Kind {
		case NumberInput, TextInput:
			kindOK[i] = true
		default:
			ps.addf(ip+".kind", in.Kind, ErrInvalid, `want "number" or "text"`)
		}
		ct.inputs = append(ct.inputs, tableInput{name: in.Name, text: in.Kind == TextInput})
	}

	// Outputs.
	ranks := make([]rat.Rat, 0, len(t.Outputs))
	for i, o := range t.Outputs {
		op := path + ".outputs[" + strconv.Itoa(i) + "]"
		v := o.rat()
		if !o.IsSet() || v.Sign() < 0 || v.Cmp(max) > 0 {
			ps.addf(op, o.String(), ErrPoints, "outputs lie in [0, %s]", max)
		}
		if j := slices.IndexFunc(ranks, func(r rat.Rat) bool { return r.Cmp(v) == 0 }); j >= 0 {
			ps.addf(op, o.String(), ErrDuplicate, "also at outputs[%d]", j)
		}
		ranks = append(ranks, v)
	}
	if len(t.Outputs) == 0 && (pol == HitPriority || pol == HitOutputOrder) {
		ps.addf(path+".outputs", "", ErrTable, "%s needs the outputs list, in priority order", pol)
	}

	// Rules.
	switch {
	case len(t.Rules) == 0:
		ps.addf(path+".rules", "", ErrInvalid, "a table needs at least one rule")
	case len(t.Rules) > MaxTableRules:
		ps.addf(path+".rules", strconv.Itoa(len(t.Rules)), ErrLimit, "more than %d rules", MaxTableRules)
		return ct, ps.list
	}
	ids := make([]string, len(t.Rules))
	for i := range t.Rules {
		ids[i] = t.Rules[i].ID
	}
	// The overlap check needs every cell compiled.
	cellsOK := len(t.Inputs) > 0 && !slices.Contains(kindOK, false)
	seen := map[string]int{}
	for i := range t.Rules {
		r := &t.Rules[i]
		rp := path + ".rules[" + strconv.Itoa(i) + "]"
		label := r.ID
		switch prev, dup := seen[r.ID]; {
		case r.ID == "":
			ps.addf(rp+".id", "", ErrInvalid, "empty ID")
			label = "rules[" + strconv.Itoa(i) + "]"
		case dup:
			ps.addf(rp+".id", r.ID, ErrDuplicate, "also at rules[%d]", prev)
		default:
			seen[r.ID] = i
		}
		cr := tableRule{id: r.ID, hit: ids[i : i+1 : i+1], points: r.Points.rat(), cells: make([]cell, len(t.Inputs))}
		if len(r.When) != len(t.Inputs) {
			ps.addf(rp+".when", "", ErrTable, "rule %q has %d tests for %d inputs", label, len(r.When), len(t.Inputs))
			cellsOK = false
		}
		for k, src := range r.When {
			cp := rp + ".when[" + strconv.Itoa(k) + "]"
			ut, err := parseUnaryTest(src)
			if err != nil {
				if k < len(t.Inputs) && t.Inputs[k].Name != "" {
					ps.addf(cp, src, ErrInvalid, "rule %q, input %q: %v", label, t.Inputs[k].Name, err)
				} else {
					ps.addf(cp, src, ErrInvalid, "rule %q: %v", label, err)
				}
				cellsOK = false
				continue
			}
			if k >= len(t.Inputs) || !kindOK[k] {
				continue
			}
			in := t.Inputs[k]
			var c cell
			var cerr *cellError
			if in.Kind == TextInput {
				c, cerr = textCell(src, ut)
			} else {
				c, cerr = numberCell(src, ut)
			}
			if cerr != nil {
				ps.addf(cp, src, ErrInvalid, "rule %q, input %q: %v", label, in.Name, cerr)
				cellsOK = false
				continue
			}
			cr.cells[k] = c
			if !c.any {
				ct.inputs[k].read = true
			}
		}
		switch {
		case !r.Points.IsSet():
			if agg != AggCount {
				ps.addf(rp+".points", "", ErrPoints, "rule %q gives no points", label)
			}
		case cr.points.Sign() < 0 || cr.points.Cmp(max) > 0:
			ps.addf(rp+".points", r.Points.String(), ErrPoints, "rule %q: points lie in [0, %s]", label, max)
		case len(ranks) > 0:
			cr.rank = slices.IndexFunc(ranks, func(o rat.Rat) bool { return o.Cmp(cr.points) == 0 })
			if cr.rank < 0 {
				ps.addf(rp+".points", r.Points.String(), ErrTable, "rule %q: points %s are not in the outputs list", label, r.Points)
			}
		}
		ct.rules = append(ct.rules, cr)
	}
	if cellsOK && (pol == HitUnique || pol == HitAny) {
		ct.overlaps(&ps)
	}
	if cellsOK && pol == HitFirst {
		var ws problems
		ct.unreachable(&ws)
		ct.warnings = ws.list
	}
	return ct, ps.list
}

// overlaps reports UNIQUE rules that can match the same subject, and ANY
// rules that can with different points.
func (ct *compiledTable) overlaps(ps *problems) {
	listed, more := 0, 0
	for j := 1; j < len(ct.rules); j++ {
		b := &ct.rules[j]
		for i := 0; i < j; i++ {
			a := &ct.rules[i]
			if ct.policy == HitAny && a.points.Cmp(b.points) == 0 {
				continue
			}
			shared, ok := ct.shared(a, b)
			if !ok {
				continue
			}
			if listed == maxOverlapReports {
				more++
				continue
			}
			listed++
			rp := ct.path + ".rules[" + strconv.Itoa(j) + "]"
			if ct.policy == HitAny {
				ps.addf(rp, "", ErrTable, "ANY rules %q (%s points) and %q (%s points) overlap: both match %s", a.id, a.points, b.id, b.points, shared)
			} else {
				ps.addf(rp, "", ErrTable, "UNIQUE rules %q and %q overlap: both match %s", a.id, b.id, shared)
			}
		}
	}
	if more > 0 {
		ps.addf(ct.path+".rules", strconv.Itoa(more), ErrTable, "%d more overlapping pairs", more)
	}
}

// shared reports whether two rules can match the same subject and
// describes such a subject.
func (ct *compiledTable) shared(a, b *tableRule) (string, bool) {
	for k := range ct.inputs {
		if !meet(&a.cells[k], &b.cells[k]) {
			return "", false
		}
	}
	var parts []string
	for k := range ct.inputs {
		ca, cb := &a.cells[k], &b.cells[k]
		if ca.any && cb.any {
			continue
		}
		ok, w := overlap(ca, cb)
		if !ok {
			return "", false
		}
		parts = append(parts, ct.inputs[k].name+" "+w)
	}
	if len(parts) == 0 {
		return "every subject", true
	}
	return strings.Join(parts, ", "), true
}

// sourceRefs calls f with the path and ID of every rule's source, for the
// scheme compiler to resolve.
func (t *Table) sourceRefs(path string, f func(path, id string)) {
	for i, r := range t.Rules {
		if r.Source != "" {
			f(path+".rules["+strconv.Itoa(i)+"].source", r.Source)
		}
	}
}

// ---------------------------------------------------------------------
// Evaluating.

// inputsRead returns the inputs the table reads, as the trace shows them.
func (ct *compiledTable) inputsRead(in *Input, out Pairs) Pairs {
	for k, ti := range ct.inputs {
		i := ct.slots[k]
		if i < 0 {
			continue
		}
		if ti.text {
			if in.textSet[i] {
				out = append(out, Pair{ti.name, strconv.Quote(in.texts[i])})
			}
		} else if v := in.nums[i]; v.IsSet() {
			out = append(out, Pair{ti.name, v.String()})
		}
	}
	return out
}

func (r *tableRule) match(ins []tableInput, nums []rat.Rat, txts []string) bool {
	for k := range r.cells {
		c := &r.cells[k]
		if c.any {
			continue
		}
		if ins[k].text {
			if !c.matchText(txts[k]) {
				return false
			}
		} else if !c.matchNum(nums[k]) {
			return false
		}
	}
	return true
}

// eval scores a subject: the points of the leaf, the IDs of the rules hit
// (in the policy's order), and notes for the trace. The slices returned
// may be shared with the table: callers must not modify them. On the
// common path (a single-hit policy, one rule selected) eval does not
// allocate. Errors are *Problem values: a missing input ([ErrInput]), a
// UNIQUE table with two matching rules or an ANY table whose matching
// rules differ ([ErrTable]; both prevented by Compile), or an overflow
// ([ErrArithmetic]).
func (ct *compiledTable) eval(in *Input) (points rat.Rat, hit []string, notes []string, err error) {
	var nbuf [8]rat.Rat
	var tbuf [8]string
	nums, txts := nbuf[:], tbuf[:]
	if len(ct.inputs) > len(nbuf) {
		nums, txts = make([]rat.Rat, len(ct.inputs)), make([]string, len(ct.inputs))
	}
	for k, ti := range ct.inputs {
		i := ct.slots[k]
		if i < 0 {
			continue
		}
		if ti.text {
			if !in.textSet[i] {
				return rat.Zero, nil, nil, &dangjian.Problem{Kind: ErrInput, Path: "fields." + ti.name, Detail: fmt.Sprintf("no text for the table input %q at %s", ti.name, ct.path)}
			}
			txts[k] = in.texts[i]
		} else {
			v := in.nums[i]
			if !v.IsSet() {
				return rat.Zero, nil, nil, &dangjian.Problem{Kind: ErrInput, Path: "values." + ti.name, Detail: fmt.Sprintf("no value for the table input %q at %s", ti.name, ct.path)}
			}
			nums[k] = v.rat()
		}
	}

	switch ct.policy {
	case HitFirst:
		for i := range ct.rules {
			if r := &ct.rules[i]; r.match(ct.inputs, nums, txts) {
				return r.points, r.hit, nil, nil
			}
		}
		return rat.Zero, nil, ct.noMatch, nil
	case HitUnique, HitPriority, HitAny:
		return ct.single(nums, txts)
	}
	return ct.multi(nums, txts)
}

// single evaluates UNIQUE, PRIORITY and ANY.
func (ct *compiledTable) single(nums []rat.Rat, txts []string) (rat.Rat, []string, []string, error) {
	first, best := -1, -1
	var ids []string // every rule matched, in rule order, when there are several
	for i := range ct.rules {
		r := &ct.rules[i]
		if !r.match(ct.inputs, nums, txts) {
			continue
		}
		if first < 0 {
			first, best = i, i
			continue
		}
		b := &ct.rules[best]
		switch ct.policy {
		case HitUnique:
			return rat.Zero, nil, nil, &dangjian.Problem{Kind: ErrTable, Path: ct.path, Detail: fmt.Sprintf("UNIQUE rules %q and %q both match", b.id, r.id)}
		case HitAny:
			if r.points.Cmp(b.points) != 0 {
				return rat.Zero, nil, nil, &dangjian.Problem{Kind: ErrTable, Path: ct.path, Detail: fmt.Sprintf("ANY rules %q (%s points) and %q (%s points) both match", b.id, b.points, r.id, r.points)}
			}
		case HitPriority:
			if r.rank < b.rank {
				best = i
			}
		}
		if ids == nil {
			ids = append(ids, ct.rules[first].id)
		}
		ids = append(ids, r.id)
	}
	if best < 0 {
		return rat.Zero, nil, ct.noMatch, nil
	}
	b := &ct.rules[best]
	if ids == nil {
		return b.points, b.hit, nil, nil
	}
	if ct.policy == HitAny {
		return b.points, ids, []string{fmt.Sprintf("ANY: %d rules matched (%s), all with %s points", len(ids), strings.Join(ids, ", "), b.points)}, nil
	}
	note := fmt.Sprintf("PRIORITY: %d rules matched (%s); %s wins with %s points, first in the outputs list", len(ids), strings.Join(ids, ", "), b.id, b.points)
	return b.points, b.hit, []string{note}, nil
}

// multi evaluates COLLECT, RULE ORDER and OUTPUT ORDER.
func (ct *compiledTable) multi(nums []rat.Rat, txts []string) (rat.Rat, []string, []string, error) {
	var ibuf [16]int
	m := ibuf[:0]
	for i := range ct.rules {
		if ct.rules[i].match(ct.inputs, nums, txts) {
			m = append(m, i)
		}
	}
	if len(m) == 0 {
		return rat.Zero, nil, ct.noMatch, nil
	}
	if ct.policy == HitOutputOrder {
		slices.SortStableFunc(m, func(a, b int) int { return ct.rules[a].rank - ct.rules[b].rank })
	}
	var v rat.Rat
	var err error
	switch ct.agg {
	case AggCount:
		v = rat.Int(int64(len(m)))
	case AggMin, AggMax:
		v = ct.rules[m[0]].points
		for _, i := range m[1:] {
			if ct.agg == AggMin {
				v = v.Min(ct.rules[i].points)
			} else {
				v = v.Max(ct.rules[i].points)
			}
		}
	default:
		v = rat.Zero
		for _, i := range m {
			if v, err = v.Add(ct.rules[i].points); err != nil {
				return rat.Zero, nil, nil, &dangjian.Problem{Kind: ErrArithmetic, Path: ct.path, Detail: fmt.Sprintf("summing the rules' points: %v", err)}
			}
		}
	}
	var notes []string
	var hit []string
	if len(m) == 1 {
		hit = ct.rules[m[0]].hit
	} else {
		hit = make([]string, len(m))
		for j, i := range m {
			hit[j] = ct.rules[i].id
		}
		if ct.agg == AggNone {
			list := make([]string, len(m))
			for j, i := range m {
				list[j] = ct.rules[i].points.String()
			}
			notes = append(notes, fmt.Sprintf("%s: %d rules matched; the list of points [%s] is summed to %s", ct.policy, len(m), strings.Join(list, ", "), v))
		}
	}
	if v.Cmp(ct.max) > 0 {
		notes = append(notes, fmt.Sprintf("%s points exceed the max %s: clamped to %s", v, ct.max, ct.max))
		v = ct.max
	}
	return v, hit, notes, nil
}
