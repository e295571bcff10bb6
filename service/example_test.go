package service_test

import (
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"strings"

	"github.com/dangjian-go/dangjian/service"
)

// New returns a handler to mount on a server; here a test server, which
// validates a tree of two organizations posted as CSV.
func ExampleNew() {
	srv := httptest.NewServer(service.New(service.Options{}))
	defer srv.Close()
	tree := "id,parent_id,kind,domain,name,full_members,probationary_members\n" +
		"c,,committee,community,社区党委,5,0\n" +
		"c.1,c,branch,community,第一党支部,2,0\n"
	resp, err := srv.Client().Post(srv.URL+"/v1/orgs/validate?asOf=2025-06-30", "text/csv", strings.NewReader(tree))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()
	var out struct {
		Findings []struct{ Rule, Subject string }
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(resp.Status, resp.Header.Get("Content-Type"))
	for _, f := range out.Findings {
		fmt.Println(f.Subject, f.Rule)
	}
	// Output:
	// 200 OK application/json; charset=utf-8
	// c ORG-CMTE-BELOW-100-OTHER
	// c.1 ORG-BRANCH-MIN-3
}

// POST /v1/conform compares a platform's export with the library's answer
// for the same roster: each row that differs with its likely cause, and
// the summary.
func ExampleNew_conform() {
	srv := httptest.NewServer(service.New(service.Options{}))
	defer srv.Close()
	body, _ := json.Marshal(map[string]string{"kind": "dues", "date": "2024-06-01",
		"input": "编号,姓名,党员类别,计算基数\n1,甲,在职,1003\n2,乙,在职,2000\n",
		"got":   "编号,党费\n1,5.01\n2,10.00\n"})
	resp, err := srv.Client().Post(srv.URL+"/v1/conform", "application/json", strings.NewReader(string(body)))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()
	var out struct {
		Differences []struct {
			ID, Library, Platform string
			CauseLabels           []string
		}
		Summary string
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range out.Differences {
		fmt.Println(d.ID, d.Library, d.Platform, d.CauseLabels[0])
	}
	fmt.Println(out.Summary)
	// Output:
	// 1 5.02 5.01 浮点: BigDecimal(double) 四舍五入
	// 1 of 2 differ
}

// POST /v1/due lists what is due or overdue as of a date: here a branch
// whose five-year term ended in May.
func ExampleNew_due() {
	srv := httptest.NewServer(service.New(service.Options{}))
	defer srv.Close()
	tree := "id,parent_id,kind,domain,name,full_members,probationary_members,elected\n" +
		"c,,committee,community,社区党委,0,0,2023-03-01\n" +
		"c.1,c,branch,community,第一党支部,5,0,2020-05-10\n"
	resp, err := srv.Client().Post(srv.URL+"/v1/due?asOf=2025-06-30", "text/csv", strings.NewReader(tree))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()
	var out struct {
		Items []struct {
			Org, Due, StatusLabel string
			Days                  int
		}
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		fmt.Println(err)
		return
	}
	for _, it := range out.Items {
		fmt.Println(it.Org, it.Due, it.StatusLabel, it.Days)
	}
	// Output:
	// c.1 2025-05-10 已逾期 51
}
