package assess

import "github.com/dangjian-go/dangjian"

// Scheme is an assessment scheme as data: weighted components, each an
// indicator tree whose leaves name a scoring method; a bonus pool; gates;
// grade bands; and the points where scores are rounded. Schemes are JSON
// (lowerCamel keys, numbers as exact decimal strings or JSON numbers read
// exactly). Compile a scheme once with [Compile]; score many subjects with
// the resulting [Scorer].
//
// Every number of a local scheme is local practice or the author's own:
// the scheme names its sources, every component, indicator, item, clause,
// bonus pool and gate may cite one by its ID, and a number its part's
// source does not give names its own in the part's Cites (SCHEME.md
// §2.2).
type Scheme struct {
	Name         string `json:"name"`
	Version      string `json:"version,omitempty"`
	Year         int    `json:"year,omitempty"`
	Jurisdiction string `json:"jurisdiction,omitempty"`
	// Note says what the scheme is and which of its numbers are the
	// author's own.
	Note    string   `json:"note,omitempty"`
	Sources []Source `json:"sources,omitempty"`
	// Cites names the source of the scheme's own numbers, which no part
	// holds: "rounding" (the rounding points) and "bands" ({"bands":
	// "ours"}). Without an entry they cite no source.
	Cites map[string]string `json:"cites,omitempty"`
	// Rounding lists the declared rounding points; nothing else is
	// rounded.
	Rounding   []RoundPoint `json:"rounding,omitempty"`
	Components []Component  `json:"components"`
	Bonus      *Bonus       `json:"bonus,omitempty"`
	// Extra is a second pool of bonus points outside Bonus's cap
	// (另行加分，不占奖励分值), at most its own Cap. Its items are counted in
	// the subject's bonus map with the others: their IDs are distinct.
	Extra *Bonus `json:"extra,omitempty"`
	Gates []Gate `json:"gates,omitempty"`
	// Bands map the total to a grade: half-open intervals [from, to) that
	// cover the whole score range with no gap or overlap.
	Bands []Band `json:"bands,omitempty"`
}

// Source is a citation a scheme's parts refer to by ID.
type Source struct {
	ID string `json:"id"`
	dangjian.Source
}

// RoundPoint declares one rounding point: the value rounded ("indicator",
// "component" or "total"), its places and mode (half-up, 四舍五入, unless
// said otherwise).
type RoundPoint struct {
	At     string                `json:"at"`
	Places int32                 `json:"places"`
	Mode   dangjian.RoundingMode `json:"mode"`
}

// Component is a weighted part of the total (日常考核, 述职评议). Its score is
// the sum of its indicators; its weight multiplies it into the total.
type Component struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Weight Num    `json:"weight"`
	Max    Num    `json:"max"`
	Source string `json:"source,omitempty"`
	// Cites names the source of each of the node's numbers that its
	// Source does not give: field name → source ID ({"weight": "ours"}).
	// A number without an entry takes Source. See SCHEME.md §sources.
	Cites      map[string]string `json:"cites,omitempty"`
	Indicators []Indicator       `json:"indicators"`
}

// Indicator is a node of the indicator tree: a composite whose score is
// the sum of its children, or a leaf scored by its method. Max is the most
// it can score; a composite's Max equals the sum of its children's.
type Indicator struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Max    Num    `json:"max"`
	Source string `json:"source,omitempty"`
	// Cites: as on a component; an indicator's numbers are its max and
	// its method's target, levels, scale and unknown.
	Cites    map[string]string `json:"cites,omitempty"`
	Children []Indicator       `json:"children,omitempty"`
	Method   *Method           `json:"method,omitempty"`
}

// MethodKind names how a leaf indicator is scored.
type MethodKind string

const (
	// Direct: the input value in points, clamped to [0, max].
	Direct MethodKind = "direct"
	// Checklist: the points of the items checked, at most max.
	Checklist MethodKind = "checklist"
	// Deductions: max less the deductions of the events, 扣完为止 (not
	// below 0); per occurrence, by severity level or per percentage point
	// below a threshold; each clause capped; within one case only the
	// largest deduction counts (同一案件不累计扣分).
	Deductions MethodKind = "deductions"
	// Ratio: actual / target × max, at most max.
	Ratio MethodKind = "ratio"
	// Votes: rated votes (好/较好/一般/差) converted to points, averaged over
	// the valid votes of each rater group (不了解 excluded), weighted across
	// groups, and scaled to max.
	Votes MethodKind = "votes"
	// Table: a decision table with a DMN hit policy.
	TableMethod MethodKind = "table"
)

