package orgmodel

import (
	"fmt"
	"math"
	"strconv"

	"github.com/dangjian-go/dangjian"
)

// checkTotals reports member counts whose totals do not fit in an int64,
// the range the tree counts in: an organization's full and probationary
// members together ([Members.Total]), the totals of its subtree, and the
// totals of the whole forest ([Tree.AggregateAll]). Counts are not
// negative here (negative ones are reported and skipped), so every total
// is at most the forest's: when that fits, which one pass over the counts
// shows, nothing else is done. Otherwise the subtree totals are summed in
// reverse pre-order and each overflow is reported once, at the deepest
// organization whose subtree overflows (its ancestors overflow with it and
// are not reported again), or at the root whose tree overflows the
// forest's total. order and parent are preorder's; full and prob are the
// counts from the member lists (checkPeople).
func (b *builder) checkTotals(order, parent []int32, full, prob map[int32]int64) {
	members := func(i int32) Members {
		m := b.orgs.org(int(i)).Members
		if m.Full < 0 || m.Probationary < 0 {
			return Members{} // reported
		}
		if full != nil && m == (Members{}) {
			if f, ok := full[i]; ok || prob[i] > 0 {
				m = Members{Full: f, Probationary: prob[i]}
			}
		}
		return m
	}
	// The common case: the sum of every count fits, so every total does.
	var sum uint64
	fits := true
	for i := range b.orgs.n {
		m := members(int32(i))
		sum += uint64(m.Full) + uint64(m.Probationary) // each < 2^63: no wrap before the test
		if sum > math.MaxInt64 {
			fits = false
			break
		}
	}
	if fits {
		return
	}
	// Subtree totals by input index, over the organizations reachable from
	// a root (those on a cycle are reported already).
	sub := make([]Members, b.orgs.n)
	bad := make([]bool, b.orgs.n) // the subtree overflowed (reported at it or below)
	var forest Members
	forestBad := false
	for k := len(order) - 1; k >= 0; k-- {
		i := order[k]
		m := members(i)
		if _, ok := addMembers(m, Members{}); !ok {
			b.orgProblem(int(i), "members", membersText(m), "", dangjian.ErrOverflow,
				"full and probationary members together exceed "+strconv.FormatInt(math.MaxInt64, 10))
			bad[i] = true
		} else if !bad[i] && b.orgs.org(int(i)).Kind != PartyGroup {
			if s, ok := addMembers(sub[i], m); ok {
				sub[i] = s
			} else {
				b.orgProblem(int(i), "members", membersText(m), "", dangjian.ErrOverflow,
					fmt.Sprintf("with its subtree's %s the members exceed %d", membersText(sub[i]), int64(math.MaxInt64)))
				bad[i] = true
			}
		}
		p := parent[i]
		switch {
		case p < 0:
			if bad[i] || forestBad {
				continue
			}
			if s, ok := addMembers(forest, sub[i]); ok {
				forest = s
			} else {
				b.orgProblem(int(i), "members", membersText(sub[i]), "", dangjian.ErrOverflow,
					fmt.Sprintf("the members of its tree and of the trees before it exceed %d", int64(math.MaxInt64)))
				forestBad = true
			}
		case bad[i] || bad[p]:
			bad[p] = true
		default:
			if s, ok := addMembers(sub[p], sub[i]); ok {
				sub[p] = s
			} else {
				b.orgProblem(int(p), "members", membersText(sub[p]), "", dangjian.ErrOverflow,
					fmt.Sprintf("the members of its subtree exceed %d", int64(math.MaxInt64)))
				bad[p] = true
			}
		}
	}
}

// addMembers returns m + n, and false if a count or the total of full and
// probationary members would not fit in an int64. Counts are not negative.
func addMembers(m, n Members) (Members, bool) {
	f, p := m.Full+n.Full, m.Probationary+n.Probationary
	if f < m.Full || p < m.Probationary || f > math.MaxInt64-p {
		return Members{}, false
	}
	return Members{Full: f, Probationary: p}, true
}

func membersText(m Members) string {
	return "full " + strconv.FormatInt(m.Full, 10) + ", probationary " + strconv.FormatInt(m.Probationary, 10)
}
