package assess

import (
	"slices"
	"strconv"
	"strings"

	"github.com/dangjian-go/dangjian"
)

// Ungraded names the subjects a policy scores but does not grade: every
// subject of one of Categories (Result.Category), and the subjects listed
// by ID. They keep their totals and their place in the cohort's order, but
// take no grade and no rank, and count towards a quota's base only when
// the quota says so ([BaseAll]).
//
// For 民主评议党员 the category is the natural predicate: "预备党员参加民主评议，
// 但不评定等次" is a rule about a class of members, so [DemocraticReview]
// marks the category 预备党员 and the scorer's input carries it
// (Subject.Category). Subjects lists exceptions by ID for one cohort.
type Ungraded struct {
	Categories []string `json:"categories,omitempty"`
	Subjects   []string `json:"subjects,omitempty"`
	Reason     string   `json:"reason"`
	Source     string   `json:"source,omitempty"`
}

func (g *Grader) checkUngraded(ps *problems) {
	u := g.p.Ungraded
	if u == nil {
		return
	}
	g.ungCat, g.ungSub = map[string]bool{}, map[string]bool{}
	for i, c := range u.Categories {
		if c == "" {
			ps.addf("ungraded.categories["+strconv.Itoa(i)+"]", "", ErrInvalid, "empty category")
		}
		g.ungCat[c] = true
	}
	for i, s := range u.Subjects {
		if s == "" {
			ps.addf("ungraded.subjects["+strconv.Itoa(i)+"]", "", ErrInvalid, "empty subject ID")
		}
		g.ungSub[s] = true
	}
	if len(u.Categories) == 0 && len(u.Subjects) == 0 {
		ps.addf("ungraded", "", ErrInvalid, "name categories or subjects")
	}
	if u.Reason == "" {
		ps.addf("ungraded.reason", "", ErrInvalid, "say why these subjects are not graded")
	}
	g.ref(ps, "ungraded.source", u.Source, false)
}

// Override is a recorded decision that replaces a subject's computed
// grade: in 民主评议党员 the vote is an input and the 支委会 or 党员大会
// decides ("不能简单地'以票取人'"). It names the subject, the grade, the
// reason and who decided (the body and the meeting).
type Override struct {
	Subject string `json:"subject"`
	Grade   string `json:"grade"`
	Reason  string `json:"reason"`
	By      string `json:"by"`
}

// Override applies decisions to a grading made by this grader and returns
// a new grading; c is not modified. Each override replaces the subject's
// final grade, keeps the computed one as Recommended, adds an override
// step, and is recorded on the subject; ranks and the order do not move,
// and no other subject is regraded (a slot freed by an override is not
// refilled). An override of a subject already overridden replaces the
// earlier one.
//
// Every problem is reported, by path, in a [dangjian.Problems]: an unknown or
// ungraded subject, a subject overridden twice in one call, an unknown
// grade, a missing reason or decider, a grade barred to the subject by a
// gate or a downgrade rule (a rule, not a judgement), and a grade whose
// quota is binding ([dangjian.Must]) pushed beyond its allowed count. A
// normal ceiling ([dangjian.Usually], 一般不超过) may be exceeded by an
// override: the grading's quota use then reports Over.
func (g *Grader) Override(c *Grading, overrides []Override) (*Grading, error) {
	var ps problems
	if c == nil {
		return nil, dangjian.Problems{{Kind: ErrInput, Path: "grading", Detail: "no grading"}}
	}
	if c.Policy != g.p.Name {
		ps.addf("grading.policy", c.Policy, ErrInput, "graded under another policy than %q", g.p.Name)
	}
	out := &Grading{Policy: c.Policy, Subjects: make([]Graded, len(c.Subjects))}
	at := make(map[string]int, len(c.Subjects))
	for i, s := range c.Subjects {
		s.Barred = slices.Clone(s.Barred)
		s.Steps = slices.Clone(s.Steps)
		if s.Override != nil {
			o := *s.Override
			s.Override = &o
		}
		out.Subjects[i] = s
		at[s.Subject] = i
	}
	touched := map[string]int{}
	for i, o := range overrides {
		path := "overrides[" + strconv.Itoa(i) + "]"
		si, ok := at[o.Subject]
		switch {
		case !ok:
			ps.addf(path+".subject", o.Subject, ErrUnknownRef, "not a subject of the grading")
		case out.Subjects[si].Ungraded:
			ps.addf(path+".subject", o.Subject, ErrInput, "the subject is scored but not graded")
			ok = false
		}
		if j, dup := touched[o.Subject]; dup && ok {
			ps.addf(path+".subject", o.Subject, ErrDuplicate, "also overrides[%d]", j)
			ok = false
		}
		touched[o.Subject] = i
		if _, known := g.index[o.Grade]; !known {
			ps.addf(path+".grade", o.Grade, ErrUnknownRef, "not a grade of the policy")
			ok = false
		}
		if strings.TrimSpace(o.Reason) == "" {
			ps.addf(path+".reason", "", ErrInvalid, "an override records its reason")
		}
		if strings.TrimSpace(o.By) == "" {
			ps.addf(path+".by", "", ErrInvalid, "an override records who decided")
		}
		if !ok {
			continue
		}
		s := &out.Subjects[si]
		if k := slices.IndexFunc(s.Barred, func(b BarredGrade) bool { return b.Grade == o.Grade }); k >= 0 {
			ps.addf(path+".grade", o.Grade, ErrInvalid, "barred to %s by %s", o.Subject, s.Barred[k].Rule)
			continue
		}
		oc := o
		s.Steps = append(s.Steps, GradeStep{Kind: StepOverride, Rule: "override", From: s.Grade, To: o.Grade,
			Reason: o.Reason + " (decided by " + o.By + ")"})
		s.Grade, s.Override = o.Grade, &oc
	}
	out.Groups = g.summarize(out.Subjects, &ps)
	for _, grp := range out.Groups {
		for _, u := range grp.Quotas {
			if u.Modality != dangjian.Must || u.Final <= max(u.Allowed, u.Recommended) {
				continue
			}
			for i, o := range overrides {
				if o.Grade != u.Grade {
					continue
				}
				if si, ok := at[o.Subject]; ok && (!g.p.PerCategory || out.Subjects[si].Category == grp.Category) {
					ps.addf("overrides["+strconv.Itoa(i)+"].grade", o.Grade, ErrInvalid,
						"the quota for %s is binding (must): %d allowed, the overrides make %d", u.Grade, u.Allowed, u.Final)
				}
			}
		}
	}
	if len(ps.list) > 0 {
		return nil, ps.withIDs("overrides", func(i int) string { return overrides[i].Subject })
	}
	return out, nil
}

