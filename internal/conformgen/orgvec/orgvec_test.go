package orgvec_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/dangjian-go/dangjian/conformance"
	"github.com/dangjian-go/dangjian/internal/conformgen/orgvec"
)

// root is conformance/, from this package's directory.
const root = "../../../conformance"

// TestFilesUpToDate regenerates the family in memory and compares it byte
// for byte with conformance/org (go run ./internal/conformgen writes it).
func TestFilesUpToDate(t *testing.T) {
	files, err := orgvec.Files(conformance.RuleSet())
	require.NoError(t, err)
	for p, b := range files {
		got, err := os.ReadFile(filepath.Join(root, p))
		if err != nil || !bytes.Equal(got, b) {
			t.Errorf("conformance/%s is out of date: run go run ./internal/conformgen", p)
		}
	}
	// No stray tree on disk.
	entries, err := os.ReadDir(filepath.Join(root, orgvec.TreesDir))
	require.NoError(t, err)
	for _, e := range entries {
		if _, ok := files[orgvec.TreesDir+"/"+e.Name()]; !ok {
			t.Errorf("conformance/%s/%s is no vector's tree: remove it", orgvec.TreesDir, e.Name())
		}
	}
}

// TestFilesConventions checks the common conventions on the files: a
// header row, unique case names, rules and ruleset on every row, every
// rule ID in the catalogue and every finding's rule among its case's.
func TestFilesConventions(t *testing.T) {
	catalogue := catalogueIDs(t)
	cases := readCSV(t, filepath.Join(root, orgvec.CasesFile))
	rules := map[string][]string{}
	for _, c := range cases {
		require.NotContains(t, rules, c["case"], "case names are unique")
		rs := strings.Split(c["rules"], ";")
		for _, r := range rs {
			require.Contains(t, catalogue, r, "case %s: rule %s is in rules.json", c["case"], r)
		}
		rules[c["case"]] = rs
		_, err := time.Parse(time.DateOnly, c["as_of"])
		require.NoError(t, err)
	}
	count := map[string]int{}
	for _, f := range readCSV(t, filepath.Join(root, orgvec.FindingsFile)) {
		tc := f["tree_case"]
		require.Contains(t, rules, tc)
		require.Equal(t, tc+":"+f["id"]+":"+f["rules"], f["case"])
		require.Contains(t, rules[tc], f["rules"], "case %s", f["case"])
		require.Contains(t, []string{"error", "warning", "info"}, f["severity"])
		require.Equal(t, conformance.RuleSet(), f["ruleset"])
		count[tc]++
	}
	for _, c := range cases {
		require.Equal(t, strconv.Itoa(count[c["case"]]), c["findings"], "case %s", c["case"])
		require.Equal(t, conformance.RuleSet(), c["ruleset"])
	}
}

func catalogueIDs(t *testing.T) map[string]bool {
	b, err := os.ReadFile("../../../rules.json")
	require.NoError(t, err)
	var cat struct {
		Rules []struct {
			ID string `json:"id"`
		} `json:"rules"`
	}
	require.NoError(t, json.Unmarshal(b, &cat))
	ids := map[string]bool{}
	for _, r := range cat.Rules {
		ids[r.ID] = true
	}
	return ids
}

// readCSV reads a vector file into maps by column name.
func readCSV(t *testing.T, path string) []map[string]string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	require.NoError(t, err, path)
	require.NotEmpty(t, recs, path)
	var out []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

// TestFindingsDerived re-derives every expected finding of every CSV tree
// from the rule texts (ORG-RULES.md: 支部条例 第四条、第五条, 机关条例 第五条、
// 第六条, 国企条例 第四条, 农村条例 第二章, 党章 第十条、第三十一条, 任期意见,
// 选举条例 第三条、第四条) with a second implementation that does not call
// orgmodel, and compares the sets with conformance/org/findings.csv. The
// JSON tree (approvals) is derived by hand below.
func TestFindingsDerived(t *testing.T) {
	want := map[string][]string{}
	for _, f := range readCSV(t, filepath.Join(root, orgvec.FindingsFile)) {
		want[f["tree_case"]] = append(want[f["tree_case"]], f["id"]+" "+f["rules"]+" "+f["severity"])
	}
	for _, c := range readCSV(t, filepath.Join(root, orgvec.CasesFile)) {
		var got []string
		if strings.HasSuffix(c["tree"], ".json") {
			got = handDerived[c["case"]]
			require.NotNil(t, got, "case %s: no hand-derived findings", c["case"])
		} else {
			got = derive(t, filepath.Join(root, orgvec.Dir, c["tree"]), date(t, c["as_of"]))
		}
		slices.Sort(got)
		w := slices.Clone(want[c["case"]])
		slices.Sort(w)
		require.Equal(t, w, got, "case %s", c["case"])
	}
}

