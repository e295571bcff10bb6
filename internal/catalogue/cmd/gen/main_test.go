package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dangjian-go/dangjian/internal/catalogue"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRun(t *testing.T) {
	t.Run("not a module root", func(t *testing.T) {
		err := run(t.TempDir())
		require.Error(t, err)
		assert.Contains(t, err.Error(), "is not the module root")
	})
	t.Run("another module", func(t *testing.T) {
		dir := t.TempDir()
		require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/other\n"), 0o644))
		err := run(dir)
		require.Error(t, err)
		assert.Contains(t, err.Error(), "is not the go.mod of github.com/dangjian-go/dangjian")
		_, statErr := os.Stat(filepath.Join(dir, catalogue.MarkdownFile))
		assert.True(t, os.IsNotExist(statErr), "nothing written")
	})
	t.Run("writes both files", func(t *testing.T) {
		dir := t.TempDir()
		require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte(module+"\ngo 1.23\n"), 0o644))
		require.NoError(t, run(dir))
		md, js, err := catalogue.Generate()
		require.NoError(t, err)
		gotMD, err := os.ReadFile(filepath.Join(dir, catalogue.MarkdownFile))
		require.NoError(t, err)
		gotJS, err := os.ReadFile(filepath.Join(dir, catalogue.JSONFile))
		require.NoError(t, err)
		assert.Equal(t, md, gotMD)
		assert.Equal(t, js, gotJS)
	})
}
