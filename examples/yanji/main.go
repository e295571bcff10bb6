// Command yanji builds the reference city, 延吉市 (Yanji), from
// [yanji.Records] and prints a report of it: organizations by kind and by
// domain, per-street totals, the article's figures beside the model's, the
// share of 一肩挑 villages, the rotating chairs of the street 联席会, the
// validation findings under [yanji.Rules], grouped by severity, and
// the city's yearly funding budget under [yanji.Standards], by
// street, township and park, with the standards used and their sources,
// and the 述职评议考核 of the secretaries of the 6 streets, 70 communities
// and 56 villages under the city's scheme yanji-shuzhi
// ([yanji.Scheme]), ranked within each category with the grade
// distribution, scored from the city's own records through the bridge
// ([yanji.Bridge]): a year of generated meeting records checked by
// orglife (printed in its own section, per type), generated dues ledgers
// checked by funding/dues, and orgmodel's findings at the year's end;
// the inputs the records cannot give are one stand-in, the same for every
// secretary, labelled "not from the records". A due-calendar section
// (package due) counts what is due or overdue within six months of the
// report date — 换届, dispatch ends, meetings and dues — and lists the
// first few items.
//
// Usage:
//
//	go run ./examples/yanji [-date 2025-06-30]
//
// The -date flag sets the report date (chairs in office, posts held, terms
// due; the budget is for its year, with the standards in force and the
// posts held on it); its default makes the output reproducible. The exit code is 0 when
// the report is printed, whatever the findings; 2 for bad arguments; 1 when
// the report cannot be built or written.
//
// The city's structure and counts come from the article; names, member
// counts, terms and posts are illustrative (see [yanji.Records]).
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
	"github.com/dangjian-go/dangjian/bridge"
	"github.com/dangjian-go/dangjian/funding/budget"
	"github.com/dangjian-go/dangjian/funding/standard"
	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/dangjian-go/dangjian/place/yanji"
	"github.com/google/uuid"
)

// defaultDate is the report date when -date is not given.
const defaultDate = "2025-06-30"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// city is what every section reads: the records, the tree built from them,
// the report date, the validation report as of that date, and the budget
// for its year.
type city struct {
	recs   orgmodel.Records
	tree   *orgmodel.Tree
	asOf   dangjian.Date
	report orgmodel.Report
	// standards are the funding standards the budget applies.
	standards standard.Set
	budget    budget.BudgetResult
	// assessment is the 述职评议考核 of the secretaries.
	assessment *assessment
	// records is what the library finds in the assessment year's records.
	records *records
	// due is the due calendar as of the report date.
	due *calendar
}

// section is one part of the report. Later parts (funding, assessment) are
// added here.
type section struct {
	title string
	print func(w io.Writer, c *city)
}

var sections = []section{
	{"组织 Organizations", printOrgs},
	{"街道 Streets", printStreets},
	{"文章数字与模型 The article's figures and the model", printFigures},
	{"一肩挑 Village secretaries who also direct the villagers' committee", printYiJianTiao},
	{"联席会轮值主席 Rotating chairs of the street joint conferences", printChairs},
	{"检查结果 Findings", printFindings},
	{"经费 Funding budget", printBudget},
	{"组织生活 Organizational life", printLife},
	{"到期提醒 Due calendar", printDue},
	{"述职评议考核 Assessment", printAssessment},
}

// run is the program: it parses args, builds and validates the city, and
// writes the report to stdout. It returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("yanji", flag.ContinueOnError)
	fs.SetOutput(stderr)
	date := fs.String("date", defaultDate, "report date, YYYY-MM-DD")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "yanji: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return 2
	}
	asOf, err := dangjian.ParseDate(*date)
	if err != nil {
		fmt.Fprintf(stderr, "yanji: -date: %v\n", err)
		return 2
	}
	c, err := build(asOf)
	if err != nil {
		fmt.Fprintf(stderr, "yanji: %v\n", err)
		return 1
	}
	w := bufio.NewWriter(stdout)
	fmt.Fprintf(w, "延吉市 (Yanji) reference city: report as of %s\n", asOf)
	fmt.Fprintln(w, "Structure and counts from the 延吉市委组织部 article; names, member counts, terms and posts are illustrative.")
	for _, s := range sections {
		fmt.Fprintf(w, "\n== %s ==\n", s.title)
		s.print(w, c)
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintf(stderr, "yanji: writing the report: %v\n", err)
		return 1
	}
	return 0
}