// handDerived are the findings of the JSON tree "approvals", worked by
// hand as of 2025-06-30:
//   - v1: village branch approved by the township committee t (农村条例:
//     乡镇党委或者以上党组织批准): none.
//   - v2: approved by v1, a branch: not a township committee or higher:
//     ORG-VILLAGE-APPROVAL, error (必须).
//   - v3: approved by an organization not in the tree: its level cannot be
//     checked: a warning.
//   - vc1: village 党委 approved by the township: it needs a county (local)
//     committee (经县级地方党委批准): ORG-VILLAGE-CMTE-APPROVAL, error.
//   - vc2: approved by the local committee r: none; 130 members, at least
//     100: no below-100 finding; fewer than 500: no congress.
//   - t: township committee, 9 + 30 + 20 + 15 + 120 + 130 = 324 members:
//     no threshold applies to townships; under 500: no congress.
//   - g: non-public 总支 of 40, under 50, set up with a threshold approval:
//     ORG-GB-BELOW-50-OTHER covered, info.
//   - b: organ branch elected 2021-01-01, due recorded 2025-01-01: 4 years
//     against 3, within the 1 year a change may take, approved:
//     ORG-TERM-BRANCH-3 info; due 2025-01-01 passed with no 换届, the
//     term change approved: ORG-TERM-OVERDUE info.
//
// And those of the JSON tree "posts" (支部条例 第二十条: 正式党员7人以上的党支部
// 设立支部委员会，由3至5人组成; 不足7人的，设1名书记，必要时可以设1名副书记;
// 党章 第三十一条 for the secretaries of committees; the handbooks' 5–9 for a
// 党委), as of 2025-06-30:
//   - p7ok: 7 full members, a committee of 4 distinct persons with the
//     organization, propaganda and discipline members: none.
//   - p7one: 7 full members, one person holding all four posts: a
//     committee of 1, under 3: ORG-BRANCH-CMTE-7, error; the posts are all
//     held: no ORG-BRANCH-CMTE-POSTS.
//   - p6: 6 full members, a secretary and an organization member: a
//     committee post under 7: ORG-BRANCH-SEC-ONLY, error.
//   - p5dep: two deputies, more than 1: ORG-BRANCH-DEPUTY-1, error.
//   - p5nosec: only a deputy, no secretary: ORG-SECRETARY, error.
//   - c3: an organ 党委 of 120 with 3 seats, under 5: ORG-CMTE-SIZE,
//     warning (一般); it has a secretary.
//
// And those of the JSON tree "post-approvals" (党章 第三十一条 and 支部条例
// 第二十一条: 书记、副书记选举产生后，应报上级党组织批准; 选出的党支部委员，报上级党组织
// 备案), as of 2025-06-30; the tree records approvals of posts and filings,
// so both are checked; an approval or filing covers a post that started on
// or before its day:
//   - ok: secretary from 2024-01-10, approved 2024-01-20; committee members
//     from 2024-01-10 and 2024-01-20, filed 2024-01-20: none. 10 full
//     members, a committee of 4 with the three posts: no post finding.
//   - early: secretary from 2024-03-01, the only approval 2024-02-28,
//     before it: ORG-POST-APPROVAL, error; members filed on their first
//     day (2024-03-01): covered.
//   - deputy: 5 full members, secretary (approved after the start) and one
//     deputy from 2025-05-01, after the approval of 2024-01-20:
//     ORG-POST-APPROVAL, error; no committee members to file.
//   - unfiled: 8 full members; the discipline member from 2025-03-01, after
//     the filing of 2024-01-20: ORG-BRANCH-MEMBER-FILING, error.
//   - ended: the secretary of 2022 left on 2025-01-01 (not in post on the
//     day), the new one from 2025-01-01 approved 2025-01-05: none.
//   - cmte: a 党委 of 120; the deputy from 2025-02-01 after the approval of
//     2024-01-20: ORG-POST-APPROVAL, error; a committee's members need no
//     filing (the filing rule is the branch regulation's): none for
//     f5; 5 seats: no ORG-CMTE-SIZE.
//
// And those of "first-secretaries" (2015 notice: 任期一般为1－3年; 2021
// opinion: 必须是中共正式党员，具有1年以上党龄; 一般2年), each village branch
// approved by its township committee, as of 2025-06-30; the rule is the one
// in force on the assignment's start:
//   - v1: full since 2010, from 2024-03-01, still serving (1 year 4 months):
//     none.
//   - v2: a probationary member: ORG-FIRSTSEC-ELIGIBLE, error.
//   - v3: full since 2023-03-02, a day short of 1 year on 2024-03-01:
//     ORG-FIRSTSEC-ELIGIBLE, error.
//   - v4: full since 2023-03-01, exactly 1 year: none.
//   - v5: full, since when not recorded: the standing cannot be checked:
//     ORG-FIRSTSEC-ELIGIBLE, warning.
//   - v6: from 2023-06-30, serving on 2025-06-30: exactly 2 years, not
//     more: none.
//   - v7: from 2023-06-29, serving on 2025-06-30: more than 2 years:
//     ORG-FIRSTSEC-TERM-2021, warning (一般).
//   - v8: 2019-01-01 to 2022-01-01 (the end exclusive): 3 years, not more,
//     under the 2015 notice; no eligibility check before 2021 (p8 has no
//     date of full membership): none.
//   - v9: 2019-01-01 to 2022-01-02: more than 3 years:
//     ORG-FIRSTSEC-TERM-2015, warning.
//
// And those of "threshold-approvals" (the handbooks' 因工作需要，经上级党组织
// 批准: an approval makes a threshold finding info, 组织工作 practice):
//   - soft: a non-public branch of 51 (一般不超过50人) with a threshold
//     approval naming no rule: ORG-BRANCH-SOFTCAP-50, info.
//   - soft-term: 52, its only approval a term change: not covered:
//     ORG-BRANCH-SOFTCAP-50, warning.
//   - organ-other: an organ branch of 60 (50人以上 设立总支: 应当) with a
//     threshold approval naming ORG-CMTE-ORGAN-100: not covered:
//     ORG-GB-ORGAN-50, error; organs have no soft cap.
//   - soe-named: a state-enterprise branch of 60, the approval naming
//     ORG-GB-SOE-50: ORG-GB-SOE-50 info; the soft cap is not named:
//     ORG-BRANCH-SOFTCAP-50, warning.
//   - np-gb: a non-public 总支 of 120 (超过100人 可以 a 党委): covered:
//     ORG-CMTE-100, info.
var handDerived = map[string][]string{
	"post-approvals": {
		"early ORG-POST-APPROVAL error",
		"deputy ORG-POST-APPROVAL error",
		"unfiled ORG-BRANCH-MEMBER-FILING error",
		"cmte ORG-POST-APPROVAL error",
	},
	"first-secretaries": {
		"v2 ORG-FIRSTSEC-ELIGIBLE error",
		"v3 ORG-FIRSTSEC-ELIGIBLE error",
		"v5 ORG-FIRSTSEC-ELIGIBLE warning",
		"v7 ORG-FIRSTSEC-TERM-2021 warning",
		"v9 ORG-FIRSTSEC-TERM-2015 warning",
	},
	"threshold-approvals": {
		"soft ORG-BRANCH-SOFTCAP-50 info",
		"soft-term ORG-BRANCH-SOFTCAP-50 warning",
		"organ-other ORG-GB-ORGAN-50 error",
		"soe-named ORG-BRANCH-SOFTCAP-50 warning",
		"soe-named ORG-GB-SOE-50 info",
		"np-gb ORG-CMTE-100 info",
	},
	"posts": {
		"p7one ORG-BRANCH-CMTE-7 error",
		"p6 ORG-BRANCH-SEC-ONLY error",
		"p5dep ORG-BRANCH-DEPUTY-1 error",
		"p5nosec ORG-SECRETARY error",
		"c3 ORG-CMTE-SIZE warning",
	},
	"approvals": {
		"v2 ORG-VILLAGE-APPROVAL error",
		"v3 ORG-VILLAGE-APPROVAL warning",
		"vc1 ORG-VILLAGE-CMTE-APPROVAL error",
		"g ORG-GB-BELOW-50-OTHER info",
		"b ORG-TERM-BRANCH-3 info",
		"b ORG-TERM-OVERDUE info",
	},
}

