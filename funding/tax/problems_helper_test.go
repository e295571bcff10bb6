package tax_test

import (
	"strconv"
	"strings"

	"github.com/dangjian-go/dangjian"
)

// errText renders every problem of err, one per line, in three forms: as
// Error() says it ("path (id "X"): kind: detail ("value") [rule]"), without
// its kind ("path: detail ("value")") and with the value first ("path
// ("value"): kind: detail"), so that a test can look for a problem's path,
// detail and value together in the order it reads best.
func errText(err error) string {
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
