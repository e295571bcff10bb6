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

	// Nodes, keys and elements are cut from slabs, a few allocations for
	// many values; kstack and estack hold the members of the open objects
	// and arrays until their ends.
	nodes  []jnode
	kslab  []jkey
	eslab  []*jnode
	kstack []jkey
	estack []*jnode
}

// node returns a new node.
func (p *jparser) node() *jnode {
	if len(p.nodes) == 0 {
		p.nodes = make([]jnode, 128)
	}
	n := &p.nodes[0]
	p.nodes = p.nodes[1:]
	return n
}

// takeKeys returns the keys on kstack from mark on, in a slice of their
// own, and pops them.
func (p *jparser) takeKeys(mark int) []jkey {
	k := len(p.kstack) - mark
	if k == 0 {
		return nil
	}
	if cap(p.kslab)-len(p.kslab) < k {
		p.kslab = make([]jkey, 0, max(256, k))
	}
	l := len(p.kslab)
	out := p.kslab[l : l+k : l+k]
	copy(out, p.kstack[mark:])
	p.kslab = p.kslab[:l+k]
	clear(p.kstack[mark:])
	p.kstack = p.kstack[:mark]
	return out
}

// takeElems is takeKeys for an array's elements on estack.
func (p *jparser) takeElems(mark int) []*jnode {
	k := len(p.estack) - mark
	if k == 0 {
		return nil
	}
	if cap(p.eslab)-len(p.eslab) < k {
		p.eslab = make([]*jnode, 0, max(256, k))
	}
	l := len(p.eslab)
	out := p.eslab[l : l+k : l+k]
	copy(out, p.estack[mark:])
	p.eslab = p.eslab[:l+k]
	clear(p.estack[mark:])
	p.estack = p.estack[:mark]
	return out
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
	n := p.node()
	*n = jnode{kind: t.Kind, off: t.Off, raw: t.Raw}
	switch t.Kind {
	case strictjson.BeginObject:
		mark := len(p.kstack)
		for {
			k, err := sc.Next()
			if err != nil {
				return nil, err
			}
			if k.Kind == strictjson.EndObject {
				n.raw = p.src.Bytes()[n.off:sc.Offset()]
				n.keys = p.takeKeys(mark)
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
			p.kstack = append(p.kstack, jkey{name: k.Text(), off: k.Off, val: v})
		}
	case strictjson.BeginArray:
		mark := len(p.estack)
		for {
			et, err := sc.Next()
			if err != nil {
				return nil, err
			}
			if et.Kind == strictjson.EndArray {
				n.raw = p.src.Bytes()[n.off:sc.Offset()]
				n.elems = p.takeElems(mark)
				return n, nil
			}
			v, err := p.value(sc, et)
			if err != nil {
				return nil, err
			}
			p.estack = append(p.estack, v)
		}
	}
	return n, nil
}
