package orglife

import (
	"cmp"
	"io"
	"slices"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/strictjson"
)

// The indexes of meetingFields.
const (
	fID = iota
	fOrg
	fType
	fAlso
	fDate
	fYear
	fExpected
	fPresent
	fVotingExpected
	fVotingPresent
)

var meetingFields = strictjson.NewFields("id", "org", "type", "also", "date", "year", "expected", "present", "votingExpected", "votingPresent")

// jsonPath maps the paths of [Meeting.Check]'s problems to JSON fields.
var jsonPath = map[string]string{"org_id": "org", "type": "type", "date": "date", "expected": "expected", "present": "present",
	"voting_expected": "votingExpected", "voting_present": "votingPresent", "also": "also", "year": "year"}

// ScanJSON reads meeting records from a JSON array within the default
// [dangjian.Limits]; see [ScanJSONWith].
func ScanJSON(r io.Reader, each func(m Meeting, bad dangjian.Problems) error) error {
	return ScanJSONWith(r, dangjian.Limits{}, each)
}

// ScanJSONWith reads meeting records from a JSON array within lim, one
// element at a time, as a [Meeting] encodes:
//
//	[{"org": "B1", "type": "member_meeting", "date": "2024-03-28", "expected": 9, "present": 8,
//	  "votingExpected": 8, "votingPresent": 7},
//	 {"id": "M2", "org": "B1", "type": "组织生活会", "also": ["支部党员大会"], "date": "2025-01-15",
//	  "year": 2024, "expected": 9, "present": 9}]
//
// org, type, date, expected and present are required; votingExpected and
// votingPresent go together (a vote was taken). Types are English codes,
// Chinese labels or aliases; counts are JSON integers without sign, at
// most [MaxCount]; year is the 年度 label. Fields are case-sensitive; an
// unknown or repeated field is a problem.
//
// each gets each good element as a Meeting (its Line the line of its
// '{') and nil, and each bad one as a Meeting with only Org (if read) and
// Line and its problems, each with the path ("[3].present"), the line and
// column (1-based, in characters) where the value starts, the element's
// org as ID and the value. Good elements go on after a bad one.
// ScanJSONWith holds one element (and a window of the input) at a time.
// It returns the problem that stops the reading as a [dangjian.Problems]:
// input that is not JSON or not an array ([dangjian.ErrSyntax]), not
// UTF-8 ([dangjian.ErrEncoding]), a limit met ([dangjian.ErrLimit]); or
// the first error each returns. lim.MaxProblems is the caller's to apply
// ([Checker.AddJSON] does).
func ScanJSONWith(r io.Reader, lim dangjian.Limits, each func(m Meeting, bad dangjian.Problems) error) error {
	return scanJSON(r, lim, nil, each)
}

func scanJSON(r io.Reader, lim dangjian.Limits, known func(string) bool, each func(Meeting, dangjian.Problems) error) error {
	st := strictjson.NewStreamWith(r, lim)
	st.SkipBOM = true
	t, p := st.Next()
	if p != nil {
		return dangjian.Problems{p}
	}
	if t.Kind != strictjson.BeginArray {
		line, col := st.Position(t.Off)
		return dangjian.Problems{{Kind: dangjian.ErrSyntax, Line: line, Column: col, Value: dangjian.Cut(t.Text()),
			Detail: "meetings are a JSON array of objects"}}
	}
	for i := 0; st.More(); i++ {
		t, p := st.Next()
		if p != nil {
			return dangjian.Problems{p}
		}
		src, p := st.Record(t)
		if p != nil {
			return dangjian.Problems{p}
		}
		m, bad := readMeeting(src, strictjson.Elem("", i), known)
		if len(bad) > 0 {
			err := each(Meeting{Org: m.Org, Line: m.Line}, bad)
			if err != nil {
				return err
			}
			continue
		}
		if err := each(m, nil); err != nil {
			return err
		}
	}
	if _, p := st.Next(); p != nil { // ']'
		return dangjian.Problems{p}
	}
	if _, p := st.Next(); p != nil { // the end, or data after the array
		return dangjian.Problems{p}
	}
	return nil
}

