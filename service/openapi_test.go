package service

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dangjian-go/dangjian/internal/golden"
)

// exampleNow is the clock of the document's examples.
func exampleNow() time.Time { return time.Date(2025, 6, 30, 12, 0, 0, 0, time.UTC) }

// TestOpenAPI regenerates the document (its schemas from the Go types, its
// response examples from the handler's answers to its example requests)
// and compares it with openapi.json, which the service embeds and serves.
func TestOpenAPI(t *testing.T) {
	doc, err := generateOpenAPI()
	require.NoError(t, err)
	golden.Check(t, "openapi.json", doc)
}

// TestOpenAPIDocument checks the document served: it parses, every
// operation has responses each with an example, every $ref resolves, and
// every route of the service is in it.
func TestOpenAPIDocument(t *testing.T) {
	var doc struct {
		OpenAPI    string                               `json:"openapi"`
		Paths      map[string]map[string]map[string]any `json:"paths"`
		Components struct {
			Schemas map[string]any `json:"schemas"`
		} `json:"components"`
	}
	require.NoError(t, json.Unmarshal(openAPI, &doc))
	assert.Equal(t, "3.1.0", doc.OpenAPI)
	for _, route := range []string{"/healthz", "/openapi.json", "/v1/rules", "/v1/schemes", "/v1/schemes/{name}",
		"/v1/orgs/validate", "/v1/dues", "/v1/assess", "/v1/orglife"} {
		assert.Contains(t, doc.Paths, route)
	}
	for _, name := range []string{"TreeRecords", "TreeCSV", "Finding", "Roster", "RosterMember", "Ledger", "LedgerRow", "Payroll",
		"PayrollRow", "Scheme", "Subjects", "GradePolicy", "Results", "Result", "Trace", "TraceNode", "Problems", "Problem"} {
		assert.Contains(t, doc.Components.Schemas, name)
	}
	// Every $ref names a schema of the document.
	var refs func(v any)
	refs = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if s, ok := x.(string); ok && k == "$ref" {
					name, ok := strings.CutPrefix(s, "#/components/schemas/")
					if assert.True(t, ok, s) {
						assert.Contains(t, doc.Components.Schemas, name, s)
					}
				}
				refs(x)
			}
		case []any:
			for _, x := range v {
				refs(x)
			}
		}
	}
	var whole any
	require.NoError(t, json.Unmarshal(openAPI, &whole))
	refs(whole)
	for path, item := range doc.Paths {
		for method, op := range item {
			if path == "/openapi.json" {
				continue
			}
			responses, _ := op["responses"].(map[string]any)
			require.NotEmpty(t, responses, "%s %s", method, path)
			examples := 0
			for _, r := range responses {
				content, _ := r.(map[string]any)["content"].(map[string]any)
				for _, m := range content {
					ex, _ := m.(map[string]any)["examples"].(map[string]any)
					examples += len(ex)
				}
			}
			assert.NotZero(t, examples, "%s %s has no example answer", method, path)
		}
	}
}
