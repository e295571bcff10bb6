package service

import (
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"time"
)

// holdSlot makes a POST take one of h's in-flight slots and keep it: its
// body is a pipe nobody writes to. The service reads a body only once the
// request holds a slot, so the first read says it holds one; a request
// that could not take a slot in time (answered 429 itself) is sent again.
// release ends the request and waits for it.
func holdSlot(h http.Handler) (release func()) {
	for {
		pr, pw := io.Pipe()
		started, finished := make(chan struct{}), make(chan struct{})
		go func() {
			defer close(finished)
			req := httptest.NewRequest(http.MethodPost, "/v1/dues", &firstRead{r: pr, started: started})
			req.Header.Set("Content-Type", typeCSV)
			h.ServeHTTP(httptest.NewRecorder(), req)
		}()
		select {
		case <-started:
			return func() { pw.Close(); <-finished }
		case <-finished:
			pw.Close()
		case <-time.After(30 * time.Second):
			panic("holdSlot: the request neither started nor finished")
		}
	}
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
