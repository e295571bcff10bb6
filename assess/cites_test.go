package assess_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// citedScheme is the worked scheme with a second source, "ours", that
// some of its numbers cite.
func citedScheme() assess.Scheme {
	s := workedScheme()
	s.Sources = append(s.Sources, assess.Source{ID: "ours", Source: dangjian.Source{Doc: "本库取值", Confidence: dangjian.LibraryChoice}})
	return s
}

func TestCompileCitesProblems(t *testing.T) {
	tests := []struct {
		name     string
		edit     func(*assess.Scheme)
		sentinel error
		want     string
	}{
		{"scheme: unknown field", func(s *assess.Scheme) { s.Cites = map[string]string{"weights": "ours"} }, dangjian.ErrUnknownField,
			`cites.weights: unknown field: a scheme cites only rounding or bands ("weights")`},
		{"scheme: unknown source", func(s *assess.Scheme) { s.Cites = map[string]string{"bands": "S9"} }, assess.ErrUnknownRef,
			`cites.bands: refers to an unknown ID ("S9")`},
		{"component: unknown field", func(s *assess.Scheme) { s.Components[0].Cites = map[string]string{"colour": "ours"} }, dangjian.ErrUnknownField,
			`components[0].cites.colour: unknown field: a component cites only weight or max ("colour")`},
		{"component: unknown source", func(s *assess.Scheme) { s.Components[0].Cites = map[string]string{"weight": "S9"} }, assess.ErrUnknownRef,
			`components[0].cites.weight: refers to an unknown ID ("S9")`},
		{"component: empty source ID", func(s *assess.Scheme) { s.Components[0].Cites = map[string]string{"weight": ""} }, assess.ErrInvalid,
			`components[0].cites.weight: invalid value: a cite names a source ID`},
		{"indicator: a field of another method", func(s *assess.Scheme) { s.Components[0].Indicators[0].Cites = map[string]string{"target": "ours"} }, assess.ErrInvalid,
			`components[0].indicators[0].cites.target: invalid value: this indicator sets no target to cite ("target")`},
		{"indicator: a clause's field", func(s *assess.Scheme) { s.Components[0].Indicators[0].Cites = map[string]string{"cap": "ours"} }, dangjian.ErrUnknownField,
			`components[0].indicators[0].cites.cap: unknown field: an indicator cites only max, target, levels, scale or unknown ("cap")`},
		{"clause: a cap it does not set", func(s *assess.Scheme) {
			s.Components[0].Indicators[0].Method.Clauses[2].Cites = map[string]string{"cap": "ours"}
		}, assess.ErrInvalid,
			`components[0].indicators[0].method.clauses[2].cites.cap: invalid value: this clause sets no cap to cite ("cap")`},
		{"item: unknown source", func(s *assess.Scheme) {
			s.Components[0].Indicators[1].Method.Items[0].Cites = map[string]string{"points": "nowhere"}
		}, assess.ErrUnknownRef,
			`components[0].indicators[1].method.items[0].cites.points: refers to an unknown ID ("nowhere")`},
		{"group: minRaters it does not set", func(s *assess.Scheme) {
			s.Components[1].Indicators[0].Method.Groups[0].Cites = map[string]string{"minRaters": "ours"}
		}, assess.ErrInvalid,
			`components[1].indicators[0].method.groups[0].cites.minRaters: invalid value: this rater group sets no minRaters to cite ("minRaters")`},
		{"bonus: unknown field", func(s *assess.Scheme) { s.Bonus.Cites = map[string]string{"points": "ours"} }, dangjian.ErrUnknownField,
			`bonus.cites.points: unknown field: a bonus pool cites only cap ("points")`},
		{"a bonus item named as its pool", func(s *assess.Scheme) { s.Bonus.Items[1].ID = "bonus" }, assess.ErrDuplicate,
			`bonus.items[1].id: duplicate ID: the pool's own ID: the trace cites the pool's cap as bonus#cap ("bonus")`},
		{"gate without a grade", func(s *assess.Scheme) { s.Gates[0].Cites = map[string]string{"grade": "ours"} }, assess.ErrInvalid,
			`gates[0].cites.grade: invalid value: this gate sets no grade to cite ("grade")`},
		{"gate: unknown source", func(s *assess.Scheme) { s.Gates[1].Cites = map[string]string{"grade": "S2"} }, assess.ErrUnknownRef,
			`gates[1].cites.grade: refers to an unknown ID ("S2")`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := citedScheme()
			tt.edit(&s)
			sc, err := assess.Compile(s)
			require.Error(t, err)
			assert.Nil(t, sc)
			assert.True(t, errors.Is(err, tt.sentinel), "%v", err)
			ps := dangjian.ProblemsOf(err)
			require.Len(t, ps, 1, "%v", err)
			assert.Equal(t, tt.want, ps[0].Error())
		})
	}
}

