package conformance

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian/funding"
)

// NonPublicCase is one vector of conformance/enterprise/nonpublic.csv: a
// 非公 enterprise's year under 组通字〔2014〕42号, as
// enterprise.NonPublicDeduction takes it.
type NonPublicCase struct {
	File string
	Line int
	Name string
	Year int
	// Payroll is the year's wage total; Spending the party-work spending.
	Payroll, Spending funding.Money
	// Jurisdiction and ProvisionRate are a local rate ("成都市", "0.005");
	// empty for none.
	Jurisdiction, ProvisionRate string
	Want                        NonPublicWant
	Rules                       []string
}

// NonPublicWant is the library's answer, amounts as decimal text in 元;
// Provision is empty without a local rate. When Problem is set, the other
// fields are empty.
type NonPublicWant struct {
	Cap, Deductible, NonDeductible, Provision, Rule, Problem string
}

// SOELedger is one ledger of conformance/enterprise/soe.csv: consecutive
// years of a state-owned enterprise's party-work funds, as
// enterprise.SOEFunds takes them, the first opening at 0.
type SOELedger struct {
	File  string
	Name  string
	Years []SOEYearCase
}

// SOEYearCase is one year of a [SOELedger].
type SOEYearCase struct {
	Line int
	Name string
	Year int
	// PriorPayroll, Payroll, Spending and OtherSources are the year's
	// inputs (enterprise.SOEYear).
	PriorPayroll, Payroll, Spending, OtherSources funding.Money
	Want                                          SOEWant
	Rules                                         []string
}

// SOEWant is the library's year, amounts as decimal text in 元. The
// deduction fields are empty under the 1989 rule (before 38号).
type SOEWant struct {
	Opening                                 string
	Stop                                    bool
	Allocation, OtherSourcesUsed, Charged   string
	Overspend, Closing                      string
	DeductionCap, Deductible, NonDeductible string
}

// SOEAnswer is a caller's year: the allocation from management expenses,
// the carry-forward into the next year and the deductible spending ("" for
// none), as decimal text in 元.
type SOEAnswer struct {
	Allocation, Closing, Deductible string
}

const (
	nonPublicFile = "enterprise/nonpublic.csv"
	soeFile       = "enterprise/soe.csv"
)

// NonPublicCases returns the vectors of conformance/enterprise/nonpublic.csv.
func NonPublicCases() ([]NonPublicCase, error) {
	rows, err := readVectors(nonPublicFile, "year", "payroll", "spending", "jurisdiction", "provision_rate",
		"expected_cap", "expected_deductible", "expected_non_deductible", "expected_provision", "expected_rule", "expected_problem")
	if err != nil {
		return nil, err
	}
	out := make([]NonPublicCase, len(rows))
	for i, r := range rows {
		c := NonPublicCase{File: nonPublicFile, Line: r.line, Name: r.cells["case"], Jurisdiction: r.cells["jurisdiction"],
			ProvisionRate: r.cells["provision_rate"], Rules: r.rules(),
			Want: NonPublicWant{r.cells["expected_cap"], r.cells["expected_deductible"], r.cells["expected_non_deductible"],
				r.cells["expected_provision"], r.cells["expected_rule"], r.cells["expected_problem"]}}
		var e1, e2, e3 error
		c.Year, e1 = strconv.Atoi(r.cells["year"])
		c.Payroll, e2 = funding.ParseMoney(r.cells["payroll"])
		c.Spending, e3 = funding.ParseMoney(r.cells["spending"])
		if err := errors.Join(e1, e2, e3); err != nil {
			return nil, fmt.Errorf("%s: %w", r.where(), err)
		}
		out[i] = c
	}
	return out, nil
}

// SOELedgers returns the ledgers of conformance/enterprise/soe.csv.
func SOELedgers() ([]SOELedger, error) {
	rows, err := readVectors(soeFile, "ledger", "year", "prior_payroll", "payroll", "spending", "other_sources",
		"expected_opening", "expected_stop", "expected_allocation", "expected_other_sources_used", "expected_charged",
		"expected_overspend", "expected_closing", "expected_deduction_cap", "expected_deductible", "expected_non_deductible")
	if err != nil {
		return nil, err
	}
	var out []SOELedger
	for _, r := range rows {
		y := SOEYearCase{Line: r.line, Name: r.cells["case"], Rules: r.rules(),
			Want: SOEWant{Opening: r.cells["expected_opening"], Stop: r.cells["expected_stop"] == "true",
				Allocation: r.cells["expected_allocation"], OtherSourcesUsed: r.cells["expected_other_sources_used"],
				Charged: r.cells["expected_charged"], Overspend: r.cells["expected_overspend"], Closing: r.cells["expected_closing"],
				DeductionCap: r.cells["expected_deduction_cap"], Deductible: r.cells["expected_deductible"],
				NonDeductible: r.cells["expected_non_deductible"]}}
		errs := make([]error, 5)
		y.Year, errs[0] = strconv.Atoi(r.cells["year"])
		for i, f := range []struct {
			dst *funding.Money
			col string
		}{{&y.PriorPayroll, "prior_payroll"}, {&y.Payroll, "payroll"}, {&y.Spending, "spending"}, {&y.OtherSources, "other_sources"}} {
			*f.dst, errs[i+1] = funding.ParseMoney(r.cells[f.col])
		}
		if err := errors.Join(errs...); err != nil {
			return nil, fmt.Errorf("%s: %w", r.where(), err)
		}
		name := r.cells["ledger"]
		if n := len(out); n == 0 || out[n-1].Name != name {
			out = append(out, SOELedger{File: soeFile, Name: name})
		} else if last := out[n-1].Years; last[len(last)-1].Year+1 != y.Year {
			return nil, fmt.Errorf("%s: ledger %s: year %d does not follow %d", r.where(), name, y.Year, last[len(last)-1].Year)
		}
		out[len(out)-1].Years = append(out[len(out)-1].Years, y)
	}
	return out, nil
}

