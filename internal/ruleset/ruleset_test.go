package ruleset_test

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/ruleset"
)

type rule struct {
	dangjian.Rule
	Tags []string
}

func cloneRule(r rule) rule { r.Tags = slices.Clone(r.Tags); return r }

func mk(id string, tags ...string) rule { return rule{Rule: dangjian.Rule{ID: id}, Tags: tags} }

func ids(rs []rule) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}

func TestWithWithoutFind(t *testing.T) {
	base := []rule{mk("A", "a"), mk("B", "b"), mk("C")}
	tests := []struct {
		name string
		got  []rule
		want []string
	}{
		{"add", ruleset.With(base, cloneRule, mk("D")), []string{"A", "B", "C", "D"}},
		{"replace in place", ruleset.With(base, cloneRule, mk("B", "new")), []string{"A", "B", "C"}},
		{"drop", ruleset.Without(base, cloneRule, "A", "C", "Z"), []string{"B"}},
		{"nothing", ruleset.With(base, cloneRule), []string{"A", "B", "C"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { assert.Equal(t, tt.want, ids(tt.got)) })
	}
	replaced := ruleset.With(base, cloneRule, mk("B", "new"))
	assert.Equal(t, []string{"new"}, replaced[1].Tags)
	assert.Equal(t, []string{"b"}, base[1].Tags, "the receiver is unchanged")

	// Copies share nothing with the original.
	c := ruleset.Clone(base, cloneRule)
	c[0].Tags[0] = "x"
	assert.Equal(t, "a", base[0].Tags[0])
	r, ok := ruleset.Find(base, cloneRule, "A")
	assert.True(t, ok)
	r.Tags[0] = "y"
	assert.Equal(t, "a", base[0].Tags[0])
	_, ok = ruleset.Find(base, cloneRule, "Z")
	assert.False(t, ok)
}
