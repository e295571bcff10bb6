package remit_test

import (
	"testing"

	"github.com/dangjian-go/dangjian/internal/testkit"
)

// remitJSONKeys checks v's JSON keys and that its money is strings (see
// testkit.AssertMoneyJSON).
func remitJSONKeys(t *testing.T, name string, v any) {
	t.Helper()
	testkit.AssertMoneyJSON(t, name, v, "year", "places", "dueMonth")
}
