package dtable

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func numCells(t *testing.T, texts ...string) []Cell {
	t.Helper()
	var box []Cell
	for _, s := range texts {
		tests, err := Parse(s)
		require.NoError(t, err, s)
		c, cerr := NumberCell(s, tests)
		require.Nil(t, cerr, s)
		box = append(box, c)
	}
	return box
}

// SubtractBox appends to dst; a box that sub does not meet is appended
// whole, not copied, for the work of the comparisons alone; a box that sub
// cuts is split into disjoint boxes and its work counts the copies.
func TestSubtractBox(t *testing.T) {
	box := numCells(t, "[0..10]", "[0..10]")
	dst := [][]Cell{numCells(t, "1", "1")}

	out, work := SubtractBox(dst, box, numCells(t, "[20..30]", "-"))
	require.Len(t, out, 2)
	assert.Same(t, &box[0], &out[1][0], "disjoint: the box itself")
	assert.Equal(t, opCost(&box[0], &numCells(t, "[20..30]")[0]), work, "one comparison")

	out, work = SubtractBox(nil, box, numCells(t, "[5..20]", "[5..20]"))
	require.Len(t, out, 2)
	assert.Equal(t, [][]Interval{ivsOf(t, "[0..5)"), ivsOf(t, "[0..10]")}, [][]Interval{out[0][0].Ivs, out[0][1].Ivs})
	assert.Equal(t, [][]Interval{ivsOf(t, "[5..10]"), ivsOf(t, "[0..5)")}, [][]Interval{out[1][0].Ivs, out[1][1].Ivs})
	assert.Greater(t, work, 2*2+2+2, "comparisons, operations and copies")

	out, _ = SubtractBox(nil, box, numCells(t, "-", "-"))
	assert.Empty(t, out, "covered")
}

func ivsOf(t *testing.T, s string) []Interval { return numCells(t, s)[0].Ivs }
