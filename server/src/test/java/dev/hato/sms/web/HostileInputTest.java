package dev.hato.sms.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.support.ApiClient;
import dev.hato.sms.support.LoggedInTest;
import dev.hato.sms.support.RawHttp;
import dev.hato.sms.support.TestUsers;
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
 * percent-encoding, over-long URLs and headers, unknown fields, boundary numbers), anonymous and as
 * every role (staff, superuser, a refused non-staff account, one session with another's CSRF token).
 * None may answer 5xx, every error must be problem JSON (Tomcat's own refusals included), the heap must
 * stay bounded and the service must serve normally afterwards. Figures go to target/hostile-input.json
 * and docs/reliability.md.
 */
class HostileInputTest extends LoggedInTest {

    static final int REQUESTS = 10_000;
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

    @Test
    void tenThousandHostileRequestsGiveNo5xxAndOnlyProblemJsonErrors() throws Exception {
        RawHttp raw = new RawHttp(port);
        ApiClient superuser = client();
        superuser.login(testUsers.superuser(), TestUsers.PASSWORD);
        ApiClient nonStaff = client();
        nonStaff.get("/api/auth/csrf");
        nonStaff.login(testUsers.nonStaff(), TestUsers.PASSWORD);
        List<HostileRequests.Caller> callers = List.of(
                caller(client, client),
                caller(superuser, superuser),
                caller(nonStaff, nonStaff),
                caller(client, superuser)); // staff's session, the superuser's CSRF token
        // Generated up front from the seed, then sent by four connections at a time: the server answers
        // on two cores either way, and one connection at a time left them half idle.
        HostileRequests generator = new HostileRequests(new Random(20261127), paths, callers);
        List<HostileRequests.Request> requests = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            requests.add(generator.next());
        }
        Map<Integer, Integer> byStatus = new ConcurrentHashMap<>();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        long heapBefore = usedHeapAfterGc();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> sending = new ArrayList<>();
            for (HostileRequests.Request request : requests) {
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
        // A fresh session: the fuzz may have ended the test's own (logout, the team and session endpoints).
        ApiClient fresh = client();
        fresh.login(testUsers.staff(), TestUsers.PASSWORD);
        ApiClient.Response normal = fresh.post("/api/customers", Map.of("phone_number", uniqueMobile()));
        assertThat(normal.status()).as("serves normally afterwards").isEqualTo(201);
    }

    @Test
    void hostileUploadsToTheCustomerImportAreRefusedAsProblemJsonAndChangeNothing() {
        Random random = new Random(20261201);
        List<byte[]> files = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            byte[] noise = new byte[random.nextInt(4096) + 1];
            random.nextBytes(noise);
            files.add(noise);
        }
        // A zip bomb's disguise: a zip header and deflated zeros, named .csv.
        byte[] zip = new byte[64 * 1024];
        System.arraycopy(new byte[] {'P', 'K', 3, 4, 20, 0, 8, 0, 8, 0}, 0, zip, 0, 10);
        files.add(zip);
        files.add(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // a BOM and nothing else
        files.add(new byte[] {(byte) 0x82, (byte) 0xA0, (byte) 0xFF, (byte) 0xFE, '\n'}); // neither UTF-8 nor Shift_JIS
        files.add(("電話番号\n" + "0".repeat(900_000)).getBytes(StandardCharsets.UTF_8)); // one huge line
        files.add(("電話番号" + ",".repeat(10_000) + "\n").getBytes(StandardCharsets.UTF_8)); // 10,000 columns
        files.add("電話番号\r\"\"\"\"\"\"\r\r\r".getBytes(StandardCharsets.UTF_8)); // quotes and bare CRs
        files.add("\"電話番号\n".repeat(20_000).getBytes(StandardCharsets.UTF_8)); // a quote opened on every line
        long customers =
                jdbc.sql("select count(*) from customers").query(Long.class).single();
        List<String> failures = new ArrayList<>();
        for (String mode : List.of("all-or-nothing", "valid-only")) {
            for (byte[] file : files) {
                ApiClient.Response answer =
                        client.upload("/api/customers/import?mode=" + mode, "file", "list.csv", file);
                String type = answer.headers().firstValue("Content-Type").orElse("");
                if (answer.status() >= 500
                        || (answer.status() >= 400 && !type.startsWith("application/problem+json"))) {
                    failures.add(mode + " " + file.length + " bytes -> " + answer.status() + " " + type);
                }
            }
        }
        // A broken multipart envelope: no closing boundary, and a part without a name.
        ApiClient.Response truncated = client.send(
                "POST",
                "/api/customers/import",
                "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\n電話番号\r\n",
                Map.of("Content-Type", "multipart/form-data; boundary=x"));

        assertThat(failures)
                .as("uploads answered with 5xx or without problem JSON")
                .isEmpty();
        assertThat(truncated.status()).isBetween(400, 499);
        assertThat(jdbc.sql("select count(*) from customers").query(Long.class).single())
                .as("customers after the hostile uploads")
                .isEqualTo(customers);
    }

    private static HostileRequests.Caller caller(ApiClient session, ApiClient token) {
        String sessionId = session.cookie("sessionid");
        return new HostileRequests.Caller(
                (sessionId == null ? "" : "sessionid=" + sessionId + "; ") + "csrftoken=" + session.cookie("csrftoken"),
                token.cookie("csrftoken"));
    }

    private static void send(
            RawHttp raw, HostileRequests.Request request, Map<Integer, Integer> byStatus, List<String> failures) {
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
