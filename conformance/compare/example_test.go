package compare_test

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/conformance/compare"
	"github.com/dangjian-go/dangjian/funding/dues"
)

// A platform's export of a month's dues, compared with the library's: one
// amount computed in double and rounded by new BigDecimal(double), one
// member the export lacks.
func ExampleCompare() {
	roster := "id,name,category,base\n" +
		"01,Zhang,employed,1003\n" +
		"02,Li,employed,4800\n" +
		"03,Wang,employed,6234.50\n"
	export := "id,dues\n01,5.01\n02,48.00\n"
	rep, err := compare.Compare(compare.Input{
		Kind: compare.Dues,
		Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(roster)), nil },
		Name: "roster.csv", Got: strings.NewReader(export), GotName: "export.csv",
	}, compare.Options{Date: dangjian.MustParseDate("2024-06-01")}, func(d compare.Difference) error {
		fmt.Println(d.Status, d.Key(), d.Library, d.Platform, d.Causes)
		return nil
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rep.Summary())
	// Output:
	// differs 01 5.02 5.01 [float_bigdecimal_half_up float_math_round truncated]
	// missing_from_got 03 93.52  []
	// 2 of 3 differ
}

// The differences as text, with the rules and their sources, then the
// likely cause of them all and the summary line.
func ExampleWriter() {
	roster := "id,name,category,base\n01,Zhang,employed,3000\n02,Li,employed,1003\n"
	export := "编号,党费\n01,30.00\n02,5.02\n"
	w, err := compare.NewWriter(os.Stdout, compare.Text, "roster.csv", "export.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	rep, err := compare.Compare(compare.Input{
		Kind: compare.Dues,
		Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(roster)), nil },
		Name: "roster.csv", Got: strings.NewReader(export), GotName: "export.csv",
	}, compare.Options{Date: dangjian.MustParseDate("2024-06-01")}, w.Write)
	if err != nil {
		fmt.Println(err)
		return
	}
	w.Close(rep)
	// Output:
	// export.csv:2: 01: library 15.00, platform 30.00; rules DUES-WAGE-1 (关于中国共产党党费收缴、使用和管理的规定（中组发〔2008〕3号） 第二条), DUES-ROUND (dangjian 本库取值); cause: bracket bound read the other way (以上/超过) (rate 0.01 of DUES-WAGE-2 at base 3000.00, its bracket's upper bound (不超过 includes it))
	// likely cause of every difference: bracket bound read the other way (以上/超过)
	// 1 of 2 differ
}

// GOT read alone: its problems are reported with their lines, and the
// good rows are kept.
func ExampleReadGot() {
	export := "id,dues,note\n01,45.25,x\n02,\"1,000.00\",\n01,45.25,again\n"
	g, err := compare.ReadGot(strings.NewReader(export), compare.Dues, dangjian.Limits{}, func(p *dangjian.Problem) {
		fmt.Println(p)
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(g.Len(), "keys")
	// Output:
	// line 3, column 2: dues (id "02"): invalid value: grouping commas are not accepted: write 3000.00, not 3,000.00 ("1,000.00")
	// line 4 (id "01"): duplicate ID: the key is also on line 2
	// 2 keys
}

func ExampleParseKind() {
	k, err := compare.ParseKind("党费")
	fmt.Println(k, k.Label(), err)
	// Output: dues 党费 <nil>
}

func ExampleReport_Likely() {
	rep := compare.Report{Compared: 9001, Differ: 2137, Causes: []compare.CauseCount{
		{Cause: compare.FloatBigDecimal, Rows: 2137},
		{Cause: compare.Truncated, Rows: 2137, Against: 1363},
	}}
	c, ok := rep.Likely()
	fmt.Println(c.Text(), ok)
	fmt.Println(rep.Summary())
	// Output:
	// float: BigDecimal(double) HALF_UP true
	// 2137 of 9001 differ
}

// A payroll's withholding: the platform taxed each month alone on the
// monthly table.
func ExampleCompare_tax() {
	payroll := "id,month,gross,social_insurance,special_deductions\n" +
		"H,2024-01,30000,3000,2000\nH,2024-02,30000,3000,2000\n"
	export := "工号,所属月份,本期应预扣预缴税额\nH,2024-01,2590.00\nH,2024-02,2590.00\n"
	rep, err := compare.Compare(compare.Input{
		Kind: compare.Tax,
		Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(payroll)), nil },
		Name: "payroll.csv", Got: strings.NewReader(export), GotName: "export.csv",
	}, compare.Options{}, func(d compare.Difference) error {
		fmt.Println(d.Key(), d.Library, d.Platform, d.Causes[0].Text())
		return nil
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rep.Summary())
	// Output:
	// H 2024-01 600.00 2590.00 monthly withholding instead of the cumulative method
	// H 2024-02 880.00 2590.00 monthly withholding instead of the cumulative method
	// 2 of 2 differ
}

// The organizations a platform flags, compared with the library's
// findings as a set of ids.
func ExampleCompare_org() {
	tree := "id,parent_id,kind,domain,name,full_members,probationary_members\n" +
		"c,,committee,community,某社区党委,60,0\n" +
		"b1,c,branch,community,第一党支部,2,0\n" +
		"b2,c,branch,community,第二党支部,12,0\n"
	export := "id\nb2\n"
	rep, err := compare.Compare(compare.Input{
		Kind: compare.Org,
		Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(tree)), nil },
		Name: "tree.csv", Got: strings.NewReader(export), GotName: "flags.csv",
	}, compare.Options{Date: dangjian.MustParseDate("2025-06-30")}, func(d compare.Difference) error {
		var rules []string
		for _, r := range d.Rules {
			rules = append(rules, r.ID)
		}
		fmt.Println(d.Status, d.ID, rules, d.Detail)
		return nil
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rep.Summary())
	// Output:
	// missing_from_got c [ORG-CMTE-BELOW-100-OTHER] 党委 "某社区党委" has 74 members, not at least 100: it needs the upper organization's approval (因工作需要，经上级党组织批准)
	// missing_from_got b1 [ORG-BRANCH-MIN-3] 党支部 "第一党支部" has 2 full members; the rule needs at least 3: form a 联合党支部 (joint_branch) with neighbouring units or place the members in another branch
	// missing_from_input b2 [] the library's rules do not flag it
	// 3 of 3 differ
}

