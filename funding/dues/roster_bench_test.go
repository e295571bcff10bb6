package dues_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/dangjian-go/dangjian/funding/dues"
)

// benchRoster returns a roster of n members under a Chinese header: bases,
// months, payslips, flat categories and reductions in turn.
func benchRoster(n int) []byte {
	var b bytes.Buffer
	b.WriteString("编号,姓名,党员类别,基数,各月收入,单位类型,岗位工资,薪级工资,个人所得税,住房公积金,预备党员日期,定额,自愿多交,减免后党费,减免批准单位,减免批准日期\n")
	for i := 0; i < n; i++ {
		switch i % 5 {
		case 0:
			fmt.Fprintf(&b, "M%d,党员%d,在职,%d.50,,,,,,,,,,,,\n", i, i, 3000+i%7000)
		case 1:
			fmt.Fprintf(&b, "M%d,党员%d,个体,,%d|%d|%d,,,,,,,,,,,\n", i, i, 4000+i%900, 3900, 4651)
		case 2:
			fmt.Fprintf(&b, "M%d,党员%d,在职,,,机关,%d,1200,120.50,720,2024-03-01,,50,,,\n", i, i, 2800+i%500)
		case 3:
			fmt.Fprintf(&b, "M%d,党员%d,农民,,,,,,,,,0.50,,,,\n", i, i)
		default:
			fmt.Fprintf(&b, "M%d,党员%d,离退休,3000,,,,,,,,,,0,某街道党工委,2024-03-15\n", i, i)
		}
	}
	return b.Bytes()
}

// BenchmarkReadRoster reads a roster of 100,000 members.
func BenchmarkReadRoster(b *testing.B) {
	data := benchRoster(100_000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rows, err := dues.ReadRoster(bytes.NewReader(data))
		if err != nil || len(rows) != 100_000 {
			b.Fatal(err, len(rows))
		}
	}
}
