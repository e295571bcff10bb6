package main

import (
	"os"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian/assess"
)

// Reading any bytes as CSV subjects never panics, and a subject read scores
// or reports an error, never panics. (JSON subjects are read by the
// library's decoders, fuzzed in package assess.)
func FuzzReadCSV(f *testing.F) {
	data, err := os.ReadFile("testdata/flat-scheme.json")
	if err != nil {
		f.Fatal(err)
	}
	s, err := assess.DecodeScheme(strings.NewReader(string(data)))
	if err != nil {
		f.Fatal(err)
	}
	sc, err := assess.Compile(s)
	if err != nil {
		f.Fatal(err)
	}
	if csvData, err := os.ReadFile("testdata/flat.csv"); err == nil {
		f.Add(csvData)
	}
	f.Add([]byte("id,meetings,flag:veto,bonus:award\na,1e3,yes,99999999999999999999\n"))
	f.Add([]byte("\ufeffid,category,type,area\n\"a\",\"社区\",\"社\"\"区\",-5\n"))
	f.Add([]byte("id\n\n\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		subs, ps := readCSV("fuzz", data, s)
		if len(ps) > 0 {
			return
		}
		for _, sub := range subs {
			_, _ = sc.Explain(sub)
		}
	})
}
