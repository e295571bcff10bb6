package dangjian_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/dangjian-go/dangjian"
)

func TestAssumedDate(t *testing.T) {
	d := dangjian.MustParseDate
	a := dangjian.AssumedDate{ID: "ASSUME-X", Date: d("2017-01-01"),
		Window: dangjian.Period{From: d("2017-01-01"), To: d("2018-01-01")}, Why: "the notice is of 2017; its day is not known"}
	tests := []struct {
		name string
		a    dangjian.AssumedDate
		on   string
		want bool
	}{
		{"first day of the window", a, "2017-01-01", true},
		{"last day of the window", a, "2017-12-31", true},
		{"after the window", a, "2018-01-01", false},
		{"before the window", a, "2016-12-31", false},
		{"a known day decides nothing", dangjian.AssumedDate{ID: "K", Date: d("2017-03-01")}, "2017-03-01", false},
		{"the zero value decides nothing", dangjian.AssumedDate{}, "2017-03-01", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.a.Decides(d(tt.on)))
		})
	}
	assert.Equal(t, "decided by an assumed date: 2017-01-01 (ASSUME-X); the true day lies in [2017-01-01, 2018-01-01); the notice is of 2017; its day is not known", a.Note())
	assert.False(t, a.Known())
	assert.True(t, dangjian.AssumedDate{}.Known())
}
