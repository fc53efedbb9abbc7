package dev.hato.sms.loadtest;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** report.html: the verdict first, then the charts an operator reads to see what limited the run. */
final class HtmlReport {

    private HtmlReport() {}

    static String render(RunResult r, Map<String, Object> summary) {
        List<Recorder.Second> sec = r.seconds();
        List<ServerSampler.Sample> srv = r.server();
        double[] t = sec.stream().mapToDouble(Recorder.Second::second).toArray();
        double[] st = srv.stream().mapToDouble(ServerSampler.Sample::second).toArray();
        StringBuilder html = new StringBuilder();
        html.append("<!doctype html><html><head><meta charset='utf-8'><title>SMS capacity report</title><style>")
                .append("body{font-family:sans-serif;margin:2em;max-width:800px}.pass{color:#070}.fail{color:#b00}")
                .append(
                        "table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:3px 6px;text-align:right}")
                .append(
                        "td:first-child,th:first-child{text-align:left}.chart{display:block;margin:1em 0}</style></head><body>");
        html.append("<h1 class='")
                .append(r.passed() ? "pass" : "fail")
                .append("'>")
                .append(SvgChart.escape(r.verdictLine()))
                .append("</h1>");
        Saturation.Finding f = r.saturation();
        html.append("<p><b>First resource to saturate:</b> ").append(SvgChart.escape(f.resource()));
        if (f.atSecond() >= 0) {
            html.append(String.format(Locale.ROOT, " at %.0f s", f.atSecond()));
        }
        html.append(" &mdash; ").append(SvgChart.escape(f.evidence())).append("</p>");
        double[] cpu = r.cpuShares();
        html.append(String.format(
                Locale.ROOT,
                "<p><b>CPU (cores of %d, average):</b> load generator %.2f, service %.2f, PostgreSQL %.2f, other %.2f</p>",
                Runtime.getRuntime().availableProcessors(),
                cpu[0],
                cpu[1],
                cpu[2],
                cpu[3]));
        html.append("<h2>Checks</h2><table><tr><th>check</th><th>result</th><th>detail</th></tr>");
        for (RunResult.Check c : r.checks()) {
            html.append("<tr><td>")
                    .append(c.name())
                    .append("</td><td>")
                    .append(c.ok() ? "ok" : "MISSED")
                    .append("</td><td>")
                    .append(SvgChart.escape(c.detail()))
                    .append("</td></tr>");
        }
        html.append("</table>");
        if (r.cluster() != null) {
            cluster(html, r.cluster());
        }
        html.append("<h2>Over time (client)</h2>");
        html.append(SvgChart.render(
                "Throughput",
                "per second",
                List.of(
                        series("requests/s", "#1f77b4", t, sec, Recorder.Second::requests),
                        series("SMS sent/s", "#2ca02c", t, sec, Recorder.Second::sends))));
        html.append(SvgChart.render(
                "Latency",
                "ms",
                List.of(
                        series("p50", "#2ca02c", t, sec, Recorder.Second::p50Ms),
                        series("p95", "#ff7f0e", t, sec, Recorder.Second::p95Ms),
                        series("p99", "#d62728", t, sec, Recorder.Second::p99Ms))));
        html.append(SvgChart.render(
                "Errors",
                "per second",
                List.of(series("failed requests", "#d62728", t, sec, Recorder.Second::failures))));
        html.append("<h2>Over time (server, sampled every ")
                .append(r.settings().sampleInterval().toSeconds())
                .append(" s)</h2>");
        html.append(SvgChart.render(
                "CPU",
                "cores",
                List.of(
                        sample("load generator", "#9467bd", st, srv, ServerSampler.Sample::loadGeneratorCores),
                        sample("service", "#1f77b4", st, srv, ServerSampler.Sample::serviceCores),
                        sample("PostgreSQL", "#ff7f0e", st, srv, ServerSampler.Sample::postgresCores),
                        sample("other", "#7f7f7f", st, srv, ServerSampler.Sample::otherCores))));
        html.append(SvgChart.render(
                "Heap",
                "MB",
                List.of(
                        sample("used", "#1f77b4", st, srv, ServerSampler.Sample::heapUsedMb),
                        sample("max", "#7f7f7f", st, srv, ServerSampler.Sample::heapMaxMb))));
        html.append(SvgChart.render(
                "Connection pool",
                "connections",
                List.of(
                        sample("active", "#1f77b4", st, srv, ServerSampler.Sample::poolActive),
                        sample("pending", "#d62728", st, srv, ServerSampler.Sample::poolPending),
                        sample("max", "#7f7f7f", st, srv, ServerSampler.Sample::poolMax))));
        html.append(SvgChart.render(
                "PostgreSQL connections",
                "connections",
                List.of(
                        sample("in use", "#1f77b4", st, srv, ServerSampler.Sample::pgConnections),
                        sample("max_connections", "#7f7f7f", st, srv, ServerSampler.Sample::pgMaxConnections))));
        html.append(SvgChart.render(
                "Deadlocks and lock waits",
                "count",
                List.of(
                        sample("deadlocks (cumulative)", "#d62728", st, srv, ServerSampler.Sample::deadlocks),
                        sample("lock waits", "#ff7f0e", st, srv, ServerSampler.Sample::lockWaits))));
        html.append(SvgChart.render(
                "Delivery queue",
                "messages",
                List.of(sample("queue depth", "#1f77b4", st, srv, ServerSampler.Sample::queueDepth))));
        html.append(SvgChart.render(
                "Accepted-to-sent latency",
                "ms",
                List.of(sample("p95", "#ff7f0e", st, srv, ServerSampler.Sample::deliveryP95Ms))));
        html.append("<h2>Per endpoint</h2><table><tr><th>endpoint</th><th>requests</th><th>failures</th><th>req/s</th>")
                .append("<th>p50</th><th>p95</th><th>p99</th><th>max</th></tr>");
        for (Recorder.Stats e : r.endpoints()) {
            html.append(String.format(
                    Locale.ROOT,
                    "<tr><td>%s</td><td>%d</td><td>%d</td><td>%.1f</td><td>%d</td><td>%d</td><td>%d</td><td>%d</td></tr>",
                    SvgChart.escape(e.name()),
                    e.requests(),
                    e.failures(),
                    e.requestsPerSecond(),
                    e.p50Ms(),
                    e.p95Ms(),
                    e.p99Ms(),
                    e.maxMs()));
        }
        html.append("</table><h2>Costliest statements (pg_stat_statements, by total time)</h2><table>")
                .append("<tr><th>statement</th><th>calls</th><th>total ms</th><th>mean ms</th><th>max ms</th></tr>");
        Object statements = summary.get("slowest_statements");
        if (statements instanceof com.fasterxml.jackson.databind.JsonNode nodes) {
            for (com.fasterxml.jackson.databind.JsonNode n : nodes) {
                html.append(String.format(
                        Locale.ROOT,
                        "<tr><td>%s</td><td>%d</td><td>%.0f</td><td>%.3f</td><td>%.2f</td></tr>",
                        SvgChart.escape(n.path("query").asText()),
                        n.path("calls").asLong(),
                        n.path("total_ms").asDouble(),
                        n.path("mean_ms").asDouble(),
                        n.path("max_ms").asDouble()));
            }
        }
        html.append("</table><h2>Run</h2><pre>")
                .append(SvgChart.escape(String.valueOf(summary.get("settings"))))
                .append("\n")
                .append(SvgChart.escape(String.valueOf(summary.get("environment"))))
                .append("</pre><p>Gatling's own report is in the gatling/ folder beside this file.</p></body></html>");
        return html.toString();
    }

