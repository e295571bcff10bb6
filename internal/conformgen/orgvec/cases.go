package orgvec

// The trees of the organization vectors. Each is written by hand, with the
// as-of date that fixes its terms; the expected findings are computed by
// the library (Files) and re-derived independently in the package's test.
// A tree is CSV (the columns orgmodel.ReadCSV and examples/orgchart read)
// unless it needs what CSV cannot carry (approvals): then JSON, as
// orgmodel.DecodeJSON reads it.

// treeCase is one vector: a tree, its as-of date and the rules it
// exercises (every rule that could fire at one of its boundaries, fired
// or not).
type treeCase struct {
	name  string
	asOf  string
	rules []string
	note  string
	csv   string // the tree as CSV, or
	json  string // the tree as JSON
}

const hdr = "id,parent_id,kind,domain,name,full_members,probationary_members,units,elected,due,renewed\n"

// projectHdr is hdr with the project columns (a project's first and last
// day, both included).
const projectHdr = "id,parent_id,kind,domain,name,full_members,probationary_members,units,elected,due,renewed,project_start,project_end\n"

var cases = []treeCase{
	{
		name: "branch-min-3", asOf: "2025-06-30",
		rules: []string{"ORG-BRANCH-MIN-3", "ORG-JOINT-UNITS-5"},
		note:  "3 full members make a branch, probationary members do not count; a joint branch of 5 units is normal, 6 is more than 5",
		csv: hdr +
			"r,,local_committee,,某区委,0,0,,,,\n" +
			"b3,r,branch,non_public_enterprise,三名正式党员支部,3,0,,,,\n" +
			"b2,r,branch,non_public_enterprise,两名正式党员支部,2,5,,,,\n" +
			"j3,r,joint_branch,non_public_enterprise,五单位联合支部,3,0,5,,,\n" +
			"j2,r,joint_branch,non_public_enterprise,六单位联合支部,2,1,6,,,\n",
	},
	{
		name: "branch-softcap-50", asOf: "2025-06-30",
		rules: []string{"ORG-BRANCH-SOFTCAP-50", "ORG-GB-ORGAN-50"},
		note:  "a branch of 50 members (full and probationary) is within the soft cap, 51 is over it; organs have the 总支 rule instead",
		csv: hdr +
			"r,,local_committee,,某区委,0,0,,,,\n" +
			"n50,r,branch,non_public_enterprise,五十人支部,48,2,,,,\n" +
			"n51,r,branch,non_public_enterprise,五十一人支部,49,2,,,,\n" +
			"o51,r,branch,organ,机关五十一人支部,51,0,,,,\n",
	},
	{
		name: "organ-thresholds", asOf: "2025-06-30",
		rules: []string{"ORG-GB-ORGAN-50", "ORG-CMTE-ORGAN-100", "ORG-GB-BELOW-50", "ORG-CMTE-BELOW-100"},
		note:  "机关: a branch of 50 to 99 members expects a 总支, of 100 a 党委; a 总支 under 50 or a 党委 under 100 needs approval",
		csv: hdr +
			"r,,local_committee,,某区委,0,0,,,,\n" +
			"b49,r,branch,organ,机关支部49,47,2,,,,\n" +
			"b50,r,branch,organ,机关支部50,50,0,,,,\n" +
			"b99,r,branch,organ,机关支部99,97,2,,,,\n" +
			"b100,r,branch,organ,机关支部100,100,0,,,,\n" +
			"g49,r,general_branch,organ,机关总支49,49,0,,,,\n" +
			"g50,r,general_branch,organ,机关总支50,48,2,,,,\n" +
			"g100,r,general_branch,organ,机关总支100,100,0,,,,\n" +
			"c99,r,committee,organ,机关党委99,99,0,,,,\n" +
			"c100,r,committee,organ,机关党委100,98,2,,,,\n",
	},
	{
		name: "soe-thresholds", asOf: "2025-06-30",
		rules: []string{"ORG-BRANCH-SOFTCAP-50", "ORG-GB-SOE-50", "ORG-CMTE-SOE-100", "ORG-GB-BELOW-50-OTHER",
			"ORG-CMTE-BELOW-100", "ORG-CONGRESS-500"},
		note: "国有企业: 总支 from 50 and 党委 from 100 members; a 党员代表大会 may elect from 500 members",
		csv: hdr +
			"r,,local_committee,,某区委,0,0,,,,\n" +
			"b50,r,branch,state_enterprise,国企支部50,50,0,,,,\n" +
			"b51,r,branch,state_enterprise,国企支部51,50,1,,,,\n" +
			"b100,r,branch,state_enterprise,国企支部100,99,1,,,,\n" +
			"g49,r,general_branch,state_enterprise,国企总支49,49,0,,,,\n" +
			"g50,r,general_branch,state_enterprise,国企总支50,50,0,,,,\n" +
			"g100,r,general_branch,state_enterprise,国企总支100,100,0,,,,\n" +
			"c99,r,committee,state_enterprise,国企党委99,99,0,,,,\n" +
			"c100,r,committee,state_enterprise,国企党委100,100,0,,,,\n" +
			"c499,r,committee,state_enterprise,国企党委499,490,9,,,,\n" +
			"c500,r,committee,state_enterprise,国企党委500,490,10,,,,\n",
	},
	{
		name: "other-thresholds", asOf: "2025-06-30",
		rules: []string{"ORG-BRANCH-SOFTCAP-50", "ORG-CMTE-100", "ORG-GB-BELOW-50-OTHER", "ORG-CMTE-BELOW-100-OTHER", "ORG-CONGRESS-500"},
		note:  "other sectors (非公企业): a 党委 may be formed over 100 members (more than 100, so not at 100)",
		csv: hdr +
			"r,,local_committee,,某区委,0,0,,,,\n" +
			"b100,r,branch,non_public_enterprise,非公支部100,100,0,,,,\n" +
			"b101,r,branch,non_public_enterprise,非公支部101,100,1,,,,\n" +
			"g49,r,general_branch,non_public_enterprise,非公总支49,48,1,,,,\n" +
			"g101,r,general_branch,non_public_enterprise,非公总支101,101,0,,,,\n" +
			"c99,r,committee,non_public_enterprise,非公党委99,99,0,,,,\n" +
			"c499,r,committee,non_public_enterprise,非公党委499,499,0,,,,\n" +
			"c500,r,committee,non_public_enterprise,非公党委500,500,0,,,,\n",
	},
	{
		name: "village-thresholds", asOf: "2025-06-30",
		rules: []string{"ORG-BRANCH-SOFTCAP-50", "ORG-GB-VILLAGE-50", "ORG-CMTE-VILLAGE-100", "ORG-GB-BELOW-50-VILLAGE",
			"ORG-CMTE-BELOW-100-VILLAGE", "ORG-CONGRESS-500-VILLAGE", "ORG-VILLAGE-APPROVAL", "ORG-VILLAGE-CMTE-APPROVAL"},
		note: "村: a 总支 may be formed over 50 members, a 党委 from 100 with the county's approval; a CSV tree records no approval, so every village organization lacks its formation approval",
		csv: hdr +
			"r,,local_committee,,某县委,0,0,,,,\n" +
			"v50,r,branch,village,村支部50,50,0,,,,\n" +
			"v51,r,branch,village,村支部51,50,1,,,,\n" +
			"v100,r,branch,village,村支部100,100,0,,,,\n" +
			"g50,r,general_branch,village,村总支50,50,0,,,,\n" +
			"g51,r,general_branch,village,村总支51,51,0,,,,\n" +
			"c99,r,committee,village,村党委99,99,0,,,,\n" +
			"c100,r,committee,village,村党委100,100,0,,,,\n" +
			"c500,r,committee,village,村党委500,500,0,,,,\n",
	},
	{
		name: "terms", asOf: "2025-06-30",
		rules: []string{"ORG-TERM-CMTE-PRE2018", "ORG-TERM-CMTE-5", "ORG-TERM-BRANCH-PRE2017", "ORG-TERM-BRANCH-2017",
			"ORG-TERM-BRANCH-3", "ORG-TERM-OVERDUE", "ORG-TERM-DUE-SOON"},
		note: "terms by election date: due on the day is not overdue (a reminder within 6 months), the day after is; a 换届 on the due date is on time; 29 February plus 3 years is 28 February; the rule is the one in force on the election date",
		csv: hdr +
			"r,,local_committee,,某区委,0,0,,,,\n" +
			"due-today,r,branch,organ,届满当日支部,10,0,,2022-06-30,,\n" +
			"overdue-1d,r,branch,organ,逾期一日支部,10,0,,2022-06-29,,\n" +
			"horizon-6m,r,branch,organ,六个月整支部,10,0,,2022-12-30,,\n" +
			"soon,r,branch,organ,六个月内支部,10,0,,2022-12-29,,\n" +
			"renewed-on-due,r,branch,organ,按期换届支部,10,0,,2022-01-01,,2025-01-01\n" +
			"renewed-late,r,branch,organ,延期换届支部,10,0,,2022-01-01,,2025-01-02\n" +
			"leap-late,r,branch,organ,闰日选举支部甲,10,0,,2020-02-29,,2023-03-01\n" +
			"leap-on-due,r,branch,organ,闰日选举支部乙,10,0,,2020-02-29,,2023-02-28\n" +
			"cmte-5y,r,committee,organ,五年届满党委,120,0,,2020-06-30,,\n" +
			"cmte-pre2018,r,committee,organ,二〇一五年选举党委,120,0,,2015-03-01,,\n" +
			"cmte-2018-07-11,r,committee,organ,意见施行前一日选举党委,120,0,,2018-07-11,2021-07-11,2021-07-01\n" +
			"cmte-2018-07-12,r,committee,organ,意见施行当日选举党委,120,0,,2018-07-12,2021-07-12,2021-07-01\n" +
			"branch-pre2017,r,branch,organ,二〇一六年选举支部,10,0,,2016-05-01,,\n" +
			"branch-2017,r,branch,organ,二〇一八年初选举支部,10,0,,2018-01-01,,2022-12-31\n" +
			"due-2y,r,branch,organ,两年届满支部,10,0,,2021-05-01,2023-05-01,2023-05-01\n" +
			"due-4y,r,branch,organ,四年届满支部,10,0,,2021-05-01,2025-05-01,2025-05-01\n" +
			"due-5y,r,branch,organ,五年届满支部,10,0,,2021-05-01,2026-05-01,\n",
	},
	{
		name: "terms-village-community", asOf: "2025-06-30",
		rules: []string{"ORG-TERM-VILLAGE-COMMUNITY-5", "ORG-TERM-OVERDUE", "ORG-TERM-DUE-SOON"},
		note:  "村和社区: every term is 5 years",
		csv: hdr +
			"r,,local_committee,,某区委,0,0,,,,\n" +
			"cb,r,branch,community,社区支部,10,0,,2020-06-30,,\n" +
			"cc,r,committee,community,社区党委,120,0,,2020-07-01,,\n" +
			"cg,r,general_branch,community,社区总支,60,0,,2020-06-29,,\n" +
			"cb-3y,r,branch,community,社区支部三年,10,0,,2022-03-01,2025-03-01,2025-03-01\n",
	},
	{
		name: "no-term", asOf: "2025-06-30",
		rules: []string{"ORG-DISPATCHED-NO-TERM", "ORG-TEMP-NO-TERM"},
		note:  "dispatched (党工委) and temporary bodies are appointed: a recorded term is a finding, none is not",
		csv: hdr +
			"r,,local_committee,,某区委,0,0,,,,\n" +
			"w1,r,work_committee,organ,有届期党工委,6,0,,2021-01-01,,\n" +
			"w2,r,work_committee,organ,无届期党工委,6,0,,,,\n" +
			"t1,r,temporary_branch,,有届期临时支部,5,0,,2024-01-01,,\n" +
			"t2,r,temporary_branch,,无届期临时支部,5,0,,,,\n",
	},
	{
		name: "party-groups", asOf: "2025-06-30",
		rules: []string{"ORG-GROUP-SIZE-ORGAN", "ORG-GROUP-SIZE"},
		note:  "a party group needs 3 members with at least 1 full member: an error in organs, a warning elsewhere; a group's members are counted in its branch, not added again",
		csv: hdr +
			"r,,local_committee,,某区委,0,0,,,,\n" +
			"ob,r,branch,organ,机关支部,12,0,,,,\n" +
			"og1,ob,party_group,organ,机关小组甲,0,3,,,,\n" +
			"og2,ob,party_group,organ,机关小组乙,1,2,,,,\n" +
			"og3,ob,party_group,organ,机关小组丙,2,0,,,,\n" +
			"nb,r,branch,non_public_enterprise,非公支部,6,0,,,,\n" +
			"ng1,nb,party_group,non_public_enterprise,非公小组甲,2,0,,,,\n" +
			"ng2,nb,party_group,non_public_enterprise,非公小组乙,3,0,,,,\n",
	},
	{
		name: "clean-organ", asOf: "2025-06-30",
		rules: []string{"ORG-BRANCH-MIN-3", "ORG-CMTE-BELOW-100", "ORG-GB-ORGAN-50", "ORG-GROUP-SIZE-ORGAN",
			"ORG-TERM-CMTE-5", "ORG-TERM-BRANCH-3", "ORG-TERM-OVERDUE", "ORG-TERM-DUE-SOON"},
		note: "a clean tree: a 机关党委 of 115 members (its branches counted) with three branches under 50 and their groups, all terms current: no finding",
		csv: hdr +
			"c,,committee,organ,某局机关党委,5,0,,2023-03-01,,\n" +
			"c.1,c,branch,organ,某局第一党支部,38,2,,2024-01-10,,\n" +
			"c.1.1,c.1,party_group,organ,第一党小组,3,0,,,,\n" +
			"c.2,c,branch,organ,某局第二党支部,40,0,,2024-01-10,,\n" +
			"c.3,c,branch,organ,某局第三党支部,29,1,,2023-12-20,,\n",
	},
	{
		name: "clean-enterprise", asOf: "2025-06-30",
		rules: []string{"ORG-BRANCH-MIN-3", "ORG-BRANCH-SOFTCAP-50", "ORG-CMTE-SOE-100", "ORG-GB-SOE-50", "ORG-JOINT-UNITS-5",
			"ORG-TERM-CMTE-5", "ORG-TERM-BRANCH-3", "ORG-TERM-OVERDUE", "ORG-TERM-DUE-SOON"},
		note: "a clean tree: a 国企党委 of 100 members (at the threshold) in four branches; a non-public joint branch of 5 units; terms current",
		csv: hdr +
			"r,,local_committee,,某区委,0,0,,,,\n" +
			"s,r,committee,state_enterprise,某集团党委,7,0,,2022-11-30,,\n" +
			"s.1,s,branch,state_enterprise,集团机关支部,25,0,,2023-06-01,,\n" +
			"s.2,s,branch,state_enterprise,集团一分厂支部,30,0,,2023-06-01,,\n" +
			"s.3,s,branch,state_enterprise,集团二分厂支部,18,2,,2023-06-01,,\n" +
			"s.4,s,branch,state_enterprise,集团销售支部,17,1,,2023-06-01,,\n" +
			"j,r,joint_branch,non_public_enterprise,商贸联合支部,4,1,5,2024-03-01,,\n",
	},
	{
		name: "approvals", asOf: "2025-06-30",
		rules: []string{"ORG-VILLAGE-APPROVAL", "ORG-VILLAGE-CMTE-APPROVAL", "ORG-GB-BELOW-50-OTHER", "ORG-TERM-BRANCH-3",
			"ORG-TERM-OVERDUE", "ORG-TERM-DUE-SOON"},
		note: "approvals (JSON: CSV has no column for them): a village branch approved by its township committee is clean, one approved by another branch is not, one approved by an organization outside the tree cannot be checked; a village 党委 needs a county (local) committee; a 总支 under 50 set up with approval and a term changed with approval are info",
		json: `{
  "orgs": [
    {"id": "r", "kind": "local_committee", "name": "某县委", "members": {"full": 0, "probationary": 0}},
    {"id": "t", "parent": "r", "kind": "committee", "domain": "township", "name": "某镇党委", "members": {"full": 9, "probationary": 0}},
    {"id": "v1", "parent": "t", "kind": "branch", "domain": "village", "name": "甲村党支部", "members": {"full": 30, "probationary": 0},
     "approvals": [{"kind": "formation", "by": "t", "on": "2020-03-01"}]},
    {"id": "v2", "parent": "t", "kind": "branch", "domain": "village", "name": "乙村党支部", "members": {"full": 20, "probationary": 0},
     "approvals": [{"kind": "formation", "by": "v1", "on": "2020-03-01"}]},
    {"id": "v3", "parent": "t", "kind": "branch", "domain": "village", "name": "丙村党支部", "members": {"full": 15, "probationary": 0},
     "approvals": [{"kind": "formation", "byName": "某镇党委（已撤并）", "on": "2019-03-01"}]},
    {"id": "vc1", "parent": "t", "kind": "committee", "domain": "village", "name": "丁村党委", "members": {"full": 120, "probationary": 0},
     "approvals": [{"kind": "formation", "by": "t", "on": "2021-03-01"}]},
    {"id": "vc2", "parent": "t", "kind": "committee", "domain": "village", "name": "戊村党委", "members": {"full": 130, "probationary": 0},
     "approvals": [{"kind": "formation", "by": "r", "on": "2021-03-01"}]},
    {"id": "g", "parent": "r", "kind": "general_branch", "domain": "non_public_enterprise", "name": "某公司党总支", "members": {"full": 40, "probationary": 0},
     "approvals": [{"kind": "threshold", "by": "r", "on": "2022-01-01"}]},
    {"id": "b", "parent": "r", "kind": "branch", "domain": "organ", "name": "某局支部", "members": {"full": 10, "probationary": 0},
     "term": {"elected": "2021-01-01", "due": "2025-01-01"},
     "approvals": [{"kind": "term_change", "by": "r", "on": "2023-12-01"}]}
  ]
}
`,
	},
	{
		name: "posts", asOf: "2025-06-30",
		rules: []string{"ORG-BRANCH-CMTE-7", "ORG-BRANCH-SEC-ONLY", "ORG-BRANCH-CMTE-POSTS", "ORG-BRANCH-DEPUTY-1", "ORG-SECRETARY",
			"ORG-SECRETARY-CMTE", "ORG-CMTE-SIZE"},
		note: "posts (JSON: CSV has no column for them): a branch of 7 full members needs a committee of 3 to 5 (one person holding four posts is a committee of 1); under 7, a secretary and at most one deputy; a branch needs a secretary; a 党委 has 5 to 9 members",
		json: `{
  "orgs": [
    {"id": "r", "kind": "local_committee", "name": "某区委", "members": {"full": 0, "probationary": 0}},
    {"id": "p7ok", "parent": "r", "kind": "branch", "domain": "organ", "name": "七人支部甲", "members": {"full": 7, "probationary": 0}},
    {"id": "p7one", "parent": "r", "kind": "branch", "domain": "organ", "name": "七人支部乙", "members": {"full": 7, "probationary": 0}},
    {"id": "p6", "parent": "r", "kind": "branch", "domain": "organ", "name": "六人支部", "members": {"full": 6, "probationary": 0}},
    {"id": "p5dep", "parent": "r", "kind": "branch", "domain": "organ", "name": "五人支部甲", "members": {"full": 5, "probationary": 0}},
    {"id": "p5nosec", "parent": "r", "kind": "branch", "domain": "organ", "name": "五人支部乙", "members": {"full": 5, "probationary": 0}},
    {"id": "c3", "parent": "r", "kind": "committee", "domain": "organ", "name": "机关党委", "members": {"full": 120, "probationary": 0}}
  ],
  "people": [
    {"id": "a1", "name": "甲一"}, {"id": "a2", "name": "甲二"}, {"id": "a3", "name": "甲三"}, {"id": "a4", "name": "甲四"},
    {"id": "b1", "name": "乙一"},
    {"id": "c1", "name": "丙一"}, {"id": "c2", "name": "丙二"},
    {"id": "d1", "name": "丁一"}, {"id": "d2", "name": "丁二"}, {"id": "d3", "name": "丁三"},
    {"id": "e1", "name": "戊一"},
    {"id": "f1", "name": "己一"}, {"id": "f2", "name": "己二"}, {"id": "f3", "name": "己三"}
  ],
  "posts": [
    {"person": "a1", "body": "p7ok", "role": "secretary"},
    {"person": "a2", "body": "p7ok", "role": "organization_member"},
    {"person": "a3", "body": "p7ok", "role": "propaganda_member"},
    {"person": "a4", "body": "p7ok", "role": "discipline_member"},
    {"person": "b1", "body": "p7one", "role": "secretary"},
    {"person": "b1", "body": "p7one", "role": "organization_member"},
    {"person": "b1", "body": "p7one", "role": "propaganda_member"},
    {"person": "b1", "body": "p7one", "role": "discipline_member"},
    {"person": "c1", "body": "p6", "role": "secretary"},
    {"person": "c2", "body": "p6", "role": "organization_member"},
    {"person": "d1", "body": "p5dep", "role": "secretary"},
    {"person": "d2", "body": "p5dep", "role": "deputy_secretary"},
    {"person": "d3", "body": "p5dep", "role": "deputy_secretary"},
    {"person": "e1", "body": "p5nosec", "role": "deputy_secretary"},
    {"person": "f1", "body": "c3", "role": "secretary"},
    {"person": "f2", "body": "c3", "role": "deputy_secretary"},
    {"person": "f3", "body": "c3", "role": "committee_member"}
  ]
}
`,
	},
	{
		name: "projects", asOf: "2025-06-30",
		rules: []string{"ORG-PROJECT-BRANCH-6M", "ORG-GROUP-SIZE"},
		note:  "projects (工程、工作项目) of 6 months or more with 3 full members need a branch: first and last day both count (2025-01-01 to 2025-06-30 is 6 months, from 2025-01-02 it is not); an open-ended project counts to the as-of day; a project with a temporary branch in it, one of 2 full members, one that ended, and one not yet begun have no finding",
		csv: projectHdr +
			"r,,local_committee,,某区委,0,0,,,,,,\n" +
			"b,r,branch,non_public_enterprise,某建设公司党支部,10,0,,,,,,\n" +
			"six,b,party_group,non_public_enterprise,六个月整项目党小组,4,0,,,,,2025-01-01,2025-06-30\n" +
			"short,b,party_group,non_public_enterprise,差一日项目党小组,4,0,,,,,2025-01-02,2025-06-30\n" +
			"open,b,party_group,non_public_enterprise,未定工期项目党小组,3,0,,,,,2025-01-01,\n" +
			"open-short,b,party_group,non_public_enterprise,未定工期新项目党小组,3,0,,,,,2025-01-02,\n" +
			"two-full,b,party_group,non_public_enterprise,两名正式党员项目党小组,2,1,,,,,2024-01-01,2026-12-31\n" +
			"ended,b,party_group,non_public_enterprise,已完工项目党小组,4,0,,,,,2024-01-01,2025-06-29\n" +
			"future,b,party_group,non_public_enterprise,未开工项目党小组,4,0,,,,,2025-07-01,2026-06-30\n" +
			"tg,r,temporary_general_branch,non_public_enterprise,某高速公路项目临时党总支,1,0,,,,,2025-01-01,2026-12-31\n" +
			"tg.1,tg,temporary_branch,non_public_enterprise,第一标段临时党支部,6,0,,,,,2025-01-01,2026-12-31\n" +
			"tb,r,temporary_branch,non_public_enterprise,某隧道项目临时党支部,5,0,,,,,2025-01-01,2026-12-31\n",
	},
	{
		name: "post-approvals", asOf: "2025-06-30",
		rules: []string{"ORG-POST-APPROVAL", "ORG-BRANCH-MEMBER-FILING"},
		note:  "post approvals and filings (JSON), checked where the tree records them at all: a branch's secretary and deputy need the upper organization's approval (post_approval) dated on or after the post's start, its committee members a filing (post_filing); a committee's members need no filing; a post that ended is not checked",
		json: `{
  "orgs": [
    {"id": "r", "kind": "local_committee", "name": "某区委", "members": {"full": 0, "probationary": 0}},
    {"id": "ok", "parent": "r", "kind": "branch", "domain": "organ", "name": "手续齐全支部", "members": {"full": 10, "probationary": 0},
     "approvals": [{"kind": "post_approval", "by": "r", "on": "2024-01-20"}, {"kind": "post_filing", "by": "r", "on": "2024-01-20"}]},
    {"id": "early", "parent": "r", "kind": "branch", "domain": "organ", "name": "批准早于任职支部", "members": {"full": 10, "probationary": 0},
     "approvals": [{"kind": "post_approval", "by": "r", "on": "2024-02-28"}, {"kind": "post_filing", "by": "r", "on": "2024-03-01"}]},
    {"id": "deputy", "parent": "r", "kind": "branch", "domain": "organ", "name": "副书记未批准支部", "members": {"full": 5, "probationary": 0},
     "approvals": [{"kind": "post_approval", "by": "r", "on": "2024-01-20"}]},
    {"id": "unfiled", "parent": "r", "kind": "branch", "domain": "organ", "name": "委员未备案支部", "members": {"full": 8, "probationary": 0},
     "approvals": [{"kind": "post_approval", "by": "r", "on": "2024-01-20"}, {"kind": "post_filing", "by": "r", "on": "2024-01-20"}]},
    {"id": "ended", "parent": "r", "kind": "branch", "domain": "organ", "name": "书记已更换支部", "members": {"full": 5, "probationary": 0},
     "approvals": [{"kind": "post_approval", "by": "r", "on": "2025-01-05"}]},
    {"id": "cmte", "parent": "r", "kind": "committee", "domain": "organ", "name": "某局机关党委", "members": {"full": 120, "probationary": 0},
     "approvals": [{"kind": "post_approval", "by": "r", "on": "2024-01-20", "ref": "书记"}]}
  ],
  "people": [
    {"id": "a1", "name": "甲一"}, {"id": "a2", "name": "甲二"}, {"id": "a3", "name": "甲三"}, {"id": "a4", "name": "甲四"},
    {"id": "b1", "name": "乙一"}, {"id": "b2", "name": "乙二"}, {"id": "b3", "name": "乙三"}, {"id": "b4", "name": "乙四"},
    {"id": "c1", "name": "丙一"}, {"id": "c2", "name": "丙二"},
    {"id": "d1", "name": "丁一"}, {"id": "d2", "name": "丁二"}, {"id": "d3", "name": "丁三"}, {"id": "d4", "name": "丁四"},
    {"id": "e1", "name": "戊一"}, {"id": "e2", "name": "戊二"},
    {"id": "f1", "name": "己一"}, {"id": "f2", "name": "己二"}, {"id": "f3", "name": "己三"}, {"id": "f4", "name": "己四"}, {"id": "f5", "name": "己五"}
  ],
  "posts": [
    {"person": "a1", "body": "ok", "role": "secretary", "start": "2024-01-10"},
    {"person": "a2", "body": "ok", "role": "organization_member", "start": "2024-01-10"},
    {"person": "a3", "body": "ok", "role": "propaganda_member", "start": "2024-01-10"},
    {"person": "a4", "body": "ok", "role": "discipline_member", "start": "2024-01-20"},
    {"person": "b1", "body": "early", "role": "secretary", "start": "2024-03-01"},
    {"person": "b2", "body": "early", "role": "organization_member", "start": "2024-03-01"},
    {"person": "b3", "body": "early", "role": "propaganda_member", "start": "2024-03-01"},
    {"person": "b4", "body": "early", "role": "discipline_member", "start": "2024-03-01"},
    {"person": "c1", "body": "deputy", "role": "secretary", "start": "2024-01-10"},
    {"person": "c2", "body": "deputy", "role": "deputy_secretary", "start": "2025-05-01"},
    {"person": "d1", "body": "unfiled", "role": "secretary", "start": "2024-01-10"},
    {"person": "d2", "body": "unfiled", "role": "organization_member", "start": "2024-01-10"},
    {"person": "d3", "body": "unfiled", "role": "propaganda_member", "start": "2024-01-10"},
    {"person": "d4", "body": "unfiled", "role": "discipline_member", "start": "2025-03-01"},
    {"person": "e1", "body": "ended", "role": "secretary", "start": "2022-01-01", "end": "2025-01-01"},
    {"person": "e2", "body": "ended", "role": "secretary", "start": "2025-01-01"},
    {"person": "f1", "body": "cmte", "role": "secretary", "start": "2024-01-10"},
    {"person": "f2", "body": "cmte", "role": "deputy_secretary", "start": "2025-02-01"},
    {"person": "f3", "body": "cmte", "role": "committee_member", "start": "2024-01-10"},
    {"person": "f4", "body": "cmte", "role": "committee_member", "start": "2024-01-10"},
    {"person": "f5", "body": "cmte", "role": "committee_member", "start": "2025-02-01"}
  ]
}
`,
	},
	{
		name: "first-secretaries", asOf: "2025-06-30",
		rules: []string{"ORG-FIRSTSEC-ELIGIBLE", "ORG-FIRSTSEC-TERM-2015", "ORG-FIRSTSEC-TERM-2021"},
		note:  "第一书记 (dispatch assignments, JSON), by the rules in force on the start (the library's assumed days: the 2015 notice from 2015-01-01, the 2021 opinion from 2021-05-01, away from every case): from 2021 a full member of at least 1 year (exactly 1 year is enough; not a full member, or not recorded since when, is a finding), serving usually 2 years (exactly 2 is not more); before 2021 usually 1 to 3 years and no eligibility check",
		json: `{
  "orgs": [
    {"id": "r", "kind": "local_committee", "name": "某县委", "members": {"full": 0, "probationary": 0}},
    {"id": "t", "parent": "r", "kind": "committee", "domain": "township", "name": "某镇党委", "members": {"full": 9, "probationary": 0}},
    {"id": "v1", "parent": "t", "kind": "branch", "domain": "village", "name": "一村党支部", "members": {"full": 20, "probationary": 0}, "approvals": [{"kind": "formation", "by": "t", "on": "2010-03-01"}]},
    {"id": "v2", "parent": "t", "kind": "branch", "domain": "village", "name": "二村党支部", "members": {"full": 20, "probationary": 0}, "approvals": [{"kind": "formation", "by": "t", "on": "2010-03-01"}]},
    {"id": "v3", "parent": "t", "kind": "branch", "domain": "village", "name": "三村党支部", "members": {"full": 20, "probationary": 0}, "approvals": [{"kind": "formation", "by": "t", "on": "2010-03-01"}]},
    {"id": "v4", "parent": "t", "kind": "branch", "domain": "village", "name": "四村党支部", "members": {"full": 20, "probationary": 0}, "approvals": [{"kind": "formation", "by": "t", "on": "2010-03-01"}]},
    {"id": "v5", "parent": "t", "kind": "branch", "domain": "village", "name": "五村党支部", "members": {"full": 20, "probationary": 0}, "approvals": [{"kind": "formation", "by": "t", "on": "2010-03-01"}]},
    {"id": "v6", "parent": "t", "kind": "branch", "domain": "village", "name": "六村党支部", "members": {"full": 20, "probationary": 0}, "approvals": [{"kind": "formation", "by": "t", "on": "2010-03-01"}]},
    {"id": "v7", "parent": "t", "kind": "branch", "domain": "village", "name": "七村党支部", "members": {"full": 20, "probationary": 0}, "approvals": [{"kind": "formation", "by": "t", "on": "2010-03-01"}]},
    {"id": "v8", "parent": "t", "kind": "branch", "domain": "village", "name": "八村党支部", "members": {"full": 20, "probationary": 0}, "approvals": [{"kind": "formation", "by": "t", "on": "2010-03-01"}]},
    {"id": "v9", "parent": "t", "kind": "branch", "domain": "village", "name": "九村党支部", "members": {"full": 20, "probationary": 0}, "approvals": [{"kind": "formation", "by": "t", "on": "2010-03-01"}]}
  ],
  "people": [
    {"id": "p1", "name": "派一", "status": "full", "fullSince": "2010-01-01"},
    {"id": "p2", "name": "派二", "status": "probationary"},
    {"id": "p3", "name": "派三", "status": "full", "fullSince": "2023-03-02"},
    {"id": "p4", "name": "派四", "status": "full", "fullSince": "2023-03-01"},
    {"id": "p5", "name": "派五", "status": "full"},
    {"id": "p6", "name": "派六", "status": "full", "fullSince": "2000-07-01"},
    {"id": "p7", "name": "派七", "status": "full", "fullSince": "2000-07-01"},
    {"id": "p8", "name": "派八", "status": "full"},
    {"id": "p9", "name": "派九", "status": "full", "fullSince": "2005-01-01"}
  ],
  "assignments": [
    {"id": "fs1", "person": "p1", "role": "first_secretary", "fromName": "县财政局", "to": "v1", "start": "2024-03-01"},
    {"id": "fs2", "person": "p2", "role": "first_secretary", "fromName": "县财政局", "to": "v2", "start": "2024-03-01"},
    {"id": "fs3", "person": "p3", "role": "first_secretary", "fromName": "县财政局", "to": "v3", "start": "2024-03-01"},
    {"id": "fs4", "person": "p4", "role": "first_secretary", "fromName": "县财政局", "to": "v4", "start": "2024-03-01"},
    {"id": "fs5", "person": "p5", "role": "first_secretary", "fromName": "县财政局", "to": "v5", "start": "2024-03-01"},
    {"id": "fs6", "person": "p6", "role": "first_secretary", "fromName": "县农业农村局", "to": "v6", "start": "2023-06-30"},
    {"id": "fs7", "person": "p7", "role": "first_secretary", "fromName": "县农业农村局", "to": "v7", "start": "2023-06-29"},
    {"id": "fs8", "person": "p8", "role": "first_secretary", "fromName": "县交通运输局", "to": "v8", "start": "2019-01-01", "end": "2022-01-01"},
    {"id": "fs9", "person": "p9", "role": "first_secretary", "fromName": "县交通运输局", "to": "v9", "start": "2019-01-01", "end": "2022-01-02"}
  ]
}
`,
	},
	{
		name: "threshold-approvals", asOf: "2025-06-30",
		rules: []string{"ORG-BRANCH-SOFTCAP-50", "ORG-GB-ORGAN-50", "ORG-GB-SOE-50", "ORG-CMTE-100"},
		note:  "threshold rules covered by an approval (JSON): a threshold approval (threshold) makes the finding info, for any threshold rule or for the one rule it names; one naming another rule, or an approval of another kind (term_change), covers nothing",
		json: `{
  "orgs": [
    {"id": "r", "kind": "local_committee", "name": "某区委", "members": {"full": 0, "probationary": 0}},
    {"id": "soft", "parent": "r", "kind": "branch", "domain": "non_public_enterprise", "name": "五十一人非公支部", "members": {"full": 51, "probationary": 0},
     "approvals": [{"kind": "threshold", "by": "r", "on": "2024-05-01"}]},
    {"id": "soft-term", "parent": "r", "kind": "branch", "domain": "non_public_enterprise", "name": "五十二人非公支部", "members": {"full": 52, "probationary": 0},
     "approvals": [{"kind": "term_change", "by": "r", "on": "2024-05-01"}]},
    {"id": "organ-other", "parent": "r", "kind": "branch", "domain": "organ", "name": "六十人机关支部", "members": {"full": 60, "probationary": 0},
     "approvals": [{"kind": "threshold", "rule": "ORG-CMTE-ORGAN-100", "by": "r", "on": "2024-05-01"}]},
    {"id": "soe-named", "parent": "r", "kind": "branch", "domain": "state_enterprise", "name": "六十人国企支部", "members": {"full": 60, "probationary": 0},
     "approvals": [{"kind": "threshold", "rule": "ORG-GB-SOE-50", "by": "r", "on": "2024-05-01"}]},
    {"id": "np-gb", "parent": "r", "kind": "general_branch", "domain": "non_public_enterprise", "name": "一百二十人非公总支", "members": {"full": 120, "probationary": 0},
     "approvals": [{"kind": "threshold", "by": "r", "on": "2024-05-01"}]}
  ]
}
`,
	},
}
