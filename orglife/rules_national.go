package orglife

import (
	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/orgmodel"
)

// The documents the rules cite. Confidence marks are those of the
// reference (ORGLIFE-RULES.md); the copies seen were reposts.
const (
	docBranch  = "中国共产党支部工作条例（试行）"
	docLibrary = "dangjian（本库取值）"
	urlXgll11  = "http://www.xgll.com.cn/zt/fzxcyrysf/2021-09/16/content_380801.htm"
	urlXgll12  = "http://www.xgll.com.cn/zt/fzxcyrysf/2021-09/17/content_380854.htm"
)

// branch2018 is the window of the 支部条例's rules: in force from
// 2018-10-28 (reported), with no end.
var branch2018 = dangjian.Period{From: dangjian.MustParseDate("2018-10-28")}

var branches = []orgmodel.Kind{orgmodel.Branch, orgmodel.JointBranch}

func src(doc, article, url string, c dangjian.Confidence, note string) dangjian.Source {
	return dangjian.Source{Doc: doc, Article: article, URL: url, Confidence: c, Note: note}
}

// LibraryChoice returns the citation of a value the library chose, with
// the reason: the Source of a [Rule.Reading].
func LibraryChoice(note string) dangjian.Source {
	return dangjian.Source{Doc: docLibrary, Confidence: dangjian.LibraryChoice, Note: note}
}

// Reading notes of the national rules.
const (
	noteHalf = "半数以上 read as at least half (2 × present ≥ expected): the same sentence of 第十一条 words the pass threshold 超过…半数, so the text " +
		"tells the two apart; 以上 includes the number as 民法典 第一千二百五十九条 defines it for civil law; no definition for 党内法规 was found " +
		"(ORGLIFE-RULES §2.2, open question 3). StrictVoteQuorum is the other reading."
	notePartial = "a period is owed if the organization exists, and meets the structure condition, on its last day (ORGLIFE-RULES §3.3's default; the text is silent, open question 4)"
)