// readMeeting reads one element, whose bytes the stream has checked.
func readMeeting(src *strictjson.Source, path string, known func(string) bool) (Meeting, dangjian.Problems) {
	var ps dangjian.Problems
	sc := strictjson.NewScanner(src)
	sc.Root = path
	t, p := sc.Next()
	m := Meeting{}
	m.Line, _ = src.Position(0)
	if p != nil {
		return m, dangjian.Problems{p}
	}
	if t.Kind != strictjson.BeginObject {
		return m, dangjian.Problems{src.Problem(dangjian.ErrInvalid, t.Off, path, t.Text(), "a meeting is an object")}
	}
	var seen strictjson.Seen
	var at [10]int // where each field's value starts, +1 (0: not seen)
	var gotVE, gotVP bool
	for sc.More() {
		k, p := sc.Next()
		if p != nil {
			return m, dangjian.Problems{p}
		}
		v, p := sc.Next()
		if p != nil {
			return m, dangjian.Problems{p}
		}
		f, ok := meetingFields.LookupToken(k)
		if !ok || seen.Has(f) {
			// A field that is a problem: its key as written.
			key := k.Text()
			fpath := strictjson.Field(path, key)
			if !ok {
				ps.Add(src.Problem(dangjian.ErrUnknownField, k.Off, fpath, key, meetingFields.Unknown(key)))
			} else {
				ps.Add(src.Problem(dangjian.ErrInvalid, k.Off, fpath, key, strictjson.DetailRepeated))
			}
			if p := sc.Skip(v); p != nil {
				return m, dangjian.Problems{p}
			}
			continue
		}
		seen.Add(f)
		name := meetingFields.Name(f)
		fp := func() string { return strictjson.Field(path, name) } // only for a problem
		at[f] = v.Off + 1
		bad := func(k *dangjian.Kind, detail string) { ps.Add(src.Problem(k, v.Off, fp(), v.Text(), detail)) }
		str := func() (string, bool) {
			if v.Kind != strictjson.String {
				bad(dangjian.ErrInvalid, "want a string, got "+v.Describe())
				return "", false
			}
			return v.Text(), true
		}
		num := func() (int64, bool) {
			if v.Kind != strictjson.Number {
				bad(dangjian.ErrInvalid, "want an integer, got "+v.Describe())
				return 0, false
			}
			n, w := parseCount(v.Text())
			if w != nil {
				bad(w.kind, w.detail)
				return 0, false
			}
			return n, true
		}
		switch name {
		case "id":
			m.ID, _ = str()
		case "org":
			if s, ok := str(); ok {
				switch {
				case s == "":
					bad(dangjian.ErrMissing, "a meeting names its organization")
				case known != nil && !known(s):
					bad(dangjian.ErrUnknownRef, "no organization with this id in the tree")
					m.Org = s
				default:
					m.Org = s
				}
			}
		case "type":
			if s, ok := str(); ok {
				if ty, err := ParseType(s); err != nil || s == "" {
					bad(dangjian.ErrInvalid, detailType)
				} else {
					m.Type = ty
				}
			}
		case "also":
			if v.Kind != strictjson.BeginArray {
				bad(dangjian.ErrInvalid, "want an array of types, got "+v.Describe())
				if p := sc.Skip(v); p != nil {
					return m, dangjian.Problems{p}
				}
				continue
			}
			for j := 0; sc.More(); j++ {
				e, p := sc.Next()
				if p != nil {
					return m, dangjian.Problems{p}
				}
				epath := strictjson.Elem(fp(), j)
				if e.Kind != strictjson.String {
					ps.Add(src.Problem(dangjian.ErrInvalid, e.Off, epath, e.Text(), "want a type, got "+e.Describe()))
					if p := sc.Skip(e); p != nil {
						return m, dangjian.Problems{p}
					}
					continue
				}
				ty, err := ParseType(e.Text())
				if err != nil || e.Text() == "" {
					ps.Add(src.Problem(dangjian.ErrInvalid, e.Off, epath, e.Text(), detailType))
					continue
				}
				m.Also = append(m.Also, ty)
			}
			if _, p := sc.Next(); p != nil { // ]
				return m, dangjian.Problems{p}
			}
		case "date":
			if s, ok := str(); ok {
				if d, err := dangjian.ParseDate(s); err != nil {
					bad(dangjian.ErrInvalid, "want a YYYY-MM-DD date")
				} else {
					m.Date = d
				}
			}
		case "year":
			if n, ok := num(); ok {
				if n < 1 || n > 9999 {
					bad(dangjian.ErrInvalid, "a 年度 is a year")
				} else {
					m.Year = int(n)
				}
			}
		case "expected":
			m.Expected, _ = num()
		case "present":
			m.Present, _ = num()
		case "votingExpected":
			m.VotingExpected, gotVE = num()
		case "votingPresent":
			m.VotingPresent, gotVP = num()
		}
		if v.Kind == strictjson.BeginObject || (v.Kind == strictjson.BeginArray && name != "also") {
			if p := sc.Skip(v); p != nil {
				return m, dangjian.Problems{p}
			}
		}
	}
	if _, p := sc.Next(); p != nil { // }
		return m, dangjian.Problems{p}
	}
	for _, f := range []int{fOrg, fType, fDate, fExpected, fPresent} {
		if at[f] == 0 {
			name := meetingFields.Name(f)
			ps.Add(src.Problem(dangjian.ErrMissing, 0, strictjson.Field(path, name), "", "a meeting needs "+name))
		}
	}
	hasVE, hasVP := at[fVotingExpected] > 0, at[fVotingPresent] > 0
	switch {
	case hasVE && !hasVP:
		ps.Add(src.Problem(dangjian.ErrMissing, 0, strictjson.Field(path, "votingPresent"), "", "it goes with votingExpected"))
	case hasVP && !hasVE:
		ps.Add(src.Problem(dangjian.ErrMissing, 0, strictjson.Field(path, "votingExpected"), "", "it goes with votingPresent"))
	}
	m.Voting = gotVE && gotVP
	if len(ps) == 0 {
		if p := m.Check(); p != nil {
			f := jsonPath[p.Path]
			i, _ := meetingFields.Lookup(f)
			off := max(at[i]-1, 0)
			ps.Add(src.Problem(p.Kind, off, strictjson.Field(path, f), p.Value, p.Detail))
		}
	}
	strictjson.FillID(ps, m.Org)
	slices.SortStableFunc(ps, func(a, b *dangjian.Problem) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	})
	return m, ps
}

// AddJSON reads meetings from a JSON array as [ScanJSONWith] does and
// counts each good one, as [Checker.AddCSV] does for CSV.
func (c *Checker) AddJSON(r io.Reader, lim dangjian.Limits) (rows dangjian.Problems, stop error) {
	pc := dangjian.NewProblemCap(lim.MaxProblems)
	known := func(id string) bool { _, ok := c.lookup(id); return ok }
	stop = scanJSON(r, lim, known, func(m Meeting, bad dangjian.Problems) error {
		if bad != nil {
			pc.AddAll(bad)
			return nil
		}
		if err := c.Add(m); err != nil {
			pc.AddAll(dangjian.ProblemsOf(err))
		}
		return nil
	})
	return pc.Problems(), stop
}
