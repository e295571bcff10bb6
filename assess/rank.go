package assess

import (
	"strings"

	"github.com/dangjian-go/dangjian/internal/rat"
)

// TieBy names what a tie-break key compares.
type TieBy string

const (
	// TieComponent compares a component's score (ComponentResult.Score,
	// after its rounding point), by the component's ID.
	TieComponent TieBy = "component"
	// TieBonus compares the bonus points (Result.Bonus).
	TieBonus TieBy = "bonus"
	// TieBallots compares the valid votes of one level (Result.Ballots),
	// e.g. more 好 votes first.
	TieBallots TieBy = "ballots"
	// TieSubject compares subject IDs (ascending). Allowed only as the
	// last key; with it no two subjects tie, so ranks are never shared.
	TieSubject TieBy = "subject"
)

// SortOrder is the direction of a tie-break key.
type SortOrder string

const (
	// Desc puts the higher value first (the default for numbers).
	Desc SortOrder = "desc"
	// Asc puts the lower value first (the only order for subject IDs).
	Asc SortOrder = "asc"
)

// TieKey is a sort key beyond the total, for the cohort's order, its
// ranks, and the cut-off of a quota. Subjects equal on the total and on
// every key are tied: they share a rank, and a quota's [TiePolicy] decides
// between them at a cut-off. The subject ID always orders the output last
// (deterministically, whatever the input order), but it never separates a
// rank unless a [TieSubject] key is listed.
type TieKey struct {
	By        TieBy     `json:"by"`
	Component string    `json:"component,omitempty"`
	Level     string    `json:"level,omitempty"`
	Order     SortOrder `json:"order,omitempty"`
}

func (k TieKey) label() string {
	switch k.By {
	case TieComponent:
		return "component " + k.Component
	case TieBallots:
		return "ballots " + k.Level
	}
	return string(k.By)
}

// keyValue reads a numeric key of a result; ok is false when the result
// lacks the component.
func (k TieKey) keyValue(r *Result) (rat.Rat, bool) {
	switch k.By {
	case TieComponent:
		for i := range r.Components {
			if r.Components[i].ID == k.Component {
				return r.Components[i].Score.rat(), true
			}
		}
		return rat.Zero, false
	case TieBonus:
		return r.Bonus.rat(), true
	case TieBallots:
		return rat.Int(int64(r.Ballots.Get(k.Level))), true
	}
	return rat.Zero, true
}

// RankStyle is how tied subjects are ranked.
type RankStyle string

const (
	// Competition ranking (the default): ties share a rank and the next
	// rank skips (1, 1, 3), "测评名次可以并列".
	Competition RankStyle = "competition"
	// Dense ranking: ties share a rank and the next rank follows (1, 1, 2).
	Dense RankStyle = "dense"
)

// cmpKey compares a and b on key k, the better first (negative when a
// comes first).
func (g *Grader) cmpKey(k int, a, b *gsub) int {
	key := g.keys[k]
	if key.By == TieSubject {
		return strings.Compare(a.id, b.id)
	}
	c := a.keyv[k].Cmp(b.keyv[k])
	if key.Order == Asc {
		return c
	}
	return -c
}

// cmpKeys compares a and b on the total (higher first) and the tie-break
// keys; 0 means they are tied.
func (g *Grader) cmpKeys(a, b *gsub) int {
	if c := b.total.Cmp(a.total); c != 0 {
		return c
	}
	for k := range g.keys {
		if c := g.cmpKey(k, a, b); c != 0 {
			return c
		}
	}
	return 0
}

// cmpOrder is the cohort's order: the category first when ranking per
// category, then the total and the keys, then the subject ID. It is a
// total order on subjects with distinct IDs.
func (g *Grader) cmpOrder(a, b *gsub) int {
	if g.p.PerCategory {
		if c := strings.Compare(a.group, b.group); c != 0 {
			return c
		}
	}
	if c := g.cmpKeys(a, b); c != 0 {
		return c
	}
	return strings.Compare(a.id, b.id)
}

// rank ranks the graded members of one group, in the cohort's order.
// Subjects scored but not graded are not ranked (rank 0) and do not take
// a place.
func (g *Grader) rank(members []*gsub) {
	var prev *gsub
	n, distinct, r := 0, 0, 0
	for _, s := range members {
		if !s.graded {
			continue
		}
		n++
		if prev == nil || g.cmpKeys(prev, s) != 0 {
			distinct++
			r = n
			if g.p.Ranking == Dense {
				r = distinct
			}
		}
		s.rank = r
		prev = s
	}
}
