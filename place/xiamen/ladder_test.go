package xiamen_test

import (
	"fmt"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding/standard"
	"github.com/dangjian-go/dangjian/place/xiamen"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLadder2009 checks the 厦门 step table: 12 steps, one every 2
// years, amounts as published.
func TestLadder2009(t *testing.T) {
	l := xiamen.Ladder2009()
	require.NoError(t, l.Validate())
	assert.Equal(t, dangjian.LocalPractice, l.Source.Confidence)
	assert.False(t, l.Illustrative)
	assert.Equal(t, "厦民〔2009〕32号", l.Source.Doc)
	require.Len(t, l.Steps, 12)
	tests := []struct {
		years   int
		level   int
		monthly string
		capped  bool
	}{
		{0, 1, "900", false}, {1, 1, "900", false}, {2, 2, "930", false}, {3, 2, "930", false},
		{4, 3, "960", false}, {6, 4, "1000", false}, {20, 11, "1370", false}, {21, 11, "1370", false},
		{22, 12, "1440", false}, {24, 12, "1440", true},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d years", tt.years), func(t *testing.T) {
			res, err := l.Pay(standard.CommunityStaff, 1, tt.years)
			require.NoError(t, err)
			assert.Equal(t, tt.level, res.Level)
			assert.Equal(t, stdYuan(tt.monthly), res.Monthly)
			assert.Equal(t, tt.capped, res.Capped)
			assert.Nil(t, res.Rounding, "a step table rounds nothing")
			assert.Empty(t, res.Exact)
		})
	}
	a := xiamen.Ladder2009()
	a.Steps[0] = stdYuan("1")
	assert.Equal(t, stdYuan("900"), xiamen.Ladder2009().Steps[0], "fresh copies")
}
