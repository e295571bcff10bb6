package orglife

import (
	"io"
	"strconv"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/csvtable"
)

// The CSV columns. The first five are required.
const (
	colOrg = iota
	colType
	colDate
	colExpected
	colPresent
	colVotingExpected
	colVotingPresent
	colID
	colAlso
	colYear
	numCols
)

var csvSpec = csvtable.Spec{ID: "org_id", Columns: []csvtable.Column{
	{Name: "org_id", Chinese: "组织编号", Aliases: []string{"党组织编号", "组织", "党组织"}, Required: true},
	{Name: "type", Chinese: "会议类型", Aliases: []string{"类型", "组织生活类型"}, Required: true},
	{Name: "date", Chinese: "日期", Aliases: []string{"召开日期", "会议日期", "开展日期"}, Required: true},
	{Name: "expected", Chinese: "应到人数", Aliases: []string{"应到"}, Required: true},
	{Name: "present", Chinese: "实到人数", Aliases: []string{"实到"}, Required: true},
	{Name: "voting_expected", Chinese: "应到有表决权人数", Aliases: []string{"有表决权应到"}},
	{Name: "voting_present", Chinese: "实到有表决权人数", Aliases: []string{"有表决权实到"}},
	{Name: "id", Chinese: "记录编号", Aliases: []string{"会议编号"}},
	{Name: "also", Chinese: "合并召开", Aliases: []string{"合并类型"}},
	{Name: "year", Chinese: "年度"},
}}

// colOf maps the paths of [Meeting.Check]'s problems to columns.
var colOf = map[string]int{"org_id": colOrg, "type": colType, "date": colDate, "expected": colExpected,
	"present": colPresent, "voting_expected": colVotingExpected, "voting_present": colVotingPresent,
	"also": colAlso, "year": colYear}

// ScanCSV reads meeting records from a CSV table, one per row, and passes
// each to each as soon as it is read, within the default
// [dangjian.Limits]; see [ScanCSVWith].
func ScanCSV(r io.Reader, each func(m Meeting, bad dangjian.Problems) error) error {
	return ScanCSVWith(r, dangjian.Limits{}, each)
}

// ScanCSVWith reads meeting records from a CSV table within lim, holding
// one row at a time.
//
// The required columns are org_id, type, date, expected and present; the
// optional ones voting_expected and voting_present (both or neither: a
// vote was taken), id (the record's own id), also (the types the sitting
// was combined with, separated by ";", "；", "、" or "|") and year (the
// 年度 label). The header may name them in English (any case) or Chinese:
// 组织编号, 会议类型 (or 类型), 日期 (召开日期, 会议日期), 应到人数 (应到), 实到人数
// (实到), 应到有表决权人数, 实到有表决权人数, 记录编号, 合并召开, 年度. type and
// also take an English code, a Chinese label or an alias ([ParseType]);
// dates are YYYY-MM-DD; counts are base-10 integers without sign, at most
// [MaxCount]; an empty voting pair means no vote.
//
// each gets each good row as a Meeting (its Line the line the row starts
// on) and nil, and each bad row as a Meeting with only Org and Line set
// and its problems: one per bad cell, in column order, with the line, the
// column's 1-based position and its name as the header wrote it, the
// row's org_id as ID and the cell as Value; then the checks between cells
// ([Meeting.Check]). Good rows go on after a bad one. ScanCSVWith returns
// the problems that stop the reading: a header problem
// ([dangjian.ErrHeader]), text that is not CSV ([dangjian.ErrSyntax]), a
// limit met ([dangjian.ErrLimit]), each as a [dangjian.Problems]; an error
// of r as it is; or the first error each returns. lim.MaxProblems is the
// caller's to apply to the rows' problems ([dangjian.ProblemCap];
// [Checker.AddCSV] does).
func ScanCSVWith(r io.Reader, lim dangjian.Limits, each func(m Meeting, bad dangjian.Problems) error) error {
	return scanCSV(r, lim, nil, each)
}

// scanCSV is ScanCSVWith; known, if not nil, says whether an org_id names
// an organization, so that one that does not is a problem of its cell.
func scanCSV(r io.Reader, lim dangjian.Limits, known func(string) bool, each func(Meeting, dangjian.Problems) error) error {
	t, err := csvtable.OpenWith(r, &csvSpec, lim)
	if err != nil {
		return err
	}
	h := t.Header()
	if h.Has(colVotingExpected) != h.Has(colVotingPresent) {
		missing, other := "voting_present", "voting_expected"
		if h.Has(colVotingPresent) {
			missing, other = other, missing
		}
		return dangjian.Problems{h.MissingColumn(missing, "it goes with "+other)}
	}
	var bad dangjian.Problems
	for t.Next() {
		if t.Blank() {
			continue
		}
		bad = t.EncodingProblems()
		if len(bad) == 0 {
			if p := t.WidthProblem(); p != nil {
				bad = append(bad, p)
			}
		}
		var m Meeting
		if len(bad) == 0 {
			m, bad = readRow(t, known)
		}
		if len(bad) > 0 {
			err = each(Meeting{Org: t.ID(), Line: t.Line()}, bad)
		} else {
			err = each(m, nil)
		}
		if err != nil {
			return err
		}
	}
	return t.Err()
}

