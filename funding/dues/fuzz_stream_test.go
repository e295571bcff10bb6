package dues_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding/dues"
	"github.com/stretchr/testify/require"
)

// FuzzStreamPipeline checks that the streaming pipeline (ScanRoster, the
// compiled Calculator.Monthly, a LedgerWriter) writes the ledger and finds
// the problems of the slice pipeline (ReadRoster, Rules.Monthly,
// WriteLedger) on any input, and stops with the same error on input that
// cannot be read.
func FuzzStreamPipeline(f *testing.F) {
	files, err := filepath.Glob("testdata/roster/*.csv")
	require.NoError(f, err)
	for _, name := range files {
		b, err := os.ReadFile(name)
		require.NoError(f, err)
		f.Add(b)
	}
	f.Add([]byte("id,name,category,base,voluntary\nA,,employed,3000.01,\nA,,retired,1,1000\nB,,student,,\n"))
	f.Add([]byte("id,name,category,base\n01,a,employed,4000\n02,\"b,employed,5000\n"))
	f.Add([]byte("id,name,category,base,flat_amount\nA,a,farmer,,1.50\nA,c,employed,300,\n"))
	f.Add([]byte("id,name,category,base,voluntary,paying_org\nA,,employed,3000,1000,X\nB,,student,,,X\nC,,employed,1,,\nA,,employed,1,,Y\n"))
	month := dangjian.MustParseDate("2024-06-01")
	f.Fuzz(func(t *testing.T, roster []byte) {
		_, readErr := dues.ReadRoster(bytes.NewReader(roster))
		scanErr := dues.ScanRoster(bytes.NewReader(roster), func(dues.RosterRow, dangjian.Problems) error { return nil })
		if scanErr != nil {
			require.Equal(t, scanErr, readErr)
			return
		}
		want, wantPs := slicePipeline(t, roster, dues.Rules2017(), month)
		got, gotPs := streamPipeline(t, roster, dues.Rules2017(), month)
		require.Equal(t, want, got)
		require.Equal(t, problemSet(wantPs), problemSet(gotPs))
	})
}
