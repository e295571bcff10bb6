package compare_test

import (
	"bytes"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/conformance/compare"
)

// FuzzReadGot reads any bytes as GOT of every kind: it never panics,
// every problem has a line, and no more keys are kept than rows read.
func FuzzReadGot(f *testing.F) {
	for _, s := range []string{
		"id,dues\n1,45.25\n2,\"1,000.00\"\n1,3\n",
		"编号,月份,本期应预扣预缴税额\n1,2024-03,12.50\n1,2024/3,0\n",
		"id,total,grade\n1,87.63,优秀\n2,abc,\n",
		"id,rule\n1001,ORG-BRANCH-MIN-3\n1001,\n",
		"\xef\xbb\xbfid,dues,x\n\xff,1\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, k := range compare.Kinds() {
			lim := dangjian.Limits{MaxRecordBytes: 4096, MaxRecords: 1000}
			bad := 0
			g, err := compare.ReadGot(bytes.NewReader(data), k, lim, func(p *dangjian.Problem) {
				bad++
				if p.Line < 1 || p.Kind == nil {
					t.Fatalf("%s: problem without a line or kind: %v", k, p)
				}
			})
			if err != nil {
				if g != nil {
					t.Fatalf("%s: a GOT and an error", k)
				}
				continue
			}
			if g.Len() > 1000 {
				t.Fatalf("%s: %d keys from at most 1000 rows", k, g.Len())
			}
		}
	})
}
