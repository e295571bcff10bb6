package place

import (
	"slices"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
	"github.com/dangjian-go/dangjian/place/yanji"
)

// SchemeNames returns the names of the reference schemes, sorted: those of
// [assess.ReferenceNames] and the reference city's.
func SchemeNames() []string {
	names := append(assess.ReferenceNames(), yanji.SchemeName)
	slices.Sort(names)
	return names
}

// Scheme returns the reference scheme called name, one of [SchemeNames].
// An unknown name is a problem of kind [dangjian.ErrUnknownRef] that lists
// the known names.
func Scheme(name string) (assess.Scheme, error) {
	if name == yanji.SchemeName {
		return yanji.Scheme()
	}
	if !slices.Contains(assess.ReferenceNames(), name) {
		return assess.Scheme{}, unknown(name)
	}
	return assess.Reference(name)
}

// Policy returns the grading policy that goes with the reference scheme
// called name ([assess.ReferencePolicy], [yanji.Policy]). An unknown name
// is a problem of kind [dangjian.ErrUnknownRef].
func Policy(name string) (assess.GradePolicy, error) {
	if name == yanji.SchemeName {
		return yanji.Policy(), nil
	}
	if !slices.Contains(assess.ReferenceNames(), name) {
		return assess.GradePolicy{}, unknown(name)
	}
	return assess.ReferencePolicy(name)
}

func unknown(name string) error {
	return &dangjian.Problem{Kind: dangjian.ErrUnknownRef, Value: name,
		Detail: "not a reference scheme; known reference schemes are " + strings.Join(SchemeNames(), ", ")}
}
