package orgmodel

import (
	"encoding"
	"encoding/json"
	"errors"
	"reflect"
	"strconv"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/strictjson"
)

// withRecordID sets the problem's ID to the caller's ID of the record its
// path is in ("orgs[3].kind": the id of orgs[3]), when the input is JSON
// and the record has one.
func withRecordID(data []byte, p *dangjian.Problem) *dangjian.Problem {
	name, rest, ok := strings.Cut(p.Path, "[")
	if !ok {
		return p
	}
	num, _, _ := strings.Cut(rest, "]")
	i, err := strconv.Atoi(num)
	if err != nil || i < 0 {
		return p
	}
	var top map[string]json.RawMessage
	if json.Unmarshal(data, &top) != nil {
		return p
	}
	var list []map[string]json.RawMessage
	if json.Unmarshal(top[name], &list) != nil || i >= len(list) {
		return p
	}
	raw := list[i]["id"]
	var s string
	switch {
	case len(raw) > 0 && raw[0] == '"' && json.Unmarshal(raw, &s) == nil:
		p.ID = s
	case strictjson.IsInteger(raw):
		p.ID = string(raw)
	}
	return p
}

// jsonFault is what is wrong at a place of the input: the kind, the
// detail and the underlying error, if any.
type jsonFault struct {
	kind   *dangjian.Kind
	detail string
	cause  error
}

func fault(k *dangjian.Kind, detail string) jsonFault { return jsonFault{kind: k, detail: detail} }

// jsonProblem is a problem with the offset it was found at (-1: none).
type jsonProblem struct {
	*dangjian.Problem
	off int
}

var (
	faultDuplicateField = fault(dangjian.ErrInvalid, "duplicate field")
	faultDecimalRange   = fault(dangjian.ErrOverflow, "decimal exponent out of range ±"+strconv.Itoa(maxDecimalExp))
)

// valueFault describes a value that does not decode into its field, in
// words without Go names: "want a whole number, got a string".
func valueFault(err error) jsonFault {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return jsonFault{kind: dangjian.ErrInvalid, detail: "want " + strictjson.Want(te.Type) + ", got " + strictjson.Got(te.Value), cause: err}
	}
	var p *dangjian.Problem
	if errors.As(err, &p) {
		return jsonFault{kind: p.Kind, detail: p.Detail, cause: err}
	}
	return jsonFault{kind: dangjian.ErrInvalid, detail: plainMessage(err.Error()), cause: err}
}

// plainMessage strips package prefixes and a leading Go call from an
// error message: `dangjian: ParseDate("x"): want YYYY-MM-DD` becomes
// "want YYYY-MM-DD".
func plainMessage(msg string) string {
	for _, p := range []string{"orgmodel: ", "dangjian: ", "json: ", "decimal: "} {
		msg = strings.TrimPrefix(msg, p)
	}
	if i := strings.IndexByte(msg, '('); i > 0 && isGoName(msg[:i]) {
		if j := strings.Index(msg, "): "); j > i {
			return msg[j+3:]
		}
	}
	return msg
}

func isGoName(s string) bool {
	for i, c := range s {
		switch {
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c == '_', c == '.', i > 0 && c >= '0' && c <= '9':
		default:
			return false
		}
	}
	return s != "" && s[0] >= 'A' && s[0] <= 'Z'
}

func implementsText(t reflect.Type) bool {
	return reflect.PointerTo(t).Implements(reflect.TypeFor[encoding.TextUnmarshaler]())
}

func newJSONError(data []byte, path string, off int, value string, f jsonFault) *dangjian.Problem {
	return newJSONProblem(data, path, off, value, f).Problem
}

func newJSONProblem(data []byte, path string, off int, value string, f jsonFault) jsonProblem {
	p := &dangjian.Problem{Kind: f.kind, Path: path, Value: value, Detail: f.detail, Err: f.cause}
	if off < 0 || off > len(data) {
		return jsonProblem{p, -1}
	}
	p.Line, p.Column = strictjson.NewSource(data).Position(off)
	return jsonProblem{p, off}
}

// jsonValueText returns the text of a JSON value for an error message: a
// string unquoted, anything else as written, cut (see [dangjian.Cut]).
func jsonValueText(raw []byte) string {
	if len(raw) >= 2 && raw[0] == '"' {
		s, _ := strictjson.Unquote(raw)
		return dangjian.Cut(s)
	}
	return dangjian.Cut(string(raw))
}

// locateJSONError turns an error of json.Unmarshal of data, which is
// JSON, into a problem: the input is JSON, but a value does not fit its
// field; decode the parts one by one to find which.
func locateJSONError(data []byte, err error) jsonProblem {
	if w := walk(data, walkLocate, nil); w.err != nil {
		return *w.err
	}
	f := valueFault(err)
	return jsonProblem{&dangjian.Problem{Kind: f.kind, Detail: f.detail, Err: f.cause}, -1}
}
