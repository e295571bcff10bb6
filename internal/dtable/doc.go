// Package dtable is the decision-table machinery of package assess: the
// cell language (DMN unary tests: "-", comparisons, intervals, lists,
// not(...)) and its parser ([Parse]), exact interval algebra over the
// rationals ([Interval], [Normalize], [Complement], [Intersect]), compiled
// cells for number and text inputs ([Cell], [NumberCell], [TextCell]),
// overlap of two cells with a witness ([Meet], [Overlap]), and the region
// algebra the reachability check of FIRST tables runs on ([SubtractBox]).
//
// Every value is exact (internal/rat); nothing here panics or loops on
// any cell text. The tables themselves, their hit policies, their
// compilation into problems and their evaluation stay in package assess.
package dtable
