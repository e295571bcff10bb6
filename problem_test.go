package dangjian_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestProblemError(t *testing.T) {
	tests := []struct {
		name string
		p    dangjian.Problem
		want string
	}{
		{"kind only", dangjian.Problem{Kind: dangjian.ErrMissing}, "missing value"},
		{"nil kind reads as invalid", dangjian.Problem{Path: "x"}, "x: invalid value"},
		{"file line column path id value rule",
			dangjian.Problem{Kind: dangjian.ErrInvalid, File: "roster.csv", Line: 3, Column: 4, Path: "base", ID: "M001",
				Value: "3,000.00", Rule: "DUES-2017", Detail: "grouping commas are not accepted"},
			`roster.csv:3:4: base (id "M001"): invalid value: grouping commas are not accepted ("3,000.00") [DUES-2017]`},
		{"line without file", dangjian.Problem{Kind: dangjian.ErrNegative, Line: 7, Column: 2, Path: "full_members", Value: "-1"},
			`line 7, column 2: full_members: must not be negative ("-1")`},
		{"value already quoted in detail", dangjian.Problem{Kind: dangjian.ErrInvalid, Path: "kind", Value: "x", Detail: `unknown kind "x"`},
			`kind: invalid value: unknown kind "x"`},
		{"id only", dangjian.Problem{Kind: dangjian.ErrUnknownRef, ID: "1001", Path: "parent", Value: "9"},
			`parent (id "1001"): refers to an unknown ID ("9")`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.p.Error())
		})
	}
}

func TestProblemCutsLongValues(t *testing.T) {
	long := strings.Repeat("党", 40) // 120 bytes
	p := &dangjian.Problem{Kind: dangjian.ErrInvalid, Value: long}
	b, err := json.Marshal(p)
	require.NoError(t, err)
	var w map[string]any
	require.NoError(t, json.Unmarshal(b, &w))
	v := w["value"].(string)
	assert.True(t, strings.HasSuffix(v, "…"))
	assert.LessOrEqual(t, len(v), dangjian.MaxValueLen+len("…"))
	assert.Equal(t, strings.Repeat("党", 21)+"…", v, "cut on a character boundary")
	assert.Equal(t, "abc", dangjian.Cut("abc"))
}

func TestProblemUnwrap(t *testing.T) {
	cause := errors.New("cause")
	narrow := dangjian.NewKind("test_narrow_kind", "narrow", dangjian.ErrInvalid)
	p := &dangjian.Problem{Kind: narrow, Err: cause}
	assert.ErrorIs(t, p, narrow)
	assert.ErrorIs(t, p, dangjian.ErrInvalid)
	assert.ErrorIs(t, p, cause)
	assert.NotErrorIs(t, p, dangjian.ErrDuplicate)
	assert.ErrorIs(t, dangjian.ErrNegative, dangjian.ErrInvalid)
	assert.ErrorIs(t, dangjian.ErrEncoding, dangjian.ErrSyntax)
	assert.Same(t, narrow, dangjian.KindOf("test_narrow_kind"))
	assert.Nil(t, dangjian.KindOf("no_such_kind"))
	assert.Panics(t, func() { dangjian.NewKind("invalid", "again", nil) })
}

func TestProblemJSONRoundTrip(t *testing.T) {
	p := &dangjian.Problem{Kind: dangjian.ErrDuplicate, Path: "orgs[3].id", ID: "1001", File: "tree.csv",
		Line: 5, Column: 1, Value: "1001", Rule: "R", Detail: "also on line 2"}
	b, err := json.Marshal(p)
	require.NoError(t, err)
	assert.JSONEq(t, `{"code":"duplicate","path":"orgs[3].id","id":"1001","file":"tree.csv","line":5,"column":1,
		"value":"1001","rule":"R","message":"duplicate ID: also on line 2","detail":"also on line 2"}`, string(b))
	var q dangjian.Problem
	require.NoError(t, json.Unmarshal(b, &q))
	assert.Equal(t, *p, q)

	require.NoError(t, json.Unmarshal([]byte(`{"code":"from_the_future","message":"x"}`), &q))
	assert.Same(t, dangjian.ErrInvalid, q.Kind, "unknown codes decode as invalid")
}

func TestProblems(t *testing.T) {
	var ps dangjian.Problems
	assert.NoError(t, ps.Err())
	ps.Addf(dangjian.ErrMissing, "id", "", "")
	assert.EqualError(t, ps.Err(), "id: missing value")
	ps.Add(&dangjian.Problem{Kind: dangjian.ErrNegative, Path: "units", Value: "-1"})
	err := ps.Err()
	assert.EqualError(t, err, "id: missing value (and 1 more problems)")
	assert.ErrorIs(t, err, dangjian.ErrNegative)
	assert.ErrorIs(t, err, dangjian.ErrInvalid)
	var p *dangjian.Problem
	require.ErrorAs(t, err, &p)
	assert.Equal(t, "id", p.Path)
	var got dangjian.Problems
	require.ErrorAs(t, fmt.Errorf("wrapped: %w", err), &got)
	assert.Len(t, got, 2)

	b, err := json.Marshal(ps)
	require.NoError(t, err)
	assert.JSONEq(t, `[{"code":"missing","path":"id","message":"missing value"},
		{"code":"negative","path":"units","value":"-1","message":"must not be negative"}]`, string(b))
}

func TestProblemsOf(t *testing.T) {
	assert.Nil(t, dangjian.ProblemsOf(nil))
	one := &dangjian.Problem{Kind: dangjian.ErrMissing, Path: "a"}
	assert.Equal(t, dangjian.Problems{one}, dangjian.ProblemsOf(one))
	assert.Equal(t, dangjian.Problems{one}, dangjian.ProblemsOf(fmt.Errorf("w: %w", dangjian.Problems{one})))
	two := &dangjian.Problem{Kind: dangjian.ErrNegative, Path: "b"}
	assert.Equal(t, dangjian.Problems{one, two}, dangjian.ProblemsOf(errors.Join(one, two)))
	plain := errors.New("plain")
	got := dangjian.ProblemsOf(plain)
	require.Len(t, got, 1)
	assert.Equal(t, "invalid", got[0].Code())
	assert.Equal(t, "invalid value: plain", got[0].Error())
	assert.ErrorIs(t, got[0], plain)
}
