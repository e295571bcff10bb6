package bench

import (
	"bytes"
	"io"
	"os"
	"strconv"
	"testing"
)

func BenchmarkZZLib1M(b *testing.B) {
	roster := benchRoster(b, 1_000_000)
	b.ResetTimer()
	for range b.N {
		if _, err := DuesLibrary(bytes.NewReader(roster), io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*1_000_000), "ns/row")
}

func BenchmarkZZFloor1M(b *testing.B) {
	roster := benchRoster(b, 1_000_000)
	b.ResetTimer()
	for range b.N {
		if err := DuesFloor(bytes.NewReader(roster), io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*1_000_000), "ns/row")
}

func TestZZWriteRoster(t *testing.T) {
	if os.Getenv("ZZ_ROSTER") == "" {
		t.Skip()
	}
	f, _ := os.Create(os.Getenv("ZZ_ROSTER"))
	n, _ := strconv.Atoi(os.Getenv("ZZ_ROWS"))
	if err := GenerateDuesRoster(f, n, 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
}
