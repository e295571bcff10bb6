package funderr

import (
	"strconv"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/enum"
)

// EnumProblem returns err, an unknown value s of one of the package's
// enums, as a problem that names no Go function: kind [dangjian.ErrInvalid],
// the value, and the codes it wants ("unknown category: want employed,
// retired, … or the Chinese label").
func EnumProblem(err error, t *enum.Table, s, what string) error {
	if err == nil {
		return nil
	}
	codes := make([]string, 0, t.Len()-1)
	for i := 1; i < t.Len(); i++ {
		codes = append(codes, t.Code(i))
	}
	return &dangjian.Problem{Kind: dangjian.ErrInvalid, Value: s,
		Detail: "unknown " + what + ": want " + strings.Join(codes, ", ") + " or the Chinese label"}
}

// EnumText encodes v of an enum as its code, or returns a problem for a
// value that is not one of the enum's.
func EnumText(t *enum.Table, v int, what string) ([]byte, error) {
	b, err := t.Marshal("funding", v)
	if err != nil {
		return nil, &dangjian.Problem{Kind: dangjian.ErrInvalid, Value: strconv.Itoa(v), Detail: "not a valid " + what}
	}
	return b, nil
}