// build builds the reference city and validates it as of asOf.
func build(asOf dangjian.Date) (*city, error) {
	recs := yanji.Records()
	tree, err := orgmodel.Build(recs)
	if err != nil {
		return nil, err
	}
	report, err := orgmodel.Validate(tree, yanji.Rules(), asOf)
	if err != nil {
		return nil, err
	}
	standards := yanji.Standards()
	bud, err := budget.Budget(tree, standards, asOf.Year(), budget.BudgetOptions{AsOf: asOf})
	if err != nil {
		return nil, err
	}
	c := &city{recs: recs, tree: tree, asOf: asOf, report: report, standards: standards, budget: bud}
	if c.assessment, err = assessSecretaries(tree); err != nil {
		return nil, err
	}
	c.records = c.assessment.records
	if c.due, err = dueCalendar(tree, asOf); err != nil {
		return nil, err
	}
	return c, nil
}

// printOrgs prints the counts of organizations by kind and by domain.
func printOrgs(w io.Writer, c *city) {
	s := c.tree.AggregateAll()
	fmt.Fprintf(w, "organizations %d, grassroots %d; members %d (full %d, probationary %d)\n",
		s.Orgs, s.Grassroots, s.Members.Total(), s.Members.Full, s.Members.Probationary)
	fmt.Fprintln(w, "按类别 by kind:")
	for _, k := range orgmodel.Kinds() {
		if n := s.ByKind[k]; n > 0 {
			fmt.Fprintf(w, "  %-26s %5d  %s\n", k, n, k.Label())
		}
	}
	fmt.Fprintln(w, "按领域 by domain:")
	if n := s.ByDomain[orgmodel.DomainUnknown]; n > 0 {
		fmt.Fprintf(w, "  %-26s %5d  %s\n", "(not recorded)", n, "未记录")
	}
	for _, d := range orgmodel.Domains() {
		if n := s.ByDomain[d]; n > 0 {
			fmt.Fprintf(w, "  %-26s %5d  %s\n", d, n, d.Label())
		}
	}
}

// printStreets prints each street's organizations, communities and members.
func printStreets(w io.Writer, c *city) {
	fmt.Fprintf(w, "  %-8s %5s %10s %11s %6s %6s %6s  %s\n", "code", "orgs", "grassroots", "communities", "full", "prob.", "total", "name")
	var sum orgmodel.Stats
	var communities int
	for _, st := range c.tree.OrgsOf(orgmodel.WorkCommittee, orgmodel.Street) {
		s, _ := c.tree.Aggregate(st.ID)
		n := len(c.tree.DomainTopsIn(st.ID, orgmodel.Community))
		fmt.Fprintf(w, "  %-8s %5d %10d %11d %6d %6d %6d  %s\n", st.Code, s.Orgs, s.Grassroots, n,
			s.Members.Full, s.Members.Probationary, s.Members.Total(), st.Name)
		sum = sum.Add(s)
		communities += n
	}
	fmt.Fprintf(w, "  %-8s %5d %10d %11d %6d %6d %6d  %s\n", "all", sum.Orgs, sum.Grassroots, communities,
		sum.Members.Full, sum.Members.Probationary, sum.Members.Total(), "6个街道合计")
}

// printFigures prints the article's figures beside the model's. The
// section column holds the article's Chinese headings, so it is padded to
// a display width rather than a rune count.
func printFigures(w io.Writer, c *city) {
	const sectionWidth = 16
	fmt.Fprintf(w, "  %-30s %s %5s %-3s  %s\n", "figure", padDisplay("section", sectionWidth), "model", "ok", "article  label")
	for _, f := range yanji.Figures(c.tree) {
		ok := "yes"
		if !f.Matches() {
			ok = "NO"
		}
		fmt.Fprintf(w, "  %-30s %s %5d %-3s  %s  %s\n", f.Key, padDisplay(f.Section, sectionWidth), f.Model, ok, f.Article, f.Label)
		if f.Note != "" {
			fmt.Fprintf(w, "  %-30s %s %5s %-3s  (%s)\n", "", padDisplay("", sectionWidth), "", "", f.Note)
		}
	}
}

