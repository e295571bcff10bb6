// DuesExport writes a dues export (id,dues) for a roster the way a Java
// platform computes it, so that examples/conform can be run against real
// Java arithmetic rather than a simulation of it.
//
// Usage (Java 17, no build tool, standard library only):
//
//   java DuesExport.java MODE ROSTER.csv > export.csv
//
// MODE is one of
//   bigdecimal-double  new BigDecimal(base * rate).setScale(2, RoundingMode.HALF_UP),
//                      base and rate as double; written with toPlainString()
//   math-round         Math.round(base * rate * 100) / 100.0, written as Java
//                      prints a double (Double.toString: "5.0", "45.2")
//   math-round-long    Math.round(base * rate * 100) / 100 — as the pattern is often
//                      written: Math.round returns a long, so this is long division
//                      and keeps whole yuan (written as Java prints a double: "5.0")
//   exact              new BigDecimal(baseText).multiply(new BigDecimal("0.015"))
//                      .setScale(2, RoundingMode.HALF_UP)
//
// ROSTER is a roster as examples/dues reads it, of which this program reads
// the columns id, category and base (编号, 党员类别/类别, 计算基数/基数; other
// columns are ignored): UTF-8, an optional BOM, RFC 4180 quoting.
//
// The 2017 rules (中组部 2008 规定 第二条、第五条、第六条 with the 2017 通知's cap):
// employed and annual_salary members pay on the wage scale — up to 3000 元
// inclusive 0.5 %, above 3000 up to 5000 inclusive 1 %, above 5000 up to
// 10000 inclusive 1.5 %, above 10000 2 % (DUES-WAGE-1..4); retired members
// on the pension scale — up to 5000 inclusive 0.5 %, above 1 %
// (DUES-PENSION-1..2); students, the unemployed and low-income members pay
// 0.20 元 and farmers 0.20 元 (the library's default of 0.20–1.00); the
// monthly amount is capped at 1000 元 (DUES-CAP-1000). A self-employed
// member's base is an average of months this program does not read: such
// a row, an unknown category or a base that is not a number is reported on
// standard error and the program exits 2 after writing the other rows.
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

