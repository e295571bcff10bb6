package service

import (
	"bytes"
	"errors"
	"io"
	"mime/multipart"
	"net/http"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/strictjson"
	"github.com/dangjian-go/dangjian/orglife"
	"github.com/dangjian-go/dangjian/orgmodel"
)

// orglifeResponse is the answer of /v1/orglife.
type orglifeResponse struct {
	From     dangjian.Date      `json:"from"`
	To       dangjian.Date      `json:"to"`
	Findings []dangjian.Finding `json:"findings"`
	Summary  []orglife.Tally    `json:"summary"`
	Problems dangjian.Problems  `json:"problems"`
}

var orglifeFields = strictjson.NewFields("treeCsv", "meetingsCsv")

// decodeOrglifeRequest reads {"treeCsv": "...", "meetingsCsv": "..."}
// (meetingsCsv optional unless needMeetings); hasMeetings says whether it
// was there.
func decodeOrglifeRequest(body []byte, needMeetings bool) (tree, meetings string, hasMeetings bool, ps dangjian.Problems) {
	src := strictjson.NewSource(body)
	sc := strictjson.NewScanner(src)
	t, p := sc.Next()
	if p != nil {
		return "", "", false, dangjian.Problems{p}
	}
	if t.Kind != strictjson.BeginObject {
		return "", "", false, dangjian.Problems{src.Problem(dangjian.ErrInvalid, t.Off, "", dangjian.Cut(t.Text()),
			"the request must be a JSON object, got "+t.Describe())}
	}
	var seen strictjson.Seen
	for sc.More() {
		k, p := sc.Next()
		if p != nil {
			return "", "", false, dangjian.Problems{p}
		}
		v, p := sc.Next()
		if p != nil {
			return "", "", false, dangjian.Problems{p}
		}
		if p := sc.Skip(v); p != nil {
			return "", "", false, dangjian.Problems{p}
		}
		key := k.Text()
		path := strictjson.Field("", key)
		i, known := orglifeFields.Lookup(key)
		switch {
		case !known:
			ps.Add(src.Problem(dangjian.ErrUnknownField, k.Off, path, dangjian.Cut(key), orglifeFields.Unknown(key)))
		case seen.Add(i):
			ps.Add(src.Problem(dangjian.ErrDuplicate, k.Off, path, dangjian.Cut(key), "the member appears twice"))
		case v.Kind != strictjson.String:
			ps.Add(src.Problem(dangjian.ErrInvalid, v.Off, path, "", "want CSV text as a string, got "+v.Describe()))
		case i == 0:
			tree = v.Text()
		default:
			meetings = v.Text()
		}
	}
	if _, p := sc.Next(); p != nil {
		return "", "", false, dangjian.Problems{p}
	}
	if _, p := sc.Next(); p != nil {
		return "", "", false, dangjian.Problems{p}
	}
	for i, name := range orglifeFields.Names() {
		if !seen.Has(i) && (i == 0 || needMeetings) {
			ps.Add(&dangjian.Problem{Kind: dangjian.ErrMissing, Path: name, Detail: "CSV text"})
		}
	}
	return tree, meetings, seen.Has(1), ps
}

// readMultipart reads the parts tree and meetings of a multipart form,
// within the body already read (meetings optional unless needMeetings);
// hasMeetings says whether it was there.
func readMultipart(body []byte, boundary string, needMeetings bool) (tree, meetings string, hasMeetings bool, ps dangjian.Problems) {
	mr := multipart.NewReader(bytes.NewReader(body), boundary)
	got := map[string]bool{}
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", "", false, dangjian.Problems{{Kind: dangjian.ErrSyntax, Detail: "the multipart body cannot be read: " + err.Error()}}
		}
		name := part.FormName()
		data, err := io.ReadAll(part)
		if err != nil {
			return "", "", false, dangjian.Problems{{Kind: dangjian.ErrSyntax, Path: name, Detail: "the part cannot be read: " + err.Error()}}
		}
		switch name {
		case "tree", "treeCsv":
			tree, got["tree"] = string(data), true
		case "meetings", "meetingsCsv":
			meetings, got["meetings"] = string(data), true
		default:
			ps.Add(&dangjian.Problem{Kind: dangjian.ErrUnknownField, Path: dangjian.Cut(name), Detail: "want the parts tree and meetings"})
		}
	}
	for _, name := range []string{"tree", "meetings"} {
		if !got[name] && (name == "tree" || needMeetings) {
			ps.Add(&dangjian.Problem{Kind: dangjian.ErrMissing, Path: name, Detail: "a part of CSV text"})
		}
	}
	return tree, meetings, got["meetings"], ps
}

// orglife checks a window of organizational life: a tree CSV and a
// meetings CSV, as JSON members or multipart parts.
func (s *server) orglife(w http.ResponseWriter, r *http.Request) {
	mt, params, ok := mediaType(w, r, typeJSON, typeMultipart)
	if !ok {
		return
	}
	from, ok := dateParam(w, r, "from", dangjian.Date{}, true)
	if !ok {
		return
	}
	to, ok := dateParam(w, r, "to", dangjian.Date{}, true)
	if !ok {
		return
	}
	if !from.Before(to) || to.After(dangjian.NewDate(from.Year()+MaxWindowYears, from.Month(), from.Day())) {
		writeProblems(w, http.StatusBadRequest, dangjian.Problems{{Kind: dangjian.ErrInvalid, Path: "to", Value: to.String(),
			Detail: "the window [from, to) must not be empty and may span at most " + itoa(MaxWindowYears) + " years"}})
		return
	}
	body, ok := s.readBody(w, r)
	if !ok {
		return
	}
	var treeCSV, meetingsCSV string
	var ps dangjian.Problems
	if mt == typeJSON {
		treeCSV, meetingsCSV, _, ps = decodeOrglifeRequest(body, true)
	} else {
		treeCSV, meetingsCSV, _, ps = readMultipart(body, params["boundary"], true)
	}
	if len(ps) > 0 {
		s.fail(w, r, ps, http.StatusBadRequest)
		return
	}
	ctx := r.Context()
	tree, err := orgmodel.ReadTreeCSVWith(ctxReader{ctx, bytes.NewReader([]byte(treeCSV))}, orgmodel.BuildOptions{}, s.lim)
	if err != nil {
		ps := inPart(problemsOf(err), "tree")
		status := http.StatusUnprocessableEntity
		if errors.Is(err, dangjian.ErrHeader) || errors.Is(err, dangjian.ErrSyntax) {
			status = http.StatusBadRequest
		}
		s.fail(w, r, ps, status)
		return
	}
	c, err := orglife.NewChecker(tree, orglife.NationalRules(), from, to, orglife.Options{})
	if err != nil {
		s.fail(w, r, problemsOf(err), http.StatusUnprocessableEntity)
		return
	}
	rows, stop := c.AddCSV(ctxReader{ctx, bytes.NewReader([]byte(meetingsCSV))}, s.lim)
	if stop != nil {
		s.fail(w, r, inPart(problemsOf(stop), "meetings"), contentStatus(problemsOf(stop)))
		return
	}
	out := orglifeResponse{From: from, To: to, Findings: c.Findings(), Summary: c.Summary(), Problems: inPart(rows, "meetings")}
	if out.Findings == nil {
		out.Findings = []dangjian.Finding{}
	}
	if out.Summary == nil {
		out.Summary = []orglife.Tally{}
	}
	writeJSON(w, http.StatusOK, out)
}
