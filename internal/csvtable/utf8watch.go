package csvtable

import (
	"io"
	"math"
	"unicode/utf8"
)

// utf8Watch passes the bytes of a reader on and notes where the first
// text that may not be UTF-8 starts, so that a row read entirely before
// that offset is known to be UTF-8 without a check of each of its cells
// (most files are UTF-8 throughout: checking a chunk at a time costs less
// than checking each cell). It is conservative: bad may be before the
// first invalid byte (the start of the chunk that holds it), never after
// it; a row that reaches bad has each of its cells checked, exactly.
type utf8Watch struct {
	r     io.Reader
	off   int64             // bytes read so far
	bad   int64             // text from this offset on may not be UTF-8 (noBad: none seen)
	tail  [utf8.UTFMax]byte // the start of a rune that goes on in the next chunk
	ntail int
}

const noBad = math.MaxInt64

func newUTF8Watch(r io.Reader) *utf8Watch { return &utf8Watch{r: r, bad: noBad} }

func (w *utf8Watch) Read(p []byte) (int, error) {
	n, err := w.r.Read(p)
	if n > 0 && w.bad == noBad {
		w.check(p[:n])
	}
	w.off += int64(n)
	if err == io.EOF && w.ntail > 0 && w.bad == noBad {
		w.bad = w.off - int64(w.ntail) // the input ends inside a rune
	}
	return n, err
}

// check judges chunk b, read at offset w.off.
func (w *utf8Watch) check(b []byte) {
	start := w.off // the offset of b[0]
	if w.ntail > 0 {
		// Complete the rune the last chunk ended in.
		tailAt := start - int64(w.ntail)
		for w.ntail < utf8.UTFMax && len(b) > 0 && !utf8.FullRune(w.tail[:w.ntail]) {
			w.tail[w.ntail] = b[0]
			w.ntail++
			b = b[1:]
			start++
		}
		if !utf8.FullRune(w.tail[:w.ntail]) {
			if w.ntail == utf8.UTFMax {
				w.bad = tailAt
			}
			return // b is used up: the rune goes on in the next chunk
		}
		if r, size := utf8.DecodeRune(w.tail[:w.ntail]); r == utf8.RuneError && size <= 1 || size != w.ntail {
			w.bad = tailAt
			return
		}
		w.ntail = 0
	}
	// A rune cut at the end of b waits for the next chunk.
	cut := len(b)
	for i := len(b) - 1; i >= 0 && i >= len(b)-(utf8.UTFMax-1); i-- {
		if utf8.RuneStart(b[i]) {
			if !utf8.FullRune(b[i:]) {
				cut = i
			}
			break
		}
	}
	if !utf8.Valid(b[:cut]) {
		w.bad = start
		return
	}
	w.ntail = copy(w.tail[:], b[cut:])
}

// validTo returns the offset up to which the bytes read are known to be
// UTF-8.
func (w *utf8Watch) validTo() int64 { return min(w.bad, w.off-int64(w.ntail)) }
