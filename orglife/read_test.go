package orglife

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/golden"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// report renders what a reading gives: the problems of bad rows, the
// error that stopped it, the findings as JSON and the summary.
func report(t *testing.T, c *Checker, rows dangjian.Problems, stop error) []byte {
	t.Helper()
	var b bytes.Buffer
	fmt.Fprintf(&b, "meetings counted: %d\n", c.Meetings())
	for _, p := range rows {
		fmt.Fprintf(&b, "problem: %s\n", p)
	}
	if stop != nil {
		fmt.Fprintf(&b, "stop: %v\n", stop)
	}
	for _, s := range c.Summary() {
		fmt.Fprintf(&b, "tally: %s %s required %d held %d short %d quorum failures %d\n", s.Org, s.Type, s.Required, s.Held, s.Shortfall, s.QuorumFailures)
	}
	for _, f := range c.Findings() {
		j, err := json.Marshal(f)
		require.NoError(t, err)
		b.Write(j)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

func TestAddCSVGolden(t *testing.T) {
	for _, name := range []string{"meetings.csv", "meetings-zh.csv"} {
		t.Run(name, func(t *testing.T) {
			f, err := os.Open("testdata/" + name)
			require.NoError(t, err)
			defer f.Close()
			c := newChecker(t, NationalRules(), "2024-01-01", "2025-01-01", Options{})
			rows, stop := c.AddCSV(f, dangjian.Limits{})
			golden.Check(t, "testdata/"+strings.TrimSuffix(name, ".csv")+".golden", report(t, c, rows, stop))
		})
	}
}

func TestAddJSONGolden(t *testing.T) {
	f, err := os.Open("testdata/meetings.json")
	require.NoError(t, err)
	defer f.Close()
	c := newChecker(t, NationalRules(), "2024-01-01", "2025-01-01", Options{})
	rows, stop := c.AddJSON(f, dangjian.Limits{})
	golden.Check(t, "testdata/meetings-json.golden", report(t, c, rows, stop))
}

// The same meetings in CSV and JSON count alike.
func TestCSVAndJSONAgree(t *testing.T) {
	csvIn := "org_id,type,date,expected,present,voting_expected,voting_present,also,year,id\n" +
		"B1,member_meeting,2024-03-28,10,9,9,8,party_day,,M1\n" +
		"B1,life_meeting,2025-01-10,10,10,,,member_review,2024,M2\n"
	jsonIn := `[{"id":"M1","org":"B1","type":"member_meeting","also":["party_day"],"date":"2024-03-28","expected":10,"present":9,"votingExpected":9,"votingPresent":8},
{"id":"M2","org":"B1","type":"life_meeting","also":["member_review"],"date":"2025-01-10","year":2024,"expected":10,"present":10}]`
	var a, b []Meeting
	require.NoError(t, ScanCSV(strings.NewReader(csvIn), func(m Meeting, bad dangjian.Problems) error {
		require.Nil(t, bad)
		m.Line = 0
		a = append(a, m)
		return nil
	}))
	require.NoError(t, ScanJSON(strings.NewReader(jsonIn), func(m Meeting, bad dangjian.Problems) error {
		require.Nil(t, bad)
		m.Line = 0
		b = append(b, m)
		return nil
	}))
	assert.Equal(t, a, b)
	// A Meeting's JSON reads back.
	j, err := json.Marshal(a)
	require.NoError(t, err)
	var c []Meeting
	require.NoError(t, ScanJSON(bytes.NewReader(j), func(m Meeting, bad dangjian.Problems) error {
		require.Nil(t, bad, "%s", j)
		m.Line = 0
		c = append(c, m)
		return nil
	}))
	assert.Equal(t, a, c)
}

func TestReadersStop(t *testing.T) {
	tests := []struct {
		name string
		csv  bool
		in   string
		lim  dangjian.Limits
		kind *dangjian.Kind
		rows int // good rows passed before the stop
	}{
		{"csv: missing column", true, "org_id,type,date,expected\nB1,party_day,2024-01-01,3\n", dangjian.Limits{}, dangjian.ErrHeader, 0},
		{"csv: a voting column alone", true, "org_id,type,date,expected,present,voting_present\n", dangjian.Limits{}, dangjian.ErrHeader, 0},
		{"csv: empty", true, "", dangjian.Limits{}, dangjian.ErrHeader, 0},
		{"csv: not CSV", true, "org_id,type,date,expected,present\nB1,party_day,2024-01-01,3,3\nB1,\"x\"y,2024-01-01,3,3\n", dangjian.Limits{}, dangjian.ErrSyntax, 1},
		{"csv: too many rows", true, "org_id,type,date,expected,present\nB1,party_day,2024-01-01,3,3\nB1,party_day,2024-01-02,3,3\n", dangjian.Limits{MaxRecords: 1}, dangjian.ErrLimit, 1},
		{"json: not an array", false, `{"org": "B1"}`, dangjian.Limits{}, dangjian.ErrSyntax, 0},
		{"json: broken", false, `[{"org": "B1", "type": "party_day", "date": "2024-01-01", "expected": 3, "present": 3}, {"org": }]`, dangjian.Limits{}, dangjian.ErrSyntax, 1},
		{"json: not UTF-8", false, "[{\"org\": \"B\xff\"}]", dangjian.Limits{}, dangjian.ErrEncoding, 0},
		{"json: too many", false, `[{"org": "B1", "type": "party_day", "date": "2024-01-01", "expected": 3, "present": 3}, {}]`, dangjian.Limits{MaxRecords: 1}, dangjian.ErrLimit, 1},
		{"json: data after", false, `[] x`, dangjian.Limits{}, dangjian.ErrSyntax, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := 0
			each := func(m Meeting, bad dangjian.Problems) error {
				if bad == nil {
					n++
				}
				return nil
			}
			var err error
			if tt.csv {
				err = ScanCSVWith(strings.NewReader(tt.in), tt.lim, each)
			} else {
				err = ScanJSONWith(strings.NewReader(tt.in), tt.lim, each)
			}
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.kind)
			assert.Equal(t, tt.rows, n)
		})
	}
}

// Problems beyond MaxProblems are counted, not listed.
func TestAddCSVCapsProblems(t *testing.T) {
	var b strings.Builder
	b.WriteString("org_id,type,date,expected,present\n")
	for range 10 {
		b.WriteString("B1,bad,2024-01-01,3,3\n")
	}
	b.WriteString("B1,party_day,2024-01-01,3,3\n")
	c := newChecker(t, NationalRules(), "2024-01-01", "2025-01-01", Options{})
	rows, stop := c.AddCSV(strings.NewReader(b.String()), dangjian.Limits{MaxProblems: 3})
	require.NoError(t, stop)
	require.Len(t, rows, 4)
	assert.ErrorIs(t, rows[3], dangjian.ErrLimit)
	assert.Equal(t, "7", rows[3].Value)
	assert.Equal(t, int64(1), c.Meetings())
}
