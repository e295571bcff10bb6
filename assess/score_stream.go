package assess

import (
	"io"
	"strconv"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/strictjson"
)

// StreamOptions are the options of [Scorer.ScoreSubjectsFunc].
type StreamOptions struct {
	// Explain is the ID of the subject scored with its trace, as
	// [Scorer.Explain] scores it; "" for none.
	Explain string
	// Limits bounds the reading as [DecodeSubjectsFuncWith] does: the
	// input's bytes, the subjects, one subject's JSON, and the problems
	// returned (the problems passed to fn are the subject's own, not
	// capped). The zero value means the defaults.
	Limits dangjian.Limits
}

// ScoreSubjectsFunc reads subjects from JSON as [DecodeSubjectsFunc] reads
// them (an array of subjects, or {"subjects": [...]}, as strictly, with
// the same problems at the same paths, lines and columns) and scores each
// one under s as it is read, holding one subject at a time: a cohort of
// any size is scored in the memory of one subject and what fn keeps.
//
// fn is called, in the input's order, for each subject that decodes, with
// its index in the array (i), its result and the problems of scoring it
// (err, as [Scorer.Score] reports them, each path starting at the
// subject's place in the input: "subjects[3].values.colour"; res is then
// the zero Result). res and its slices are reused for the next subject
// once fn returns: copy what you keep. A subject named by opt.Explain is
// scored with its trace into a Result of its own, which fn may keep.
//
// A subject is decoded straight into the scheme's positional [Input]
// where it holds nothing unusual (no repeated, escaped or unknown key, no
// null but an event's value, no name the scheme does not read); any other
// subject is decoded into a [Subject] and scored with [Scorer.Score], so
// that it is scored, or refused, exactly as before. The results are the
// same either way.
//
// The error returned is that of [DecodeSubjectsFuncWith] within
// opt.Limits (the subjects that do not decode, with every problem up to
// MaxProblems, or the problem that ends the input: a limit met, a syntax
// error), or fn's error, which stops the reading and is returned as it is.
func (s *Scorer) ScoreSubjectsFunc(r io.Reader, opt StreamOptions, fn func(i int, res *Result, err error) error) error {
	in := s.NewInput()
	fd := newFastDecoder(s, in)
	var res Result
	scored := func(i int, r *Result, err error) error {
		if err != nil {
			at := "subjects[" + strconv.Itoa(i) + "]"
			for _, p := range dangjian.ProblemsOf(err) {
				if p.Path == "" || p.Path[0] == '[' {
					p.Path = at + p.Path
				} else {
					p.Path = at + "." + p.Path
				}
			}
			*r = Result{}
		}
		return fn(i, r, err)
	}
	var sd *subjectStream
	fast := func(i int, data []byte) (bool, error) {
		if !fd.decode(data) {
			return false, nil
		}
		if opt.Explain != "" && in.ID == opt.Explain {
			var own Result
			err := s.score(in, true, false, &own, nil)
			return true, scored(i, &own, err)
		}
		err := s.score(in, false, false, &res, nil)
		return true, scored(i, &res, err)
	}
	slow := func(sub Subject) error {
		var r Result
		var err error
		if opt.Explain != "" && sub.ID == opt.Explain {
			r, err = s.Explain(sub)
		} else {
			r, err = s.Score(sub)
		}
		return scored(sd.at, &r, err)
	}
	st := strictjson.NewStreamWith(r, opt.Limits)
	sd = &subjectStream{st: st, fn: slow, fast: fast, ps: dangjian.NewProblemCap(opt.Limits.Problems())}
	return sd.run()
}
