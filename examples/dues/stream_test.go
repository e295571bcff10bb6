package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"github.com/dangjian-go/dangjian/textenc"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runWhole runs the program reading a CSV roster whole, as it did before
// it streamed: the reference the streaming path must equal.
func runWhole(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	cfg, status, ok := parseFlags(args, &errOut)
	require.True(t, ok, status)
	in, err := openInput(cfg.in, strings.NewReader(stdin), textenc.UTF8)
	require.NoError(t, err)
	defer in.close()
	jsonIn, err := in.isJSON(cfg.in)
	require.NoError(t, err)
	code := runAll(cfg, in, jsonIn, &out, &errOut)
	return result{code, out.String(), errOut.String()}
}

// TestStreamEqualsWhole: the streaming program writes the same ledger or
// JSON, problems, summary and exit status as reading the roster whole, on
// CSV and JSON rosters with bad rows, rows the rules refuse, repeated IDs
// (whose first row the rules refuse too) and text that stops being CSV or
// JSON.
func TestStreamEqualsWhole(t *testing.T) {
	var big strings.Builder
	big.WriteString("id,name,category,base,flat_amount,voluntary\n")
	for i := 0; i < 3000; i++ {
		switch {
		case i%997 == 5:
			fmt.Fprintf(&big, "F%d,farmer,farmer,,1.50,\n", i) // refused by the rules
		case i%1000 == 7:
			fmt.Fprintf(&big, "F%d,again,employed,100,,\n", i-2) // repeats the farmer's ID
		case i%1000 == 9:
			fmt.Fprintf(&big, "M%d,again,retired,100,,\n", i-5) // repeats a good row's ID
		case i%701 == 3:
			fmt.Fprintf(&big, "X%d,bad,employed,\"1,000\",,\n", i)
		default:
			fmt.Fprintf(&big, "M%d,\"name, %d\",employed,%d.%02d,,%d\n", i, i, i*7, i%100, i%3*600)
		}
	}
	rosters := map[string]string{
		"clean":        "id,name,category,base\n01,a,employed,4000\n02,b,retired,5000\n",
		"repeated":     "id,name,category,base,flat_amount\nA,a,farmer,,1.50\nB,b,employed,100,\nA,c,employed,300,\nA,d,employed,300,\nC,e,student,,\nB,f,retired,4000,\n",
		"syntax":       "id,name,category,base\n01,a,employed,4000\n02,\"b,employed,5000\n",
		"header":       "id,name,salary\n01,a,1\n",
		"blank":        "id,name,category,base\n\n01,a,employed,4000\n,,,\n",
		"wide":         "id,name,category,base\n01,a,employed,4000,9\n",
		"generated":    big.String(),
		"header only":  "id,name,category,base\n",
		"empty":        "",
		"bom and crlf": "\uFEFFid,name,category,base\r\n01,a,employed,4000\r\n",
		"json":         `[{"id":"01","category":"employed","base":"4000"},{"id":"02","name":"b","category":"retired","base":"5000"}]`,
		"json repeated": `[{"id":"A","category":"farmer","flatAmount":"1.50"},{"id":"B","category":"employed","base":"100"},` +
			`{"id":"A","category":"employed","base":"300"},{"id":"C","category":"student"},{"id":"B","category":"nobody"}]`,
		"json syntax":    `[{"id":"01","category":"employed","base":"4000"},{"id":"02",`,
		"json not UTF-8": "[{\"id\":\"01\",\"category\":\"employed\",\"base\":\"4000\"},{\"id\":\"\xff\"}]",
		"json empty":     `[]`,
	}
	for name, roster := range rosters {
		for _, args := range [][]string{{"-date", "2024-06-01"}, {"-date", "2016-06-01", "-lang", "zh"}, {"-date", "2024-06-01", "-format", "json"}} {
			t.Run(name+" "+strings.Join(args, " "), func(t *testing.T) {
				args := append([]string{"-in", "-"}, args...)
				want := runWhole(t, roster, args...)
				got := runWith(t, roster, args...)
				assert.Equal(t, want, got)
			})
		}
	}
}

func TestStreamMissingFile(t *testing.T) {
	r := runWith(t, "", "-in", "testdata/no-such.csv")
	assert.Equal(t, exitInput, r.code)
	assert.Equal(t, "dues: open testdata/no-such.csv: no such file or directory\n", r.stderr)
	assert.Empty(t, r.stdout)
}

// -max-id-memory: a budget the roster outgrows gives one warning on
// standard error, with the line from which new IDs are not checked for
// repeats; the ledger is still whole and the exit status 0. The repeat
// of an ID kept before is still found.
func TestMaxIDMemory(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,name,category,base\n")
	for i := range 1000 {
		fmt.Fprintf(&b, "M%05d,m,employed,3000.00\n", i)
	}
	roster := b.String()
	for _, format := range []string{"csv", "json"} {
		t.Run(format, func(t *testing.T) {
			res := runWith(t, roster, "-in", "-", "-date", "2024-06-01", "-format", format, "-max-id-memory", "12288")
			assert.Equal(t, 0, res.code, res.stderr)
			assert.Contains(t, res.stderr, "stdin:275:1: id: repeated IDs not checked: the IDs kept to find repeats reached their memory budget, in bytes: from this line on")
			assert.Contains(t, res.stderr, `-max-id-memory (-1: no limit) ("12288")`)
			assert.Contains(t, res.stderr, "1000 members computed")
			assert.Equal(t, 1, strings.Count(res.stderr, "memory budget"))
			full := runWith(t, roster, "-in", "-", "-date", "2024-06-01", "-format", format)
			assert.Equal(t, full.stdout, res.stdout, "the same output")
			assert.NotContains(t, full.stderr, "not checked")
		})
	}
	res := runWith(t, roster+"M00003,again,employed,3000.00\n", "-in", "-", "-date", "2024-06-01", "-max-id-memory", "12288")
	assert.Equal(t, 1, res.code)
	assert.Contains(t, res.stderr, `stdin:1002:1: id (id "M00003"): duplicate ID: first on line 5`)
	res = runWith(t, roster, "-in", "-", "-date", "2024-06-01", "-max-id-memory", "x")
	assert.Equal(t, 2, res.code)
}

