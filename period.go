package dangjian

import "fmt"

// Period is the half-open window [From, To) in which a rule is in force.
// A zero From means "since always"; a zero To means "until further notice".
// The zero Period therefore covers every date.
type Period struct {
	From Date `json:"from,omitempty"`
	To   Date `json:"to,omitempty"`
}

// Contains reports whether d falls in the period.
func (p Period) Contains(d Date) bool {
	if !p.From.IsZero() && d.Before(p.From) {
		return false
	}
	if !p.To.IsZero() && !d.Before(p.To) {
		return false
	}
	return true
}

// Overlaps reports whether p and q share at least one day.
func (p Period) Overlaps(q Period) bool {
	// p ends before q starts, or q ends before p starts.
	if !p.To.IsZero() && !q.From.IsZero() && !q.From.Before(p.To) {
		return false
	}
	if !q.To.IsZero() && !p.From.IsZero() && !p.From.Before(q.To) {
		return false
	}
	return true
}

// Validate reports an error when To is not after From.
func (p Period) Validate() error {
	if !p.From.IsZero() && !p.To.IsZero() && !p.From.Before(p.To) {
		return fmt.Errorf("dangjian: period [%s, %s) is empty", p.From, p.To)
	}
	return nil
}

// String renders "[2017-01-01, …)".
func (p Period) String() string {
	from, to := p.From.String(), p.To.String()
	if from == "" {
		from = "…"
	}
	if to == "" {
		to = "…"
	}
	return "[" + from + ", " + to + ")"
}
