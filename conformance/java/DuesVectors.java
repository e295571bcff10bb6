// DuesVectors is the runnable form of the JUnit example in
// conformance/README.md ("Using the set from Java"), without JUnit: it
// reads a dues vector file of the conformance set, computes each vector
// with a platform-style function and prints every vector whose expected
// dues the function misses, with the rule IDs the vector exercises.
//
// Usage (Java 17, no build tool, standard library only; from the module root):
//
//   java conformance/java/DuesVectors.java [exact|bigdecimal-double|math-round] [conformance/dues/brackets-2017.csv]
//
// The implementations (the mode; default exact):
//   exact              the base as new BigDecimal(String), multiplied exactly by
//                      the rate, setScale(2, RoundingMode.HALF_UP) — what the
//                      README asks of a platform;
//   bigdecimal-double  new BigDecimal(base * rate).setScale(2, HALF_UP) with
//                      base and rate as double (a common platform pattern);
//   math-round         Math.round(base * rate * 100) / 100.0.
//
// Each implements the 2017 rules the file's vectors exercise: the wage scale
// (up to 3000 元 inclusive 0.5 %, up to 5000 inclusive 1 %, up to 10000
// inclusive 1.5 %, above 2 %) for employed, annual_salary and self_employed
// members (the last on the average of its months, the column months
// "4200|3900|4651"), the pension scale (up to 5000 inclusive 0.5 %, above
// 1 %) for retired members, 0.20 元 for students, the unemployed and
// low-income members, the farmer's flat_amount (default 0.20), and the
// monthly cap of 1000 元. Columns are looked up by name in the header row;
// months and flat_amount may be absent (conformance/dues/whole-yuan-2017.csv).
// A vector with an expected_problem passes when the function refuses it.
//
// Output: one line per failing vector (case, inputs, expected, got, rules,
// rule-set version), then "N of M vectors fail". Exit status 0 when none
// fail, 1 when some do, 2 when the file cannot be read or lacks a column.
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

public class DuesVectors {
    static final BigDecimal CAP = new BigDecimal("1000");

