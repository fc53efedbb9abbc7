package dev.hato.sms.loadtest.measure;

import dev.hato.sms.loadtest.config.LoadSettings;
import dev.hato.sms.loadtest.load.Recorder;
import java.util.List;

/**
 * Names the first resource to saturate during a run: the first sample in which one of the service's
 * limits was reached. The order of the checks breaks ties within one sample.
 */
public final class Saturation {

    public record Finding(String resource, double atSecond, String evidence) {

        static Finding none() {
            return new Finding(
                    "none", -1, "no resource reached its limit: the offered load (users and think time) set the pace");
        }
    }

    private Saturation() {}

    static Finding limitReached(ServerSampler.Sample s, int cores) {
        double busy = s.loadGeneratorCores() + s.serviceCores() + s.postgresCores() + s.otherCores();
        if (busy >= 0.9 * cores) {
            return new Finding(
                    "CPU",
                    s.second(),
                    String.format(
                            "%.2f of %d cores busy (load generator %.2f, service %.2f, PostgreSQL %.2f)",
                            busy, cores, s.loadGeneratorCores(), s.serviceCores(), s.postgresCores()));
        }
        if (s.poolPending() > 0) {
            return new Finding(
                    "connection pool",
                    s.second(),
                    String.format(
                            "%.0f requests waiting for one of %.0f pool connections", s.poolPending(), s.poolMax()));
        }
        if (s.pgMaxConnections() > 0 && s.pgConnections() >= 0.9 * s.pgMaxConnections()) {
            return new Finding(
                    "PostgreSQL connections",
                    s.second(),
                    String.format("%.0f of max_connections %.0f in use", s.pgConnections(), s.pgMaxConnections()));
        }
        if (s.heapMaxMb() > 0 && s.heapUsedMb() >= 0.9 * s.heapMaxMb()) {
            return new Finding(
                    "heap", s.second(), String.format("%.0f of %.0f MB heap used", s.heapUsedMb(), s.heapMaxMb()));
        }
        if (s.oldestQueuedSeconds() > 60) {
            return new Finding(
                    "delivery (provider quota)",
                    s.second(),
                    String.format(
                            "%.0f messages queued, the oldest for %.0f s", s.queueDepth(), s.oldestQueuedSeconds()));
        }
        return null;
    }

    /**
     * A limit counts once it holds in two samples in a row, so start-up (JIT, class loading, the
     * first logins) does not count as saturation.
     */
    public static Finding first(
            List<ServerSampler.Sample> samples, List<Recorder.Second> seconds, LoadSettings settings) {
        int cores = Runtime.getRuntime().availableProcessors();
        Finding pending = null;
        for (ServerSampler.Sample s : samples) {
            Finding now = limitReached(s, cores);
            if (now != null && pending != null && now.resource().equals(pending.resource())) {
                return pending;
            }
            pending = now;
        }
        for (Recorder.Second second : seconds) {
            if (second.requests() > 20 && second.p95Ms() >= settings.p95Ms()) {
                return new Finding(
                        "latency",
                        second.second(),
                        String.format(
                                "p95 %d ms over the %.0f ms SLO with no server limit reached (queueing in the service)",
                                second.p95Ms(), settings.p95Ms()));
            }
        }
        return Finding.none();
    }
}
