#!/usr/bin/env bash
# CI step for examples/assess (.ci/run runs it from the module root): the
# default run (the built-in Yanji cohort) exits 0, and -test keeps its
# contract: exit 0 when every case passes (testdata/cases-jifen.json), 1
# when one fails (testdata/cases-failing.json), 2 on unreadable input
# (testdata/cases-malformed.json). The program is built once, since
# `go run` turns every non-zero exit status into 1.
set -uo pipefail
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
go build -o "$dir/assess" ./examples/assess || exit 1
fail=0
expect() {
  local want=$1; shift
  "$dir/assess" "$@" >/dev/null 2>&1
  local got=$?
  if [ "$got" -ne "$want" ]; then
    echo "examples/assess $*: exit status $got, want $want" >&2
    fail=1
  fi
}
expect 0
expect 0 -test examples/assess/testdata/cases-jifen.json
expect 0 -test examples/assess/testdata/cases-jifen.json -format json
expect 1 -test examples/assess/testdata/cases-failing.json
expect 2 -test examples/assess/testdata/cases-malformed.json
expect 2 -test examples/assess/testdata/no-such-cases.json
exit $fail
