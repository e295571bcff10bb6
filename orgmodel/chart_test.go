package orgmodel_test

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/dangjian-go/dangjian/internal/golden"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// chartUUID returns a fixed, readable ID: 00000000-0000-0000-0000-0000000000nn.
func chartUUID(n int) uuid.UUID {
	var u uuid.UUID
	u[14], u[15] = byte(n>>8), byte(n)
	return u
}

// chartWriter is WriteMermaid or WriteDOT.
type chartWriter func(w *bytes.Buffer, t *orgmodel.Tree, root uuid.UUID, opt orgmodel.ChartOptions) error

var chartFormats = []struct {
	ext   string
	write chartWriter
}{
	{"mmd", func(w *bytes.Buffer, t *orgmodel.Tree, root uuid.UUID, opt orgmodel.ChartOptions) error {
		return orgmodel.WriteMermaid(w, t, root, opt)
	}},
	{"dot", func(w *bytes.Buffer, t *orgmodel.Tree, root uuid.UUID, opt orgmodel.ChartOptions) error {
		return orgmodel.WriteDOT(w, t, root, opt)
	}},
}

// The tricky tree: every name carries something a chart language would
// otherwise interpret. Two roots, so uuid.Nil draws a forest.
var (
	chartCity    = chartUUID(1)
	chartPark    = chartUUID(2)
	chartFirm    = chartUUID(3)
	chartBranch  = chartUUID(4)
	chartGroup   = chartUUID(5)
	chartGeneral = chartUUID(6)
	chartTemp    = chartUUID(7)
	chartJoint   = chartUUID(8)
	chartOther   = chartUUID(9)
)

func chartTree(t testing.TB) *orgmodel.Tree {
	t.Helper()
	m := func(f, p int64) orgmodel.Members { return orgmodel.Members{Full: f, Probationary: p} }
	tree, err := orgmodel.Build(orgmodel.Records{Orgs: []orgmodel.Org{
		{ID: chartCity, Kind: orgmodel.LocalCommittee, Name: `延吉市委 "试点"`},
		{ID: chartPark, Parent: chartCity, Kind: orgmodel.WorkCommittee, Name: "园区党工委 [A] (B) {C} |D|"},
		{ID: chartFirm, Parent: chartPark, Kind: orgmodel.Committee, Name: "<b>粗体</b> & #quot; #35; 公司党委", Members: m(2, 0)},
		{ID: chartBranch, Parent: chartFirm, Kind: orgmodel.Branch, Name: "🚩 第一党支部; end", Members: m(12, 1)},
		{ID: chartGroup, Parent: chartBranch, Kind: orgmodel.PartyGroup, Name: `党小组 \N \" back\slash`, Members: m(3, 1)},
		{ID: chartGeneral, Parent: chartFirm, Kind: orgmodel.GeneralBranch, Name: "style:#f00; %% 总支 -->", Members: m(40, 2)},
		{ID: chartTemp, Parent: chartFirm, Kind: orgmodel.TempBranch, Name: "临时党支部 `md`\n第二行\t制表", Members: m(4, 0)},
		{ID: chartJoint, Parent: chartPark, Kind: orgmodel.JointBranch, Name: "联合党支部 ]) \"]; click", Members: m(5, 2)},
		{ID: chartOther, Kind: orgmodel.Committee, Name: "第二棵树 ✓", Members: m(7, 0)},
	}})
	require.NoError(t, err)
	return tree
}

func TestChartGolden(t *testing.T) {
	tree := chartTree(t)
	cases := []struct {
		name string
		root uuid.UUID
		opt  orgmodel.ChartOptions
	}{
		{"forest-names", uuid.Nil, orgmodel.ChartOptions{}},
		{"forest-full", uuid.Nil, orgmodel.ChartOptions{Kinds: true, Members: true}},
		{"park-depth1-kinds", chartPark, orgmodel.ChartOptions{MaxDepth: 1, Kinds: true}},
		{"firm-members", chartFirm, orgmodel.ChartOptions{Members: true}},
	}
	for _, c := range cases {
		for _, f := range chartFormats {
			t.Run(c.name+"."+f.ext, func(t *testing.T) {
				var buf bytes.Buffer
				require.NoError(t, f.write(&buf, tree, c.root, c.opt))
				require.True(t, utf8.Valid(buf.Bytes()), "output is not UTF-8")
				golden.Check(t, filepath.Join("testdata", "chart", c.name+"."+f.ext), buf.Bytes())
			})
		}
	}
}

