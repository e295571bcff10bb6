package service_test

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dangjian-go/dangjian/internal/golden"
	"github.com/dangjian-go/dangjian/service"
)

// dueTree is a small tree with election dates: one term overdue on
// 2025-06-30, one due within six months, one not within them.
const dueTree = "编号,上级编号,组织类别,领域,名称,正式党员,预备党员,选举日期\n" +
	"jx,,党委,社区,中共进学社区委员会,0,0,2020-09-01\n" +
	"jx.1,jx,党支部,社区,进学社区第一党支部,12,1,2022-08-20\n" +
	"jx.2,jx,党支部,社区,进学社区第二党支部,8,0,2020-05-10\n"

// dueMeetings is a quarter's meetings of jx.1.
const dueMeetings = "org_id,type,date,expected,present\njx.1,支委会,2025-04-05,5,5\njx.1,党员大会,2025-05-10,13,12\n"

type dueAnswer struct {
	Items []struct {
		What   string `json:"what"`
		Org    string `json:"org"`
		Due    string `json:"due"`
		Status string `json:"status"`
		Label  string `json:"statusLabel"`
		Days   int    `json:"days"`
		Rule   string `json:"rule"`
		Period string `json:"period"`
	} `json:"items"`
	Reminders []struct {
		On   string `json:"on"`
		Item struct {
			Org string `json:"org"`
		} `json:"item"`
	} `json:"reminders"`
	Problems []struct {
		Code string `json:"code"`
		File string `json:"file"`
	} `json:"problems"`
}

// TestDueGolden checks whole answers of /v1/due.
func TestDueGolden(t *testing.T) {
	h := newHandler()
	withMeetings := assessBody(t, map[string]any{"treeCsv": dueTree, "meetingsCsv": dueMeetings})
	cases := []struct {
		name string
		q    request
		want int
	}{
		{"due-tree", request{path: "/v1/due?asOf=2025-06-30", ctype: "text/csv", body: []byte(dueTree)}, 200},
		{"due-meetings", request{path: "/v1/due?asOf=2025-06-30&until=2025-09-30", ctype: "application/json", body: withMeetings}, 200},
		{"due-csv", request{path: "/v1/due?asOf=2025-06-30", ctype: "text/csv", accept: "text/csv", body: []byte(dueTree)}, 200},
		{"due-bad-row", request{path: "/v1/due?asOf=2025-06-30", ctype: "text/csv", body: []byte(dueTree + "jx.3,jx,nonsense,社区,坏,3,0,\n")}, 200},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := do(t, h, c.q)
			assert.Equal(t, c.want, a.status, "%s", a.body)
			ext := ".json"
			if strings.HasPrefix(a.header.Get("Content-Type"), "text/csv") {
				ext = ".csv"
			}
			golden.Check(t, filepath.Join("testdata", c.name+ext+".golden"), a.body)
		})
	}
}

