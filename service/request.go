package service

import (
	"context"
	"errors"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/dangjian-go/dangjian"
)

// media types the routes read.
const (
	typeCSV       = "text/csv"
	typeJSON      = "application/json"
	typeMultipart = "multipart/form-data"
)

// readBody reads the request's body whole, at most the body limit. It
// answers the request itself and returns false when the body is too large
// or cannot be read.
func (s *server) readBody(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	max := s.opt.maxBody()
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, max))
	if err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			writeProblems(w, http.StatusRequestEntityTooLarge, dangjian.Problems{{Kind: ErrTooLarge,
				Value:  dangjian.Cut(r.Header.Get("Content-Length")),
				Detail: "the body may hold at most " + byteSize(max) + " (the server's -max-body)"}})
			return nil, false
		}
		if r.Context().Err() != nil {
			s.timedOut(w)
			return nil, false
		}
		writeProblems(w, http.StatusBadRequest, dangjian.Problems{{Kind: dangjian.ErrSyntax,
			Detail: "the body cannot be read: " + err.Error()}})
		return nil, false
	}
	return data, true
}

// byteSize writes n bytes for a message: in MiB when it is a whole number
// of them.
func byteSize(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return itoa(n>>20) + " MiB"
	}
	return itoa(n) + " bytes"
}

// mediaType returns the request's media type, lower case, if it is one of
// want; otherwise it answers 415 with a problem naming what the route
// reads, and returns false.
func mediaType(w http.ResponseWriter, r *http.Request, want ...string) (string, map[string]string, bool) {
	ct := r.Header.Get("Content-Type")
	mt, params, err := mime.ParseMediaType(ct)
	if err == nil {
		mt = strings.ToLower(mt)
		for _, t := range want {
			if mt == t {
				if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") && !strings.EqualFold(cs, "utf8") {
					writeProblems(w, http.StatusUnsupportedMediaType, dangjian.Problems{{Kind: ErrMediaType, Path: "Content-Type",
						Value: dangjian.Cut(ct), Detail: "the body must be UTF-8 (charset=utf-8, or no charset)"}})
					return "", nil, false
				}
				return mt, params, true
			}
		}
	}
	writeProblems(w, http.StatusUnsupportedMediaType, dangjian.Problems{{Kind: ErrMediaType, Path: "Content-Type",
		Value: dangjian.Cut(ct), Detail: "want " + strings.Join(want, " or ")}})
	return "", nil, false
}

// dateParam returns the query parameter name as a date, or def when it is
// absent. A date that does not parse is answered with 400 and false.
func dateParam(w http.ResponseWriter, r *http.Request, name string, def dangjian.Date, required bool) (dangjian.Date, bool) {
	v := r.URL.Query().Get(name)
	if v == "" {
		if required {
			writeProblems(w, http.StatusBadRequest, dangjian.Problems{{Kind: dangjian.ErrMissing, Path: name,
				Detail: "the query parameter " + name + "=YYYY-MM-DD is required"}})
			return dangjian.Date{}, false
		}
		return def, true
	}
	d, err := dangjian.ParseDate(v)
	if err != nil {
		writeProblems(w, http.StatusBadRequest, dangjian.Problems{{Kind: dangjian.ErrInvalid, Path: name, Value: dangjian.Cut(v),
			Detail: "want a date YYYY-MM-DD"}})
		return dangjian.Date{}, false
	}
	return d, true
}

// ctxReader reads r until ctx is done: then every read fails, so that a
// reader of the body stops within the request's time bound.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// inPart returns the problems with file set to part where they name none:
// the member of the request they are about.
func inPart(ps dangjian.Problems, part string) dangjian.Problems {
	out := make(dangjian.Problems, len(ps))
	for i, p := range ps {
		q := *p
		if q.File == "" {
			q.File = part
		}
		out[i] = &q
	}
	return out
}

// problemsIn returns the problems err holds; false when it holds none
// (an error of reading, not of the input).
func problemsIn(err error) (dangjian.Problems, bool) {
	var ps dangjian.Problems
	if errors.As(err, &ps) {
		return ps, true
	}
	var p *dangjian.Problem
	if errors.As(err, &p) {
		return dangjian.Problems{p}, true
	}
	return nil, false
}

// problemsOf returns the problems of err, or one problem holding its text.
func problemsOf(err error) dangjian.Problems {
	if ps, ok := problemsIn(err); ok {
		return ps
	}
	return dangjian.Problems{{Kind: dangjian.ErrInvalid, Detail: err.Error()}}
}
