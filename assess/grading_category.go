package assess

// InCategory returns the graded subjects of category cat in the grading's
// order: under PerCategory, by rank within the category. It returns nil
// when no subject is in cat. The slice is new; its Steps, Barred and
// Override are the grading's own.
func (g Grading) InCategory(cat string) []Graded {
	var out []Graded
	for _, s := range g.Subjects {
		if s.Category == cat {
			out = append(out, s)
		}
	}
	return out
}

// Group returns the summary of category cat (its size, how many were
// graded, the count per grade and the use of each quota), and false when
// the grading has no group of that category. Under PerCategory there is a
// group per category; otherwise the one group of the cohort has Category "".
func (g Grading) Group(cat string) (GroupSummary, bool) {
	for _, grp := range g.Groups {
		if grp.Category == cat {
			return grp, true
		}
	}
	return GroupSummary{}, false
}
