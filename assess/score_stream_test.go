package assess_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
	"github.com/dangjian-go/dangjian/place/yanji"
	"github.com/stretchr/testify/require"
)

// scoredStream is what scoring a stream gives: per subject its index, its
// result as JSON and its problems, then the error.
type scoredStream struct {
	Subjects []string
	Err      string
}

func yanjiScorer(t testing.TB) *assess.Scorer {
	s, err := yanji.Scheme()
	require.NoError(t, err)
	sc, err := assess.Compile(s)
	require.NoError(t, err)
	return sc
}

func resultText(i int, res *assess.Result, err error) string {
	b, jerr := json.Marshal(res)
	if jerr != nil {
		panic(jerr)
	}
	e := ""
	if err != nil {
		e = err.Error()
	}
	return fmt.Sprintf("%d %s %s", i, b, e)
}

// scoreBefore scores a stream as examples/assess did before
// ScoreSubjectsFunc: DecodeSubjectsFunc, then Score or Explain.
func scoreBefore(sc *assess.Scorer, in []byte, explain string) scoredStream {
	var out scoredStream
	i := 0
	err := assess.DecodeSubjectsFunc(bytes.NewReader(in), func(sub assess.Subject) error {
		var res assess.Result
		var err error
		if explain != "" && sub.ID == explain {
			res, err = sc.Explain(sub)
		} else {
			res, err = sc.Score(sub)
		}
		if err != nil {
			err = prefixed(err, i)
		}
		out.Subjects = append(out.Subjects, resultText(i, &res, err))
		i++
		return nil
	})
	if err != nil {
		out.Err = err.Error()
	}
	return out
}

// prefixed renders err's problems with the subject's place in front of
// their paths, as ScoreSubjectsFunc gives them.
func prefixed(err error, i int) error {
	for _, p := range dangjian.ProblemsOf(err) {
		at := fmt.Sprintf("subjects[%d]", i)
		if p.Path == "" || p.Path[0] == '[' {
			p.Path = at + p.Path
		} else {
			p.Path = at + "." + p.Path
		}
	}
	return err
}

func scoreStream(sc *assess.Scorer, in []byte, explain string, pieces bool) scoredStream {
	var out scoredStream
	r := bytes.NewReader(in)
	var rd interface{ Read([]byte) (int, error) } = r
	if pieces {
		rd = iotest.HalfReader(r)
	}
	err := sc.ScoreSubjectsFunc(rd, assess.StreamOptions{Explain: explain}, func(i int, res *assess.Result, err error) error {
		out.Subjects = append(out.Subjects, resultText(i, res, err))
		return nil
	})
	if err != nil {
		out.Err = err.Error()
	}
	return out
}

// sameScores checks that ScoreSubjectsFunc scores and refuses what
// DecodeSubjectsFunc and Score did, subject by subject.
func sameScores(t *testing.T, sc *assess.Scorer, in []byte, explain string) {
	t.Helper()
	want := scoreBefore(sc, in, explain)
	for _, pieces := range []bool{false, true} {
		got := scoreStream(sc, in, explain, pieces)
		if want.Err != "" {
			// The subjects that decode are scored as before, but
			// ScoreSubjectsFunc numbers them by their place in the
			// array, and scoreBefore by their place among those that
			// decode: compare the problems only.
			require.Equal(t, want.Err, got.Err, "%q", in)
			continue
		}
		require.Equal(t, want, got, "%q (in pieces: %v)", in, pieces)
	}
}

