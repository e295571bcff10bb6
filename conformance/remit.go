package conformance

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian/funding"
)

// RemitCase is one vector of conformance/remit/shares.csv: a year's
// collected dues split by a policy, as remit.NewPolicy and remit.Split take
// them.
type RemitCase struct {
	File string
	Line int
	Name string
	Year int
	// Policy are the share rule IDs, in order (remit.NewPolicy).
	Policy []string
	// Collected is the year's ordinary dues; LumpSums the lump sums of
	// 1000 元 or more, all for the Centre.
	Collected, LumpSums funding.Money
	Want                RemitWant
	Rules               []string
}

// RemitWant is the library's split: the lines in order and the remainder
// the collecting organization keeps, or the Problem code of a refused
// input (the other fields then empty).
type RemitWant struct {
	Lines     []RemitLine
	Remainder string
	Problem   string
}

// RemitLine is one amount that leaves: the share's rule ID, the amount,
// and the date it is due ("" when the source gives none).
type RemitLine struct {
	Rule, Amount, Due string
}

// RemitAnswer is a caller's split: the amount of each share by rule ID
// (the lump-sum line under "DUES-LUMP-CENTRE") and the remainder, as
// decimal text in 元.
type RemitAnswer struct {
	Amounts   map[string]string
	Remainder string
}

const remitFile = "remit/shares.csv"

// RemitCases returns the remittance vectors in file order.
func RemitCases() ([]RemitCase, error) {
	rows, err := readVectors(remitFile, "year", "policy", "collected", "lump_sums", "expected_lines", "expected_remainder", "expected_problem")
	if err != nil {
		return nil, err
	}
	out := make([]RemitCase, len(rows))
	for i, r := range rows {
		c := RemitCase{File: remitFile, Line: r.line, Name: r.cells["case"], Policy: strings.Split(r.cells["policy"], ";"), Rules: r.rules(),
			Want: RemitWant{Remainder: r.cells["expected_remainder"], Problem: r.cells["expected_problem"]}}
		var errs []error
		var e1, e2, e3 error
		c.Year, e1 = strconv.Atoi(r.cells["year"])
		c.Collected, e2 = funding.ParseMoney(r.cells["collected"])
		c.LumpSums, e3 = funding.ParseMoney(r.cells["lump_sums"])
		errs = append(errs, e1, e2, e3)
		if l := r.cells["expected_lines"]; l != "" {
			for _, x := range strings.Split(l, ";") {
				parts := strings.Split(x, ":")
				if len(parts) != 3 {
					errs = append(errs, fmt.Errorf("expected_lines: %q is not rule:amount:due", x))
					continue
				}
				c.Want.Lines = append(c.Want.Lines, RemitLine{parts[0], parts[1], parts[2]})
			}
		}
		if err := errors.Join(errs...); err != nil {
			return nil, fmt.Errorf("%s: %w", r.where(), err)
		}
		out[i] = c
	}
	return out, nil
}

// CheckRemit runs fn on every remittance vector and reports each one whose
// split differs with t.Errorf: the case, its inputs, each share whose
// amount differs (or that is missing or extra), the remainder, and the
// rules. Amounts are compared exactly; for a refused vector
// (RemitWant.Problem) fn must return an error other than [ErrSkip];
// [ErrSkip] skips the vector. A file that cannot be read is reported with
// t.Fatalf.
func CheckRemit(t testing.TB, fn func(RemitCase) (RemitAnswer, error)) {
	t.Helper()
	cs, err := RemitCases()
	if err != nil {
		t.Fatalf("%v", err)
		return
	}
	rep := &reporter{t: t, file: remitFile, total: len(cs)}
	skipped := 0
	for _, c := range cs {
		got, err := fn(c)
		if errors.Is(err, ErrSkip) {
			skipped++
			continue
		}
		if msg := remitDiff(c, got, err); msg != "" {
			rep.fail("conformance/%s:%d: case %s (year %d, policy %s, collected %s, lump sums %s): %s; rules: %s",
				c.File, c.Line, c.Name, c.Year, strings.Join(c.Policy, ";"), c.Collected, c.LumpSums, msg, strings.Join(c.Rules, ";"))
		}
	}
	rep.done()
	if skipped > 0 {
		t.Logf("conformance: %d remit vectors skipped", skipped)
	}
}

func remitDiff(c RemitCase, got RemitAnswer, err error) string {
	switch {
	case c.Want.Problem != "" && err == nil:
		return fmt.Sprintf("want a refusal (%s), got a split", c.Want.Problem)
	case c.Want.Problem != "":
		return ""
	case err != nil:
		return fmt.Sprintf("want a split, got error %v", err)
	}
	var diffs []string
	seen := map[string]bool{}
	for _, l := range c.Want.Lines {
		seen[l.Rule] = true
		g, ok := got.Amounts[l.Rule]
		switch {
		case !ok:
			diffs = append(diffs, fmt.Sprintf("%s: want %s, got none", l.Rule, l.Amount))
		case !sameAmount(l.Amount, g):
			diffs = append(diffs, fmt.Sprintf("%s: want %s, got %s", l.Rule, l.Amount, g))
		}
	}
	var extra []string
	for rule := range got.Amounts {
		if !seen[rule] {
			extra = append(extra, rule)
		}
	}
	slices.Sort(extra)
	for _, rule := range extra {
		diffs = append(diffs, fmt.Sprintf("%s: want none, got %s", rule, got.Amounts[rule]))
	}
	if !sameAmount(c.Want.Remainder, got.Remainder) {
		diffs = append(diffs, fmt.Sprintf("remainder: want %s, got %s", c.Want.Remainder, got.Remainder))
	}
	return strings.Join(diffs, "; ")
}

// sameAmount compares a library amount with a caller's exactly; a caller's
// text that is not an amount in 元 differs.
func sameAmount(want, got string) bool {
	g, err := funding.ParseMoney(strings.TrimSpace(got))
	return err == nil && g.String() == want
}