    public static void main(String[] args) throws IOException {
        String mode = args.length > 0 ? args[0] : "exact";
        String file = args.length > 1 ? args[1] : "conformance/dues/brackets-2017.csv";
        if (args.length > 2 || !List.of("exact", "bigdecimal-double", "math-round").contains(mode)) {
            System.err.println("usage: java DuesVectors.java [exact|bigdecimal-double|math-round] [vectors.csv]");
            System.exit(2);
        }
        List<List<String>> rows;
        try (BufferedReader in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            rows = readCsv(in);
        } catch (IOException e) {
            System.err.println(file + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        if (rows.isEmpty()) {
            System.err.println(file + ": no header row");
            System.exit(2);
        }
        List<String> h = rows.get(0);
        int cCase = h.indexOf("case"), cSet = h.indexOf("rule_set"), cCat = h.indexOf("category"),
                cBase = h.indexOf("base"), cMonths = h.indexOf("months"), cFlat = h.indexOf("flat_amount"),
                cWant = h.indexOf("expected_dues"), cProblem = h.indexOf("expected_problem"),
                cRules = h.indexOf("rules"), cVersion = h.indexOf("ruleset");
        for (int c : new int[]{cCase, cSet, cCat, cBase, cWant, cProblem, cRules, cVersion}) {
            if (c < 0) {
                System.err.println(file + ": the header lacks a column of " + List.of("case", "rule_set", "category",
                        "base", "expected_dues", "expected_problem", "rules", "ruleset"));
                System.exit(2);
            }
        }
        int failed = 0, total = 0;
        for (int i = 1; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            if (r.size() != h.size()) {
                System.err.println(file + ": record " + (i + 1) + " has " + r.size() + " fields, the header " + h.size());
                System.exit(2);
            }
            total++;
            String got, want = r.get(cProblem).isEmpty() ? r.get(cWant) : "refused (" + r.get(cProblem) + ")";
            boolean ok;
            try {
                if (!r.get(cSet).equals("2017")) {
                    throw new IllegalArgumentException("rule set " + r.get(cSet) + " is not implemented");
                }
                BigDecimal d = monthly(mode, r.get(cCat), r.get(cBase), cell(r, cMonths), cell(r, cFlat));
                got = d.toPlainString();
                ok = r.get(cProblem).isEmpty() && new BigDecimal(r.get(cWant)).compareTo(d) == 0;
            } catch (IllegalArgumentException e) {
                got = "refused (" + e.getMessage() + ")";
                ok = !r.get(cProblem).isEmpty();
            }
            if (!ok) {
                failed++;
                System.out.println(r.get(cCase) + ": category " + r.get(cCat) + " base " + r.get(cBase)
                        + (cell(r, cMonths).isEmpty() ? "" : " months " + cell(r, cMonths))
                        + ": want " + want + ", got " + got + "; rules " + r.get(cRules) + " (rule set " + r.get(cVersion) + ")");
            }
        }
        System.out.println(failed + " of " + total + " vectors fail (" + mode + ")");
        System.exit(failed == 0 ? 0 : 1);
    }

    // cell returns a column that may be absent (months, flat_amount) as "".
    static String cell(List<String> r, int c) {
        return c < 0 ? "" : r.get(c);
    }

    // monthly is the platform-style function under test: the month's dues of
    // a member of the category.
    static BigDecimal monthly(String mode, String category, String base, String months, String flat) {
        switch (category) {
            case "student":
            case "unemployed":
            case "low_income":
                return new BigDecimal("0.20");
            case "farmer":
                return new BigDecimal(flat.isEmpty() ? "0.20" : flat);
            case "employed":
            case "annual_salary":
            case "self_employed":
            case "retired":
                break;
            default:
                throw new IllegalArgumentException("unknown category " + category);
        }
        // The base is an exact sum of n months (n = 1 for a plain base).
        BigDecimal sum = BigDecimal.ZERO;
        int n = 0;
        for (String m : (months.isEmpty() ? base : months).split("\\|")) {
            sum = sum.add(new BigDecimal(m));
            n++;
        }
        BigDecimal bn = BigDecimal.valueOf(n);
        // The bracket: the first whose inclusive upper bound the average
        // does not exceed (sum ≤ bound × n, exactly).
        String rate;
        if (category.equals("retired")) {
            rate = sum.compareTo(new BigDecimal("5000").multiply(bn)) <= 0 ? "0.005" : "0.01";
        } else if (sum.compareTo(new BigDecimal("3000").multiply(bn)) <= 0) {
            rate = "0.005";
        } else if (sum.compareTo(new BigDecimal("5000").multiply(bn)) <= 0) {
            rate = "0.01";
        } else if (sum.compareTo(new BigDecimal("10000").multiply(bn)) <= 0) {
            rate = "0.015";
        } else {
            rate = "0.02";
        }
        BigDecimal d;
        switch (mode) {
            case "bigdecimal-double": {
                double x = sum.doubleValue() / n * Double.parseDouble(rate);
                d = new BigDecimal(x).setScale(2, RoundingMode.HALF_UP);
                break;
            }
            case "math-round": {
                double x = sum.doubleValue() / n * Double.parseDouble(rate);
                d = BigDecimal.valueOf(Math.round(x * 100) / 100.0);
                break;
            }
            default: // sum × rate / n, rounded once
                d = sum.multiply(new BigDecimal(rate)).divide(bn, 2, RoundingMode.HALF_UP);
        }
        return d.min(CAP);
    }

    // readCsv is a minimal RFC 4180 reader: quoted fields with "" for a
    // quote, CRLF or LF line ends, a UTF-8 BOM dropped.
    static List<List<String>> readCsv(BufferedReader in) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false, any = false;
        int c = in.read();
        if (c == 0xFEFF) {
            c = in.read();
        }
        for (; c != -1; c = in.read()) {
            char ch = (char) c;
            any = true;
            if (quoted) {
                if (ch == '"') {
                    in.mark(1);
                    if (in.read() == '"') {
                        f.append('"');
                    } else {
                        in.reset();
                        quoted = false;
                    }
                } else {
                    f.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(f.toString());
                f.setLength(0);
            } else if (ch == '\n') {
                row.add(f.toString());
                f.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                any = false;
            } else if (ch != '\r') {
                f.append(ch);
            }
        }
        if (any) {
            row.add(f.toString());
            rows.add(row);
        }
        return rows;
    }
}
