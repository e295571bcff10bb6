package orgmodel

import (
	"math/rand/v2"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
)

// buildBoth builds recs with the first pass on two goroutines and in
// order, and checks that both give the same tree and the same problems.
func buildBoth(t *testing.T, recs Records) {
	t.Helper()
	defer func(n int) { parallelBuildMin = n }(parallelBuildMin)
	parallelBuildMin = 1 << 62
	want, wantErr := Build(recs)
	parallelBuildMin = 1
	got, gotErr := Build(recs)
	require.Equal(t, errText(wantErr), errText(gotErr))
	require.Equal(t, want == nil, got == nil)
	if want != nil {
		require.Equal(t, want.Records(), got.Records())
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// TestBuildParallel: the first pass on two goroutines gives what the one
// in order gives, on a good tree, shuffled, and with every kind of problem
// of the first pass: a repeated ID (done again in order), a missing ID,
// unknown parents, cycles, bad kinds, negative counts.
func TestBuildParallel(t *testing.T) {
	t.Run("approvals", func(t *testing.T) { testBuildParallel(t, Synthetic(3000, 11)) })
	// Without approvals, a table in pre-order is plain: the index is made
	// while the later checks run.
	plain := Synthetic(3000, 11)
	for i := range plain.Orgs {
		plain.Orgs[i].Approvals = nil
	}
	t.Run("plain", func(t *testing.T) { testBuildParallel(t, plain) })
}

func testBuildParallel(t *testing.T, base Records) {
	clone := func() Records {
		r := base
		r.Orgs = append([]Org(nil), base.Orgs...)
		return r
	}
	buildBoth(t, clone())

	r := clone()
	rng := rand.New(rand.NewPCG(5, 6))
	rng.Shuffle(len(r.Orgs), func(i, j int) { r.Orgs[i], r.Orgs[j] = r.Orgs[j], r.Orgs[i] })
	buildBoth(t, r)

	mutations := []func(r *Records){
		func(r *Records) { r.Orgs[500].ID = r.Orgs[20].ID },                               // a repeated ID
		func(r *Records) { r.Orgs[700].ID = uuid.Nil },                                    // a missing ID
		func(r *Records) { r.Orgs[900].Parent = CSVID("nowhere") },                        // an unknown parent
		func(r *Records) { r.Orgs[1].Parent = r.Orgs[2000].ID },                           // a cycle, perhaps
		func(r *Records) { r.Orgs[1200].Kind = Kind(200) },                                // a bad kind
		func(r *Records) { r.Orgs[1300].Members.Full = -3 },                               // a negative count
		func(r *Records) { r.Orgs[1400].Kind, r.Orgs[1401].Kind = PartyGroup, Committee }, // nesting
		func(r *Records) { r.Orgs[0].Kind = Branch },                                      // a root that may not be one
	}
	// With an approval and a grid recorded the first pass waits for the
	// index before the later checks.
	r = clone()
	r.Orgs[10].Approvals = []Approval{{Kind: Formation, By: r.Orgs[0].ID}}
	buildBoth(t, r)
	r.Orgs[11].Grid = CSVID("no such grid")
	buildBoth(t, r)
	for k, m := range mutations {
		r := clone()
		m(&r)
		if k != 3 { // the cycle: perhaps
			_, err := Build(r)
			require.Error(t, err, "mutation %d", k)
		}
		buildBoth(t, r)
		// and every mutation at once, in a shuffled order
		all := clone()
		for _, m := range mutations[:k+1] {
			m(&all)
		}
		rng.Shuffle(len(all.Orgs), func(i, j int) { all.Orgs[i], all.Orgs[j] = all.Orgs[j], all.Orgs[i] })
		buildBoth(t, all)
	}
}
