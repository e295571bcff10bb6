package assess_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
	"github.com/dangjian-go/dangjian/internal/golden"
)

// tinyScheme is a scheme of two direct indicators, the total rounded to 2
// places (half-up), 优秀 from 90 and 合格 below.
const tinyScheme = `{"name": "示例", "version": "1", "year": 2025,
  "rounding": [{"at": "total", "places": 2, "mode": "half_up"}],
  "components": [{"id": "c", "name": "考核", "weight": "1", "max": "100", "indicators": [
    {"id": "a", "name": "甲", "max": "60", "method": {"kind": "direct"}},
    {"id": "b", "name": "乙", "max": "40", "method": {"kind": "direct"}}]}],
  "bands": [{"grade": "优秀", "from": "90"}, {"grade": "合格", "from": "0", "to": "90"}]}`

// unroundedScheme averages three votes levels and never rounds: its
// totals can be fractions.
const unroundedScheme = `{"name": "不取整", "version": "1", "year": 2025,
  "components": [{"id": "c", "name": "考核", "weight": "1", "max": "3", "indicators": [
    {"id": "a", "name": "甲", "max": "3", "method": {"kind": "direct"}}]}]}`

// caseProblems renders problems as "line:column path code value".
func caseProblems(err error) []string {
	var out []string
	for _, p := range dangjian.ProblemsOf(err) {
		out = append(out, strconv.Itoa(p.Line)+":"+strconv.Itoa(p.Column)+" "+p.Path+" "+p.Code()+" "+strconv.Quote(p.Value)+" id="+p.ID)
	}
	return out
}

func TestDecodeCasesProblems(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"not an object", `[]`, []string{`1:1  invalid "[]" id=`}},
		{"syntax", `{"scheme": "jifen",}`, []string{`1:20  syntax "" id=`}},
		{"empty", `{}`, []string{`1:1 scheme missing "" id=`, `1:1 cases missing "" id=`}},
		{"keys", "{\"scheme\": \"jifen\",\n \"Cases\": [], \"scheme\": \"x\", \"cases\": []}",
			[]string{`2:2 Cases unknown_field "Cases" id=`, `2:15 scheme invalid "scheme" id=`, `2:39 cases missing "" id=`}},
		{"scheme of a wrong type", `{"scheme": 1, "policy": "p", "cases": [{"name": "n", "subjects": [{"id": "a"}], "expect": [{"id": "a", "total": "1"}]}]}`,
			[]string{`1:12 scheme invalid "1" id=`, `1:25 policy invalid "p" id=`}},
		{"empty name", `{"scheme": "", "cases": [{"name": "", "subjects": [{"id": "a"}], "expect": [{"id": "a", "total": "1"}]}]}`,
			[]string{`1:12 scheme invalid "" id=`, `1:35 cases[0].name invalid "" id=`}},
		{"totals", "{\"scheme\": \"jifen\", \"cases\": [{\"name\": \"n\", \"subjects\": [{\"id\": \"a\"}, {\"id\": \"b\"}, {\"id\": \"c\"}, {\"id\": \"d\"}, {\"id\": \"e\"}, {\"id\": \"f\"}], \"expect\": [\n" +
			`{"id": "a", "total": "8x"}, {"id": "b", "total": 1e2}, {"id": "c", "total": "1/0"}, {"id": "d", "total": true}, {"id": "e"}, {"id": "f", "total": ".5"}]}]}`,
			[]string{`2:22 cases[0].expect[0].total invalid "8x" id=a`, `2:50 cases[0].expect[1].total invalid "1e2" id=b`,
				`2:77 cases[0].expect[2].total invalid "1/0" id=c`, `2:106 cases[0].expect[3].total invalid "true" id=d`,
				`2:113 cases[0].expect[4].total missing "" id=e`, `2:147 cases[0].expect[5].total invalid ".5" id=f`}},
		{"case shape", "{\"scheme\": \"jifen\", \"cases\": [\n" +
			`{"name": "n", "subjects": [{"id": "a"}, {"id": "a"}, {}], "expect": [{"id": "a", "total": "1", "rank": 0}, {"id": "a", "total": "1"}, {"id": "z", "total": "1"}, {"total": "1"}]},` + "\n" +
			`{"name": "n", "subjects": [], "expect": []}, {"subjects": [{"id": "a"}], "expect": [{"id": "a", "total": "1", "note": 1}]}]}`,
			[]string{`2:41 cases[0].subjects[1].id duplicate "a" id=a`, `2:54 cases[0].subjects[2].id missing "" id=`,
				`2:104 cases[0].expect[0].rank invalid "0" id=a`, `2:108 cases[0].expect[1].id duplicate "a" id=a`,
				`2:135 cases[0].expect[2].id unknown_ref "z" id=z`, `2:162 cases[0].expect[3].id missing "" id=`,
				`3:1 cases[1].subjects missing "" id=`, `3:1 cases[1].expect missing "" id=`, `3:10 cases[1].name duplicate "n" id=`,
				`3:46 cases[2].name missing "" id=`, `3:111 cases[2].expect[0].note unknown_field "note" id=a`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs, err := assess.DecodeCases(strings.NewReader(tt.in))
			require.Error(t, err)
			assert.Nil(t, cs)
			assert.Equal(t, tt.want, caseProblems(err))
		})
	}
}

