// Command server serves the library as a JSON HTTP service, with its
// OpenAPI document and the workbench page ([service.New]).
//
// Usage:
//
//	server [-addr 127.0.0.1:8080] [-max-body bytes] [-timeout 30s] [-max-in-flight N]
//	       [-max-rows N] [-max-record-bytes N] [-max-problems N]
//
// The service answers:
//
//   - GET / — the workbench page; GET /openapi.json — the OpenAPI 3.1
//     document of the API; GET /healthz — {"status": "ok"};
//   - GET /v1/rules — the rules catalogue (rules.json);
//   - GET /v1/schemes and GET /v1/schemes/{name} — the reference schemes;
//   - POST /v1/orgs/validate?asOf=YYYY-MM-DD — a tree (text/csv or
//     application/json) → its organizations, findings and problems;
//   - POST /v1/dues?date=YYYY-MM-DD — a roster (text/csv or
//     application/json) → the ledger and its summary (Accept: text/csv:
//     the ledger CSV);
//   - POST /v1/assess — a scheme (a reference name or a scheme object) and
//     subjects → results, grades and ranks, a trace with "explain";
//   - POST /v1/orglife?from=&to= — a tree and meetings → findings and a
//     summary;
//   - POST /v1/conform?kind=&date=&scheme= — INPUT and a platform's export
//     (GOT) → the rows that differ, with rules, sources and likely causes;
//   - POST /v1/due?asOf=&until= — a tree and optionally meetings → what is
//     due or overdue, with reminders.
//
// See examples/server/README.md for curl examples, the limits, a Java
// client and the deployment notes.
//
// Limits: a request body may hold at most -max-body bytes (default 32 MiB;
// larger: 413); a request's work at most -timeout (default 30s; longer:
// 413); at most -max-in-flight POST requests (default 8) are worked on at
// once, and one that waits longer than -timeout for its turn is refused
// with 429; every table at most -max-rows rows (default 1,000,000), one row at
// most -max-record-bytes (default 1 MiB), and at most -max-problems
// problems are listed (default 1,000), the rest counted. The server itself
// bounds a request's headers (ReadHeaderTimeout 10s, 1 MiB), the reading of
// its body (ReadTimeout: -timeout plus 30s), the writing of the answer
// (WriteTimeout: twice -timeout plus 30s) and an idle connection
// (IdleTimeout 2m).
//
// On SIGINT or SIGTERM the server stops taking connections, lets the
// requests in flight finish (at most -timeout plus 5s) and exits 0. Exit
// status: 0 after a graceful shutdown; 1 when it cannot listen or the
// shutdown outlasts its deadline; 2 for bad flags.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/dangjian-go/dangjian/service"
)

// Exit statuses.
const (
	exitOK    = 0 // a graceful shutdown
	exitServe = 1 // cannot listen, or the shutdown failed
	exitUsage = 2 // bad flags
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stderr, nil))
}

// config is what the flags say.
type config struct {
	addr string
	opt  service.Options
}

func parseFlags(args []string, stderr io.Writer) (config, int, bool) {
	var cfg config
	fs := flag.NewFlagSet("server", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.addr, "addr", "127.0.0.1:8080", "listen on this `address` (host:port; :8080 for every interface)")
	fs.Int64Var(&cfg.opt.MaxBodyBytes, "max-body", service.DefaultMaxBodyBytes, "the most `bytes` a request body may hold (413 beyond)")
	fs.DurationVar(&cfg.opt.Timeout, "timeout", service.DefaultTimeout, "the longest a request's work may take (413 beyond)")
	fs.Int64Var(&cfg.opt.Limits.MaxRecords, "max-rows", 0, "the most rows (or records) of a table of a request; 0: the default, 1,000,000")
	fs.IntVar(&cfg.opt.Limits.MaxRecordBytes, "max-record-bytes", 0, "the most `bytes` one row or record may take; 0: the default, 1 MiB")
	fs.IntVar(&cfg.opt.Limits.MaxProblems, "max-problems", 0, "the most problems listed in an answer, the rest counted; 0: the default, 1,000")
	fs.IntVar(&cfg.opt.MaxInFlight, "max-in-flight", service.DefaultMaxInFlight, "the most POST requests worked on at once (429 for one that waits longer than -timeout)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: server [-addr host:port] [-max-body bytes] [-timeout 30s] [-max-in-flight N] [-max-rows N] [-max-record-bytes N] [-max-problems N]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return cfg, exitOK, false
		}
		return cfg, exitUsage, false
	}
	fail := func(format string, a ...any) (config, int, bool) {
		fmt.Fprintf(stderr, "server: "+format+"\n", a...)
		fs.Usage()
		return cfg, exitUsage, false
	}
	switch {
	case fs.NArg() > 0:
		return fail("unexpected argument %q", fs.Arg(0))
	case cfg.opt.MaxBodyBytes <= 0:
		return fail("-max-body %d: must be positive", cfg.opt.MaxBodyBytes)
	case cfg.opt.Timeout <= 0:
		return fail("-timeout %s: must be positive", cfg.opt.Timeout)
	case cfg.opt.MaxInFlight <= 0:
		return fail("-max-in-flight %d: must be positive", cfg.opt.MaxInFlight)
	case cfg.opt.Limits.MaxRecords < 0 || cfg.opt.Limits.MaxRecordBytes < 0 || cfg.opt.Limits.MaxProblems < 0:
		return fail("-max-rows, -max-record-bytes and -max-problems must not be negative: a server reads within bounds")
	}
	return cfg, exitOK, true
}

// run serves until ctx is done, then shuts down. ready, if not nil,
// receives the address listened on.
func run(ctx context.Context, args []string, stderr io.Writer, ready chan<- string) int {
	cfg, status, ok := parseFlags(args, stderr)
	if !ok {
		return status
	}
	logger := log.New(stderr, "server: ", log.LstdFlags)
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		logger.Print(err)
		return exitServe
	}
	srv := &http.Server{
		Handler:           service.New(cfg.opt),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       cfg.opt.Timeout + 30*time.Second,
		WriteTimeout:      2*cfg.opt.Timeout + 30*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    1 << 20,
		ErrorLog:          logger,
	}
	logger.Printf("listening on http://%s", ln.Addr())
	if ready != nil {
		ready <- ln.Addr().String()
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		logger.Print(err)
		return exitServe
	case <-ctx.Done():
	}
	logger.Print("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), cfg.opt.Timeout+5*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		logger.Printf("shutdown: %v", err)
		return exitServe
	}
	return exitOK
}