// TestTraceCitesEachNumber scores the worked subject with a scheme whose
// numbers cite sources of their own, and checks that the trace cites every
// number the score used to its own source: the one the number's cites
// entry names, else its part's.
func TestTraceCitesEachNumber(t *testing.T) {
	s := citedScheme()
	s.Components[0].Cites = map[string]string{"weight": "ours"}
	s.Components[1].Source = "S1"
	s.Components[1].Indicators[0].Source = "S1"
	s.Components[1].Indicators[0].Cites = map[string]string{"levels": "ours"}
	s.Components[1].Indicators[0].Method.Groups[2].Cites = map[string]string{"minRaters": "ours"}
	s.Components[0].Indicators[0].Method.Clauses[0].Cites = map[string]string{"cap": "ours"}
	s.Components[0].Indicators[0].Method.Clauses[2].Source = "S1"
	s.Components[0].Indicators[0].Method.Clauses[2].Cites = map[string]string{"threshold": "ours"}
	s.Components[0].Indicators[2].Source = "S1"
	s.Bonus.Source = "S1"
	s.Bonus.Cites = map[string]string{"cap": "ours"}
	s.Bonus.Items[0].Source = "S1"
	s.Gates[1].Source = "S1"
	s.Gates[1].Cites = map[string]string{"grade": "ours"}
	s.Cites = map[string]string{"bands": "ours"}
	sc, err := assess.Compile(s)
	require.NoError(t, err)
	sub := workedSubject()
	sub.Flags = map[string]bool{"not_good": true}
	res, err := sc.Explain(sub)
	require.NoError(t, err)

	const S1, ours = "测试方案", "本库取值"
	nodes := map[string]*assess.Node{}
	var walk func(n *assess.Node)
	walk = func(n *assess.Node) {
		nodes[n.ID] = n
		for _, ch := range n.Children {
			walk(ch)
		}
	}
	walk(res.Trace)
	tests := []struct {
		node, id, of, want string // want "": not cited (no source)
	}{
		{"daily", "daily", "weight", ours},
		{"daily", "daily", "max", S1},
		{"review", "review", "weight", S1},
		{"review", "review", "max", S1},
		{"meetings", "meetings", "max", ""}, // the indicator cites no source
		{"meetings", "missed", "", S1},
		{"meetings", "missed", "points", S1},
		{"meetings", "missed", "cap", ours},
		{"meetings", "attendance", "", S1},
		{"meetings", "attendance", "threshold", ours},
		{"meetings", "attendance", "perPoint", S1},
		{"coverage", "coverage", "max", S1},
		{"coverage", "coverage", "target", S1},
		{"votes", "votes", "max", S1},
		{"votes", "votes", "levels", ours},
		{"votes", "votes", "scale", S1},
		{"votes", "votes", "unknown", S1},
		{"votes", "leaders", "weight", S1},
		{"votes", "masses", "weight", S1},
		{"votes", "masses", "minRaters", ours},
		{"votes", "leaders", "minRaters", ""}, // not set: not a number used
		{"total", "total", "bands", ours},
		{"total", "total", "rounding", ""}, // the scheme cites no source for it
		{"bonus", "bonus", "cap", ours},
		{"bonus", "award", "", S1},
		{"bonus", "award", "points", S1},
		{"bonus", "award", "cap", S1},
		{"bonus", "innovation", "points", ""}, // the item cites no source
	}
	for _, tt := range tests {
		n := nodes[tt.node]
		require.NotNil(t, n, tt.node)
		src, ok := n.Sources.Of(tt.id, tt.of)
		if tt.want == "" {
			assert.False(t, ok, "%s: %s#%s cited to %v", tt.node, tt.id, tt.of, src)
			continue
		}
		if assert.True(t, ok, "%s: %s#%s not cited", tt.node, tt.id, tt.of) {
			assert.Equal(t, tt.want, src.Doc, "%s: %s#%s", tt.node, tt.id, tt.of)
		}
	}
	// The gate's grade: its own source beside the gate's.
	require.Len(t, res.Gates, 1)
	assert.Equal(t, S1, res.Gates[0].Source.Doc)
	require.NotNil(t, res.Gates[0].GradeSource)
	assert.Equal(t, ours, res.Gates[0].GradeSource.Doc)

	// The same through JSON: keys ID#of, read back.
	b, err := res.Trace.Children[0].Children[0].Sources.MarshalJSON()
	require.NoError(t, err)
	assert.Contains(t, string(b), `"missed#cap":{"doc":"本库取值","confidence":"library_choice"}`)
	var back assess.Cites
	require.NoError(t, back.UnmarshalJSON(b))
	got, ok := back.Of("missed", "cap")
	require.True(t, ok)
	assert.Equal(t, ours, got.Doc)
	got, ok = back.Get("missed")
	require.True(t, ok)
	assert.Equal(t, S1, got.Doc)

	// ExplainInto reuses the trace's memory and cites the same.
	in := sc.NewInput()
	require.NoError(t, sc.Fill(in, sub))
	var again assess.Result
	for range 2 {
		require.NoError(t, sc.ExplainInto(&again, in))
	}
	a, err := res.Trace.Children[1].Children[0].Sources.MarshalJSON()
	require.NoError(t, err)
	b2, err := again.Trace.Children[1].Children[0].Sources.MarshalJSON()
	require.NoError(t, err)
	assert.JSONEq(t, string(a), string(b2))
}