// Method is how a leaf is scored; the fields used depend on Kind.
type Method struct {
	Kind MethodKind `json:"kind"`
	// Checklist items, deduction clauses' items, or bonus items.
	Items []Item `json:"items,omitempty"`
	// Deductions: the clauses.
	Clauses []Clause `json:"clauses,omitempty"`
	// Ratio: the target the actual value is divided by.
	Target Num `json:"target,omitempty"`
	// Votes: the rating levels with their points on Scale (e.g. 好 100, 较好
	// 80, 一般 60, 差 40 on a scale of 100); Unknown names the level that
	// is excluded from the valid votes (不了解); Groups are the rater groups.
	Levels  []Level `json:"levels,omitempty"`
	Scale   Num     `json:"scale,omitempty"`
	Unknown string  `json:"unknown,omitempty"`
	Groups  []Group `json:"groups,omitempty"`
	// Table: the decision table.
	Table *Table `json:"table,omitempty"`
}

// Item is a checklist item or a bonus item: Points each time, at most Cap
// in all (0: no cap).
type Item struct {
	ID     string `json:"id"`
	Name   string `json:"name,omitempty"`
	Points Num    `json:"points"`
	Cap    Num    `json:"cap,omitempty"`
	Source string `json:"source,omitempty"`
	// Cites: as on a component (points, cap).
	Cites map[string]string `json:"cites,omitempty"`
}

// Clause is a deduction clause. It deducts Points per occurrence, or the
// points of the event's severity level (Levels), or PerPoint for every
// percentage point (whole points, unless Proportional) that the event's
// value falls below Threshold. Cap limits the clause's total deduction.
type Clause struct {
	ID           string  `json:"id"`
	Name         string  `json:"name,omitempty"`
	Points       Num     `json:"points,omitempty"`
	Levels       []Level `json:"levels,omitempty"`
	Threshold    Num     `json:"threshold,omitempty"`
	PerPoint     Num     `json:"perPoint,omitempty"`
	Proportional bool    `json:"proportional,omitempty"`
	Cap          Num     `json:"cap,omitempty"`
	Source       string  `json:"source,omitempty"`
	// Cites: as on a component (points, levels, threshold, perPoint,
	// cap).
	Cites map[string]string `json:"cites,omitempty"`
}

// Level is a named level with its points: a vote level (好 100) or a
// severity level (警告 3).
type Level struct {
	Name   string `json:"name"`
	Points Num    `json:"points"`
}

// Group is a rater group: its weight among the groups of a votes
// indicator, and the least number of valid votes it needs to count.
type Group struct {
	ID        string `json:"id"`
	Name      string `json:"name,omitempty"`
	Weight    Num    `json:"weight"`
	MinRaters int    `json:"minRaters,omitempty"`
	// Cites names the source of the group's weight and minRaters; a
	// number without an entry takes its indicator's source.
	Cites map[string]string `json:"cites,omitempty"`
}

// Bonus is a pool of bonus points (加分) added to the weighted total, at
// most Cap in all.
type Bonus struct {
	Cap    Num    `json:"cap"`
	Items  []Item `json:"items"`
	Source string `json:"source,omitempty"`
	// Cites: as on a component (cap).
	Cites map[string]string `json:"cites,omitempty"`
}

// GateEffect is what a gate does when its flag is set.
type GateEffect string

const (
	// Zero sets the total to 0 (一票否决).
	Zero GateEffect = "zero"
	// CapGrade caps the grade at Grade ("grade at most 一般").
	CapGrade GateEffect = "cap_grade"
	// NotGrade forbids Grade ("不得评为好").
	NotGrade GateEffect = "not_grade"
	// NoAward removes eligibility for awards (不得评优).
	NoAward GateEffect = "no_award"
	// SetGrade grades the subject directly (直接定级).
	SetGrade GateEffect = "set_grade"
)

// Gate is a veto or eligibility rule: when the subject's flag is set, the
// effect applies, with a reason code and a source.
type Gate struct {
	ID     string     `json:"id"`
	Flag   string     `json:"flag"`
	Effect GateEffect `json:"effect"`
	Grade  string     `json:"grade,omitempty"`
	Reason string     `json:"reason"`
	// Source cites the gate: its condition and effect.
	Source string `json:"source,omitempty"`
	// Cites names the source of the grade, where Source does not give it
	// ({"grade": "ours"}).
	Cites map[string]string `json:"cites,omitempty"`
}

// Band maps totals in [From, To) to Grade; an unset To means no upper
// bound.
type Band struct {
	Grade string `json:"grade"`
	From  Num    `json:"from"`
	To    Num    `json:"to,omitempty"`
}