// The sources of the 民主评议党员 preset (RULES.md, minzhu-pingyi/policy/*).
const (
	srcSpecial = "gcdy-special"
	srcDyycjz  = "dyycjz-2024"
)

// oursID is the ID of the library's own source in the preset policies,
// as in the reference schemes: a quota's count rounding, tie policy and
// base where the text gives none are the library's readings.
const oursID = "ours"

var srcOurs = Source{ID: oursID, Source: dangjian.Source{Doc: "dangjian 参考方案：本库自拟取值", Confidence: dangjian.LibraryChoice,
	Note: "a reading chosen by the library where the text gives none; the alternatives are data a caller sets"}}

// DemocraticReview returns the policy of 民主评议党员 (a fresh value): the
// grades 优秀, 合格, 基本合格, 不合格 (verified); 优秀 at most 1/3 of the
// members, "一般不超过党员总数的1/3", a normal ceiling ([dangjian.Usually]:
// an override may exceed it, with a reason, and the grading reports by
// how much); probationary members (the category 预备党员) scored but not
// graded, "预备党员参加民主评议，但不评定等次" (verified); a no_award gate bars
// 优秀 (the library's reading of 不得评优).
//
// The library's readings, each configurable: the count is floored (the
// safe reading of 不超过); the 1/3 is of the full members graded (Base
// graded, recorded as data in the quota's [QuotaReading]: 党员总数 read
// literally includes probationary members, which gives a larger count;
// [GradePolicy.Literal] takes that reading, and each [QuotaUse] says which
// base was used); ties at the cut-off are all left out (all_out: the vote never
// decides a tie by an arbitrary order, and the branch may decide it by an
// override); ranks are competition ranks (1, 1, 3). The grades themselves
// come from the scheme's bands (Result.Grade): no national point bands
// exist. The computed grade is a recommendation; record the meeting's
// decision with [Grader.Override].
func DemocraticReview() GradePolicy {
	return GradePolicy{
		Name: "民主评议党员",
		Note: "grades, the 1/3 ceiling (一般: a normal ceiling) and the probationary rule are verified; the count rounding (floor), " +
			"the base (full members), the tie policy (all_out) and no_award barring 优秀 are the library's readings; the grades come " +
			"from the scheme's bands; the vote result is a recommendation for the 支委会 or 党员大会",
		Sources: []Source{
			{ID: srcSpecial, Source: dangjian.Source{Doc: "共产党员网《民主评议党员》专题", Confidence: dangjian.Verified,
				Note: "seen on a mirror, also quoted by dyycjz.com and gongxunwang.com: 按照优秀、合格、基本合格、不合格对党员进行评定。评定为优秀的比例一般不超过党员总数的1/3"}},
			{ID: srcDyycjz, Source: dangjian.Source{Doc: "2024年民主评议党员工作通知（标题未记录）", URL: "dyycjz.com/jw/0f/05/c4208a69381/page.html",
				Confidence: dangjian.Verified, Note: "预备党员参加民主评议，但不评定等次"}},
			srcOurs,
		},
		Grades: []string{"优秀", "合格", "基本合格", "不合格"},
		Quotas: []Quota{{Grade: "优秀", Max: MustShare("1/3"), Count: CountFloor, Ties: TiesAllOut, Base: BaseGraded,
			Reading: &QuotaReading{Text: "党员总数", Literal: BaseAll,
				Why: "the grades are given to full members only (预备党员参加民主评议，但不评定等次), so the library takes a third of the members graded, the smaller count and the safe reading of 一般不超过; the literal 党员总数 counts the probationary members too and can allow one 优秀 more"},
			Modality: dangjian.Usually, Source: srcSpecial, Cites: map[string]string{"count": oursID, "ties": oursID, "base": oursID},
			Note: "评定为优秀的比例一般不超过党员总数的1/3"}},
		Ranking:     Competition,
		Ungraded:    &Ungraded{Categories: []string{"预备党员"}, Reason: "预备党员参加民主评议，但不评定等次", Source: srcDyycjz},
		AwardGrades: []string{"优秀"},
	}
}