// chartNodeLine matches a node line of either language and captures the ID
// and the label as written.
var (
	mermaidNode = regexp.MustCompile(`^    (n[0-9a-f]{32})(?:\[|\(|\(\[)"(.*)"(?:\]|\)|\]\)):::([a-z_]+)$`)
	mermaidEdge = regexp.MustCompile(`^    (n[0-9a-f]{32}) --> (n[0-9a-f]{32})$`)
	dotNode     = regexp.MustCompile(`^    (n[0-9a-f]{32}) \[label="((?:[^"\\]|\\.)*)", shape=`)
	dotEdge     = regexp.MustCompile(`^    (n[0-9a-f]{32}) -> (n[0-9a-f]{32});$`)
)

// chartGraph is what a chart says: the labels of its nodes in order and
// its edges, read back from either language.
type chartGraph struct {
	nodes  []string // IDs in output order
	labels map[string]string
	edges  [][2]string
}

func parseChart(t *testing.T, ext, out string) chartGraph {
	t.Helper()
	g := chartGraph{labels: map[string]string{}}
	node, edge := mermaidNode, mermaidEdge
	if ext == "dot" {
		node, edge = dotNode, dotEdge
	}
	for _, line := range strings.Split(out, "\n") {
		if m := node.FindStringSubmatch(line); m != nil {
			g.nodes = append(g.nodes, m[1])
			g.labels[m[1]] = m[2]
		} else if m := edge.FindStringSubmatch(line); m != nil {
			g.edges = append(g.edges, [2]string{m[1], m[2]})
		}
	}
	return g
}

func TestChartStructure(t *testing.T) {
	tree := chartTree(t)
	nid := func(u uuid.UUID) string { return "n" + strings.ReplaceAll(u.String(), "-", "") }
	cases := []struct {
		name  string
		root  uuid.UUID
		depth int
		nodes []uuid.UUID
		edges [][2]uuid.UUID
	}{
		{"forest", uuid.Nil, 0,
			[]uuid.UUID{chartCity, chartPark, chartFirm, chartBranch, chartGroup, chartGeneral, chartTemp, chartJoint, chartOther},
			[][2]uuid.UUID{{chartCity, chartPark}, {chartPark, chartFirm}, {chartFirm, chartBranch}, {chartBranch, chartGroup},
				{chartFirm, chartGeneral}, {chartFirm, chartTemp}, {chartPark, chartJoint}}},
		{"forest/depth-1", uuid.Nil, 1,
			[]uuid.UUID{chartCity, chartPark, chartOther},
			[][2]uuid.UUID{{chartCity, chartPark}}},
		{"forest/depth-2", uuid.Nil, 2,
			[]uuid.UUID{chartCity, chartPark, chartFirm, chartJoint, chartOther},
			[][2]uuid.UUID{{chartCity, chartPark}, {chartPark, chartFirm}, {chartPark, chartJoint}}},
		{"forest/depth-beyond-height", uuid.Nil, 99,
			[]uuid.UUID{chartCity, chartPark, chartFirm, chartBranch, chartGroup, chartGeneral, chartTemp, chartJoint, chartOther},
			[][2]uuid.UUID{{chartCity, chartPark}, {chartPark, chartFirm}, {chartFirm, chartBranch}, {chartBranch, chartGroup},
				{chartFirm, chartGeneral}, {chartFirm, chartTemp}, {chartPark, chartJoint}}},
		{"firm/depth-1", chartFirm, 1,
			[]uuid.UUID{chartFirm, chartBranch, chartGeneral, chartTemp},
			[][2]uuid.UUID{{chartFirm, chartBranch}, {chartFirm, chartGeneral}, {chartFirm, chartTemp}}},
		{"leaf", chartGroup, 0, []uuid.UUID{chartGroup}, nil},
		{"second-root", chartOther, 0, []uuid.UUID{chartOther}, nil},
	}
	for _, c := range cases {
		for _, f := range chartFormats {
			t.Run(c.name+"."+f.ext, func(t *testing.T) {
				var buf bytes.Buffer
				require.NoError(t, f.write(&buf, tree, c.root, orgmodel.ChartOptions{MaxDepth: c.depth}))
				g := parseChart(t, f.ext, buf.String())
				var wantNodes []string
				for _, u := range c.nodes {
					wantNodes = append(wantNodes, nid(u))
				}
				var wantEdges [][2]string
				for _, e := range c.edges {
					wantEdges = append(wantEdges, [2]string{nid(e[0]), nid(e[1])})
				}
				assert.Equal(t, wantNodes, g.nodes)
				assert.Equal(t, wantEdges, g.edges)
			})
		}
	}
}

