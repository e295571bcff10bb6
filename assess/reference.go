package assess

import (
	"bytes"
	"embed"
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/dangjian-go/dangjian"
)

// The reference schemes are JSON files embedded in the package, one per
// scheme, named after the scheme: schemes/yanji-shuzhi.json and so on.
// SCHEME.md documents their format field by field.
//
//go:embed schemes/*.json
var referenceFS embed.FS

// ReferenceNames returns the names of the reference schemes, sorted:
//
//   - jifen: a 党员积分 (member points) scheme: 基础积分 70 with per-item
//     caps, 民主评议 20, a 贡献积分 pool capped at 10, 一票否决 to 0;
//   - minzhu-pingyi: 民主评议党员: votes 优秀 / 合格 / 基本合格 / 不合格 and
//     日常表现; graded under [DemocraticReview] (优秀 at most 1/3,
//     probationary members not graded);
//   - xingji: a five-star 党支部评星定级: 基础项 less 减分项 at 70 % and
//     评议项 at 30 %, stars from 90 / 80 / 70 / 60; graded under
//     [StarRating] (五星 at most 30 %);
//   - yanji-shuzhi: Yanji's 书记抓基层党建工作述职评议考核 on the article's
//     三实 / 三强 / 三化 structure: a 日常考核 of nine indicators and a
//     述职评议 of rated votes by three rater groups, a bonus pool capped at
//     5, gates, bands 好 / 较好 / 一般 / 差.
//
// Each scheme's Note and Sources say where its structure comes from and
// which of its numbers are the library's own: apart from the 民主评议党员
// ceiling no national scoring number is known, so most are.
func ReferenceNames() []string {
	entries, err := referenceFS.ReadDir("schemes")
	if err != nil { // the directory is embedded: it cannot be missing
		return nil
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		if n, ok := strings.CutSuffix(e.Name(), ".json"); ok {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	return names
}

// Reference returns the reference scheme called name (see
// [ReferenceNames]), decoded afresh: the caller owns the value and may
// edit it, for example to change a weight, before compiling it with
// [Compile]. Every reference scheme compiles as it is. An unknown name is
// an error wrapping [ErrUnknownRef] that lists the known names. The
// reference functions read only embedded, immutable data and are safe for
// concurrent use.
func Reference(name string) (Scheme, error) {
	if err := checkReferenceName(name); err != nil {
		return Scheme{}, err
	}
	data, err := referenceFS.ReadFile(path.Join("schemes", name+".json"))
	if err != nil {
		return Scheme{}, fmt.Errorf("reference scheme %q: %w", name, err)
	}
	s, err := DecodeScheme(bytes.NewReader(data))
	if err != nil {
		return Scheme{}, fmt.Errorf("reference scheme %q: %w", name, err)
	}
	return s, nil
}

// ReferencePolicy returns the cohort grading policy that goes with the
// reference scheme called name (a fresh value): [DemocraticReview] for
// minzhu-pingyi, [StarRating] for xingji, and for yanji-shuzhi and jifen a
// policy over the scheme's own grades that ranks the cohort without quotas
// (none is known for them). The yanji-shuzhi policy ranks within
// categories ("按单位类别排出名次"), breaking ties on the total by the
// 述职评议 score and then by the number of 好 votes. Every reference
// policy compiles with [NewGrader], and its grades are the scheme's.
func ReferencePolicy(name string) (GradePolicy, error) {
	if err := checkReferenceName(name); err != nil {
		return GradePolicy{}, err
	}
	switch name {
	case "minzhu-pingyi":
		return DemocraticReview(), nil
	case "xingji":
		return StarRating(), nil
	case "jifen":
		return jifenPolicy(), nil
	case "yanji-shuzhi":
		return yanjiPolicy(), nil
	}
	return GradePolicy{}, &dangjian.Problem{Kind: ErrUnknownRef, Value: name, Detail: "the scheme has no grading policy"}
}

func checkReferenceName(name string) error {
	names := ReferenceNames()
	if slices.Contains(names, name) {
		return nil
	}
	return &dangjian.Problem{Kind: ErrUnknownRef, Value: name, Detail: "not a reference scheme; known reference schemes are " + strings.Join(names, ", ")}
}

// yanjiPolicy ranks Yanji's secretaries within their categories (街道,
// 社区, 村). No quota for 好 is verified for 述职评议, so there is none; the
// grades are the scheme's bands.
func yanjiPolicy() GradePolicy {
	return GradePolicy{
		Name: "延吉市书记述职评议考核排名（参考）",
		Note: "ranks within categories (按单位类别排出名次, local practice); no quota and no vote-share downgrade, since none is verified for " +
			"述职评议; ties on the total are broken by the 述职评议 score, then by the number of 好 votes (the library's choice); " +
			"competition ranks (测评名次可以并列)",
		Sources: []Source{{ID: "dybbs8", Source: dangjian.Source{Doc: "满意度测评办法（某地）", URL: "dybbs8.com/excel/1711783.html",
			Confidence: dangjian.LocalPractice, Note: "按单位类别排出名次"}}},
		Grades:      []string{"好", "较好", "一般", "差"},
		TieBreak:    []TieKey{{By: TieComponent, Component: "review", Order: Desc}, {By: TieBallots, Level: "好", Order: Desc}},
		Ranking:     Competition,
		PerCategory: true,
	}
}

// jifenPolicy ranks the members of a 党员积分 scheme ("每年一排名") without
// quotas; the grades are the scheme's bands.
func jifenPolicy() GradePolicy {
	return GradePolicy{
		Name: "党员积分年度排名（参考）",
		Note: "a yearly ranking of the members' points (每月一汇总，每半年一公示，每年一排名, local practice); no quota; " +
			"ties on the total are broken by the bonus points (the library's choice); competition ranks",
		Sources: []Source{{ID: "rednet-2018", Source: dangjian.Source{Doc: "永州市林业局党员积分管理办法", URL: "zt.rednet.cn/c/2018/06/10/4651126.htm",
			Confidence: dangjian.LocalPractice, Note: "每月一汇总，每半年一公示，每年一排名"}}},
		Grades:   []string{"优秀", "合格", "基本合格", "不合格"},
		TieBreak: []TieKey{{By: TieBonus, Order: Desc}},
		Ranking:  Competition,
	}
}
