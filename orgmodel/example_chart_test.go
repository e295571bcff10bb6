package orgmodel_test

import (
	"fmt"
	"os"

	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/google/uuid"
)

// chartExampleTree returns a committee with a branch and a party group,
// under fixed IDs so that the node identifiers are stable.
func chartExampleTree() *orgmodel.Tree {
	firm := uuid.MustParse("00000000-0000-0000-0000-00000000000a")
	branch := uuid.MustParse("00000000-0000-0000-0000-00000000000b")
	group := uuid.MustParse("00000000-0000-0000-0000-00000000000c")
	tree, err := orgmodel.Build(orgmodel.Records{Orgs: []orgmodel.Org{
		{ID: firm, Kind: orgmodel.Committee, Name: `某公司党委 "示范点"`, Members: orgmodel.Members{Full: 3}},
		{ID: branch, Parent: firm, Kind: orgmodel.Branch, Name: "第一党支部", Members: orgmodel.Members{Full: 12, Probationary: 1}},
		{ID: group, Parent: branch, Kind: orgmodel.PartyGroup, Name: "<一组>", Members: orgmodel.Members{Full: 4}},
	}})
	if err != nil {
		panic(err)
	}
	return tree
}

func ExampleWriteMermaid() {
	tree := chartExampleTree()
	err := orgmodel.WriteMermaid(os.Stdout, tree, uuid.Nil, orgmodel.ChartOptions{Kinds: true, Members: true})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// flowchart TD
	//     n0000000000000000000000000000000a["某公司党委 #34;示范点#34;<br>党委 · 正式15 预备1"]:::committee
	//     n0000000000000000000000000000000b("第一党支部<br>党支部 · 正式12 预备1"):::branch
	//     n0000000000000000000000000000000a --> n0000000000000000000000000000000b
	//     n0000000000000000000000000000000c(["#60;一组#62;<br>党小组 · 正式4 预备0"]):::party_group
	//     n0000000000000000000000000000000b --> n0000000000000000000000000000000c
	//     classDef committee fill:#fff3cd,stroke:#997404
	//     classDef branch fill:#cfe2ff,stroke:#0a58ca
	//     classDef party_group fill:#f8f9fa,stroke:#495057
}

func ExampleWriteDOT() {
	tree := chartExampleTree()
	firm := tree.Roots()[0]
	err := orgmodel.WriteDOT(os.Stdout, tree, firm, orgmodel.ChartOptions{MaxDepth: 1})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// digraph orgchart {
	//     graph [charset="UTF-8", rankdir=TB];
	//     node [fontsize=12];
	//     n0000000000000000000000000000000a [label="某公司党委 \"示范点\"", shape=box, style="filled", fillcolor="#fff3cd", color="#997404"];
	//     n0000000000000000000000000000000b [label="第一党支部", shape=box, style="rounded,filled", fillcolor="#cfe2ff", color="#0a58ca"];
	//     n0000000000000000000000000000000a -> n0000000000000000000000000000000b;
	// }
}

func ExampleWriteDOT_unknownRoot() {
	tree := chartExampleTree()
	err := orgmodel.WriteDOT(os.Stdout, tree, uuid.MustParse("00000000-0000-0000-0000-0000000000ff"), orgmodel.ChartOptions{})
	fmt.Println(err)
	// Output:
	// root: refers to an unknown ID ("00000000-0000-0000-0000-0000000000ff")
}
