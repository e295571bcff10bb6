package service

import (
	"bytes"
	"errors"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding/dues"
)

// duesResponse is the answer of /v1/dues.
type duesResponse struct {
	Month       dangjian.Date      `json:"month"`
	Rules       string             `json:"rules"`
	Ledger      []dues.LedgerRow   `json:"ledger"`
	Summary     dues.LedgerSummary `json:"summary"`
	NotComputed int                `json:"notComputed"`
	Problems    dangjian.Problems  `json:"problems"`
	Warnings    dangjian.Problems  `json:"warnings"`
}

// wantsCSV reports whether the client asks for the ledger as CSV: an Accept
// header that names text/csv before (or without) application/json.
func wantsCSV(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept"), ",") {
		mt, _, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		switch strings.ToLower(mt) {
		case typeCSV:
			return true
		case typeJSON:
			return false
		}
	}
	return false
}

// dues computes the month's dues of a roster (CSV or JSON) and answers the
// ledger and its summary, as JSON or, for Accept: text/csv, as the ledger
// CSV.
func (s *server) dues(w http.ResponseWriter, r *http.Request) {
	mt, _, ok := mediaType(w, r, typeCSV, typeJSON)
	if !ok {
		return
	}
	date, ok := dateParam(w, r, "date", s.opt.today(), false)
	if !ok {
		return
	}
	lang := dangjian.English
	if v := r.URL.Query().Get("lang"); v != "" {
		l, err := dangjian.ParseLang(v)
		if err != nil {
			writeProblems(w, http.StatusBadRequest, dangjian.Problems{{Kind: dangjian.ErrInvalid, Path: "lang", Value: dangjian.Cut(v),
				Detail: "want en or zh"}})
			return
		}
		lang = l
	}
	month := dangjian.NewDate(date.Year(), date.Month(), 1)
	rules, err := dues.RulesFor(month)
	if err != nil {
		var ps dangjian.Problems
		for _, p := range problemsOf(err) {
			q := *p // the library's, not ours to change
			if q.Path == "" {
				q.Path = "date"
			}
			ps = append(ps, &q)
		}
		s.fail(w, r, ps, http.StatusUnprocessableEntity)
		return
	}
	body, ok := s.readBody(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	open := func() (io.ReadCloser, error) {
		return io.NopCloser(ctxReader{ctx, bytes.NewReader(body)}), nil
	}
	var ledger []dues.LedgerRow
	reset := func() error { ledger = ledger[:0]; return nil }
	opts := dues.MonthOptions{Rules: rules, Month: month, JSON: mt == typeJSON, Scan: dues.ScanOptions{Limits: s.lim}}
	rep, err := dues.ComputeMonth(open, reset, opts, func(row dues.LedgerRow) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		ledger = append(ledger, row)
		return nil
	})
	if err != nil {
		status := http.StatusBadRequest
		if errors.Is(err, dangjian.ErrOverflow) {
			status = http.StatusUnprocessableEntity // a sum out of range
		}
		s.fail(w, r, problemsOf(err), status)
		return
	}
	if wantsCSV(r) {
		var b bytes.Buffer
		if err := dues.WriteLedger(&b, ledger, lang); err != nil {
			s.fail(w, r, problemsOf(err), http.StatusUnprocessableEntity)
			return
		}
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="ledger-`+month.String()[:7]+`.csv"`)
		w.Header().Set("X-Problems", itoa(int64(len(rep.Problems))))
		w.Header().Set("X-Not-Computed", itoa(int64(rep.NotComputed)))
		w.Write(b.Bytes())
		return
	}
	out := duesResponse{Month: month, Rules: rules.Name, Ledger: ledger, Summary: rep.Summary, NotComputed: rep.NotComputed,
		Problems: rep.Problems, Warnings: rep.Warnings}
	if out.Ledger == nil {
		out.Ledger = []dues.LedgerRow{}
	}
	if out.Problems == nil {
		out.Problems = dangjian.Problems{}
	}
	if out.Warnings == nil {
		out.Warnings = dangjian.Problems{}
	}
	writeJSON(w, http.StatusOK, out)
}