// RunCases lists at most Limits.MaxProblems problems, in file order, then
// one counting the rest.
func TestRunCasesMaxProblems(t *testing.T) {
	var expect []string
	for i := range 5 {
		expect = append(expect, `{"id": "a`+strconv.Itoa(i)+`", "total": "x"}`)
	}
	in := casesOf("jifen", `[{"name": "n", "subjects": [{"id": "a"}], "expect": [`+strings.Join(expect, ", ")+`]}]`)
	_, err := assess.RunCases(strings.NewReader(in), assess.CaseOptions{Limits: dangjian.Limits{MaxProblems: 2}})
	ps := dangjian.ProblemsOf(err)
	require.Len(t, ps, 3)
	assert.Equal(t, "cases[0].expect[0].id", ps[0].Path, "at the expectation's start")
	assert.Equal(t, "cases[0].expect[0].total", ps[1].Path)
	assert.ErrorIs(t, ps[2], dangjian.ErrLimit)
	assert.Equal(t, "8", ps[2].Value, "10 problems: 5 totals, 5 unknown IDs")
	_, err = assess.RunCases(strings.NewReader(in), assess.CaseOptions{Limits: dangjian.Limits{MaxProblems: -1}})
	assert.Len(t, dangjian.ProblemsOf(err), 10)
}

func TestDecodeCasesLimit(t *testing.T) {
	big := `{"scheme": "jifen", "cases": [], "x": "` + strings.Repeat("a", assess.MaxCasesBytes) + `"}`
	_, err := assess.DecodeCases(strings.NewReader(big))
	require.Error(t, err)
	assert.ErrorIs(t, err, dangjian.ErrLimit)
}

// casesOf is a case file of the scheme (a name or a JSON object) and the
// cases (a JSON array).
func casesOf(scheme, cases string) string {
	if !strings.HasPrefix(scheme, "{") {
		scheme = strconv.Quote(scheme)
	}
	return `{"scheme": ` + scheme + `, "cases": ` + cases + `}`
}

