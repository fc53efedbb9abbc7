package dev.hato.sms.ops;

import dev.hato.sms.dispatch.SmsMetricNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/** The current value of every figure docs/operations.md lists, as one document for the capacity report. */
@Component
class OpsSummary {

    private final MeterRegistry registry;
    private final PostgresStats postgres;
    private final java.time.Clock clock;

    OpsSummary(MeterRegistry registry, PostgresStats postgres, java.time.Clock clock) {
        this.registry = registry;
        this.postgres = postgres;
        this.clock = clock;
    }

    Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("sampled_at", clock.instant().toString());
        summary.put("sms", sms());
        summary.put("http", http());
        summary.put("jvm", jvm());
        summary.put("pool", pool());
        summary.put("postgres", postgres.snapshot());
        return summary;
    }

    private Map<String, Object> sms() {
        Map<String, Object> sms = new LinkedHashMap<>();
        sms.put("accepted", count(SmsMetricNames.ACCEPTED));
        sms.put("sent", count(SmsMetricNames.SENT));
        sms.put(
                "failed_permanent",
                countTagged(SmsMetricNames.FAILED, SmsMetricNames.REASON, SmsMetricNames.PERMANENT));
        sms.put(
                "failed_exhausted",
                countTagged(SmsMetricNames.FAILED, SmsMetricNames.REASON, SmsMetricNames.EXHAUSTED));
        sms.put(
                "failed_opted_out",
                countTagged(SmsMetricNames.FAILED, SmsMetricNames.REASON, SmsMetricNames.OPTED_OUT));
        sms.put("retried", count(SmsMetricNames.RETRIED));
        sms.put("queue_depth", gauge(SmsMetricNames.QUEUE_DEPTH));
        sms.put("oldest_queued_age_seconds", gauge(SmsMetricNames.QUEUE_OLDEST_AGE));
        sms.put(
                "delivery_latency_ms",
                timer(registry.find(SmsMetricNames.DELIVERY_LATENCY).timers()));
        sms.put(
                "provider_latency_ms",
                timer(registry.find(SmsMetricNames.PROVIDER_LATENCY).timers()));
        sms.put(
                "rate_limiter_wait_ms",
                timer(registry.find(SmsMetricNames.RATE_LIMITER_WAIT).timers()));
        return sms;
    }

    private Map<String, Object> http() {
        Collection<Timer> timers = registry.find("http.server.requests").timers();
        long errors = registry.find("http.server.requests").tag("outcome", "SERVER_ERROR").timers().stream()
                .mapToLong(Timer::count)
                .sum();
        Map<String, Object> http = new LinkedHashMap<>(timer(timers));
        http.put("server_errors", errors);
        return http;
    }

    private Map<String, Object> jvm() {
        Map<String, Object> jvm = new LinkedHashMap<>();
        jvm.put("heap_used_bytes", sumGauges("jvm.memory.used", "area", "heap"));
        jvm.put("heap_max_bytes", sumGauges("jvm.memory.max", "area", "heap"));
        jvm.put("process_cpu_usage", gauge("process.cpu.usage"));
        jvm.put("system_cpu_usage", gauge("system.cpu.usage"));
        jvm.put("cpu_count", gauge("system.cpu.count"));
        jvm.put("threads_live", gauge("jvm.threads.live"));
        return jvm;
    }

    private Map<String, Object> pool() {
        Map<String, Object> pool = new LinkedHashMap<>();
        for (String figure : new String[] {"active", "idle", "pending", "max"}) {
            pool.put(figure, gauge("hikaricp.connections." + figure));
        }
        return pool;
    }

    private Map<String, Object> timer(Collection<Timer> timers) {
        Map<String, Object> figures = new LinkedHashMap<>();
        long count = timers.stream().mapToLong(Timer::count).sum();
        figures.put("count", count);
        figures.put(
                "mean",
                count == 0
                        ? 0
                        : timers.stream()
                                        .mapToDouble(t -> t.totalTime(TimeUnit.MILLISECONDS))
                                        .sum()
                                / count);
        figures.put(
                "max",
                timers.stream()
                        .mapToDouble(t -> t.max(TimeUnit.MILLISECONDS))
                        .max()
                        .orElse(0));
        // Percentiles are per timer; the busiest one stands for the group.
        timers.stream().max(java.util.Comparator.comparingLong(Timer::count)).ifPresent(busiest -> {
            for (ValueAtPercentile p : busiest.takeSnapshot().percentileValues()) {
                figures.put("p" + Math.round(p.percentile() * 100), p.value(TimeUnit.MILLISECONDS));
            }
        });
        return figures;
    }

    private double count(String name) {
        return registry.find(name).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    private double countTagged(String name, String tag, String value) {
        return registry.find(name).tag(tag, value).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    private double gauge(String name) {
        Gauge gauge = registry.find(name).gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }

    private double sumGauges(String name, String tag, String value) {
        return registry.find(name).tag(tag, value).gauges().stream()
                .mapToDouble(Gauge::value)
                .filter(v -> v >= 0)
                .sum();
    }
}