// padDisplay pads s with spaces to width terminal columns, counting a
// wide (CJK) character as two columns. A longer s is returned unchanged.
func padDisplay(s string, width int) string {
	n := 0
	for _, r := range s {
		n++
		if wide(r) {
			n++
		}
	}
	if n >= width {
		return s
	}
	return s + strings.Repeat(" ", width-n)
}

// wide reports whether r is an East Asian wide or fullwidth character:
// the CJK blocks, Hangul syllables and the fullwidth forms.
func wide(r rune) bool {
	switch {
	case r >= 0x1100 && r <= 0x115F, r >= 0x2E80 && r <= 0xA4CF, r >= 0xAC00 && r <= 0xD7A3,
		r >= 0xF900 && r <= 0xFAFF, r >= 0xFE30 && r <= 0xFE4F, r >= 0xFF00 && r <= 0xFF60, r >= 0xFFE0 && r <= 0xFFE6:
		return true
	}
	return false
}

// percent renders n/total as a percentage to one decimal place, rounded
// half up, in integer arithmetic.
func percent(n, total int) string {
	if total == 0 {
		return "-"
	}
	tenths := (n*2000 + total) / (2 * total)
	return fmt.Sprintf("%d.%d %%", tenths/10, tenths%10)
}

// printYiJianTiao prints the share of villages whose party secretary also
// directs the villagers' committee on the report date.
func printYiJianTiao(w io.Writer, c *city) {
	n, villages := c.tree.CountYiJianTiao(orgmodel.Village, c.asOf)
	fmt.Fprintf(w, "villages %d, 一肩挑 %d (%s) on %s\n", villages, n, percent(n, villages), c.asOf)
}

// printChairs prints the member organization chairing each street's joint
// conference on the report date.
func printChairs(w io.Writer, c *city) {
	fmt.Fprintf(w, "on %s:\n", c.asOf)
	for _, st := range c.tree.OrgsOf(orgmodel.WorkCommittee, orgmodel.Street) {
		for _, b := range c.tree.Bodies(st.ID) {
			if b.Kind != orgmodel.JointConference {
				continue
			}
			chair, rotation := "(none)", "no rotating chair"
			if b.Chair != nil {
				rotation = fmt.Sprintf("%d members, every %d months from %s", len(b.Chair.Order), b.Chair.Months, b.Chair.Start)
				if id, ok := b.Chair.ChairOn(c.asOf); ok {
					chair = orgName(c.tree, id)
				}
			}
			fmt.Fprintf(w, "  %s: %s (%s)\n", b.Name, chair, rotation)
		}
	}
}

func orgName(t *orgmodel.Tree, id uuid.UUID) string {
	if o, ok := t.Org(id); ok {
		return o.Name
	}
	return id.String()
}

// printFindings prints the validation findings grouped by severity, the
// most severe first.
func printFindings(w io.Writer, c *city) {
	rep := c.report
	fmt.Fprintf(w, "rule set %s, as of %s: %d findings\n", rep.RuleSet, rep.AsOf, len(rep.Findings))
	for _, sev := range []orgmodel.Severity{orgmodel.Error, orgmodel.Warning, orgmodel.Info} {
		fmt.Fprintf(w, "%s %s: %d\n", sev.Label(), sev, rep.Count(sev))
		for _, f := range rep.Findings {
			if f.Severity != sev {
				continue
			}
			fmt.Fprintf(w, "  [%s] %s\n", f.Rule, f.Name)
			fmt.Fprintf(w, "      %s\n", f.Message)
			fmt.Fprintf(w, "      source: %s\n", f.Source)
			if f.Approval != nil {
				kind, _ := orgmodel.ParseApprovalKind(f.Approval.Kind)
				by, _ := c.tree.Lookup(f.Approval.By)
				fmt.Fprintf(w, "      approval: %s by %s on %s (%s)\n", kind.Label(), orgName(c.tree, by), f.Approval.On, f.Approval.Ref)
			}
		}
	}
}

