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

// The pipeline's streaming scorer gives, subject by subject, the results
// of decoding each subject and scoring it with Score.
func TestScoreSubjectsFuncAsScore(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, WriteSubjectsJSON(&buf, 3000, 11))
	subs, err := assess.DecodeSubjects(bytes.NewReader(buf.Bytes()))
	require.NoError(t, err)
	s, err := yanji.Scheme()
	require.NoError(t, err)
	sc, err := assess.Compile(s)
	require.NoError(t, err)
	n := 0
	err = sc.ScoreSubjectsFunc(bytes.NewReader(buf.Bytes()), assess.StreamOptions{Explain: subs[5].ID}, func(i int, res *assess.Result, err error) error {
		require.NoError(t, err)
		var want assess.Result
		if i == 5 {
			want, err = sc.Explain(subs[i])
		} else {
			want, err = sc.Score(subs[i])
		}
		require.NoError(t, err)
		require.Equal(t, emptyNil(want), emptyNil(*res), subs[i].ID)
		n++
		return nil
	})
	require.NoError(t, err)
	require.Equal(t, len(subs), n)
}

// emptyNil makes a result's empty slices nil: a reused result keeps its
// slices' memory, a new one has none.
func emptyNil(r assess.Result) assess.Result {
	if len(r.Components) == 0 {
		r.Components = nil
	}
	if len(r.Gates) == 0 {
		r.Gates = nil
	}
	if len(r.Ballots) == 0 {
		r.Ballots = nil
	}
	if len(r.Clamped) == 0 {
		r.Clamped = nil
	}
	return r
}
