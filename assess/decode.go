package assess

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/dangjian-go/dangjian"
)

// DecodeScheme reads one scheme from JSON, strictly: unknown fields and
// trailing data are errors. It does not check the scheme: [Compile] does.
func DecodeScheme(r io.Reader) (Scheme, error) {
	var s Scheme
	if err := decodeStrict(r, &s, "DecodeScheme"); err != nil {
		return Scheme{}, err
	}
	return s, nil
}

// DecodeSubjects reads subjects from JSON: an array of subjects, or an
// object {"subjects": [...]}. Unknown fields and trailing data are errors.
func DecodeSubjects(r io.Reader) ([]Subject, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) > 0 && trimmed[0] == '{' {
		var w struct {
			Subjects []Subject `json:"subjects"`
		}
		if err := decodeStrict(bytes.NewReader(data), &w, "DecodeSubjects"); err != nil {
			return nil, err
		}
		return w.Subjects, nil
	}
	var out []Subject
	if err := decodeStrict(bytes.NewReader(data), &out, "DecodeSubjects"); err != nil {
		return nil, err
	}
	return out, nil
}

func decodeStrict(r io.Reader, v any, op string) error {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return &dangjian.Problem{Kind: dangjian.ErrSyntax, Detail: fmt.Sprintf("at byte %d: %s", se.Offset, detailOf(se)), Err: err}
		case errors.As(err, &te):
			return &dangjian.Problem{Kind: ErrInvalid, Path: te.Field, Value: te.Value, Detail: "want " + te.Type.String(), Err: err}
		}
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return &dangjian.Problem{Kind: dangjian.ErrSyntax, Detail: "unexpected end of input", Err: err}
		}
		return &dangjian.Problem{Kind: ErrInvalid, Detail: detailOf(err), Err: err}
	}
	if dec.More() {
		return &dangjian.Problem{Kind: dangjian.ErrSyntax, Detail: "unexpected data after the JSON value"}
	}
	var extra json.RawMessage
	if err := dec.Decode(&extra); err != io.EOF {
		return &dangjian.Problem{Kind: dangjian.ErrSyntax, Detail: "unexpected data after the JSON value"}
	}
	return nil
}
