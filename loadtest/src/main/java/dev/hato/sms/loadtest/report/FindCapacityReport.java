package dev.hato.sms.loadtest.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.hato.sms.loadtest.measure.CpuSplit;
import dev.hato.sms.loadtest.measure.RunResult;
import dev.hato.sms.loadtest.measure.Saturation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The top page of a find-capacity run: the knee (offered against measured SMS/hour per step, latency
 * percentiles, failures), the CPU split per step, the first resource to saturate where it broke, a
 * sizing line from the measured CPU per SMS, and links to each step's own report.
 */
public final class FindCapacityReport {

    /**
     * One step, as the report shows it and as find-capacity.json lists it (the JSON names are the ones
     * other tools read; the step's folder is the report's link only).
     */
    @JsonPropertyOrder({
        "step",
        "offered_sms_per_hour",
        "measured_sms_per_hour",
        "p50_ms",
        "p95_ms",
        "p99_ms",
        "error_rate",
        "verdict",
        "first_saturated",
        "failures",
        "cpu_cores"
    })
    public record Step(
            @JsonProperty("step") int number,
            @JsonIgnore double offered,
            @JsonIgnore double measured,
            @JsonProperty("p50_ms") long p50,
            @JsonProperty("p95_ms") long p95,
            @JsonProperty("p99_ms") long p99,
            @JsonProperty("error_rate") double errorRate,
            @JsonProperty("failures") long failures,
            @JsonIgnore boolean passed,
            @JsonProperty("first_saturated") Saturation.Finding saturated,
            @JsonIgnore CpuSplit cpu,
            @JsonIgnore String folder) {

        public static Step of(int number, double offered, RunResult result, String folder) {
            return new Step(
                    number,
                    offered,
                    result.smsPerHour(),
                    result.aggregate().p50Ms(),
                    result.aggregate().p95Ms(),
                    result.aggregate().p99Ms(),
                    result.errorRate(),
                    result.aggregate().failures(),
                    result.passed(),
                    result.saturation(),
                    result.cpuShares(),
                    folder);
        }

        @JsonProperty("offered_sms_per_hour")
        long offeredSmsPerHour() {
            return Math.round(offered);
        }

        @JsonProperty("measured_sms_per_hour")
        long measuredSmsPerHour() {
            return Math.round(measured);
        }

        @JsonProperty("verdict")
        String verdict() {
            return passed ? "PASS" : "FAIL";
        }

        @JsonProperty("cpu_cores")
        double[] cpuCores() {
            return cpu.asArray();
        }

        String saturatedText() {
            return saturated.resource() + " (" + saturated.evidence() + ")";
        }
    }

    private FindCapacityReport() {}

    public static void write(Path file, String verdict, double target, List<Step> steps, String environment)
            throws IOException {
        StringBuilder html = new StringBuilder("""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hato find-capacity</title>
                <style>body{font:14px system-ui,sans-serif;margin:2em;max-width:1000px}table{border-collapse:collapse}
                td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}th{background:#f4f4f4}
                .PASS{color:#137333}.FAIL{color:#b3261e}</style></head><body>
                """);
        Step held = steps.stream().filter(Step::passed).reduce((a, b) -> b).orElse(null);
        Step broke = steps.stream().filter(s -> !s.passed()).findFirst().orElse(null);
        html.append("<h1 class=\"")
                .append(verdict)
                .append("\">")
                .append(verdict)
                .append(": ");
        html.append(
                held == null
                        ? "no step held"
                        : String.format(Locale.ROOT, "held %,.0f SMS/hour (target %,.0f)", held.measured(), target));
        html.append("</h1>\n");
        if (broke != null) {
            html.append(String.format(
                    Locale.ROOT,
                    "<p>Broke at %,.0f SMS/hour offered (p95 %d ms, p99 %d ms, %d failures). First resource to"
                            + " saturate: <b>%s</b>.</p>%n",
                    broke.offered(),
                    broke.p95(),
                    broke.p99(),
                    broke.failures(),
                    Html.escape(broke.saturatedText())));
        }
        if (held != null) {
            CpuSplit.PerSms perSms = held.cpu().perSms(held.measured());
            html.append(String.format(
                    Locale.ROOT,
                    "<p><b>Sizing</b> (from the highest step that held): the service spent %.2f ms and PostgreSQL"
                            + " %.2f ms of CPU per SMS, so 1,000,000 SMS/hour needs about %.1f vCPU for the service"
                            + " and %.1f for PostgreSQL at full use (divide by the utilisation you plan for, e.g."
                            + " 0.6).</p>%n",
                    perSms.serviceMs(),
                    perSms.postgresMs(),
                    1_000_000 / 3600.0 * perSms.serviceMs() / 1000,
                    1_000_000 / 3600.0 * perSms.postgresMs() / 1000));
        }
        double[] x = steps.stream().mapToDouble(Step::offered).toArray();
        html.append(Html.chart(
                "The knee: measured against offered SMS/hour",
                "SMS/h",
                List.of(
                        new Html.Series("offered", "#999999", x, x),
                        new Html.Series(
                                "measured",
                                "#1a73e8",
                                x,
                                steps.stream().mapToDouble(Step::measured).toArray()))));
        html.append(Html.chart(
                "Latency per step",
                "ms",
                List.of(
                        new Html.Series(
                                "p50",
                                "#137333",
                                x,
                                steps.stream().mapToDouble(Step::p50).toArray()),
                        new Html.Series(
                                "p95",
                                "#e37400",
                                x,
                                steps.stream().mapToDouble(Step::p95).toArray()),
                        new Html.Series(
                                "p99",
                                "#b3261e",
                                x,
                                steps.stream().mapToDouble(Step::p99).toArray()))));
        html.append(Html.table(
                List.of(
                        "step",
                        "offered SMS/h",
                        "measured SMS/h",
                        "p50 / p95 / p99 ms",
                        "failures",
                        "CPU cores: generator / service / PostgreSQL / other",
                        "CPU ms per SMS: service / PostgreSQL",
                        "verdict",
                        "first saturated",
                        "report"),
                steps.stream().map(FindCapacityReport::row).toList()));
        html.append("<p>").append(Html.escape(environment)).append("</p></body></html>\n");
        Files.writeString(file, html);
    }

    private static List<String> row(Step s) {
        CpuSplit.PerSms perSms = s.cpu().perSms(s.measured());
        return List.of(
                Integer.toString(s.number()),
                String.format(Locale.ROOT, "%,.0f", s.offered()),
                String.format(Locale.ROOT, "%,.0f", s.measured()),
                s.p50() + " / " + s.p95() + " / " + s.p99(),
                Long.toString(s.failures()),
                String.format(
                        Locale.ROOT,
                        "%.2f / %.2f / %.2f / %.2f",
                        s.cpu().loadGenerator(),
                        s.cpu().service(),
                        s.cpu().postgres(),
                        s.cpu().other()),
                String.format(Locale.ROOT, "%.2f / %.2f", perSms.serviceMs(), perSms.postgresMs()),
                "<span class=\"" + s.verdict() + "\">" + s.verdict() + "</span>",
                Html.escape(s.saturatedText()),
                "<a href=\"" + s.folder() + "/report.html\">" + s.folder() + "</a>");
    }
}
