package orgmodel

import (
	"strconv"
	"unicode/utf8"

	"github.com/dangjian-go/dangjian"
	"github.com/google/uuid"
)

type checker struct {
	v    *Validator
	t    *Tree
	asOf dangjian.Date
	// Findings are gathered in chunks of growing size and copied once into
	// a slice of the exact length: appending to one slice would copy the
	// findings of a national-scale tree many times over.
	done [][]Finding
	cur  []Finding
	n    int
	// soon caches asOf plus soonMonths months, the horizon of TermDueSoon.
	soon       dangjian.Date
	soonMonths int64
	// due caches the due date of organization dueOrg under the term rule
	// dueTerm: the term checks of one organization share it.
	dueOrg  int32
	dueTerm *Rule
	due     dangjian.Date
	dueOK   bool
	// name caches the finding name of organization nameOrg: the findings
	// of one organization share it.
	nameOrg int32
	name    string
	// quotedOrg and quotedName cache name(quotedOrg), the kind and quoted
	// name that the messages about one organization share.
	quotedOrg  *orgRec
	quotedName string
	// each, if set, is given every finding in turn instead of gathering
	// them ([Validator.ValidateFunc]); err is the first error it returned,
	// which stops the calls.
	each func(*Finding) error
	err  error
}

// orgName returns the Name of the findings about the organization at p.
func (c *checker) orgName(p int32) string {
	if c.nameOrg != p || c.name == "" {
		c.nameOrg, c.name = p, c.t.findingName(p)
	}
	return c.name
}

// maxChunk bounds the findings gathered in one chunk.
const maxChunk = 1 << 14

func (c *checker) push(f Finding) {
	if c.each != nil {
		if c.err == nil {
			c.err = c.each(&f)
		}
		return
	}
	if len(c.cur) == cap(c.cur) {
		size := 16
		if c.cur != nil {
			c.done = append(c.done, c.cur)
			size = min(2*cap(c.cur), maxChunk)
		}
		c.cur = make([]Finding, 0, size)
	}
	c.cur = append(c.cur, f)
	c.n++
}

// findings returns every finding pushed, in order; nil when there are none.
func (c *checker) findings() []Finding {
	if len(c.done) == 0 {
		return c.cur
	}
	out := make([]Finding, 0, c.n)
	for _, ch := range c.done {
		out = append(out, ch...)
	}
	return append(out, c.cur...)
}

func (c *checker) add(r *Rule, p int32, sev Severity, field, value, msg string, ap *Approval) {
	o := c.t.at(p)
	c.push(Finding{Rule: r.ID, Severity: sev, Subject: c.t.orgs.keyText(o), Name: c.orgName(p), Field: field,
		Value: value, Line: o.Line, Message: msg, Source: r.Source, Approval: c.t.approval(ap)})
}

// covered returns Info when an approval covers the finding, else sev.
func covered(sev Severity, ap *Approval) Severity {
	if ap != nil {
		return Info
	}
	return sev
}

// approval returns the approval of o that covers rule r, if any.
func (c *checker) approval(o *orgRec, r *Rule) *Approval {
	if r.Approval == ApprovalUnknown {
		return nil
	}
	aps := c.t.orgs.approvals(o)
	for i := range aps {
		if aps[i].Covers(r.Approval, r.ID) {
			return &aps[i]
		}
	}
	return nil
}

// quoted returns name(o), cached for the organization's findings.
func (c *checker) quoted(o *orgRec) string {
	if c.quotedOrg != o {
		c.quotedOrg, c.quotedName = o, quotedName(o.Kind, c.t.orgs.name(o))
	}
	return c.quotedName
}

// name returns the kind label and the quoted name, as "%s %q" formats them.
func name(o *Org) string { return quotedName(o.Kind, o.Name) }

// quotedName returns the label of kind k and the quoted name s, as "%s
// %q" formats them.
func quotedName(k Kind, s string) string {
	label := k.Label()
	if !plainQuoted(s) {
		return label + " " + strconv.Quote(s)
	}
	b := make([]byte, 0, len(label)+len(s)+3)
	b = append(b, label...)
	b = append(b, ' ', '"')
	b = append(b, s...)
	b = append(b, '"')
	return string(b)
}

// plainQuoted reports whether strconv.Quote(s) is s between double
// quotes: s is printable ASCII but '"' and '\\', and CJK unified
// ideographs (U+4E00-U+9FFF, all printable), the most names; false sends
// any other text to strconv.Quote.
func plainQuoted(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < ' ' || c > '~' || c == '"' || c == '\\' {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r < 0x4E00 || r > 0x9FFF {
			return false
		}
		i += n
	}
	return true
}

func basisWord(b Basis) string {
	if b == FullMembers {
		return "full members"
	}
	return "members"
}

func field(b Basis) string {
	if b == FullMembers {
		return "members.full"
	}
	return "members"
}

func cmpWord(c Comparison) string {
	if c == MoreThan {
		return "more than"
	}
	return "at least"
}

func (c *checker) subject(r *Rule, org, subject uuid.UUID, label string, sev Severity, fieldName, value, msg string) {
	f := Finding{Rule: r.ID, Severity: sev, Subject: c.t.IDText(org), Ref: c.t.IDText(subject), Field: fieldName,
		Value: value, Message: msg, Source: r.Source}
	if p, ok := c.t.index.get(org); ok {
		f.Name = c.orgName(p)
		f.Line = c.t.at(p).Line
	}
	if label != "" {
		if f.Name != "" {
			f.Name += " / "
		}
		f.Name += label
	}
	c.push(f)
}
