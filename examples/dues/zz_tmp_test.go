package main

import (
	"io"
	"os"
	"testing"
)

func BenchmarkZZProgram1M(b *testing.B) {
	for range b.N {
		f, _ := os.CreateTemp("", "zz-out")
		run([]string{"-in", "/tmp/dues-wt/roster1m.csv", "-date", "2024-06-01"}, nil, f, io.Discard)
		f.Close()
		os.Remove(f.Name())
	}
}