// Labels read back from the output, with the escapes undone, are the names
// (and the detail line) exactly.
func TestChartLabels(t *testing.T) {
	tree := chartTree(t)
	opt := orgmodel.ChartOptions{Kinds: true, Members: true}
	want := map[uuid.UUID]string{
		chartCity:    `延吉市委 "试点"` + "\n地方党委 · 正式63 预备5",
		chartFirm:    "<b>粗体</b> & #quot; #35; 公司党委\n党委 · 正式58 预备3",
		chartBranch:  "🚩 第一党支部; end\n党支部 · 正式12 预备1",
		chartGroup:   `党小组 \N \" back\slash` + "\n党小组 · 正式3 预备1", // its own counts
		chartGeneral: "style:#f00; %% 总支 -->\n党总支 · 正式40 预备2",
		chartJoint:   "联合党支部 ]) \"]; click\n联合党支部 · 正式5 预备2",
		chartOther:   "第二棵树 ✓\n党委 · 正式7 预备0",
	}
	for _, f := range chartFormats {
		t.Run(f.ext, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, f.write(&buf, tree, uuid.Nil, opt))
			g := parseChart(t, f.ext, buf.String())
			require.Len(t, g.nodes, tree.Len())
			for u, w := range want {
				id := "n" + strings.ReplaceAll(u.String(), "-", "")
				raw, ok := g.labels[id]
				require.True(t, ok, "no node %s", id)
				got, err := unescapeChartLabel(f.ext, raw)
				require.NoError(t, err)
				assert.Equal(t, w, got, "label of %s", u)
			}
		})
	}
}

var mermaidEntity = regexp.MustCompile(`#[0-9]+;`)

// unescapeChartLabel undoes the label escaping of one language, and fails
// on anything the language would read as syntax.
func unescapeChartLabel(ext, raw string) (string, error) {
	if ext == "dot" {
		var b strings.Builder
		for i := 0; i < len(raw); i++ {
			c := raw[i]
			if c != '\\' {
				if c == '"' || c == '\n' {
					return "", fmt.Errorf("raw %q in %q", c, raw)
				}
				if c == '&' {
					if !strings.HasPrefix(raw[i:], "&amp;") {
						return "", fmt.Errorf("raw & at %d in %q", i, raw)
					}
					i += len("&amp;") - 1
				}
				b.WriteByte(c)
				continue
			}
			i++
			if i == len(raw) {
				return "", fmt.Errorf("dangling backslash in %q", raw)
			}
			switch raw[i] {
			case '"', '\\':
				b.WriteByte(raw[i])
			case 'n':
				b.WriteByte('\n')
			default:
				return "", fmt.Errorf("escape \\%c in %q", raw[i], raw)
			}
		}
		return b.String(), nil
	}
	// Mermaid: the separator is <br>; nothing Mermaid or HTML reads may be raw.
	if strings.ContainsAny(mermaidEntity.ReplaceAllString(strings.ReplaceAll(raw, "<br>", ""), ""), "\"#&<>`:") {
		return "", fmt.Errorf("unescaped special character in %q", raw)
	}
	// Split on the written separator first: an escaped "<br>" in a name
	// (#60;br#62;) must not read as one.
	unescape := func(part string) string {
		return mermaidEntity.ReplaceAllStringFunc(part, func(e string) string {
			n, _ := strconv.Atoi(e[1 : len(e)-1])
			return string(rune(n))
		})
	}
	name, detail, two := strings.Cut(raw, "<br>")
	if !two {
		return unescape(name), nil
	}
	return unescape(name) + "\n" + unescape(detail), nil
}

