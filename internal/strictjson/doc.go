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
// # Limits
//
// A Stream reads within a [dangjian.Limits] ([NewStreamWith], or the
// Limits field; the zero value means the defaults): the input's bytes
// (MaxBytes, 64 GiB by default), and the elements of the array a decoder
// streams, each read with [Stream.Record] rather than [Stream.Value]: their
// number (MaxRecords, 200,000,000) and the bytes of each (MaxRecordBytes,
// 1 MiB; while Record reads an element, the window holds no more than
// that, a look ahead and a chunk of it). Any other token or value is
// bounded by MaxWindow (16 MiB). A limit met ends the input with a problem
// of kind [dangjian.ErrLimit] whose detail names the limit, its value and
// how to raise it (the Limits field and the programs' flag): at the
// element's first token for an element, at the end of the window for the
// input's bytes (the stream reads ahead a chunk at a time, so the tokens
// before it in that chunk are not returned, as for an error of the
// reader). MaxProblems is the decoder's to apply ([dangjian.ProblemCap]).
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
