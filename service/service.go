package service

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"io/fs"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/orgmodel"
)

// DefaultMaxBodyBytes is the largest request body the service reads when
// [Options.MaxBodyBytes] is 0: 32 MiB. A larger body is refused with 413
// and one problem of kind [ErrTooLarge].
const DefaultMaxBodyBytes = 32 << 20

// DefaultTimeout bounds the work of one request when [Options.Timeout] is
// 0: 30 seconds. A request whose work outlasts it is refused with 413 and
// one problem of kind [ErrTimeout].
const DefaultTimeout = 30 * time.Second

// DefaultMaxRecords bounds the rows or records of every table of one
// request when [Options.Limits] leaves MaxRecords 0: 1,000,000 (a body of
// [DefaultMaxBodyBytes] holds fewer rows of any real table).
const DefaultMaxRecords = 1_000_000

// MaxWindowYears bounds the window of /v1/orglife: at most ten years, so
// that the periods checked stay bounded by the tree.
const MaxWindowYears = 10

// DefaultMaxInFlight is the number of POST requests worked on at once when
// [Options.MaxInFlight] is 0: 8. A request's memory is a few times its
// body (a 7 MB roster of 200,000 members answers 100 MB of JSON), so this
// bounds the memory of the requests in flight.
const DefaultMaxInFlight = 8

// Options configures the service. The zero value is usable: every limit
// has its documented default.
type Options struct {
	// MaxBodyBytes bounds a request's body; 0 or less means
	// [DefaultMaxBodyBytes].
	MaxBodyBytes int64
	// Limits bounds the reading of every table of a request (rows or
	// records, one record's bytes, the problems listed), as the library's
	// readers apply them. MaxRecords 0 means [DefaultMaxRecords]; the
	// other fields have the defaults of [dangjian.Limits]. MaxBytes is
	// always the body limit. A negative value (no limit) is taken as the
	// default: a service does not read without bounds.
	Limits dangjian.Limits
	// Timeout bounds the work of one request; 0 or less means
	// [DefaultTimeout].
	Timeout time.Duration
	// MaxInFlight bounds the POST requests worked on at once; 0 or less
	// means [DefaultMaxInFlight]. A request waits for its turn within its
	// Timeout, and is refused with 429 and a problem of kind [ErrBusy]
	// when none comes.
	MaxInFlight int
	// Now returns the current time, for the default asOf and date
	// parameters (today); nil means [time.Now].
	Now func() time.Time
}

// maxBody returns the body limit.
func (o Options) maxBody() int64 {
	if o.MaxBodyBytes <= 0 {
		return DefaultMaxBodyBytes
	}
	return o.MaxBodyBytes
}

// limits returns the reading limits of one request.
func (o Options) limits() dangjian.Limits {
	l := o.Limits
	if l.MaxRecords <= 0 {
		l.MaxRecords = DefaultMaxRecords
	}
	if l.MaxRecordBytes < 0 {
		l.MaxRecordBytes = 0
	}
	if l.MaxProblems < 0 {
		l.MaxProblems = 0
	}
	l.MaxBytes = o.maxBody()
	return l
}

func (o Options) timeout() time.Duration {
	if o.Timeout <= 0 {
		return DefaultTimeout
	}
	return o.Timeout
}

func (o Options) maxInFlight() int {
	if o.MaxInFlight <= 0 {
		return DefaultMaxInFlight
	}
	return o.MaxInFlight
}

func (o Options) today() dangjian.Date {
	if o.Now == nil {
		return dangjian.DateOf(time.Now())
	}
	return dangjian.DateOf(o.Now())
}

//go:embed web
var webFS embed.FS

//go:embed openapi.json
var openAPI []byte

// server is the service: its options and what every request shares.
type server struct {
	opt Options
	lim dangjian.Limits
	mux *http.ServeMux
	// web holds the page's files; files serves them.
	web   fs.FS
	files http.Handler
	// slots holds a token for each POST request worked on.
	slots chan struct{}

	// validator holds the national rules of organization, compiled once.
	validator *orgmodel.Validator
	// schemes are the reference schemes, each compiled once on first use.
	schemes *schemeSet

	rulesOnce sync.Once
	rulesJSON []byte
	rulesErr  error
}

