package due_test

import (
	"testing"

	"github.com/dangjian-go/dangjian/due"
)

// FuzzParseLead: ParseLead never panics; a lead it reads is within the
// bounds and reads back the same from its text.
func FuzzParseLead(f *testing.F) {
	for _, s := range []string{"P6M", "P7D", "P1M15D", "P1Y", "P0D", "p3m", "P100Y", "P101Y", "P", "P-1M", "P1W", "P1D1M", " P2M "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l, err := due.ParseLead(s)
		if err != nil {
			return
		}
		if l.Months < 0 || l.Days < 0 || l.Months > due.MaxLeadMonths || l.Days > due.MaxLeadDays {
			t.Fatalf("ParseLead(%q) = %+v: out of bounds", s, l)
		}
		back, err := due.ParseLead(l.String())
		if err != nil || back != l {
			t.Fatalf("ParseLead(%q) = %+v; its text %q reads %+v, %v", s, l, l.String(), back, err)
		}
	})
}