// readRow reads the current row.
func readRow(t *csvtable.Reader, known func(string) bool) (Meeting, dangjian.Problems) {
	var ps dangjian.Problems
	m := Meeting{Line: t.Line()}
	h := t.Header()
	m.Org = strings.Clone(t.Cell(colOrg))
	switch {
	case m.Org == "":
		ps.Add(t.Problem(colOrg, "", dangjian.ErrMissing, ""))
	case known != nil && !known(m.Org):
		ps.Add(t.Problem(colOrg, m.Org, dangjian.ErrUnknownRef, "no organization with this id in the tree"))
	}
	if s := t.Cell(colType); s == "" {
		ps.Add(t.Problem(colType, "", dangjian.ErrMissing, "a meeting has a type"))
	} else if v, err := ParseType(s); err != nil {
		ps.Add(t.Problem(colType, s, dangjian.ErrInvalid, detailType))
	} else {
		m.Type = v
	}
	if s := t.Cell(colDate); s == "" {
		ps.Add(t.Problem(colDate, "", dangjian.ErrMissing, ""))
	} else if d, err := dangjian.ParseDate(s); err != nil {
		ps.Add(t.Problem(colDate, s, dangjian.ErrInvalid, "want a YYYY-MM-DD date"))
	} else {
		m.Date = d
	}
	count := func(c int, required bool) (int64, bool) {
		s := t.Cell(c)
		if s == "" {
			if required {
				ps.Add(t.Problem(c, "", dangjian.ErrMissing, ""))
			}
			return 0, false
		}
		v, p := parseCount(s)
		if p != nil {
			ps.Add(t.Problem(c, s, p.kind, p.detail))
			return 0, false
		}
		return v, true
	}
	m.Expected, _ = count(colExpected, true)
	m.Present, _ = count(colPresent, true)
	if h.Has(colVotingExpected) {
		ve, okE := count(colVotingExpected, false)
		vp, okP := count(colVotingPresent, false)
		es, vs := t.Cell(colVotingExpected), t.Cell(colVotingPresent)
		switch {
		case es == "" && vs != "":
			ps.Add(t.Problem(colVotingExpected, "", dangjian.ErrMissing, "it goes with voting_present"))
		case es != "" && vs == "":
			ps.Add(t.Problem(colVotingPresent, "", dangjian.ErrMissing, "it goes with voting_expected"))
		case okE && okP:
			m.Voting, m.VotingExpected, m.VotingPresent = true, ve, vp
		}
	}
	if h.Has(colID) {
		m.ID = strings.Clone(t.Cell(colID))
	}
	if h.Has(colAlso) {
		if s := t.Cell(colAlso); s != "" {
			for _, part := range splitTypes(s) {
				v, err := ParseType(part)
				if err != nil || part == "" {
					ps.Add(t.Problem(colAlso, s, dangjian.ErrInvalid, detailType))
					break
				}
				m.Also = append(m.Also, v)
			}
		}
	}
	if h.Has(colYear) {
		if s := t.Cell(colYear); s != "" {
			y, err := strconv.Atoi(s)
			if err != nil || len(s) != 4 || y < 1 {
				ps.Add(t.Problem(colYear, s, dangjian.ErrInvalid, "a 年度 is a four-digit year"))
			} else {
				m.Year = y
			}
		}
	}
	if len(ps) == 0 {
		if p := m.Check(); p != nil {
			c := colOf[p.Path]
			ps.Add(t.Problem(c, p.Value, p.Kind, p.Detail))
		}
	}
	if len(ps) > 0 {
		return Meeting{}, ps
	}
	return m, nil
}

const detailType = "want a meeting type: member_meeting, committee_meeting, group_meeting, party_lecture, party_day, life_meeting, member_review, heart_talk, or its Chinese label"

// splitTypes splits a list of types.
func splitTypes(s string) []string {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '；' || r == '、' || r == '|' })
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	if len(parts) == 0 {
		return []string{""}
	}
	return parts
}

type why struct {
	kind   *dangjian.Kind
	detail string
}

// parseCount reads a count: base-10 digits, at most MaxCount.
func parseCount(s string) (int64, *why) {
	if s == "" {
		return 0, &why{dangjian.ErrMissing, ""}
	}
	if s[0] == '-' {
		return 0, &why{dangjian.ErrNegative, ""}
	}
	var v int64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, &why{dangjian.ErrInvalid, "not a base-10 count"}
		}
		v = v*10 + int64(c-'0')
		if v > MaxCount {
			return 0, &why{dangjian.ErrOverflow, "at most 1,000,000,000"}
		}
	}
	return v, nil
}

// AddCSV reads meetings from a CSV table as [ScanCSVWith] does and counts
// each good row ([Checker.Add]); a row whose org_id the tree does not have
// is a problem of its cell. It returns the problems of the bad rows, at
// most lim.MaxProblems of them and then one counting the rest
// ([dangjian.ProblemCap]), and separately the error that stopped the
// reading (as ScanCSVWith returns it); the rows before it were counted.
func (c *Checker) AddCSV(r io.Reader, lim dangjian.Limits) (rows dangjian.Problems, stop error) {
	pc := dangjian.NewProblemCap(lim.MaxProblems)
	known := func(id string) bool { _, ok := c.lookup(id); return ok }
	stop = scanCSV(r, lim, known, func(m Meeting, bad dangjian.Problems) error {
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
