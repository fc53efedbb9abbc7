package dev.hato.sms.loadtest.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.hato.sms.loadtest.config.LoadSettings;
import dev.hato.sms.loadtest.config.RunConfig;
import dev.hato.sms.loadtest.load.Recorder;
import dev.hato.sms.loadtest.measure.Environment;
import dev.hato.sms.loadtest.measure.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes summary.json, stats.csv and report.html for a run. */
public final class ReportWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {}

    static Map<String, Object> summary(RunResult r, JsonNode lastServerSummary, RunConfig config) {
        Recorder.Stats all = r.aggregate();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("verdict", r.passed() ? "PASS" : "FAIL");
        s.put("verdict_line", r.verdictLine());
        s.put("sms_per_hour", Math.round(r.smsPerHour()));
        s.put("target_sms_per_hour", r.settings().targetSmsPerHour());
        s.put("requests", all.requests());
        s.put("failures", all.failures());
        s.put("error_rate", r.errorRate());
        s.put("requests_per_second", all.requestsPerSecond());
        s.put("p50_ms", all.p50Ms());
        s.put("p95_ms", all.p95Ms());
        s.put("p99_ms", all.p99Ms());
        s.put("max_ms", all.maxMs());
        s.put(
                "slo",
                Map.of(
                        "p95_ms",
                        r.settings().p95Ms(),
                        "p99_ms",
                        r.settings().p99Ms(),
                        "max_error_rate",
                        r.settings().maxErrorRate()));
        s.put("checks", r.checks());
        Map<String, Object> endpoints = new LinkedHashMap<>();
        for (Recorder.Stats e : r.endpoints().subList(0, r.endpoints().size() - 1)) {
            endpoints.put(
                    e.name(),
                    Map.of(
                            "requests",
                            e.requests(),
                            "failures",
                            e.failures(),
                            "error_rate",
                            e.requests() == 0 ? 0 : (double) e.failures() / e.requests(),
                            "requests_per_second",
                            e.requestsPerSecond(),
                            "p50_ms",
                            e.p50Ms(),
                            "p95_ms",
                            e.p95Ms(),
                            "p99_ms",
                            e.p99Ms(),
                            "max_ms",
                            e.maxMs()));
        }
        s.put("endpoints", endpoints);
        s.put("cpu_cores", r.cpuShares().asMap());
        s.put("first_saturated", r.saturation());
        s.put("window_seconds", r.windowSeconds());
        s.put("settings", settings(r.settings()));
        s.put("environment", Environment.describe(config));
        if (r.cluster() != null) {
            s.put("cluster", r.cluster());
        }
        if (lastServerSummary != null) {
            s.put("slowest_statements", lastServerSummary.path("postgres").path("slowest_statements"));
        }
        return s;
    }

    static Map<String, Object> settings(LoadSettings l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", l.model());
        m.put("users", l.users());
        m.put("spawn_rate", l.spawnRate());
        m.put("run_time_seconds", l.runTime().toSeconds());
        m.put("host", l.host());
        m.put("target_sms_per_hour", l.targetSmsPerHour());
        m.put("p95_ms", l.p95Ms());
        m.put("p99_ms", l.p99Ms());
        m.put("max_error_rate", l.maxErrorRate());
        m.put("loop_wait_ms", l.loopWait().toMillis());
        m.put("heavy_share", l.heavyShare());
        return m;
    }

    public static void write(Path dir, RunResult r, JsonNode lastServerSummary, RunConfig config) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> summary = summary(r, lastServerSummary, config);
        JSON.writeValue(dir.resolve("summary.json").toFile(), summary);
        Files.writeString(dir.resolve("stats.csv"), csv(r.endpoints()));
        Files.writeString(dir.resolve("report.html"), HtmlReport.render(r, summary));
    }

    /** Locust's column names where they map. */
    public static String csv(List<Recorder.Stats> rows) {
        StringBuilder csv = new StringBuilder("Type,Name,Request Count,Failure Count,Median Response Time,"
                + "Average Response Time,Min Response Time,Max Response Time,Requests/s,Failures/s,50%,95%,99%,100%\n");
        for (Recorder.Stats e : rows) {
            String type = e.name().equals("Aggregated")
                    ? ""
                    : e.name().substring(0, e.name().indexOf(' '));
            String name = e.name().equals("Aggregated")
                    ? "Aggregated"
                    : e.name().substring(e.name().indexOf(' ') + 1);
            csv.append(String.format(
                    Locale.ROOT,
                    "%s,%s,%d,%d,%d,%.2f,%d,%d,%.2f,%.2f,%d,%d,%d,%d%n",
                    type,
                    name,
                    e.requests(),
                    e.failures(),
                    e.p50Ms(),
                    e.meanMs(),
                    e.minMs(),
                    e.maxMs(),
                    e.requestsPerSecond(),
                    e.failuresPerSecond(),
                    e.p50Ms(),
                    e.p95Ms(),
                    e.p99Ms(),
                    e.maxMs()));
        }
        return csv.toString();
    }

    public static void writeJson(Path file, Object value) throws IOException {
        JSON.writeValue(file.toFile(), value);
    }
}
