package assess_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// problemLines renders every problem of err, one per line.
func problemLines(err error) []string {
	var out []string
	for _, p := range dangjian.ProblemsOf(err) {
		out = append(out, p.Error())
	}
	return out
}

func TestDecodeSubjectsProblems(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"unknown field names the subject", "[{\"id\":\"S1\"},\n {\"id\":\"S2\",\"colour\":\"red\"}]", []string{
			`line 2, column 13: subjects[1].colour (id "S2"): unknown field: want id, category, values, fields, checked, events, votes, bonus or flags ("colour")`}},
		{"object form, every problem", `{"subjects":[{"id":"a","values":{"x":"abc","y":true},"bonus":{"b":1.5},"flags":{"f":"yes"}},{"category":7,"id":"b"}]}`, []string{
			`line 1, column 38: subjects[0].values.x (id "a"): invalid value: want a decimal number ("abc")`,
			`line 1, column 48: subjects[0].values.y (id "a"): invalid value: want a string or a number, got a boolean ("true")`,
			`line 1, column 67: subjects[0].bonus.b (id "a"): invalid value: want a whole number ("1.5")`,
			`line 1, column 85: subjects[0].flags.f (id "a"): invalid value: want true or false, got a string ("yes")`,
			`line 1, column 105: subjects[1].category (id "b"): invalid value: want a string, got a number ("7")`}},
		{"duplicate field and key", `[{"id":"a","id":"b","values":{"x":"1","x":"2"}}]`, []string{
			`line 1, column 12: subjects[0].id (id "a"): invalid value: a field is written once ("id")`,
			`line 1, column 39: subjects[0].values.x (id "a"): invalid value: a key is written once ("x")`}},
		{"case matters", `[{"ID":"a"}]`, []string{
			`line 1, column 3: subjects[0].ID: unknown field: keys are case-sensitive: the field is "id" ("ID")`}},
		{"nested events and votes", `[{"id":"a","events":{"m":[{"clause":"c","count":"2"}]},"votes":{"v":{"g":{"counts":{"好":-1},"issued":1e400}}}}]`, []string{
			`line 1, column 49: subjects[0].events.m[0].count (id "a"): invalid value: want a whole number, got a string ("2")`,
			`line 1, column 102: subjects[0].votes.v.g.issued (id "a"): invalid value: want a whole number ("1e400")`}},
		{"an overflowing count", `[{"id":"a","bonus":{"b":99999999999999999999}}]`, []string{
			`line 1, column 25: subjects[0].bonus.b (id "a"): out of range ("99999999999999999999")`}},
		{"not an array", `"x"`, []string{
			`line 1, column 1: subjects: invalid value: want an array, got a string ("x")`}},
		{"syntax error with its path", "[{\"id\":\"a\",\n\"values\":{\"x\":1,}}]", []string{
			`line 2, column 17: subjects[0].values: malformed input: unexpected '}', want a string key`}},
		{"truncated", `[{"id":"a"`, []string{
			`line 1, column 11: subjects[0]: malformed input: unexpected end of input, want "," or "}"`}},
		{"trailing data", `[] []`, []string{
			`line 1, column 4: malformed input: unexpected data after the JSON value`}},
		{"empty", ``, []string{`line 1, column 1: malformed input: empty input, want a JSON value`}},
		{"byte order mark", "\xEF\xBB\xBF[]", []string{`line 1, column 1: not valid UTF-8: a byte order mark is not allowed`}},
		{"invalid UTF-8", "[{\"id\":\"a\xff\"}]", []string{`line 1, column 10: subjects[0].id: not valid UTF-8: save the file as UTF-8, not GBK ("a\xff")`}},
		{"bad number", `[{"id":"a","bonus":{"b":01}}]`, []string{
			`line 1, column 25: subjects[0].bonus.b: malformed input: invalid number: a leading zero`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			subs, err := assess.DecodeSubjects(strings.NewReader(tt.in))
			require.Error(t, err)
			assert.Nil(t, subs)
			assert.Equal(t, tt.want, problemLines(err))
		})
	}
}

// A problem encodes to JSON with its path, ID, line, column and value.
func TestDecodeProblemJSON(t *testing.T) {
	_, err := assess.DecodeSubjects(strings.NewReader("[\n{\"id\":\"S7\",\"values\":{\"coverage\":\"85%\"}}]"))
	b, jerr := json.Marshal(dangjian.ProblemsOf(err))
	require.NoError(t, jerr)
	assert.JSONEq(t, `[{"code":"invalid","path":"subjects[0].values.coverage","id":"S7","line":2,"column":33,"value":"85%","message":"invalid value: want a decimal number","detail":"want a decimal number"}]`, string(b))
	assert.ErrorIs(t, err, dangjian.ErrInvalid)
}