// NationalRules returns the central rules of organizational life of the
// 支部工作条例 (in force from 2018-10-28) as a fresh [RuleSet]:
//
//   - ORGLIFE-MEMBER-QUARTERLY: a 党员大会 each quarter (一般: warning);
//   - ORGLIFE-COMMITTEE-MONTHLY: a 支委会 each month, for a branch with 7 or
//     more full members, which has a committee (一般);
//   - ORGLIFE-GROUP-MONTHLY: a 党小组会 each month, owed by each party group
//     (an organization of kind party group in the tree: none, none owed);
//   - ORGLIFE-PARTYDAY-MONTHLY: a 主题党日 each month (Must);
//   - ORGLIFE-LIFE-YEARLY: a 组织生活会 each 年度 (Must), which may be held
//     as a 党员大会, 支委会 or 党小组会;
//   - ORGLIFE-REVIEW-YEARLY: a 民主评议党员 each 年度 (一般), which may be
//     held with the 组织生活会;
//   - ORGLIFE-TALK-YEARLY: 谈心谈话 at least once a year (一般);
//   - ORGLIFE-VOTE-QUORUM: a 党员大会 that votes has half or more of the
//     members with a vote present (Must);
//   - ORGLIFE-COMMITTEE-QUORUM: a 支委会 has half or more of its members
//     present, or is not held (Must).
//
// No 党课 frequency: the central text seen sets none (ORGLIFE-RULES §2.1);
// add a local one with [RuleSet.With] ([LectureQuarterly],
// [LectureTwiceYearly], [LectureMonthly]). Frequencies apply to branches
// and joint branches (party groups for the 党小组会); 党总支 and 党委 owe no
// meetings of their own (none was found), temporary branches none (not
// stated).
func NationalRules() RuleSet {
	reading := LibraryChoice(notePartial)
	half := LibraryChoice(noteHalf)
	rules := []Rule{
		{
			Rule:  dangjian.Rule{ID: "ORGLIFE-MEMBER-QUARTERLY", Period: branch2018, Source: src(docBranch, "第十一条", urlXgll11, dangjian.Verified, "")},
			Check: Frequency, Modality: dangjian.Usually, Type: MemberMeeting, Kinds: branches,
			Unit: Quarter, Count: 1, Reading: &reading,
			CombinedWith: []Type{PartyDay},
			Text:         "党支部党员大会是党支部的议事决策机构，由全体党员参加，一般每季度召开1次。",
		},
		{
			Rule: dangjian.Rule{ID: "ORGLIFE-COMMITTEE-MONTHLY", Period: branch2018, Source: src(docBranch, "第十二条", urlXgll12, dangjian.Verified,
				"owed only with a committee: 正式党员不足7人的党支部，设1名书记 (第二十条, verified)")},
			Check: Frequency, Modality: dangjian.Usually, Type: Committee, Kinds: branches,
			Unit: Month, Count: 1, MinFull: 7, Reading: &reading,
			Text: "党支部委员会会议一般每月召开1次，根据需要可以随时召开",
		},
		{
			Rule:  dangjian.Rule{ID: "ORGLIFE-GROUP-MONTHLY", Period: branch2018, Source: src(docBranch, "第十三条", urlXgll12, dangjian.Verified, "owed by each 党小组 where the branch has them")},
			Check: Frequency, Modality: dangjian.Usually, Type: GroupMeeting, Kinds: []orgmodel.Kind{orgmodel.PartyGroup},
			Unit: Month, Count: 1, Reading: &reading,
			CombinedWith: []Type{PartyDay},
			Text:         "党小组会一般每月召开1次，组织党员参加政治学习、谈心谈话、开展批评和自我批评等。",
		},
		{
			Rule: dangjian.Rule{ID: "ORGLIFE-PARTYDAY-MONTHLY", Period: branch2018, Source: src(docBranch, "", "https://dept.zhcpt.edu.cn/shgz/info/1318/2101.htm", dangjian.Reported,
				"article not confirmed; a 党日 is the container of the other meetings (rows 28, 44): a sitting combined with it counts for it")},
			Check: Frequency, Modality: dangjian.Must, Type: PartyDay, Kinds: branches,
			Unit: Month, Count: 1, Reading: &reading,
			CombinedWith: []Type{MemberMeeting, Committee, GroupMeeting, Lecture, LifeMeeting},
			Text:         "党支部每月相对固定1天开展主题党日，组织党员集中学习、过组织生活、进行民主议事和志愿服务等。",
		},
		{
			Rule:  dangjian.Rule{ID: "ORGLIFE-LIFE-YEARLY", Period: branch2018, Source: src(docBranch, "第十七条", "https://www.miniwenda.com/life/245598.html", dangjian.Reported, "counted by the 年度 label (row 45)")},
			Check: Frequency, Modality: dangjian.Must, Type: LifeMeeting, Kinds: branches,
			Unit: Year, Count: 1, ByYearLabel: true, Reading: &reading,
			CombinedWith: []Type{MemberMeeting, Committee, GroupMeeting},
			Text:         "党支部每年至少召开1次组织生活会…组织生活会一般以党支部党员大会、党支部委员会会议或者党小组会形式召开。",
		},
		{
			Rule:  dangjian.Rule{ID: "ORGLIFE-REVIEW-YEARLY", Period: branch2018, Source: src(docBranch, "", "https://pofan.com.cn/info/1115/4984.html", dangjian.Reported, "article not confirmed (第十八条 by sequence); counted by the 年度 label")},
			Check: Frequency, Modality: dangjian.Usually, Type: Review, Kinds: branches,
			Unit: Year, Count: 1, ByYearLabel: true, Reading: &reading,
			CombinedWith: []Type{LifeMeeting},
			Text:         "党支部一般每年开展1次民主评议党员…民主评议党员可以结合组织生活会一并进行。",
		},
		{
			Rule: dangjian.Rule{ID: "ORGLIFE-TALK-YEARLY", Period: branch2018, Source: src(docBranch, "第十九条", "https://ty-gm.com/item/143048749696921600", dangjian.Reported,
				"read as at least one recorded 谈心谈话 a year per branch; whether every pair of members owes one is open (question 9)")},
			Check: Frequency, Modality: dangjian.Usually, Type: Talk, Kinds: branches,
			Unit: Year, Count: 1, Reading: &reading,
			Text: "党支部委员之间、党支部委员和党员之间、党员和党员之间，每年谈心谈话一般不少于1次。",
		},
		{
			Rule: dangjian.Rule{ID: "ORGLIFE-VOTE-QUORUM", Period: branch2018, Source: src(docBranch, "第十一条", urlXgll11, dangjian.Verified,
				"the quorum governs the vote, not the sitting: checked where a vote is recorded; a sitting below it still counts as held")},
			Check: Quorum, Modality: dangjian.Must, Type: MemberMeeting, Kinds: branches,
			Basis: Voting, Cmp: dangjian.AtLeast, Num: 1, Den: 2, Reading: &half,
			Text: "表决必须有半数以上有表决权的党员到会方可进行",
		},
		{
			Rule:  dangjian.Rule{ID: "ORGLIFE-COMMITTEE-QUORUM", Period: branch2018, Source: src(docBranch, "第十二条", urlXgll12, dangjian.Verified, "a sitting below it is not held (方可进行)")},
			Check: Quorum, Modality: dangjian.Must, Type: Committee, Kinds: branches,
			Basis: Attendance, Cmp: dangjian.AtLeast, Num: 1, Den: 2, Voids: true, Reading: &half,
			Text: "党支部委员会会议须有半数以上委员到会方可进行。",
		},
	}
	return RuleSet{Name: "national", Period: branch2018, Rules: rules}
}

