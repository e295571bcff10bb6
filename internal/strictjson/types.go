package strictjson

import (
	"encoding"
	"reflect"
	"strings"
)

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

// Want names the JSON a Go type decodes from, for a "want …, got …"
// detail: "a string" (for a string, and for a type read from text: an
// ID, a date, an enum), "a whole number", "true or false", "an array",
// "an object", or "a value".
func Want(t reflect.Type) string {
	if t == nil {
		return "a value"
	}
	if reflect.PointerTo(t).Implements(textUnmarshaler) {
		return "a string"
	}
	switch t.Kind() {
	case reflect.Pointer:
		return Want(t.Elem())
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	}
	return "a value"
}

// Got names the JSON type that encoding/json's UnmarshalTypeError.Value
// spells ("string", "number", "number 2.5", "object", "array", "bool") as
// [Token.Describe] does: "a string", "a number", "an object", "an array",
// "a boolean"; anything else as it is.
func Got(value string) string {
	word, _, _ := strings.Cut(value, " ")
	switch word {
	case "string":
		return "a string"
	case "number":
		return "a number"
	case "object":
		return "an object"
	case "array":
		return "an array"
	case "bool":
		return "a boolean"
	}
	return value
}
