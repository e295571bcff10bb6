package compare

import (
	"errors"
	"io"
	"path/filepath"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/orgmodel"
)

// orgFlag is what the library found on one organization (or one
// organization and rule).
type orgFlag struct {
	key      string
	line     int
	rules    []string
	messages []string
}

// org compares the organizations a tree's validation flags with GOT's:
// the tree is read as examples/orgchart reads it
// ([orgmodel.ReadTreeCSVWith], or [orgmodel.DecodeJSONWith] and
// [orgmodel.BuildWith] for a name ending in .json) and validated with
// [orgmodel.NationalRules] as of opts.Date. An organization is flagged by
// a finding of severity error or warning (an info finding is a hint, no
// flag). Without GOT's rule column the key is the organization's id as
// the file writes it; with it, the id and the finding's rule.
func (c *run) org() error {
	r, err := c.in.Open()
	if err != nil {
		return err
	}
	defer r.Close()
	tree, err := c.readTree(r)
	if err != nil {
		return err
	}
	if tree == nil {
		return nil // no tree could be built: its problems are reported
	}
	v, err := orgmodel.NewValidator(orgmodel.NationalRules())
	if err != nil {
		return err
	}
	flags := map[string]*orgFlag{}
	var order []*orgFlag
	err = v.ValidateFunc(tree, c.opts.Date, func(f *dangjian.Finding) error {
		if f.Severity != dangjian.Error && f.Severity != dangjian.Warning {
			return nil
		}
		key := f.Subject
		if c.got.rules {
			key = joinKey(f.Subject, f.Rule)
		}
		fl := flags[key]
		if fl == nil {
			fl = &orgFlag{key: key, line: f.Line}
			flags[key] = fl
			order = append(order, fl)
		}
		fl.rules = append(fl.rules, f.Rule)
		fl.messages = append(fl.messages, f.Message)
		return nil
	})
	if err != nil {
		return err
	}
	for _, fl := range order {
		err := c.match(fl.key, func(*gotRow) bool { return true }, func(*gotRow) Difference {
			d := Difference{Status: MissingFromGot, InputLine: fl.line, Library: "flagged", Rules: ruleRefs(fl.rules),
				Detail: strings.Join(uniq(fl.messages), "; ")}
			d.ID, d.Month, d.Rule = splitKey(Org, fl.key)
			return d
		})
		if err != nil {
			return err
		}
	}
	c.gotOnlyDetail = func(key string) string {
		id, _, _ := splitKey(Org, key)
		if _, ok := tree.Lookup(id); !ok {
			return "no such organization in INPUT"
		}
		if c.got.rules {
			return "the library's rules do not flag it on this rule"
		}
		return "the library's rules do not flag it"
	}
	return nil
}

// readTree reads INPUT's tree. A tree that cannot be built, and rows
// that cannot be read, are problems of the report; a header problem,
// text that is not CSV or JSON, or a limit met is returned.
func (c *run) readTree(r io.Reader) (*orgmodel.Tree, error) {
	if strings.EqualFold(filepath.Ext(c.in.Name), ".json") {
		recs, err := orgmodel.DecodeJSONWith(r, c.opts.Limits)
		if err != nil {
			return nil, inFile(err, c.in.Name) // the decoder stops at its first problem
		}
		tree, err := orgmodel.BuildWith(recs, orgmodel.BuildOptions{})
		if err != nil {
			if !isProblemErr(err) {
				return nil, err
			}
			c.inputProblems(dangjian.ProblemsOf(err))
		}
		return tree, nil
	}
	tree, err := orgmodel.ReadTreeCSVWith(r, orgmodel.BuildOptions{}, c.opts.Limits)
	if err == nil {
		return tree, nil
	}
	if !isProblemErr(err) {
		return nil, err
	}
	ps := dangjian.ProblemsOf(err)
	readLimit := len(ps) == 1 && errors.Is(ps[0], dangjian.ErrLimit) && ps[0].Path == ""
	if tree == nil && (readLimit || errors.Is(err, dangjian.ErrHeader) || errors.Is(err, dangjian.ErrSyntax)) {
		return nil, inFile(err, c.in.Name)
	}
	c.inputProblems(ps)
	return tree, nil
}

// isProblemErr reports whether err holds problems of the input.
func isProblemErr(err error) bool {
	var ps dangjian.Problems
	var p *dangjian.Problem
	return errors.As(err, &ps) || errors.As(err, &p)
}

// uniq returns s without repeats, in order.
func uniq(s []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
