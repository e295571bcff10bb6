// Package service is the library as a JSON HTTP service, for platforms
// that are not written in Go (a Java back end calls it over HTTP) and for
// the workbench page: [New] returns an [http.Handler] that a Go program
// mounts on its own server, and examples/server is a main around it.
//
//	http.Handle("/dangjian/", http.StripPrefix("/dangjian", service.New(service.Options{})))
//
// # Routes
//
// The routes, their requests and answers are described by the OpenAPI 3.1
// document the service serves at GET /openapi.json (the file openapi.json
// of this package):
//
//   - GET / — the workbench page (the files of web/, embedded);
//   - GET /healthz — {"status": "ok"};
//   - GET /v1/rules — the rules catalogue (rules.json of the module);
//   - GET /v1/schemes, GET /v1/schemes/{name} — the reference schemes
//     (assess's and place/yanji's), each compiled once and shared;
//   - POST /v1/orgs/validate?asOf= — a tree (text/csv as orgmodel.ReadCSV
//     reads it, application/json as orgmodel.DecodeJSON reads it) → the
//     organizations, the findings of the national rules, the problems of
//     bad rows (200 when a tree was built; 422 when none could be);
//   - POST /v1/dues?date=&lang= — a roster (CSV or JSON, as examples/dues
//     reads it) → the month's ledger and its summary; with Accept:
//     text/csv the ledger as CSV (dues.WriteLedger, formula-safe cells);
//   - POST /v1/assess — {"scheme", "subjects" | "subjectsCsv", "policy",
//     "explain", "byCategory"} → the results with grades and ranks, the
//     grading, and the trace of the subject explain names;
//   - POST /v1/orglife?from=&to= — {"treeCsv", "meetingsCsv"} (or a
//     multipart form with the parts tree and meetings) → findings and the
//     summary per organization and meeting type;
//   - POST /v1/conform?kind=&date=&scheme= — {"kind", "input", "got",
//     "date", "scheme"} (or a multipart form with the files input and got
//     and the fields kind, date, scheme) → the rows on which a platform's
//     export (GOT) differs from the library's answer for INPUT, with the
//     rules and their sources and the likely causes, the summary "N of M
//     differ" and the problems of rows (package conformance/compare); with
//     Accept: text/csv the CSV report;
//   - POST /v1/due?asOf=&until=&from= — a tree (text/csv, or {"treeCsv",
//     "meetingsCsv"} or a form with the parts tree and meetings, meetings
//     optional) → what is due or overdue as of asOf (package due): term
//     ends, dispatch ends and, with meetings, the meetings owed, sorted by
//     due date, with the reminders of due.DefaultLeads that fire by until
//     (default six months after asOf, at most [MaxWindowYears] after it).
//
// Every answer carries the headers Content-Security-Policy
// ([ContentSecurityPolicy]), X-Content-Type-Options: nosniff and
// Referrer-Policy: no-referrer; no directory of the page's files is
// listed.
//
// # Errors
//
// Every error is a JSON object {"problems": [...]} of [dangjian.Problem]s
// (code, path, id, file, line, column, value, rule, message, detail): 400
// for a request that cannot be read (not JSON, a CSV header, a bad
// parameter), 404 and 405 for a route or method that does not exist, 413
// for a body over the limit, a table over its row limit or work over the
// time bound, 415 for a Content-Type the route does not read (bodies are
// UTF-8), 422 for a well-formed request the rules refuse (a scheme that
// does not compile, a tree that cannot be built), 429 when the server is
// busy (see Limits). The service never
// answers 5xx: a panic would be caught and answered 400, and the fuzz
// tests check that none occurs. In /v1/assess, a problem's file names the
// member of the request it is in ("scheme", "policy", "subjects",
// "subjectsCsv"), and its path, line and column are within that member's
// value (a scheme given as a JSON string of text: within the text).
//
// # Limits
//
// Every request is bounded ([Options]): its body by MaxBodyBytes
// ([DefaultMaxBodyBytes], 32 MiB), read whole before the work starts; each
// table by Limits (rows [DefaultMaxRecords], one row 1 MiB, problems
// listed 1,000, the rest counted); its work by Timeout ([DefaultTimeout],
// 30 s: the readers stop, the answer is 413); a scheme's compilation by
// the assess reachability budget; the window of /v1/orglife and the
// horizon of /v1/due by [MaxWindowYears]; the POST requests worked on at once by MaxInFlight
// ([DefaultMaxInFlight], 8: a request's memory is a few times its body),
// a request that waits longer than Timeout for its turn being refused
// with 429. /v1/conform and /v1/due hold their answer whole before
// writing it (a difference or an item per row of the input at most, so a
// few times the body), as every route does. A server around the handler bounds the rest (headers,
// slow clients): see examples/server.
//
// # Options
//
// The zero [Options] is usable: every limit has its documented default,
// and the clock is [time.Now].
//
// # Concurrency
//
// The handler is safe for concurrent use: the reference schemes, their
// graders and the national rule sets are compiled once and shared by every
// request (they are immutable); each request's own data is its own.
// Numbers are exact: scores and amounts are decimal strings in JSON.
package service
