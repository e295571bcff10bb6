package assess_test

import (
	"errors"
	"github.com/dangjian-go/dangjian"
	"testing"

	"github.com/dangjian-go/dangjian/assess"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// extraScheme is the worked scheme with a second pool outside the bonus
// cap (另行加分，不占奖励分值).
func extraScheme() assess.Scheme {
	s := workedScheme()
	s.Extra = &assess.Bonus{Cap: n("6"), Source: "S1", Items: []assess.Item{
		{ID: "award_county", Name: "县级以上表彰", Points: n("3"), Source: "S1"},
	}}
	return s
}

// The worked subject (94.14 with a full bonus pool of 5) with three county
// awards: 3 × 3 = 9, capped at the extra pool's 6, on top: 100.14.
func TestExtraPool(t *testing.T) {
	sc, err := assess.Compile(extraScheme())
	require.NoError(t, err)
	assert.Equal(t, "111", sc.Max().String(), "0.6 × 100 + 0.4 × 100 + 5 + 6")
	sub := workedSubject()
	sub.Bonus["award_county"] = 3
	res, err := sc.Explain(sub)
	require.NoError(t, err)
	assert.Equal(t, "100.14", res.Total.String())
	assert.Equal(t, "5", res.Bonus.String(), "the capped pool is full")
	require.NotNil(t, res.Extra)
	assert.Equal(t, "6", res.Extra.String())
	assert.Equal(t, "好", res.Grade)
	extra := res.Trace.Children[len(res.Trace.Children)-1]
	assert.Equal(t, "extra", extra.ID)
	assert.Equal(t, "另行加分", extra.Name)
	assert.Equal(t, "9", extra.Exact)
	assert.Equal(t, "6", extra.Value)
	v, _ := extra.Inputs.Get("award_county")
	assert.Equal(t, "3 × 3 = 9", v)
	assert.Contains(t, res.Notes, "extra pool 9 capped at 6 (另行加分 ≤ 6)")

	// The positional form agrees; the extra item has a bonus slot.
	slot, err := sc.Layout().Bonus("award_county")
	require.NoError(t, err)
	assert.Equal(t, "bonus.award_county", slot.Path())
	in := sc.NewInput()
	require.NoError(t, sc.Fill(in, sub))
	got, err := sc.ScoreInput(in)
	require.NoError(t, err)
	assert.Equal(t, res.Total, got.Total)
	assert.Equal(t, *res.Extra, *got.Extra)

	// Without the pool's items the result still reports the pool, at 0.
	res, err = sc.Score(workedSubject())
	require.NoError(t, err)
	assert.Equal(t, "94.14", res.Total.String())
	require.NotNil(t, res.Extra)
	assert.Equal(t, "0", res.Extra.String())

	// A scheme without an extra pool reports none.
	plain, err := assess.Compile(workedScheme())
	require.NoError(t, err)
	res, err = plain.Score(workedSubject())
	require.NoError(t, err)
	assert.Nil(t, res.Extra)
}

func TestExtraPoolCompile(t *testing.T) {
	t.Run("an item ID in both pools", func(t *testing.T) {
		s := extraScheme()
		s.Extra.Items[0].ID = "award"
		_, err := assess.Compile(s)
		require.ErrorIs(t, err, assess.ErrDuplicate)
		assert.Contains(t, err.Error(), `extra.items[0].id: duplicate ID: also a bonus item`)
	})
	t.Run("no cap", func(t *testing.T) {
		s := extraScheme()
		s.Extra.Cap = assess.Num{}
		_, err := assess.Compile(s)
		require.ErrorIs(t, err, assess.ErrPoints)
		assert.Contains(t, err.Error(), "extra.cap: points are inconsistent: a bonus pool has a cap (另行加分 ≤ N)")
	})
	t.Run("bands cover the extra range", func(t *testing.T) {
		s := extraScheme()
		s.Bands[0].To = n("105") // 好 [90, 105): 105 to 111 has no band
		_, err := assess.Compile(s)
		require.ErrorIs(t, err, assess.ErrBands)
		assert.Contains(t, err.Error(), "scores from 105 to the maximum 111 have no band")
	})
	t.Run("an extra pool alone", func(t *testing.T) {
		s := extraScheme()
		s.Bonus = nil
		sc, err := assess.Compile(s)
		require.NoError(t, err)
		sub := workedSubject()
		sub.Bonus = map[string]int{"award_county": 1}
		res, err := sc.Score(sub)
		require.NoError(t, err)
		assert.Equal(t, "92.14", res.Total.String(), "89.14 + 3")
		sub.Bonus["award"] = 1
		_, err = sc.Score(sub)
		var ie dangjian.Problems
		require.True(t, errors.As(err, &ie))
		assert.Contains(t, err.Error(), `bonus.award (id "S1"): invalid input: not a bonus item ("award")`)
	})
}

// A score carried over from last year ("以后每年基础分值为上年度党员个人积分的
// 20%") is a ratio leaf: last year's points over a target of 100, scaled to
// the share.
func TestCarryOverAsRatio(t *testing.T) {
	s := assess.Scheme{Name: "carry", Components: []assess.Component{{ID: "c", Name: "年度积分", Weight: n("1"), Max: n("100"),
		Indicators: []assess.Indicator{
			{ID: "base", Name: "基础分（上年度积分的20%）", Max: n("20"), Method: &assess.Method{Kind: assess.Ratio, Target: n("100")}},
			{ID: "tasks", Name: "任务分", Max: n("80"), Method: &assess.Method{Kind: assess.Direct}},
		}}}}
	sc, err := assess.Compile(s)
	require.NoError(t, err)
	res, err := sc.Score(assess.Subject{ID: "a", Values: map[string]assess.Num{"base": n("87.5"), "tasks": n("70")}})
	require.NoError(t, err)
	assert.Equal(t, "87.5", res.Total.String(), "87.5 × 20 % = 17.5, + 70")
}

// Every total lies within [0, Max] with the extra pool too, whatever the
// counts.
func TestExtraPoolBounds(t *testing.T) {
	sc, err := assess.Compile(extraScheme())
	require.NoError(t, err)
	for k := 0; k <= 5; k++ {
		for _, veto := range []bool{false, true} {
			sub := workedSubject()
			sub.Bonus["award_county"] = k
			sub.Flags = map[string]bool{"corruption": veto}
			res, err := sc.Score(sub)
			require.NoError(t, err)
			assert.GreaterOrEqual(t, res.Total.Cmp(assess.Score{}), 0)
			assert.LessOrEqual(t, res.Total.Cmp(sc.Max()), 0)
		}
	}
}
