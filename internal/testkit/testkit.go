// Package testkit holds the helpers the module's tests share: rendering
// problems for a test to search, and checking the keys of JSON output. It
// is imported by _test.go files only; nothing of it reaches a program that
// embeds the library.
package testkit

import (
	"bytes"
	"encoding/json"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/dangjian-go/dangjian"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ErrText renders every problem of err, one per line, in three forms: as
// Error() says it ("path (id "X"): kind: detail ("value") [rule]"), without
// its kind ("path: detail ("value")") and with the value first ("path
// ("value"): kind: detail"), so that a test can look for a problem's path,
// detail and value together in the order it reads best. A nil err renders
// as "".
func ErrText(err error) string {
	if err == nil {
		return ""
	}
	var b strings.Builder
	for _, p := range dangjian.ProblemsOf(err) {
		b.WriteString(p.Error())
		b.WriteString("\n")
		b.WriteString(p.Path)
		b.WriteString(": ")
		b.WriteString(p.Detail)
		if p.Value != "" {
			b.WriteString(" (" + strconv.Quote(p.Value) + ")")
		}
		b.WriteString("\n")
		b.WriteString(p.Path + " (" + strconv.Quote(p.Value) + "): " + p.Message())
		b.WriteString("\n")
	}
	return b.String()
}

// JSONKeys collects the object keys of a JSON document, at every depth.
func JSONKeys(t testing.TB, b []byte) []string {
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

// LowerCamel matches the module's JSON keys: lowerCamel ASCII.
var LowerCamel = regexp.MustCompile(`^[a-z][A-Za-z0-9]*$`)

// AssertLowerCamel checks that v's JSON has keys and that every key, at
// every depth, is lowerCamel.
func AssertLowerCamel(t testing.TB, v any) {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	keys := JSONKeys(t, b)
	require.NotEmpty(t, keys, reflect.TypeOf(v).String())
	for _, k := range keys {
		assert.Regexp(t, LowerCamel, k, "%T", v)
		assert.False(t, unicode.IsUpper(rune(k[0])))
	}
}

// AssertMoneyJSON encodes v and checks that every object key of its JSON
// is lowerCamel and that no value is a JSON number — amounts, rates and
// counts of money are strings — except under the keys intKeys (years,
// decimal places, due months), which may hold integers. name labels the
// failures.
func AssertMoneyJSON(t testing.TB, name string, v any, intKeys ...string) {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	// Numbers decode as json.Number, their text: nothing here goes
	// through a float.
	var generic any
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	require.NoError(t, d.Decode(&generic))
	skip := map[string]bool{}
	for _, k := range intKeys {
		skip[k] = true
	}
	var walk func(where string, v any)
	walk = func(where string, v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				assert.Regexp(t, LowerCamel, k, "%s: key %q", where, k)
				if _, isNum := e.(json.Number); isNum && skip[k] {
					continue
				}
				walk(where+"."+k, e)
			}
		case []any:
			for _, e := range x {
				walk(where, e)
			}
		case json.Number:
			t.Errorf("%s: a JSON number (%v): amounts, rates and counts of money must be strings", where, x)
		}
	}
	walk(name, generic)
}
