package assess

import (
	"io"
	"reflect"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/strictjson"
)

// DecodeSubjectsFunc reads subjects from JSON as [DecodeSubjects] does (an
// array of subjects, or an object {"subjects": [...]}, as strictly, with
// the same problems at the same paths, lines and columns) but one subject
// at a time: it calls fn with each subject that decodes without a problem,
// in the input's order, and holds no more than one subject's JSON (and a
// window of the input) at once, so that a cohort of any size is read in
// the memory of one subject. It reads within the default [dangjian.Limits]
// (see [DecodeSubjectsFuncWith]): one subject's JSON longer than 1 MiB, for
// one, is a problem of kind [dangjian.ErrLimit] that ends the input.
//
// A subject with problems is not passed to fn; its problems are collected
// and the subjects after it go on. At the end, DecodeSubjectsFunc returns
// every problem (up to [dangjian.DefaultMaxProblems], then a count of the
// rest), in a [dangjian.Problems], or nil. A problem that ends the
// input (a syntax error, text that is not UTF-8, an error of r) is
// returned alone, as DecodeSubjects returns it; fn has been called for the
// subjects before it. An error of fn stops the reading and is returned as
// it is.
func DecodeSubjectsFunc(r io.Reader, fn func(Subject) error) error {
	return DecodeSubjectsFuncWith(r, dangjian.Limits{}, fn)
}

// DecodeSubjectsFuncWith is [DecodeSubjectsFunc] within lim: an input
// over lim.MaxBytes, a subject after the lim.MaxRecords-th, or one subject
// whose JSON is longer than lim.MaxRecordBytes, is a problem of kind
// [dangjian.ErrLimit] that ends the input, naming the limit, with its
// line and column; the problems beyond lim.MaxProblems are counted, not
// listed (the last problem says how many: [dangjian.ProblemCap]).
// DecodeSubjectsFunc reads within the defaults.
func DecodeSubjectsFuncWith(r io.Reader, lim dangjian.Limits, fn func(Subject) error) error {
	sd := subjectStream{st: strictjson.NewStreamWith(r, lim), fn: fn, ps: dangjian.NewProblemCap(lim.Problems())}
	return sd.run()
}

// run reads the subjects of the stream.
func (sd *subjectStream) run() error {
	st := sd.st
	t, p := st.Next()
	if p != nil {
		return dangjian.Problems{p}
	}
	var err error
	switch t.Kind {
	case strictjson.BeginArray:
		st.Root = "subjects"
		err = sd.array("subjects")
	case strictjson.BeginObject:
		err = sd.object()
	default:
		if _, p := st.Value(t); p != nil {
			return dangjian.Problems{p}
		}
		if t.Kind != strictjson.Null {
			sd.ps.Add(st.Problem(dangjian.ErrInvalid, t.Off, "subjects", t.Text(),
				"want "+wantOf(reflect.TypeFor[[]Subject]())+", got "+t.Describe()))
		}
	}
	if err != nil {
		return err
	}
	if _, p := st.Next(); p != nil { // End, or data after the value
		return dangjian.Problems{p}
	}
	return sd.ps.Err()
}

// subjectStream decodes the subjects of a stream.
type subjectStream struct {
	st *strictjson.Stream
	fn func(Subject) error
	ps *dangjian.ProblemCap
	// fast, when set, is tried first on each subject's JSON (the i-th
	// element of the array); false hands the subject to the general path.
	fast func(i int, data []byte) (bool, error)
	// at is the subject's index, for fn.
	at int
}

// fatal wraps a problem that ends the input.
func fatal(p *dangjian.Problem) error { return dangjian.Problems{p} }

// array reads the elements of the array whose '[' was read, at path.
func (d *subjectStream) array(path string) error {
	for i := 0; d.st.More(); i++ {
		t, p := d.st.Next()
		if p != nil {
			return fatal(p)
		}
		src, p := d.st.Record(t)
		if p != nil {
			return fatal(p)
		}
		if d.fast != nil {
			done, err := d.fast(i, src.Bytes())
			if err != nil {
				return err
			}
			if done {
				continue
			}
		}
		d.at = i
		at := strictjson.Elem(path, i)
		jp := &jparser{src: src, root: at}
		n, p := jp.parseDocument()
		if p != nil { // the stream read the same bytes: cannot happen
			return fatal(p)
		}
		jd := jdecoder{p: jp}
		var s Subject
		jd.value(n, reflect.ValueOf(&s).Elem(), at)
		if len(jd.ps) > 0 {
			d.ps.AddAll(jd.ps)
			continue
		}
		if err := d.fn(s); err != nil {
			return err
		}
	}
	if _, p := d.st.Next(); p != nil { // ']'
		return fatal(p)
	}
	return nil
}

// object reads {"subjects": [...]} after its '{'.
func (d *subjectStream) object() error {
	js := jstructOf(reflect.TypeFor[struct {
		Subjects []Subject `json:"subjects"`
	}]())
	seen := false
	for {
		k, p := d.st.Next()
		if p != nil {
			return fatal(p)
		}
		if k.Kind == strictjson.EndObject {
			return nil
		}
		name := k.Text()
		var keyProblem *dangjian.Problem
		switch {
		case name != "subjects":
			keyProblem = d.st.Problem(dangjian.ErrUnknownField, k.Off, name, name, js.set.Unknown(name))
		case seen:
			keyProblem = d.st.Problem(dangjian.ErrInvalid, k.Off, name, name, strictjson.DetailRepeated)
		}
		if name == "subjects" {
			seen = true
		}
		v, p := d.st.Next()
		if p != nil {
			return fatal(p)
		}
		if keyProblem != nil {
			d.ps.Add(keyProblem)
			if _, p := d.st.Value(v); p != nil {
				return fatal(p)
			}
			continue
		}
		switch v.Kind {
		case strictjson.BeginArray:
			if err := d.array("subjects"); err != nil {
				return err
			}
		case strictjson.Null:
		default:
			line, col := d.st.Position(v.Off)
			src, p := d.st.Value(v)
			if p != nil {
				return fatal(p)
			}
			value := string(src.Bytes())
			if v.Kind == strictjson.String {
				value = v.Text()
			}
			d.ps.Add(&dangjian.Problem{Kind: dangjian.ErrInvalid, Path: "subjects", Line: line, Column: col,
				Value: dangjian.Cut(value), Detail: "want " + wantOf(reflect.TypeFor[[]Subject]()) + ", got " + v.Describe()})
		}
	}
}
