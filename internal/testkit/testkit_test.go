package testkit_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/testkit"
	"github.com/stretchr/testify/assert"
)

func TestErrText(t *testing.T) {
	assert.Equal(t, "", testkit.ErrText(nil))
	err := dangjian.Problems{{Kind: dangjian.ErrNegative, Path: "base", ID: "M1", Value: "-1", Detail: "a base"}}
	assert.Equal(t, `base (id "M1"): must not be negative: a base ("-1")`+"\n"+
		`base: a base ("-1")`+"\n"+
		`base ("-1"): must not be negative: a base`+"\n", testkit.ErrText(err))
	assert.Contains(t, testkit.ErrText(errors.New("plain")), "invalid value: plain")
}

func TestJSONKeys(t *testing.T) {
	assert.ElementsMatch(t, []string{"a", "b", "c"}, testkit.JSONKeys(t, []byte(`{"a":[{"b":1}],"c":{}}`)))
	testkit.AssertLowerCamel(t, struct {
		A int `json:"someKey"`
		B struct {
			C int `json:"inner"`
		} `json:"nested"`
	}{})
}

func TestAssertMoneyJSON(t *testing.T) {
	testkit.AssertMoneyJSON(t, "ok", map[string]any{"amount": "1.00", "year": 2024, "rows": []any{map[string]any{"places": 2}}}, "year", "places")
	ft := &testing.T{}
	testkit.AssertMoneyJSON(ft, "bad", json.RawMessage(`{"amount":1.5}`))
	assert.True(t, ft.Failed(), "a JSON number outside the integer keys fails")
}
