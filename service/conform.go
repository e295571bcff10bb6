package service

import (
	"bytes"
	"errors"
	"io"
	"mime/multipart"
	"net/http"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
	"github.com/dangjian-go/dangjian/conformance/compare"
	"github.com/dangjian-go/dangjian/internal/strictjson"
)

// conformRequest is what /v1/conform reads: the kind, INPUT and GOT as
// text, the date and the scheme.
type conformRequest struct {
	kind, date, scheme string
	schemeJSON         []byte // a scheme object or a scheme's JSON text
	input, got         []byte
	inputName          string // the upload's file name, for a .json INPUT
	has                map[string]bool
}

var conformFields = strictjson.NewFields("kind", "input", "got", "date", "scheme")

// decodeConformRequest reads {"kind", "input", "got", "date", "scheme"}:
// input and got are the files' text; scheme is a reference scheme's name,
// a scheme object or a scheme's JSON text.
func decodeConformRequest(body []byte, req *conformRequest) (ps dangjian.Problems) {
	src := strictjson.NewSource(body)
	sc := strictjson.NewScanner(src)
	t, p := sc.Next()
	if p != nil {
		return dangjian.Problems{p}
	}
	if t.Kind != strictjson.BeginObject {
		return dangjian.Problems{src.Problem(dangjian.ErrInvalid, t.Off, "", dangjian.Cut(t.Text()),
			"the request must be a JSON object, got "+t.Describe())}
	}
	var seen strictjson.Seen
	for sc.More() {
		k, p := sc.Next()
		if p != nil {
			return dangjian.Problems{p}
		}
		v, p := sc.Next()
		if p != nil {
			return dangjian.Problems{p}
		}
		start := v.Off
		if p := sc.Skip(v); p != nil {
			return dangjian.Problems{p}
		}
		key := k.Text()
		path := strictjson.Field("", key)
		i, known := conformFields.Lookup(key)
		switch {
		case !known:
			ps.Add(src.Problem(dangjian.ErrUnknownField, k.Off, path, dangjian.Cut(key), conformFields.Unknown(key)))
			continue
		case seen.Add(i):
			ps.Add(src.Problem(dangjian.ErrDuplicate, k.Off, path, dangjian.Cut(key), "the member appears twice"))
			continue
		}
		if key == "scheme" && v.Kind == strictjson.BeginObject {
			if req.has[key] {
				ps.Add(src.Problem(dangjian.ErrDuplicate, k.Off, path, "", "the scheme is given twice (in the query and the body)"))
				continue
			}
			req.schemeJSON = body[start:sc.Offset()]
			req.has[key] = true
			continue
		}
		if v.Kind != strictjson.String {
			ps.Add(src.Problem(dangjian.ErrInvalid, v.Off, path, "", "want a string, got "+v.Describe()))
			req.has[key] = true // there, but wrong: not also missing
			continue
		}
		if p := req.set(key, v.Text()); p != nil {
			ps.Add(p)
		}
	}
	if _, p := sc.Next(); p != nil {
		return dangjian.Problems{p}
	}
	if _, p := sc.Next(); p != nil {
		return dangjian.Problems{p}
	}
	return ps
}

// set sets a member of the request from text (a JSON member, a form
// field or a query parameter); a parameter given twice with two values is
// a problem.
func (req *conformRequest) set(key, text string) *dangjian.Problem {
	var dst *string
	switch key {
	case "kind":
		dst = &req.kind
	case "date":
		dst = &req.date
	case "scheme":
		if t := strings.TrimSpace(text); strings.HasPrefix(t, "{") {
			if req.has[key] {
				return &dangjian.Problem{Kind: dangjian.ErrDuplicate, Path: key, Detail: "the scheme is given twice"}
			}
			req.schemeJSON, req.has[key] = []byte(text), true
			return nil
		}
		dst = &req.scheme
	case "input":
		req.input, req.has[key] = []byte(text), true
		return nil
	case "got":
		req.got, req.has[key] = []byte(text), true
		return nil
	default:
		return &dangjian.Problem{Kind: dangjian.ErrUnknownField, Path: dangjian.Cut(key), Detail: "want kind, input, got, date, scheme"}
	}
	if req.has[key] && *dst != text {
		return &dangjian.Problem{Kind: dangjian.ErrDuplicate, Path: key, Value: dangjian.Cut(text),
			Detail: "given twice (in the query and the body) with different values"}
	}
	*dst, req.has[key] = text, true
	return nil
}

