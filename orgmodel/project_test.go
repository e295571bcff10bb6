package orgmodel_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/orgmodel"
)

func TestProjectLasts(t *testing.T) {
	for _, tt := range []struct {
		start, end, asOf string
		months           int
		want             bool
	}{
		{"2025-01-01", "2025-06-30", "", 6, true},             // exactly 6 months: 以上 includes 6
		{"2025-01-01", "2025-06-29", "", 6, false},            // a day short
		{"2025-08-31", "2026-02-27", "", 6, true},             // 2025-08-31 + 6 months is 2026-02-28 (clamped)
		{"2025-08-31", "2026-02-26", "", 6, false},            // a day short of that
		{"2024-02-29", "2024-08-28", "", 6, true},             // leap day start
		{"2025-01-01", "", "2025-06-30", 6, true},             // no end: counted to the validation day
		{"2025-01-01", "", "2025-06-29", 6, false},            // no end, a day short
		{"2025-01-01", "2025-01-01", "", 0, true},             // 0 months always hold
		{"2025-01-01", "2035-12-31", "", 120, true},           // long projects
		{"2025-01-01", "2025-12-31", "2030-01-01", 13, false}, // End, not asOf, when recorded
	} {
		p := orgmodel.Project{Start: day(tt.start)}
		if tt.end != "" {
			p.End = day(tt.end)
		}
		var asOf dangjian.Date
		if tt.asOf != "" {
			asOf = day(tt.asOf)
		}
		assert.Equal(t, tt.want, p.Lasts(tt.months, asOf), "%s..%s (as of %s) lasts %d months", tt.start, tt.end, tt.asOf, tt.months)
	}
	p := orgmodel.Project{Start: day("2025-01-01"), End: day("2025-06-30")}
	assert.False(t, p.RunsOn(day("2024-12-31")))
	assert.True(t, p.RunsOn(day("2025-01-01")))
	assert.True(t, p.RunsOn(day("2025-06-30")))
	assert.False(t, p.RunsOn(day("2025-07-01")))
	assert.True(t, orgmodel.Project{Start: day("2025-01-01")}.RunsOn(day("2099-01-01")), "no end recorded: still running")
}

// projectTree reads testdata/csv/project.csv: a temporary general branch
// of a project with a temporary branch under it, and a party group of a
// project inside an office branch.
func projectTree(t *testing.T) *orgmodel.Tree {
	t.Helper()
	f, err := os.Open("testdata/csv/project.csv")
	require.NoError(t, err)
	defer f.Close()
	tree, err := orgmodel.ReadTreeCSV(f, orgmodel.BuildOptions{})
	require.NoError(t, err)
	return tree
}

func TestProjectBranchFindings(t *testing.T) {
	tree := projectTree(t)
	find := func(asOf string) []orgmodel.Finding {
		rep, err := orgmodel.Validate(tree, orgmodel.NationalRules(), day(asOf))
		require.NoError(t, err)
		var out []orgmodel.Finding
		for _, f := range rep.Findings {
			if f.Rule == "ORG-PROJECT-BRANCH-6M" {
				out = append(out, f)
			}
		}
		return out
	}
	// The party group's project (from 2025-04-01, no end recorded) has run
	// 6 months on 2025-09-30 (2025-04-01 + 6 months = 2025-10-01, the day
	// after); on 2025-09-29 it has not. The temporary general branch has a
	// temporary branch under it: no finding there at any day.
	assert.Empty(t, find("2025-09-29"))
	fs := find("2025-09-30")
	require.Len(t, fs, 1)
	f := fs[0]
	assert.Equal(t, "P.1.2.a", f.Subject)
	assert.Equal(t, orgmodel.Error, f.Severity)
	assert.Equal(t, "project", f.Field)
	assert.Equal(t, "2025-04-01..", f.Value)
	assert.Equal(t, 7, f.Line)
	assert.Equal(t, "第五条", f.Source.Article)
	assert.Equal(t, dangjian.Verified, f.Source.Confidence)
	assert.Contains(t, f.Message, "with 4 full members and no party branch (党支部)")
	assert.Contains(t, f.Message, "no end recorded")
}

