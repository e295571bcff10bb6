// Package strictjson is the module's one strict JSON reader: a tokenizer
// that keeps byte offsets and the path of the value being read, the
// position of an offset as a line and a column, field sets for objects
// with known fields, numbers kept as the text written, strings and keys
// checked for UTF-8, and the problems all of it reports, as
// *[dangjian.Problem]s.
//
// # Text
//
// The input is UTF-8. Every string and key is checked as the [Scanner]
// reads it: a byte that is not UTF-8 ends the scanning with a problem of
// kind [dangjian.ErrEncoding] at that byte (line and column) and the
// advice [DetailNotUTF8], so that a file saved in GBK is refused, never
// read with its Chinese text turned into replacement characters (in which
// "社区" and "机关" would read alike). A caller that means to read GBK or
// GB18030 transcodes the input first (package textenc).
//
// # Streams
//
// A [Stream] reads from an [io.Reader] what a [Scanner] reads from bytes,
// holding a sliding window of the input (at most [DefaultMaxWindow] bytes
// unless told otherwise): a decoder of a large array reads it one element
// at a time with [Stream.Value], each element a [Source] placed at its
// line and column ([NewSourceAt]).
//
// The packages that decode JSON (orgmodel, assess, funding/dues) keep only
// what is their own: the shapes they read, what the fields mean and which
// field is a record's ID.
//
// # Conventions
//
// Paths name a value from the document's root: an object's field by its
// key after a dot ("orgs[3].parent", "subjects[0].colour"), an array's
// element by its index in brackets ("[2].base"); the root itself is "" or
// the root name a decoder gives it.
//
// Lines and columns are 1-based. A column counts characters (runes), not
// bytes, from the start of the line: in `{"名": x}` the x is in column 7.
// A byte that is not UTF-8 counts as one character.
package strictjson
