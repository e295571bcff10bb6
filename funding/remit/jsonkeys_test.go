package remit_test

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var remitLowerCamel = regexp.MustCompile(`^[a-z][A-Za-z0-9]*$`)

// remitCheckKeys walks decoded JSON and reports every object key that is not
// lowerCamel.
func remitCheckKeys(t *testing.T, where string, v any) {
	t.Helper()
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			assert.Regexp(t, remitLowerCamel, k, "%s: key %q", where, k)
			remitCheckKeys(t, where+"."+k, e)
		}
	case []any:
		for i, e := range x {
			remitCheckKeys(t, where, e)
			_ = i
		}
	case float64:
		t.Errorf("%s: a JSON number (%v): amounts, rates and counts of money must be strings", where, x)
	}
}

// remitJSONKeys encodes v, checks its keys, and returns the decoded form.
func remitJSONKeys(t *testing.T, name string, v any) {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	var generic any
	d := json.NewDecoder(strings.NewReader(string(b)))
	require.NoError(t, d.Decode(&generic))
	remitCheckKeys(t, name, remitDropInts(generic))
}

// remitDropInts removes the JSON fields that are legitimately integers
// (years, places, due months, indices), so that remitCheckKeys can flag any
// other number.
func remitDropInts(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for _, k := range []string{"year", "places", "dueMonth"} {
			delete(x, k)
		}
		for k, e := range x {
			x[k] = remitDropInts(e)
		}
	case []any:
		for i, e := range x {
			x[i] = remitDropInts(e)
		}
	}
	return v
}
