package assess_test

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian/assess"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var fractionRe = regexp.MustCompile(`-?\d+/\d+`)

// noFractions fails when a JSON string value outside an "exactFraction"
// or "exactFractions" member is a fraction, or a fraction "n/d" appears in
// a value that is not prose (the trace's rule and the reasons are prose).
func noFractions(t *testing.T, path string, v any) {
	t.Helper()
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			switch k {
			case "exactFraction", "exactFractions":
				continue
			case "rule", "reason", "notes", "note", "doc", "article", "url":
				continue // prose and citations
			}
			noFractions(t, path+"."+k, e)
		}
	case []any:
		for _, e := range x {
			noFractions(t, path+"[]", e)
		}
	case string:
		assert.False(t, fractionRe.MatchString(x), "%s = %q holds a fraction", path, x)
	}
}

// Every value in the JSON of the reference cohorts' results (with their
// traces) and gradings is a decimal; fractions appear only in the
// documented exact members, and decoding restores the exact values.
func TestJSONHasNoFractions(t *testing.T) {
	fractionsSeen := 0
	for _, name := range assess.ReferenceNames() {
		t.Run(name, func(t *testing.T) {
			sc, subs := loadReference(t, name)
			results := make([]assess.Result, len(subs))
			for i, sub := range subs {
				res, err := sc.Explain(sub)
				require.NoError(t, err)
				results[i] = res
			}
			p, err := assess.ReferencePolicy(name)
			require.NoError(t, err)
			g, err := assess.NewGrader(p)
			require.NoError(t, err)
			grading, err := g.Grade(results)
			require.NoError(t, err)
			for _, v := range []any{results, grading} {
				b, err := json.Marshal(v)
				require.NoError(t, err)
				fractionsSeen += strings.Count(string(b), `"exactFraction`)
				var tree any
				require.NoError(t, json.Unmarshal(b, &tree))
				noFractions(t, "", tree)
			}
			// Decoding gives back the exact values.
			b, err := json.Marshal(results)
			require.NoError(t, err)
			var back []assess.Result
			require.NoError(t, json.Unmarshal(b, &back))
			for i := range results {
				assert.Equal(t, 0, results[i].Total.Cmp(back[i].Total))
				for j, c := range results[i].Components {
					assert.Equal(t, 0, c.Exact.Cmp(back[i].Components[j].Exact), "%s exact", c.ID)
					assert.Equal(t, 0, c.Weighted.Cmp(back[i].Components[j].Weighted), "%s weighted", c.ID)
				}
			}
			b, err = json.Marshal(grading)
			require.NoError(t, err)
			var gback assess.Grading
			require.NoError(t, json.Unmarshal(b, &gback))
			for i, s := range grading.Subjects {
				assert.Equal(t, 0, s.Total.Cmp(gback.Subjects[i].Total))
			}
			for i, grp := range grading.Groups {
				for j, q := range grp.Quotas {
					assert.Equal(t, q.Max.String(), gback.Groups[i].Quotas[j].Max.String())
				}
			}
		})
	}
	assert.Positive(t, fractionsSeen, "the reference cohorts have values that are not decimals")
}

// A score that is not a decimal is written rounded half-up to six places,
// its fraction beside it; a decimal is written exactly.
func TestScoreJSON(t *testing.T) {
	tests := []struct{ in, json, fraction string }{
		{"2898/31", `"93.483871"`, "2898/31"},
		{"260/3", `"86.666667"`, "260/3"},
		{"1/8", `"0.125"`, ""},
		{"0.1234567", `"0.1234567"`, ""},
		{"-2/3", `"-0.666667"`, "-2/3"},
		{"86.5", `"86.5"`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			s := scoreOf(t, tt.in)
			b, err := json.Marshal(s)
			require.NoError(t, err)
			assert.Equal(t, tt.json, string(b))
			text, exact := s.JSON()
			assert.Equal(t, tt.json, `"`+text+`"`)
			assert.Equal(t, tt.fraction == "", exact)
			b, err = json.Marshal(assess.ComponentResult{ID: "c", Exact: s, Score: s, Weighted: s})
			require.NoError(t, err)
			if tt.fraction == "" {
				assert.NotContains(t, string(b), "exactFractions")
			} else {
				assert.Contains(t, string(b), `"exactFractions":{"exact":"`+tt.fraction+`","score":"`+tt.fraction+`","weighted":"`+tt.fraction+`"}`)
			}
		})
	}
	assert.Equal(t, int32(6), assess.JSONRounding.Places)
}
