package bench

import (
	"github.com/dangjian-go/dangjian/assess"
	"github.com/dangjian-go/dangjian/place/yanji"
)

// LibraryScorer is the library's compiled scorer for the Yanji scheme:
// yanji.Scheme() (place/yanji) compiled once with assess.Compile, then
// exact scores without the trace, two ways: (*assess.Scorer).Score per
// assess.Subject (inputs in maps), and the positional form the float
// alternatives correspond to (their plain structs): an assess.Input per
// subject, filled beforehand, scored by ScoreInto into one reused Result.
type LibraryScorer struct {
	S *assess.Scorer
}

// NewLibraryScorer compiles the reference scheme.
func NewLibraryScorer() (*LibraryScorer, error) {
	sch, err := yanji.Scheme()
	if err != nil {
		return nil, err
	}
	s, err := assess.Compile(sch)
	if err != nil {
		return nil, err
	}
	return &LibraryScorer{S: s}, nil
}

// Score scores one subject.
func (l *LibraryScorer) Score(sub assess.Subject) (assess.Result, error) { return l.S.Score(sub) }

// Inputs converts subjects to the positional form (assess.Scorer.Fill).
func (l *LibraryScorer) Inputs(subs []assess.Subject) ([]*assess.Input, error) {
	out := make([]*assess.Input, len(subs))
	for i, sub := range subs {
		out[i] = l.S.NewInput()
		if err := l.S.Fill(out[i], sub); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// ScoreInto scores one positional input into res, reusing res's memory.
func (l *LibraryScorer) ScoreInto(res *assess.Result, in *assess.Input) error {
	return l.S.ScoreInto(res, in)
}

// Subjects converts records to the library's input.
func Subjects(recs []Record) ([]assess.Subject, error) {
	out := make([]assess.Subject, len(recs))
	for i := range recs {
		s, err := recs[i].Subject()
		if err != nil {
			return nil, err
		}
		out[i] = s
	}
	return out, nil
}

// Plains converts records to the float alternatives' input.
func Plains(recs []Record) ([]Plain, error) {
	out := make([]Plain, len(recs))
	for i := range recs {
		p, err := recs[i].Plain()
		if err != nil {
			return nil, err
		}
		out[i] = p
	}
	return out, nil
}
