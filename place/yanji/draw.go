package yanji

import (
	"fmt"
	"hash/fnv"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/shopspring/decimal"
)

// neighbouring keys give unrelated numbers.
func yjHash(key string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(key))
	x := h.Sum64()
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// yjNum returns a number in [lo, hi] drawn from key.
func yjNum(key string, lo, hi int64) int64 {
	if hi <= lo {
		return lo
	}
	return lo + int64(yjHash(key)%uint64(hi-lo+1))
}

// yjDate returns a date in [from, from+days) drawn from key.
func yjDate(key, from string, days int64) dangjian.Date {
	return dangjian.MustParseDate(from).AddDays(int(yjNum(key, 0, days-1)))
}

// yjArea returns an area in [lo, hi] ㎡ to 0.1 ㎡, drawn from key.
func yjArea(key string, lo, hi int64) decimal.Decimal {
	return decimal.New(yjNum(key, lo*10, hi*10), -1)
}

// yjKindFor is the kind a unit with total members sets up: 100 and more a
// committee, more than 50 a general branch, otherwise a branch.
func yjKindFor(total int64) orgmodel.Kind {
	switch {
	case total >= 100:
		return orgmodel.Committee
	case total > 50:
		return orgmodel.GeneralBranch
	}
	return orgmodel.Branch
}

// yjParts is how many branches total members are placed in: about 40 each.
func yjParts(total int64) int { return int(max((total+39)/40, 1)) }

// yjSplit splits total into parts near the mean, each within a sixth of
// it, so that parts of a mean up to 40 stay under 50.
func yjSplit(key string, total int64, parts int) []int64 {
	out := make([]int64, parts)
	base, rem := total/int64(parts), total%int64(parts)
	for i := range out {
		out[i] = base
		if int64(i) < rem {
			out[i]++
		}
	}
	for i := 0; i+1 < parts; i += 2 {
		d := yjNum(fmt.Sprintf("%s/split/%d", key, i), 0, base/6)
		out[i] += d
		out[i+1] -= d
	}
	return out
}

// yjMembers splits total into full and probationary members: a few
// probationary members in branches of 10 or more.
func yjMembers(key string, total int64) orgmodel.Members {
	var prob int64
	if total >= 10 {
		prob = yjNum(key+"/probationary", 0, 1+total/25)
	}
	return orgmodel.Members{Full: total - prob, Probationary: prob}
}

func yjTerm(elected dangjian.Date, years int) orgmodel.Term {
	return orgmodel.Term{Elected: elected, Due: elected.AddYears(years)}
}

func yjOrdinal(i int) string {
	if i < len(yjOrdinals) {
		return yjOrdinals[i]
	}
	return fmt.Sprint(i + 1)
}
