package assess

import (
	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/strictjson"
)

// jnode is a parsed JSON value and where it starts in the input.
type jnode struct {
	kind  strictjson.Kind // the kind of the value's first token
	off   int
	raw   []byte   // the value's bytes as written
	keys  []jkey   // an object's members, in input order
	elems []*jnode // an array's elements
}

// jkey is an object member: the key (decoded), where the key starts, and
// the value.
type jkey struct {
	name string
	off  int
	val  *jnode
}

// jparser parses one JSON document into jnodes with the module's strict
// scanner, which reports the first syntax error with its path, line and
// column.
type jparser struct {
	src  *strictjson.Source
	root string // the path of the document itself
}

func newParser(data []byte) *jparser { return &jparser{src: strictjson.NewSource(data)} }

// parseDocument parses one JSON value followed by nothing but white space.
func (p *jparser) parseDocument() (*jnode, *dangjian.Problem) {
	sc := strictjson.NewScanner(p.src)
	sc.Root = p.root
	t, err := sc.Next()
	if err != nil {
		return nil, err
	}
	n, err := p.value(sc, t)
	if err != nil {
		return nil, err
	}
	if _, err := sc.Next(); err != nil { // End, or data after the value
		return nil, err
	}
	return n, nil
}

// value parses the value that starts with token t.
func (p *jparser) value(sc *strictjson.Scanner, t strictjson.Token) (*jnode, *dangjian.Problem) {
	n := &jnode{kind: t.Kind, off: t.Off, raw: t.Raw}
	switch t.Kind {
	case strictjson.BeginObject:
		for {
			k, err := sc.Next()
			if err != nil {
				return nil, err
			}
			if k.Kind == strictjson.EndObject {
				n.raw = p.src.Bytes()[n.off:sc.Offset()]
				return n, nil
			}
			vt, err := sc.Next()
			if err != nil {
				return nil, err
			}
			v, err := p.value(sc, vt)
			if err != nil {
				return nil, err
			}
			n.keys = append(n.keys, jkey{name: k.Text(), off: k.Off, val: v})
		}
	case strictjson.BeginArray:
		for {
			et, err := sc.Next()
			if err != nil {
				return nil, err
			}
			if et.Kind == strictjson.EndArray {
				n.raw = p.src.Bytes()[n.off:sc.Offset()]
				return n, nil
			}
			v, err := p.value(sc, et)
			if err != nil {
				return nil, err
			}
			n.elems = append(n.elems, v)
		}
	}
	return n, nil
}
