package catalogue

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/dangjian-go/dangjian/place/yanji"
)

// orgmodel catalogues the national rule set, the rules the reference
// city's set (place/yanji) adds to it, and the default nesting.
func (c *collector) orgmodel() {
	national := orgmodel.NationalRules()
	if err := national.Check(); err != nil {
		c.fail("orgmodel.NationalRules: %w", err)
	}
	for _, r := range national.Rules {
		c.add(orgRule(r, "orgmodel.NationalRules"))
	}
	local := yanji.Rules()
	if err := local.Check(); err != nil {
		c.fail("yanji.Rules: %w", err)
	}
	for _, r := range local.Rules {
		n, inNational := national.Rule(r.ID)
		switch {
		case !inNational:
			c.add(orgRule(r, "yanji.Rules"))
		case !reflect.DeepEqual(n, r):
			// The local set replaces a national rule: the catalogue lists
			// every ID once and cannot show both.
			c.fail("yanji.Rules replaces national rule %q; give the local rule its own ID", r.ID)
		}
	}
	c.add(nesting())
}

// orgFamilies names the family of each check.
var orgFamilies = map[orgmodel.Check]string{
	orgmodel.MinMembers:          "Formation thresholds",
	orgmodel.MaxMembers:          "Formation thresholds",
	orgmodel.MaxUnits:            "Formation thresholds",
	orgmodel.Upgrade:             "Formation thresholds",
	orgmodel.BelowThreshold:      "Formation thresholds",
	orgmodel.CommitteeSize:       "Committees and posts",
	orgmodel.SecretaryOnly:       "Committees and posts",
	orgmodel.RequiredPosts:       "Committees and posts",
	orgmodel.MaxPosts:            "Committees and posts",
	orgmodel.NoRoster:            "Committees and posts",
	orgmodel.Congress:            "Terms",
	orgmodel.PostApproved:        "Approvals",
	orgmodel.GroupSize:           "Party groups",
	orgmodel.TermLength:          "Terms",
	orgmodel.TermOverdue:         "Terms",
	orgmodel.TermDueSoon:         "Terms",
	orgmodel.NoTerm:              "Terms",
	orgmodel.FormationApproval:   "Approvals",
	orgmodel.ProjectBranch:       "Formation thresholds",
	orgmodel.SiteArea:            "Sites",
	orgmodel.DispatchEligibility: "Dispatched cadres",
	orgmodel.DispatchTerm:        "Dispatched cadres",
}

func orgRule(r orgmodel.Rule, table string) Entry {
	family, ok := orgFamilies[r.Check]
	if !ok {
		family = "Other formation rules"
	}
	e := header(Entry{Area: "orgmodel", Family: family, Table: table, Modality: modality(r.Modality), Wording: r.Text}, r.Rule)
	e.Value = orgValue(r)
	e.Scope = parts(
		labelled("kinds", list(r.Kinds)),
		labelled("domains", list(r.Domains)),
		labelled("except domains", list(r.ExceptDomains)),
		labelled("sites", list(r.SiteKinds)),
		labelled("dispatch", r.Dispatch.String()),
	)
	return e
}

// threshold renders "full members at_least 3", or "" when the rule has no
// comparison.
func threshold(r orgmodel.Rule, what string) string {
	if !r.Cmp.IsValid() {
		return ""
	}
	if r.Basis.IsValid() {
		what = r.Basis.String() + " members"
	}
	return fmt.Sprintf("%s %s %d", what, r.Cmp, r.N)
}