// readConformMultipart reads the parts input and got (files) and the
// fields kind, date and scheme of a multipart form.
func readConformMultipart(body []byte, boundary string, req *conformRequest) (ps dangjian.Problems) {
	mr := multipart.NewReader(bytes.NewReader(body), boundary)
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return dangjian.Problems{{Kind: dangjian.ErrSyntax, Detail: "the multipart body cannot be read: " + err.Error()}}
		}
		name := part.FormName()
		data, err := io.ReadAll(part)
		if err != nil {
			return dangjian.Problems{{Kind: dangjian.ErrSyntax, Path: dangjian.Cut(name), Detail: "the part cannot be read: " + err.Error()}}
		}
		if name == "input" && req.has["input"] || name == "got" && req.has["got"] {
			ps.Add(&dangjian.Problem{Kind: dangjian.ErrDuplicate, Path: name, Detail: "the part appears twice"})
			continue
		}
		if name == "input" {
			req.inputName = part.FileName()
		}
		if p := req.set(name, string(data)); p != nil {
			ps.Add(p)
		}
	}
	return ps
}

// differenceJSON is a difference with the Chinese labels of its status
// and causes.
type differenceJSON struct {
	compare.Difference
	StatusLabel string   `json:"statusLabel"`
	CauseLabels []string `json:"causeLabels,omitempty"`
}

// causeJSON is a cause: its code, Chinese label and English text.
type causeJSON struct {
	Cause compare.Cause `json:"cause"`
	Label string        `json:"label"`
	Text  string        `json:"text"`
}

// causeCountJSON is a cause with the rows it reproduces.
type causeCountJSON struct {
	causeJSON
	Rows    int `json:"rows"`
	Against int `json:"against"`
}

// conformResponse is the answer of /v1/conform.
type conformResponse struct {
	Kind        compare.Kind      `json:"kind"`
	KindLabel   string            `json:"kindLabel"`
	Date        string            `json:"date,omitempty"`
	Scheme      string            `json:"scheme,omitempty"`
	Differences []differenceJSON  `json:"differences"`
	Compared    int               `json:"compared"`
	Differ      int               `json:"differ"`
	Summary     string            `json:"summary"`
	Likely      *causeJSON        `json:"likely,omitempty"`
	Causes      []causeCountJSON  `json:"causes"`
	Problems    dangjian.Problems `json:"problems"`
}

func causeOf(c compare.Cause) causeJSON {
	return causeJSON{Cause: c, Label: c.Label(), Text: c.Text()}
}

