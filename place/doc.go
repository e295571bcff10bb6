// Package place gathers what the module's places ship for the generic
// packages to use by name: today the reference assessment schemes, the
// national ones of package assess ([assess.ReferenceNames]: jifen,
// minzhu-pingyi, xingji) and the reference city's ([yanji.SchemeName],
// yanji-shuzhi), each with the grading policy that goes with it. A program
// that takes a scheme's name (examples/assess's -scheme, the service's
// "scheme") looks it up here, so that a place added to the module is known
// to every such program at once.
//
// The generic packages hold no place; this package is the one that knows
// them all. It has no types and no state: every function returns a fresh
// value the caller owns (numbers as exact as the schemes write them),
// reads only embedded, immutable data and is safe for concurrent use.
//
//	s, _ := place.Scheme("yanji-shuzhi")
//	sc, _ := assess.Compile(s)
//	policy, _ := place.Policy("yanji-shuzhi")
package place
