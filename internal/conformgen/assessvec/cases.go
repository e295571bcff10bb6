package assessvec

import "strings"

// The cohorts of the assessment vectors, one or more per scheme: the
// worked cohort of each reference scheme (the subjects of
// assess/testdata/reference and place/yanji/testdata, whose results are
// derived by hand in those packages' tests), then tie and quota cohorts
// built from the same subjects under new IDs.

// cohort is one vector: a scheme, its reference grading policy and the
// subjects, as examples/assess reads them (a JSON array).
type cohort struct {
	name, scheme, note string
	subjects           []string // JSON objects, one per subject
}

// like returns the subject base (a JSON object) under the ID id.
func like(base map[string]string, from, id string) string {
	s := base[from]
	return `{"id": "` + id + `",` + s[len(`{"id": "`+from+`",`):]
}

// variant returns like(base, from, id) with each text old of the pairs
// old, new replaced by its new (every old must be there).
func variant(base map[string]string, from, id string, pairs ...string) string {
	s := like(base, from, id)
	for i := 0; i+1 < len(pairs); i += 2 {
		if !strings.Contains(s, pairs[i]) {
			panic("assessvec: variant of " + from + ": no " + pairs[i])
		}
		s = strings.Replace(s, pairs[i], pairs[i+1], 1)
	}
	return s
}

var jifen = map[string]string{
	"J1": `{"id": "J1", "values": {"study_sessions": "8", "study_notes": "3.5", "study_reflections": "4", "three_meetings": "3", "party_day": "5"}, "events": {"conduct": [{"clause": "dues_unpaid"}]}, "votes": {"review": {"members": {"counts": {"优秀": 5, "合格": 4, "基本合格": 1}}}}, "bonus": {"volunteer": 6, "model_post": 1, "award_county": 1}}`,
	"J2": `{"id": "J2", "values": {"study_sessions": "5", "study_notes": "4", "study_reflections": "2", "three_meetings": "4", "party_day": "2"}, "events": {"conduct": [{"clause": "absent", "count": 2}, {"clause": "task_undone"}]}, "votes": {"review": {"members": {"counts": {"优秀": 2, "合格": 6, "基本合格": 1, "不了解": 1}}}}, "bonus": {"award_city": 1, "award_county": 2}}`,
	"J3": `{"id": "J3", "values": {"study_sessions": "6", "study_notes": "4", "study_reflections": "4", "three_meetings": "4", "party_day": "4"}, "votes": {"review": {"members": {"counts": {"优秀": 10}}}}, "bonus": {"award_city": 2}, "flags": {"crime": true}}`,
	"J4": `{"id": "J4", "values": {"study_sessions": "1", "study_notes": "1", "study_reflections": "0", "three_meetings": "1", "party_day": "0"}, "events": {"conduct": [{"clause": "dues_unpaid", "count": 6}, {"clause": "absent", "count": 5}, {"clause": "task_undone", "count": 3}]}, "votes": {"review": {"members": {"counts": {"合格": 1, "基本合格": 3, "不合格": 4}}}}}`,
	// T1 scores 90 exactly with no bonus; T2 one point less in its notes
	// and one point of bonus: the same total, ahead on the bonus.
	"T1": `{"id": "T1", "values": {"study_sessions": "6", "study_notes": "4", "study_reflections": "4", "three_meetings": "4", "party_day": "4"}, "votes": {"review": {"members": {"counts": {"优秀": 10}}}}}`,
	"T2": `{"id": "T2", "values": {"study_sessions": "6", "study_notes": "3", "study_reflections": "4", "three_meetings": "4", "party_day": "4"}, "votes": {"review": {"members": {"counts": {"优秀": 10}}}}, "bonus": {"volunteer": 1}}`,
	// T4 clamps: 9 sessions of 6 count as 6, notes of 5 as the max 4.
	"T4": `{"id": "T4", "values": {"study_sessions": "9", "study_notes": "5", "study_reflections": "4", "three_meetings": "4", "party_day": "4"}, "events": {"conduct": [{"clause": "task_undone"}]}, "votes": {"review": {"members": {"counts": {"优秀": 3, "合格": 3, "不了解": 3}}}}}`,
}

