package assess

import (
	"github.com/dangjian-go/dangjian"
)

// GradePolicy is how a cohort of scored subjects is graded: the grade
// order, optional bands over the total, the quotas, the vote-share
// downgrade rules, the tie-break keys, the ranking style, whether quotas
// and ranks apply per category, who is scored but not graded, and which
// grades are awards. It is data (JSON, lowerCamel keys); compile it with
// [NewGrader], which checks it and reports every problem.
//
// Grading works on [Result] values alone, in this order:
//
//  1. the starting grade: the band of the total when the policy has
//     Bands, otherwise the scorer's grade (Result.Grade);
//  2. the subject's gates (Result.Gates): set_grade (直接定级; of several,
//     the lowest grade wins), then cap_grade, then not_grade and, for
//     AwardGrades, no_award; zero is already in the total;
//  3. the downgrade rules, in the policy's order;
//  4. the quotas, best grade first, over the cohort (or each category)
//     in its order: total, tie-break keys, subject ID.
//
// A grade barred to a subject by a cap, a not_grade, a no_award gate or a
// downgrade rule is never taken through the quotas: a subject over a quota
// falls to the next lower grade it may take. A set_grade gate may raise a
// grade (直接定级 of a 先进 organization) but never above a cap or onto a
// barred grade; every other gate and rule only lowers. Under the break
// tie policy a cap, not_grade or no_award gate never improves the gated
// subject's final grade. Under all_in and all_out it can: a tie group's
// fate depends on its size, so a subject capped out of a tied pool may
// leave the others in it better placed (all_out: the tie dissolves and
// the remaining subject keeps the grade instead of falling to compete
// with the capped one).
//
// Without policy bands the scorer's grade already reflects the gates;
// applying them again changes nothing, unless the scorer applied them in
// another order, and then these steps show the difference.
type GradePolicy struct {
	Name string `json:"name"`
	// Note says what the policy is and which of its numbers are local
	// practice or unverified.
	Note    string   `json:"note,omitempty"`
	Sources []Source `json:"sources,omitempty"`
	// Grades is the grade order, best first: 好, 较好, 一般, 差; 优秀,
	// 合格, 基本合格, 不合格; 五星 … 一星.
	Grades []string `json:"grades"`
	// Bands, when set, grade the total afresh: half-open [from, to)
	// intervals without gap or overlap, the highest open above, better
	// bands for better grades. Without bands the scorer's grade is used.
	Bands []Band `json:"bands,omitempty"`
	// Cites names the source of the policy's bands ({"bands":
	// "star-2023"}); without an entry they cite no source.
	Cites      map[string]string `json:"cites,omitempty"`
	Quotas     []Quota           `json:"quotas,omitempty"`
	Downgrades []Downgrade       `json:"downgrades,omitempty"`
	// TieBreak lists the keys beyond the total, in order.
	TieBreak []TieKey `json:"tieBreak,omitempty"`
	// Ranking is the rank style; empty means [Competition].
	Ranking RankStyle `json:"ranking,omitempty"`
	// PerCategory applies the quotas and the ranks within each category
	// (Result.Category; "按单位类别排出名次") instead of over the cohort.
	PerCategory bool `json:"perCategory,omitempty"`
	// Ungraded names the subjects that are scored but not graded.
	Ungraded *Ungraded `json:"ungraded,omitempty"`
	// AwardGrades are the grades a subject hit by a no_award gate (不得评优)
	// may not take. Empty: no_award does not affect the grade, only
	// Graded.Eligible.
	AwardGrades []string `json:"awardGrades,omitempty"`
}

// Comparison is how a vote share is compared with its threshold.
//
// Deprecated: use [dangjian.Comparison]; the JSON codes ("more_than",
// "at_least") are the same.
type Comparison = dangjian.Comparison

const (
	// MoreThan: the share exceeds the threshold (超过).
	//
	// Deprecated: use [dangjian.MoreThan].
	MoreThan = dangjian.MoreThan
	// AtLeast: the share reaches the threshold (达到, 以上 read inclusively).
	//
	// Deprecated: use [dangjian.AtLeast].
	AtLeast = dangjian.AtLeast
)

