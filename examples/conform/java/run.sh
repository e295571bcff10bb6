#!/usr/bin/env bash
# The Java claims of the conformance kit, proved with real Java (17+, no
# build tool, standard library only) instead of the Go simulation in
# conformance/compare/floatpatterns.go. Run from anywhere; examples/conform/ci.sh
# runs it in CI.
#
#  1. DuesExport.java computes the whole-yuan roster
#     (conformance/dues/roster/whole-yuan-2017.csv: bases 1,000–10,000 元,
#     2017 brackets) three ways, and examples/conform compares each export:
#       bigdecimal-double  exit 1, "2137 of 9001 differ", likely cause
#                          float: BigDecimal(double) HALF_UP
#       math-round         exit 1, "522 of 9001 differ", likely cause
#                          float: Math.round(x*100)/100.0
#       math-round-long    exit 1, "8928 of 9001 differ", likely cause
#                          float: Math.round(x*100)/100 (long division:
#                          whole yuan), as Java reads it without the .0
#       exact              exit 0, "0 of 9001 differ"
#     The rows the checker reports must be exactly the rows that
#     conformance/java/DuesVectors.java finds wrong against the vectors of
#     conformance/dues/whole-yuan-2017.csv.
#  2. DuesVectors.java over conformance/dues/brackets-2017.csv: exact 0
#     failures (exit 0); bigdecimal-double 1 failure, employed-1001.00
#     (exit 1); math-round 0 failures (exit 0: no vector of that file is a
#     base where Math.round goes wrong; the whole-yuan file has 522).
#     2b. The JUnit example of conformance/README.md, compiled with
#     stand-ins for JUnit, passes all 45 vectors with an exact duesService.
#  3. examples/server is built and started on a free port; ServiceClient.java
#     calls it (GET /openapi.json, POST /v1/dues, /v1/assess,
#     /v1/orgs/validate) and must exit 0 with the total examples/dues prints
#     for the same roster and the subjects examples/assess ranks first; with
#     a bad date it must exit 1 (a 400 answer); SIGTERM must stop the server
#     with exit 0.
#
# Without java (or with a JRE lacking javac, which cannot run a source file)
# it says so and exits 0. Exit 1 when any check fails.
set -uo pipefail
cd "$(dirname "$0")/../../.." || exit 1
here=examples/conform/java
if ! command -v java >/dev/null 2>&1 || ! command -v javac >/dev/null 2>&1; then
  echo "examples/conform/java: SKIPPED: no JDK (java and javac) on PATH; the Java checks did not run"
  exit 0
fi
echo "examples/conform/java: $(java -version 2>&1 | head -n1)"

dir=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null; fi
  rm -rf "$dir"
}
trap cleanup EXIT
failed=0
fail() { echo "examples/conform/java: FAIL: $*" >&2; failed=1; }

go build -o "$dir/conform" ./examples/conform || { echo "examples/conform: does not build" >&2; exit 1; }
go build -o "$dir/server" ./examples/server || { echo "examples/server: does not build" >&2; exit 1; }