// LectureQuarterly returns a local rule ORGLIFE-LECTURE-QUARTERLY: a
// branch holds a 党课 each quarter (local practice, 2018–2019; the most
// common local value), for [RuleSet.With].
func LectureQuarterly() Rule {
	return Rule{
		Rule:  dangjian.Rule{ID: "ORGLIFE-LECTURE-QUARTERLY", Source: src("党课制度（地方、单位）", "", "http://www.78911.com.cn/ReDianShiShi/900024-2.html", dangjian.LocalPractice, "also ndtitt.cn/emerge/show/1749.html (2019)")},
		Check: Frequency, Modality: dangjian.Usually, Type: Lecture, Kinds: branches,
		Unit: Quarter, Count: 1, CombinedWith: []Type{MemberMeeting, PartyDay},
		Text: "党课每季度至少一次，并报上级党委备案",
	}
}

// LectureTwiceYearly returns a local rule ORGLIFE-LECTURE-TWICE-YEARLY: at
// least two 党课 a year (local practice), for [RuleSet.With].
func LectureTwiceYearly() Rule {
	return Rule{
		Rule:  dangjian.Rule{ID: "ORGLIFE-LECTURE-TWICE-YEARLY", Source: src("党课制度（地方、单位）", "", "http://www.jtcl88.com/html/show-19.html", dangjian.LocalPractice, "undated")},
		Check: Frequency, Modality: dangjian.Usually, Type: Lecture, Kinds: branches,
		Unit: Year, Count: 2, CombinedWith: []Type{MemberMeeting, PartyDay},
		Text: "党课一般每年不少于两次",
	}
}

// LectureMonthly returns a local rule ORGLIFE-LECTURE-MONTHLY: a 党课 each
// month (a platform's and a handbook's value; local practice), for
// [RuleSet.With].
func LectureMonthly() Rule {
	return Rule{
		Rule:  dangjian.Rule{ID: "ORGLIFE-LECTURE-MONTHLY", Source: src("党务工作手册（多种）", "", "https://www.cdydjh.com/bgfw/bslc/djgl/156630.html", dangjian.LocalPractice, "1次/1-2个月 read as monthly")},
		Check: Frequency, Modality: dangjian.Usually, Type: Lecture, Kinds: branches,
		Unit: Month, Count: 1, CombinedWith: []Type{MemberMeeting, PartyDay},
		Text: "党课教育每月进行一次",
	}
}

// StrictVoteQuorum returns ORGLIFE-VOTE-QUORUM-STRICT, the other reading
// of the vote quorum: more than half (超过半数), as the 发展党员工作细则
// words it for development votes and older local rules for every vote.
// It replaces the national reading:
//
//	NationalRules().Without("ORGLIFE-VOTE-QUORUM").With(StrictVoteQuorum())
func StrictVoteQuorum() Rule {
	return Rule{
		Rule:  dangjian.Rule{ID: "ORGLIFE-VOTE-QUORUM-STRICT", Source: src("中国共产党发展党员工作细则", "第二十条", "", dangjian.Reported, "超过…半数; older local rules word every vote so (row 36)")},
		Check: Quorum, Modality: dangjian.Must, Type: MemberMeeting, Kinds: branches,
		Basis: Voting, Cmp: dangjian.MoreThan, Num: 1, Den: 2,
		Text: "有表决权的到会人数必须超过应到会有表决权人数的半数",
	}
}

// CommitteeQuorumTwoThirds returns ORGLIFE-COMMITTEE-QUORUM-2-3, a local
// quorum of two thirds of the committee (local practice, stricter than
// the 条例), for use in place of ORGLIFE-COMMITTEE-QUORUM.
func CommitteeQuorumTwoThirds() Rule {
	return Rule{
		Rule:  dangjian.Rule{ID: "ORGLIFE-COMMITTEE-QUORUM-2-3", Source: src("支部委员会会议制度（学校）", "", "https://www1.hnsyu.net/yxx/dwgz/zdjs/201912/t20191214_97944.html", dangjian.LocalPractice, "2019")},
		Check: Quorum, Modality: dangjian.Must, Type: Committee, Kinds: branches,
		Basis: Attendance, Cmp: dangjian.AtLeast, Num: 2, Den: 3, Voids: true,
		Text: "召开支部委员会必须有三分之二以上支部委员参加，否则不能召开",
	}
}

// PartyDayAttendance returns ORGLIFE-PARTYDAY-ATTENDANCE-80, a local
// attendance floor of 80 % for the 主题党日 (local practice, 2019), for
// [RuleSet.With]; a sitting below it still counts as held.
func PartyDayAttendance() Rule {
	return Rule{
		Rule:  dangjian.Rule{ID: "ORGLIFE-PARTYDAY-ATTENDANCE-80", Source: src("主题党日制度（学校）", "", "https://dept.zhcpt.edu.cn/shgz/info/1318/2101.htm", dangjian.LocalPractice, "2019")},
		Check: Quorum, Modality: dangjian.Usually, Type: PartyDay, Kinds: branches,
		Basis: Attendance, Cmp: dangjian.AtLeast, Num: 4, Den: 5,
		Text: "每次开展活动的党员到会人数不得低于应参加党员总数的80%",
	}
}
