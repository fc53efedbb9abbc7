package dev.hato.sms.loadtest.report;

import dev.hato.sms.loadtest.load.Recorder;
import dev.hato.sms.loadtest.measure.ClusterFigures;
import dev.hato.sms.loadtest.measure.CpuSplit;
import dev.hato.sms.loadtest.measure.RunResult;
import dev.hato.sms.loadtest.measure.Saturation;
import dev.hato.sms.loadtest.measure.ServerSampler;
import dev.hato.sms.loadtest.process.Cluster;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** report.html: the verdict first, then the charts an operator reads to see what limited the run. */
final class HtmlReport {

    private HtmlReport() {}

    static String render(RunResult r, Map<String, Object> summary) {
        StringBuilder html = new StringBuilder();
        html.append("<!doctype html><html><head><meta charset='utf-8'><title>SMS capacity report</title><style>")
                .append("body{font-family:sans-serif;margin:2em;max-width:800px}.pass{color:#070}.fail{color:#b00}")
                .append("table{border-collapse:collapse;font-size:13px}")
                .append("td,th{border:1px solid #ccc;padding:3px 6px;text-align:right}")
                .append("td:first-child,th:first-child{text-align:left}.chart{display:block;margin:1em 0}")
                .append("</style></head><body>");
        verdict(html, r);
        checks(html, r);
        if (r.cluster() != null) {
            cluster(html, r.cluster());
        }
        clientCharts(html, r);
        serverCharts(html, r);
        endpoints(html, r);
        statements(html, summary);
        html.append(Html.heading("Run"))
                .append("<pre>")
                .append(Html.escape(String.valueOf(summary.get("settings"))))
                .append("\n")
                .append(Html.escape(String.valueOf(summary.get("environment"))))
                .append("</pre><p>Gatling's own report is in the gatling/ folder beside this file.</p></body></html>");
        return html.toString();
    }

    /** The verdict line, the first resource to saturate and the CPU split. */
    private static void verdict(StringBuilder html, RunResult r) {
        html.append("<h1 class='")
                .append(r.passed() ? "pass" : "fail")
                .append("'>")
                .append(Html.escape(r.verdictLine()))
                .append("</h1>");
        Saturation.Finding f = r.saturation();
        html.append("<p><b>First resource to saturate:</b> ").append(Html.escape(f.resource()));
        if (f.atSecond() >= 0) {
            html.append(String.format(Locale.ROOT, " at %.0f s", f.atSecond()));
        }
        html.append(" &mdash; ").append(Html.escape(f.evidence())).append("</p>");
        CpuSplit cpu = r.cpuShares();
        html.append(String.format(
                Locale.ROOT,
                "<p><b>CPU (cores of %d, average):</b> load generator %.2f, service %.2f, PostgreSQL %.2f, other %.2f</p>",
                Runtime.getRuntime().availableProcessors(),
                cpu.loadGenerator(),
                cpu.service(),
                cpu.postgres(),
                cpu.other()));
    }

    private static void checks(StringBuilder html, RunResult r) {
        html.append(Html.heading("Checks"))
                .append(Html.table(
                        List.of("check", "result", "detail"),
                        r.checks().stream()
                                .map(c -> List.of(c.name(), c.ok() ? "ok" : "MISSED", Html.escape(c.detail())))
                                .toList()));
    }

    private static void clientCharts(StringBuilder html, RunResult r) {
        List<Recorder.Second> sec = r.seconds();
        double[] t = sec.stream().mapToDouble(Recorder.Second::second).toArray();
        html.append(Html.heading("Over time (client)"));
        html.append(Html.chart(
                "Throughput",
                "per second",
                List.of(
                        series("requests/s", "#1f77b4", t, sec, Recorder.Second::requests),
                        series("SMS sent/s", "#2ca02c", t, sec, Recorder.Second::sends))));
        html.append(Html.chart(
                "Latency",
                "ms",
                List.of(
                        series("p50", "#2ca02c", t, sec, Recorder.Second::p50Ms),
                        series("p95", "#ff7f0e", t, sec, Recorder.Second::p95Ms),
                        series("p99", "#d62728", t, sec, Recorder.Second::p99Ms))));
        html.append(Html.chart(
                "Errors",
                "per second",
                List.of(series("failed requests", "#d62728", t, sec, Recorder.Second::failures))));
    }

