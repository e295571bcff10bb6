package bench

import (
	"fmt"

	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/dues"
)

// DuesAlt is an alternative dues implementation as the sweep sees it: the
// base as yuan text in, the dues as text with two decimals out.
type DuesAlt interface {
	AmountText(kind MemberKind, base string) (string, error)
}

// DuesDiff is one base on which an alternative differs from the library.
type DuesDiff struct {
	Base, Library, Alt string
}

// DuesSweep counts the bases on which one alternative differs from the
// library.
type DuesSweep struct {
	Name   string
	Values int64 // bases compared
	Differ int64 // bases with a different amount
	Higher int64 // of them, the alternative's amount is higher
	Lower  int64 // lower
	// Examples are differing bases spread over the range: the first
	// difference in each of len(Examples) equal slices of the range, in
	// order (a slice without a difference contributes none).
	Examples []DuesDiff
}

// sweepChunk is how many bases the library computes in one Batch call.
const sweepChunk = 1 << 16

// SweepDues compares each alternative with the library on every base of
// kind from 0 to maxFen fen inclusive (2,000,000 fen is 20,000 元:
// 2,000,001 bases) and keeps up to keep examples of each.
func SweepDues(lib *LibraryDues, kind MemberKind, maxFen int64, keep int, names []string, alts []DuesAlt) ([]DuesSweep, error) {
	if len(names) != len(alts) {
		return nil, fmt.Errorf("bench: SweepDues: %d names for %d alternatives", len(names), len(alts))
	}
	cat := categoryOf(kind)
	out := make([]DuesSweep, len(alts))
	slots := make([][]DuesDiff, len(alts))
	for i := range out {
		out[i].Name = names[i]
		slots[i] = make([]DuesDiff, keep)
	}
	in := make([]dues.BatchInput, sweepChunk)
	res := make([]funding.Money, sweepChunk)
	for start := int64(0); start <= maxFen; start += sweepChunk {
		n := min(int64(sweepChunk), maxFen-start+1)
		for j := int64(0); j < n; j++ {
			in[j] = dues.BatchInput{Category: cat, Base: funding.Fen(start + j)}
		}
		if err := lib.Batch(in[:n], res[:n]); err != nil {
			return nil, err
		}
		for j := int64(0); j < n; j++ {
			fen := start + j
			base := funding.Fen(fen).String()
			want := res[j].String()
			for a, alt := range alts {
				got, err := alt.AmountText(kind, base)
				if err != nil {
					return nil, fmt.Errorf("bench: SweepDues: %s at %s: %w", names[a], base, err)
				}
				s := &out[a]
				s.Values++
				if got == want {
					continue
				}
				s.Differ++
				g, err := funding.ParseMoney(got)
				if err != nil {
					return nil, fmt.Errorf("bench: SweepDues: %s at %s: %q: %w", names[a], base, got, err)
				}
				if g.Cmp(res[j]) > 0 {
					s.Higher++
				} else {
					s.Lower++
				}
				if keep > 0 {
					slot := int(fen * int64(keep) / (maxFen + 1))
					if slots[a][slot].Base == "" {
						slots[a][slot] = DuesDiff{Base: base, Library: want, Alt: got}
					}
				}
			}
		}
	}
	for a := range out {
		for _, d := range slots[a] {
			if d.Base != "" {
				out[a].Examples = append(out[a].Examples, d)
			}
		}
	}
	return out, nil
}
