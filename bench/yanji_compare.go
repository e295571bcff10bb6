package bench

import (
	"fmt"
	"math"
	"strconv"

	"github.com/dangjian-go/dangjian/assess"
)

// FloatAlt is a float alternative of the Yanji scheme as the comparison
// sees it.
type FloatAlt interface {
	Score(p *Plain) (FloatResult, error)
}

// ScoreDiff is one subject whose total differs from the library's.
type ScoreDiff struct {
	ID                 string
	Library, Alt       string // the totals with two decimals
	LibGrade, AltGrade string
	LibDaily, AltDaily string // the 日常考核 component after its rounding
	LibReview, AltRev  string // the 述职评议 component after its rounding
}

// CohortCompare counts the subjects on which one float alternative differs
// from the library.
type CohortCompare struct {
	Name     string
	Subjects int
	// Differ counts totals that differ: the library's exact total with two
	// decimals against strconv.FormatFloat(total, 'f', 2, 64).
	Differ int
	// GradeDiffer counts grades that differ.
	GradeDiffer int
	// DailyDiffer and ReviewDiffer count the components (after their
	// rounding to two places) that differ.
	DailyDiffer, ReviewDiffer int
	// MaxAbs is the largest |library − alternative| of a total.
	MaxAbs float64
	// Examples are the first few differing subjects; GradeExamples the
	// first few whose grade differs.
	Examples, GradeExamples []ScoreDiff
}

// LibraryTotals holds the library's results on a cohort, computed once.
type LibraryTotals struct {
	Total, Daily, Review, Grade []string
}

// ScoreLibrary scores every subject with the library.
func ScoreLibrary(lib *LibraryScorer, subs []assess.Subject) (*LibraryTotals, error) {
	t := &LibraryTotals{Total: make([]string, len(subs)), Daily: make([]string, len(subs)), Review: make([]string, len(subs)), Grade: make([]string, len(subs))}
	for i := range subs {
		res, err := lib.Score(subs[i])
		if err != nil {
			return nil, err
		}
		t.Total[i] = res.Total.Fixed(2)
		t.Grade[i] = res.Grade
		for _, c := range res.Components {
			switch c.ID {
			case "daily":
				t.Daily[i] = c.Score.Fixed(2)
			case "review":
				t.Review[i] = c.Score.Fixed(2)
			}
		}
	}
	return t, nil
}

// CompareCohort scores every subject with alt and compares with the
// library's results; keep is the number of examples kept.
func CompareCohort(name string, lib *LibraryTotals, plains []Plain, alt FloatAlt, keep int) (CohortCompare, error) {
	c := CohortCompare{Name: name, Subjects: len(plains)}
	if len(lib.Total) != len(plains) {
		return c, fmt.Errorf("bench: CompareCohort: %d library results for %d subjects", len(lib.Total), len(plains))
	}
	for i := range plains {
		res, err := alt.Score(&plains[i])
		if err != nil {
			return c, fmt.Errorf("bench: %s: subject %s: %w", name, plains[i].ID, err)
		}
		got := strconv.FormatFloat(res.Total, 'f', 2, 64)
		want := lib.Total[i]
		gradeDiffers := res.Grade != lib.Grade[i]
		if gradeDiffers {
			c.GradeDiffer++
		}
		if strconv.FormatFloat(res.Daily, 'f', 2, 64) != lib.Daily[i] {
			c.DailyDiffer++
		}
		if strconv.FormatFloat(res.Review, 'f', 2, 64) != lib.Review[i] {
			c.ReviewDiffer++
		}
		if got == want {
			continue
		}
		c.Differ++
		w, err := strconv.ParseFloat(want, 64)
		if err != nil {
			return c, err
		}
		c.MaxAbs = math.Max(c.MaxAbs, math.Abs(w-res.Total))
		d := ScoreDiff{ID: plains[i].ID, Library: want, Alt: got,
			LibGrade: lib.Grade[i], AltGrade: res.Grade,
			LibDaily: lib.Daily[i], AltDaily: strconv.FormatFloat(res.Daily, 'f', 2, 64),
			LibReview: lib.Review[i], AltRev: strconv.FormatFloat(res.Review, 'f', 2, 64)}
		if len(c.Examples) < keep {
			c.Examples = append(c.Examples, d)
		}
		if gradeDiffers && len(c.GradeExamples) < keep {
			c.GradeExamples = append(c.GradeExamples, d)
		}
	}
	return c, nil
}
