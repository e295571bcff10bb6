package main

import (
	"encoding/json"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// With -format json, input problems print on stdout as {"problems": [...]},
// in the root Problem's JSON, and the exit status is 2; nothing goes to
// stderr.
func TestJSONProblems(t *testing.T) {
	flat := []string{"-scheme", "testdata/flat-scheme.json", "-input", "-", "-format", "json"}
	tests := []struct {
		name  string
		stdin string
		args  []string
		want  string
	}{
		{"CSV cells", "id,meetings,flag:veto\na,x,maybe\n,1,\n", flat, `{"problems":[
			{"code":"invalid","path":"meetings","id":"a","file":"stdin","line":2,"column":2,"value":"x","message":"invalid value: not a decimal number","detail":"not a decimal number"},
			{"code":"invalid","path":"flag:veto","id":"a","file":"stdin","line":2,"column":3,"value":"maybe","message":"invalid value: want true, false, 1, 0 or empty","detail":"want true, false, 1, 0 or empty"},
			{"code":"missing","path":"id","file":"stdin","line":3,"message":"missing value: a row names its subject","detail":"a row names its subject"}]}`},
		{"CSV header", "id,nope\n", flat, `{"problems":[
			{"code":"header","path":"nope","file":"stdin","line":1,"column":2,"value":"nope","message":"invalid header: unknown column: want id, category, meetings, dues, area, score, type, flag:veto, bonus:award, bonus:innovation","detail":"unknown column: want id, category, meetings, dues, area, score, type, flag:veto, bonus:award, bonus:innovation"}]}`},
		{"JSON subjects", "[{\"id\":\"a\",\n\"colour\":1,\"values\":{\"meetings\":\"x\"}}]", flat, `{"problems":[
			{"code":"unknown_field","path":"subjects[0].colour","id":"a","file":"stdin","line":2,"column":1,"value":"colour","message":"unknown field: want id, category, values, fields, checked, events, votes, bonus or flags","detail":"want id, category, values, fields, checked, events, votes, bonus or flags"},
			{"code":"invalid","path":"subjects[0].values.meetings","id":"a","file":"stdin","line":2,"column":33,"value":"x","message":"invalid value: want a decimal number","detail":"want a decimal number"}]}`},
		{"scoring", "", []string{"-input", "testdata/badsubjects.json", "-format", "json"}, `{"problems":[
			{"code":"invalid_input","path":"subjects[0].checked.yanshi[1]","id":"x1","file":"testdata/badsubjects.json","value":"no_such_item","message":"invalid input: not an item of the checklist, or repeated","detail":"not an item of the checklist, or repeated"},
			{"code":"invalid_input","path":"subjects[0].flags.typo","id":"x1","file":"testdata/badsubjects.json","value":"typo","message":"invalid input: no gate reads this flag","detail":"no gate reads this flag"},
			{"code":"invalid_input","path":"subjects[0].values.pinpai","id":"x1","file":"testdata/badsubjects.json","message":"invalid input: no value for direct indicator \"pinpai\"","detail":"no value for direct indicator \"pinpai\""},
			{"code":"invalid_input","path":"subjects[0].votes.ceping.leaders","id":"x1","file":"testdata/badsubjects.json","value":"2","message":"invalid input: 2 raters, fewer than the group's minimum of 3: the 测评 must be held again","detail":"2 raters, fewer than the group's minimum of 3: the 测评 must be held again"},
			{"code":"invalid_input","path":"subjects[1].events.yashi[0].clause","id":"x2","file":"testdata/badsubjects.json","value":"nope","message":"invalid input: not a clause of the indicator","detail":"not a clause of the indicator"},
			{"code":"invalid_input","path":"subjects[1].bonus.project_award_city","id":"x2","file":"testdata/badsubjects.json","value":"-1","message":"invalid input: a count is not negative","detail":"a count is not negative"}]}`},
		{"scheme", "", []string{"-scheme", "testdata/badscheme.json", "-input", "testdata/flat.csv", "-format", "json"}, `{"problems":[
			{"code":"points","path":"components[0].max","file":"testdata/badscheme.json","value":"10","message":"points are inconsistent: the indicators' maxima sum to 5","detail":"the indicators' maxima sum to 5"},
			{"code":"weights","path":"components","file":"testdata/badscheme.json","value":"0.5","message":"weights do not sum to 1: component weights sum to 0.5, not exactly 1","detail":"component weights sum to 0.5, not exactly 1"},
			{"code":"bands","path":"bands","file":"testdata/badscheme.json","value":"5","message":"bands do not cover the score range exactly once: scores from 0 to 5 have no band","detail":"scores from 0 to 5 have no band"}]}`},
		{"missing input file", "", []string{"-input", "testdata/none.json", "-format", "json"}, `{"problems":[
			{"code":"invalid","file":"testdata/none.json","message":"invalid value: cannot be read: open testdata/none.json: no such file or directory","detail":"cannot be read: open testdata/none.json: no such file or directory"}]}`},
		{"grading", `[{"id":"a","values":{"meetings":"1","dues":"1","area":"1","score":"1"},"fields":{"type":"村"}},{"id":"a","values":{"meetings":"1","dues":"1","area":"1","score":"1"},"fields":{"type":"村"}}]`, flat, `{"problems":[
			{"code":"duplicate","path":"results[1].subject","id":"a","file":"stdin","value":"a","message":"duplicate ID: also results[0]","detail":"also results[0]"}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runWith(t, tt.stdin, tt.args...)
			assert.Equal(t, exitInput, r.code)
			assert.Empty(t, r.stderr)
			assert.JSONEq(t, tt.want, r.stdout)
			var out struct {
				Problems dangjian.Problems `json:"problems"`
			}
			require.NoError(t, json.Unmarshal([]byte(r.stdout), &out))
			require.NotEmpty(t, out.Problems)
		})
	}
}

// Flag problems stay on stderr, whatever the format; the text format
// still lists input problems on stderr.
func TestProblemsElsewhere(t *testing.T) {
	r := runWith(t, "", "-format", "json", "-nope")
	assert.Equal(t, exitInput, r.code)
	assert.Empty(t, r.stdout)
	assert.Contains(t, r.stderr, "flag provided but not defined: -nope")
	r = runWith(t, "", "-format", "json", "-explain", "nobody")
	assert.Equal(t, exitInput, r.code)
	assert.Contains(t, r.stderr, "assess: -explain nobody: no such subject in the input")
	r = runWith(t, "id,nope\n", "-scheme", "testdata/flat-scheme.json", "-input", "-")
	assert.Equal(t, exitInput, r.code)
	assert.Empty(t, r.stdout)
	assert.Contains(t, r.stderr, `stdin:1:2: nope: invalid header`)
}
