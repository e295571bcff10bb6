package orgmodel_test

import (
	"runtime"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/orgmodel"
)

// The benchmarks build and validate synthetic trees of 10 thousand to 5.3
// million organizations (the national scale: 525.0万 grassroots
// organizations at end-2024, 中共中央组织部《中国共产党党内统计公报》 of
// 2025-06-30). The
// n=5.3M cases need about 3 GiB of memory (BuildAndValidate run alone peaks
// at 3.0 GiB resident: 1.2 GiB of records, the tree and the report); they
// are skipped with -short. BENCHMARKS.md has the figures and the commands
// that reproduce them.

// benchSizes are the tree sizes benchmarked.
var benchSizes = []struct {
	name string
	n    int
}{
	{"n=10k", 10_000},
	{"n=100k", 100_000},
	{"n=1M", 1_000_000},
	{"n=5.3M", 5_300_000},
}

// benchSeed is the seed of every benchmark's records.
const benchSeed = 2024

var benchAsOf = dangjian.MustParseDate("2025-06-30")

// Sinks keep the compiler from discarding results.
var (
	treeSink   *orgmodel.Tree
	reportSink orgmodel.Report
)

// benchCache keeps the records (or tree) of the last size asked for, so
// that the repeated calls of one benchmark function generate them once;
// asking for another size drops them.
var benchCache struct {
	n    int
	recs orgmodel.Records
	tree *orgmodel.Tree
}

func benchRecords(b *testing.B, n int) orgmodel.Records {
	b.Helper()
	if benchCache.n != n || benchCache.recs.Orgs == nil {
		benchCache.n, benchCache.recs, benchCache.tree = 0, orgmodel.Records{}, nil
		runtime.GC()
		benchCache.n, benchCache.recs = n, orgmodel.Synthetic(n, benchSeed)
	}
	return benchCache.recs
}

func benchTree(b *testing.B, n int) *orgmodel.Tree {
	b.Helper()
	if benchCache.n != n || benchCache.tree == nil {
		recs := benchRecords(b, n)
		t, err := orgmodel.Build(recs)
		if err != nil {
			b.Fatal(err)
		}
		benchCache.recs, benchCache.tree = orgmodel.Records{}, t // the tree holds its own copy
	}
	return benchCache.tree
}

// perOrg runs f b.N times and reports time, allocations and bytes per
// organization, and the memory the process has obtained from the operating
// system so far (runtime.MemStats.Sys, not a peak of this benchmark alone).
func perOrg(b *testing.B, n int, f func()) {
	b.Helper()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f()
	}
	b.StopTimer()
	runtime.ReadMemStats(&after)
	orgs := float64(b.N) * float64(n)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/orgs, "ns/org")
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/orgs, "allocs/org")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/orgs, "B/org")
	b.ReportMetric(float64(after.Sys)/(1<<20), "sys-MiB")
}

// reportLive reports the bytes per organization that the value sink holds
// on the heap: the live heap with it minus the live heap after drop.
func reportLive(b *testing.B, n int, drop func()) {
	b.Helper()
	var with, without runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&with)
	drop()
	runtime.GC()
	runtime.ReadMemStats(&without)
	b.ReportMetric((float64(with.HeapAlloc)-float64(without.HeapAlloc))/float64(n), "live-B/org")
}

// recordsSink keeps generated records alive for reportLive.
var recordsSink orgmodel.Records

func BenchmarkBuild(b *testing.B) {
	for _, s := range benchSizes {
		b.Run(s.name, func(b *testing.B) {
			if s.n > 1_000_000 && testing.Short() {
				b.Skip("national scale: skipped with -short")
			}
			recs := benchRecords(b, s.n)
			perOrg(b, s.n, func() {
				t, err := orgmodel.Build(recs)
				if err != nil {
					b.Fatal(err)
				}
				treeSink = t
			})
			reportLive(b, s.n, func() { treeSink = nil })
		})
	}
}

func BenchmarkValidate(b *testing.B) {
	rules := orgmodel.NationalRules()
	for _, s := range benchSizes {
		b.Run(s.name, func(b *testing.B) {
			if s.n > 1_000_000 && testing.Short() {
				b.Skip("national scale: skipped with -short")
			}
			t := benchTree(b, s.n)
			perOrg(b, s.n, func() {
				rep, err := orgmodel.Validate(t, rules, benchAsOf)
				if err != nil {
					b.Fatal(err)
				}
				reportSink = rep
			})
			b.ReportMetric(float64(len(reportSink.Findings)), "findings")
			reportLive(b, s.n, func() { reportSink = orgmodel.Report{} })
		})
	}
}

func BenchmarkBuildAndValidate(b *testing.B) {
	rules := orgmodel.NationalRules()
	for _, s := range benchSizes {
		b.Run(s.name, func(b *testing.B) {
			if s.n > 1_000_000 && testing.Short() {
				b.Skip("national scale: skipped with -short")
			}
			recs := benchRecords(b, s.n)
			perOrg(b, s.n, func() {
				t, err := orgmodel.Build(recs)
				if err != nil {
					b.Fatal(err)
				}
				rep, err := orgmodel.Validate(t, rules, benchAsOf)
				if err != nil {
					b.Fatal(err)
				}
				treeSink, reportSink = t, rep
			})
			b.ReportMetric(float64(len(reportSink.Findings)), "findings")
			treeSink, reportSink = nil, orgmodel.Report{}
		})
	}
}

// BenchmarkSynthetic measures the generator; run alone at n=5.3M, it also
// shows how much of the memory of BenchmarkBuildAndValidate the records
// take.
func BenchmarkSynthetic(b *testing.B) {
	for _, s := range benchSizes {
		b.Run(s.name, func(b *testing.B) {
			if s.n > 1_000_000 && testing.Short() {
				b.Skip("national scale: skipped with -short")
			}
			perOrg(b, s.n, func() {
				recordsSink = orgmodel.Synthetic(s.n, benchSeed)
				if len(recordsSink.Orgs) != s.n {
					b.Fatalf("got %d organizations, want %d", len(recordsSink.Orgs), s.n)
				}
			})
			reportLive(b, s.n, func() { recordsSink = orgmodel.Records{} })
		})
	}
}
