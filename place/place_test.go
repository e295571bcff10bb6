package place_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
	"github.com/dangjian-go/dangjian/place"
)

// Every name compiles with its policy, whose grades are the scheme's.
func TestSchemes(t *testing.T) {
	names := place.SchemeNames()
	assert.Equal(t, []string{"jifen", "minzhu-pingyi", "xingji", "yanji-shuzhi"}, names)
	for _, name := range names {
		s, err := place.Scheme(name)
		require.NoError(t, err, name)
		sc, err := assess.Compile(s)
		require.NoError(t, err, name)
		p, err := place.Policy(name)
		require.NoError(t, err, name)
		_, err = assess.NewGrader(p)
		require.NoError(t, err, name)
		assert.ElementsMatch(t, sc.Grades(), p.Grades, name)
	}
}

func TestUnknown(t *testing.T) {
	for _, name := range []string{"", "nope", "YANJI-SHUZHI"} {
		_, err := place.Scheme(name)
		assert.True(t, errors.Is(err, dangjian.ErrUnknownRef), "%q: %v", name, err)
		assert.ErrorContains(t, err, "jifen, minzhu-pingyi, xingji, yanji-shuzhi")
		_, err = place.Policy(name)
		assert.True(t, errors.Is(err, dangjian.ErrUnknownRef), "%q: %v", name, err)
	}
}