var minzhu = map[string]string{
	"M1": `{"id": "M1", "category": "正式党员", "votes": {"votes": {"members": {"counts": {"优秀": 8, "合格": 1}}}}}`,
	"M2": `{"id": "M2", "category": "正式党员", "votes": {"votes": {"members": {"counts": {"优秀": 7, "合格": 2}}}}, "events": {"conduct": [{"clause": "absent"}]}}`,
	"M3": `{"id": "M3", "category": "正式党员", "votes": {"votes": {"members": {"counts": {"优秀": 6, "合格": 3}}}}}`,
	"M4": `{"id": "M4", "category": "正式党员", "votes": {"votes": {"members": {"counts": {"合格": 7, "基本合格": 1, "不了解": 1}}}}, "events": {"conduct": [{"clause": "dues_unpaid", "count": 2}]}}`,
	"M5": `{"id": "M5", "category": "正式党员", "votes": {"votes": {"members": {"counts": {"合格": 4, "基本合格": 4, "不合格": 1}}}}, "events": {"conduct": [{"clause": "absent"}]}}`,
	"M6": `{"id": "M6", "category": "正式党员", "votes": {"votes": {"members": {"counts": {"优秀": 9}}}}, "flags": {"disciplined": true}}`,
	"M7": `{"id": "M7", "category": "预备党员", "votes": {"votes": {"members": {"counts": {"优秀": 9}}}}}`,
}

var xingji = map[string]string{
	"X1": `{"id": "X1", "values": {"dues_rate": "98.5"}, "checked": {"development": ["plan", "training", "procedure"]}, "events": {"group_meeting": [{"clause": "missed"}], "education": [{"clause": "missed", "count": 2}], "zhidu": [{"clause": "missing_rule", "count": 2}]}, "votes": {"satisfaction": {"members": {"counts": {"满意": 18, "基本满意": 2}}, "masses": {"counts": {"满意": 12, "基本满意": 3, "不满意": 1, "不了解": 4}}}}}`,
	"X2": `{"id": "X2", "values": {"dues_rate": "100"}, "checked": {"development": ["plan", "procedure"]}, "events": {"banzi": [{"clause": "disunity"}], "general_meeting": [{"clause": "missed"}], "committee_meeting": [{"clause": "missed", "count": 2}], "party_lecture": [{"clause": "missed"}], "penalty": [{"clause": "discipline", "level": "重处分", "case": "A"}, {"clause": "discipline", "level": "轻处分", "case": "A"}, {"clause": "discipline", "level": "诫勉", "case": "B"}]}, "votes": {"satisfaction": {"members": {"counts": {"满意": 15, "基本满意": 5}}, "masses": {"counts": {"满意": 10, "基本满意": 5, "不满意": 5}}}}, "flags": {"advanced_org": true}}`,
	"X3": `{"id": "X3", "values": {"dues_rate": "90"}, "checked": {"development": ["plan", "training"]}, "events": {"banzi": [{"clause": "election"}], "general_meeting": [{"clause": "missed"}], "committee_meeting": [{"clause": "missed"}], "education": [{"clause": "missed", "count": 2}], "zhidu": [{"clause": "missing_rule", "count": 2}], "penalty": [{"clause": "discipline", "level": "轻处分"}]}, "votes": {"satisfaction": {"members": {"counts": {"满意": 10, "基本满意": 10}}, "masses": {"counts": {"满意": 5, "基本满意": 5, "不满意": 2}}}}, "flags": {"weak_org": true}}`,
	"X4": `{"id": "X4", "values": {"dues_rate": "75.25"}, "events": {"banzi": [{"clause": "disunity", "count": 3}, {"clause": "rectification_files"}], "general_meeting": [{"clause": "missed", "count": 5}], "committee_meeting": [{"clause": "missed", "count": 2}], "group_meeting": [{"clause": "missed", "count": 3}], "party_lecture": [{"clause": "missed", "count": 5}], "life_meeting": [{"clause": "not_held"}], "education": [{"clause": "missed", "count": 10}], "zhidu": [{"clause": "no_plan"}, {"clause": "no_review"}], "penalty": [{"clause": "discipline", "level": "诫勉", "case": "A"}, {"clause": "discipline", "level": "诫勉", "case": "B"}]}, "votes": {"satisfaction": {"members": {"counts": {"满意": 2, "基本满意": 4, "不满意": 4}}, "masses": {"counts": {"基本满意": 3, "不满意": 3, "不了解": 2}}}}}`,
}

