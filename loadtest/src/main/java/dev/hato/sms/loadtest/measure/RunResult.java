package dev.hato.sms.loadtest.measure;

import dev.hato.sms.loadtest.config.LoadSettings;
import dev.hato.sms.loadtest.load.Recorder;
import java.util.ArrayList;
import java.util.List;

/** The client and server figures of one run, judged against its SLOs. */
public record RunResult(
        LoadSettings settings,
        double windowSeconds,
        List<Recorder.Stats> endpoints,
        List<Recorder.Second> seconds,
        List<ServerSampler.Sample> server,
        long successfulSends,
        int gatlingExitCode,
        Saturation.Finding saturation,
        ClusterFigures cluster) {

    public Recorder.Stats aggregate() {
        return endpoints.get(endpoints.size() - 1);
    }

    public double smsPerHour() {
        return successfulSends * 3600.0 / windowSeconds;
    }

    public double errorRate() {
        return aggregate().requests() == 0
                ? 1
                : (double) aggregate().failures() / aggregate().requests();
    }

    public List<Check> checks() {
        Recorder.Stats all = aggregate();
        List<Check> checks = new ArrayList<>();
        checks.add(new Check(
                "throughput",
                smsPerHour() >= settings.requiredSmsPerHour(),
                String.format(
                        "%,.0f SMS/hour measured, target %,.0f%s",
                        smsPerHour(),
                        settings.targetSmsPerHour(),
                        settings.open() ? " (open model: 2 % allowance for arrival rounding)" : "")));
        checks.add(new Check(
                "p95",
                all.p95Ms() < settings.p95Ms(),
                String.format("p95 %d ms, limit %.0f ms", all.p95Ms(), settings.p95Ms())));
        checks.add(new Check(
                "p99",
                all.p99Ms() < settings.p99Ms(),
                String.format("p99 %d ms, limit %.0f ms", all.p99Ms(), settings.p99Ms())));
        checks.add(new Check(
                "errors",
                (settings.maxErrorRate() == 0 ? all.failures() == 0 : errorRate() < settings.maxErrorRate())
                        && all.requests() > 0,
                String.format(
                        "%d of %d requests failed (%.2f %%), limit %.2f %%",
                        all.failures(), all.requests(), errorRate() * 100, settings.maxErrorRate() * 100)));
        checks.add(new Check("gatling assertions", gatlingExitCode == 0, "Gatling exit code " + gatlingExitCode));
        if (cluster != null) {
            checks.addAll(cluster.checks());
        }
        return checks;
    }

    public boolean passed() {
        return checks().stream().allMatch(Check::ok);
    }

    public String verdictLine() {
        Recorder.Stats all = aggregate();
        String measured = String.format(
                "measured %,.0f SMS/hour at p95 %d ms, %d failures", smsPerHour(), all.p95Ms(), all.failures());
        if (passed()) {
            return String.format("PASS: sustained %,.0f SMS/hour target; %s", settings.targetSmsPerHour(), measured);
        }
        List<String> missed =
                checks().stream().filter(c -> !c.ok()).map(Check::detail).toList();
        return String.format(
                "FAIL: %,.0f SMS/hour target not held; %s (missed: %s)",
                settings.targetSmsPerHour(), measured, String.join("; ", missed));
    }

    /** Average cores each process group used over the run. */
    public CpuSplit cpuShares() {
        return CpuSplit.averageOf(server);
    }
}
