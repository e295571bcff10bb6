package dues_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/dues"
)

// The start of the 2017 notice is an assumed day a caller can set, and a
// month it decides says so in the trace (issue 11, fidelity audit D1).
func TestAssumedStartOf2017(t *testing.T) {
	m := dues.Member{ID: "01", Category: dues.Employed, Base: funding.MustParseMoney("6000")}
	rulesNote := func(d dues.Result) string {
		for _, s := range d.Steps {
			if s.What == "rules" {
				return s.Note
			}
		}
		return ""
	}
	def := dues.DefaultAssumptions()
	known := dues.DefaultAssumptions()
	known.From2017 = dangjian.AssumedDate{ID: dues.AssumeFrom2017, Date: day("2017-06-01")}
	later := dues.DefaultAssumptions()
	later.From2017.Date = day("2017-06-01")

	tests := []struct {
		name     string
		a        dues.Assumptions
		month    string
		wantSet  string
		wantNote bool
	}{
		{"default: January 2017 is 2017's, by the assumption", def, "2017-01-01", "2017", true},
		{"default: December 2017 still rests on it", def, "2017-12-01", "2017", true},
		{"default: 2018 does not", def, "2018-01-01", "2017", false},
		{"default: 2016 does not", def, "2016-12-01", "2008", false},
		{"a known day: May 2017 is 2008's, without a note", known, "2017-05-01", "2008", false},
		{"a known day: June 2017 is 2017's, without a note", known, "2017-06-01", "2017", false},
		{"another assumed day: May 2017 is 2008's, noted", later, "2017-05-01", "2008", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs, err := tt.a.RulesFor(day(tt.month))
			require.NoError(t, err)
			assert.Equal(t, tt.wantSet, rs.Name)
			d, err := rs.Monthly(m, day(tt.month))
			require.NoError(t, err)
			note := rulesNote(d)
			if tt.wantNote {
				assert.Contains(t, note, "decided by an assumed date: "+tt.a.From2017.Date.String())
				assert.Contains(t, note, dues.AssumeFrom2017)
			} else {
				assert.Empty(t, note)
			}
		})
	}

	// The 2008 rules end where the 2017 rules start, whatever the day.
	assert.Equal(t, known.Rules2017().Period.From, known.Rules2008().Period.To)
	assert.Equal(t, "2017-06-01", known.Rules2008().Cap.Period.To.String())
	assert.Equal(t, "2017-06-01", known.Rules2017().Provisions.Refix.Period.From.String())
	assert.Contains(t, known.Rules2017().Cap.Source.Note, "the day the caller gave")
	// The zero Assumptions read as the defaults.
	assert.Equal(t, dues.Rules2017().Period, dues.Assumptions{}.Rules2017().Period)
}

// D4: the 2017 base's deduction of the member's own contributions is a
// reading of 不包括, marked as the local practice it is.
func TestBase2017IsAReading(t *testing.T) {
	b := dues.Rules2017().Base
	assert.Equal(t, dangjian.LocalPractice, b.Source.Confidence)
	assert.Contains(t, b.Source.Note, "不包括")
}
