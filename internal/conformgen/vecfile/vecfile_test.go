package vecfile

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTable(t *testing.T) {
	tb := NewTable("rs", "case", "base", "rules", "ruleset")
	tb.Row(map[string]string{"case": "a", "base": "1,000.00"}, "R2", "R1", "R2")
	tb.Row(map[string]string{"case": "b", "base": ` x"`}, "R1")
	b, err := tb.Bytes()
	require.NoError(t, err)
	assert.Equal(t, "case,base,rules,ruleset\na,\"1,000.00\",R1;R2,rs\nb,\" x\"\"\",R1,rs\n", string(b))
}

func TestTableErrors(t *testing.T) {
	for name, build := range map[string]func() *Table{
		"no case column": func() *Table { return NewTable("rs", "rules", "ruleset") },
		"no ruleset":     func() *Table { return NewTable("", "case", "rules", "ruleset") },
		"duplicate case": func() *Table {
			tb := NewTable("rs", "case", "rules", "ruleset")
			tb.Row(map[string]string{"case": "a"}, "R")
			tb.Row(map[string]string{"case": "a"}, "R")
			return tb
		},
		"no rules": func() *Table {
			tb := NewTable("rs", "case", "rules", "ruleset")
			tb.Row(map[string]string{"case": "a"})
			return tb
		},
		"missing cell": func() *Table {
			tb := NewTable("rs", "case", "x", "rules", "ruleset")
			tb.Row(map[string]string{"case": "a"}, "R")
			return tb
		},
		"unknown cell": func() *Table {
			tb := NewTable("rs", "case", "rules", "ruleset")
			tb.Row(map[string]string{"case": "a", "y": "1"}, "R")
			return tb
		},
		"formula": func() *Table {
			tb := NewTable("rs", "case", "x", "rules", "ruleset")
			tb.Row(map[string]string{"case": "a", "x": "-1"}, "R")
			return tb
		},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := build().Bytes()
			assert.Error(t, err)
		})
	}
}

func TestManifest(t *testing.T) {
	m, err := Manifest("rs", map[string][]byte{"b/x.csv": []byte("abc"), "a.json": nil})
	require.NoError(t, err)
	assert.Equal(t, `{
  "ruleset": "rs",
  "generator": "go run ./internal/conformgen",
  "files": [
    {
      "path": "a.json",
      "sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      "bytes": 0
    },
    {
      "path": "b/x.csv",
      "sha256": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
      "bytes": 3
    }
  ]
}
`, string(m))
}
