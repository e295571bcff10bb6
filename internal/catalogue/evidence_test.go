package catalogue_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/catalogue"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// awaiting lists the entries whose evidence shows a fix that lies outside
// this package's reach for now, each with the reason. The check still runs
// on them: their problems are logged, not failed, and an entry whose
// problem has gone must leave the list. Keep it empty whenever possible.
var awaiting = map[string]string{}

// readEvidence reads the module's evidence file.
func readEvidence(t *testing.T) []catalogue.Evidence {
	t.Helper()
	f, err := os.Open(filepath.Join(root, catalogue.EvidenceFile))
	require.NoError(t, err)
	defer f.Close()
	rows, err := catalogue.ReadEvidence(f)
	for _, p := range dangjian.ProblemsOf(err) {
		t.Error(p)
	}
	if dangjian.ProblemsOf(err) == nil {
		require.NoError(t, err)
	}
	return rows
}

// TestEvidence walks every catalogue entry (every rule and every number of
// the reference schemes) against evidence.csv, the evidence of its
// reference note (issue 11): it fails on an entry without a row, a row
// without an entry, an entry whose confidence ranks above its row's, and
// an entry its row says the library chose but that cites another source.
func TestEvidence(t *testing.T) {
	cat, err := catalogue.Build()
	require.NoError(t, err)
	rows := readEvidence(t)
	entries := cat.Rules
	require.True(t, slices.ContainsFunc(entries, func(e catalogue.Entry) bool { return e.Area == "assess" }), "the reference schemes' numbers are checked too")
	require.NotEmpty(t, entries)
	found := map[string]bool{}
	for _, p := range catalogue.CheckEvidence(entries, rows) {
		if why, ok := awaiting[p.ID]; ok {
			found[p.ID] = true
			t.Logf("awaiting (%s): %v", why, p)
			continue
		}
		t.Error(p)
	}
	for id := range awaiting {
		assert.True(t, found[id], "%s has no evidence problem any more: take it off the awaiting list", id)
	}
}

// TestRank pins the order of the marks: verified > reported = local
// practice > unverified > library_choice > uncited; every mark of the
// catalogue has a rank, and nothing else does.
func TestRank(t *testing.T) {
	tests := []struct {
		mark string
		rank int
		ok   bool
	}{
		{"verified", 4, true},
		{"reported", 3, true},
		{"local_practice", 3, true},
		{"unverified", 2, true},
		{"library_choice", 1, true},
		{"uncited", 0, true},
		{"", 0, false},
		{"Verified", 0, false},
		{"ours", 0, false},
		{"已核实", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.mark, func(t *testing.T) {
			rank, ok := catalogue.Rank(tt.mark)
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.rank, rank)
		})
	}
	for _, m := range catalogue.Marks() {
		_, ok := catalogue.Rank(m.Code)
		assert.True(t, ok, "mark %s has no rank", m.Code)
	}
}

// entry is a crafted catalogue entry with the given ID and mark.
func entry(id, mark string) catalogue.Entry {
	return catalogue.Entry{Area: "funding", Family: "F", Table: "T", ID: id, Value: "1%",
		Source: catalogue.Source{Doc: "某文件", Article: "第一条", Confidence: mark}}
}

// row is a crafted evidence row.
func row(id, mark string, line int) catalogue.Evidence {
	return catalogue.Evidence{ID: id, Confidence: mark, Reference: "FUNDING-RULES.md §1", Note: "what the note says", Line: line}
}

