// ServiceClient calls a running examples/server the way a Java platform
// does (examples/server/README.md, "Calling it from Java"), with the JDK's
// own HttpClient and no JSON library: a minimal JSON reader below turns the
// answers into maps, lists, strings and BigDecimals.
//
// Usage (Java 17, no build tool, standard library only):
//
//   java ServiceClient.java BASE_URL DATE ROSTER.csv SCHEME SUBJECTS.json TREE.csv
//
// It asks for GET /openapi.json (an OpenAPI 3.1 document naming the paths it
// calls), posts the roster to POST /v1/dues?date=DATE and prints the
// summary's total, posts {"scheme": SCHEME, "subjects": SUBJECTS} to
// POST /v1/assess and prints the subject ranked first in each category,
// and posts the tree to POST /v1/orgs/validate?asOf=DATE and prints the
// number of findings. Exit status 0 when every answer is 2xx and has the
// members read; 1 on any other status (its problems are printed) or an
// answer without them; 2 on bad arguments or a file that cannot be read.
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public class ServiceClient {
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: java ServiceClient.java BASE_URL DATE ROSTER.csv SCHEME SUBJECTS.json TREE.csv");
            System.exit(2);
        }
        String base = args[0].replaceAll("/+$", ""), date = URLEncoder.encode(args[1], StandardCharsets.UTF_8);
        String subjects;
        try {
            subjects = Files.readString(Path.of(args[4]), StandardCharsets.UTF_8);
            for (int i : new int[]{2, 5}) {
                if (!Files.isReadable(Path.of(args[i]))) {
                    throw new IOException(args[i] + ": cannot be read");
                }
            }
        } catch (IOException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }

        Map<String, Object> doc = obj(call(HttpRequest.newBuilder(URI.create(base + "/openapi.json")).GET()), "/openapi.json");
        Map<String, Object> paths = obj(doc.get("paths"), "/openapi.json paths");
        if (!String.valueOf(doc.get("openapi")).startsWith("3.1") || !paths.keySet().containsAll(List.of("/v1/dues", "/v1/assess", "/v1/orgs/validate"))) {
            fail("/openapi.json is not an OpenAPI 3.1 document naming /v1/dues, /v1/assess and /v1/orgs/validate");
        }
        System.out.println("openapi " + doc.get("openapi") + ": " + paths.size() + " paths");

        // The roster as CSV, as in the README's snippet.
        Map<String, Object> dues = obj(call(HttpRequest.newBuilder(URI.create(base + "/v1/dues?date=" + date))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(Path.of(args[2])))), "/v1/dues");
        Map<String, Object> summary = obj(dues.get("summary"), "/v1/dues summary");
        BigDecimal total = new BigDecimal(str(summary.get("total"), "/v1/dues summary.total"));
        System.out.println("dues " + dues.get("month") + " (" + dues.get("rules") + " rules): "
                + summary.get("members") + " members, total " + total.toPlainString()
                + ", " + list(dues.get("problems")).size() + " problems");

        // The subjects file is a JSON array: it goes into the request as it is.
        String body = "{\"scheme\": " + quote(args[3]) + ", \"subjects\": " + subjects + "}";
        Map<String, Object> assess = obj(call(HttpRequest.newBuilder(URI.create(base + "/v1/assess"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))), "/v1/assess");
        List<Object> results = list(assess.get("results"));
        if (results.isEmpty()) {
            fail("/v1/assess: no results");
        }
        for (Object o : results) { // ranks are per category
            Map<String, Object> r = obj(o, "/v1/assess result");
            if (r.get("rank") instanceof BigDecimal && ((BigDecimal) r.get("rank")).compareTo(BigDecimal.ONE) == 0) {
                System.out.println("top of " + r.get("category") + ": " + r.get("id") + " "
                        + new BigDecimal(str(r.get("total"), "/v1/assess total")).toPlainString() + " " + r.get("grade"));
            }
        }

        // The README's snippet: a tree CSV validated as of a day.
        Map<String, Object> orgs = obj(call(HttpRequest.newBuilder(URI.create(base + "/v1/orgs/validate?asOf=" + date))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(Path.of(args[5])))), "/v1/orgs/validate");
        System.out.println("orgs: " + list(orgs.get("findings")).size() + " findings");
    }

    // call sends a request and returns its JSON answer; any status but 2xx
    // prints the problems and exits 1.
    static Object call(HttpRequest.Builder b) throws IOException, InterruptedException {
        HttpRequest req = b.timeout(Duration.ofSeconds(60)).build();
        HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String what = req.method() + " " + req.uri().getPath();
        Object body;
        try {
            body = new Json(resp.body()).value();
        } catch (IllegalArgumentException e) {
            body = null;
        }
        if (resp.statusCode() / 100 != 2) {
            System.err.println(what + ": status " + resp.statusCode());
            if (body instanceof Map && ((Map<?, ?>) body).get("problems") instanceof List) {
                for (Object p : (List<?>) ((Map<?, ?>) body).get("problems")) {
                    Map<?, ?> m = (Map<?, ?>) p;
                    System.err.println("  " + m.get("code") + " path " + m.get("path") + " line " + m.get("line")
                            + " id " + m.get("id") + ": " + m.get("message"));
                }
            }
            System.exit(1);
        }
        if (body == null) {
            fail(what + ": the answer is not JSON");
        }
        return body;
    }

    static void fail(String msg) {
        System.err.println(msg);
        System.exit(1);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> obj(Object o, String what) {
        if (!(o instanceof Map)) {
            fail(what + ": not an object");
        }
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return o instanceof List ? (List<Object>) o : List.of(); // null is an empty list
    }

    static String str(Object o, String what) {
        if (!(o instanceof String)) {
            fail(what + ": not a string");
        }
        return (String) o;
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    // Json is a minimal RFC 8259 reader: objects become LinkedHashMaps,
    // arrays ArrayLists, numbers BigDecimals (never double), true/false
    // Booleans, null null. Malformed text throws IllegalArgumentException.
    static final class Json {
        final String s;
        int i;

        Json(String s) {
            this.s = s;
        }

        Object value() {
            Object v = any(0);
            ws();
            if (i != s.length()) {
                throw bad("text after the value");
            }
            return v;
        }

        Object any(int depth) {
            if (depth > 512) {
                throw bad("nested too deep");
            }
            ws();
            if (i >= s.length()) {
                throw bad("unexpected end");
            }
            char c = s.charAt(i);
            if (c == '{') {
                i++;
                Map<String, Object> m = new LinkedHashMap<>();
                ws();
                if (eat('}')) {
                    return m;
                }
                do {
                    ws();
                    String k = string();
                    ws();
                    expect(':');
                    m.put(k, any(depth + 1));
                    ws();
                } while (eat(','));
                expect('}');
                return m;
            }
            if (c == '[') {
                i++;
                List<Object> l = new ArrayList<>();
                ws();
                if (eat(']')) {
                    return l;
                }
                do {
                    l.add(any(depth + 1));
                    ws();
                } while (eat(','));
                expect(']');
                return l;
            }
            if (c == '"') {
                return string();
            }
            for (String w : new String[]{"true", "false", "null"}) {
                if (s.startsWith(w, i)) {
                    i += w.length();
                    return w.equals("null") ? null : Boolean.valueOf(w);
                }
            }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            try {
                return new BigDecimal(s.substring(start, i));
            } catch (NumberFormatException e) {
                throw bad("not a value");
            }
        }

        String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (i < s.length()) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                if (i >= s.length()) {
                    break;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n': b.append('\n'); break;
                    case 't': b.append('\t'); break;
                    case 'r': b.append('\r'); break;
                    case 'b': b.append('\b'); break;
                    case 'f': b.append('\f'); break;
                    case 'u':
                        if (i + 4 > s.length()) {
                            throw bad("short \\u escape");
                        }
                        try {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        } catch (NumberFormatException x) {
                            throw bad("bad \\u escape");
                        }
                        i += 4;
                        break;
                    default: b.append(e); // \" \\ \/
                }
            }
            throw bad("unterminated string");
        }

        void ws() {
            while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
        }

        boolean eat(char c) {
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        void expect(char c) {
            if (!eat(c)) {
                throw bad("want '" + c + "'");
            }
        }

        IllegalArgumentException bad(String why) {
            return new IllegalArgumentException("JSON at offset " + i + ": " + why);
        }
    }
}
