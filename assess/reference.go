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
// scheme, named after the scheme: schemes/jifen.json and so on. SCHEME.md
// documents their format field by field.
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
//     [StarRating] (五星 at most 30 %).
//
// A place's own scheme lives in the package of that place: the reference
// city's 书记抓基层党建工作述职评议考核 (yanji-shuzhi) is
// place/yanji's Scheme and Policy.
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
// minzhu-pingyi, [StarRating] for xingji, and for jifen a policy over the
// scheme's own grades that ranks the cohort without quotas (none is known
// for it). Every reference policy compiles with [NewGrader], and its
// grades are the scheme's.
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