func date(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse(time.DateOnly, s)
	require.NoError(t, err)
	return d
}

// addYears is the same day n years later; 29 February becomes 28 February
// in a common year.
func addYears(d time.Time, n int) time.Time {
	y, m, day := d.Date()
	y += n
	if m == time.February && day == 29 && !(y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
		day = 28
	}
	return time.Date(y, m, day, 0, 0, 0, 0, time.UTC)
}

// addMonths is the same day n months later, clamped to the month's end.
func addMonths(d time.Time, n int) time.Time {
	y, m, day := d.Date()
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return time.Date(first.Year(), first.Month(), min(day, last), 0, 0, 0, 0, time.UTC)
}

type org struct {
	id, parent, kind, domain   string
	full, prob, units          int64
	elected, due, renewed      time.Time
	totFull, totAll            int64 // the subtree, party groups not added
	hasElected, hasDue, hasRen bool
	projStart, projEnd         time.Time // a project's first and last day (project_start, project_end)
	isProject, hasProjEnd      bool
	children                   []*org
}

// derive computes the findings of a CSV tree as of asOf, as "id rule
// severity" strings.
func derive(t *testing.T, path string, asOf time.Time) []string {
	t.Helper()
	rows := readCSV(t, path)
	orgs := make([]*org, len(rows))
	byID := map[string]*org{}
	for i, r := range rows {
		o := &org{id: r["id"], parent: r["parent_id"], kind: r["kind"], domain: r["domain"]}
		o.full, _ = strconv.ParseInt(r["full_members"], 10, 64)
		o.prob, _ = strconv.ParseInt(r["probationary_members"], 10, 64)
		o.units, _ = strconv.ParseInt(r["units"]+"0", 10, 64)
		o.units /= 10
		if o.elected, o.hasElected = parseOpt(r["elected"]); !o.hasElected && r["elected"] != "" {
			t.Fatalf("%s: bad date %q", path, r["elected"])
		}
		o.due, o.hasDue = parseOpt(r["due"])
		o.renewed, o.hasRen = parseOpt(r["renewed"])
		o.projStart, o.isProject = parseOpt(r["project_start"])
		o.projEnd, o.hasProjEnd = parseOpt(r["project_end"])
		if (r["project_start"] != "" && !o.isProject) || (r["project_end"] != "" && !o.hasProjEnd) {
			t.Fatalf("%s: bad project dates %q..%q", path, r["project_start"], r["project_end"])
		}
		orgs[i], byID[o.id] = o, o
	}
	for _, o := range orgs {
		if p := byID[o.parent]; p != nil {
			p.children = append(p.children, o)
		}
	}
	// Subtree totals: each organization's own members, then added up the
	// parent chain; a party group's members are its branch's already.
	for _, o := range orgs {
		if o.kind == "party_group" {
			continue
		}
		for p := o; p != nil; p = byID[p.parent] {
			p.totFull += o.full
			p.totAll += o.full + o.prob
		}
	}
	var out []string
	add := func(o *org, rule, sev string) { out = append(out, o.id+" "+rule+" "+sev) }
	in := func(s string, xs ...string) bool { return slices.Contains(xs, s) }
	for _, o := range orgs {
		branch := in(o.kind, "branch", "joint_branch")
		all := o.totAll
		switch {
		case branch:
			// 支部条例 第四条: 正式党员3人以上 … 一般不超过50人.
			if o.totFull < 3 {
				add(o, "ORG-BRANCH-MIN-3", "error")
			}
			if o.domain != "organ" && all > 50 {
				add(o, "ORG-BRANCH-SOFTCAP-50", "warning")
			}
			if o.kind == "joint_branch" && o.units > 5 {
				add(o, "ORG-JOINT-UNITS-5", "warning")
			}
			// 机关条例 第六条, 国企条例: 50人以上、100人以下 设立总支.
			if all >= 50 && all < 100 && o.domain == "organ" {
				add(o, "ORG-GB-ORGAN-50", "error")
			}
			if all >= 50 && all < 100 && o.domain == "state_enterprise" {
				add(o, "ORG-GB-SOE-50", "error")
			}
			// 农村条例: 超过50人的村 可以成立总支.
			if o.domain == "village" && all > 50 {
				add(o, "ORG-GB-VILLAGE-50", "info")
			}
		case o.kind == "general_branch":
			switch {
			case o.domain == "organ" && all < 50:
				add(o, "ORG-GB-BELOW-50", "warning")
			case o.domain == "village" && all <= 50: // 虽不足50人: "超过50人" is the default
				add(o, "ORG-GB-BELOW-50-VILLAGE", "warning")
			case !in(o.domain, "organ", "village") && all < 50:
				add(o, "ORG-GB-BELOW-50-OTHER", "warning")
			}
		case o.kind == "committee":
			switch {
			case in(o.domain, "organ", "state_enterprise") && all < 100:
				add(o, "ORG-CMTE-BELOW-100", "warning")
			case o.domain == "village" && all < 100:
				add(o, "ORG-CMTE-BELOW-100-VILLAGE", "warning")
			case !in(o.domain, "organ", "state_enterprise", "township", "street", "village") && all < 100:
				add(o, "ORG-CMTE-BELOW-100-OTHER", "warning")
			}
		}
		if branch || o.kind == "general_branch" {
			// 100人以上 设立党的基层委员会 (机关, 国企: 应当; 村: 可以);
			// elsewhere the handbooks' 超过100人 可以.
			switch {
			case o.domain == "organ" && all >= 100:
				add(o, "ORG-CMTE-ORGAN-100", "error")
			case o.domain == "state_enterprise" && all >= 100:
				add(o, "ORG-CMTE-SOE-100", "error")
			case o.domain == "village" && all >= 100:
				add(o, "ORG-CMTE-VILLAGE-100", "info")
			case !in(o.domain, "organ", "state_enterprise", "village") && all > 100:
				add(o, "ORG-CMTE-100", "info")
			}
		}
		termKind := in(o.kind, "committee", "general_branch", "branch", "joint_branch")
		// 选举条例 第四条: 500名以上 可以召开党员代表大会; 农村条例: 500人以上的村党委.
		if termKind && o.domain != "village" && all >= 500 {
			add(o, "ORG-CONGRESS-500", "info")
		}
		if o.kind == "committee" && o.domain == "village" && all >= 500 {
			add(o, "ORG-CONGRESS-500-VILLAGE", "info")
		}
		// 农村条例: 村…成立党组织，必须经乡镇党委或者以上党组织批准; a CSV
		// tree records no approval.
		if o.domain == "village" && (branch || o.kind == "general_branch") {
			add(o, "ORG-VILLAGE-APPROVAL", "error")
		}
		if o.domain == "village" && o.kind == "committee" {
			add(o, "ORG-VILLAGE-CMTE-APPROVAL", "error")
		}
		if o.kind == "party_group" && (o.full+o.prob < 3 || o.full < 1) {
			if o.domain == "organ" {
				add(o, "ORG-GROUP-SIZE-ORGAN", "error")
			} else {
				add(o, "ORG-GROUP-SIZE", "warning")
			}
		}
		hasTerm := o.hasElected || o.hasDue || o.hasRen
		if o.kind == "work_committee" && hasTerm {
			add(o, "ORG-DISPATCHED-NO-TERM", "warning")
		}
		if strings.HasPrefix(o.kind, "temporary_") && hasTerm {
			add(o, "ORG-TEMP-NO-TERM", "warning")
		}
		if termKind && (o.hasElected || o.hasDue) {
			deriveTerm(o, asOf, add)
		}
		if o.isProject {
			deriveProject(o, asOf, add)
		}
	}
	return out
}