// orgValue renders the numbers of a rule as the check reads them.
func orgValue(r orgmodel.Rule) string {
	n := strconv.FormatInt(r.N, 10)
	var main string
	switch r.Check {
	case orgmodel.MinMembers, orgmodel.Upgrade, orgmodel.GroupSize:
		main = threshold(r, "members")
	case orgmodel.MaxMembers:
		main = "finding when " + threshold(r, "members")
	case orgmodel.MaxUnits:
		main = "finding when " + threshold(r, "units")
	case orgmodel.BelowThreshold:
		main = "an approval needed unless " + threshold(r, "members")
	case orgmodel.CommitteeSize, orgmodel.RequiredPosts:
		if t := threshold(r, "members"); t != "" && r.N != 0 {
			main = "where " + t
		}
	case orgmodel.SecretaryOnly:
		main = "secretary only unless " + threshold(r, "members")
	case orgmodel.MaxPosts:
		main = "at most " + n + " holder(s)"
	case orgmodel.TermDueSoon:
		main = "due within " + n + " months"
	case orgmodel.SiteArea:
		main = threshold(r, "area") + " ㎡"
	case orgmodel.DispatchEligibility:
		main = "full member of at least " + n + " year(s)' standing"
	case orgmodel.NoTerm:
		main = "no electoral term"
	case orgmodel.NoRoster:
		main = "no committee seats"
	case orgmodel.PostApproved:
		main = "each post held needs an approval of kind " + r.Approval.String() + " dated on or after its start (checked where the tree records such approvals)"
	case orgmodel.Congress:
		main = "may elect through a 党员代表大会 where " + threshold(r, "members")
	case orgmodel.TermOverdue:
		main = "换届 due at the end of the term"
	case orgmodel.FormationApproval:
		main = "formation approval needed"
	case orgmodel.ProjectBranch:
		main = fmt.Sprintf("a project lasting %s %d months needs a branch (checked where the tree records projects)", r.Cmp, r.N)
	}
	var bounds string
	switch {
	case r.Min != 0 || r.Max != 0:
		bounds = fmt.Sprintf("%d–%d", r.Min, r.Max)
		if r.Min == r.Max {
			bounds = strconv.Itoa(r.Max)
		}
		if r.Check == orgmodel.DispatchTerm && r.Min == 0 {
			bounds = fmt.Sprintf("at most %d", r.Max)
		}
		if r.Check == orgmodel.Upgrade && r.Min == 0 {
			bounds = fmt.Sprintf("below %d", r.Max)
		}
		switch r.Check {
		case orgmodel.TermLength, orgmodel.DispatchTerm:
			bounds += " years"
		case orgmodel.CommitteeSize:
			bounds += " seats"
		}
		if r.SoftMax != 0 && r.SoftMax != r.Max {
			bounds += fmt.Sprintf(" (finding above %d)", r.SoftMax)
		}
	}
	var tol string
	if r.Tolerance != 0 {
		tol = fmt.Sprintf("±%d year(s) with an approval", r.Tolerance)
	}
	var minFull string
	if r.MinFull != 0 {
		minFull = fmt.Sprintf("full members at_least %d", r.MinFull)
	}
	return parts(main, minFull, bounds, tol,
		labelled("roles", list(r.Roles)),
		labelled("target", r.Target.String()),
		labelled("approval kind", r.Approval.String()),
		labelled("approver kinds", list(r.ApproverKinds)),
		labelled("approver domains", list(r.ApproverDomains)),
	)
}

// nesting catalogues the default nesting: which kinds may sit under which.
func nesting() Entry {
	n := orgmodel.DefaultNesting()
	e := header(Entry{Area: "orgmodel", Family: "Nesting", Table: "orgmodel.DefaultNesting"}, n.Rule)
	var rows, roots []string
	for _, child := range orgmodel.Kinds() {
		var parents []string
		for _, p := range orgmodel.Kinds() {
			if n.Allows(p, child) {
				parents = append(parents, p.String())
			}
		}
		if len(parents) > 0 {
			rows = append(rows, child.String()+" under "+strings.Join(parents, ", "))
		}
		if !n.AllowsRoot(child) {
			roots = append(roots, child.String())
		}
	}
	e.Value = strings.Join(rows, "; ")
	if len(roots) > 0 {
		e.Value += "; never a root: " + strings.Join(roots, ", ")
	}
	return e
}