func TestRunCases(t *testing.T) {
	two := `[{"name": "n", "subjects": [{"id": "x", "values": {"a": "55.555", "b": "35"}}, {"id": "y", "values": {"a": "50", "b": "30"}}], "expect": [%s]}]`
	with := func(expect string) string { return strings.Replace(two, "%s", expect, 1) }
	type diff = assess.CaseDiff
	tests := []struct {
		name           string
		in             string
		passed, failed int
		diffs          []diff   // of the first failure
		problems       []string // line:column path code value
	}{
		{"pass", casesOf(tinyScheme, with(`{"id": "x", "total": "90.56", "grade": "优秀", "rank": 1}, {"id": "y", "total": 80, "grade": "合格", "rank": 2}`)), 1, 0, nil, nil},
		{"fewer places match", casesOf(tinyScheme, with(`{"id": "y", "total": "80.0"}`)), 1, 0, nil, nil},
		{"total off by one fen", casesOf(tinyScheme, with(`{"id": "x", "total": "90.55"}`)), 0, 1, []diff{{"total", "90.55", "90.56"}}, nil},
		{"grade and rank", casesOf(tinyScheme, with(`{"id": "y", "total": "80", "grade": "优秀", "rank": 1}`)), 0, 1,
			[]diff{{"grade", "优秀", "合格"}, {"rank", "1", "2"}}, nil},
		{"more places than the rounding", casesOf(tinyScheme, with(`{"id": "x", "total": "90.555"}`)), 0, 0, nil,
			[]string{`6:256 cases[0].expect[0].total invalid "90.555" id=x`}},
		{"a fraction where the total is rounded", casesOf(tinyScheme, with(`{"id": "x", "total": "1/3"}`)), 0, 0, nil,
			[]string{`6:256 cases[0].expect[0].total invalid "1/3" id=x`}},
		{"unknown grade", casesOf(tinyScheme, with(`{"id": "x", "total": "90.56", "grade": "良好"}`)), 0, 0, nil,
			[]string{`6:274 cases[0].expect[0].grade invalid "良好" id=x`}},
		{"a subject that cannot be scored", casesOf(tinyScheme, strings.Replace(with(`{"id": "x", "total": "1"}`), `"b": "30"`, `"b": "30", "c": "30"`, 1)), 0, 0, nil,
			[]string{`6:176 cases[0].subjects[1].values.c unknown_field "c" id=y`}},
		{"unknown scheme", casesOf("nosuch", with(`{"id": "x", "total": "1"}`)), 0, 0, nil, []string{`1:12 scheme unknown_ref "nosuch" id=`}},
		{"scheme that does not compile", casesOf(strings.Replace(tinyScheme, `"weight": "1"`, `"weight": "0.5"`, 1), with(`{"id": "x", "total": "1"}`)), 0, 0, nil,
			[]string{`1:12 scheme.components weights "0.5" id=`}},
		{"unrounded fraction", casesOf(unroundedScheme, `[{"name": "n", "subjects": [{"id": "p", "values": {"a": "2.5"}}, {"id": "q", "values": {"a": "2.5"}}, {"id": "r", "values": {"a": "1"}}],
			"expect": [{"id": "p", "total": "2.5", "rank": 1}, {"id": "q", "total": "2.50", "rank": 1}, {"id": "r", "total": "1", "rank": 3}]}]`), 1, 0, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep, err := assess.RunCases(strings.NewReader(tt.in), assess.CaseOptions{})
			if tt.problems != nil {
				require.Error(t, err)
				for i, line := range caseProblems(err) {
					if i < len(tt.problems) {
						assert.Equal(t, tt.problems[i], line)
					}
				}
				assert.Len(t, caseProblems(err), len(tt.problems))
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.passed, rep.Passed)
			assert.Equal(t, tt.failed, rep.Failed)
			if tt.diffs != nil {
				require.Len(t, rep.Cases, 1)
				require.Len(t, rep.Cases[0].Failures, 1)
				f := rep.Cases[0].Failures[0]
				assert.Equal(t, tt.diffs, f.Diffs)
				require.NotNil(t, f.Result)
				assert.NotNil(t, f.Result.Trace, "a failure carries the subject's trace")
			}
		})
	}
}