// isBranchKind: a branch, joint branch or their temporary kinds (临时党支部
// counts as the branch), not a 总支.
func isBranchKind(kind string) bool {
	return strings.HasSuffix(kind, "branch") && !strings.HasSuffix(kind, "general_branch")
}

// deriveProject: 支部条例 第五条 (from 2018-10-28): 为期6个月以上的工程、工作项目等，
// 符合条件的，应当成立党支部. A project under way on asOf (first day ≤ asOf ≤
// last day), lasting 6 months or more (以上 includes 6; first and last day
// both count: the day after the last day, or after asOf when no end is
// recorded, is on or after the first day plus 6 months), with 3 full
// members (第四条's condition; a party group's own, otherwise its
// subtree's), that is no branch and has none in it, is an error.
func deriveProject(o *org, asOf time.Time, add func(*org, string, string)) {
	if asOf.Before(date0(2018, 10, 28)) || asOf.Before(o.projStart) || (o.hasProjEnd && asOf.After(o.projEnd)) {
		return
	}
	last := asOf
	if o.hasProjEnd {
		last = o.projEnd
	}
	if last.AddDate(0, 0, 1).Before(addMonths(o.projStart, 6)) {
		return
	}
	full := o.totFull
	if o.kind == "party_group" {
		full = o.full
	}
	if full < 3 || isBranchKind(o.kind) {
		return
	}
	var hasBranch func(*org) bool
	hasBranch = func(p *org) bool {
		for _, c := range p.children {
			if isBranchKind(c.kind) || hasBranch(c) {
				return true
			}
		}
		return false
	}
	if !hasBranch(o) {
		add(o, "ORG-PROJECT-BRANCH-6M", "error")
	}
}

