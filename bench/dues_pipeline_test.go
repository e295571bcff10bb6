package bench

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The floor writes the library's ledger, byte for byte, on a generated
// roster: the same amounts, rules and flags on every row.
func TestDuesFloorEqualsLibrary(t *testing.T) {
	var roster bytes.Buffer
	require.NoError(t, GenerateDuesRoster(&roster, 50_000, 3))
	var floor, lib bytes.Buffer
	require.NoError(t, DuesFloor(bytes.NewReader(roster.Bytes()), &floor))
	bad, err := DuesLibrary(bytes.NewReader(roster.Bytes()), &lib)
	require.NoError(t, err)
	assert.Zero(t, bad)
	assert.Equal(t, 50_001, strings.Count(floor.String(), "\n"))
	for _, want := range []string{"DUES-CAP-1000", "DUES-WAGE-4", "DUES-PENSION-1", "DUES-FLAT-FARMER", ",true,false,false\n"} {
		assert.Contains(t, floor.String(), want) // the roster covers it
	}
	assert.True(t, floor.String() == lib.String(), "the floor's ledger differs from the library's")
}

// One row whose amount is worked by hand: 3000.01 × 1 % = 30.0001 → 30.00.
func TestDuesFloorOneRow(t *testing.T) {
	var floor, lib bytes.Buffer
	roster := "id,name,category,base,voluntary\nA,a,employed,3000.01,\n"
	require.NoError(t, DuesFloor(strings.NewReader(roster), &floor))
	_, err := DuesLibrary(strings.NewReader(roster), &lib)
	require.NoError(t, err)
	assert.Equal(t, lib.String(), floor.String())
	assert.Contains(t, floor.String(), "A,a,employed,3000.01,0.01,30.00,DUES-WAGE-2,0.00,30.00,false,false,false,false\n")
}

func TestGenerateDuesRosterIsDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	require.NoError(t, GenerateDuesRoster(&a, 1000, 9))
	require.NoError(t, GenerateDuesRoster(&b, 1000, 9))
	assert.Equal(t, a.String(), b.String())
}

func benchRoster(b *testing.B, n int) []byte {
	var roster bytes.Buffer
	require.NoError(b, GenerateDuesRoster(&roster, n, 1))
	return roster.Bytes()
}

func BenchmarkDuesPipelineFloor(b *testing.B) {
	roster := benchRoster(b, 100_000)
	b.ResetTimer()
	for range b.N {
		if err := DuesFloor(bytes.NewReader(roster), io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*100_000), "ns/row")
}

func BenchmarkDuesPipelineLibrary(b *testing.B) {
	roster := benchRoster(b, 100_000)
	b.ResetTimer()
	for range b.N {
		if _, err := DuesLibrary(bytes.NewReader(roster), io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*100_000), "ns/row")
}
