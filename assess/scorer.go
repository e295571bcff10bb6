package assess

import (
	"slices"
	"sync"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/rat"
)

// Scorer is a compiled scheme. Build it once with [Compile] and score many
// subjects with [Scorer.Score] or [Scorer.Explain]. A Scorer is immutable
// and safe for concurrent use by multiple goroutines.
type Scorer struct {
	name    string
	version string
	year    int
	comps   []*cComp
	bonus   *cBonus
	extra   *cBonus // 另行加分, outside the bonus cap
	gates   []cGate
	bands   []cBand // best first
	grades  []string
	round   map[string]RoundPoint
	rounds  [3]roundAt // indicator, component, total
	max     rat.Rat
	leaves  map[string]*cNode // every indicator by ID
	flags   map[string]bool   // the flags gates read
	sources map[string]dangjian.Source
	cites   []Cite // the sources of the rounding points and the bands
	lay     *Layout
	inputs  sync.Pool // *Input, for scoring a Subject
	// warnings: what compiled but is likely a mistake
	warnings []*Problem
}

// roundAt is a declared rounding point.
type roundAt struct {
	at  string
	rp  RoundPoint
	ok  bool
	how string // for the trace
}

const (
	atIndicator = iota
	atComponent
	atTotal
)

type cComp struct {
	id, name   string
	weight     rat.Rat
	weightText string
	max        rat.Rat
	maxText    string
	nodes      []*cNode
	leaves     []*cNode // the leaf indicators, in scheme order
	source     *dangjian.Source
	cites      []Cite // the sources of its weight and max
}

type cNode struct {
	id, name string
	max      rat.Rat
	maxText  string
	children []*cNode
	m        *cMethod
	source   *dangjian.Source
	cites    []Cite // the sources of its max, its method's numbers and its rater groups'
}

// The methods, as a small integer for the scorer's switch.
const (
	opNone uint8 = iota
	opDirect
	opChecklist
	opDeductions
	opRatio
	opVotes
	opTable
)

var methodOps = map[MethodKind]uint8{Direct: opDirect, Checklist: opChecklist, Deductions: opDeductions, Ratio: opRatio, Votes: opVotes, TableMethod: opTable}

type cMethod struct {
	kind       MethodKind
	op         uint8
	items      map[string]cItem
	clauses    map[string]*cClause
	order      []*cClause // clauses in scheme order
	lorder     []string   // vote levels in scheme order
	ipoints    []int64    // the levels' points as integers, when they all are
	target     rat.Rat
	targetText string
	levels     map[string]rat.Rat
	unknown    string
	scale      rat.Rat
	groups     []cGroup
	wsum       rat.Rat
	table      *compiledTable
	citeRoom   int                         // the most cites one applied item or clause adds to a trace node
	ruleSrc    map[string]*dangjian.Source // a decision table's rules' sources, by rule ID

	iorder      []string  // checklist items in scheme order
	ipts        []int64   // their points, when all are whole and small
	lpoints     []rat.Rat // the vote levels' points, in lorder
	maxPerScale rat.Rat   // a votes indicator's max / scale
	wnum        []int64   // the groups' weights × wden, when whole with the levels' points (see votesInt)
	maxPerTgt   rat.Rat   // a ratio indicator's max / target
	// Slots of the layout (see layout.go).
	vslot, item0, ded, clause0, group0, count0 int32
	bslot                                      []int32 // per vote level: its Layout.ballots index
}

type cItem struct {
	points, cap rat.Rat
	pointsText  string
	hasCap      bool
	idx         int32 // index in the checklist's or the bonus pool's items
	source      *dangjian.Source
	cites       []Cite // the sources of its points and cap
}

type cClause struct {
	id                  string
	idx                 int32 // index in the method's clauses
	points              rat.Rat
	levels              map[string]rat.Rat
	threshold, perPoint rat.Rat
	perPointKind        bool
	proportional        bool
	cap                 rat.Rat
	hasCap              bool
	source              *dangjian.Source
	cites               []Cite // the sources of its numbers
}

type cGroup struct {
	id         string
	weight     rat.Rat
	weightText string
	minRaters  int
}

type cBonus struct {
	id, name string // "bonus" (加分) or "extra" (另行加分)
	base     int32  // the slot of its first item: the extra pool's follow the bonus pool's
	cap      rat.Rat
	capText  string
	items    map[string]cItem
	order    []string // item IDs in scheme order
	source   *dangjian.Source
	cites    []Cite // the source of its cap
	citeRoom int    // the most cites one applied item adds to the trace
}

type cGate struct {
	Gate
	source      dangjian.Source
	gradeSource *dangjian.Source // the grade's own source, when cited
	flag        int32            // the flag's slot
}

type cBand struct {
	grade    string
	from, to rat.Rat
	open     bool
}

// Warnings lists what compiled but is likely a mistake, with its path in
// the scheme: a FIRST decision-table rule that can never fire, because the
// rules before it match everything it matches (DMN allows it; it is dead),
// each wrapping [ErrUnreachable]; and a FIRST table whose check was not
// completed within its budget ([WithReachBudget]), wrapping [ErrReachLimit].
func (s *Scorer) Warnings() []*Problem { return slices.Clone(s.warnings) }
