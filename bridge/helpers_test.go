package bridge_test

import (
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dangjian-go/dangjian/assess"
	"github.com/dangjian-go/dangjian/bridge"
)

func testScheme(t testing.TB) assess.Scheme {
	t.Helper()
	f, err := os.Open("testdata/scheme.json")
	require.NoError(t, err)
	defer f.Close()
	s, err := assess.DecodeScheme(f)
	require.NoError(t, err)
	return s
}

func testMapping(t testing.TB) bridge.Mapping {
	t.Helper()
	f, err := os.Open("testdata/mapping.json")
	require.NoError(t, err)
	defer f.Close()
	m, err := bridge.Decode(f)
	require.NoError(t, err)
	return m
}

func testBridge(t testing.TB) *bridge.Bridge {
	t.Helper()
	b, err := bridge.Compile(testMapping(t), testScheme(t))
	require.NoError(t, err)
	return b
}