// -max-problems lists that many problems and counts the rest, in text and
// in JSON, with the exit status and the rows not computed as without it;
// -max-rows and -max-record-bytes end the reading with one problem naming
// the limit (exit 2).
func TestLimitFlags(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,name,category,base\n")
	for i := range 5 {
		fmt.Fprintf(&b, "X%d,x,nobody,1\n", i)
	}
	b.WriteString("G,g,employed,100\n")
	roster := b.String()

	r := runWith(t, roster, "-in", "-", "-date", "2024-06-01", "-max-problems", "2")
	assert.Equal(t, 1, r.code)
	assert.Equal(t, 3, strings.Count(r.stderr, "stdin:"), r.stderr)
	assert.Contains(t, r.stderr, "stdin: exceeds a limit: 3 more problems not listed (limit 2 problems; raise it with MaxProblems or the program's -max-problems)")
	assert.Contains(t, r.stderr, "1 members computed, 5 rows not computed")
	full := runWith(t, roster, "-in", "-", "-date", "2024-06-01")
	assert.Equal(t, full.stdout, r.stdout)
	assert.Equal(t, 5, strings.Count(full.stderr, "stdin:"))
	none := runWith(t, roster, "-in", "-", "-date", "2024-06-01", "-max-problems", "-1")
	assert.Equal(t, full, none)

	r = runWith(t, roster, "-in", "-", "-date", "2024-06-01", "-max-problems", "2", "-format", "json")
	assert.Equal(t, 2, r.code)
	var out struct {
		Problems []struct{ Code, Value string } `json:"problems"`
		Dues     []json.RawMessage              `json:"dues"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &out))
	require.Len(t, out.Problems, 3)
	assert.Equal(t, "limit", out.Problems[2].Code)
	assert.Equal(t, "3", out.Problems[2].Value)
	assert.Len(t, out.Dues, 1)

	r = runWith(t, roster, "-in", "-", "-date", "2024-06-01", "-max-rows", "4")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "dues: stdin:6: exceeds a limit: more than 4 rows (limit 4 rows; raise it with MaxRecords or the program's -max-rows)")
	assert.Empty(t, r.stdout)
	r = runWith(t, roster, "-in", "-", "-date", "2024-06-01", "-max-rows", "6")
	assert.Equal(t, 1, r.code, r.stderr)

	r = runWith(t, roster, "-in", "-", "-date", "2024-06-01", "-max-record-bytes", "12", "-format", "json")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "longer than 12 bytes")
	assert.Contains(t, r.stdout, `"code": "limit"`)

	r = runWith(t, `[{"id":"A","category":"employed","base":"1"},{"id":"B","category":"employed","base":"2"}]`,
		"-in", "-", "-date", "2024-06-01", "-max-rows", "1")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "more than 1 elements")

	r = runWith(t, "", "-h")
	for _, flag := range []string{"-max-rows", "-max-record-bytes", "-max-problems", "-max-id-memory"} {
		assert.Contains(t, r.stderr, flag)
	}
}

// Standard output a regular file: the ledger is written there directly,
// and taken back to where it started for a second reading (a repeated
// ID) or a reading that fails; what the file held before stays. The bytes
// are those written through the temporary file.
func TestDirectOutput(t *testing.T) {
	rosters := map[string]string{
		"clean":    "id,name,category,base\n01,a,employed,4000\n02,b,retired,5000\n",
		"repeated": "id,name,category,base,flat_amount\nA,a,farmer,,1.50\nB,b,employed,100,\nA,c,employed,300,\nC,e,student,,\n",
		"syntax":   "id,name,category,base\n01,a,employed,4000\n02,\"b,employed,5000\n",
	}
	for name, roster := range rosters {
		t.Run(name, func(t *testing.T) {
			want := runWith(t, roster, "-in", "-", "-date", "2024-06-01")
			for _, before := range []string{"", "kept\n"} {
				f, err := os.OpenFile(filepath.Join(t.TempDir(), "ledger.csv"), os.O_CREATE|os.O_RDWR|os.O_APPEND, 0o600)
				require.NoError(t, err)
				_, err = f.WriteString(before)
				require.NoError(t, err)
				var errOut bytes.Buffer
				code := run([]string{"-in", "-", "-date", "2024-06-01"}, strings.NewReader(roster), f, &errOut)
				require.NoError(t, f.Close())
				got, err := os.ReadFile(f.Name())
				require.NoError(t, err)
				assert.Equal(t, want.code, code)
				assert.Equal(t, want.stderr, errOut.String())
				assert.Equal(t, before+want.stdout, string(got))
			}
		})
	}
}
