package assess_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dangjian-go/dangjian/assess"
)

// sourcedScheme cites its component to a regulation but the weight and
// the maximum to the author's own choice; a deduction clause to a second
// document, its points to it as well and its cap to the author; a
// checklist's maximum to the regulation, and one item's points to the
// author. A part without a source or a cite (the indicator d, the item
// report) cites none of its numbers.
const sourcedScheme = `{"name": "出处示例", "version": "1", "year": 2025,
  "sources": [
    {"id": "reg", "doc": "某办法", "article": "第五条", "confidence": "verified"},
    {"id": "xize", "doc": "某细则", "confidence": "local_practice"},
    {"id": "ours", "doc": "作者自定", "confidence": "library_choice"}],
  "cites": {"rounding": "ours"},
  "rounding": [{"at": "total", "places": 2, "mode": "half_up"}],
  "components": [{"id": "c", "name": "考核", "weight": "1", "max": "20", "source": "reg", "cites": {"weight": "ours", "max": "ours"},
    "indicators": [
      {"id": "d", "name": "扣分", "max": "10", "method": {"kind": "deductions", "clauses": [
        {"id": "late", "points": "2", "cap": "3", "source": "xize", "cites": {"cap": "ours"}}]}},
      {"id": "k", "name": "清单", "max": "10", "cites": {"max": "reg"}, "method": {"kind": "checklist", "items": [
        {"id": "plan", "points": "4", "cites": {"points": "ours"}},
        {"id": "report", "points": "6"}]}}]}]}`

func sourcedTrace(t *testing.T) *assess.Node {
	t.Helper()
	s, err := assess.DecodeScheme(strings.NewReader(sourcedScheme))
	require.NoError(t, err)
	sc, err := assess.Compile(s)
	require.NoError(t, err)
	res, err := sc.Explain(assess.Subject{ID: "a",
		Events:  map[string][]assess.Event{"d": {{Clause: "late", Count: 2}}},
		Checked: map[string][]string{"k": {"plan", "report"}}})
	require.NoError(t, err)
	require.Equal(t, "17", res.Total.String())
	return res.Trace
}

// The text trace shows the source of each number the score used where it
// differs from its part's source; the CSV trace gives every number's.
func TestTraceNumberSources(t *testing.T) {
	tr := sourcedTrace(t)
	var text strings.Builder
	require.NoError(t, tr.WriteText(&text, ""))
	assert.Equal(t, `total 出处示例 = 17 (half_up to 2 places)
  · source of rounding: 作者自定 [library_choice]
  c 考核 = 17 of 20
    · inputs: weight 1; weighted 17
    · source: 某办法 第五条 [verified]
    · source of weight 1, max 20: 作者自定 [library_choice]
    d 扣分 = 7 of 10 (deductions)
      · inputs: late −3
      · rule: max(max − deductions, 0) (扣完为止)
      · note: d: clause late deducts 4, capped at 3
      · source of late points 2: 某细则 [local_practice]
      · source of late cap 3: 作者自定 [library_choice]
    k 清单 = 10 of 10 (checklist)
      · inputs: plan 4; report 6
      · rule: min(sum of the items checked, max)
      · source of plan points 4: 作者自定 [library_choice]
`, text.String())

	var csv strings.Builder
	require.NoError(t, tr.WriteCSV(&csv))
	assert.Equal(t, `depth,id,name,method,max,exact,value,rounding,rule,inputs,notes,source,number_sources
0,total,出处示例,,,17,17,half_up to 2 places,,,,,rounding: 作者自定 [library_choice]
1,c,考核,,20,17,17,,,weight 1; weighted 17,,某办法 第五条 [verified],"weight 1, max 20: 作者自定 [library_choice]"
2,d,扣分,deductions,10,7,7,,"max(max − deductions, 0) (扣完为止)",late −3,"d: clause late deducts 4, capped at 3",,late points 2: 某细则 [local_practice] | late cap 3: 作者自定 [library_choice]
2,k,清单,checklist,10,10,10,,"min(sum of the items checked, max)",plan 4; report 6,,,max 10: 某办法 第五条 [verified] | plan points 4: 作者自定 [library_choice]
`, csv.String())
}
