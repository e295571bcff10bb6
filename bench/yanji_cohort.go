package bench

import (
	"fmt"
	"math/rand/v2"
	"strconv"

	"github.com/dangjian-go/dangjian/assess"
)

// The Yanji duty-report scheme (yanji.Scheme(), place/yanji) reads, per
// subject: deduction events for yashi, zhendi and zaiti; checked items for
// yanshi, duiwu and fuwu; values for the ratios jianshi and baozhang and the
// direct points pinpai; the votes of three rater groups on ceping; three
// bonus items; four gate flags.

// Event is a deduction event as a platform stores it: the value of a
// per-percentage-point clause as decimal text ("86.5"), "" when none.
type Event struct {
	Clause string
	Count  int // occurrences, at least 1
	Level  string
	Value  string
	Case   string
}

// Ballots are one rater group's votes: the count per level (好, 较好, 一般,
// 差, 不了解) and the ballots issued and returned (0: not recorded).
type Ballots struct {
	Good, Fair, Average, Poor, Unknown int
	Issued, Returned                   int
}

// Record is one subject of the Yanji scheme as generated: the source of the
// library's assess.Subject (Record.Subject) and of the float alternatives'
// Plain (Record.Plain). Numbers are decimal text, as a database or a form
// holds them.
type Record struct {
	ID, Category string

	Yashi, Zhendi, Zaiti []Event  // deduction events
	Yanshi, Duiwu, Fuwu  []string // checked items

	Jianshi, Baozhang, Pinpai string // ratio actuals (%) and direct points

	Leaders, Members, Masses Ballots

	AwardCity, AwardHigher, Promoted int // bonus occurrences

	SeriousViolation, HeldAccountable, TeamDisunity, Censured bool
}

// CohortGen draws synthetic subjects deterministically from a seed.
type CohortGen struct {
	r *rand.Rand
	n int
}

// NewCohortGen returns a generator seeded with seed.
func NewCohortGen(seed uint64) *CohortGen {
	return &CohortGen{r: rand.New(rand.NewPCG(seed, 0x79616e6a69))} // "yanji"
}

var (
	cohortCategories = []string{"街道", "社区", "村"}
	yanshiItems      = []string{"documents", "organs_in_community", "four_lists", "four_level", "cadres_serve"}
	duiwuItems       = []string{"first_secretary", "reserve_pool", "community_workers", "nonpublic_instructors"}
	fuwuItems        = []string{"creation_targets", "service_posts", "service_actions", "joint_agreements"}
	disciplineLevels = []string{"诫勉", "诫勉", "诫勉", "轻处分", "轻处分", "重处分", "移送司法机关"}
)

// Next fills rec with the next subject, reusing rec's slices.
//
// The draws: category 街道 / 社区 / 村 (1 : 4 : 5); each deduction clause
// occurs with a probability of 3–30 % and a count of 1 to a few (enough to
// reach a clause's cap now and then); 党员干部 discipline cases (1–3 events at
// 诫勉 … 移送司法机关, half of them within one case, 同一案件); the platform-use
// rate 70–100 % with one or two decimals; each checklist item checked with
// probability 0.85; the two ratios 70–100 % (80–100 %) with one or two
// decimals (100 exactly one time in ten); direct points 5–10 in steps of
// 0.5, a few with one decimal and a few above the maximum (clamped); 30
// votes in three groups of ten whose mix follows a per-subject quality,
// with some 不了解 among 党员代表 and 群众代表 and, in 0.2 % of groups, more
// ballots returned than issued (a void group); bonus items in 3–10 % of
// subjects; gate flags in 0.2–3 %.
func (g *CohortGen) Next(rec *Record) {
	r := g.r
	g.n++
	rec.ID = "s" + strconv.Itoa(g.n)
	rec.Category = cohortCategories[pick(r, 1, 4, 5)]

	rec.Yashi = rec.Yashi[:0]
	rec.Yashi = occ(r, rec.Yashi, 15, "leading_group", 4)
	rec.Yashi = occ(r, rec.Yashi, 5, "secretary_project", 1)
	rec.Yashi = occ(r, rec.Yashi, 10, "contact_point", 3)
	rec.Yashi = occ(r, rec.Yashi, 20, "work_day", 8)
	rec.Yashi = occ(r, rec.Yashi, 20, "regular_meeting", 8)
	rec.Yashi = occ(r, rec.Yashi, 5, "dual_duty", 1)
	if r.IntN(100) < 10 {
		k := 1 + r.IntN(3)
		cased := r.IntN(2) == 0
		for i := 0; i < k; i++ {
			e := Event{Clause: "discipline", Count: 1, Level: disciplineLevels[r.IntN(len(disciplineLevels))]}
			if cased {
				e.Case = "2025-" + strconv.Itoa(1+r.IntN(2))
			}
			rec.Yashi = append(rec.Yashi, e)
		}
	}
	rec.Yanshi = checks(r, rec.Yanshi[:0], yanshiItems)
	rec.Jianshi = percent(r, 70)

	rec.Zhendi = rec.Zhendi[:0]
	rec.Zhendi = occ(r, rec.Zhendi, 10, "venue_standard", 3)
	rec.Zhendi = occ(r, rec.Zhendi, 3, "venue_misuse", 1)
	if r.IntN(100) < 30 {
		rec.Zhendi = append(rec.Zhendi, Event{Clause: "platform_use", Count: 1, Value: percent(r, 70)})
	}
	rec.Duiwu = checks(r, rec.Duiwu[:0], duiwuItems)
	rec.Baozhang = percent(r, 80)

	rec.Fuwu = checks(r, rec.Fuwu[:0], fuwuItems)
	rec.Zaiti = rec.Zaiti[:0]
	rec.Zaiti = occ(r, rec.Zaiti, 20, "dangjian_plus", 5)
	rec.Zaiti = occ(r, rec.Zaiti, 10, "five_step", 1)
	rec.Zaiti = occ(r, rec.Zaiti, 15, "three_heads", 5)
	rec.Zaiti = occ(r, rec.Zaiti, 10, "love_market", 1)
	switch k := r.IntN(100); {
	case k < 5:
		rec.Pinpai = strconv.Itoa(5+r.IntN(6)) + "." + strconv.Itoa(r.IntN(10))
	case k < 6:
		rec.Pinpai = "10." + strconv.Itoa(1+r.IntN(9)) // above the maximum: clamped to 10
	default:
		rec.Pinpai = halfSteps(r.IntN(11) + 10) // 5, 5.5, …, 10
	}

	q := r.IntN(100) // the subject's quality: the vote mix
	rec.Leaders = ballots(r, q, 0)
	rec.Members = ballots(r, q, 8)
	rec.Masses = ballots(r, q, 12)

	rec.AwardCity = count(r, 10, 3)
	rec.AwardHigher = count(r, 3, 2)
	rec.Promoted = count(r, 10, 3)

	rec.SeriousViolation = r.IntN(1000) < 2
	rec.HeldAccountable = r.IntN(1000) < 20
	rec.TeamDisunity = r.IntN(1000) < 10
	rec.Censured = r.IntN(1000) < 30
}