// CheckNonPublic runs fn on every vector of
// conformance/enterprise/nonpublic.csv and reports each one whose
// deductible amount differs with t.Errorf (the case, its inputs, want and
// got, the library's cap and the rules). fn returns the deductible amount
// as decimal text in 元; for a refused vector it must return an error
// other than [ErrSkip]; [ErrSkip] skips the vector.
func CheckNonPublic(t testing.TB, fn func(NonPublicCase) (string, error)) {
	t.Helper()
	cs, err := NonPublicCases()
	if err != nil {
		t.Fatalf("%v", err)
		return
	}
	rep := &reporter{t: t, file: nonPublicFile, total: len(cs)}
	skipped := 0
	for _, c := range cs {
		got, err := fn(c)
		var msg string
		switch {
		case errors.Is(err, ErrSkip):
			skipped++
			continue
		case c.Want.Problem != "" && err == nil:
			msg = fmt.Sprintf("want a refusal (%s), got deductible %s", c.Want.Problem, got)
		case c.Want.Problem != "":
		case err != nil:
			msg = fmt.Sprintf("want deductible %s (cap %s), got error %v", c.Want.Deductible, c.Want.Cap, err)
		case !sameAmount(c.Want.Deductible, got):
			msg = fmt.Sprintf("want deductible %s (cap %s), got %s", c.Want.Deductible, c.Want.Cap, got)
		}
		if msg != "" {
			rep.fail("conformance/%s:%d: case %s (year %d, payroll %s, spending %s%s): %s; rules: %s", c.File, c.Line, c.Name,
				c.Year, c.Payroll, c.Spending, localRate(c), msg, strings.Join(c.Rules, ";"))
		}
	}
	rep.done()
	if skipped > 0 {
		t.Logf("conformance: %d nonpublic vectors skipped", skipped)
	}
}

func localRate(c NonPublicCase) string {
	if c.Jurisdiction == "" {
		return ""
	}
	return ", " + c.Jurisdiction + " rate " + c.ProvisionRate
}

// CheckSOE runs fn on every ledger of conformance/enterprise/soe.csv and
// reports each year whose allocation, closing carry-forward or deductible
// amount differs with t.Errorf (the case, the year's inputs, want and got,
// the library's opening and whether the 2 % stop applied, and the rules).
// fn returns one [SOEAnswer] per year of the ledger, in order; [ErrSkip]
// skips the ledger.
func CheckSOE(t testing.TB, fn func(SOELedger) ([]SOEAnswer, error)) {
	t.Helper()
	ls, err := SOELedgers()
	if err != nil {
		t.Fatalf("%v", err)
		return
	}
	rep := &reporter{t: t, file: soeFile}
	skipped := 0
	for _, l := range ls {
		rep.total += len(l.Years)
		got, err := fn(l)
		switch {
		case errors.Is(err, ErrSkip):
			skipped++
			continue
		case err != nil:
			rep.fail("conformance/%s: ledger %s: got error %v", l.File, l.Name, err)
			continue
		case len(got) != len(l.Years):
			rep.fail("conformance/%s: ledger %s: want %d years, got %d", l.File, l.Name, len(l.Years), len(got))
			continue
		}
		for i, y := range l.Years {
			var diffs []string
			for _, f := range []struct{ what, want, got string }{
				{"allocation", y.Want.Allocation, got[i].Allocation},
				{"closing", y.Want.Closing, got[i].Closing},
				{"deductible", y.Want.Deductible, got[i].Deductible},
			} {
				if f.want == "" && strings.TrimSpace(f.got) == "" {
					continue
				}
				if !sameAmount(f.want, f.got) {
					diffs = append(diffs, fmt.Sprintf("%s: want %q, got %q", f.what, f.want, f.got))
				}
			}
			if len(diffs) > 0 {
				rep.fail("conformance/%s:%d: case %s (prior payroll %s, payroll %s, spending %s, other sources %s; opening %s, stop %t): %s; rules: %s",
					l.File, y.Line, y.Name, y.PriorPayroll, y.Payroll, y.Spending, y.OtherSources, y.Want.Opening, y.Want.Stop,
					strings.Join(diffs, "; "), strings.Join(y.Rules, ";"))
			}
		}
	}
	rep.done()
	if skipped > 0 {
		t.Logf("conformance: %d SOE ledgers skipped", skipped)
	}
}
