package orgmodel_test

import (
	"errors"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// committeeChain returns a chain of n committees, each under the previous
// one and each with no members, so that every one of them has a finding
// (a committee of fewer than 100 members).
func committeeChain(n int) orgmodel.Records {
	recs := orgmodel.Records{Orgs: make([]orgmodel.Org, n)}
	for i := range recs.Orgs {
		o := orgmodel.Org{ID: orgmodel.CSVID("c" + strconv.Itoa(i)), Key: "c" + strconv.Itoa(i), Kind: orgmodel.Committee, Name: "第" + strconv.Itoa(i) + "委员会"}
		if i > 0 {
			o.Parent = recs.Orgs[i-1].ID
		}
		recs.Orgs[i] = o
	}
	return recs
}

// A tree deeper than the limit is refused with one problem of kind
// dangjian.ErrLimit naming the limit, the first organization too deep and
// how many are; at the limit, or with the limit raised, it builds.
func TestBuildMaxDepth(t *testing.T) {
	tests := []struct {
		name   string
		orgs   int
		limit  int
		refuse string // the problem's text, "" when the tree builds
	}{
		{"at the default", orgmodel.DefaultMaxDepth + 1, 0, ""},
		{"one deeper than the default", orgmodel.DefaultMaxDepth + 2, 0,
			`orgs[1001].parent (id "c1001"): exceeds a limit: deeper than the limit of 1000 levels below its root (raise it with BuildOptions.MaxDepth); 1 organizations in all lie deeper ("1001")`},
		{"far deeper than the default", 30_000, 0,
			`orgs[1001].parent (id "c1001"): exceeds a limit: deeper than the limit of 1000 levels below its root (raise it with BuildOptions.MaxDepth); 28999 organizations in all lie deeper ("1001")`},
		{"a negative limit is the default", 1002, -5,
			`orgs[1001].parent (id "c1001"): exceeds a limit: deeper than the limit of 1000 levels below its root (raise it with BuildOptions.MaxDepth); 1 organizations in all lie deeper ("1001")`},
		{"a lower limit", 5, 3,
			`orgs[4].parent (id "c4"): exceeds a limit: deeper than the limit of 3 levels below its root (raise it with BuildOptions.MaxDepth); 1 organizations in all lie deeper ("4")`},
		{"raised", 30_000, 30_000, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tree, err := orgmodel.BuildWith(committeeChain(tt.orgs), orgmodel.BuildOptions{MaxDepth: tt.limit})
			if tt.refuse == "" {
				require.NoError(t, err)
				assert.Equal(t, tt.orgs, tree.Len())
				return
			}
			assert.Nil(t, tree)
			ps := dangjian.ProblemsOf(err)
			require.Len(t, ps, 1, "one problem, not one per organization")
			assert.True(t, errors.Is(ps[0], dangjian.ErrLimit))
			assert.EqualError(t, ps[0], tt.refuse)
		})
	}
	// The other problems of the records are still reported beside it.
	recs := committeeChain(1005)
	recs.Orgs[3].Members.Full = -1
	_, err := orgmodel.Build(recs)
	assert.ErrorIs(t, err, dangjian.ErrLimit)
	assert.ErrorIs(t, err, dangjian.ErrNegative)
}

// A chain of 30,000 committees (1 MB of CSV, which took 3.8 GB to validate)
// validates with the depth limit raised in memory linear in its findings:
// one finding per committee, each Name at most NameLevels names, the full
// path on demand from the Subject.
func TestValidateDeepChainMemory(t *testing.T) {
	const n = 30_000
	tree, err := orgmodel.BuildWith(committeeChain(n), orgmodel.BuildOptions{MaxDepth: n})
	require.NoError(t, err)
	v, err := orgmodel.NewValidator(orgmodel.NationalRules())
	require.NoError(t, err)

	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	rep, err := v.Validate(tree, day("2025-01-01"))
	runtime.ReadMemStats(&after)
	require.NoError(t, err)
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("%d findings, %d bytes allocated", len(rep.Findings), alloc)
	assert.Less(t, alloc, uint64(100<<20), "under 100 MB in all (was 3.8 GB)")
	assert.Less(t, alloc, uint64(1_500*len(rep.Findings)), "linear: at most 1.5 KB a finding")

	byOrg := map[string]int{}
	for _, f := range rep.Findings {
		byOrg[f.Subject]++
	}
	require.Len(t, byOrg, n, "a finding for every committee")

	shallow, deep := rep.Findings[orgmodel.NameLevels-1], rep.Findings[len(rep.Findings)-1]
	require.Equal(t, "c"+strconv.Itoa(orgmodel.NameLevels-1), shallow.Subject)
	sid, ok := tree.Lookup(shallow.Subject)
	require.True(t, ok)
	assert.Equal(t, tree.PathString(sid), shallow.Name, "NameLevels deep: the full path")
	assert.Equal(t, orgmodel.NameLevels, strings.Count(shallow.Name, " / ")+1)

	require.Equal(t, "c29999", deep.Subject)
	want := "第0委员会 / … (29984 levels)"
	for i := n - orgmodel.NameLevels + 1; i < n; i++ {
		want += " / 第" + strconv.Itoa(i) + "委员会"
	}
	assert.Equal(t, want, deep.Name, "the root, the levels left out, the nearest levels")
	did, _ := tree.Lookup(deep.Subject)
	assert.Equal(t, n, strings.Count(tree.PathString(did), " / ")+1, "the full path on demand")

	// The same in allocations per run, a figure that does not depend on
	// what else the process does.
	allocs := testing.AllocsPerRun(2, func() { _, _ = v.Validate(tree, day("2025-01-01")) })
	assert.Less(t, allocs, float64(10*n), "a few allocations per committee")
}

// One level past NameLevels leaves out one level, the root's first child.
func TestFindingNameJustDeeper(t *testing.T) {
	n := orgmodel.NameLevels + 1
	tree, err := orgmodel.Build(committeeChain(n))
	require.NoError(t, err)
	rep, err := orgmodel.Validate(tree, orgmodel.NationalRules(), day("2025-01-01"))
	require.NoError(t, err)
	last := rep.Findings[len(rep.Findings)-1]
	require.Equal(t, "c"+strconv.Itoa(n-1), last.Subject)
	assert.True(t, strings.HasPrefix(last.Name, "第0委员会 / … (1 levels) / 第2委员会 / "), last.Name)
	assert.True(t, strings.HasSuffix(last.Name, " / 第16委员会"), last.Name)
}

// BenchmarkValidateDeepChain validates a chain of 30,000 committees, the
// depth limit raised (target: under 1 s and 100 MB).
func BenchmarkValidateDeepChain(b *testing.B) {
	const n = 30_000
	tree, err := orgmodel.BuildWith(committeeChain(n), orgmodel.BuildOptions{MaxDepth: n})
	if err != nil {
		b.Fatal(err)
	}
	v, err := orgmodel.NewValidator(orgmodel.NationalRules())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		reportSink, err = v.Validate(tree, benchAsOf)
		if err != nil {
			b.Fatal(err)
		}
	}
}
