package dangjian

import (
	"errors"
	"fmt"
	"strings"
)

// Rule is the header every rule value embeds: a stable ID, the window in
// which it is in force, and its source. Tests loop over every rule table of
// the library through this header.
type Rule struct {
	// ID is stable across releases, e.g. "ORG-BRANCH-MIN-3".
	ID string `json:"id"`
	// Period is the effective window.
	Period Period `json:"period"`
	// Source cites the document and article.
	Source Source `json:"source"`
}

// Header returns the rule header itself, so that any type embedding Rule
// satisfies [Ruled].
func (r Rule) Header() Rule { return r }

// Ruled is implemented by every rule value that embeds [Rule].
type Ruled interface{ Header() Rule }

// ErrBadRuleTable is wrapped by the errors of [CheckRules].
var ErrBadRuleTable = errors.New("bad rule table")

// CheckRules checks a rule table: every rule has an ID, a source document
// and a confidence mark and a non-empty period; IDs are unique. Rules that
// share a non-empty topic (as returned by topic) must not have overlapping
// periods. It returns every problem found, joined.
func CheckRules[R Ruled](rules []R, topic func(R) string) error {
	var errs []error
	seen := make(map[string]int, len(rules))
	for i, r := range rules {
		h := r.Header()
		where := fmt.Sprintf("rules[%d] (%q)", i, h.ID)
		if strings.TrimSpace(h.ID) == "" {
			errs = append(errs, fmt.Errorf("%s: empty ID: %w", where, ErrBadRuleTable))
		} else if j, dup := seen[h.ID]; dup {
			errs = append(errs, fmt.Errorf("%s: ID also used by rules[%d]: %w", where, j, ErrBadRuleTable))
		} else {
			seen[h.ID] = i
		}
		if strings.TrimSpace(h.Source.Doc) == "" {
			errs = append(errs, fmt.Errorf("%s: no source document: %w", where, ErrBadRuleTable))
		}
		if !h.Source.Confidence.IsValid() {
			errs = append(errs, fmt.Errorf("%s: no confidence mark: %w", where, ErrBadRuleTable))
		}
		if err := h.Period.Validate(); err != nil {
			errs = append(errs, fmt.Errorf("%s: %v: %w", where, err, ErrBadRuleTable))
		}
	}
	if topic != nil {
		for i := range rules {
			ti := topic(rules[i])
			if ti == "" {
				continue
			}
			for j := i + 1; j < len(rules); j++ {
				if topic(rules[j]) != ti {
					continue
				}
				pi, pj := rules[i].Header().Period, rules[j].Header().Period
				if pi.Overlaps(pj) {
					errs = append(errs, fmt.Errorf("rules[%d] (%q) %s and rules[%d] (%q) %s overlap on topic %q: %w",
						i, rules[i].Header().ID, pi, j, rules[j].Header().ID, pj, ti, ErrBadRuleTable))
				}
			}
		}
	}
	return errors.Join(errs...)
}
