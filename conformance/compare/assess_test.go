package compare_test

import (
	"io"
	"os"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/conformance/compare"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The totals and grades of examples/assess's flat scheme. c03's work
// scores 80 (× 0.6 = 48) and its review 88.8 (× 0.4 = 35.52): 83.52,
// which a sum in double prints 83.52000000000001.
func TestAssess(t *testing.T) {
	scheme, policy, err := compare.LoadScheme("../../examples/assess/testdata/flat-scheme.json")
	require.NoError(t, err)
	assert.Nil(t, policy)
	subjects, err := os.ReadFile("../../examples/assess/testdata/flat.csv")
	require.NoError(t, err)
	in := string(subjects) + "c03,社区,100,100,村,100,88.8,,,\n"
	got := "编号,总分,等次,备注\n" +
		"v01,98.2,优秀,\n" +
		"c01,96.60,良好,\n" +
		"c02,85.0,合格,\n" +
		"c03,83.52000000000001,,\n" +
		"x01,70,合格,\n"
	var diffs []compare.Difference
	rep, err := compare.Compare(compare.Input{Kind: compare.Assess, Name: "subjects.csv", GotName: "got.csv",
		Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(in)), nil },
		Got:  strings.NewReader(got)},
		compare.Options{Date: dangjian.MustParseDate("2024-12-31"), Scheme: scheme},
		func(d compare.Difference) error { diffs = append(diffs, d); return nil })
	require.NoError(t, err)
	assert.Empty(t, rep.Problems)
	type row struct {
		status    compare.Status
		id        string
		lib, plat string
		causes    []compare.Cause
	}
	var rows []row
	for _, d := range diffs {
		rows = append(rows, row{d.Status, d.ID, d.Library, d.Platform, d.Causes})
	}
	assert.Equal(t, []row{
		{compare.Differs, "c01", "96.6 优秀", "96.60 良好", nil},
		{compare.Differs, "c02", "84.95 合格", "85.0 合格", []compare.Cause{compare.TotalRounding, compare.FloatSum}},
		{compare.MissingFromGot, "v02", "0 不合格", "", nil},
		{compare.Differs, "c03", "83.52 合格", "83.52000000000001", []compare.Cause{compare.FloatSum}},
		{compare.MissingFromInput, "x01", "", "70", nil},
	}, rows)
	assert.Contains(t, diffs[0].Detail, "grade 良好, the library's 优秀")
	assert.Contains(t, diffs[1].Detail, "the total 84.95 half-up to 1 place")
	assert.Contains(t, diffs[3].Detail, "the components summed in double")
	assert.Equal(t, 6, rep.Compared)
	assert.Equal(t, 5, rep.Differ)
}

func TestLoadScheme(t *testing.T) {
	for _, name := range compare.SchemeNames() {
		s, p, err := compare.LoadScheme(name)
		require.NoError(t, err, name)
		assert.NotEmpty(t, s.Name, name)
		assert.NotNil(t, p, name)
	}
	_, _, err := compare.LoadScheme("nosuch")
	assert.ErrorIs(t, err, dangjian.ErrUnknownRef)
	_, _, err = compare.LoadScheme("../../examples/assess/testdata/flat.csv")
	assert.Error(t, err)
	_, _, err = compare.LoadScheme("testdata/none.json")
	assert.Error(t, err)
}