func parseOpt(s string) (time.Time, bool) {
	d, err := time.Parse(time.DateOnly, s)
	return d, err == nil
}

// deriveTerm: the term is the one the rules in force on the election date
// give (党章 第三十一条 before and after 2017-10-24; 任期意见 from
// 2018-07-12: 党委 5 years, 总支 and 支部 3, 村和社区 5); a recorded due
// date off the term needs approval (延长或提前…应当报上级党组织批准, at most
// 1 year); a term past its due date without a 换届 (or renewed after it)
// is overdue; one due within 6 months is a reminder.
func deriveTerm(o *org, asOf time.Time, add func(*org, string, string)) {
	opinion := date0(2018, 7, 12)
	constitution := date0(2017, 10, 24)
	var rule string
	var lo, hi int
	if o.hasElected {
		el := o.elected
		switch {
		case o.kind == "committee" && el.Before(opinion):
			rule, lo, hi = "ORG-TERM-CMTE-PRE2018", 3, 5
		case o.kind != "committee" && el.Before(constitution):
			rule, lo, hi = "ORG-TERM-BRANCH-PRE2017", 2, 3
		case o.kind != "committee" && el.Before(opinion):
			rule, lo, hi = "ORG-TERM-BRANCH-2017", 3, 5
		case o.domain == "village" || o.domain == "community":
			rule, lo, hi = "ORG-TERM-VILLAGE-COMMUNITY-5", 5, 5
		case o.kind == "committee":
			rule, lo, hi = "ORG-TERM-CMTE-5", 5, 5
		default:
			rule, lo, hi = "ORG-TERM-BRANCH-3", 3, 3
		}
	}
	due := o.due
	if !o.hasDue {
		due = addYears(o.elected, hi)
	} else if rule != "" && (due.Before(addYears(o.elected, lo)) || due.After(addYears(o.elected, hi))) {
		add(o, rule, "error")
	}
	switch {
	case !o.hasRen && asOf.After(due), o.hasRen && o.renewed.After(due):
		add(o, "ORG-TERM-OVERDUE", "error")
	case !o.hasRen && due.Before(addMonths(asOf, 6)):
		add(o, "ORG-TERM-DUE-SOON", "info")
	}
}

func date0(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
