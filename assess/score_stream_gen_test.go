package assess_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian/assess"
)

// genSubjects writes n subjects of the scheme's layout drawn from rng:
// mostly well-formed (what the fast path takes), with every kind of
// oddity now and then (nulls, repeated keys, unknown names, wrong types,
// escapes, negative and huge numbers), each key order shuffled.
func genSubjects(sc *assess.Scorer, rng *rand.Rand, n int) string {
	slots := sc.Layout().Slots()
	pick := func(opts ...string) string { return opts[rng.IntN(len(opts))] }
	var oddSubject bool
	odd := func() bool { return oddSubject && rng.IntN(25) == 0 }
	var b strings.Builder
	b.WriteString("[")
	for k := range n {
		if k > 0 {
			b.WriteString(",\n")
		}
		oddSubject = rng.IntN(10) == 0
		values := map[string][]string{} // section → "key":value members
		checked := map[string][]string{}
		events := map[string][]string{}
		votes := map[string]map[string][]string{}
		counts := map[string]map[string][]string{}
		for _, s := range slots {
			if s.Kind() != assess.ValueSlot && s.Kind() != assess.GroupSlot && s.Kind() != assess.LevelSlot && rng.IntN(3) == 0 {
				continue
			}
			parts := strings.Split(s.Path(), ".")
			switch s.Kind() {
			case assess.ValueSlot:
				v := pick(`"97.5"`, `88`, `"12.25"`, `0`, `"100"`)
				if odd() {
					v = pick(`null`, `-3`, `1e2`, `"abc"`, `true`, `"1\u0030"`, `999999999999999999999999`)
				}
				values["values"] = append(values["values"], fmt.Sprintf("%q:%s", parts[1], v))
			case assess.FieldSlot:
				values["fields"] = append(values["fields"], fmt.Sprintf("%q:%s", parts[1], pick(`"社区"`, `"村"`, `"x"`)))
			case assess.ItemSlot:
				checked[parts[1]] = append(checked[parts[1]], fmt.Sprintf("%q", parts[2]))
				if odd() {
					checked[parts[1]] = append(checked[parts[1]], fmt.Sprintf("%q", pick(parts[2], "nope")))
				}
			case assess.ClauseSlot:
				if rng.IntN(4) != 0 {
					continue
				}
				ev := []string{fmt.Sprintf(`"clause":%q`, parts[2])}
				if rng.IntN(2) == 0 {
					ev = append(ev, `"count":`+pick("1", "2", "0", "null"))
				}
				if rng.IntN(2) == 0 {
					ev = append(ev, `"value":`+pick("null", `"5"`, "3"))
				}
				if rng.IntN(3) == 0 {
					ev = append(ev, `"case":`+pick(`"c1"`, `"c2"`, "null"))
				}
				if odd() {
					ev = append(ev, pick(`"count":1.5`, `"colour":1`, `"clause":"x"`, `"level":"重"`, `"count":-1`))
				}
				rng.Shuffle(len(ev), func(i, j int) { ev[i], ev[j] = ev[j], ev[i] })
				events[parts[1]] = append(events[parts[1]], "{"+strings.Join(ev, ",")+"}")
			case assess.GroupSlot:
				if votes[parts[1]] == nil {
					votes[parts[1]] = map[string][]string{}
				}
				if rng.IntN(2) == 0 {
					votes[parts[1]][parts[2]] = append(votes[parts[1]][parts[2]], `"issued":20`, `"returned":`+pick("20", "19", "20"))
				}
			case assess.LevelSlot:
				if counts[parts[1]] == nil {
					counts[parts[1]] = map[string][]string{}
				}
				c := pick("3", "4", "5", "2", "0")
				if odd() {
					c = pick("-1", "2.5", "null", `"3"`)
				}
				counts[parts[1]][parts[2]] = append(counts[parts[1]][parts[2]], fmt.Sprintf("%q:%s", parts[4], c))
			case assess.BonusSlot:
				values["bonus"] = append(values["bonus"], fmt.Sprintf("%q:%s", parts[1], pick("1", "0", "2")))
			case assess.FlagSlot:
				values["flags"] = append(values["flags"], fmt.Sprintf("%q:%s", parts[1], pick("true", "false", "false")))
			}
		}
		if oddSubject && rng.IntN(8) == 0 {
			values["values"] = append(values["values"], pick(`"colour":"1"`, `"baozhang":"1"`))
		}
		var top []string
		top = append(top, fmt.Sprintf(`"id":"s%d"`, k), `"category":`+pick(`"社区"`, `"村"`, `"街道"`))
		for sec, ms := range values {
			rng.Shuffle(len(ms), func(i, j int) { ms[i], ms[j] = ms[j], ms[i] })
			top = append(top, fmt.Sprintf("%q:{%s}", sec, strings.Join(ms, ",")))
		}
		obj := func(m map[string][]string, wrap func([]string) string) string {
			var ms []string
			for key, vs := range m {
				ms = append(ms, fmt.Sprintf("%q:%s", key, wrap(vs)))
			}
			rng.Shuffle(len(ms), func(i, j int) { ms[i], ms[j] = ms[j], ms[i] })
			return "{" + strings.Join(ms, ",") + "}"
		}
		if len(checked) > 0 {
			top = append(top, `"checked":`+obj(checked, func(vs []string) string { return "[" + strings.Join(vs, ",") + "]" }))
		}
		if len(events) > 0 {
			top = append(top, `"events":`+obj(events, func(vs []string) string { return "[" + strings.Join(vs, ",") + "]" }))
		}
		if len(counts) > 0 || len(votes) > 0 {
			var ms []string
			for ind := range counts {
				if votes[ind] == nil {
					votes[ind] = map[string][]string{}
				}
			}
			for ind, groups := range votes {
				for g, cs := range counts[ind] {
					groups[g] = append(groups[g], `"counts":{`+strings.Join(cs, ",")+"}")
				}
				ms = append(ms, fmt.Sprintf("%q:%s", ind, obj(groups, func(vs []string) string { return "{" + strings.Join(vs, ",") + "}" })))
			}
			top = append(top, `"votes":{`+strings.Join(ms, ",")+"}")
		}
		if oddSubject && rng.IntN(8) == 0 {
			top = append(top, pick(`"id":"again"`, `"colour":1`, `"flags":null`, `"bonus":{"nope":1}`))
		}
		rng.Shuffle(len(top), func(i, j int) { top[i], top[j] = top[j], top[i] })
		b.WriteString("{" + strings.Join(top, ",") + "}")
	}
	b.WriteString("]")
	return b.String()
}

// Subjects drawn over the whole layout, odd ones included, score (or are
// refused) the same through ScoreSubjectsFunc as through
// DecodeSubjectsFunc and Score.
func TestScoreSubjectsFuncGenerated(t *testing.T) {
	sc := yanjiScorer(t)
	for seed := range uint64(200) {
		in := genSubjects(sc, rand.New(rand.NewPCG(seed, 7)), 5)
		sameScores(t, sc, []byte(in), "s2")
	}
}

func FuzzScoreSubjectsFuncGenerated(f *testing.F) {
	sc := yanjiScorer(f)
	f.Add(uint64(1), uint64(2))
	f.Fuzz(func(t *testing.T, a, b uint64) {
		sameScores(t, sc, []byte(genSubjects(sc, rand.New(rand.NewPCG(a, b)), 3)), "s1")
	})
}
