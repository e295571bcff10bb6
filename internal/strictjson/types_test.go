package strictjson_test

import (
	"reflect"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/strictjson"
	"github.com/stretchr/testify/assert"
)

func TestWantAndGot(t *testing.T) {
	for _, tt := range []struct {
		t    reflect.Type
		want string
	}{
		{reflect.TypeFor[string](), "a string"},
		{reflect.TypeFor[dangjian.Date](), "a string"},
		{reflect.TypeFor[*dangjian.Date](), "a string"},
		{reflect.TypeFor[int64](), "a whole number"},
		{reflect.TypeFor[uint8](), "a whole number"},
		{reflect.TypeFor[bool](), "true or false"},
		{reflect.TypeFor[[]int](), "an array"},
		{reflect.TypeFor[[2]int](), "an array"},
		{reflect.TypeFor[struct{ A int }](), "an object"},
		{reflect.TypeFor[map[string]int](), "an object"},
		{reflect.TypeFor[float64](), "a value"},
		{nil, "a value"},
	} {
		assert.Equal(t, tt.want, strictjson.Want(tt.t), "%v", tt.t)
	}
	for in, want := range map[string]string{"string": "a string", "number": "a number", "number 2.5": "a number",
		"object": "an object", "array": "an array", "bool": "a boolean", "other": "other"} {
		assert.Equal(t, want, strictjson.Got(in), in)
	}
}