// VoteShare is a condition on a subject's ballots: the share of Level
// among the valid votes (every level of Result.Ballots; 不了解 and void
// groups are already out) compared with Share. A subject without valid
// votes never meets it.
type VoteShare struct {
	Level   string              `json:"level"`
	Share   Share               `json:"share"`
	Compare dangjian.Comparison `json:"compare"`
	// Of names the denominator; only "valid" (the default) is known.
	Of string `json:"of,omitempty"`
}

// Downgrade is a vote-share rule applied after the gates and before the
// quotas: when the condition holds, Effect applies with Grade:
// set_grade forces the grade down to Grade ("差 votes over 1/3: 差"),
// cap_grade caps it there ("grade at most 一般"), not_grade bars it ("cannot
// be 好"). A downgrade rule never raises a grade, so set_grade and
// cap_grade differ only in the reason recorded. Such rules are local
// practice or unverified: the "差票超过 1/3" rule is not verified for
// 述职评议; none applies unless a policy lists it.
type Downgrade struct {
	ID     string     `json:"id"`
	When   VoteShare  `json:"when"`
	Effect GateEffect `json:"effect"`
	Grade  string     `json:"grade"`
	Reason string     `json:"reason"`
	// Source is the ID of one of the policy's sources; every rule cites
	// one.
	Source string `json:"source"`
}

// The source of the star preset (RULES.md, xingji/policy/quota/五星).
const (
	docStar2023 = "2023年党支部评星定级办法（某市，地名隐去）"
	urlStar2023 = "wm114.cn/wen/238/474775.html"
	srcStar2023 = "star-2023"
)

// StarRating returns a 党支部评星定级 policy (a fresh value) after one city's
// 2023 办法 (local practice, wording verified): 五星 from 90, 四星 80, 三星
// 70, 二星 60, 一星 below 60, and 五星 at most 30 % of the branches
// ("五星级党支部每年评定数量不超过总数的30%", [dangjian.Must]).
//
// The text writes the bands as integers ("80（含）—89分"); they are read as
// half-open intervals [80, 90), so 89.5 is 四星 and no total falls between
// bands. The count is floored; ties at the cut-off are all left out; ranks
// are competition ranks. Other places use other stars and shares (五星创评
// about 10 %; 星级化管理 10 / 40 / 30 %): copy and edit the policy.
func StarRating() GradePolicy {
	return GradePolicy{
		Name: "党支部评星定级",
		Note: "local practice (one city, 2023); bands read as half-open intervals; count floored and ties all_out are the library's readings",
		Sources: []Source{{ID: srcStar2023, Source: dangjian.Source{Doc: docStar2023, URL: urlStar2023, Confidence: dangjian.LocalPractice,
			Note: "一般总分为90分（含）以上可评定为五星级…60分以下…一星级; 五星级党支部每年评定数量不超过总数的30%"}}, srcOurs},
		Grades: []string{"五星", "四星", "三星", "二星", "一星"},
		Bands: []Band{
			{Grade: "五星", From: MustNum("90")},
			{Grade: "四星", From: MustNum("80"), To: MustNum("90")},
			{Grade: "三星", From: MustNum("70"), To: MustNum("80")},
			{Grade: "二星", From: MustNum("60"), To: MustNum("70")},
			{Grade: "一星", From: MustNum("0"), To: MustNum("60")},
		},
		Quotas: []Quota{{Grade: "五星", Max: MustShare("0.3"), Count: CountFloor, Ties: TiesAllOut, Base: BaseGraded,
			Reading: &QuotaReading{Text: "总数", Literal: BaseAll,
				Why: "the policy grades every branch, so both bases count the same; a caller who leaves some branches ungraded chooses which counts"},
			Modality: dangjian.Must, Source: srcStar2023, Cites: map[string]string{"count": oursID, "ties": oursID, "base": oursID},
			Note: "五星级党支部每年评定数量不超过总数的30%"}},
		Cites:   map[string]string{"bands": srcStar2023},
		Ranking: Competition,
	}
}