func TestChartControlCharacters(t *testing.T) {
	tree := chartTree(t)
	cases := []struct {
		ext  string
		want string // the written label of chartTemp
	}{
		{"mmd", "临时党支部 #96;md#96;#10;第二行#9;制表"},
		{"dot", `临时党支部 ` + "`md`" + `\n第二行 制表`},
	}
	for _, c := range cases {
		t.Run(c.ext, func(t *testing.T) {
			for _, f := range chartFormats {
				if f.ext != c.ext {
					continue
				}
				var buf bytes.Buffer
				require.NoError(t, f.write(&buf, tree, chartTemp, orgmodel.ChartOptions{}))
				g := parseChart(t, f.ext, buf.String())
				require.Len(t, g.nodes, 1)
				assert.Equal(t, c.want, g.labels[g.nodes[0]])
			}
		})
	}
}

func TestChartShapes(t *testing.T) {
	tree := chartTree(t)
	cases := []struct {
		org       uuid.UUID
		mermaid   string // shape delimiters and class
		dotShape  string
		dotStyles string
	}{
		{chartCity, `["…"]:::local_committee`, "box", "filled,bold"},
		{chartPark, `["…"]:::work_committee`, "box", "filled,bold"},
		{chartFirm, `["…"]:::committee`, "box", "filled"},
		{chartBranch, `("…"):::branch`, "box", "rounded,filled"},
		{chartGroup, `(["…"]):::party_group`, "ellipse", "filled"},
		{chartGeneral, `("…"):::general_branch`, "box", "rounded,filled"},
		{chartTemp, `("…"):::temporary_branch`, "box", "rounded,filled,dashed"},
		{chartJoint, `("…"):::joint_branch`, "box", "rounded,filled"},
	}
	labelM := regexp.MustCompile(`"(?:[^"])*"`)
	for _, c := range cases {
		o, _ := tree.Org(c.org)
		t.Run(o.Kind.String(), func(t *testing.T) {
			var m, d bytes.Buffer
			require.NoError(t, orgmodel.WriteMermaid(&m, tree, c.org, orgmodel.ChartOptions{MaxDepth: 0}))
			line := strings.Split(m.String(), "\n")[1]
			id := "n" + strings.ReplaceAll(c.org.String(), "-", "")
			assert.Equal(t, "    "+id+c.mermaid, labelM.ReplaceAllString(line, `"…"`))
			assert.Contains(t, m.String(), "classDef "+o.Kind.String()+" ")

			require.NoError(t, orgmodel.WriteDOT(&d, tree, c.org, orgmodel.ChartOptions{}))
			assert.Contains(t, d.String(), id+` [label="`)
			dline := strings.Split(d.String(), "\n")[3]
			assert.Contains(t, dline, ", shape="+c.dotShape+`, style="`+c.dotStyles+`"`)
		})
	}
	t.Run("temporary/dashed-class", func(t *testing.T) {
		var m bytes.Buffer
		require.NoError(t, orgmodel.WriteMermaid(&m, tree, chartTemp, orgmodel.ChartOptions{}))
		assert.Contains(t, m.String(), "classDef temporary_branch fill:#cfe2ff,stroke:#0a58ca,stroke-dasharray:5 5\n")
	})
	t.Run("classDef/only-used-kinds", func(t *testing.T) {
		var m bytes.Buffer
		require.NoError(t, orgmodel.WriteMermaid(&m, tree, chartBranch, orgmodel.ChartOptions{}))
		assert.Equal(t, 2, strings.Count(m.String(), "classDef "), m.String())
	})
}

