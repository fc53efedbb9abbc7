package dev.hato.sms.loadtest.process;

import dev.hato.sms.loadtest.config.RunConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Several instances of the service on one PostgreSQL behind HAProxy, publishing to moto's SNS
 * stand-in: what a team runs on ECS, on this machine. Instances can be stopped (SIGTERM), killed
 * (SIGKILL) and started again, PostgreSQL restarted, and every message counted from acceptance to
 * what the stand-in was asked to send.
 */
public final class Cluster implements Deployment {

    /** What became of the accepted messages, and what the SNS stand-in received. */
    public record Delivery(
            long accepted, long sent, long failed, long open, long published, long lost, long duplicates) {

        /** What changed since {@code before}: the figures of one run on a cluster that served earlier ones. */
        public Delivery since(Delivery before) {
            return new Delivery(
                    accepted - before.accepted,
                    sent - before.sent,
                    failed - before.failed,
                    open,
                    published - before.published,
                    lost - before.lost,
                    duplicates - before.duplicates);
        }
    }

    private final DebianPostgres postgres;
    private final MotoServer moto;
    private final List<ServiceUnderTest> instances;
    private final Haproxy haproxy;

    private Cluster(DebianPostgres postgres, MotoServer moto, List<ServiceUnderTest> instances, Haproxy haproxy) {
        this.postgres = postgres;
        this.moto = moto;
        this.instances = instances;
        this.haproxy = haproxy;
    }

    public static Cluster start(RunConfig config, int count, Path out) throws Exception {
        // Every program is looked for before anything starts: a missing one fails the run at once.
        Haproxy.requireInstalled();
        Files.createDirectories(out);
        List<AutoCloseable> started = new ArrayList<>();
        try {
            return start(config, count, out, started);
        } catch (Exception | Error e) {
            // Half-way: stop what did start, newest first, and report the first failure.
            for (int i = started.size() - 1; i >= 0; i--) {
                try {
                    started.get(i).close();
                } catch (Exception closing) {
                    e.addSuppressed(closing);
                }
            }
            throw e;
        }
    }

    private static Cluster start(RunConfig config, int count, Path out, List<AutoCloseable> started) throws Exception {
        DebianPostgres postgres = DebianPostgres.start(out.resolve("postgres.log"));
        started.add(postgres);
        // -DclusterProvider=sandbox: the service's own sandbox provider (no stand-in process, nothing to
        // count at a provider), for measuring the service itself.
        boolean sandbox = config.clusterProvider().equals("sandbox");
        MotoServer moto = sandbox ? null : MotoServer.start(out.resolve("moto.log"));
        if (moto != null) {
            started.add(moto);
        }
        List<String> providerArgs = sandbox
                ? List.of("--sms.provider=sandbox")
                : List.of(
                        "--sms.provider=sns",
                        "--sms.sns.endpoint-url=" + moto.endpoint(),
                        "--sms.sns.region=us-east-1",
                        "--sms.sns.access-key-id=test",
                        "--sms.sns.secret-access-key=test");
        List<String> datasource = List.of(
                "--spring.datasource.url=" + postgres.jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=");
        List<String> args = new ArrayList<>(datasource);
        args.addAll(List.of(
                "--server.address=127.0.0.1",
                // Longer than HAProxy needs to see readiness DOWN (2 checks 500 ms apart).
                "--sms.shutdown.drain-period=" + config.drainPeriod().toMillis() + "ms",
                // The abuse limits are for people; a load test is one staff member sending thousands.
                "--sms.limits.per-user-per-minute=0",
                "--sms.limits.per-destination-per-hour=0",
                "--sms.limits.daily-segments=0",
                "--sms.dispatch.rate-per-second=" + config.providerRate(),
                // A killed instance's claimed messages come back after this, not after the default minute.
                "--sms.dispatch.lease-timeout=" + config.leaseTimeout().toMillis() + "ms"));
        args.addAll(providerArgs);
        args.addAll(config.serviceArgs());
        LoadUser.create(config, datasource, out);
        Map<String, Integer> ports = new LinkedHashMap<>();
        List<Future<ServiceUnderTest>> starting = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(count);
        List<ServiceUnderTest> instances = new ArrayList<>();
        try {
            for (int i = 1; i <= count; i++) {
                String name = "instance-" + i;
                int port = ServiceUnderTest.freePort();
                ports.put(name, port);
                Path log = out.resolve(name + ".log");
                Files.deleteIfExists(log);
                starting.add(pool.submit(() -> ServiceUnderTest.instance(config, name, port, args, log)));
            }
            // Every start is waited for, failed or not, so that all that did start can be stopped.
            Exception failure = null;
            for (Future<ServiceUnderTest> f : starting) {
                try {
                    instances.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    failure = failure == null ? e : failure;
                }
            }
            started.addAll(instances);
            if (failure != null) {
                throw failure;
            }
        } finally {
            pool.shutdown();
        }
        return new Cluster(postgres, moto, instances, Haproxy.start(ports, out));
    }

    @Override
    public String baseUrl() {
        return haproxy.baseUrl();
    }

    @Override
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        instances.forEach(i -> pids.putAll(i.pids()));
        return pids;
    }

