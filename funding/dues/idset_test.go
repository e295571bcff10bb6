package dues

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// idModel is what idSet must do, with a plain map.
type idModel map[string]int

func (m idModel) add(id string, line int) (int, bool, bool) {
	l, ok := m[id]
	switch {
	case !ok:
		m[id] = line
		return 0, false, false
	case l < 0:
		return -l, true, true
	}
	m[id] = -l
	return l, true, false
}

func TestIDSetEqualsMap(t *testing.T) {
	hashes := map[string]func(string) uint64{
		"maphash": newIDSet().hash,
		// Every ID of a length collides: the table must compare the IDs.
		"by length": func(s string) uint64 { return uint64(len(s)) << 50 },
		"constant":  func(string) uint64 { return 7 << 50 },
	}
	for name, h := range hashes {
		t.Run(name, func(t *testing.T) {
			n := 200_000
			if name != "maphash" {
				n = 3_000 // every add probes them all
			}
			r := rand.New(rand.NewPCG(1, 2))
			s := newIDSet()
			s.hash = h
			m := idModel{}
			for line := 2; line < n; line++ {
				id := "M" + strconv.Itoa(r.IntN(n))
				switch r.IntN(1000) {
				case 0:
					id = strings.Repeat("x", 250+r.IntN(10)) // around the long limit
				case 1:
					id = ""
				}
				l := line
				if r.IntN(5000) == 0 {
					l = math.MaxInt32 + line // beyond an int32
				}
				f1, d1, r1 := m.add(id, l)
				f2, d2, r2 := s.add(id, l)
				require.Equal(t, []any{f1, d1, r1}, []any{f2, d2, r2}, "%q on line %d", id, l)
			}
			require.Greater(t, s.n, n/3)
		})
	}
}

// The IDs span several chunks, and an ID is never split across two.
func TestIDSetChunks(t *testing.T) {
	s := newIDSet()
	id := strings.Repeat("y", 200)
	for i := 0; i < 3*idChunk/200; i++ {
		_, dup, _ := s.add(id+strconv.Itoa(i), i+1)
		require.False(t, dup)
	}
	require.Greater(t, len(s.chunks), 2)
	for i := 0; i < 3*idChunk/200; i++ {
		first, dup, _ := s.add(id+strconv.Itoa(i), 1<<30)
		require.True(t, dup)
		require.Equal(t, i+1, first)
	}
}
