package dangjian_test

import (
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLimitsDefaults(t *testing.T) {
	type bounds struct {
		Bytes, Records     int64
		RecordBytes, Probs int
	}
	tests := []struct {
		name string
		lim  dangjian.Limits
		want bounds
	}{
		{"zero means the defaults", dangjian.Limits{},
			bounds{64 << 30, 200_000_000, 1 << 20, 1000}},
		{"set", dangjian.Limits{MaxBytes: 10, MaxRecords: 20, MaxRecordBytes: 30, MaxProblems: 40},
			bounds{10, 20, 30, 40}},
		{"negative means no limit", dangjian.Limits{MaxBytes: -5, MaxRecords: -1, MaxRecordBytes: -2, MaxProblems: -100},
			bounds{-1, -1, -1, -1}},
		{"one", dangjian.Limits{MaxBytes: 1, MaxRecords: 1, MaxRecordBytes: 1, MaxProblems: 1},
			bounds{1, 1, 1, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := bounds{tt.lim.Bytes(), tt.lim.Records(), tt.lim.RecordBytes(), tt.lim.Problems()}
			assert.Equal(t, tt.want, got)
		})
	}
	assert.Equal(t, int64(64<<30), dangjian.DefaultMaxBytes)
	assert.Equal(t, int64(200_000_000), dangjian.DefaultMaxRecords)
	assert.Equal(t, 1<<20, dangjian.DefaultMaxRecordBytes)
	assert.Equal(t, 1000, dangjian.DefaultMaxProblems)
}

func TestProblemCap(t *testing.T) {
	tests := []struct {
		name      string
		max, add  int
		kept      int
		more      int
		lastValue string
		detail    string
	}{
		{name: "none added", max: 3},
		{name: "under the cap", max: 3, add: 2, kept: 2},
		{name: "at the cap", max: 3, add: 3, kept: 3},
		{name: "one over", max: 3, add: 4, kept: 3, more: 1, lastValue: "1",
			detail: "1 more problem not listed (limit 3 problems; raise it with MaxProblems or the program's -max-problems)"},
		{name: "many over, the default", max: 0, add: 13_345, kept: 1000, more: 12_345, lastValue: "12345",
			detail: "12,345 more problems not listed (limit 1,000 problems; raise it with MaxProblems or the program's -max-problems)"},
		{name: "no limit", max: -1, add: 5000, kept: 5000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := dangjian.NewProblemCap(tt.max)
			for i := range tt.add {
				c.Add(&dangjian.Problem{Kind: dangjian.ErrInvalid, Line: i + 1})
			}
			c.Add(nil) // ignored
			assert.Equal(t, tt.add, c.Len())
			assert.Equal(t, tt.more, c.More())
			ps := c.Problems()
			if tt.add == 0 {
				assert.Nil(t, ps)
				assert.NoError(t, c.Err())
				return
			}
			want := tt.kept
			if tt.more > 0 {
				want++
			}
			require.Len(t, ps, want)
			for i := range tt.kept { // the first ones, in order
				assert.Equal(t, i+1, ps[i].Line)
			}
			require.Error(t, c.Err())
			assert.Len(t, dangjian.ProblemsOf(c.Err()), want)
			if tt.more == 0 {
				assert.NotErrorIs(t, c.Err(), dangjian.ErrLimit)
				return
			}
			last := ps[len(ps)-1]
			assert.Equal(t, dangjian.ErrLimit, last.Kind)
			assert.Equal(t, "", last.Path)
			assert.Equal(t, tt.lastValue, last.Value)
			assert.Equal(t, tt.detail, last.Detail)
			assert.ErrorIs(t, c.Err(), dangjian.ErrLimit)
		})
	}
}

// Problems returns a new list each time: appending to it does not change
// the cap.
func TestProblemCapProblemsIsACopy(t *testing.T) {
	c := dangjian.NewProblemCap(2)
	c.AddAll(dangjian.Problems{{Kind: dangjian.ErrInvalid, Line: 1}, {Kind: dangjian.ErrInvalid, Line: 2}, {Kind: dangjian.ErrInvalid, Line: 3}})
	ps := c.Problems()
	ps[0] = nil
	_ = append(ps, &dangjian.Problem{Kind: dangjian.ErrMissing})
	again := c.Problems()
	require.Len(t, again, 3)
	assert.Equal(t, 1, again[0].Line)
	assert.Equal(t, "1", again[2].Value)
}
