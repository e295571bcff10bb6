#!/usr/bin/env bash
# CI step for examples/orglife (.ci/run runs it from the module root): the
# built-in sample has error findings (a 主题党日 missed, quorums failed), so
# the program's contract is exit status 1 there, not 0; any other status is
# a failure.
set -uo pipefail
go run ./examples/orglife >/dev/null
status=$?
if [ "$status" -ne 1 ]; then
  echo "examples/orglife: the built-in sample exited $status, want 1 (error findings)" >&2
  exit 1
fi
