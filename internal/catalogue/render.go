package catalogue

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/dangjian-go/dangjian"
)

// Command is the command that rewrites the catalogue files.
const Command = "go run ./internal/catalogue/cmd/gen"

// File names of the catalogue, at the module root.
const (
	MarkdownFile = "RULES.md"
	JSONFile     = "rules.json"
)

// Mark is a confidence mark with its meaning.
type Mark struct {
	Code    string `json:"code"`
	Label   string `json:"label"`
	Meaning string `json:"meaning"`
}

// Marks returns the confidence marks an entry may carry, in order.
func Marks() []Mark {
	return []Mark{
		{dangjian.Verified.String(), dangjian.Verified.Label(), "the wording was seen in a copy of the source (most copies seen were reposts, not the official publication)"},
		{dangjian.Reported.String(), dangjian.Reported.Label(), "taken from a secondary page that quotes or paraphrases the source"},
		{dangjian.Unverified.String(), dangjian.Unverified.Label(), "recalled, not confirmed in any copy: check before relying on it, and replace it with your own value if it differs"},
		{dangjian.LocalPractice.String(), dangjian.LocalPractice.Label(), "a local arrangement (a province, a city, one organization), not a central rule: another place replaces it"},
		{dangjian.LibraryChoice.String(), dangjian.LibraryChoice.Label(), "a value the library chose where no source gives one: a parameter to replace with your own, never a rule of any document"},
		{Uncited, "未注出处", "the data cites no source for this number (an assess reference scheme's bands or rounding points); the scheme's note says which numbers are the library's own"},
	}
}

// modalities explains the modality codes.
var modalities = []Mark{
	{dangjian.Must.String(), dangjian.Must.Label(), "应当 / 必须: shall; a breach is an error"},
	{dangjian.Usually.String(), dangjian.Usually.Label(), "一般 / 原则上: normally; a breach is a warning, often covered by an approval"},
	{dangjian.May.String(), dangjian.May.Label(), "可以: may, usually with approval; a finding is information"},
}

// catalogueJSON is the layout of rules.json.
type catalogueJSON struct {
	Generator  string       `json:"generator"`
	Confidence []Mark       `json:"confidence"`
	Modality   []Mark       `json:"modality"`
	Notes      []FamilyNote `json:"notes"`
	Rules      []Entry      `json:"rules"`
}

