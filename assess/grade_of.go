package assess

import "github.com/dangjian-go/dangjian/internal/rat"

// gradeOf returns the band of total, then applies the grade gates in the
// order the cohort grader uses: a set grade (直接定级; of several, the
// lowest), then caps (the grade at most X), then forbidden grades (the next
// lower grade instead). A set grade can raise a grade, never above a cap.
// A total in no band is no grade: ok is false, and the scorer reports it
// (see bandsSpan); it never falls back to the lowest grade.
func (s *Scorer) gradeOf(total rat.Rat, gates []GateHit) (grade string, ok bool) {
	if len(s.bands) == 0 {
		return "", true
	}
	idx := -1
	for i, b := range s.bands { // best first
		if total.Cmp(b.from) >= 0 && (b.open || total.Cmp(b.to) < 0) {
			idx = i
			break
		}
	}
	if idx < 0 {
		return "", false
	}
	rank := func(g string) int {
		for i, x := range s.grades {
			if x == g {
				return i
			}
		}
		return len(s.grades) - 1
	}
	set := -1
	for _, g := range gates {
		if g.Effect == SetGrade && rank(g.Grade) > set {
			set = rank(g.Grade)
		}
	}
	if set >= 0 {
		idx = set
	}
	for _, g := range gates {
		if g.Effect == CapGrade && idx < rank(g.Grade) {
			idx = rank(g.Grade)
		}
	}
	for changed := true; changed; {
		changed = false
		for _, g := range gates {
			if g.Effect == NotGrade && s.grades[idx] == g.Grade && idx < len(s.grades)-1 {
				idx++
				changed = true
			}
		}
	}
	return s.grades[idx], true
}

// bandsSpan returns the range the bands cover, "[0, 105)" or "[0, ∞)".
func (s *Scorer) bandsSpan() string {
	lo, hi := s.bands[len(s.bands)-1], s.bands[0] // best first
	if hi.open {
		return "[" + lo.from.String() + ", ∞)"
	}
	return "[" + lo.from.String() + ", " + hi.to.String() + ")"
}
