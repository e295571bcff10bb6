package dangjian

import (
	"strconv"

	"github.com/dangjian-go/dangjian/internal/limitmsg"
)

// Limits bounds what one reading of an input may take. The zero value of a
// field means its default; a negative value means no limit (the caller's
// choice, never the default).
//
// Every reader of the module takes a Limits (the …With variant of its entry
// point; the plain entry point reads with Limits{}, the defaults). A limit
// that stops a reading is a [Problem] of kind [ErrLimit] whose Detail names
// the limit, its value and how to raise it (the Limits field, and the
// flag of the programs: -max-rows, -max-record-bytes, -max-problems), with
// the position where the reading stopped. Problems beyond MaxProblems are
// counted, not kept: see [ProblemCap].
type Limits struct {
	// MaxBytes bounds the whole input, in bytes ([DefaultMaxBytes]).
	MaxBytes int64
	// MaxRecords bounds the rows of a CSV table (the header not counted),
	// or the elements of a streamed JSON array ([DefaultMaxRecords]).
	MaxRecords int64
	// MaxRecordBytes bounds one CSV record (all its lines) or one streamed
	// JSON element, in bytes ([DefaultMaxRecordBytes]). A reader holds no
	// more than about this much of one record, whatever a single cell
	// holds.
	MaxRecordBytes int
	// MaxProblems bounds the problems listed; the rest are only counted
	// ([DefaultMaxProblems]).
	MaxProblems int
}

// The defaults of [Limits].
const (
	// DefaultMaxBytes is 64 GiB.
	DefaultMaxBytes int64 = 64 << 30
	// DefaultMaxRecords is twice every party member in China, one per row.
	DefaultMaxRecords int64 = 200_000_000
	// DefaultMaxRecordBytes is 1 MiB.
	DefaultMaxRecordBytes = 1 << 20
	// DefaultMaxProblems is the problems a reading lists before it only
	// counts them.
	DefaultMaxProblems = 1000
)

// Bytes returns MaxBytes with its default applied; -1 for no limit.
func (l Limits) Bytes() int64 { return bound(l.MaxBytes, DefaultMaxBytes) }

// Records returns MaxRecords with its default applied; -1 for no limit.
func (l Limits) Records() int64 { return bound(l.MaxRecords, DefaultMaxRecords) }

// RecordBytes returns MaxRecordBytes with its default applied; -1 for no
// limit.
func (l Limits) RecordBytes() int { return bound(l.MaxRecordBytes, DefaultMaxRecordBytes) }

// Problems returns MaxProblems with its default applied; -1 for no limit.
func (l Limits) Problems() int { return bound(l.MaxProblems, DefaultMaxProblems) }

func bound[T int | int64](v, def T) T {
	switch {
	case v == 0:
		return def
	case v < 0:
		return -1
	}
	return v
}

// ProblemCap keeps the first problems of a reading, up to a limit, and
// counts the rest, so that an input with a problem on every one of its
// million rows is reported in bounded memory. The zero ProblemCap is not
// useful; make one with [NewProblemCap].
type ProblemCap struct {
	max  int // -1: no limit
	kept Problems
	more int
}

// NewProblemCap returns a cap that keeps max problems: as
// [Limits.Problems] reads a bound, a negative max keeps every problem and
// 0 keeps [DefaultMaxProblems].
func NewProblemCap(max int) *ProblemCap {
	return &ProblemCap{max: bound(max, DefaultMaxProblems)}
}

// Add keeps p, or only counts it once the cap holds its limit. A nil p is
// ignored.
func (c *ProblemCap) Add(p *Problem) {
	if p == nil {
		return
	}
	if c.max >= 0 && len(c.kept) >= c.max {
		c.more++
		return
	}
	c.kept = append(c.kept, p)
}

// AddAll adds each problem of ps, in order.
func (c *ProblemCap) AddAll(ps Problems) {
	for _, p := range ps {
		c.Add(p)
	}
}

// Len returns the number of problems added, kept or only counted.
func (c *ProblemCap) Len() int { return len(c.kept) + c.more }

// More returns the number of problems only counted.
func (c *ProblemCap) More() int { return c.more }

// Problems returns the problems kept, in the order added, then, if some
// were only counted, one problem of kind [ErrLimit] whose Value is their
// number in decimal and whose Detail says "12,345 more problems not listed
// (limit 1,000 problems; raise it with MaxProblems or the program's
// -max-problems)". The list is a new slice; the problems are shared.
func (c *ProblemCap) Problems() Problems {
	if len(c.kept) == 0 && c.more == 0 {
		return nil
	}
	out := make(Problems, len(c.kept), len(c.kept)+1)
	copy(out, c.kept)
	if c.more > 0 {
		out = append(out, &Problem{Kind: ErrLimit, Value: strconv.Itoa(c.more),
			Detail: limitmsg.More(int64(c.more), int64(c.max))})
	}
	return out
}

// Err returns [ProblemCap.Problems] as an error: nil when no problem was
// added.
func (c *ProblemCap) Err() error { return c.Problems().Err() }
