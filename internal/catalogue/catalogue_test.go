package catalogue_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
	"github.com/dangjian-go/dangjian/due"
	"github.com/dangjian-go/dangjian/funding/dues"
	"github.com/dangjian-go/dangjian/funding/enterprise"
	"github.com/dangjian-go/dangjian/funding/standard"
	"github.com/dangjian-go/dangjian/funding/tax"
	"github.com/dangjian-go/dangjian/internal/catalogue"
	"github.com/dangjian-go/dangjian/internal/golden"
	"github.com/dangjian-go/dangjian/orglife"
	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/dangjian-go/dangjian/place/xiamen"
	"github.com/dangjian-go/dangjian/place/yanji"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// root is the module root, relative to this package's directory.
var root = filepath.Join("..", "..")

// TestUpToDate regenerates the catalogue in memory and compares it with the
// committed files. With -update it rewrites them, as the generator does.
func TestUpToDate(t *testing.T) {
	md, js, err := catalogue.Generate()
	require.NoError(t, err)
	for _, f := range []struct {
		name string
		got  []byte
	}{{catalogue.MarkdownFile, md}, {catalogue.JSONFile, js}} {
		path := filepath.Join(root, f.name)
		if golden.Update() {
			require.NoError(t, os.WriteFile(path, f.got, 0o644))
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%s is missing: run %s (from the module root): %v", f.name, catalogue.Command, err)
			continue
		}
		if !bytes.Equal(want, f.got) {
			t.Errorf("%s is out of date: run %s (from the module root) and commit the result; first differences:\n%s",
				f.name, catalogue.Command, golden.Diff(string(want), string(f.got)))
		}
	}
}

// TestEntries checks every entry: an ID that appears exactly once, a value,
// a source document and a known confidence mark, a valid modality, and
// periods in ISO form.
func TestEntries(t *testing.T) {
	cat, err := catalogue.Build()
	require.NoError(t, err)
	entries := cat.Rules
	require.NotEmpty(t, entries)
	marks := map[string]bool{}
	for _, m := range catalogue.Marks() {
		marks[m.Code] = true
	}
	seen := map[string]int{}
	for i, e := range entries {
		seen[e.ID]++
		where := e.ID
		assert.NotEmpty(t, e.ID, "entries[%d] has no ID", i)
		assert.Contains(t, []string{"orgmodel", "orglife", "funding", "assess", "due"}, e.Area, where)
		assert.NotEmpty(t, e.Family, where)
		assert.NotEmpty(t, e.Table, where)
		assert.NotEmpty(t, strings.TrimSpace(e.Value), "%s has no value", where)
		assert.NotEmpty(t, strings.TrimSpace(e.Source.Doc), "%s has no source document", where)
		assert.True(t, marks[e.Source.Confidence], "%s: confidence %q is not a known mark", where, e.Source.Confidence)
		if e.Source.Confidence == catalogue.Uncited {
			assert.Equal(t, "assess", e.Area, "%s: only assess schemes have uncited numbers", where)
		}
		if e.Modality != "" {
			m, err := dangjian.ParseModality(e.Modality)
			assert.NoError(t, err, where)
			assert.True(t, m.IsValid(), where)
		}
		for _, d := range []string{e.Period.From, e.Period.To} {
			if d != "" {
				_, err := dangjian.ParseDate(d)
				assert.NoError(t, err, where)
			}
		}
		assert.NotContains(t, e.Value, "\n", where)
	}
	for id, n := range seen {
		assert.Equal(t, 1, n, "rule ID %q appears %d times", id, n)
	}
}

// schemeNames are the names of the schemes the catalogue lists: assess's
// reference schemes and the reference city's.
func schemeNames() []string { return append(assess.ReferenceNames(), yanji.SchemeName) }

// scheme returns the scheme called name, one of [schemeNames].
func scheme(name string) (assess.Scheme, error) {
	if name == yanji.SchemeName {
		return yanji.Scheme()
	}
	return assess.Reference(name)
}

