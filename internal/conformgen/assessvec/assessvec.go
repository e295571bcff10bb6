// Package assessvec generates the assessment vectors of the conformance
// set (conformance/assess/): for each reference scheme (assess.Reference)
// and the reference city's (yanji.Scheme), cohorts of subjects as files
// examples/assess reads, and each subject's total (decimal text with the
// places of the scheme's total rounding point), grade and rank under the
// scheme's reference grading policy (assess.ReferencePolicy,
// yanji.Policy), with quota and tie cohorts.
//
// Files is the whole family, keyed by path relative to conformance/; it
// is deterministic. The results are the library's; the package's test
// re-derives every total with math/big from the scheme's own JSON and
// every grade and rank from the policies' texts, without calling assess.
package assessvec

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/dangjian-go/dangjian/assess"
	"github.com/dangjian-go/dangjian/internal/conformgen/vecfile"
	"github.com/dangjian-go/dangjian/place/yanji"
)

// Dir is the family's directory under conformance/.
const Dir = "assess"

// The files of the family, relative to conformance/.
const (
	CasesFile    = Dir + "/cases.csv"
	ExpectedFile = Dir + "/expected.csv"
	SubjectsDir  = Dir + "/subjects"
)

// The columns of the files (see conformance/assess/README.md).
var (
	CasesHeader    = []string{"case", "scheme", "policy", "subjects", "rules", "ruleset", "note"}
	ExpectedHeader = []string{"case", "cohort", "id", "category", "total", "grade", "rank", "rules", "ruleset"}
)

// Yanji is the name of the reference city's scheme, as examples/assess
// and the rules catalogue name it.
const Yanji = "yanji-shuzhi"

// Scheme returns the scheme and the grading policy called name: a
// reference scheme of package assess or Yanji's.
func Scheme(name string) (assess.Scheme, assess.GradePolicy, error) {
	if name == Yanji {
		s, err := yanji.Scheme()
		return s, yanji.Policy(), err
	}
	s, err := assess.Reference(name)
	if err != nil {
		return s, assess.GradePolicy{}, err
	}
	p, err := assess.ReferencePolicy(name)
	return s, p, err
}

// Files returns the family's files, keyed by path relative to
// conformance/, with ruleset in every vector row.
func Files(ruleset string) (map[string][]byte, error) {
	out := map[string][]byte{}
	cs := vecfile.NewTable(ruleset, CasesHeader...)
	es := vecfile.NewTable(ruleset, ExpectedHeader...)
	for _, c := range cohorts {
		if err := one(c, out, cs, es); err != nil {
			return nil, fmt.Errorf("assessvec: case %q: %w", c.name, err)
		}
	}
	var err error
	if out[CasesFile], err = cs.Bytes(); err != nil {
		return nil, err
	}
	if out[ExpectedFile], err = es.Bytes(); err != nil {
		return nil, err
	}
	return out, nil
}

func one(c cohort, out map[string][]byte, cs, es *vecfile.Table) error {
	s, p, err := Scheme(c.scheme)
	if err != nil {
		return err
	}
	sc, err := assess.Compile(s)
	if err != nil {
		return err
	}
	g, err := assess.NewGrader(p)
	if err != nil {
		return err
	}
	data := []byte("[\n  " + strings.Join(c.subjects, ",\n  ") + "\n]\n")
	subs, err := assess.DecodeSubjects(bytes.NewReader(data))
	if err != nil {
		return err
	}
	results := make([]assess.Result, len(subs))
	byID := map[string]*assess.Result{}
	for i, sub := range subs {
		if results[i], err = sc.Score(sub); err != nil {
			return err
		}
		byID[sub.ID] = &results[i]
	}
	gr, err := g.Grade(results)
	if err != nil {
		return err
	}
	places := int32(-1)
	for _, r := range s.Rounding {
		if r.At == "total" {
			places = r.Places
		}
	}
	if places < 0 {
		return fmt.Errorf("the scheme has no total rounding point")
	}
	pre := c.scheme + "/"
	schemeRules := []string{pre + "rounding", pre + "bands", pre + "policy/ranking"}
	for _, comp := range s.Components {
		schemeRules = append(schemeRules, pre+comp.ID)
	}
	if len(p.Bands) > 0 {
		schemeRules = append(schemeRules, pre+"policy/bands")
	}
	file := "subjects/" + c.name + ".json"
	out[Dir+"/"+file] = data
	caseRules := append([]string(nil), schemeRules...)
	for _, gs := range gr.Subjects {
		res := byID[gs.Subject]
		rules := append([]string(nil), schemeRules...)
		if res.Bonus.Cmp(assess.Score{}) != 0 {
			rules = append(rules, pre+"bonus")
		}
		for _, h := range res.Gates {
			rules = append(rules, pre+"gates/"+h.Gate)
		}
		// A quota decides the grade of every subject that held its
		// grade before the cut-off: those kept and those demoted.
		for _, q := range p.Quotas {
			held := !gs.Ungraded && gs.Grade == q.Grade
			for _, st := range gs.Steps {
				held = held || st.Kind == assess.StepQuota && st.From == q.Grade
			}
			if held {
				rules = append(rules, pre+"policy/quota/"+q.Grade)
			}
		}
		if gs.Ungraded {
			rules = append(rules, pre+"policy/ungraded")
		}
		rank := ""
		if !gs.Ungraded {
			rank = strconv.Itoa(gs.Rank)
		}
		caseRules = append(caseRules, rules...)
		es.Row(map[string]string{"case": c.name + ":" + gs.Subject, "cohort": c.name, "id": gs.Subject,
			"category": gs.Category, "total": res.Total.Fixed(places), "grade": gs.Grade, "rank": rank}, rules...)
	}
	cs.Row(map[string]string{"case": c.name, "scheme": c.scheme, "policy": "reference", "subjects": file, "note": c.note}, caseRules...)
	return nil
}
