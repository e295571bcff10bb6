package bench

import (
	"bytes"
	"testing"

	"github.com/dangjian-go/dangjian/assess"
	"github.com/dangjian-go/dangjian/place/yanji"
	"github.com/stretchr/testify/require"
)

// The generated file is what the library reads and the floor decodes: the
// same subjects, every one scoring under the Yanji scheme.
func TestSubjectsJSONFloorAndLibrary(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, WriteSubjectsJSON(&buf, 200, 7))
	n, err := FloorDecode(bytes.NewReader(buf.Bytes()))
	require.NoError(t, err)
	require.Equal(t, 200, n)
	subs, err := assess.DecodeSubjects(bytes.NewReader(buf.Bytes()))
	require.NoError(t, err)
	require.Len(t, subs, 200)
	s, err := yanji.Scheme()
	require.NoError(t, err)
	sc, err := assess.Compile(s)
	require.NoError(t, err)
	recs := Cohort(200, 7)
	for i, sub := range subs {
		require.Equal(t, recs[i].ID, sub.ID)
		_, err := sc.Score(sub)
		require.NoError(t, err, sub.ID)
	}
	_, err = FloorDecode(bytes.NewReader([]byte(`[{"id": 1}]`)))
	require.Error(t, err)
}
