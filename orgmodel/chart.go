package orgmodel

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/dangjian-go/dangjian"
	"github.com/google/uuid"
)

// ChartOptions say what [WriteMermaid] and [WriteDOT] draw. The zero value
// draws the whole subtree with names only.
type ChartOptions struct {
	// MaxDepth limits the chart to organizations at most MaxDepth levels
	// below the root (1: the root and its children). Zero means no limit;
	// a negative value is an error.
	MaxDepth int
	// Members adds the member counts to each label ("正式12 预备1"): the
	// totals of the organization's subtree ([Tree.Totals]); a party group
	// shows its own counts, which its branch already includes.
	Members bool
	// Kinds adds the Chinese kind label ("党支部") to each label.
	Kinds bool
}

// WriteMermaid writes the subtree of t under root as a Mermaid flowchart
// (top down) to w; root uuid.Nil writes every root of t. Each organization
// is one node labelled with its name and, as opt asks, its kind and member
// counts; its shape and class (classDef, one per kind) follow the kind:
// committees are rectangles, general branches and branches rounded, party
// groups stadiums, temporary organizations dashed.
//
// Node identifiers are "n" followed by the hex digits of the organization's
// ID, so they never depend on names and are the same in every export of
// the tree. Labels are quoted, and the characters Mermaid would interpret
// (" # & < > ` : and control characters) are written as Mermaid entity
// codes (#34;, #35;, …); an empty label is written as a space, since
// Mermaid rejects an empty one. Nodes come in pre-order, each followed by
// the edge from its parent, so the output is deterministic. WriteMermaid
// does not recurse: it handles trees of any depth.
//
// An unknown root is an error that quotes it and wraps [ErrUnknownRef].
func WriteMermaid(w io.Writer, t *Tree, root uuid.UUID, opt ChartOptions) error {
	return writeChart(w, t, root, opt, mermaidChart{})
}

// WriteDOT writes the subtree of t under root as a Graphviz digraph (in
// the DOT language, UTF-8, top down) to w; root uuid.Nil writes every root
// of t. Each organization is one node labelled with its name and, as opt
// asks, its kind and member counts on a second line; its shape follows the
// kind: committees are boxes, general branches and branches rounded boxes,
// party groups ellipses, temporary organizations dashed.
//
// Node identifiers are "n" followed by the hex digits of the organization's
// ID. Labels are quoted strings in which double quotes and backslashes are
// escaped and & is written as &amp;, so no name can change the graph or
// introduce a DOT escape sequence or an HTML entity. Nodes come in
// pre-order, each followed by the edge from its parent, so the output is
// deterministic. WriteDOT does not recurse: it handles trees of any depth.
//
// An unknown root is an error that quotes it and wraps [ErrUnknownRef].
func WriteDOT(w io.Writer, t *Tree, root uuid.UUID, opt ChartOptions) error {
	return writeChart(w, t, root, opt, dotChart{})
}

// chartSyntax is one output language.
type chartSyntax interface {
	header(w *bufio.Writer)
	node(w *bufio.Writer, id string, k Kind, name, detail string)
	edge(w *bufio.Writer, from, to string)
	footer(w *bufio.Writer, used *[16]bool)
}

func writeChart(w io.Writer, t *Tree, root uuid.UUID, opt ChartOptions, s chartSyntax) error {
	if t == nil {
		return &dangjian.Problem{Kind: dangjian.ErrMissing, Detail: "no tree to chart"}
	}
	if opt.MaxDepth < 0 {
		return &dangjian.Problem{Kind: dangjian.ErrNegative, Path: "MaxDepth", Value: strconv.Itoa(opt.MaxDepth)}
	}
	roots := []uuid.UUID{root}
	if root == uuid.Nil {
		roots = t.Roots()
	} else if !t.Has(root) {
		return &dangjian.Problem{Kind: dangjian.ErrUnknownRef, Path: "root", Value: root.String()}
	}
	bw := bufio.NewWriter(w)
	s.header(bw)
	var used [16]bool
	var stack []string // stack[d] is the node ID last written at depth d
	for _, r := range roots {
		stack = stack[:0]
		for d, o := range t.Subtree(r) {
			if opt.MaxDepth > 0 && d > opt.MaxDepth {
				continue
			}
			id := chartID(o.ID)
			s.node(bw, id, o.Kind, o.Name, chartDetail(t, o, opt))
			used[o.Kind&15] = true
			stack = append(stack[:d], id)
			if d > 0 {
				s.edge(bw, stack[d-1], id)
			}
		}
	}
	s.footer(bw, &used)
	return bw.Flush() // a write error, as it is
}