// JSON renders the catalogue as rules.json: an object with the generating
// command, the confidence marks and modalities with their meanings, the
// notes of the families that have one, and the rules, one object per rule
// with lowerCamel keys; an open end of a period is "". HTML characters are
// not escaped; the text ends with a new line.
func JSON(c Catalogue) ([]byte, error) {
	entries, notes := c.Rules, c.Notes
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if entries == nil {
		entries = []Entry{}
	}
	if notes == nil {
		notes = []FamilyNote{}
	}
	if err := enc.Encode(catalogueJSON{Generator: Command, Confidence: Marks(), Modality: modalities, Notes: notes, Rules: entries}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// family is the entries of one family, in order.
type family struct {
	name    string
	entries []Entry
}

// areas groups the entries by area and family, keeping the order in which
// each first appears.
func areas(entries []Entry) (names []string, byArea map[string][]family) {
	byArea = map[string][]family{}
	for _, e := range entries {
		fams, seen := byArea[e.Area]
		if !seen {
			names = append(names, e.Area)
		}
		i := slices.IndexFunc(fams, func(f family) bool { return f.name == e.Family })
		if i < 0 {
			fams = append(fams, family{name: e.Family})
			i = len(fams) - 1
		}
		fams[i].entries = append(fams[i].entries, e)
		byArea[e.Area] = fams
	}
	return names, byArea
}

var areaIntro = map[string]string{
	"orgmodel": "Formation and governance rules of party organizations: `orgmodel.NationalRules()`, the rules the reference city's set `yanji.Rules()` (package place/yanji) adds to them, and `orgmodel.DefaultNesting()`. The value reads the rule's fields: `full`/`all` members counted, `at_least` (≥, 以上 read inclusively) or `more_than` (>, 超过).",
	"orglife":  "Organizational life (三会一课, 主题党日, 组织生活会, 民主评议党员, 谈心谈话): `orglife.NationalRules()` and the local presets a rule set adds with `With` (`orglife.LectureQuarterly()`, …). A frequency is counted per calendar period; a quorum compares present × den with expected × num in integers.",
	"funding":  "Party dues (`dues.Rules2008()`, `dues.Rules2017()`), the individual income tax on wages (`tax.NationalRules()`), remittance of dues (`remit.Rules()`, and Yanji's share in `yanji.RemitRules()`), enterprise party work funds (`enterprise.Rules()`), village funds and pay floors (`standard.VillageFloors()`), Yanji's standards (`yanji.Standards()`) and Xiamen's pay ladder (`xiamen.Ladder2009()`); the packages are under `funding/` and `place/`. Amounts are in 元 with two decimals; rates are exact percentages.",
	"assess":   "The reference assessment schemes (`assess.Reference(name)`) and their grading policies (`assess.ReferencePolicy(name)`), and the reference city's scheme and policy (`yanji.Scheme()`, `yanji.Policy()`, package place/yanji). Schemes have no rule IDs: an entry's ID is the scheme name and the path of the part (component, indicator, item or clause IDs), and its source is the one the part cites by ID; each number of a part is an entry of its own, the part's ID and `#` and the field (`…/work_day#cap`, `…/groups/leaders#weight`, `…/quota/优秀#base`), cited to the source the part's `cites` name for it, else to the part's (`ours`, library_choice, marks the library's own numbers). Numbers are exact decimals or fractions. The schemes are not dated: they have no window.",
}

// Markdown renders the catalogue as RULES.md: an introduction saying how
// the page is made and what the marks mean, a table of contents, then one
// section per area and one table per family, after the family's note and
// sources where it has them.
func Markdown(c Catalogue) []byte {
	entries := c.Rules
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("<!-- Code generated by %s; DO NOT EDIT. -->\n\n", Command)
	w("# Rules catalogue\n\n")
	w("Every rule the module ships, with its value, the window in which it is in force, its source and how well the source was checked. ")
	w("The page is generated from the rule tables themselves by `%s`, which also writes `%s` (the same entries for programs: one object per rule, lowerCamel keys). ", Command, JSONFile)
	w("`go test ./internal/catalogue` fails when either file is out of date, so what you read here is what the code applies.\n\n")
	w("The evidence behind each mark is data too: `%s`, beside this page, gives for each entry what the library's reference note supports and where the note is, ", EvidenceFile)
	w("and the same tests fail when an entry's mark claims more than its row (verified > reported = local_practice > unverified > library_choice > uncited), ")
	w("or when a number the note says the library chose is cited to any other source.\n\n")
	w("Doc comments cite rules by their ID (`ORG-BRANCH-MIN-3`): search this page for it. ")
	w("A window `[from, to)` includes `from` and excludes `to`; `…` is an open end. ")
	w("Values are exact text from the tables, never rounded. ")
	w("The rule tables are plain values: a caller may replace any rule (a province's amount, a corrected date) with its own, citing its own source.\n\n")
	w("Confidence marks:\n\n")
	for _, m := range Marks() {
		w("- `%s` (%s): %s.\n", m.Code, m.Label, m.Meaning)
	}
	w("\nModality, where a rule has one:\n\n")
	for _, m := range modalities {
		w("- `%s` (%s): %s.\n", m.Code, m.Label, m.Meaning)
	}
	names, byArea := areas(entries)
	w("\n## Contents\n\n")
	for _, a := range names {
		n := 0
		for _, f := range byArea[a] {
			n += len(f.entries)
		}
		w("- [%s](#%s) (%d rules):", a, anchor(a), n)
		for i, f := range byArea[a] {
			sep := ","
			if i == 0 {
				sep = ""
			}
			w("%s [%s](#%s)", sep, f.name, anchor(f.name))
		}
		w("\n")
	}
	for _, a := range names {
		w("\n## %s\n\n", a)
		if intro := areaIntro[a]; intro != "" {
			w("%s\n", intro)
		}
		for _, f := range byArea[a] {
			tables := distinctTables(f.entries)
			w("\n### %s\n\n", f.name)
			w("From `%s`.\n\n", strings.Join(tables, "`, `"))
			if i := slices.IndexFunc(c.Notes, func(n FamilyNote) bool { return n.Area == a && n.Family == f.name }); i >= 0 {
				writeNote(w, c.Notes[i])
			}
			cols := []string{"ID", "Value", "Applies to", "Modality", "In force", "Source", "Confidence", "Note", "Wording"}
			if len(tables) > 1 {
				cols = append(cols, "Table")
			}
			cols = keepUsed(cols, a == "assess", f.entries)
			w("| %s |\n|%s\n", strings.Join(cols, " | "), strings.Repeat(" --- |", len(cols)))
			for _, e := range f.entries {
				cells := make([]string, len(cols))
				for i, col := range cols {
					cells[i] = cell(cellOf(e, col))
				}
				w("| %s |\n", strings.Join(cells, " | "))
			}
		}
	}
	return []byte(b.String())
}

// writeNote writes a family's note as a quotation and its sources as a
// list.
func writeNote(w func(string, ...any), n FamilyNote) {
	if n.Note != "" {
		w("> %s\n\n", strings.ReplaceAll(oneLine(n.Note), "<", "&lt;"))
	}
	if len(n.Sources) == 0 {
		return
	}
	w("Sources cited by ID:\n\n")
	for _, s := range n.Sources {
		line := "`" + s.ID + "`: " + s.Doc
		if s.Article != "" {
			line += " " + s.Article
		}
		if s.URL != "" {
			line += " (" + s.URL + ")"
		}
		line += " — " + s.Confidence
		if s.Note != "" {
			line += "; " + s.Note
		}
		w("- %s\n", strings.ReplaceAll(oneLine(line), "<", "&lt;"))
	}
	w("\n")
}

// keepUsed drops the optional columns (applies to, modality, note,
// wording) that no entry of the family fills.
//
// In the assess area, which dates nothing, the window column is optional
// too.
func keepUsed(cols []string, undated bool, es []Entry) []string {
	optional := map[string]bool{"Applies to": true, "Modality": true, "Note": true, "Wording": true, "In force": undated}
	var out []string
	for _, col := range cols {
		used := !optional[col]
		for _, e := range es {
			if used {
				break
			}
			used = cellOf(e, col) != ""
		}
		if used {
			out = append(out, col)
		}
	}
	return out
}

func cellOf(e Entry, col string) string {
	switch col {
	case "ID":
		return "`" + e.ID + "`"
	case "Value":
		return e.Value
	case "Applies to":
		return e.Scope
	case "Modality":
		return e.Modality
	case "In force":
		if e.Period == (Period{}) && e.Area == "assess" {
			return ""
		}
		return window(e.Period)
	case "Source":
		s := e.Source.Doc
		if e.Source.Article != "" {
			s += " " + e.Source.Article
		}
		if e.Source.URL != "" {
			s += " (" + e.Source.URL + ")"
		}
		return s
	case "Confidence":
		return e.Source.Confidence
	case "Note":
		return e.Source.Note
	case "Wording":
		return e.Wording
	case "Table":
		return e.Table
	}
	return ""
}

func window(p Period) string {
	if p.From == "" && p.To == "" {
		return "always"
	}
	from, to := p.From, p.To
	if from == "" {
		from = "…"
	}
	if to == "" {
		to = "…"
	}
	return "[" + from + ", " + to + ")"
}

// cell makes text safe in a Markdown table cell.
func cell(s string) string {
	s = oneLine(s)
	s = strings.ReplaceAll(s, `\`, `\\`)
	s = strings.ReplaceAll(s, "|", `\|`)
	s = strings.ReplaceAll(s, "<", "&lt;")
	return s
}

// anchor is the GitHub anchor of a heading.
func anchor(h string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(h) {
		switch {
		case r == ' ':
			b.WriteRune('-')
		case r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r > 127:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func distinctTables(es []Entry) []string {
	var out []string
	for _, e := range es {
		for _, t := range strings.Split(e.Table, ", ") {
			if !slices.Contains(out, t) {
				out = append(out, t)
			}
		}
	}
	return out
}

// Generate builds the catalogue and renders both files: RULES.md and
// rules.json.
func Generate() (markdown, js []byte, err error) {
	c, err := Build()
	if err != nil {
		return nil, nil, err
	}
	js, err = JSON(c)
	if err != nil {
		return nil, nil, err
	}
	return Markdown(c), js, nil
}