// A case with a problem does not run; the others do.
func TestRunCasesGoodCasesGoOn(t *testing.T) {
	in := casesOf(tinyScheme, `[{"name": "bad", "subjects": [{"id": "x", "values": {"a": "1", "b": "0", "zz": "1"}}], "expect": [{"id": "x", "total": "1"}]},
		{"name": "good", "subjects": [{"id": "x", "values": {"a": "1", "b": "0"}}], "expect": [{"id": "x", "total": "1"}]}]`)
	rep, err := assess.RunCases(strings.NewReader(in), assess.CaseOptions{File: "c.json"})
	require.Error(t, err)
	assert.Equal(t, []string{`6:127 cases[0].subjects[0].values.zz unknown_field "zz" id=x`}, caseProblems(err))
	assert.Equal(t, "c.json", dangjian.ProblemsOf(err)[0].File)
	require.NotNil(t, rep)
	require.Len(t, rep.Cases, 1)
	assert.Equal(t, "good", rep.Cases[0].Name)
	assert.True(t, rep.Cases[0].Pass)
}

// The file's policy grades instead of the named scheme's; Resolve names
// schemes the library does not know.
func TestRunCasesPolicyAndResolve(t *testing.T) {
	s, err := assess.DecodeScheme(strings.NewReader(tinyScheme))
	require.NoError(t, err)
	resolve := func(name string) (assess.Scheme, *assess.GradePolicy, error) {
		if name != "tiny" {
			return assess.Scheme{}, nil, &dangjian.Problem{Kind: dangjian.ErrUnknownRef, Value: name}
		}
		return s, nil, nil
	}
	// Without a policy, the scheme's bands grade and the total ranks.
	in := `{"scheme": "tiny", "cases": [{"name": "n", "subjects": [{"id": "x", "values": {"a": "60", "b": "40"}}, {"id": "y", "values": {"a": "60", "b": "35"}}],
		"expect": [{"id": "x", "total": "100", "grade": "优秀", "rank": 1}, {"id": "y", "total": "95", "grade": "优秀", "rank": 2}]}]}`
	rep, err := assess.RunCases(strings.NewReader(in), assess.CaseOptions{Resolve: resolve})
	require.NoError(t, err)
	assert.Equal(t, 1, rep.Passed)
	assert.Empty(t, rep.Policy)
	// A policy with a quota of one 优秀 demotes y.
	pb, err := json.Marshal(assess.GradePolicy{Name: "至多一半优秀", Grades: []string{"优秀", "合格"},
		Sources: []assess.Source{{ID: "s", Source: dangjian.Source{Doc: "示例", Confidence: dangjian.LibraryChoice}}},
		Quotas:  []assess.Quota{{Grade: "优秀", Max: assess.MustShare("1/2"), Count: assess.CountFloor, Ties: assess.TiesBreak, Modality: dangjian.Must, Source: "s"}}})
	require.NoError(t, err)
	policy := `"policy": ` + string(pb) + `,`
	in2 := strings.Replace(strings.Replace(in, `"cases"`, policy+` "cases"`, 1), `"total": "95", "grade": "优秀"`, `"total": "95", "grade": "合格"`, 1)
	rep, err = assess.RunCases(strings.NewReader(in2), assess.CaseOptions{Resolve: resolve})
	require.NoError(t, err, "%v", err)
	assert.Equal(t, "至多一半优秀", rep.Policy)
	assert.Equal(t, 1, rep.Passed, "%+v", rep.Cases)
	// Under the policy "-" is a grade: not graded; 良好 is none.
	bad := strings.Replace(in2, `"grade": "合格"`, `"grade": "良好"`, 1)
	_, err = assess.RunCases(strings.NewReader(bad), assess.CaseOptions{Resolve: resolve})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "优秀, 合格, -")
}

