#!/usr/bin/env bash
# CI step for examples/conform (.ci/run runs it from the module root): the
# program's contract is its exit status. The built-in sample differs from
# its export, so it exits 1; the roster against an export that agrees
# exits 0; an export whose header names no dues column cannot be read and
# exits 2; a payroll against an export withheld month by month exits 1;
# the roster and export saved in GBK differ as the UTF-8 files do with
# -encoding gbk (exit 1) and cannot be read without it (exit 2); -rules
# 2008 for a month of the 2017 rules is a flag error (exit 2); a roster
# with repeated member IDs has rows with problems (exit 2).
# Any other status is a failure. Then java/run.sh proves the Java claims
# with real Java (exports made with BigDecimal(double) and Math.round, the
# conformance vectors from Java, a Java client of examples/server); it
# says "SKIPPED" and passes where no JDK is installed.
set -uo pipefail
# go run reports every failing status as 1: build the program and run it.
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
if ! go build -o "$dir/conform" ./examples/conform; then
  echo "examples/conform: does not build" >&2
  exit 1
fi
fail=0
expect() {
  want=$1
  shift
  "$dir/conform" "$@" >/dev/null 2>&1
  status=$?
  if [ "$status" -ne "$want" ]; then
    echo "examples/conform $*: exited $status, want $want" >&2
    fail=1
  fi
}
expect 1
expect 0 -kind dues -in examples/conform/testdata/roster.csv -got examples/conform/testdata/clean-got.csv -date 2024-06-01
expect 1 -kind tax -in examples/conform/testdata/payroll.csv -got examples/conform/testdata/tax-got.csv
expect 2 -kind dues -in examples/conform/testdata/roster.csv -got examples/conform/testdata/bad-header-got.csv -date 2024-06-01
expect 1 -kind dues -in examples/conform/testdata/roster.gbk.csv -got examples/conform/testdata/got.gbk.csv -date 2024-06-01 -encoding gbk
expect 2 -kind dues -in examples/conform/testdata/roster.gbk.csv -got examples/conform/testdata/got.gbk.csv -date 2024-06-01
expect 2 -kind dues -in examples/conform/testdata/roster.csv -got examples/conform/testdata/got.csv -date 2024-06-01 -rules 2008
expect 1 -kind dues -in examples/conform/testdata/roster.csv -got examples/conform/testdata/got.csv -date 2016-06-01 -rules 2008
expect 2 -kind dues -in examples/conform/testdata/roster-repeat.csv -got examples/conform/testdata/got.csv -date 2024-06-01
if ! examples/conform/java/run.sh; then
  echo "examples/conform/java/run.sh failed" >&2
  fail=1
fi
exit $fail
