package org.fogcompute.itests;

import java.util.List;
import java.util.Random;

/**
 * Generates requests that are each malformed by construction (broken JSON, unknown or duplicate fields, wrong
 * types, out-of-range numbers, ids off the pattern, wrong content type, bad query parameters, garbage), aimed at
 * every operation that accepts input, including ones about nodes that exist. None may be accepted, none may
 * cause a 5xx.
 */
final class RequestFuzzer {
    /** A request; with {@code bytes} set the body's characters are sent one byte each (ISO-8859-1), not as UTF-8. */
    record Request(String method, String path, String body, String contentType, boolean bytes) {
        Request(String method, String path, String body, String contentType) {
            this(method, path, body, contentType, false);
        }

        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 120 ? body.substring(0, 120) + "…" : body;
            return method + " " + path + " [" + contentType + "] " + shown;
        }
    }

    private record Target(String method, String path, String validBody) {
    }

    private final Random random;
    private final List<String> existingNodes;

    RequestFuzzer(long seed, List<String> existingNodes) {
        this.random = new Random(seed);
        this.existingNodes = existingNodes;
    }

    Request next() {
        Target target = target();
        int kind = random.nextInt(15);
        String json = "application/json";
        return switch (kind) {
            case 0 -> new Request(target.method, target.path, truncate(target.validBody), json);
            case 1 -> new Request(target.method, target.path, target.validBody.replaceFirst("\\{",
                    "{\"fz_" + random.nextInt(1000) + "\":" + scalar() + ","), json);
            case 2 -> new Request(target.method, target.path, replaceNumber(target.validBody, wrongType()), json);
            case 3 -> new Request(target.method, target.path, replaceNumber(target.validBody, outOfRange()), json);
            case 4 -> new Request(target.method, target.path, garbage(), json);
            case 5 -> new Request(target.method, target.path, nesting(), json);
            case 6 -> new Request(target.method, target.path, target.validBody, random.nextBoolean() ? "text/plain"
                    : "application/xml");
            case 7 -> new Request(target.method, target.path, duplicateKey(target.validBody), json);
            case 8 -> new Request(target.method, target.path, replaceEnum(target.validBody), json);
            case 9 -> badQuery();
            case 10 -> badPath();
            case 11 -> badEncoding(target);
            case 12 -> new Request(random.nextBoolean() ? "POST" : target.method, random.nextBoolean()
                    ? "/tasks/fz-t" + random.nextInt(100) + "/start" : target.path,
                    "a=%" + "zz%FF%".substring(random.nextInt(3)) + "&b=1", "application/x-www-form-urlencoded");
            case 13 -> new Request(target.method, target.path, target.validBody, null);
            default -> new Request(target.method, target.path, random.nextInt(50) == 0 ? oversized()
                    : wrongShape(), json);
        };
    }

    private Target target() {
        String node = random.nextBoolean() && !existingNodes.isEmpty()
                ? existingNodes.get(random.nextInt(existingNodes.size())) : "fz-none-" + random.nextInt(100);
        String registration = "{\"id\":\"fz-" + random.nextInt(1_000_000) + "\",\"type\":\"COMPUTE_NODE\","
                + "\"status\":\"ACTIVE\",\"region\":\"eu-west\",\"capacity\":{\"cpuCores\":4,\"memoryMb\":2048,"
                + "\"storageMb\":100,\"gpuCount\":0},\"port\":8080,\"labels\":{\"a\":\"b\"},\"onionCapable\":true}";
        return switch (random.nextInt(9)) {
            case 0, 1 -> new Target("POST", "/nodes", registration);
            case 2 -> new Target("POST", "/nodes/batch", "{\"nodes\":[" + registration + "]}");
            case 3 -> new Target("PUT", "/nodes/" + node + "/status", "{\"status\":\"MAINTENANCE\"}");
            case 4 -> new Target("POST", "/nodes/" + node + "/heartbeat", "{\"cpuPercent\":50,\"memoryPercent\":40,"
                    + "\"uptimePercent\":99,\"circuitCount\":3}");
            case 5 -> new Target("POST", "/tasks", "{\"id\":\"fz-t" + random.nextInt(1_000_000) + "\",\"priority\":5,"
                    + "\"requirements\":{\"cpuCores\":1,\"memoryMb\":256,\"storageMb\":10,\"gpu\":false},"
                    + "\"privacy\":\"PUBLIC\"}");
            case 6 -> new Target("PUT", "/strategies/default", "{\"name\":\"round-robin\"}");
            case 7 -> new Target("POST", "/enroll", "{\"joinToken\":\"fjt_x\",\"node\":" + registration + "}");
            default -> new Target("POST", "/nodes/" + node + "/heartbeat", "{\"cpuPercent\":1,\"memoryPercent\":1}");
        };
    }

    private String truncate(String body) {
        return body.substring(0, 1 + random.nextInt(body.length() - 1));
    }

    private String scalar() {
        return switch (random.nextInt(4)) {
            case 0 -> "1";
            case 1 -> "\"x\"";
            case 2 -> "null";
            default -> "{}";
        };
    }

    private String wrongType() {
        return switch (random.nextInt(6)) {
            case 0 -> "\"12\"";
            case 1 -> "[1]";
            case 2 -> "{\"v\":1}";
            case 3 -> "true";
            case 4 -> "1.5e1x";
            default -> "\"\"";
        };
    }

    private String outOfRange() {
        return switch (random.nextInt(6)) {
            case 0 -> "-1";
            case 1 -> "99999999999999999999999999";
            case 2 -> "1e400";
            case 3 -> "-2147483649";
            case 4 -> "1000001";
            default -> "-0.0001";
        };
    }

    /** Replaces the first number in the body (every valid body here has one) with {@code replacement}. */
    private String replaceNumber(String body, String replacement) {
        String replaced = body.replaceFirst(":[0-9]+([,}])", ":" + replacement + "$1");
        return replaced.equals(body) ? truncate(body) : replaced;
    }

    private String replaceEnum(String body) {
        String bad = switch (random.nextInt(4)) {
            case 0 -> "\"SLEEPING\"";
            case 1 -> "7";
            case 2 -> "\"\"";
            default -> "\"<script>\"";
        };
        if (body.contains("\"status\":")) {
            return body.replaceFirst("\"status\":\"[A-Z]+\"", "\"status\":" + bad);
        }
        if (body.contains("\"privacy\":")) {
            return body.replaceFirst("\"privacy\":\"[A-Z]+\"", "\"privacy\":" + bad);
        }
        if (body.contains("\"name\":")) {
            return body.replaceFirst("\"name\":\"[a-z-]+\"", "\"name\":\"bad name " + random.nextInt(99) + "\"");
        }
        // no enum in this body: an id off the pattern instead
        return body.replaceFirst("\"id\":\"[^\"]+\"", "\"id\":\"fz bad/" + random.nextInt(99) + "\"")
                .replaceFirst("\"cpuPercent\":[0-9]+", "\"cpuPercent\":-5");
    }

    private String duplicateKey(String body) {
        int brace = body.indexOf('{');
        int colon = body.indexOf(':');
        String firstKey = body.substring(brace + 1, colon);
        return body.replaceFirst("\\{", "{" + firstKey + ":" + scalar() + ",");
    }

    private String garbage() {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(60);
        String alphabet = "{}[]:,\"'\\abc123 \u0000\u00e9\t\n-+.eE";
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        // a raw control character is never valid JSON, inside a string or out: the garbage cannot be "{}" by chance
        return text.append('\u0001').toString();
    }

    private String wrongShape() {
        return switch (random.nextInt(5)) {
            case 0 -> "[]";
            case 1 -> "\"just a string\"";
            case 2 -> "42";
            case 3 -> "null";
            default -> "";
        };
    }

    private String nesting() {
        int depth = 40 + random.nextInt(2000);
        return "{\"id\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
    }

    private String oversized() {
        return "{\"id\":\"" + "x".repeat(1024 * 1024 + random.nextInt(1000)) + "\"}";
    }

    /** The valid body in an encoding the API does not take: a BOM, UTF-16, a NUL, an overlong or broken sequence. */
    private Request badEncoding(Target target) {
        String body = switch (random.nextInt(5)) {
            case 0 -> "\uFEFF" + target.validBody;
            case 1 -> new String(target.validBody.getBytes(java.nio.charset.StandardCharsets.UTF_16LE),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
            case 2 -> target.validBody.replaceFirst("\"", "\"\u0000");
            case 3 -> target.validBody.replaceFirst("\"", "\"\u00C0\u00AE");
            default -> target.validBody.replaceFirst("\"", "\"\u00FF\u00FE");
        };
        // all but the BOM case are byte strings: sent as ISO-8859-1 they reach the server byte for byte
        return new Request(target.method, target.path, body, "application/json", !body.startsWith("\uFEFF"));
    }

    private Request badQuery() {
        String[] queries = {"limit=-1", "limit=abc", "limit=100001", "offset=-5", "offset=1.5", "status=ZOMBIE",
            "type=TOASTER", "label=bad%20key", "colour=red", "limit=1&limit=2", "region=" + "r".repeat(300),
            // (an escape that is not hex cannot even be sent by Java's client; RawRequestTest covers it)
            "region=%FF", "region=%C0%AE", "x=%ff", "region=%00", "%ff=1", "region=%E2%82"};
        String path = random.nextBoolean() ? "/nodes" : "/tasks";
        String query = queries[random.nextInt(queries.length)];
        if (path.equals("/tasks") && (query.startsWith("type") || query.startsWith("label")
                || query.startsWith("region"))) {
            query = "node=bad%20node";
        }
        return new Request("GET", path + "?" + query, null, null);
    }

    private Request badPath() {
        String[] ids = {"x".repeat(129), "bad%20id", "%3Cscript%3E", "a%2Fb", "%00", ".", "..", "%2e%2e", ".%2E",
            ";x", "a;b=c", "%C0%AE"};
        String id = ids[random.nextInt(ids.length)];
        String[] paths = {"/nodes/" + id, "/tasks/" + id, "/nodes/" + id + "/tasks", "/tasks/" + id + "/assignments",
            "/../api/nodes/" + id, "/nodes/" + id + "/../../health"};
        return new Request("GET", paths[random.nextInt(paths.length)], null, null);
    }
}
