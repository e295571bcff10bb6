package dues_test

import (
	"math/rand/v2"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/dues"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var allModes = []dangjian.RoundingMode{dangjian.HalfUp, dangjian.HalfEven, dangjian.Down, dangjian.Up, dangjian.Floor, dangjian.Ceiling}

// The batch path equals the exact path for every fen of the base from 0 to
// 12000 元 (both scales, default rounding), and for random bases under every
// rounding mode and place.
func TestBatchEqualsExact(t *testing.T) {
	rs := dues.Rules2017()
	c, err := rs.Compile()
	require.NoError(t, err)
	month := day("2024-06-01")
	step := int64(1)
	if testing.Short() {
		step = 37
	}
	in := make([]dues.BatchInput, 0, 2*1_200_001/int(step)+2)
	for fen := int64(0); fen <= 1_200_000; fen += step {
		in = append(in, dues.BatchInput{Category: dues.Employed, Base: funding.Fen(fen)}, dues.BatchInput{Category: dues.Retired, Base: funding.Fen(fen)})
	}
	out := make([]funding.Money, len(in))
	require.NoError(t, c.Batch(in, out))
	for i, x := range in {
		if i%50 != 0 && x.Base.Fen()%10_000 > 2 && x.Base.Fen()%10_000 < 9_998 {
			continue // the exact path is slow: check a sample and every edge ±2 fen
		}
		d, err := rs.Monthly(dues.Member{Category: x.Category, Base: x.Base}, month)
		require.NoError(t, err)
		require.Equal(t, d.Amount, out[i], "%s %s", x.Category, x.Base)
	}

	r := rand.New(rand.NewPCG(7, 8))
	for _, mode := range allModes {
		for places := int32(0); places <= 2; places++ {
			rs := dues.Rules2017()
			rs.Rounding = funding.Rounding{Places: places, Mode: mode}
			rs.Cap.On = r.IntN(2) == 0
			c, err := rs.Compile()
			require.NoError(t, err)
			for k := 0; k < 2000; k++ {
				cat := []dues.Category{dues.Employed, dues.Retired, dues.SelfEmployed, dues.AnnualSalary, dues.Student}[r.IntN(5)]
				base := funding.Fen(r.Int64N(10_000_000))
				if cat == dues.Student {
					base = funding.Money{}
				}
				d, err := rs.Monthly(dues.Member{Category: cat, Base: base}, month)
				require.NoError(t, err)
				got, err := c.Amount(cat, base)
				require.NoError(t, err)
				require.Equal(t, d.Amount, got, "%s %s %s", rs.Rounding, cat, base)
			}
		}
	}
}

// A base beyond the fast path's int64 range takes the exact path.
func TestBatchHugeBase(t *testing.T) {
	c, err := dues.Rules2008().Compile()
	require.NoError(t, err)
	huge := funding.MustParseMoney("90000000000000.00")
	got, err := c.Amount(dues.Employed, huge)
	require.NoError(t, err)
	assert.Equal(t, "1800000000000.00", got.String())
	out := make([]funding.Money, 1)
	require.NoError(t, c.Batch([]dues.BatchInput{{Category: dues.Employed, Base: huge}}, out))
	assert.Equal(t, got, out[0])
	err = c.Batch([]dues.BatchInput{{Category: dues.Employed}, {Category: 99}}, make([]funding.Money, 2))
	assert.EqualError(t, err, `[1].category: bad member input: unknown category ("Category(99)")`)
	assert.ErrorIs(t, err, dues.ErrBadMember)
	assert.Error(t, c.Batch(nil, make([]funding.Money, 1)))
}

// Within a bracket, dues never decrease as the base rises; across an edge
// they jump up (全额累进).
func TestDuesMonotoneWithinBracket(t *testing.T) {
	c, err := dues.Rules2008().Compile()
	require.NoError(t, err)
	for _, cat := range []dues.Category{dues.Employed, dues.Retired} {
		prev := funding.Money{}
		for fen := int64(0); fen <= 1_500_000; fen += 7 {
			got, err := c.Amount(cat, funding.Fen(fen))
			require.NoError(t, err)
			require.GreaterOrEqual(t, got.Fen(), prev.Fen(), "%s at %d fen", cat, fen)
			prev = got
		}
	}
}

// The cap holds by default from 2017, whatever the base.
func TestCapHoldsByDefault(t *testing.T) {
	rs := dues.Rules2017()
	require.True(t, rs.Cap.On)
	r := rand.New(rand.NewPCG(9, 10))
	for k := 0; k < 5000; k++ {
		base := funding.Fen(r.Int64N(1 << 40))
		cat := []dues.Category{dues.Employed, dues.AnnualSalary, dues.SelfEmployed, dues.Retired}[r.IntN(4)]
		d, err := rs.Monthly(dues.Member{Category: cat, Base: base}, day("2020-03-01"))
		require.NoError(t, err)
		require.LessOrEqual(t, d.Amount.Fen(), int64(100000))
	}
	rs.Cap.On = false
	d, err := rs.Monthly(dues.Member{Category: dues.Employed, Base: funding.MustParseMoney("100000")}, day("2020-03-01"))
	require.NoError(t, err)
	assert.Equal(t, "2000.00", d.Amount.String(), "the cap can be switched off")
}

// Nothing is rounded twice: the amount is within one rounding unit of the
// exact product, and on the side the mode says.
func TestRoundedOnce(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for _, mode := range allModes {
		rs := dues.Rules2008()
		rs.Rounding = funding.Rounding{Places: 2, Mode: mode}
		for k := 0; k < 2000; k++ {
			base := funding.Fen(r.Int64N(3_000_000))
			d, err := rs.Monthly(dues.Member{Category: dues.Employed, Base: base}, day("2010-01-01"))
			require.NoError(t, err)
			exact := base.Decimal().Mul(d.Rate.Decimal())
			diff := d.Amount.Decimal().Sub(exact)
			require.True(t, diff.Abs().LessThan(funding.Fen(1).Decimal()), "%s: %s vs %s", mode, d.Amount, exact)
			switch mode {
			case dangjian.Down, dangjian.Floor:
				require.False(t, diff.IsPositive())
			case dangjian.Up, dangjian.Ceiling:
				require.False(t, diff.IsNegative())
			}
			require.Equal(t, exact.String(), d.Exact)
		}
	}
}

// Rules and calculators are shared between goroutines safely.
func TestDuesConcurrent(t *testing.T) {
	rs := dues.Rules2017()
	c, err := rs.Compile()
	require.NoError(t, err)
	done := make(chan struct{})
	for g := 0; g < 4; g++ {
		go func() {
			defer func() { done <- struct{}{} }()
			in := []dues.BatchInput{{Category: dues.Employed, Base: funding.MustParseMoney("6000")}}
			out := make([]funding.Money, 1)
			for k := 0; k < 200; k++ {
				_ = c.Batch(in, out)
				_, _ = rs.Monthly(dues.Member{Category: dues.Retired, Base: funding.MustParseMoney("5000")}, day("2024-01-01"))
			}
		}()
	}
	for g := 0; g < 4; g++ {
		<-done
	}
}
