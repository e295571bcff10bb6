package orgmodel

import (
	"strconv"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestIDIndex: every ID is found at its first position, a repeated ID is
// refused and keeps the first, an absent one is not found; the table stays
// at most half full.
func TestIDIndex(t *testing.T) {
	const n = 5000
	orgs := make([]Org, n)
	for i := range orgs {
		switch {
		case i%7 == 3:
			orgs[i].ID = orgs[i-1].ID // a repeat
		case i%2 == 0:
			orgs[i].ID = CSVID(strconv.Itoa(i))
		default:
			orgs[i].ID = uuid.New()
		}
	}
	store, ps := packOrgs(orgs)
	require.Nil(t, ps)
	x := newIDIndex(&store, n)
	_, ok := x.get(orgs[0].ID)
	assert.False(t, ok, "empty")
	for i := range orgs {
		assert.Equal(t, i%7 != 3, x.insert(int32(i)), "insert %d", i)
	}
	assert.Equal(t, n-n/7, x.len())
	assert.LessOrEqual(t, 2*x.len(), len(x.slots))
	for i := range orgs {
		p, ok := x.get(orgs[i].ID)
		require.True(t, ok)
		want := int32(i)
		if i%7 == 3 {
			want = int32(i - 1)
		}
		assert.Equal(t, want, p)
		assert.True(t, x.has(orgs[i].ID))
	}
	for i := range 1000 {
		assert.False(t, x.has(CSVID("absent "+strconv.Itoa(i))))
	}
	assert.False(t, (&idIndex{}).has(uuid.Nil), "the zero index holds nothing")
}
