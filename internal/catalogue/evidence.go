package catalogue

import (
	"fmt"
	"io"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/csvtable"
)

// EvidenceFile is the evidence behind the catalogue's confidence marks, at
// the module root beside RULES.md and rules.json: one row per entry ID,
// sorted by ID, saying what the library's reference note supports.
const EvidenceFile = "evidence.csv"

// Evidence is one row of [EvidenceFile]: what the library's reference note
// says about the source of one catalogue entry.
type Evidence struct {
	// ID is the entry's ID exactly.
	ID string
	// Confidence is the confidence code the note supports: verified,
	// reported, unverified, local_practice or library_choice (never
	// uncited: a note always says something).
	Confidence string
	// Reference is where the note is: a file of the reference notes and
	// the most specific place in it ("ORG-RULES.md row 28").
	Reference string
	// Note says in a few words what the note says.
	Note string
	// Line is the line the row starts on.
	Line int
}

// ReferenceNotes are the files of the library's reference notes that an
// evidence row may cite: a row's Reference starts with one of them.
var ReferenceNotes = []string{
	"ORG-RULES.md", "FUNDING-RULES.md", "YANJI.md", "ASSESSMENT-PRACTICE.md",
	"ORGLIFE-RULES.md", "DEVELOP-RULES.md", "FIDELITY-AUDIT.md",
}

// The kinds of the problems [CheckEvidence] reports.
var (
	// ErrNoEvidence: a catalogue entry has no evidence row.
	ErrNoEvidence = dangjian.NewKind("no_evidence", "no evidence row", dangjian.ErrMissing)
	// ErrStaleEvidence: an evidence row names no catalogue entry.
	ErrStaleEvidence = dangjian.NewKind("stale_evidence", "evidence row for no entry", dangjian.ErrUnknownRef)
	// ErrOverclaim: an entry's confidence ranks above what its note
	// supports.
	ErrOverclaim = dangjian.NewKind("confidence_above_evidence", "confidence above its evidence", dangjian.ErrInconsistent)
	// ErrBorrowedCitation: the note says the library chose the value, but
	// the entry cites another source for it.
	ErrBorrowedCitation = dangjian.NewKind("library_choice_cited_elsewhere", "the library's own value cited to another source", dangjian.ErrInconsistent)
)

// ranks orders the marks by how much they claim; reported and
// local_practice claim as much (a secondary quote of a central rule, a
// local document).
var ranks = map[string]int{
	dangjian.Verified.String():      4,
	dangjian.Reported.String():      3,
	dangjian.LocalPractice.String(): 3,
	dangjian.Unverified.String():    2,
	dangjian.LibraryChoice.String(): 1,
	Uncited:                         0,
}

// Rank returns how much a confidence mark claims: verified 4, reported 3
// and local_practice 3, unverified 2, library_choice 1, uncited 0. ok is
// false for a code that is not a mark of the catalogue.
func Rank(mark string) (rank int, ok bool) {
	rank, ok = ranks[mark]
	return rank, ok
}

// Columns of the evidence file.
const (
	evID = iota
	evConfidence
	evReference
	evNote
)

var evidenceSpec = csvtable.Spec{
	Columns: []csvtable.Column{
		{Name: "id", Required: true},
		{Name: "confidence", Required: true},
		{Name: "reference", Required: true},
		{Name: "note", Required: true},
	},
	ID:        "id",
	ExactCase: true,
}

// ReadEvidence reads the evidence file: a UTF-8 CSV table with the header
// id,confidence,reference,note and one row per entry ID, sorted by ID
// (byte order). It returns the good rows and, as a [dangjian.Problems]
// with File [EvidenceFile], every problem: a row of the wrong width or not
// UTF-8; an empty cell; a confidence that is not a code of
// [dangjian.Confidence] (a row never says uncited); a reference that does
// not start with one of [ReferenceNotes]; an ID out of order or repeated.
// An error of r is returned as it is.
func ReadEvidence(r io.Reader) ([]Evidence, error) {
	t, err := csvtable.Open(r, &evidenceSpec)
	if err != nil {
		return nil, inFile(err)
	}
	var (
		rows []Evidence
		bad  dangjian.Problems
		prev string
	)
	for t.Next() {
		if p := t.WidthProblem(); p != nil {
			bad.Add(p)
			continue
		}
		if ps := t.EncodingProblems(); len(ps) > 0 {
			bad = append(bad, ps...)
			continue
		}
		if t.Blank() {
			continue
		}
		e := Evidence{ID: t.Cell(evID), Confidence: t.Cell(evConfidence), Reference: t.Cell(evReference), Note: t.Cell(evNote), Line: t.Line()}
		var rowBad dangjian.Problems
		for c, v := range []string{e.ID, e.Confidence, e.Reference, e.Note} {
			if v == "" {
				rowBad.Add(t.Problem(c, v, dangjian.ErrMissing, ""))
			}
		}
		if e.Confidence != "" {
			if c, err := dangjian.ParseConfidence(e.Confidence); err != nil || c.String() != e.Confidence {
				rowBad.Add(t.Problem(evConfidence, e.Confidence, dangjian.ErrInvalid,
					"want one of verified, reported, unverified, local_practice, library_choice"))
			}
		}
		if e.Reference != "" && !knownNote(e.Reference) {
			rowBad.Add(t.Problem(evReference, e.Reference, dangjian.ErrInvalid,
				"want a reference note first: one of "+strings.Join(ReferenceNotes, ", ")))
		}
		if e.ID != "" {
			switch {
			case e.ID == prev:
				rowBad.Add(t.Problem(evID, e.ID, dangjian.ErrDuplicate, "one row per entry"))
			case e.ID < prev:
				rowBad.Add(t.Problem(evID, e.ID, dangjian.ErrInvalid, fmt.Sprintf("not sorted by id: comes after %q", prev)))
			default:
				prev = e.ID
			}
		}
		if len(rowBad) > 0 {
			bad = append(bad, rowBad...)
			continue
		}
		rows = append(rows, e)
	}
	if err := t.Err(); err != nil {
		return rows, inFile(err)
	}
	return rows, inFile(bad.Err())
}