    private static void cluster(StringBuilder html, ClusterFigures c) {
        html.append("<h2>Instances (behind HAProxy)</h2><table><tr><th>instance</th><th>requests</th>")
                .append("<th>5xx</th><th>CPU cores (average)</th></tr>");
        for (ClusterFigures.Instance i : c.instances()) {
            html.append(String.format(
                    Locale.ROOT,
                    "<tr><td>%s</td><td>%,d</td><td>%,d</td><td>%.2f</td></tr>",
                    SvgChart.escape(i.name()),
                    i.requests(),
                    i.serverErrors(),
                    i.cores()));
        }
        Cluster.Delivery d = c.delivery();
        html.append(String.format(
                Locale.ROOT,
                "</table><p><b>Messages:</b> %,d accepted, %,d sent, %,d failed, %,d still open; the SNS stand-in"
                        + " received %,d publishes: %,d lost, %,d sent twice.</p>",
                d.accepted(),
                d.sent(),
                d.failed(),
                d.open(),
                d.published(),
                d.lost(),
                d.duplicates()));
        html.append("<h2>Disruption: ").append(c.disruption().label()).append("</h2><ul>");
        c.events().forEach(e -> html.append("<li>").append(SvgChart.escape(e)).append("</li>"));
        html.append("</ul>");
    }

    private static SvgChart.Series series(
            String name,
            String color,
            double[] t,
            List<Recorder.Second> seconds,
            ToDoubleFunction<Recorder.Second> value) {
        return new SvgChart.Series(
                name, color, t, seconds.stream().mapToDouble(value).toArray());
    }

    private static SvgChart.Series sample(
            String name,
            String color,
            double[] t,
            List<ServerSampler.Sample> samples,
            ToDoubleFunction<ServerSampler.Sample> value) {
        return new SvgChart.Series(
                name, color, t, samples.stream().mapToDouble(value).toArray());
    }
}
