package yanji

import (
	"bytes"
	_ "embed"
	"fmt"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
)

// SchemeName is the name the city's duty-report scheme goes by: in the
// rules catalogue (RULES.md, "Reference scheme yanji-shuzhi") and as
// examples/assess's -scheme.
const SchemeName = "yanji-shuzhi"

// schemeJSON is the scheme in the format of assess/SCHEME.md.
//
//go:embed yanji-shuzhi.json
var schemeJSON []byte

// Scheme returns the city's reference scheme for the yearly
// 书记抓基层党建工作述职评议考核 of its street, community and village
// secretaries, decoded afresh from the embedded JSON: the caller owns the
// value and may edit it (a weight, a band) before compiling it with
// [assess.Compile]; it compiles as it is.
//
// Its structure is the article's own: three pillars (三实, 三强, 三化) of
// three sections each, the nine indicators of a 日常考核 component, whose
// checklist items and deduction clauses are candidate leaves drawn from
// the article's text; a 述职评议 component of rated votes by three rater
// groups; a bonus pool capped at 5; gates; bands 好 / 较好 / 一般 / 差. The
// article gives no points, weights or bands: every number is a local
// practice cited by its source or the library's own, and the scheme's
// Note says which.
//
// The error is not nil only if the embedded data were broken, which the
// package's tests rule out.
func Scheme() (assess.Scheme, error) {
	s, err := assess.DecodeScheme(bytes.NewReader(schemeJSON))
	if err != nil {
		return assess.Scheme{}, fmt.Errorf("scheme %s: %w", SchemeName, err)
	}
	return s, nil
}

// Policy returns the grading policy that goes with [Scheme] (a fresh
// value): it ranks the city's secretaries within their categories (街道,
// 社区, 村; "按单位类别排出名次"), breaking ties on the total by the
// 述职评议 score and then by the number of 好 votes, with competition
// ranks. No quota for 好 and no vote-share downgrade is verified for
// 述职评议, so there is none: the grades are the scheme's bands. It
// compiles with [assess.NewGrader].
func Policy() assess.GradePolicy {
	return assess.GradePolicy{
		Name: "延吉市书记述职评议考核排名（参考）",
		Note: "ranks within categories (按单位类别排出名次, local practice); no quota and no vote-share downgrade, since none is verified for " +
			"述职评议; ties on the total are broken by the 述职评议 score, then by the number of 好 votes (the library's choice); " +
			"competition ranks (测评名次可以并列)",
		Sources: []assess.Source{{ID: "dybbs8", Source: dangjian.Source{Doc: "满意度测评办法（某地）", URL: "dybbs8.com/excel/1711783.html",
			Confidence: dangjian.LocalPractice, Note: "按单位类别排出名次"}}},
		Grades:      []string{"好", "较好", "一般", "差"},
		TieBreak:    []assess.TieKey{{By: assess.TieComponent, Component: "review", Order: assess.Desc}, {By: assess.TieBallots, Level: "好", Order: assess.Desc}},
		Ranking:     assess.Competition,
		PerCategory: true,
	}
}
