package assess

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/rat"
	"github.com/dangjian-go/dangjian/internal/strictjson"
)

// Scheme test cases: a scheme, optionally a grading policy, and cases of
// subjects with the totals, grades and ranks they must get (SCHEME.md §7).
// A city that writes its own scheme checks it with a file of cases and no
// Go: examples/assess -test cases.json runs them.

// MaxCasesBytes is the most bytes a case file may hold: [DecodeCases]
// reads the file whole, and a larger one is a problem of kind
// [dangjian.ErrLimit].
const MaxCasesBytes = 16 << 20

// Cases is a file of scheme test cases, as [DecodeCases] reads it. The
// scheme is named (SchemeName, resolved by [CaseOptions].Resolve) or given
// whole (Scheme); Policy, when given, grades each case's cohort instead of
// the policy that goes with a named scheme.
type Cases struct {
	SchemeName string
	Scheme     *Scheme
	Policy     *GradePolicy
	Cases      []Case

	schemeAt, policyAt pos // where "scheme" and "policy" are in the file
}

// Case is one test case: a cohort of subjects, scored and graded
// together, and what some of them must get.
type Case struct {
	Name     string    `json:"name"`
	Subjects []Subject `json:"subjects"`
	Expect   []Expect  `json:"expect"`

	at    pos   // the case
	subAt []pos // each subject
}

// Expect is what one subject of a case must get: its total, exactly, and
// optionally its grade and its rank (0: not checked).
type Expect struct {
	ID    string        `json:"id"`
	Total ExpectedTotal `json:"total"`
	Grade string        `json:"grade,omitempty"`
	Rank  int           `json:"rank,omitempty"`

	at, totalAt, gradeAt pos
}

// ExpectedTotal is a total as a case file writes it: a decimal ("87.63",
// as a JSON string or number, never read through a float), or a fraction
// "n/d" for a scheme that does not round its total. It keeps the text as
// written, so that its places can be checked against the scheme's
// rounding. The zero value is not set.
type ExpectedTotal struct {
	text   string
	r      rat.Rat
	places int32 // decimal places as written; -1 for a fraction
}

// ParseExpectedTotal parses a decimal ("87.63", "-1", "100") or a
// fraction "n/d" (d > 0). An error is a *[dangjian.Problem] of kind
// [ErrInvalid] quoting s.
func ParseExpectedTotal(s string) (ExpectedTotal, error) {
	bad := &dangjian.Problem{Kind: ErrInvalid, Value: s, Detail: "want a total as a decimal (\"87.63\") or a fraction n/d"}
	if ns, ds, ok := strings.Cut(s, "/"); ok {
		n, err1 := strconv.ParseInt(ns, 10, 64)
		d, err2 := strconv.ParseInt(ds, 10, 64)
		if err1 != nil || err2 != nil || d <= 0 || strings.HasPrefix(ds, "+") {
			return ExpectedTotal{}, bad
		}
		r, err := rat.New(n, d)
		if err != nil {
			return ExpectedTotal{}, bad
		}
		return ExpectedTotal{text: s, r: r, places: -1}, nil
	}
	body := strings.TrimPrefix(s, "-")
	if body == "" || strings.Trim(body, "0123456789.") != "" || strings.Count(body, ".") > 1 ||
		body[0] == '.' || body[len(body)-1] == '.' {
		return ExpectedTotal{}, bad
	}
	r, err := rat.Parse(s)
	if err != nil {
		return ExpectedTotal{}, bad
	}
	var places int32
	if _, frac, ok := strings.Cut(body, "."); ok {
		places = int32(len(frac))
	}
	return ExpectedTotal{text: s, r: r, places: places}, nil
}

// IsSet reports whether the total was given.
func (t ExpectedTotal) IsSet() bool { return t.text != "" }

// String returns the total as written.
func (t ExpectedTotal) String() string { return t.text }

// Matches reports whether s equals the total exactly.
func (t ExpectedTotal) Matches(s Score) bool { return t.IsSet() && t.r.Cmp(s.rat()) == 0 }

// MarshalJSON writes the total as written, as a JSON string.
func (t ExpectedTotal) MarshalJSON() ([]byte, error) { return json.Marshal(t.text) }