// printBudget prints the city's yearly budget under the Yanji standards:
// the standards used and their sources, what was not budgeted, the totals
// of each street, township and park, the city's total by item, and the
// readings the budget rests on.
func printBudget(w io.Writer, c *city) {
	b := c.budget
	fmt.Fprintf(w, "standards %s (%s); budget year %d, standards in force and posts held on %s; %s\n",
		b.Standards, c.standards.Jurisdiction, b.Year, b.AsOf, b.Rounding)
	fmt.Fprintln(w, "标准 standards used:")
	for _, s := range b.Used {
		flags := ""
		if s.Average {
			flags = " (average)"
		}
		fmt.Fprintf(w, "  %-28s %10s %-18s %s%s\n", s.ID, s.Amount, s.Per, s.Code.Label(), flags)
		fmt.Fprintf(w, "  %-28s “%s” — %s\n", "", s.Text, s.Source)
	}
	for _, src := range b.Sources() {
		fmt.Fprintf(w, "  source %s: %s\n", src, src.Note)
	}
	fmt.Fprintln(w, "未列入 not budgeted:")
	for _, o := range b.Omitted {
		amount := ""
		if s, ok := c.standards.ByID(o.Rule); ok {
			amount = s.Amount.String()
			if s.LowerBound {
				amount += "余"
			}
		}
		fmt.Fprintf(w, "  %-28s %12s %s: %s\n", o.Rule, amount, o.Code.Label(), o.Reason)
	}
	fmt.Fprintln(w, "按单位 by street, township and park:")
	fmt.Fprintf(w, "  %-14s %8s %11s %8s %5s %13s  %s\n", "code", "villages", "communities", "branches", "lines", "amount", "name")
	for _, root := range c.tree.Roots() {
		units, _ := b.ByChild(root)
		for _, st := range units {
			o, _ := c.tree.Org(st.Org)
			printUnit(w, o.Code, o.Name, st)
		}
	}
	g, err := b.GrandTotal()
	if err != nil {
		fmt.Fprintf(w, "  total: %v\n", err)
		return
	}
	printUnit(w, "all", "全市合计", g)
	fmt.Fprintln(w, "按项目 by item:")
	for _, ia := range g.ByItem {
		fmt.Fprintf(w, "  %-30s %5d %13s  %s\n", ia.Code, ia.Lines, ia.Amount, ia.Code.Label())
	}
	fmt.Fprintln(w, "假设 assumptions:")
	for _, a := range b.Assumptions {
		fmt.Fprintf(w, "  - %s\n", a)
	}
}

// printUnit prints one row of the budget by unit: the villages,
// communities and branches priced beneath it, its lines and its total.
func printUnit(w io.Writer, code, name string, st budget.Subtotal) {
	lines := func(c standard.ItemCode) int { return st.Item(c).Lines }
	fmt.Fprintf(w, "  %-14s %8d %11d %8d %5d %13s  %s\n", code, lines(standard.VillageOperatingFunds), lines(standard.CommunityWorkFunds),
		lines(standard.NonPublicWorkFunds)+lines(standard.DispatchedBranchWorkFunds), st.Lines, st.Amount, name)
}

// assessment is the 述职评议考核 of the city's street, community and
// village secretaries under the city's scheme yanji-shuzhi, graded with
// its policy (ranks within categories, no quota).
type assessment struct {
	scheme  assess.Scheme
	scorer  *assess.Scorer
	orgs    map[string]orgmodel.Org // by subject ID (the org's code)
	results map[string]assess.Result
	grading *assess.Grading
	// bridge maps the records onto the scheme's inputs; applied is what
	// it put into each subject's input, with the links to the findings.
	bridge   *bridge.Bridge
	records  *records
	applied  map[string][]bridge.Applied
	category map[string]string
	names    map[string]string // organization paths by the caller's id
}

// assessSecretaries scores the secretary of every street work committee,
// community and village from the records of the organizations under it
// (the scheme's year), through the bridge, on top of the stand-in inputs
// the records cannot give, and grades them within their categories.
func assessSecretaries(t *orgmodel.Tree) (*assessment, error) {
	s, err := yanji.Scheme()
	if err != nil {
		return nil, err
	}
	m, err := yanji.Bridge()
	if err != nil {
		return nil, err
	}
	br, err := bridge.Compile(m, s)
	if err != nil {
		return nil, err
	}
	sc := br.Scorer()
	recs, err := readRecords(t, s.Year)
	if err != nil {
		return nil, err
	}
	g, err := assess.NewGrader(yanji.Policy())
	if err != nil {
		return nil, err
	}
	a := &assessment{scheme: s, scorer: sc, orgs: map[string]orgmodel.Org{}, results: map[string]assess.Result{},
		bridge: br, records: recs, applied: map[string][]bridge.Applied{}, category: map[string]string{}, names: map[string]string{}}
	for _, o := range t.All() {
		a.names[t.IDText(o.ID)] = t.PathString(o.ID)
	}
	var results []assess.Result
	in := sc.NewInput()
	for _, as := range yanji.Assessees(t) {
		o := as.Org
		if err := sc.Fill(in, standIn(o.Code, as.Category)); err != nil {
			return nil, fmt.Errorf("assessment of %s: %w", o.Code, err)
		}
		applied, err := br.Apply(in, recs.of(t, o))
		if err != nil {
			return nil, fmt.Errorf("assessment of %s: %w", o.Code, err)
		}
		res, err := sc.ScoreInput(in)
		if err != nil {
			return nil, fmt.Errorf("assessment of %s: %w", o.Code, err)
		}
		a.orgs[o.Code] = o
		a.applied[o.Code] = applied
		a.category[o.Code] = as.Category
		a.results[o.Code] = res
		results = append(results, res)
	}
	if a.grading, err = g.Grade(results); err != nil {
		return nil, err
	}
	return a, nil
}

