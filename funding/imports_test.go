package funding_test

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// The funding core (dues, tax, remittance, enterprise funds, standards,
// floors, ladders) does not import orgmodel: only funding/budget, the
// budget over an organization tree, does.
func TestCoreDoesNotImportOrgmodel(t *testing.T) {
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		n++
		af, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
		require.NoError(t, err)
		for _, im := range af.Imports {
			path, _ := strconv.Unquote(im.Path.Value)
			require.NotContains(t, path, "/orgmodel", "%s imports %s", f, path)
		}
	}
	require.Greater(t, n, 20)
}
