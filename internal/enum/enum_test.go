package enum

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func table() *Table {
	return New("Color", []string{"", "red", "green"}, []string{"", "红", "绿"}, map[string]int{"赤": 1})
}

func TestTable(t *testing.T) {
	tb := table()
	tests := []struct {
		in   string
		want int
	}{
		{"red", 1}, {"RED", 1}, {" 红 ", 1}, {"赤", 1}, {"green", 2}, {"绿", 2},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			v, err := tb.Parse("pkg", tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, v)
		})
	}
	_, err := tb.Parse("pkg", "blue")
	assert.EqualError(t, err, `pkg: ParseColor("blue"): unknown color`)
	assert.Equal(t, "Color(9)", tb.Code(9))
	assert.Equal(t, "Color(-1)", tb.Label(-1))
	assert.True(t, tb.Valid(2))
	assert.False(t, tb.Valid(0))
	assert.False(t, tb.Valid(3))
	b, err := tb.Marshal("pkg", 0)
	require.NoError(t, err)
	assert.Empty(t, b)
	_, err = tb.Marshal("pkg", 7)
	assert.EqualError(t, err, "pkg: invalid color 7")
	v, err := tb.Unmarshal("pkg", nil)
	require.NoError(t, err)
	assert.Zero(t, v)
}

func TestNewRejectsAmbiguity(t *testing.T) {
	assert.Panics(t, func() { New("X", []string{"", "a", "b"}, []string{"", "甲", "甲"}, nil) })
	assert.Panics(t, func() { New("X", []string{"", "a"}, []string{""}, nil) })
}
