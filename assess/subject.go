package assess

// Subject is one subject's input: its ID and category (for ranking within
// categories), and the raw data each method reads, keyed by indicator ID.
type Subject struct {
	ID       string `json:"id"`
	Category string `json:"category,omitempty"`
	// Values are direct points, ratio actuals and decision-table inputs.
	// Direct and ratio indicators read the value under their own ID; tables
	// read their input fields by name.
	Values map[string]Num `json:"values,omitempty"`
	// Fields are text inputs of decision tables (a unit type, a level),
	// by field name.
	Fields map[string]string `json:"fields,omitempty"`
	// Checked lists the checklist items checked, per indicator.
	Checked map[string][]string `json:"checked,omitempty"`
	// Events are the deduction events, per indicator.
	Events map[string][]Event `json:"events,omitempty"`
	// Votes are the ballots, per indicator and rater group.
	Votes map[string]map[string]Ballots `json:"votes,omitempty"`
	// Bonus counts the occurrences of each bonus item.
	Bonus map[string]int `json:"bonus,omitempty"`
	// Flags set gates.
	Flags map[string]bool `json:"flags,omitempty"`
}

// Event is a deduction event: the clause it falls under, how many times it
// occurred, its severity level, the percentage for a per-point clause, and
// the case it belongs to (within one case only the largest deduction
// counts).
type Event struct {
	Clause string `json:"clause"`
	Count  int    `json:"count,omitempty"` // 0 means 1
	Level  string `json:"level,omitempty"`
	Value  Num    `json:"value,omitempty"`
	Case   string `json:"case,omitempty"`
}

// Ballots are one rater group's votes on one indicator: the count per
// level (不了解 included), and the ballots issued and returned. More
// ballots returned than issued voids the group.
type Ballots struct {
	Counts   map[string]int `json:"counts"`
	Issued   int            `json:"issued,omitempty"`
	Returned int            `json:"returned,omitempty"`
}
