package dues_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/dangjian-go/dangjian/funding/dues"
)

// benchRosterJSON is a roster of n members: mostly employed with a base,
// some retired with a pension slip, some self-employed with months and
// some flat categories.
func benchRosterJSON(n int) []byte {
	var b bytes.Buffer
	b.WriteString("[\n")
	for i := range n {
		if i > 0 {
			b.WriteString(",\n")
		}
		switch i % 10 {
		case 0, 1:
			fmt.Fprintf(&b, `{"id": "R%06d", "name": "李娜", "category": "retired", "payslip": {"employer": "pensioner", "items": [{"kind": "basic_pension", "amount": %d}], "incomeTax": 0}}`, i, 3000+i%5000)
		case 2:
			fmt.Fprintf(&b, `{"id": "S%06d", "category": "self_employed", "months": ["4200", 3900, %d.5]}`, i, 4000+i%900)
		case 3:
			fmt.Fprintf(&b, `{"id": "F%06d", "category": "农民", "flatAmount": "0.50"}`, i)
		default:
			fmt.Fprintf(&b, `{"id": "E%06d", "name": "张伟", "category": "在职", "base": "%d.%02d"}`, i, 2000+i%20000, i%100)
		}
	}
	b.WriteString("\n]\n")
	return b.Bytes()
}

var sinkRows []dues.RosterRow

// BenchmarkDecodeRosterJSON decodes a roster of 100,000 members.
func BenchmarkDecodeRosterJSON(b *testing.B) {
	data := benchRosterJSON(100_000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rows, err := dues.DecodeRosterJSON(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		sinkRows = rows
	}
}