public class DuesExport {
    static final BigDecimal CAP = new BigDecimal("1000");
    static final BigDecimal FLAT = new BigDecimal("0.20");
    // The Chinese labels and aliases of the categories, as funding/dues reads them.
    static final Map<String, String> CATEGORIES = Map.ofEntries(
            Map.entry("在职", "employed"), Map.entry("在职党员", "employed"), Map.entry("在职职工", "employed"),
            Map.entry("离退休", "retired"), Map.entry("离休", "retired"), Map.entry("退休", "retired"),
            Map.entry("离退休干部", "retired"), Map.entry("离退休人员", "retired"),
            Map.entry("年薪制", "annual_salary"), Map.entry("年薪", "annual_salary"), Map.entry("年薪制人员", "annual_salary"),
            Map.entry("农民", "farmer"), Map.entry("农民党员", "farmer"), Map.entry("学生", "student"), Map.entry("学生党员", "student"),
            Map.entry("下岗失业", "unemployed"), Map.entry("下岗", "unemployed"), Map.entry("失业", "unemployed"),
            Map.entry("下岗失业人员", "unemployed"), Map.entry("低保抚恤救济", "low_income"), Map.entry("低保", "low_income"),
            Map.entry("抚恤", "low_income"), Map.entry("救济", "low_income"), Map.entry("最低生活保障", "low_income"));

    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !List.of("bigdecimal-double", "math-round", "math-round-long", "exact").contains(args[0])) {
            System.err.println("usage: java DuesExport.java bigdecimal-double|math-round|math-round-long|exact ROSTER.csv");
            System.exit(2);
        }
        String mode = args[0];
        List<List<String>> rows;
        try (BufferedReader in = Files.newBufferedReader(Path.of(args[1]), StandardCharsets.UTF_8)) {
            rows = Csv.read(in);
        }
        if (rows.isEmpty()) {
            System.err.println(args[1] + ": no header row");
            System.exit(2);
        }
        List<String> header = rows.get(0);
        int id = column(header, "id", "编号"), cat = column(header, "category", "党员类别", "类别"),
                base = column(header, "base", "计算基数", "基数");
        if (id < 0 || cat < 0 || base < 0) {
            System.err.println(args[1] + ": the header needs id, category and base: " + header);
            System.exit(2);
        }
        int bad = 0;
        PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        out.print("id,dues\r\n");
        for (int i = 1; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            int line = i + 1; // the CSV record's number, counting the header as 1
            try {
                String dues = dues(mode, cell(r, cat).strip(), cell(r, base).strip());
                out.print(Csv.field(cell(r, id)) + "," + dues + "\r\n");
            } catch (IllegalArgumentException e) {
                System.err.println(args[1] + ": record " + line + " (id \"" + cell(r, id) + "\"): " + e.getMessage());
                bad++;
            }
        }
        out.flush();
        if (bad > 0) {
            System.exit(2);
        }
    }

    static String cell(List<String> r, int i) {
        return i < r.size() ? r.get(i) : "";
    }

    static int column(List<String> header, String... names) {
        for (int i = 0; i < header.size(); i++) {
            for (String n : names) {
                if (header.get(i).strip().equalsIgnoreCase(n)) {
                    return i;
                }
            }
        }
        return -1;
    }

    // The 2017 rate of a category and base: the bracket whose inclusive
    // upper bound the base does not exceed. null for a flat category.
    static String rate(String category, BigDecimal base) {
        switch (CATEGORIES.getOrDefault(category, category.toLowerCase())) {
            case "employed":
            case "annual_salary":
                if (base.compareTo(new BigDecimal("3000")) <= 0) return "0.005";
                if (base.compareTo(new BigDecimal("5000")) <= 0) return "0.01";
                if (base.compareTo(new BigDecimal("10000")) <= 0) return "0.015";
                return "0.02";
            case "retired":
                return base.compareTo(new BigDecimal("5000")) <= 0 ? "0.005" : "0.01";
            case "farmer":
            case "student":
            case "unemployed":
            case "low_income":
                return null;
            default:
                throw new IllegalArgumentException("category \"" + category + "\" is not computed by this program");
        }
    }

    static String dues(String mode, String category, String baseText) {
        BigDecimal exactBase;
        try {
            exactBase = baseText.isEmpty() ? BigDecimal.ZERO : new BigDecimal(baseText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("base \"" + baseText + "\" is not a number");
        }
        String rateText = rate(category, exactBase);
        if (rateText == null) {
            return FLAT.toPlainString();
        }
        if (baseText.isEmpty()) {
            throw new IllegalArgumentException("no base");
        }
        switch (mode) {
            case "bigdecimal-double": {
                double base = Double.parseDouble(baseText), rate = Double.parseDouble(rateText);
                BigDecimal d = new BigDecimal(base * rate).setScale(2, RoundingMode.HALF_UP);
                return d.min(CAP).toPlainString();
            }
            case "math-round": {
                double base = Double.parseDouble(baseText), rate = Double.parseDouble(rateText);
                double d = Math.round(base * rate * 100) / 100.0;
                return Double.toString(Math.min(d, 1000.0));
            }
            case "math-round-long": {
                double base = Double.parseDouble(baseText), rate = Double.parseDouble(rateText);
                double d = Math.round(base * rate * 100) / 100; // long / int: whole yuan
                return Double.toString(Math.min(d, 1000.0));
            }
            default: {
                BigDecimal d = exactBase.multiply(new BigDecimal(rateText)).setScale(2, RoundingMode.HALF_UP);
                return d.min(CAP).toPlainString();
            }
        }
    }

    // Csv is a minimal RFC 4180 reader and writer: quoted fields with ""
    // for a quote, CRLF or LF line ends, a UTF-8 BOM dropped.
    static final class Csv {
        static List<List<String>> read(BufferedReader in) throws IOException {
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

        // field quotes a cell that needs it. The IDs are written as they
        // are (no formula guard) so that the checker finds them.
        static String field(String s) {
            if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
                return "\"" + s.replace("\"", "\"\"") + "\"";
            }
            return s;
        }
    }
}
