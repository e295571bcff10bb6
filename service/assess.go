package service

import (
	"bytes"
	"errors"
	"net/http"
	"slices"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
	"github.com/dangjian-go/dangjian/internal/strictjson"
)

// assessRequest is the body of /v1/assess, its members kept as the JSON
// they were written in, for the library's decoders.
type assessRequest struct {
	schemeName  string // a reference scheme's name
	scheme      []byte // a scheme object, or the JSON text of a string
	subjects    []byte // a JSON array of subjects, or {"subjects": [...]}
	subjectsCSV *string
	policy      []byte
	explain     string
	byCategory  bool
}

var assessFields = strictjson.NewFields("scheme", "subjects", "subjectsCsv", "policy", "explain", "byCategory")

// decodeAssessRequest reads the request's envelope: an object with the
// members of assessFields, each at most once.
func decodeAssessRequest(body []byte) (assessRequest, dangjian.Problems) {
	var req assessRequest
	var ps dangjian.Problems
	src := strictjson.NewSource(body)
	sc := strictjson.NewScanner(src)
	t, p := sc.Next()
	if p != nil {
		return req, dangjian.Problems{p}
	}
	if t.Kind != strictjson.BeginObject {
		return req, dangjian.Problems{src.Problem(dangjian.ErrInvalid, t.Off, "", dangjian.Cut(t.Text()),
			"the request must be a JSON object, got "+t.Describe())}
	}
	var seen strictjson.Seen
	for sc.More() {
		k, p := sc.Next()
		if p != nil {
			return req, dangjian.Problems{p}
		}
		key := k.Text()
		v, p := sc.Next()
		if p != nil {
			return req, dangjian.Problems{p}
		}
		path := strictjson.Field("", key)
		if p := sc.Skip(v); p != nil {
			return req, dangjian.Problems{p}
		}
		raw := body[v.Off:sc.Offset()]
		i, known := assessFields.Lookup(key)
		if !known {
			ps.Add(src.Problem(dangjian.ErrUnknownField, k.Off, path, dangjian.Cut(key), assessFields.Unknown(key)))
			continue
		}
		if seen.Add(i) {
			ps.Add(src.Problem(dangjian.ErrDuplicate, k.Off, path, dangjian.Cut(key), "the member appears twice"))
			continue
		}
		want := func(kinds ...strictjson.Kind) bool {
			if slices.Contains(kinds, v.Kind) {
				return true
			}
			ps.Add(src.Problem(dangjian.ErrInvalid, v.Off, path, dangjian.Cut(string(raw)), "got "+v.Describe()))
			return false
		}
		switch key {
		case "scheme":
			if !want(strictjson.String, strictjson.BeginObject) {
				continue
			}
			if v.Kind == strictjson.BeginObject {
				req.scheme = raw
				continue
			}
			text := v.Text()
			if t := strings.TrimSpace(text); strings.HasPrefix(t, "{") {
				req.scheme = []byte(text) // a scheme's JSON as text: its lines are the text's
			} else {
				req.schemeName = text
			}
		case "subjects":
			if want(strictjson.BeginArray, strictjson.BeginObject) {
				req.subjects = raw
			}
		case "subjectsCsv":
			if want(strictjson.String) {
				text := v.Text()
				req.subjectsCSV = &text
			}
		case "policy":
			if want(strictjson.BeginObject, strictjson.Null) && v.Kind == strictjson.BeginObject {
				req.policy = raw
			}
		case "explain":
			if want(strictjson.String, strictjson.Null) && v.Kind == strictjson.String {
				req.explain = v.Text()
			}
		case "byCategory":
			if want(strictjson.True, strictjson.False) {
				req.byCategory = v.Kind == strictjson.True
			}
		}
	}
	if _, p := sc.Next(); p != nil { // the object's end
		return req, dangjian.Problems{p}
	}
	if _, p := sc.Next(); p != nil { // the end of the input
		return req, dangjian.Problems{p}
	}
	if !seen.Has(0) {
		ps.Add(&dangjian.Problem{Kind: dangjian.ErrMissing, Path: "scheme", Detail: "a reference scheme's name or a scheme object"})
	}
	switch {
	case req.subjects == nil && req.subjectsCSV == nil && !seen.Has(1) && !seen.Has(2):
		ps.Add(&dangjian.Problem{Kind: dangjian.ErrMissing, Path: "subjects", Detail: "subjects (JSON) or subjectsCsv (CSV text)"})
	case seen.Has(1) && seen.Has(2):
		ps.Add(&dangjian.Problem{Kind: dangjian.ErrInvalid, Path: "subjectsCsv", Detail: "give subjects or subjectsCsv, not both"})
	}
	return req, ps
}