// chartID returns the node identifier of an organization: safe in both
// languages (a letter, then hex digits) and unique in a tree.
func chartID(id uuid.UUID) string {
	var b [33]byte
	b[0] = 'n'
	const hex = "0123456789abcdef"
	for i, c := range id {
		b[1+2*i] = hex[c>>4]
		b[2+2*i] = hex[c&15]
	}
	return string(b[:])
}

// chartDetail returns the second line of a label: "党支部 · 正式12 预备1",
// or the part opt asks for, or "".
func chartDetail(t *Tree, o Org, opt ChartOptions) string {
	var parts []string
	if opt.Kinds {
		parts = append(parts, o.Kind.Label())
	}
	if opt.Members {
		m := o.Members
		if o.Kind != PartyGroup {
			m, _ = t.Totals(o.ID)
		}
		parts = append(parts, "正式"+strconv.FormatInt(m.Full, 10)+" 预备"+strconv.FormatInt(m.Probationary, 10))
	}
	return strings.Join(parts, " · ")
}

// chartStyle is how one kind is drawn.
type chartStyle struct {
	open, close string // Mermaid node shape delimiters
	dotShape    string
	dotStyle    string
	fill        string // fill colour, #rrggbb
	stroke      string // stroke colour, #rrggbb
	dashed      bool
}

// chartStyles holds the style of each permanent kind by family: committees
// boxes, branches rounded boxes, party groups ellipses (stadiums in
// Mermaid). Index 0 (KindUnknown, never in a tree) is drawn plainly.
var chartStyles = [...]chartStyle{
	KindUnknown:    {open: "[", close: "]", dotShape: "box", dotStyle: "solid", fill: "#ffffff", stroke: "#000000"},
	LocalCommittee: {open: "[", close: "]", dotShape: "box", dotStyle: "filled,bold", fill: "#f8d7da", stroke: "#b02a37"},
	WorkCommittee:  {open: "[", close: "]", dotShape: "box", dotStyle: "filled,bold", fill: "#fde5cc", stroke: "#b35900"},
	Committee:      {open: "[", close: "]", dotShape: "box", dotStyle: "filled", fill: "#fff3cd", stroke: "#997404"},
	GeneralBranch:  {open: "(", close: ")", dotShape: "box", dotStyle: "rounded,filled", fill: "#d1e7dd", stroke: "#146c43"},
	Branch:         {open: "(", close: ")", dotShape: "box", dotStyle: "rounded,filled", fill: "#cfe2ff", stroke: "#0a58ca"},
	JointBranch:    {open: "(", close: ")", dotShape: "box", dotStyle: "rounded,filled", fill: "#e2d9f3", stroke: "#59359a"},
	PartyGroup:     {open: "([", close: "])", dotShape: "ellipse", dotStyle: "filled", fill: "#f8f9fa", stroke: "#495057"},
}

// chartStyleOf returns the style of kind k: that of its permanent kind
// (see [Kind.Base]), dashed for a temporary kind.
func chartStyleOf(k Kind) chartStyle {
	base := k.Base()
	if int(base) >= len(chartStyles) {
		base = KindUnknown
	}
	s := chartStyles[base]
	if k.IsTemporary() {
		s.dashed = true
		s.dotStyle += ",dashed"
	}
	return s
}

// chartClass returns the Mermaid class name of kind k: its English code.
func chartClass(k Kind) string {
	if !k.IsValid() {
		return "unknown_kind"
	}
	return k.String()
}

// mermaidChart writes Mermaid flowchart syntax.
type mermaidChart struct{}

func (mermaidChart) header(w *bufio.Writer) { w.WriteString("flowchart TD\n") }

