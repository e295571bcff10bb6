package orgmodel

import (
	"slices"
	"strconv"
	"strings"

	"github.com/dangjian-go/dangjian"
)

// DefaultMaxDepth is the deepest a tree may be when [BuildOptions].MaxDepth
// is zero: 1,000 levels below its root. A real party tree has about ten
// (中央, 省, 市, 县, 乡镇 or 街道, 村 or 社区 党委, 党总支, 党支部, 党小组, with a
// 党工委 or a system's 党委 in between), so the default leaves room for any
// real hierarchy a hundred times over, yet refuses at once a runaway chain
// such as a parent column that names the previous row by mistake. Nothing
// in the package is quadratic in depth ([Validate] is linear in memory at
// any depth, see [NameLevels]); the limit is a guard on input, and a
// caller with a deeper tree raises it.
const DefaultMaxDepth = 1000

// NameLevels is the most names a finding's Name lists. The Name of an
// organization more than NameLevels levels deep is its root's name, then
// "…" with the number of levels left out, then the names of its
// NameLevels−1 nearest levels, itself last:
//
//	中共某市委员会 / … (29985 levels) / 第29986委员会 / … / 第29999委员会
//
// so that validating a deep chain takes memory (and its findings' output
// space) linear in the findings, not in the square of the depth. Shallower
// organizations, every real tree's, have their full path. The full path is
// always there on demand: [Tree.Lookup] the finding's Subject and call
// [Tree.PathString].
const NameLevels = 16

// maxDepth returns the depth limit the options set.
func (o BuildOptions) maxDepth() int {
	if o.MaxDepth <= 0 {
		return DefaultMaxDepth
	}
	return o.MaxDepth
}

// checkDepth reports, once, a tree deeper than limit levels below its
// root: the first organization in pre-order that lies deeper, and how many
// do. order is the pre-order of the input indexes; parent, by input index.
func (b *builder) checkDepth(order, parent []int32, limit int) {
	depth := make([]int32, len(parent))
	first, deeper := int32(-1), 0
	for _, i := range order {
		if p := parent[i]; p >= 0 {
			depth[i] = depth[p] + 1
		}
		if int(depth[i]) > limit {
			if first < 0 {
				first = i
			}
			deeper++
		}
	}
	if first < 0 {
		return
	}
	b.orgProblem(int(first), "parent", strconv.Itoa(int(depth[first])), "", dangjian.ErrLimit,
		"deeper than the limit of "+strconv.Itoa(limit)+" levels below its root (raise it with BuildOptions.MaxDepth); "+
			strconv.Itoa(deeper)+" organizations in all lie deeper")
}

// findingName returns the Name of a finding about the organization at
// pre-order position p: its path of names, at most NameLevels of them.
func (t *Tree) findingName(p int32) string {
	d := int(t.depth[p]) + 1
	if d <= NameLevels {
		return t.pathString(p)
	}
	var near [NameLevels - 1]int32
	q := p
	for k := len(near) - 1; k >= 0; k-- {
		near[k] = q
		q = t.parent[q]
	}
	// The root is the last root at or before p in pre-order.
	r, found := slices.BinarySearch(t.roots, p)
	if !found {
		r--
	}
	left := strconv.Itoa(d - len(near) - 1)
	size := len(t.orgs.name(t.at(t.roots[r]))) + len(" / … (") + len(left) + len(" levels)")
	for _, q := range near {
		size += len(" / ") + len(t.orgs.name(t.at(q)))
	}
	var sb strings.Builder
	sb.Grow(size)
	sb.WriteString(t.orgs.name(t.at(t.roots[r])))
	sb.WriteString(" / … (")
	sb.WriteString(left)
	sb.WriteString(" levels)")
	for _, q := range near {
		sb.WriteString(" / ")
		sb.WriteString(t.orgs.name(t.at(q)))
	}
	return sb.String()
}