func TestDecodeSchemeProblems(t *testing.T) {
	in := `{"name":"x",
"rounding":[{"at":"total","places":2,"mode":"round"}],
"components":[{"id":"daily","weight":"1","max":100,"indicators":[
  {"id":"meetings","max":"30","method":{"kind":"direct","target":"1/3"}},
  {"id":"tasks","max":"x","colour":1}]}],
"bands":[{"grade":"好","from":"0"}],
"year":"2025"}`
	_, err := assess.DecodeScheme(strings.NewReader(in))
	assert.Equal(t, []string{
		`line 2, column 45: rounding[0].mode: invalid value: want half_up, half_even, down, up, floor or ceiling ("round")`,
		`line 4, column 66: components[0].indicators[0].method.target (id "meetings"): invalid value: want a decimal number ("1/3")`,
		`line 5, column 23: components[0].indicators[1].max (id "tasks"): invalid value: want a decimal number ("x")`,
		`line 5, column 27: components[0].indicators[1].colour (id "tasks"): unknown field: want id, name, max, source, cites, children or method ("colour")`,
		`line 7, column 8: year: invalid value: want a whole number, got a string ("2025")`,
	}, problemLines(err))
}

func TestDecodeGradePolicyProblems(t *testing.T) {
	in := `{"name":"x","grades":["a","b"],
"quotas":[{"grade":"a","max":"4/3","count":"round","ties":"break","modality":"never","source":"s"}],
"downgrades":[{"id":"D1","when":{"level":"差","share":"1/3","compare":"over"},"effect":"cap_grade","grade":"b","reason":"r","source":"s"}],
"sources":[{"id":"s","doc":"d","confidence":"sure"}],
"quota":[]}`
	_, err := assess.DecodeGradePolicy(strings.NewReader(in))
	assert.Equal(t, []string{
		`line 2, column 30: quotas[0].max: invalid value: a share lies between 0 and 1 ("4/3")`,
		`line 2, column 78: quotas[0].modality: invalid value: want must, usually or may ("never")`,
		`line 3, column 70: downgrades[0].when.compare (id "D1"): invalid value: want at_least or more_than ("over")`,
		`line 4, column 45: sources[0].confidence (id "s"): invalid value: want verified, reported, unverified, local_practice or library_choice ("sure")`,
		`line 5, column 1: quota: unknown field: want name, note, sources, grades, bands, cites, quotas, downgrades, tieBreak, ranking, perCategory, ungraded or awardGrades ("quota")`,
	}, problemLines(err))
	// The count rounding is checked by NewGrader, with the same path.
	in = `{"name":"x","grades":["a","b"],"quotas":[{"grade":"a","max":"1/3","count":"round","ties":"break","modality":"must","source":"s"}],"sources":[{"id":"s","doc":"d"}]}`
	p, err := assess.DecodeGradePolicy(strings.NewReader(in))
	require.NoError(t, err)
	_, err = assess.NewGrader(p)
	assert.Equal(t, []string{`quotas[0].count: invalid value: want floor, ceiling or half_up ("round")`}, problemLines(err))
}

// What the strict decoders accept, encoding/json decodes to the same
// value; the reference schemes and policies decode as before.
func TestDecodeAgreesWithEncodingJSON(t *testing.T) {
	for _, name := range assess.ReferenceNames() {
		s, err := assess.Reference(name)
		require.NoError(t, err)
		b, err := json.Marshal(s)
		require.NoError(t, err)
		assertSameAsStdlib(t, b, func() (any, error) { return assess.DecodeScheme(strings.NewReader(string(b))) }, new(assess.Scheme))
		p, err := assess.ReferencePolicy(name)
		require.NoError(t, err)
		b, err = json.Marshal(p)
		require.NoError(t, err)
		assertSameAsStdlib(t, b, func() (any, error) { return assess.DecodeGradePolicy(strings.NewReader(string(b))) }, new(assess.GradePolicy))
	}
	b, err := json.Marshal([]assess.Subject{workedSubject()})
	require.NoError(t, err)
	assertSameAsStdlib(t, b, func() (any, error) { return assess.DecodeSubjects(strings.NewReader(string(b))) }, new([]assess.Subject))
}

// assertSameAsStdlib checks that when decode accepts data, encoding/json
// with unknown fields disallowed accepts it too and gives the same value.
func assertSameAsStdlib[T any](t *testing.T, data []byte, decode func() (any, error), std *T) bool {
	t.Helper()
	got, err := decode()
	if err != nil {
		for _, p := range dangjian.ProblemsOf(err) {
			if p.Kind == nil || p.Message() == "" {
				t.Fatalf("a problem without a kind or message: %#v", p)
			}
		}
		return false
	}
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if serr := dec.Decode(std); serr != nil {
		t.Fatalf("the strict decoder accepts what encoding/json rejects (%v): %q", serr, data)
	}
	assert.Equal(t, *std, got)
	return true
}
