package dues_test

import (
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/dues"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A problem wraps the kind of the input it concerns as well as its own: a
// negative base is both must-not-be-negative and bad member input, and
// carries the member's ID.
func TestProblemWrapsInputKind(t *testing.T) {
	_, err := dues.Rules2017().Monthly(dues.Member{ID: "m1", Category: dues.Employed, Base: funding.MustParseMoney("-1")}, day("2024-06-01"))
	require.Error(t, err)
	assert.ErrorIs(t, err, dangjian.ErrNegative)
	assert.ErrorIs(t, err, dues.ErrBadMember)
	p := dangjian.ProblemsOf(err)[0]
	assert.Equal(t, "m1", p.ID)
	assert.Equal(t, "base", p.Path)
	assert.Equal(t, "negative", p.Code())

	_, err = dues.Rules2017().Monthly(dues.Member{ID: "m2", Category: dues.Employed}, day("2010-06-01"))
	assert.ErrorIs(t, err, dangjian.ErrOutOfPeriod)
	assert.Equal(t, `month (id "m2"): date outside the rules' period: rules "2017" are for [2017-01-01, …) ("2010-06-01")`, err.Error())
}
