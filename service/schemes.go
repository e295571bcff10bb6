package service

import (
	"net/http"
	"sync"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
	"github.com/dangjian-go/dangjian/internal/catalogue"
	"github.com/dangjian-go/dangjian/place"
)

// reference is a reference scheme, compiled once and shared by every
// request (a [assess.Scorer] and a [assess.Grader] are immutable).
type reference struct {
	once   sync.Once
	scheme assess.Scheme
	json   []byte
	scorer *assess.Scorer
	policy assess.GradePolicy
	grader *assess.Grader
	err    error
}

// schemeSet holds the reference schemes of [place.SchemeNames]: assess's
// and the reference city's (yanji-shuzhi).
type schemeSet struct {
	names []string
	refs  map[string]*reference
}

func newSchemeSet() *schemeSet {
	names := place.SchemeNames()
	set := &schemeSet{names: names, refs: map[string]*reference{}}
	for _, n := range names {
		set.refs[n] = &reference{}
	}
	return set
}

// get returns the reference scheme called name, compiled; false when
// there is none.
func (set *schemeSet) get(name string) (*reference, bool) {
	ref, ok := set.refs[name]
	if !ok {
		return nil, false
	}
	ref.once.Do(func() { ref.load(name) })
	return ref, ref.err == nil
}

func (ref *reference) load(name string) {
	if ref.scheme, ref.err = place.Scheme(name); ref.err != nil {
		return
	}
	if ref.policy, ref.err = place.Policy(name); ref.err != nil {
		return
	}
	if ref.scorer, ref.err = assess.Compile(ref.scheme); ref.err != nil {
		return
	}
	if ref.grader, ref.err = assess.NewGrader(ref.policy); ref.err != nil {
		return
	}
	ref.json, ref.err = marshal(ref.scheme)
}

// schemeInfo is an entry of GET /v1/schemes.
type schemeInfo struct {
	Name  string `json:"name"`
	Title string `json:"title"`
}

func (s *server) listSchemes(w http.ResponseWriter, r *http.Request) {
	out := struct {
		Schemes []schemeInfo `json:"schemes"`
	}{Schemes: []schemeInfo{}}
	for _, n := range s.schemes.names {
		if ref, ok := s.schemes.get(n); ok {
			out.Schemes = append(out.Schemes, schemeInfo{Name: n, Title: ref.scheme.Name})
		}
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *server) getScheme(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	ref, ok := s.schemes.get(name)
	if !ok {
		writeProblems(w, http.StatusNotFound, dangjian.Problems{{Kind: ErrNotFound, Path: "name", Value: dangjian.Cut(name),
			Detail: "no reference scheme of this name; GET /v1/schemes lists them"}})
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(ref.json)
}

func (s *server) rules(w http.ResponseWriter, r *http.Request) {
	s.rulesOnce.Do(func() {
		_, s.rulesJSON, s.rulesErr = catalogue.Generate()
	})
	if s.rulesErr != nil {
		writeProblems(w, http.StatusUnprocessableEntity, problemsOf(s.rulesErr))
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(s.rulesJSON)
}
