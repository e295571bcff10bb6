package orgmodel_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/google/uuid"
	"github.com/shopspring/decimal"
)

func ExampleReadCSV() {
	// A table with local codes for ids, Chinese headers and labels. A bad
	// row does not stop the reader: the good rows come back with the
	// problems, which name the row by its id and give its line and column.
	const table = "编号,上级编号,组织类别,领域,名称,正式党员,预备党员\n" +
		"1,,党委,村,某镇党委,30,1\n" +
		"1.1,1,党支部,村,某村党支部,7,2\n" +
		"1.2,1,党支部,村,另一村党支部,-4,0\n" +
		"1.3,1,党支部,村,小村党支部,2,0\n"
	recs, err := orgmodel.ReadCSV(strings.NewReader(table))
	for _, p := range dangjian.ProblemsOf(err) {
		fmt.Println(p.ID, p.Line, p.Column, p.Path, p.Value, p.Code())
		fmt.Println(p)
	}
	tree, err := orgmodel.Build(recs)
	if err != nil {
		fmt.Println(err)
		return
	}
	for depth, o := range tree.All() {
		fmt.Printf("%s%s %s (id %s, line %d) %d+%d\n", strings.Repeat("  ", depth), o.Kind.Label(), o.Name, o.Key, o.Line, o.Members.Full, o.Members.Probationary)
	}
	// Findings name the organization by the file's own id and give its line.
	rep, _ := orgmodel.Validate(tree, orgmodel.NationalRules(), dangjian.MustParseDate("2025-06-30"))
	for _, f := range rep.Findings {
		if f.Rule == "ORG-BRANCH-MIN-3" {
			fmt.Println(f.Subject, f.Line, f.Name)
			id, _ := tree.Lookup(f.Subject)
			fmt.Println(id == orgmodel.CSVID("1.3"))
		}
	}
	// Output:
	// 1.2 4 6 正式党员 -4 negative
	// line 4, column 6: 正式党员 (id "1.2"): must not be negative ("-4")
	// 党委 某镇党委 (id 1, line 2) 30+1
	//   党支部 某村党支部 (id 1.1, line 3) 7+2
	//   党支部 小村党支部 (id 1.3, line 5) 2+0
	// 1.3 5 某镇党委 / 小村党支部
	// true
}