# 1. Exports compared by the checker.
roster=conformance/dues/roster/whole-yuan-2017.csv
vectors=conformance/dues/whole-yuan-2017.csv
check_export() {
  local mode=$1 want_status=$2 want_summary=$3 want_cause=$4 status
  if ! java "$here/DuesExport.java" "$mode" "$roster" >"$dir/$mode.csv" 2>"$dir/$mode.err"; then
    fail "DuesExport $mode: $(head -c 600 "$dir/$mode.err")"
    return
  fi
  "$dir/conform" -kind dues -in "$roster" -got "$dir/$mode.csv" -date 2024-06-01 >"$dir/$mode.out" 2>&1
  status=$?
  [ "$status" -eq "$want_status" ] || fail "conform on the $mode export: exit $status, want $want_status"
  grep -qxF "$want_summary" "$dir/$mode.out" || fail "conform on the $mode export: no line '$want_summary': $(tail -n2 "$dir/$mode.out")"
  if [ -n "$want_cause" ]; then
    grep -qxF "likely cause of every difference: $want_cause" "$dir/$mode.out" ||
      fail "conform on the $mode export: the likely cause is not '$want_cause': $(tail -n2 "$dir/$mode.out")"
  fi
  # The rows the checker reports = the vectors DuesVectors finds wrong.
  "$dir/conform" -kind dues -in "$roster" -got "$dir/$mode.csv" -date 2024-06-01 -format csv 2>/dev/null |
    awk -F, 'NR > 1 { print $2 }' | sort >"$dir/$mode.checker"
  java conformance/java/DuesVectors.java "$mode" "$vectors" 2>&1 |
    sed -n 's/^\(y[0-9]*\): .*/\1/p' | sort >"$dir/$mode.vectors"
  cmp -s "$dir/$mode.checker" "$dir/$mode.vectors" ||
    fail "$mode: the checker's rows ($(wc -l <"$dir/$mode.checker")) are not DuesVectors' failures ($(wc -l <"$dir/$mode.vectors"))"
  echo "examples/conform/java: $mode: exit $status, $(grep -E '^[0-9]+ of [0-9]+ differ$' "$dir/$mode.out")${want_cause:+, cause $want_cause}; DuesVectors fails the same $(wc -l <"$dir/$mode.vectors") vectors"
}
check_export bigdecimal-double 1 "2137 of 9001 differ" "float: BigDecimal(double) HALF_UP"
check_export math-round 1 "522 of 9001 differ" "float: Math.round(x*100)/100.0"
check_export exact 0 "0 of 9001 differ" ""
# Math.round(x*100)/100 without .0: long division, whole yuan; the checker names it.
if java "$here/DuesExport.java" math-round-long "$roster" >"$dir/long.csv" 2>"$dir/long.err"; then
  "$dir/conform" -kind dues -in "$roster" -got "$dir/long.csv" -date 2024-06-01 >"$dir/long.out" 2>&1
  status=$?
  [ "$status" -eq 1 ] || fail "conform on the math-round-long export: exit $status, want 1"
  grep -qxF "8928 of 9001 differ" "$dir/long.out" || fail "conform on the math-round-long export: $(tail -n2 "$dir/long.out")"
  grep -qF "likely cause of every difference: float: Math.round(x*100)/100 (long division: whole yuan)" "$dir/long.out" || fail "conform on the math-round-long export: $(tail -n2 "$dir/long.out")"
  echo "examples/conform/java: math-round-long: exit $status, $(tail -n1 "$dir/long.out"), cause float: Math.round(x*100)/100 (long division)"
else
  fail "DuesExport math-round-long: $(head -c 600 "$dir/long.err")"
fi

# 2. The README's JUnit example, run as a program.
check_vectors() {
  local mode=$1 want_status=$2 want_summary=$3 status
  java conformance/java/DuesVectors.java "$mode" conformance/dues/brackets-2017.csv >"$dir/v-$mode.out" 2>&1
  status=$?
  [ "$status" -eq "$want_status" ] || fail "DuesVectors $mode: exit $status, want $want_status: $(tail -n3 "$dir/v-$mode.out")"
  grep -qxF "$want_summary" "$dir/v-$mode.out" || fail "DuesVectors $mode: no line '$want_summary': $(tail -n3 "$dir/v-$mode.out")"
  echo "examples/conform/java: DuesVectors $mode: exit $status, $(tail -n1 "$dir/v-$mode.out")"
}
check_vectors exact 0 "0 of 45 vectors fail (exact)"
check_vectors bigdecimal-double 1 "1 of 45 vectors fail (bigdecimal-double)"
grep -q '^employed-1001.00: .*want 5.01, got 5.00; rules DUES-ROUND;DUES-WAGE-1 ' "$dir/v-bigdecimal-double.out" ||
  fail "DuesVectors bigdecimal-double: employed-1001.00 is not the failure: $(cat "$dir/v-bigdecimal-double.out")"
check_vectors math-round 0 "0 of 45 vectors fail (math-round)"

# 2b. The JUnit example of conformance/README.md itself, compiled by javac with
# stand-ins of JUnit 5's annotations, ArgumentsAccessor and assertEquals (no
# JUnit here: no Maven Central), fed the rows as @CsvFileSource does (an
# empty cell is null) and a duesService that calls DuesVectors' exact
# function: every one of the 45 vectors must pass.
mkdir -p "$dir/junit"
awk '/^test. With JUnit 5/ { f = 1 } f && /^```java/ { g = 1; next } g && /^```/ { exit } g { print "    " $0 }' \
  conformance/README.md >"$dir/junit/snippet"
{
  cat <<'EOF'
import java.lang.annotation.*;
import java.math.BigDecimal;
import java.nio.file.*;
import java.util.*;
import java.util.function.Supplier;
import java.util.stream.Collectors;

@Retention(RetentionPolicy.RUNTIME) @interface ParameterizedTest { String name(); }
@Retention(RetentionPolicy.RUNTIME) @interface CsvFileSource { String[] resources(); int numLinesToSkip(); }
interface ArgumentsAccessor { String getString(int i); int size(); }

public class ReadmeJUnit {
    static int failures, runs;
    static void assertEquals(int want, int got, Supplier<String> msg) {
        if (want != got) { failures++; System.out.println("FAIL " + msg.get()); }
    }
    static class DuesService {
        BigDecimal monthly(String category, BigDecimal base, List<BigDecimal> months, BigDecimal flat) {
            return DuesVectors.monthly("exact", category, base == null ? "" : base.toPlainString(),
                    months.stream().map(BigDecimal::toPlainString).collect(Collectors.joining("|")),
                    flat == null ? "" : flat.toPlainString());
        }
    }
    static DuesService duesService = new DuesService();
EOF
  cat "$dir/junit/snippet"
  cat <<'EOF'
    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        ReadmeJUnit t = new ReadmeJUnit();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1); // the file has no quoted cells
            t.dues2017(new ArgumentsAccessor() {
                public String getString(int i) { return cells[i].isEmpty() ? null : cells[i]; }
                public int size() { return cells.length; }
            });
            runs++;
        }
        System.out.println(failures + " of " + runs + " fail");
    }
}
EOF
} >"$dir/junit/ReadmeJUnit.java"
if ! grep -q 'void dues2017' "$dir/junit/snippet"; then
  fail "conformance/README.md: no JUnit example found"
