package orgmodel

import (
	"bytes"
	"io"
	"testing"

	"github.com/dangjian-go/dangjian"
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

// BenchmarkReadTreeCSVSynthetic reads and builds the tree of
// BenchmarkReadCSVSynthetic in one pass, as examples/orgchart does.
func BenchmarkReadTreeCSVSynthetic(b *testing.B) {
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
		t, err := ReadTreeCSV(bytes.NewReader(data), BuildOptions{})
		if err != nil || t.Len() != n {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/org")
}

// BenchmarkWriteFindings validates a synthetic tree of 100,000
// organizations and writes its findings as JSON, as examples/orgchart
// -format json does.
func BenchmarkWriteFindings(b *testing.B) {
	tree, err := Build(Synthetic(100_000, 1))
	if err != nil {
		b.Fatal(err)
	}
	v, err := NewValidator(NationalRules())
	if err != nil {
		b.Fatal(err)
	}
	asOf := dangjian.MustParseDate("2025-06-30")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sum, err := v.WriteFindings(io.Discard, tree, asOf, JSONFindings, nil)
		if err != nil || sum.Len() == 0 {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(tree.Len()), "ns/org")
}
