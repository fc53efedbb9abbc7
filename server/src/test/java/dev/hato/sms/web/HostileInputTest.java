package dev.hato.sms.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.support.ApiClient;
import dev.hato.sms.support.LoggedInTest;
import dev.hato.sms.support.RawHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Tries the API as a fuzzer would: at least 10,000 generated requests (every method on every path,
 * wrong types, NUL and control characters, huge and deeply nested bodies, malformed UTF-8 and
 * percent-encoding, over-long URLs and headers, unknown fields, boundary numbers), anonymous and
 * logged in. None may answer 5xx, every error must be problem JSON (Tomcat's own refusals included),
 * the heap must stay bounded and the service must serve normally afterwards. Figures go to
 * target/hostile-input.json and docs/reliability.md.
 */
class HostileInputTest extends LoggedInTest {

    static final int REQUESTS = 10_000;
    static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE"};
    /** Paths besides the controllers' (which come from the handler mappings, so new endpoints are fuzzed). */
    static final List<String> FIXED_PATHS =
            List.of("/actuator/health", "/actuator/prometheus", "/v3/api-docs", "/", "/nope");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcClient jdbc;

    String[] paths;

    /** Its thousands of failed logins from 127.0.0.1 must not throttle the tests that run after it. */
    @AfterEach
    void forgetTheFailedLogins() {
        jdbc.sql("delete from login_failures").update();
    }

    /** Every path the service maps under /api/ (each variable as {id}), and the fixed ones. */
    @BeforeEach
    void pathsFromTheHandlerMappings() {
        Set<String> all = new TreeSet<>(FIXED_PATHS);
        mappings.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternValues().stream())
                .filter(path -> path.startsWith("/api/"))
                .map(path -> path.replaceAll("\\{[^}]+}", "{id}"))
                .forEach(all::add);
        paths = all.toArray(String[]::new);
        assertThat(all).as("the API's paths").contains("/api/auth/login", "/api/sms/send", "/api/customers/{id}");
    }

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

    final Random random = new Random(20261127);

    @Test
    void tenThousandHostileRequestsGiveNo5xxAndOnlyProblemJsonErrors() throws Exception {
        RawHttp raw = new RawHttp(port);
        String session = "sessionid=" + client.cookie("sessionid") + "; csrftoken=" + client.cookie("csrftoken");
        String csrf = client.cookie("csrftoken");
        // Generated up front from the seed, then sent by four connections at a time: the server answers
        // on two cores either way, and one connection at a time left them half idle.
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            requests.add(request(session, csrf));
        }
        Map<Integer, Integer> byStatus = new ConcurrentHashMap<>();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        long heapBefore = usedHeapAfterGc();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> sending = new ArrayList<>();
            for (Request request : requests) {
                sending.add(senders.submit(() -> send(raw, request, byStatus, failures)));
            }
            for (Future<?> each : sending) {
                each.get();
            }
        } finally {
            senders.shutdownNow();
        }
        int sent = requests.size();
        long heapAfter = usedHeapAfterGc();
        write(sent, new TreeMap<>(byStatus), List.copyOf(failures), heapBefore, heapAfter);

        assertThat(failures)
                .as("answers that were 5xx, not problem JSON, or missing")
                .isEmpty();
        assertThat(byStatus.keySet()).allMatch(status -> status < 500);
        assertThat(heapAfter - heapBefore).as("heap growth in bytes").isLessThan(256L * 1024 * 1024);
        ApiClient.Response normal = client.post("/api/customers", Map.of("phone_number", uniqueMobile()));
        assertThat(normal.status()).as("serves normally afterwards").isEqualTo(201);
    }

    record Request(String method, StringBuilder head, byte[] body) {}

    private Request request(String session, String csrf) {
        boolean loggedIn = random.nextBoolean();
        String method = METHODS[random.nextInt(METHODS.length)];
        String path = path();
        if (loggedIn && path.startsWith("/api/auth/logout")) {
            path = "/api/auth/me"; // keep the session for the rest of the run
        }
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1");
        if (loggedIn) {
            head.append("\r\nCookie: ")
                    .append(session)
                    .append("\r\nX-CSRFToken: ")
                    .append(csrf);
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

    private static void send(RawHttp raw, Request request, Map<Integer, Integer> byStatus, List<String> failures) {
        RawHttp.Answer answer;
        try {
            answer = raw.send(request.head().toString(), request.body());
        } catch (IOException e) {
            failures.add(describe(request.head(), request.body()) + " -> no answer: " + e.getMessage());
            return;
        }
        byStatus.merge(answer.status(), 1, Integer::sum);
        String problem = check(request.method(), answer);
        if (problem != null && failures.size() < 50) {
            failures.add(describe(request.head(), request.body()) + " -> " + answer.status() + " " + problem + ": "
                    + answer.text().substring(0, Math.min(300, answer.text().length())));
        }
    }

    /** Null when the answer is acceptable, else what is wrong with it. */
    private static String check(String method, RawHttp.Answer answer) {
        if (answer.status() >= 500) {
            return "server error";
        }
        if (answer.status() < 400 || method.equals("HEAD")) {
            return null;
        }
        String type = answer.header("content-type");
        if (type == null || !type.startsWith("application/problem+json")) {
            return "content type " + type;
        }
        try {
            JsonNode json = ApiClient.JSON.readTree(answer.text());
            if (!json.path("type").asString().startsWith("urn:sms:problem:")) {
                return "no problem type";
            }
            if (json.path("status").asInt() != answer.status()) {
                return "status in body differs";
            }
        } catch (RuntimeException e) {
            return "body is not JSON";
        }
        return null;
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

    private static String describe(StringBuilder head, byte[] body) {
        String line = head.toString().lines().findFirst().orElse("");
        return (line.length() > 150 ? line.substring(0, 150) + "..." : line)
                + (body == null
                        ? ""
                        : " body " + body.length + " bytes "
                                + new String(body, 0, Math.min(80, body.length), StandardCharsets.UTF_8));
    }

    private static long usedHeapAfterGc() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void write(int sent, Map<Integer, Integer> byStatus, List<String> failures, long before, long after)
            throws IOException {
        Path out = Path.of("target", "hostile-input.json");
        Files.createDirectories(out.getParent());
        Files.writeString(
                out,
                ApiClient.JSON.writeValueAsString(Map.of(
                        "requests", sent,
                        "by_status", byStatus,
                        "failures", failures,
                        "heap_used_before_bytes", before,
                        "heap_used_after_bytes", after)));
        System.out.println("hostile input: " + sent + " requests, by status " + byStatus + ", failures "
                + failures.size() + ", heap " + before / 1_048_576 + " -> " + after / 1_048_576 + " MiB");
    }
}