// failWriter fails every write.
type failWriter struct{}

var errChartSink = errors.New("sink is full")

func (failWriter) Write([]byte) (int, error) { return 0, errChartSink }

func TestChartErrors(t *testing.T) {
	tree := chartTree(t)
	unknown := uuid.MustParse("a0000000-0000-0000-0000-00000000000f")
	cases := []struct {
		name string
		tree *orgmodel.Tree
		root uuid.UUID
		opt  orgmodel.ChartOptions
		is   error
		msg  string
	}{
		{"unknown-root", tree, unknown, orgmodel.ChartOptions{}, orgmodel.ErrUnknownRef,
			`root: refers to an unknown ID ("a0000000-0000-0000-0000-00000000000f")`},
		{"negative-depth", tree, uuid.Nil, orgmodel.ChartOptions{MaxDepth: -1}, orgmodel.ErrNegative,
			`MaxDepth: must not be negative ("-1")`},
		{"nil-tree", nil, uuid.Nil, orgmodel.ChartOptions{}, dangjian.ErrMissing, `missing value: no tree to chart`},
	}
	fns := []struct {
		name  string
		write chartWriter
	}{{"WriteMermaid", chartFormats[0].write}, {"WriteDOT", chartFormats[1].write}}
	for _, c := range cases {
		for _, fn := range fns {
			t.Run(c.name+"/"+fn.name, func(t *testing.T) {
				var buf bytes.Buffer
				err := fn.write(&buf, c.tree, c.root, c.opt)
				require.Error(t, err)
				assert.EqualError(t, err, c.msg)
				if c.is != nil {
					assert.ErrorIs(t, err, c.is)
				}
				assert.Zero(t, buf.Len(), "nothing is written on a bad call")
			})
		}
	}
	t.Run("write-error", func(t *testing.T) {
		err := orgmodel.WriteMermaid(failWriter{}, tree, uuid.Nil, orgmodel.ChartOptions{})
		require.ErrorIs(t, err, errChartSink)
		assert.EqualError(t, err, "sink is full", "a write error as it is")
		err = orgmodel.WriteDOT(failWriter{}, tree, uuid.Nil, orgmodel.ChartOptions{})
		require.ErrorIs(t, err, errChartSink)
		assert.EqualError(t, err, "sink is full")
	})
}

func TestChartEmptyTree(t *testing.T) {
	tree, err := orgmodel.Build(orgmodel.Records{})
	require.NoError(t, err)
	var m, d bytes.Buffer
	require.NoError(t, orgmodel.WriteMermaid(&m, tree, uuid.Nil, orgmodel.ChartOptions{}))
	require.NoError(t, orgmodel.WriteDOT(&d, tree, uuid.Nil, orgmodel.ChartOptions{}))
	assert.Equal(t, "flowchart TD\n", m.String())
	assert.Equal(t, "digraph orgchart {\n    graph [charset=\"UTF-8\", rankdir=TB];\n    node [fontsize=12];\n}\n", d.String())
}

// chartChain builds a chain of n committees, each under the previous one.
func chartChain(t testing.TB, n int) (*orgmodel.Tree, []uuid.UUID) {
	t.Helper()
	ids := make([]uuid.UUID, n)
	orgs := make([]orgmodel.Org, n)
	for i := range orgs {
		ids[i] = chartUUID(0)
		ids[i][8], ids[i][9], ids[i][10], ids[i][11] = 0xc0, byte(i>>16), byte(i>>8), byte(i)
		orgs[i] = orgmodel.Org{ID: ids[i], Kind: orgmodel.Committee, Name: "党委" + strconv.Itoa(i), Members: orgmodel.Members{Full: 1}}
		if i > 0 {
			orgs[i].Parent = ids[i-1]
		}
	}
	tree, err := orgmodel.BuildWith(orgmodel.Records{Orgs: orgs}, orgmodel.BuildOptions{MaxDepth: n})
	require.NoError(t, err)
	return tree, ids
}