// Cohort returns n subjects drawn from seed.
func Cohort(n int, seed uint64) []Record {
	g := NewCohortGen(seed)
	out := make([]Record, n)
	for i := range out {
		g.Next(&out[i])
	}
	return out
}

// pick returns an index drawn with the given weights.
func pick(r *rand.Rand, weights ...int) int {
	t := 0
	for _, w := range weights {
		t += w
	}
	k := r.IntN(t)
	for i, w := range weights {
		if k < w {
			return i
		}
		k -= w
	}
	return len(weights) - 1
}

func occ(r *rand.Rand, evs []Event, pct int, clause string, maxCount int) []Event {
	if r.IntN(100) >= pct {
		return evs
	}
	return append(evs, Event{Clause: clause, Count: 1 + r.IntN(maxCount)})
}

func checks(r *rand.Rand, dst, items []string) []string {
	for _, it := range items {
		if r.IntN(100) < 85 {
			dst = append(dst, it)
		}
	}
	return dst
}

func count(r *rand.Rand, pct, maxCount int) int {
	if r.IntN(100) >= pct {
		return 0
	}
	return 1 + r.IntN(maxCount)
}

// percent returns a percentage in [from, 100]: 100 one time in ten, else
// with one decimal (60 %) or two (40 %).
func percent(r *rand.Rand, from int) string {
	if r.IntN(10) == 0 {
		return "100"
	}
	span := 100 - from
	if r.IntN(10) < 6 {
		v := from*10 + r.IntN(span*10)
		return strconv.Itoa(v/10) + "." + strconv.Itoa(v%10)
	}
	v := from*100 + r.IntN(span*100)
	return fmt.Sprintf("%d.%02d", v/100, v%100)
}

func halfSteps(k int) string {
	if k%2 == 0 {
		return strconv.Itoa(k / 2)
	}
	return strconv.Itoa(k/2) + ".5"
}

// ballots draws ten ballots for a group: better subjects get more 好;
// unknownPct percent of the ballots are 不了解; one group in 500 has more
// ballots returned than issued.
func ballots(r *rand.Rand, q, unknownPct int) Ballots {
	var b Ballots
	for i := 0; i < 10; i++ {
		if r.IntN(100) < unknownPct {
			b.Unknown++
			continue
		}
		k := r.IntN(100) + q/2
		switch {
		case k >= 70:
			b.Good++
		case k >= 40:
			b.Fair++
		case k >= 15:
			b.Average++
		default:
			b.Poor++
		}
	}
	switch k := r.IntN(1000); {
	case k < 2:
		b.Issued, b.Returned = 10, 11 // void
	case k < 500:
		b.Issued, b.Returned = 10, 10
	}
	return b
}

