package dev.hato.sms.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * The hostile-input suite's requests, from a seed: every method on every path, wrong types, NUL and
 * control characters, huge and deeply nested bodies, malformed UTF-8 and percent-encoding, over-long URLs
 * and headers, unknown fields, boundary numbers, other hosts in Host; half of them anonymous, the other
 * half spread over the roles' sessions (staff, superuser, a non-staff account's cookies after its refused
 * login) and a staff session with another session's CSRF token.
 */
final class HostileRequests {

    static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE"};

    static final String[] IDS = {
        "1",
        "0",
        "-1",
        "99999999999999999999",
        "abc",
        "%00",
        "%zz",
        "..%2f..",
        "%E3%81%82",
        "1.5",
        "1e3",
        "%",
        "%c0%af",
        "9223372036854775807",
        "null"
    };
    static final String[] FIELDS = {
        "username",
        "password",
        "phone_number",
        "name",
        "external_id",
        "opted_out",
        "customer_id",
        "ttl_seconds",
        "content",
        "token",
        "template_id",
        "variables",
        "unknown_field"
    };
    static final String[] QUERIES = {
        "",
        "?limit=0",
        "?limit=201",
        "?limit=-1",
        "?limit=abc",
        "?cursor=%zz",
        "?cursor=%00",
        "?status=%00",
        "?status=sent",
        "?status=bogus",
        "?since=yesterday",
        "?since=2026-13-45T99:99:99Z",
        "?phone_number=%00",
        "?phone_number=%2B819012345678",
        "?customer_id=9223372036854775808",
        "?sent_by=-1",
        "?a=%",
        "?%=%",
        "?cursor=djE6OTk5OTk5OTk5OTk5OTk5OTk5OTk5",
        "?limit=1&limit=2"
    };

    private final Random random;
    private final String[] paths;
    private final List<Caller> callers;

    /** The cookies one caller sends, and the CSRF token it sends with them. */
    record Caller(String cookies, String csrf) {}

    HostileRequests(Random random, String[] paths, List<Caller> callers) {
        this.random = random;
        this.paths = paths;
        this.callers = List.copyOf(callers);
    }

    record Request(String method, StringBuilder head, byte[] body) {}

    Request next() {
        Caller caller = random.nextBoolean() ? null : callers.get(random.nextInt(callers.size()));
        String method = METHODS[random.nextInt(METHODS.length)];
        String path = path();
        if (caller != null && path.startsWith("/api/auth/logout")) {
            path = "/api/auth/me"; // keep the sessions for the rest of the run
        }
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1");
        if (caller != null) {
            head.append("\r\nCookie: ")
                    .append(caller.cookies())
                    .append("\r\nX-CSRFToken: ")
                    .append(caller.csrf());
        }
        head.append("\r\nReferer: http://localhost:3000");
        head.append(extraHeaders());
        byte[] body = null;
        if (!method.equals("GET") && !method.equals("HEAD") && random.nextInt(10) > 0) {
            body = body();
            head.append("\r\nContent-Type: ").append(random.nextInt(12) == 0 ? "text/plain" : "application/json");
        }
        return new Request(method, head, body);
    }

    private String path() {
        String path = paths[random.nextInt(paths.length)];
        while (path.contains("{id}")) {
            path = path.replaceFirst("\\{id}", random.nextInt(3) == 0 ? IDS[random.nextInt(IDS.length)] : "1");
        }
        String query = QUERIES[random.nextInt(QUERIES.length)];
        if (random.nextInt(200) == 0) {
            query = "?q=" + "x".repeat(20_000); // longer than Tomcat's header limit
        }
        if (random.nextInt(100) == 0) {
            path = path + "%00";
        }
        return path + query;
    }

    private String extraHeaders() {
        StringBuilder headers = new StringBuilder();
        int pick = random.nextInt(40);
        if (pick == 0) {
            headers.append("\r\nX-Long: ").append("y".repeat(20_000));
        } else if (pick == 1) {
            headers.append("\r\nIdempotency-Key: ").append("k".repeat(300));
        } else if (pick == 2) {
            headers.append("\r\nIdempotency-Key: \t");
        } else if (pick == 3) {
            headers.append("\r\nAccept: application/xml");
        } else if (pick == 4) {
            headers.append("\r\nOrigin: http://evil.example");
        } else if (pick == 5) {
            headers.append("\r\nX-Request-Id: ").append("\u0001bad id");
        } else if (pick == 6) {
            headers.append("\r\nContent-Encoding: gzip");
        } else if (pick == 7) {
            headers.append("\r\nHost: evil.test:8080\r\nOrigin: http://evil.test:8080"); // DNS rebinding
        } else if (pick == 8) {
            headers.append("\r\nHost: LOCALHOST");
        }
        return headers.toString();
    }

    private byte[] body() {
        return switch (random.nextInt(12)) {
            case 0 -> "{".getBytes(StandardCharsets.UTF_8);
            case 1 -> new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}; // bad UTF-8
            case 2 -> ("[".repeat(5_000) + "]".repeat(5_000)).getBytes(StandardCharsets.UTF_8);
            case 3 -> ("{\"name\":\"" + "x".repeat(200_000) + "\"}").getBytes(StandardCharsets.UTF_8);
            case 4 -> "null".getBytes(StandardCharsets.UTF_8);
            case 5 -> "[]".getBytes(StandardCharsets.UTF_8);
            default -> object().getBytes(StandardCharsets.UTF_8);
        };
    }

    private String object() {
        StringBuilder json = new StringBuilder("{");
        int fields = 1 + random.nextInt(5);
        for (int i = 0; i < fields; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append('"')
                    .append(FIELDS[random.nextInt(FIELDS.length)])
                    .append("\":")
                    .append(value());
        }
        return json.append('}').toString();
    }

    private String value() {
        return switch (random.nextInt(17)) {
            case 0 -> "\"a\\u0000b\"";
            case 1 -> "\"line\\nbreak\\r\\u0007\"";
            case 2 -> "9223372036854775808";
            case 3 -> "-9223372036854775809";
            case 4 -> "1e309";
            case 5 -> "1.5";
            case 6 -> "null";
            case 7 -> "true";
            case 8 -> "[1,2]";
            case 9 -> "{\"x\":{\"y\":\"\\u0000\"}}";
            case 10 -> "\"090-1234-5678\"";
            case 11 -> "\"" + "長".repeat(3_000) + "\"";
            case 12 -> "\"\\ud800\"";
            case 13 -> "0";
            case 14 -> "\"{{customer_name}}\"";
            case 15 -> "\"" + "İ".repeat(150) + "\""; // longer once lower-cased
            default -> "\"text\"";
        };
    }
}