var yanjiSubjects = map[string]string{
	"community-1": `{"id": "community-1", "category": "社区", "values": {"jianshi": "87.5", "baozhang": "96", "pinpai": "7.5"}, "checked": {"yanshi": ["documents", "four_lists", "four_level", "cadres_serve"], "duiwu": ["first_secretary", "reserve_pool", "community_workers"], "fuwu": ["creation_targets", "service_posts", "joint_agreements"]}, "events": {"yashi": [{"clause": "regular_meeting", "count": 2}, {"clause": "work_day", "count": 8}, {"clause": "discipline", "level": "轻处分", "case": "A"}, {"clause": "discipline", "level": "诫勉", "case": "A"}], "zhendi": [{"clause": "platform_use", "value": "85.5"}, {"clause": "venue_misuse"}], "zaiti": [{"clause": "dangjian_plus"}, {"clause": "three_heads", "count": 3}]}, "votes": {"ceping": {"leaders": {"counts": {"好": 3, "较好": 2}}, "members": {"counts": {"好": 12, "较好": 6, "一般": 2, "不了解": 1}}, "masses": {"counts": {"好": 10, "较好": 8, "一般": 3, "差": 1}, "issued": 25, "returned": 22}}}, "bonus": {"project_award_city": 3, "experience_promoted": 1}}`,
	"street-1":    `{"id": "street-1", "category": "街道", "values": {"jianshi": "104", "baozhang": "100", "pinpai": "9.5"}, "checked": {"yanshi": ["documents", "organs_in_community", "four_lists", "four_level", "cadres_serve"], "duiwu": ["first_secretary", "reserve_pool", "community_workers", "nonpublic_instructors"], "fuwu": ["creation_targets", "service_posts", "service_actions", "joint_agreements"]}, "events": {"zhendi": [{"clause": "platform_use", "value": "92"}]}, "votes": {"ceping": {"leaders": {"counts": {"好": 5}}, "members": {"counts": {"好": 18, "较好": 2}}, "masses": {"counts": {"好": 15, "较好": 4, "一般": 1, "不了解": 2}}}}, "bonus": {"project_award_city": 1, "project_award_higher": 2, "experience_promoted": 1}, "flags": {"held_accountable": true, "team_disunity": false}}`,
	"village-1":   `{"id": "village-1", "category": "村", "values": {"jianshi": "60", "baozhang": "80", "pinpai": "4"}, "checked": {"yanshi": ["documents"], "fuwu": ["service_actions"]}, "events": {"yashi": [{"clause": "dual_duty"}, {"clause": "secretary_project"}], "zhendi": [{"clause": "venue_standard", "count": 3}], "zaiti": [{"clause": "five_step"}, {"clause": "love_market"}]}, "votes": {"ceping": {"leaders": {"counts": {"一般": 2, "差": 1}}, "members": {"counts": {"一般": 6, "差": 4}}, "masses": {"counts": {"较好": 2, "一般": 5, "差": 3}}}}, "flags": {"serious_violation": true, "censured": true}}`,
	"community-2": `{"id": "community-2", "category": "社区", "values": {"jianshi": "91.5", "baozhang": "100", "pinpai": "5"}, "checked": {"yanshi": ["documents", "organs_in_community", "four_lists"], "duiwu": ["first_secretary", "reserve_pool", "community_workers", "nonpublic_instructors"], "fuwu": ["creation_targets", "service_posts", "service_actions", "joint_agreements"]}, "events": {"yashi": [{"clause": "leading_group", "count": 5}], "zhendi": [{"clause": "platform_use", "value": "70"}, {"clause": "venue_standard"}]}, "votes": {"ceping": {"leaders": {"counts": {"不了解": 3}}, "members": {"counts": {"好": 10, "较好": 10}}, "masses": {"counts": {"好": 20}, "issued": 10, "returned": 20}}}}`,
}

