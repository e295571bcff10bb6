package assess

import (
	"slices"
	"strings"

	"github.com/dangjian-go/dangjian"
)

// A number's own source: a node's Cites map names, field by field, the
// source of each number its Source does not give. The compiler resolves
// them once, into the cites the trace shows for every number a subject's
// score used.

// num is one number a node may cite: its field name as the scheme spells
// it, whether the node sets it, and its text ("0.3"; "" for a list or a
// table: levels, bands, rounding points).
type num struct {
	of   string
	set  bool
	text string
}

// The numbers each kind of node has, in the order the trace cites them.
var (
	compNums   = []string{"weight", "max"}
	indNums    = []string{"max", "target", "levels", "scale", "unknown"}
	itemNums   = []string{"points", "cap"}
	clauseNums = []string{"points", "levels", "threshold", "perPoint", "cap"}
	groupNums  = []string{"weight", "minRaters"}
	bonusNums  = []string{"cap"}
	gateNums   = []string{"grade"}
	schemeNums = []string{"rounding", "bands"}
)

// numCites checks the cites of the node at path (its ID id, its own
// source own) against the numbers it has (names, the fields a node of its
// kind can have; nums, those it sets) and returns the cite of every number
// it sets, each to its own source: the one its Cites names, else own. A
// number with neither is left out. Problems: a field no node of the kind
// has (ErrUnknownField), a field this node does not set (ErrInvalid), an
// unknown source ID (ErrUnknownRef), each at path.cites.<field>.
func (c *compiler) numCites(path, id string, own *dangjian.Source, cites map[string]string, names []string, nums ...num) []Cite {
	for _, of := range sortedKeys(cites) {
		p := path + ".cites." + of
		if path == "" {
			p = "cites." + of
		}
		switch {
		case !slices.Contains(names, of):
			c.ps.addf(p, of, dangjian.ErrUnknownField, "%s cites only %s", article(kindOfPath(path)), joinOr(names))
		case !slices.ContainsFunc(nums, func(n num) bool { return n.of == of && n.set }):
			c.ps.addf(p, of, ErrInvalid, "this %s sets no %s to cite", kindOfPath(path), of)
		case cites[of] == "":
			c.ps.addf(p, "", ErrInvalid, "a cite names a source ID")
		default:
			c.source(p, cites[of])
		}
	}
	var out []Cite
	for _, n := range nums {
		if !n.set {
			continue
		}
		src := own
		if sid, ok := cites[n.of]; ok && sid != "" {
			if s, ok := c.sources[sid]; ok {
				src = &s
			}
		}
		if src != nil {
			out = append(out, Cite{ID: id, Of: n.of, Value: n.text, Source: src})
		}
	}
	return slices.Clip(out)
}

// kindOfPath names the kind of node at a scheme path, for messages.
func kindOfPath(path string) string {
	if path == "" {
		return "scheme"
	}
	last := path[strings.LastIndexByte(path, '.')+1:]
	if i := strings.IndexByte(last, '['); i >= 0 {
		last = last[:i]
	}
	switch last {
	case "components":
		return "component"
	case "indicators", "children":
		return "indicator"
	case "items":
		return "item"
	case "clauses":
		return "clause"
	case "groups":
		return "rater group"
	case "gates":
		return "gate"
	}
	return "bonus pool" // "bonus", "extra"
}

// joinOr writes "a, b or c".
func joinOr(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// article puts "a" or "an" before a noun.
func article(noun string) string {
	if strings.IndexByte("aeiou", noun[0]) >= 0 {
		return "an " + noun
	}
	return "a " + noun
}