// The sample of examples/assess passes; a copy with wrong expectations
// fails with the report of the golden files (text and JSON).
func TestRunCasesGolden(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "cases", "jifen.json"))
	require.NoError(t, err)
	rep, err := assess.RunCases(bytes.NewReader(data), assess.CaseOptions{})
	require.NoError(t, err)
	assert.Equal(t, 2, rep.Passed)
	assert.Zero(t, rep.Failed)

	wrong := strings.Replace(string(data), `{"id": "J2", "total": "81.44", "grade": "合格", "rank": 2}`, `{"id": "J2", "total": "81.45", "grade": "优秀", "rank": 2}`, 1)
	require.NotEqual(t, string(data), wrong)
	rep, err = assess.RunCases(strings.NewReader(wrong), assess.CaseOptions{File: "jifen.json"})
	require.NoError(t, err)
	assert.Equal(t, 1, rep.Passed)
	assert.Equal(t, 1, rep.Failed)
	var text bytes.Buffer
	require.NoError(t, rep.WriteText(&text))
	golden.Check(t, filepath.Join("testdata", "cases", "jifen-failing.txt.golden"), text.Bytes())
	js, err := json.MarshalIndent(rep, "", "  ")
	require.NoError(t, err)
	golden.Check(t, filepath.Join("testdata", "cases", "jifen-failing.json.golden"), append(js, '\n'))
}

func TestParseExpectedTotal(t *testing.T) {
	tests := []struct {
		in     string
		ok     bool
		places int
	}{
		{"87.63", true, 2}, {"0", true, 0}, {"-1.5", true, 1}, {"100.000", true, 3}, {"2898/31", true, -1},
		{"", false, 0}, {".5", false, 0}, {"5.", false, 0}, {"1e2", false, 0}, {"1,000", false, 0}, {"+1", false, 0},
		{"1/0", false, 0}, {"1/-3", false, 0}, {"1/+3", false, 0}, {"NaN", false, 0}, {"１", false, 0}, {"1.2.3", false, 0},
	}
	for _, tt := range tests {
		got, err := assess.ParseExpectedTotal(tt.in)
		if !tt.ok {
			assert.Error(t, err, tt.in)
			assert.True(t, errors.Is(err, dangjian.ErrInvalid), tt.in)
			continue
		}
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.in, got.String())
		assert.True(t, got.IsSet())
	}
	x, err := assess.ParseExpectedTotal("87.630")
	require.NoError(t, err)
	y, err := assess.ParseExpectedTotal("87.63")
	require.NoError(t, err)
	b, err := json.Marshal(x)
	require.NoError(t, err)
	assert.JSONEq(t, `"87.630"`, string(b))
	assert.NotEqual(t, x, y, "the text as written is kept")
}

// Decoding any bytes never panics; what decodes runs or reports
// problems, never panics; every problem has a kind.
func FuzzDecodeCases(f *testing.F) {
	data, err := os.ReadFile(filepath.Join("testdata", "cases", "jifen.json"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte(casesOf(tinyScheme, `[{"name": "n", "subjects": [{"id": "x", "values": {"a": "55.555"}}], "expect": [{"id": "x", "total": "55.56", "rank": 1}]}]`)))
	f.Add([]byte(casesOf(unroundedScheme, `[{"name": "n", "subjects": [{"id": "x", "values": {"a": "1"}}], "expect": [{"id": "x", "total": "1/3", "grade": "-"}]}]`)))
	f.Add([]byte(`{"scheme": "jifen", "scheme": 1, "policy": {"name": 1}, "cases": [{"name": "", "expect": [{"total": 1e5, "rank": -1}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		cs, err := assess.DecodeCases(bytes.NewReader(data))
		if err != nil {
			for _, p := range dangjian.ProblemsOf(err) {
				if p.Kind == nil || p.Error() == "" {
					t.Fatalf("a problem without a kind: %#v", p)
				}
			}
			return
		}
		rep, err := cs.Run(assess.CaseOptions{})
		for _, p := range dangjian.ProblemsOf(err) {
			if p.Kind == nil {
				t.Fatalf("a problem without a kind: %#v", p)
			}
		}
		if rep != nil {
			if err := rep.WriteText(new(bytes.Buffer)); err != nil {
				t.Fatal(err)
			}
		}
	})
}