// TestDue reads the answer: sorted by due date, overdue first, the
// statuses and days as of the date, the reminders within the horizon.
func TestDue(t *testing.T) {
	h := newHandler()
	a := do(t, h, request{path: "/v1/due?asOf=2025-06-30", ctype: "text/csv", body: []byte(dueTree)})
	require.Equal(t, 200, a.status, "%s", a.body)
	var out dueAnswer
	require.NoError(t, json.Unmarshal(a.body, &out))
	require.Len(t, out.Items, 2, "jx.1's term (2027) is beyond the horizon of six months")
	assert.Equal(t, []any{"jx.2", "2025-05-10", "overdue", "已逾期", 51}, []any{out.Items[0].Org, out.Items[0].Due, out.Items[0].Status, out.Items[0].Label, out.Items[0].Days})
	assert.Equal(t, []any{"jx", "2025-09-01", "upcoming", 63}, []any{out.Items[1].Org, out.Items[1].Due, out.Items[1].Status, out.Items[1].Days})
	assert.Equal(t, "ORG-TERM-OVERDUE", out.Items[0].Rule)
	require.Len(t, out.Reminders, 1, "the 1-month lead of jx's term fires on 2025-08-01")
	assert.Equal(t, "2025-08-01", out.Reminders[0].On)
	assert.Equal(t, "jx", out.Reminders[0].Item.Org)

	// A longer horizon takes jx.1's term in.
	a = do(t, h, request{path: "/v1/due?asOf=2025-06-30&until=2027-12-31", ctype: "text/csv", body: []byte(dueTree)})
	require.Equal(t, 200, a.status, "%s", a.body)
	out = dueAnswer{}
	require.NoError(t, json.Unmarshal(a.body, &out))
	assert.Len(t, out.Items, 3)

	// Meetings, as a form: the quarter's owed meetings are items; the
	// tree's part alone gives no meeting items.
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	fw, _ := mw.CreateFormFile("tree", "tree.csv")
	fw.Write([]byte(dueTree))
	fw, _ = mw.CreateFormFile("meetings", "meetings.csv")
	fw.Write([]byte(dueMeetings))
	require.NoError(t, mw.Close())
	a = do(t, h, request{path: "/v1/due?asOf=2025-06-30&until=2025-09-30", ctype: mw.FormDataContentType(), body: b.Bytes()})
	require.Equal(t, 200, a.status, "%s", a.body)
	out = dueAnswer{}
	require.NoError(t, json.Unmarshal(a.body, &out))
	meetings := 0
	for i, it := range out.Items {
		if it.What == "meeting" {
			meetings++
		}
		if i > 0 {
			assert.LessOrEqual(t, out.Items[i-1].Due, it.Due, "sorted by due date")
		}
	}
	assert.Positive(t, meetings)
}

// TestDueErrors checks the requests /v1/due refuses.
func TestDueErrors(t *testing.T) {
	h := newHandler()
	cases := []struct {
		name  string
		q     request
		want  int
		codes []string
	}{
		{"bad asOf", request{path: "/v1/due?asOf=2025-02-30", ctype: "text/csv", body: []byte(dueTree)}, 400, []string{"invalid"}},
		{"until before asOf", request{path: "/v1/due?asOf=2025-06-30&until=2025-01-01", ctype: "text/csv", body: []byte(dueTree)}, 400, []string{"invalid"}},
		{"until too far", request{path: "/v1/due?asOf=2025-06-30&until=2045-01-01", ctype: "text/csv", body: []byte(dueTree)}, 400, []string{"invalid"}},
		{"tree header", request{path: "/v1/due", ctype: "text/csv", body: []byte("colour\nred\n")}, 400, nil},
		{"no organization", request{path: "/v1/due", ctype: "text/csv", body: []byte("id,parent_id,kind,domain,name,full_members,probationary_members\n")}, 422, []string{"missing"}},
		{"no tree member", request{path: "/v1/due", ctype: "application/json", body: []byte(`{"meetingsCsv":""}`)}, 400, []string{"missing"}},
		{"meetings header", request{path: "/v1/due?asOf=2025-06-30", ctype: "application/json",
			body: assessBody(t, map[string]any{"treeCsv": dueTree, "meetingsCsv": "colour\n"})}, 400, nil},
		{"media type", request{path: "/v1/due", ctype: "text/plain", body: []byte(dueTree)}, 415, []string{"unsupported_media_type"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := do(t, h, c.q)
			assert.Equal(t, c.want, a.status, "%s", a.body)
			codes := problemCodes(t, a.body)
			assert.NotEmpty(t, codes)
			if c.codes != nil {
				assert.Equal(t, c.codes, codes, "%s", a.body)
			}
		})
	}
	small := service.New(service.Options{Limits: dangjianLimits(2)})
	a := do(t, small, request{path: "/v1/due", ctype: "text/csv", body: []byte(dueTree)})
	assert.Equal(t, 413, a.status, "%s", a.body)
	slow := service.New(service.Options{Timeout: time.Nanosecond})
	a = do(t, slow, request{path: "/v1/due", ctype: "text/csv", body: []byte(dueTree)})
	assert.Equal(t, 413, a.status, "%s", a.body)
	assert.Equal(t, []string{"timeout"}, problemCodes(t, a.body))
}
