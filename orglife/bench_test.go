package orglife

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
)

// benchTree is a committee over n branches of 8 full members, each with
// one party group.
func benchTree(b *testing.B, n int) string {
	var s strings.Builder
	s.WriteString("id,parent_id,kind,domain,name,full_members,probationary_members\nC,,党委,社区,党委,0,0\n")
	for i := range n {
		fmt.Fprintf(&s, "B%d,C,党支部,社区,支部%d,8,0\nG%d,B%d,党小组,社区,小组%d,4,0\n", i, i, i, i, i)
	}
	return s.String()
}

// benchMeetings returns a year of meetings for the tree: a 主题党日 and a
// 支委会 each month, a 党员大会 each quarter with a vote, a 党小组会 each month.
func benchMeetings(n int) []Meeting {
	var out []Meeting
	for i := range n {
		b, g := fmt.Sprintf("B%d", i), fmt.Sprintf("G%d", i)
		for m := 1; m <= 12; m++ {
			day := dangjian.NewDate(2024, 1, 1).AddMonths(m - 1).AddDays(i % 27)
			out = append(out,
				Meeting{Org: b, Type: PartyDay, Date: day, Expected: 8, Present: 7},
				Meeting{Org: b, Type: Committee, Date: day, Expected: 3, Present: 3},
				Meeting{Org: g, Type: GroupMeeting, Date: day, Expected: 4, Present: 4})
			if m%3 == 0 {
				out = append(out, Meeting{Org: b, Type: MemberMeeting, Date: day, Expected: 8, Present: 7,
					Voting: true, VotingExpected: 8, VotingPresent: 5})
			}
		}
	}
	return out
}

// BenchmarkCheckerAdd counts meetings already read, reporting meetings/s,
// for 2,000 and 50,000 branches (4,001 and 100,001 organizations; 84,000
// and 2,100,000 meetings a year).
func BenchmarkCheckerAdd(b *testing.B) {
	for _, n := range []int{2000, 50000} {
		b.Run(fmt.Sprintf("branches=%d", n), func(b *testing.B) {
			tree := buildTree(b, benchTree(b, n))
			ms := benchMeetings(n)
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				c, err := NewChecker(tree, NationalRules(), d("2024-01-01"), d("2025-01-01"), Options{})
				if err != nil {
					b.Fatal(err)
				}
				for _, m := range ms {
					if err := c.Add(m); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(len(ms))*float64(b.N)/b.Elapsed().Seconds(), "meetings/s")
		})
	}
}

// BenchmarkAddCSV reads and counts a CSV of meetings, reporting
// meetings/s.
func BenchmarkAddCSV(b *testing.B) {
	const n = 2000
	tree := buildTree(b, benchTree(b, n))
	var in bytes.Buffer
	in.WriteString("org_id,type,date,expected,present,voting_expected,voting_present\n")
	ms := benchMeetings(n)
	for _, m := range ms {
		ve, vp := "", ""
		if m.Voting {
			ve, vp = fmt.Sprint(m.VotingExpected), fmt.Sprint(m.VotingPresent)
		}
		fmt.Fprintf(&in, "%s,%s,%s,%d,%d,%s,%s\n", m.Org, m.Type, m.Date, m.Expected, m.Present, ve, vp)
	}
	b.SetBytes(int64(in.Len()))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		c, err := NewChecker(tree, NationalRules(), d("2024-01-01"), d("2025-01-01"), Options{})
		if err != nil {
			b.Fatal(err)
		}
		rows, stop := c.AddCSV(bytes.NewReader(in.Bytes()), dangjian.Limits{})
		if len(rows) > 0 || stop != nil {
			b.Fatal(rows, stop)
		}
	}
	b.ReportMetric(float64(len(ms))*float64(b.N)/b.Elapsed().Seconds(), "meetings/s")
}

// BenchmarkAddJSON reads and counts a JSON array of meetings, reporting
// meetings/s.
func BenchmarkAddJSON(b *testing.B) {
	const n = 2000
	tree := buildTree(b, benchTree(b, n))
	ms := benchMeetings(n)
	in, err := json.Marshal(ms)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		c, err := NewChecker(tree, NationalRules(), d("2024-01-01"), d("2025-01-01"), Options{})
		if err != nil {
			b.Fatal(err)
		}
		rows, stop := c.AddJSON(bytes.NewReader(in), dangjian.Limits{})
		if len(rows) > 0 || stop != nil {
			b.Fatal(rows, stop)
		}
	}
	b.ReportMetric(float64(len(ms))*float64(b.N)/b.Elapsed().Seconds(), "meetings/s")
}

// BenchmarkScanJSONSmall is one small input: the cost of a reading.
func BenchmarkScanJSONSmall(b *testing.B) {
	in := []byte(`[{"org":"B1","type":"party_day","date":"2024-01-01","expected":3,"present":3}]`)
	for range b.N {
		_ = ScanJSON(bytes.NewReader(in), func(Meeting, dangjian.Problems) error { return nil })
	}
}
