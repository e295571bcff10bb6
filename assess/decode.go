package assess

import (
	"encoding"
	"encoding/json"
	"io"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/strictjson"
)

// DecodeScheme reads one scheme from JSON, strictly: keys spelled exactly
// as SCHEME.md has them (case included) and not repeated, values of the
// right JSON type, numbers exact decimals, enums known, nothing after the
// value. Every problem is reported, in a [dangjian.Problems]: each with
// its field path ("components[0].indicators[2].method.kind"), line and
// column, the offending value, and in Problem.ID the ID of the innermost
// component, indicator, item or other part with an ID that holds it. Input
// that is not JSON gives one problem of kind [dangjian.ErrSyntax] at the
// first error; text that is not UTF-8 (a file saved as GBK), one of kind
// [dangjian.ErrEncoding] at its first bad byte, advising to save the file
// as UTF-8 (to read GBK or GB18030 on purpose, wrap r with
// textenc.NewReader, package github.com/dangjian-go/dangjian/textenc).
// The same holds for [DecodeSubjects] and [DecodeGradePolicy].
// DecodeScheme does not check the scheme: [Compile] does.
func DecodeScheme(r io.Reader) (Scheme, error) {
	var s Scheme
	if err := decodeStrict(r, &s, ""); err != nil {
		return Scheme{}, err
	}
	return s, nil
}

// DecodeSubjects reads subjects from JSON: an array of subjects, or an
// object {"subjects": [...]}, as strictly as [DecodeScheme] reads a
// scheme. Problems are addressed from "subjects" in both forms
// ("subjects[3].colour", "subjects[3].values.coverage") and carry the
// subject's ID in Problem.ID. Whether the values fit a scheme is checked
// when the subjects are scored.
func DecodeSubjects(r io.Reader) ([]Subject, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	p := newParser(data)
	if t := strings.TrimLeft(string(data[:min(len(data), 4096)]), " \t\r\n"); strings.HasPrefix(t, "[") {
		p.root = "subjects"
	}
	root, perr := p.parseDocument()
	if perr != nil {
		return nil, dangjian.Problems{perr}
	}
	d := jdecoder{p: p}
	if root.kind == strictjson.BeginObject {
		var w struct {
			Subjects []Subject `json:"subjects"`
		}
		d.value(root, reflect.ValueOf(&w).Elem(), "")
		if err := d.ps.Err(); err != nil {
			return nil, err
		}
		return w.Subjects, nil
	}
	var out []Subject
	d.value(root, reflect.ValueOf(&out).Elem(), "subjects")
	if err := d.ps.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// DecodeGradePolicy reads a grading policy from JSON, as strictly as
// [DecodeScheme] reads a scheme ("quotas[0].count"; Problem.ID is the
// downgrade rule's or source's ID where there is one). It does not check
// the policy: [NewGrader] does.
func DecodeGradePolicy(r io.Reader) (GradePolicy, error) {
	var p GradePolicy
	if err := decodeStrict(r, &p, ""); err != nil {
		return GradePolicy{}, err
	}
	return p, nil
}

// decodeStrict reads all of r and decodes it into v (a pointer), with
// paths starting at root.
func decodeStrict(r io.Reader, v any, root string) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	p := newParser(data)
	n, perr := p.parseDocument()
	if perr != nil {
		return dangjian.Problems{perr}
	}
	d := jdecoder{p: p}
	d.value(n, reflect.ValueOf(v).Elem(), root)
	return d.ps.Err()
}

// jdecoder decodes parsed JSON into Go values along their types, reporting
// every problem and going on with the rest.
type jdecoder struct {
	p  *jparser
	ps dangjian.Problems
}

func (d *jdecoder) problem(k *dangjian.Kind, off int, path, value, detail string, cause error) {
	p := d.p.src.Problem(k, off, path, value, detail)
	p.Err = cause
	d.ps = append(d.ps, p)
}

func child(path, key string) string { return strictjson.Field(path, key) }

