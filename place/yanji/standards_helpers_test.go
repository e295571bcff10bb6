package yanji_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func stdYuan(s string) funding.Money { return funding.MustParseMoney(s) }

func stdDay(s string) dangjian.Date { return dangjian.MustParseDate(s) }

func stdJSONKeys(t *testing.T, b []byte) []string {
	t.Helper()
	var v any
	require.NoError(t, json.Unmarshal(b, &v))
	var keys []string
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				keys = append(keys, k)
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(v)
	return keys
}

func stdAssertLowerCamel(t *testing.T, v any) {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	keys := stdJSONKeys(t, b)
	require.NotEmpty(t, keys, reflect.TypeOf(v).String())
	for _, k := range keys {
		assert.Regexp(t, stdLowerCamel, k, "%T", v)
		assert.False(t, unicode.IsUpper(rune(k[0])))
	}
}

// amountInText reports whether m is written in s as 万 (or 萬) or as yuan.
func amountInText(m funding.Money, s string) bool {
	wan := m.Decimal().Shift(-4).String()
	return strings.Contains(s, wan+"万") || strings.Contains(s, wan+"萬") || strings.Contains(s, wan+"余万") ||
		strings.Contains(s, m.Decimal().String()+"元")
}