// TestCoverage checks the catalogue against the rule headers the packages
// list themselves: every rule of every table is in, and nothing else
// outside assess.
func TestCoverage(t *testing.T) {
	cat, err := catalogue.Build()
	require.NoError(t, err)
	entries := cat.Rules
	var want []string
	for _, r := range yanji.Rules().Rules { // national and Yanji's own
		want = append(want, r.ID)
	}
	want = append(want, orgmodel.DefaultNesting().ID)
	for _, rs := range []dues.Rules{dues.Rules2008(), dues.Rules2017()} {
		for _, h := range rs.Rules() {
			want = append(want, h.ID)
		}
	}
	for _, h := range tax.NationalRules().Rules() {
		want = append(want, h.ID)
	}
	for _, s := range yanji.RemitRules() { // remit.Rules and Yanji's share
		want = append(want, s.ID)
	}
	for _, r := range enterprise.Rules() {
		want = append(want, r.ID)
	}
	for _, f := range standard.VillageFloors() {
		want = append(want, f.ID)
	}
	for _, s := range yanji.Standards().Items {
		want = append(want, s.ID)
	}
	want = append(want, xiamen.Ladder2009().ID)
	for _, r := range orglife.NationalRules().With(orglife.LectureQuarterly(), orglife.StrictVoteQuorum(),
		orglife.CommitteeQuorumTwoThirds(), orglife.PartyDayAttendance()).Rules {
		want = append(want, r.ID)
	}
	want = append(want, orglife.LectureTwiceYearly().ID, orglife.LectureMonthly().ID)
	for _, r := range due.DefaultLeads() {
		want = append(want, r.ID)
	}
	slices.Sort(want)
	want = slices.Compact(want)

	var got []string
	schemes := map[string]bool{}
	for _, e := range entries {
		if e.Area == "assess" {
			schemes[strings.SplitN(e.ID, "/", 2)[0]] = true
			continue
		}
		got = append(got, e.ID)
	}
	slices.Sort(got)
	assert.Equal(t, want, got)
	for _, name := range schemeNames() {
		assert.True(t, schemes[name], "reference scheme %s is not catalogued", name)
	}
}