// resultJSON is a subject's line of the ranking.
type resultJSON struct {
	ID         string                   `json:"id"`
	Category   string                   `json:"category,omitempty"`
	Order      int                      `json:"order"`
	Rank       int                      `json:"rank"`
	Total      assess.Score             `json:"total"`
	Max        assess.Score             `json:"max"`
	Bonus      assess.Score             `json:"bonus"`
	Extra      *assess.Score            `json:"extra,omitempty"`
	Band       string                   `json:"band,omitempty"`
	Grade      string                   `json:"grade,omitempty"`
	Eligible   bool                     `json:"eligible"`
	Components []assess.ComponentResult `json:"components"`
	Gates      []assess.GateHit         `json:"gates,omitempty"`
	Clamped    []assess.Clamp           `json:"clamped,omitempty"`
	Remarks    []string                 `json:"remarks,omitempty"`
}

// assessResponse is the answer of /v1/assess.
type assessResponse struct {
	Scheme   string            `json:"scheme"`
	Max      assess.Score      `json:"max"`
	Policy   string            `json:"policy,omitempty"`
	Results  []resultJSON      `json:"results"`
	Grading  *assess.Grading   `json:"grading,omitempty"`
	Explain  *explainJSON      `json:"explain,omitempty"`
	Trace    *assess.Node      `json:"trace,omitempty"`
	Warnings dangjian.Problems `json:"warnings"`
	Problems dangjian.Problems `json:"problems"`
}

// explainJSON is the explained subject's result (its notes among them;
// its trace is the answer's trace) and grading (with its steps).
type explainJSON struct {
	Result *assess.Result `json:"result"`
	Graded *assess.Graded `json:"graded,omitempty"`
}

// unreadable reports whether the problems are of text that cannot be
// read (syntax, encoding, a CSV header): 400 rather than 422.
func unreadable(ps dangjian.Problems) bool {
	for _, p := range ps {
		if errors.Is(p, dangjian.ErrSyntax) || errors.Is(p, dangjian.ErrHeader) {
			return true
		}
	}
	return false
}

// contentStatus is the status of problems in a member of the request: 400
// for text that cannot be read, 422 for content the rules refuse (413 for
// a limit, by [server.fail]).
func contentStatus(ps dangjian.Problems) int {
	if unreadable(ps) {
		return http.StatusBadRequest
	}
	return http.StatusUnprocessableEntity
}

// assess scores and grades a cohort under a scheme.
func (s *server) assess(w http.ResponseWriter, r *http.Request) {
	if _, _, ok := mediaType(w, r, typeJSON); !ok {
		return
	}
	body, ok := s.readBody(w, r)
	if !ok {
		return
	}
	req, ps := decodeAssessRequest(body)
	if len(ps) > 0 {
		s.fail(w, r, ps, http.StatusBadRequest)
		return
	}
	// The scheme: a reference one, compiled once, or the request's.
	var scheme assess.Scheme
	var sc *assess.Scorer
	var policy assess.GradePolicy
	var g *assess.Grader
	graded := false
	if req.schemeName != "" {
		ref, ok := s.schemes.get(req.schemeName)
		if !ok {
			s.fail(w, r, dangjian.Problems{{Kind: dangjian.ErrUnknownRef, Path: "scheme", Value: dangjian.Cut(req.schemeName),
				Detail: "no reference scheme of this name (" + strings.Join(s.schemes.names, ", ") + ")"}}, http.StatusUnprocessableEntity)
			return
		}
		scheme, sc = ref.scheme, ref.scorer
		if req.policy == nil {
			policy, g, graded = ref.policy, ref.grader, true
		}
	} else {
		var err error
		scheme, err = assess.DecodeScheme(bytes.NewReader(req.scheme))
		if err != nil {
			ps := inPart(problemsOf(err), "scheme")
			s.fail(w, r, ps, contentStatus(ps))
			return
		}
		if sc, err = assess.Compile(scheme); err != nil {
			s.fail(w, r, inPart(problemsOf(err), "scheme"), http.StatusUnprocessableEntity)
			return
		}
	}
	if req.policy != nil {
		p, err := assess.DecodeGradePolicy(bytes.NewReader(req.policy))
		if err != nil {
			ps := inPart(problemsOf(err), "policy")
			s.fail(w, r, ps, contentStatus(ps))
			return
		}
		policy, graded = p, true
	} else if !graded {
		policy, graded = sc.OwnPolicy(req.byCategory)
	}
	if graded && g == nil {
		var err error
		if g, err = assess.NewGrader(policy); err != nil {
			s.fail(w, r, inPart(problemsOf(err), "policy"), http.StatusUnprocessableEntity)
			return
		}
	}
	results, found, ps, status := s.score(r, sc, scheme, req)
	if len(ps) > 0 {
		s.fail(w, r, ps, status)
		return
	}
	if req.explain != "" && !found {
		s.fail(w, r, dangjian.Problems{{Kind: dangjian.ErrUnknownRef, Path: "explain", Value: dangjian.Cut(req.explain),
			Detail: "no subject with this id in the request"}}, http.StatusUnprocessableEntity)
		return
	}
	ranking, err := assess.NewRanking(sc, results, g)
	if err != nil {
		s.fail(w, r, inPart(problemsOf(err), "subjects"), http.StatusUnprocessableEntity)
		return
	}
	out := assessResponse{Scheme: sc.Name(), Max: sc.Max(), Results: make([]resultJSON, 0, len(results)),
		Grading: ranking.Grading, Warnings: dangjian.Problems{}, Problems: dangjian.Problems{}}
	if ranking.Grading != nil {
		out.Policy = ranking.Grading.Policy
	}
	for _, w := range sc.Warnings() {
		out.Warnings = append(out.Warnings, inPart(dangjian.Problems{w}, "scheme")...)
	}
	for _, row := range ranking.Rows() {
		res := row.Result
		out.Results = append(out.Results, resultJSON{ID: res.Subject, Category: res.Category, Order: row.Order, Rank: row.Rank,
			Total: res.Total, Max: res.Max, Bonus: res.Bonus, Extra: res.Extra, Band: row.Band(), Grade: row.Grade(),
			Eligible: res.Eligible, Components: res.Components, Gates: res.Gates, Clamped: res.Clamped, Remarks: row.Remarks()})
		if req.explain != "" && res.Subject == req.explain {
			own := *res // the trace is the answer's own member
			own.Trace = nil
			out.Explain = &explainJSON{Result: &own, Graded: row.Graded}
			out.Trace = res.Trace
		}
	}
	writeJSON(w, http.StatusOK, out)
}

