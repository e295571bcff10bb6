package assess

// HitPolicy says how the rules of a decision table that match a subject
// make the table's result. The policies and their one-letter forms are
// those of OMG DMN (Decision Model and Notation, its hit policies). The
// empty HitPolicy means [HitUnique], DMN's default.
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