// printAssessment prints the ranking of each category (街道 in full, the
// top five and the last three of 社区 and 村), its grade distribution, and
// the gates that applied.
func printAssessment(w io.Writer, c *city) {
	a := c.assessment
	fmt.Fprintf(w, "scheme %s (max %s), graded under %s\n", a.scorer.Name(), a.scorer.Max(), a.grading.Policy)
	fmt.Fprintf(w, "from the records (%d): the organizations' own findings under each secretary, mapped by %s:\n", a.records.year, a.bridge.Name())
	for _, l := range a.bridge.Lines() {
		fmt.Fprintf(w, "  %s %-16s → %s\n", lineTags[l.ID], l.ID, l.Clause)
	}
	fmt.Fprintln(w, "not from the records: 现场评分 pinpai 8, jianshi 95 %, baozhang 100 %, platform use 95 %, the other checklist items checked,")
	fmt.Fprintln(w, "  the same votes (上级领导 好2 较好1; 党员代表 好7 较好3 一般1; 群众代表 好6 较好4 一般1 不了解1), no bonus, no gate: one stand-in for all;")
	fmt.Fprintln(w, "numbers of the scheme: the article's 三实/三强/三化 structure, local practice and the library's own (see its note)")
	gates := map[string]int{}
	for _, cat := range yanji.Categories() {
		rows := a.grading.InCategory(cat.Name)
		if grp, ok := a.grading.Group(cat.Name); ok {
			var counts []string
			for _, gc := range grp.Grades {
				counts = append(counts, fmt.Sprintf("%s %d", gc.Grade, gc.Count))
			}
			fmt.Fprintf(w, "%s: %d secretaries; %s\n", cat.Name, grp.Subjects, strings.Join(counts, ", "))
		}
		fmt.Fprintf(w, "  %4s  %-12s %7s %6s %6s %5s  %-4s %-14s %s\n", "rank", "code", "total", "daily", "review", "bonus", "grade", "from records", "name (gates)")
		for i, g := range rows {
			res := a.results[g.Subject]
			for _, h := range res.Gates {
				gates[h.Gate+" ("+string(h.Effect)+"): "+h.Reason]++
			}
			if cat.Domain != orgmodel.Street && i >= 5 && i < len(rows)-3 {
				if i == 5 {
					fmt.Fprintf(w, "  %4s  … %d more\n", "", len(rows)-8)
				}
				continue
			}
			name := a.orgs[g.Subject].Name
			if len(res.Gates) > 0 {
				var ids []string
				for _, h := range res.Gates {
					ids = append(ids, h.Gate)
				}
				name += " (" + strings.Join(ids, ", ") + ")"
			}
			fmt.Fprintf(w, "  %4d  %-12s %7s %6s %6s %5s  %s  %s %s\n", g.Rank, g.Subject, res.Total, res.Components[0].Score,
				res.Components[1].Score, res.Bonus, g.Grade, padDisplay(appliedText(a.applied[g.Subject]), 14), name)
		}
	}
	for _, cat := range yanji.Categories() {
		if code := mostDeducted(a, cat.Name); code != "" {
			printTrace(w, a, code)
		}
	}
	fmt.Fprintln(w, "关口 gates applied:")
	keys := make([]string, 0, len(gates))
	for k := range gates {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		fmt.Fprintf(w, "  %3d  %s\n", gates[k], k)
	}
}
