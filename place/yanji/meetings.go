package yanji

import (
	"strconv"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/dues"
	"github.com/dangjian-go/dangjian/orglife"
	"github.com/dangjian-go/dangjian/orgmodel"
)

// Meetings returns a year of generated meeting records for the city's
// tree t (as [Records] builds it): illustrative data, not Yanji's, made
// to be checked with orglife (and reused by anyone who wants a city's
// year of records to try a rule set on). It is deterministic: the same
// tree and year always give the same records, drawn from each
// organization's code.
//
// Every organization that owes organizational life under orglife's
// national rules records it: a 主题党日 each month; a 支委会 each month
// where it has 7 or more full members; a 党员大会 each quarter, the one
// of the fourth quarter with a vote; a 党小组会 each month for a party
// group; and once a year a 谈心谈话 and a 组织生活会 combined with the
// 民主评议党员 in December. Then, drawn from the code: about one
// organization in five skips some months' 主题党日 or 支委会 (one to
// three), one in eight skips a quarter's 党员大会, one in twelve holds
// no 组织生活会, and one in ten holds its voting 党员大会 with fewer than
// half the members with a vote present (a quorum failure). Attendance
// is drawn between 70 % and 100 % of those expected otherwise.
func Meetings(t *orgmodel.Tree, year int) []orglife.Meeting {
	var out []orglife.Meeting
	for _, o := range t.All() {
		if !holdsLife(o.Kind) {
			continue
		}
		id := t.IDText(o.ID)
		key := o.Code + "/" + strconv.Itoa(year)
		expected := max(o.Members.Total(), 3)
		if o.Kind == orgmodel.PartyGroup {
			for m := 1; m <= 12; m++ {
				out = append(out, meeting(id, orglife.GroupMeeting, year, m, key, expected))
			}
			continue
		}
		day := func(m int) dangjian.Date { return meetingDay(key, year, m) }
		skipDay, skipCommittee, skipQuarter := skipped(key+"/day", 5, 3), skipped(key+"/committee", 5, 3), 0
		if yjNum(key+"/quarter", 0, 7) == 0 {
			skipQuarter = int(yjNum(key+"/which", 1, 4))
		}
		for m := 1; m <= 12; m++ {
			if !skipDay[m] {
				out = append(out, meeting(id, orglife.PartyDay, year, m, key, expected))
			}
			if o.Members.Full >= 7 && !skipCommittee[m] {
				c := meeting(id, orglife.Committee, year, m, key+"/c", 5)
				c.Expected, c.Present = 5, 4+yjNum(key+"/cp/"+strconv.Itoa(m), 0, 1)
				out = append(out, c)
			}
			if m%3 == 0 && m/3 != skipQuarter {
				mm := meeting(id, orglife.MemberMeeting, year, m, key+"/m", expected)
				if m == 12 {
					mm.Voting, mm.VotingExpected = true, max(o.Members.Full, 1)
					mm.VotingPresent = mm.VotingExpected * yjNum(key+"/vp", 70, 100) / 100
					if yjNum(key+"/quorum", 0, 9) == 0 {
						mm.VotingPresent = (mm.VotingExpected - 1) / 2 // fewer than half
					}
					mm.Present = min(mm.VotingPresent+o.Members.Probationary, mm.Expected)
				}
				out = append(out, mm)
			}
		}
		talk := meeting(id, orglife.Talk, year, 6, key+"/t", expected)
		talk.Date = day(6)
		out = append(out, talk)
		if yjNum(key+"/life", 0, 11) != 0 {
			lm := meeting(id, orglife.LifeMeeting, year, 12, key+"/l", expected)
			lm.Also, lm.Year = []orglife.Type{orglife.Review}, year
			out = append(out, lm)
		}
	}
	return out
}

// holdsLife reports whether organizations of kind k hold organizational
// life of their own under the national rules (branches and party
// groups; committees convene their branches).
func holdsLife(k orgmodel.Kind) bool {
	switch k {
	case orgmodel.Branch, orgmodel.JointBranch, orgmodel.PartyGroup:
		return true
	}
	return false
}

// skipped draws, for one organization in n, one to most months skipped.
func skipped(key string, n, most int64) map[int]bool {
	out := map[int]bool{}
	if yjNum(key, 0, n-1) != 0 {
		return out
	}
	for i := range yjNum(key+"/k", 1, most) {
		out[int(yjNum(key+"/m/"+strconv.FormatInt(i, 10), 1, 12))] = true
	}
	return out
}

func meetingDay(key string, year, month int) dangjian.Date {
	return dangjian.NewDate(year, 1, 1).AddMonths(month - 1).AddDays(int(yjNum(key+"/d/"+strconv.Itoa(month), 2, 26)))
}

func meeting(org string, ty orglife.Type, year, month int, key string, expected int64) orglife.Meeting {
	k := key + "/" + ty.String() + "/" + strconv.Itoa(month)
	return orglife.Meeting{Org: org, Type: ty, Date: meetingDay(k, year, month), Expected: expected,
		Present: expected * yjNum(k+"/p", 70, 100) / 100}
}

// Ledger is one member's dues ledger for a year, with the caller's id
// of the member's organization.
type Ledger struct {
	Org      string
	Member   string
	Payments []dues.Payment
}

// DuesLedgers returns a year of generated dues ledgers for the full
// members of the city's branches: illustrative data, deterministic
// (drawn from each organization's code), for funding/dues'
// [dues.Rules.Arrears]. Each member owes 10 元 a month and pays it within
// the month, except that in about one branch in fifteen one member has
// paid nothing since a month drawn between March and July (a lapse of
// six months or more by the year's end) and in about one in ten one
// member paid a month's dues eight months late.
func DuesLedgers(t *orgmodel.Tree, year int) []Ledger {
	var out []Ledger
	due := funding.MustParseMoney("10")
	for _, o := range t.All() {
		if o.Kind != orgmodel.Branch && o.Kind != orgmodel.JointBranch {
			continue
		}
		key := o.Code + "/dues/" + strconv.Itoa(year)
		lapse, late := int64(-1), int64(-1)
		if yjNum(key+"/lapse", 0, 14) == 0 {
			lapse = yjNum(key+"/lapse/who", 0, max(o.Members.Full-1, 0))
		}
		if yjNum(key+"/late", 0, 9) == 0 {
			late = yjNum(key+"/late/who", 0, max(o.Members.Full-1, 0))
		}
		from := int(yjNum(key+"/lapse/from", 3, 7))
		for i := range o.Members.Full {
			l := Ledger{Org: t.IDText(o.ID), Member: o.Code + "-" + strconv.FormatInt(i+1, 10)}
			for m := 1; m <= 12; m++ {
				month := dangjian.NewDate(year, 1, 1).AddMonths(m - 1)
				p := dues.Payment{Month: month, Due: due, Paid: due, On: month.AddDays(9)}
				switch {
				case i == lapse && m >= from:
					p.Paid, p.On = funding.Money{}, dangjian.Date{}
				case i == late && m == 2:
					p.On = month.AddMonths(8)
				}
				l.Payments = append(l.Payments, p)
			}
			out = append(out, l)
		}
	}
	return out
}
