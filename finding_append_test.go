package dangjian_test

import (
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFindingAppendJSON(t *testing.T) {
	for _, f := range []dangjian.Finding{
		{},
		{Rule: "R-1", Severity: dangjian.Error, Subject: "a<b>&c", Name: "x / y", Message: "多行\n\"quoted\"", Line: 3},
		{Rule: "R-2", Severity: dangjian.Info, Subject: "b", On: dangjian.MustParseDate("2025-06-30"),
			Approval: &dangjian.Approval{Ref: "批复"}, Source: dangjian.Source{Doc: "条例", Article: "第五条"}},
	} {
		want, err := f.MarshalJSON()
		require.NoError(t, err)
		got, err := f.AppendJSON([]byte("prefix"))
		require.NoError(t, err)
		assert.Equal(t, "prefix"+string(want), string(got))
	}
	bad := dangjian.Finding{Severity: dangjian.Severity(200)}
	_, want := bad.MarshalJSON()
	require.Error(t, want)
	got, err := bad.AppendJSON([]byte("kept"))
	assert.Equal(t, want.Error(), err.Error())
	assert.Equal(t, "kept", string(got))
	got, err = bad.AppendJSONIndent([]byte("kept"), "  ", "  ")
	assert.Equal(t, want.Error(), err.Error())
	assert.Equal(t, "kept", string(got))
}
