package dev.hato.sms.loadtest.bench;

import dev.hato.sms.loadtest.config.CommandLineConfig;
import dev.hato.sms.loadtest.config.RunConfig;
import dev.hato.sms.loadtest.load.StaffSession;
import dev.hato.sms.loadtest.measure.Environment;
import dev.hato.sms.loadtest.process.ServiceUnderTest;
import dev.hato.sms.loadtest.report.ReportWriter;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The history's CSV export of {@code -Drows} messages (default 1,000,000) through the real API: time
 * to the first byte, total time, bytes and rows, and the service's heap while it streams (sampled from
 * its Prometheus endpoint every 200 ms; the peak of the samples, beside the heap before). Not a test:
 * it asserts nothing. {@code mvn -pl loadtest exec:exec@export-benchmark -Drows=1000000}.
 */
public final class ExportBenchmark {

    static final Pattern HEAP =
            Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} (\\S+)$", Pattern.MULTILINE);

    // What survives young collections: rows kept in memory would pile up here.
    static final Pattern OLD_GEN = Pattern.compile(
            "^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*id=\"G1 Old Gen\"[^}]*\\} (\\S+)$", Pattern.MULTILINE);

    private ExportBenchmark() {}

    public static void main(String[] args) throws Exception {
        RunConfig given = CommandLineConfig.readOrExit();
        long rows = given.rows();
        Path out = given.outputDir().toAbsolutePath();
        Files.createDirectories(out);
        RunConfig config = given.withServiceArgs(Stream.concat(
                        given.serviceArgs().stream(),
                        Stream.of("--sms.embedded-db.port=" + given.pgPort(), "--sms.dispatch.enabled=false"))
                .toList());
        try (ServiceUnderTest service = ServiceUnderTest.start(config, out);
                Connection db = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + given.pgPort() + "/postgres",
                        "postgres",
                        HistoryBenchmark.superuserPassword(out))) {
            HistoryBenchmark.fill(db, rows);
            StaffSession staff = StaffSession.login(config.load().withHost(service.baseUrl()));
            // One small export first: class loading and plans, as a user's second export finds them.
            drain(staff.open("/api/sms/history/export?status=failed&since=2999-01-01T00:00:00Z"));
            Map<String, Object> results = new LinkedHashMap<>(export(staff, rows));
            results.put("environment", Environment.describe(config));
            ReportWriter.writeJson(out.resolve("export-benchmark.json"), results);
            System.out.println("export-benchmark: " + results);
        }
    }

    private static Map<String, Object> export(StaffSession staff, long rows) throws Exception {
        long heapBefore = heap(staff, HEAP);
        long oldBefore = heap(staff, OLD_GEN);
        AtomicLong peak = new AtomicLong(heapBefore);
        AtomicLong oldPeak = new AtomicLong(oldBefore);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                try {
                    String metrics = staff.get("/actuator/prometheus");
                    peak.accumulateAndGet(sum(metrics, HEAP), Math::max);
                    oldPeak.accumulateAndGet(sum(metrics, OLD_GEN), Math::max);
                    Thread.sleep(200);
                } catch (Exception e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long started = System.nanoTime();
        HttpResponse<InputStream> response = staff.open("/api/sms/history/export");
        long firstByte = 0;
        long bytes = 0;
        long lines = 0;
        try (InputStream body = response.body()) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = body.read(buffer)) > 0) {
                if (bytes == 0) {
                    firstByte = System.nanoTime();
                }
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        long ended = System.nanoTime();
        running.set(false);
        sampler.join();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("rows_in_table", rows);
        result.put("status", response.statusCode());
        result.put("rows_exported", lines - 1);
        result.put("bytes", bytes);
        result.put("first_byte_ms", (firstByte - started) / 1e6);
        result.put("total_seconds", (ended - started) / 1e9);
        result.put("rows_per_second", (lines - 1) / ((ended - started) / 1e9));
        result.put("service_heap_before_mb", heapBefore / 1048576.0);
        result.put("service_heap_peak_sampled_mb", peak.get() / 1048576.0);
        result.put("service_old_gen_before_mb", oldBefore / 1048576.0);
        result.put("service_old_gen_peak_sampled_mb", oldPeak.get() / 1048576.0);
        return result;
    }

    private static long heap(StaffSession staff, Pattern pattern) {
        return sum(staff.get("/actuator/prometheus"), pattern);
    }

    static long sum(String metrics, Pattern pattern) {
        Matcher m = pattern.matcher(metrics);
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return (long) total;
    }

    private static void drain(HttpResponse<InputStream> response) throws Exception {
        try (InputStream body = response.body()) {
            body.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }
}
