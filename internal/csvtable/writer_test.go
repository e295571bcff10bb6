package csvtable

import (
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHeaderIn(t *testing.T) {
	s := Spec{Columns: []Column{{Name: "id", Chinese: "编号"}, {Name: "x"}, {Name: "kind", Chinese: "类别", Aliases: []string{"种类"}}}}
	assert.Equal(t, []string{"id", "x", "kind"}, s.HeaderIn(dangjian.English))
	assert.Equal(t, []string{"编号", "x", "类别"}, s.HeaderIn(dangjian.Chinese))
	for _, lang := range []dangjian.Lang{dangjian.English, dangjian.Chinese} {
		r, err := Open(strings.NewReader(strings.Join(s.HeaderIn(lang), ",")+"\n"), &s)
		require.NoError(t, err, "the header reads back")
		for c := range s.Columns {
			assert.Equal(t, c, r.Header().Field(c))
		}
	}
}

func TestCheckLang(t *testing.T) {
	assert.NoError(t, CheckLang(dangjian.English))
	assert.NoError(t, CheckLang(dangjian.Chinese))
	err := CheckLang(dangjian.Chinese + 1)
	assert.ErrorIs(t, err, dangjian.ErrInvalid)
	assert.Equal(t, `lang: invalid value: unknown language ("2")`, err.Error())
}