    private static void serverCharts(StringBuilder html, RunResult r) {
        List<ServerSampler.Sample> srv = r.server();
        double[] st = srv.stream().mapToDouble(ServerSampler.Sample::second).toArray();
        html.append(Html.heading("Over time (server, sampled every "
                + r.settings().sampleInterval().toSeconds() + " s)"));
        html.append(Html.chart(
                "CPU",
                "cores",
                List.of(
                        sample("load generator", "#9467bd", st, srv, ServerSampler.Sample::loadGeneratorCores),
                        sample("service", "#1f77b4", st, srv, ServerSampler.Sample::serviceCores),
                        sample("PostgreSQL", "#ff7f0e", st, srv, ServerSampler.Sample::postgresCores),
                        sample("other", "#7f7f7f", st, srv, ServerSampler.Sample::otherCores))));
        html.append(Html.chart(
                "Heap",
                "MB",
                List.of(
                        sample("used", "#1f77b4", st, srv, ServerSampler.Sample::heapUsedMb),
                        sample("max", "#7f7f7f", st, srv, ServerSampler.Sample::heapMaxMb))));
        html.append(Html.chart(
                "Connection pool",
                "connections",
                List.of(
                        sample("active", "#1f77b4", st, srv, ServerSampler.Sample::poolActive),
                        sample("pending", "#d62728", st, srv, ServerSampler.Sample::poolPending),
                        sample("max", "#7f7f7f", st, srv, ServerSampler.Sample::poolMax))));
        html.append(Html.chart(
                "PostgreSQL connections",
                "connections",
                List.of(
                        sample("in use", "#1f77b4", st, srv, ServerSampler.Sample::pgConnections),
                        sample("max_connections", "#7f7f7f", st, srv, ServerSampler.Sample::pgMaxConnections))));
        html.append(Html.chart(
                "Deadlocks and lock waits",
                "count",
                List.of(
                        sample("deadlocks (cumulative)", "#d62728", st, srv, ServerSampler.Sample::deadlocks),
                        sample("lock waits", "#ff7f0e", st, srv, ServerSampler.Sample::lockWaits))));
        html.append(Html.chart(
                "Delivery queue",
                "messages",
                List.of(sample("queue depth", "#1f77b4", st, srv, ServerSampler.Sample::queueDepth))));
        html.append(Html.chart(
                "Accepted-to-sent latency",
                "ms",
                List.of(sample("p95", "#ff7f0e", st, srv, ServerSampler.Sample::deliveryP95Ms))));
    }

    private static void endpoints(StringBuilder html, RunResult r) {
        html.append(Html.heading("Per endpoint"))
                .append(Html.table(
                        List.of("endpoint", "requests", "failures", "req/s", "p50", "p95", "p99", "max"),
                        r.endpoints().stream()
                                .map(e -> List.of(
                                        Html.escape(e.name()),
                                        Long.toString(e.requests()),
                                        Long.toString(e.failures()),
                                        String.format(Locale.ROOT, "%.1f", e.requestsPerSecond()),
                                        Long.toString(e.p50Ms()),
                                        Long.toString(e.p95Ms()),
                                        Long.toString(e.p99Ms()),
                                        Long.toString(e.maxMs())))
                                .toList()));
    }

    private static void statements(StringBuilder html, Map<String, Object> summary) {
        List<List<String>> rows = new java.util.ArrayList<>();
        if (summary.get("slowest_statements") instanceof com.fasterxml.jackson.databind.JsonNode nodes) {
            for (com.fasterxml.jackson.databind.JsonNode n : nodes) {
                rows.add(List.of(
                        Html.escape(n.path("query").asText()),
                        Long.toString(n.path("calls").asLong()),
                        String.format(Locale.ROOT, "%.0f", n.path("total_ms").asDouble()),
                        String.format(Locale.ROOT, "%.3f", n.path("mean_ms").asDouble()),
                        String.format(Locale.ROOT, "%.2f", n.path("max_ms").asDouble())));
            }
        }
        html.append(Html.heading("Costliest statements (pg_stat_statements, by total time)"))
                .append(Html.table(List.of("statement", "calls", "total ms", "mean ms", "max ms"), rows));
    }

    private static void cluster(StringBuilder html, ClusterFigures c) {
        html.append(Html.heading("Instances (behind HAProxy)"))
                .append(Html.table(
                        List.of("instance", "requests", "5xx", "CPU cores (average)"),
                        c.instances().stream()
                                .map(i -> List.of(
                                        Html.escape(i.name()),
                                        String.format(Locale.ROOT, "%,d", i.requests()),
                                        String.format(Locale.ROOT, "%,d", i.serverErrors()),
                                        String.format(Locale.ROOT, "%.2f", i.cores())))
                                .toList()));
        Cluster.Delivery d = c.delivery();
        html.append(String.format(
                Locale.ROOT,
                "<p><b>Messages:</b> %,d accepted, %,d sent, %,d failed, %,d still open; the SNS stand-in"
                        + " received %,d publishes: %,d lost, %,d sent twice.</p>",
                d.accepted(),
                d.sent(),
                d.failed(),
                d.open(),
                d.published(),
                d.lost(),
                d.duplicates()));
        html.append("<h2>Disruption: ").append(c.disruption().label()).append("</h2><ul>");
        c.events().forEach(e -> html.append("<li>").append(Html.escape(e)).append("</li>"));
        html.append("</ul>");
    }

    private static Html.Series series(
            String name,
            String color,
            double[] t,
            List<Recorder.Second> seconds,
            ToDoubleFunction<Recorder.Second> value) {
        return new Html.Series(
                name, color, t, seconds.stream().mapToDouble(value).toArray());
    }

    private static Html.Series sample(
            String name,
            String color,
            double[] t,
            List<ServerSampler.Sample> samples,
            ToDoubleFunction<ServerSampler.Sample> value) {
        return new Html.Series(
                name, color, t, samples.stream().mapToDouble(value).toArray());
    }
}
