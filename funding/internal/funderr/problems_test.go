package funderr

import (
	"errors"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestJoinPath(t *testing.T) {
	for _, tc := range []struct{ prefix, path, want string }{
		{"", "base", "base"},
		{"months[2]", "", "months[2]"},
		{"months[2]", "base", "months[2].base"},
		{"rows", "[3]", "rows[3]"},
	} {
		assert.Equal(t, tc.want, JoinPath(tc.prefix, tc.path), "%q + %q", tc.prefix, tc.path)
	}
}

// At keeps a problem's kind, prefixes its path and wraps the caller's kind;
// another error becomes a problem of the kind it carries, or of k.
func TestAt(t *testing.T) {
	inner := &dangjian.Problem{Kind: dangjian.ErrNegative, Path: "base", Value: "-1.00"}
	p := At("members[1]", inner, funding.ErrBadPolicy)
	assert.Equal(t, "members[1].base", p.Path)
	assert.Same(t, dangjian.ErrNegative, p.Kind)
	assert.True(t, errors.Is(p, funding.ErrBadPolicy))
	assert.Equal(t, "base", inner.Path, "the input problem is not changed")

	plain := errors.New("boom")
	q := At("x", plain, dangjian.ErrInvalid)
	assert.Same(t, dangjian.ErrInvalid, q.Kind)
	assert.ErrorIs(t, q, plain)

	_, err := funding.Fen(1 << 62).MulInt(4)
	require.Error(t, err)
	assert.Same(t, funding.ErrOverflow, At("y", err, dangjian.ErrInvalid).Kind)
}

func TestErrs(t *testing.T) {
	var f Errs
	require.NoError(t, f.Err())
	f.NonNegative("a", funding.Fen(-1))
	f.NonNegative("b", funding.Fen(1))
	f.Year("year", 0)
	f.Rounding("rounding", funding.Rounding{Places: 3, Mode: dangjian.HalfUp})
	ps := dangjian.ProblemsOf(f.Err())
	require.Len(t, ps, 3)
	assert.Equal(t, []string{"a", "year", "rounding"}, []string{ps[0].Path, ps[1].Path, ps[2].Path})
	assert.ErrorIs(t, ps[1], funding.ErrYearOutOfRange)
	assert.ErrorIs(t, ps[2], funding.ErrBadPolicy)
	assert.Equal(t, funding.DefaultRounding(), RoundingOrDefault(funding.Rounding{}))
}
