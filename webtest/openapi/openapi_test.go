package openapi_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pb33f/libopenapi"
	validator "github.com/pb33f/libopenapi-validator"
	"github.com/pb33f/libopenapi-validator/errors"
	"github.com/stretchr/testify/require"

	"github.com/dangjian-go/dangjian/service"
)

// limits are the server's limits an example was made under
// (x-server-limits), for the examples of a 413.
type limits struct {
	MaxBodyBytes int64 `json:"maxBodyBytes"`
	MaxRows      int64 `json:"maxRows"`
}

// handler is the service as the document's examples were made: the same
// clock (the examples give their dates anyway) and limits.
func handler(lim ...limits) http.Handler {
	opt := service.Options{Now: func() time.Time { return time.Date(2025, 6, 30, 12, 0, 0, 0, time.UTC) }}
	for _, l := range lim {
		opt.MaxBodyBytes, opt.Limits.MaxRecords = l.MaxBodyBytes, l.MaxRows
	}
	return service.New(opt)
}

// document returns the document the service serves.
func document(t *testing.T) []byte {
	rec := httptest.NewRecorder()
	handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/openapi.json", nil))
	require.Equal(t, http.StatusOK, rec.Code)
	return rec.Body.Bytes()
}

func newValidator(t *testing.T, doc []byte) validator.Validator {
	d, err := libopenapi.NewDocument(doc)
	require.NoError(t, err)
	v, errs := validator.NewValidator(d)
	require.Empty(t, errs)
	return v
}

func describe(errs []*errors.ValidationError) string {
	var b strings.Builder
	for _, e := range errs {
		fmt.Fprintf(&b, "\n  %s: %s", e.Message, e.Reason)
		for _, s := range e.SchemaValidationErrors {
			fmt.Fprintf(&b, "\n    at %s: %s", s.FieldPath, s.Reason)
		}
	}
	return b.String()
}

// TestDocument: the document is a valid OpenAPI 3.1 document.
func TestDocument(t *testing.T) {
	doc := document(t)
	v := newValidator(t, doc)
	ok, errs := v.ValidateDocument()
	require.True(t, ok, "the document is not valid OpenAPI 3.1:%s", describe(errs))
	require.Contains(t, string(doc), `"openapi": "3.1.0"`)
}

// example is one example response of the document, with the request that
// produced it.
type example struct {
	method, path, status, media, name string
	value                             any
	limits                            *limits
	busy                              bool   // x-server-busy: the answer of a server busy with another request
	request                           string // x-request: the request target
	reqType                           string // the request example's media type, "" when it has none
	reqValue                          any
}

