package dev.hato.sms.loadtest.bench;

import dev.hato.sms.loadtest.config.CommandLineConfig;
import dev.hato.sms.loadtest.config.LoadSettings;
import dev.hato.sms.loadtest.config.RunConfig;
import dev.hato.sms.loadtest.load.Recorder;
import dev.hato.sms.loadtest.load.StaffSession;
import dev.hato.sms.loadtest.measure.Environment;
import dev.hato.sms.loadtest.process.ServiceUnderTest;
import dev.hato.sms.loadtest.report.ReportWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * History page latency at 1 thousand vs 1 million messages, through the real API. Keyset pagination
 * should make the two the same; an OFFSET or COUNT(*) would not. Not a test: it reports what it
 * measured (see docs/performance.md), it asserts nothing.
 */
public final class HistoryBenchmark {

    private HistoryBenchmark() {}

    /** The embedded database asks for a password; the service keeps it beside the data directory. */
    static String superuserPassword(Path out) throws java.io.IOException {
        java.util.Properties secret = new java.util.Properties();
        try (var in = Files.newInputStream(out.resolve("pg.secret"))) {
            secret.load(in);
        }
        return secret.getProperty("superuser.password");
    }

    public static void main(String[] args) throws Exception {
        RunConfig given = CommandLineConfig.readOrExit();
        int requests = given.requests();
        long large = given.rows();
        Path out = given.outputDir().toAbsolutePath();
        Files.createDirectories(out);
        int pgPort = given.pgPort();
        RunConfig config = given.withServiceArgs(java.util.stream.Stream.concat(
                        given.serviceArgs().stream(),
                        java.util.stream.Stream.of("--sms.embedded-db.port=" + pgPort, "--sms.dispatch.enabled=false"))
                .toList());
        try (ServiceUnderTest service = ServiceUnderTest.start(config, out);
                Connection db = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + pgPort + "/postgres", "postgres", superuserPassword(out))) {
            LoadSettings settings = config.load().withHost(service.baseUrl());
            StaffSession staff = StaffSession.login(settings);
            Map<String, Object> results = new LinkedHashMap<>();
            fill(db, 1_000);
            results.put("rows_1000", measure(staff, db, requests));
            fill(db, large);
            results.put("rows_" + large, measure(staff, db, requests));
            results.put("environment", Environment.describe(config));
            ReportWriter.writeJson(out.resolve("history-benchmark.json"), results);
            System.out.println("history-benchmark: " + results);
        }
    }

    /** Tops the messages table up to {@code rows}, spread over 1,000 customers, then refreshes statistics. */
    static void fill(Connection db, long rows) throws Exception {
        long started = System.nanoTime();
        try (Statement sql = db.createStatement()) {
            sql.execute("insert into customers (phone_number, phone_number_e164, name)"
                    + " select '0901' || lpad(n::text, 7, '0'), '+81901' || lpad(n::text, 7, '0'), 'bench'"
                    + " from generate_series(1, 1000 - (select count(*) from customers)) n");
            sql.execute("insert into messages (customer_id, phone_number_e164, body, encoding, segments, status,"
                    + " sent_by, created_at, sent_at, attempts, provider_message_id)"
                    + " select c.id, c.phone_number_e164, 'ベンチマーク ' || n, 'UCS-2', 1,"
                    + " (array['sent','sent','sent','failed'])[1 + n % 4], (select min(id) from users),"
                    + " now() - make_interval(secs => (" + rows + " - n)), now(), 1, md5(n::text)"
                    + " from generate_series((select count(*) from messages) + 1, " + rows + ") n"
                    + " join customers c on c.id = (select min(id) from customers) + n % 1000");
            sql.execute("vacuum analyze messages");
        }
        System.out.printf("history-benchmark: %,d rows after %.1f s%n", rows, (System.nanoTime() - started) / 1e9);
    }

    private static Map<String, Object> measure(StaffSession staff, Connection db, int requests) throws Exception {
        long customer;
        long middle;
        try (Statement sql = db.createStatement()) {
            var rs = sql.executeQuery("select min(customer_id), (min(id) + max(id)) / 2 from messages");
            rs.next();
            customer = rs.getLong(1);
            middle = rs.getLong(2);
        }
        String deepCursor = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("v1:" + middle).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("first_page", latency(staff, "/api/sms/history", requests));
        figures.put("page_in_the_middle", latency(staff, "/api/sms/history?cursor=" + deepCursor, requests));
        figures.put("by_customer", latency(staff, "/api/sms/history?customer_id=" + customer, requests));
        figures.put("by_status_failed", latency(staff, "/api/sms/history?status=failed", requests));
        return figures;
    }

    private static Map<String, Object> latency(StaffSession staff, String path, int requests) {
        // Warm-up (JIT, caches, plans): without it the first table size measured looks slowest.
        for (int i = 0; i < Integer.getInteger("warmupRequests", 1000); i++) {
            staff.get(path);
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            long started = System.nanoTime();
            staff.get(path);
            micros.add((System.nanoTime() - started) / 1000);
        }
        long[] sorted = micros.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("requests", requests);
        result.put("p50_ms", Recorder.percentile(sorted, 50) / 1000.0);
        result.put("p95_ms", Recorder.percentile(sorted, 95) / 1000.0);
        result.put("max_ms", sorted[sorted.length - 1] / 1000.0);
        return result;
    }
}
