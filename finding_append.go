package dangjian

import (
	"bytes"
	"encoding/json"
)

// AppendJSON appends to b the bytes [Finding.MarshalJSON] returns for f
// and returns the extended buffer: a writer of many findings reuses one
// buffer instead of allocating one per finding. An undefined severity or
// confidence is MarshalJSON's error, and b is then returned as it was.
func (f *Finding) AppendJSON(b []byte) ([]byte, error) {
	if (f.Severity != SeverityUnknown && !f.Severity.IsValid()) ||
		(f.Source.Confidence != ConfidenceUnknown && !f.Source.Confidence.IsValid()) {
		js, err := json.Marshal(f.wire())
		if err != nil {
			return b, err
		}
		return append(b, js...), nil
	}
	return f.appendJSON(b), nil
}

// AppendJSONIndent appends to b the bytes json.Indent(b, js, prefix,
// indent) appends for js, the bytes [Finding.MarshalJSON] returns for f,
// without making js first: a writer of many indented findings saves a
// pass over each. The error is MarshalJSON's, and b is then returned as it
// was.
func (f *Finding) AppendJSONIndent(b []byte, prefix, indent string) ([]byte, error) {
	if (f.Severity != SeverityUnknown && !f.Severity.IsValid()) ||
		(f.Source.Confidence != ConfidenceUnknown && !f.Source.Confidence.IsValid()) {
		js, err := json.Marshal(f.wire())
		if err != nil {
			return b, err
		}
		var ind bytes.Buffer
		if err := json.Indent(&ind, js, prefix, indent); err != nil {
			return b, err
		}
		return append(b, ind.Bytes()...), nil
	}
	return f.appendJSONLayout(b, jsonLayout{indented: true, prefix: prefix, indent: indent}), nil
}
