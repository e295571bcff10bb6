package orgmodel

import (
	"fmt"
	"slices"
)

// preorder lays the forest out in depth-first pre-order, children in input
// order, without recursion. Nodes it cannot reach from a root lie on or
// under a cycle; each cycle is reported once.
func (b *builder) preorder(parent []int32) []int32 {
	n := len(parent)
	// Children in CSR form, in input order.
	start := make([]int32, n+1)
	for _, p := range parent {
		if p >= 0 {
			start[p+1]++
		}
	}
	for i := 0; i < n; i++ {
		start[i+1] += start[i]
	}
	kids := make([]int32, start[n])
	fill := slices.Clone(start[:n])
	for i, p := range parent {
		if p >= 0 {
			kids[fill[p]] = int32(i)
			fill[p]++
		}
	}
	order := make([]int32, 0, n)
	seen := make([]bool, n)
	stack := make([]int32, 0, 64)
	for r := 0; r < n; r++ {
		if parent[r] >= 0 {
			continue
		}
		stack = append(stack[:0], int32(r))
		for len(stack) > 0 {
			v := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			seen[v] = true
			order = append(order, v)
			for k := start[v+1] - 1; k >= start[v]; k-- {
				stack = append(stack, kids[k])
			}
		}
	}
	if len(order) < n {
		b.reportCycles(parent, seen)
	}
	return order
}

func (b *builder) reportCycles(parent []int32, seen []bool) {
	stamp := make([]int32, len(parent))
	for s := range parent {
		if seen[s] || stamp[s] != 0 {
			continue
		}
		v := int32(s)
		for v >= 0 && !seen[v] && stamp[v] == 0 {
			stamp[v] = int32(s) + 1
			v = parent[v]
		}
		if v < 0 || seen[v] || stamp[v] != int32(s)+1 {
			continue // reaches a root, an unknown parent or a cycle already reported
		}
		// v is on a new cycle: list its members in input order.
		var members []int32
		for u := v; ; {
			members = append(members, u)
			u = parent[u]
			if u == v {
				break
			}
		}
		slices.Sort(members)
		ids := ""
		for k, m := range members {
			if k == 5 {
				ids += fmt.Sprintf(" … (%d in all)", len(members))
				break
			}
			if k > 0 {
				ids += " → "
			}
			ids += b.orgs.keyText(b.orgs.org(int(m)))
		}
		b.orgProblem(int(members[0]), "parent", "", "", ErrCycle, ids)
	}
}
