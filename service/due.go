package service

import (
	"bytes"
	"errors"
	"iter"
	"net/http"
	"slices"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/due"
	"github.com/dangjian-go/dangjian/orglife"
	"github.com/dangjian-go/dangjian/orgmodel"
)

// DefaultDueMonths is the horizon of /v1/due when until is not given: six
// months after asOf. until may be at most [MaxWindowYears] after asOf.
const DefaultDueMonths = 6

// dueResponse is the answer of /v1/due.
type dueResponse struct {
	AsOf dangjian.Date `json:"asOf"`
	// Until is the horizon; MeetingsFrom the first day of the window the
	// meetings were checked in ("" without meetings).
	Until        dangjian.Date     `json:"until"`
	MeetingsFrom string            `json:"meetingsFrom,omitempty"`
	Items        []due.Item        `json:"items"`
	Reminders    []due.Reminder    `json:"reminders"`
	Leads        due.Leads         `json:"leads"`
	Problems     dangjian.Problems `json:"problems"`
}

// due answers what is due or overdue as of a date: the terms and
// dispatches of a tree under the national rules and, when meetings are
// given, the meetings each period still owes.
func (s *server) due(w http.ResponseWriter, r *http.Request) {
	mt, params, ok := mediaType(w, r, typeCSV, typeJSON, typeMultipart)
	if !ok {
		return
	}
	asOf, ok := dateParam(w, r, "asOf", s.opt.today(), false)
	if !ok {
		return
	}
	until, ok := dateParam(w, r, "until", asOf.AddMonths(DefaultDueMonths), false)
	if !ok {
		return
	}
	if until.Before(asOf) || until.After(dangjian.NewDate(asOf.Year()+MaxWindowYears, asOf.Month(), asOf.Day())) {
		writeProblems(w, http.StatusBadRequest, dangjian.Problems{{Kind: dangjian.ErrInvalid, Path: "until", Value: until.String(),
			Detail: "the horizon must be on or after asOf and at most " + itoa(MaxWindowYears) + " years after it"}})
		return
	}
	// Meetings are checked from the first of asOf's year (or from) to the
	// end of until's year: the periods that end by the horizon.
	from, ok := dateParam(w, r, "from", dangjian.NewDate(asOf.Year(), 1, 1), false)
	if !ok {
		return
	}
	to := dangjian.NewDate(until.Year()+1, 1, 1)
	if !from.Before(to) || to.After(dangjian.NewDate(from.Year()+MaxWindowYears+1, from.Month(), from.Day())) {
		writeProblems(w, http.StatusBadRequest, dangjian.Problems{{Kind: dangjian.ErrInvalid, Path: "from", Value: from.String(),
			Detail: "the meetings' window from its first day to the end of until's year must not be empty and may span at most " + itoa(MaxWindowYears+1) + " years"}})
		return
	}
	body, ok := s.readBody(w, r)
	if !ok {
		return
	}
	var treeCSV, meetingsCSV string
	var hasMeetings bool
	var ps dangjian.Problems
	switch mt {
	case typeCSV:
		treeCSV = string(body)
	case typeJSON:
		treeCSV, meetingsCSV, hasMeetings, ps = decodeOrglifeRequest(body, false)
	default:
		treeCSV, meetingsCSV, hasMeetings, ps = readMultipart(body, params["boundary"], false)
	}
	if len(ps) > 0 {
		s.fail(w, r, ps, http.StatusBadRequest)
		return
	}
	ctx := r.Context()
	tree, err := orgmodel.ReadTreeCSVWith(ctxReader{ctx, bytes.NewReader([]byte(treeCSV))}, orgmodel.BuildOptions{}, s.lim)
	out := dueResponse{AsOf: asOf, Until: until, Items: []due.Item{}, Reminders: []due.Reminder{}, Leads: due.DefaultLeads(),
		Problems: dangjian.Problems{}}
	if err != nil {
		ps := inPart(problemsOf(err), "tree")
		if tree == nil || tree.Len() == 0 {
			status := http.StatusUnprocessableEntity
			if errors.Is(err, dangjian.ErrHeader) || errors.Is(err, dangjian.ErrSyntax) {
				status = http.StatusBadRequest
			}
			s.fail(w, r, ps, status)
			return
		}
		out.Problems = append(out.Problems, ps...)
	}
	if tree.Len() == 0 {
		s.fail(w, r, dangjian.Problems{{Kind: dangjian.ErrMissing, File: "tree", Detail: "the tree has no organization"}}, http.StatusUnprocessableEntity)
		return
	}
	if s.validator == nil || !s.validator.Covers(asOf) {
		s.fail(w, r, dangjian.Problems{{Kind: dangjian.ErrOutOfPeriod, Path: "asOf", Value: asOf.String(),
			Detail: "the national rules of organization are not in force on this date"}}, http.StatusUnprocessableEntity)
		return
	}
	// The sources are read twice (the items, then the reminders): each
	// yields its items afresh from the tree and the checker.
	sources := []iter.Seq[due.Item]{due.Terms(tree, s.validator), due.Dispatches(tree, s.validator)}
	if hasMeetings {
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
		out.Problems = append(out.Problems, inPart(rows, "meetings")...)
		out.MeetingsFrom = from.String()
		sources = append(sources, due.Meetings(c))
	}
	cal, err := due.New(asOf, until, nil)
	if err != nil {
		s.fail(w, r, problemsOf(err), http.StatusBadRequest)
		return
	}
	for it := range cal.Items(sources...) {
		if ctx.Err() != nil {
			s.timedOut(w)
			return
		}
		out.Items = append(out.Items, it)
	}
	slices.SortStableFunc(out.Items, due.Compare)
	out.Reminders = append(out.Reminders, cal.Reminders(sources...)...)
	if ctx.Err() != nil {
		s.timedOut(w)
		return
	}
	if wantsCSV(r) {
		var b bytes.Buffer
		if err := due.WriteCSV(&b, slices.Values(out.Items)); err != nil {
			s.fail(w, r, problemsOf(err), http.StatusUnprocessableEntity)
			return
		}
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="due-`+asOf.String()+`.csv"`)
		w.Header().Set("X-Problems", itoa(int64(len(out.Problems))))
		w.Header().Set("X-Reminders", itoa(int64(len(out.Reminders))))
		w.WriteHeader(http.StatusOK)
		w.Write(b.Bytes())
		return
	}
	writeJSON(w, http.StatusOK, out)
}