// TestCheckEvidence feeds the check crafted entries and rows: each mark
// against each mark a row may give, a missing row, a stale row, the
// library's own value cited elsewhere.
func TestCheckEvidence(t *testing.T) {
	marks := []string{"verified", "reported", "local_practice", "unverified", "library_choice", "uncited"}
	rowMarks := marks[:5]
	for _, em := range marks {
		for _, rm := range rowMarks {
			t.Run(em+"/"+rm, func(t *testing.T) {
				have, _ := catalogue.Rank(em)
				want, _ := catalogue.Rank(rm)
				ps := catalogue.CheckEvidence([]catalogue.Entry{entry("X-1", em)}, []catalogue.Evidence{row("X-1", rm, 2)})
				switch {
				case have <= want:
					assert.Empty(t, ps)
				case rm == "library_choice":
					require.Len(t, ps, 1)
					assert.ErrorIs(t, ps[0], catalogue.ErrBorrowedCitation)
				default:
					require.Len(t, ps, 1)
					assert.ErrorIs(t, ps[0], catalogue.ErrOverclaim)
				}
			})
		}
	}

	tests := []struct {
		name    string
		entries []catalogue.Entry
		rows    []catalogue.Evidence
		want    []string // each problem as it prints
	}{
		{"all good", []catalogue.Entry{entry("A-1", "verified"), entry("B-1", "library_choice")},
			[]catalogue.Evidence{row("A-1", "verified", 2), row("B-1", "library_choice", 3)}, nil},
		{"an entry claims more than its note",
			[]catalogue.Entry{entry("A-1", "verified")}, []catalogue.Evidence{row("A-1", "reported", 2)},
			[]string{`evidence.csv:2: confidence (id "A-1"): confidence above its evidence: marked verified (某文件 第一条) but its row says reported (FUNDING-RULES.md §1: what the note says) ("verified")`}},
		{"the library's own value cited to a document",
			[]catalogue.Entry{entry("A-1", "unverified")}, []catalogue.Evidence{row("A-1", "library_choice", 7)},
			[]string{`evidence.csv:7: confidence (id "A-1"): the library's own value cited to another source: marked unverified (某文件 第一条) but its row says library_choice (FUNDING-RULES.md §1: what the note says): cite the value to the library's own source ("unverified")`}},
		{"an entry without a row", []catalogue.Entry{entry("A-1", "verified")}, nil,
			[]string{`evidence.csv (id "A-1"): no evidence row: marked verified (某文件 第一条) and no row: add one with what its reference note supports ("verified")`}},
		{"a row without an entry", nil, []catalogue.Evidence{row("Z-9", "verified", 4)},
			[]string{`evidence.csv:4: id (id "Z-9"): evidence row for no entry: the row (verified, FUNDING-RULES.md §1) names no catalogue entry: remove it or correct the id ("Z-9")`}},
		{"a mark that is no mark", []catalogue.Entry{entry("A-1", "ours")}, []catalogue.Evidence{row("A-1", "library_choice", 2)},
			[]string{`evidence.csv:2: confidence (id "A-1"): invalid value: marked "ours", which is not a confidence mark`}},
		{"under-claiming is fine", []catalogue.Entry{entry("A-1", "unverified"), entry("A-2", "uncited")},
			[]catalogue.Evidence{row("A-1", "verified", 2), row("A-2", "library_choice", 3)}, nil},
		{"every problem, entries first",
			[]catalogue.Entry{entry("A-1", "verified"), entry("B-1", "reported"), entry("C-1", "local_practice")},
			[]catalogue.Evidence{row("A-1", "unverified", 2), row("A-2", "verified", 3), row("C-1", "reported", 4)},
			[]string{
				`evidence.csv:2: confidence (id "A-1"): confidence above its evidence: marked verified (某文件 第一条) but its row says unverified (FUNDING-RULES.md §1: what the note says) ("verified")`,
				`evidence.csv (id "B-1"): no evidence row: marked reported (某文件 第一条) and no row: add one with what its reference note supports ("reported")`,
				`evidence.csv:3: id (id "A-2"): evidence row for no entry: the row (verified, FUNDING-RULES.md §1) names no catalogue entry: remove it or correct the id ("A-2")`,
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range catalogue.CheckEvidence(tt.entries, tt.rows) {
				got = append(got, p.Error())
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestCheckEvidenceCatches takes the real catalogue and the real evidence
// and makes one entry over-claim, and one row say the library chose a
// number the entry cites to a document: the check must report exactly
// those, so the real test cannot pass by not looking.
func TestCheckEvidenceCatches(t *testing.T) {
	cat, err := catalogue.Build()
	require.NoError(t, err)
	rows := readEvidence(t)
	entries := cat.Rules
	base := map[string]bool{}
	for _, p := range catalogue.CheckEvidence(entries, rows) {
		base[p.ID] = true
	}

	// Raise the first entry whose row is below verified to verified.
	byID := map[string]catalogue.Evidence{}
	for _, r := range rows {
		byID[r.ID] = r
	}
	raised := append([]catalogue.Entry(nil), entries...)
	var target string
	for i, e := range raised {
		if r, ok := byID[e.ID]; ok && r.Confidence != "verified" && !base[e.ID] {
			raised[i].Source.Confidence = "verified"
			target = e.ID
			break
		}
	}
	require.NotEmpty(t, target)
	ps := newProblems(catalogue.CheckEvidence(raised, rows), base)
	require.Len(t, ps, 1)
	assert.ErrorIs(t, ps[0], catalogue.ErrOverclaim)
	assert.Equal(t, target, ps[0].ID)
	assert.Contains(t, ps[0].Error(), "marked verified")
	assert.Contains(t, ps[0].Error(), byID[target].Reference)

	// Say of the first verified entry that the library chose its number.
	borrowed := append([]catalogue.Evidence(nil), rows...)
	var id string
	for i, r := range borrowed {
		if r.Confidence == "verified" && !base[r.ID] {
			borrowed[i].Confidence = "library_choice"
			id = r.ID
			break
		}
	}
	require.NotEmpty(t, id)
	ps = newProblems(catalogue.CheckEvidence(entries, borrowed), base)
	require.Len(t, ps, 1)
	assert.ErrorIs(t, ps[0], catalogue.ErrBorrowedCitation)
	assert.Equal(t, id, ps[0].ID)

	// Drop a row, and add one for an entry that does not exist.
	dropped := append([]catalogue.Evidence(nil), rows[1:]...)
	dropped = append(dropped, catalogue.Evidence{ID: "ORG-NO-SUCH-RULE", Confidence: "verified", Reference: "ORG-RULES.md row 1", Note: "n"})
	ps = newProblems(catalogue.CheckEvidence(entries, dropped), base)
	require.Len(t, ps, 2)
	assert.ErrorIs(t, ps[0], catalogue.ErrNoEvidence)
	assert.Equal(t, rows[0].ID, ps[0].ID)
	assert.ErrorIs(t, ps[1], catalogue.ErrStaleEvidence)
}

// newProblems drops the problems of the entries in base (those the
// awaiting list holds).
func newProblems(ps dangjian.Problems, base map[string]bool) dangjian.Problems {
	var out dangjian.Problems
	for _, p := range ps {
		if !base[p.ID] {
			out = append(out, p)
		}
	}
	return out
}

// TestReadEvidence reads crafted files: every problem of a row is reported
// with its line and column, and the good rows go on.
func TestReadEvidence(t *testing.T) {
	const header = "id,confidence,reference,note\n"
	tests := []struct {
		name string
		in   string
		ids  []string
		want []string
	}{
		{"good", header + "A-1,verified,ORG-RULES.md row 8,seen\nB-1,library_choice,FIDELITY-AUDIT.md D13,\"ours, not theirs\"\n",
			[]string{"A-1", "B-1"}, nil},
		{"BOM, CRLF and a blank line", "\uFEFF" + strings.ReplaceAll(header+"A-1,reported,YANJI.md §5,n\n\n", "\n", "\r\n"),
			[]string{"A-1"}, nil},
		{"every problem of a row", header + "A-1,uncited,RULES.md,\n",
			nil, []string{
				`evidence.csv:2:4: note (id "A-1"): missing value`,
				`evidence.csv:2:2: confidence (id "A-1"): invalid value: want one of verified, reported, unverified, local_practice, library_choice ("uncited")`,
				`evidence.csv:2:3: reference (id "A-1"): invalid value: want a reference note first: one of ORG-RULES.md, FUNDING-RULES.md, YANJI.md, ASSESSMENT-PRACTICE.md, ORGLIFE-RULES.md, DEVELOP-RULES.md, FIDELITY-AUDIT.md ("RULES.md")`,
			}},
		{"a label or another case is not a code", header + "A-1,已核实,ORG-RULES.md row 1,n\nA-2,Verified,ORG-RULES.md row 1,n\nA-3,ours,ORG-RULES.md row 1,n\n",
			nil, []string{
				`evidence.csv:2:2: confidence (id "A-1"): invalid value: want one of verified, reported, unverified, local_practice, library_choice ("已核实")`,
				`evidence.csv:3:2: confidence (id "A-2"): invalid value: want one of verified, reported, unverified, local_practice, library_choice ("Verified")`,
				`evidence.csv:4:2: confidence (id "A-3"): invalid value: want one of verified, reported, unverified, local_practice, library_choice ("ours")`,
			}},
		{"a note file must be named as a word", header + "A-1,verified,ORG-RULES.mdx,n\n", nil,
			[]string{`evidence.csv:2:3: reference (id "A-1"): invalid value: want a reference note first: one of ORG-RULES.md, FUNDING-RULES.md, YANJI.md, ASSESSMENT-PRACTICE.md, ORGLIFE-RULES.md, DEVELOP-RULES.md, FIDELITY-AUDIT.md ("ORG-RULES.mdx")`}},
		{"order and repeats", header + "B-1,verified,ORG-RULES.md,n\nA-1,verified,ORG-RULES.md,n\nB-1,verified,ORG-RULES.md,n\nC-1,verified,ORG-RULES.md,n\n",
			[]string{"B-1", "C-1"}, []string{
				`evidence.csv:3:1: id (id "A-1"): invalid value: not sorted by id: comes after "B-1" ("A-1")`,
				`evidence.csv:4:1: id (id "B-1"): duplicate ID: one row per entry ("B-1")`,
			}},
		{"width and encoding", header + "A-1,verified\nB-1,verified,ORG-RULES.md,\xb1\xe0\nC-1,verified,ORG-RULES.md,n\n",
			[]string{"C-1"}, []string{
				`evidence.csv:2 (id "A-1"): invalid value: 2 fields, the header has 4`,
				`evidence.csv:3:4: note (id "B-1"): not valid UTF-8: save the file as UTF-8, not GBK ("\xb1\xe0")`,
			}},
		{"a missing id", header + ",verified,ORG-RULES.md,n\n", nil,
			[]string{`evidence.csv:2:1: id: missing value`}},
		{"header", "id,confidence,ref\n", nil, []string{
			`evidence.csv:1:3: ref: invalid header: unknown column ("ref")`,
			`evidence.csv:1: reference: invalid header: missing required column`,
			`evidence.csv:1: note: invalid header: missing required column`,
		}},
		{"header in another case", "ID,confidence,reference,note\n", nil, []string{
			`evidence.csv:1:1: ID: invalid header: unknown column ("ID")`,
			`evidence.csv:1: id: invalid header: missing required column`,
		}},
		{"empty", "", nil, []string{`evidence.csv:1: invalid header: no header row`}},
		{"not CSV", header + "A-1,\"verified,x,y\n", nil, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := catalogue.ReadEvidence(strings.NewReader(tt.in))
			var ids []string
			for _, r := range rows {
				ids = append(ids, r.ID)
			}
			assert.Equal(t, tt.ids, ids)
			if tt.want == nil {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			ps := dangjian.ProblemsOf(err)
			require.NotEmpty(t, ps)
			if len(tt.want) == 0 { // a syntax error: its text is csv's
				assert.ErrorIs(t, err, dangjian.ErrSyntax)
				assert.Equal(t, catalogue.EvidenceFile, ps[0].File)
				return
			}
			var got []string
			for _, p := range ps {
				got = append(got, p.Error())
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// FuzzReadEvidence: any input gives rows or problems, never a panic; every
// row returned is complete, has a confidence code and a known note, and
// the rows are strictly sorted.
func FuzzReadEvidence(f *testing.F) {
	f.Add("id,confidence,reference,note\nA-1,verified,ORG-RULES.md row 8,n\n")
	f.Add("id,confidence,reference,note\nB,reported,YANJI.md §5,\"a, b\"\nA,x,y,z\n")
	f.Add("\uFEFFid,note,reference,confidence\r\nA,n,FIDELITY-AUDIT.md D1,library_choice\r\n")
	if b, err := os.ReadFile(filepath.Join(root, catalogue.EvidenceFile)); err == nil {
		f.Add(string(b))
	}
	f.Fuzz(func(t *testing.T, in string) {
		rows, _ := catalogue.ReadEvidence(strings.NewReader(in))
		prev := ""
		for _, r := range rows {
			if r.ID == "" || r.Reference == "" || r.Note == "" {
				t.Fatalf("incomplete row %+v", r)
			}
			if _, ok := catalogue.Rank(r.Confidence); !ok || r.Confidence == catalogue.Uncited {
				t.Fatalf("row %+v: confidence %q", r, r.Confidence)
			}
			if r.ID <= prev {
				t.Fatalf("row %q after %q", r.ID, prev)
			}
			prev = r.ID
		}
	})
}

// CheckEvidence reports an entry whose confidence ranks above what its
// reference note supports.
func ExampleCheckEvidence() {
	rows, err := catalogue.ReadEvidence(strings.NewReader("id,confidence,reference,note\n" +
		"ORG-CMTE-100,reported,ORG-RULES.md row 28,rule of thumb of party-affairs handbooks\n"))
	if err != nil {
		fmt.Println(err)
		return
	}
	e := catalogue.Entry{Area: "orgmodel", Family: "Formation thresholds", Table: "orgmodel.NationalRules", ID: "ORG-CMTE-100",
		Value: "all members more_than 100", Source: catalogue.Source{Doc: "党务工作手册（多种）", Confidence: "verified"}}
	for _, p := range catalogue.CheckEvidence([]catalogue.Entry{e}, rows) {
		fmt.Println(p)
	}
	// Output:
	// evidence.csv:2: confidence (id "ORG-CMTE-100"): confidence above its evidence: marked verified (党务工作手册（多种）) but its row says reported (ORG-RULES.md row 28: rule of thumb of party-affairs handbooks) ("verified")
}

// ReadEvidence keeps the good rows and reports every problem of the others.
func ExampleReadEvidence() {
	rows, err := catalogue.ReadEvidence(strings.NewReader("id,confidence,reference,note\n" +
		"DUES-ROUND,library_choice,FUNDING-RULES.md §11,no national rule on rounding dues\n" +
		"DUES-WAGE-1,ours,FUNDING-RULES.md §1,规定 第二条\n"))
	for _, r := range rows {
		fmt.Println(r.Line, r.ID, r.Confidence, "|", r.Reference)
	}
	for _, p := range dangjian.ProblemsOf(err) {
		fmt.Println(p)
	}
	// Output:
	// 2 DUES-ROUND library_choice | FUNDING-RULES.md §11
	// evidence.csv:3:2: confidence (id "DUES-WAGE-1"): invalid value: want one of verified, reported, unverified, local_practice, library_choice ("ours")
}

// Rank orders the marks by how much they claim.
func ExampleRank() {
	for _, m := range []string{"verified", "local_practice", "reported", "unverified", "library_choice", "uncited"} {
		r, _ := catalogue.Rank(m)
		fmt.Println(r, m)
	}
	// Output:
	// 4 verified
	// 3 local_practice
	// 3 reported
	// 2 unverified
	// 1 library_choice
	// 0 uncited
}
