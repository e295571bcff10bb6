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

func TestPlainErrors(t *testing.T) {
	tb := table()
	v, err := tb.Find(" 红 ")
	require.NoError(t, err)
	assert.Equal(t, 1, v)
	_, err = tb.Find("blue")
	assert.EqualError(t, err, `unknown color "blue"`)
	var u *Unknown
	require.ErrorAs(t, err, &u)
	assert.Equal(t, Unknown{Enum: "color", Input: "blue"}, *u)
	_, err = tb.Encode(7)
	assert.EqualError(t, err, "undefined color 7")
	b, err := tb.Encode(2)
	require.NoError(t, err)
	assert.Equal(t, "green", string(b))
	b, err = tb.Encode(0)
	require.NoError(t, err)
	assert.Empty(t, b)
	v, err = tb.Decode(nil)
	require.NoError(t, err)
	assert.Zero(t, v)
	_, err = tb.Decode([]byte("x"))
	assert.EqualError(t, err, `unknown color "x"`)
	// Parse keeps its older message for the packages that still use it.
	_, err = tb.Parse("pkg", "blue")
	assert.EqualError(t, err, `pkg: ParseColor("blue"): unknown color`)
}