// A reference scheme and its grading policy, by name.
func ExampleLoadScheme() {
	s, policy, err := compare.LoadScheme("jifen")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.Name != "", policy != nil)
	// Output: true true
}

func ExampleSchemeNames() {
	fmt.Println(len(compare.SchemeNames()) > 1)
	// Output: true
}

// The CSV of the differences guards a text cell a spreadsheet would run
// as a formula.
func ExampleNewWriter() {
	w, err := compare.NewWriter(os.Stdout, compare.CSV, "roster.csv", "export.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	w.Write(compare.Difference{Status: compare.MissingFromInput, ID: "=1+1", Line: 7, Platform: "12.00"})
	w.Close(compare.Report{Compared: 1, Differ: 1})
	// Output:
	// status,id,month,rule,got_line,input_line,library,platform,rules,causes,detail
	// missing_from_input,'=1+1,,,7,,,12.00,,,
}

func ExampleParseFormat() {
	f, err := compare.ParseFormat("JSON")
	fmt.Println(f, err)
	// Output: json <nil>
}

func ExampleParseCause() {
	c, err := compare.ParseCause("进位到角")
	fmt.Println(c, c.Text(), err)
	// Output: round_up_jiao rounded up to the 角 <nil>
}

func ExampleParseStatus() {
	s, err := compare.ParseStatus("平台缺行")
	fmt.Println(s, err)
	// Output: missing_from_got <nil>
}

// Options.DuesRules compares under the caller's rule set: here a branch
// that applied the 2017 notice from July 2017, so that March 2017 is
// still computed by the 2008 rules (no cap of 1000 元). Without it, the
// rules in force on the date by the library's assumed day (2017-01-01)
// cap the amount.
func ExampleOptions_duesRules() {
	late := dues.Assumptions{From2017: dangjian.AssumedDate{ID: dues.AssumeFrom2017, Date: dangjian.MustParseDate("2017-07-01")}}
	r2008 := late.Rules2008()
	roster := "id,name,category,base\n01,Zhang,employed,60000\n"
	export := "id,dues\n01,1200.00\n"
	for _, rs := range []*dues.Rules{nil, &r2008} {
		rep, err := compare.Compare(compare.Input{
			Kind: compare.Dues,
			Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(roster)), nil },
			Name: "roster.csv", Got: strings.NewReader(export), GotName: "export.csv",
		}, compare.Options{Date: dangjian.MustParseDate("2017-03-01"), DuesRules: rs}, func(d compare.Difference) error {
			fmt.Println(d.Key(), d.Library, d.Platform, d.Causes)
			return nil
		})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(rep.Summary())
	}
	// Output:
	// 01 1000.00 1200.00 [rules_2008]
	// 1 of 1 differ
	// 0 of 1 differ
}
