package orglife

import (
	"bytes"
	"os"
	"testing"

	"github.com/dangjian-go/dangjian"
)

// checkReading holds a reader to its contract on any input: no panic;
// each good record passes Meeting.Check and has a line; each bad one's
// problems have a kind and a line; a stop is a list of problems with
// kinds (the reader is a bytes.Reader, which never fails).
func checkReading(t *testing.T, scan func(each func(Meeting, dangjian.Problems) error) error) {
	err := scan(func(m Meeting, bad dangjian.Problems) error {
		if bad == nil {
			if p := m.Check(); p != nil {
				t.Fatalf("good record fails Check: %v", p)
			}
			if m.Line <= 0 {
				t.Fatalf("good record without a line: %+v", m)
			}
			return nil
		}
		for _, p := range bad {
			if p.Kind == nil || p.Line <= 0 {
				t.Fatalf("problem without kind or line: %#v", p)
			}
		}
		return nil
	})
	for _, p := range dangjian.ProblemsOf(err) {
		if p.Kind == nil {
			t.Fatalf("stop without a kind: %v", err)
		}
	}
}

func seeds(f *testing.F, names ...string) {
	for _, n := range names {
		b, err := os.ReadFile("testdata/" + n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

func FuzzScanCSV(f *testing.F) {
	seeds(f, "meetings.csv", "meetings-zh.csv")
	f.Add([]byte("org_id,type,date,expected,present,voting_expected,voting_present\nB1,党课,2024-01-01,3,3,3,\n"))
	tree := buildTree(f, testTree)
	f.Fuzz(func(t *testing.T, in []byte) {
		checkReading(t, func(each func(Meeting, dangjian.Problems) error) error {
			return ScanCSVWith(bytes.NewReader(in), dangjian.Limits{MaxRecordBytes: 4096}, each)
		})
		c, err := NewChecker(tree, NationalRules(), d("2024-01-01"), d("2025-01-01"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		c.AddCSV(bytes.NewReader(in), dangjian.Limits{})
		_ = c.Findings()
	})
}

func FuzzScanJSON(f *testing.F) {
	seeds(f, "meetings.json")
	f.Add([]byte(`[{"org":"B1","type":"party_day","date":"2024-01-01","expected":3,"present":3,"also":[]}]`))
	tree := buildTree(f, testTree)
	f.Fuzz(func(t *testing.T, in []byte) {
		checkReading(t, func(each func(Meeting, dangjian.Problems) error) error {
			return ScanJSONWith(bytes.NewReader(in), dangjian.Limits{MaxRecordBytes: 4096}, each)
		})
		c, err := NewChecker(tree, NationalRules(), d("2024-01-01"), d("2025-01-01"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		c.AddJSON(bytes.NewReader(in), dangjian.Limits{})
		_ = c.Findings()
	})
}
