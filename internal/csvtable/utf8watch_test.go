package csvtable

import (
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// chunky reads its text in chunks of random sizes, 1 to 9 bytes, so that
// runes are cut at every place.
type chunky struct {
	s string
	r *rand.Rand
}

func (c *chunky) Read(p []byte) (int, error) {
	if c.s == "" {
		return 0, io.EOF
	}
	n := copy(p[:min(len(p), 1+c.r.IntN(9))], c.s)
	c.s = c.s[n:]
	return n, nil
}

// The watch never says text is UTF-8 when it is not: up to validTo, every
// prefix it passed is valid, however the chunks cut the runes.
func TestUTF8WatchNeverWrong(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	pieces := []string{"a", "张", "伟", "😀", "é", ",", "\n", "\xff", "\xe4\xbc", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80"}
	for range 3000 {
		var b strings.Builder
		for range r.IntN(40) {
			p := pieces[r.IntN(len(pieces))]
			if r.IntN(4) > 0 && !utf8.ValidString(p) {
				p = "z" // mostly valid text
			}
			b.WriteString(p)
		}
		text := b.String()
		w := newUTF8Watch(&chunky{text, r})
		buf := make([]byte, 1+r.IntN(16))
		for {
			n, err := w.Read(buf)
			_ = n
			to := w.validTo()
			require.True(t, to <= w.off)
			require.True(t, utf8.ValidString(text[:to]), "%q: valid to %d", text, to)
			if err == io.EOF {
				break
			}
		}
		if utf8.ValidString(text) {
			require.Equal(t, int64(len(text)), w.validTo(), "%q is UTF-8 throughout", text)
		} else {
			require.Less(t, w.validTo(), int64(len(text)))
		}
	}
}

// A table's rows report the same encoding problems, and the same ids,
// whether the watch vouches for them or each cell is checked.
func TestEncodingProblemsWithWatch(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	spec := &Spec{Columns: []Column{{Name: "id"}, {Name: "name"}}, ID: "id"}
	cells := []string{"a1", "张伟", "\xd5\xc5", "x\xff", "", "\"q,\xe4\xbc\n\"", "😀"}
	for range 500 {
		var b strings.Builder
		b.WriteString("id,name\n")
		for range 1 + r.IntN(30) {
			b.WriteString(cells[r.IntN(len(cells))] + "," + cells[r.IntN(len(cells))] + "\n")
		}
		tab, err := Open(&chunky{b.String(), r}, spec)
		require.NoError(t, err)
		whole := utf8.ValidString(b.String())
		for tab.Next() {
			if whole {
				require.True(t, tab.valid, "a UTF-8 file's rows need no check of their own")
			}
			got := tab.EncodingProblems()
			var want int
			for _, c := range tab.rec {
				if !utf8.ValidString(c) {
					want++
				}
			}
			require.Len(t, got, want, "line %d: %q", tab.Line(), tab.rec)
			if id := unguardTrim(tab.rec[0]); id != "" && utf8.ValidString(id) {
				require.Equal(t, id, tab.ID())
			} else {
				require.Equal(t, "", tab.ID())
			}
		}
	}
}

// FuzzUTF8Watch: whatever the text and the sizes of the chunks it comes
// in, the watch vouches only for UTF-8, and for all of a UTF-8 text.
func FuzzUTF8Watch(f *testing.F) {
	for _, s := range []string{"", "a", "张伟,李娜\n", "\xe4\xbc", "x\xff", "😀😀", "\xed\xa0\x80"} {
		f.Add(s, uint64(1))
	}
	f.Fuzz(func(t *testing.T, text string, seed uint64) {
		w := newUTF8Watch(&chunky{text, rand.New(rand.NewPCG(seed, 1))})
		buf := make([]byte, 1+seed%7)
		for {
			_, err := w.Read(buf)
			if to := w.validTo(); to > w.off || !utf8.ValidString(text[:to]) {
				t.Fatalf("%q: vouches for %d bytes of %d read", text, to, w.off)
			}
			if err != nil {
				break
			}
		}
		if utf8.ValidString(text) != (w.validTo() == int64(len(text))) {
			t.Fatalf("%q: valid to %d of %d", text, w.validTo(), len(text))
		}
	})
}