// conform compares a platform's export (GOT) with the library's answer
// for INPUT, with package conformance/compare.
func (s *server) conform(w http.ResponseWriter, r *http.Request) {
	mt, params, ok := mediaType(w, r, typeJSON, typeMultipart)
	if !ok {
		return
	}
	body, ok := s.readBody(w, r)
	if !ok {
		return
	}
	req := conformRequest{has: map[string]bool{}}
	var ps dangjian.Problems
	q := r.URL.Query()
	for _, key := range []string{"kind", "date", "scheme"} {
		if v := q.Get(key); v != "" {
			if p := req.set(key, v); p != nil {
				ps.Add(p)
			}
		}
	}
	if mt == typeJSON {
		ps = append(ps, decodeConformRequest(body, &req)...)
	} else {
		ps = append(ps, readConformMultipart(body, params["boundary"], &req)...)
	}
	for _, name := range []string{"kind", "input", "got"} {
		if !req.has[name] {
			ps.Add(&dangjian.Problem{Kind: dangjian.ErrMissing, Path: name, Detail: map[string]string{
				"kind": "dues, tax, assess or org (党费, 个人所得税, 考核, 组织)", "input": "INPUT, the data the library computes from, as text",
				"got": "GOT, the platform's export (CSV), as text"}[name]})
		}
	}
	if len(ps) > 0 {
		s.fail(w, r, ps, http.StatusBadRequest)
		return
	}
	kind, err := compare.ParseKind(req.kind)
	if err != nil {
		s.fail(w, r, problemsOf(err), http.StatusBadRequest)
		return
	}
	var opts compare.Options
	opts.Limits = s.lim
	out := conformResponse{Kind: kind, KindLabel: kind.Label(), Differences: []differenceJSON{}, Causes: []causeCountJSON{}}
	if req.date != "" {
		d, err := dangjian.ParseDate(req.date)
		if err != nil {
			s.fail(w, r, dangjian.Problems{{Kind: dangjian.ErrInvalid, Path: "date", Value: dangjian.Cut(req.date),
				Detail: "want a date YYYY-MM-DD"}}, http.StatusBadRequest)
			return
		}
		opts.Date, out.Date = d, d.String()
	}
	hasScheme := req.scheme != "" || req.schemeJSON != nil
	switch {
	case kind == compare.Assess && !hasScheme:
		s.fail(w, r, dangjian.Problems{{Kind: dangjian.ErrMissing, Path: "scheme",
			Detail: "kind assess needs a scheme: a reference scheme's name (" + strings.Join(s.schemes.names, ", ") + ") or a scheme object"}}, http.StatusBadRequest)
		return
	case kind != compare.Assess && hasScheme:
		s.fail(w, r, dangjian.Problems{{Kind: dangjian.ErrInvalid, Path: "scheme",
			Detail: "only kind assess takes a scheme"}}, http.StatusBadRequest)
		return
	case req.scheme != "":
		ref, ok := s.schemes.get(req.scheme)
		if !ok {
			s.fail(w, r, dangjian.Problems{{Kind: dangjian.ErrUnknownRef, Path: "scheme", Value: dangjian.Cut(req.scheme),
				Detail: "no reference scheme of this name (" + strings.Join(s.schemes.names, ", ") + ")"}}, http.StatusUnprocessableEntity)
			return
		}
		policy := ref.policy
		opts.Scheme, opts.Policy, out.Scheme = ref.scheme, &policy, req.scheme
	case req.schemeJSON != nil:
		sch, err := assess.DecodeScheme(bytes.NewReader(req.schemeJSON))
		if err != nil {
			ps := inPart(problemsOf(err), "scheme")
			s.fail(w, r, ps, contentStatus(ps))
			return
		}
		if _, err := assess.Compile(sch); err != nil {
			s.fail(w, r, inPart(problemsOf(err), "scheme"), http.StatusUnprocessableEntity)
			return
		}
		opts.Scheme, out.Scheme = sch, sch.Name
	}
	// INPUT is JSON when its upload's name ends in .json or its text
	// starts as JSON does (a payroll is always CSV).
	inName := "input"
	if t := bytes.TrimLeft(req.input, " \t\r\n\ufeff"); strings.HasSuffix(strings.ToLower(req.inputName), ".json") ||
		kind != compare.Tax && len(t) > 0 && (t[0] == '{' || t[0] == '[') {
		inName = "input.json"
	}
	ctx := r.Context()
	in := compare.Input{Kind: kind, Name: inName, GotName: "got",
		Open: func() (io.ReadCloser, error) {
			return io.NopCloser(ctxReader{ctx, bytes.NewReader(req.input)}), nil
		},
		Got: ctxReader{ctx, bytes.NewReader(req.got)}}
	csvOut := wantsCSV(r)
	var cw *compare.Writer
	var csvBuf bytes.Buffer
	if csvOut {
		if cw, err = compare.NewWriter(&csvBuf, compare.CSV, "input", "got"); err != nil {
			s.fail(w, r, problemsOf(err), http.StatusUnprocessableEntity)
			return
		}
	}
	rep, err := compare.Compare(in, opts, func(d compare.Difference) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if cw != nil {
			return cw.Write(d)
		}
		dj := differenceJSON{Difference: d, StatusLabel: d.Status.Label()}
		for _, c := range d.Causes {
			dj.CauseLabels = append(dj.CauseLabels, c.Label())
		}
		out.Differences = append(out.Differences, dj)
		return nil
	})
	if err != nil {
		ps, ok := problemsIn(err)
		if !ok || ctx.Err() != nil {
			s.fail(w, r, problemsOf(err), http.StatusBadRequest)
			return
		}
		ps = memberFiles(ps, inName)
		status := http.StatusUnprocessableEntity
		for _, p := range ps {
			if errors.Is(p, dangjian.ErrSyntax) || errors.Is(p, dangjian.ErrHeader) || p.Path == "date" || p.Path == "kind" {
				status = http.StatusBadRequest
			}
		}
		s.fail(w, r, ps, status)
		return
	}
	out.Compared, out.Differ, out.Summary = rep.Compared, rep.Differ, rep.Summary()
	out.Problems = memberFiles(rep.Problems, inName)
	if out.Problems == nil {
		out.Problems = dangjian.Problems{}
	}
	if c, ok := rep.Likely(); ok {
		cj := causeOf(c)
		out.Likely = &cj
	}
	for _, c := range rep.Causes {
		out.Causes = append(out.Causes, causeCountJSON{causeJSON: causeOf(c.Cause), Rows: c.Rows, Against: c.Against})
	}
	if cw != nil {
		if err := cw.Close(rep); err != nil {
			s.fail(w, r, problemsOf(err), http.StatusUnprocessableEntity)
			return
		}
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="conform-`+kind.String()+`.csv"`)
		w.Header().Set("X-Compared", itoa(int64(rep.Compared)))
		w.Header().Set("X-Differ", itoa(int64(rep.Differ)))
		w.Header().Set("X-Problems", itoa(int64(len(rep.Problems))))
		w.WriteHeader(http.StatusOK)
		w.Write(csvBuf.Bytes())
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// memberFiles names the request's members in the problems' files: "input"
// for INPUT (whatever name told the reader it is JSON), "got" for GOT.
func memberFiles(ps dangjian.Problems, inName string) dangjian.Problems {
	out := make(dangjian.Problems, len(ps))
	for i, p := range ps {
		q := *p
		if q.File == inName {
			q.File = "input"
		}
		out[i] = &q
	}
	return out
}
