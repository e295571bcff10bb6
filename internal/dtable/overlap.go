package dtable

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Meet reports whether two cells of the same input share a value, without
// allocating.
func Meet(a, b *Cell) bool {
	switch {
	case a.Any || b.Any:
		return true
	case !a.Text:
		_, ok := NumOverlap(a, b)
		return ok
	case a.Co && b.Co:
		return true
	case a.Co:
		a, b = b, a
	}
	for _, v := range a.Vals {
		if _, found := slices.BinarySearch(b.Vals, v); found != b.Co {
			return true
		}
	}
	return false
}

// Overlap reports whether two cells of the same input share a value, and
// describes one.
func Overlap(a, b *Cell) (bool, string) {
	if a.Text {
		return textOverlap(a, b)
	}
	iv, ok := NumOverlap(a, b)
	if !ok {
		return false, ""
	}
	if w, ok := iv.Witness(); ok {
		return true, "= " + w.String()
	}
	return true, "in " + iv.String()
}

// NumOverlap returns the first non-empty intersection of two number
// cells' intervals, sweeping both sorted lists once.
func NumOverlap(a, b *Cell) (Interval, bool) {
	i, j := 0, 0
	for i < len(a.Ivs) && j < len(b.Ivs) {
		if iv := Intersect(a.Ivs[i], b.Ivs[j]); !iv.Empty() {
			return iv, true
		}
		if CmpHi(a.Ivs[i].Hi, b.Ivs[j].Hi) < 0 {
			i++
		} else {
			j++
		}
	}
	return Interval{}, false
}

func textOverlap(a, b *Cell) (bool, string) {
	switch {
	case !a.Co && !b.Co:
		for _, v := range a.Vals {
			if _, found := slices.BinarySearch(b.Vals, v); found {
				return true, "= " + strconv.Quote(v)
			}
		}
		return false, ""
	case !a.Co:
		for _, v := range a.Vals {
			if _, found := slices.BinarySearch(b.Vals, v); !found {
				return true, "= " + strconv.Quote(v)
			}
		}
		return false, ""
	case !b.Co:
		return textOverlap(b, a)
	}
	// Two co-sets always share a string: there are infinitely many.
	ex := append(slices.Clone(a.Vals), b.Vals...)
	slices.Sort(ex)
	ex = slices.Compact(ex)
	if len(ex) == 0 {
		return true, "any text"
	}
	const shown = 5
	q := make([]string, 0, shown+1)
	for _, v := range ex[:min(len(ex), shown)] {
		q = append(q, strconv.Quote(v))
	}
	if len(ex) > shown {
		q = append(q, fmt.Sprintf("… %d more", len(ex)-shown))
	}
	return true, "not in (" + strings.Join(q, ", ") + ")"
}