// TestValues pins the value text of a few rules of each kind: exact text,
// as the tables hold it.
func TestValues(t *testing.T) {
	cat, err := catalogue.Build()
	require.NoError(t, err)
	entries := cat.Rules
	byID := map[string]catalogue.Entry{}
	for _, e := range entries {
		byID[e.ID] = e
	}
	tests := []struct {
		id, value, modality, from, to, confidence string
	}{
		{"ORG-BRANCH-MIN-3", "full members at_least 3; target joint_branch", "must", "", "", "verified"},
		{"ORG-BRANCH-CMTE-7", "where full members at_least 7; 3–5 seats (finding above 7)", "must", "", "", "verified"},
		{"ORG-TERM-BRANCH-2017", "3–5 years; ±1 year(s) with an approval; approval kind term_change", "must", "2017-10-24", "2018-07-12", "unverified"},
		{"YJ-SITE-COMMUNITY-500", "area at_least 500 ㎡", "usually", "", "", "local_practice"},
		{"DUES-WAGE-3", "base up to 10000.00 元 inclusive: 1.5% of the whole base", "", "2008-04-01", "", "verified"},
		{"DUES-CAP-1000", "at most 1000.00 元 a month; voluntary payments above it allowed", "usually", "2017-01-01", "", "verified"},
		{"DUES-LUMP-SUM-1000", "lump_sum: 1000.00 元 or more", "", "2008-04-01", "", "verified"},
		{"TAX-CUM-2019-7", "above 960000.00: 45%, quick deduction 181920.00", "", "2019-01-01", "", "verified"},
		{"TAX-SAD-ELDERLY-2023", "3000.00 元 a month, each sibling's share at most 1500.00 元", "", "2023-01-01", "", "verified"},
		{"DUES-REMIT-CENTRE-5PCT", "5% of the total, to 中共中央组织部, due by the end of month 4 of the next year", "", "2008-04-01", "", "verified"},
		{"ENT-SOE-CARRY-STOP-2PCT", "soe_carry_stop: 2% of the wage total", "must", "2017-01-01", "", "verified"},
		{"HB-2021-VILLAGE-DEPUTY-70", "at least 2 × the county's prior-year rural per-capita disposable income × 0.7 (rounded ceiling to 0.01)", "must", "2021-01-01", "", "local_practice"},
		{"YJ-COMMUNITY-COMMITTEE-PAY", "3310.00 元, per_person_month (an average over units)", "", "", "", "local_practice"},
		{"minzhu-pingyi/policy/quota/优秀", "at most 1/3", "usually", "", "", "verified"},
		{"minzhu-pingyi/policy/quota/优秀#base", "of the graded subjects; the text says 党员总数, literally all (GradePolicy.Literal)", "", "", "", "library_choice"},
		{"minzhu-pingyi/policy/quota/优秀#count", "the count rounded floor", "", "", "", "library_choice"},
		{"xingji/policy/quota/五星#ties", "ties at the cut-off all_out", "", "", "", "library_choice"},
		{"xingji/policy/quota/五星#base", "of the graded subjects; the text says 总数, literally all (GradePolicy.Literal)", "", "", "", "library_choice"},
		// A scheme's part and each of its numbers, each with its own
		// source (issue 11, D13–D17, D19).
		{"yanji-shuzhi/daily/sanqiang/zhendi/platform_use", "deduction per percentage point below the threshold (whole points)", "", "", "", "local_practice"},
		{"yanji-shuzhi/daily/sanqiang/zhendi/platform_use#perPoint", "0.2 per percentage point", "", "", "", "local_practice"},
		{"yanji-shuzhi/daily/sanqiang/zhendi/platform_use#threshold", "90", "", "", "", "library_choice"},
		{"yanji-shuzhi/daily/sanqiang/zhendi/platform_use#cap", "at most 4", "", "", "", "library_choice"},
		{"yanji-shuzhi/daily/sanshi/yashi/work_day#points", "0.5 per occurrence", "", "", "", "local_practice"},
		{"yanji-shuzhi/daily/sanshi/yashi/work_day#cap", "at most 3", "", "", "", "library_choice"},
		{"yanji-shuzhi/daily", "component: the sum of its indicators, weighted into the total", "", "", "", "local_practice"},
		{"yanji-shuzhi/daily#weight", "0.7", "", "", "", "library_choice"},
		{"yanji-shuzhi/daily/sanshi#max", "35", "", "", "", "library_choice"},
		{"yanji-shuzhi/review", "component: the sum of its indicators, weighted into the total", "", "", "", "verified"},
		{"yanji-shuzhi/review#weight", "0.3", "", "", "", "library_choice"},
		{"yanji-shuzhi/review/ceping#levels", "好 100, 较好 80, 一般 60, 差 40", "", "", "", "local_practice"},
		{"yanji-shuzhi/review/ceping#unknown", "不了解 not a valid vote", "", "", "", "local_practice"},
		{"yanji-shuzhi/review/ceping/groups/leaders#weight", "0.3", "", "", "", "library_choice"},
		{"yanji-shuzhi/review/ceping/groups/members#minRaters", "at least 10 raters", "", "", "", "library_choice"},
		{"yanji-shuzhi/bonus#cap", "5", "", "", "", "library_choice"},
		{"yanji-shuzhi/bonus/project_award_city#points", "1", "", "", "", "local_practice"},
		{"yanji-shuzhi/bonus/project_award_city#cap", "at most 2", "", "", "", "local_practice"},
		{"minzhu-pingyi/ceping", "component: the sum of its indicators, weighted into the total", "", "", "", "verified"},
		{"minzhu-pingyi/ceping#weight", "0.8", "", "", "", "library_choice"},
		{"minzhu-pingyi/ceping/votes#levels", "优秀 100, 合格 80, 基本合格 60, 不合格 0", "", "", "", "library_choice"},
		{"minzhu-pingyi/ceping/votes/groups/members#minRaters", "at least 3 raters", "", "", "", "library_choice"},
		{"minzhu-pingyi/richang#weight", "0.2", "", "", "", "library_choice"},
		{"xingji/gates/advanced", "flag advanced_org: set_grade", "", "", "", "local_practice"},
		{"xingji/gates/advanced#grade", "五星", "", "", "", "library_choice"},
		{"xingji/base#weight", "0.7", "", "", "", "local_practice"},
		{"yanji-shuzhi/bands", "好 [90, …); 较好 [80, 90); 一般 [60, 80); 差 [0, 60)", "", "", "", "library_choice"},
		{"xingji/bands", "五星 [90, …); 四星 [80, 90); 三星 [70, 80); 二星 [60, 70); 一星 [0, 60)", "", "", "", "local_practice"},
		{"yanji-shuzhi/policy/ranking", "competition ranks; within each category; ties broken by component review desc, ballots 好 desc", "", "", "", catalogue.Uncited},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			e, ok := byID[tt.id]
			require.True(t, ok, "not catalogued")
			assert.Equal(t, tt.value, e.Value)
			assert.Equal(t, tt.modality, e.Modality)
			assert.Equal(t, catalogue.Period{From: tt.from, To: tt.to}, e.Period)
			assert.Equal(t, tt.confidence, e.Source.Confidence)
		})
	}
	// A rule both dues sets hold is listed once, naming both.
	assert.Equal(t, "dues.Rules2008, dues.Rules2017", byID["DUES-WAGE-1"].Table)
	assert.Equal(t, "dues.Rules2017", byID["DUES-CAP-1000"].Table)
}

