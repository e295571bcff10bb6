package main

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"

	"github.com/dangjian-go/dangjian"
)

// findingEncoder appends a finding as the compact JSON bytes of
// [dangjian.Finding.MarshalJSON], without reflection: the keys in its
// order, omitempty where it omits, strings escaped as encoding/json escapes
// them (HTML characters included). The parts that repeat (a rule's source,
// a severity) are marshalled once by encoding/json and kept; an approval,
// which is rare, is marshalled by encoding/json each time. FuzzWriteJSON and
// TestWriteJSONAsEncoder check the bytes against json.Encoder's.
type findingEncoder struct {
	sources    map[dangjian.Source][]byte
	severities map[dangjian.Severity][]byte
}

func newFindingEncoder() *findingEncoder {
	return &findingEncoder{sources: map[dangjian.Source][]byte{}, severities: map[dangjian.Severity][]byte{}}
}

func (e *findingEncoder) append(b []byte, f *dangjian.Finding) ([]byte, error) {
	b = append(b, `{"rule":`...)
	b = appendJSONString(b, f.Rule)
	sev, ok := e.severities[f.Severity]
	if !ok {
		var err error
		if sev, err = json.Marshal(f.Severity); err != nil {
			return b, err
		}
		e.severities[f.Severity] = sev
	}
	b = append(b, `,"severity":`...)
	b = append(b, sev...)
	for _, kv := range [...]struct{ key, v string }{
		{`,"subject":`, f.Subject}, {`,"ref":`, f.Ref}, {`,"name":`, f.Name},
		{`,"field":`, f.Field}, {`,"value":`, f.Value},
	} {
		if kv.v != "" {
			b = append(b, kv.key...)
			b = appendJSONString(b, kv.v)
		}
	}
	if !f.On.IsZero() {
		on, err := json.Marshal(f.On)
		if err != nil {
			return b, err
		}
		b = append(b, `,"on":`...)
		b = append(b, on...)
	}
	if f.Line != 0 {
		b = append(b, `,"line":`...)
		b = strconv.AppendInt(b, int64(f.Line), 10)
	}
	b = append(b, `,"message":`...)
	b = appendJSONString(b, f.Message)
	src, ok := e.sources[f.Source]
	if !ok {
		var err error
		if src, err = json.Marshal(f.Source); err != nil {
			return b, err
		}
		e.sources[f.Source] = src
	}
	b = append(b, `,"source":`...)
	b = append(b, src...)
	if f.Approval != nil {
		a, err := json.Marshal(f.Approval)
		if err != nil {
			return b, err
		}
		b = append(b, `,"approval":`...)
		b = append(b, a...)
	}
	return append(b, '}'), nil
}

// appendJSONString appends s quoted as json.Marshal quotes a string. Text
// with nothing to escape (printable ASCII other than " \ < > &, and valid
// UTF-8 other than U+2028 and U+2029) is copied as it is; any other text
// is quoted by json.Marshal itself.
func appendJSONString(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
				return appendMarshalled(b, s)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == '\u2028' || r == '\u2029' {
			return appendMarshalled(b, s)
		}
		i += size
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

func appendMarshalled(b []byte, s string) []byte {
	q, _ := json.Marshal(s) // a string always marshals
	return append(b, q...)
}