// streamScoreCases are subjects of the Yanji scheme: well-formed ones the
// fast path decodes, and every kind of oddity it hands to the general path.
var streamScoreCases = []string{
	`[{"id":"a","category":"社区","values":{"baozhang":"97.66","jianshi":97.5,"pinpai":"9"},"checked":{"duiwu":["first_secretary","reserve_pool"],"yanshi":["documents"]},"events":{"zaiti":[{"clause":"love_market","count":2,"value":null,"level":null,"case":"c1"}]},"votes":{"ceping":{"leaders":{"counts":{"一般":1,"好":3,"差":2,"较好":4},"issued":10,"returned":10},"masses":{"counts":{"不了解":2,"好":4}}}}}]`,
	`[{"id":"a","values":{"baozhang":"97.66","baozhang":"1"}}]`,
	`[{"id":"a","values":{"colour":"1"}}]`, `[{"id":"a","fields":{"x":"y"}}]`, `[{"id":"a","values":{"jianshi":null}}]`,
	`[{"id":"a","values":{"jianshi":"1e2"}}]`, `[{"id":"a","values":{"jianshi":"abc"}}]`, `[{"id":"a","values":{"jianshi":-5}}]`,
	`[{"id":"a\u0062","category":"\u793e\u533a","values":{"jianshi":"200"}}]`, `[{"i\u0064":"a"}]`, `[{"id":"a","id":"b"}]`,
	`[{"id":"a","checked":{"duiwu":["first_secretary","first_secretary"]}}]`, `[{"id":"a","checked":{"duiwu":["nope"]}}]`,
	`[{"id":"a","checked":{"duiwu":[]},"checked":{}}]`, `[{"id":"a","checked":{"zaiti":[]}}]`, `[{"id":"a","checked":{"duiwu":null}}]`,
	`[{"id":"a","events":{"zaiti":[{"clause":"nope"}]}}]`, `[{"id":"a","events":{"zaiti":[{"count":1}]}}]`,
	`[{"id":"a","events":{"zaiti":[{"clause":"love_market","count":1.5}]}}]`, `[{"id":"a","events":{"zaiti":[{"clause":"love_market","count":-1}]}}]`,
	`[{"id":"a","events":{"zaiti":[{"clause":"love_market","colour":1}]}}]`, `[{"id":"a","events":{"zaiti":[{"clause":"love_market","count":1,"count":2}]}}]`,
	`[{"id":"a","votes":{"ceping":{"leaders":{"counts":{"好":3}},"leaders":{"counts":{}}}}}]`, `[{"id":"a","votes":{"ceping":{"bosses":{"counts":{"好":3}}}}}]`,
	`[{"id":"a","votes":{"ceping":{"leaders":{"counts":{"极好":3}}}}}]`, `[{"id":"a","votes":{"ceping":{"leaders":{"counts":{"好":3,"好":1}}}}}]`,
	`[{"id":"a","votes":{"ceping":{"leaders":{"counts":{"好":3},"issued":2,"returned":3}}}}]`, `[{"id":"a","votes":{"ceping":{"leaders":null}}}]`,
	`[{"id":"a","votes":{"ceping":{"leaders":{"counts":{"好":99999999999999999999}}}}}]`,
	`[{"id":"a","bonus":{"x":1}}]`, `[{"id":"a","flags":{"x":true}}]`, `[{"id":"a","flags":{}}]`, `[{}]`, `[null]`, `[1]`,
	`[{"id":"a"},{"id":"b","colour":1},{"id":"c","values":{"colour":"1"}}]`, `{"subjects":[{"id":"a","values":{"jianshi":"90"}}]}`,
	"[{\"id\":\"a\xff\"}]", `[{"id":"a"`, ` [ { "id" : "a" , "values" : { "jianshi" : "90" } } ] `,
}

func TestScoreSubjectsFuncAsScore(t *testing.T) {
	sc := yanjiScorer(t)
	sample, err := os.ReadFile("../examples/assess/testdata/sample.json")
	require.NoError(t, err)
	for _, in := range append(streamScoreCases, string(sample)) {
		sameScores(t, sc, []byte(in), "")
		sameScores(t, sc, []byte(in), "a")
	}
	sameScores(t, sc, sample, "yj-1")
}

// The fast path takes the common subject: a cohort scores without
// decoding a Subject (checked by allocations: a Subject's maps would cost
// dozens per subject).
func TestScoreSubjectsFuncFast(t *testing.T) {
	sc := yanjiScorer(t)
	one := `{"id":"s1","category":"社区","values":{"baozhang":"97.66","jianshi":"97.5","pinpai":"9"},"checked":{"duiwu":["first_secretary","reserve_pool","nonpublic_instructors"],"fuwu":["creation_targets","service_actions","joint_agreements"],"yanshi":["documents","organs_in_community","four_level","cadres_serve"]},"events":{"zaiti":[{"clause":"love_market","count":1,"value":null}]},"votes":{"ceping":{"leaders":{"counts":{"一般":1,"好":3,"差":2,"较好":4},"issued":10,"returned":10},"masses":{"counts":{"一般":2,"不了解":2,"好":4,"较好":2},"issued":10,"returned":10},"members":{"counts":{"一般":2,"不了解":2,"好":2,"差":1,"较好":3}}}}}`
	in := []byte("[" + strings.Repeat(one+",", 999) + one + "]")
	n := 0
	allocs := testing.AllocsPerRun(3, func() {
		n = 0
		err := sc.ScoreSubjectsFunc(bytes.NewReader(in), assess.StreamOptions{}, func(i int, res *assess.Result, err error) error {
			require.NoError(t, err)
			n++
			return nil
		})
		require.NoError(t, err)
	})
	require.Equal(t, 1000, n)
	require.Less(t, allocs/1000, 30.0, "allocations per subject")
}

// ScoreSubjectsFunc scores any input as DecodeSubjectsFunc and Score do.
func FuzzScoreSubjectsFunc(f *testing.F) {
	for _, s := range append(streamScoreCases, streamCases...) {
		f.Add([]byte(s))
	}
	sc := yanjiScorer(f)
	f.Fuzz(func(t *testing.T, in []byte) {
		sameScores(t, sc, in, "a")
	})
}