// UnmarshalJSON reads a JSON string or number (see [ParseExpectedTotal]).
func (t *ExpectedTotal) UnmarshalJSON(b []byte) error {
	s := string(b)
	if len(s) >= 2 && s[0] == '"' {
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
	} else if s == "" || !(s[0] == '-' || s[0] >= '0' && s[0] <= '9') {
		return &dangjian.Problem{Kind: ErrInvalid, Value: s, Detail: "want a total as a decimal string (\"87.63\")"}
	}
	v, err := ParseExpectedTotal(s)
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// pos is a place in a case file; zero when not known (cases built in Go).
type pos struct{ line, col int }

var casesFields = strictjson.NewFields("scheme", "policy", "cases")

// DecodeCases reads a case file, strictly, as [DecodeScheme] reads a
// scheme, and returns its problems in file order, at most
// [dangjian.DefaultMaxProblems] of them and then one counting the rest:
//
//	{"scheme": "jifen" | {a scheme},
//	 "policy": {a grading policy} (optional),
//	 "cases": [{"name": "…", "subjects": [subjects],
//	            "expect": [{"id": "J1", "total": "91.1", "grade": "优秀", "rank": 1}]}]}
//
// Every problem is reported, each with its JSON path
// ("cases[0].expect[1].total"), line and column, value and the ID of the
// subject it is about: unknown and repeated keys, values of the wrong
// type, a total that is not a decimal or a fraction, a case without a
// name, subjects or expectations, two cases of one name, two subjects of
// one ID in a case, an expectation of a subject the case does not have or
// of one subject twice, a rank below 1. The file may hold at most
// [MaxCasesBytes]. Whether the cases fit the scheme (a total written with
// more places than the scheme rounds to, a grade the grading cannot give,
// a subject's values) is checked by [Cases.Run].
func DecodeCases(r io.Reader) (*Cases, error) {
	return decodeCases(r, dangjian.Limits{}.Problems())
}

func decodeCases(r io.Reader, maxProblems int) (*Cases, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxCasesBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxCasesBytes {
		return nil, dangjian.Problems{{Kind: dangjian.ErrLimit, Detail: "a case file holds at most 16 MiB (assess.MaxCasesBytes)"}}
	}
	p := newParser(data)
	root, perr := p.parseDocument()
	if perr != nil {
		return nil, dangjian.Problems{perr}
	}
	d := jdecoder{p: p}
	cs := &Cases{}
	if root.kind != strictjson.BeginObject {
		d.problem(ErrInvalid, root.off, "", valueText(root), "want an object {\"scheme\": …, \"cases\": […]}, got "+gotOf(root), nil)
		return nil, d.ps.Err()
	}
	var seen strictjson.Seen
	var casesNode *jnode
	for _, k := range root.keys {
		i, ok := casesFields.Lookup(k.name)
		if !ok {
			d.problem(dangjian.ErrUnknownField, k.off, k.name, k.name, casesFields.Unknown(k.name), nil)
			continue
		}
		if seen.Add(i) {
			d.problem(ErrInvalid, k.off, k.name, k.name, strictjson.DetailRepeated, nil)
			continue
		}
		v := k.val
		switch k.name {
		case "scheme":
			cs.schemeAt = d.pos(v.off)
			switch v.kind {
			case strictjson.String:
				s, _ := strictjson.Unquote(v.raw)
				if s == "" {
					d.problem(ErrInvalid, v.off, "scheme", "", "name a scheme, or give one as an object", nil)
				}
				cs.SchemeName = s
			case strictjson.BeginObject:
				cs.Scheme = new(Scheme)
				d.value(v, reflect.ValueOf(cs.Scheme).Elem(), "scheme")
			default:
				d.problem(ErrInvalid, v.off, "scheme", valueText(v), "want a scheme's name or a scheme object, got "+gotOf(v), nil)
			}
		case "policy":
			cs.policyAt = d.pos(v.off)
			switch v.kind {
			case strictjson.Null:
			case strictjson.BeginObject:
				cs.Policy = new(GradePolicy)
				d.value(v, reflect.ValueOf(cs.Policy).Elem(), "policy")
			default:
				d.problem(ErrInvalid, v.off, "policy", valueText(v), "want a grading policy object, got "+gotOf(v), nil)
			}
		case "cases":
			casesNode = v
			d.value(v, reflect.ValueOf(&cs.Cases).Elem(), "cases")
		}
	}
	if !seen.Has(0) {
		d.problem(dangjian.ErrMissing, root.off, "scheme", "", "a case file names its scheme or gives it", nil)
	}
	switch {
	case casesNode == nil:
		d.problem(dangjian.ErrMissing, root.off, "cases", "", "a case file has at least one case", nil)
	case casesNode.kind == strictjson.BeginArray && len(casesNode.elems) == 0:
		d.problem(dangjian.ErrMissing, casesNode.off, "cases", "", "a case file has at least one case", nil)
	case casesNode.kind == strictjson.BeginArray && len(casesNode.elems) == len(cs.Cases):
		d.checkCases(cs, casesNode)
	}
	if len(d.ps) > 0 {
		return nil, capProblems(d.ps, maxProblems)
	}
	return cs, nil
}

// capProblems sorts problems by their place in the file (stably: those
// at one place keep their order) and keeps the first max of them, then
// one counting the rest ([dangjian.ProblemCap]).
func capProblems(ps dangjian.Problems, max int) error {
	slices.SortStableFunc(ps, func(a, b *dangjian.Problem) int {
		if c := cmp.Compare(a.Line, b.Line); c != 0 {
			return c
		}
		return cmp.Compare(a.Column, b.Column)
	})
	c := dangjian.NewProblemCap(max)
	c.AddAll(ps)
	return c.Err()
}

// pos returns the line and column of offset off.
func (d *jdecoder) pos(off int) pos {
	l, c := d.p.src.Position(off)
	return pos{l, c}
}

// member returns the member key of object n, or nil.
func member(n *jnode, key string) *jkey {
	if n == nil || n.kind != strictjson.BeginObject {
		return nil
	}
	for i := range n.keys {
		if n.keys[i].name == key {
			return &n.keys[i]
		}
	}
	return nil
}

// checkCases records where each case, subject and expectation is and
// checks what a case needs; cn is the decoded "cases" array.
func (d *jdecoder) checkCases(cs *Cases, cn *jnode) {
	names := map[string]bool{}
	for i := range cs.Cases {
		c, n := &cs.Cases[i], cn.elems[i]
		path := index("cases", i)
		c.at = d.pos(n.off)
		if n.kind != strictjson.BeginObject {
			continue // reported by the decoder
		}
		missing := func(key, detail string) {
			d.problem(dangjian.ErrMissing, n.off, child(path, key), "", detail, nil)
		}
		switch {
		case c.Name == "":
			if k := member(n, "name"); k != nil {
				d.problem(ErrInvalid, k.val.off, child(path, "name"), "", "a case has a name", nil)
			} else {
				missing("name", "a case has a name")
			}
		case names[c.Name]:
			d.problem(ErrDuplicate, member(n, "name").val.off, child(path, "name"), c.Name, "two cases of one name", nil)
		}
		names[c.Name] = true
		ids := map[string]bool{}
		if k := member(n, "subjects"); k == nil || len(c.Subjects) == 0 {
			missing("subjects", "a case has at least one subject")
		} else if k.val.kind == strictjson.BeginArray && len(k.val.elems) == len(c.Subjects) {
			c.subAt = make([]pos, len(c.Subjects))
			for j, e := range k.val.elems {
				c.subAt[j] = d.pos(e.off)
				id := c.Subjects[j].ID
				p := child(index(child(path, "subjects"), j), "id")
				switch {
				case id == "":
					d.problem(dangjian.ErrMissing, e.off, p, "", "a subject has an ID", nil)
				case ids[id]:
					d.problem(ErrDuplicate, e.off, p, id, "two subjects of one ID in a case", nil)
					d.ps[len(d.ps)-1].ID = id
				}
				ids[id] = true
			}
		}
		k := member(n, "expect")
		if k == nil || len(c.Expect) == 0 {
			missing("expect", "a case expects something of at least one subject")
			continue
		}
		if k.val.kind != strictjson.BeginArray || len(k.val.elems) != len(c.Expect) {
			continue
		}
		expected := map[string]bool{}
		for j, e := range k.val.elems {
			x := &c.Expect[j]
			ep := index(child(path, "expect"), j)
			x.at = d.pos(e.off)
			if t := member(e, "total"); t != nil {
				x.totalAt = d.pos(t.val.off)
			} else {
				d.problem(dangjian.ErrMissing, e.off, child(ep, "total"), "", "an expectation gives the total", nil)
				d.ps[len(d.ps)-1].ID = x.ID
			}
			if g := member(e, "grade"); g != nil {
				x.gradeAt = d.pos(g.val.off)
			}
			if r := member(e, "rank"); r != nil && x.Rank < 1 && r.val.kind == strictjson.Number {
				d.problem(ErrInvalid, r.val.off, child(ep, "rank"), string(r.val.raw), "a rank is 1 or more (leave it out not to check it)", nil)
				d.ps[len(d.ps)-1].ID = x.ID
			}
			switch {
			case x.ID == "":
				d.problem(dangjian.ErrMissing, e.off, child(ep, "id"), "", "an expectation names its subject", nil)
			case expected[x.ID]:
				d.problem(ErrDuplicate, e.off, child(ep, "id"), x.ID, "one expectation a subject", nil)
				d.ps[len(d.ps)-1].ID = x.ID
			case c.subAt != nil && !ids[x.ID]:
				d.problem(dangjian.ErrUnknownRef, e.off, child(ep, "id"), x.ID, "the case has no subject of this ID", nil)
				d.ps[len(d.ps)-1].ID = x.ID
			}
			expected[x.ID] = true
		}
	}
}

// CaseOptions are how [Cases.Run] resolves a scheme's name and names the
// file in its problems.
type CaseOptions struct {
	// Resolve returns the scheme called name and the grading policy that
	// goes with it (nil for none). Nil resolves the reference schemes:
	// [Reference] and [ReferencePolicy].
	Resolve func(name string) (Scheme, *GradePolicy, error)
	// File names the case file in problems ("" for none).
	File string
	// Limits.MaxProblems bounds the problems listed (the default 1,000;
	// -1 for no limit): then one problem counts the rest. The other
	// limits do not apply: a case file is read whole, at most
	// [MaxCasesBytes].
	Limits dangjian.Limits
}

// CaseReport is the outcome of a case file: every case that ran, in file
// order, passed or failed.
type CaseReport struct {
	Scheme string `json:"scheme"`
	// Policy names the grading policy, "" when each case is ranked by
	// total and graded by the scheme's bands.
	Policy string       `json:"policy,omitempty"`
	Passed int          `json:"passed"`
	Failed int          `json:"failed"`
	Cases  []CaseResult `json:"cases"`
}

// CaseResult is one case's outcome: Failures lists each expectation not
// met, in file order; none when the case passed.
type CaseResult struct {
	Name     string        `json:"name"`
	Line     int           `json:"line,omitempty"`
	Pass     bool          `json:"pass"`
	Failures []CaseFailure `json:"failures,omitempty"`
}

// CaseFailure is an expectation not met: what differs, and the subject's
// result with its trace and its grading (nil when ranked by total).
type CaseFailure struct {
	Subject string     `json:"subject"`
	Line    int        `json:"line,omitempty"`
	Diffs   []CaseDiff `json:"diffs"`
	Result  *Result    `json:"result"`
	Graded  *Graded    `json:"grading,omitempty"`
}

// CaseDiff is one field of an expectation that differs: "total", "grade"
// or "rank", the value wanted (as written) and the value got ("-" for no
// grade or rank).
type CaseDiff struct {
	Field string `json:"field"`
	Want  string `json:"want"`
	Got   string `json:"got"`
}

// RunCases reads a case file ([DecodeCases]) and runs it ([Cases.Run]).
func RunCases(r io.Reader, opt CaseOptions) (*CaseReport, error) {
	cs, err := decodeCases(r, opt.Limits.Problems())
	if err != nil {
		return nil, inCaseFile(opt.File, err)
	}
	return cs.Run(opt)
}

// inCaseFile names file in err's problems that name none.
func inCaseFile(file string, err error) error {
	ps := dangjian.ProblemsOf(err)
	for _, p := range ps {
		if p.File == "" {
			p.File = file
		}
	}
	return ps.Err()
}

// Run compiles the scheme (resolving its name with opt.Resolve), builds
// the grader (the file's policy, else the named scheme's, else none: each
// case is then ranked by total, shared ranks 1, 1, 3, and graded by the
// scheme's bands), checks the expectations against them, and runs each
// case: its subjects are scored with their traces and ranked and graded
// as one cohort, and every expectation is compared, the total exactly.
// A rank is the rank within the subject's category when the policy ranks
// per category.
//
// Problems (the error, a [dangjian.Problems]): the scheme cannot be
// resolved or does not compile, the policy does not, a total written with
// more decimal places than the scheme rounds its total to (or a fraction
// where the total is rounded), a grade the grading cannot give, a subject
// that cannot be scored (its problems at cases[i].subjects[j]…), a cohort
// that cannot be graded. A case with a problem does not run; the others
// do, and the report holds them beside the error. A nil report means
// nothing could run. Run does not change cs (it compiles the scheme
// afresh each time), so one Cases may be run by several goroutines.
func (cs *Cases) Run(opt CaseOptions) (*CaseReport, error) {
	ps := dangjian.NewProblemCap(opt.Limits.Problems())
	at := func(p *dangjian.Problem, path string, where pos) {
		if p.Path == "" || p.Path[0] == '[' {
			p.Path = path + p.Path
		} else if path != "" {
			p.Path = path + "." + p.Path
		}
		if p.Line == 0 {
			p.Line, p.Column = where.line, where.col
		}
		if p.File == "" {
			p.File = opt.File
		}
		ps.Add(p)
	}
	addAll := func(err error, path string, where pos) {
		for _, p := range dangjian.ProblemsOf(err) {
			at(p, path, where)
		}
	}
	resolve := opt.Resolve
	if resolve == nil {
		resolve = func(name string) (Scheme, *GradePolicy, error) {
			s, err := Reference(name)
			if err != nil {
				return s, nil, err
			}
			p, err := ReferencePolicy(name)
			if err != nil {
				return s, nil, nil
			}
			return s, &p, nil
		}
	}
	var s Scheme
	var policy *GradePolicy
	switch {
	case cs.Scheme != nil:
		s = *cs.Scheme
	case cs.SchemeName != "":
		var err error
		if s, policy, err = resolve(cs.SchemeName); err != nil {
			addAll(err, "scheme", cs.schemeAt)
			return nil, ps.Err()
		}
	default:
		at(&dangjian.Problem{Kind: dangjian.ErrMissing, Detail: "a case file names its scheme or gives it"}, "scheme", cs.schemeAt)
		return nil, ps.Err()
	}
	schemePath := "scheme"
	if cs.Scheme == nil {
		schemePath = ""
	}
	sc, err := Compile(s)
	if err != nil {
		for _, p := range dangjian.ProblemsOf(err) {
			if cs.Scheme == nil && p.Value == "" {
				p.Value = cs.SchemeName
			}
			at(p, schemePath, cs.schemeAt)
		}
		return nil, ps.Err()
	}
	policyPath, policyAt := "", cs.schemeAt
	if cs.Policy != nil {
		policy, policyPath, policyAt = cs.Policy, "policy", cs.policyAt
	}
	var g *Grader
	grades := sc.Grades()
	if policy != nil {
		if g, err = NewGrader(*policy); err != nil {
			addAll(err, policyPath, policyAt)
			return nil, ps.Err()
		}
		grades = append(policy.Grades, "-")
	}
	total := sc.rounds[atTotal]
	rep := &CaseReport{Scheme: sc.Name(), Cases: []CaseResult{}}
	if policy != nil {
		rep.Policy = policy.Name
	}
	for i := range cs.Cases {
		c := &cs.Cases[i]
		path := "cases[" + strconv.Itoa(i) + "]"
		bad := ps.Len()
		for j := range c.Expect {
			x := &c.Expect[j]
			ep := path + ".expect[" + strconv.Itoa(j) + "]"
			problem := func(field, value, detail string, where pos) {
				at(&dangjian.Problem{Kind: ErrInvalid, ID: x.ID, Value: value, Detail: detail}, ep+"."+field, where)
			}
			switch {
			case !x.Total.IsSet():
				problem("total", "", "an expectation gives the total", x.at)
			case total.ok && x.Total.places < 0:
				problem("total", x.Total.text, "the scheme rounds the total to "+strconv.Itoa(int(total.rp.Places))+" places: write it as a decimal", x.totalAt)
			case total.ok && x.Total.places > total.rp.Places:
				problem("total", x.Total.text, "written with "+strconv.Itoa(int(x.Total.places))+" decimal places, but the scheme rounds the total to "+strconv.Itoa(int(total.rp.Places))+": it could never be got", x.totalAt)
			}
			if x.Grade != "" && !containsString(grades, x.Grade) {
				problem("grade", x.Grade, "not a grade the grading gives; the grades are "+strings.Join(grades, ", "), x.gradeAt)
			}
			if x.Rank < 0 {
				problem("rank", strconv.Itoa(x.Rank), "a rank is 1 or more (leave it out not to check it)", x.at)
			}
		}
		results := make([]Result, 0, len(c.Subjects))
		for j, sub := range c.Subjects {
			res, err := sc.Explain(sub)
			if err != nil {
				var where pos
				if j < len(c.subAt) {
					where = c.subAt[j]
				}
				for _, p := range dangjian.ProblemsOf(err) {
					if p.ID == "" {
						p.ID = sub.ID
					}
					at(p, path+".subjects["+strconv.Itoa(j)+"]", where)
				}
				continue
			}
			results = append(results, res)
		}
		if ps.Len() > bad {
			continue
		}
		rk, err := NewRanking(sc, results, g)
		if err != nil {
			addAll(err, path, c.at)
			continue
		}
		cr := CaseResult{Name: c.Name, Line: c.at.line, Pass: true}
		for _, x := range c.Expect {
			row, ok := rk.Row(x.ID)
			if !ok { // an ID checked by DecodeCases; a Cases built in Go may miss one
				at(&dangjian.Problem{Kind: dangjian.ErrUnknownRef, ID: x.ID, Value: x.ID, Detail: "the case has no subject of this ID"}, path+".expect", x.at)
				continue
			}
			var diffs []CaseDiff
			if !x.Total.Matches(row.Result.Total) {
				diffs = append(diffs, CaseDiff{"total", x.Total.text, row.Result.Total.String()})
			}
			if got := orNone(row.Grade()); x.Grade != "" && x.Grade != got {
				diffs = append(diffs, CaseDiff{"grade", x.Grade, got})
			}
			if x.Rank > 0 && x.Rank != row.Rank {
				diffs = append(diffs, CaseDiff{"rank", strconv.Itoa(x.Rank), orNone(rankText(row.Rank))})
			}
			if len(diffs) > 0 {
				cr.Pass = false
				cr.Failures = append(cr.Failures, CaseFailure{Subject: x.ID, Line: x.at.line, Diffs: diffs, Result: row.Result, Graded: row.Graded})
			}
		}
		if cr.Pass {
			rep.Passed++
		} else {
			rep.Failed++
		}
		rep.Cases = append(rep.Cases, cr)
	}
	return rep, ps.Err()
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func orNone(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// WriteText prints the report: a line for each case, "ok" or "FAIL" with
// its name and line; under a failing case, each expectation not met
// ("J1 (line 12): total want 91.2, got 91.1"), the subject's trace
// ([Node.WriteText]) and the steps of its grading; then the count of the
// cases that passed. It returns the first error of w.
func (r *CaseReport) WriteText(w io.Writer) error {
	ew := &errWriter{w: w}
	fmt.Fprintf(ew, "scheme %s", r.Scheme)
	if r.Policy != "" {
		fmt.Fprintf(ew, ", policy %s", r.Policy)
	}
	fmt.Fprintln(ew)
	for _, c := range r.Cases {
		status := "ok  "
		if !c.Pass {
			status = "FAIL"
		}
		fmt.Fprintf(ew, "%s %s", status, c.Name)
		if c.Line > 0 {
			fmt.Fprintf(ew, " (line %d)", c.Line)
		}
		fmt.Fprintln(ew)
		for _, f := range c.Failures {
			fmt.Fprintf(ew, "  %s", f.Subject)
			if f.Line > 0 {
				fmt.Fprintf(ew, " (line %d)", f.Line)
			}
			for i, d := range f.Diffs {
				sep := ": "
				if i > 0 {
					sep = "; "
				}
				fmt.Fprintf(ew, "%s%s want %s, got %s", sep, d.Field, d.Want, d.Got)
			}
			fmt.Fprintln(ew)
			if f.Result != nil && f.Result.Trace != nil {
				f.Result.Trace.writeText(ew, "    ", nil)
			}
			if g := f.Graded; g != nil {
				fmt.Fprintf(ew, "    grading: ")
				if g.Ungraded {
					fmt.Fprint(ew, "not graded")
				} else {
					fmt.Fprintf(ew, "rank %d, grade %s", g.Rank, g.Grade)
				}
				fmt.Fprintln(ew)
				for _, st := range g.Steps {
					fmt.Fprintf(ew, "      %s\n", st)
				}
			}
		}
	}
	fmt.Fprintf(ew, "%d of %d cases pass\n", r.Passed, r.Passed+r.Failed)
	return ew.err
}
