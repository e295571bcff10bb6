package dues

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/dangjian-go/dangjian/funding"
	"github.com/stretchr/testify/require"
)

// tallyRef is Tally.Add as it was written first: every sum through
// Money.Add, the line refused whole when one overflows.
type tallyRef struct {
	dues, vol, total, lump [2]funding.Money // [0]: the summary, [1]: the line's category
	failed                 bool
}

func (r *tallyRef) add(d Result) bool {
	if r.failed {
		return false
	}
	next := *r
	var err error
	for _, x := range []struct {
		to *funding.Money
		m  funding.Money
		on bool
	}{
		{&next.dues[1], d.Amount, true}, {&next.vol[1], d.Voluntary, true}, {&next.dues[0], d.Amount, true},
		{&next.vol[0], d.Voluntary, true}, {&next.total[0], d.Total, true}, {&next.lump[0], d.Voluntary, d.LumpSum},
	} {
		if !x.on {
			continue
		}
		if *x.to, err = x.to.Add(x.m); err != nil {
			r.failed = true
			return false
		}
	}
	*r = next
	return true
}

// The fast path of Tally.Add sums as Money.Add does, overflow included:
// amounts near both ends of an int64, one category.
func TestTallyFastEqualsMoneyAdd(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	fens := []int64{0, 1, -1, 100, math.MaxInt64, math.MinInt64, math.MaxInt64 / 2, math.MinInt64 / 2, -100}
	for range 3000 {
		var tl Tally
		var ref tallyRef
		for range 1 + r.IntN(6) {
			f := func() funding.Money { return funding.Fen(fens[r.IntN(len(fens))]) }
			d := Result{Member: "m", Category: Employed, Amount: f(), Voluntary: f(), Total: f(), LumpSum: r.IntN(2) == 0}
			ok := ref.add(d)
			err := tl.Add(d)
			require.Equal(t, ok, err == nil, "%+v: %v", d, err)
			if !ok {
				break
			}
			s, err := tl.Summary()
			if err == nil {
				require.Equal(t, []funding.Money{ref.dues[0], ref.vol[0], ref.total[0], ref.lump[0], ref.dues[1], ref.vol[1]},
					[]funding.Money{s.Dues, s.Voluntary, s.Total, s.LumpSum, s.Categories[0].Dues, s.Categories[0].Voluntary})
			}
		}
	}
}