func (mermaidChart) node(w *bufio.Writer, id string, k Kind, name, detail string) {
	st := chartStyleOf(k)
	w.WriteString("    ")
	w.WriteString(id)
	w.WriteString(st.open)
	w.WriteByte('"')
	if name == "" && detail == "" {
		w.WriteByte(' ') // Mermaid rejects an empty quoted label
	}
	mermaidEscape(w, name)
	if detail != "" {
		w.WriteString("<br>")
		mermaidEscape(w, detail)
	}
	w.WriteByte('"')
	w.WriteString(st.close)
	w.WriteString(":::")
	w.WriteString(chartClass(k))
	w.WriteByte('\n')
}

func (mermaidChart) edge(w *bufio.Writer, from, to string) {
	w.WriteString("    ")
	w.WriteString(from)
	w.WriteString(" --> ")
	w.WriteString(to)
	w.WriteByte('\n')
}

func (mermaidChart) footer(w *bufio.Writer, used *[16]bool) {
	for k, ok := range used {
		if !ok {
			continue
		}
		st := chartStyleOf(Kind(k))
		w.WriteString("    classDef ")
		w.WriteString(chartClass(Kind(k)))
		w.WriteString(" fill:")
		w.WriteString(st.fill)
		w.WriteString(",stroke:")
		w.WriteString(st.stroke)
		if st.dashed {
			w.WriteString(",stroke-dasharray:5 5")
		}
		w.WriteByte('\n')
	}
}

// mermaidEscape writes s for the inside of a double-quoted Mermaid label.
// Mermaid decodes "#name;" and "#123;" entity codes in labels before
// rendering them as HTML, so every character that is special to the
// flowchart grammar, to that decoding or to HTML is written as a decimal
// entity code: " # & < > ` and :, which Mermaid's style-line preprocessing
// looks for. Control characters are written the same way; invalid UTF-8
// becomes U+FFFD.
func mermaidEscape(w *bufio.Writer, s string) {
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '"', r == '#', r == '&', r == '<', r == '>', r == '`', r == ':', unicode.IsControl(r):
			w.WriteByte('#')
			w.WriteString(strconv.Itoa(int(r)))
			w.WriteByte(';')
		default:
			w.WriteRune(r)
		}
	}
}

// dotChart writes Graphviz DOT syntax.
type dotChart struct{}

func (dotChart) header(w *bufio.Writer) {
	w.WriteString("digraph orgchart {\n")
	w.WriteString("    graph [charset=\"UTF-8\", rankdir=TB];\n")
	w.WriteString("    node [fontsize=12];\n")
}

func (dotChart) node(w *bufio.Writer, id string, k Kind, name, detail string) {
	st := chartStyleOf(k)
	w.WriteString("    ")
	w.WriteString(id)
	w.WriteString(" [label=\"")
	dotEscape(w, name)
	if detail != "" {
		w.WriteString(`\n`)
		dotEscape(w, detail)
	}
	w.WriteString("\", shape=")
	w.WriteString(st.dotShape)
	w.WriteString(", style=\"")
	w.WriteString(st.dotStyle)
	w.WriteString("\", fillcolor=\"")
	w.WriteString(st.fill)
	w.WriteString("\", color=\"")
	w.WriteString(st.stroke)
	w.WriteString("\"];\n")
}

func (dotChart) edge(w *bufio.Writer, from, to string) {
	w.WriteString("    ")
	w.WriteString(from)
	w.WriteString(" -> ")
	w.WriteString(to)
	w.WriteString(";\n")
}

func (dotChart) footer(w *bufio.Writer, _ *[16]bool) { w.WriteString("}\n") }

// dotEscape writes s for the inside of a double-quoted DOT string used as a
// label: double quotes and backslashes are escaped (so no name can end the
// string or form an escape sequence such as \N or \l), & is written as
// &amp; (Graphviz decodes HTML entities in every label, so "&lt;" in a name
// would otherwise show as "<"), a line break becomes the centred line break
// \n, other control characters become spaces, and invalid UTF-8 becomes
// U+FFFD.
func dotEscape(w *bufio.Writer, s string) {
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '"', r == '\\':
			w.WriteByte('\\')
			w.WriteRune(r)
		case r == '&':
			w.WriteString("&amp;")
		case r == '\n':
			w.WriteString(`\n`)
		case unicode.IsControl(r):
			w.WriteByte(' ')
		default:
			w.WriteRune(r)
		}
	}
}