// inFile names the evidence file in each problem of err.
func inFile(err error) error {
	for _, p := range dangjian.ProblemsOf(err) {
		p.File = EvidenceFile
	}
	return err
}

func knownNote(ref string) bool {
	for _, n := range ReferenceNotes {
		if rest, ok := strings.CutPrefix(ref, n); ok && (rest == "" || rest[0] == ' ') {
			return true
		}
	}
	return false
}

// CheckEvidence checks the entries against the evidence rows and returns a
// problem (with File [EvidenceFile]) for each entry without a row
// ([ErrNoEvidence]), each row that names no entry ([ErrStaleEvidence]),
// each entry whose confidence ranks above its row's ([Rank];
// [ErrOverclaim]: the library claims more than its note), and each entry
// whose row says library_choice but which is cited to anything but the
// library's own source, library_choice or uncited ([ErrBorrowedCitation],
// reported instead of ErrOverclaim). Every message names the entry, its
// mark and source, the row's mark and the reference. An entry whose mark
// is not a catalogue mark is a problem of kind [dangjian.ErrInvalid].
// Entries are taken in order, then the stale rows in order.
func CheckEvidence(entries []Entry, rows []Evidence) dangjian.Problems {
	byID := make(map[string]*Evidence, len(rows))
	for i := range rows {
		if _, ok := byID[rows[i].ID]; !ok {
			byID[rows[i].ID] = &rows[i]
		}
	}
	known := make(map[string]bool, len(entries))
	var bad dangjian.Problems
	for _, e := range entries {
		known[e.ID] = true
		mark := e.Source.Confidence
		r, ok := byID[e.ID]
		if !ok {
			bad.Add(&dangjian.Problem{Kind: ErrNoEvidence, File: EvidenceFile, ID: e.ID, Value: mark,
				Detail: fmt.Sprintf("marked %s (%s) and no row: add one with what its reference note supports", mark, cited(e))})
			continue
		}
		have, ok := Rank(mark)
		if !ok {
			bad.Add(&dangjian.Problem{Kind: dangjian.ErrInvalid, File: EvidenceFile, Line: r.Line, ID: e.ID, Path: "confidence", Value: mark,
				Detail: fmt.Sprintf("marked %q, which is not a confidence mark", mark)})
			continue
		}
		want, _ := Rank(r.Confidence)
		switch {
		case r.Confidence == dangjian.LibraryChoice.String() && have > want:
			bad.Add(&dangjian.Problem{Kind: ErrBorrowedCitation, File: EvidenceFile, Line: r.Line, ID: e.ID, Path: "confidence", Value: mark,
				Detail: fmt.Sprintf("marked %s (%s) but its row says %s (%s: %s): cite the value to the library's own source", mark, cited(e), r.Confidence, r.Reference, r.Note)})
		case have > want:
			bad.Add(&dangjian.Problem{Kind: ErrOverclaim, File: EvidenceFile, Line: r.Line, ID: e.ID, Path: "confidence", Value: mark,
				Detail: fmt.Sprintf("marked %s (%s) but its row says %s (%s: %s)", mark, cited(e), r.Confidence, r.Reference, r.Note)})
		}
	}
	for _, r := range rows {
		if !known[r.ID] {
			bad.Add(&dangjian.Problem{Kind: ErrStaleEvidence, File: EvidenceFile, Line: r.Line, ID: r.ID, Path: "id", Value: r.ID,
				Detail: fmt.Sprintf("the row (%s, %s) names no catalogue entry: remove it or correct the id", r.Confidence, r.Reference)})
		}
	}
	return bad
}

// cited renders an entry's citation: the document and article.
func cited(e Entry) string {
	return strings.TrimSpace(e.Source.Doc + " " + e.Source.Article)
}
