package dangjian

import (
	"strings"

	"github.com/dangjian-go/dangjian/internal/enum"
)

// Lang selects the language a writer uses for headers, enum values and
// flags: [English] (stable codes, the zero value) or [Chinese] (labels).
// Readers accept either whatever the Lang.
type Lang uint8

const (
	// English writes English column names and the stable English codes.
	English Lang = iota
	// Chinese writes Chinese column names and the Chinese labels.
	Chinese
)

var langTable = enum.New("Lang", []string{"", "zh"}, []string{"", "中文"},
	map[string]int{"chinese": 1, "zh-cn": 1, "zh_cn": 1})

// String returns "en" or "zh".
func (l Lang) String() string {
	if l == English {
		return "en"
	}
	return langTable.Code(int(l))
}

// ParseLang accepts "en", "english", "英文" (English) and "zh", "chinese",
// "zh-CN", "中文" (Chinese), in any case.
func ParseLang(s string) (Lang, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "en", "english", "英文":
		return English, nil
	}
	v, err := langTable.Parse("dangjian", s)
	return Lang(v), err
}

// MarshalText encodes "en" or "zh".
func (l Lang) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

// UnmarshalText accepts what ParseLang accepts; "" decodes to English.
func (l *Lang) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*l = English
		return nil
	}
	v, err := ParseLang(string(b))
	if err == nil {
		*l = v
	}
	return err
}