func index(path string, i int) string { return strictjson.Elem(path, i) }

// valueText is a JSON value as a problem quotes it: a string unquoted,
// anything else as written.
func valueText(n *jnode) string {
	if n.kind == strictjson.String {
		s, _ := strictjson.Unquote(n.raw)
		return s
	}
	return string(n.raw)
}

var (
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// wantOf names the JSON a Go type decodes from.
func wantOf(t reflect.Type) string { return strictjson.Want(t) }

// gotOf names a JSON value's type.
func gotOf(n *jnode) string { return strictjson.Token{Kind: n.kind}.Describe() }

// codesOf lists the codes a text enum of the module accepts, for messages.
var codesOf = map[reflect.Type]string{
	reflect.TypeFor[dangjian.RoundingMode](): "half_up, half_even, down, up, floor or ceiling",
	reflect.TypeFor[dangjian.Modality]():     "must, usually or may",
	reflect.TypeFor[dangjian.Comparison]():   "at_least or more_than",
	reflect.TypeFor[dangjian.Confidence]():   "verified, reported, unverified, local_practice or library_choice",
}

func (d *jdecoder) mismatch(n *jnode, t reflect.Type, path string) {
	d.problem(dangjian.ErrInvalid, n.off, path, valueText(n), "want "+wantOf(t)+", got "+gotOf(n), nil)
}

// value decodes n into v.
func (d *jdecoder) value(n *jnode, v reflect.Value, path string) {
	t := v.Type()
	if t.Kind() != reflect.Pointer && reflect.PointerTo(t).Implements(jsonUnmarshaler) {
		if err := v.Addr().Interface().(json.Unmarshaler).UnmarshalJSON(n.raw); err != nil {
			d.unmarshalProblem(n, path, err)
		}
		return
	}
	if n.kind == strictjson.Null {
		v.SetZero()
		return
	}
	if t.Kind() != reflect.Pointer && reflect.PointerTo(t).Implements(textUnmarshaler) {
		if n.kind != strictjson.String {
			d.mismatch(n, t, path)
			return
		}
		s, _ := strictjson.Unquote(n.raw)
		if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
			detail := "not a known code"
			if codes, ok := codesOf[t]; ok {
				detail = "want " + codes
			}
			d.problem(dangjian.ErrInvalid, n.off, path, s, detail, err)
		}
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(t.Elem()))
		}
		d.value(n, v.Elem(), path)
	case reflect.Struct:
		d.object(n, v, path)
	case reflect.Map:
		if n.kind != strictjson.BeginObject {
			d.mismatch(n, t, path)
			return
		}
		m := reflect.MakeMapWithSize(t, len(n.keys))
		seen := make(map[string]bool, len(n.keys))
		for _, k := range n.keys {
			p := child(path, k.name)
			if seen[k.name] {
				d.problem(dangjian.ErrInvalid, k.off, p, k.name, "a key is written once", nil)
				continue
			}
			seen[k.name] = true
			e := reflect.New(t.Elem()).Elem()
			d.value(k.val, e, p)
			m.SetMapIndex(reflect.ValueOf(k.name).Convert(t.Key()), e)
		}
		v.Set(m)
	case reflect.Slice:
		if n.kind != strictjson.BeginArray {
			d.mismatch(n, t, path)
			return
		}
		s := reflect.MakeSlice(t, len(n.elems), len(n.elems))
		for i, e := range n.elems {
			d.value(e, s.Index(i), index(path, i))
		}
		v.Set(s)
	case reflect.String:
		if n.kind != strictjson.String {
			d.mismatch(n, t, path)
			return
		}
		s, ok := strictjson.Unquote(n.raw)
		if !ok {
			d.problem(dangjian.ErrEncoding, n.off, path, s, "", nil)
		}
		v.SetString(s)
	case reflect.Bool:
		if n.kind != strictjson.True && n.kind != strictjson.False {
			d.mismatch(n, t, path)
			return
		}
		v.SetBool(n.kind == strictjson.True)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if n.kind != strictjson.Number {
			d.mismatch(n, t, path)
			return
		}
		x, err := strconv.ParseInt(string(n.raw), 10, t.Bits())
		switch {
		case err != nil && strings.ContainsAny(string(n.raw), ".eE"):
			d.problem(dangjian.ErrInvalid, n.off, path, string(n.raw), "want a whole number", nil)
		case err != nil:
			d.problem(dangjian.ErrOverflow, n.off, path, string(n.raw), "", nil)
		default:
			v.SetInt(x)
		}
	default:
		d.problem(dangjian.ErrInvalid, n.off, path, valueText(n), "cannot decode a "+t.String(), nil)
	}
}