var cohorts = []cohort{
	{name: "jifen-worked", scheme: "jifen",
		note:     "the reference cohort: item caps, deductions, votes with 不了解, the bonus pool at its cap, 一票否决",
		subjects: []string{jifen["J1"], jifen["J2"], jifen["J3"], jifen["J4"]}},
	{name: "jifen-tie", scheme: "jifen",
		note:     "equal totals of 90: the bonus breaks the tie (T2 ahead), identical subjects share a competition rank and the next rank skips; values over an item's cap are clamped",
		subjects: []string{jifen["T1"], jifen["T2"], like(jifen, "T1", "T3"), jifen["T4"], jifen["J4"]}},
	{name: "minzhu-pingyi-worked", scheme: "minzhu-pingyi",
		note:     "the reference cohort: 优秀 at most 1/3 of the 6 full members graded (2), the third 优秀 demoted; 不得评优 and the probationary member not graded",
		subjects: []string{minzhu["M1"], minzhu["M2"], minzhu["M3"], minzhu["M4"], minzhu["M5"], minzhu["M6"], minzhu["M7"]}},
	{name: "minzhu-pingyi-quota-boundary", scheme: "minzhu-pingyi",
		note: "9 full members graded, 3 of them 优秀 by the band: exactly the 1/3 allowed, none demoted",
		subjects: []string{minzhu["M1"], minzhu["M2"], minzhu["M3"], minzhu["M4"], like(minzhu, "M4", "M4b"), like(minzhu, "M4", "M4c"),
			minzhu["M5"], like(minzhu, "M5", "M5b"), like(minzhu, "M5", "M5c")}},
	{name: "minzhu-pingyi-quota-tie", scheme: "minzhu-pingyi",
		note:     "6 graded, 2 优秀 allowed; the second and third tie at the cut-off: under ties all_out both fall to 合格",
		subjects: []string{minzhu["M1"], minzhu["M3"], like(minzhu, "M3", "M3b"), minzhu["M4"], minzhu["M5"], like(minzhu, "M5", "M5b"), minzhu["M7"]}},
	{name: "xingji-worked", scheme: "xingji",
		note:     "the reference cohort: 直接定级 under the 30 % quota, 最高评定为二星, deductions by case",
		subjects: []string{xingji["X1"], xingji["X2"], xingji["X3"], xingji["X4"]}},
	{name: "xingji-quota-boundary", scheme: "xingji",
		note: "10 branches, 3 五星 by the band: exactly 30 %, none demoted",
		subjects: []string{xingji["X1"], like(xingji, "X1", "X1b"), like(xingji, "X1", "X1c"), xingji["X4"], like(xingji, "X4", "X4b"),
			like(xingji, "X4", "X4c"), like(xingji, "X4", "X4d"), like(xingji, "X4", "X4e"), like(xingji, "X4", "X4f"), like(xingji, "X4", "X4g")}},
	{name: "xingji-quota-tie", scheme: "xingji",
		note: "7 branches: 30 % of 7 floored is 2, and 3 tie for 五星 at the cut-off: all out, all 四星; they share rank 1",
		subjects: []string{xingji["X1"], like(xingji, "X1", "X1b"), like(xingji, "X1", "X1c"), xingji["X4"], like(xingji, "X4", "X4b"),
			like(xingji, "X4", "X4c"), like(xingji, "X4", "X4d")}},
	{name: "yanji-shuzhi-worked", scheme: "yanji-shuzhi",
		note:     "Yanji's cohort: ranks within 村 / 社区 / 街道; a void rater group (returned > issued), a group all 不了解, 一票否决, 不得评为好, the bonus over its cap",
		subjects: []string{yanjiSubjects["community-1"], yanjiSubjects["street-1"], yanjiSubjects["village-1"], yanjiSubjects["community-2"]}},
	{name: "yanji-shuzhi-tie", scheme: "yanji-shuzhi",
		note: "two identical 社区 subjects share rank 2 behind community-2 (a 社区 of 4 ranks 1, 2, 2); the 街道 is ranked on its own, rank 1",
		subjects: []string{yanjiSubjects["community-1"], like(yanjiSubjects, "community-1", "community-1b"), yanjiSubjects["community-2"],
			yanjiSubjects["street-1"]}},
	{name: "yanji-shuzhi-tie-break", scheme: "yanji-shuzhi",
		note: "four 社区 subjects with the same total, 82.57 (82.573 exactly): community-1v has the same 述职评议 score as community-1 with twice the leaders' votes, so more 好 votes, and ranks first; community-1 and its copy community-1b tie on every key and share rank 2; community-1r trades 1.82 points of 述职评议 (masses 1/10/2/0) for 0.78 of 日常考核 (jianshi 95.3), loses the first tie-break and ranks 4",
		subjects: []string{yanjiSubjects["community-1"], like(yanjiSubjects, "community-1", "community-1b"),
			variant(yanjiSubjects, "community-1", "community-1v", `"leaders": {"counts": {"好": 3, "较好": 2}}`, `"leaders": {"counts": {"好": 6, "较好": 4}}`),
			variant(yanjiSubjects, "community-1", "community-1r", `"好": 10, "较好": 8, "一般": 3, "差": 1}, "issued": 25`, `"好": 1, "较好": 10, "一般": 2, "差": 0}, "issued": 25`,
				`"jianshi": "87.5"`, `"jianshi": "95.3"`),
		}},
}
