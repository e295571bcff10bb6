package conformance

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/dues"
)

// DuesCase is one dues vector: a member of a roster, the month, the rule
// set in force, and what the library computes.
type DuesCase struct {
	// File and Line locate the vector ("dues/brackets-2017.csv", 12).
	File string
	Line int
	// Name is the case name, unique in its file; it is also the member's
	// ID in the roster.
	Name string
	// Month is the date the dues are computed for (examples/dues -date);
	// RuleSet the rule set in force then, "2008" or "2017".
	Month   dangjian.Date
	RuleSet string
	// Member is the member as dues.ReadRoster reads the vector's roster
	// row (conformance/dues/roster/); Roster holds the same row's cells by
	// column name, as the file writes them.
	Member dues.Member
	Roster map[string]string
	Want   DuesWant
	// Rules are the IDs of the rules the library applied.
	Rules []string

	cols []string // the roster columns, in file order
}

// DuesWant is what the library computes for a [DuesCase]. Amounts are
// decimal text with two places; Base and Rate are empty where no rate
// applied (a flat category, a probationary member not yet due). When
// Problem is set (a dangjian.Kind code: the member cannot be computed, as
// a retired member's reduction agreed by the branch alone under the 2008
// rules), every other field is empty.
type DuesWant struct {
	Base, Rate, Dues, Rule, Total string
	// Flags are capped, lump_sum, reduced and not_yet_due, as they apply.
	Flags   []string
	Problem string
	// PayingOrg is the organization that collected the dues when it is
	// not the roster's own (a mobile member paying at the inflow
	// organization, DUES-MOBILE-INFLOW; the files dues/mobile-*.csv);
	// empty otherwise.
	PayingOrg string
}

// DuesFiles returns the names of the dues vector files
// ("dues/brackets-2008.csv", …), sorted.
func DuesFiles() []string {
	fs, _ := filesOf("dues", nil)
	return fs
}

// DuesCases returns the vectors of the named dues files (all of them when
// none is named), in file order. An error means the embedded set is stale
// or damaged, or a file is not one of [DuesFiles].
func DuesCases(files ...string) ([]DuesCase, error) {
	return casesIn("dues", files, duesCases)
}

func duesCases(name string) ([]DuesCase, error) {
	rows, err := readVectors(name, "date", "rule_set", "id", "expected_dues")
	if err != nil {
		return nil, err
	}
	roster, err := moneyFiles.ReadFile("dues/roster/" + strings.TrimPrefix(name, "dues/"))
	if err != nil {
		return nil, err
	}
	members, err := dues.ReadRoster(bytes.NewReader(roster))
	if err != nil {
		return nil, fmt.Errorf("conformance/dues/roster/%s: %w", strings.TrimPrefix(name, "dues/"), err)
	}
	if len(members) != len(rows) {
		return nil, fmt.Errorf("conformance/%s: %d vectors but %d roster rows", name, len(rows), len(members))
	}
	out := make([]DuesCase, len(rows))
	for i, r := range rows {
		m := members[i].Member
		if m.ID != r.cells["id"] {
			return nil, fmt.Errorf("%s: the roster's row %d is member %q, not %q", r.where(), i+1, m.ID, r.cells["id"])
		}
		month, err := dangjian.ParseDate(r.cells["date"])
		if err != nil {
			return nil, fmt.Errorf("%s: date: %w", r.where(), err)
		}
		c := DuesCase{File: name, Line: r.line, Name: r.cells["case"], Month: month, RuleSet: r.cells["rule_set"],
			Member: m, Roster: map[string]string{}, Rules: r.rules(),
			Want: DuesWant{Base: r.cells["expected_base"], Rate: r.cells["expected_rate"], Dues: r.cells["expected_dues"],
				Rule: r.cells["expected_rule"], Total: r.cells["expected_total"], Problem: r.cells["expected_problem"],
				PayingOrg: r.cells["expected_paying_org"]}}
		if f := r.cells["expected_flags"]; f != "" {
			c.Want.Flags = strings.Split(f, ";")
		}
		c.cols = duesRosterCols(r.cols)
		for _, col := range c.cols {
			c.Roster[col] = r.cells[col]
		}
		out[i] = c
	}
	return out, nil
}

// duesRosterCols are the roster columns of a dues vector file: those
// between rule_set and the expected values.
func duesRosterCols(cols []string) []string {
	var out []string
	for _, c := range cols {
		switch {
		case c == "case" || c == "date" || c == "rule_set" || c == "rules" || c == "ruleset" || strings.HasPrefix(c, "expected_"):
		default:
			out = append(out, c)
		}
	}
	return out
}

// CheckDues runs fn on every dues vector (of the named files; all when
// none is named) and reports each vector whose dues differ with
// t.Errorf: the file and line, the case, the inputs, the month and rule
// set, the library's dues and fn's, and the rules that decided the
// library's. fn returns the month's dues as decimal text in 元 ("93.52";
// compared exactly, so "93.5" equals "93.50"), or an error: for a vector
// the library refuses (DuesWant.Problem set), fn must return an error
// other than [ErrSkip]; [ErrSkip] skips the vector. At most [MaxReported]
// failures of a file are reported one by one. A file that cannot be read
// is reported with t.Fatalf.
func CheckDues(t testing.TB, fn func(DuesCase) (string, error), files ...string) {
	t.Helper()
	names, err := filesOf("dues", files)
	if err != nil {
		t.Fatalf("%v", err)
		return
	}
	skipped := 0
	for _, name := range names {
		cs, err := duesCases(name)
		if err != nil {
			t.Fatalf("%v", err)
			return
		}
		rep := &reporter{t: t, file: name, total: len(cs)}
		for _, c := range cs {
			got, err := fn(c)
			if errors.Is(err, ErrSkip) {
				skipped++
				continue
			}
			if msg := duesDiff(c, got, err); msg != "" {
				rep.fail("conformance/%s:%d: case %s (%s; month %s, rules of %s): %s; the library's rules: %s",
					c.File, c.Line, c.Name, inputs(c.Roster, c.cols), c.Month.String()[:7], c.RuleSet, msg, strings.Join(c.Rules, ";"))
			}
		}
		rep.done()
	}
	if skipped > 0 {
		t.Logf("conformance: %d dues vectors skipped", skipped)
	}
}

// duesDiff says how fn's answer differs from the library's ("" if not).
func duesDiff(c DuesCase, got string, err error) string {
	switch {
	case c.Want.Problem != "" && err == nil:
		return fmt.Sprintf("want a refusal (%s), got dues %s", c.Want.Problem, got)
	case c.Want.Problem != "":
		return ""
	case err != nil:
		return fmt.Sprintf("want dues %s (%s), got error %v", c.Want.Dues, c.Want.Rule, err)
	}
	g, perr := funding.ParseMoney(strings.TrimSpace(got))
	if perr != nil {
		return fmt.Sprintf("want dues %s (%s), got %q, not an amount in 元", c.Want.Dues, c.Want.Rule, got)
	}
	if g.String() != c.Want.Dues {
		return fmt.Sprintf("want dues %s (%s), got %s", c.Want.Dues, c.Want.Rule, g)
	}
	return ""
}

// inputs writes the non-empty cells of cols, but the id, as
// "name=value" pairs.
func inputs(cells map[string]string, cols []string) string {
	var b strings.Builder
	for _, col := range cols {
		if v := cells[col]; v != "" && col != "id" {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(col + "=" + v)
		}
	}
	return b.String()
}
