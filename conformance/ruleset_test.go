package conformance_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dangjian-go/dangjian/conformance"
	"github.com/dangjian-go/dangjian/internal/catalogue"
)

// ruleSetOf computes the version from the catalogue the rule tables give
// now (not from the rules.json on disk, which the catalogue's own tests
// hold to the tables).
func ruleSetOf(t *testing.T) string {
	t.Helper()
	_, js, err := catalogue.Generate()
	require.NoError(t, err)
	var file struct {
		Rules []struct {
			Period struct{ From string } `json:"period"`
		} `json:"rules"`
	}
	require.NoError(t, json.Unmarshal(js, &file))
	latest := ""
	for _, r := range file.Rules {
		if len(r.Period.From) >= 7 && r.Period.From[:7] > latest {
			latest = r.Period.From[:7]
		}
	}
	require.NotEmpty(t, latest, "no rule of the catalogue has a start date")
	sum := sha256.Sum256(js)
	return latest + "." + hex.EncodeToString(sum[:])[:12]
}

func TestRuleSetIsTheCatalogues(t *testing.T) {
	want := ruleSetOf(t)
	if got := conformance.RuleSet(); got != want {
		t.Fatalf("conformance.RuleSet() is %q but the rules catalogue gives %q: set ruleSet in conformance/ruleset.go to %q, then run go run ./internal/conformgen", got, want, want)
	}
}