// TestJSON checks rules.json: it decodes strictly into the entries, with
// lowerCamel keys, and says what each mark means.
func TestJSON(t *testing.T) {
	cat, err := catalogue.Build()
	require.NoError(t, err)
	entries := cat.Rules
	js, err := catalogue.JSON(cat)
	require.NoError(t, err)
	var doc struct {
		Generator  string                 `json:"generator"`
		Confidence []catalogue.Mark       `json:"confidence"`
		Modality   []catalogue.Mark       `json:"modality"`
		Notes      []catalogue.FamilyNote `json:"notes"`
		Rules      []catalogue.Entry      `json:"rules"`
	}
	dec := json.NewDecoder(bytes.NewReader(js))
	dec.DisallowUnknownFields()
	require.NoError(t, dec.Decode(&doc))
	assert.Equal(t, entries, doc.Rules)
	assert.Equal(t, cat.Notes, doc.Notes)
	assert.Equal(t, catalogue.Command, doc.Generator)
	assert.Equal(t, catalogue.Marks(), doc.Confidence)
	assert.Len(t, doc.Modality, 3)
	var raw struct {
		Rules []map[string]json.RawMessage `json:"rules"`
	}
	require.NoError(t, json.Unmarshal(js, &raw))
	for _, key := range []string{"area", "family", "table", "id", "value", "period", "source"} {
		assert.Contains(t, raw.Rules[0], key)
	}
	assert.Contains(t, string(js), `"doc": "中国共产党支部工作条例（试行）"`, "no escaping of non-ASCII text")
	assert.NotContains(t, string(js), `\u003c`, "no HTML escaping")
}

// TestMarkdown checks the page's structure: the introduction, one section
// per area, every ID once in a table row, and cells that cannot break a
// table.
func TestMarkdown(t *testing.T) {
	cat, err := catalogue.Build()
	require.NoError(t, err)
	entries := cat.Rules
	md := string(catalogue.Markdown(cat))
	assert.True(t, strings.HasPrefix(md, "<!-- Code generated by "+catalogue.Command+"; DO NOT EDIT. -->\n"))
	for _, s := range []string{"## orgmodel\n", "## funding\n", "## assess\n", "- `verified` (已核实)", "- `uncited` (未注出处)", "### Dues scales\n"} {
		assert.Contains(t, md, s)
	}
	for _, e := range entries {
		assert.Equal(t, 1, strings.Count(md, "| `"+e.ID+"` |"), "row of %s", e.ID)
	}
	// A row has as many cells as its header.
	var cols int
	for _, line := range strings.Split(md, "\n") {
		if !strings.HasPrefix(line, "|") {
			cols = 0
			continue
		}
		n := strings.Count(strings.ReplaceAll(line, `\|`, ""), "|")
		if cols == 0 {
			cols = n
		}
		assert.Equal(t, cols, n, "line %q", line)
	}
}

// TestEscaping renders entries whose text could break a Markdown table.
func TestEscaping(t *testing.T) {
	e := catalogue.Entry{Area: "funding", Family: "F", Table: "T", ID: "X-1", Value: "a | b\nc <d>",
		Source: catalogue.Source{Doc: `back\slash`, Confidence: "verified"}}
	md := string(catalogue.Markdown(catalogue.Catalogue{Rules: []catalogue.Entry{e}}))
	assert.Contains(t, md, "| `X-1` | a \\| b c &lt;d> | always | back\\\\slash | verified |\n")
}

// TestSchemeParts counts, in each reference scheme, the parts that carry
// numbers, and checks that the catalogue has one entry for each.
func TestSchemeParts(t *testing.T) {
	cat, err := catalogue.Build()
	require.NoError(t, err)
	for _, name := range schemeNames() {
		s, err := scheme(name)
		require.NoError(t, err)
		want := len(s.Components) + len(s.Gates)
		if len(s.Rounding) > 0 {
			want++
		}
		if len(s.Bands) > 0 {
			want++
		}
		for _, b := range []*assess.Bonus{s.Bonus, s.Extra} {
			if b != nil {
				want += 1 + len(b.Items)
			}
		}
		var walk func(assess.Indicator)
		walk = func(ind assess.Indicator) {
			want++
			for _, ch := range ind.Children {
				walk(ch)
			}
			if m := ind.Method; m != nil {
				want += len(m.Items) + len(m.Clauses)
				if m.Table != nil {
					want += len(m.Table.Rules)
				}
			}
		}
		for _, c := range s.Components {
			for _, ind := range c.Indicators {
				walk(ind)
			}
		}
		got := 0
		for _, e := range cat.Rules {
			// Parts only: a number of a part is an entry of its own,
			// the part's ID and "#" and the field.
			if strings.HasPrefix(e.ID, name+"/") && !strings.HasPrefix(e.ID, name+"/policy/") && !strings.Contains(e.ID, "#") {
				got++
			}
		}
		assert.Equal(t, want, got, name)
	}
}
