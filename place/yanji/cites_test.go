package yanji_test

import (
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSchemeTraceCites: in the traces of the worked subjects, each number
// a score used is cited to its own source (issue 11, D13–D16, D19): the
// rater weights and minima, the bonus cap, the caps of the bluu clauses,
// the threshold and cap of the 萧山 clause, the weights and maxima are the
// library's own; the vote points, the per-occurrence and per-point
// amounts and the 1 point per award capped at 2 are their sources'.
func TestSchemeTraceCites(t *testing.T) {
	_, sc, subs := loadScheme(t)
	nodes := map[string]*assess.Node{}
	for _, sub := range subs { // the union of the nodes' cites over the subjects
		res, err := sc.Explain(sub)
		require.NoError(t, err)
		var walk func(n *assess.Node)
		walk = func(n *assess.Node) {
			if prev, ok := nodes[n.ID]; ok {
				prev.Sources = append(prev.Sources, n.Sources...)
			} else {
				c := *n
				c.Sources = append(assess.Cites(nil), n.Sources...)
				nodes[n.ID] = &c
			}
			for _, ch := range n.Children {
				walk(ch)
			}
		}
		walk(res.Trace)
	}
	tests := []struct {
		node, id, of string
		want         dangjian.Confidence
		doc          string // a part of the source's doc, "" for ours
	}{
		{"ceping", "leaders", "weight", dangjian.LibraryChoice, ""},             // D13: doczj gives 20/40/40
		{"ceping", "members", "minRaters", dangjian.LibraryChoice, ""},          // D13
		{"ceping", "ceping", "levels", dangjian.LocalPractice, "量化考核分值计算"},      // doczj's 100/80/60/40
		{"ceping", "ceping", "unknown", dangjian.LocalPractice, "满意度测评"},        // dybbs8
		{"bonus", "bonus", "cap", dangjian.LibraryChoice, ""},                   // D14: guangxi caps an item at 2
		{"bonus", "project_award_city", "points", dangjian.LocalPractice, "广西"}, // 1 per award
		{"bonus", "project_award_city", "cap", dangjian.LocalPractice, "广西"},    // at most 2
		{"yashi", "work_day", "points", dangjian.LocalPractice, "考核评分表"},        // D15: bluu's 0.5
		{"yashi", "work_day", "cap", dangjian.LibraryChoice, ""},                // D15
		{"zhendi", "platform_use", "perPoint", dangjian.LocalPractice, "萧山"},    // D15: 0.2 per point
		{"zhendi", "platform_use", "threshold", dangjian.LibraryChoice, ""},     // D15: 萧山's is 70
		{"zhendi", "platform_use", "cap", dangjian.LibraryChoice, ""},           // D15
		{"daily", "daily", "weight", dangjian.LibraryChoice, ""},                // D16
		{"review", "review", "max", dangjian.LibraryChoice, ""},                 // D16
		{"sanshi", "sanshi", "max", dangjian.LibraryChoice, ""},                 // D16
		{"yashi", "discipline", "levels", dangjian.LocalPractice, "扣分细则"},       // kao110
	}
	for _, tt := range tests {
		n := nodes[tt.node]
		require.NotNil(t, n, tt.node)
		src, ok := n.Sources.Of(tt.id, tt.of)
		require.True(t, ok, "%s#%s not cited in the trace", tt.id, tt.of)
		assert.Equal(t, tt.want, src.Confidence, "%s#%s cited to %s", tt.id, tt.of, src)
		if tt.doc != "" {
			assert.Contains(t, src.Doc, tt.doc, "%s#%s", tt.id, tt.of)
		}
	}
	// D19: the article is a local document, as in funding and orgmodel.
	require.NotNil(t, nodes["daily"].Source)
	assert.Equal(t, dangjian.LocalPractice, nodes["daily"].Source.Confidence)
}
