package dev.hato.sms.loadtest.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client-side figures of a run, fed by the scenario after every request: latencies per endpoint and
 * per second, failures per second. Every latency is kept, so percentiles are exact. One instance per
 * run, handed to the scenario with the run's settings ({@link SmsFlowSimulation#prepare}).
 */
public final class Recorder {

    /** Figures of one endpoint (or of all of them). */
    public record Stats(
            String name,
            long requests,
            long failures,
            double requestsPerSecond,
            double failuresPerSecond,
            double meanMs,
            long minMs,
            long p50Ms,
            long p95Ms,
            long p99Ms,
            long maxMs) {}

    /** One second of the run. */
    public record Second(long second, long requests, long failures, long sends, long p50Ms, long p95Ms, long p99Ms) {}

    private static final class Series {
        final List<Long> latencies = new ArrayList<>();
        long failures;
        long noResponse;

        long requests() {
            return latencies.size() + noResponse;
        }
    }

    private final Map<String, Series> endpoints = new ConcurrentHashMap<>();
    private final Map<Long, Series> secondsSeen = new ConcurrentHashMap<>();
    private final Map<Long, long[]> sends = new ConcurrentHashMap<>();
    private volatile long startMillis = System.currentTimeMillis();

    /** A recorder for one run, its clock starting now. */
    public Recorder() {}

    /** Forgets what was recorded and starts the clock again: the run's load begins now. */
    public void reset() {
        endpoints.clear();
        secondsSeen.clear();
        sends.clear();
        startMillis = System.currentTimeMillis();
    }

    public long startMillis() {
        return startMillis;
    }

    /** Records one request; {@code latencyMs} is negative when no response came back. */
    public void record(String name, long latencyMs, boolean failed) {
        long second = (System.currentTimeMillis() - startMillis) / 1000;
        add(endpoints.computeIfAbsent(name, n -> new Series()), latencyMs, failed);
        add(secondsSeen.computeIfAbsent(second, s -> new Series()), latencyMs, failed);
        if (!failed && name.equals(Endpoints.SEND)) {
            sends.computeIfAbsent(second, s -> new long[1]);
            synchronized (sends.get(second)) {
                sends.get(second)[0]++;
            }
        }
    }

    private void add(Series series, long latencyMs, boolean failed) {
        synchronized (series) {
            if (latencyMs >= 0) {
                series.latencies.add(latencyMs);
            } else {
                series.noResponse++;
            }
            if (failed) {
                series.failures++;
            }
        }
    }

    /** Per endpoint, then an "Aggregated" row, over {@code seconds} of measurement. */
    public List<Stats> stats(double seconds) {
        List<Stats> rows = new ArrayList<>();
        Series all = new Series();
        for (Map.Entry<String, Series> entry : new TreeMap<>(endpoints).entrySet()) {
            synchronized (entry.getValue()) {
                rows.add(stats(entry.getKey(), entry.getValue(), seconds));
                all.latencies.addAll(entry.getValue().latencies);
                all.failures += entry.getValue().failures;
                all.noResponse += entry.getValue().noResponse;
            }
        }
        rows.add(stats("Aggregated", all, seconds));
        return rows;
    }

    public long successfulSends() {
        return sends.values().stream().mapToLong(c -> c[0]).sum();
    }

    public List<Second> seconds() {
        List<Second> result = new ArrayList<>();
        for (Map.Entry<Long, Series> entry : new TreeMap<>(secondsSeen).entrySet()) {
            Series s = entry.getValue();
            synchronized (s) {
                long[] sorted = sorted(s.latencies);
                long[] sent = sends.get(entry.getKey());
                result.add(new Second(
                        entry.getKey(),
                        s.requests(),
                        s.failures,
                        sent == null ? 0 : sent[0],
                        percentile(sorted, 50),
                        percentile(sorted, 95),
                        percentile(sorted, 99)));
            }
        }
        return result;
    }

    private static Stats stats(String name, Series s, double seconds) {
        long[] sorted = sorted(s.latencies);
        long requests = s.requests();
        double mean = sorted.length == 0 ? 0 : Arrays.stream(sorted).average().orElse(0);
        return new Stats(
                name,
                requests,
                s.failures,
                requests / seconds,
                s.failures / seconds,
                mean,
                sorted.length == 0 ? 0 : sorted[0],
                percentile(sorted, 50),
                percentile(sorted, 95),
                percentile(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
    }

    private static long[] sorted(List<Long> latencies) {
        long[] values = latencies.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(values);
        return values;
    }

    /** Nearest-rank percentile, the definition Locust and Gatling use. */
    public static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** Snapshot for progress lines: requests, failures and percentiles of the last {@code window} seconds. */
    public String progress(int window) {
        long now = (System.currentTimeMillis() - startMillis) / 1000;
        List<Long> latencies = new ArrayList<>();
        long failures = 0;
        long sent = 0;
        for (long second = Math.max(0, now - window); second < now; second++) {
            Series s = secondsSeen.get(second);
            if (s != null) {
                synchronized (s) {
                    latencies.addAll(s.latencies);
                    failures += s.failures;
                }
            }
            long[] c = sends.get(second);
            if (c != null) {
                sent += c[0];
            }
        }
        long[] sorted = sorted(latencies);
        return String.format(
                "t=%4ds  %7.1f req/s  %9.0f SMS/h  p50/p95/p99 %d/%d/%d ms  errors %d (total %d)",
                now,
                (double) sorted.length / window,
                sent * 3600.0 / window,
                percentile(sorted, 50),
                percentile(sorted, 95),
                percentile(sorted, 99),
                failures,
                endpoints.values().stream().mapToLong(s -> s.failures).sum());
    }
}