func TestChartDeepChain(t *testing.T) {
	const n = 100_000
	tree, ids := chartChain(t, n)
	for _, f := range chartFormats {
		t.Run(f.ext, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, f.write(&buf, tree, uuid.Nil, orgmodel.ChartOptions{Members: true}))
			g := parseChart(t, f.ext, buf.String())
			require.Len(t, g.nodes, n)
			require.Len(t, g.edges, n-1)
			nid := func(u uuid.UUID) string { return "n" + strings.ReplaceAll(u.String(), "-", "") }
			assert.Equal(t, [2]string{nid(ids[n-2]), nid(ids[n-1])}, g.edges[n-2])
			// The root's total counts every member of the chain.
			raw := g.labels[nid(ids[0])]
			assert.Contains(t, raw, "正式100000 预备0")
		})
		t.Run(f.ext+"/depth-10-from-the-middle", func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, f.write(&buf, tree, ids[n/2], orgmodel.ChartOptions{MaxDepth: 10}))
			g := parseChart(t, f.ext, buf.String())
			assert.Len(t, g.nodes, 11)
			assert.Len(t, g.edges, 10)
		})
	}
}

// TestChartGraphviz checks that dot accepts every golden DOT file and the
// deep chain. It is skipped where Graphviz is not installed.
func TestChartGraphviz(t *testing.T) {
	dot, err := exec.LookPath("dot")
	if err != nil {
		t.Skip("Graphviz dot not installed")
	}
	files, err := filepath.Glob(filepath.Join("testdata", "chart", "*.dot"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			out, err := exec.Command(dot, "-Tcanon", file).CombinedOutput()
			require.NoError(t, err, "%s", out)
		})
	}
}

// FuzzChartLabel checks, for any name, that both languages write a label
// that reads back as the name and that nothing in it escapes the label.
func FuzzChartLabel(f *testing.F) {
	for _, s := range []string{"", `"`, `\`, `\"`, "#quot;", "<b>x</b>", "a\nb", "🚩", "\xff", "a\xff\xfeb\xc3", "&amp; &#35; &lt;", "style:#f00;", "`md`", "]);"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		tree, err := orgmodel.Build(orgmodel.Records{Orgs: []orgmodel.Org{{ID: chartCity, Kind: orgmodel.Branch, Name: name}}})
		if err != nil {
			t.Skip()
		}
		valid := strings.ToValidUTF8(name, "\uFFFD")
		for _, c := range chartFormats {
			var buf bytes.Buffer
			require.NoError(t, c.write(&buf, tree, uuid.Nil, orgmodel.ChartOptions{}))
			require.True(t, utf8.Valid(buf.Bytes()))
			g := parseChart(t, c.ext, buf.String())
			require.Len(t, g.nodes, 1, "%s", buf.String())
			got, err := unescapeChartLabel(c.ext, g.labels[g.nodes[0]])
			require.NoError(t, err)
			want := valid
			if c.ext == "mmd" && want == "" {
				want = " " // Mermaid rejects an empty label
			}
			if c.ext == "dot" { // control characters other than \n become spaces
				want = strings.Map(func(r rune) rune {
					if r != '\n' && unicode.IsControl(r) {
						return ' '
					}
					return r
				}, valid)
			}
			require.Equal(t, want, got)
		}
	})
}

func BenchmarkWriteMermaid(b *testing.B) {
	tree, _ := chartChain(b, 10_000)
	var buf bytes.Buffer
	b.ReportAllocs()
	for range b.N {
		buf.Reset()
		if err := orgmodel.WriteMermaid(&buf, tree, uuid.Nil, orgmodel.ChartOptions{Kinds: true, Members: true}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteDOT(b *testing.B) {
	tree, _ := chartChain(b, 10_000)
	var buf bytes.Buffer
	b.ReportAllocs()
	for range b.N {
		buf.Reset()
		if err := orgmodel.WriteDOT(&buf, tree, uuid.Nil, orgmodel.ChartOptions{Kinds: true, Members: true}); err != nil {
			b.Fatal(err)
		}
	}
}
