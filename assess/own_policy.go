package assess

// OwnPolicy returns the grading policy of the scheme's own grades, for a
// cohort scored under a scheme that comes with no policy: the grades of its
// bands, best first, without quotas, the cohort ranked by total with
// [Competition] ranking (1, 2, 2, 4), as one group or, with perCategory,
// within each category. Its name is the scheme's with （按总分排名） after
// it. It returns false when the scheme has no bands: such a cohort is
// ranked by total only, without a [Grader] ([NewRanking] with a nil one).
// The policy is a fresh value that [NewGrader] accepts.
func (s *Scorer) OwnPolicy(perCategory bool) (GradePolicy, bool) {
	if len(s.grades) == 0 {
		return GradePolicy{}, false
	}
	return GradePolicy{
		Name:        s.Name() + "（按总分排名）",
		Note:        "the scheme's grades, without quotas",
		Grades:      s.Grades(),
		Ranking:     Competition,
		PerCategory: perCategory,
	}, true
}
