package orgmodel_test

import (
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func id(s string) uuid.UUID { return uuid.NewSHA1(uuid.NameSpaceOID, []byte(s)) }

var day = dangjian.MustParseDate

var (
	rootID     = id("root")
	townshipID = id("township")
	subjectID  = id("subject")
)

// env returns records with a city committee and a township committee, plus
// the given organizations (a missing parent means the city committee).
func env(orgs ...orgmodel.Org) orgmodel.Records {
	r := orgmodel.Records{Orgs: []orgmodel.Org{
		{ID: rootID, Kind: orgmodel.LocalCommittee, Name: "市委"},
		{ID: townshipID, Parent: rootID, Kind: orgmodel.Committee, Domain: orgmodel.Township, Name: "镇党委"},
	}}
	for _, o := range orgs {
		if o.Parent == uuid.Nil {
			o.Parent = rootID
		}
		if o.Name == "" {
			o.Name = o.Kind.Label()
		}
		r.Orgs = append(r.Orgs, o)
	}
	return r
}

// subject is the organization a case is about.
func subject(k orgmodel.Kind, d orgmodel.Domain, full, prob int64) orgmodel.Org {
	return orgmodel.Org{ID: subjectID, Kind: k, Domain: d, Name: "受检组织", Members: orgmodel.Members{Full: full, Probationary: prob}}
}

func with(o orgmodel.Org, f func(*orgmodel.Org)) orgmodel.Org { f(&o); return o }

// projectOrg returns the subject as an organization of kind k, under the
// township committee, for a project from start to end ("" : not recorded).
func projectOrg(k orgmodel.Kind, full int64, start, end string) orgmodel.Org {
	return with(subject(k, orgmodel.NonPublicEnterprise, full, 0), func(o *orgmodel.Org) {
		o.Parent = townshipID
		o.Project = &orgmodel.Project{Start: day(start)}
		if end != "" {
			o.Project.End = day(end)
		}
	})
}

// projectChild returns an organization of kind k under the subject.
func projectChild(k orgmodel.Kind, full, prob int64) orgmodel.Org {
	return orgmodel.Org{ID: id("project-child"), Parent: subjectID, Kind: k, Domain: orgmodel.NonPublicEnterprise,
		Members: orgmodel.Members{Full: full, Probationary: prob}}
}

func approved(k orgmodel.ApprovalKind) func(*orgmodel.Org) {
	return func(o *orgmodel.Org) {
		o.Approvals = append(o.Approvals, orgmodel.Approval{Kind: k, By: rootID, On: day("2020-01-01"), Ref: "批复〔2020〕1号"})
	}
}

func term(elected, due string) func(*orgmodel.Org) {
	return func(o *orgmodel.Org) {
		o.Term.Elected = day(elected)
		if due != "" {
			o.Term.Due = day(due)
		}
	}
}

// seats adds people holding the roles in the subject organization.
func seats(r orgmodel.Records, roles ...orgmodel.Role) orgmodel.Records {
	for i, role := range roles {
		p := orgmodel.Person{ID: id("p" + string(rune('a'+i))), Name: "委员" + string(rune('A'+i)), Status: orgmodel.FullMember}
		r.People = append(r.People, p)
		r.Posts = append(r.Posts, orgmodel.Post{Person: p.ID, Body: subjectID, Role: role, Selection: orgmodel.Elected, Start: day("2021-01-01")})
	}
	return r
}

const (
	sec  = orgmodel.Secretary
	dep  = orgmodel.DeputySecretary
	orgm = orgmodel.OrganizationMember
	prop = orgmodel.PropagandaMember
	disc = orgmodel.DisciplineMember
	cm   = orgmodel.CommitteeMember
)

type ruleCase struct {
	rule string
	name string
	recs orgmodel.Records
	asOf string // default 2025-06-30
	want []orgmodel.Severity
}

var (
	E = orgmodel.Error
	W = orgmodel.Warning
	I = orgmodel.Info
)

func sevs(s ...orgmodel.Severity) []orgmodel.Severity { return s }

func ruleCases() []ruleCase {
	br, jb, gb, cmte := orgmodel.Branch, orgmodel.JointBranch, orgmodel.GeneralBranch, orgmodel.Committee
	tgb := orgmodel.TempGeneralBranch
	school, organ, soe, village, community := orgmodel.School, orgmodel.Organ, orgmodel.StateEnterprise, orgmodel.Village, orgmodel.Community
	villageApproval := func(o *orgmodel.Org) {
		o.Approvals = append(o.Approvals, orgmodel.Approval{Kind: orgmodel.Formation, By: townshipID, On: day("2018-03-01")})
	}
	return []ruleCase{
		// Branch thresholds.
		{"ORG-BRANCH-MIN-3", "2 full members", env(subject(br, school, 2, 0)), "", sevs(E)},
		{"ORG-BRANCH-MIN-3", "3 full members", env(subject(br, school, 3, 0)), "", nil},
		{"ORG-BRANCH-MIN-3", "probationary members do not count", env(subject(br, school, 2, 5)), "", sevs(E)},
		{"ORG-BRANCH-MIN-3", "a joint branch too", env(subject(jb, school, 2, 0)), "", sevs(E)},
		{"ORG-BRANCH-SOFTCAP-50", "50 members", env(subject(br, school, 45, 5)), "", nil},
		{"ORG-BRANCH-SOFTCAP-50", "51 members", env(subject(br, school, 46, 5)), "", sevs(W)},
		{"ORG-BRANCH-SOFTCAP-50", "51 members with approval", env(with(subject(br, school, 46, 5), approved(orgmodel.Threshold))), "", sevs(I)},
		{"ORG-BRANCH-SOFTCAP-50", "organs have their own rule", env(subject(br, organ, 46, 5)), "", nil},
		{"ORG-JOINT-UNITS-5", "5 units", env(with(subject(jb, orgmodel.NonPublicEnterprise, 4, 0), func(o *orgmodel.Org) { o.Units = 5 })), "", nil},
		{"ORG-JOINT-UNITS-5", "6 units", env(with(subject(jb, orgmodel.NonPublicEnterprise, 4, 0), func(o *orgmodel.Org) { o.Units = 6 })), "", sevs(W)},
		// General branch and committee thresholds.
		{"ORG-GB-ORGAN-50", "49 members", env(subject(br, organ, 49, 0)), "", nil},
		{"ORG-GB-ORGAN-50", "50 members", env(subject(br, organ, 49, 1)), "", sevs(E)},
		{"ORG-GB-ORGAN-50", "50 members with approval", env(with(subject(br, organ, 49, 1), approved(orgmodel.Threshold))), "", sevs(I)},
		{"ORG-CMTE-ORGAN-100", "99 members", env(subject(gb, organ, 99, 0)), "", nil},
		{"ORG-CMTE-ORGAN-100", "100 members", env(subject(gb, organ, 98, 2)), "", sevs(E)},
		{"ORG-GB-SOE-50", "49 members in an SOE branch", env(subject(br, soe, 49, 0)), "", nil},
		{"ORG-GB-SOE-50", "100 members: a committee's, not a general branch's (100人以下)", env(subject(br, soe, 100, 0)), "", nil},
		{"ORG-GB-ORGAN-50", "100 members: a committee's, not a general branch's (100人以下)", env(subject(br, organ, 100, 0)), "", nil},
		{"ORG-GB-ORGAN-50", "99 members", env(subject(br, organ, 99, 0)), "", sevs(E)},
		{"ORG-GB-SOE-50", "50 members in an SOE branch", env(subject(br, soe, 49, 1)), "", sevs(E)},
		{"ORG-GB-SOE-50", "50 members in an SOE branch with approval", env(with(subject(br, soe, 49, 1), approved(orgmodel.Threshold))), "", sevs(I)},
		{"ORG-CMTE-SOE-100", "100 members in the subtree", env(subject(gb, soe, 10, 0),
			orgmodel.Org{ID: id("b1"), Parent: subjectID, Kind: br, Domain: soe, Members: orgmodel.Members{Full: 45}},
			orgmodel.Org{ID: id("b2"), Parent: subjectID, Kind: br, Domain: soe, Members: orgmodel.Members{Full: 40, Probationary: 5}}), "", sevs(E)},
		{"ORG-CMTE-SOE-100", "99 members in the subtree", env(subject(gb, soe, 10, 0),
			orgmodel.Org{ID: id("b1"), Parent: subjectID, Kind: br, Domain: soe, Members: orgmodel.Members{Full: 89}}), "", nil},
		{"ORG-CMTE-VILLAGE-100", "100 members may form a committee", env(subject(gb, village, 100, 0)), "", sevs(I)},
		{"ORG-CMTE-VILLAGE-100", "99 members", env(subject(gb, village, 99, 0)), "", nil},
		{"ORG-GB-VILLAGE-50", "50 members", env(subject(br, village, 50, 0)), "", nil},
		{"ORG-GB-VILLAGE-50", "51 members may form a general branch", env(subject(br, village, 51, 0)), "", sevs(I)},
		{"ORG-CMTE-100", "101 members in a school may form a committee (超过100人…可以)", env(subject(br, school, 101, 0)), "", sevs(I)},
		{"ORG-CMTE-100", "100 members in a school is not more than 100", env(subject(gb, school, 100, 0)), "", nil},
		{"ORG-GB-BELOW-50", "49 members in an organ without approval", env(subject(gb, organ, 49, 0)), "", sevs(W)},
		{"ORG-GB-BELOW-50", "49 members in an organ with approval", env(with(subject(gb, organ, 49, 0), approved(orgmodel.Threshold))), "", sevs(I)},
		{"ORG-GB-BELOW-50", "50 members in an organ", env(subject(gb, organ, 50, 0)), "", nil},
		{"ORG-GB-BELOW-50", "a school is not an organ", env(subject(gb, school, 49, 0)), "", nil},
		{"ORG-GB-BELOW-50-OTHER", "49 members in a school without approval", env(subject(gb, school, 49, 0)), "", sevs(W)},
		{"ORG-GB-BELOW-50-OTHER", "49 members in an SOE with approval", env(with(subject(gb, soe, 49, 0), approved(orgmodel.Threshold))), "", sevs(I)},
		{"ORG-GB-BELOW-50-OTHER", "50 members in a school", env(subject(gb, school, 50, 0)), "", nil},
		{"ORG-GB-BELOW-50-OTHER", "an organ has its own rule", env(subject(gb, organ, 49, 0)), "", nil},
		{"ORG-GB-BELOW-50-VILLAGE", "50 members is not more than 50", env(subject(gb, village, 50, 0)), "", sevs(W)},
		{"ORG-GB-BELOW-50-VILLAGE", "51 members", env(subject(gb, village, 51, 0)), "", nil},
		{"ORG-CMTE-BELOW-100", "99 members in an organ", env(subject(cmte, organ, 99, 0)), "", sevs(W)},
		{"ORG-CMTE-BELOW-100", "99 members in an SOE with approval", env(with(subject(cmte, soe, 99, 0), approved(orgmodel.Threshold))), "", sevs(I)},
		{"ORG-CMTE-BELOW-100", "100 members in an organ", env(subject(cmte, organ, 100, 0)), "", nil},
		{"ORG-CMTE-BELOW-100", "a township committee of any size", env(subject(cmte, orgmodel.Township, 20, 0)), "", nil},
		{"ORG-CMTE-BELOW-100-OTHER", "99 members in a school", env(subject(cmte, school, 99, 0)), "", sevs(W)},
		{"ORG-CMTE-BELOW-100-OTHER", "99 members in a community with approval", env(with(subject(cmte, community, 99, 0), approved(orgmodel.Threshold))), "", sevs(I)},
		{"ORG-CMTE-BELOW-100-OTHER", "100 members in a school", env(subject(cmte, school, 100, 0)), "", nil},
		{"ORG-CMTE-BELOW-100-OTHER", "a street committee of any size", env(subject(cmte, orgmodel.Street, 20, 0)), "", nil},
		{"ORG-CMTE-BELOW-100-VILLAGE", "99 members in a village", env(subject(cmte, village, 99, 0)), "", sevs(W)},
		{"ORG-CMTE-BELOW-100-VILLAGE", "99 members in a village: an approval does not cover it", env(with(subject(cmte, village, 99, 0), approved(orgmodel.Threshold))), "", sevs(W)},
		{"ORG-CMTE-BELOW-100-VILLAGE", "100 members in a village", env(subject(cmte, village, 100, 0)), "", nil},
		// Committees and posts.
		{"ORG-BRANCH-CMTE-7", "7 full members, 2 seats", seats(env(subject(br, school, 7, 0)), sec, orgm), "", sevs(E)},
		{"ORG-BRANCH-CMTE-7", "7 full members, 3 seats", seats(env(subject(br, school, 7, 0)), sec, orgm, prop), "", nil},
		{"ORG-BRANCH-CMTE-7", "8 seats is more than 7", seats(env(subject(br, school, 20, 0)), sec, dep, orgm, prop, disc, cm, cm, cm), "", sevs(W)},
		{"ORG-BRANCH-CMTE-7", "6 full members need no committee", seats(env(subject(br, school, 6, 3)), sec), "", nil},
		{"ORG-BRANCH-SEC-ONLY", "6 full members with an organization member", seats(env(subject(br, school, 6, 0)), sec, orgm), "", sevs(E)},
		{"ORG-BRANCH-SEC-ONLY", "6 full members with a deputy", seats(env(subject(br, school, 6, 0)), sec, dep), "", nil},
		{"ORG-SECRETARY", "no secretary", seats(env(subject(br, school, 5, 0)), dep), "", sevs(E)},
		{"ORG-SECRETARY", "secretary in post", seats(env(subject(br, school, 5, 0)), sec), "", nil},
		{"ORG-SECRETARY", "secretary's post ended", func() orgmodel.Records {
			r := seats(env(subject(br, school, 5, 0)), sec)
			r.Posts[0].End = day("2024-12-31")
			return r
		}(), "", sevs(E)},
		{"ORG-SECRETARY", "no posts recorded: not checked", env(subject(br, school, 5, 0)), "", nil},
		{"ORG-SECRETARY", "a committee has its own rule", seats(env(subject(cmte, school, 200, 0)), dep, orgm, prop, disc, cm), "", nil},
		{"ORG-SECRETARY-CMTE", "a committee without a secretary", seats(env(subject(cmte, school, 200, 0)), dep, orgm, prop, disc, cm), "", sevs(E)},
		{"ORG-SECRETARY-CMTE", "a general branch with a secretary", seats(env(subject(gb, school, 60, 0)), sec, dep, orgm, prop, disc), "", nil},
		{"ORG-BRANCH-CMTE-POSTS", "no discipline member", seats(env(subject(br, school, 9, 0)), sec, orgm, prop), "", sevs(W)},
		{"ORG-BRANCH-CMTE-POSTS", "all posts", seats(env(subject(br, school, 9, 0)), sec, orgm, prop, disc), "", nil},
		{"ORG-BRANCH-DEPUTY-1", "two deputies", seats(env(subject(br, school, 9, 0)), sec, dep, dep), "", sevs(E)},
		{"ORG-BRANCH-DEPUTY-1", "one deputy", seats(env(subject(br, school, 9, 0)), sec, dep, orgm), "", nil},
		{"ORG-GB-CMTE-SIZE", "4 seats", seats(env(subject(gb, school, 60, 0)), sec, orgm, prop, disc), "", sevs(W)},
		{"ORG-GB-CMTE-SIZE", "6 seats", seats(env(subject(gb, school, 60, 0)), sec, dep, orgm, prop, disc, cm), "", nil},
		{"ORG-GB-CMTE-SIZE", "10 seats", seats(env(subject(gb, school, 60, 0)), sec, dep, orgm, prop, disc, cm, cm, cm, cm, cm), "", sevs(W)},
		{"ORG-CMTE-SIZE", "4 seats", seats(env(subject(cmte, school, 200, 0)), sec, orgm, prop, disc), "", sevs(W)},
		{"ORG-CMTE-SIZE", "9 seats", seats(env(subject(cmte, school, 200, 0)), sec, dep, dep, orgm, prop, disc, cm, cm, cm), "", nil},
		{"ORG-TOWNSHIP-CMTE-SIZE", "6 seats", seats(env(subject(cmte, orgmodel.Township, 200, 0)), sec, dep, orgm, prop, disc, cm), "", sevs(W)},
		{"ORG-TOWNSHIP-CMTE-SIZE", "7 seats", seats(env(subject(cmte, orgmodel.Township, 200, 0)), sec, dep, orgm, prop, disc, cm, cm), "", nil},
		// Approval of secretaries and filing of members: checked where the tree records such approvals at all.
		{"ORG-POST-APPROVAL", "a secretary without approval, in a tree that records them", postApprovals(seats(env(subject(br, school, 9, 0)), sec, orgm), "", orgmodel.PostApproval), "", sevs(E)},
		{"ORG-POST-APPROVAL", "a secretary and a deputy approved after the election", postApprovals(seats(env(subject(br, school, 9, 0)), sec, dep), "2021-01-20", orgmodel.PostApproval), "", nil},
		{"ORG-POST-APPROVAL", "an approval before the post began does not cover it", postApprovals(seats(env(subject(br, school, 9, 0)), sec), "2020-12-01", orgmodel.PostApproval), "", sevs(E)},
		{"ORG-POST-APPROVAL", "a tree that records no approvals of posts: not checked", seats(env(subject(br, school, 9, 0)), sec, dep), "", nil},
		{"ORG-BRANCH-MEMBER-FILING", "two members not filed", postApprovals(seats(env(subject(br, school, 9, 0)), sec, orgm, prop), "", orgmodel.PostFiling), "", sevs(E, E)},
		{"ORG-BRANCH-MEMBER-FILING", "members filed", postApprovals(seats(env(subject(br, school, 9, 0)), sec, orgm, prop), "2021-02-01", orgmodel.PostFiling), "", nil},
		// Party groups.
		{"ORG-GROUP-SIZE", "2 members", group(school, orgmodel.Members{Full: 2}), "", sevs(W)},
		{"ORG-GROUP-SIZE", "3 members, none full", group(school, orgmodel.Members{Probationary: 3}), "", sevs(W)},
		{"ORG-GROUP-SIZE", "3 members, 1 full", group(school, orgmodel.Members{Full: 1, Probationary: 2}), "", nil},
		{"ORG-GROUP-SIZE-ORGAN", "2 members in an organ", group(organ, orgmodel.Members{Full: 2}), "", sevs(E)},
		{"ORG-GROUP-SIZE-ORGAN", "3 members in an organ", group(organ, orgmodel.Members{Full: 3}), "", nil},
		// Terms, chosen by election date.
		{"ORG-TERM-CMTE-PRE2018", "3 years in 2016", env(with(subject(cmte, school, 150, 0), term("2016-05-01", "2019-05-01"))), "2019-01-01", nil},
		{"ORG-TERM-CMTE-PRE2018", "6 years without approval", env(with(subject(cmte, school, 150, 0), term("2016-05-01", "2022-05-01"))), "2019-01-01", sevs(E)},
		{"ORG-TERM-CMTE-PRE2018", "6 years with approval", env(with(with(subject(cmte, school, 150, 0), term("2016-05-01", "2022-05-01")), approved(orgmodel.TermChange))), "2019-01-01", sevs(I)},
		{"ORG-TERM-CMTE-PRE2018", "7 years even with approval", env(with(with(subject(cmte, school, 150, 0), term("2016-05-01", "2023-05-01")), approved(orgmodel.TermChange))), "2019-01-01", sevs(W)},
		{"ORG-TERM-CMTE-5", "3 years in 2019", env(with(subject(cmte, school, 150, 0), term("2019-01-10", "2022-01-10"))), "2021-01-01", sevs(E)},
		{"ORG-TERM-CMTE-5", "5 years in 2019", env(with(subject(cmte, school, 150, 0), term("2019-01-10", "2024-01-10"))), "2021-01-01", nil},
		{"ORG-TERM-CMTE-5", "6 years with approval", env(with(with(subject(cmte, school, 150, 0), term("2019-01-10", "2025-01-10")), approved(orgmodel.TermChange))), "2021-01-01", sevs(I)},
		{"ORG-TERM-BRANCH-PRE2017", "3 years in 2016", env(with(subject(br, school, 10, 0), term("2016-03-01", "2019-03-01"))), "2018-01-01", nil},
		{"ORG-TERM-BRANCH-PRE2017", "4 years in 2016", env(with(subject(br, school, 10, 0), term("2016-03-01", "2020-03-01"))), "2018-01-01", sevs(E)},
		{"ORG-TERM-BRANCH-2017", "5 years in early 2018", env(with(subject(br, school, 10, 0), term("2018-01-01", "2023-01-01"))), "2019-01-01", nil},
		{"ORG-TERM-BRANCH-2017", "6 years in early 2018", env(with(subject(br, school, 10, 0), term("2018-01-01", "2024-01-01"))), "2019-01-01", sevs(E)},
		{"ORG-TERM-BRANCH-3", "3 years in 2019", env(with(subject(br, school, 10, 0), term("2019-01-01", "2022-01-01"))), "2020-01-01", nil},
		{"ORG-TERM-BRANCH-3", "5 years in 2019", env(with(subject(br, school, 10, 0), term("2019-01-01", "2024-01-01"))), "2020-01-01", sevs(E)},
		{"ORG-TERM-VILLAGE-COMMUNITY-5", "3 years in a community", env(with(subject(br, community, 10, 0), term("2021-05-01", "2024-05-01"))), "2022-01-01", sevs(E)},
		{"ORG-TERM-VILLAGE-COMMUNITY-5", "5 years in a community", env(with(subject(br, community, 10, 0), term("2021-05-01", "2026-05-01"))), "2022-01-01", nil},
		{"ORG-TERM-OVERDUE", "due yesterday", env(with(subject(br, school, 10, 0), term("2019-01-01", ""))), "2022-01-02", sevs(E)},
		{"ORG-TERM-OVERDUE", "due today", env(with(subject(br, school, 10, 0), term("2019-01-01", ""))), "2022-01-01", nil},
		{"ORG-TERM-OVERDUE", "renewed late", env(with(subject(br, school, 10, 0), func(o *orgmodel.Org) {
			o.Term = orgmodel.Term{Elected: day("2019-01-01"), Renewed: day("2022-03-01")}
		})), "2022-06-01", sevs(E)},
		{"ORG-TERM-OVERDUE", "renewed on time", env(with(subject(br, school, 10, 0), func(o *orgmodel.Org) {
			o.Term = orgmodel.Term{Elected: day("2019-01-01"), Renewed: day("2021-12-20")}
		})), "2022-06-01", nil},
		{"ORG-TERM-OVERDUE", "overdue with approval", env(with(with(subject(br, school, 10, 0), term("2019-01-01", "")), approved(orgmodel.TermChange))), "2022-06-01", sevs(I)},
		{"ORG-TERM-OVERDUE", "a community branch runs 5 years", env(with(subject(br, community, 10, 0), term("2019-01-01", ""))), "2022-06-01", nil},
		{"ORG-TERM-DUE-SOON", "due in under 6 months", env(with(subject(br, school, 10, 0), term("2019-01-01", ""))), "2021-07-02", sevs(I)},
		{"ORG-TERM-DUE-SOON", "due in exactly 6 months", env(with(subject(br, school, 10, 0), term("2019-01-01", ""))), "2021-07-01", nil},
		{"ORG-TERM-DUE-SOON", "already renewed", env(with(subject(br, school, 10, 0), func(o *orgmodel.Org) {
			o.Term = orgmodel.Term{Elected: day("2019-01-01"), Renewed: day("2021-10-01")}
		})), "2021-11-01", nil},
		{"ORG-DISPATCHED-NO-TERM", "a work committee with a term", env(with(subject(orgmodel.WorkCommittee, orgmodel.Street, 0, 0), term("2021-01-01", ""))), "", sevs(W)},
		{"ORG-DISPATCHED-NO-TERM", "a work committee without", env(subject(orgmodel.WorkCommittee, orgmodel.Street, 0, 0)), "", nil},
		{"ORG-DISPATCHED-NO-TERM", "a temporary branch has its own rule", env(with(subject(orgmodel.TempBranch, school, 5, 0), term("2021-01-01", ""))), "", nil},
		{"ORG-TEMP-NO-TERM", "a temporary branch with a term", env(with(subject(orgmodel.TempBranch, school, 5, 0), term("2021-01-01", ""))), "", sevs(W)},
		{"ORG-TEMP-NO-TERM", "a temporary branch without", env(subject(orgmodel.TempBranch, school, 5, 0)), "", nil},
		// Elections.
		{"ORG-CONGRESS-500", "500 members in a school committee's subtree", env(subject(cmte, school, 500, 0)), "", sevs(I)},
		{"ORG-CONGRESS-500", "499 members", env(subject(cmte, school, 499, 0)), "", nil},
		{"ORG-CONGRESS-500", "a village has its own rule", env(with(subject(cmte, village, 500, 0), func(o *orgmodel.Org) { o.Parent = townshipID })), "", nil},
		{"ORG-CONGRESS-500-VILLAGE", "500 members in a village committee", env(with(subject(cmte, village, 500, 0), func(o *orgmodel.Org) { o.Parent = townshipID })), "", sevs(I)},
		{"ORG-CONGRESS-500-VILLAGE", "499 members in a village committee", env(with(subject(cmte, village, 499, 0), func(o *orgmodel.Org) { o.Parent = townshipID })), "", nil},
		// Projects (支部条例 第五条: 为期6个月以上…应当成立党支部). The
		// subject is a temporary general branch of a project under the
		// township committee; 2025-01-01 to 2025-06-30 is exactly 6 months.
		{"ORG-PROJECT-BRANCH-6M", "exactly 6 months, 3 full members, no branch", env(projectOrg(tgb, 3, "2025-01-01", "2025-06-30")), "2025-03-01", sevs(E)},
		{"ORG-PROJECT-BRANCH-6M", "a day short of 6 months", env(projectOrg(tgb, 3, "2025-01-01", "2025-06-29")), "2025-03-01", nil},
		{"ORG-PROJECT-BRANCH-6M", "6 months, on its last day", env(projectOrg(tgb, 3, "2025-01-01", "2025-06-30")), "2025-06-30", sevs(E)},
		{"ORG-PROJECT-BRANCH-6M", "6 months, the day after it ended", env(projectOrg(tgb, 3, "2025-01-01", "2025-06-30")), "2025-07-01", nil},
		{"ORG-PROJECT-BRANCH-6M", "6 months, before it starts", env(projectOrg(tgb, 3, "2025-01-01", "2025-06-30")), "2024-12-31", nil},
		{"ORG-PROJECT-BRANCH-6M", "2 full members (and probationary ones) are not enough", env(with(projectOrg(tgb, 2, "2025-01-01", "2025-12-31"), func(o *orgmodel.Org) { o.Members.Probationary = 4 })), "2025-03-01", nil},
		{"ORG-PROJECT-BRANCH-6M", "a temporary branch formed under it", env(projectOrg(tgb, 0, "2025-01-01", "2025-12-31"), projectChild(orgmodel.TempBranch, 5, 0)), "2025-03-01", nil},
		{"ORG-PROJECT-BRANCH-6M", "members counted in its subtree, no branch under it", env(projectOrg(orgmodel.TempCommittee, 0, "2025-01-01", "2025-12-31"), projectChild(tgb, 5, 0)), "2025-03-01", sevs(E)},
		{"ORG-PROJECT-BRANCH-6M", "the project is a temporary branch itself", env(projectOrg(orgmodel.TempBranch, 5, "2025-01-01", "2025-12-31")), "2025-03-01", nil},
		{"ORG-PROJECT-BRANCH-6M", "no end recorded, run 6 months by the validation day", env(projectOrg(tgb, 3, "2025-01-01", "")), "2025-06-30", sevs(E)},
		{"ORG-PROJECT-BRANCH-6M", "no end recorded, a day short of 6 months", env(projectOrg(tgb, 3, "2025-01-01", "")), "2025-06-29", nil},
		{"ORG-PROJECT-BRANCH-6M", "before the regulation (2018-10-28)", env(projectOrg(tgb, 3, "2018-01-01", "2019-12-31")), "2018-10-27", nil},
		{"ORG-PROJECT-BRANCH-6M", "in force from 2018-10-28", env(projectOrg(tgb, 3, "2018-01-01", "2019-12-31")), "2018-10-28", sevs(E)},
		{"ORG-PROJECT-BRANCH-6M", "a month-end start: 2025-08-31 plus 6 months is 2026-02-28", env(projectOrg(tgb, 3, "2025-08-31", "2026-02-27")), "2025-10-01", sevs(E)},
		{"ORG-PROJECT-BRANCH-6M", "a month-end start, a day short", env(projectOrg(tgb, 3, "2025-08-31", "2026-02-26")), "2025-10-01", nil},
		// Villages.
		{"ORG-VILLAGE-APPROVAL", "no approval", env(with(subject(br, village, 10, 0), func(o *orgmodel.Org) { o.Parent = townshipID })), "", sevs(E)},
		{"ORG-VILLAGE-APPROVAL", "approved by the township", env(with(subject(br, village, 10, 0), func(o *orgmodel.Org) { o.Parent = townshipID; villageApproval(o) })), "", nil},
		{"ORG-VILLAGE-APPROVAL", "approved by the city committee", env(with(subject(br, village, 10, 0), func(o *orgmodel.Org) {
			o.Approvals = []orgmodel.Approval{{Kind: orgmodel.Formation, By: rootID}}
		})), "", nil},
		{"ORG-VILLAGE-APPROVAL", "approved by a neighbouring village", env(
			orgmodel.Org{ID: id("v2"), Parent: townshipID, Kind: gb, Domain: village, Members: orgmodel.Members{Full: 60}},
			with(subject(br, village, 10, 0), func(o *orgmodel.Org) {
				o.Approvals = []orgmodel.Approval{{Kind: orgmodel.Formation, By: id("v2")}}
			})), "", sevs(E)},
		{"ORG-VILLAGE-APPROVAL", "approver not in the tree", env(with(subject(br, village, 10, 0), func(o *orgmodel.Org) {
			o.Approvals = []orgmodel.Approval{{Kind: orgmodel.Formation, ByName: "某镇党委"}}
		})), "", sevs(W)},
		{"ORG-VILLAGE-APPROVAL", "a village committee has its own rule", env(with(subject(cmte, village, 150, 0), func(o *orgmodel.Org) { o.Parent = townshipID; villageApproval(o) })), "", nil},
		{"ORG-VILLAGE-CMTE-APPROVAL", "a village committee approved by the township only", env(with(subject(cmte, village, 150, 0), func(o *orgmodel.Org) { o.Parent = townshipID; villageApproval(o) })), "", sevs(E)},
		{"ORG-VILLAGE-CMTE-APPROVAL", "a village committee approved by the city committee", env(with(subject(cmte, village, 150, 0), func(o *orgmodel.Org) {
			o.Parent = townshipID
			o.Approvals = []orgmodel.Approval{{Kind: orgmodel.Formation, By: rootID}}
		})), "", nil},
		// Dispatched cadres.
		{"ORG-FIRSTSEC-ELIGIBLE", "full for 9 months", dispatch(orgmodel.FullMember, "2021-06-01", "2022-03-01", ""), "", sevs(E)},
		{"ORG-FIRSTSEC-ELIGIBLE", "full for exactly 1 year", dispatch(orgmodel.FullMember, "2021-03-01", "2022-03-01", ""), "", nil},
		{"ORG-FIRSTSEC-ELIGIBLE", "probationary", dispatch(orgmodel.Probationary, "", "2022-03-01", ""), "", sevs(E)},
		{"ORG-FIRSTSEC-ELIGIBLE", "date of full membership unknown", dispatch(orgmodel.FullMember, "", "2022-03-01", ""), "", sevs(W)},
		{"ORG-FIRSTSEC-ELIGIBLE", "before the 2021 opinion", dispatch(orgmodel.Probationary, "", "2020-03-01", "2021-03-01"), "", nil},
		{"ORG-FIRSTSEC-TERM-2015", "3 years 3 months", dispatch(orgmodel.FullMember, "2010-01-01", "2016-01-01", "2019-04-01"), "", sevs(W)},
		{"ORG-FIRSTSEC-TERM-2015", "exactly 3 years", dispatch(orgmodel.FullMember, "2010-01-01", "2016-01-01", "2019-01-01"), "", nil},
		{"ORG-FIRSTSEC-TERM-2021", "still serving after 2 years", dispatch(orgmodel.FullMember, "2010-01-01", "2022-01-01", ""), "2024-06-01", sevs(W)},
		{"ORG-FIRSTSEC-TERM-2021", "serving under 2 years", dispatch(orgmodel.FullMember, "2010-01-01", "2022-01-01", ""), "2023-12-31", nil},
		// Coordination bodies.
		{"ORG-COORD-NO-ROSTER", "a joint conference with a secretary", conference(orgmodel.Secretary), "", sevs(W)},
		{"ORG-COORD-NO-ROSTER", "a joint conference with a member", conference(orgmodel.BodyMember), "", nil},
	}
}

// group returns a branch with a party group as the subject.
func group(d orgmodel.Domain, m orgmodel.Members) orgmodel.Records {
	return env(orgmodel.Org{ID: id("branch"), Kind: orgmodel.Branch, Domain: d, Members: orgmodel.Members{Full: 10}},
		orgmodel.Org{ID: subjectID, Parent: id("branch"), Kind: orgmodel.PartyGroup, Domain: d, Members: m})
}

func dispatch(status orgmodel.MemberStatus, fullSince, start, end string) orgmodel.Records {
	r := env(with(subject(orgmodel.Branch, orgmodel.Village, 10, 0), func(o *orgmodel.Org) {
		o.Approvals = []orgmodel.Approval{{Kind: orgmodel.Formation, By: townshipID}}
	}))
	p := orgmodel.Person{ID: id("cadre"), Name: "张三", Status: status}
	if fullSince != "" {
		p.FullSince = day(fullSince)
	}
	a := orgmodel.Assignment{ID: id("assignment"), Person: p.ID, Role: orgmodel.FirstSecretary, FromName: "市直机关", To: subjectID, Start: day(start)}
	if end != "" {
		a.End = day(end)
	}
	r.People = append(r.People, p)
	r.Assignments = append(r.Assignments, a)
	return r
}

func conference(role orgmodel.Role) orgmodel.Records {
	r := env(subject(orgmodel.WorkCommittee, orgmodel.Street, 0, 0))
	r.Bodies = []orgmodel.Body{{ID: id("conf"), Kind: orgmodel.JointConference, Name: "街道党建联席会", Org: subjectID, Members: []uuid.UUID{subjectID}}}
	r.People = []orgmodel.Person{{ID: id("p"), Name: "李四", Status: orgmodel.FullMember}}
	r.Posts = []orgmodel.Post{{Person: id("p"), Body: id("conf"), Role: role}}
	return r
}

func TestNationalRules(t *testing.T) {
	for _, c := range ruleCases() {
		t.Run(c.rule+"/"+c.name, func(t *testing.T) {
			tree, err := orgmodel.Build(c.recs)
			require.NoError(t, err)
			asOf := day("2025-06-30")
			if c.asOf != "" {
				asOf = day(c.asOf)
			}
			rep, err := orgmodel.Validate(tree, orgmodel.NationalRules(), asOf)
			require.NoError(t, err)
			var got []orgmodel.Severity
			for _, f := range rep.Findings {
				if f.Rule != c.rule || f.Subject != subjectID.String() {
					continue
				}
				got = append(got, f.Severity)
				assert.NotEmpty(t, f.Message)
				assert.NotEmpty(t, f.Name)
				assert.NotEmpty(t, f.Source.Doc)
				if f.Severity == orgmodel.Info && f.Approval == nil {
					r, _ := orgmodel.NationalRules().Rule(f.Rule)
					assert.Equal(t, dangjian.May, r.Modality, "an Info finding comes from a 可以 rule or an approval: %s", f.Message)
				}
			}
			assert.Equal(t, c.want, got, "findings of %s: %+v", c.rule, rep.Findings)
		})
	}
}

// Every rule of the national table has at least one case that fires it and
// one that does not.
func TestEveryNationalRuleIsTested(t *testing.T) {
	fires, quiet := map[string]bool{}, map[string]bool{}
	for _, c := range ruleCases() {
		if len(c.want) > 0 {
			fires[c.rule] = true
		} else {
			quiet[c.rule] = true
		}
	}
	for _, r := range orgmodel.NationalRules().Rules {
		assert.True(t, fires[r.ID], "no case fires %s", r.ID)
		assert.True(t, quiet[r.ID], "no case keeps %s quiet", r.ID)
	}
}

func TestNationalRulesTable(t *testing.T) {
	rs := orgmodel.NationalRules()
	require.NoError(t, rs.Check())
	for _, r := range rs.Rules {
		t.Run(r.ID, func(t *testing.T) {
			assert.NotEmpty(t, r.Text, "the rule quotes its wording")
			assert.True(t, r.Source.Confidence.IsValid())
			assert.Regexp(t, `^ORG-[A-Z0-9-]+$`, r.ID)
		})
	}
	// NationalRules returns a fresh value each time.
	rs.Rules[0].N = 99
	rs.Rules[0].Kinds[0] = orgmodel.PartyGroup
	fresh := orgmodel.NationalRules()
	assert.Equal(t, int64(3), fresh.Rules[0].N)
	assert.Equal(t, orgmodel.Branch, fresh.Rules[0].Kinds[0])
}

// postApprovals records an approval of kind k on the subject dated on (none
// when on is ""), and one on the township, so that the tree records
// approvals of that kind and the rule is checked.
func postApprovals(r orgmodel.Records, on string, k orgmodel.ApprovalKind) orgmodel.Records {
	for i := range r.Orgs {
		switch {
		case r.Orgs[i].ID == townshipID:
			r.Orgs[i].Approvals = append(r.Orgs[i].Approvals, orgmodel.Approval{Kind: k, By: rootID, On: day("2019-01-01")})
		case r.Orgs[i].ID == subjectID && on != "":
			r.Orgs[i].Approvals = append(r.Orgs[i].Approvals, orgmodel.Approval{Kind: k, By: rootID, On: day(on)})
		}
	}
	return r
}
