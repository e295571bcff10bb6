package orgmodel

import (
	"bytes"
	"testing"

	"github.com/google/uuid"
)

// BenchmarkReadCSVSynthetic reads a tree of 100,000 organizations made by
// Synthetic and written by WriteCSV (UUID ids, English header).
func BenchmarkReadCSVSynthetic(b *testing.B) {
	tree, err := Build(Synthetic(100_000, 1))
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, tree, uuid.Nil, English); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	n := tree.Len()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		recs, err := ReadCSV(bytes.NewReader(data))
		if err != nil || len(recs.Orgs) != n {
			b.Fatal(err, len(recs.Orgs))
		}
		sinkRecords = recs
	}
}