// Subject returns the record as the library's input.
func (rec *Record) Subject() (assess.Subject, error) {
	s := assess.Subject{ID: rec.ID, Category: rec.Category}
	var err error
	num := func(text string) assess.Num {
		n, e := assess.ParseNum(text)
		if e != nil && err == nil {
			err = e
		}
		return n
	}
	s.Values = map[string]assess.Num{"jianshi": num(rec.Jianshi), "baozhang": num(rec.Baozhang), "pinpai": num(rec.Pinpai)}
	s.Checked = map[string][]string{}
	for _, c := range []struct {
		id    string
		items []string
	}{{"yanshi", rec.Yanshi}, {"duiwu", rec.Duiwu}, {"fuwu", rec.Fuwu}} {
		if len(c.items) > 0 {
			s.Checked[c.id] = append([]string(nil), c.items...)
		}
	}
	s.Events = map[string][]assess.Event{}
	for _, d := range []struct {
		id  string
		evs []Event
	}{{"yashi", rec.Yashi}, {"zhendi", rec.Zhendi}, {"zaiti", rec.Zaiti}} {
		if len(d.evs) == 0 {
			continue
		}
		out := make([]assess.Event, len(d.evs))
		for i, e := range d.evs {
			out[i] = assess.Event{Clause: e.Clause, Count: e.Count, Level: e.Level, Case: e.Case}
			if e.Value != "" {
				out[i].Value = num(e.Value)
			}
		}
		s.Events[d.id] = out
	}
	s.Votes = map[string]map[string]assess.Ballots{"ceping": {
		"leaders": rec.Leaders.assess(), "members": rec.Members.assess(), "masses": rec.Masses.assess()}}
	s.Bonus = map[string]int{}
	for _, b := range []struct {
		id string
		k  int
	}{{"project_award_city", rec.AwardCity}, {"project_award_higher", rec.AwardHigher}, {"experience_promoted", rec.Promoted}} {
		if b.k > 0 {
			s.Bonus[b.id] = b.k
		}
	}
	s.Flags = map[string]bool{}
	for _, f := range []struct {
		id string
		on bool
	}{{"serious_violation", rec.SeriousViolation}, {"held_accountable", rec.HeldAccountable}, {"team_disunity", rec.TeamDisunity}, {"censured", rec.Censured}} {
		if f.on {
			s.Flags[f.id] = true
		}
	}
	return s, err
}

func (b Ballots) assess() assess.Ballots {
	c := make(map[string]int, 5)
	for _, l := range []struct {
		level string
		k     int
	}{{"好", b.Good}, {"较好", b.Fair}, {"一般", b.Average}, {"差", b.Poor}, {"不了解", b.Unknown}} {
		if l.k > 0 {
			c[l.level] = l.k
		}
	}
	return assess.Ballots{Counts: c, Issued: b.Issued, Returned: b.Returned}
}

// PlainEvent is a deduction event of the float alternatives.
type PlainEvent struct {
	Clause string
	Count  int
	Level  string
	Value  float64
	Case   string
}

// Plain is a subject as the float alternatives hold it: the same data as a
// Record, numbers parsed with strconv.ParseFloat, in a plain struct (what a
// platform's database row and its child rows map to).
type Plain struct {
	ID, Category string

	Yashi, Zhendi, Zaiti []PlainEvent
	Yanshi, Duiwu, Fuwu  []string

	Jianshi, Baozhang, Pinpai float64

	Leaders, Members, Masses Ballots

	AwardCity, AwardHigher, Promoted int

	SeriousViolation, HeldAccountable, TeamDisunity, Censured bool
}

// Plain returns the record as the float alternatives' input.
func (rec *Record) Plain() (Plain, error) {
	var err error
	f := func(text string) float64 {
		v, e := strconv.ParseFloat(text, 64)
		if e != nil && err == nil {
			err = e
		}
		return v
	}
	evs := func(in []Event) []PlainEvent {
		if len(in) == 0 {
			return nil
		}
		out := make([]PlainEvent, len(in))
		for i, e := range in {
			out[i] = PlainEvent{Clause: e.Clause, Count: e.Count, Level: e.Level, Case: e.Case}
			if e.Value != "" {
				out[i].Value = f(e.Value)
			}
		}
		return out
	}
	p := Plain{
		ID: rec.ID, Category: rec.Category,
		Yashi: evs(rec.Yashi), Zhendi: evs(rec.Zhendi), Zaiti: evs(rec.Zaiti),
		Yanshi: append([]string(nil), rec.Yanshi...), Duiwu: append([]string(nil), rec.Duiwu...), Fuwu: append([]string(nil), rec.Fuwu...),
		Jianshi: f(rec.Jianshi), Baozhang: f(rec.Baozhang), Pinpai: f(rec.Pinpai),
		Leaders: rec.Leaders, Members: rec.Members, Masses: rec.Masses,
		AwardCity: rec.AwardCity, AwardHigher: rec.AwardHigher, Promoted: rec.Promoted,
		SeriousViolation: rec.SeriousViolation, HeldAccountable: rec.HeldAccountable, TeamDisunity: rec.TeamDisunity, Censured: rec.Censured,
	}
	return p, err
}
