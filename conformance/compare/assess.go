package compare

import (
	"bytes"
	"errors"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
	"github.com/dangjian-go/dangjian/place/yanji"
	"github.com/shopspring/decimal"
)

// SchemeNames returns the names [LoadScheme] knows without a file,
// sorted: the reference schemes of package assess and the reference
// city's (place/yanji).
func SchemeNames() []string {
	names := append(assess.ReferenceNames(), yanji.SchemeName)
	slices.Sort(names)
	return names
}

// MaxSchemeBytes bounds a scheme file [LoadScheme] reads, which is read
// whole.
const MaxSchemeBytes = 16 << 20

// LoadScheme returns the scheme name names, as examples/assess -scheme
// takes it: a reference scheme ([SchemeNames]) with its grading policy,
// or a scheme JSON file ([assess.DecodeScheme], at most MaxSchemeBytes)
// with no policy (its grades, without quotas, grade the cohort).
func LoadScheme(name string) (assess.Scheme, *assess.GradePolicy, error) {
	if slices.Contains(SchemeNames(), name) {
		if name == yanji.SchemeName {
			s, err := yanji.Scheme()
			p := yanji.Policy()
			return s, &p, err
		}
		s, err := assess.Reference(name)
		if err != nil {
			return s, nil, err
		}
		p, err := assess.ReferencePolicy(name)
		if err != nil {
			return s, nil, err
		}
		return s, &p, nil
	}
	f, err := os.Open(name)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) && !strings.ContainsAny(name, `./\`) {
			return assess.Scheme{}, nil, &dangjian.Problem{Kind: dangjian.ErrUnknownRef, Path: "scheme", Value: name,
				Detail: "names neither a reference scheme (" + strings.Join(SchemeNames(), ", ") + ") nor a file"}
		}
		return assess.Scheme{}, nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxSchemeBytes+1))
	if err != nil {
		return assess.Scheme{}, nil, err
	}
	if len(data) > MaxSchemeBytes {
		return assess.Scheme{}, nil, &dangjian.Problem{Kind: dangjian.ErrLimit, File: name, Detail: "a scheme file holds at most 16 MiB"}
	}
	s, err := assess.DecodeScheme(bytes.NewReader(data))
	if err != nil {
		return s, nil, inFile(err, name)
	}
	return s, nil, nil
}

// assessRow is a scored subject and its line in INPUT (0 for JSON).
type assessRow struct {
	res  assess.Result
	line int
}

// assess compares the totals (and grades, where GOT has them) of a cohort
// scored under opts.Scheme with GOT's: the subjects are read as
// examples/assess reads them ([assess.Scorer.ScoreSubjectsFunc] for a
// name ending in .json, [assess.DecodeSubjectsCSVFuncWith] otherwise),
// every result is kept to grade the cohort ([assess.NewRanking] under
// opts.Policy, or the scheme's grades without quotas), so memory is the
// cohort's results. A subject that cannot be read or scored is a
// problem; the others are graded without it.
func (c *run) assess() error {
	sc, err := assess.Compile(c.opts.Scheme)
	if err != nil {
		return err
	}
	var g *assess.Grader
	switch {
	case c.opts.Policy != nil:
		g, err = assess.NewGrader(*c.opts.Policy)
	case len(sc.Grades()) > 0:
		g, err = assess.NewGrader(assess.GradePolicy{Name: sc.Name(), Note: "the scheme's grades, without quotas",
			Grades: sc.Grades(), Ranking: assess.Competition})
	}
	if err != nil {
		return err
	}
	r, err := c.in.Open()
	if err != nil {
		return err
	}
	defer r.Close()
	var rows []assessRow
	if strings.EqualFold(filepath.Ext(c.in.Name), ".json") {
		err = sc.ScoreSubjectsFunc(r, assess.StreamOptions{Limits: c.opts.Limits}, func(i int, res *assess.Result, err error) error {
			if err != nil {
				c.inputProblems(dangjian.ProblemsOf(err))
				return nil
			}
			rows = append(rows, assessRow{res: keepResult(res)})
			return nil
		})
	} else {
		err = assess.DecodeSubjectsCSVFuncWith(r, c.opts.Scheme, c.opts.Limits, func(sub assess.Subject) error {
			res, err := sc.Score(sub)
			if err != nil {
				c.inputProblems(dangjian.ProblemsOf(err))
				return nil
			}
			rows = append(rows, assessRow{res: res})
			return nil
		})
	}
	if err != nil {
		if !isProblemErr(err) {
			return err
		}
		ps := dangjian.ProblemsOf(err)
		if errors.Is(err, dangjian.ErrHeader) || errors.Is(err, dangjian.ErrSyntax) || errors.Is(err, dangjian.ErrLimit) {
			return inFile(err, c.in.Name)
		}
		c.inputProblems(ps) // the rows that could not be read
	}
	results := make([]assess.Result, len(rows))
	for i := range rows {
		results[i] = rows[i].res
	}
	ranking, err := assess.NewRanking(sc, results, g)
	if err != nil {
		if !isProblemErr(err) {
			return err
		}
		c.inputProblems(dangjian.ProblemsOf(err))
		return nil
	}
	for i := range results {
		res := &results[i]
		row, _ := ranking.Row(res.Subject)
		grade := row.Grade()
		total, _ := res.Total.JSON()
		exact := new(big.Rat)
		if _, ok := exact.SetString(res.Total.String()); !ok {
			exact = nil
		}
		same := func(gr *gotRow) bool {
			if exact == nil || gr.dec.Rat().Cmp(exact) != 0 {
				return false
			}
			return gr.grade == "" || gr.grade == grade
		}
		err := c.match(res.Subject, same, func(gr *gotRow) Difference {
			d := Difference{Status: MissingFromGot, ID: res.Subject, Library: total, Rules: assessRules(res)}
			if grade != "" {
				d.Library += " " + grade
			}
			if gr == nil {
				return d
			}
			d.Status, d.Line, d.Platform = Differs, gr.line, gr.text
			if gr.grade != "" {
				d.Platform += " " + gr.grade
			}
			if exact != nil && gr.dec.Rat().Cmp(exact) != 0 {
				d.Causes, d.Detail = totalCauses(res, exact, gr.dec)
			}
			if gr.grade != "" && gr.grade != grade {
				d.Detail = joinDetail(append(nonEmpty(d.Detail), "grade "+gr.grade+", the library's "+grade))
			}
			return d
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// keepResult returns a copy of a result that ScoreSubjectsFunc reuses.
func keepResult(res *assess.Result) assess.Result {
	r := *res
	r.Components = slices.Clone(r.Components)
	r.Gates = slices.Clone(r.Gates)
	r.Ballots = slices.Clone(r.Ballots)
	r.Clamped = slices.Clone(r.Clamped)
	return r
}

// assessRules returns the rules that decided a result: the gates that
// applied (a scheme's parts have no rule IDs of the catalogue).
func assessRules(res *assess.Result) []RuleRef {
	var out []RuleRef
	for _, h := range res.Gates {
		out = append(out, RuleRef{ID: h.Gate, Source: strings.TrimSpace(h.Source.Doc + " " + h.Source.Article),
			Confidence: h.Source.Confidence.String()})
	}
	return out
}

// totalCauses returns the patterns that give the platform's total got
// for a result whose exact total is exact: the total rounded another
// way to got's places, or summed in binary double.
func totalCauses(res *assess.Result, exact *big.Rat, got decimal.Decimal) ([]Cause, string) {
	var causes []Cause
	var detail []string
	places := int32(0)
	if e := got.Exponent(); e < 0 {
		places = -e
	}
	for _, m := range []struct {
		mode dangjian.RoundingMode
		name string
	}{{dangjian.HalfUp, "half-up"}, {dangjian.HalfEven, "half-even"}, {dangjian.Down, "cut"}, {dangjian.Up, "rounded up"}} {
		if v, ok := roundRat(exact, places, m.mode); ok && v.Cmp(got.Rat()) == 0 {
			causes = append(causes, TotalRounding)
			detail = append(detail, "the total "+exactText(exact)+" "+m.name+" to "+placesText(places))
			break
		}
	}
	if printed, halfUp, ok := floatSum(res, places); ok {
		switch {
		case printed.Cmp(got.Rat()) == 0:
			causes = append(causes, FloatSum)
			detail = append(detail, "the components summed in double")
		case halfUp.Cmp(got.Rat()) == 0:
			causes = append(causes, FloatSum)
			detail = append(detail, "the components summed in double, then BigDecimal(double) HALF_UP")
		}
	}
	return causes, joinDetail(detail)
}

// roundRat rounds x to places decimals in mode, exactly.
func roundRat(x *big.Rat, places int32, mode dangjian.RoundingMode) (*big.Rat, bool) {
	if places > 18 {
		return nil, false
	}
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil)
	n := new(big.Int).Mul(x.Num(), scale)
	d := x.Denom()
	q, r := new(big.Int).QuoRem(n, d, new(big.Int)) // truncated towards zero
	if r.Sign() != 0 {
		twice := new(big.Int).Abs(r)
		twice.Lsh(twice, 1)
		away := false
		switch mode {
		case dangjian.HalfUp:
			away = twice.Cmp(d) >= 0
		case dangjian.HalfEven:
			c := twice.Cmp(d)
			away = c > 0 || (c == 0 && q.Bit(0) == 1)
		case dangjian.Up:
			away = true
		case dangjian.Down:
		default:
			return nil, false
		}
		if away {
			q.Add(q, big.NewInt(int64(x.Sign())))
		}
	}
	return new(big.Rat).SetFrac(q, scale), true
}

// exactText writes x as a decimal when it is one, else as a fraction.
func exactText(x *big.Rat) string {
	if s, exact := x.FloatPrec(); exact {
		return x.FloatString(s)
	}
	return x.RatString()
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

// placesText says "1 place", "2 places".
func placesText(n int32) string {
	if n == 1 {
		return "1 place"
	}
	return strconv.Itoa(int(n)) + " places"
}