// TestReferenceTraceCites: in the traces of the reference subjects, the
// numbers no document gives are cited to the library's own source, and
// the numbers a source gives to that source (issue 11, D16, D17).
func TestReferenceTraceCites(t *testing.T) {
	tests := []struct {
		scheme, node, id, of string
		want                 dangjian.Confidence
	}{
		{"minzhu-pingyi", "ceping", "ceping", "weight", dangjian.LibraryChoice},
		{"minzhu-pingyi", "votes", "votes", "levels", dangjian.LibraryChoice},
		{"minzhu-pingyi", "votes", "members", "weight", dangjian.LibraryChoice},
		{"minzhu-pingyi", "votes", "members", "minRaters", dangjian.LibraryChoice},
		{"minzhu-pingyi", "votes", "votes", "unknown", dangjian.LocalPractice},
		{"minzhu-pingyi", "richang", "richang", "weight", dangjian.LibraryChoice},
		{"xingji", "base", "base", "weight", dangjian.LocalPractice},
		{"xingji", "base", "base", "max", dangjian.LibraryChoice},
		{"xingji", "satisfaction", "members", "weight", dangjian.LibraryChoice},
		{"xingji", "satisfaction", "satisfaction", "levels", dangjian.LocalPractice},
		{"jifen", "review", "review", "levels", dangjian.LibraryChoice},
		{"jifen", "review", "review", "max", dangjian.LocalPractice},
	}
	traces := map[string]map[string]*assess.Node{}
	for _, tt := range tests {
		nodes, ok := traces[tt.scheme]
		if !ok {
			sc, subs := loadReference(t, tt.scheme)
			res, err := sc.Explain(subs[0])
			require.NoError(t, err)
			nodes = map[string]*assess.Node{}
			var walk func(n *assess.Node)
			walk = func(n *assess.Node) {
				nodes[n.ID] = n
				for _, ch := range n.Children {
					walk(ch)
				}
			}
			walk(res.Trace)
			traces[tt.scheme] = nodes
		}
		n := nodes[tt.node]
		require.NotNil(t, n, "%s: %s", tt.scheme, tt.node)
		src, ok := n.Sources.Of(tt.id, tt.of)
		require.True(t, ok, "%s: %s#%s not cited", tt.scheme, tt.id, tt.of)
		assert.Equal(t, tt.want, src.Confidence, "%s: %s#%s cited to %s", tt.scheme, tt.id, tt.of, src)
	}
	// D17: the direct grading's condition is star-direct's, its 五星 the
	// library's.
	sc, subs := loadReference(t, "xingji")
	var hit *assess.GateHit
	for _, sub := range subs {
		res, err := sc.Score(sub)
		require.NoError(t, err)
		for i := range res.Gates {
			if res.Gates[i].Gate == "advanced" {
				hit = &res.Gates[i]
			}
		}
	}
	require.NotNil(t, hit, "a reference subject is graded directly")
	assert.Equal(t, dangjian.LocalPractice, hit.Source.Confidence)
	require.NotNil(t, hit.GradeSource)
	assert.Equal(t, dangjian.LibraryChoice, hit.GradeSource.Confidence)
}

// TestTableRuleCites: a decision table's rule that fires is cited in the
// trace to its own source; an unknown rule source does not compile.
func TestTableRuleCites(t *testing.T) {
	scheme := func(src string) string {
		return `{"name": "t", "sources": [{"id": "S1", "doc": "办法", "confidence": "local_practice"}],
  "components": [{"id": "c", "name": "c", "weight": "1", "max": "20", "indicators": [
    {"id": "venue", "max": "20", "method": {"kind": "table", "table": {"hitPolicy": "UNIQUE",
      "inputs": [{"name": "venue_area", "kind": "number"}],
      "rules": [{"id": "large", "when": [">= 500"], "points": "20", "source": "` + src + `"},
                {"id": "small", "when": ["< 500"], "points": "8"}]}}}]}]}`
	}
	s, err := assess.DecodeScheme(strings.NewReader(scheme("S1")))
	require.NoError(t, err)
	sc, err := assess.Compile(s)
	require.NoError(t, err)
	for _, tt := range []struct {
		area  string
		rule  string
		cited bool
	}{{"620", "large", true}, {"120", "small", false}} {
		res, err := sc.Explain(assess.Subject{ID: "A", Values: map[string]assess.Num{"venue_area": n(tt.area)}})
		require.NoError(t, err)
		venue := res.Trace.Children[0].Children[0]
		assert.Equal(t, tt.rule, venue.Rule)
		src, ok := venue.Sources.Get(tt.rule)
		assert.Equal(t, tt.cited, ok, tt.rule)
		if ok {
			assert.Equal(t, "办法", src.Doc)
		}
	}
	s, err = assess.DecodeScheme(strings.NewReader(scheme("S2")))
	require.NoError(t, err)
	_, err = assess.Compile(s)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `components[0].indicators[0].method.table.rules[0].source: refers to an unknown ID ("S2")`)
}
