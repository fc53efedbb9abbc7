package dev.hato.sms.loadtest;

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
final class FindCapacityReport {

    /** One step as the report shows it. cpu: load generator, service, PostgreSQL, other (cores). */
    record Step(
            int number,
            double offered,
            double measured,
            long p50,
            long p95,
            long p99,
            long failures,
            boolean passed,
            String saturated,
            double[] cpu,
            String folder) {

        /** CPU milliseconds per SMS of the service and of PostgreSQL. */
        double[] cpuMsPerSms() {
            double smsPerSecond = Math.max(1e-9, measured / 3600);
            return new double[] {cpu[1] * 1000 / smsPerSecond, cpu[2] * 1000 / smsPerSecond};
        }
    }

    private FindCapacityReport() {}

    static void write(Path file, String verdict, double target, List<Step> steps, String environment)
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
                    SvgChart.escape(broke.saturated())));
        }
        if (held != null) {
            double[] perSms = held.cpuMsPerSms();
            html.append(String.format(
                    Locale.ROOT,
                    "<p><b>Sizing</b> (from the highest step that held): the service spent %.2f ms and PostgreSQL"
                            + " %.2f ms of CPU per SMS, so 1,000,000 SMS/hour needs about %.1f vCPU for the service"
                            + " and %.1f for PostgreSQL at full use (divide by the utilisation you plan for, e.g."
                            + " 0.6).</p>%n",
                    perSms[0],
                    perSms[1],
                    1_000_000 / 3600.0 * perSms[0] / 1000,
                    1_000_000 / 3600.0 * perSms[1] / 1000));
        }
        double[] x = steps.stream().mapToDouble(Step::offered).toArray();
        html.append(SvgChart.render(
                "The knee: measured against offered SMS/hour",
                "SMS/h",
                List.of(
                        new SvgChart.Series("offered", "#999999", x, x),
                        new SvgChart.Series(
                                "measured",
                                "#1a73e8",
                                x,
                                steps.stream().mapToDouble(Step::measured).toArray()))));
        html.append(SvgChart.render(
                "Latency per step",
                "ms",
                List.of(
                        new SvgChart.Series(
                                "p50",
                                "#137333",
                                x,
                                steps.stream().mapToDouble(Step::p50).toArray()),
                        new SvgChart.Series(
                                "p95",
                                "#e37400",
                                x,
                                steps.stream().mapToDouble(Step::p95).toArray()),
                        new SvgChart.Series(
                                "p99",
                                "#b3261e",
                                x,
                                steps.stream().mapToDouble(Step::p99).toArray()))));
        html.append("<table><tr><th>step</th><th>offered SMS/h</th><th>measured SMS/h</th><th>p50 / p95 / p99 ms</th>"
                + "<th>failures</th><th>CPU cores: generator / service / PostgreSQL / other</th>"
                + "<th>CPU ms per SMS: service / PostgreSQL</th><th>verdict</th><th>first saturated</th>"
                + "<th>report</th></tr>\n");
        for (Step s : steps) {
            double[] perSms = s.cpuMsPerSms();
            html.append(String.format(
                    Locale.ROOT,
                    "<tr><td>%d</td><td>%,.0f</td><td>%,.0f</td><td>%d / %d / %d</td><td>%d</td>"
                            + "<td>%.2f / %.2f / %.2f / %.2f</td><td>%.2f / %.2f</td><td class=\"%s\">%s</td>"
                            + "<td>%s</td><td><a href=\"%s/report.html\">%s</a></td></tr>%n",
                    s.number(),
                    s.offered(),
                    s.measured(),
                    s.p50(),
                    s.p95(),
                    s.p99(),
                    s.failures(),
                    s.cpu()[0],
                    s.cpu()[1],
                    s.cpu()[2],
                    s.cpu()[3],
                    perSms[0],
                    perSms[1],
                    s.passed() ? "PASS" : "FAIL",
                    s.passed() ? "PASS" : "FAIL",
                    SvgChart.escape(s.saturated()),
                    s.folder(),
                    s.folder()));
        }
        html.append("</table>\n<p>").append(SvgChart.escape(environment)).append("</p></body></html>\n");
        Files.writeString(file, html);
    }
}