// New returns the service's handler: the JSON API under /v1/, the OpenAPI
// document at /openapi.json, /healthz, and the workbench page at /. The
// handler is safe for concurrent use; it holds the compiled reference
// schemes and rule sets, shared by every request.
func New(opt Options) http.Handler {
	web, _ := fs.Sub(webFS, "web")
	return newServer(opt, web)
}

// newServer returns the service with the page's files in web.
func newServer(opt Options, web fs.FS) *server {
	s := &server{opt: opt, lim: opt.limits(), mux: http.NewServeMux(), schemes: newSchemeSet(),
		slots: make(chan struct{}, opt.maxInFlight())}
	v, err := orgmodel.NewValidator(orgmodel.NationalRules())
	if err == nil {
		s.validator = v
	}
	s.web = web
	s.files = http.FileServerFS(s.web)
	s.mux.HandleFunc("GET /", s.page)
	s.mux.HandleFunc("GET /healthz", s.healthz)
	s.mux.HandleFunc("GET /openapi.json", s.openapi)
	s.mux.HandleFunc("GET /v1/rules", s.rules)
	s.mux.HandleFunc("GET /v1/schemes", s.listSchemes)
	s.mux.HandleFunc("GET /v1/schemes/{name}", s.getScheme)
	s.mux.HandleFunc("POST /v1/orgs/validate", s.orgsValidate)
	s.mux.HandleFunc("POST /v1/dues", s.dues)
	s.mux.HandleFunc("POST /v1/assess", s.assess)
	s.mux.HandleFunc("POST /v1/orglife", s.orglife)
	s.mux.HandleFunc("POST /v1/conform", s.conform)
	s.mux.HandleFunc("POST /v1/due", s.due)
	return s
}

// ServeHTTP routes a request, bounds its work by the timeout, answers a
// route that does not exist or a method it does not take with a problem,
// and turns a panic into a 400 problem (a last resort: the handlers do not
// panic, and the fuzz tests check that it never fires).
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	setSecurityHeaders(w.Header())
	ctx, cancel := context.WithTimeout(r.Context(), s.opt.timeout())
	defer cancel()
	r = r.WithContext(ctx)
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			recovered.Add(1)
			writeProblems(w, http.StatusBadRequest, dangjian.Problems{{Kind: dangjian.ErrInvalid,
				Detail: "the request could not be handled"}})
		}
	}()
	h, pattern := s.mux.Handler(r)
	if pattern == "GET /" && (strings.HasPrefix(r.URL.Path, "/v1/") || r.URL.Path == "/v1") {
		s.notFound(w, r) // the API's 404 is a problem, not the page's
		return
	}
	if pattern == "" {
		// The mux's own 404 or 405: find which, and answer with a problem.
		rec := &statusRecorder{header: http.Header{}}
		h.ServeHTTP(rec, r)
		switch rec.status {
		case http.StatusMethodNotAllowed:
			allow := rec.header.Get("Allow")
			if strings.HasPrefix(r.URL.Path, "/v1/") {
				// GET there is the page's pattern, which answers 404.
				allow = strings.TrimPrefix(allow, "GET, HEAD, ")
			}
			w.Header().Set("Allow", allow)
			writeProblems(w, http.StatusMethodNotAllowed, dangjian.Problems{{Kind: ErrMethod, Value: dangjian.Cut(r.Method),
				Detail: "this route takes " + allow}})
		default:
			s.notFound(w, r)
		}
		return
	}
	if r.Method == http.MethodPost {
		select {
		case s.slots <- struct{}{}: // a free slot, even when the time is up
		default:
			select {
			case s.slots <- struct{}{}:
			case <-ctx.Done():
				writeProblems(w, http.StatusTooManyRequests, dangjian.Problems{{Kind: ErrBusy,
					Value: strconv.Itoa(s.opt.maxInFlight()), Detail: "the server works on that many requests at once and none finished in time; try again later"}})
				return
			}
		}
		defer func() { <-s.slots }()
	}
	s.mux.ServeHTTP(w, r) // not h: the mux sets the path's values
}

