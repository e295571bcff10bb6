// Package funderr holds the problem helpers shared by the funding
// packages: locating a problem at a path ([At], [JoinPath]), collecting a
// call's problems ([Errs]), and reporting an enum's unknown value
// ([EnumProblem], [EnumText]) without Go names. It is internal: users see
// only the *dangjian.Problem values it builds.
package funderr
