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
