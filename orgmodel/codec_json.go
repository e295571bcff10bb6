package orgmodel

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/enum"
	"github.com/dangjian-go/dangjian/internal/limitmsg"
	"github.com/dangjian-go/dangjian/internal/strictjson"
	"github.com/shopspring/decimal"
)

// EncodeJSON writes recs to w as one JSON object, indented by two spaces
// and ended by a newline, with the lowerCamel keys of the record types.
// The output is stable: the same records always encode to the same bytes.
// IDs, dates and enums encode as strings (enums as their English codes),
// and floor areas as decimal strings ("120.5"), so no number passes
// through floating point. Nil Orgs encode as an empty list.
//
// IDs are written as the caller wrote them where that is known: an
// organization's [Org.Key], and the text [DecodeJSON] or [ReadCSV] read a
// reference from, when [CSVID] maps it back to the same UUID; other IDs as
// UUIDs. Decoding the output thus gives back the same records, keys
// included.
//
// EncodeJSON writes nothing if it fails: on an enum value that is not
// defined ([dangjian.ErrInvalid]), or on a decimal whose exponent lies
// outside ±64 ([dangjian.ErrOverflow]: such a number would print as
// hundreds of digits or more); both are a *[dangjian.Problem].
func EncodeJSON(w io.Writer, recs Records) error {
	for i := range recs.Sites {
		if a := recs.Sites[i].Area; !decimalInRange(a) {
			return &dangjian.Problem{Kind: dangjian.ErrOverflow, Path: fmt.Sprintf("sites[%d].area", i),
				ID: recs.idText(recs.Sites[i].ID), Value: a.Coefficient().String() + "e" + strconv.Itoa(int(a.Exponent())),
				Detail: faultDecimalRange.detail}
		}
	}
	if recs.Orgs == nil {
		recs.Orgs = []Org{}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(recs); err != nil {
		var u *enum.Unknown
		if errors.As(err, &u) {
			return &dangjian.Problem{Kind: dangjian.ErrInvalid, Detail: u.Error(), Err: err}
		}
		return err
	}
	out := buf.Bytes()
	if names := callerNames(&recs); names != nil {
		out = walk(out, walkEncode, names).rewrite()
	}
	_, err := w.Write(out)
	return err
}

// DecodeJSON reads one JSON object encoding [Records] from r, strictly:
// keys must be the record types' keys, spelled exactly (case included) and
// not repeated; nothing but white space may follow the object; IDs, dates,
// enums (English code or Chinese label) and numbers must be valid for
// their fields, and a floor area is a decimal string or number with an
// exponent within ±64. Empty lists decode as nil, so that decoding what
// [EncodeJSON] wrote gives back the same value.
//
// # IDs
//
// An ID or a reference to one (id, parent, org, by, body, person, from,
// to, members, chair.order, grid) is any JSON string or integer, read as
// [ReadCSV] reads an id cell: a string that is a UUID is used as it is; any
// other text, and an integer as written ("1001" or 1001), is mapped to
// [CSVID] of its text. An organization keeps the text as its [Org.Key] and
// the line its object starts on as its [Org.Line]; the text of other IDs is
// kept for problems and findings ([Org.ParentKey] for a parent). (Unlike
// ReadCSV, DecodeJSON does not copy the text into [Org.Code].) An empty
// string is not an ID.
//
// # Errors
//
// DecodeJSON does not check the records against each other: [Build] does.
// It stops at the first problem and returns it as a [dangjian.Problems] of
// one: the field path ("orgs[3].members.full"; "" for the input as a
// whole), the 1-based line and column (in characters), the caller's ID of
// the record the path is in, and the offending key or value as written (a
// string unquoted). Its kind is [dangjian.ErrSyntax] for input that is not
// JSON (with the path of the value being read, as the module's strict JSON
// scanner reports it), [dangjian.ErrLimit] for arrays and objects nested
// deeper than 512 levels, [dangjian.ErrEncoding] for a string or key
// that is not UTF-8 (a file saved as GBK; to read GBK on purpose, wrap r
// with textenc.NewReader), [dangjian.ErrUnknownField] for an unknown key
// (the detail lists the keys, or names the one a miscased key meant),
// [dangjian.ErrOverflow] for a decimal out of range, and
// [dangjian.ErrInvalid] otherwise. A read error is returned as it is.
// DecodeJSON reads all of r before decoding.
//
// DecodeJSON reads within the default [dangjian.Limits]; see
// [DecodeJSONWith].
func DecodeJSON(r io.Reader) (Records, error) { return DecodeJSONWith(r, dangjian.Limits{}) }

// DecodeJSONWith is [DecodeJSON] within the limits lim: an input longer
// than MaxBytes, or a table (orgs, people, posts, assignments, bodies,
// sites, grids) of more than MaxRecords elements, is a problem of kind
// [dangjian.ErrLimit] naming the limit and how to raise it; the path of a
// table too long is its first element past the limit ("orgs[1000]", with
// its line for an organization). The input is read whole, not streamed:
// an organization may refer to records of the other tables, before or
// after it, by IDs that are not UUIDs, which are resolved over the whole
// object, so MaxRecordBytes (one streamed element) does not apply; and
// since DecodeJSON stops at its first problem, neither does MaxProblems.
func DecodeJSONWith(r io.Reader, lim dangjian.Limits) (Records, error) {
	var data []byte
	var err error
	if max := lim.Bytes(); max >= 0 {
		data, err = io.ReadAll(io.LimitReader(r, max+1))
		if err == nil && int64(len(data)) > max {
			line, col := strictjson.NewSource(data).Position(int(max))
			return Records{}, dangjian.Problems{{Kind: dangjian.ErrLimit, Line: line, Column: col, Detail: limitmsg.Bytes(max)}}
		}
	} else {
		data, err = io.ReadAll(r)
	}
	if err != nil {
		return Records{}, err
	}
	recs, p := decodeJSON(data)
	if p != nil {
		return Records{}, dangjian.Problems{p}
	}
	if p := recs.overRecords(lim.Records()); p != nil {
		return Records{}, dangjian.Problems{p}
	}
	return recs, nil
}

// overRecords returns the problem of a table longer than max elements
// (-1: no limit), the first in the encoding's order; nil if none is.
func (r *Records) overRecords(max int64) *dangjian.Problem {
	if max < 0 {
		return nil
	}
	for _, t := range []struct {
		name string
		n    int
	}{{"orgs", len(r.Orgs)}, {"people", len(r.People)}, {"posts", len(r.Posts)}, {"assignments", len(r.Assignments)},
		{"bodies", len(r.Bodies)}, {"sites", len(r.Sites)}, {"grids", len(r.Grids)}} {
		if int64(t.n) <= max {
			continue
		}
		p := &dangjian.Problem{Kind: dangjian.ErrLimit, Path: strictjson.Elem(t.name, int(max)), Detail: limitmsg.Records(max, "elements")}
		if t.name == "orgs" {
			p.ID, p.Line = r.Orgs[max].keyText(), r.Orgs[max].Line
		}
		return p
	}
	return nil
}

func decodeJSON(data []byte) (Records, *dangjian.Problem) {
	start := strictjson.SkipSpace(data, 0)
	switch {
	case start == len(data):
		return Records{}, newJSONError(data, "", start, "", fault(dangjian.ErrSyntax, "empty input, want a JSON object"))
	case strictjson.HasBOM(data):
		return Records{}, newJSONError(data, "", 0, "", fault(dangjian.ErrSyntax, "a byte order mark is not allowed"))
	case data[start] != '{':
		return Records{}, newJSONError(data, "", start, jsonValueText(strictjson.Word(data, start)), fault(dangjian.ErrInvalid, "want a JSON object"))
	}
	// One pass of the strict scanner checks the syntax, the keys and the
	// decimals' ranges, and finds the IDs that are not UUIDs.
	w := walk(data, walkCheck, nil)
	if w.syntax != nil {
		return Records{}, w.syntax
	}
	var recs Records
	text := w.rewrite()
	if err := json.Unmarshal(text, &recs); err != nil {
		p := locateJSONError(text, err)
		if len(w.subs) > 0 && p.Line > 0 {
			// Locate the problem in the input as the caller wrote it.
			p.Line, p.Column = strictjson.NewSource(data).Position(w.original(p.off))
		}
		return Records{}, withRecordID(data, p.Problem)
	}
	if w.err != nil {
		return Records{}, withRecordID(data, w.err.Problem)
	}
	normalizeLists(&recs)
	w.keep(&recs)
	return recs, nil
}

// normalizeLists makes every empty list nil, as omitempty encodes both
// alike.
func normalizeLists(r *Records) {
	r.Orgs = nilIfEmpty(r.Orgs)
	for i := range r.Orgs {
		r.Orgs[i].Approvals = nilIfEmpty(r.Orgs[i].Approvals)
	}
	r.People = nilIfEmpty(r.People)
	r.Posts = nilIfEmpty(r.Posts)
	r.Assignments = nilIfEmpty(r.Assignments)
	r.Bodies = nilIfEmpty(r.Bodies)
	for i := range r.Bodies {
		b := &r.Bodies[i]
		b.Members = nilIfEmpty(b.Members)
		b.MemberUnits = nilIfEmpty(b.MemberUnits)
		if b.Chair != nil {
			b.Chair.Order = nilIfEmpty(b.Chair.Order)
		}
	}
	r.Sites = nilIfEmpty(r.Sites)
	r.Grids = nilIfEmpty(r.Grids)
}

func nilIfEmpty[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return s
}

// maxDecimalExp bounds the exponent of a decoded or encoded decimal: a
// decimal prints with about |exponent| digits, and "1e999999999" would
// print as a gigabyte.
const maxDecimalExp = 64

func decimalInRange(d decimal.Decimal) bool {
	e := d.Exponent()
	return e >= -maxDecimalExp && e <= maxDecimalExp
}