// score scores the request's subjects, JSON or CSV, one at a time. It
// returns the results in the request's order and whether the subject to
// explain was among them, or the problems and the answer's status.
func (s *server) score(r *http.Request, sc *assess.Scorer, scheme assess.Scheme, req assessRequest) ([]assess.Result, bool, dangjian.Problems, int) {
	ctx := r.Context()
	var results []assess.Result
	found := false
	bad := dangjian.NewProblemCap(s.lim.Problems())
	keep := func(res *assess.Result) {
		if bad.Len() > 0 {
			return // once a subject fails, only the problems matter
		}
		k := *res
		k.Components = slices.Clone(k.Components)
		k.Gates = slices.Clone(k.Gates)
		k.Ballots = slices.Clone(k.Ballots)
		k.Clamped = slices.Clone(k.Clamped)
		k.Notes = slices.Clone(k.Notes)
		if req.explain != "" && k.Subject == req.explain {
			found = true
		} else {
			k.Trace = nil
		}
		results = append(results, k)
	}
	var err error
	part := "subjects"
	if req.subjectsCSV != nil {
		part = "subjectsCsv"
		err = assess.DecodeSubjectsCSVFuncWith(ctxReader{ctx, strings.NewReader(*req.subjectsCSV)}, scheme, s.lim, func(sub assess.Subject) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			var res assess.Result
			var err error
			if req.explain != "" && sub.ID == req.explain {
				res, err = sc.Explain(sub)
			} else {
				res, err = sc.Score(sub)
			}
			if err != nil {
				bad.AddAll(problemsOf(err))
				return nil
			}
			keep(&res)
			return nil
		})
	} else {
		opt := assess.StreamOptions{Explain: req.explain, Limits: s.lim}
		err = sc.ScoreSubjectsFunc(ctxReader{ctx, bytes.NewReader(req.subjects)}, opt, func(i int, res *assess.Result, err error) error {
			if e := ctx.Err(); e != nil {
				return e
			}
			if err != nil {
				bad.AddAll(problemsOf(err))
				return nil
			}
			keep(res)
			return nil
		})
	}
	if err != nil {
		if ctx.Err() != nil {
			return nil, false, dangjian.Problems{{Kind: ErrTimeout}}, http.StatusRequestEntityTooLarge
		}
		ps := inPart(append(bad.Problems(), problemsOf(err)...), part)
		return nil, false, ps, contentStatus(ps)
	}
	if bad.Len() > 0 {
		return nil, false, inPart(bad.Problems(), part), http.StatusUnprocessableEntity
	}
	return results, found, nil, http.StatusOK
}
