package catalogue_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dangjian-go/dangjian/assess"
	"github.com/dangjian-go/dangjian/internal/catalogue"
	"github.com/dangjian-go/dangjian/place/yanji"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTraceCitesMatchCatalogue scores the worked subjects of every
// reference scheme with the trace and checks that every source the trace
// cites (a part's, a clause's or item's, and each number's, ID#field) is
// the source of the catalogue entry for the same part or number: the trace
// and the catalogue say the same of each number a score used, so the
// evidence rows that check the catalogue check the trace too.
func TestTraceCitesMatchCatalogue(t *testing.T) {
	cat, err := catalogue.Build()
	require.NoError(t, err)
	byID := map[string]catalogue.Entry{}
	for _, e := range cat.Rules {
		byID[e.ID] = e
	}
	subjects := map[string]string{
		"jifen":          filepath.Join(root, "assess", "testdata", "reference", "jifen.subjects.json"),
		"minzhu-pingyi":  filepath.Join(root, "assess", "testdata", "reference", "minzhu-pingyi.subjects.json"),
		"xingji":         filepath.Join(root, "assess", "testdata", "reference", "xingji.subjects.json"),
		yanji.SchemeName: filepath.Join(root, "place", "yanji", "testdata", "subjects.json"),
	}
	for _, name := range schemeNames() {
		t.Run(name, func(t *testing.T) {
			s, err := scheme(name)
			require.NoError(t, err)
			sc, err := assess.Compile(s)
			require.NoError(t, err)
			path, ok := subjects[name]
			require.True(t, ok, "no worked subjects for %s", name)
			f, err := os.Open(path)
			require.NoError(t, err)
			defer f.Close()
			subs, err := assess.DecodeSubjects(f)
			require.NoError(t, err)
			checked := 0
			check := func(id string, src string, conf string) {
				e, ok := byID[id]
				if !assert.True(t, ok, "the trace cites %s, which the catalogue does not list", id) {
					return
				}
				assert.Equal(t, e.Source.Doc, src, id)
				assert.Equal(t, e.Source.Confidence, conf, id)
				checked++
			}
			for _, sub := range subs {
				res, err := sc.Explain(sub)
				require.NoError(t, err)
				var walk func(n *assess.Node, at string)
				walk = func(n *assess.Node, at string) {
					if n.Source != nil {
						check(at, n.Source.Doc, n.Source.Confidence.String())
					}
					for _, c := range n.Sources {
						var id string
						switch {
						case c.ID == n.ID:
							id = at + "#" + c.Of
						case n.Method == string(assess.Votes):
							id = at + "/groups/" + c.ID + "#" + c.Of
						default: // a clause or an item
							id = at + "/" + c.ID
							if c.Of != "" {
								id += "#" + c.Of
							}
						}
						check(id, c.Source.Doc, c.Source.Confidence.String())
					}
					for _, ch := range n.Children {
						walk(ch, at+"/"+ch.ID)
					}
				}
				root := res.Trace
				for _, c := range root.Sources {
					check(name+"/"+c.Of, c.Source.Doc, c.Source.Confidence.String())
				}
				for _, ch := range root.Children {
					walk(ch, name+"/"+ch.ID)
				}
				for _, h := range res.Gates {
					check(name+"/gates/"+h.Gate, h.Source.Doc, h.Source.Confidence.String())
					if h.GradeSource != nil {
						check(name+"/gates/"+h.Gate+"#grade", h.GradeSource.Doc, h.GradeSource.Confidence.String())
					}
				}
			}
			assert.Greater(t, checked, 50, "the worked subjects use many cited numbers")
			t.Logf("%d citations checked", checked)
		})
	}
}
