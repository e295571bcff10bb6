package service

import (
	"bytes"
	"errors"
	"net/http"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/orgmodel"
)

// orgJSON is an organization of the tree as /v1/orgs/validate returns it,
// for a chart: ids as the input wrote them.
type orgJSON struct {
	ID                  string `json:"id"`
	Parent              string `json:"parent"`
	Name                string `json:"name"`
	Kind                string `json:"kind"`
	KindLabel           string `json:"kindLabel"`
	Domain              string `json:"domain"`
	DomainLabel         string `json:"domainLabel"`
	FullMembers         int64  `json:"fullMembers"`
	ProbationaryMembers int64  `json:"probationaryMembers"`
	Line                int    `json:"line,omitempty"`
}

// orgsResponse is the answer of /v1/orgs/validate.
type orgsResponse struct {
	AsOf     dangjian.Date      `json:"asOf"`
	Orgs     []orgJSON          `json:"orgs"`
	Findings []dangjian.Finding `json:"findings"`
	Problems dangjian.Problems  `json:"problems"`
}

// orgsValidate reads a tree (CSV or JSON), builds it and validates it
// against the national rules as of asOf.
func (s *server) orgsValidate(w http.ResponseWriter, r *http.Request) {
	mt, _, ok := mediaType(w, r, typeCSV, typeJSON)
	if !ok {
		return
	}
	asOf, ok := dateParam(w, r, "asOf", s.opt.today(), false)
	if !ok {
		return
	}
	body, ok := s.readBody(w, r)
	if !ok {
		return
	}
	tree, rows, status := s.readTree(r, mt, body)
	if tree == nil {
		s.fail(w, r, rows, status)
		return
	}
	if tree.Len() == 0 {
		// Every row refused, or none given: no organization was built.
		if len(rows) == 0 {
			rows = dangjian.Problems{{Kind: dangjian.ErrMissing, Detail: "the tree has no organization"}}
		}
		s.fail(w, r, rows, http.StatusUnprocessableEntity)
		return
	}
	out := orgsResponse{AsOf: asOf, Orgs: orgsOf(tree), Findings: []dangjian.Finding{}, Problems: rows}
	if out.Problems == nil {
		out.Problems = dangjian.Problems{}
	}
	if s.validator == nil || !s.validator.Covers(asOf) {
		s.fail(w, r, dangjian.Problems{{Kind: dangjian.ErrOutOfPeriod, Path: "asOf", Value: asOf.String(),
			Detail: "the national rules of organization are not in force on this date"}}, http.StatusUnprocessableEntity)
		return
	}
	ctx := r.Context()
	err := s.validator.ValidateFunc(tree, asOf, func(f *dangjian.Finding) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		out.Findings = append(out.Findings, *f)
		return nil
	})
	if err != nil {
		s.fail(w, r, problemsOf(err), http.StatusUnprocessableEntity)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// readTree reads the tree of body in media type mt. It returns the tree
// (nil when none could be built) and the problems of the input; when the
// tree is nil, status is the answer's.
func (s *server) readTree(r *http.Request, mt string, body []byte) (*orgmodel.Tree, dangjian.Problems, int) {
	in := ctxReader{r.Context(), bytes.NewReader(body)}
	if mt == typeJSON {
		recs, err := orgmodel.DecodeJSONWith(in, s.lim)
		if err != nil {
			return nil, problemsOf(err), http.StatusBadRequest
		}
		tree, err := orgmodel.BuildWith(recs, orgmodel.BuildOptions{})
		if err != nil {
			return nil, problemsOf(err), http.StatusUnprocessableEntity
		}
		return tree, nil, http.StatusOK
	}
	tree, err := orgmodel.ReadTreeCSVWith(in, orgmodel.BuildOptions{}, s.lim)
	if err == nil {
		return tree, nil, http.StatusOK
	}
	ps := problemsOf(err)
	if tree != nil {
		return tree, ps, http.StatusOK
	}
	// A header, text that is not CSV or a limit stop the reading: the
	// request cannot be read (400, or 413 for a limit). Otherwise the rows
	// were read but no tree could be built from them (422).
	if errors.Is(err, dangjian.ErrHeader) || errors.Is(err, dangjian.ErrSyntax) {
		return nil, ps, http.StatusBadRequest
	}
	return nil, ps, http.StatusUnprocessableEntity
}

// orgsOf lists the tree's organizations, parents before children.
func orgsOf(t *orgmodel.Tree) []orgJSON {
	out := make([]orgJSON, 0, t.Len())
	for _, o := range t.All() {
		out = append(out, orgJSON{ID: t.IDText(o.ID), Parent: t.IDText(o.Parent), Name: o.Name,
			Kind: o.Kind.String(), KindLabel: o.Kind.Label(), Domain: o.Domain.String(), DomainLabel: o.Domain.Label(),
			FullMembers: o.Members.Full, ProbationaryMembers: o.Members.Probationary, Line: o.Line})
	}
	return out
}
