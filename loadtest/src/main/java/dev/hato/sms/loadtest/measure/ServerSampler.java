package dev.hato.sms.loadtest.measure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.hato.sms.loadtest.config.LoadSettings;
import dev.hato.sms.loadtest.load.Recorder;
import dev.hato.sms.loadtest.load.StaffSession;
import dev.hato.sms.loadtest.process.Deployment;
import dev.hato.sms.loadtest.process.ProcessCpu;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the service during a run: its own figures from /api/ops/summary (as a logged-in staff
 * member, like an operator) and the CPU split of this machine from /proc.
 */
public final class ServerSampler implements AutoCloseable {

    /** One sample; CPU figures are cores used since the previous sample. */
    public record Sample(
            double second,
            double loadGeneratorCores,
            double serviceCores,
            double postgresCores,
            double otherCores,
            double heapUsedMb,
            double heapMaxMb,
            double poolActive,
            double poolPending,
            double poolMax,
            double pgConnections,
            double pgMaxConnections,
            double deadlocks,
            double lockWaits,
            double queueDepth,
            double oldestQueuedSeconds,
            double deliveryP95Ms) {

        /** This sample's CPU split only: the service's own figures could not be read (NaN, not 0). */
        Sample withoutServerFigures() {
            double n = Double.NaN;
            return new Sample(
                    second,
                    loadGeneratorCores,
                    serviceCores,
                    postgresCores,
                    otherCores,
                    n,
                    n,
                    n,
                    n,
                    n,
                    n,
                    n,
                    n,
                    n,
                    n,
                    n,
                    n);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StaffSession session;
    private final ProcessCpu cpu;
    private final List<Sample> samples = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "server-sampler");
        t.setDaemon(true);
        return t;
    });
    private ProcessCpu.Reading previous;
    private volatile JsonNode last;
    private boolean summaryMissing;
    private int unavailable;

    private ProcessCpu.Reading first;
    private final Recorder recorder;

    public ServerSampler(LoadSettings settings, Deployment deployment, Recorder recorder) {
        this.recorder = recorder;
        this.session = StaffSession.login(settings);
        this.cpu = new ProcessCpu(deployment::pids);
        this.previous = cpu.read();
        this.first = previous;
        long interval = settings.sampleInterval().toMillis();
        timer.scheduleAtFixedRate(this::sample, interval, interval, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        try {
            JsonNode answer = serverSummary();
            JsonNode summary = answer == null ? MissingNode.getInstance() : answer;
            ProcessCpu.Reading now = cpu.read();
            double seconds = (now.nanoTime() - previous.nanoTime()) / 1e9;
            double loadGen = (now.loadGenerator() - previous.loadGenerator()) / seconds;
            double service = (now.service() - previous.service()) / seconds;
            double postgres = (now.postgres() - previous.postgres()) / seconds;
            double machine = (now.machineBusy() - previous.machineBusy()) / seconds;
            previous = now;
            JsonNode pg = summary.path("postgres");
            double connections = 0;
            for (JsonNode n : pg.path("connections_by_state")) {
                connections += n.asDouble();
            }
            Sample sample = new Sample(
                    (System.currentTimeMillis() - recorder.startMillis()) / 1000.0,
                    loadGen,
                    service,
                    postgres,
                    Math.max(0, machine - loadGen - service - postgres),
                    summary.path("jvm").path("heap_used_bytes").asDouble() / 1e6,
                    summary.path("jvm").path("heap_max_bytes").asDouble() / 1e6,
                    summary.path("pool").path("active").asDouble(),
                    summary.path("pool").path("pending").asDouble(),
                    summary.path("pool").path("max").asDouble(),
                    connections,
                    pg.path("max_connections").asDouble(),
                    pg.path("database").path("deadlocks").asDouble(),
                    pg.path("lock_waits").asDouble(),
                    summary.path("sms").path("queue_depth").asDouble(),
                    summary.path("sms").path("oldest_queued_age_seconds").asDouble(),
                    summary.path("sms").path("delivery_latency_ms").path("p95").asDouble());
            synchronized (samples) {
                samples.add(answer == null ? sample.withoutServerFigures() : sample);
            }
        } catch (RuntimeException e) {
            System.out.println("capacity: server sample failed: " + e.getMessage());
        }
    }

    /**
     * The service's own figures, an empty document when it has none (the Django reference has no
     * /api/ops/summary: the CPU split is still sampled), or null when they could not be read this time.
     */
    private JsonNode serverSummary() {
        if (summaryMissing) {
            return MissingNode.getInstance();
        }
        try {
            Optional<String> body = session.find("/api/ops/summary");
            if (body.isEmpty()) {
                summaryMissing = true;
                System.out.println("capacity: the service has no /api/ops/summary; sampling CPU only");
                return MissingNode.getInstance();
            }
            JsonNode summary = JSON.readTree(body.get());
            last = summary;
            return summary;
        } catch (RuntimeException | java.io.IOException e) {
            // An overloaded service may answer 503 here for a moment: exactly when its figures matter,
            // so this sample is a gap (not zeros) and the next one asks again.
            if (unavailable++ == 0) {
                System.out.println("capacity: server figures unavailable (" + e.getMessage()
                        + "); gaps in the timeline where that recurs");
            }
            return null;
        }
    }

    public List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    /** Average cores each instance used over the run so far. */
    public Map<String, Double> coresPerInstance() {
        ProcessCpu.Reading now = cpu.read();
        double seconds = Math.max(1e-9, (now.nanoTime() - first.nanoTime()) / 1e9);
        Map<String, Double> cores = new TreeMap<>();
        now.instances()
                .forEach((name, total) ->
                        cores.put(name, (total - first.instances().getOrDefault(name, 0.0)) / seconds));
        return cores;
    }

    /** The last ops summary seen (slowest statements, totals). */
    public JsonNode lastSummary() {
        return last;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        sample();
    }
}
