package yanji_test

import (
	"github.com/dangjian-go/dangjian/internal/testkit"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
)

func stdYuan(s string) funding.Money { return funding.MustParseMoney(s) }

func stdDay(s string) dangjian.Date { return dangjian.MustParseDate(s) }

// amountInText reports whether m is written in s as 万 (or 萬) or as yuan.
func amountInText(m funding.Money, s string) bool {
	wan := m.Decimal().Shift(-4).String()
	return strings.Contains(s, wan+"万") || strings.Contains(s, wan+"萬") || strings.Contains(s, wan+"余万") ||
		strings.Contains(s, m.Decimal().String()+"元")
}

// The shared test helpers (package testkit).
var (
	stdJSONKeys         = testkit.JSONKeys
	stdAssertLowerCamel = testkit.AssertLowerCamel
)
