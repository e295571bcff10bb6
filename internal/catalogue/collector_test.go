package catalogue

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCollectorMerge: a rule two tables share is listed once with both
// tables; a shared ID with other content is an error naming both tables.
func TestCollectorMerge(t *testing.T) {
	e := Entry{Area: "funding", Family: "F", Table: "A", ID: "R-1", Value: "1%", Source: Source{Doc: "d", Confidence: "verified"}}
	var c collector
	c.add(e)
	same := e
	same.Table = "B"
	c.add(same)
	c.add(same) // a table seen twice is named once
	require.Empty(t, c.errs)
	require.Len(t, c.entries, 1)
	assert.Equal(t, "A, B", c.entries[0].Table)

	other := e
	other.Table = "C"
	other.Value = "2%"
	c.add(other)
	require.Len(t, c.errs, 1)
	assert.EqualError(t, c.errs[0], `catalogue: rule "R-1" differs between A, B and C`)
	assert.Len(t, c.entries, 1)
}

// TestUnknownSource: a part citing a source its scheme does not list is an
// error; a part citing none is uncited.
func TestUnknownSource(t *testing.T) {
	var c collector
	ct := cites{c: &c, owner: "scheme", sources: nil}
	assert.Equal(t, Uncited, ct.of("s/x", "").Confidence)
	ct.of("s/y", "nowhere")
	require.Len(t, c.errs, 1)
	assert.EqualError(t, c.errs[0], `catalogue: s/y cites unknown source "nowhere"`)
}