// ContentSecurityPolicy is the Content-Security-Policy of every answer:
// the workbench page has no inline script, style or handler and loads
// nothing from another origin (its empty icon is a data: URL), so a
// script injected through a malicious name could not run.
const ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// setSecurityHeaders sets the headers every answer carries: the
// [ContentSecurityPolicy], X-Content-Type-Options: nosniff and
// Referrer-Policy: no-referrer.
func setSecurityHeaders(h http.Header) {
	h.Set("Content-Security-Policy", ContentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
}

// statusRecorder keeps the status and the headers the mux's own 404 or 405
// handler writes.
type statusRecorder struct {
	header http.Header
	status int
}

func (r *statusRecorder) Header() http.Header         { return r.header }
func (r *statusRecorder) Write(b []byte) (int, error) { return len(b), nil }
func (r *statusRecorder) WriteHeader(code int)        { r.status = code }

func (s *server) notFound(w http.ResponseWriter, r *http.Request) {
	writeProblems(w, http.StatusNotFound, dangjian.Problems{{Kind: ErrNotFound, Value: dangjian.Cut(r.URL.Path)}})
}

// page serves the workbench's files; a file that is not there is a 404
// problem, as on every route, and so is a directory other than the root
// (whose index.html is the page): no directory is ever listed.
func (s *server) page(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" {
		name = "."
	}
	if fi, err := fs.Stat(s.web, name); err != nil || fi.IsDir() && name != "." {
		s.notFound(w, r)
		return
	}
	s.files.ServeHTTP(w, r)
}

func (s *server) healthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (s *server) openapi(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Write(openAPI)
}

// writeJSON writes v as JSON with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	data, err := marshal(v)
	if err != nil {
		// Nothing the service encodes fails to encode; should it, the
		// client gets a problem, not a broken body.
		status = http.StatusUnprocessableEntity
		data, _ = marshal(problemsBody{Problems: dangjian.Problems{{Kind: dangjian.ErrInvalid, Detail: "the answer could not be encoded"}}})
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	w.Write(data)
}

func marshal(v any) ([]byte, error) {
	var b jsonBuffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	err := enc.Encode(v)
	return b.data, err
}

type jsonBuffer struct{ data []byte }

func (b *jsonBuffer) Write(p []byte) (int, error) { b.data = append(b.data, p...); return len(p), nil }

// problemsBody is the body of every error: {"problems": [...]}.
type problemsBody struct {
	Problems dangjian.Problems `json:"problems"`
}

// writeProblems answers with status and the problems.
func writeProblems(w http.ResponseWriter, status int, ps dangjian.Problems) {
	if ps == nil {
		ps = dangjian.Problems{}
	}
	writeJSON(w, status, problemsBody{ps})
}

// fail answers a request that cannot go on: the status follows the
// problems' kinds ([statusOf]), a timeout first.
func (s *server) fail(w http.ResponseWriter, r *http.Request, ps dangjian.Problems, status int) {
	if r.Context().Err() != nil {
		s.timedOut(w)
		return
	}
	c := dangjian.NewProblemCap(s.lim.Problems())
	c.AddAll(ps)
	writeProblems(w, statusOf(ps, status), c.Problems())
}

// timedOut answers a request whose work outlasted the timeout.
func (s *server) timedOut(w http.ResponseWriter) {
	writeProblems(w, http.StatusRequestEntityTooLarge, dangjian.Problems{{Kind: ErrTimeout,
		Value: s.opt.timeout().String(), Detail: "the request's work took longer than the service allows; send less at a time"}})
}

// statusOf returns 413 when a problem is a limit of the reading (not the
// last problem of a capped list, which only counts the problems not
// listed), else status.
func statusOf(ps dangjian.Problems, status int) int {
	for _, p := range ps {
		if errors.Is(p, dangjian.ErrLimit) && !isMoreCount(p) {
			return http.StatusRequestEntityTooLarge
		}
	}
	return status
}

// isMoreCount reports whether p is the problem [dangjian.ProblemCap] adds
// to count the problems not listed.
func isMoreCount(p *dangjian.Problem) bool {
	return p.Kind == dangjian.ErrLimit && p.Line == 0 && p.Path == "" && strings.Contains(p.Detail, "more problems not listed")
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