func ExampleWriteCSV() {
	city := orgmodel.Org{ID: uuid.MustParse("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), Kind: orgmodel.LocalCommittee, Name: "中共某市委"}
	branch := orgmodel.Org{ID: orgmodel.CSVID("B-7"), Code: "B-7", Parent: city.ID,
		Kind: orgmodel.Branch, Domain: orgmodel.NonPublicEnterprise, Name: "某公司党支部",
		Members: orgmodel.Members{Full: 5, Probationary: 1}, Selection: orgmodel.Elected,
		Term: orgmodel.Term{Elected: dangjian.MustParseDate("2023-04-01")}}
	tree, err := orgmodel.Build(orgmodel.Records{Orgs: []orgmodel.Org{city, branch}})
	if err != nil {
		fmt.Println(err)
		return
	}
	// The branch's ID derives from its code, so its row keeps the code as id.
	for _, lang := range []orgmodel.Lang{orgmodel.English, orgmodel.Chinese} {
		if err := orgmodel.WriteCSV(os.Stdout, tree, uuid.Nil, lang); err != nil {
			fmt.Println(err)
		}
	}
	// Output:
	// id,parent_id,kind,domain,name,full_members,probationary_members,units,code,selection,elected,due,renewed,term_number
	// 6ba7b810-9dad-11d1-80b4-00c04fd430c8,,local_committee,,中共某市委,0,0,,,,,,,
	// B-7,6ba7b810-9dad-11d1-80b4-00c04fd430c8,branch,non_public_enterprise,某公司党支部,5,1,,B-7,elected,2023-04-01,,,
	// 编号,上级编号,组织类别,领域,名称,正式党员,预备党员,覆盖单位数,代码,产生方式,选举日期,届满日期,换届日期,届次
	// 6ba7b810-9dad-11d1-80b4-00c04fd430c8,,地方党委,,中共某市委,0,0,,,,,,,
	// B-7,6ba7b810-9dad-11d1-80b4-00c04fd430c8,党支部,非公企业,某公司党支部,5,1,,B-7,选举,2023-04-01,,,
}

func ExampleDecodeJSON() {
	const doc = `{
  "orgs": [
    {"id": "6ba7b810-9dad-11d1-80b4-00c04fd430c8", "kind": "党支部", "name": "某村党支部",
     "members": {"full": 7, "probationary": 2}}
  ],
  "sites": [
    {"id": "6ba7b811-9dad-11d1-80b4-00c04fd430c8", "kind": "village_office", "name": "村部",
     "org": "6ba7b810-9dad-11d1-80b4-00c04fd430c8", "area": "350.50"}
  ]
}`
	recs, err := orgmodel.DecodeJSON(strings.NewReader(doc))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(recs.Orgs[0].Kind, recs.Orgs[0].Members.Total(), recs.Sites[0].Area.StringFixed(2))

	// Keys are exact, and an error says where the problem is.
	_, err = orgmodel.DecodeJSON(strings.NewReader(`{"orgs": [{"id": "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
  "kind": "支队"}]}`))
	fmt.Println(err)
	_, err = orgmodel.DecodeJSON(strings.NewReader(`{"orgs": [], "Sites": []}`))
	fmt.Println(err)
	// Output:
	// branch 9 350.50
	// line 2, column 11: orgs[0].kind (id "6ba7b810-9dad-11d1-80b4-00c04fd430c8"): invalid value: unknown kind "支队"
	// line 1, column 14: Sites: unknown field: keys are case-sensitive: the field is "sites" ("Sites")
}

func ExampleEncodeJSON() {
	recs := orgmodel.Records{
		Orgs: []orgmodel.Org{{ID: uuid.MustParse("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), Kind: orgmodel.Branch,
			Domain: orgmodel.Village, Name: "某村党支部", Members: orgmodel.Members{Full: 7, Probationary: 2}}},
		Sites: []orgmodel.Site{{ID: uuid.MustParse("6ba7b811-9dad-11d1-80b4-00c04fd430c8"), Kind: orgmodel.VillageOffice,
			Name: "村部", Org: uuid.MustParse("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), Area: decimal.RequireFromString("350.50")}},
	}
	if err := orgmodel.EncodeJSON(os.Stdout, recs); err != nil {
		fmt.Println(err)
	}
	// Output:
	// {
	//   "orgs": [
	//     {
	//       "id": "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
	//       "parent": "00000000-0000-0000-0000-000000000000",
	//       "kind": "branch",
	//       "domain": "village",
	//       "name": "某村党支部",
	//       "members": {
	//         "full": 7,
	//         "probationary": 2
	//       },
	//       "grid": "00000000-0000-0000-0000-000000000000",
	//       "term": {
	//         "elected": "",
	//         "due": "",
	//         "renewed": ""
	//       }
	//     }
	//   ],
	//   "sites": [
	//     {
	//       "id": "6ba7b811-9dad-11d1-80b4-00c04fd430c8",
	//       "kind": "village_office",
	//       "name": "村部",
	//       "org": "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
	//       "area": "350.5"
	//     }
	//   ]
	// }
}

// A CSV id that is not a UUID maps to the same UUID in every file.
func ExampleCSVID() {
	recs, _ := orgmodel.ReadCSV(strings.NewReader("id,parent_id,kind,domain,name,full_members,probationary_members\nYJ-01,,党委,社区,某社区党委,12,1\n"))
	fmt.Println(recs.Orgs[0].ID == orgmodel.CSVID("YJ-01"), recs.Orgs[0].Code)
	// Output: true YJ-01
}

func ExampleTree_Lookup() {
	// A JSON tree keyed as a Java platform keys it: by numbers.
	const doc = `{"orgs": [
  {"id": 1001, "kind": "committee", "domain": "community", "name": "某社区党委", "members": {"full": 30, "probationary": 0}},
  {"id": 1002, "parent": 1001, "kind": "branch", "domain": "community", "name": "第一支部", "members": {"full": 2, "probationary": 0}}
]}`
	recs, err := orgmodel.DecodeJSON(strings.NewReader(doc))
	if err != nil {
		panic(err)
	}
	tree, err := orgmodel.Build(recs)
	if err != nil {
		panic(err)
	}
	rep, _ := orgmodel.Validate(tree, orgmodel.NationalRules(), dangjian.MustParseDate("2025-06-30"))
	for _, f := range rep.Findings {
		// The finding names the organization as the caller does; Lookup
		// gives back the node.
		id, ok := tree.Lookup(f.Subject)
		o, _ := tree.Org(id)
		fmt.Println(f.Rule, f.Subject, f.Line, ok, o.Name)
	}
	// Output:
	// ORG-CMTE-BELOW-100-OTHER 1001 2 true 某社区党委
	// ORG-BRANCH-MIN-3 1002 3 true 第一支部
}

func ExampleTree_IDText() {
	recs, _ := orgmodel.ReadCSV(strings.NewReader("id,parent_id,kind,domain,name,full_members,probationary_members\n" +
		"6ba7b810-9dad-11d1-80b4-00c04fd430c8,,committee,,某党委,30,0\n" +
		"B-7,6ba7b810-9dad-11d1-80b4-00c04fd430c8,branch,,某支部,5,0\n"))
	tree, _ := orgmodel.Build(recs)
	for _, id := range []uuid.UUID{tree.Roots()[0], orgmodel.CSVID("B-7")} {
		fmt.Println(tree.IDText(id))
	}
	// Output:
	// 6ba7b810-9dad-11d1-80b4-00c04fd430c8
	// B-7
}
