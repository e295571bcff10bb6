package conformance_test

import (
	"math/big"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian/conformance"
)

// FuzzAssessDiff feeds AssessDiff a caller's total, grade and rank, the
// only text of a caller that the helpers parse: it never panics, reports
// nothing for the expected total written as any equal plain decimal, and
// reports the total for any text that is not a plain decimal equal to it.
func FuzzAssessDiff(f *testing.F) {
	for _, s := range []string{"90", "90.00", "90.0000001", "-90", "9e1", "180/2", ".5", "5.", "", " 90", "90.", "0x5A", "９０"} {
		f.Add(s, "优秀", 1)
	}
	want := []conformance.AssessExpect{{ID: "a", Total: "90.00", Grade: "优秀", Rank: 1, Rules: []string{"jifen/bands"}}}
	f.Fuzz(func(t *testing.T, total, grade string, rank int) {
		diff := conformance.AssessDiff(want, []conformance.AssessResult{{ID: "a", Total: total, Grade: grade, Rank: rank}})
		totalReported := false
		for _, d := range diff {
			totalReported = totalReported || strings.HasPrefix(d, `subject "a": total want`)
		}
		plain := total != "" && strings.Trim(total, "0123456789.") == "" && strings.Count(total, ".") <= 1 &&
			total[0] != '.' && total[len(total)-1] != '.'
		equal := false
		if plain {
			x, ok := new(big.Rat).SetString(total)
			equal = ok && x.Cmp(big.NewRat(90, 1)) == 0
		}
		if equal == totalReported {
			t.Fatalf("total %q: equal %v, reported %v: %q", total, equal, totalReported, diff)
		}
	})
}