elif ! javac -d "$dir/junit" conformance/java/DuesVectors.java "$dir/junit/ReadmeJUnit.java" >"$dir/junit/javac.out" 2>&1; then
  fail "conformance/README.md's JUnit example does not compile: $(head -c 1200 "$dir/junit/javac.out")"
else
  out=$(java -cp "$dir/junit" ReadmeJUnit conformance/dues/brackets-2017.csv 2>&1)
  [ "$out" = "0 of 45 fail" ] || fail "conformance/README.md's JUnit example: $out"
  echo "examples/conform/java: the README's JUnit example (JUnit stand-ins): $out"
fi

# 3. A Java client of the HTTP service.
"$dir/server" -addr 127.0.0.1:0 2>"$dir/server.log" &
pid=$!
base=
for _ in $(seq 1 100); do
  base=$(sed -n 's/.*listening on \(http:\/\/[0-9.:]*\).*/\1/p' "$dir/server.log" | head -n1)
  [ -n "$base" ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$base" ]; then
  fail "examples/server did not say where it listens: $(cat "$dir/server.log")"
else
  args=(2024-06-01 examples/dues/testdata/sample.csv yanji-shuzhi examples/assess/testdata/sample.json examples/orgchart/testdata/tree.csv)
  java "$here/ServiceClient.java" "$base" "${args[@]}" >"$dir/client.out" 2>&1
  status=$?
  cat "$dir/client.out"
  [ "$status" -eq 0 ] || fail "ServiceClient: exit $status, want 0"
  # The same numbers as the command-line programs give for the same files.
  total=$(go run ./examples/dues -in examples/dues/testdata/sample.csv -date 2024-06-01 2>&1 >/dev/null |
    sed -n 's/.* = total \([0-9.]*\)$/\1/p')
  [ -n "$total" ] && grep -q "total $total," "$dir/client.out" ||
    fail "ServiceClient's dues total is not examples/dues' total ($total)"
  go run ./examples/assess -scheme yanji-shuzhi -input examples/assess/testdata/sample.json -format csv 2>/dev/null |
    awk -F, '$2 == 1 { print "top of " $4 ": " $3 " " $5 " " $10 }' >"$dir/top.want"
  grep '^top of ' "$dir/client.out" >"$dir/top.got"
  [ -s "$dir/top.want" ] && cmp -s "$dir/top.want" "$dir/top.got" ||
    fail "ServiceClient's first-ranked subjects are not examples/assess': $(cat "$dir/top.want")"
  java "$here/ServiceClient.java" "$base" 2024-13-01 "${args[@]:1}" >"$dir/client-bad.out" 2>&1
  status=$?
  [ "$status" -eq 1 ] || fail "ServiceClient with a bad date: exit $status, want 1: $(cat "$dir/client-bad.out")"
  grep -q 'POST /v1/dues: status 400' "$dir/client-bad.out" || fail "ServiceClient with a bad date: no 400: $(cat "$dir/client-bad.out")"
fi
if kill -0 "$pid" 2>/dev/null; then
  kill -TERM "$pid"
  status=
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    fail "examples/server still runs 10 s after SIGTERM"
  else
    wait "$pid"
    status=$?
    [ "$status" -eq 0 ] || fail "examples/server exited $status after SIGTERM, want 0"
  fi
else
  fail "examples/server stopped by itself: $(cat "$dir/server.log")"
fi
pid=
[ "$failed" -eq 0 ] && echo "examples/conform/java: every check passed"
exit "$failed"
