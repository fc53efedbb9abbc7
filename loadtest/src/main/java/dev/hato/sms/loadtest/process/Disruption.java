package dev.hato.sms.loadtest.process;

import dev.hato.sms.loadtest.config.DisruptionKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What happens to a {@link Cluster} while the load runs (-Ddisrupt): a rolling restart (SIGTERM each
 * instance, wait until it is back and ready, then the next), a SIGKILL of one instance, or a fast
 * restart of PostgreSQL. It starts {@code -DdisruptAfter} (default 10 s) into the run and writes down
 * what it did and when, for the report.
 */
public final class Disruption implements Runnable {

    private final DisruptionKind kind;
    private final Cluster cluster;
    private final Duration after;
    private final List<String> events = new ArrayList<>();
    private final long start = System.nanoTime();
    private volatile Exception failure;

    public Disruption(DisruptionKind kind, Cluster cluster, Duration after) {
        this.kind = kind;
        this.cluster = cluster;
        this.after = after;
    }

    public DisruptionKind kind() {
        return kind;
    }

    @Override
    public void run() {
        try {
            Thread.sleep(after.toMillis());
            switch (kind) {
                case ROLLING_RESTART -> {
                    for (ServiceUnderTest instance : cluster.instances()) {
                        event("SIGTERM " + instance.name());
                        instance.terminate();
                        event(instance.name() + " stopped (drained, in-flight requests and publishes finished)");
                        instance.launch();
                        event(instance.name() + " started again and ready");
                    }
                }
                case KILL -> {
                    ServiceUnderTest victim = cluster.instances().get(0);
                    event("SIGKILL " + victim.name() + " (not restarted: the others carry the load)");
                    victim.kill();
                }
                case POSTGRES_RESTART -> {
                    event("pg_ctl restart -m fast");
                    cluster.postgres().fastRestart();
                    event("PostgreSQL accepting connections again");
                }
                case NONE -> {}
            }
        } catch (Exception e) {
            failure = e;
            event("disruption failed: " + e);
        }
    }

    private synchronized void event(String text) {
        String line = String.format(Locale.ROOT, "t=%.1fs %s", (System.nanoTime() - start) / 1e9, text);
        System.out.println("capacity: " + line);
        events.add(line);
    }

    public synchronized List<String> events() {
        return List.copyOf(events);
    }

    Exception failure() {
        return failure;
    }
}
