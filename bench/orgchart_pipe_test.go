package bench

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/stretchr/testify/require"
)

// TestOrgchartPipeCounts checks, on small generated trees, that the
// pipeline the benchmark times (the built examples/orgchart) writes as many
// findings as orgmodel.Validate gives directly on the same file, and that
// the floor writes one JSON object per row with the header's keys.
func TestOrgchartPipeCounts(t *testing.T) {
	dir := t.TempDir()
	pipeBin, floorBin, err := BuildOrgchartBinaries(dir)
	require.NoError(t, err)
	asOf := "2025-06-30"
	for _, tc := range []struct {
		name  string
		n     int
		seed  uint64
		chain bool
	}{
		{"small", 300, 1, false},
		{"medium", 5000, 2024, false},
		{"chain", 3000, 0, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := filepath.Join(dir, tc.name+".csv")
			args := PipelineArgs(in, asOf)
			var err error
			if tc.chain {
				_, err = WriteChainTree(in, tc.n)
				args = append(args, "-max-depth", strconv.Itoa(tc.n))
			} else {
				_, err = WriteOrgchartTree(in, tc.n, tc.seed)
			}
			require.NoError(t, err)

			f, err := os.Open(in)
			require.NoError(t, err)
			recs, err := orgmodel.ReadCSV(f)
			f.Close()
			require.NoError(t, err)
			require.Len(t, recs.Orgs, tc.n)
			tree, err := orgmodel.BuildWith(recs, orgmodel.BuildOptions{MaxDepth: tc.n})
			require.NoError(t, err)
			report, err := orgmodel.Validate(tree, orgmodel.NationalRules(), dangjian.MustParseDate(asOf))
			require.NoError(t, err)
			require.NotEmpty(t, report.Findings, "the synthetic tree breaks some rules")

			out := filepath.Join(dir, tc.name+".json")
			run, err := RunChild(out, pipeBin, args...)
			require.NoError(t, err)
			n, err := CountJSONFindings(out)
			require.NoError(t, err)
			require.Equal(t, len(report.Findings), n)
			wantExit := 0
			for _, f := range report.Findings {
				if f.Severity == dangjian.Error {
					wantExit = 1
				}
			}
			require.Equal(t, wantExit, run.Exit)
			require.NotZero(t, run.PeakRSS)

			floorOut := filepath.Join(dir, tc.name+".jsonl")
			_, err = RunChild(floorOut, floorBin, "-in", in)
			require.NoError(t, err)
			g, err := os.Open(floorOut)
			require.NoError(t, err)
			defer g.Close()
			sc := bufio.NewScanner(g)
			rows := 0
			for sc.Scan() {
				var obj map[string]string
				require.NoError(t, json.Unmarshal(sc.Bytes(), &obj), "row %d", rows+1)
				require.Len(t, obj, len(header(t, in)))
				rows++
			}
			require.NoError(t, sc.Err())
			require.Equal(t, len(recs.Orgs), rows)
		})
	}
}

// header returns the cells of the CSV file's first line.
func header(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	require.True(t, sc.Scan())
	return strings.Split(sc.Text(), ",")
}
