package dangjian

import (
	"iter"
	"strings"
)

// ErrAmbiguousRule is the kind of the problem [OneInForce] returns when
// more than one matching rule is in force on the date: a rule table whose
// dated versions of one topic overlap, which [CheckRules] rules out.
var ErrAmbiguousRule = NewKind("ambiguous_rule", "more than one rule in force", ErrBadRule)

// The rule in force on a date. Every rule value carries its window as a
// half-open [Period] [From, To): a rule is in force on on when
// From ≤ on < To, with a zero bound open. The functions below are the one
// place the module picks rules by date; match narrows the choice (an item
// code, a topic, a jurisdiction) and nil matches every rule. Rules are
// visited in table order, and none of them allocates but [AllInForce]'s
// result and [OneInForce]'s errors.

// InForce returns the first rule of rules, in table order, that is in
// force on on and for which match holds; false when there is none. In a
// table that passes [CheckRules] with a topic function, at most one rule of
// a topic is in force on any date, so for a match that selects one topic
// "first" is "the".
func InForce[R Ruled](rules []R, on Date, match func(R) bool) (R, bool) {
	for i := range rules {
		if inForce(rules[i], on, match) {
			return rules[i], true
		}
	}
	var zero R
	return zero, false
}

// AllInForce returns every rule of rules in force on on for which match
// holds, in table order; nil when there is none.
func AllInForce[R Ruled](rules []R, on Date, match func(R) bool) []R {
	var out []R
	for i := range rules {
		if inForce(rules[i], on, match) {
			out = append(out, rules[i])
		}
	}
	return out
}

// EachInForce yields the index and the value of every rule of rules in
// force on on for which match holds, in table order, for callers that
// report a rule by its position in the table.
func EachInForce[R Ruled](rules []R, on Date, match func(R) bool) iter.Seq2[int, R] {
	return func(yield func(int, R) bool) {
		for i := range rules {
			if inForce(rules[i], on, match) && !yield(i, rules[i]) {
				return
			}
		}
	}
}

// OneInForce returns the one rule of rules in force on on for which match
// holds. When there is none it returns a *[Problem] of kind [ErrNoRule]
// naming the topic and the date; when there are several (the table's
// dated versions overlap) one of kind [ErrAmbiguousRule] naming them all.
// topic says what was looked for ("dues rules", "share soe/retained") and
// becomes the problem's Path.
func OneInForce[R Ruled](rules []R, on Date, topic string, match func(R) bool) (R, error) {
	var (
		found R
		n     int
		ids   []string
	)
	for i := range rules {
		if !inForce(rules[i], on, match) {
			continue
		}
		if n == 0 {
			found = rules[i]
		} else {
			if n == 1 {
				ids = append(ids, found.Header().ID)
			}
			ids = append(ids, rules[i].Header().ID)
		}
		n++
	}
	var zero R
	switch {
	case n == 0:
		return zero, NoRuleError(topic, on)
	case n > 1:
		return zero, &Problem{Kind: ErrAmbiguousRule, Path: topic, Value: on.String(), Rule: strings.Join(ids, ", "),
			Detail: "the rules' periods overlap on " + dateText(on)}
	}
	return found, nil
}

// NoRuleError returns the problem that no rule for topic is in force on
// on: kind [ErrNoRule], Path topic, Value the date.
func NoRuleError(topic string, on Date) *Problem {
	return &Problem{Kind: ErrNoRule, Path: topic, Value: on.String(), Detail: "none in force on " + dateText(on)}
}

// dateText renders a date for a message; the zero date reads "the zero date".
func dateText(d Date) string {
	if d.IsZero() {
		return "the zero date"
	}
	return d.String()
}

func inForce[R Ruled](r R, on Date, match func(R) bool) bool {
	return r.Header().Period.Contains(on) && (match == nil || match(r))
}