// A project read from CSV and written back, in either language, and
// through JSON, reads back the same.
func TestProjectRoundTrip(t *testing.T) {
	tree := projectTree(t)
	want := tree.Records()
	for _, lang := range []dangjian.Lang{dangjian.English, dangjian.Chinese} {
		var buf bytes.Buffer
		require.NoError(t, orgmodel.WriteCSV(&buf, tree, uuid.Nil, lang))
		back, err := orgmodel.ReadTreeCSV(&buf, orgmodel.BuildOptions{})
		require.NoError(t, err)
		assert.Equal(t, want, back.Records(), "CSV, %v", lang)
	}
	var buf bytes.Buffer
	require.NoError(t, orgmodel.EncodeJSON(&buf, want))
	assert.Contains(t, buf.String(), `"project": {`+"\n"+`        "start": "2025-03-01",`+"\n"+`        "end": "2026-08-31"`)
	recs, err := orgmodel.DecodeJSON(&buf)
	require.NoError(t, err)
	back, err := orgmodel.Build(recs)
	require.NoError(t, err)
	got := back.Records()
	for i := range got.Orgs { // the JSON lines differ from the CSV lines
		got.Orgs[i].Line, want.Orgs[i].Line = 0, 0
	}
	assert.Equal(t, want, got, "JSON")

	// A subtree without a project is written without the project columns.
	buf.Reset()
	require.NoError(t, orgmodel.WriteCSV(&buf, tree, orgmodel.CSVID("P.1.2"), dangjian.English))
	assert.Contains(t, buf.String(), "project_end\n", "the party group's project is in the subtree")
	buf.Reset()
	office := tree.Records()
	office.Orgs = office.Orgs[:2] // the city and the group's committee only
	small, err := orgmodel.Build(office)
	require.NoError(t, err)
	require.NoError(t, orgmodel.WriteCSV(&buf, small, uuid.Nil, dangjian.English))
	assert.NotContains(t, buf.String(), "project_")
}

func TestProjectBuildProblems(t *testing.T) {
	recs := env(
		orgmodel.Org{ID: id("no-start"), Kind: orgmodel.TempBranch, Members: orgmodel.Members{Full: 3}, Project: &orgmodel.Project{End: day("2025-06-30")}},
		orgmodel.Org{ID: id("backwards"), Kind: orgmodel.TempBranch, Members: orgmodel.Members{Full: 3}, Project: &orgmodel.Project{Start: day("2025-06-30"), End: day("2025-06-29")}},
		orgmodel.Org{ID: id("one-day"), Kind: orgmodel.TempBranch, Members: orgmodel.Members{Full: 3}, Project: &orgmodel.Project{Start: day("2025-06-30"), End: day("2025-06-30")}},
	)
	_, err := orgmodel.Build(recs)
	ps := dangjian.ProblemsOf(err)
	require.Len(t, ps, 2, "%v", err)
	assert.Equal(t, "orgs[2].project.start", ps[0].Path)
	assert.Equal(t, dangjian.ErrMissing, ps[0].Kind)
	assert.Equal(t, "orgs[3].project.end", ps[1].Path)
	assert.Equal(t, dangjian.ErrInvalid, ps[1].Kind)
	assert.Equal(t, "2025-06-29", ps[1].Value)

	// CSV: a project_end without a project_start is the same problem, with
	// the row's line and id.
	_, err = orgmodel.ReadTreeCSV(bytes.NewBufferString("id,parent_id,kind,domain,name,full_members,probationary_members,project_end\n"+
		"A,,local_committee,,市委,0,0,\nB,A,temporary_branch,,项目临时党支部,3,0,2025-06-30\n"), orgmodel.BuildOptions{})
	ps = dangjian.ProblemsOf(err)
	require.Len(t, ps, 1, "%v", err)
	assert.Equal(t, "B", ps[0].ID)
	assert.Equal(t, 3, ps[0].Line)
	assert.Equal(t, dangjian.ErrMissing, ps[0].Kind)
}

// The tree keeps its own copy of a project: changing the records after
// Build, or the copy Org returns, does not change it.
func TestProjectCopied(t *testing.T) {
	p := &orgmodel.Project{Start: day("2025-01-01"), End: day("2025-12-31")}
	recs := env(orgmodel.Org{ID: subjectID, Kind: orgmodel.TempBranch, Members: orgmodel.Members{Full: 3}, Project: p})
	tree, err := orgmodel.Build(recs)
	require.NoError(t, err)
	p.End = day("2030-01-01")
	o, ok := tree.Org(subjectID)
	require.True(t, ok)
	assert.Equal(t, "2025-12-31", o.Project.End.String())
	o.Project.End = day("2031-01-01")
	o2, _ := tree.Org(subjectID)
	assert.Equal(t, "2025-12-31", o2.Project.End.String())
}
