package csvtable

import (
	"strconv"

	"github.com/dangjian-go/dangjian"
)

// CheckLang returns nil for a language a table's header may be written in
// ([dangjian.English] or [dangjian.Chinese]), else a problem of kind
// [dangjian.ErrInvalid] at path "lang": the first step of a writer that
// takes a language.
func CheckLang(lang dangjian.Lang) error {
	if lang > dangjian.Chinese {
		return &dangjian.Problem{Kind: dangjian.ErrInvalid, Path: "lang", Value: strconv.Itoa(int(lang)), Detail: "unknown language"}
	}
	return nil
}

// HeaderIn returns the header of s's columns in lang: the Chinese names
// (the English name of a column that has none) for [dangjian.Chinese], the
// English names otherwise. [Spec.Match] reads it back as the same columns.
func (s *Spec) HeaderIn(lang dangjian.Lang) []string {
	out := make([]string, len(s.Columns))
	for c := range s.Columns {
		out[c] = s.Columns[c].Name
		if lang == dangjian.Chinese && s.Columns[c].Chinese != "" {
			out[c] = s.Columns[c].Chinese
		}
	}
	return out
}