    /** Per instance, as HAProxy counted so far: {requests sent to it, its 5xx answers}. */
    public Map<String, long[]> served() {
        Map<String, long[]> served = new LinkedHashMap<>();
        try {
            haproxy.stats().forEach((name, s) -> served.put(name, new long[] {count(s, "stot"), count(s, "hrsp_5xx")}));
        } catch (Exception e) {
            System.out.println("capacity: HAProxy statistics unavailable: " + e.getMessage());
        }
        return served;
    }

    private static long count(Map<String, String> stats, String column) {
        String value = stats.getOrDefault(column, "");
        return value.isBlank() ? 0 : Long.parseLong(value);
    }

    public List<ServiceUnderTest> instances() {
        return instances;
    }

    public DebianPostgres postgres() {
        return postgres;
    }

    /** Waits until no message is queued or being sent (a killed instance's leases expire first). */
    public Delivery settle(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Delivery delivery = delivery();
        while (delivery.open() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            delivery = delivery();
        }
        return delivery;
    }

    /** Counted per phone number: what was accepted for it against what the stand-in was asked to send. */
    Delivery delivery() throws Exception {
        Map<String, long[]> perPhone = new LinkedHashMap<>();
        long sent = 0;
        long failed = 0;
        long open = 0;
        try (Connection c = postgres.connect("hato");
                ResultSet rs = c.createStatement()
                        .executeQuery("select phone_number_e164, status, count(*) from messages group by 1, 2")) {
            while (rs.next()) {
                long n = rs.getLong(3);
                switch (rs.getString(2)) {
                    case "sent" -> sent += n;
                    case "failed" -> failed += n;
                    default -> open += n;
                }
                if (!rs.getString(2).equals("failed")) {
                    perPhone.computeIfAbsent(rs.getString(1), k -> new long[2])[0] += n;
                }
            }
        }
        long published = 0;
        Map<String, Long> publishes = moto == null ? Map.of() : moto.publishesPerPhone();
        for (Map.Entry<String, Long> e : publishes.entrySet()) {
            perPhone.computeIfAbsent(e.getKey(), k -> new long[2])[1] += e.getValue();
            published += e.getValue();
        }
        if (moto == null) {
            return new Delivery(sent + failed + open, sent, failed, open, -1, 0, 0); // nothing counted at a provider
        }
        long lost = 0;
        long duplicates = 0;
        for (long[] counts : perPhone.values()) {
            lost += Math.max(0, counts[0] - counts[1]);
            duplicates += Math.max(0, counts[1] - counts[0]);
        }
        // Messages still open are not lost yet: only a settled outbox says so.
        return new Delivery(sent + failed + open, sent, failed, open, published, Math.max(0, lost - open), duplicates);
    }

    @Override
    public void close() throws Exception {
        haproxy.close();
        for (ServiceUnderTest instance : instances) {
            instance.close();
        }
        if (moto != null) {
            moto.close();
        }
        postgres.close();
    }
}
