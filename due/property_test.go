package due_test

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/due"
	"github.com/dangjian-go/dangjian/orglife"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestProperty: for random items and dates, Sorted is sorted and holds
// exactly the items due by the horizon; each status and its days agree
// with the dates; each reminder fires inside the window, on its item's
// due date less its lead, in order.
func TestProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 4))
	base := d("2024-01-01")
	whats := due.Whats()
	units := []orglife.Unit{0, orglife.Month, orglife.Quarter, orglife.HalfYear, orglife.Year}
	for round := range 200 {
		n := r.IntN(40)
		items := make([]due.Item, n)
		for i := range items {
			items[i] = due.Item{What: whats[r.IntN(len(whats))], Org: string(rune('A' + r.IntN(5))),
				Due: base.AddDays(r.IntN(1500)), Rule: "R", Unit: units[r.IntN(len(units))]}
		}
		asOf := base.AddDays(r.IntN(1500))
		until := dangjian.Date{}
		if r.IntN(3) > 0 {
			until = asOf.AddDays(r.IntN(400))
		}
		cal, err := due.New(asOf, until, nil)
		require.NoError(t, err)
		got := cal.Sorted(slices.Values(items))
		require.True(t, slices.IsSortedFunc(got, due.Compare), "round %d", round)
		want := 0
		for _, it := range items {
			if until.IsZero() || !it.Due.After(until) {
				want++
			}
		}
		require.Len(t, got, want)
		for _, it := range got {
			diff := int(it.Due.Time().Sub(asOf.Time()).Hours() / 24)
			switch {
			case it.Due.After(asOf):
				assert.Equal(t, due.Upcoming, it.Status)
				assert.Equal(t, diff, it.Days)
			case it.Due == asOf:
				assert.Equal(t, due.DueToday, it.Status)
				assert.Zero(t, it.Days)
			default:
				assert.Equal(t, due.Overdue, it.Status)
				assert.Equal(t, -diff, it.Days)
			}
			for i, f := range it.Leads {
				assert.False(t, f.On.After(it.Due))
				if i > 0 {
					assert.False(t, f.On.Before(it.Leads[i-1].On), "longest lead first")
				}
			}
		}
		rs := cal.Reminders(slices.Values(items))
		require.True(t, slices.IsSortedFunc(rs, func(a, b due.Reminder) int { return a.On.Compare(b.On) }))
		for _, rm := range rs {
			assert.False(t, rm.On.Before(asOf))
			assert.True(t, until.IsZero() || !rm.On.After(until))
			assert.Equal(t, rm.Before.Before(rm.Item.Due), rm.On)
		}
	}
}
