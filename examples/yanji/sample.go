package main

import (
	"fmt"

	"github.com/dangjian-go/dangjian/assess"
)

// The assessment's inputs are illustrative example data, not a rule or a
// figure of Yanji: the article gives no assessment results. They stay in the
// example rather than in place/yanji because nothing but a demonstration
// needs them, and exporting them would make the library promise an API that
// the meeting records of orglife, mapped onto the scheme's inputs by a
// bridge, are meant to replace.

// sampler is a deterministic stream of numbers (splitmix64) seeded from a
// hash (FNV-1a) of an organization's code: the same code always gives the
// same inputs, whatever the date or the run.
type sampler struct{ state uint64 }

func newSampler(code string) *sampler {
	h := uint64(14695981039346656037)
	for i := 0; i < len(code); i++ {
		h ^= uint64(code[i])
		h *= 1099511628211
	}
	return &sampler{state: h}
}

// next returns a number in [0, n).
func (s *sampler) next(n int) int {
	s.state += 0x9e3779b97f4a7c15
	z := s.state
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	z ^= z >> 31
	return int(z % uint64(n))
}

// chance reports true k times in n.
func (s *sampler) chance(k, n int) bool { return s.next(n) < k }

// tenths renders lo + a random number of tenths up to span tenths: "87.3".
func (s *sampler) tenths(lo, span int) assess.Num {
	t := lo*10 + s.next(span*10+1)
	return assess.MustNum(fmt.Sprintf("%d.%d", t/10, t%10))
}

// sampleSubject makes illustrative inputs for a secretary under the
// yanji-shuzhi scheme: attainment ratios, checklist items, deduction
// events, votes of the three rater groups (with at least their minimum
// raters), bonus items and now and then a gate. Nothing is taken from the
// article, which gives no assessment results.
func sampleSubject(code, category string) assess.Subject {
	r := newSampler(code)
	sub := assess.Subject{ID: code, Category: category,
		Values: map[string]assess.Num{
			"jianshi":  r.tenths(70, 30),
			"baozhang": r.tenths(85, 15),
			"pinpai":   assess.MustNum(fmt.Sprintf("%d.%d", 4+r.next(6), 5*r.next(2))),
		},
		Checked: map[string][]string{},
		Events:  map[string][]assess.Event{},
	}
	checklist := map[string][]string{
		"yanshi": {"documents", "organs_in_community", "four_lists", "four_level", "cadres_serve"},
		"duiwu":  {"first_secretary", "reserve_pool", "community_workers", "nonpublic_instructors"},
		"fuwu":   {"creation_targets", "service_posts", "service_actions", "joint_agreements"},
	}
	for _, ind := range []string{"yanshi", "duiwu", "fuwu"} {
		for _, item := range checklist[ind] {
			if r.chance(5, 6) {
				sub.Checked[ind] = append(sub.Checked[ind], item)
			}
		}
	}
	event := func(ind string, e assess.Event) { sub.Events[ind] = append(sub.Events[ind], e) }
	if k := r.next(3); k > 0 {
		event("yashi", assess.Event{Clause: "regular_meeting", Count: k})
	}
	if k := r.next(4); k > 0 {
		event("yashi", assess.Event{Clause: "work_day", Count: k})
	}
	if r.chance(1, 6) {
		event("yashi", assess.Event{Clause: "leading_group"})
	}
	if r.chance(1, 8) {
		event("yashi", assess.Event{Clause: "discipline", Level: []string{"诫勉", "轻处分", "重处分"}[r.next(3)], Case: "1"})
	}
	event("zhendi", assess.Event{Clause: "platform_use", Value: r.tenths(75, 25)})
	if r.chance(1, 10) {
		event("zhendi", assess.Event{Clause: "venue_misuse"})
	}
	if r.chance(1, 12) {
		event("zhendi", assess.Event{Clause: "venue_standard"})
	}
	if k := r.next(3); k > 0 {
		event("zaiti", assess.Event{Clause: "dangjian_plus", Count: k})
	}
	if k := r.next(3); k > 0 {
		event("zaiti", assess.Event{Clause: "three_heads", Count: k})
	}
	if r.chance(1, 8) {
		event("zaiti", assess.Event{Clause: "five_step"})
	}
	// Votes: a secretary's standing q shifts every ballot towards 好.
	q := r.next(60)
	ballots := func(raters int, unknown bool) assess.Ballots {
		b := assess.Ballots{Counts: map[string]int{}}
		for range raters {
			x := r.next(100)
			switch {
			case unknown && x < 4:
				b.Counts["不了解"]++
			case x < 30+q:
				b.Counts["好"]++
			case x < 70+q/3:
				b.Counts["较好"]++
			case x < 96:
				b.Counts["一般"]++
			default:
				b.Counts["差"]++
			}
		}
		return b
	}
	masses := 10 + r.next(16)
	mb := ballots(masses, true)
	mb.Issued, mb.Returned = masses+r.next(3), masses
	sub.Votes = map[string]map[string]assess.Ballots{"ceping": {
		"leaders": ballots(3+r.next(3), false),
		"members": ballots(10+r.next(11), true),
		"masses":  mb,
	}}
	sub.Bonus = map[string]int{}
	if k := r.next(3); k > 0 {
		sub.Bonus["project_award_city"] = k
	}
	if r.chance(1, 10) {
		sub.Bonus["project_award_higher"] = 1
	}
	if r.chance(1, 6) {
		sub.Bonus["experience_promoted"] = 1
	}
	sub.Flags = map[string]bool{}
	for _, f := range []struct {
		flag string
		k, n int
	}{{"serious_violation", 1, 80}, {"held_accountable", 1, 25}, {"team_disunity", 1, 30}, {"censured", 1, 20}} {
		if r.chance(f.k, f.n) {
			sub.Flags[f.flag] = true
		}
	}
	return sub
}