// unmarshalProblem reports the error of a type's own UnmarshalJSON.
func (d *jdecoder) unmarshalProblem(n *jnode, path string, err error) {
	k, detail := dangjian.ErrInvalid, detailOf(err)
	if p, ok := err.(*dangjian.Problem); ok {
		k, detail = p.Kind, p.Detail
	}
	if n.kind != strictjson.String && n.kind != strictjson.Number {
		detail = "want a string or a number, got " + gotOf(n)
	}
	d.problem(k, n.off, path, valueText(n), detail, err)
}

// jfield is a key of a struct's JSON.
type jfield struct {
	name  string
	index []int
}

// jstruct is the JSON shape of a struct type: its keys, with embedded
// structs' keys promoted, and the index of a string "id" field, if any.
type jstruct struct {
	fields []jfield
	byName map[string]int
	set    *strictjson.Fields // the keys, for messages
	id     []int
}

var jstructs sync.Map // reflect.Type → *jstruct

func jstructOf(t reflect.Type) *jstruct {
	if s, ok := jstructs.Load(t); ok {
		return s.(*jstruct)
	}
	s := &jstruct{byName: map[string]int{}}
	var walk func(t reflect.Type, at []int)
	walk = func(t reflect.Type, at []int) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			idx := append(append([]int(nil), at...), i)
			if f.Anonymous && f.Type.Kind() == reflect.Struct && f.Tag.Get("json") == "" {
				walk(f.Type, idx)
				continue
			}
			if !f.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "-" {
				continue
			}
			if name == "" {
				name = f.Name
			}
			if _, dup := s.byName[name]; dup {
				continue // the outer field wins, as in encoding/json
			}
			s.byName[name] = len(s.fields)
			s.fields = append(s.fields, jfield{name: name, index: idx})
			if name == "id" && f.Type.Kind() == reflect.String {
				s.id = idx
			}
		}
	}
	walk(t, nil)
	names := make([]string, len(s.fields))
	for i, f := range s.fields {
		names[i] = f.name
	}
	s.set = strictjson.NewFields(names...)
	jstructs.Store(t, s)
	return s
}

// object decodes an object into a struct; problems inside it without an
// ID take the struct's "id", when it has one.
func (d *jdecoder) object(n *jnode, v reflect.Value, path string) {
	if n.kind != strictjson.BeginObject {
		d.mismatch(n, v.Type(), path)
		return
	}
	js := jstructOf(v.Type())
	first := len(d.ps)
	var seen strictjson.Seen
	for _, k := range n.keys {
		p := child(path, k.name)
		i, ok := js.byName[k.name]
		if !ok {
			d.problem(dangjian.ErrUnknownField, k.off, p, k.name, js.set.Unknown(k.name), nil)
			continue
		}
		if seen.Add(i) {
			d.problem(dangjian.ErrInvalid, k.off, p, k.name, strictjson.DetailRepeated, nil)
			continue
		}
		d.value(k.val, v.FieldByIndex(js.fields[i].index), p)
	}
	if js.id != nil && len(d.ps) > first {
		strictjson.FillID(d.ps[first:], v.FieldByIndex(js.id).String())
	}
}
