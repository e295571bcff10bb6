package dangjian_test

import (
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/stretchr/testify/assert"
)

func TestCSVTextString(t *testing.T) {
	assert.Equal(t, dangjian.GuardFormulas, dangjian.CSVText(0), "guarding is the zero value: the default")
	assert.Equal(t, "guard_formulas", dangjian.GuardFormulas.String())
	assert.Equal(t, "raw_text", dangjian.RawText.String())
	assert.Equal(t, "CSVText(5)", dangjian.CSVText(5).String())
}
