package bench

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
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
		name string
		n    int
		seed uint64
	}{
		{"small", 300, 1},
		{"medium", 5000, 2024},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := filepath.Join(dir, tc.name+".csv")
			_, err := WriteOrgchartTree(in, tc.n, tc.seed)
			require.NoError(t, err)

			f, err := os.Open(in)
			require.NoError(t, err)
			recs, err := orgmodel.ReadCSV(f)
			f.Close()
			require.NoError(t, err)
			tree, err := orgmodel.Build(recs)
			require.NoError(t, err)
			report, err := orgmodel.Validate(tree, orgmodel.NationalRules(), dangjian.MustParseDate(asOf))
			require.NoError(t, err)
			require.NotEmpty(t, report.Findings, "the synthetic tree breaks some rules")

			out := filepath.Join(dir, tc.name+".json")
			run, err := RunChild(out, pipeBin, PipelineArgs(in, asOf)...)
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
				require.Contains(t, obj, "id")
				require.Contains(t, obj, "parent_id")
				rows++
			}
			require.NoError(t, sc.Err())
			require.Equal(t, len(recs.Orgs), rows)
		})
	}
}
