package compare_test

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/conformance/compare"
)

// BenchmarkCompareDues compares 20,000 members with an export made with
// new BigDecimal(double): about a quarter of the rows differ.
func BenchmarkCompareDues(b *testing.B) {
	const n = 20000
	var rb, gb strings.Builder
	rb.WriteString("id,name,category,base\n")
	gb.WriteString("id,name,dues\n")
	for i := 0; i < n; i++ {
		v := 1000 + i%9001
		fmt.Fprintf(&rb, "M%07d,n,employed,%d\n", i, v)
		fmt.Fprintf(&gb, "M%07d,n,%s\n", i, bigDecimalOfDouble(v))
	}
	roster, got := rb.String(), gb.String()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_, err := compare.Compare(compare.Input{Kind: compare.Dues, Name: "r", GotName: "g",
			Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(roster)), nil },
			Got:  strings.NewReader(got)}, compare.Options{Date: dangjian.MustParseDate("2024-06-01")},
			func(compare.Difference) error { return nil })
		if err != nil {
			b.Fatal(err)
		}
	}
}
