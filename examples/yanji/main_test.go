package main

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian/internal/golden"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGolden checks the whole report for the default date.
func TestGolden(t *testing.T) {
	var out, errOut bytes.Buffer
	code := run(nil, &out, &errOut)
	require.Equal(t, 0, code, errOut.String())
	assert.Empty(t, errOut.String())
	golden.Check(t, filepath.Join("testdata", "yanji.golden"), out.Bytes())
}

// TestSections checks that every section is printed, in order, under its
// heading.
func TestSections(t *testing.T) {
	var out bytes.Buffer
	require.Equal(t, 0, run(nil, &out, &bytes.Buffer{}))
	at := 0
	for _, s := range sections {
		i := strings.Index(out.String(), "\n== "+s.title+" ==\n")
		require.GreaterOrEqualf(t, i, 0, "section %q", s.title)
		assert.Greater(t, i, at, "section %q in order", s.title)
		at = i
	}
}

func TestDateFlag(t *testing.T) {
	for _, tc := range []struct {
		name    string
		args    []string
		want    []string // substrings of stdout
		notWant []string
	}{
		{"default date given", []string{"-date", "2025-06-30"},
			[]string{"report as of 2025-06-30", "错误 error: 0", "一肩挑 42 (75.0 %)"}, nil},
		{"terms overdue at the end of 2026", []string{"-date=2026-12-31"},
			[]string{"report as of 2026-12-31", "[ORG-TERM-OVERDUE]"}, []string{"错误 error: 0\n"}},
		{"before the chairs rotate", []string{"-date", "2021-12-31"},
			[]string{"党建联席会: (none)"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			require.Equal(t, 0, run(tc.args, &out, &errOut), errOut.String())
			for _, s := range tc.want {
				assert.Contains(t, out.String(), s)
			}
			for _, s := range tc.notWant {
				assert.NotContains(t, out.String(), s)
			}
		})
	}
	t.Run("same as the default", func(t *testing.T) {
		var a, b bytes.Buffer
		require.Equal(t, 0, run(nil, &a, &bytes.Buffer{}))
		require.Equal(t, 0, run([]string{"-date", defaultDate}, &b, &bytes.Buffer{}))
		assert.Equal(t, a.String(), b.String())
	})
}

func TestBadArguments(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		code int
		err  string
	}{
		{"not a date", []string{"-date", "2025-13-01"}, 2, `yanji: -date: dangjian: ParseDate("2025-13-01"): not a calendar date`},
		{"wrong layout", []string{"-date", "30.06.2025"}, 2, `ParseDate("30.06.2025")`},
		{"missing value", []string{"-date"}, 2, "flag needs an argument"},
		{"unknown flag", []string{"-nope"}, 2, "flag provided but not defined: -nope"},
		{"extra argument", []string{"extra"}, 2, `yanji: unexpected argument "extra"`},
		{"help", []string{"-h"}, 0, "-date"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			assert.Equal(t, tc.code, run(tc.args, &out, &errOut))
			assert.Empty(t, out.String())
			assert.Contains(t, errOut.String(), tc.err)
		})
	}
}

type failWriter struct{}

var errFull = errors.New("disk full")

func (failWriter) Write([]byte) (int, error) { return 0, errFull }

func TestWriteError(t *testing.T) {
	var errOut bytes.Buffer
	assert.Equal(t, 1, run(nil, failWriter{}, &errOut))
	assert.Contains(t, errOut.String(), "yanji: writing the report: disk full")
}

func TestPercent(t *testing.T) {
	for _, tc := range []struct {
		n, total int
		want     string
	}{
		{42, 56, "75.0 %"},
		{1, 3, "33.3 %"},
		{2, 3, "66.7 %"},
		{1, 8, "12.5 %"}, // 12.5 exactly
		{1, 16, "6.3 %"}, // 6.25 rounds half up
		{0, 5, "0.0 %"},
		{5, 5, "100.0 %"},
		{0, 0, "-"},
	} {
		t.Run(tc.want, func(t *testing.T) { assert.Equal(t, tc.want, percent(tc.n, tc.total)) })
	}
}
