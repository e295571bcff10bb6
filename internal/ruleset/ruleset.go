// Package ruleset holds the value semantics that the module's rule sets
// share (orgmodel.RuleSet, orglife.RuleSet): a set is a slice of rules
// with IDs, With adds or replaces rules by ID, Without drops them, and
// every operation returns fresh copies made with the set's own clone
// function, so that a set nobody changes is safe to share.
package ruleset

import (
	"slices"

	"github.com/dangjian-go/dangjian"
)

// Clone returns a copy of rules, each copied with clone.
func Clone[R any](rules []R, clone func(R) R) []R {
	out := make([]R, len(rules))
	for i, r := range rules {
		out[i] = clone(r)
	}
	return out
}

// With returns a copy of rules with add applied in order: a rule whose ID
// is already there replaces it in place, another is appended.
func With[R dangjian.Ruled](rules []R, clone func(R) R, add ...R) []R {
	out := Clone(rules, clone)
	for _, r := range add {
		r = clone(r)
		id := r.Header().ID
		if i := slices.IndexFunc(out, func(x R) bool { return x.Header().ID == id }); i >= 0 {
			out[i] = r
		} else {
			out = append(out, r)
		}
	}
	return out
}

// Without returns a copy of rules without those whose ID is one of ids.
func Without[R dangjian.Ruled](rules []R, clone func(R) R, ids ...string) []R {
	return slices.DeleteFunc(Clone(rules, clone), func(r R) bool { return slices.Contains(ids, r.Header().ID) })
}

// Find returns a copy of the rule with this ID.
func Find[R dangjian.Ruled](rules []R, clone func(R) R, id string) (R, bool) {
	for _, r := range rules {
		if r.Header().ID == id {
			return clone(r), true
		}
	}
	var zero R
	return zero, false
}
