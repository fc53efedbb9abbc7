package dev.hato.sms.loadtest.bench;

import dev.hato.sms.loadtest.config.CommandLineConfig;
import dev.hato.sms.loadtest.config.RunConfig;
import dev.hato.sms.loadtest.load.StaffSession;
import dev.hato.sms.loadtest.measure.Environment;
import dev.hato.sms.loadtest.process.ServiceUnderTest;
import dev.hato.sms.loadtest.report.ReportWriter;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The customer CSV import of {@code -Drows} rows (default 100,000) through the real API: a Shift_JIS
 * file as Excel writes it (Japanese names, external ids, distinct mobile numbers), first previewed,
 * then imported valid-only, then imported again (all unchanged). Times each and samples the service's
 * heap as {@link ExportBenchmark} does. Not a test: it asserts nothing.
 * {@code mvn -pl loadtest compile exec:exec@import-benchmark -Drows=100000}.
 */
public final class ImportBenchmark {

    private ImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        RunConfig given = CommandLineConfig.readOrExit();
        int rows = (int) given.rows();
        Path out = given.outputDir().toAbsolutePath();
        Files.createDirectories(out);
        RunConfig config = given.withServiceArgs(Stream.concat(
                        given.serviceArgs().stream(),
                        Stream.of("--sms.dispatch.enabled=false", "--sms.import.max-bytes=50MB"))
                .toList());
        StringBuilder csv = new StringBuilder("顧客ID,氏名,電話番号\r\n");
        for (int i = 0; i < rows; i++) {
            csv.append(String.format(Locale.ROOT, "B-%d,顧客 %d 様,090%08d\r\n", i, i, 10_000_000 + i));
        }
        byte[] file = csv.toString().getBytes(Charset.forName("windows-31j"));
        try (ServiceUnderTest service = ServiceUnderTest.start(config, out)) {
            StaffSession staff = StaffSession.login(config.load().withHost(service.baseUrl()));
            // A small import first: class loading and plans.
            staff.upload(
                    "/api/customers/import?mode=valid-only",
                    "電話番号\r\n08011112222\r\n".getBytes(Charset.forName("windows-31j")));
            Map<String, Object> results = new LinkedHashMap<>();
            results.put("rows", rows);
            results.put("file_bytes", file.length);
            results.put("preview", timed(staff, "/api/customers/import?mode=preview", file));
            results.put("valid_only", timed(staff, "/api/customers/import?mode=valid-only", file));
            results.put("again_valid_only", timed(staff, "/api/customers/import?mode=valid-only", file));
            results.put("environment", Environment.describe(config));
            ReportWriter.writeJson(out.resolve("import-benchmark.json"), results);
            System.out.println("import-benchmark: " + results);
        }
    }

    private static Map<String, Object> timed(StaffSession staff, String path, byte[] file) throws Exception {
        String before = staff.get("/actuator/prometheus");
        AtomicLong peak = new AtomicLong(ExportBenchmark.sum(before, ExportBenchmark.HEAP));
        AtomicLong oldPeak = new AtomicLong(ExportBenchmark.sum(before, ExportBenchmark.OLD_GEN));
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                try {
                    String metrics = staff.get("/actuator/prometheus");
                    peak.accumulateAndGet(ExportBenchmark.sum(metrics, ExportBenchmark.HEAP), Math::max);
                    oldPeak.accumulateAndGet(ExportBenchmark.sum(metrics, ExportBenchmark.OLD_GEN), Math::max);
                    Thread.sleep(200);
                } catch (Exception e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long started = System.nanoTime();
        HttpResponse<String> response = staff.upload(path, file);
        double seconds = (System.nanoTime() - started) / 1e9;
        running.set(false);
        sampler.join();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("status", response.statusCode());
        result.put("seconds", seconds);
        result.put("answer_bytes", response.body().length());
        String body = response.body();
        result.put("answer_head", body.substring(0, Math.min(160, body.length())));
        result.put("heap_before_mb", ExportBenchmark.sum(before, ExportBenchmark.HEAP) / 1048576.0);
        result.put("heap_peak_sampled_mb", peak.get() / 1048576.0);
        result.put("old_gen_before_mb", ExportBenchmark.sum(before, ExportBenchmark.OLD_GEN) / 1048576.0);
        result.put("old_gen_peak_sampled_mb", oldPeak.get() / 1048576.0);
        return result;
    }
}
