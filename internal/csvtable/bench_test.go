package csvtable

import (
	"strconv"
	"strings"
	"testing"
)

// BenchmarkReader reads a table of 100,000 rows of four cells, each cell
// read: the Reader's own cost a row (compare it across versions).
func BenchmarkReader(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("id,name,kind,note\n")
	for i := range 100_000 {
		sb.WriteString("M" + strconv.Itoa(i) + ",张伟,employed,note text\n")
	}
	in := sb.String()
	b.SetBytes(int64(len(in)))
	b.ResetTimer()
	for range b.N {
		t, err := Open(strings.NewReader(in), &testSpec)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for t.Next() {
			n += len(t.Cell(cID)) + len(t.Cell(cName)) + len(t.Cell(cKind)) + len(t.Cell(cNote))
		}
		if t.Err() != nil || n == 0 {
			b.Fatal(t.Err())
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*100_000), "ns/row")
}
