#!/usr/bin/env bash
# CI step for examples/server (.ci/run runs it from the module root): a
# server never exits by itself, so instead of a plain go run this builds
# it, starts it on a free port, waits until it answers, asks it for the
# OpenAPI document and the page, posts the examples' samples to
# /v1/assess, /v1/orgs/validate, /v1/dues, /v1/conform and /v1/due (each
# must answer 200), checks the page's security headers, and posts
# junk (which must answer 4xx with problems, never 5xx), then sends
# SIGTERM and checks that the server exits 0 within a few seconds.
set -uo pipefail
dir=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null; fi
  rm -rf "$dir"
}
trap cleanup EXIT
fail() { echo "examples/server: $*" >&2; [ -f "$dir/log" ] && cat "$dir/log" >&2; exit 1; }

go build -o "$dir/server" ./examples/server || fail "build failed"
"$dir/server" -addr 127.0.0.1:0 2>"$dir/log" &
pid=$!

# The server logs the address it listens on.
base=
for _ in $(seq 1 100); do
  base=$(sed -n 's/.*listening on \(http:\/\/[0-9.:]*\).*/\1/p' "$dir/log" | head -n1)
  [ -n "$base" ] && break
  kill -0 "$pid" 2>/dev/null || fail "the server exited before listening"
  sleep 0.1
done
[ -n "$base" ] || fail "the server did not say where it listens"
for _ in $(seq 1 50); do
  curl -fsS "$base/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done

# expect STATUS METHOD PATH [curl args...]: the answer's status must be STATUS.
expect() {
  local want=$1 method=$2 path=$3; shift 3
  local got
  got=$(curl -sS -o "$dir/body" -w '%{http_code}' -X "$method" "$@" "$base$path") || fail "$method $path: curl failed"
  [ "$got" = "$want" ] || fail "$method $path: status $got, want $want: $(head -c 600 "$dir/body")"
}
# expect4xx METHOD PATH [curl args...]: a 4xx answer with problems.
expect4xx() {
  local method=$1 path=$2; shift 2
  local got
  got=$(curl -sS -o "$dir/body" -w '%{http_code}' -X "$method" "$@" "$base$path") || fail "$method $path: curl failed"
  case "$got" in 4??) ;; *) fail "$method $path: status $got, want 4xx: $(head -c 600 "$dir/body")" ;; esac
  grep -q '"problems"' "$dir/body" || fail "$method $path: a $got without problems"
}

expect 200 GET /openapi.json
grep -q '"openapi": "3.1.0"' "$dir/body" || fail "/openapi.json is not the OpenAPI 3.1 document"
expect 200 GET /
expect 200 GET /v1/schemes
expect 200 POST '/v1/orgs/validate?asOf=2025-06-30' -H 'Content-Type: text/csv' --data-binary @examples/orgchart/testdata/tree.csv
grep -q '"findings"' "$dir/body" || fail "/v1/orgs/validate: no findings"
expect 200 POST '/v1/dues?date=2024-06-01' -H 'Content-Type: text/csv' --data-binary @examples/dues/testdata/sample.csv
grep -q '"ledger"' "$dir/body" || fail "/v1/dues: no ledger"
expect 200 POST '/v1/dues?date=2024-06-01&lang=zh' -H 'Content-Type: text/csv' -H 'Accept: text/csv' --data-binary @examples/dues/testdata/sample.csv
head -n1 "$dir/body" | grep -q '^编号,' || fail "/v1/dues as text/csv: not the ledger"
{ printf '{"scheme": "yanji-shuzhi", "explain": "community-1", "subjects": '; cat examples/assess/testdata/sample.json; printf '}'; } >"$dir/assess.json"
expect 200 POST /v1/assess -H 'Content-Type: application/json' --data-binary @"$dir/assess.json"
grep -q '"trace"' "$dir/body" || fail "/v1/assess: no trace"
expect 200 POST '/v1/conform?kind=dues&date=2024-06-01' -F input=@examples/conform/testdata/roster.csv -F got=@examples/conform/testdata/got.csv
grep -q '"summary": "8 of 17 differ"' "$dir/body" || fail "/v1/conform: not the summary of the sample"
expect 200 POST '/v1/due?asOf=2025-06-30&until=2026-06-30' -H 'Content-Type: text/csv' --data-binary @examples/orgchart/testdata/tree.csv
grep -q '"items"' "$dir/body" || fail "/v1/due: no items"
curl -sSI "$base/" | tr -d '\r' | grep -qi "^content-security-policy: default-src 'self'" || fail "GET /: no Content-Security-Policy"
expect4xx POST /v1/assess -H 'Content-Type: application/json' --data-binary 'junk'
expect4xx POST /v1/conform -H 'Content-Type: application/json' --data-binary '{"kind":"dues"}'
expect4xx POST /v1/orgs/validate -H 'Content-Type: application/octet-stream' --data-binary $'\x00\xff'
expect4xx PATCH /v1/dues
expect4xx GET /v1/nothing

kill -TERM "$pid"
for _ in $(seq 1 50); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
kill -0 "$pid" 2>/dev/null && fail "the server did not exit within 5 s of SIGTERM"
wait "$pid"
status=$?
pid=
[ "$status" -eq 0 ] || fail "the server exited $status after SIGTERM, want 0"
echo "examples/server: served, answered and shut down"
