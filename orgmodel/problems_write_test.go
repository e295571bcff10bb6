package orgmodel_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWriteProblems(t *testing.T) {
	ps := dangjian.Problems{
		{Kind: dangjian.ErrInvalid, Path: "full_members", ID: "a.1", Line: 3, Column: 6, Value: "x", Detail: "not a base-10 integer"},
		{Kind: dangjian.ErrLimit, Value: "4", Detail: "4 more problems not listed", File: "own.csv"},
	}
	var b bytes.Buffer
	require.NoError(t, orgmodel.WriteProblems(&b, "tree.csv", ps, orgmodel.TextFindings))
	assert.Equal(t, "tree.csv:3:6: full_members (id \"a.1\"): invalid value: not a base-10 integer (\"x\")\n"+
		"tree.csv: exceeds a limit: 4 more problems not listed (\"4\")\n", b.String())
	assert.Empty(t, ps[0].File, "the problems are not changed")

	b.Reset()
	require.NoError(t, orgmodel.WriteProblems(&b, "", ps, orgmodel.TextFindings))
	assert.Equal(t, "line 3, column 6: full_members (id \"a.1\"): invalid value: not a base-10 integer (\"x\")\n"+
		"own.csv: exceeds a limit: 4 more problems not listed (\"4\")\n", b.String())

	b.Reset()
	require.NoError(t, orgmodel.WriteProblems(&b, "t<1>.csv", ps, orgmodel.JSONFindings))
	var out struct{ Problems []map[string]any }
	require.NoError(t, json.Unmarshal(b.Bytes(), &out))
	require.Len(t, out.Problems, 2)
	assert.Equal(t, "t<1>.csv", out.Problems[0]["file"])
	assert.Equal(t, "limit", out.Problems[1]["code"])
	assert.Contains(t, b.String(), "{\n  \"problems\": [\n    {\n", "indented by two spaces")
	assert.Contains(t, b.String(), `"t\u003c1\u003e.csv"`, "as Problem.MarshalJSON writes it")

	assert.EqualError(t, orgmodel.WriteProblems(diskFull{}, "", ps, orgmodel.TextFindings), "disk full")
}
