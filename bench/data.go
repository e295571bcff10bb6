package bench

import (
	"github.com/dangjian-go/dangjian/assess"
)

// Default sizes and seeds of the comparisons.
const (
	DuesMembers   = 1 << 20 // members in a dues batch (as in funding's own benchmark)
	DuesSeed      = 2024
	CohortSize    = 100_000 // subjects in a Yanji cohort
	CohortSeed    = 2025
	SweepMaxFen   = 2_000_000 // 20,000 元: the sweep covers 0 … 20,000.00 元, 2,000,001 bases
	DuesRulesDate = "2024-06-01"
)

// CohortData is a cohort in the library's and the float alternatives' input
// forms.
type CohortData struct {
	Records  []Record
	Subjects []assess.Subject
	Plains   []Plain
}

// NewCohortData draws n subjects from seed and converts them.
func NewCohortData(n int, seed uint64) (*CohortData, error) {
	recs := Cohort(n, seed)
	subs, err := Subjects(recs)
	if err != nil {
		return nil, err
	}
	pl, err := Plains(recs)
	if err != nil {
		return nil, err
	}
	return &CohortData{Records: recs, Subjects: subs, Plains: pl}, nil
}
