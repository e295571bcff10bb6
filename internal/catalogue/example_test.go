package catalogue_test

import (
	"fmt"
	"strings"

	"github.com/dangjian-go/dangjian/internal/catalogue"
)

// Build lists every rule with its value, window and source.
func ExampleBuild() {
	cat, err := catalogue.Build()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range cat.Rules {
		if e.ID == "DUES-CAP-1000" {
			fmt.Println(e.ID, "|", e.Value, "|", e.Modality, "|", e.Period.From)
			fmt.Println(e.Source.Doc, e.Source.Article, "|", e.Source.Confidence)
			fmt.Println(e.Table)
		}
	}
	// Output:
	// DUES-CAP-1000 | at most 1000.00 元 a month; voluntary payments above it allowed | usually | 2017-01-01
	// 中共中央组织部办公厅《关于进一步规范党费工作的通知》（组电明字〔2017〕5号） （一） | verified
	// funding.Dues2017
}

// Markdown renders a page with one table per family.
func ExampleMarkdown() {
	md := catalogue.Markdown(catalogue.Catalogue{Rules: []catalogue.Entry{{
		Area: "funding", Family: "Dues cap", Table: "funding.Dues2017", ID: "DUES-CAP-1000",
		Value: "at most 1000.00 元 a month", Modality: "usually", Period: catalogue.Period{From: "2017-01-01"},
		Source: catalogue.Source{Doc: "组电明字〔2017〕5号", Article: "（一）", Confidence: "verified"},
	}}})
	_, table, _ := strings.Cut(string(md), "### Dues cap\n")
	fmt.Print(table)
	// Output:
	// From `funding.Dues2017`.
	//
	// | ID | Value | Modality | In force | Source | Confidence |
	// | --- | --- | --- | --- | --- | --- |
	// | `DUES-CAP-1000` | at most 1000.00 元 a month | usually | [2017-01-01, …) | 组电明字〔2017〕5号 （一） | verified |
}
