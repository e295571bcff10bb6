package dangjian

import "encoding/json"

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