func examples(t *testing.T, doc []byte) []example {
	var d struct {
		Paths map[string]map[string]struct {
			RequestBody struct {
				Content map[string]struct {
					Examples map[string]struct {
						Value any `json:"value"`
					} `json:"examples"`
				} `json:"content"`
			} `json:"requestBody"`
			Responses map[string]struct {
				Content map[string]struct {
					Examples map[string]struct {
						Value   any     `json:"value"`
						Request string  `json:"x-request"`
						Limits  *limits `json:"x-server-limits"`
						Busy    bool    `json:"x-server-busy"`
					} `json:"examples"`
				} `json:"content"`
			} `json:"responses"`
		} `json:"paths"`
	}
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	require.NoError(t, dec.Decode(&d))
	var out []example
	for path, item := range d.Paths {
		for method, op := range item {
			for status, r := range op.Responses {
				for media, m := range r.Content {
					for name, ex := range m.Examples {
						e := example{method: strings.ToUpper(method), path: path, status: status, media: media, name: name,
							value: ex.Value, request: ex.Request, limits: ex.Limits, busy: ex.Busy}
						for rt, rm := range op.RequestBody.Content {
							if rex, ok := rm.Examples[name]; ok && rex.Value != nil {
								e.reqType, e.reqValue = rt, rex.Value
							}
						}
						out = append(out, e)
					}
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].path+out[i].method+out[i].status+out[i].name < out[j].path+out[j].method+out[j].status+out[j].name
	})
	return out
}

// body returns the bytes of a value of media type mt.
func body(t *testing.T, mt string, v any) []byte {
	if s, ok := v.(string); ok && mt != "application/json" {
		return []byte(s)
	}
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return b
}

// busy sends req (whose body is data) to a service whose one slot another
// request holds, a POST whose body has not ended: the answer is 429.
func busy(t *testing.T, req *http.Request, data []byte) *httptest.ResponseRecorder {
	h := service.New(service.Options{MaxInFlight: 1, Timeout: 20 * time.Millisecond})
	// The holder takes the one slot and keeps it: its body is a pipe
	// nobody writes to until the end. The service reads a body only once
	// it holds a slot, so the holder's first read says it holds it; a
	// holder that could not take the slot in time (429 itself) is started
	// again.
	var pw *io.PipeWriter
	var done chan struct{}
	for {
		var pr *io.PipeReader
		pr, pw = io.Pipe()
		started, finished := make(chan struct{}), make(chan struct{})
		done = finished
		go func() {
			defer close(finished)
			r := httptest.NewRequest(http.MethodPost, "/v1/dues", &firstRead{r: pr, started: started})
			r.Header.Set("Content-Type", "text/csv")
			h.ServeHTTP(httptest.NewRecorder(), r)
		}()
		select {
		case <-started:
		case <-finished:
			pw.Close()
			continue
		case <-time.After(10 * time.Second):
			t.Fatal("the holder request neither started nor finished")
		}
		break
	}
	defer func() { pw.Close(); <-done }()
	r := req.Clone(req.Context())
	r.Body = io.NopCloser(bytes.NewReader(data))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	return rec
}

// firstRead closes started at its first Read.
type firstRead struct {
	r       io.Reader
	started chan struct{}
	once    sync.Once
}

func (f *firstRead) Read(p []byte) (int, error) {
	f.once.Do(func() { close(f.started) })
	return f.r.Read(p)
}

// TestExamples: every example response of the document validates against
// the document; and the handler's live answer to each example request
// validates too, with the example's status.
func TestExamples(t *testing.T) {
	doc := document(t)
	v := newValidator(t, doc)
	h := handler()
	exs := examples(t, doc)
	require.NotEmpty(t, exs)
	n := 0
	for _, ex := range exs {
		t.Run(ex.method+" "+ex.path+" "+ex.status+" "+ex.name, func(t *testing.T) {
			require.NotEmpty(t, ex.request, "the example names no request (x-request)")
			// The example as the document holds it.
			req := httptest.NewRequest(ex.method, ex.request, nil)
			if ex.reqType != "" {
				req = httptest.NewRequest(ex.method, ex.request, bytes.NewReader(body(t, ex.reqType, ex.reqValue)))
				req.Header.Set("Content-Type", ex.reqType)
			}
			code := 0
			fmt.Sscan(ex.status, &code)
			resp := &http.Response{StatusCode: code, Header: http.Header{"Content-Type": {ex.media + "; charset=utf-8"}},
				Body: io.NopCloser(bytes.NewReader(body(t, ex.media, ex.value))), Request: req}
			ok, errs := v.ValidateHttpResponse(req, resp)
			require.True(t, ok, "the example does not validate:%s", describe(errs))
			n++
			if ex.reqType == "" && ex.method != http.MethodGet {
				return // a request the document does not hold (text that is not JSON, another media type)
			}
			// The live answer.
			var live *http.Request
			if ex.reqType != "" {
				live = httptest.NewRequest(ex.method, ex.request, bytes.NewReader(body(t, ex.reqType, ex.reqValue)))
				live.Header.Set("Content-Type", ex.reqType)
			} else {
				live = httptest.NewRequest(ex.method, ex.request, nil)
			}
			if ex.media == "text/csv" {
				live.Header.Set("Accept", "text/csv")
			}
			if strings.HasPrefix(ex.status, "2") {
				check := live.Clone(live.Context())
				if ex.reqType != "" {
					check.Body = io.NopCloser(bytes.NewReader(body(t, ex.reqType, ex.reqValue)))
				}
				ok, errs := v.ValidateHttpRequest(check)
				require.True(t, ok, "the example request does not validate:%s", describe(errs))
			}
			rec := httptest.NewRecorder()
			switch {
			case ex.busy:
				rec = busy(t, live, body(t, ex.reqType, ex.reqValue))
			case ex.limits != nil:
				handler(*ex.limits).ServeHTTP(rec, live)
			default:
				h.ServeHTTP(rec, live)
			}
			require.Equal(t, ex.status, fmt.Sprint(rec.Code), "%s", rec.Body.Bytes())
			ok, errs = v.ValidateHttpResponse(live, rec.Result())
			require.True(t, ok, "the live answer does not validate:%s", describe(errs))
		})
	}
	t.Logf("%d example responses validated", n)
}
