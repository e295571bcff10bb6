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
		"maphash": newIDSet(-1).hash,
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
			s := newIDSet(-1)
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
				f2, d2, r2, ok := s.add(id, l)
				require.True(t, ok)
				require.Equal(t, []any{f1, d1, r1}, []any{f2, d2, r2}, "%q on line %d", id, l)
			}
			require.Greater(t, s.n, n/3)
		})
	}
}

// The IDs span several chunks, and an ID is never split across two.
func TestIDSetChunks(t *testing.T) {
	s := newIDSet(-1)
	id := strings.Repeat("y", 200)
	for i := 0; i < 3*idChunk/200; i++ {
		_, dup, _, _ := s.add(id+strconv.Itoa(i), i+1)
		require.False(t, dup)
	}
	require.Greater(t, len(s.chunks), 2)
	for i := 0; i < 3*idChunk/200; i++ {
		first, dup, _, _ := s.add(id+strconv.Itoa(i), 1<<30)
		require.True(t, dup)
		require.Equal(t, i+1, first)
	}
}

// Under a budget the set holds what fits and never more: a new ID that
// does not fit is not recorded (and the set says it is full), while the
// IDs it holds are still found, whatever the hash.
func TestIDSetBudget(t *testing.T) {
	for _, budget := range []int64{0, 100, 5_000, 20_000, 100_000, 1 << 20, 3 << 20} {
		t.Run(strconv.FormatInt(budget, 10), func(t *testing.T) {
			s := newIDSet(budget)
			m := idModel{}
			r := rand.New(rand.NewPCG(3, 4))
			const n = 150_000
			for line := 2; line < n; line++ {
				id := "M" + strconv.Itoa(r.IntN(n/2))
				if r.IntN(2000) == 0 {
					id = strings.Repeat("z", 256+r.IntN(4)) // a long ID
				}
				f, dup, rep, ok := s.add(id, line)
				require.LessOrEqual(t, s.used, budget, "line %d", line)
				if !ok {
					require.True(t, s.full)
					require.False(t, dup)
					_, known := m[id]
					require.False(t, known, "%q was recorded before", id)
					continue
				}
				f1, d1, r1 := m.add(id, line)
				require.Equal(t, []any{f1, d1, r1}, []any{f, dup, rep}, "%q on line %d", id, line)
			}
			if budget < 3<<20 {
				require.True(t, s.full)
			} else {
				require.False(t, s.full, "every ID fits in 3 MiB")
			}
			require.Equal(t, len(m), s.n+len(s.long))
		})
	}
}

// With two more numbers a member, each repeat gives back the first's, for
// IDs of the table and of the map alike.
func TestIDSetAux(t *testing.T) {
	s := newIDSetAux(-1)
	type first struct {
		line int
		aux  [2]uint32
	}
	model := map[string]first{}
	r := rand.New(rand.NewPCG(8, 9))
	for line := 1; line < 100_000; line++ {
		id := "A" + strconv.Itoa(r.IntN(30_000))
		if r.IntN(500) == 0 {
			id = strings.Repeat("L", 256) + strconv.Itoa(r.IntN(20))
		}
		aux := [2]uint32{uint32(line * 3), uint32(line % 77)}
		s.aux = aux
		f, dup, _, ok := s.add(id, line)
		require.True(t, ok)
		m, seen := model[id]
		require.Equal(t, seen, dup, id)
		if !seen {
			model[id] = first{line, aux}
			continue
		}
		require.Equal(t, m.line, f)
		require.Equal(t, m.aux, s.aux, id)
	}
}
